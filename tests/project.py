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


def add_synthetic_articles(project: Path, count: int, seed: int = 7) -> None:
    """Write `count` articles (page and original) that follow the article contract: ten
    paragraphs of 40-110 words each, a few sources, dates and types, into a project copy."""
    import datetime as dt
    import random

    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "be", "da", "fe", "gi", "ho", "ju", "pe"]
    vocabulary = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(4000)})
    for number in range(count):
        paragraphs = []
        for _ in range(10):
            words = [rng.choice(vocabulary) for _ in range(rng.randint(40, 110))]
            for _ in range(rng.randint(0, 3)):
                words.insert(rng.randrange(len(words)), rng.choice(NAMES))
            paragraphs.append(" ".join(words).capitalize() + ".")
        title = f"Synthetic article {number:04d}"
        name = f"9{number:04d}_synthetic.txt"
        source = SOURCES[number % len(SOURCES)]
        date = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(1500))
        (project / "docs" / "sources" / name).write_text(title + "\n" + "\n".join(paragraphs) + "\n", encoding="utf-8")
        (project / "docs" / "articles" / f"synthetic-{number:04d}.md").write_text(
            f"---\ntitle: {title}\nsource: {source}\noriginal: {name}\ntype: {TYPES[number % len(TYPES)]}\n"
            + (f"published: {date.isoformat()}\n" if number % 2 else "")
            + "summary: A synthetic article for measuring the site at scale.\n---\n\n" + "\n\n".join(paragraphs) + "\n",
            encoding="utf-8",
        )
