"""Print how the site scales: with 300 and 1,000 synthetic articles added, its full build (the stage
and MkDocs, from an empty cache) and its rebuild after one word of one article is edited, against
plain Material's full build; the same trees built by Zensical; page weights and search."""

from __future__ import annotations

import argparse
import gzip
import os
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
# Goals (issue 21), as multiples of plain Material's full build of the same articles.
COLD_GOALS = {300: 1.8, 1000: 1.0}
EDIT_GOAL = 1.2
MKDOCS_ALONE_GOAL = 1.1
# The stage's own time (its timer), in seconds: with nothing changed, and after one edit.
STAGE_UNCHANGED_GOAL = 0.5
STAGE_EDIT_GOAL = 1.0
ARTICLE_PAGE_GOAL = 40 * 1000
ANALYSIS_PAGE_GOAL = 120 * 1000
EDITED = "synthetic-0005"

sys.path.insert(0, str(ROOT / "tests"))
from browser import CHROMIUM_ARGS, find_chromium  # noqa: E402
from pages_server import PagesServer  # noqa: E402
from project import REALISTIC, SYLLABLES, add_synthetic_articles, copy_project  # noqa: E402

# Plain Material: its theme with system fonts, no Markdown extensions, no plugin but search.
PLAIN_MATERIAL = """site_name: Plain Material
site_url: http://127.0.0.1/
docs_dir: plain-docs
theme:
  name: material
  font: false
plugins:
  - search
"""
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1/"}


def plain_docs(project: Path) -> None:
    """The same articles and originals for plain Material, with a home page of its own (the
    site's home page is written by the stage)."""
    docs = project / "plain-docs"
    shutil.copytree(project / "docs" / "articles", docs / "articles")
    shutil.copytree(project / "docs" / "sources", docs / "sources")
    (docs / "index.md").write_text("# Plain Material\n\nThe same articles, built by plain Material.\n")


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of it and its children) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, env=ENV, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def stage_seconds(project: Path) -> float:
    """The stage's own time (its timer), run as the build runs it."""
    run = subprocess.run([sys.executable, "-m", "corpus.stage", str(project), "--site-url", ENV["SITE_URL"]],
                         check=True, env=ENV, cwd=project, capture_output=True, text=True)
    line = run.stderr.strip().splitlines()[-1]
    return float(re.search(r" in ([\d.]+) s:|\(([\d.]+) s to find out\)", line).group(1) or
                 re.search(r"\(([\d.]+) s to find out\)", line).group(1))


def mkdocs_alone(project: Path, site: Path) -> tuple[float, float]:
    """MkDocs building the finished stage, without running it (its own configuration, no hook)."""
    return mkdocs(project, "build/stage/mkdocs.yml", site)


def mkdocs(project: Path, config: str, site: Path) -> tuple[float, float]:
    """`mkdocs build` of a configuration of the project (the site's runs the stage first)."""
    return timed([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(project / config), "-d", str(site)], project)


def zensical(project: Path) -> tuple[float, float]:
    """What `make build-zensical` runs: the stage, then Zensical's build of it."""
    stage = timed([sys.executable, "-m", "corpus.stage", str(project)], project)
    build = timed([sys.executable, "-m", "zensical", "build", "--clean", "--config-file", "build/stage/zensical.yml"], project)
    return stage[0] + build[0], stage[1] + build[1]


def forget(project: Path) -> None:
    """An empty cache and no stage: what a full build starts from on a fresh clone."""
    shutil.rmtree(project / "build", ignore_errors=True)


def edit_one_word(project: Path, round_: int) -> None:
    """Change one word of one article's text, in its page and its original alike (the same place:
    the first time the word stands between spaces in both)."""
    page = project / "docs" / "articles" / f"{EDITED}.md"
    head, body = page.read_text(encoding="utf-8").split("\n---\n", 1)
    original = project / "docs" / "sources" / re.search(r"^original: (.+)$", head, re.M).group(1)
    source = original.read_text(encoding="utf-8")
    words = [w for w in re.findall(r" ([a-z]{4,}) ", body) if source.find(f" {w} ") == source.find(f" {w} ", source.find("\n"))]
    word = words[round_ % len(words)]
    page.write_text(head + "\n---\n" + body.replace(f" {word} ", f" {word}x ", 1), encoding="utf-8")
    original.write_text(source.replace(f" {word} ", f" {word}x ", 1), encoding="utf-8")


def search_seconds(site: Path, query: str = "Japan") -> float:
    """Seconds from opening search (a click on the search box) to the first result shown."""
    from playwright.sync_api import sync_playwright

    with PagesServer(site, "/") as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(playwright), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(server.url)
        page.wait_for_load_state("load")
        start = time.perf_counter()
        page.locator("label.md-search__icon[for='__search'], .md-search__input").first.click()
        page.locator(".md-search__input").type(query)
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=120_000)
        took = time.perf_counter() - start
        browser.close()
    return took


def sizes(site: Path) -> dict[str, float]:
    """Page weights of a built site, in bytes."""
    synthetic = sorted(len(p.read_bytes()) for p in site.glob("articles/synthetic-*/index.html"))
    real = [len(p.read_bytes()) for p in site.glob("articles/*/index.html") if "synthetic-" not in p.parent.name]
    index = (site / "search" / "search_index.json").read_bytes()
    return {
        "synthetic": statistics.median(synthetic) if synthetic else 0,
        "synthetic_max": max(synthetic) if synthetic else 0,
        "real": max(real) if real else 0,
        "analysis": len((site / "analysis" / "index.html").read_bytes()),
        "analysis_json": len((site / "analysis.json").read_bytes()),
        "index": len(index),
        "index_gz": len(gzip.compress(index)),
    }


def kb(value: float) -> str:
    return f"{value / 1000:,.1f} KB" if value < 1000 * 1000 else f"{value / 1000 / 1000:,.1f} MB"


def measure(added: int, rounds: int, folder: Path, kind: str, edits: bool = True, zensical_too: bool = True) -> dict:
    """Median times over alternating rounds, so that every build sees the same machine load.
    The rebuilds after an edit, the stage's own times and MkDocs alone are measured with `edits`."""
    project = copy_project(folder / f"project-{kind}-{added}")
    add_synthetic_articles(project, added, kind=kind)
    (project / "plain.yml").write_text(PLAIN_MATERIAL)
    plain_docs(project)
    site, plain, alone = folder / f"site-{kind}-{added}", folder / f"plain-{kind}-{added}", folder / f"alone-{kind}-{added}"
    names = ("plain", "cold", "edit", "alone", "z_cold", "z_edit")
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    stage: dict[str, list[float]] = {"unchanged": [], "edited": []}
    for round_ in range(rounds):
        times["plain"].append(mkdocs(project, "plain.yml", plain))
        forget(project)
        times["cold"].append(mkdocs(project, "mkdocs.yml", site))
        if edits:
            edit_one_word(project, 3 * round_)
            times["edit"].append(mkdocs(project, "mkdocs.yml", site))
            times["alone"].append(mkdocs_alone(project, alone))
            stage["unchanged"].append(stage_seconds(project))
            edit_one_word(project, 3 * round_ + 1)
            stage["edited"].append(stage_seconds(project))
        if zensical_too and round_ == 0:
            # Zensical once a size: its times are shown, not held to a goal.
            forget(project)
            times["z_cold"].append(zensical(project))
            if edits:
                edit_one_word(project, 3 * round_ + 2)
                times["z_edit"].append(zensical(project))
    result = {name: statistics.median(t[0] for t in values) for name, values in times.items() if values}
    result.update({f"{name}_cpu": statistics.median(t[1] for t in values) for name, values in times.items() if values})
    result.update({f"stage_{name}": statistics.median(values) for name, values in stage.items() if values})
    result["sizes"] = sizes(site)
    if kind == REALISTIC:
        result["search"] = search_seconds(site)
        result["plain_search"] = search_seconds(plain)
    return result


def ratio(mine: float, theirs: float, goal: float | None) -> str:
    """Both sides of a ratio, the ratio, and the goal."""
    value = mine / theirs
    verdict = f" (goal <= {goal}: {'met' if value <= goal else 'NOT met'})" if goal else ""
    return f"{mine:.1f} s / {theirs:.1f} s = {value:.2f}{verdict}"


def within(value: float, goal: float, unit: str = " s") -> str:
    return f"{value:.2f}{unit} (goal <= {goal}{unit}: {'met' if value <= goal else 'NOT met'})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--added", type=int, nargs="+", default=[300, 1000])
    # Rounds a size keep `make bench` under ten minutes; --rounds 5 3 for steadier medians.
    parser.add_argument("--rounds", type=int, nargs="+", default=[3, 1], help="rounds per size, alternating builds")
    parser.add_argument("--syllables", action="store_true", help="also a row of made-up syllables at the first size")
    parser.add_argument("--zensical-everywhere", action="store_true", help="Zensical at every size, not only the first")
    args = parser.parse_args()
    rounds = dict(zip(args.added, args.rounds + [args.rounds[-1]] * len(args.added)))
    print("How the site scales (bench/build_cost.py): synthetic articles added, their words drawn from the three")
    print("originals at the originals' own frequencies (names of actors kept whole), 800-1,350 words each.")
    print("Full build: `mkdocs build` from an empty cache and no stage; edit: `mkdocs build` again after one word of")
    print("one article's page and original is changed; MkDocs alone: `mkdocs build` of the finished stage (no hook);")
    print("stage: its own time with nothing changed, and after one edit. Plain Material: `theme: material`,")
    print("`font: false`, search only, the same articles. Each pair: this site / plain Material = ratio.")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        real = folder / "real"
        mkdocs(ROOT, "mkdocs.yml", real)
        s = sizes(real)
        print(f"  as published (3 articles): largest article page {kb(s['real'])} (goal <= {kb(ARTICLE_PAGE_GOAL)}: "
              f"{'met' if s['real'] <= ARTICLE_PAGE_GOAL else 'NOT met'}), /analysis/ {kb(s['analysis'])} (goal <= "
              f"{kb(ANALYSIS_PAGE_GOAL)}: {'met' if s['analysis'] <= ANALYSIS_PAGE_GOAL else 'NOT met'}), search index "
              f"{kb(s['index'])} ({kb(s['index_gz'])} gzipped)")
        runs = [(added, REALISTIC) for added in args.added] + ([(args.added[0], SYLLABLES)] if args.syllables else [])
        for added, kind in runs:
            first = added == args.added[0]
            r = measure(added, rounds[added] if kind == REALISTIC else 1, folder, kind, edits=first,
                        zensical_too=kind == REALISTIC and (first or args.zensical_everywhere))
            sz = r["sizes"]
            print(f"+{added:,} articles ({kind} text, median of {rounds[added] if kind == REALISTIC else 1} round(s)):")
            print(f"  full build from nothing: {ratio(r['cold'], r['plain'], COLD_GOALS.get(added) if kind == REALISTIC else None)}")
            if "edit" in r:
                print(f"  rebuild after a one-word edit: {ratio(r['edit'], r['plain'], EDIT_GOAL)}")
                print(f"  MkDocs alone, building the finished stage: {ratio(r['alone'], r['plain'], MKDOCS_ALONE_GOAL)}")
                print(f"  the stage's own time: nothing changed {within(r['stage_unchanged'], STAGE_UNCHANGED_GOAL)}; "
                      f"after one edit {within(r['stage_edited'], STAGE_EDIT_GOAL)}")
            if "z_cold" in r:
                print(f"  Zensical (stage, then zensical build): full {r['z_cold']:.1f} s" + (f", after an edit {r['z_edit']:.1f} s" if "z_edit" in r else ""))
            print(f"  synthetic article pages: median {kb(sz['synthetic'])}, largest {kb(sz['synthetic_max'])}"
                  + (f" (goal <= {kb(ARTICLE_PAGE_GOAL)}: {'met' if sz['synthetic_max'] <= ARTICLE_PAGE_GOAL else 'NOT met'})" if added >= 1000 else "")
                  + f"; /analysis/ {kb(sz['analysis'])}; analysis.json {kb(sz['analysis_json'])}; search index {kb(sz['index'])} ({kb(sz['index_gz'])} gzipped)")
            if "search" in r:
                print(f"  search, opening it to the first result: {r['search']:.2f} s / plain {r['plain_search']:.2f} s")
            cpu = ", ".join(f"{name} {r[name + '_cpu']:.1f}" for name in ("plain", "cold", "edit", "alone", "z_cold", "z_edit") if name + "_cpu" in r)
            print(f"  CPU seconds (both cores): {cpu}")
            # However well a build used the cores, it cannot take less than its CPU time over them.
            cores = len(os.sched_getaffinity(0))
            floor = r["cold_cpu"] / cores
            print(f"  full build at best, its CPU over this machine's {cores} cores: {r['cold_cpu']:.1f} s / {cores} = {floor:.1f} s; "
                  f"{floor:.1f} s / {r['plain']:.1f} s = {floor / r['plain']:.2f} of plain Material's build")


if __name__ == "__main__":
    main()
