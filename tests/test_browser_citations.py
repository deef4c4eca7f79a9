"""Citing in a real browser: "Cite this article" copies each style's citation, every ¶ offers the
citation with that paragraph's link, both from the keyboard, and axe finds nothing either way."""

from __future__ import annotations

import pytest

from browser import transitions_done
from conftest import DOCS
from corpus.read.articles import load_articles
from corpus.read.lines import paragraph_lines
from corpus.write.citations import STYLES, cite
from test_browser_accessibility import axe_violations

ARTICLES = {article.slug: article for article in load_articles(DOCS)}
SLUG = "there-is-no-way-back"


@pytest.fixture()
def clipboard_page(chromium, served, request):
    from browser import new_page

    page = new_page(chromium, served, request, permissions=["clipboard-read", "clipboard-write"])
    return page


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_each_citation_copies_from_the_header(clipboard_page, served):
    page = clipboard_page
    url = served.url + f"articles/{SLUG}/"
    page.goto(url)
    cited = cite(ARTICLES[SLUG], url, "en")
    page.locator("details#cite > summary").click()
    for (key, name, _, text) in cited.styles:
        block = page.locator(f'.citation[data-style="{key}"]')
        assert block.locator(".citation-style").inner_text() == name
        block.get_by_role("button", name="Copy").click()
        page.locator(".md-dialog--active").wait_for(state="visible")
        assert clipboard(page) == text
        page.locator(".md-dialog--active").wait_for(state="hidden", timeout=5_000)


def test_every_paragraph_copies_its_citation_with_its_own_link(clipboard_page, served):
    page = clipboard_page
    url = served.url + f"articles/{SLUG}/"
    page.goto(url)
    cited = cite(ARTICLES[SLUG], url, "en")
    paragraphs = page.locator(".article-text p[id]")
    buttons = page.get_by_role("button", name="Copy citation with this paragraph's link")
    assert buttons.count() == paragraphs.count() > 3
    third = paragraphs.nth(2)
    anchor = third.get_attribute("id")
    # From the keyboard: the ¶ link, then the button beside it.
    third.locator("a.paralink").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('paracite')")
    # Shown once focused (after its 125 ms fade).
    page.wait_for_function("getComputedStyle(document.activeElement).opacity === '1'", timeout=2_000)
    page.keyboard.press("Enter")
    page.locator(".md-dialog--active").wait_for(state="visible")
    expected = cited.styles[0][3].replace(url, f"{url}#{anchor}")
    assert clipboard(page) == expected
    # Following the copied link lands on that paragraph.
    page.goto(f"{url}#{anchor}")
    assert page.evaluate("location.hash") == f"#{anchor}"
    assert page.locator(f"p#{anchor}").is_visible()
    assert page.watched.console == [] and page.watched.outside == []


def test_where_the_site_divides_the_text_a_paragraphs_citation_gives_its_line_in_the_original(clipboard_page, served):
    # 000's original runs its text in 7 lines; ¶8 of the page starts on its line 6.
    page = clipboard_page
    slug = "nato-in-asia-a-dream-that-can-be-realized"
    url = served.url + f"articles/{slug}/"
    page.goto(url)
    line = paragraph_lines(ARTICLES[slug])["p8"]
    first_words = " ".join(page.locator("p#p8").inner_text().split()[:8])
    assert line == 6 and ARTICLES[slug].original_text.splitlines()[line - 1].startswith(first_words)
    page.locator("p#p8 a.paralink").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.locator(".md-dialog--active").wait_for(state="visible")
    expected = cite(ARTICLES[slug], url, "en").styles[0][3].replace(url, f"{url}#p8")
    assert clipboard(page) == expected + f" Paragraph 8 as the site divides the text; line {line} of the original text."
    # An article whose paragraphs are the original's lines gets no line in its citations.
    assert paragraph_lines(ARTICLES[SLUG]) == {}


def test_instant_navigation_adds_the_buttons_once(page, served):
    page.goto(served.url)
    page.locator(f'a[href$="articles/{SLUG}/"]').first.click()
    page.wait_for_url(f"**/articles/{SLUG}/")
    page.locator("button.paracite").first.wait_for(state="attached")
    per_paragraph = page.evaluate(
        "[...document.querySelectorAll('.article-text p[id]')].map(p => p.querySelectorAll('button.paracite').length)"
    )
    assert per_paragraph and set(per_paragraph) == {1}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_with_the_citations_open_and_a_paragraph_button_shown(chromium, served, request, scheme):
    from browser import new_page

    page = new_page(chromium, served, request, color_scheme=scheme)
    page.goto(served.url + f"articles/{SLUG}/")
    page.locator("details#cite > summary").click()
    page.locator(".article-text p[id]").nth(1).hover()
    page.locator("button.paracite").nth(1).focus()
    assert len(STYLES) == page.locator(".citation").count()
    # Checked once shown: after the paragraph's ¶ link and button have faded in.
    transitions_done(page)
    assert page.locator("button.paracite").nth(1).evaluate("e => getComputedStyle(e).opacity") == "1"
    assert axe_violations(page) == []
