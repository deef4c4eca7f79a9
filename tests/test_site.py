"""Tests of the built site: pages, headers, originals, fidelity, search index, self-containment."""

from __future__ import annotations

import hashlib
import json
import re
from urllib.parse import urlparse

import pytest

from conftest import BASE_PATH, DOCS, SHARED_SOURCES, article_pages, soup
from corpus.read.articles import load_articles
from corpus.text import html_text

ARTICLES = load_articles(DOCS)


def page_of(site, article):
    return soup(site / "articles" / article.slug / "index.html")


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_each_article_page_has_its_header(site, article):
    page = page_of(site, article)
    header = page.select_one("header.article-header")
    assert header is not None
    h1 = header.select_one("h1").get_text()
    assert h1.startswith(article.title)
    assert header.select_one(".article-source").get_text(strip=True) == article.source
    date = header.select_one(".article-date").get_text(strip=True)
    if article.published:
        assert header.select_one(".article-date time")["datetime"] == article.published.isoformat()
    else:
        assert date == "date not stated"
    assert header.select_one(".article-words").get_text(strip=True) == f"{article.word_count:,} words"
    assert header.select_one(".article-reading").get_text(strip=True) == f"{article.reading_minutes} min read"
    link = header.select_one(".article-original a")
    assert (site / "articles" / article.slug / link["href"]).resolve() == (site / "sources" / article.original).resolve()
    assert page.select_one('meta[name="description"]')["content"] == "Summary (the site's): " + article.summary
    # Exactly one h1: the header's, never a second from the body.
    assert len(page.select("article h1")) == 1


def test_the_furniture_left_out_of_an_article_is_named_in_its_header(site):
    by_original = {a.original: a for a in ARTICLES}
    shown = {}
    for article in ARTICLES:
        left_out = page_of(site, article).select_one(".article-dropped")
        shown[article.original] = " ".join(left_out.get_text().split()) if left_out else None
    assert shown == {
        "000_a0c51f055d14d1f0.txt": None,
        "001_a7d68952c481db25.txt": "the original’s page furniture, not part of the article: “Related Pages”",
        "003_e5dc64e63e726b82.txt": "the original’s page furniture, not part of the article: “Comments”",
    }
    assert all(by_original[name].dropped or text is None for name, text in shown.items())


def test_truncated_and_supplied_titles_are_shown_as_such(site):
    by_original = {a.original: a for a in ARTICLES}
    cut = page_of(site, by_original["001_a7d68952c481db25.txt"])
    assert cut.select_one("h1 .title-cut").get_text() == "[…]"
    assert "cut off in the source" in cut.select_one(".article-note").get_text()
    assert cut.select_one(".article-credit").get_text() == "Mondo Military Updated on 2024-01-31"
    supplied = page_of(site, by_original["003_e5dc64e63e726b82.txt"])
    assert "supplied by the site" in supplied.select_one(".article-note").get_text()


def test_headings_of_the_source_are_headings_on_the_page(site):
    by_original = {a.original: a for a in ARTICLES}
    first = page_of(site, by_original["000_a0c51f055d14d1f0.txt"])
    assert [" ".join(h.get_text().split()).rstrip("¶") for h in first.select(".article-text h2")] == [
        "Will Japan's Inclusion Increase China's Threat?",
        "Will Japan's NATO Membership Increase China's Threat?",
    ]
    third = page_of(site, by_original["003_e5dc64e63e726b82.txt"])
    headings = [" ".join(h.get_text().split()).rstrip("¶") for h in third.select(".article-text h2")]
    assert "Trump's Role in NATO Strategy" in headings and headings[-1] == "Conclusion"


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_every_word_of_the_original_is_on_the_built_page_in_order(site, article):
    page = page_of(site, article)
    heading = page.select_one("h1")
    for mark in heading.select(".title-cut"):
        mark.extract()  # the site's mark where a cut-off headline ends
    shown = heading.get_text().split() if not article.title_supplied else []
    if article.byline:
        # The byline is shown in the header, where it stood in the original: after the headline.
        assert page.select_one(".article-credit").get_text() == article.byline
    shown += html_text(str(page.select_one(".article-text"))).split()
    # Character for character, whitespace aside: no quote turned curly, no dash or ellipsis made.
    assert shown == article.text.split()
    for line in article.dropped:
        assert line not in page.select_one(".article-text").get_text()


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_originals_are_published_byte_identical(site, article):
    assert (site / "sources" / article.original).read_bytes() == (DOCS / "sources" / article.original).read_bytes()


# The SHA-256 of each original as received (../shared/sources), so that a clone without that
# folder still proves docs/sources holds them byte for byte.
RECEIVED = {
    "000_a0c51f055d14d1f0.txt": "d124334d03ef21c18a8e337732fe1036a650dad6cd3eec410d9544f9de4c524e",
    "001_a7d68952c481db25.txt": "36d96ef4d7a266f072a0a4522713bd2a1bc5a0af8c587be1bd4cbc2cd788f468",
    "003_e5dc64e63e726b82.txt": "457daca78839a40c95ae19dc79603e5bd0d6edf975269fca7fb7190e3cea41b8",
}


def test_docs_sources_are_byte_identical_to_the_originals_as_received():
    for name, digest in RECEIVED.items():
        assert hashlib.sha256((DOCS / "sources" / name).read_bytes()).hexdigest() == digest, name
    # Where the originals are beside this checkout, the digests above are theirs.
    if SHARED_SOURCES.is_dir():
        assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SHARED_SOURCES.glob("*.txt")} == RECEIVED


def test_every_article_page_is_in_docs_articles():
    assert {p.stem for p in article_pages()} == {a.slug for a in ARTICLES}


def test_paragraphs_carry_stable_anchors_with_permalinks(site):
    page = page_of(site, ARTICLES[0])
    paragraphs = page.select(".article-text > p")
    assert [p["id"] for p in paragraphs] == [f"p{n}" for n in range(1, len(paragraphs) + 1)]
    assert paragraphs[2].select_one("a.paralink")["href"] == "#p3"


DISTINCTIVE = {
    "000_a0c51f055d14d1f0.txt": ["NATOIZATION", "oscillating", "bilaterally"],
    "001_a7d68952c481db25.txt": ["Mindoro", "Kishida", "Guangming"],
    "003_e5dc64e63e726b82.txt": ["Pyongyang", "Rutte", "autarkic"],
}


def test_search_index_holds_each_articles_distinctive_words(site):
    index = json.loads((site / "search" / "search_index.json").read_text())
    by_original = {a.original: a for a in ARTICLES}
    for original, terms in DISTINCTIVE.items():
        slug = by_original[original].slug
        text = " ".join(d["title"] + " " + d["text"] for d in index["docs"] if d["location"].startswith(f"articles/{slug}/"))
        others = " ".join(
            d["text"] for d in index["docs"] if d["location"].startswith("articles/") and not d["location"].startswith(f"articles/{slug}/")
        )
        for term in terms:
            assert term in text, (original, term)
            assert term not in others, (original, term)
    assert index["config"]["pipeline"] == ["stemmer", "stopWordFilter", "trimmer"]


def test_home_lists_every_article_with_its_summary(site):
    home = soup(site / "index.html")
    links = home.select("ul.article-list a.article-link")
    assert len(links) == len(ARTICLES)
    text = home.get_text(" ")
    for article in ARTICLES:
        assert " ".join(article.summary.split()) in " ".join(text.split())
    assert home.select_one("#searching") is not None


# Elements whose attribute makes the browser fetch something.
FETCHING = {
    "script": ["src"], "img": ["src", "srcset"], "source": ["src", "srcset"], "iframe": ["src"],
    "video": ["src", "poster"], "audio": ["src"], "embed": ["src"], "object": ["data"], "track": ["src"],
}
FETCHING_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "preconnect", "dns-prefetch", "apple-touch-icon"}


def external(url: str) -> bool:
    parsed = urlparse(url.strip())
    return bool(parsed.scheme in ("http", "https") or url.strip().startswith("//"))


def test_no_page_fetches_anything_from_outside_the_site(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 5
    for path in pages:
        page = soup(path)
        for tag, attrs in FETCHING.items():
            for element in page.find_all(tag):
                for attr in attrs:
                    value = element.get(attr)
                    assert not (value and external(value)), (path, tag, value)
        for link in page.find_all("link"):
            if FETCHING_LINK_RELS & set(link.get("rel", [])):
                assert not external(link["href"]), (path, link)
        for style in page.find_all("style"):
            assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", style.get_text()), path
        assert not page.select('[style*="url(http"], [style*="url(//"]'), path
    for css in site.rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//|url\(\s*['\"]?(https?:)?//", css.read_text()), css


def test_pages_use_system_fonts(site):
    home = (site / "index.html").read_text()
    assert "fonts.googleapis" not in home and "fonts.gstatic" not in home


def test_404_page_and_sitemap_use_the_project_path(site):
    page = soup(site / "404.html")
    assert "404" in page.select_one("h1").get_text()
    # Under /<repo>/ the 404 page is served for any depth, so its links are absolute paths.
    stylesheets = [l["href"] for l in page.find_all("link", rel="stylesheet")]
    assert stylesheets and all(h.startswith(BASE_PATH) for h in stylesheets), stylesheets
    sitemap = (site / "sitemap.xml").read_text()
    for article in ARTICLES:
        assert f"http://127.0.0.1{BASE_PATH}articles/{article.slug}/" in sitemap
