"""The article index: the rule for what the sidebar lists, and the rows of the index page."""

from __future__ import annotations

from corpus.read.articles import Article

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The sidebar lists every article while there are at most this many; beyond it, it lists the
# article index instead (with home, the analysis and the tags), and the index lists them all.
SIDEBAR_ARTICLES_MAX = 12

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def sidebar_lists_articles(count: int) -> bool:
    """Whether the sidebar lists each article, for a collection of `count` articles."""
    return count <= SIDEBAR_ARTICLES_MAX


def index_order(article: Article) -> tuple[str, str]:
    """Sort key of the article index's order: by title, ignoring case, then by address."""
    return article.title.casefold(), article.slug


def index_rows(articles: list[Article], tags: dict[str, list[str]]) -> list[dict]:
    """One row per article for the index page, in title order: what it shows and sorts by."""
    rows = []
    for article in sorted(articles, key=index_order):
        date = article.published or article.updated
        rows.append({
            "slug": article.slug,
            "title": article.title,
            "title_truncated": article.title_truncated,
            "title_supplied": article.title_supplied,
            "source": article.source,
            "date": date.isoformat() if date else "",
            "date_kind": "published" if article.published else "updated" if article.updated else "",
            "words": article.word_count,
            "tags": tags.get(article.slug, []),
        })
    return rows
