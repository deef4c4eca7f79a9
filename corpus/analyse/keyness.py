"""Keyness: the words each article uses markedly more than the rest of the collection (Dunning's G²)."""

from __future__ import annotations

import math
import re
from collections import Counter

from corpus.read.articles import Article
from corpus.read.passages import plain_texts
from corpus.text import lower_words, normalise

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# A word is distinctive of an article when it occurs there at least KEYNESS_MIN_COUNT times,
# at a higher rate than in the other articles, with G² of at least KEYNESS_MIN_G2.
# 10.83 is the critical value for p < 0.001 with one degree of freedom. It is not corrected
# for the number of words tested (hundreds per article), which is why it is stricter than
# the common 3.84 (p < 0.05).
KEYNESS_MIN_COUNT = 3
KEYNESS_MIN_G2 = 10.83
KEYNESS_P = "0.001"
KEYNESS_TOP = 8

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def keyness(a: int, b: int, c: int, d: int) -> float:
    """Dunning's G² for a word seen a times in c words of one text and b times in d words of the rest."""
    expected_a = c * (a + b) / (c + d)
    expected_b = d * (a + b) / (c + d)
    g2 = 0.0
    if a:
        g2 += a * math.log(a / expected_a)
    if b:
        g2 += b * math.log(b / expected_b)
    return 2 * g2


def terms(text: str, names: tuple[re.Pattern, dict[str, str]] | None = None) -> list[str]:
    """The counted terms of a text: lower-case words, except that every alias of an actor
    counts as one term, the actor's name ("US", "Washington" and "United States" are all
    "United States"), so that a name is never distinctive for its spelling alone."""
    return _terms(normalise(text), names)


def term_counts(article: Article, stopwords: frozenset[str], names: tuple[re.Pattern, dict[str, str]] | None = None) -> Counter[str]:
    """How often the article uses each counted term (see terms()), stopwords left out."""
    return Counter(t for text in plain_texts(article) for t in _terms(text, names) if t not in stopwords)


def distinctive_words(
    articles: list[Article],
    stopwords: frozenset[str],
    names: tuple[re.Pattern, dict[str, str]] | None = None,
    frequencies: dict[str, Counter[str]] | None = None,
) -> dict[str, list[dict]]:
    """Per article, the terms it uses markedly more than the other articles (see KEYNESS_MIN_G2).

    `names` is mentions.mention_pattern(actors): with it, actors count as single terms.
    `frequencies`, by slug, is term_counts() of each article, when already known.
    """
    if frequencies is None:
        frequencies = {a.slug: term_counts(a, stopwords, names) for a in articles}
    else:
        frequencies = {a.slug: frequencies[a.slug] for a in articles}
    actor_names = set(names[1].values()) if names else set()
    totals = {slug: sum(counter.values()) for slug, counter in frequencies.items()}
    corpus: Counter[str] = Counter()
    for counter in frequencies.values():
        corpus.update(counter)
    corpus_total = sum(totals.values())
    result = {}
    for slug, counter in frequencies.items():
        c, d = totals[slug], corpus_total - totals[slug]
        scored = []
        for term, a in counter.items():
            b = corpus[term] - a
            if a < KEYNESS_MIN_COUNT or d == 0 or a / c <= b / d:
                continue
            g2 = keyness(a, b, c, d)
            if g2 >= KEYNESS_MIN_G2:
                scored.append({"word": term, "actor": term in actor_names, "count": a, "others": b, "keyness": round(g2, 2)})
        scored.sort(key=lambda item: (-item["keyness"], item["word"]))
        result[slug] = scored[:KEYNESS_TOP]
    return result


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _terms(text: str, names: tuple[re.Pattern, dict[str, str]] | None) -> list[str]:
    """terms() of a text whose typography is undone already."""
    if names is None:
        return lower_words(text, normalised=True)
    pattern, owner = names
    found: list[str] = []
    start = 0
    for match in pattern.finditer(text):
        found += lower_words(text[start:match.start()], normalised=True)
        found.append(owner[match.group(1)])
        start = match.end()
    return found + lower_words(text[start:], normalised=True)
