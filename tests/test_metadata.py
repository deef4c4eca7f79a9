"""What an article page tells reference managers, search engines and link previews, read back
by a third-party extractor (extruct) and by the rules Zotero's Embedded Metadata translator
applies to <meta> tags."""

from __future__ import annotations

import extruct
import pytest

from conftest import DOCS, TEST_SITE_URL, soup
from corpus.read.articles import load_articles

ARTICLES = {article.slug: article for article in load_articles(DOCS)}

# Zotero's Embedded Metadata translator (zotero/translators, "Embedded Metadata.js", init):
# these tags set the item type outright, and citation_title alone makes it guess a journal
# article unless a Dublin Core type names a Zotero item type.
ZOTERO_TYPE_SETTING = {
    "citation_journal_title": "journalArticle",
    "citation_technical_report_institution": "report",
    "citation_conference_title": "conferencePaper",
    "citation_conference": "conferencePaper",
    "citation_book_title": "bookSection",
    "citation_inbook_title": "bookSection",
    "citation_dissertation_institution": "thesis",
}
ZOTERO_GUESSES = {"citation_title": "journalArticle", "citation_series_title": "journalArticle", "citation_isbn": "book"}
ZOTERO_ITEM_TYPES = {"newspaperArticle", "blogPost", "journalArticle", "webpage", "magazineArticle"}
# Where Zotero looks for an author when no tag names one (getAuthorFromByline).
BYLINE_CLASSES = ("byline", "bylines", "vcard", "article-byline")


def zotero_item_type(head: dict[str, str]) -> str | None:
    """The item type Zotero's translator settles on for these <meta> tags (name -> content)."""
    for name, item_type in ZOTERO_TYPE_SETTING.items():
        if name in head:
            return item_type
    dc_type = head.get("DC.type") or head.get("dc.type")
    if dc_type in ZOTERO_ITEM_TYPES:
        return dc_type
    for name, item_type in ZOTERO_GUESSES.items():
        if name in head:
            return item_type
    return None


def head_tags(page) -> dict[str, str]:
    return {meta.get("name") or meta.get("property"): meta["content"] for meta in page.head.select("meta[content]")}


def extracted(path, url):
    return extruct.extract(path.read_text(encoding="utf-8"), base_url=url,
                           syntaxes=["json-ld", "opengraph", "dublincore"], uniform=False)


def check_page(site, article):
    url = f"{TEST_SITE_URL}articles/{article.slug}/"
    path = site / "articles" / article.slug / "index.html"
    page = soup(path)
    head = head_tags(page)
    title = f"[{article.title}]" if article.title_supplied else article.title + ("[…]" if article.title_truncated else "")
    expected_type = "blogPost" if article.type == "blog post" else "newspaperArticle"

    # Zotero: the right item type, title, outlet, date, language, abstract and address.
    assert zotero_item_type(head) == expected_type
    assert head["citation_title"] == title
    assert head["citation_language"] == "en"
    assert head["citation_abstract"] == "Summary (the site's): " + article.summary
    assert head["citation_public_url"] == url
    assert head.get("DC.source") == (article.source if article.source_stated else None)
    assert head.get("citation_publication_date") == (article.published.strftime("%Y/%m/%d") if article.published else None)
    # Nothing invented: no author, no outlet from the site's own name, and no date Zotero
    # could take from the page when the text states no publication date.
    for name in ("author", "citation_author", "citation_authors", "article:author", "og:site_name",
                 "citation_date", "citation_online_date", "citation_year", "DC.creator"):
        assert name not in head, name
    if not article.published:
        assert "DC.date" not in head and "article:published_time" not in head
        assert not page.select("time[datetime]"), "Zotero takes the first <time datetime> as the date"
    for name in BYLINE_CLASSES:
        assert not page.select(f'[class*="{name}" i]'), name
    assert not page.select('a[rel="author"]')

    data = extracted(path, url)
    # JSON-LD for search engines.
    (json_ld,) = data["json-ld"]
    assert json_ld["@type"] == ("BlogPosting" if article.type == "blog post" else "NewsArticle")
    assert json_ld["headline"] == title and json_ld["url"] == url and json_ld["inLanguage"] == "en"
    assert json_ld.get("datePublished") == (article.published.isoformat() if article.published else None)
    assert json_ld.get("dateModified") == (article.updated.isoformat() if article.updated else None)
    assert json_ld.get("publisher") == ({"@type": "Organization", "name": article.source} if article.source_stated else None)
    assert "author" not in json_ld
    # Open Graph for link previews.
    (opengraph,) = data["opengraph"]
    og = dict(opengraph["properties"])
    assert og["og:type"] == "article" and og["og:title"] == title and og["og:url"] == url
    assert og["og:description"].startswith("Summary (the site's): ")
    assert "og:site_name" not in og
    # Dublin Core, as extruct reads it.
    (dc,) = data["dublincore"]
    elements = {element["name"]: element["content"] for element in dc["elements"]}
    assert elements["DC.type"] == expected_type and elements["DC.title"] == title
    assert elements.get("DC.source") == (article.source if article.source_stated else None)


@pytest.mark.parametrize("slug", sorted(ARTICLES))
def test_each_article_page_tells_zotero_and_search_engines_only_what_the_text_states(site, slug):
    check_page(site, ARTICLES[slug])


def test_dated_articles_with_outlets_give_their_date_and_outlet(dated):
    project, site = dated
    articles = load_articles(project / "docs")
    assert any(a.published and a.source_stated for a in articles)
    assert any(not a.published and not a.source_stated for a in articles)
    for article in articles:
        check_page(site, article)


def test_the_emulated_zotero_rules_catch_a_journal_title():
    # The rules above are the ones that matter: a journal title or citation_title alone
    # would have made Zotero file these as journal articles.
    assert zotero_item_type({"citation_title": "x"}) == "journalArticle"
    assert zotero_item_type({"citation_title": "x", "DC.type": "newspaperArticle", "citation_journal_title": "y"}) == "journalArticle"
    assert zotero_item_type({"citation_title": "x", "DC.type": "newspaperArticle"}) == "newspaperArticle"


def test_pages_that_are_not_articles_carry_no_citation_metadata(site):
    for path in (site / "index.html", site / "analysis" / "index.html"):
        head = head_tags(soup(path))
        assert not any(name.startswith(("citation_", "DC.", "og:")) for name in head), path
