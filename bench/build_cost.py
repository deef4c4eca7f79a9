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
# Goals (issue 16): a full build within these multiples of plain Material's full build, and a
# rebuild after an edit at +300 within EDIT_GOAL of it.
GOALS = {300: 1.3, 1000: 1.0}
EDIT_GOAL = 1.1
ARTICLE_PAGE_GOAL = 40 * 1024
ANALYSIS_PAGE_GOAL = 200 * 1024
EDITED = "synthetic-0005"

sys.path.insert(0, str(ROOT / "tests"))
from browser import CHROMIUM_ARGS, find_chromium  # noqa: E402
from pages_server import PagesServer  # noqa: E402
from project import add_synthetic_articles, copy_project  # noqa: E402

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
    """Change one word of one article, in its page and its original alike."""
    page = project / "docs" / "articles" / f"{EDITED}.md"
    text = page.read_text(encoding="utf-8")
    original = project / "docs" / "sources" / re.search(r"^original: (.+)$", text, re.M).group(1)
    body = text.split("---\n", 2)[2]
    word = re.findall(r"[a-z]{4,}", body)[round_ + 3]
    new = word + "x"
    page.write_text(text.replace(f" {word} ", f" {new} ", 1), encoding="utf-8")
    source = original.read_text(encoding="utf-8")
    original.write_text(source.replace(f" {word} ", f" {new} ", 1), encoding="utf-8")


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
        "real": max(real) if real else 0,
        "analysis": len((site / "analysis" / "index.html").read_bytes()),
        "analysis_json": len((site / "analysis.json").read_bytes()),
        "index": len(index),
        "index_gz": len(gzip.compress(index)),
    }


def kib(value: float) -> str:
    return f"{value / 1024:,.0f} KiB" if value < 1024 * 1024 else f"{value / 1024 / 1024:,.1f} MiB"


def measure(added: int, rounds: int, folder: Path, edits: bool = True) -> dict:
    """Median times over alternating rounds, so that every build sees the same machine load.
    The rebuilds after an edit are measured only with `edits` (time is short)."""
    project = copy_project(folder / f"project-{added}")
    add_synthetic_articles(project, added)
    (project / "plain.yml").write_text(PLAIN_MATERIAL)
    plain_docs(project)
    site, plain = folder / f"site-{added}", folder / f"plain-{added}"
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in ("plain", "cold", "edit", "z_cold", "z_edit")}
    for round_ in range(rounds):
        times["plain"].append(mkdocs(project, "plain.yml", plain))
        forget(project)
        times["cold"].append(mkdocs(project, "mkdocs.yml", site))
        if edits:
            edit_one_word(project, 2 * round_)
            times["edit"].append(mkdocs(project, "mkdocs.yml", site))
        forget(project)
        times["z_cold"].append(zensical(project))
        if edits:
            edit_one_word(project, 2 * round_ + 1)
            times["z_edit"].append(zensical(project))
    times = {name: values for name, values in times.items() if values}
    result = {name: statistics.median(t[0] for t in values) for name, values in times.items()}
    result.update({f"{name}_cpu": statistics.median(t[1] for t in values) for name, values in times.items()})
    result["sizes"] = sizes(site)
    result["search"] = search_seconds(site)
    result["plain_search"] = search_seconds(plain)
    return result


def verdict(ratio: float, goal: float | None) -> str:
    return f"{ratio:.2f} (goal <= {goal}, {'met' if ratio <= goal else 'NOT met'})" if goal else f"{ratio:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--added", type=int, nargs="+", default=[300, 1000])
    # One round a size keeps `make bench` under ten minutes (each round is five builds at 300 and
    # four at 1,000); --rounds 3 2 for steadier medians.
    parser.add_argument("--rounds", type=int, nargs="+", default=[1, 1], help="rounds per size, alternating builds")
    args = parser.parse_args()
    rounds = dict(zip(args.added, args.rounds + [args.rounds[-1]] * len(args.added)))
    print("How the site scales (bench/build_cost.py): synthetic articles added, ten paragraphs of 40-110 words each.")
    print("Full build: `mkdocs build` from an empty cache and no stage (the stage runs in it); edit: `mkdocs build`")
    print("again after one word of one article's page and original is changed. Zensical: the stage, then")
    print("`zensical build` of it, likewise. Plain Material: `theme: material`, `font: false`, search only.")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        real = folder / "real"
        mkdocs(ROOT, "mkdocs.yml", real)
        s = sizes(real)
        print(f"  as published (3 articles): largest article page {kib(s['real'])}, /analysis/ {kib(s['analysis'])}, "
              f"search index {kib(s['index'])} ({kib(s['index_gz'])} gzipped), "
              f"opening search to first result {search_seconds(real):.2f} s")
        header = ("| added | plain Material, full | this site, full | ratio (goal) | this site, edit | ratio to plain full (goal) "
                  "| Zensical, full / edit | article page (synthetic / largest real) | /analysis/ | analysis.json "
                  "| search index (gzipped) | search: open to first result, site / plain |")
        print(header)
        print("|" + "|".join("---" for _ in range(header.count("|") - 1)) + "|")
        for added in args.added:
            # The rebuilds after an edit at 300 only, where their goal is, so that `make bench` stays
            # under ten minutes.
            r = measure(added, rounds[added], folder, edits=added <= 300)
            s = r["sizes"]
            print(
                f"| {added:,} | {r['plain']:.1f} s | {r['cold']:.1f} s | {verdict(r['cold'] / r['plain'], GOALS.get(added))} | "
                + (f"{r['edit']:.1f} s | {verdict(r['edit'] / r['plain'], EDIT_GOAL if added == 300 else None)} | "
                   if "edit" in r else "not measured | - | ")
                + f"{r['z_cold']:.1f} s / " + (f"{r['z_edit']:.1f} s | " if "z_edit" in r else "not measured | ")
                + f"{kib(s['synthetic'])} / {kib(s['real'])} (goal < {kib(ARTICLE_PAGE_GOAL)}) | "
                f"{kib(s['analysis'])} (goal < {kib(ANALYSIS_PAGE_GOAL)}) | {kib(s['analysis_json'])} | "
                f"{kib(s['index'])} ({kib(s['index_gz'])}) | {r['search']:.2f} s / {r['plain_search']:.2f} s |"
            )
            print(f"  (median of {rounds[added]} alternating round(s); CPU seconds: plain {r['plain_cpu']:.1f}, "
                  f"site full {r['cold_cpu']:.1f}" + (f", edit {r['edit_cpu']:.1f}" if "edit_cpu" in r else "")
                  + f", Zensical full {r['z_cold_cpu']:.1f}"
                  + (f", edit {r['z_edit_cpu']:.1f})" if "z_edit_cpu" in r else ")"))


if __name__ == "__main__":
    main()
