"""The collection download round-trips: every article's metadata and verbatim text, loadable
as JSON Lines and as CSV."""

from __future__ import annotations

import csv
import io
import json

from conftest import DOCS, TEST_SITE_URL, soup
from corpus.read.articles import load_articles

ARTICLES = {article.slug: article for article in load_articles(DOCS)}


def expected_text(article) -> str:
    """The original as received, less the lines its page declares as byline or furniture."""
    lines = (DOCS / "sources" / article.original).read_text(encoding="utf-8").splitlines()
    for line in (*article.dropped, *((article.byline,) if article.byline else ())):
        lines.remove(line)
    return "\n".join(lines)


def test_the_jsonl_download_round_trips(site):
    records = [json.loads(line) for line in (site / "collection.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["slug"] for r in records) == sorted(ARTICLES)
    for record in records:
        article = ARTICLES[record["slug"]]
        assert record["text"] == expected_text(article)
        assert record["title"] == article.title and record["source"] == article.source
        assert record["published"] == (article.published.isoformat() if article.published else None)
        assert record["updated"] == (article.updated.isoformat() if article.updated else None)
        assert record["words"] == article.word_count
        assert record["url"] == f"{TEST_SITE_URL}articles/{article.slug}/"
        path = record["url"][len(TEST_SITE_URL):]
        assert (site / path / "index.html").exists()
        assert (site / record["original_url"][len(TEST_SITE_URL):]).read_bytes() == (DOCS / "sources" / article.original).read_bytes()
    # 001 states only an update date.
    assert next(r for r in records if r["slug"] == "there-is-no-way-back")["updated"] == "2024-01-31"


def test_the_csv_download_round_trips(site):
    text = (site / "collection.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == len(ARTICLES)
    for row in rows:
        article = ARTICLES[row["slug"]]
        assert row["text"].replace("\r\n", "\n") == expected_text(article)
        assert row["words"] == str(article.word_count)
        assert row["published"] == (article.published.isoformat() if article.published else "")


def test_the_downloads_are_linked_from_the_analysis_page(site):
    hrefs = {a["href"] for a in soup(site / "analysis" / "index.html").select("article a[href]")}
    assert {"../collection.jsonl", "../collection.csv", "../analysis.json"} <= hrefs
