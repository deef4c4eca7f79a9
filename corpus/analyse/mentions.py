"""Mentions: how often each article names each actor, under any of its aliases, and where first."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from corpus.read.articles import Article
from corpus.read.data import Actor
from corpus.read.passages import passages, plain_texts

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Mentions:
    """How often an article mentions an actor, the passage of its first mention, and the names
    it uses for it (the data's aliases as written, possessive aside), in order of first use."""

    count: int
    first: str | None
    forms: tuple[str, ...] = ()


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def mention_pattern(actors: list[Actor]) -> tuple[re.Pattern, dict[str, str]]:
    """One regex for every alias (longest first, whole words, optional possessive) and alias -> actor."""
    owner = {alias: actor.name for actor in actors for alias in actor.aliases}
    aliases = sorted(owner, key=len, reverse=True)
    body = "|".join(re.escape(alias) for alias in aliases) or "(?!)"
    pattern = re.compile(rf"(?<![A-Za-z0-9])({body})(?:'s|\u2019s|')?(?![A-Za-z0-9])")
    return pattern, owner


def count_mentions(
    article: Article, actors: list[Actor], pattern: tuple[re.Pattern, dict[str, str]] | None = None
) -> dict[str, Mentions]:
    """Mentions of each actor in the article (headline and body), with the first one's anchor.

    `pattern` is mention_pattern(actors), passed in to build it once for many articles.
    """
    pattern, owner = pattern or mention_pattern(actors)
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    forms: dict[str, dict[str, None]] = {}
    for passage, text in zip(passages(article), plain_texts(article)):
        for match in pattern.finditer(text):
            name = owner[match.group(1)]
            counts[name] += 1
            first.setdefault(name, passage.anchor)
            forms.setdefault(name, {})[match.group(1)] = None
    return {
        actor.name: Mentions(counts[actor.name], first.get(actor.name), tuple(forms.get(actor.name, ())))
        for actor in actors
    }
