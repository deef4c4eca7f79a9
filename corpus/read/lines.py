"""Where each passage of an article's page starts in its original: the line of the original text
a researcher finds it on, and whether the page's paragraphs and headings are the original's lines
or the site's own division of them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corpus.read.articles import Article
from corpus.read.passages import passages

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LineMap:
    """Each passage's first line in the original (anchor -> line, counted from 1), the number of
    lines the original has, and whether the page divides the text as the original's lines do
    (one line a passage, every line a passage) or in the site's own way."""

    lines: dict[str, int]
    total: int
    the_sites: bool

    @property
    def paragraphs(self) -> dict[str, int]:
        """The original line of each paragraph (anchor `pN`), where the division is the site's."""
        return {a: n for a, n in self.lines.items() if re.fullmatch(r"p\d+", a)} if self.the_sites else {}


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def line_map(article: Article) -> LineMap:
    """The article's line map: its passages matched word by word, in order, to the original's
    words (the character-fidelity check proves they are the same), less its byline and
    dropped lines."""
    original = article.original_text
    furniture = list(article.furniture)
    # The original's words with their line numbers, furniture lines left out (each once, first
    # match, as the text the page shows leaves them out).
    words: list[tuple[str, int]] = []
    for number, line in enumerate(original.splitlines(), 1):
        if line in furniture:
            furniture.remove(line)
            continue
        words += [(word, number) for word in line.split()]
    lines: dict[str, int] = {}
    spans: list[tuple[int, int]] = []
    at = 0
    for passage in passages(article):
        count = len(passage.text.split())
        if not count or at >= len(words):
            continue
        lines[passage.anchor] = words[at][1]
        spans.append((words[at][1], words[min(at + count, len(words)) - 1][1]))
        at += count
    # The original's own division: each passage one whole line, and every line of text a passage.
    text_lines = sorted({number for _, number in words})
    own = all(first == last for first, last in spans) and [first for first, _ in spans] == text_lines
    return LineMap(lines, len([line for line in original.splitlines() if line.strip()]), not own)


def paragraph_lines(article: Article) -> dict[str, int]:
    """The original line of each paragraph (anchor `pN`), where the site divides the text."""
    return line_map(article).paragraphs
