"""Split an article into the passages a reader sees, each with the anchor that links to it."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from markdown.extensions.toc import slugify

from corpus.read.articles import Article
from corpus.extensions.paragraphs import ID_PREFIX
from corpus.text import normalise, sentences

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The id the article header gives its headline.
TITLE_ANCHOR = "article-title"

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Passage:
    """A headline, heading or paragraph of an article, as plain text, with its page anchor."""

    anchor: str
    kind: str
    text: str


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def passages(article: Article) -> tuple[Passage, ...]:
    """Return the article's passages in page order: headline (if the source's), then body blocks."""
    found = [] if article.title_supplied else [Passage(TITLE_ANCHOR, "title", article.title)]
    number = 0
    for block in re.split(r"\n[ \t]*\n", article.body.strip()):
        block = block.strip()
        if not block or block.startswith("*["):
            continue
        heading = HEADING.match(block)
        if heading:
            text = _plain(heading.group(2))
            found.append(Passage(slugify(normalise(text), "-"), "heading", text))
        else:
            number += 1
            found.append(Passage(f"{ID_PREFIX}{number}", "paragraph", _plain(" ".join(block.split()))))
    return tuple(found)


@lru_cache(maxsize=4096)
def plain_texts(article: Article) -> tuple[str, ...]:
    """The text of each of the article's passages (passages()), in order, with the site's
    typography undone (normalise): what the counts search, made once an article."""
    return tuple(normalise(passage.text) for passage in passages(article))


@lru_cache(maxsize=4096)
def body_sentences(article: Article) -> tuple[tuple[Passage, str], ...]:
    """The sentences of the article's paragraphs (not its headline or headings), with their passage."""
    return tuple((p, s) for p in passages(article) if p.kind == "paragraph" for s in sentences(p.text))


def page_link(slug: str, anchor: str | None) -> str:
    """Markdown link from the analysis page (analysis.md) to a passage; the headline is the top of the page.

    The headline's id comes from the header template, which MkDocs' anchor check cannot see.
    """
    if anchor is None or anchor == TITLE_ANCHOR:
        return f"articles/{slug}.md"
    return f"articles/{slug}.md#{anchor}"


def comparable(text: str) -> str:
    """Text reduced for quote matching: whitespace collapsed, quote marks made plain."""
    return " ".join(normalise(text).replace("`", "'").split())


def find_quote(article: Article, quote: str) -> Passage | None:
    """The passage that holds the quote verbatim (ignoring whitespace and quote-mark style)."""
    wanted = comparable(quote)
    if not wanted:
        return None
    for passage in passages(article):
        if wanted in comparable(passage.text):
            return passage
    return None


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _plain(markdown_text: str) -> str:
    """The text a reader sees of a Markdown line: backslash escapes and character references undone."""
    return html.unescape(ESCAPE.sub(r"\1", markdown_text))
