"""Every string a maintainer writes reaches the built pages as text: front matter, curated data
and the glossary, with markup, ampersands and quotes in every field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import run_mkdocs_build, soup

# What a careless or hostile maintainer might write. Every element it could inject carries
# data-injected, so one search of every page finds any that got through.
MARKUP = '<img src=x data-injected=1 onerror=alert(1)><b data-injected="1">bold</b>'
BREAKOUT = '"><i data-injected=1>'
AMP = "AT&T's \"quoted\" & 'single'"


def payload(label: str) -> str:
    """A field's value: a readable label, then markup, an attribute breakout and entities."""
    return f"{label} {MARKUP} {BREAKOUT} {AMP}"


SLUG = "injected-fields"
# A reason a theme is not discussed: markup in its own words and in the words it quotes.
REASON = 'It says <b data-injected=1>only</b> "quotes <img src=x data-injected=1 onerror=alert(1)>" in passing.'
ORIGINAL = (
    f"By {MARKUP} & Co\n"
    f"The first paragraph names NATO and Germany and quotes {MARKUP} as text.\n"
    f"The second paragraph says {AMP} in Germany, last year.\n"
    "Page furniture\n"
)


def write_injected_project(project: Path) -> None:
    """Add an article whose every front-matter field, and data entries whose every string, carry markup."""
    (project / "docs" / "sources" / "999_injected.txt").write_text(ORIGINAL, encoding="utf-8")
    meta = {
        "title": payload("Title"),
        "title_supplied": True,
        "source": payload("Source"),
        "original": "999_injected.txt",
        "added": "2026-12-01",
        "summary": payload("Summary"),
        "published": "2024-01-02",
        "byline": f"By {MARKUP} & Co",
        "dropped": ["Page furniture"],
        "tags": [payload("Tag")],
    }
    body = (
        "The first paragraph names NATO and Germany and quotes "
        "&lt;img src=x data-injected=1 onerror=alert(1)&gt;&lt;b data-injected=\"1\"&gt;bold&lt;/b&gt; as text.\n\n"
        "The second paragraph says AT&amp;T's \"quoted\" &amp; 'single' in Germany, last year.\n"
    )
    page = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body
    (project / "docs" / "articles" / f"{SLUG}.md").write_text(page, encoding="utf-8")
    quote = f"quotes {MARKUP} as text"

    def append(name: str, entries: list[dict]) -> None:
        path = project / "data" / f"{name}.yml"
        path.write_text(path.read_text(encoding="utf-8") + yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")

    append("actors", [{"name": payload("Actor"), "kind": "organisation", "aliases": [payload("Alias"), "paragraph"]}])
    append("themes", [{
        "id": payload("theme-id"), "name": payload("Theme"), "keywords": [payload("Keyword"), "paragraph"],
        "quotes": {SLUG: quote},
    }, {
        "id": "injected-absent", "name": "Absent", "keywords": ["paragraph"],
        "quotes": {"there-is-no-way-back": "NATO has continued to extend"},
        "absent": {SLUG: REASON},
    }])
    append("timeline", [
        {"article": SLUG, "event": payload("Event"), "quote": f"says {AMP} in Germany, last year", "relative": "last year"},
    ])
    append("voices", [{"name": payload("Voice"), "role": payload("Role"), "attribution": "quote", "article": SLUG, "quote": quote}])
    append("perspectives", [{"article": SLUG, "subject": payload("Subject"), "framing": payload("Framing"), "quote": quote}])
    append("overlaps", [{
        "id": payload("overlap-id"), "topic": payload("Topic"),
        "quotes": {SLUG: quote, "there-is-no-way-back": "NATO has continued to extend"},
    }])
    glossary = project / "includes" / "abbreviations.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + f"*[paragraph]: {payload('Glossary')}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory) -> Path:
    from project import copy_project

    project = copy_project(tmp_path_factory.mktemp("injected") / "project")
    write_injected_project(project)
    site = project / "out"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_no_page_carries_an_injected_element_or_attribute(injected_site):
    pages = sorted(injected_site.rglob("*.html"))
    assert len(pages) > 5
    for path in pages:
        page = soup(path)
        assert page.select("[data-injected]") == [], path
        assert page.select("[onerror]") == [], path
        assert "<b data-injected" not in str(page.head), path


def test_the_article_page_shows_every_field_as_text(injected_site):
    page = soup(injected_site / "articles" / SLUG / "index.html")
    header = page.select_one("header.article-header")
    assert header.select_one("h1").get_text() == payload("Title")
    assert header.select_one(".article-source").get_text() == payload("Source")
    assert header.select_one(".article-credit").get_text() == f"By {MARKUP} & Co"
    assert payload("Summary") in page.select_one(".article-summary").get_text()
    assert page.select_one('meta[name="description"]')["content"] == "Summary (the site's): " + payload("Summary")
    head = {meta.get("name") or meta.get("property"): meta["content"] for meta in page.head.select("meta[content]")}
    # The injected article's title is supplied by the site, so citations bracket it.
    assert head["citation_title"] == head["og:title"] == f"[{payload('Title')}]"
    # The article states no type: a document, whose outlet Zotero reads as its publisher.
    assert head["DC.publisher"] == payload("Source")
    assert "citation_abstract" not in head
    json_ld = page.head.select_one('script[type="application/ld+json"]')
    assert json.loads(json_ld.string)["headline"] == f"[{payload('Title')}]"
    assert "<" not in json_ld.string
    for citation in header.select(".citation"):
        assert payload("Title").split()[0] in citation.select_one("button")["data-clipboard-text"]
    assert page.title.get_text().startswith(payload("Title"))
    assert payload("Tag") in [tag.get_text(strip=True) for tag in page.select(".md-tags a, .md-tags span")]
    # The navigation lists the article under its title, as text.
    assert payload("Title") in [link.get_text(" ", strip=True) for link in page.select("nav.md-nav a")]
    # The glossary's expansion is an attribute, escaped.
    assert any(abbr["title"] == payload("Glossary") for abbr in page.select("abbr"))


def test_a_reason_and_the_words_it_quotes_show_as_text_with_the_words_linked(injected_site):
    wanted = REASON.replace('"', "")
    for path, href in ((injected_site / "analysis" / "index.html", f"../articles/{SLUG}/#p1"),
                       (injected_site / "articles" / SLUG / "collection.html", "./#p1")):
        page = soup(path)
        [quoted] = [a for a in page.select("a.quote") if a.get_text() == "“quotes <img src=x data-injected=1 onerror=alert(1)>”"]
        assert quoted["href"] == href
        assert wanted.replace("quotes <img", "“quotes <img").replace(")> in", ")>” in") in " ".join(quoted.parent.get_text().split())


def test_the_home_page_lists_the_article_as_text(injected_site):
    page = soup(injected_site / "index.html")
    item = next(li for li in page.select(".article-list li") if SLUG in li.a["href"])
    assert item.a.get_text() == payload("Title")
    assert payload("Source") in item.select_one(".article-list-meta").get_text()
    assert item.p.get_text() == payload("Summary")


def test_the_analysis_page_shows_every_curated_string_as_text(injected_site):
    text = soup(injected_site / "analysis" / "index.html").get_text()
    for label in ("Actor", "Theme", "Keyword", "Event", "Voice", "Role", "Subject", "Framing", "Topic"):
        assert payload(label) in text, label
    assert f"“quotes {MARKUP} as text”" in text


def test_the_tags_index_and_search_index_hold_the_strings_as_text(injected_site):
    tags = soup(injected_site / "tags" / "index.html")
    assert payload("Tag") in tags.get_text()
    index = json.loads((injected_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = [d for d in index["docs"] if d["location"].startswith(f"articles/{SLUG}/")]
    # Material's index holds HTML-escaped text; its client inserts it as HTML, so raw markup must not be there.
    assert docs and all("<img" not in d["title"] + d["text"] and "<b data" not in d["title"] + d["text"] for d in docs)


def test_a_hostile_title_and_summary_reach_the_feed_as_text(injected_site):
    import feedparser

    feed = feedparser.parse((injected_site / "feed.xml").read_bytes())
    assert not feed.bozo
    [entry] = [entry for entry in feed.entries if entry.link.endswith(f"/articles/{SLUG}/")]
    assert entry.title == payload("Title")
    assert entry.summary == "Summary (the site's): " + payload("Summary")
    raw = (injected_site / "feed.xml").read_text(encoding="utf-8")
    assert "<img" not in raw and "<b " not in raw
