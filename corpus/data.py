"""Load the curated analysis data (YAML outside docs/) and check it against the articles."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from corpus.articles import Article
from corpus.dates import DateError, TextDate, check_relative, parse_date
from corpus.passages import Passage, find_quote, page_link

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The files of the data folder, and the keys each entry must have.
REQUIRED_KEYS = {
    "actors": ("name", "kind", "aliases"),
    "themes": ("id", "name", "quotes"),
    "timeline": ("article", "event", "quote"),
    "voices": ("name", "role", "article", "quote"),
    "perspectives": ("article", "perspective", "quote"),
    "overlaps": ("id", "claim", "quotes"),
}
ACTOR_KINDS = ("country", "organisation", "person", "place")
DATE_KEYS = ("date", "relative", "undated")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class DataError(ValueError):
    """A one-line complaint about curated data: file, entry, article, problem."""


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Quote:
    """A verified verbatim quote: which article, the words, and the passage that holds them."""

    article: Article
    text: str
    passage: Passage

    @property
    def url(self) -> str:
        """Markdown link target from the analysis page to the quote's passage."""
        return page_link(self.article.slug, self.passage.anchor)


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    quotes: dict[str, Quote]


@dataclass(frozen=True)
class Event:
    event: str
    quote: Quote
    date: TextDate | None
    relative: str | None
    undated: str | None


@dataclass(frozen=True)
class Voice:
    name: str
    role: str
    quote: Quote


@dataclass(frozen=True)
class Perspective:
    perspective: str
    quote: Quote


@dataclass(frozen=True)
class Overlap:
    id: str
    claim: str
    quotes: dict[str, Quote]


@dataclass(frozen=True)
class CuratedData:
    actors: list[Actor]
    themes: list[Theme]
    timeline: list[Event]
    voices: list[Voice]
    perspectives: dict[str, Perspective]
    overlaps: list[Overlap]


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def load_data(data_dir: Path, articles: list[Article]) -> CuratedData:
    """Load and check every data file; raise DataError naming file, entry and article."""
    by_slug = {article.slug: article for article in articles}
    reader = _Reader(data_dir, by_slug)
    return CuratedData(
        actors=reader.actors(),
        themes=reader.themes(),
        timeline=reader.timeline(),
        voices=reader.voices(),
        perspectives=reader.perspectives(),
        overlaps=reader.overlaps(),
    )


def load_stopwords(data_dir: Path) -> frozenset[str]:
    """The words keyness leaves out, one or more a line in data/stopwords.txt."""
    path = data_dir / "stopwords.txt"
    if not path.is_file():
        raise DataError(f"{data_dir.name}/stopwords.txt: file is missing")
    return frozenset(path.read_text(encoding="utf-8").lower().split())


# -----------------------------------------------------------------------------
# Helper classes
# -----------------------------------------------------------------------------


class _Reader:
    """Reads one data folder; each method loads one file and checks its entries."""

    def __init__(self, data_dir: Path, articles: dict[str, Article]) -> None:
        self.data_dir = data_dir
        self.articles = articles

    def _entries(self, name: str) -> list[tuple[str, dict]]:
        """Entries of data/<name>.yml with their labels, every required key present."""
        path = self.data_dir / f"{name}.yml"
        label = f"{self.data_dir.name}/{name}.yml"
        if not path.is_file():
            raise DataError(f"{label}: file is missing")
        try:
            entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f"line {mark.line + 1}: " if mark is not None else ""
            raise DataError(f"{label}: not valid YAML ({where}{getattr(error, 'problem', error)})") from None
        if not isinstance(entries, list):
            raise DataError(f"{label}: must be a list of entries")
        labelled = []
        for index, entry in enumerate(entries, 1):
            if not isinstance(entry, dict):
                raise DataError(f"{label}: entry {index}: must be a mapping")
            name_of = entry.get("id") or entry.get("name") or entry.get("event") or entry.get("article")
            where = f"{label}: entry {index}" + (f" ({name_of!r})" if name_of else "")
            for key in REQUIRED_KEYS[name]:
                if entry.get(key) in (None, "", [], {}):
                    raise DataError(f"{where}: required key '{key}' is missing")
            labelled.append((where, entry))
        return labelled

    def _quote(self, where: str, slug: object, text: object) -> Quote:
        """A quote checked to be verbatim in the article it names."""
        article = self.articles.get(str(slug))
        if article is None:
            raise DataError(f"{where}: article '{slug}': no such article in docs/articles/")
        if not isinstance(text, str):
            raise DataError(f"{where}: article '{slug}': quote must be text")
        passage = find_quote(article, text)
        if passage is None:
            raise DataError(f"{where}: article '{slug}': quote is not verbatim in the article: {text!r}")
        return Quote(article, " ".join(text.split()), passage)

    def _quotes(self, where: str, quotes: object) -> dict[str, Quote]:
        if not isinstance(quotes, dict):
            raise DataError(f"{where}: 'quotes' must map article slugs to quotes")
        return {str(slug): self._quote(where, slug, text) for slug, text in quotes.items()}

    def actors(self) -> list[Actor]:
        actors, owner = [], {}
        for where, entry in self._entries("actors"):
            if entry["kind"] not in ACTOR_KINDS:
                raise DataError(f"{where}: 'kind' must be one of {', '.join(ACTOR_KINDS)}")
            aliases = entry["aliases"]
            if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
                raise DataError(f"{where}: 'aliases' must be a list of names")
            for alias in aliases:
                if alias in owner and owner[alias] != entry["name"]:
                    raise DataError(f"{where}: alias {alias!r} already belongs to {owner[alias]!r}")
                owner[alias] = entry["name"]
            actors.append(Actor(str(entry["name"]), entry["kind"], tuple(aliases)))
        return actors

    def themes(self) -> list[Theme]:
        return [
            Theme(str(entry["id"]), str(entry["name"]), self._quotes(where, entry["quotes"]))
            for where, entry in self._entries("themes")
        ]

    def timeline(self) -> list[Event]:
        events = []
        for where, entry in self._entries("timeline"):
            given = [key for key in DATE_KEYS if entry.get(key) not in (None, "")]
            if len(given) != 1:
                raise DataError(f"{where}: article '{entry['article']}': give exactly one of 'date', 'relative', 'undated'")
            quote = self._quote(where, entry["article"], entry["quote"])
            date = None
            try:
                if "date" in given:
                    date = parse_date(str(entry["date"]))
                elif "relative" in given:
                    check_relative(str(entry["relative"]))
            except DateError as error:
                raise DataError(f"{where}: article '{entry['article']}': {given[0]}: {error}") from None
            for key in ("relative", "undated"):
                if key in given and str(entry[key]) not in quote.text:
                    raise DataError(f"{where}: article '{entry['article']}': {key} {entry[key]!r} is not in the quote")
            events.append(Event(str(entry["event"]), quote, date, entry.get("relative"), entry.get("undated")))
        return events

    def voices(self) -> list[Voice]:
        return [
            Voice(str(entry["name"]), str(entry["role"]), self._quote(where, entry["article"], entry["quote"]))
            for where, entry in self._entries("voices")
        ]

    def perspectives(self) -> dict[str, Perspective]:
        found = {}
        for where, entry in self._entries("perspectives"):
            quote = self._quote(where, entry["article"], entry["quote"])
            found[quote.article.slug] = Perspective(" ".join(str(entry["perspective"]).split()), quote)
        return found

    def overlaps(self) -> list[Overlap]:
        found = []
        for where, entry in self._entries("overlaps"):
            quotes = self._quotes(where, entry["quotes"])
            if len(quotes) < 2:
                raise DataError(f"{where}: an overlap needs quotes from at least two articles")
            found.append(Overlap(str(entry["id"]), str(entry["claim"]), quotes))
        return found
