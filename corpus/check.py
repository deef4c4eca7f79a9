"""Check every article and all curated data at once, without building the site (`make check`).

Run as `python -m corpus.check [project folder]`: it prints every problem on a line of its own,
`file: field: problem`, and exits 1 if there is any. The MkDocs hooks call check_project too,
and the build reports the same list before it stops.
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from corpus.read.articles import Article, ArticleError, load_articles_checked
from corpus.read.data import CuratedData, DataError, load_data_checked, load_stopwords
from corpus.read.fidelity import check_fidelity
from corpus.problems import CorpusError, shown
from corpus.read.reading import read_text
from corpus.read.rendering import render, site_markdown
from corpus.analyse.themes import coverage_problems

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Where things are, relative to the project folder (the one holding mkdocs.yml).
CONFIG = "mkdocs.yml"
DOCS_DIR = "docs"
DATA_DIR = "data"
GLOSSARY = "includes/abbreviations.md"

# A glossary line: *[ABBR]: what it stands for
GLOSSARY_LINE = re.compile(r"^\*\[([^\]\n]+)\]:[ \t]*(\S.*)$")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass
class Project:
    """What a check of the project found: the sound articles and data, and every problem."""

    articles: list[Article]
    data: CuratedData | None
    stopwords: frozenset[str]
    problems: list[str] = field(default_factory=list)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def check_project(root: Path, fidelity: str = "all") -> Project:
    """Check articles (contract, encoding, fidelity), glossary and curated data; list every problem.

    Each article's body is rendered with the site's Markdown settings and compared with its
    original before its curated quotes are checked, so that a sentence lost from a page is
    reported against the page, not as a bad quote in data/. With fidelity="quoted", only the
    articles a refused quote names are rendered here: the build, which renders every page
    anyway, checks the others on the pages it renders.
    """
    docs = root / DOCS_DIR
    articles, errors = load_articles_checked(docs)
    problems = [line for error in errors.values() for line in error.lines]
    failed = set(errors)
    try:
        md = site_markdown(root / CONFIG)
    except CorpusError as error:
        return Project([], None, frozenset(), problems + error.lines)

    def faithful(article: Article) -> bool:
        try:
            check_fidelity(article, render(md, article.body))
            return True
        except ArticleError as error:
            problems.extend(error.lines)
            failed.add(article.slug)
            return False

    sound = [article for article in articles if fidelity != "all" or faithful(article)]
    problems += check_glossary(root / GLOSSARY, GLOSSARY)
    data, data_problems = load_data_checked(root / DATA_DIR, sound, frozenset(failed))
    if fidelity != "all":
        # Render just the articles a refused quote names; a quote refused because its page lost
        # the sentence is then reported against the page instead.
        named = {a.slug for a in sound if any(f"article '{a.slug}': quote is not verbatim" in line for line in data_problems)}
        if named and not all(faithful(a) for a in sound if a.slug in named):
            sound = [a for a in sound if a.slug not in failed]
            data, data_problems = load_data_checked(root / DATA_DIR, sound, frozenset(failed))
    problems += data_problems
    curated = set(data.perspectives)
    problems += coverage_problems(sound, data.themes, curated, f"{DATA_DIR}/themes.yml")
    try:
        stopwords = load_stopwords(root / DATA_DIR)
    except DataError as error:
        problems += error.lines
        stopwords = frozenset()
    return Project(sound, data, stopwords, problems)


def check_glossary(path: Path, label: str) -> list[str]:
    """Problems of the glossary: each line that is not blank must read '*[ABBR]: meaning'."""
    try:
        text = read_text(path, label)
    except CorpusError as error:
        return error.lines
    return [
        f"{label}: line {number}: must read '*[ABBR]: what it stands for', got {shown(line)}"
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not GLOSSARY_LINE.match(line)
    ]


def main(argv: list[str] | None = None) -> int:
    """Print every problem of the project, one a line; exit 1 if there are any."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    if not (root / CONFIG).is_file():
        print(f"{root / CONFIG}: file: does not exist (run from the project folder or name it)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    project = check_project(root)
    for line in project.problems:
        print(line)
    took = time.perf_counter() - started
    if project.problems:
        print(f"{len(project.problems)} problem(s) found in {took:.1f} s", file=sys.stderr)
        return 1
    print(f"{len(project.articles)} articles, the glossary and the data checked in {took:.1f} s: no problems", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
