"""What an article page tells reference managers, search engines and link previews, in its <head>."""

from __future__ import annotations

from dataclasses import dataclass

from corpus.read.articles import Article
from corpus.write.citations import KINDS, csl_item

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# How the summary is marked wherever it describes the page (never as the work's abstract).
SUMMARY_LABEL = "Summary (the site's): "

# Zotero item types that have no "...Type" field: for these Zotero's RDF translator does not copy
# DC.type into a field of the saved item, so DC.type can name them (for any other, "blogPost"
# would reach the researcher's BibTeX as type = {blogPost}).
DC_TYPE_SAFE = ("newspaperArticle", "document")

# Never emitted: they would make Zotero pick another item type (journal article, report,
# conference paper, book section, thesis, book), state an author or outlet the text does not,
# copy a machine value into a field (z.type), or give the site's summary as the work's abstract.
FORBIDDEN = (
    "citation_journal_title", "citation_technical_report_institution", "citation_conference_title",
    "citation_conference", "citation_book_title", "citation_inbook_title",
    "citation_dissertation_institution", "citation_isbn", "citation_series_title",
    "citation_author", "citation_authors", "author", "article:author", "og:site_name", "z.type",
    "citation_abstract", "og:description", "DC.description", "dcterms.abstract", "dcterms.description",
    "DC.description.abstract", "prism.teaser", "dcterms.alternative",
)

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Tag:
    """One <meta> tag: `attribute` is "name" or "property" (Open Graph)."""

    attribute: str
    key: str
    content: str


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def meta_tags(article: Article, url: str, language: str) -> list[Tag]:
    """The <meta> tags of an article page: Highwire (citation_*), Dublin Core, Zotero's own item
    type and Open Graph.

    Only what the text and its front matter state: no author; a date only when the text gives a
    publication date; the outlet only when it names one; no abstract (the summary is the site's,
    not the work's). The item type is the article type's (corpus.write.citations.KINDS), given as
    z.itemType, which Zotero takes first and copies into no field, and as DC.type where that is
    copied into no field either. The short title is given (bibo.shortTitle), so that Zotero does
    not cut the title at its first colon and leave a bracket open.
    """
    item = csl_item(article, url, language)
    kind = KINDS[article.type]
    tags = [
        Tag("name", "citation_title", item["title"]),
        Tag("name", "citation_language", language),
        Tag("name", "citation_public_url", url),
        Tag("name", "z.itemType", kind.zotero),
    ]
    if kind.zotero in DC_TYPE_SAFE:
        tags.append(Tag("name", "DC.type", kind.zotero))
    tags += [
        Tag("name", "DC.title", item["title"]),
        Tag("name", "bibo.shortTitle", item.get("title-short", item["title"])),
        Tag("name", "DC.language", language),
    ]
    if article.published:
        tags.append(Tag("name", "citation_publication_date", article.published.strftime("%Y/%m/%d")))
        tags.append(Tag("name", "DC.date", article.published.isoformat()))
    if "container-title" in item:
        # Zotero reads Dublin Core `source` as the publication: the newspaper, blog or website.
        tags.append(Tag("name", "DC.source", item["container-title"]))
    if "publisher" in item:
        tags.append(Tag("name", "DC.publisher", item["publisher"]))
    tags += [
        Tag("property", "og:type", "article"),
        Tag("property", "og:title", item["title"]),
        Tag("property", "og:url", url),
    ]
    if article.published:
        tags.append(Tag("property", "article:published_time", article.published.isoformat()))
    return tags


def json_ld(article: Article, url: str, language: str) -> dict:
    """schema.org JSON-LD with the same facts as the <meta> tags (no abstract either)."""
    item = csl_item(article, url, language)
    data = {
        "@context": "https://schema.org",
        "@type": KINDS[article.type].schema,
        "headline": item["title"],
        "name": item["title"],
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": language,
    }
    if article.published:
        data["datePublished"] = article.published.isoformat()
    if article.updated:
        data["dateModified"] = article.updated.isoformat()
    if "container-title" in item or "publisher" in item:
        data["publisher"] = {"@type": "Organization", "name": item.get("container-title") or item["publisher"]}
    if article.tags:
        data["keywords"] = list(article.tags)
    return data
