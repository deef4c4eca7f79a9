"""Tests of the built analysis index, analysis.json, glossary tooltips, tags and a fourth article."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest
import yaml

from conftest import DOCS, ROOT, collection_section, run_mkdocs_build, soup
from corpus.read.passages import comparable
from corpus.read.articles import load_articles
from corpus.read.data import load_data


@pytest.fixture(scope="module")
def analysis(site) -> dict:
    return json.loads((site / "analysis.json").read_text())


@pytest.fixture(scope="module")
def page(site):
    return soup(site / "analysis" / "index.html")


TABLES = {
    "articles-at-a-glance": "glance", "actors": "actor", "themes": "theme", "timeline": "timeline",
    "what-the-articles-expect": "expectation", "voices-reported": "voice", "distinctive-words": "keyword",
    "sections-that-repeat-one-another": "similarity", "sentences-that-repeat-one-another": "sentences",
}


def section_table(page, name: str):
    """The table of a section of the page, by the section's old heading id."""
    table = page.select_one(f'table[data-table="{TABLES[name]}"]')
    assert table is not None, name
    return table


def target_of(site: Path, page_dir: Path, href: str) -> tuple[Path, str]:
    """The built file and fragment a relative link from page_dir points at."""
    parsed = urlparse(href)
    path = (page_dir / unquote(parsed.path)).resolve()
    if path.is_dir():
        path = path / "index.html"
    return path, parsed.fragment


SECTIONS = ("actors", "themes", "timeline", "voices-reported", "distinctive-words", "overlaps")


def test_every_section_opens_with_its_picture_or_compact_table(page):
    # The overview comes first: a picture comparing the articles, and the articles themselves.
    intro = page.find("h1").find_next_sibling("section", class_="analysis-section").find("div", class_="analysis-overview")
    assert intro is not None and intro.select_one("figure.chart table.chart-grid") and intro.select_one('table[data-table="glance"]')
    for heading_id in SECTIONS:
        heading = page.find("h2", id=heading_id)
        assert heading is not None, heading_id
        section = heading.find_next_sibling()
        assert section.name == "section" and section.has_attr("data-search-exclude"), heading_id
        first = section.find(True)
        assert (first.name == "figure" and "chart" in first["class"]) or first.name == "table", heading_id
    # Long tables fold away; each says what it counts and what it does not.
    for table in page.select("article table[data-table]"):
        assert table.find("caption").get_text(strip=True), table["data-table"]
    for name in ("actor", "theme", "timeline", "expectation", "voice-quotes", "similarity", "sentences"):
        assert page.select_one(f'details > table[data-table="{name}"]') is not None, name
    assert page.find("h2", id="about-the-data") is not None


def test_every_picture_is_one_table_or_list_that_names_what_it_shows(page, analysis):
    figures = page.select("figure.chart")
    assert {f["id"] for f in figures} == {"chart-actors", "chart-actor-totals", "chart-themes", "chart-timeline", "chart-resemblance"}
    for figure in figures:
        # One copy of the numbers: no drawing beside them, no second copy for a narrow screen.
        assert figure.find("svg") is None and figure.select_one(".chart-narrow, .chart-wide") is None
        drawn = figure.select("table, ol")
        assert len(drawn) == 1, figure["id"]
        named = drawn[0].find("caption") or page.find(id=drawn[0].get("aria-labelledby", ""))
        assert named is not None and named.get_text(strip=True), figure["id"]
        if drawn[0].name == "table":
            # A screen reader reads it as a table: each row named by its heading, each column by its own.
            assert drawn[0].select("thead th[scope=col]") and all(row.find("th", scope="row") for row in drawn[0].select("tbody tr"))
        assert figure.find("figcaption").get_text(strip=True)
    # The overview's numbers: an article a row, an actor a column, each count written out.
    grid = page.select_one("#chart-actors table")
    top = [a for a in analysis["actors"] if a["total"] >= analysis["actors"][7]["total"]]
    # Each article's row says its length: the counts are raw, and the lengths differ.
    assert [row.find("th").get_text(strip=True) for row in grid.select("tbody tr")] == [
        f"{row['label']} ({row['words']:,} words)" for row in analysis["articles"]
    ]
    caption = page.select_one("#chart-actors figcaption").get_text(" ", strip=True)
    lengths = [row["words"] for row in analysis["articles"]]
    assert f"The articles differ in length, from {min(lengths):,} to {max(lengths):,} words" in caption
    # 000's counts include its repeated section, said where the counts are compared.
    assert "The counts of “NATO in Asia: A…” include both of its sections" in caption and "share 35% of their three-word sequences" in caption
    assert [th.get_text(strip=True) for th in grid.select("thead th")][1:] == [a["name"] for a in top]
    shown = [[td.get_text(strip=True) for td in row.find_all("td")] for row in grid.select("tbody tr")]
    assert shown == [[str(a["counts"][row["slug"]]["count"]) for a in top] for row in analysis["articles"]]


def test_the_timeline_lists_every_dated_entry_under_its_year_and_the_rest_apart(page, analysis):
    timeline = page.select_one("#chart-timeline ol.chart-years")
    groups = [(li.select_one(".chart-year").get_text(strip=True), [a.get_text(" ", strip=True) for a in li.select("a")])
              for li in timeline.find_all("li", recursive=False)]
    entries = analysis["timeline"] + analysis["expectations"]
    years = [year for year, _ in groups]
    dated = sorted({e["date"][:4] for e in entries if e["date"]})
    assert years == dated + (["No year in the text"] if any(not e["date"] and e["label"] != "no time given" for e in entries) else [])
    for year, links in groups:
        for link in links:
            number = int(link.split(" · ")[0])
            entry = entries[number - 1]
            assert (entry["date"] or "")[:4] == (year if year.isdigit() else ""), link
            # Each entry's tip says what the article dates, framed as the article's.
            assert entry["event"] in link and entry["label"] in link
    shown = sum(len(links) for _, links in groups)
    assert shown == sum(1 for e in entries if e["label"] != "no time given")


def test_chart_marks_link_to_what_they_show(site, page, analysis):
    checked = 0
    for link in page.select("figure.chart td a[href], figure.chart .chart-years a[href]"):
        path, fragment = target_of(site, site / "analysis", link["href"])
        assert path.exists(), link["href"]
        if fragment:
            assert soup(path).find(id=fragment) is not None, link["href"]
        checked += 1
    assert checked >= 40


def test_glance_table_agrees_with_json(page, analysis):
    rows = section_table(page, "articles-at-a-glance").select("tbody tr")
    assert [row["data-article"] for row in rows] == [a["slug"] for a in analysis["articles"]]
    for row, article in zip(rows, analysis["articles"]):
        meta = " ".join(row.select_one(".glance-meta").get_text().split())
        source = "source not stated" if article["source"] == "Not stated" else article["source"]
        assert meta.startswith(source + " · ") and meta.endswith(f"{article['words']:,} words")
        cell = " ".join(row.select_one("td.glance-perspective").get_text().split())
        perspective = article["perspective"]
        # The frame is the template's; the data fills it in.
        assert cell.startswith(f"The article presents {perspective['subject']} as {perspective['framing']}: ")
        assert comparable(perspective["quote"]) in comparable(cell)


def test_dates_are_shown_under_their_own_names(page, analysis):
    rows = {row["data-article"]: row for row in section_table(page, "articles-at-a-glance").select("tbody tr")}
    dated = next(a for a in analysis["articles"] if a["slug"] == "there-is-no-way-back")
    assert dated["published"] is None and dated["updated"] == "2024-01-31"
    date_cell = " ".join(rows["there-is-no-way-back"].select_one(".glance-date").get_text().split())
    assert date_cell == "updated 2024-01-31; publication date not stated"


def test_actor_table_agrees_with_json_and_links_first_mentions(site, page, analysis):
    table = section_table(page, "actors")
    assert table.find("thead").find_all("th", scope="col")
    rows = table.select("tbody tr")
    assert [row["data-actor"] for row in rows] == [a["name"] for a in analysis["actors"]]
    # A column an article, in the collection's order, each headed by its short title.
    assert [th.get_text(strip=True) for th in table.select("thead th")][1:-1] == [a["label"] for a in analysis["articles"]]
    for row, actor in zip(rows, analysis["actors"]):
        assert row.find("th", scope="row") is not None
        cells = row.select("td.count")
        assert len(cells) == len(analysis["articles"])
        for cell, article in zip(cells, analysis["articles"]):
            expected = actor["counts"][article["slug"]]
            # The count is text in the cell, never colour alone; on a phone it says its article.
            # Beside it, in brackets, the count per 1,000 of the article's words.
            rate = f"({1000 * expected['count'] / article['words']:.1f})" if expected["count"] else ""
            assert cell.get_text(strip=True) == str(expected["count"]) + rate
            assert cell["data-label"] == article["label"]
            link = cell.find("a")
            if expected["count"]:
                path, fragment = target_of(site, site / "analysis", link["href"])
                assert path == (site / "articles" / article["slug"] / "index.html").resolve()
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
        cells = row.find_all("td")
        assert len(cells) == len(analysis["articles"])
        for cell, article in zip(cells, analysis["articles"]):
            coverage = theme["coverage"][article["slug"]]
            text = " ".join(cell.get_text().split())
            assert cell["data-label"] == article["label"] and cell["class"] == [f"theme-{coverage['state']}"]
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
                if coverage["state"] == "absent":
                    # The reason's quoted words are links to where the article has them.
                    links = cell.select("a.quote")
                    assert [a.get_text() for a in links] == [f"“{q['quote']}”" for q in coverage["reason_quotes"]]
                    for link in links:
                        path, fragment = target_of(site, site / "analysis", link["href"])
                        assert comparable(link.get_text().strip("“”")) in comparable(soup(path).find(id=fragment).get_text())
    reasons = [c for t in analysis["themes"] for c in t["coverage"].values() if c["state"] == "absent"]
    assert reasons and all(c["reason_quotes"] for c in reasons)


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
        assert row.find_all("td")[2].get_text().startswith("The article reports: ")
    assert "follow the dated ones" in page.find("h2", id="timeline").find_next("p", class_="caption").get_text()


def test_predictions_are_listed_as_expectations_not_events(page, analysis):
    expected = [e["event"] for e in analysis["expectations"]]
    assert "NATO continues to strengthen cooperation with Asia-Pacific countries such as Japan, South Korea, Australia and New Zealand" in expected
    kinds = {e["event"]: e["kind"] for e in analysis["expectations"]}
    assert kinds["Japan's plan to purchase another batch of 15 F-35 fighters from the United States"] == "plan"
    assert not any("will" in e["quote"].split() for e in analysis["timeline"])
    rows = section_table(page, "what-the-articles-expect").select("tbody tr")
    assert len(rows) == len(expected)
    frames = {"expectation": "The article expects: ", "plan": "The article reports a plan: "}
    for r, e in zip(rows, analysis["expectations"]):
        assert r.find_all("td")[2].get_text().startswith(frames[e["kind"]])
    # An expectation may have no time in the text; an event never.
    assert any(e["label"] == "no time given" for e in analysis["expectations"])
    assert all(e["label"] != "no time given" for e in analysis["timeline"])


def test_voices_are_sources_the_articles_report(analysis, page):
    names = {v["name"] for v in analysis["voices"]}
    assert {"Guangming.com", "Global Times", "Reference news network", "Sergei Lavrov", "Putin",
            "Dai Fan", "Fumio Kishida", "NATO's 2030 reform plan", "Mark Rutte"} <= names
    # One rule for every article: what it reports someone acknowledged counts as a question it
    # reports someone raised does (003: "Rutte's acknowledgment"; 001: "raised by the Global Times").
    kinds = {v["name"]: (v["article"], v["attribution"]) for v in analysis["voices"]}
    assert kinds["Mark Rutte"] == ("nato-russia-and-north-korea", "acknowledgment")
    assert kinds["Global Times"] == ("there-is-no-way-back", "question")
    # Only mentioned, never reported: an actor, not a voice.
    assert not {"Jens Stoltenberg", "Donald Trump"} & names
    # Each voice is named as its own article names it ("Putin" in 001, not 003's "Vladimir Putin").
    texts = {row["slug"]: (ROOT / "docs" / row["original"]).read_text(encoding="utf-8").casefold() for row in analysis["articles"]}
    for voice in analysis["voices"]:
        if voice["name"] != "A report the article does not name":
            assert voice["name"].strip('"').casefold() in texts[voice["article"]], voice["name"]
    assert len(section_table(page, "voices-reported").select("tbody tr")) == len(analysis["voices"])


def test_distinctive_words_are_computed_and_link_to_their_contexts(page, analysis):
    links = section_table(page, "distinctive-words").select("a.keyword")
    items = [w for slug in analysis["distinctive_words"] for w in analysis["distinctive_words"][slug]]
    words = [w["word"] for w in items]
    assert words and sorted(a.get_text() for a in links) == sorted(words)
    aliases = {actor["name"]: actor["aliases"] for actor in yaml.safe_load((ROOT / "data" / "actors.yml").read_text())}
    for link in links:
        assert urlparse(link["href"]).path == "../contexts/"
        query = parse_qs(urlparse(link["href"]).query)
        if link.get_text() in aliases:
            # An actor is every one of its names, as the analysis counts them: capitals as written.
            assert query == {"q": [", ".join(aliases[link.get_text()])], "case": ["1"]}
        else:
            assert query == {"q": [link.get_text()]}
    for items in analysis["distinctive_words"].values():
        assert [i["keyness"] for i in items] == sorted((i["keyness"] for i in items), reverse=True)
        assert all(i["keyness"] >= 10.83 for i in items)
    caption = section_table(page, "distinctive-words").find("caption").get_text()
    assert "G²" in caption
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
    assert "near-identical from 90%" in caption and "little shared" not in caption
    caption = section_table(page, "sentences-that-repeat-one-another").find("caption").get_text()
    assert "largely the same wording from 50%" in caption and "partly" not in caption
    sentences = analysis["overlaps"]["similar_sentences"]
    assert all(p["band"] == "near-identical" for p in sentences if 0.9 <= p["similarity"] < 1)
    assert all(p["band"] != "near-identical" for p in sentences if p["similarity"] < 0.9)


def test_glossary_abbreviations_are_tooltips_on_every_page(site):
    for path in [site / "index.html", site / "analysis" / "index.html", *site.glob("articles/*/index.html")]:
        abbr = soup(path).find("abbr", string="NATO")
        assert abbr is not None and abbr["title"] == "North Atlantic Treaty Organization", path
    assert not (DOCS / "abbreviations.md").exists()


def test_articles_are_tagged_and_listed_on_the_tags_page(site, analysis):
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
        "---\ntitle: Kiwi Views on NATO\nsource: Not stated\noriginal: 004_fixture.txt\nadded: 2026-12-01\n"
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
    assert "Kiwi Views on NATO" in [th.get_text(strip=True) for th in page.select('table[data-table="actor"] thead th')]
    assert (site / "articles" / "kiwi-views-on-nato" / "collection.html").is_file()
    # Not curated: no theme is claimed as not discussed where its keywords occur.
    cells = {t["id"]: t["coverage"]["kiwi-views-on-nato"] for t in data["themes"]}
    assert cells["nato-asia-pacific"] == {"state": "not-curated", "keyword_count": 1, "quote": None, "reason": None, "reason_quotes": []}
    assert cells["trump"]["state"] == "no-keywords"
    # Not curated: quoted on no theme, so no tag yet; the article is everywhere else.
    assert data["tags"]["kiwi-views-on-nato"] == []
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert any(d["location"].startswith("articles/kiwi-views-on-nato/") and "Wellington" in d["text"] for d in index["docs"])
    assert "Kiwi Views on NATO" in soup(site / "index.html").get_text()


def test_bad_data_stops_the_build_with_one_line(project_copy, tmp_path):
    themes = project_copy / "data" / "themes.yml"
    themes.write_text(themes.read_text().replace("joined NATO's Cyber Security Defense Center", "joined NATO's cyber centre"))
    voices = project_copy / "data" / "voices.yml"
    voices.write_text(voices.read_text().replace("role: not described in the article", "role: [outlet]", 1))
    result = run_mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    lines = [l for l in result.stderr.splitlines() if "data/" in l]
    # Both problems, one line each, in one build.
    assert len(lines) == 2, result.stderr
    assert re.search(r"data/themes\.yml: entry 7 \('cyber'\): article 'nato-in-asia-a-dream-that-can-be-realized': quote is not verbatim", lines[0])
    assert re.search(r"data/voices\.yml: entry 1 \('Guangming.com'\): 'role': must be text", lines[1])
    assert not (tmp_path / "out" / "index.html").exists()


def test_each_article_page_ends_with_its_part_of_the_analysis(site, analysis):
    for row in analysis["articles"]:
        path = site / "articles" / row["slug"] / "index.html"
        page = soup(path)
        # The page ends with the heading, which its contents list, and a link to its part of the
        # analysis: the file beside it, which the page's script shows in the link's place.
        heading = page.find("h2", id="in-the-collection")
        assert heading is not None and heading.get_text().startswith("This article in the collection")
        assert heading.find_previous("div", class_="article-text") is not None
        assert page.select_one('nav.md-nav--secondary a[href="#in-the-collection"]') is not None
        slot = heading.find_next_sibling()
        assert "article-collection-slot" in slot["class"] and slot["data-collection"] == "collection.html"
        assert slot.find("a")["href"] == "collection.html"
        assert page.select_one("section.article-collection") is None
        collection = soup(site / "articles" / row["slug"] / "collection.html")
        section = collection.select_one("section.article-collection")
        # On its own page it sits under the same heading and leads back to the article.
        assert collection.find(id=section["aria-labelledby"]).get_text() == heading.get_text().rstrip("¶")
        assert collection.select_one('a[href="./"]') is not None
        # It links to the corpus page, and the corpus page links to the article.
        assert any(a["href"].endswith("analysis/") for a in section.select("a[href]"))
        # Its actors are the article's own most mentioned, with counts and first mentions on the page.
        ranked = sorted((a for a in analysis["actors"] if a["counts"][row["slug"]]["count"]),
                        key=lambda a: (-a["counts"][row["slug"]]["count"], a["name"]))
        # The top eight, and any tied with the eighth.
        top = [a for a in ranked if a["counts"][row["slug"]]["count"] >= ranked[min(7, len(ranked) - 1)]["counts"][row["slug"]]["count"]]
        marks = section.select("#chart-article-actors td a")
        # Links to the article's own paragraphs lead there from both pages ("./#p3").
        assert [m["href"] for m in marks] == [f"./#{a['counts'][row['slug']]['first']}" for a in top]
        for mark in marks:
            assert page.find(id=mark["href"][3:]) is not None
        # Every theme is there, in the same words as on the corpus page.
        for theme in analysis["themes"]:
            item = section.select_one(f'li[data-theme="{theme["id"]}"]')
            cell = theme["coverage"][row["slug"]]
            assert item is not None and f"keywords: {cell['keyword_count']}" in item.get_text()
            if cell["quote"]:
                assert comparable(cell["quote"]["quote"]) in comparable(item.get_text())
                assert item.select_one("a.quote")["href"] == f"./#{cell['quote']['anchor']}"
            if cell["state"] == "absent":
                assert [a["href"] for a in item.select("a.quote")] == [f"./#{q['anchor']}" for q in cell["reason_quotes"]]
                for quote in cell["reason_quotes"]:
                    assert comparable(quote["quote"]) in comparable(page.find(id=quote["anchor"]).get_text())
        for event in [e for e in analysis["timeline"] + analysis["expectations"] if e["article"] == row["slug"]]:
            assert event["event"] in section.get_text()


def test_repeated_passages_are_linked_both_ways(site, analysis):
    pairs = analysis["overlaps"]["similar_sections"] + analysis["overlaps"]["similar_sentences"]
    assert pairs
    for pair in pairs:
        for here, there in ((pair["a"], pair["b"]), (pair["b"], pair["a"])):
            section = collection_section(site, here["article"])
            hrefs = {a["href"] for a in section.select("a[href]")}
            wanted = f"./#{there['anchor']}" if there["article"] == here["article"] else f"../../{there['url']}"
            assert wanted in hrefs, (here["article"], wanted)
            assert f"./#{here['anchor']}" in hrefs


def test_the_analysis_page_is_found_by_its_headings_not_its_quotes(site):
    index = json.loads((site / "search" / "search_index.json").read_text())
    entries = [d for d in index["docs"] if d["location"].startswith("analysis/")]
    assert entries and any(d["title"] == "Actors" for d in entries)
    text = " ".join(d["text"] for d in entries)
    # The articles' words quoted on the page are not indexed a second time.
    assert "prospects for this concept are still not optimistic" not in text


def test_an_articles_own_analysis_is_not_indexed_for_search(site):
    index = json.loads((site / "search" / "search_index.json").read_text())
    for doc in index["docs"]:
        if doc["location"].startswith("articles/"):
            assert "in-the-collection" not in doc["location"]
            assert "This article in the collection" not in doc["text"]


def test_each_article_has_its_own_data_file_linked_from_its_page(site, analysis):
    for row in analysis["articles"]:
        data = json.loads((site / "analysis" / "articles" / f"{row['slug']}.json").read_text())
        assert data["article"] == row and data["tags"] == analysis["tags"][row["slug"]]
        counts = {a["name"]: a["count"] for a in data["actors"]}
        assert counts == {a["name"]: a["counts"][row["slug"]]["count"] for a in analysis["actors"] if a["counts"][row["slug"]]["count"]}
        link = collection_section(site, row["slug"]).select_one(f'a[href$="analysis/articles/{row["slug"]}.json"]')
        assert link is not None
    # Small enough to hold everything: one file, not split.
    assert "split" not in analysis


def test_the_article_chart_is_its_numbers_in_one_table(site, analysis):
    for row in analysis["articles"]:
        section = collection_section(site, row["slug"])
        chart = section.select_one("#chart-article-actors")
        # One copy: the table is the picture; no second table of the same counts.
        assert len(section.select("table")) == 1 and chart.select_one("table.chart-bars caption").get_text(strip=True)
        counts = {a["name"]: a["counts"][row["slug"]]["count"] for a in analysis["actors"]}
        for tr in chart.select("tbody tr"):
            # The site's name, with the article's own forms where it never writes that name.
            name = tr.find("th").get_text(strip=True).split(" (the site's name; written ")[0]
            count = counts[name]
            assert tr.find("td").get_text(strip=True) == f"{count} ({1000 * count / row['words']:.1f})"



def test_a_name_an_article_never_writes_is_marked_as_the_sites(site, analysis):
    # 001 writes only "Putin" and "Quadrilateral Dialogue"; the table says so beside the site's names.
    table = section_table(soup(site / "analysis" / "index.html"), "actors")
    rows = {row["data-actor"]: row.find("th").get_text(" ", strip=True) for row in table.select("tbody tr")}
    assert rows["Vladimir Putin"].endswith("the site's name; “Putin” in There is no way…")
    assert rows["The Quad"].endswith("the site's name; “Quadrilateral Dialogue” in There is no way…")
    # A name the articles write as it is gets no mark, and every mark agrees with the data.
    assert "the site's name" not in rows["NATO"]
    for actor in analysis["actors"]:
        assert ("the site's name" in rows[actor["name"]]) == bool(actor["written"])
        for slug, forms in actor["written"]:
            assert actor["name"] not in forms and forms == actor["counts"][slug]["forms"]
    assert "the site's name and kind for it" in table.find("thead").get_text()
    # On an article's page, a bar's name carries the article's own forms the same way.
    from corpus.write.figures import written_as
    assert written_as("Vladimir Putin", ("Putin",)) == "Vladimir Putin (the site's name; written “Putin”)"
    assert written_as("NATO", ("NATO",)) == "NATO"


def test_each_dots_area_is_in_proportion_to_its_count(page, analysis):
    grid = page.select_one("#chart-actors table.chart-grid")
    areas = []
    for cell in grid.select("tbody td"):
        count, dot = int(cell.get_text(strip=True)), cell.select_one(".chart-mark")
        # The dot's diameter is --v of the largest's: its area is --v squared.
        size = float(re.fullmatch(r"--v:([\d.]+)", dot["style"]).group(1))
        if count:
            areas.append((size ** 2, count))
        else:
            assert size == 0
    largest = max(count for _, count in areas)
    for area, count in areas:
        # The diameter is written to three places: the area is the count's share of the largest dot's.
        assert area == pytest.approx(count / largest, abs=0.005), (area, count)
    # NATO's 27 against South Korea's 2: 13.5 : 1 in area, as in count.
    assert min(count for _, count in areas) < largest / 10


def test_every_articles_actor_bars_share_one_scale(site, analysis):
    largest = max(cell["count"] for actor in analysis["actors"] for cell in actor["counts"].values())
    shares = []
    for row in analysis["articles"]:
        chart = collection_section(site, row["slug"]).select_one("#chart-article-actors")
        for cell in chart.select("tbody td"):
            shares.append((float(re.fullmatch(r"--v:([\d.]+)", cell["style"]).group(1)), int(cell.get_text(strip=True).split()[0])))
        caption = chart.select_one("figcaption").get_text()
        assert f"a full bar is {largest} mentions" in caption
        # The bars compare counts; the rate beside each compares across lengths, as the caption says.
        assert f"In brackets, the count per 1,000 of this article's {row['words']:,} words" in caption
    # A bar is its count's share of the one scale on every page: 18 mentions of NATO draw shorter than 27.
    assert shares and all(share == pytest.approx(count / largest, abs=0.001) for share, count in shares)
    assert any(share == 1 for share, _ in shares)


def test_a_capital_counts_for_its_country_also_where_it_names_the_city(analysis):
    lithuania = next(actor for actor in analysis["actors"] if actor["name"] == "Lithuania")
    # "the Vilnius summit" and "in Lithuania", as "in Moscow" counts for Russia.
    assert lithuania["counts"]["there-is-no-way-back"]["count"] == 2


def test_the_tag_rule_is_the_same_for_every_article_and_stated_on_the_tags_page(analysis, site):
    data = load_data(ROOT / "data", load_articles(DOCS))
    own = {article.slug: list(article.tags) for article in load_articles(DOCS)}
    for slug, tags in analysis["tags"].items():
        quoted = [theme.name for theme in data.themes if slug in theme.quotes]
        assert tags == own[slug] + [t for t in quoted if t not in own[slug]]
    # No actor is a tag of its own, however often an article names it ("China" 13 times in two).
    actor_names = {actor["name"] for actor in analysis["actors"]}
    assert not actor_names & {tag for tags in analysis["tags"].values() for tag in tags}
    # An article with more tags than another is quoted on more themes, whatever its length.
    text = soup(site / "tags" / "index.html").get_text(" ", strip=True)
    assert "an article carries it when the site quotes the article on that theme" in text
    assert "Actors are not tags" in text
