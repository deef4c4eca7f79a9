"""Reading in a real browser: navigation, table of contents, permalinks, colour scheme, widths, print."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

A = "articles/nato-in-asia-a-dream-that-can-be-realized/"
B = "articles/there-is-no-way-back/"
C = "articles/nato-russia-and-north-korea/"
PAGES = ["", "analysis/", "article-index/", "tags/", A, B, C]


def test_navigation_between_articles_and_the_analysis_index(page, served):
    page.goto(served.url)
    page.locator(".md-sidebar--primary .md-nav__link", has_text="Analysis").first.click()
    page.wait_for_url("**/analysis/")
    expect(page.locator("article h1").first).to_contain_text("Analysis index")
    # The index is wide (no navigation sidebar); its overview links to every article.
    page.locator("table[data-table='glance'] a", has_text="NATO, Russia and North").first.click()
    page.wait_for_url(f"**/{C}")
    expect(page.locator("article h1").first).to_contain_text("NATO, Russia and North Korea")
    # Back to the index from the article's own part of the analysis.
    page.locator("section.article-collection a", has_text="analysis index").first.click()
    page.wait_for_url("**/analysis/")
    # And from the index to an article through a quote link, in its folded table.
    page.locator("details:has(table[data-table='theme']) > summary").click()
    page.locator("table[data-table='theme'] a.quote").first.click()
    page.wait_for_url("**/articles/**")
    expect(page.locator(".article-header")).to_be_visible()
    assert not page.watched.errors and not page.watched.console


def test_the_table_of_contents_follows_the_reader(page, served):
    page.goto(served.url + C)
    for anchor in ("analyzing-the-threats", "conclusion"):
        page.locator(f"#{anchor}").scroll_into_view_if_needed()
        page.evaluate(f"document.getElementById('{anchor}').scrollIntoView({{block: 'start'}})")
        active = page.locator(".md-sidebar--secondary .md-nav__link--active")
        active.first.wait_for(state="attached")
        page.wait_for_function(
            "a => [...document.querySelectorAll('.md-sidebar--secondary .md-nav__link--active')]"
            ".some(l => l.getAttribute('href').endsWith('#' + a))",
            arg=anchor,
        )


@pytest.mark.parametrize("target", ["p12", "scenarios-for-the-future"])
def test_a_permalink_opens_scrolled_to_its_target(page, served, target):
    page.goto(f"{served.url}{C}#{target}")
    page.wait_for_function(
        "t => { const r = document.getElementById(t).getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight / 2; }",
        arg=target,
    )
    assert page.evaluate("window.scrollY") > 200


def test_paragraph_permalink_is_a_link_to_itself(page, served):
    page.goto(served.url + B)
    href = page.locator("#p7 a.paralink").get_attribute("href")
    assert href.endswith(f"{B}#p7") or href == "#p7"


def scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def test_the_colour_scheme_choice_persists_across_pages_and_reloads(chromium, served, request):
    from browser import new_page

    page = new_page(chromium, served, request, color_scheme="light")
    page.goto(served.url)
    assert scheme(page) == "default"
    # Toggle until the dark scheme is on (automatic -> light -> dark).
    for _ in range(3):
        if scheme(page) == "slate":
            break
        page.locator("form[data-md-component='palette'] label:visible").first.click()
    assert scheme(page) == "slate"
    page.locator(".md-sidebar--primary .md-nav__link", has_text="Analysis").first.click()
    page.wait_for_url("**/analysis/")
    expect(page.locator("article h1").first).to_contain_text("Analysis index")
    assert scheme(page) == "slate"
    page.reload()
    assert scheme(page) == "slate"
    page.goto(served.url + A)
    assert scheme(page) == "slate"


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_nothing_scrolls_sideways_on_a_phone_or_a_desktop(phone, page, served, path):
    for viewer in (phone, page):
        viewer.goto(served.url + path)
        width = viewer.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], (viewer.viewport_size, width)


def test_the_menu_and_search_work_on_a_phone(phone, served):
    phone.goto(served.url)
    phone.locator("label.md-header__button[for='__drawer']").click()
    link = phone.locator(".md-nav--primary .md-nav__link", has_text="Analysis").first
    link.wait_for(state="visible")
    link.click()
    phone.wait_for_url("**/analysis/")
    phone.locator("label.md-header__button[for='__search']").click()
    phone.keyboard.type("Kishida", delay=25)
    result = phone.locator(".md-search-result__item > a.md-search-result__link").first
    # Results come for every key typed: wait for those of the whole word.
    expect(result).to_have_attribute("href", re.compile(r"/articles/there-is-no-way-back/"))


def test_a_printed_article_shows_the_article_without_chrome(page, served):
    page.goto(served.url + B)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator(".article-header h1").is_visible()
    assert page.locator(".article-meta").is_visible()
    assert page.locator("#p40").is_visible()
    assert not page.locator("#p1 a.paralink").is_visible()
