"""The Atom feed (feed.xml), read by a feed reader's own parser (feedparser), on both builds: newest
added first, every entry a page that exists, dates the site's and the text's kept apart, every
string escaped; every page points to it, and the site map agrees with it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import feedparser
import pytest

from conftest import BASE_PATH, DOCS, TEST_SITE_URL, soup
from corpus.read.articles import load_articles
from corpus.write.feed import entry_id

ARTICLES = {article.slug: article for article in load_articles(DOCS)}


def parsed(site):
    found = feedparser.parse((site / "feed.xml").read_bytes())
    assert not found.bozo, found.get("bozo_exception")
    return found


def slug_of(link: str) -> str:
    return re.fullmatch(rf"{re.escape(TEST_SITE_URL)}articles/([^/]+)/", link).group(1)


@pytest.mark.parametrize("engine", ["site", "zensical_site"])
def test_a_feed_reader_reads_every_article_newest_added_first(request, engine):
    site = request.getfixturevalue(engine)
    feed = parsed(site)
    assert feed.version == "atom10" and feed.feed.title == "NATO and the Asia-Pacific"
    assert feed.feed.link == TEST_SITE_URL
    slugs = [slug_of(entry.link) for entry in feed.entries]
    assert sorted(slugs) == sorted(ARTICLES)
    added = [ARTICLES[slug].added for slug in slugs]
    assert added == sorted(added, reverse=True)
    for entry, slug in zip(feed.entries, slugs):
        article = ARTICLES[slug]
        # Each entry's page exists in this build.
        assert (site / urlsplit(entry.link).path[len(BASE_PATH):] / "index.html").is_file()
        assert entry.id == entry_id(slug) and entry.id.startswith("urn:uuid:")
        # The title as the site shows it, a cut-off headline marked where it ends.
        assert entry.title == article.title + ("[…]" if article.title_truncated else "")
        # `updated` is the day the article joined the collection; `published` only a date the text states.
        assert entry.updated.startswith(article.added.isoformat())
        assert ("published" in entry) == (article.published is not None)
        assert entry.summary == "Summary (the site's): " + article.summary


def test_the_feed_ids_do_not_change_with_the_address_or_the_title():
    assert entry_id("there-is-no-way-back") == "urn:uuid:50454166-4ee1-5e0f-b187-7bb398c50e50"


def test_every_page_points_to_the_feed(site):
    pages = [p for p in site.rglob("*.html") if p.name != "collection.html"]
    assert len(pages) > 5
    for path in pages:
        links = soup(path).select('head link[rel="alternate"][type="application/atom+xml"]')
        assert len(links) == 1, path
        href = links[0]["href"]
        # The 404 page, served at any depth, names the feed from the site's root.
        target = (site / href[len(BASE_PATH):] if href.startswith(BASE_PATH) else path.parent / href).resolve()
        assert target == (site / "feed.xml").resolve(), (path, links[0]["href"])


def test_the_site_map_gives_each_article_the_day_the_feed_gives_it(site):
    feed = parsed(site)
    updated = {entry.link: entry.updated[:10] for entry in feed.entries}
    urls = etree.parse(site / "sitemap.xml").getroot()
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    found = {url.findtext("s:loc", namespaces=namespace): url.findtext("s:lastmod", namespaces=namespace)
             for url in urls.findall("s:url", namespace)}
    assert {link: found[link] for link in updated} == updated
