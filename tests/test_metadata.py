"""What an article page tells reference managers, search engines and link previews, read back
by a third-party extractor (extruct) and by the rules Zotero's Embedded Metadata translator
applies to <meta> tags."""

from __future__ import annotations

import extruct
import pytest

from conftest import DOCS, TEST_SITE_URL, soup
from corpus.read.articles import load_articles

ARTICLES = {article.slug: article for article in load_articles(DOCS)}

# Each article type as Zotero and schema.org name it (written out here, apart from the site's code).
ZOTERO_TYPES = {"document": "document", "news article": "newspaperArticle", "blog post": "blogPost", "web page": "webpage"}
SCHEMA_TYPES = {"document": "CreativeWork", "news article": "NewsArticle", "blog post": "BlogPosting", "web page": "WebPage"}

# Zotero's Embedded Metadata and RDF translators (zotero/translators, 2026-06 versions), as far as
# these pages are concerned. Tags that set the item type outright, before anything else:
ZOTERO_TYPE_SETTING = {
    "citation_journal_title": "journalArticle",
    "citation_technical_report_institution": "report",
    "citation_conference_title": "conferencePaper",
    "citation_conference": "conferencePaper",
    "citation_book_title": "bookSection",
    "citation_inbook_title": "bookSection",
    "citation_dissertation_institution": "thesis",
}
ZOTERO_ITEM_TYPES = {"newspaperArticle", "blogPost", "journalArticle", "webpage", "magazineArticle", "document", "report"}
# Open Graph types that decide the item type (RDF.js, detectType: t.og).
OG_TYPES = {"website": "webpage", "book": "book"}
# Dublin Core types in words that Zotero maps (RDF.js: lower case, no spaces).
DC_WORDS = {"newsitem": "newspaperArticle", "webpage": "webpage", "homepage": "webpage", "article": "journalArticle"}
# With no type, citation_title makes Zotero guess a journal article, else it files a web page.
ZOTERO_GUESSES = {"citation_title": "journalArticle", "citation_series_title": "journalArticle", "citation_isbn": "book"}
# Item types with a "...Type" field, into which RDF.js copies any DC.type (websiteType and the like).
TYPE_FIELD = {"blogPost", "webpage", "report", "letter", "manuscript", "thesis", "map", "presentation", "podcast", "audioRecording"}
# Where the abstract comes from, first found first; citation_abstract overrides them, and the
# page's own description is the last resort.
ABSTRACT_TAGS = ("eprints.abstract", "prism.teaser", "og:description", "bibo.abstract", "dcterms.abstract",
                 "DC.description.abstract", "DC.description", "dcterms.description")
# Where Zotero looks for an author when no tag names one (getAuthorFromByline).
BYLINE_CLASSES = ("byline", "bylines", "vcard", "article-byline")


def zotero_item(head: dict[str, str]) -> dict[str, str | None]:
    """What Zotero's translators save from these <meta> tags (name -> content): the item type and
    the fields that could carry a machine value or the site's summary."""
    dc_type = head.get("DC.type") or head.get("dcterms.type")
    item_type = next((t for name, t in ZOTERO_TYPE_SETTING.items() if name in head), None)
    if item_type is None and head.get("z.itemType") in ZOTERO_ITEM_TYPES:
        item_type = head["z.itemType"]
    if item_type is None and head.get("og:type") in OG_TYPES:
        item_type = OG_TYPES[head["og:type"]]
    if item_type is None and dc_type:
        item_type = dc_type if dc_type in ZOTERO_ITEM_TYPES else DC_WORDS.get(dc_type.lower().replace(" ", ""))
    if item_type is None:
        item_type = next((t for name, t in ZOTERO_GUESSES.items() if name in head), "webpage")
    abstract = head.get("citation_abstract") or next((head[name] for name in ABSTRACT_TAGS if head.get(name)), None)
    title = head.get("DC.title") or head.get("citation_title") or ""
    short = head.get("bibo.shortTitle") or head.get("z.shortTitle")
    if short is None:
        # The core cuts the title at its first colon, then after its first question mark.
        short = title.split(":", 1)[0]
        if "?" in short[:-1]:
            short = short[: short.index("?") + 1]
    return {
        "itemType": item_type,
        "websiteType": dc_type if item_type in TYPE_FIELD else None,
        "abstractNote": abstract or head.get("description"),
        "shortTitle": None if short == title else short,
        "publicationTitle": head.get("DC.source") or head.get("og:site_name"),
    }


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
    expected_type = ZOTERO_TYPES[article.type]

    # Zotero: the right item type, no machine value in any field, no abstract but the page's
    # own description (marked as the site's), a well-formed short title, the outlet it names.
    item = zotero_item(head)
    assert item["itemType"] == expected_type
    assert item["websiteType"] is None
    assert "z.type" not in head
    assert not any(head.get(name) for name in ("citation_abstract", *ABSTRACT_TAGS))
    assert item["abstractNote"] == head["description"] == "Summary (the site's): " + article.summary
    short = item["shortTitle"] or title
    assert short.count("[") == short.count("]") and title.startswith(short.rstrip("]"))
    assert item["publicationTitle"] == (article.source if article.source_stated and article.type != "document" else None)
    assert head.get("DC.publisher") == (article.source if article.source_stated and article.type == "document" else None)
    assert head["citation_title"] == head["DC.title"] == title
    assert head["citation_language"] == "en"
    assert head["citation_public_url"] == url
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
    assert json_ld["@type"] == SCHEMA_TYPES[article.type]
    assert "abstract" not in json_ld and "description" not in json_ld
    assert json_ld["headline"] == title and json_ld["url"] == url and json_ld["inLanguage"] == "en"
    assert json_ld.get("datePublished") == (article.published.isoformat() if article.published else None)
    assert json_ld.get("dateModified") == (article.updated.isoformat() if article.updated else None)
    assert json_ld.get("publisher") == ({"@type": "Organization", "name": article.source} if article.source_stated else None)
    assert "author" not in json_ld
    # Open Graph for link previews.
    (opengraph,) = data["opengraph"]
    og = dict(opengraph["properties"])
    assert og["og:type"] == "article" and og["og:title"] == title and og["og:url"] == url
    assert "og:description" not in og
    assert "og:site_name" not in og
    # Dublin Core, as extruct reads it.
    (dc,) = data["dublincore"]
    elements = {element["name"]: element["content"] for element in dc["elements"]}
    assert elements.get("DC.type") in (None, expected_type) and elements["DC.title"] == title


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


def test_the_emulated_zotero_rules_catch_what_the_pages_avoid():
    # The rules above are the ones that matter: a journal title or citation_title alone would
    # have made Zotero file these as journal articles; DC.type "blogPost" reaches websiteType,
    # and so into BibTeX's type; a summary as og:description becomes the work's abstract; a title
    # cut at its colon leaves its bracket open.
    assert zotero_item({"citation_title": "x"})["itemType"] == "journalArticle"
    assert zotero_item({"citation_title": "x", "z.itemType": "blogPost", "citation_journal_title": "y"})["itemType"] == "journalArticle"
    assert zotero_item({"citation_title": "x", "DC.type": "newspaperArticle"})["itemType"] == "newspaperArticle"
    assert zotero_item({"citation_title": "x", "DC.type": "blogPost"})["websiteType"] == "blogPost"
    assert zotero_item({"citation_title": "x", "z.itemType": "blogPost"})["websiteType"] is None
    assert zotero_item({"og:description": "Ours", "description": "Ours too"})["abstractNote"] == "Ours"
    assert zotero_item({"DC.title": "[A, B: c]"})["shortTitle"] == "[A, B"
    assert zotero_item({"DC.title": "[A, B: c]", "bibo.shortTitle": "[A, B]"})["shortTitle"] == "[A, B]"


def test_pages_that_are_not_articles_carry_no_citation_metadata(site):
    for path in (site / "index.html", site / "analysis" / "index.html"):
        head = head_tags(soup(path))
        assert not any(name.startswith(("citation_", "DC.", "og:")) for name in head), path
