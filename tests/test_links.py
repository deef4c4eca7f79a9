"""Both builds served as GitHub Pages serves a project site, under the path of its site_url
(/nato-asia-pacific/): every link and asset of every page, the section each article page fetches and
the words-in-context data lead to the site's own files, and a missing address gets its 404 page."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BASE_PATH, TEST_SITE_URL
from links import crawl_site, missing_page
from pages_server import PagesServer

ENGINES = {"mkdocs": "site", "zensical": "zensical_site"}


@pytest.fixture(scope="module", params=ENGINES)
def served(request):
    """(folder, base address) of a build served under /nato-asia-pacific/."""
    folder: Path = request.getfixturevalue(ENGINES[request.param])
    with PagesServer(folder, BASE_PATH) as server:
        yield folder, server.url


def test_every_link_and_asset_of_every_page_is_the_sites_own(served):
    folder, base = served
    crawl = crawl_site(folder, base, TEST_SITE_URL)
    assert crawl.broken == []
    # Every page, its downloads, its original and the data its scripts fetch were asked for.
    assert crawl.followed > 500


def test_a_missing_address_gets_the_sites_404_page_with_its_styles(served):
    folder, base = served
    status, text, crawl = missing_page(base, TEST_SITE_URL)
    assert status == 404 and "404" in text and "NATO and the Asia-Pacific" in text
    assert crawl.followed >= 2 and crawl.broken == []


def test_the_crawl_finds_a_link_that_leaves_the_sites_path(tmp_path):
    # A link that climbs one folder too high leaves /nato-asia-pacific/ on the same host: broken,
    # though a server at the domain's root would have found the file.
    (tmp_path / "articles" / "one").mkdir(parents=True)
    (tmp_path / "citations").mkdir()
    (tmp_path / "citations" / "one.bib").write_text("@misc{}")
    (tmp_path / "404.html").write_text("<!doctype html><title>404</title>")
    (tmp_path / "articles" / "one" / "index.html").write_text(
        '<!doctype html><title>x</title><a href="../../citations/one.bib">ok</a>'
        '<a href="../../../citations/one.bib">too high</a><a href="#nowhere">no anchor</a>'
        '<script src="../../assets/missing.js"></script>'
    )
    with PagesServer(tmp_path, BASE_PATH) as server:
        crawl = crawl_site(tmp_path, server.url, TEST_SITE_URL)
    assert sorted(why for _, _, why in crawl.broken) == ["HTTP 404", "leaves the site's path /nato-asia-pacific/", "no anchor #nowhere"]
