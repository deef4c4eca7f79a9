"""Zensical, Material's successor, builds the same stage as MkDocs: every word of the originals on
their pages, citation metadata in each article's head, the analysis with its pictures, words in
context, the downloads, links that resolve and nothing requested from outside the site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import BASE_PATH, DOCS, ROOT, TEST_SITE_URL, run_zensical_build, soup
from project import copy_project
from corpus.read.articles import load_articles
from corpus.text import html_text
from corpus.write.metadata import json_ld, meta_tags

ARTICLES = load_articles(DOCS)
# The files the stage generates, which both engines publish as they are.
GENERATED = ("analysis.json", "collection.jsonl", "collection.csv", "analysis/articles", "citations", "contexts/data")
PAGES = ["", "analysis/", "article-index/", "contexts/", "tags/"] + [f"articles/{a.slug}/" for a in ARTICLES]


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_every_word_of_the_original_is_on_zensicals_page_in_order(zensical_site, article):
    page = soup(zensical_site / "articles" / article.slug / "index.html")
    heading = page.select_one("article h1")
    for mark in heading.select(".title-cut"):
        mark.extract()  # the site's mark where a cut-off headline ends
    shown = heading.get_text().split() if not article.title_supplied else []
    shown += html_text(str(page.select_one(".article-text"))).split()
    # Character for character, whitespace aside: no quote turned curly, no dash or ellipsis made.
    assert shown == article.text.split()
    # Each paragraph keeps its anchor and permalink, as on MkDocs' page.
    paragraphs = page.select(".article-text > p")
    assert [p["id"] for p in paragraphs] == [f"p{n}" for n in range(1, len(paragraphs) + 1)]


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_each_article_head_carries_its_citation_metadata(zensical_site, article):
    page = soup(zensical_site / "articles" / article.slug / "index.html")
    address = f"{TEST_SITE_URL}articles/{article.slug}/"
    wanted = sorted((tag.attribute, tag.key, tag.content) for tag in meta_tags(article, address, "en"))
    found = sorted(
        (attribute, meta[attribute], meta["content"])
        for meta in page.head.select("meta[content]")
        for attribute in ("name", "property")
        if meta.get(attribute, "").startswith(("citation_", "DC.", "og:", "article:", "z.", "bibo."))
    )
    assert found == wanted
    (script,) = page.head.select('script[type="application/ld+json"]')
    assert json.loads(script.string) == json_ld(article, address, "en")
    assert "<" not in script.string
    # The header with its citations, and the article's part of the analysis after its text.
    assert page.select_one("header.article-header details.article-cite .citation") is not None
    # Its part of the analysis is the file beside it, the same as MkDocs publishes, and the page links to it.
    assert page.select_one('.article-collection-slot a[href="collection.html"]') is not None
    assert (zensical_site / "articles" / article.slug / "collection.html").is_file()


def test_the_analysis_page_has_the_same_pictures_and_tables_as_mkdocs(zensical_site, site):
    mine, theirs = (soup(folder / "analysis" / "index.html") for folder in (zensical_site, site))
    def pictures(page):
        return [(f["id"], " ".join(f.get_text().split())) for f in page.select("figure.chart")]

    assert len(pictures(mine)) >= 5
    assert pictures(mine) == pictures(theirs)
    assert [t["data-table"] for t in mine.select("table[data-table]")] == [t["data-table"] for t in theirs.select("table[data-table]")]
    # Each picture's counts link to the words they count, as MkDocs' do.
    links = [a["href"] for a in mine.select("figure.chart td a, figure.chart .chart-years a")]
    assert len(links) > 40 and links == [a["href"] for a in theirs.select("figure.chart td a, figure.chart .chart-years a")]


def test_words_in_context_has_its_data(zensical_site):
    page = soup(zensical_site / "contexts" / "index.html")
    form = page.select_one("form[data-contexts]")
    index_file = (zensical_site / "contexts" / form["data-index"]).resolve()
    index = json.loads(index_file.read_text(encoding="utf-8"))
    assert sorted(row[0] for row in index["articles"]) == sorted(a.slug for a in ARTICLES)
    assert len(index["files"]) == max(leaf[4] for leaf in index["leaves"]) + 1
    assert all((index_file.parent / name).is_file() for name in index["files"])
    # The page loads the site's scripts, which load the contexts page's own when its form is there.
    script = page.select_one('script[src$="assets/javascripts/site.js"]')
    assert script is not None
    loader = (zensical_site / "contexts" / script["src"]).resolve().read_text(encoding="utf-8")
    assert 'new URL("contexts-page.js", source)' in loader and (zensical_site / "assets" / "javascripts" / "contexts-page.js").is_file()


def test_the_downloads_are_those_mkdocs_publishes(zensical_site, site):
    compared = 0
    for name in GENERATED:
        for path in sorted((site / name).rglob("*")) if (site / name).is_dir() else [site / name]:
            if path.is_file():
                relative = path.relative_to(site)
                assert (zensical_site / relative).read_bytes() == path.read_bytes(), relative
                compared += 1
    assert compared >= 3 * len(ARTICLES) + 5
    for source in (DOCS / "sources").glob("*.txt"):
        assert (zensical_site / "sources" / source.name).read_bytes() == source.read_bytes()


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_no_request_leaves_zensicals_site(chromium, zensical_served, request, path):
    from browser import new_page

    page = new_page(chromium, zensical_served, request)
    page.goto(zensical_served.url + path, wait_until="networkidle")
    assert page.watched.outside == []
    assert page.watched.failed == [] and page.watched.errors == []
    assert page.watched.console == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [*PAGES, "no-such-page/"], ids=lambda p: p or "home")
def test_axe_passes_on_every_kind_of_zensical_page(chromium, zensical_served, request, path, scheme):
    from browser import new_page
    from test_browser_accessibility import axe_violations

    page = new_page(chromium, zensical_served, request, color_scheme=scheme)
    page.goto(zensical_served.url + path)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    assert axe_violations(page) == []


# Zensical's pages, tried as Material's are: the same tests, given the Zensical build to serve.


@pytest.mark.browser
def test_zensicals_pictures_and_pages_read_on_a_phone_as_materials(chromium, zensical_served, request):
    import test_browser_phone as phone

    for path in phone.PAGES:
        for size in phone.SIZES:
            phone.test_every_picture_label_is_12_pixels_or_taller_and_every_mark_a_24_pixel_target(
                chromium, zensical_served, request, size, path)
            phone.test_nothing_in_the_first_two_screens_scrolls_sideways(chromium, zensical_served, request, size, path)
    phone.test_every_table_of_the_analysis_fits_a_phone(chromium, zensical_served, request)
    for path in phone.ARTICLES:
        phone.test_an_articles_first_words_are_in_its_first_screen_on_a_phone(chromium, zensical_served, request, path)


@pytest.mark.browser
def test_words_in_context_on_zensical_lists_a_search_and_shows_more_lines(chromium, zensical_served, request):
    from browser import new_page
    import test_browser_contexts as contexts

    contexts.test_typing_a_word_lists_each_occurrence_linked_to_its_paragraph(new_page(chromium, zensical_served, request), zensical_served)
    contexts.test_show_more_lines_fetches_the_next_batch(new_page(chromium, zensical_served, request), zensical_served)


@pytest.mark.browser
def test_zensicals_article_index_sorts_and_filters(chromium, zensical_served, request):
    from browser import new_page
    import test_browser_article_index as index

    index.test_the_index_sorts_by_length_date_and_title(new_page(chromium, zensical_served, request), zensical_served)
    index.test_the_index_filters_by_source_and_tag(new_page(chromium, zensical_served, request), zensical_served)
    index.test_without_javascript_the_index_is_a_complete_table(chromium, zensical_served, request)


def test_every_string_a_maintainer_writes_reaches_zensicals_pages_as_text(tmp_path):
    from test_escaping import MARKUP, SLUG, payload, write_injected_project

    project = copy_project(tmp_path / "project")
    write_injected_project(project)
    site = tmp_path / "site"
    result = run_zensical_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 5
    for path in pages:
        page = soup(path)
        assert page.select("[data-injected]") == [] and page.select("[onerror]") == [], path
    article = soup(site / "articles" / SLUG / "index.html")
    assert article.select_one("header.article-header h1").get_text() == payload("Title")
    head = {meta.get("name") or meta.get("property"): meta["content"] for meta in article.head.select("meta[content]")}
    assert head["citation_title"] == f"[{payload('Title')}]" and head["DC.publisher"] == payload("Source")
    assert f"“quotes {MARKUP} as text”" in soup(site / "analysis" / "index.html").get_text()


def test_both_engines_search_indexes_hold_no_permalink_mark_and_no_character_reference(zensical_site, site):
    # What a reader sees in search: titles, tags and snippets, with no ¶ and no &#x27; as text.
    zensical = json.loads((zensical_site / "search.json").read_text(encoding="utf-8"))["items"]
    material = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    for engine, items in (("zensical", zensical), ("mkdocs", material)):
        shown = [(item["location"], field, text) for item in items for field in ("title", "text")
                 for text in [item.get(field, "")]]
        shown += [(item["location"], "tags", tag) for item in items for tag in item.get("tags", [])]
        # A permalink mark is glued to the end of what it follows ("…region.¶"); the site's own
        # text may name the sign ("the site's ¶ numbers").
        assert not [entry for entry in shown if re.search(r"\S¶", entry[2])], engine
        assert not [entry for entry in shown if re.search(r"&(#x?[0-9a-f]+|[a-z]+);", entry[2], re.I) and entry[1] != "text"], engine
    # Zensical shows its text as text: no reference there either; the tag with an apostrophe is whole.
    assert not [item["location"] for item in zensical if re.search(r"&#x?[0-9a-f]+;", item["text"], re.I)]
    assert any("Russia's relations with China and North Korea" in item.get("tags", []) for item in zensical)
    # The ¶ is still on every paragraph, drawn by the stylesheet.
    page = soup(zensical_site / "articles" / "there-is-no-way-back" / "index.html")
    assert page.select("p#p1 > a.paralink") and page.select_one("p#p1 > a.paralink").get_text() == ""


@pytest.mark.parametrize("path", PAGES)
def test_no_script_holds_up_the_first_paint_on_either_engine(zensical_site, site, path):
    # Each engine's bundle and the site's scripts, joined in one file, are deferred: the page
    # paints before they run, and they run in order, the bundle first. Only the theme's small
    # inline scripts (its configuration, the colour scheme) run as the page is read.
    for engine, folder in (("zensical", zensical_site), ("mkdocs", site)):
        scripts = soup(folder / path / "index.html").select("script[src]")
        names = [Path(script["src"].split("?")[0]).name for script in scripts]
        assert len(names) == 2 and names[0].startswith("bundle.") and names[1] == "site.js", (engine, names)
        assert all(script.has_attr("defer") for script in scripts), (engine, path, [str(s) for s in scripts if not s.has_attr("defer")])
    # The joined file holds every script mkdocs.yml lists, in that order, each whole.
    joined = (site / "assets" / "javascripts" / "site.js").read_text(encoding="utf-8")
    assert joined == (zensical_site / "assets" / "javascripts" / "site.js").read_text(encoding="utf-8")
    at = [joined.index((ROOT / "overrides" / "assets" / "javascripts" / name).read_text(encoding="utf-8").rstrip())
          for name in ("search-a11y.js", "article-index.js", "contexts.js", "paragraph-cite.js", "collection.js")]
    assert at == sorted(at)
