"""Tests of the built analysis index, analysis.json, glossary tooltips, tags and a fourth article."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from conftest import DOCS, run_mkdocs_build, soup
from corpus.passages import comparable


@pytest.fixture(scope="module")
def analysis(site) -> dict:
    return json.loads((site / "analysis.json").read_text())


@pytest.fixture(scope="module")
def page(site):
    return soup(site / "analysis" / "index.html")


def section_table(page, heading_id: str):
    heading = page.find(id=heading_id)
    assert heading is not None, heading_id
    return heading.find_next("table")


def target_of(site: Path, page_dir: Path, href: str) -> tuple[Path, str]:
    """The built file and fragment a relative link from page_dir points at."""
    parsed = urlparse(href)
    path = (page_dir / unquote(parsed.path)).resolve()
    if path.is_dir():
        path = path / "index.html"
    return path, parsed.fragment


def test_every_section_is_there_and_opens_with_its_table_or_list(page):
    for heading_id in ("articles-at-a-glance", "actors", "themes", "timeline", "voices-cited", "distinctive-words", "overlaps"):
        heading = page.find("h2", id=heading_id)
        assert heading is not None, heading_id
        assert heading.find_next_sibling().name in ("table", "details"), heading_id
    assert page.find("h2", id="about-the-data") is not None


def test_glance_table_agrees_with_json(page, analysis):
    rows = section_table(page, "articles-at-a-glance").select("tbody tr")
    assert [row["data-article"] for row in rows] == [a["slug"] for a in analysis["articles"]]
    for row, article in zip(rows, analysis["articles"]):
        cells = [" ".join(td.get_text().split()) for td in row.find_all("td")]
        assert cells[0] == article["source"]
        assert cells[2] == f"{article['words']:,}"
        assert cells[3] == str(article["sentences"])
        assert cells[4] == str(article["words_per_sentence"])
        assert article["perspective"]["text"] in cells[6]
        assert comparable(article["perspective"]["quote"]) in comparable(cells[6])


def test_actor_table_agrees_with_json_and_links_first_mentions(site, page, analysis):
    table = section_table(page, "actors")
    assert table.find("thead").find_all("th", scope="col")
    rows = table.select("tbody tr")
    assert [row["data-actor"] for row in rows] == [a["name"] for a in analysis["actors"]]
    for row, actor in zip(rows, analysis["actors"]):
        assert row.find("th", scope="row") is not None
        for cell in row.select("td.count"):
            expected = actor["counts"][cell["data-article"]]
            # The count is text in the cell, never colour alone.
            assert cell.get_text(strip=True) == str(expected["count"])
            link = cell.find("a")
            if expected["count"]:
                path, fragment = target_of(site, site / "analysis", link["href"])
                assert path == (site / "articles" / cell["data-article"] / "index.html").resolve()
                assert fragment in ("", expected["first"])
                if fragment:
                    assert soup(path).find(id=fragment) is not None
            else:
                assert link is None
    names = {a["name"] for a in analysis["actors"]}
    required = {"United States", "China", "Japan", "South Korea", "North Korea", "Australia", "New Zealand",
                "India", "Russia", "Ukraine", "Philippines", "Germany", "Taiwan", "NATO", "ASEAN", "EU and Europe",
                "Donald Trump", "Mark Rutte", "Vladimir Putin", "Sergei Lavrov", "Fumio Kishida", "Jens Stoltenberg", "Dai Fan"}
    assert required <= names


def test_every_link_on_the_analysis_page_resolves(site, page):
    checked = 0
    for link in page.select("article a[href]"):
        href = link["href"]
        if href.startswith(("http", "#", "mailto:")) or "?q=" in href:
            continue
        path, fragment = target_of(site, site / "analysis", href)
        assert path.exists(), href
        if fragment and path.suffix == ".html":
            assert soup(path).find(id=fragment) is not None, href
        checked += 1
    assert checked > 50


def test_quotes_on_the_page_are_the_articles_words(site, page, analysis):
    themes = section_table(page, "themes").select("tbody tr")
    assert len(themes) == len(analysis["themes"])
    for row, theme in zip(themes, analysis["themes"]):
        cells = row.find_all("td")
        for cell, article in zip(cells, analysis["articles"]):
            quote = theme["quotes"][article["slug"]]
            if quote is None:
                assert cell.get_text(strip=True) == "not discussed"
                continue
            assert comparable(quote["quote"]) in comparable(cell.get_text())
            path, fragment = target_of(site, site / "analysis", cell.find("a")["href"])
            target = soup(path).find(id=fragment) if fragment else soup(path).find("h1")
            assert comparable(quote["quote"]) in comparable(target.get_text())


def test_timeline_is_in_date_order_and_says_how_relative_dates_were_resolved(page, analysis):
    dates = [e["date"] for e in analysis["timeline"] if e["date"]]
    assert dates == sorted(dates) and dates[0] == "1997"
    resolved = [e for e in analysis["timeline"] if e["note"] and "resolved against" in e["note"]]
    assert {e["date"] for e in resolved} >= {"2023", "2023-12-30", "2024-01-15"}
    text = section_table(page, "timeline").get_text()
    assert "“last year” resolved against the article’s date, 2024-01-31" in text
    assert len(section_table(page, "timeline").select("tbody tr")) == len(analysis["timeline"])


def test_voices_include_the_named_sources(analysis, page):
    names = {v["name"] for v in analysis["voices"]}
    assert {"Guangming.com", "Global Times", "Reference news network", "Sergei Lavrov", "Vladimir Putin",
            "Dai Fan", "Fumio Kishida", "Mark Rutte"} <= names
    assert len(section_table(page, "voices-cited").select("tbody tr")) == len(analysis["voices"])


def test_distinctive_words_are_computed_and_link_to_search(page, analysis):
    links = section_table(page, "distinctive-words").select("a.keyword")
    words = [w["word"] for slug in analysis["distinctive_words"] for w in analysis["distinctive_words"][slug]]
    assert words and sorted(parse_qs(urlparse(a["href"]).query)["q"][0] for a in links) == sorted(words)
    for items in analysis["distinctive_words"].values():
        assert [i["keyness"] for i in items] == sorted((i["keyness"] for i in items), reverse=True)


def test_overlaps_show_shared_claims_and_computed_similarity(page, analysis):
    claims = analysis["overlaps"]["claims"]
    assert any("cyber" in c["claim"] for c in claims)
    assert all(len({q["article"] for q in c["quotes"]}) >= 2 for c in claims)
    details = page.select("details.quote")
    assert len(details) == len(claims)
    table = section_table(page, "overlaps")
    shown = [td.get_text(strip=True) for td in table.select("td.number")]
    assert shown == [f"{p['similarity'] * 100:.0f}%" for p in analysis["overlaps"]["similar_sections"]]


def test_glossary_abbreviations_are_tooltips_on_every_page(site):
    for path in [site / "index.html", site / "analysis" / "index.html", *site.glob("articles/*/index.html")]:
        abbr = soup(path).find("abbr", string="NATO")
        assert abbr is not None and abbr["title"] == "North Atlantic Treaty Organization", path
    assert not (DOCS / "abbreviations.md").exists()


def test_articles_are_tagged_by_theme_and_actor_and_listed_on_the_tags_page(site, analysis):
    tags_page = soup(site / "tags" / "index.html")
    listed = tags_page.get_text()
    for article in analysis["articles"]:
        tags = analysis["tags"][article["slug"]]
        assert tags
        shown = [a.get_text(strip=True) for a in soup(site / "articles" / article["slug"] / "index.html").select(".md-tags a")]
        assert set(tags) <= set(shown)
        for tag in tags:
            assert tag in listed


FOURTH = """\
Kiwi Views on NATO
New Zealand and Australia weigh NATO partnership while China watches.
Wellington says the Pacific should stay calm.
"""


def test_a_fourth_article_appears_everywhere_with_no_other_edit(project_copy, tmp_path):
    (project_copy / "docs" / "sources" / "004_fixture.txt").write_text(FOURTH)
    (project_copy / "docs" / "articles" / "kiwi-views-on-nato.md").write_text(
        "---\ntitle: Kiwi Views on NATO\nsource: Not stated\noriginal: 004_fixture.txt\n"
        "summary: A short fixture article about New Zealand.\n---\n\n"
        "New Zealand and Australia weigh NATO partnership while China watches.\n\n"
        "Wellington says the Pacific should stay calm.\n"
    )
    site = tmp_path / "out"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr
    data = json.loads((site / "analysis.json").read_text())
    row = next(a for a in data["articles"] if a["slug"] == "kiwi-views-on-nato")
    assert row["words"] == 21 and row["perspective"] is None
    counts = {a["name"]: a["counts"]["kiwi-views-on-nato"]["count"] for a in data["actors"]}
    assert counts["New Zealand"] == 2 and counts["NATO"] == 2 and counts["Australia"] == 1 and counts["China"] == 1
    page = soup(site / "analysis" / "index.html")
    assert page.select_one('tr[data-article="kiwi-views-on-nato"]') is not None
    assert page.select_one('td.count[data-article="kiwi-views-on-nato"]') is not None
    assert all(t["quotes"]["kiwi-views-on-nato"] is None for t in data["themes"])
    assert "New Zealand" in data["tags"]["kiwi-views-on-nato"]
    assert "Kiwi Views on NATO" in soup(site / "tags" / "index.html").get_text()
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert any(d["location"].startswith("articles/kiwi-views-on-nato/") and "Wellington" in d["text"] for d in index["docs"])
    assert "Kiwi Views on NATO" in soup(site / "index.html").get_text()


def test_bad_data_stops_the_build_with_one_line(project_copy, tmp_path):
    themes = project_copy / "data" / "themes.yml"
    themes.write_text(themes.read_text().replace("joined NATO's Cyber Security Defense Center", "joined NATO's cyber centre"))
    result = run_mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    lines = [l for l in result.stderr.splitlines() if "data/themes.yml" in l]
    assert len(lines) == 1
    assert re.search(r"data/themes\.yml: entry 6 \('cyber-defence'\): article 'nato-in-asia-a-dream-that-can-be-realized': quote is not verbatim", lines[0])
    assert not (tmp_path / "out" / "index.html").exists()
