"""Read and check the whole project at once: every article (contract, encoding, fidelity), the
glossary and the curated data, listing every problem on a line of its own."""

from __future__ import annotations

import copy
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from corpus.analyse.themes import coverage_problems
from corpus.cache import Cache
from corpus.extensions.rendered import flat_toc
from corpus.problems import CorpusError, shown
from corpus.read.articles import Article, ArticleError, load_articles_checked, parse_page
from corpus.read.config import CONFIG, Settings, read_settings
from corpus.read.data import CuratedData, DataError, load_data_checked, load_stopwords
from corpus.read.fidelity import check_fidelity
from corpus.read.reading import read_text
from corpus.read.rendering import render, site_markdown

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Where things are, relative to the project folder (the one holding mkdocs.yml).
DOCS_DIR = "docs"
DATA_DIR = "data"
GLOSSARY = "includes/abbreviations.md"

# A glossary line: *[ABBR]: what it stands for
GLOSSARY_LINE = re.compile(r"^\*\[([^\]\n]+)\]:[ \t]*(\S.*)$")

# One Markdown converter per process and settings: building one loads every extension.
_CONVERTERS: dict[str, object] = {}

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass
class Project:
    """What a check of the project found: the settings, the sound articles and data, and every problem."""

    settings: Settings | None
    articles: list[Article]
    data: CuratedData | None
    stopwords: frozenset[str]
    problems: list[str] = field(default_factory=list)
    # Each sound article's text rendered as the site shows it, with its headings' table of
    # contents entries (flat), by slug: the HTML the fidelity check read.
    bodies: dict[str, tuple[str, list[dict]]] = field(default_factory=dict)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def check_project(root: Path, cache: Cache | None = None, site_url: str | None = None) -> Project:
    """Check articles (contract, encoding, fidelity), glossary and curated data; list every problem.

    Each article's body is rendered with the site's Markdown settings and compared with its
    original, character by character, before its curated quotes are checked, so that a sentence
    lost from a page is reported against the page, not as a bad quote in data/. An article whose
    page, original, settings and glossary are unchanged since the last check is not rendered again.
    """
    cache = cache or Cache(None)
    try:
        settings = read_settings(root / CONFIG, site_url)
    except CorpusError as error:
        return Project(None, [], None, frozenset(), error.lines)
    docs = root / DOCS_DIR
    articles, errors = load_articles_checked(docs, remembered_pages(cache))
    problems = [line for error in errors.values() for line in error.lines]
    failed = set(errors)
    problems += check_glossary(root / GLOSSARY, GLOSSARY)
    glossary = (root / GLOSSARY).read_bytes() if (root / GLOSSARY).is_file() else b""
    found = cache.map("body", rendered_body, (
        (cache.key("body", article.digest, repr(settings.extensions), glossary),
         (article, settings))
        for article in articles
    ))
    sound, bodies = [], {}
    for article, (lines, html, toc) in zip(articles, found):
        problems += lines
        if lines:
            failed.add(article.slug)
        else:
            sound.append(article)
            bodies[article.slug] = (html, toc)
    # A data file's YAML is read once; the result is checked against the articles every time.
    remembered = cache.memo("data-yaml", lambda content: yaml.safe_load(content.decode("utf-8")))
    data, data_problems = load_data_checked(root / DATA_DIR, sound, frozenset(failed),
                                            lambda text: copy.deepcopy(remembered(text.encode("utf-8", "surrogatepass"))))
    problems += data_problems
    problems += coverage_problems(sound, data.themes, set(data.perspectives), f"{DATA_DIR}/themes.yml")
    try:
        stopwords = load_stopwords(root / DATA_DIR)
    except DataError as error:
        problems += error.lines
        stopwords = frozenset()
    return Project(settings, sound, data, stopwords, problems, bodies)


def remembered_pages(cache: Cache):
    """parse_page, remembered by the page's text in the cache, errors included."""
    def parse(content: bytes):
        text, name = pickle.loads(content)
        try:
            return parse_page(text, name)
        except ArticleError as error:
            return tuple(error.lines)

    memo = cache.memo("front-matter", parse)

    def parsed(text: str, name: str) -> tuple[dict, str]:
        found = memo(pickle.dumps((text, name)))
        if isinstance(found[0], str):
            raise ArticleError(*found)
        return found

    return parsed


def rendered_body(article: Article, settings: Settings) -> tuple[list[str], str, list[dict]]:
    """(fidelity problems, HTML, table of contents entries) of the article's text rendered with
    the site's Markdown settings: no problem if it keeps every character of its original. The
    page shows this HTML as it is, so that what the check read is what is published."""
    key = repr(settings.extensions)
    if key not in _CONVERTERS:
        _CONVERTERS[key] = site_markdown(settings)
    md = _CONVERTERS[key]
    html = render(md, article.body)
    try:
        check_fidelity(article, html)
    except ArticleError as error:
        return error.lines, "", []
    return [], html, flat_toc(getattr(md, "toc_tokens", []))


def check_glossary(path: Path, label: str) -> list[str]:
    """Problems of the glossary: each line that is not blank must read '*[ABBR]: meaning'."""
    try:
        text = read_text(path, label)
    except CorpusError as error:
        return error.lines
    return [
        f"{label}: line {number}: must read '*[ABBR]: what it stands for', got {shown(line)}"
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not GLOSSARY_LINE.match(line)
    ]
