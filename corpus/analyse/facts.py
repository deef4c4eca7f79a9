"""What each article yields on its own, apart from the rest of the collection: the counts, shingles
and words-in-context lines the analysis and the index are assembled from. Each depends only on the
article and the curated data named, so the stage keeps it by content and an edit costs the edited
article alone."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from corpus.analyse import contexts
from corpus.analyse.keyness import term_counts
from corpus.analyse.mentions import Mentions, count_mentions
from corpus.analyse.resemblance import passage_grams
from corpus.analyse.themes import keyword_count
from corpus.read.articles import Article
from corpus.read.data import Actor, Theme
from corpus.read.passages import body_sentences

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TextFacts:
    """What the article's text alone yields: its word and sentence counts, its sections and
    sentences with their shingles (resemblance), and its words in context (or why its words
    cannot be linked): contexts.article_rows(), or, once the stage keeps the rows apart,
    contexts.article_forms()."""

    words: int
    sentences: int
    grams: tuple[tuple, tuple]
    lines: dict[str, tuple[int, int, bytes, str]] | tuple
    problems: tuple[str, ...]


@dataclass(frozen=True)
class DataFacts:
    """What the article yields with the curated data: each actor's mentions, the counted terms
    (keyness), each theme's keyword count, and the names found with the words they stand in."""

    mentions: dict[str, Mentions]
    terms: Counter
    keywords: dict[str, int]
    names: tuple[tuple[str, str], ...]


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def text_facts(article: Article) -> TextFacts:
    """What the article's text yields on its own."""
    try:
        lines, problems = contexts.article_rows(article), ()
    except contexts.ContextsError as error:
        lines, problems = {}, tuple(error.lines)
    return TextFacts(article.word_count, len(body_sentences(article)), passage_grams(article), lines, problems)


def data_facts(
    article: Article, actors: list[Actor], themes: list[Theme], stopwords: frozenset[str],
    names: tuple[re.Pattern, dict[str, str]],
) -> DataFacts:
    """What the article yields with the curated data; `names` is mention_pattern(actors)."""
    return DataFacts(
        count_mentions(article, actors, names),
        term_counts(article, stopwords, names),
        {theme.id: keyword_count(article, theme) for theme in themes},
        contexts.name_hits(article, names),
    )


def data_digest(actors: list[Actor], themes: list[Theme], stopwords: frozenset[str]) -> str:
    """A digest of the curated data DataFacts depend on: actors, themes' keywords, stopwords."""
    parts = [repr(actors), repr([(theme.id, theme.keywords) for theme in themes]), repr(sorted(stopwords))]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
