"""Copy the parts of the project a build needs, so a test or a bench can build it elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What a copy of the project needs to build on its own.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data", "includes", "corpus")


def copy_project(destination: Path) -> Path:
    """Copy config, docs, templates, hooks, data and package into destination; return it."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        elif source.is_file():
            shutil.copy2(source, destination / part)
    return destination


# Words for synthetic articles: made-up syllables, with real actors mentioned now and then.
NAMES = ["Japan", "China", "NATO", "the United States", "South Korea", "Australia", "India", "Russia",
         "Washington", "ASEAN", "Europe", "Taiwan", "the Philippines", "New Zealand"]
SOURCES = ["Synthetic Wire", "Example Daily", "Not stated"]
# Every article type, in turn (with the sources, every type with an outlet and without, in time).
TYPES = ["news article", "blog post", "web page", "document"]


# Kinds of synthetic text: words drawn at the originals' own frequencies (the default, like the
# real), or made-up syllables with a few actors' names (which leave the analysis little to do).
REALISTIC, SYLLABLES = "realistic", "syllables"


def add_synthetic_articles(project: Path, count: int, seed: int = 7, kind: str = REALISTIC) -> None:
    """Write `count` articles (page and original) that follow the article contract, a few
    sources, dates and types, into a project copy. Realistic text draws its words from the
    project's own originals at their frequencies, in paragraphs of the originals' lengths,
    800-1,350 words an article; syllable text is ten paragraphs of 40-110 made-up words with a
    few names."""
    import datetime as dt
    import random

    rng = random.Random(seed)
    write = realistic_paragraphs(project, rng) if kind == REALISTIC else syllable_paragraphs(rng)
    for number in range(count):
        paragraphs = write()
        title = f"Synthetic article {number:04d}"
        name = f"9{number:04d}_synthetic.txt"
        source = SOURCES[number % len(SOURCES)]
        date = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(1500))
        # Joined the collection a day apart, the first synthetic article the day after the three originals.
        added = dt.date(2026, 11, 22) + dt.timedelta(days=number)
        (project / "docs" / "sources" / name).write_text(title + "\n" + "\n".join(paragraphs) + "\n", encoding="utf-8")
        (project / "docs" / "articles" / f"synthetic-{number:04d}.md").write_text(
            f"---\ntitle: {title}\nsource: {source}\noriginal: {name}\nadded: {added.isoformat()}\ntype: {TYPES[number % len(TYPES)]}\n"
            + (f"published: {date.isoformat()}\n" if number % 2 else "")
            + "summary: A synthetic article for measuring the site at scale.\n---\n\n" + "\n\n".join(paragraphs) + "\n",
            encoding="utf-8",
        )


def syllable_paragraphs(rng):
    """A writer of ten paragraphs of 40-110 made-up words, with 0-3 actors' names in each."""
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "be", "da", "fe", "gi", "ho", "ju", "pe"]
    vocabulary = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(4000)})

    def write() -> list[str]:
        paragraphs = []
        for _ in range(10):
            words = [rng.choice(vocabulary) for _ in range(rng.randint(40, 110))]
            for _ in range(rng.randint(0, 3)):
                words.insert(rng.randrange(len(words)), rng.choice(NAMES))
            paragraphs.append(" ".join(words).capitalize() + ".")
        return paragraphs

    return write


def realistic_paragraphs(project: Path, rng):
    """A writer of an article's paragraphs whose words are drawn from the originals' own words at
    their own frequencies (punctuation attached, so that sentences end at their rate), the names
    and aliases of data/actors.yml kept whole ("South Korea"), so that actors, themes' keywords
    and common words occur about as often as in the originals; paragraph lengths are the
    originals' own, and each paragraph starts with a capital and ends a sentence."""
    import re

    import yaml

    actors = yaml.safe_load((project / "data" / "actors.yml").read_text(encoding="utf-8")) or []
    names = sorted({n for a in actors for n in [a["name"], *a.get("aliases", [])] if " " in n}, key=len, reverse=True)
    whole = re.compile("|".join(re.escape(n) for n in names) + r"|\S+") if names else re.compile(r"\S+")
    words, lengths = [], []
    for path in sorted((project / "docs" / "sources").glob("*.txt")):
        for line in path.read_text(encoding="utf-8-sig").splitlines()[1:]:
            # Markdown syntax characters are left out, so that a page is its original's text as it is.
            found = [w for w in whole.findall(line) if not set(w) & set("*_`<>[]#\\&|")]
            words += found
            if len(found) >= 12:
                lengths.append(len(found))
    starts = [w for w in words if w[:1].isupper()]
    ends = [w for w in words if w.endswith((".", "?", "!"))]

    def paragraph(length: int) -> str:
        return " ".join([rng.choice(starts)] + rng.choices(words, k=max(length - 2, 0)) + [rng.choice(ends)])

    def write() -> list[str]:
        target, paragraphs, total = rng.randint(800, 1350), [], 0
        while total < target:
            paragraphs.append(paragraph(rng.choice(lengths)))
            total += len(paragraphs[-1].split())
        return paragraphs

    return write
