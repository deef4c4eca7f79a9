"""Reading in a real browser: navigation, table of contents, permalinks, colour scheme, widths, print."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

A = "articles/nato-in-asia-a-dream-that-can-be-realized/"
B = "articles/there-is-no-way-back/"
C = "articles/nato-russia-and-north-korea/"
PAGES = ["", "analysis/", "article-index/", "tags/", A, B, C]
# The colour scheme switch: the label shown, which switches to the next option.
SWITCH = "form[data-palette] label:visible"


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
        page.locator(SWITCH).first.click()
    assert scheme(page) == "slate"
    page.locator(".md-sidebar--primary .md-nav__link", has_text="Analysis").first.click()
    page.wait_for_url("**/analysis/")
    expect(page.locator("article h1").first).to_contain_text("Analysis index")
    assert scheme(page) == "slate"
    page.reload()
    assert scheme(page) == "slate"
    page.goto(served.url + A)
    assert scheme(page) == "slate"


# Every change of the body's colour attributes once the page is parsed (the page's head sets a
# stored choice while it is read, before the first paint, which costs nothing).
WATCH_COLOURS = """
window.colourChanges = [];
new MutationObserver(records => {
  if (document.readyState === 'loading') return;
  for (const record of records) window.colourChanges.push(record.attributeName);
}).observe(document, {attributes: true, subtree: true, attributeFilter: [
  'data-md-color-scheme', 'data-md-color-primary', 'data-md-color-accent', 'data-md-color-switching']});
"""


def loaded(page) -> None:
    """Wait until the page is idle: the colour metadata is read then."""
    page.wait_for_function("document.querySelector('meta[name=theme-color]')?.content.startsWith('#')")


def test_a_page_loads_without_setting_its_colours_again(chromium, served, request):
    from browser import new_page

    # Stored (a choice made on an earlier page, which the page's head sets before the first paint)
    # or not (the system's light preference, the page's own colours): nothing sets them again once
    # the page is parsed (Material's component does, transitions off, which restyles the page).
    page = new_page(chromium, served, request, color_scheme="light")
    page.add_init_script(WATCH_COLOURS)
    page.goto(served.url)
    loaded(page)
    assert page.evaluate("window.colourChanges") == []
    # Automatic -> light: the same colours, so none is set; light -> dark sets them, transitions off.
    page.locator(SWITCH).first.click()
    assert page.evaluate("window.colourChanges") == []
    page.locator(SWITCH).first.click()
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
    # (Light and dark share their primary and accent colours in mkdocs.yml: only the scheme changes.)
    assert page.evaluate("window.colourChanges") == ["data-md-color-switching", "data-md-color-scheme", "data-md-color-switching"]
    page.goto(served.url + B)
    loaded(page)
    assert (scheme(page), page.evaluate("window.colourChanges")) == ("slate", [])
    # The browser's colour metadata describes the header, as Material's component sets it.
    header = page.evaluate("(({backgroundColor, colorScheme}) => [backgroundColor, colorScheme])"
                           "(getComputedStyle(document.querySelector('[data-md-component=header]')))")
    rgb = [int(c) for c in re.findall(r"\d+", header[0])[:3]]
    assert page.evaluate("document.querySelector('meta[name=theme-color]').content") == "#" + "".join(f"{c:02x}" for c in rgb)
    assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == header[1] == "dark"


def test_the_automatic_colour_scheme_follows_the_system(chromium, served, request):
    from browser import new_page

    page = new_page(chromium, served, request, color_scheme="dark")
    page.goto(served.url)
    loaded(page)
    # Nothing chosen yet: automatic, which takes the system's dark scheme and offers light next
    # (its label is for the light option; Material's tooltips take the labels' titles on hover).
    assert scheme(page) == "slate"
    assert page.locator(SWITCH).get_attribute("for") == "__palette_1"
    page.emulate_media(color_scheme="light")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
    # Enter on the switch moves on, as a click on its label does: light, then dark.
    page.locator(SWITCH).first.click()
    assert (scheme(page), page.locator(SWITCH).get_attribute("for")) == ("default", "__palette_2")
    page.locator("#__palette_1").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == "dark"
    # A choice made is kept over the system's.
    page.emulate_media(color_scheme="light")
    page.reload()
    assert scheme(page) == "slate"
    assert not page.watched.errors and not page.watched.console


def test_the_colour_switch_works_where_the_browser_keeps_no_site_data(chromium, served, request):
    from browser import new_page

    # Storage blocked (a browser set to keep no site data): reading it throws, in Material's own
    # scripts too. The switch still shows and switches, and site.js raises nothing.
    page = new_page(chromium, served, request, color_scheme="light")
    page.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});")
    thrown: list[str] = []
    page.on("pageerror", lambda error: thrown.append(f"{error.message} {error.stack}"))
    page.goto(served.url + B)
    page.locator(SWITCH).first.click()
    page.locator(SWITCH).first.click()
    assert scheme(page) == "slate"
    assert thrown and not [error for error in thrown if "site.js" in error], thrown


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
