"""Unit tests of the fidelity check (corpus.read.fidelity) and the text helpers it rests on."""

from __future__ import annotations

import pytest

from corpus.read.articles import Article, ArticleError
from corpus.read.fidelity import check_fidelity
from corpus.text import html_text, tokens, words


def article(original: str, **fields) -> Article:
    values = dict(
        page="docs/articles/x.md", slug="x", title="Headline here", source="S", original="x.txt",
        summary="s", body="", original_text=original,
    )
    values.update(fields)
    return Article(**values)


ORIGINAL = 'Headline here\nByline line\nIt said "yes" to **?Will it\nComments'


def good_html() -> str:
    return '<p id="p1">It said &quot;yes" to **?Will it<a class="paralink" href="#p1">¶</a></p>'


def test_a_faithful_page_passes():
    check_fidelity(article(ORIGINAL, byline="Byline line", dropped=("Comments",)), good_html())


def test_a_changed_word_is_named_with_its_position():
    html = good_html().replace("said", "says")
    with pytest.raises(ArticleError, match=r"^docs/articles/x\.md: body: word 4 of x\.txt is 'said' but the page has 'says'"):
        check_fidelity(article(ORIGINAL, byline="Byline line", dropped=("Comments",)), html)


@pytest.mark.parametrize("changed, shown", [
    ("&ldquo;yes&rdquo;", "“yes”"),  # a straight quote turned curly
    ('"yes"—', '"yes"—'),  # a dash added
])
def test_a_changed_character_is_a_changed_word(changed, shown):
    html = good_html().replace('&quot;yes"', changed)
    with pytest.raises(ArticleError, match=f"word 5 of x\\.txt is '\"yes\"' but the page has '{shown}'"):
        check_fidelity(article(ORIGINAL, byline="Byline line", dropped=("Comments",)), html)


def test_typographic_markdown_extensions_fail_the_check_of_the_real_articles(tmp_path):
    from project import copy_project

    from corpus.read.project import check_project

    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("markdown_extensions:\n", "markdown_extensions:\n  - smarty\n"))
    problems = check_project(project).problems
    # Every article has a straight quote or apostrophe that smarty would turn curly.
    assert len(problems) == 3 and all(": body: word " in line for line in problems), problems
    assert any("'" in line and "’" in line for line in problems)


def test_a_lost_word_at_the_end_is_refused():
    html = good_html().replace(" it<a", "<a")
    with pytest.raises(ArticleError, match=r"ends after word 7 of x\.txt; word 8 'it' and on are missing"):
        check_fidelity(article(ORIGINAL, byline="Byline line", dropped=("Comments",)), html)


def test_furniture_not_declared_in_dropped_is_a_lost_word():
    with pytest.raises(ArticleError, match="word 9 'Comments' and on are missing"):
        check_fidelity(article(ORIGINAL, byline="Byline line"), good_html())


def test_words_the_page_adds_are_refused():
    html = good_html() + "<p>Extra</p>"
    with pytest.raises(ArticleError, match="adds 'Extra'"):
        check_fidelity(article(ORIGINAL, byline="Byline line", dropped=("Comments",)), html)


def test_markdown_that_eats_characters_is_caught():
    # Unescaped ** would vanish into <strong>: the token '**?Will' is then '?Will'.
    html = good_html().replace("**?Will", "<strong>?Will</strong>")
    with pytest.raises(ArticleError, match=r"is '\*\*\?Will' but the page has '\?Will'"):
        check_fidelity(article(ORIGINAL, byline="Byline line", dropped=("Comments",)), html)


def test_a_supplied_title_is_not_expected_in_the_original():
    original = "Body only\nhere"
    check_fidelity(article(original, title="Ours", title_supplied=True), "<p>Body only</p><p>here</p>")


def test_html_text_breaks_words_at_blocks_and_skips_permalinks():
    html = '<h2 id="a">Head<a class="headerlink" href="#a">¶</a></h2><p>one<abbr title="x">NATO</abbr></p><p>two</p>'
    assert tokens(html_text(html)) == ["Head", "oneNATO", "two"]


def test_typography_is_undone_but_words_are_kept():
    assert tokens("\u201cIt\u2019s\u201d \u2026") == ['"It\'s"', "..."]
    assert words("Japan's self-reliance, 21st-century") == ["Japan's", "self-reliance", "st-century"]
