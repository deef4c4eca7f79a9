"""An independent reading of the originals for the words-in-context tests: each article's own
lines (docs/sources/ less the byline and dropped lines its page declares) and the occurrences of a
word or phrase in them, by the rule the contexts page states, written apart from corpus/."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

# The page's rule, spelt out here on its own: letters and digits (no underscore), joined into one
# word by a straight or curly apostrophe or a hyphen that stands between two of them.
LETTER_OR_DIGIT = r"(?:(?!_)\w)"
WORD = re.compile(rf"{LETTER_OR_DIGIT}+(?:['\u2019-]{LETTER_OR_DIGIT}+)*")


def own_lines(docs: Path) -> dict[str, list[str]]:
    """Each article's own text, by slug: the lines of its original less byline and dropped lines."""
    texts = {}
    for page in sorted((docs / "articles").glob("*.md")):
        meta = yaml.safe_load(page.read_text(encoding="utf-8").split("---", 2)[1])
        lines = (docs / "sources" / meta["original"]).read_text(encoding="utf-8-sig").splitlines()
        for furniture in list(meta.get("dropped") or []) + ([meta["byline"]] if meta.get("byline") else []):
            lines.remove(furniture)
        texts[page.stem] = lines
    return texts


def folded(word: str, match_case: bool = False) -> str:
    """A word as the page compares it: a final possessive 's dropped, curly apostrophe straight,
    lower case unless case is matched."""
    word = word.replace("\u2019", "'")
    if len(word) > 2 and word[-2:].lower() == "'s":
        word = word[:-2]
    return word if match_case else word.lower()


def occurrences(lines: list[str], phrase: str, stem: bool = False, match_case: bool = False) -> int:
    """How often a word or phrase occurs in one article: its words in a row within one line, each
    the same word (or, with stem, beginning with the typed word)."""
    wanted = [folded(w, match_case) for w in WORD.findall(phrase)]
    found = 0
    for line in lines:
        words = [folded(w, match_case) for w in WORD.findall(line)]
        for start in range(len(words) - len(wanted) + 1):
            window = words[start:start + len(wanted)]
            if all(have.startswith(want) if stem else have == want for have, want in zip(window, wanted)):
                found += 1
    return found


def counts(docs: Path, phrase: str, stem: bool = False, match_case: bool = False) -> Counter:
    """Occurrences of a word or phrase in each article, by slug (articles without it left out)."""
    found = Counter({slug: occurrences(lines, phrase, stem, match_case) for slug, lines in own_lines(docs).items()})
    return +found


def all_words(docs: Path) -> Counter:
    """Every word of every article's own text, as the page looks it up, with its number of uses."""
    return Counter(folded(w) for lines in own_lines(docs).values() for line in lines for w in WORD.findall(line))


def _starts(words: list[str], wanted: list[str], stem: bool) -> list[int]:
    """Where a run of words (folded) starts in a line's words (folded)."""
    return [start for start in range(len(words) - len(wanted) + 1)
            if all(have.startswith(want) if stem else have == want for have, want in zip(words[start:start + len(wanted)], wanted))]


def places(docs: Path, typed: str, stem: bool = False, match_case: bool = False) -> tuple[Counter, Counter, Counter]:
    """Several comma-separated words or phrases searched at once, by the rule the page states:
    each place once, where two overlap the longer (then the one typed first, then the earlier);
    none within a phrase typed after a minus sign. Returns the lines by article, by part typed
    (its index among the parts listed) and those left out by part after a minus (its index)."""
    parts = [part.strip() for part in typed.split(",") if WORD.findall(part)]
    listed = [[folded(w, match_case) for w in WORD.findall(p)] for p in parts if not p.startswith("-")]
    outside = [[folded(w, match_case) for w in WORD.findall(p)] for p in parts if p.startswith("-")]
    by_article, by_part, left_out = Counter(), Counter(), Counter()
    for slug, lines in own_lines(docs).items():
        for line in lines:
            words = [folded(w, match_case) for w in WORD.findall(line)]
            found, out = [], [[] for _ in outside]
            for which, wanted in enumerate(listed):
                for start in _starts(words, wanted, stem):
                    span = range(start, start + len(wanted))
                    holder = next((i for i, phrase in enumerate(outside) if any(
                        s <= start and start + len(wanted) <= s + len(phrase) for s in _starts(words, phrase, stem))), None)
                    (found if holder is None else out[holder]).append((len(wanted), which, start, span))
            for which, matches in [(None, found)] + list(enumerate(out)):
                taken: set[int] = set()
                for size, part, start, span in sorted(matches, key=lambda m: (-m[0], m[1], m[2])):
                    if taken.isdisjoint(span):
                        taken.update(span)
                        if which is None:
                            by_article[slug] += 1
                            by_part[part] += 1
                        else:
                            left_out[which] += 1
    return by_article, by_part, left_out
