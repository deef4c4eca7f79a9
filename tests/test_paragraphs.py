"""Unit tests of the paragraph-anchor Markdown extension (corpus.paragraphs)."""

from __future__ import annotations

import markdown

from corpus.paragraphs import ParagraphAnchors


def render(text: str) -> str:
    return markdown.markdown(text, extensions=[ParagraphAnchors(), "abbr", "attr_list"])


def test_top_level_paragraphs_are_numbered_with_permalinks():
    html = render("# Head\n\nOne.\n\nTwo.\n\n> quoted\n\nThree.")
    assert '<p id="p1">One.<a aria-label="Link to paragraph 1" class="paralink" href="#p1" title="Link to paragraph 1">¶</a></p>' in html
    assert '<p id="p3">Three.' in html
    # Paragraphs inside a blockquote are not top-level and keep no number.
    assert "<blockquote>\n<p>quoted</p>" in html


def test_an_explicit_id_is_kept_and_abbreviation_lists_do_not_count():
    html = render("Text\n{: #mine }\n\nNATO here.\n\n*[NATO]: North Atlantic Treaty Organization")
    assert '<p id="mine">' in html
    assert '<p id="p2"><abbr title="North Atlantic Treaty Organization">NATO</abbr> here.' in html
