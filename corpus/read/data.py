"""Load the curated analysis data (YAML outside docs/) and check it against the articles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from corpus.read.articles import Article
from corpus.read.dates import DateError, TextDate, check_relative, parse_date
from corpus.read.passages import Passage, find_quote, page_link
from corpus.problems import CorpusError, shown
from corpus.read.reading import read_text

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The files of the data folder, and the keys each entry must have.
REQUIRED_KEYS = {
    "actors": ("name", "kind", "aliases"),
    "themes": ("id", "name", "keywords", "quotes"),
    "timeline": ("article", "event", "quote"),
    "voices": ("name", "role", "article", "quote", "attribution"),
    "perspectives": ("article", "subject", "framing", "quote"),
    "overlaps": ("id", "topic", "quotes"),
}
# Keys an entry may have besides the required ones.
OPTIONAL_KEYS = {
    "actors": (),
    "themes": ("absent",),
    "timeline": ("date", "relative", "undated", "kind", "unresolved", "since"),
    "voices": (),
    "perspectives": (),
    "overlaps": (),
}
ACTOR_KINDS = ("country", "organisation", "grouping", "region", "person", "place")
DATE_KEYS = ("date", "relative", "undated")
# An entry of the timeline is something the article reports as having happened, something
# it expects (a prediction), or a plan of someone else's that it reports.
EVENT_KINDS = ("event", "expectation", "plan")
# What an article takes from a voice: its own words, a statement, a question or an acknowledgment it
# reports, or information.
ATTRIBUTIONS = ("quote", "statement", "question", "acknowledgment", "information")

# Words that make a sentence a plan or a prediction rather than a report of an event
# (lower case: "May" is a month).
FUTURE = re.compile(r"\b(will|would|shall|might|may|could|plans? to|intends? to|is expected to)\b")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class DataError(CorpusError):
    """User-facing complaints about curated data, one line each: file, entry, article, problem."""


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
    """A topic the articles may discuss: the words that signal it, a quote per discussing
    article, and, for an article whose text has the words but does not discuss it, why."""

    id: str
    name: str
    keywords: tuple[str, ...]
    quotes: dict[str, Quote]
    absent: dict[str, str]
    # Every article the data gives a quote for, including quotes refused (already reported).
    listed: frozenset[str] = frozenset()
    # The words each reason under `absent` quotes between double quotation marks, in order,
    # each checked to be verbatim in its article, so that the page links them to it.
    absent_quotes: dict[str, tuple[Quote, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Event:
    event: str
    quote: Quote
    date: TextDate | None
    relative: str | None
    undated: str | None
    kind: str = "event"
    unresolved: str | None = None
    since: bool = False  # the date opens a state the text says continues ("Since 2022, ... has become")


@dataclass(frozen=True)
class Voice:
    name: str
    role: str
    attribution: str
    quote: Quote


@dataclass(frozen=True)
class Perspective:
    """What an article presents, and as what: 'The article presents {subject} as {framing}.'"""

    subject: str
    framing: str
    quote: Quote


@dataclass(frozen=True)
class Overlap:
    id: str
    topic: str
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


def load_data(data_dir: Path, articles: list[Article], unchecked: frozenset[str] = frozenset()) -> CuratedData:
    """Load and check every data file; raise DataError listing every problem, one line each.

    Quotes from the articles named in `unchecked` (those that failed their own checks,
    reported against their pages) are neither verified nor reported.
    """
    data, problems = load_data_checked(data_dir, articles, unchecked)
    if problems:
        raise DataError(*problems)
    return data


def load_data_checked(
    data_dir: Path, articles: list[Article], unchecked: frozenset[str] = frozenset(), parse=None,
) -> tuple[CuratedData, list[str]]:
    """The entries that pass their checks, and one line for each problem found. `parse` stands
    for yaml.safe_load of a file's text (one that remembers files it has read)."""
    reader = _Reader(data_dir, {article.slug: article for article in articles}, unchecked, parse or yaml.safe_load)
    data = CuratedData(
        actors=reader.actors(),
        themes=reader.themes(),
        timeline=reader.timeline(),
        voices=reader.voices(),
        perspectives=reader.perspectives(),
        overlaps=reader.overlaps(),
    )
    return data, reader.problems


def load_stopwords(data_dir: Path) -> frozenset[str]:
    """The words keyness leaves out, one or more a line in data/stopwords.txt."""
    text = read_text(data_dir / "stopwords.txt", f"{data_dir.name}/stopwords.txt", DataError)
    return frozenset(text.lower().split())


# -----------------------------------------------------------------------------
# Helper classes
# -----------------------------------------------------------------------------


class _Skip(Exception):
    """An entry with a problem, already recorded: leave it out and go on."""


class _Reader:
    """Reads one data folder; each method loads one file and checks its entries, recording
    every problem and keeping the entries that pass."""

    def __init__(self, data_dir: Path, articles: dict[str, Article], unchecked: frozenset[str], parse) -> None:
        self.data_dir = data_dir
        self.parse = parse
        self.articles = articles
        self.unchecked = unchecked
        self.problems: list[str] = []

    def _problem(self, line: str) -> _Skip:
        self.problems.append(line)
        return _Skip()

    def _entries(self, name: str) -> list[tuple[str, dict]]:
        """Entries of data/<name>.yml with their labels, each a mapping with its required keys."""
        label = f"{self.data_dir.name}/{name}.yml"
        try:
            text = read_text(self.data_dir / f"{name}.yml", label, DataError)
            entries = self.parse(text)
        except DataError as error:
            self.problems.extend(error.lines)
            return []
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f"line {mark.line + 1}" if mark is not None else "file"
            self.problems.append(f"{label}: {where}: not valid YAML ({getattr(error, 'problem', None) or error})")
            return []
        if not isinstance(entries, list):
            kind = "empty" if entries is None else f"a {type(entries).__name__}"
            self.problems.append(f"{label}: file: must be a list of entries (lines starting with '- '), not {kind}")
            return []
        labelled = []
        known = REQUIRED_KEYS[name] + OPTIONAL_KEYS[name]
        for index, entry in enumerate(entries, 1):
            if not isinstance(entry, dict):
                self.problems.append(f"{label}: entry {index}: must be a mapping of keys, not a {type(entry).__name__}")
                continue
            name_of = entry.get("id") or entry.get("name") or entry.get("event") or entry.get("article")
            named = f" ({shown(name_of)})" if isinstance(name_of, str) else ""
            where = f"{label}: entry {index}{named}"
            missing = [key for key in REQUIRED_KEYS[name] if entry.get(key) in (None, "", [], {})]
            unknown = [key for key in entry if key not in known]
            for key in missing:
                self.problems.append(f"{where}: '{key}': required key is missing")
            for key in unknown:
                self.problems.append(f"{where}: '{key}': unknown key (the keys are {', '.join(known)})")
            if not missing and not unknown:
                labelled.append((where, entry))
        return labelled

    def _text(self, where: str, entry: dict, key: str) -> str:
        """A key that must hold one line of text, whitespace collapsed."""
        value = entry[key]
        if not isinstance(value, str) or not value.strip():
            raise self._problem(f"{where}: '{key}': must be text, got {shown(value)}")
        return " ".join(value.split())

    def _choice(self, where: str, entry: dict, key: str, choices: tuple[str, ...], default: str | None = None) -> str:
        value = entry.get(key, default)
        if value not in choices:
            raise self._problem(f"{where}: '{key}': must be one of {', '.join(choices)}, got {shown(value)}")
        return value

    def _quote(self, where: str, slug: object, text: object) -> Quote | None:
        """A quote checked to be verbatim in the article it names (None for an unchecked article)."""
        if not isinstance(slug, str) or slug not in self.articles:
            if slug in self.unchecked:
                return None
            raise self._problem(f"{where}: article {shown(slug)}: no such article in docs/articles/")
        article = self.articles[slug]
        if not isinstance(text, str) or not text.strip():
            raise self._problem(f"{where}: article '{slug}': quote must be text, got {shown(text)}")
        passage = find_quote(article, text)
        if passage is None:
            raise self._problem(f"{where}: article '{slug}': quote is not verbatim in the article: {shown(text)}")
        return Quote(article, " ".join(text.split()), passage)

    def _reason_quotes(self, where: str, slug: str, reason: str) -> tuple[Quote, ...] | None:
        """The words a reason quotes between straight double quotation marks, each checked to be
        verbatim in the article (None for an unchecked article)."""
        if reason.count('"') % 2:
            raise self._problem(f"{where}: article '{slug}': a quotation mark is not closed: {shown(reason)}")
        found = []
        for words in reason.split('"')[1::2]:
            quote = self._quote(where, slug, words)
            if quote is None:
                return None
            found.append(quote)
        return tuple(found)

    def _quotes(self, where: str, quotes: object) -> dict[str, Quote]:
        if not isinstance(quotes, dict):
            raise self._problem(f"{where}: 'quotes': must map article slugs to quotes, got {shown(quotes)}")
        found = {}
        for slug, text in quotes.items():
            try:
                quote = self._quote(where, slug, text)
            except _Skip:
                continue
            if quote is not None:
                found[quote.article.slug] = quote
        return found

    def _read(self, name: str, read_one) -> list:
        """Every entry of data/<name>.yml that read_one accepts."""
        found = []
        for where, entry in self._entries(name):
            try:
                item = read_one(where, entry)
            except _Skip:
                continue
            if item is not None:
                found.append(item)
        return found

    def actors(self) -> list[Actor]:
        owner: dict[str, str] = {}

        def actor(where: str, entry: dict) -> Actor:
            name = self._text(where, entry, "name")
            kind = self._choice(where, entry, "kind", ACTOR_KINDS)
            aliases = entry["aliases"]
            if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
                raise self._problem(f"{where}: 'aliases': must be a list of names, got {shown(aliases)}")
            for alias in aliases:
                if owner.setdefault(alias, name) != name:
                    raise self._problem(f"{where}: 'aliases': {alias!r} already belongs to {owner[alias]!r}")
            return Actor(name, kind, tuple(aliases))

        return self._read("actors", actor)

    def themes(self) -> list[Theme]:
        def theme(where: str, entry: dict) -> Theme:
            keywords = entry["keywords"]
            if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords):
                raise self._problem(f"{where}: 'keywords': must be a list of words or phrases, got {shown(keywords)}")
            absent = entry.get("absent") or {}
            if not isinstance(absent, dict) or not all(isinstance(r, str) and r.strip() for r in absent.values()):
                raise self._problem(f"{where}: 'absent': must map article slugs to reasons, got {shown(absent)}")
            quotes = self._quotes(where, entry["quotes"])
            for slug in absent:
                if slug not in self.articles and slug not in self.unchecked:
                    raise self._problem(f"{where}: 'absent': article {shown(slug)}: no such article in docs/articles/")
                if slug in quotes:
                    raise self._problem(f"{where}: 'absent': article '{slug}' has a quote for this theme too")
            reasons = {str(slug): " ".join(reason.split()) for slug, reason in absent.items()}
            return Theme(
                self._text(where, entry, "id"), self._text(where, entry, "name"),
                tuple(" ".join(k.split()) for k in keywords), quotes, reasons,
                frozenset(str(slug) for slug in entry["quotes"]),
                {slug: found for slug, reason in reasons.items()
                 if (found := self._reason_quotes(f"{where}: 'absent'", slug, reason)) is not None},
            )

        return self._read("themes", theme)

    def timeline(self) -> list[Event]:
        def event(where: str, entry: dict) -> Event | None:
            slug = entry["article"]
            given = [key for key in DATE_KEYS if entry.get(key) not in (None, "")]
            kind = self._choice(where, entry, "kind", EVENT_KINDS, "event")
            # An event is placed in time; an expectation or a plan may come with no time at all.
            if len(given) > 1 or (not given and kind == "event"):
                raise self._problem(f"{where}: article {shown(slug)}: give exactly one of 'date', 'relative', 'undated'")
            description = self._text(where, entry, "event")
            quote = self._quote(where, slug, entry["quote"])
            if quote is None:
                return None
            date = None
            try:
                if "date" in given:
                    date = parse_date(str(entry["date"]))
                elif "relative" in given:
                    check_relative(str(entry["relative"]))
            except DateError as error:
                raise self._problem(f"{where}: article '{slug}': '{given[0]}': {error}") from None
            for key in ("relative", "undated"):
                if key in given and str(entry[key]) not in quote.text:
                    raise self._problem(f"{where}: article '{slug}': '{key}': {entry[key]!r} is not in the quote")
            future = FUTURE.search(quote.text)
            if kind == "event" and future:
                raise self._problem(
                    f"{where}: article '{slug}': 'kind': the quote reads as a plan or prediction "
                    f"({future.group(0)!r}); set kind: expectation"
                )
            since = entry.get("since", False)
            if not isinstance(since, bool) or (since and ("date" not in given or f"Since {entry['date']}" not in quote.text)):
                raise self._problem(
                    f"{where}: article '{slug}': 'since': true only where the quote says 'Since' and the 'date' after it"
                )
            unresolved = entry.get("unresolved")
            if unresolved is not None and ("relative" not in given or not isinstance(unresolved, str)):
                raise self._problem(f"{where}: article '{slug}': 'unresolved': gives why a 'relative' date is left unresolved")
            return Event(
                description, quote, date, entry.get("relative"), entry.get("undated"), kind,
                " ".join(unresolved.split()) if unresolved else None, since,
            )

        return self._read("timeline", event)

    def voices(self) -> list[Voice]:
        def voice(where: str, entry: dict) -> Voice | None:
            attribution = self._choice(where, entry, "attribution", ATTRIBUTIONS)
            name, role = self._text(where, entry, "name"), self._text(where, entry, "role")
            quote = self._quote(where, entry["article"], entry["quote"])
            return Voice(name, role, attribution, quote) if quote else None

        return self._read("voices", voice)

    def perspectives(self) -> dict[str, Perspective]:
        found: dict[str, Perspective] = {}

        def perspective(where: str, entry: dict) -> None:
            subject, framing = self._text(where, entry, "subject"), self._text(where, entry, "framing")
            quote = self._quote(where, entry["article"], entry["quote"])
            if quote is None:
                return
            if quote.article.slug in found:
                raise self._problem(f"{where}: article '{quote.article.slug}': has a perspective already")
            found[quote.article.slug] = Perspective(subject, framing, quote)

        self._read("perspectives", perspective)
        return found

    def overlaps(self) -> list[Overlap]:
        def overlap(where: str, entry: dict) -> Overlap:
            quotes = self._quotes(where, entry["quotes"])
            if len(entry["quotes"]) < 2:
                raise self._problem(f"{where}: 'quotes': an overlap needs quotes from at least two articles")
            return Overlap(self._text(where, entry, "id"), self._text(where, entry, "topic"), quotes)

        return self._read("overlaps", overlap)

