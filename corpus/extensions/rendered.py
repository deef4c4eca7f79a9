"""Markdown extension: HTML the stage has already rendered reaches the page as it is, unparsed.

The stage writes each part of a page it renders itself (an article's header, the analysis page's
sections) between a line `<!-- rendered -->` and a line `<!-- /rendered -->`. Before any other
preprocessor reads the page (MkDocs' scan of raw HTML for anchors runs at 21, Python-Markdown's
HTML block parser at 20), the block goes into Markdown's stash, which puts it back unchanged at the
end. Neither HTML parser reads it, and a build costs what the page's Markdown costs."""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The lines that open and close a block of rendered HTML.
OPEN = "<!-- rendered -->"
CLOSE = "<!-- /rendered -->"

# Markdown's stash placeholder, and the number of the block it stands for.
PLACEHOLDER = re.compile("\x02wzxhzdk:(\\d+)\x03")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class RenderedPreprocessor(Preprocessor):
    """Stores each block of rendered HTML in the stash; the page keeps a placeholder, a paragraph
    of its own that Markdown replaces with the block as it was."""

    def run(self, lines: list[str]) -> list[str]:
        kept: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None:
                if line.strip() == OPEN:
                    block = []
                else:
                    kept.append(line)
            elif line.strip() == CLOSE:
                kept += ["", self.md.htmlStash.store("\n".join(block)), ""]
                block = None
            else:
                block.append(line)
        # A block left open is not the stage's: the page keeps it as written.
        return kept + ([OPEN] + block if block is not None else [])


class Rendered(Extension):
    """Registers the preprocessor after whitespace is normalised (30) and before any HTML parser (21)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(RenderedPreprocessor(md), "rendered_html", 25)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def block(html: str) -> str:
    """Rendered HTML as a block of a page's Markdown, which the extension keeps as it is."""
    return f"{OPEN}\n{html.strip()}\n{CLOSE}\n"


def stashed(md: Markdown, text: str) -> str | None:
    """The HTML a paragraph stands for when it holds only a stash placeholder, or None."""
    match = PLACEHOLDER.fullmatch(text.strip())
    if not match or int(match.group(1)) >= len(md.htmlStash.rawHtmlBlocks):
        return None
    return str(md.htmlStash.rawHtmlBlocks[int(match.group(1))])


def makeExtension(**kwargs) -> Rendered:  # noqa: N802 (Markdown's entry-point name)
    """Entry point for `markdown_extensions: - corpus.extensions.rendered`."""
    return Rendered(**kwargs)
