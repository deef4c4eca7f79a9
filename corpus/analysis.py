"""Compute the analysis index from the articles and the curated data (JSON-ready, no MkDocs)."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from corpus.articles import Article
from corpus.data import Actor, CuratedData, Quote
from corpus.dates import resolve_relative
from corpus.passages import Passage, page_link, passages
from corpus.text import normalise

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Distinctive words: Dunning's log-likelihood (G2) of an article against the rest of the corpus.
KEYNESS_MIN_COUNT = 3
KEYNESS_MIN_G2 = 3.84  # p < 0.05 with one degree of freedom
KEYNESS_TOP = 8

# Near duplicates: Jaccard similarity of word 3-shingles.
SHINGLE = 3
SECTION_MIN_SIMILARITY = 0.25
SENTENCE_MIN_SIMILARITY = 0.5
SENTENCE_MIN_WORDS = 8
SHINGLE_MAX_ITEMS = 20

# Tags: an article is tagged with the themes it discusses and its most-mentioned actors.
TAGGED_ACTORS = 3
TAGGED_KINDS = ("country", "organisation", "person")

SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'\u201d\u2019]))\s+(?=[\"'\u201c\u2018]?[A-Z0-9])")
WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Mentions:
    """How often an article mentions an actor, and the passage of its first mention."""

    count: int
    first: str | None


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def analyse(articles: list[Article], data: CuratedData, stopwords: frozenset[str]) -> dict:
    """The whole analysis as plain data: what analysis.json carries and the page shows."""
    pattern = mention_pattern(data.actors)
    counts = {article.slug: count_mentions(article, data.actors, pattern) for article in articles}
    similar = similar_passages(articles)
    return {
        "articles": [_article_row(article, data) for article in articles],
        "actors": _actor_rows(articles, data.actors, counts),
        "themes": [
            {
                "id": theme.id,
                "name": theme.name,
                "quotes": {a.slug: _quote(theme.quotes[a.slug]) if a.slug in theme.quotes else None for a in articles},
            }
            for theme in data.themes
        ],
        "timeline": timeline(articles, data),
        "voices": [
            {"name": voice.name, "role": voice.role, **_quote(voice.quote)}
            for voice in sorted(data.voices, key=lambda v: (v.quote.article.slug, v.name))
        ],
        "distinctive_words": distinctive_words(articles, stopwords),
        "overlaps": {
            "claims": [
                {"id": overlap.id, "claim": overlap.claim, "quotes": [_quote(q) for q in overlap.quotes.values()]}
                for overlap in data.overlaps
            ],
            "similar_sections": similar[0],
            "similar_sentences": similar[1],
        },
        "tags": {article.slug: tags_for(article, data, counts[article.slug]) for article in articles},
    }


def mention_pattern(actors: list[Actor]) -> tuple[re.Pattern, dict[str, str]]:
    """One regex for every alias (longest first, whole words, optional possessive) and alias -> actor."""
    owner = {alias: actor.name for actor in actors for alias in actor.aliases}
    aliases = sorted(owner, key=len, reverse=True)
    body = "|".join(re.escape(alias) for alias in aliases)
    pattern = re.compile(rf"(?<![A-Za-z0-9])({body})(?:'s|\u2019s|')?(?![A-Za-z0-9])")
    return pattern, owner


def count_mentions(
    article: Article, actors: list[Actor], pattern: tuple[re.Pattern, dict[str, str]] | None = None
) -> dict[str, Mentions]:
    """Mentions of each actor in the article (headline and body), with the first one's anchor.

    `pattern` is mention_pattern(actors), passed in to build it once for many articles.
    """
    pattern, owner = pattern or mention_pattern(actors)
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for passage in passages(article):
        for match in pattern.finditer(normalise(passage.text)):
            name = owner[match.group(1)]
            counts[name] += 1
            first.setdefault(name, passage.anchor)
    return {actor.name: Mentions(counts[actor.name], first.get(actor.name)) for actor in actors}


def sentences(text: str) -> list[str]:
    """Split a passage into sentences at ., ! or ? followed by a capital or digit."""
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


@lru_cache(maxsize=4096)
def body_sentences(article: Article) -> tuple[tuple[Passage, str], ...]:
    """The sentences of the article's paragraphs (not its headline or headings), with their passage."""
    return tuple((p, s) for p in passages(article) if p.kind == "paragraph" for s in sentences(p.text))


@lru_cache(maxsize=65536)
def passage_words(passage: Passage) -> tuple[str, ...]:
    """lower_words of a passage, computed once: keyness and resemblance both need them."""
    return tuple(lower_words(passage.text))


def lower_words(text: str) -> list[str]:
    """Lower-case words for counting and comparison, possessive 's removed."""
    return [w[:-2] if w.endswith("'s") else w for w in WORD.findall(normalise(text).lower())]


def keyness(a: int, b: int, c: int, d: int) -> float:
    """Dunning's G2 for a word seen a times in c words of one text and b times in d words of the rest."""
    expected_a = c * (a + b) / (c + d)
    expected_b = d * (a + b) / (c + d)
    g2 = 0.0
    if a:
        g2 += a * math.log(a / expected_a)
    if b:
        g2 += b * math.log(b / expected_b)
    return 2 * g2


def distinctive_words(articles: list[Article], stopwords: frozenset[str]) -> dict[str, list[dict]]:
    """Per article, the words it uses markedly more than the other articles (G2, p < 0.05)."""
    # The passages hold exactly the article's text (the fidelity check proves it).
    frequencies = {
        a.slug: Counter(w for p in passages(a) for w in passage_words(p) if w not in stopwords) for a in articles
    }
    totals = {slug: sum(counter.values()) for slug, counter in frequencies.items()}
    corpus: Counter[str] = Counter()
    for counter in frequencies.values():
        corpus.update(counter)
    corpus_total = sum(totals.values())
    result = {}
    for slug, counter in frequencies.items():
        c, d = totals[slug], corpus_total - totals[slug]
        scored = []
        for word, a in counter.items():
            b = corpus[word] - a
            if a < KEYNESS_MIN_COUNT or d == 0 or a / c <= b / d:
                continue
            g2 = keyness(a, b, c, d)
            if g2 >= KEYNESS_MIN_G2:
                scored.append({"word": word, "count": a, "others": b, "keyness": round(g2, 2)})
        scored.sort(key=lambda item: (-item["keyness"], item["word"]))
        result[slug] = scored[:KEYNESS_TOP]
    return result


def shingles(words: list[str]) -> set[tuple[str, ...]]:
    """Word n-grams of a text, for resemblance."""
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


@lru_cache(maxsize=4096)
def sentence_shingles(article: Article) -> tuple[tuple[Passage, str, int, frozenset], ...]:
    """Each body sentence with its passage, word count and 3-word shingles, computed once."""
    found = []
    for passage, sentence in body_sentences(article):
        words = lower_words(sentence)
        found.append((passage, sentence, len(words), frozenset(shingles(words))))
    return tuple(found)


def similar_sections(articles: list[Article]) -> list[dict]:
    """Pairs of sections (within or across articles) whose 3-word shingles overlap markedly."""
    return similar_passages(articles)[0]


def similar_passages(articles: list[Article]) -> tuple[list[dict], list[dict]]:
    """(similar sections, similar sentences), from one inverted index of sentence shingles.

    A section's shingles are those of its sentences; sentences shorter than
    SENTENCE_MIN_WORDS count towards their section but are not compared on their own.
    """
    sentences_, sections_ = [], []
    sentence_section: list[int] = []
    for article in articles:
        by_passage = {}
        for opening, paragraphs in _section_passages(article):
            sections_.append((article, opening))
            for paragraph in paragraphs:
                by_passage[paragraph] = len(sections_) - 1
        for passage, sentence, count, grams in sentence_shingles(article):
            sentences_.append((article, passage, grams, sentence, count))
            sentence_section.append(by_passage[passage])
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for number, item in enumerate(sentences_):
        for gram in item[2]:
            index[gram].append(number)
    section_size = [0] * len(sections_)
    section_shared: Counter[tuple[int, int]] = Counter()
    sentence_shared: Counter[tuple[int, int]] = Counter()
    for numbers in index.values():
        if len(numbers) == 1:  # most shingles: nothing shared, one more for the section
            section_size[sentence_section[numbers[0]]] += 1
            continue
        owners = sorted({sentence_section[n] for n in numbers})
        for owner in owners:
            section_size[owner] += 1
        if 1 < len(owners) <= SHINGLE_MAX_ITEMS:
            section_shared.update(combinations(owners, 2))
        long_ones = [n for n in numbers if sentences_[n][4] >= SENTENCE_MIN_WORDS]
        if 1 < len(long_ones) <= SHINGLE_MAX_ITEMS:
            sentence_shared.update(combinations(long_ones, 2))
    sections_found = _pairs(
        section_shared, dict(enumerate(section_size)),
        [(a, p, p.text) for a, p in sections_], SECTION_MIN_SIMILARITY,
    )
    sentences_found = _pairs(
        sentence_shared, {n: len(item[2]) for n, item in enumerate(sentences_)},
        [(a, p, text) for a, p, _, text, _ in sentences_], SENTENCE_MIN_SIMILARITY,
    )
    return sections_found, sentences_found


def timeline(articles: list[Article], data: CuratedData) -> list[dict]:
    """Dated events in date order; relative dates resolved against their article's date, if any."""
    rows = []
    for event in data.timeline:
        article = event.quote.article
        date, note = event.date, None
        if event.relative and article.published:
            date = resolve_relative(event.relative, article.published)
            note = f"“{event.relative}” resolved against the article’s date, {article.published.isoformat()}"
        elif event.relative:
            note = f"“{event.relative}”: not resolved, the article states no date"
        elif event.undated:
            note = f"“{event.undated}”: the text gives no year"
        rows.append(
            {
                "date": date.iso() if date else None,
                "precision": date.precision if date else None,
                "label": date.label() if date else event.relative or event.undated,
                "note": note,
                "event": event.event,
                **_quote(event.quote),
            }
        )
    # Dated events first, in date order; events the text gives no year for keep the data's order.
    return sorted(rows, key=lambda row: (row["date"] is None, row["date"] or ""))


def tags_for(article: Article, data: CuratedData, counts: dict[str, Mentions]) -> list[str]:
    """The article's own tags, the themes it discusses, and its most-mentioned actors."""
    kinds = {actor.name: actor.kind for actor in data.actors}
    themes = [theme.name for theme in data.themes if article.slug in theme.quotes]
    ranked = sorted(
        (name for name, m in counts.items() if m.count and kinds[name] in TAGGED_KINDS),
        key=lambda name: (-counts[name].count, name),
    )
    tags: list[str] = []
    for tag in [*article.tags, *themes, *ranked[:TAGGED_ACTORS]]:
        if tag not in tags:
            tags.append(tag)
    return tags


def short_label(article: Article, words: int = 4) -> str:
    """The first few words of the title, for table headings; '…' marks a cut."""
    parts = article.title.split()
    cut = len(parts) > words or article.title_truncated
    return " ".join(parts[:words]) + ("…" if cut else "")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _quote(quote: Quote) -> dict:
    """A quote as data: article, words, anchor and site-relative URL of its passage."""
    return {
        "article": quote.article.slug,
        "quote": quote.text,
        "anchor": quote.passage.anchor,
        "url": f"articles/{quote.article.slug}/#{quote.passage.anchor}",
        "link": quote.url,
    }


def _article_row(article: Article, data: CuratedData) -> dict:
    """One row of the glance table."""
    count = len(body_sentences(article))
    perspective = data.perspectives.get(article.slug)
    return {
        "slug": article.slug,
        "title": article.title,
        "label": short_label(article),
        "title_supplied": article.title_supplied,
        "title_truncated": article.title_truncated,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "original": f"sources/{article.original}",
        "url": f"articles/{article.slug}/",
        "link": f"articles/{article.slug}.md",
        "words": article.word_count,
        "sentences": count,
        "words_per_sentence": round(article.word_count / count, 1) if count else None,
        "reading_minutes": article.reading_minutes,
        "perspective": {"text": perspective.perspective, **_quote(perspective.quote)} if perspective else None,
    }


def _actor_rows(articles: list[Article], actors: list[Actor], counts: dict[str, dict[str, Mentions]]) -> list[dict]:
    """Actors mentioned at least once, most mentioned first, with per-article counts and first mentions."""
    rows = []
    for actor in actors:
        per_article = {
            a.slug: {
                "count": counts[a.slug][actor.name].count,
                "first": counts[a.slug][actor.name].first,
                "link": page_link(a.slug, counts[a.slug][actor.name].first) if counts[a.slug][actor.name].first else None,
            }
            for a in articles
        }
        total = sum(cell["count"] for cell in per_article.values())
        if total:
            rows.append({"name": actor.name, "kind": actor.kind, "total": total, "counts": per_article})
    rows.sort(key=lambda row: (-row["total"], row["name"]))
    return rows


def _section_passages(article: Article) -> list[tuple[Passage, list[Passage]]]:
    """The article split at its headline and headings: (opening passage, its paragraphs)."""
    found: list[tuple[Passage, list[Passage]]] = []
    for passage in passages(article):
        if passage.kind != "paragraph" or not found:
            found.append((passage, []))
        if passage.kind == "paragraph":
            found[-1][1].append(passage)
    return found


def _pairs(shared: Counter, sizes: dict[int, int], items: list, threshold: float) -> list[dict]:
    """Pairs of items whose Jaccard similarity (shared / union of shingles) reaches threshold.

    Each item is (article, passage, text): the section's heading or the sentence itself.
    """
    pairs = []
    for (i, j), common in shared.items():
        (a1, p1, t1), (a2, p2, t2) = items[i], items[j]
        similarity = common / (sizes[i] + sizes[j] - common)
        if similarity < threshold or (a1 is a2 and p1 == p2):
            continue
        sides = [
            {
                "article": article.slug,
                "anchor": passage.anchor,
                "url": f"articles/{article.slug}/#{passage.anchor}",
                "link": page_link(article.slug, passage.anchor),
                "text": text,
            }
            for article, passage, text in ((a1, p1, t1), (a2, p2, t2))
        ]
        pairs.append({"similarity": round(similarity, 3), "a": sides[0], "b": sides[1]})
    pairs.sort(key=lambda pair: (-pair["similarity"], pair["a"]["article"], pair["a"]["anchor"], pair["b"]["anchor"]))
    return pairs
