"""The site as the collection grows: the sidebar rule, the article index, pages of a fixed size."""

from __future__ import annotations

import pytest

from conftest import run_mkdocs_build, soup
from corpus.write.articles_index import SIDEBAR_ARTICLES_MAX
from project import add_synthetic_articles, copy_project

A = "nato-in-asia-a-dream-that-can-be-realized"


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    """The site built with 60 synthetic articles added (63 in all)."""
    project = copy_project(tmp_path_factory.mktemp("grown") / "project")
    add_synthetic_articles(project, 60)
    site = project / "out"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def sidebar_links(page) -> list[str]:
    return [a["href"] for a in page.select("nav.md-nav--primary a.md-nav__link[href]")]


def test_a_small_collection_lists_every_article_in_the_sidebar(site):
    page = soup(site / "articles" / A / "index.html")
    texts = [a.get_text(" ", strip=True) for a in page.select("nav.md-nav--primary a.md-nav__link")]
    for title in ("NATO in Asia: A Dream That Can Be Realized?", "NATO, Russia and North Korea: a possible Trump return"):
        assert title in texts, texts
    assert 3 <= SIDEBAR_ARTICLES_MAX


def test_a_large_collection_lists_the_index_not_every_article(grown):
    page = soup(grown / "articles" / A / "index.html")
    links = sidebar_links(page)
    assert not any("synthetic-" in href for href in links)
    assert not any(A in href for href in links)
    texts = [a.get_text(" ", strip=True) for a in page.select("nav.md-nav--primary a.md-nav__link")]
    for wanted in ("Home", "Analysis index", "Article index", "Tags"):
        assert wanted in texts, (wanted, texts)


@pytest.mark.parametrize("which", ["small", "large"])
def test_the_article_index_lists_every_article_without_javascript(site, grown, which):
    built = site if which == "small" else grown
    count = 3 if which == "small" else 63
    index = soup(built / "article-index" / "index.html")
    rows = index.select("table[data-article-index] tbody tr")
    assert len(rows) == count
    for row in rows:
        link = row.find("a")
        assert (built / "article-index" / link["href"] / "index.html").resolve().exists(), link["href"]
        cells = [c.get_text(" ", strip=True) for c in row.find_all(["th", "td"])]
        assert cells[1] and cells[3].replace(",", "").isdigit()
    titles = [row["data-title"] for row in rows]
    assert titles == sorted(titles)


def test_an_article_pages_size_does_not_grow_with_the_collection(site, grown):
    small = (site / "articles" / A / "index.html").read_bytes()
    large = (grown / "articles" / A / "index.html").read_bytes()
    # The same page, give or take what the analysis of a larger collection says (keyness,
    # tags), and without the sidebar links the three articles have while they are few.
    assert len(large) <= 1.02 * len(small), (len(small), len(large))
    assert b"synthetic-0042" not in large


def test_the_analysis_page_stops_giving_each_article_a_column(grown):
    page = soup(grown / "analysis" / "index.html")
    # Beyond a few articles: totals and the top articles, not a column each.
    actor_table = page.select_one('table[data-table="actor"]')
    assert len(actor_table.select("thead th")) == 4
    assert page.select_one('table[data-table="glance"]') is None
    assert "63 articles" in page.select_one(".glance-summary").get_text()
    assert len((grown / "analysis" / "index.html").read_bytes()) < 200_000
