"""Unit tests of the article front-matter contract (corpus.read.articles)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corpus.read.articles import ArticleError, load_article, load_articles, split_front_matter

ORIGINAL = "A Headline\nBy Someone on 2020-01-02\nFirst line of text.\nSecond line.\nComments\n"


def write_article(docs: Path, front_matter: str, body: str = "First line of text.\n\nSecond line.\n") -> Path:
    """Create docs/articles/sample.md and docs/sources/sample.txt; return the page path."""
    (docs / "sources").mkdir(parents=True, exist_ok=True)
    (docs / "articles").mkdir(parents=True, exist_ok=True)
    (docs / "sources" / "sample.txt").write_text(ORIGINAL, encoding="utf-8")
    page = docs / "articles" / "sample.md"
    page.write_text(f"---\n{front_matter}---\n\n{body}", encoding="utf-8")
    return page


GOOD = (
    "title: A Headline\n"
    "source: Example Outlet\n"
    "original: sample.txt\n"
    "added: 2026-12-01\n"
    "summary: The article describes something.\n"
    "published: 2020-01-02\n"
    "byline: By Someone on 2020-01-02\n"
    "dropped: [Comments]\n"
    "tags: [one, two]\n"
)


def test_a_good_article_loads_with_typed_fields(tmp_path):
    article = load_article(write_article(tmp_path, GOOD), tmp_path)
    assert article.title == "A Headline"
    assert article.published == dt.date(2020, 1, 2)
    assert article.dropped == ("Comments",)
    assert article.tags == ("one", "two")
    assert article.slug == "sample"
    # The article's own text leaves out the byline and the dropped furniture.
    assert article.text == "A Headline\nFirst line of text.\nSecond line."
    assert article.word_count == 8
    assert article.reading_minutes == 1
    # A document (the text states no kind) unless the page says what kind of text it is.
    assert article.type == "document"
    for kind in ("news article", "blog post", "web page"):
        assert load_article(write_article(tmp_path, GOOD + f"type: {kind}\n"), tmp_path).type == kind


@pytest.mark.parametrize("field", ["title", "source", "original", "summary"])
def test_each_required_field_is_required(tmp_path, field):
    front_matter = "".join(line + "\n" for line in GOOD.splitlines() if not line.startswith(field + ":"))
    with pytest.raises(ArticleError, match=rf"sample\.md: '{field}': required field is missing"):
        load_article(write_article(tmp_path, front_matter), tmp_path, "docs/articles/sample.md")


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("title: [not, a, string]", "title"),
        ("summary: 42", "summary"),
        ("published: 31 January 2024", "published"),
        ("title_supplied: 'yes'", "title_supplied"),
        ("dropped: Comments", "dropped"),
        ("tags: [ok, 3]", "tags"),
        ("source: '   '", "source"),
        ("type: magazine article", "type"),
        ("type: [blog post]", "type"),
    ],
)
def test_a_field_of_the_wrong_type_is_refused(tmp_path, line, field):
    key = line.split(":")[0]
    front_matter = "".join(l + "\n" for l in GOOD.splitlines() if not l.startswith(key + ":")) + line + "\n"
    with pytest.raises(ArticleError, match=rf"^docs/articles/sample\.md: '{field}': must be"):
        load_article(write_article(tmp_path, front_matter), tmp_path, "docs/articles/sample.md")


def test_front_matter_that_is_not_yaml_is_refused_with_its_line(tmp_path):
    broken = GOOD.replace("source: Example Outlet", "source: [Example Outlet")
    with pytest.raises(ArticleError, match=r"sample\.md: front matter: not valid YAML \(line \d+"):
        load_article(write_article(tmp_path, broken), tmp_path, "docs/articles/sample.md")


def test_an_impossible_date_is_refused(tmp_path):
    front_matter = GOOD.replace("published: 2020-01-02", "published: 2024-02-30")
    with pytest.raises(ArticleError, match=r"sample\.md: 'published': must be a date written YYYY-MM-DD, got '2024-02-30'"):
        load_article(write_article(tmp_path, front_matter), tmp_path, "docs/articles/sample.md")


def test_missing_front_matter_is_refused(tmp_path):
    page = write_article(tmp_path, GOOD)
    page.write_text("Just text.\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="front matter: missing"):
        load_article(page, tmp_path)


def test_front_matter_must_be_a_mapping():
    with pytest.raises(ArticleError, match="must be a mapping"):
        split_front_matter("---\n- a\n- b\n---\nbody", "x.md")


def test_an_original_that_does_not_exist_is_refused(tmp_path):
    front_matter = GOOD.replace("original: sample.txt", "original: missing.txt")
    with pytest.raises(ArticleError, match=r"'original': docs/sources/missing\.txt does not exist"):
        load_article(write_article(tmp_path / "docs", front_matter), tmp_path / "docs", "docs/articles/sample.md")


def test_an_original_outside_sources_is_refused(tmp_path):
    front_matter = GOOD.replace("original: sample.txt", "original: ../articles/sample.md")
    with pytest.raises(ArticleError, match="'original': .* must be a file name under"):
        load_article(write_article(tmp_path, front_matter), tmp_path)


def test_dropped_lines_must_be_lines_of_the_original(tmp_path):
    front_matter = GOOD.replace("dropped: [Comments]", "dropped: [Related Pages]")
    with pytest.raises(ArticleError, match=r"'dropped': 'Related Pages' is not a line of sample\.txt"):
        load_article(write_article(tmp_path, front_matter), tmp_path)


def test_load_articles_reads_every_page_in_name_order(tmp_path):
    write_article(tmp_path, GOOD)
    second = tmp_path / "articles" / "another.md"
    second.write_text((tmp_path / "articles" / "sample.md").read_text(), encoding="utf-8")
    assert [a.slug for a in load_articles(tmp_path)] == ["another", "sample"]


def test_the_real_articles_honour_the_contract():
    docs = Path(__file__).resolve().parent.parent / "docs"
    articles = load_articles(docs)
    assert len(articles) >= 3
    by_original = {a.original: a for a in articles}
    truncated = by_original["001_a7d68952c481db25.txt"]
    assert truncated.title_truncated and truncated.title.endswith(", and t")
    # "Mondo Military Updated on 2024-01-31": an update date, not a publication date.
    assert truncated.updated == dt.date(2024, 1, 31) and truncated.published is None
    assert truncated.source == "Mondo Military"
    assert truncated.dropped == ("Related Pages",)
    untitled = by_original["003_e5dc64e63e726b82.txt"]
    assert untitled.title_supplied and untitled.dropped == ("Comments",)
    assert untitled.source == "Not stated" and untitled.published is None
    assert by_original["000_a0c51f055d14d1f0.txt"].title == "NATO in Asia: A Dream That Can Be Realized?"
    for article in articles:
        sentences = [s for s in article.summary.replace("?", ".").split(". ") if s.strip()]
        assert 1 <= len(sentences) <= 3, article.page


def test_every_summary_quotes_only_words_its_article_has():
    # The summaries are the site's; what they put between double quotation marks is the article's.
    from conftest import DOCS
    from corpus.read.passages import find_quote

    articles = load_articles(DOCS)
    assert articles
    for article in articles:
        assert article.summary.count('"') % 2 == 0, article.slug
        quoted = article.summary.split('"')[1::2]
        missing = [words for words in quoted if find_quote(article, words) is None]
        assert missing == [], (article.slug, missing)
