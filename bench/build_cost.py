"""Print the build-cost ratio of the full site against plain Material, with 300 synthetic articles."""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Japan", "China", "NATO", "the United States", "South Korea", "Australia", "India", "Russia",
         "Washington", "Beijing", "ASEAN", "Europe", "Taiwan", "the Philippines", "New Zealand"]
GOAL = 1.3

sys.path.insert(0, str(ROOT / "tests"))
from project import copy_project  # noqa: E402


def synthetic_text(rng: random.Random, vocabulary: list[str], paragraphs: int = 12) -> list[str]:
    """Paragraphs of made-up sentences that mention real actors now and then."""
    result = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(2, 5)):
            words = [rng.choice(vocabulary) for _ in range(rng.randint(8, 22))]
            if rng.random() < 0.6:
                words.insert(rng.randrange(len(words)), rng.choice(NAMES))
            sentences.append(" ".join(words).capitalize() + ".")
        result.append(" ".join(sentences))
    return result


def add_synthetic_articles(project: Path, count: int, seed: int = 7) -> None:
    """Write `count` article pages and originals into a project copy."""
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "be", "da", "fe", "gi", "ho", "ju", "pe"]
    vocabulary = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(4000)})
    for number in range(count):
        title = f"Synthetic article {number:03d}"
        paragraphs = synthetic_text(rng, vocabulary)
        name = f"9{number:03d}_synthetic.txt"
        (project / "docs" / "sources" / name).write_text(title + "\n" + "\n".join(paragraphs) + "\n")
        (project / "docs" / "articles" / f"synthetic-{number:03d}.md").write_text(
            f"---\ntitle: {title}\nsource: Not stated\noriginal: {name}\n"
            "summary: A synthetic article for measuring build cost.\n---\n\n" + "\n\n".join(paragraphs) + "\n"
        )


def plain_config(project: Path) -> Path:
    """The site's own mkdocs.yml less its hooks and every plugin but search: plain Material.

    Theme, templates and Markdown extensions stay, so both builds render the same pages.
    """
    text = (project / "mkdocs.yml").read_text()
    text = re.sub(r"(?m)^hooks:\n(?:  - .*\n)+", "", text)
    text = re.sub(r"(?ms)^plugins:\n.*?(?=^\S)", "plugins:\n  - search\n\n", text)
    assert "hooks/" not in text and "  - tags" not in text
    path = project / "plain.yml"
    path.write_text(text)
    return path


def timed_build(config: Path, site: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `mkdocs build` in a child process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(site)],
                   check=True, env=env, cwd=config.parent, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        add_synthetic_articles(project, args.articles)
        plain = plain_config(project)
        full_times, plain_times = [], []
        for _ in range(args.rounds):  # alternate, so both see the same machine load
            full_times.append(timed_build(project / "mkdocs.yml", Path(tmp) / "full"))
            plain_times.append(timed_build(plain, Path(tmp) / "plain"))
        full, base = (statistics.median(t[0] for t in times) for times in (full_times, plain_times))
        full_cpu, base_cpu = (statistics.median(t[1] for t in times) for times in (full_times, plain_times))
        index = Path(tmp) / "full" / "search" / "search_index.json"
        analysis = Path(tmp) / "full" / "analysis.json"
        print(f"articles: {args.articles + 3} ({args.articles} synthetic)")
        print(f"full build: {full:.2f} s (median of {args.rounds})")
        print(f"plain Material build: {base:.2f} s (median of {args.rounds})")
        print(f"build-cost ratio: {full / base:.2f} (goal <= {GOAL}); in CPU time: {full_cpu / base_cpu:.2f}")
        print(f"search index (synthetic corpus): {index.stat().st_size / 1024:.0f} KiB")
        print(f"analysis.json (synthetic corpus): {analysis.stat().st_size / 1024:.0f} KiB, "
              f"{len(json.loads(analysis.read_text())['articles'])} articles")
    real = Path(tempfile.mkdtemp()) / "site"
    timed_build(ROOT / "mkdocs.yml", real)
    print(f"search index (the site as published): {(real / 'search' / 'search_index.json').stat().st_size / 1024:.1f} KiB")
    shutil.rmtree(real.parent)


if __name__ == "__main__":
    main()
