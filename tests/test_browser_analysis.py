"""The analysis at a glance, in a real browser: the first screen, the pictures, their marks."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

A = "articles/nato-in-asia-a-dream-that-can-be-realized/"


def test_the_first_screen_shows_the_articles_and_a_picture_comparing_them(page, served):
    page.goto(served.url + "analysis/")
    height = page.viewport_size["height"]
    chart = page.locator("#chart-actors table").bounding_box()
    table = page.locator("table[data-table='glance']").bounding_box()
    assert chart["height"] > 80 and chart["y"] + chart["height"] <= height
    assert table["y"] + table["height"] <= height, table
    # Every article is in that first screen, with its source, date, length and framing.
    rows = page.locator("table[data-table='glance'] tbody tr")
    assert rows.count() == 3
    for i in range(3):
        assert rows.nth(i).locator(".glance-perspective").inner_text().startswith("The article presents")


def test_a_count_on_a_picture_is_a_link_the_keyboard_follows_to_the_first_mention(page, served):
    page.goto(served.url + "analysis/")
    mark = page.locator("#chart-actors tbody td a").first
    # The table names the count: its article's row and its actor's column.
    row = mark.locator("xpath=ancestor::tr/th").inner_text()
    assert row.startswith("NATO in Asia") and mark.inner_text().strip() == "27"
    assert page.locator("#chart-actors thead th").nth(1).inner_text().strip() == "NATO"
    mark.focus()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    href = mark.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + A + "#*")
    assert page.url.endswith(href.split("/")[-1])


def test_a_theme_cell_leads_to_its_quote(page, served):
    page.goto(served.url + "analysis/")
    cell = page.locator("#chart-themes tbody td a").first
    assert cell.inner_text().strip() == "Q 28"
    href = cell.get_attribute("href")
    # Brought into view first, as a reader's Tab does, and given time for what follows a scroll:
    # the pictures near it are laid out, and Material's navigation.tracking, debounced, writes the
    # section into the address (written after Enter, it would land on the article's address).
    cell.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    cell.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/articles/**")
    assert page.url.endswith(href.split("/")[-1])


def test_a_timeline_entry_says_what_the_article_dates_on_focus(page, served):
    page.goto(served.url + "analysis/")
    entry = page.locator("#chart-timeline a").first
    tip = entry.locator(".chart-tip")
    assert tip.bounding_box()["width"] <= 1  # hidden until asked for
    entry.focus()
    box = tip.bounding_box()
    assert box["width"] > 80 and box["height"] > 10
    assert tip.inner_text().startswith("1. 1997: The article reports: ")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_charts_follow_the_colour_scheme(chromium, served, request, scheme):
    from browser import new_page

    page = new_page(chromium, served, request, color_scheme=scheme)
    page.goto(served.url + "analysis/")
    colours = page.evaluate("""() => {
        const text = getComputedStyle(document.querySelector('#chart-actors tbody td')).color;
        const bar = getComputedStyle(document.querySelector('#chart-actor-totals td > a'), '::before').backgroundColor;
        const primary = getComputedStyle(document.body).getPropertyValue('--md-primary-fg-color').trim();
        const body = getComputedStyle(document.body).backgroundColor;
        return {text, bar, primary, body};
    }""")
    luminance = lambda rgb: sum(int(c) for c in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]) / 3
    text, body = luminance(colours["text"]), luminance(colours["body"])
    # Text stands out from the page in either scheme: dark on light, light on dark; bars are drawn.
    assert abs(text - body) > 120, colours
    assert (body > 128) == (scheme == "light"), colours
    assert colours["bar"] not in ("rgba(0, 0, 0, 0)", "transparent") and colours["primary"], colours


def test_the_charts_print(page, served):
    page.goto(served.url + "analysis/")
    page.emulate_media(media="print")
    for chart in ("#chart-actors", "#chart-actor-totals", "#chart-themes", "#chart-timeline", "#chart-resemblance"):
        box = page.locator(f"{chart} table, {chart} ol").first.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 50, chart
    bar = page.evaluate("getComputedStyle(document.querySelector('#chart-actor-totals td > a'), '::before').width")
    assert float(bar.removesuffix("px")) > 50
    assert not page.locator("#chart-timeline .chart-tip").first.is_visible()


def test_an_article_page_ends_with_its_part_of_the_analysis(page, served):
    from browser import scrolled

    page.goto(served.url + A)
    assert page.locator("h2#in-the-collection").inner_text().startswith("This article in the collection")
    # The page fetches it from the file beside it and shows it in place of the link to it.
    section = page.locator("section.article-collection")
    expect(section).to_have_count(1)
    expect(page.locator(".article-collection-slot")).to_have_count(0)
    assert section.evaluate("s => s.previousElementSibling.id") == "in-the-collection"
    mark = section.locator("#chart-article-actors tbody td a").nth(1)
    # Links to this article's own words are links within the page.
    href = mark.get_attribute("href")
    assert href.startswith("#p")
    mark.focus()
    scrolled(page)
    page.keyboard.press("Enter")
    # It scrolls to the words it counts (Material's tracking may rewrite the address as it goes).
    expect(page.locator(f"[id='{href[1:]}']")).to_be_in_viewport()
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1


def test_without_scripts_the_article_links_to_its_part_of_the_analysis(chromium, served, request):
    from browser import new_page

    page = new_page(chromium, served, request, java_script_enabled=False)
    page.goto(served.url + A)
    link = page.locator(".article-collection-slot a")
    expect(link).to_be_visible()
    link.click()
    page.wait_for_url("**/collection.html")
    expect(page.locator("section.article-collection #chart-article-actors")).to_be_visible()
    # From there, the article's words are on its page.
    page.locator("section.article-collection a.quote").first.click()
    page.wait_for_url("**/" + A + "#*")
    expect(page.locator("h1#article-title")).to_be_visible()
