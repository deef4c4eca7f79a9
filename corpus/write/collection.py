"""The collection as data: every article's metadata, verbatim text and page address, as rows for
JSON Lines and CSV downloads that load into Voyant, pandas or R in one step."""

from __future__ import annotations

import csv
import io
import json

from corpus.read.articles import Article

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The columns, in order: what each row carries.
COLUMNS = (
    "slug", "title", "title_supplied", "title_truncated", "source", "published", "updated", "byline",
    "words", "url", "original_url", "tags", "summary", "text",
)

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def rows(articles: list[Article], site_url: str, tags: dict[str, list[str]]) -> list[dict]:
    """One row per article. `text` is the article's own words as received (the original less
    its byline and declared page furniture); `summary` is the site's, not the article's."""
    base = site_url.rstrip("/") + "/"
    return [
        {
            "slug": article.slug,
            "title": article.title,
            "title_supplied": article.title_supplied,
            "title_truncated": article.title_truncated,
            "source": article.source,
            "published": article.published.isoformat() if article.published else None,
            "updated": article.updated.isoformat() if article.updated else None,
            "byline": article.byline,
            "words": article.word_count,
            "url": f"{base}articles/{article.slug}/",
            "original_url": f"{base}sources/{article.original}",
            "tags": tags.get(article.slug, []),
            "summary": article.summary,
            "text": article.text,
        }
        for article in articles
    ]


def jsonl(records: list[dict]) -> str:
    """The rows as JSON Lines: one JSON object a line."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def csv_text(records: list[dict]) -> str:
    """The rows as CSV with a header; tags joined by '; ', empty cells for missing values."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        writer.writerow({
            key: "; ".join(value) if isinstance(value, list) else "" if value is None else value
            for key, value in record.items()
        })
    return out.getvalue()
