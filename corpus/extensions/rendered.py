"""Markdown extension: HTML the stage has already rendered reaches the page as it is, unparsed.

The stage writes each part of a page it renders itself (an article's header and text, the analysis
page's sections) between a line `<!-- rendered -->` and a line `<!-- /rendered -->`. Before any
other preprocessor reads the page (MkDocs' scan of raw HTML for anchors runs at 21, Python-Markdown's
HTML block parser at 20), the block goes into Markdown's stash, which puts it back unchanged at the
end. Neither HTML parser reads it, and a build costs what the page's Markdown costs.

A block that holds headings says so on its first line (`<!-- rendered toc=[...] -->`, the toc
extension's entries of them, as JSON); they join the page's table of contents in their place."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.extensions.toc import nest_toc_tokens
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The lines that open and close a block of rendered HTML.
OPEN = "<!-- rendered -->"
CLOSE = "<!-- /rendered -->"

# The opening line, with the block's headings (JSON) when it has any.
OPENING = re.compile(r"<!-- rendered(?: toc=(\[.*\]))? -->")
HEADING = re.compile(r"h[1-6]")

# Markdown's stash placeholder, and the number of the block it stands for.
PLACEHOLDER = re.compile("\x02wzxhzdk:(\\d+)\x03")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class RenderedPreprocessor(Preprocessor):
    """Stores each block of rendered HTML in the stash; the page keeps a placeholder, a paragraph
    of its own that Markdown replaces with the block as it was. The headings a block declares are
    kept by its place in the stash (`headings`)."""

    def __init__(self, md: Markdown, headings: dict[int, list[dict]]) -> None:
        super().__init__(md)
        self.headings = headings

    def run(self, lines: list[str]) -> list[str]:
        self.headings.clear()
        kept: list[str] = []
        block: list[str] | None = None
        opening = ""
        for line in lines:
            if block is None:
                match = OPENING.fullmatch(line.strip())
                if match:
                    block, opening = [], line
                    toc = json.loads(match.group(1)) if match.group(1) else []
                else:
                    kept.append(line)
            elif line.strip() == CLOSE:
                placeholder = self.md.htmlStash.store("\n".join(block))
                if toc:
                    self.headings[int(PLACEHOLDER.fullmatch(placeholder).group(1))] = toc
                kept += ["", placeholder, ""]
                block = None
            else:
                block.append(line)
        # A block left open is not the stage's: the page keeps it as written.
        return kept + ([opening] + block if block is not None else [])


class RenderedHeadings(Treeprocessor):
    """Puts the headings of rendered blocks into the page's table of contents (the toc
    extension's `toc_tokens`, which MkDocs and Zensical read), in their place among its own."""

    def __init__(self, md: Markdown, headings: dict[int, list[dict]]) -> None:
        super().__init__(md)
        self.headings = headings

    def run(self, root: etree.Element) -> None:
        if not self.headings or not hasattr(self.md, "toc_tokens"):
            return
        own = {token["id"]: token for token in _flat(self.md.toc_tokens)}
        entries = []
        for element in root:
            if isinstance(element.tag, str) and HEADING.fullmatch(element.tag) and element.get("id") in own:
                entries.append(own[element.get("id")])
            elif element.tag == "p" and len(element) == 0:
                match = PLACEHOLDER.fullmatch((element.text or "").strip())
                if match:
                    entries += [dict(token, children=[]) for token in self.headings.get(int(match.group(1)), [])]
        self.md.toc_tokens = nest_toc_tokens(entries)


class Rendered(Extension):
    """Registers the preprocessor after whitespace is normalised (30) and before any HTML parser
    (21), and the headings' treeprocessor after the toc extension's (5)."""

    def extendMarkdown(self, md: Markdown) -> None:
        headings: dict[int, list[dict]] = {}
        md.preprocessors.register(RenderedPreprocessor(md, headings), "rendered_html", 25)
        md.treeprocessors.register(RenderedHeadings(md, headings), "rendered_headings", 4)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def block(html: str, toc: list[dict] | None = None) -> str:
    """Rendered HTML as a block of a page's Markdown, which the extension keeps as it is, with
    the toc extension's entries of its headings (flat), which join the page's table of contents."""
    opening = OPEN
    if toc:
        # JSON with every hyphen escaped, so that no "--" ends the comment early.
        tokens = json.dumps([{k: v for k, v in token.items() if k != "children"} for token in toc], ensure_ascii=False)
        opening = "<!-- rendered toc=" + tokens.replace("-", "\\u002d") + " -->"
    return f"{opening}\n{html.strip()}\n{CLOSE}\n"


def flat_toc(tokens: list[dict]) -> list[dict]:
    """The toc extension's nested entries, in document order, each without its children."""
    return [{k: v for k, v in token.items() if k != "children"} for token in _flat(tokens)]


def stashed(md: Markdown, text: str) -> str | None:
    """The HTML a paragraph stands for when it holds only a stash placeholder, or None."""
    match = PLACEHOLDER.fullmatch(text.strip())
    if not match or int(match.group(1)) >= len(md.htmlStash.rawHtmlBlocks):
        return None
    return str(md.htmlStash.rawHtmlBlocks[int(match.group(1))])


def _flat(tokens: list[dict]):
    """Nested toc entries in document order."""
    for token in tokens:
        yield token
        yield from _flat(token.get("children", []))


def makeExtension(**kwargs) -> Rendered:  # noqa: N802 (Markdown's entry-point name)
    """Entry point for `markdown_extensions: - corpus.extensions.rendered`."""
    return Rendered(**kwargs)
