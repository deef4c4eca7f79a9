"""Accessibility in a real browser: axe-core on every page in both colour schemes, and the keyboard."""

from __future__ import annotations

import pytest

from browser import transitions_done
from conftest import ROOT
from test_browser_search import first_result

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", "analysis/", "article-index/", "tags/", "articles/nato-in-asia-a-dream-that-can-be-realized/",
         "articles/there-is-no-way-back/", "articles/nato-russia-and-north-korea/", "no-such-page/"]


def axe_violations(page) -> list[str]:
    """Run axe-core (every rule it runs by default, nothing disabled) and describe what fails."""
    assert AXE.is_file(), "axe-core is missing: run `npm ci` (make test does it)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']}: {v['help']} -> {', '.join(n['target'][0] for n in v['nodes'][:3])}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_axe_finds_no_violations(chromium, served, request, path, scheme):
    from browser import new_page

    page = new_page(chromium, served, request, color_scheme=scheme)
    page.goto(served.url + path)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    assert axe_violations(page) == []


def test_axe_sees_the_search_dialog_open(page, served):
    page.goto(served.url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("NATO", delay=20)
    # Checked once the results for the whole word are in and the dialog has faded in.
    first_result(page)
    transitions_done(page)
    assert page.locator(".md-search__output").evaluate("e => getComputedStyle(e).opacity") == "1"
    assert axe_violations(page) == []
    # A result under the pointer is highlighted; its text must still be readable once it is.
    page.locator(".md-search-result__item").first.hover()
    transitions_done(page)
    assert axe_violations(page) == []


def focused(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement;
        // A visually hidden input (Material's palette radios) shows its focus on the label after it.
        const next = e.nextElementSibling;
        const shown = e.getBoundingClientRect().width > 0 || !next || next.tagName !== 'LABEL' ? e : next;
        const s = getComputedStyle(shown);
        return {tag: e.tagName, cls: e.className || '', name: e.getAttribute('aria-label') || e.title || e.textContent.trim().slice(0, 40),
                href: e.getAttribute('href') || '', form: e.closest('form') ? (e.closest('form').hasAttribute('data-palette') ? 'palette' : e.closest('form').getAttribute('data-md-component') || e.closest('form').className) : '',
                outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none',
                visible: shown.getBoundingClientRect().width > 0 } }"""
    )


def test_tab_reaches_search_palette_and_navigation_with_visible_focus(page, served):
    page.goto(served.url + "articles/there-is-no-way-back/")
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        state = focused(page)
        seen.append(state)
        if state["tag"] != "BODY":
            assert state["outline"] or state["shadow"], f"focus not visible on {state}"
    assert any(s["form"] == "search" or "md-search__input" in s["cls"] for s in seen), "search never focused"
    assert any(s["form"] == "palette" for s in seen), "colour toggle never focused"
    assert any("md-nav__link" in s["cls"] and s["href"] for s in seen), "navigation never focused"
