"""The pages of the stage, as Markdown that either engine builds: front matter the theme reads,
the site's own parts as HTML rendered with autoescape, and each article's own Markdown unchanged."""

from __future__ import annotations

import html
import json
import re

import yaml
from markupsafe import Markup

from corpus.analyse import contexts
from corpus.read.articles import ARTICLES_DIR, SOURCES_DIR, Article
from corpus.read.lines import line_map
from corpus.extensions.rendered import block
from corpus.write import figures
from corpus.write.articles_index import index_rows
from corpus.write.citations import CUT, PARAGRAPH_SLOT, Cited
from corpus.write.metadata import SUMMARY_LABEL, json_ld, meta_tags
from corpus.write.templates import environment, render

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Where the generated pages and files go, relative to the stage's docs folder. Every page but the
# home page is the index.md of a folder named as its address, so that the page's folder is its
# address: a relative link in its HTML then leads to the same place on both engines (MkDocs reads
# it from the address, Zensical from the Markdown file's folder).
ANALYSIS_PAGE = "analysis/index.md"
ARTICLE_INDEX_PAGE = "article-index/index.md"
CONTEXTS_PAGE = contexts.PAGE
HOME_PAGE = "index.md"
CITATIONS_DIR = "citations"
CITATION_FILES = ("bib", "ris", "json")
ARTICLE_DATA = "analysis/articles/{slug}.json"

# The heading of each article's part of the analysis, its anchor, and the file that holds it,
# beside the article's page (articles/<slug>/collection.html).
COLLECTION_HEADING = "This article in the collection"
COLLECTION_ANCHOR = "in-the-collection"
COLLECTION_FILE = "collection.html"

# Where the contexts page says the index's size, in a page written before the index is built (an
# HTML comment, which the page's HTML keeps and search leaves out): an engine's build puts
# index_size() in its place once the index is built.
INDEX_SIZE_MARK = "<!-- index size -->"

# What an article takes from a voice, in the page's words.
ATTRIBUTIONS = {
    "quote": "words, quoted", "statement": "a statement", "question": "a question it raised",
    "acknowledgment": "an acknowledgment", "information": "information",
}
# How each kind of dated entry is framed.
FRAMES = figures.FRAMES

# A marker in a page template's Markdown, replaced by HTML the stage renders.
ANALYSIS_MARKER = re.compile(r'<div data-analysis="([a-z]+)"></div>')
CONTEXTS_MARKER = "<div data-contexts></div>"

# Characters YAML does not take as they are inside a quoted string: those outside its printable
# set and those it reads as line breaks (NEL, line and paragraph separators).
NOT_PLAIN_IN_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# The article index: a page of its own, not the "Articles" section's index page (Material
# leaves the navigation landmark of a section with an index page without a name).
ARTICLE_INDEX_META = {
    "title": "Article index",
    # The index ranks below the articles it lists in search.
    "search": {"boost": 0.2},
    "description": "Every article with its source, date, length and tags, to sort and filter.",
}

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def page_url(path: str) -> str:
    """The address of a page's Markdown file in the built site, relative to its root."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def page_path(name: str) -> str:
    """Where a page of docs/ goes in the stage: a Markdown page but index.md becomes the index.md
    of a folder of its name (tags.md, tags/index.md); any other file stays where it is."""
    if not name.endswith(".md") or name == "index.md" or name.endswith("/index.md"):
        return name
    return name.removesuffix(".md") + "/index.md"


def root_from(url: str) -> str:
    """The way from a page's address to the site root, ending in '/'."""
    return "../" * url.count("/") or "./"


def article_path(article: Article) -> str:
    """The Markdown file of an article's page in the stage, in the folder of its address."""
    return f"{ARTICLES_DIR}/{article.slug}/index.md"


def article_page(
    article: Article, *, body: tuple[str, list[dict]], cited: Cited, address: str, language: str, tags: list[str]
) -> str:
    """An article's page: front matter (title, description, tags and its citation metadata), the
    site's header, the article's text inside its wrapper (`body`: its HTML as the fidelity check
    rendered it, and its headings' table of contents entries), then the heading of its part of
    the analysis, which the page fetches from its own file (collection_page) and links to."""
    url = page_url(article_path(article))
    root = root_from(url)
    header = _tight(render(
        "partials/article-header.html",
        article=article, original_url=f"{root}{SOURCES_DIR}/{article.original}", cited=cited,
        citation_files={ext: f"{root}{CITATIONS_DIR}/{article.slug}.{ext}" for ext in CITATION_FILES},
        paragraph_slot=PARAGRAPH_SLOT, lines=line_map(article),
    ))
    meta = {
        # Both engines print the title, the description and the tags into the page unescaped.
        # A headline the source cut off shows where it ends, in the sidebar, the tags and <title> too.
        "title": _escaped(article.title + (CUT if article.title_truncated else "")),
        "description": _escaped(SUMMARY_LABEL + article.summary),
        "tags": [_escaped(tag) for tag in tags],
        # Printed into <head>, escaped, by overrides/main.html.
        "citation_meta": [vars(tag) for tag in meta_tags(article, address, language)],
        "json_ld": json_ld(article, address, language),
        # The day the article joined the collection (the site's date): the site map's last change.
        "added": article.added.isoformat(),
    }
    slug = html.escape(article.slug, quote=True)
    return (
        front_matter(meta)
        + block(header)
        + "\n" + block(f'<div class="article-text" data-article="{slug}">\n{body[0]}\n</div>', body[1])
        # The heading is Markdown, so that the page's table of contents lists it; search
        # leaves it out, as it leaves out the section under it.
        + f'\n## {COLLECTION_HEADING} {{: #{COLLECTION_ANCHOR} data-search-exclude="" }}\n\n'
        + block(render("partials/article-collection-slot.html", href=COLLECTION_FILE))
    )


def collection_path(article: Article) -> str:
    """The file of an article's part of the analysis, beside its page in the built site."""
    return f"{ARTICLES_DIR}/{article.slug}/{COLLECTION_FILE}"


def collection_sections(analysis: dict, actor_links: dict):
    """Each article's part of the analysis, as the page of its own that its article page fetches
    and shows at its end: a function of the article, its view
    (corpus.analyse.analysis.article_view) and the page language. What all articles share, the
    short titles and the one scale of their bars, is worked out once, so that the pages cost time
    in proportion to their number. The page sits in the article page's folder, so that the links
    of the section lead to the same places from both."""
    titles, scale = figures.labels(analysis), figures.article_scale(analysis)
    repeats = figures.repeat_notes(analysis)
    lengths = [row["words"] for row in analysis["articles"]]

    def section(article: Article, view: dict, language: str) -> str:
        root = root_from(page_url(article_path(article)))
        part = render(
            "partials/article-collection.html",
            view=view, titles=titles, root=root, attributions=ATTRIBUTIONS, frames=FRAMES,
            chart=figures.article_actor_figure(view, root, actor_links, scale),
            contexts=actor_links, scale=scale, repeat=repeats.get(article.slug), lengths=(min(lengths), max(lengths)),
        )
        return render(
            "collection-page.html", section=Markup(part.strip()), root=root, language=language,
            title=article.title + (CUT if article.title_truncated else ""), heading=COLLECTION_HEADING, anchor=COLLECTION_ANCHOR,
        )

    return section


def home_page(source: str, articles: list[Article]) -> str:
    """The home page: the maintainer's docs/index.md, then the articles and how to search."""
    meta, body = _split(source)
    meta.pop("template", None)
    listing = render("home-page.html", articles=articles, base=".")
    return front_matter(meta) + body.strip("\n") + "\n" + listing


def analysis_page(analysis: dict, actor_links: dict) -> str:
    """The analysis index: the page's Markdown with each section's HTML in place of its marker."""
    root = root_from(page_url(ANALYSIS_PAGE))
    titles = figures.labels(analysis)
    pictures = {
        "actors": figures.actor_figure(analysis, root, contexts=actor_links),
        "actor_totals": figures.actor_totals_figure(analysis, root, contexts=actor_links),
        "themes": figures.theme_figure(analysis, root),
        "timeline": figures.timeline_figure(analysis, root),
        "resemblance": figures.resemblance_figure(analysis, root),
        "keyword_rows": figures.keyword_rows(analysis),
        "notes": figures.comparing_notes(analysis),
        "theme_notes": figures.comparing_notes(analysis, rates=False),
    }
    few = figures.few_articles(analysis)
    sections = environment().get_template("partials/analysis-sections.html").make_module(
        {"attributions": ATTRIBUTIONS, "frames": FRAMES, "contexts": actor_links, "per_thousand": figures.per_thousand}
    )
    page = render("analysis-page.html", count=len(analysis["articles"]))

    # Search finds the page by its headings and text, not by the quotes and names it repeats
    # from the articles, which would crowd the articles themselves out of the results.
    # (A <section>: Material's search parser ends an exclusion at the first closing tag of the
    # same name, and the sections hold <div>s but no <section>.)
    def section(match: re.Match) -> str:
        part = Markup(getattr(sections, match.group(1))(analysis, titles, root, pictures, few))
        return block(f'<section class="analysis-section" data-search-exclude>\n{part.strip()}\n</section>').rstrip("\n")

    return ANALYSIS_MARKER.sub(section, page)


def contexts_page(index: contexts.Index | None) -> str:
    """Words in context: the page's text and settings, with its form in place of its marker; the
    index's size in its place, or, before the index is built (None), INDEX_SIZE_MARK."""
    url = page_url(CONTEXTS_PAGE)
    page = render(
        "contexts-page.html",
        words=contexts.CONTEXT_WORDS, phrase=contexts.MAX_PHRASE, budget=contexts.QUERY_BUDGET,
        index_size=Markup(INDEX_SIZE_MARK) if index is None else index_size(index),
    )
    form = render(
        "partials/contexts.html",
        data=f"{root_from(url)}{contexts.DATA_DIR}/{contexts.INDEX_FILE}", root=root_from(url), phrase=contexts.MAX_PHRASE,
    )
    return page.replace(CONTEXTS_MARKER, block(form).rstrip("\n"))


def index_size(index: contexts.Index) -> str:
    """What the contexts page says of the size of the index a search fetches first."""
    return f" ({round(len(index.index_bytes) / 1000)} KB before compression)"


def article_index_page(articles: list[Article], tags: dict[str, list[str]]) -> str:
    """The article index: every article with its source, date, length and tags."""
    rows = index_rows(articles, tags)
    table = render(
        "partials/article-index.html",
        rows=rows,
        sources=sorted({row["source"] for row in rows}),
        tags=sorted({tag for row in rows for tag in row["tags"]}),
        root=root_from(page_url(ARTICLE_INDEX_PAGE)),
    )
    return front_matter(ARTICLE_INDEX_META) + "# Article index\n\n" + block(table)


def front_matter(meta: dict) -> str:
    """A page's front matter block, as JSON (which YAML reads as it is, and is quick to write),
    with the characters YAML would not take as they are written as escapes."""
    if not meta:
        return ""
    text = json.dumps(meta, ensure_ascii=False, default=str)
    return "---\n" + NOT_PLAIN_IN_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n---\n\n"


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _tight(html: str) -> str:
    """HTML without the indentation of its template: every run of whitespace that starts a line
    made one line break (the header has no preformatted text, where it would count)."""
    return re.sub(r"\n\s+", "\n", html)


def _escaped(text: str) -> str:
    """Text as HTML: the engines print these front-matter values into pages as they are, in
    text and in double-quoted attributes. An apostrophe stays one: neither engine's templates
    quote an attribute with it, and Zensical's search shows a character reference as text."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def _split(source: str) -> tuple[dict, str]:
    """(front matter, body) of a page the maintainer wrote; no front matter is an empty one."""
    match = re.match(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", source, re.DOTALL)
    if not match:
        return {}, source
    return yaml.safe_load(match.group(1) or "") or {}, source[match.end():]

