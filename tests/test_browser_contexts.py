"""Words in context in a real browser: typing a word lists as many lines as the originals hold,
each linking to the paragraph that holds it; sorting, the article filter, exact and beginning-with
matching, shared links, the keyboard, links from the analysis, axe in both schemes."""

from __future__ import annotations

from collections import Counter
from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup

import originals
from conftest import DOCS
from corpus.text import html_text, normalise
from test_browser_accessibility import axe_violations

pytestmark = pytest.mark.browser

PAGE = "contexts/"
ARTICLE = "there-is-no-way-back"


def lines(page) -> list[dict]:
    """The lines listed, in order: article, position, anchor, the four cells and the link."""
    return page.evaluate("""() => [...document.querySelectorAll('table[data-contexts-lines] tbody tr')].map(row => ({
        article: row.dataset.article, position: Number(row.dataset.position), anchor: row.dataset.anchor,
        left: row.cells[0].textContent, word: row.cells[1].textContent, right: row.cells[2].textContent,
        place: row.cells[3].textContent, href: row.cells[3].querySelector('a').href}))""")


def settled(page) -> str:
    """Wait until the lines are listed (or none found), and return what the status says."""
    # Instant navigation changes the address before it swaps the page in: until then there is
    # no status to read, and the wait goes on.
    page.wait_for_function("""() => { const e = document.querySelector('[data-contexts-status]');
        return e !== null && /^(No line|\\d[\\d,]* lines? )/.test(e.textContent); }""")
    return page.locator("[data-contexts-status]").inner_text()


def ready(page, url: str) -> None:
    """Open the contexts page and wait for its code (loaded by contexts.js) to take the form over."""
    page.goto(url)
    page.wait_for_selector("form[data-contexts][data-ready]", state="attached")


def search(page, typed: str, stem: bool = False) -> str:
    page.locator("input[name=q]").fill(typed)
    page.locator(f"input[name=match][value={'stem' if stem else 'exact'}]").check()
    page.locator("input[name=q]").press("Enter")
    return settled(page)


def paragraph_texts(served, slug: str) -> dict[str, str]:
    """The text of every element with an id on an article's built page."""
    page = BeautifulSoup((served.root / "articles" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
    return {element["id"]: " ".join(normalise(html_text(str(element))).split()) for element in page.find_all(id=True)}


def test_typing_a_word_lists_each_occurrence_linked_to_its_paragraph(page, served):
    ready(page, served.url + PAGE)
    for typed in ("NATO", "the", "Asia-Pacific", "the United States"):
        status = search(page, typed)
        expected = originals.counts(DOCS, typed)
        found = lines(page)
        assert len(found) == sum(expected.values()) and Counter(line["article"] for line in found) == expected, typed
        assert status.startswith(f"{sum(expected.values()):,} lines for “{typed}”"), status
        texts = {}
        for line in found:
            url = urlparse(line["href"])
            assert url.path == f"{served.base}articles/{line['article']}/" and url.fragment == line["anchor"]
            place = texts.setdefault(line["article"], paragraph_texts(served, line["article"]))
            assert line["anchor"] in place, line
            assert normalise(line["word"]) in place[line["anchor"]], line
            assert " ".join(normalise(line["left"]).split()) in place[line["anchor"]], line
            assert originals.folded(line["word"].split()[0]) == originals.folded(typed.split()[0]), line
    assert page.watched.outside == [] and page.watched.failed == [] and page.watched.console == []


def test_nothing_is_fetched_until_a_search_and_one_search_stays_small(page, served):
    fetched, code = [], []
    page.on("response", lambda r: "/contexts/data/" in r.url and fetched.append(r))
    page.on("request", lambda r: r.url.endswith("/contexts-page.js") and code.append(r.url))
    # Other pages load none of the page's code.
    page.goto(served.url + "analysis/")
    page.wait_for_load_state("networkidle")
    assert code == [] and fetched == []
    ready(page, served.url + PAGE)
    page.wait_for_load_state("networkidle")
    assert len(code) == 1 and fetched == []
    search(page, "the")
    assert 2 <= len(fetched) <= 9
    assert sum(len(r.body()) for r in fetched) < 400_000


def test_show_more_lines_fetches_the_next_batch(page, served):
    # One data file a batch (the index file says how many), so that words beginning with "t",
    # in three files, come in three batches.
    def one_file_a_batch(route):
        response = route.fetch()
        route.fulfill(response=response, json={**response.json(), "batch": 1})

    page.route("**/contexts/data/index.json", one_file_a_batch)
    ready(page, served.url + PAGE)
    expected = sum(originals.counts(DOCS, "t", stem=True).values())
    status = search(page, "t", stem=True)
    more = page.locator("button[data-contexts-more]")
    assert more.is_visible() and f" of {expected:,} for “t”" in status, status
    listed = [len(lines(page))]
    while more.is_visible():
        more.focus()
        page.keyboard.press("Enter")
        page.wait_for_function(f"document.querySelectorAll('table[data-contexts-lines] tbody tr').length > {listed[-1]}")
        settled(page)
        listed.append(len(lines(page)))
    assert len(listed) == 3 and listed[-1] == expected
    assert page.locator("[data-contexts-status]").inner_text().startswith(f"{expected:,} lines for “t”")
    # In collection order once all are in: articles in the article index's order, as the page says.
    order = [(line["article"], line["position"]) for line in lines(page)]
    page.goto(served.url + "article-index/")
    articles = page.evaluate("""() => [...document.querySelectorAll('table[data-article-index] tbody tr')]
        .map(row => row.querySelector('a[href*="articles/"]').pathname.split('/').filter(Boolean).pop())""")
    assert len(articles) == len(originals.own_lines(DOCS))
    assert order == sorted(order, key=lambda key: (articles.index(key[0]), key[1]))


def test_words_beginning_with_finds_every_form_and_exact_only_the_word(page, served):
    ready(page, served.url + PAGE)
    assert search(page, "escalat").startswith("No line for “escalat” (exact word)")
    assert not page.locator("table[data-contexts-lines]").count()
    status = search(page, "escalat", stem=True)
    expected = originals.counts(DOCS, "escalat", stem=True)
    found = lines(page)
    assert len(found) == sum(expected.values()) >= 3
    assert {line["word"].lower() for line in found} >= {"escalating", "escalate", "escalation"}
    assert "words beginning with" in status
    assert parse_qs(urlparse(page.url).query) == {"q": ["escalat"], "match": ["stem"]}
    # Match case: "The" is not "the"; unticking it searches again.
    page.locator("input[name=case]").check()
    search(page, "The")
    assert len(lines(page)) == sum(originals.counts(DOCS, "The", match_case=True).values())
    assert {line["word"] for line in lines(page)} == {"The"}
    page.locator("input[name=case]").uncheck()
    page.wait_for_function("document.querySelectorAll('table[data-contexts-lines] tbody tr').length > 200")
    settled(page)
    assert len(lines(page)) == sum(originals.counts(DOCS, "the").values()) > sum(originals.counts(DOCS, "The", match_case=True).values())


def test_lines_sort_by_the_words_before_or_after_and_filter_by_article(page, served):
    ready(page, served.url + PAGE)
    search(page, "NATO")
    order = [(line["article"], line["position"]) for line in lines(page)]
    words = lambda text: [w.lower() for w in originals.WORD.findall(text)]
    page.select_option("select[name=sort]", "left")
    keys = [" ".join(reversed(words(line["left"]))) for line in lines(page)]
    assert keys == sorted(keys) and len(set(keys)) > 10
    page.select_option("select[name=sort]", "right")
    keys = [" ".join(words(line["right"])) for line in lines(page)]
    assert keys == sorted(keys)
    page.select_option("select[name=sort]", "")
    assert [(line["article"], line["position"]) for line in lines(page)] == order
    # The article filter lists the articles with lines, with their counts.
    expected = originals.counts(DOCS, "NATO")
    options = page.locator("select[name=article] option").all_inner_texts()
    assert len(options) == len(expected) + 1 and options[0] == "All articles"
    page.select_option("select[name=article]", ARTICLE)
    shown = lines(page)
    assert {line["article"] for line in shown} == {ARTICLE} and len(shown) == expected[ARTICLE]
    assert f"Showing the {expected[ARTICLE]} lines in the article chosen" in page.locator("[data-contexts-status]").inner_text()
    assert parse_qs(urlparse(page.url).query)["article"] == [ARTICLE]


def test_a_shared_link_reproduces_the_view(page, served, chromium, request):
    from browser import new_page

    ready(page, served.url + PAGE)
    search(page, "escalat", stem=True)
    page.select_option("select[name=sort]", "right")
    page.select_option("select[name=article]", "nato-russia-and-north-korea")
    view = lines(page)
    shared = page.url
    assert parse_qs(urlparse(shared).query) == {
        "q": ["escalat"], "match": ["stem"], "sort": ["right"], "article": ["nato-russia-and-north-korea"]}
    other = new_page(chromium, served, request)
    other.goto(shared)
    settled(other)
    assert lines(other) == view
    assert other.locator("input[name=q]").input_value() == "escalat"
    assert other.locator("input[name=match][value=stem]").is_checked()
    # Material's search, which also reads ?q=, stays shut, and the address keeps the view.
    assert not other.locator("#__search").is_checked()
    assert other.url == shared
    # A phrase and several words at once, matching case.
    other.goto(served.url + PAGE + "?q=the+United+States%2C+Washington&case=1")
    status = settled(other)
    expected = originals.counts(DOCS, "the United States", match_case=True) + originals.counts(DOCS, "Washington", match_case=True)
    assert Counter(line["article"] for line in lines(other)) == expected
    assert "“the United States” (" in status and "matching case" in status
    assert any(line["word"] == "the United States" for line in lines(other))


def test_the_page_works_from_the_keyboard(page, served):
    ready(page, served.url + PAGE)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "q":
            break
    else:
        pytest.fail("Tab never reached the word field")
    page.keyboard.type("escalation")
    page.keyboard.press("Enter")
    settled(page)
    assert len(lines(page)) == sum(originals.counts(DOCS, "escalation").values())
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('table[data-contexts-lines]')"):
            break
    else:
        pytest.fail("Tab never reached the lines")
    style = page.evaluate("(s => [s.outlineStyle, s.boxShadow])(getComputedStyle(document.activeElement))")
    assert style[0] != "none" or style[1] != "none", style
    href = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/articles/**#*")
    anchor = href.split("#")[1]
    page.locator(f"[id='{anchor}']").wait_for(state="visible")
    assert page.url.endswith("#" + anchor)


def test_an_actor_name_on_the_analysis_opens_its_lines(page, served):
    page.goto(served.url + "analysis/")
    page.locator("table[data-table=actor]").locator("xpath=ancestor::details/summary").click()
    page.locator("table[data-table=actor] th a", has_text="United States").click()
    page.wait_for_url("**/contexts/?q=*")
    status = settled(page)
    expected = Counter()
    for alias in ("United States", "US", "U.S.", "Washington", "American", "Americans"):
        expected += originals.counts(DOCS, alias, match_case=True)
    assert Counter(line["article"] for line in lines(page)) == expected
    assert status.startswith(f"{sum(expected.values())} lines for “United States” (")
    assert not page.locator("#__search").is_checked()
    # A distinctive word opens its lines too.
    page.goto(served.url + "analysis/")
    word = page.locator("table[data-table=keyword] a.keyword:not([href*='case=1'])").first
    typed = word.text_content()
    assert typed.strip()
    word.click()
    page.wait_for_url("**/contexts/?q=*")
    settled(page)
    assert len(lines(page)) == sum(originals.counts(DOCS, typed).values()) > 0
    # With JavaScript, the prompt shows until a word is typed.
    page.goto(served.url + PAGE)
    page.wait_for_selector("form[data-contexts][data-ready]", state="attached")
    assert page.locator("[data-contexts-status]").inner_text() == "Type a word or phrase, then press Enter."


def test_overlapping_forms_list_each_place_once(page, served):
    ready(page, served.url + PAGE)
    status = search(page, "Donald Trump, Trump")
    found = lines(page)
    assert status.startswith("8 lines for “Donald Trump” (4), “Trump” (4) (exact words)"), status
    assert len(found) == sum(originals.counts(DOCS, "Trump").values()) == 8
    assert len({(line["article"], line["anchor"], line["position"]) for line in found}) == 8
    assert sorted(originals.folded(line["word"], match_case=True) for line in found) == ["Donald Trump"] * 4 + ["Trump"] * 4
    status = search(page, "Japan, Japan's")
    assert "“Japan's” (listed under “Japan”)" in status and "(0)" not in status, status
    status = search(page, "Japan, Japanese", stem=True)
    assert "“Japanese” (listed under “Japan”)" in status, status


def test_every_actor_link_on_the_analysis_lists_as_many_lines_as_the_analysis_counts(page, served):
    page.goto(served.url + "analysis/")
    analysis = page.request.get(served.url + "analysis.json").json()
    slugs = [row["slug"] for row in analysis["articles"]]
    # Each row's counts, in the table's columns: an article each, in the collection's order.
    actors = page.evaluate("""() => [...document.querySelectorAll('table[data-table=actor] tbody tr')].map(row => ({
        name: row.dataset.actor, href: row.querySelector('th a').href,
        counts: [...row.querySelectorAll('td.count')].map(td => Number(td.textContent.trim().split(' ')[0])),
        total: Number(row.querySelector('td.number').textContent)}))""")
    assert len(actors) > 30
    for actor in actors:
        actor["counts"] = {slug: count for slug, count in zip(slugs, actor["counts"], strict=True) if count}
        page.goto(actor["href"])
        status = settled(page)
        found = Counter(line["article"] for line in lines(page))
        assert found == Counter(actor["counts"]) and sum(found.values()) == actor["total"] >= 1, (actor["name"], status)
        assert status.startswith(f"{actor['total']} line"), status
    assert page.watched.console == []


@pytest.mark.parametrize("width", [1280, 360])
def test_the_place_of_each_line_is_never_cut(chromium, served, request, width):
    from browser import new_page

    page = new_page(chromium, served, request, viewport={"width": width, "height": 800})
    page.goto(served.url + PAGE + "?q=NATO")
    settled(page)
    # Where the words of the place ("paragraph 3") are laid out, against the cell that clips them.
    places = page.evaluate("""() => [...document.querySelectorAll('table[data-contexts-lines] td.contexts-place')].map(cell => {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        const texts = [];
        while (walker.nextNode()) texts.push(walker.currentNode);
        const node = texts.find(text => /^(paragraph \\d+|headline|heading)\\b/.test(text.textContent)) || texts[0];
        const found = /^(paragraph \\d+|headline|heading)\\b/.exec(node.textContent);
        const range = document.createRange();
        range.selectNodeContents(node);
        if (found) range.setEnd(node, found[0].length);
        const [c, r] = [cell.getBoundingClientRect(), range.getBoundingClientRect()];
        const style = getComputedStyle(cell);
        const [left, right] = [c.left + parseFloat(style.paddingLeft), c.right - parseFloat(style.paddingRight)];
        return {place: found ? found[0] : null, link: cell.textContent, inside: r.left >= left - 0.5 && r.right <= right + 0.5, width: r.width};
    })""")
    assert places
    for place in places:
        assert place["place"] and place["link"].startswith(place["place"] + ", "), place
        assert place["inside"] and place["width"] > 0, place
    # The longest title is cut short to make room.
    assert any(", There is no way back?" in place["link"] for place in places)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_lines_listed(chromium, served, request, scheme):
    from browser import new_page

    page = new_page(chromium, served, request, color_scheme=scheme)
    ready(page, served.url + PAGE)
    assert axe_violations(page) == []
    page.goto(served.url + PAGE + "?q=NATO&sort=left")
    settled(page)
    assert page.locator("select[name=article]").is_visible()
    assert axe_violations(page) == []


def test_on_a_phone_the_lines_scroll_in_their_box(phone, served):
    phone.goto(served.url + PAGE + "?q=Japan")
    settled(phone)
    width = phone.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], width
    box = phone.evaluate("(e => [e.scrollWidth, e.clientWidth])(document.querySelector('[data-contexts-results]'))")
    assert box[0] > box[1]


def test_without_javascript_the_page_is_a_form_that_says_so(chromium, served, request):
    from browser import new_page

    page = new_page(chromium, served, request, java_script_enabled=False)
    page.goto(served.url + PAGE + "?q=NATO")
    assert page.locator("input[name=q]").is_visible()
    assert "needs JavaScript" in page.locator("article").inner_text()
    assert not page.locator("table[data-contexts-lines]").count()
    # Nothing asks to type and press Enter, which would do nothing.
    assert not page.locator("[data-contexts-status]").is_visible()
    assert "press Enter" not in page.locator("article").inner_text()


@pytest.fixture(scope="module")
def injected_served(tmp_path_factory):
    """The site with an article whose title and text carry markup (tests/test_escaping.py), served."""
    from conftest import BASE_PATH, run_mkdocs_build
    from pages_server import PagesServer, free_port
    from project import copy_project
    from test_escaping import write_injected_project

    project = copy_project(tmp_path_factory.mktemp("injected-contexts") / "project")
    write_injected_project(project)
    port = free_port()
    site = project / "out"
    result = run_mkdocs_build(project, site, site_url=f"http://127.0.0.1:{port}{BASE_PATH}")
    assert result.returncode == 0, result.stderr
    with PagesServer(site, BASE_PATH, port) as server:
        yield server


def test_markup_in_a_title_or_the_text_is_listed_as_text(chromium, injected_served, request):
    from browser import new_page
    from test_escaping import MARKUP, SLUG, payload

    page = new_page(chromium, injected_served, request)
    page.goto(injected_served.url + PAGE + "?q=data-injected")
    settled(page)
    found = [line for line in lines(page) if line["article"] == SLUG]
    assert found and all(line["place"].split(", ", 1)[1].startswith(payload("Title")) for line in found)
    assert any("<img src=x" in line["left"] + line["word"] + line["right"] for line in found), found
    assert MARKUP.split()[0] in page.locator("table[data-contexts-lines]").inner_text()
    assert page.evaluate("document.querySelectorAll('[data-injected], [onerror]').length") == 0
    page.select_option("select[name=article]", SLUG)
    assert page.evaluate("document.querySelectorAll('[data-injected], [onerror]').length") == 0
    assert page.watched.console == []
