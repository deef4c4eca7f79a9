"""The site's Atom 1.0 feed (feed.xml): one entry an article, newest added first, so that readers
can follow what joins the collection. Written by the stage, so that both engines publish it.

Each entry's `updated` is the day the article joined the collection (`added`), the site's date;
`published` is there only where the text states a publication date; the summary is the site's and
says so. Built with ElementTree, which escapes every string."""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as etree

from corpus.read.articles import Article
from corpus.write.citations import CUT
from corpus.write.metadata import SUMMARY_LABEL

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Where the feed is, from the site root.
FEED = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
# Entries' ids are made from this and the article's name, so that they never change with the
# site's address (a fork publishes elsewhere) or its titles.
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/nato-asia-pacific/articles")

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def feed(articles: list[Article], addresses: dict[str, str], site_url: str, site_name: str, description: str) -> str:
    """The feed, as text: the site, then each article (`addresses`: its page's full address), the
    newest added first."""
    etree.register_namespace("", ATOM)
    root = etree.Element(f"{{{ATOM}}}feed", {"xml:lang": "en"})
    ordered = sorted(articles, key=lambda a: (a.added, a.slug), reverse=True)
    _add(root, "title", site_name)
    _add(root, "subtitle", description)
    _add(root, "id", entry_id("the collection"))
    _add(root, "updated", _instant(ordered[0].added) if ordered else "1970-01-01T00:00:00Z")
    _add(root, "link", href=site_url + FEED, rel="self", type="application/atom+xml")
    _add(root, "link", href=site_url, rel="alternate", type="text/html")
    author = _add(root, "author")
    # The feed is the site's; the texts it lists name their authors, if at all, on their pages.
    _add(author, "name", f"{site_name} (the site that publishes these texts as received)")
    _add(root, "generator", "python -m corpus.stage")
    for article in ordered:
        entry = _add(root, "entry")
        _add(entry, "title", article.title + (CUT if article.title_truncated else ""))
        _add(entry, "link", href=addresses[article.slug], rel="alternate", type="text/html")
        _add(entry, "id", entry_id(article.slug))
        # The day the article joined the collection: the site's date, never the article's.
        _add(entry, "updated", _instant(article.added))
        if article.published:
            _add(entry, "published", _instant(article.published))
        _add(entry, "summary", SUMMARY_LABEL + article.summary, type="text")
    etree.indent(root, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(root, encoding="unicode") + "\n"


def entry_id(name: str) -> str:
    """A stable id: a UUID made from the name, as a URN."""
    return uuid.uuid5(ID_NAMESPACE, name).urn


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _add(parent: etree.Element, tag: str, text: str | None = None, **attributes: str) -> etree.Element:
    """A child element with its text and attributes (escaped when written)."""
    element = etree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element


def _instant(day: dt.date) -> str:
    """A date as the instant Atom asks for: the day's start, UTC."""
    return f"{day.isoformat()}T00:00:00Z"
