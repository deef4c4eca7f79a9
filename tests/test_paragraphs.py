"""Unit tests of the paragraph-anchor Markdown extension (corpus.extensions.paragraphs)."""

from __future__ import annotations

import markdown

from corpus.extensions.paragraphs import ParagraphAnchors


def render(text: str) -> str:
    return markdown.markdown(text, extensions=[ParagraphAnchors(), "abbr", "attr_list"])


def test_top_level_paragraphs_are_numbered_with_permalinks():
    html = render("# Head\n\nOne.\n\nTwo.\n\n> quoted\n\nThree.")
    assert '<p id="p1">One.<a aria-label="Link to paragraph 1" class="paralink" href="#p1"></a></p>' in html
    assert '<p id="p3">Three.' in html
    # Paragraphs inside a blockquote are not top-level and keep no number.
    assert "<blockquote>\n<p>quoted</p>" in html


def test_an_explicit_id_is_kept_and_abbreviation_lists_do_not_count():
    html = render("Text\n{: #mine }\n\nNATO here.\n\n*[NATO]: North Atlantic Treaty Organization")
    assert '<p id="mine">' in html
    assert '<p id="p2"><abbr title="North Atlantic Treaty Organization">NATO</abbr> here.' in html


def test_an_abbreviation_keeps_its_tooltip_on_first_use_only():
    from corpus.extensions.abbreviations import AbbreviationsFirstUse

    html = markdown.markdown(
        "NATO and *NATO* met.\n\n# NATO again\n\nThe EU and NATO.\n\n*[NATO]: North Atlantic Treaty Organization\n*[EU]: European Union",
        extensions=["abbr", AbbreviationsFirstUse()],
    )
    assert html.count("<abbr") == 2
    assert '<p><abbr title="North Atlantic Treaty Organization">NATO</abbr> and <em>NATO</em> met.</p>' in html
    assert "<h1>NATO again</h1>" in html
    assert '<p>The <abbr title="European Union">EU</abbr> and NATO.</p>' in html


def test_raw_html_blocks_are_not_numbered_as_paragraphs():
    html = render('One.\n\n<div data-x="1"></div>\n\n<!-- note -->\n\nTwo.')
    assert '<div data-x="1"></div>' in html and "<!-- note -->" in html
    assert '<p id="p2">Two.' in html and html.count("paralink") == 2
