"""Themes: how often each theme's keywords occur in each article, and whether the data covers them."""

from __future__ import annotations

import re
from functools import lru_cache

from corpus.read.articles import Article
from corpus.read.data import Theme
from corpus.read.passages import plain_texts

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The state of a theme in an article, as the page names it.
QUOTED = "quoted"  # the data gives the article's words on the theme
ABSENT = "absent"  # keywords occur, but the data says why the article does not discuss it
NO_KEYWORDS = "no-keywords"  # no quote, and none of the theme's keywords occur
NOT_CURATED = "not-curated"  # keywords occur in an article whose analysis is not curated yet

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


@lru_cache(maxsize=256)
def keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern:
    """Any of the keywords as whole words, any case, longest first, with a possessive 's. A word
    is whole as the words-in-context page counts words: a hyphen or an apostrophe between two
    letters joins them, so "Ukraine" is not found in "Russia-Ukraine"."""
    body = "|".join(re.escape(k) for k in sorted(keywords, key=len, reverse=True))
    return re.compile(
        rf"(?<![A-Za-z0-9])(?<![A-Za-z0-9]['\u2019-])(?:{body})(?:['\u2019]s)?(?![A-Za-z0-9])(?!['\u2019-][A-Za-z0-9])",
        re.IGNORECASE,
    )


def keyword_count(article: Article, theme: Theme) -> int:
    """How often the theme's keywords occur in the article's headline and body."""
    return len(keyword_pattern(theme.keywords).findall(_plain_text(article)))


@lru_cache(maxsize=4096)
def _plain_text(article: Article) -> str:
    """The article's passages, typography undone, one a line (no keyword spans two passages)."""
    return "\n".join(plain_texts(article))


def coverage(article: Article, theme: Theme, count: int | None = None) -> tuple[str, int]:
    """(state, keyword count) of a theme in an article; see QUOTED and the states after it.
    `count` is keyword_count(article, theme), when already known."""
    count = keyword_count(article, theme) if count is None else count
    if article.slug in theme.quotes:
        return QUOTED, count
    if article.slug in theme.absent:
        return ABSENT, count
    if count == 0:
        return NO_KEYWORDS, count
    return NOT_CURATED, count


def coverage_problems(articles: list[Article], themes: list[Theme], curated: set[str], label: str) -> list[str]:
    """One line for each curated article that a theme's keywords occur in, with neither a
    quote nor a reason: the page would otherwise show the theme as not discussed there."""
    problems = []
    for theme in themes:
        for article in articles:
            # An uncurated article, or a quote the data gives but that was refused (reported already).
            if article.slug not in curated or article.slug in theme.listed:
                continue
            state, count = coverage(article, theme)
            if state == NOT_CURATED:
                problems.append(
                    f"{label}: theme '{theme.id}': article '{article.slug}': its keywords occur {count} "
                    "time(s), but there is no quote; add one under 'quotes', or say why it is not "
                    "discussed under 'absent'"
                )
    return problems
