"""Load article pages and check them against the front-matter contract."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from corpus.problems import CorpusError, shown
from corpus.read.reading import read_text
from corpus.text import words

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Where article pages and their originals live, relative to the docs folder.
ARTICLES_DIR = "articles"
SOURCES_DIR = "sources"

# Words a reader reads in a minute, for the reading time in the header.
WORDS_PER_MINUTE = 200

# The value of `source` when the text names no publisher.
SOURCE_NOT_STATED = "Not stated"

# What kind of text an article is, for citations and reference managers, as the text states it:
# a news article, a blog post, a web page (the text shows the page it was on), or, where the
# text states nothing, a document (the default, the first).
ARTICLE_TYPES = ("document", "news article", "blog post", "web page")

# Front matter: the same delimiters MkDocs accepts.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)

# The contract: field -> (required, accepted types, what it must be, in words).
# `published` is a date the text gives as its publication date; `updated` one it gives as
# an update ("Updated on ..."). Neither is ever inferred. `added` is the site's own date: the day
# the article joined the collection.
FIELDS: dict[str, tuple[bool, tuple[type, ...], str]] = {
    "title": (True, (str,), "a non-empty string"),
    "source": (True, (str,), "a non-empty string"),
    "original": (True, (str,), "a file name under docs/sources/"),
    "summary": (True, (str,), "one to three sentences"),
    "published": (False, (dt.date, str), "a date written YYYY-MM-DD"),
    "updated": (False, (dt.date, str), "a date written YYYY-MM-DD"),
    "added": (True, (dt.date, str), "a date written YYYY-MM-DD"),
    "byline": (False, (str,), "a line of the original"),
    "dropped": (False, (list,), "a list of lines of the original"),
    "title_supplied": (False, (bool,), "true or false"),
    "title_truncated": (False, (bool,), "true or false"),
    "tags": (False, (list,), "a list of strings"),
    "type": (False, (str,), "'document', 'news article', 'blog post' or 'web page'"),
}

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class _FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader that leaves dates as text, so a bad date is reported against its field."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class ArticleError(CorpusError):
    """User-facing complaints about an article page, one line each: file, field, problem."""


@dataclass(frozen=True)
class Article:
    """One published article: its checked front matter, its body and its original."""

    page: str
    slug: str
    title: str
    source: str
    original: str
    summary: str
    body: str
    original_text: str
    published: dt.date | None = None
    updated: dt.date | None = None
    # The day the article joined the collection: the site's date, never the article's.
    added: dt.date | None = None
    byline: str | None = None
    dropped: tuple[str, ...] = ()
    title_supplied: bool = False
    title_truncated: bool = False
    tags: tuple[str, ...] = field(default_factory=tuple)
    type: str = ARTICLE_TYPES[0]

    @cached_property
    def digest(self) -> str:
        """A digest of everything the article is (front matter, body and original): the key of
        what it yields, quick to compare."""
        return hashlib.blake2b(repr(self).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()

    @cached_property
    def text(self) -> str:
        """The article's own text: the original less its byline and dropped furniture."""
        return strip_lines(self.original_text, self.furniture)

    @property
    def furniture(self) -> tuple[str, ...]:
        """Lines of the original that are not shown as article text."""
        return self.dropped + ((self.byline,) if self.byline else ())

    @cached_property
    def word_count(self) -> int:
        """How many words the article has."""
        return len(words(self.text))

    @property
    def reading_minutes(self) -> int:
        """Minutes to read the article, rounded up, at least one."""
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    @property
    def source_stated(self) -> bool:
        """Whether the text names its publisher."""
        return self.source != SOURCE_NOT_STATED


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def split_front_matter(text: str, name: str) -> tuple[dict, str]:
    """Return (front matter, body) of a page, refusing front matter that is missing or not YAML."""
    match = FRONT_MATTER.match(text)
    if not match:
        raise ArticleError(f"{name}: front matter: missing (the page must start with '---' and a YAML block closed by '---')")
    try:
        meta = yaml.load(match.group(1) or "", Loader=_FrontMatterLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ArticleError(f"{name}: front matter: not valid YAML ({where}{problem})") from None
    if meta is None:
        raise ArticleError(f"{name}: front matter: is empty (it needs at least title, source, original and summary)")
    if not isinstance(meta, dict):
        raise ArticleError(f"{name}: front matter: must be a mapping of fields, not {type(meta).__name__}")
    return meta, text[match.end():]


def parse_page(text: str, name: str) -> tuple[dict, str]:
    """(checked front matter, body) of a page's text; raise ArticleError listing every breach."""
    meta, body = split_front_matter(text, name)
    return check_fields(meta, name), body


def check_fields(meta: dict, name: str) -> dict:
    """Return the front matter with checked types, or raise naming every bad field, one line each."""
    problems = [
        f"{name}: '{key}': unknown field (the fields are {', '.join(FIELDS)})"
        for key in meta if key not in FIELDS
    ]
    for key, (required, types, wanted) in FIELDS.items():
        if key not in meta or meta[key] is None:
            if required:
                problems.append(f"{name}: '{key}': required field is missing")
            continue
        value = meta[key]
        # bool is an int in Python, and a date string is not a date: check exactly.
        if not isinstance(value, types) or (types == (str,) and not value.strip()):
            problems.append(f"{name}: '{key}': must be {wanted}, got {shown(value)}")
            continue
        if key in ("published", "updated", "added"):
            try:
                meta[key] = _parse_date(value)
            except ValueError:
                problems.append(f"{name}: '{key}': must be {wanted}, got {shown(value)}")
        if key == "type" and value not in ARTICLE_TYPES:
            problems.append(f"{name}: '{key}': must be {wanted}, got {shown(value)}")
        if key in ("dropped", "tags"):
            bad = [item for item in value if not isinstance(item, str) or not item.strip()]
            if bad:
                problems.append(f"{name}: '{key}': must be {wanted}, got item {shown(bad[0])}")
    if problems:
        raise ArticleError(*problems)
    return meta


def load_article(page_path: Path, docs_dir: Path, name: str | None = None, parsed=None) -> Article:
    """Read and check one article page and its original; raise ArticleError listing every breach.
    `parsed`, when given, stands for split_front_matter and check_fields together: a function of
    the page's text and name (one that remembers pages it has read)."""
    name = name or str(page_path)
    text = read_text(page_path, name, ArticleError)
    meta, body = (parsed or parse_page)(text, name)
    original_path = _original_path(docs_dir, meta["original"], name)
    label = f"{docs_dir.name}/{SOURCES_DIR}/{meta['original']}"
    original_text = read_text(original_path, label, ArticleError)
    lines = original_text.splitlines()
    problems = [
        f"{name}: '{key}': {shown(line)} is not a line of {meta['original']}"
        for key in ("dropped", "byline")
        for line in _as_list(meta.get(key))
        if line not in lines
    ]
    if problems:
        raise ArticleError(*problems)
    return Article(
        page=Path(name).as_posix(),
        slug=page_path.stem,
        title=meta["title"].strip(),
        source=meta["source"].strip(),
        original=meta["original"],
        summary=" ".join(meta["summary"].split()),
        body=body,
        original_text=original_text,
        published=meta.get("published"),
        added=meta.get("added"),
        updated=meta.get("updated"),
        byline=meta.get("byline"),
        dropped=tuple(meta.get("dropped") or ()),
        title_supplied=bool(meta.get("title_supplied", False)),
        title_truncated=bool(meta.get("title_truncated", False)),
        tags=tuple(meta.get("tags") or ()),
        type=meta.get("type") or ARTICLE_TYPES[0],
    )


def load_articles(docs_dir: Path) -> list[Article]:
    """Load every article page under docs/articles/, in file-name order; raise listing every problem."""
    articles, errors = load_articles_checked(docs_dir)
    if errors:
        raise ArticleError.of(list(errors.values()))
    return articles


def load_articles_checked(docs_dir: Path, parsed=None) -> tuple[list[Article], dict[str, ArticleError]]:
    """Every article page that passes its checks, and the errors of the others by slug; `parsed`
    as load_article takes it."""
    articles, errors = [], {}
    for path in article_paths(docs_dir):
        try:
            articles.append(load_article(path, docs_dir, f"{docs_dir.name}/{ARTICLES_DIR}/{path.name}", parsed))
        except ArticleError as error:
            errors[path.stem] = error
    return articles, errors


def article_paths(docs_dir: Path) -> list[Path]:
    """The article pages under docs/articles/, in file-name order."""
    return sorted((docs_dir / ARTICLES_DIR).glob("*.md"))


def strip_lines(text: str, lines: tuple[str, ...]) -> str:
    """Return text without the given whole lines (each removed once, first match)."""
    kept = text.splitlines()
    for line in lines:
        if line in kept:
            kept.remove(line)
    return "\n".join(kept)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


@lru_cache(maxsize=16)
def _resolved(folder: Path) -> Path:
    """A folder's real path, worked out once."""
    return folder.resolve()


def _parse_date(value: dt.date | str) -> dt.date:
    """Accept a YAML date or a 'YYYY-MM-DD' string; raise ValueError for anything else."""
    if isinstance(value, dt.datetime):
        raise ValueError(value)
    if isinstance(value, dt.date):
        return value
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(value)
    return dt.date.fromisoformat(value)


def _as_list(value: object) -> list:
    """A field that holds one line or a list of lines, as a list."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _original_path(docs_dir: Path, original: str, name: str) -> Path:
    """Resolve `original` inside docs/sources/, refusing paths that leave it or do not exist."""
    sources = _resolved(docs_dir / SOURCES_DIR)
    path = Path(os.path.realpath(sources / original))
    if sources not in path.parents:
        raise ArticleError(f"{name}: 'original': {original!r} must be a file name under {docs_dir.name}/{SOURCES_DIR}/")
    if not path.is_file():
        raise ArticleError(f"{name}: 'original': {docs_dir.name}/{SOURCES_DIR}/{original} does not exist")
    return path
