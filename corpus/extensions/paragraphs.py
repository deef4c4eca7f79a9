"""Markdown extension: give each paragraph of an article's text a stable id and a permalink."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from corpus.extensions.rendered import stashed

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Paragraph n of a page is addressed as #p<n>, counting from 1 the top-level paragraphs, or, on
# a page that marks its article's text (<div class="article-text">, rendered by the stage around
# it, or <div class="article-text" markdown>), that text's own.
ID_PREFIX = "p"
LINK_CLASS = "paralink"
TEXT_CLASS = "article-text"
# The opening of the wrapper, as the stage renders it.
WRAPPER = re.compile(r'<div class="article-text"[ >]')

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class ParagraphAnchorsProcessor(Treeprocessor):
    """Numbers the article text's <p> elements and appends a permalink to each."""

    def run(self, root: etree.Element) -> None:
        number = 0
        for element in self.article_text(root):
            if element.tag != "p" or not _has_text(element):
                continue
            number += 1
            anchor = element.get("id") or f"{ID_PREFIX}{number}"
            element.set("id", anchor)
            link = etree.SubElement(element, "a")
            link.set("class", LINK_CLASS)
            link.set("href", f"#{anchor}")
            # No title: Material would mount a tooltip on every paragraph at page load.
            link.set("aria-label", f"Link to paragraph {number}")
            # The ¶ is drawn by the stylesheet: as text, both engines' search would index it
            # at the end of every paragraph, and a copied paragraph would carry it.

    def article_text(self, root: etree.Element) -> list[etree.Element]:
        """The elements of the article's text: those between the stage's rendered opening of its
        wrapper (<div class="article-text">) and the block that closes it, or those inside a
        wrapper Markdown parsed (md_in_html); without a wrapper, the page's own."""
        children = list(root)
        for i, child in enumerate(children):
            if child.tag == "div" and TEXT_CLASS in (child.get("class") or "").split():
                return list(child)
            html = stashed(self.md, child.text or "") if child.tag == "p" and len(child) == 0 else None
            if html is not None and WRAPPER.match(html) and html.rstrip().endswith("</div>"):
                return []  # the text rendered whole, its paragraphs numbered already
            if html is not None and WRAPPER.match(html):
                rest = children[i + 1:]
                end = next((j for j, c in enumerate(rest) if c.tag == "p" and len(c) == 0
                            and (stashed(self.md, c.text or "") or "").strip() == "</div>"), len(rest))
                return rest[:end]
        return children


class ParagraphAnchors(Extension):
    """Registers the processor after inline parsing (20) and before MkDocs collects anchors (5)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(ParagraphAnchorsProcessor(md), "paragraph_anchors", 6)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _has_text(element: etree.Element) -> bool:
    """Whether a paragraph holds text of its own.

    Abbreviation lists leave empty paragraphs, and a raw HTML block sits in a paragraph that
    holds only its placeholder until Markdown puts the HTML back: neither is a paragraph.
    """
    text = "".join(element.itertext()).strip()
    return bool(text) and not (len(element) == 0 and HTML_PLACEHOLDER_RE.fullmatch(text))


def makeExtension(**kwargs) -> ParagraphAnchors:  # noqa: N802 (Markdown's entry-point name)
    """Entry point for `markdown_extensions: - corpus.extensions.paragraphs`."""
    return ParagraphAnchors(**kwargs)
