"""Turn article text and rendered HTML into comparable words."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Typography the site may apply (SmartyPants, symbols) mapped back to the plain
# characters the originals use, so that a curly quote is not a changed word.
TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "--",
        "\u2014": "---",
        "\u00a0": " ",
    }
)

# Elements that end a run of text: their boundary is a word boundary.
BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)

# Elements that the site adds and that are never the article's words.
SITE_CLASSES = frozenset({"headerlink", "paralink"})

# HTML elements that have no end tag.
VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())

WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]")
LOWER_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")

# A sentence ends at ., ! or ? (and any closing quote) before a capital or a digit.
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'\u201d\u2019]))\s+(?=[\"'\u201c\u2018]?[A-Z0-9])")

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Return text with the site's typography undone ('…' -> '...', curly -> straight)."""
    return text.translate(TYPOGRAPHY).replace("\u2026", "...")


def tokens(text: str) -> list[str]:
    """Split text into whitespace-separated tokens after undoing typography."""
    return normalise(text).split()


def words(text: str) -> list[str]:
    """Return the words of a text (letters, inner apostrophes and hyphens), as written."""
    return WORD.findall(normalise(text))


def lower_words(text: str, normalised: bool = False) -> list[str]:
    """Lower-case words for counting and comparison, possessive 's removed; `normalised` says
    the text's typography is undone already (normalise)."""
    return [w[:-2] if w.endswith("'s") else w for w in LOWER_WORD.findall((text if normalised else normalise(text)).lower())]


def sentences(text: str) -> list[str]:
    """Split a passage into sentences at ., ! or ? followed by a capital or digit."""
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def html_text(html: str) -> str:
    """Return the visible text of an HTML fragment, leaving out site-added permalinks."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


# -----------------------------------------------------------------------------
# Helper classes
# -----------------------------------------------------------------------------


class _TextParser(HTMLParser):
    """Collects text nodes, breaking words at block elements and skipping permalinks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        # Open elements, each with whether its text is left out.
        self._open: list[tuple[str, bool]] = []

    def _skipping(self) -> bool:
        return bool(self._open) and self._open[-1][1]

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append(" ")
        if tag in VOID_TAGS:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skip = self._skipping() or bool(classes & SITE_CLASSES) or tag in ("script", "style")
        self._open.append((tag, skip))

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.parts.append(" ")
        if not any(open_tag == tag for open_tag, _ in self._open):
            return
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if not self._skipping():
            self.parts.append(data)
