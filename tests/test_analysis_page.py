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


SECTIONS = ("articles-at-a-glance", "actors", "themes", "timeline", "what-the-articles-expect", "voices-reported",
            "distinctive-words")


def test_every_section_is_there_and_opens_with_its_table_or_list(page):
    for heading_id in SECTIONS:
        heading = page.find("h2", id=heading_id)
        assert heading is not None, heading_id
        assert heading.find_next_sibling().name == "table", heading_id
        # Each table says what it counts and what it does not.
        assert heading.find_next_sibling().find("caption").get_text(strip=True), heading_id
    assert page.find("h2", id="overlaps").find_next_sibling("details") is not None
    assert page.find("h2", id="about-the-data") is not None


def test_glance_table_agrees_with_json(page, analysis):
    rows = section_table(page, "articles-at-a-glance").select("tbody tr")
    assert [row["data-article"] for row in rows] == [a["slug"] for a in analysis["articles"]]
    for row, article in zip(rows, analysis["articles"]):
        cells = [" ".join(td.get_text().split()) for td in row.find_all("td")]
        assert cells[0] == article["source"]
        assert cells[2] == f"{article['words']:,}"
        perspective = article["perspective"]
        # The frame is the template's; the data fills it in.
        assert cells[3].startswith(f"The article presents {perspective['subject']} as {perspective['framing']}: ")
        assert comparable(perspective["quote"]) in comparable(cells[3])


def test_dates_are_shown_under_their_own_names(page, analysis):
    rows = {row["data-article"]: row for row in section_table(page, "articles-at-a-glance").select("tbody tr")}
    dated = next(a for a in analysis["articles"] if a["slug"] == "there-is-no-way-back")
    assert dated["published"] is None and dated["updated"] == "2024-01-31"
    date_cell = " ".join(rows["there-is-no-way-back"].find_all("td")[1].get_text().split())
    assert date_cell == "updated 2024-01-31; publication date not stated"


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
                "India", "Russia", "Ukraine", "Philippines", "Germany", "Taiwan", "NATO", "ASEAN", "Europe", "Asia-Pacific",
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


def test_theme_cells_quote_the_article_or_say_why_not(site, page, analysis):
    themes = section_table(page, "themes").select("tbody tr")
    assert len(themes) == len(analysis["themes"])
    for row, theme in zip(themes, analysis["themes"]):
        for cell in row.find_all("td"):
            coverage = theme["coverage"][cell["data-article"]]
            text = " ".join(cell.get_text().split())
            assert cell["data-keywords"] == str(coverage["keyword_count"])
            assert text.endswith(f"keywords: {coverage['keyword_count']}")
            if coverage["state"] == "quoted":
                assert text.startswith("Discussed: ")
                quote = coverage["quote"]
                assert comparable(quote["quote"]) in comparable(text)
                path, fragment = target_of(site, site / "analysis", cell.find("a")["href"])
                target = soup(path).find(id=fragment) if fragment else soup(path).find("h1")
                assert comparable(quote["quote"]) in comparable(target.get_text())
            else:
                # "Not discussed" only with no keyword at all, or with the data's reason.
                assert coverage["state"] in ("no-keywords", "absent", "not-curated")
                assert coverage["keyword_count"] == 0 or coverage["state"] != "no-keywords"
                if coverage["state"] == "no-keywords":
                    assert text.startswith("No quote; none of the keywords occur.")


def test_the_timeline_dates_nothing_against_an_update_date(page, analysis):
    events = analysis["timeline"]
    dates = [e["date"] for e in events if e["date"]]
    assert dates == sorted(dates) and dates[0] == "1997"
    # 001 states only an update date: none of its relative dates is resolved.
    relative = [e for e in events if e["label"] in ("last year", "the 30th of last month", "the 15th of this month")]
    assert len(relative) == 3 and all(e["date"] is None for e in relative)
    assert all("given as an update date" in e["note"] for e in relative)
    # Undated entries follow the dated ones.
    first_undated = next(i for i, e in enumerate(events) if e["date"] is None)
    assert all(e["date"] is None for e in events[first_undated:])
    table = section_table(page, "timeline")
    assert len(table.select("tbody tr")) == len(events)
    for row in table.select("tbody tr"):
        assert row.find_all("td")[1].get_text().startswith("The article reports: ")
    assert "follow the dated ones" in table.find("caption").get_text()


def test_predictions_are_listed_as_expectations_not_events(page, analysis):
    expected = [e["event"] for e in analysis["expectations"]]
    assert "NATO continues to strengthen cooperation with Japan, South Korea, Australia and New Zealand" in expected
    assert not any("will" in e["quote"].split() for e in analysis["timeline"])
    rows = section_table(page, "what-the-articles-expect").select("tbody tr")
    assert len(rows) == len(expected)
    assert all(r.find_all("td")[1].get_text().startswith("The article expects: ") for r in rows)


def test_voices_are_sources_the_articles_report(analysis, page):
    names = {v["name"] for v in analysis["voices"]}
    assert {"Guangming.com", "Global Times", "Reference news network", "Sergei Lavrov", "Vladimir Putin",
            "Dai Fan", "Fumio Kishida", "Mark Rutte"} <= names
    # Only mentioned, never reported: an actor, not a voice.
    assert "Jens Stoltenberg" not in names and "Donald Trump" not in names
    assert len(section_table(page, "voices-reported").select("tbody tr")) == len(analysis["voices"])


def test_distinctive_words_are_computed_and_link_to_search(page, analysis):
    links = section_table(page, "distinctive-words").select("a.keyword")
    words = [w["word"] for slug in analysis["distinctive_words"] for w in analysis["distinctive_words"][slug]]
    assert words and sorted(parse_qs(urlparse(a["href"]).query)["q"][0] for a in links) == sorted(words)
    for items in analysis["distinctive_words"].values():
        assert [i["keyness"] for i in items] == sorted((i["keyness"] for i in items), reverse=True)
        assert all(i["keyness"] >= 10.83 for i in items)
    caption = section_table(page, "distinctive-words").find("caption").get_text()
    assert "G² ≥ 10.83" in caption and "p < 0.001" in caption and "not corrected" in caption
    assert not {"united", "states"} & set(words)


def test_overlap_topics_are_framed_and_similarities_banded(page, analysis):
    topics = analysis["overlaps"]["topics"]
    assert any("cyber" in t["topic"] for t in topics)
    assert all(len({q["article"] for q in t["quotes"]}) >= 2 for t in topics)
    details = page.select("details[data-topic]")
    assert len(details) == len(topics)
    for block, topic in zip(details, topics):
        assert " ".join(block.find("summary").get_text().split()) == f"Discussed in {len(topic['quotes'])} articles: {topic['topic']}"
    table = section_table(page, "sections-that-repeat-one-another")
    shown = [" ".join(td.get_text().split()) for td in table.select("td.number")]
    assert shown == [f"{p['similarity'] * 100:.0f}% {p['band']}" for p in analysis["overlaps"]["similar_sections"]]
    caption = table.find("caption").get_text()
    assert "near-identical from 90%" in caption
    sentences = analysis["overlaps"]["similar_sentences"]
    assert all(p["band"] == "near-identical" for p in sentences if 0.9 <= p["similarity"] < 1)
    assert all(p["band"] != "near-identical" for p in sentences if p["similarity"] < 0.9)


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
    assert row["words"] == 21 and row["perspective"] is None and row["published"] is None
    counts = {a["name"]: a["counts"]["kiwi-views-on-nato"]["count"] for a in data["actors"]}
    assert counts["New Zealand"] == 2 and counts["NATO"] == 2 and counts["Australia"] == 1 and counts["China"] == 1
    page = soup(site / "analysis" / "index.html")
    assert page.select_one('tr[data-article="kiwi-views-on-nato"]') is not None
    assert page.select_one('td.count[data-article="kiwi-views-on-nato"]') is not None
    # Not curated: no theme is claimed as not discussed where its keywords occur.
    cells = {t["id"]: t["coverage"]["kiwi-views-on-nato"] for t in data["themes"]}
    assert cells["nato-asia-pacific"] == {"state": "not-curated", "keyword_count": 1, "quote": None, "reason": None}
    assert cells["trump"]["state"] == "no-keywords"
    assert "New Zealand" in data["tags"]["kiwi-views-on-nato"]
    assert "Kiwi Views on NATO" in soup(site / "tags" / "index.html").get_text()
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert any(d["location"].startswith("articles/kiwi-views-on-nato/") and "Wellington" in d["text"] for d in index["docs"])
    assert "Kiwi Views on NATO" in soup(site / "index.html").get_text()


def test_bad_data_stops_the_build_with_one_line(project_copy, tmp_path):
    themes = project_copy / "data" / "themes.yml"
    themes.write_text(themes.read_text().replace("joined NATO's Cyber Security Defense Center", "joined NATO's cyber centre"))
    voices = project_copy / "data" / "voices.yml"
    voices.write_text(voices.read_text().replace("role: outlet", "role: [outlet]", 1))
    result = run_mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    lines = [l for l in result.stderr.splitlines() if "data/" in l]
    # Both problems, one line each, in one build.
    assert len(lines) == 2, result.stderr
    assert re.search(r"data/themes\.yml: entry 7 \('cyber'\): article 'nato-in-asia-a-dream-that-can-be-realized': quote is not verbatim", lines[0])
    assert re.search(r"data/voices\.yml: entry 1 \('Guangming.com'\): 'role': must be text", lines[1])
    assert not (tmp_path / "out" / "index.html").exists()
