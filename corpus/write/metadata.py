"""What an article page tells reference managers, search engines and link previews, in its <head>."""

from __future__ import annotations

from dataclasses import dataclass

from corpus.read.articles import Article
from corpus.write.citations import csl_item

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Article type -> Zotero item type, given as DC.type: Zotero's Embedded Metadata translator
# takes a Dublin Core type that names one of its item types before any guess. Without it,
# `citation_title` alone makes Zotero guess a journal article.
ZOTERO_TYPES = {"news article": "newspaperArticle", "blog post": "blogPost"}

# Article type -> schema.org type for the JSON-LD.
SCHEMA_TYPES = {"news article": "NewsArticle", "blog post": "BlogPosting"}

# How the summary is marked wherever it is given as the article's abstract or description.
SUMMARY_LABEL = "Summary (the site's): "

# Never emitted: they would make Zotero pick another item type (journal article, report,
# conference paper, book section, thesis, book), or state an author or outlet the text does not.
FORBIDDEN = (
    "citation_journal_title", "citation_technical_report_institution", "citation_conference_title",
    "citation_conference", "citation_book_title", "citation_inbook_title",
    "citation_dissertation_institution", "citation_isbn", "citation_series_title",
    "citation_author", "citation_authors", "author", "article:author", "og:site_name",
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
    """The <meta> tags of an article page: Highwire (citation_*), Dublin Core and Open Graph.

    Only what the text and its front matter state: no author; a date only when the text
    gives a publication date; the outlet only when the text names one.
    """
    item = csl_item(article, url, language)
    abstract = SUMMARY_LABEL + article.summary
    tags = [
        Tag("name", "citation_title", item["title"]),
        Tag("name", "citation_language", language),
        Tag("name", "citation_abstract", abstract),
        Tag("name", "citation_public_url", url),
        Tag("name", "DC.type", ZOTERO_TYPES[article.type]),
        Tag("name", "DC.title", item["title"]),
        Tag("name", "DC.language", language),
    ]
    if article.published:
        tags.append(Tag("name", "citation_publication_date", article.published.strftime("%Y/%m/%d")))
        tags.append(Tag("name", "DC.date", article.published.isoformat()))
    if article.source_stated:
        # Zotero reads Dublin Core `source` as the publication (the outlet).
        tags.append(Tag("name", "DC.source", item["container-title"]))
    tags += [
        Tag("property", "og:type", "article"),
        Tag("property", "og:title", item["title"]),
        Tag("property", "og:description", abstract),
        Tag("property", "og:url", url),
    ]
    if article.published:
        tags.append(Tag("property", "article:published_time", article.published.isoformat()))
    return tags


def json_ld(article: Article, url: str, language: str) -> dict:
    """schema.org JSON-LD with the same facts as the <meta> tags."""
    item = csl_item(article, url, language)
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES[article.type],
        "headline": item["title"],
        "name": item["title"],
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": language,
        "abstract": SUMMARY_LABEL + article.summary,
    }
    if article.published:
        data["datePublished"] = article.published.isoformat()
    if article.updated:
        data["dateModified"] = article.updated.isoformat()
    if article.source_stated:
        data["publisher"] = {"@type": "Organization", "name": item["container-title"]}
    if article.tags:
        data["keywords"] = list(article.tags)
    return data
