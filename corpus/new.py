"""Add an article from its original text: copy the original into docs/sources/ byte for byte and
write its page, docs/articles/<slug>.md, as Markdown that keeps every character of it.

Run as `python -m corpus.new path/to/original.txt [project folder]` (`make article
ORIGINAL=...`). The page's front matter holds what the original tells (the headline, when its first
line is one; a byline or page furniture on a line of its own) and `added`, today, the site's date;
the fields a person must supply are left empty, and the check refuses the page until they are
written. The page's text is each line of the original as a paragraph, every character Markdown
would read as syntax escaped; the page is checked with the site's own Markdown before anything is
written, and any problem is one line naming the file and the field.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from corpus.problems import CorpusError
from corpus.read.articles import ARTICLES_DIR, SOURCES_DIR, ArticleError, load_article
from corpus.read.config import CONFIG, read_settings
from corpus.read.fidelity import check_fidelity
from corpus.read.reading import read_text
from corpus.read.rendering import render, site_markdown

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Characters that Markdown (with the site's extensions: attribute lists, abbreviations) reads as
# syntax anywhere in a line, written with a backslash; and those written as an entity (Markdown
# has no backslash for them): raw HTML, entities, snippets ("--8<--").
BACKSLASHED = set("\\`*_{}[]")
ENTITIES = {"<": "&lt;", "&": "&amp;"}
# What opens a block when it starts a line (headings, quotes, lists, rules, admonitions, details),
# and how its first character is written instead.
LINE_STARTS = re.compile(r"[#>+\-!]|\d+[.)]|\?\?\?|=+$|:")
STARTS_WRITTEN = {"?": "&#63;", "=": "&#61;", ":": "&#58;"}

# A headline: a first line of at most this many words, not ended like a sentence, with more after it.
HEADLINE_WORDS = 25
# A byline the page shows in its header, and the update date it gives.
BYLINE = re.compile(r"(?:By\s.{1,80}|.{1,80}\s[Uu]pdated on (\d{4}-\d{2}-\d{2}))")
# Page furniture: lines of the web page the text was taken from, not of the article.
FURNITURE = {
    "comments", "related pages", "related articles", "related", "share", "share this", "advertisement",
    "read more", "print", "tags", "recommended", "more from this section",
}

# A page's name: its first words, at most so many, so long.
SLUG_WORDS = 8
SLUG_LENGTH = 60

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class NewArticleError(CorpusError):
    """Why an article could not be added, one line naming the file and the field."""


@dataclass
class Draft:
    """What the command can tell from an original: its headline (or none), byline, update date,
    furniture, and the page's text as Markdown."""

    title: str | None
    byline: str | None = None
    updated: str | None = None
    dropped: list[str] = field(default_factory=list)
    body: str = ""


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def escape_line(line: str) -> str:
    """A line of the original as a paragraph of Markdown that shows every character of it as
    written (whitespace aside, which the page does not keep as written)."""
    text = "".join("\\" + ch if ch in BACKSLASHED else ENTITIES.get(ch, ch) for ch in " ".join(line.split()))
    if LINE_STARTS.match(text):
        first = text[0]
        text = ("\\" + first if first in "#>+-!" else STARTS_WRITTEN.get(first, first)) + text[1:]
        text = re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return text


def draft(text: str) -> Draft:
    """The page an original makes: the headline when its first line is one, a byline and page
    furniture recognised on lines of their own, and every other line a paragraph."""
    lines = [line.strip() for line in text.splitlines()]
    filled = [line for line in lines if line]
    first = filled[0] if filled else ""
    headline = (
        len(filled) > 1 and len(first.split()) <= HEADLINE_WORDS and not first.endswith((".", ":", ";", ","))
    )
    found = Draft(first if headline else None)
    paragraphs = []
    for line in filled[1:] if headline else filled:
        byline = BYLINE.fullmatch(line)
        if line.casefold().rstrip(":") in FURNITURE and line not in found.dropped:
            found.dropped.append(line)
        elif byline and found.byline is None and len(line.split()) <= 12:
            found.byline, found.updated = line, byline.group(1)
        else:
            paragraphs.append(escape_line(line))
    found.body = "\n\n".join(paragraphs) + "\n"
    return found


def page_slug(words: str, fallback: str) -> str:
    """The page's name, and so its address: its first words (at most SLUG_WORDS, about SLUG_LENGTH
    letters), in lower case joined by hyphens; the original's name where they give none."""
    parts = re.sub(r"[^a-z0-9\s-]+", "", words.lower()).split()
    slug = ""
    for part in parts[:SLUG_WORDS]:
        if slug and len(slug) + 1 + len(part) > SLUG_LENGTH:
            break
        slug = f"{slug}-{part}" if slug else part
    return slug.strip("-") or re.sub(r"[^a-z0-9-]+", "-", fallback.lower()).strip("-") or "article"


def page_text(found: Draft, original: str, today: dt.date) -> str:
    """The page: front matter, with the fields a person must supply left empty and said so, then
    the text."""
    lines = ["---"]
    if found.title is not None:
        lines.append(f"title: {json.dumps(found.title, ensure_ascii=False)}")
    else:
        lines += ["# The source has no headline on a line of its own: write the title the site gives it.",
                  'title: ""', "title_supplied: true"]
    lines += ["source: Not stated  # the outlet the text names as publisher, if it names one",
              f"original: {json.dumps(original, ensure_ascii=False)}",
              f"added: {today.isoformat()}  # the day the article joined the collection: the site's date"]
    if found.updated:
        lines.append(f"updated: {found.updated}  # the date the text gives as an update")
    if found.byline:
        lines.append(f"byline: {json.dumps(found.byline, ensure_ascii=False)}")
    if found.dropped:
        lines.append("dropped: " + json.dumps(found.dropped, ensure_ascii=False) + "  # page furniture, not the article's")
    lines += ["# One to three neutral sentences, the site's own: what the article says, attributed to it.",
              'summary: ""', "---", ""]
    return "\n".join(lines) + "\n" + found.body


def add_article(original: Path, root: Path, today: dt.date | None = None) -> tuple[Path, Path]:
    """Copy `original` into the project's docs/sources/ and write its page; return (page, copy).
    Raise NewArticleError, writing nothing, if the original cannot be read as UTF-8, its name or
    its page's is taken, or the page would not keep every character of it."""
    docs = root / "docs"
    name = original.name
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.txt", name):
        raise NewArticleError(f"{original}: file: name must be letters, digits, '.', '_' or '-', ending in .txt")
    text = read_text(original, str(original), NewArticleError)
    copy = docs / SOURCES_DIR / name
    if copy.exists():
        raise NewArticleError(f"{docs.name}/{SOURCES_DIR}/{name}: file: already exists (an original of that name is in the collection)")
    found = draft(text)
    slug = page_slug(found.title or text.split("\n", 1)[0], original.stem)
    page = docs / ARTICLES_DIR / f"{slug}.md"
    if page.exists():
        raise NewArticleError(f"{docs.name}/{ARTICLES_DIR}/{slug}.md: file: already exists (an article of that name is in the collection)")
    content = page_text(found, name, today or dt.date.today())
    # Checked before anything is written: the page, read as the site reads it, keeps every character.
    copy.parent.mkdir(parents=True, exist_ok=True)
    page.parent.mkdir(parents=True, exist_ok=True)
    try:
        copy.write_bytes(original.read_bytes())
        page.write_text(content, encoding="utf-8")
        label = f"{docs.name}/{ARTICLES_DIR}/{page.name}"
        article = load_article(page, docs, label, parsed=_unchecked_fields)
        check_fidelity(article, render(site_markdown(read_settings(root / CONFIG)), article.body))
    except (ArticleError, CorpusError) as error:
        copy.unlink(missing_ok=True)
        page.unlink(missing_ok=True)
        raise NewArticleError(*error.lines) from None
    return page, copy


def main(argv: list[str] | None = None) -> int:
    """Add the article; print where its files are and what to do next, or the problem in one line."""
    parser = argparse.ArgumentParser(prog="python -m corpus.new", description=__doc__.splitlines()[0])
    parser.add_argument("original", type=Path, help="the original text, as received (UTF-8)")
    parser.add_argument("root", nargs="?", type=Path, default=Path("."), help="the project folder (the one holding mkdocs.yml)")
    args = parser.parse_args(argv)
    if not (args.root / CONFIG).is_file():
        print(f"{args.root / CONFIG}: file: does not exist (run from the project folder or name it)")
        return 2
    try:
        page, copy = add_article(args.original, args.root)
    except CorpusError as error:
        for line in error.lines:
            print(line)
        return 1
    text = page.read_text(encoding="utf-8")
    print(f"Added {copy.relative_to(args.root)} (byte for byte) and {page.relative_to(args.root)}.")
    print("Next:")
    step = 1
    if 'title: ""' in text:
        print(f"  {step}. Write the title in {page.relative_to(args.root)} (the source has no headline on a line of its own).")
        step += 1
    print(f"  {step}. Write the summary in {page.relative_to(args.root)}: one to three neutral sentences, the site's own;")
    print("     check the source, the type and the lines recognised as byline or furniture.")
    print(f"  {step + 1}. Run `make check`: it lists what is left, one line each.")
    print(f"  {step + 2}. Curate what the analysis says about it in data/ (see README, \"Adding an article\"), then `make test`.")
    return 0


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _unchecked_fields(text: str, name: str) -> tuple[dict, str]:
    """The page's front matter and body, with the fields a person must still supply given
    stand-ins, so that the text can be checked before they are written."""
    from corpus.read.articles import check_fields, split_front_matter

    meta, body = split_front_matter(text, name)
    meta = {**meta, "summary": meta.get("summary") or "(to be written)", "title": meta.get("title") or "(to be written)"}
    return check_fields(meta, name), body


if __name__ == "__main__":
    sys.exit(main())
