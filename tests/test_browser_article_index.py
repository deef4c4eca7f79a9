"""The article index in a real browser: it sorts by title, date and length, and filters by
source and tag; without JavaScript it is a complete table."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def visible_rows(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('table[data-article-index] tbody tr')]
        .filter(row => !row.hidden)
        .map(row => ({title: row.dataset.title, date: row.dataset.date, words: Number(row.dataset.words),
                      source: row.dataset.source, tags: row.dataset.tags.split('|')}))""")


def test_the_index_sorts_by_length_date_and_title(page, served):
    page.goto(served.url + "article-index/")
    heading = page.locator("th[data-sort='words'] button")
    heading.click()
    words = [row["words"] for row in visible_rows(page)]
    assert words == sorted(words) and len(words) == 3
    assert page.locator("th[data-sort='words']").get_attribute("aria-sort") == "ascending"
    heading.click()
    assert [row["words"] for row in visible_rows(page)] == sorted(words, reverse=True)
    page.locator("th[data-sort='date'] button").click()
    dates = [row["date"] for row in visible_rows(page)]
    # Dated articles in order, undated ones last.
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dates[: len(dated)] == dated
    page.locator("th[data-sort='title'] button").click()
    titles = [row["title"] for row in visible_rows(page)]
    assert titles == sorted(titles) or titles == sorted(titles, reverse=True)


def test_the_index_filters_by_source_and_tag(page, served):
    page.goto(served.url + "article-index/")
    page.select_option("select[name='source']", "Mondo Military")
    rows = visible_rows(page)
    assert [row["source"] for row in rows] == ["Mondo Military"]
    assert page.locator("output[name='shown']").inner_text() == "1 of 3 articles"
    page.select_option("select[name='source']", "")
    page.select_option("select[name='tag']", "A possible return of Donald Trump")
    rows = visible_rows(page)
    assert rows and all("A possible return of Donald Trump" in row["tags"] for row in rows) and len(rows) < 3


def test_without_javascript_the_index_is_a_complete_table(chromium, served, request):
    from browser import new_page

    page = new_page(chromium, served, request, java_script_enabled=False)
    page.goto(served.url + "article-index/")
    assert page.locator("table[data-article-index] tbody tr").count() == 3
    # The controls need the script, so they stay hidden without it.
    assert not page.locator("form[data-article-index-controls]").is_visible()
