"""The analysis at a glance, in a real browser: the first screen, the pictures, their marks."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

A = "articles/nato-in-asia-a-dream-that-can-be-realized/"


def test_the_first_screen_shows_the_articles_and_a_picture_comparing_them(page, served):
    page.goto(served.url + "analysis/")
    height = page.viewport_size["height"]
    chart = page.locator("#chart-actors .chart-wide svg").bounding_box()
    table = page.locator("table[data-table='glance']").bounding_box()
    assert chart["height"] > 100 and chart["y"] + chart["height"] <= height
    assert table["y"] + table["height"] <= height, table
    # Every article is in that first screen, with its source, date, length and framing.
    rows = page.locator("table[data-table='glance'] tbody tr")
    assert rows.count() == 3
    for i in range(3):
        assert rows.nth(i).locator(".glance-perspective").inner_text().startswith("The article presents")


def test_focusing_a_chart_mark_shows_its_value_and_enter_follows_its_link(page, served):
    page.goto(served.url + "analysis/")
    mark = page.locator("#chart-actors a.chart-mark").first
    tip = mark.locator(".chart-tip")
    assert tip.bounding_box()["width"] <= 1  # hidden until asked for
    mark.focus()
    box = tip.bounding_box()
    assert box["width"] > 80 and box["height"] > 10
    assert tip.inner_text().startswith("NATO: 27 mentions in NATO in Asia")
    href = mark.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + A + "#*")
    assert page.url.endswith(href.split("/")[-1])


def test_a_theme_cell_gives_its_quote_on_focus(page, served):
    page.goto(served.url + "analysis/")
    cell = page.locator("#chart-themes a.chart-mark").first
    cell.focus()
    text = cell.locator(".chart-tip").inner_text()
    assert text == "NATO and the Asia-Pacific in NATO in Asia: A…: quoted, keywords 28; go to the quote"
    href = cell.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url("**/articles/**")
    assert page.url.endswith(href.split("/")[-1])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_charts_follow_the_colour_scheme(chromium, served, request, scheme):
    from browser import new_page

    page = new_page(chromium, served, request, color_scheme=scheme)
    page.goto(served.url + "analysis/")
    colours = page.evaluate("""() => {
        const text = getComputedStyle(document.querySelector('#chart-actors text.chart-label')).fill;
        const bar = getComputedStyle(document.querySelector('#chart-actor-totals rect.chart-bar')).fill;
        const ground = getComputedStyle(document.querySelector('.md-main')).backgroundColor;
        const body = getComputedStyle(document.body).backgroundColor;
        return {text, bar, ground, body};
    }""")
    luminance = lambda rgb: sum(int(c) for c in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]) / 3
    text, body = luminance(colours["text"]), luminance(colours["body"])
    # Text stands out from the page in either scheme: dark on light, light on dark.
    assert abs(text - body) > 120, colours
    assert (body > 128) == (scheme == "light"), colours


def test_the_charts_print(page, served):
    page.goto(served.url + "analysis/")
    page.emulate_media(media="print")
    for chart in ("#chart-actors", "#chart-themes", "#chart-timeline", "#chart-resemblance"):
        box = page.locator(f"{chart} .chart-wide svg").bounding_box()
        assert box and box["width"] > 200 and box["height"] > 50, chart
    fill = page.evaluate("getComputedStyle(document.querySelector('#chart-actors .chart-wide text.chart-label')).fill")
    assert fill == "rgb(0, 0, 0)"
    assert not page.locator("#chart-actors .chart-tip").first.is_visible()


def test_an_article_page_ends_with_its_part_of_the_analysis(page, served):
    page.goto(served.url + A)
    section = page.locator("section.article-collection")
    assert page.locator("h2#in-the-collection").inner_text().startswith("This article in the collection")
    mark = section.locator("a.chart-mark").first
    mark.focus()
    assert "mentions in this article" in mark.locator(".chart-tip").inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url("**#*")
    target = page.url.split("#")[1]
    expect(page.locator(f"[id='{target}']")).to_be_visible()
