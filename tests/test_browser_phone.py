"""The analysis reads on a phone (390 x 844) as on a desktop (1280 x 900): every label of every
picture at least 12 pixels, every link on a picture a target of at least 24 by 24 pixels,
nothing in the first two screens scrolling sideways, axe in both colour schemes. Screenshots of
both widths are kept in test-results/phone/ to look at."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from browser import RESULTS, new_page
from conftest import DOCS
from corpus.read.articles import load_articles
from test_browser_accessibility import axe_violations

PAGES = ["analysis/"] + [f"articles/{article.slug}/" for article in load_articles(DOCS)]
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
SCREENSHOTS = RESULTS / "phone"

pytestmark = pytest.mark.browser

# Every picture's text and links as drawn: each element with text of its own and its font size,
# and each visible link's box.
PICTURES = """() => {
  const shown = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  return [...document.querySelectorAll('figure.chart')].filter(shown).map(f => ({
    id: f.id,
    labels: [...f.querySelectorAll('*')].filter(e => shown(e) && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
      .map(e => [e.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(e).fontSize)]),
    links: [...f.querySelectorAll('a')].filter(shown).map(a => { const r = a.getBoundingClientRect(); return [a.textContent.trim().slice(0, 40), r.width, r.height]; }),
  }));
}"""

# What scrolls sideways in the first two screens: the page itself, or a box with more than it shows.
SIDEWAYS = """(limit) => {
  const found = [];
  if (document.documentElement.scrollWidth > window.innerWidth) found.push(['page', document.documentElement.scrollWidth]);
  for (const e of document.querySelectorAll('.md-content *')) {
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    if (r.top + scrollY > limit || r.width === 0) continue;
    if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1)
      found.push([e.tagName + '.' + e.className, e.scrollWidth, e.clientWidth]);
  }
  return found;
}"""


def page_at(chromium, served, request, size: str, path: str, scheme: str = "light"):
    page = new_page(chromium, served, request, viewport=SIZES[size], is_mobile=size == "phone",
                    has_touch=size == "phone", color_scheme=scheme)
    page.goto(served.url + path)
    if path.startswith("articles/"):
        # Its part of the analysis, with its picture, comes once the page has loaded.
        expect(page.locator("section.article-collection")).to_have_count(1)
    return page


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", PAGES)
def test_every_picture_label_is_12_pixels_or_taller_and_every_mark_a_24_pixel_target(chromium, served, request, size, path):
    page = page_at(chromium, served, request, size, path)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{re.sub(r'[^a-z0-9]+', '-', path).strip('-')}-{size}.png"), full_page=True)
    pictures = page.evaluate(PICTURES)
    assert pictures, "no picture shown"
    for picture in pictures:
        assert picture["labels"], picture["id"]
        small = [(text, size_) for text, size_ in picture["labels"] if size_ < 12]
        assert not small, (picture["id"], small)
        tiny = [(name, round(w), round(h)) for name, w, h in picture["links"] if w < 24 or h < 24]
        assert not tiny, (picture["id"], tiny)
    assert sum(len(p["links"]) for p in pictures) >= 8


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", PAGES)
def test_nothing_in_the_first_two_screens_scrolls_sideways(chromium, served, request, size, path):
    page = page_at(chromium, served, request, size, path)
    assert page.evaluate(SIDEWAYS, 2 * SIZES[size]["height"]) == []


def test_every_table_of_the_analysis_fits_a_phone(chromium, served, request):
    page = page_at(chromium, served, request, "phone", "analysis/")
    for summary in page.locator("details > summary").all():
        summary.click()
    assert page.evaluate(SIDEWAYS, 10**6) == []
    # Each row's cells say what they are: the column's name before the value.
    label = page.evaluate("getComputedStyle(document.querySelector('table[data-table=voice] td[data-label]'), '::before').content")
    assert label == '"The article reports: "'


def test_a_tapped_mark_on_a_phone_goes_to_the_words_it_counts(chromium, served, request):
    page = page_at(chromium, served, request, "phone", "analysis/")
    mark = page.locator("#chart-actors tbody td a").first
    mark.scroll_into_view_if_needed()
    wanted = urljoin(page.url, mark.get_attribute("href"))
    mark.tap()
    page.wait_for_url(wanted)
    # Instant navigation changes the address before it swaps the page in: wait for the words.
    expect(page.locator(f"[id='{wanted.split('#')[1]}']")).to_be_visible()
    expect(page.locator("h1#article-title")).to_have_count(1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violations_on_a_phone(chromium, served, request, path, scheme):
    page = page_at(chromium, served, request, "phone", path, scheme)
    assert axe_violations(page) == []


def test_print_shows_every_picture_from_a_phone(chromium, served, request):
    page = page_at(chromium, served, request, "phone", "analysis/")
    page.emulate_media(media="print")
    boxes = page.evaluate("[...document.querySelectorAll('figure.chart')].map(f => [f.id, f.getBoundingClientRect().width, f.getBoundingClientRect().height])")
    assert len(boxes) == 5 and all(width > 200 and height > 50 for _, width, height in boxes), boxes


ARTICLES = [path for path in PAGES if path.startswith("articles/")]


@pytest.mark.parametrize("path", ARTICLES)
def test_an_articles_first_words_are_in_its_first_screen_on_a_phone(chromium, served, request, path):
    page = page_at(chromium, served, request, "phone", path)
    first = page.locator(".article-text p").first.bounding_box()
    # The first line of the first paragraph is inside the first screen, under the headline and
    # the header's essentials (source, date and length).
    assert first["y"] + 24 <= SIZES["phone"]["height"], first
    for essential in ("h1#article-title", ".article-source", ".article-date", ".article-words"):
        box = page.locator(essential).bounding_box()
        assert box and box["y"] + box["height"] <= first["y"], essential
    # The summary and the tags follow the text there, and no tag chip is above it.
    summary, text = page.locator(".article-summary").bounding_box(), page.locator(".article-text").bounding_box()
    assert summary["y"] >= text["y"] + text["height"]
    chips = page.locator(".md-tag")
    assert chips.count() > 0
    assert all(chips.nth(i).bounding_box()["y"] > text["y"] + text["height"] for i in range(chips.count()))
    assert page.locator(".article-tags a", has_text="what makes a tag").get_attribute("href").endswith("tags/")


@pytest.mark.parametrize("path", ARTICLES)
def test_on_a_desktop_the_summary_stays_above_the_text(chromium, served, request, path):
    page = page_at(chromium, served, request, "desktop", path)
    summary, text = page.locator(".article-summary").bounding_box(), page.locator(".article-text").bounding_box()
    assert summary["y"] + summary["height"] <= text["y"]
    # The tags follow the text on every width: one place for them.
    chips = page.locator(".md-tag")
    assert chips.count() > 0 and chips.first.bounding_box()["y"] > text["y"] + text["height"]
