"""Markdown extension: keep an abbreviation's tooltip on its first use in a page only."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class FirstUseProcessor(Treeprocessor):
    """Unwraps every <abbr> after the first of the same text, keeping its words in place.

    Material mounts a tooltip on each <abbr> at page load; an article that says NATO thirty
    times would mount thirty. Style guides define an abbreviation at its first use.
    """

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        seen: set[str] = set()
        for abbr in list(root.iter("abbr")):  # document order
            if abbr.text in seen:
                parent = parents[abbr]
                _unwrap(parent, list(parent).index(abbr))
            seen.add(abbr.text)


class AbbreviationsFirstUse(Extension):
    """Registers the processor after inline parsing (20), where <abbr> elements exist."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(FirstUseProcessor(md), "abbreviations_first_use", 7)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _unwrap(parent: etree.Element, index: int) -> None:
    """Replace parent[index] by its text, joining it to the text before it."""
    child = parent[index]
    words = (child.text or "") + (child.tail or "")
    if index == 0:
        parent.text = (parent.text or "") + words
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + words
    parent.remove(child)


def makeExtension(**kwargs) -> AbbreviationsFirstUse:  # noqa: N802 (Markdown's entry-point name)
    """Entry point for `markdown_extensions: - corpus.extensions.abbreviations`."""
    return AbbreviationsFirstUse(**kwargs)
