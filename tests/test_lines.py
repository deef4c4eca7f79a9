"""Where the page's passages are in the original: 000's original runs its text in 7 lines, which
the page divides into paragraphs and headings of the site's; the page says so, and each
paragraph's citation gives its line (corpus.read.lines)."""

from __future__ import annotations

import dataclasses
import json

from conftest import DOCS, soup
from corpus.read.articles import load_articles
from corpus.read.lines import line_map, paragraph_lines
from corpus.read.passages import passages

ARTICLES = {article.slug: article for article in load_articles(DOCS)}
DIVIDED = "nato-in-asia-a-dream-that-can-be-realized"


def test_000s_passages_map_to_the_line_of_the_original_they_start_on():
    article = ARTICLES[DIVIDED]
    mapped = line_map(article)
    assert mapped.the_sites and mapped.total == 7
    lines = article.original_text.splitlines()
    for passage in passages(article):
        line = lines[mapped.lines[passage.anchor] - 1]
        # The passage's first words are on that line; a heading sits inside it, not on a line of its own.
        assert " ".join(passage.text.split()[:6]) in " ".join(line.split()), passage.anchor
    heading = "will-japans-inclusion-increase-chinas-threat"
    assert mapped.lines[heading] == 4 and lines[3].strip() != passages(article)[[p.anchor for p in passages(article)].index(heading)].text
    assert paragraph_lines(article) == {a: n for a, n in mapped.lines.items() if a.startswith("p")}
    assert paragraph_lines(article)["p9"] == 7


def test_an_article_whose_paragraphs_are_its_lines_is_not_the_sites_division():
    for slug in ("there-is-no-way-back", "nato-russia-and-north-korea"):
        assert not line_map(ARTICLES[slug]).the_sites and paragraph_lines(ARTICLES[slug]) == {}
    # Join two of its paragraphs into one, and the division becomes the site's.
    article = ARTICLES["nato-russia-and-north-korea"]
    blocks = article.body.split("\n\n")
    joined = dataclasses.replace(article, body="\n\n".join([blocks[0] + " " + blocks[1], *blocks[2:]]))
    assert line_map(joined).the_sites and paragraph_lines(joined)["p2"] == 3


def test_the_page_says_whose_division_it_is_and_carries_the_line_of_each_paragraph(site):
    page = soup(site / "articles" / DIVIDED / "index.html")
    row = page.select_one(".article-division")
    assert row is not None and "the original runs its text, headings included, in 7 lines" in row.get_text(" ", strip=True)
    lines = json.loads(page.select_one("template.paragraph-citation")["data-lines"])
    assert lines == paragraph_lines(ARTICLES[DIVIDED])
    other = soup(site / "articles" / "there-is-no-way-back" / "index.html")
    assert other.select_one(".article-division") is None
    assert not other.select_one("template.paragraph-citation").has_attr("data-lines")
