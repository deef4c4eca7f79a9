"""Resemblance: sections and sentences that repeat one another, by Jaccard similarity of word 3-shingles."""

from __future__ import annotations

import math
import zlib
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache

from corpus.read.articles import Article
from corpus.read.passages import Passage, body_sentences, page_link, passages
from corpus.text import lower_words

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Two texts resemble each other by the share of their three-word sequences they have in common:
# |A ∩ B| / |A ∪ B| of their sets of word 3-shingles (1 for identical wording, 0 for none shared).
SHINGLE = 3
# Pairs listed: sections from this similarity up, sentences (of at least SENTENCE_MIN_WORDS
# words) from this similarity up.
SECTION_MIN_SIMILARITY = 0.25
SENTENCE_MIN_SIMILARITY = 0.5
SENTENCE_MIN_WORDS = 8

# Bands a similarity is named by on the page: (lowest value, name), highest first.
BANDS = (
    (1.0, "identical wording"),
    (0.9, "near-identical"),
    (0.5, "largely the same wording"),
    (0.25, "partly the same wording"),
    (0.0, "little shared wording"),
)

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """A section or a sentence to compare: where it is, what it shows, and its shingles, kept
    packed (packed(): 8 bytes each, quick to keep and to read back) and made a set when compared."""

    article: Article
    passage: Passage
    text: str
    packed: bytes

    @cached_property
    def grams(self) -> frozenset[int]:
        """The shingles as a set."""
        return frozenset(array("Q", self.packed))


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def packed(grams: frozenset[int]) -> bytes:
    """Shingles as 8 bytes each, in order."""
    return array("Q", sorted(grams)).tobytes()


def shingles(words: list[str]) -> frozenset[int]:
    """Word n-grams of a text, for resemblance, each as a 64-bit number made from its words
    joined by a space (two checksums of them, so that sets are small to keep and quick to
    compare; two different n-grams share a number with a chance of about one in 10^19)."""
    found = set()
    for i in range(len(words) - SHINGLE + 1):
        gram = " ".join(words[i : i + SHINGLE]).encode("utf-8", "surrogatepass")
        found.add(zlib.crc32(gram) << 32 | zlib.adler32(gram))
    return frozenset(found)


def jaccard(a: frozenset, b: frozenset) -> float:
    """|a ∩ b| / |a ∪ b|; 0 when both are empty."""
    # The union's size from the intersection's, without building the union.
    shared = len(a & b) if len(a) <= len(b) else len(b & a)
    union = len(a) + len(b) - shared
    return shared / union if union else 0.0


def band(similarity: float) -> str:
    """The name of the band a similarity falls in (see BANDS)."""
    return next(name for lowest, name in BANDS if similarity >= lowest)


@lru_cache(maxsize=4096)
def sentence_shingles(article: Article) -> tuple[tuple[Passage, str, int, frozenset], ...]:
    """Every body sentence with its passage, its length in words and its shingles, computed once."""
    found = []
    for passage, sentence in body_sentences(article):
        words = lower_words(sentence)
        found.append((passage, sentence, len(words), shingles(words)))
    return tuple(found)


@lru_cache(maxsize=4096)
def sentence_items(article: Article) -> tuple[Item, ...]:
    """Each body sentence of at least SENTENCE_MIN_WORDS words, with its shingles."""
    return tuple(
        Item(article, passage, sentence, packed(grams))
        for passage, sentence, count, grams in sentence_shingles(article)
        if count >= SENTENCE_MIN_WORDS
    )


@lru_cache(maxsize=4096)
def section_items(article: Article) -> tuple[Item, ...]:
    """The article's sections (split at its headline and headings), each named by its opening
    passage, with the shingles of all its sentences."""
    sections: list[tuple[Passage, list[Passage]]] = []
    for passage in passages(article):
        if passage.kind != "paragraph" or not sections:
            sections.append((passage, []))
        if passage.kind == "paragraph":
            sections[-1][1].append(passage)
    section_of = {paragraph: number for number, (_, paragraphs) in enumerate(sections) for paragraph in paragraphs}
    grams: list[set] = [set() for _ in sections]
    for passage, _, _, sentence_grams in sentence_shingles(article):
        grams[section_of[passage]].update(sentence_grams)
    return tuple(Item(article, opening, opening.text, packed(frozenset(found))) for (opening, _), found in zip(sections, grams))


def passage_grams(article: Article) -> tuple[tuple, tuple]:
    """(sections, sentences) of the article as (passage, text, packed shingles), as section_items()
    and sentence_items() give them, without the article: what an article yields for resemblance."""
    return (
        tuple((item.passage, item.text, item.packed) for item in section_items(article)),
        tuple((item.passage, item.text, item.packed) for item in sentence_items(article)),
    )


def similar_pairs(items: list[Item], threshold: float) -> list[tuple[float, Item, Item]]:
    """Every pair of items (not both the same passage) with Jaccard similarity >= threshold.

    Exact, without comparing all pairs: with shingles ordered rarest first, two sets whose
    similarity reaches t must share one of the first |A| - ceil(t * |A|) + 1 shingles of each
    (prefix filtering). Candidates found that way are then measured exactly.
    """
    frequency = Counter(gram for item in items for gram in array("Q", item.packed))
    index: dict[int, list[int]] = defaultdict(list)
    candidates: set[tuple[int, int]] = set()
    for number, item in enumerate(items):
        grams = array("Q", item.packed)
        # The small allowance keeps float rounding (0.9 * 10 = 9.000000000000002) from shortening it.
        prefix = len(grams) - math.ceil(threshold * len(grams) - 1e-9) + 1 if threshold > 0 else len(grams)
        # One global order, rarest first, ties by the shingle's number. A shingle no other item has
        # comes first and finds nothing: only the rest of the prefix is looked up, and sorted.
        shared = [gram for gram in grams if frequency[gram] > 1]
        rest = prefix - (len(grams) - len(shared))
        if rest <= 0:
            continue
        for gram in sorted(shared, key=lambda gram: (frequency[gram], gram))[:rest]:
            for other in index[gram]:
                candidates.add((other, number))
            index[gram].append(number)
    return [pair for i, j in candidates if (pair := _measured(items[i], items[j], threshold))]


def similar_passages(
    articles: list[Article], known: dict[str, tuple[tuple, tuple]] | None = None, memory: dict | None = None
) -> tuple[list[dict], list[dict]]:
    """(similar sections, similar sentences) across and within the articles, as page rows.

    `known`, by slug, is passage_grams() of each article, when already known. `memory` holds what
    the last call found, with "keys": a key of each article's content, by slug; given it, only
    the pairs of the articles whose key changed are looked for again, and it is updated.
    """
    grams = {a.slug: (known or {}).get(a.slug) or passage_grams(a) for a in articles}
    sections = [Item(a, *part) for a in articles for part in grams[a.slug][0]]
    sentences = [Item(a, *part) for a in articles for part in grams[a.slug][1]]
    if memory is None:
        return (
            _rows(similar_pairs(sections, SECTION_MIN_SIMILARITY)),
            _rows(similar_pairs(sentences, SENTENCE_MIN_SIMILARITY)),
        )
    keys = memory.pop("keys")
    found = []
    for kind, items, threshold in (("sections", sections, SECTION_MIN_SIMILARITY), ("sentences", sentences, SENTENCE_MIN_SIMILARITY)):
        pairs, memory[kind] = pairs_since(items, threshold, keys, memory.get(kind))
        found.append(_rows(pairs))
    return found[0], found[1]


def pairs_since(items: list[Item], threshold: float, keys: dict[str, str], last: dict | None) -> tuple[list, dict]:
    """similar_pairs(items, threshold), with what it found last time (`last`) kept for the pairs
    of articles whose key (by slug, in `keys`) is unchanged; only the pairs with an item of a
    changed article are looked for. Returns the pairs, and what to pass as `last` next time."""
    by_article: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_article[item.article.slug].append(item)
    if last is None:
        pairs = similar_pairs(items, threshold)
    else:
        unchanged = {slug for slug in by_article if last["keys"].get(slug) == keys.get(slug)}
        pairs = [
            (similarity, by_article[a][i], by_article[b][j])
            for similarity, (a, i), (b, j) in last["pairs"] if a in unchanged and b in unchanged
        ]
        pairs += _pairs_of_changed(items, [item for item in items if item.article.slug not in unchanged], threshold)
    place = {id(item): (item.article.slug, number) for items_ in by_article.values() for number, item in enumerate(items_)}
    memory = {
        "keys": {slug: keys.get(slug) for slug in by_article},
        "pairs": [(similarity, place[id(a)], place[id(b)]) for similarity, a, b in pairs],
    }
    return pairs, memory


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _pairs_of_changed(items: list[Item], changed: list[Item], threshold: float) -> list[tuple[float, Item, Item]]:
    """Every pair of items (as similar_pairs) with at least one of `changed` in it, each in the
    order the items come in. A similar item shares one of any |A| - ceil(t * |A|) + 1 shingles of
    A (its rarest, here): only the items holding those are measured."""
    if not changed:
        return []
    order = {id(item): number for number, item in enumerate(items)}
    # Only the shingles of the changed items are looked up: the others are not indexed.
    wanted = frozenset().union(*(item.grams for item in changed))
    holders: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        # Read from the packed shingles: most items share none, and need no set.
        for gram in wanted.intersection(array("Q", item.packed)):
            holders[gram].append(item)
    found, seen = [], set()
    for item in changed:
        ordered = sorted(item.grams, key=lambda gram: len(holders[gram]))
        prefix = len(ordered) - math.ceil(threshold * len(ordered) - 1e-9) + 1 if threshold > 0 else len(ordered)
        for other in {id(o): o for gram in ordered[:prefix] for o in holders[gram]}.values():
            a, b = sorted((item, other), key=lambda i: order[id(i)])
            pair = (id(a), id(b))
            if a is b or pair in seen:
                continue
            seen.add(pair)
            if measured := _measured(a, b, threshold):
                found.append(measured)
    return found


def _measured(a: Item, b: Item, threshold: float) -> tuple[float, Item, Item] | None:
    """(similarity, a, b) when two items of different passages reach the threshold; else None."""
    if a.article is b.article and a.passage == b.passage:
        return None
    similarity = jaccard(a.grams, b.grams)
    return (similarity, a, b) if similarity >= threshold else None


def _rows(pairs: list[tuple[float, Item, Item]]) -> list[dict]:
    """Pairs as data, most similar first: similarity, its band, and both sides with their links."""
    rows = []
    for similarity, *items in pairs:
        sides = [
            {
                "article": item.article.slug,
                "anchor": item.passage.anchor,
                "url": f"articles/{item.article.slug}/#{item.passage.anchor}",
                "link": page_link(item.article.slug, item.passage.anchor),
                "text": item.text,
            }
            for item in items
        ]
        rows.append({"similarity": round(similarity, 3), "band": band(similarity), "a": sides[0], "b": sides[1]})
    rows.sort(key=lambda row: (-row["similarity"], row["a"]["article"], row["a"]["anchor"], row["b"]["anchor"], row["a"]["text"]))
    return rows
