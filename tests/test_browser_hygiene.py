"""Privacy and hygiene in a real browser: nothing leaves the site, nothing fails, every link resolves."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from urllib.parse import urldefrag, urljoin

import pytest
from bs4 import BeautifulSoup

PAGES = ["", "analysis/", "article-index/", "tags/", "articles/nato-in-asia-a-dream-that-can-be-realized/",
         "articles/there-is-no-way-back/", "articles/nato-russia-and-north-korea/"]


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_no_request_leaves_the_site_fails_or_logs_an_error(page, served, path):
    page.goto(served.url + path, wait_until="networkidle")
    # Open search too: the worker and its index are requests of their own.
    page.locator("input.md-search__input").click()
    page.keyboard.type("Japan", delay=10)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    watched = page.watched
    assert watched.outside == [], watched.outside
    assert watched.failed == [], watched.failed
    assert watched.errors == [], watched.errors
    assert watched.console == [], watched.console


def fetch(url: str) -> tuple[int, bytes, str]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
            if response.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            return response.status, body, response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, b"", ""


def test_every_internal_link_and_asset_resolves_under_the_project_path(served):
    pages = [served.url + p for p in PAGES] + [served.url + "404.html"]
    checked: dict[str, int] = {}
    for url in pages:
        status, body, _ = fetch(url)
        assert status == 200, url
        document = BeautifulSoup(body, "html.parser")
        for element, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for tag in document.find_all(element):
                value = tag.get(attribute)
                if not value or value.startswith(("mailto:", "data:", "#", "javascript:")):
                    continue
                target, fragment = urldefrag(urljoin(url, value))
                if not target.startswith(f"http://127.0.0.1:{served.port}/"):
                    # Outbound links are not requests; an asset from elsewhere would be.
                    assert element == "a" or "canonical" in tag.get("rel", []), (url, value)
                    continue
                assert target.startswith(served.url), (url, value)
                if target not in checked:
                    checked[target] = fetch(target)[0]
                assert checked[target] == 200, (url, value, checked[target])
                if fragment and target.endswith("/"):
                    target_doc = BeautifulSoup(fetch(target)[1], "html.parser")
                    assert target_doc.find(id=fragment) is not None, (url, value)
    assert len(checked) > 20


def test_a_missing_url_gets_the_styled_404_page(page, served):
    response = page.goto(served.url + "no/such/page/")
    assert response.status == 404
    assert page.locator("article h1").inner_text().startswith("404")
    # Styled: Material's stylesheet loaded from /<repo>/ even at this depth.
    assert page.locator(".md-header").is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    assert not page.watched.failed and not page.watched.outside
    assert [e for e in page.watched.errors if "/no/such/page/" not in e] == []


def test_pages_are_served_gzip_compressed(served):
    request = urllib.request.Request(served.url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Encoding"] == "gzip"
