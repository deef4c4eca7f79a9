"""Print how the site scales: with 300 and 1,000 synthetic articles added, its build time against
plain Material's and against its own configuration less hooks, page weights, and search."""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOALS = {300: 1.3, 1000: 1.0}
ARTICLE_PAGE_GOAL = 40 * 1024
ANALYSIS_PAGE_GOAL = 200 * 1024

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


def plain_docs(project: Path) -> None:
    """The same articles and originals for plain Material, with a home page of its own (the
    site's home page names a template of the site's)."""
    import shutil

    docs = project / "plain-docs"
    shutil.copytree(project / "docs" / "articles", docs / "articles")
    shutil.copytree(project / "docs" / "sources", docs / "sources")
    (docs / "index.md").write_text("# Plain Material\n\nThe same articles, built by plain Material.\n")


def site_less_hooks(project: Path) -> Path:
    """The site's own mkdocs.yml less its hooks (but theme_assets.py, which its templates need)
    and every plugin but search; theme, templates and Markdown extensions kept: what the
    earlier bench compared against."""
    text = (project / "mkdocs.yml").read_text()
    text = re.sub(r"(?m)^  - hooks/(?!theme_assets).*\n", "", text)
    text = re.sub(r"(?ms)^plugins:\n.*?(?=^\S)", "plugins:\n  - search\n\n", text)
    path = project / "site-less-hooks.yml"
    path.write_text(text)
    return path


def timed_build(config: Path, site: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `mkdocs build` in a child process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1/"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(site)],
                   check=True, env=env, cwd=config.parent, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


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
    analysis = site / "analysis.json"
    return {
        "synthetic": statistics.median(synthetic) if synthetic else 0,
        "real": max(real) if real else 0,
        "analysis": len((site / "analysis" / "index.html").read_bytes()),
        "analysis_json": len(analysis.read_bytes()),
        "index": len(index),
        "index_gz": len(gzip.compress(index)),
    }


def kib(value: float) -> str:
    return f"{value / 1024:,.0f} KiB" if value < 1024 * 1024 else f"{value / 1024 / 1024:,.1f} MiB"


def measure(added: int, rounds: int, folder: Path, less: bool) -> dict:
    project = copy_project(folder / f"project-{added}")
    add_synthetic_articles(project, added)
    (project / "plain.yml").write_text(PLAIN_MATERIAL)
    plain_docs(project)
    configs = {"site": project / "mkdocs.yml", "plain": project / "plain.yml"}
    if less:
        configs["less"] = site_less_hooks(project)
    times = {name: [] for name in configs}
    for _ in range(rounds):  # alternate, so that all see the same machine load
        for name, config in configs.items():
            times[name].append(timed_build(config, folder / f"{name}-{added}"))
    result = {name: statistics.median(t[0] for t in values) for name, values in times.items()}
    result.update({f"{name}_cpu": statistics.median(t[1] for t in values) for name, values in times.items()})
    result["sizes"] = sizes(folder / f"site-{added}")
    result["search"] = search_seconds(folder / f"site-{added}")
    result["plain_search"] = search_seconds(folder / f"plain-{added}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--added", type=int, nargs="+", default=[300, 1000])
    # Two rounds at 300 (three made `make bench` pass ten minutes once citations and words in
    # context were added); --rounds 3 1 for a steadier median.
    parser.add_argument("--rounds", type=int, nargs="+", default=[2, 1], help="rounds per size, alternating builds")
    # The site less its hooks takes as long as plain Material at 1,000; measured at 300 only, so
    # that `make bench` stays under ten minutes.
    parser.add_argument("--less-at", type=int, nargs="*", default=[300], help="sizes to build the site less hooks at")
    args = parser.parse_args()
    rounds = dict(zip(args.added, args.rounds + [args.rounds[-1]] * len(args.added)))
    print("How the site scales (bench/build_cost.py): synthetic articles added, ten paragraphs of 40-110 words each")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        real = folder / "real"
        timed_build(ROOT / "mkdocs.yml", real)
        s = sizes(real)
        print(f"  as published (3 articles): largest article page {kib(s['real'])}, /analysis/ {kib(s['analysis'])}, "
              f"search index {kib(s['index'])} ({kib(s['index_gz'])} gzipped), "
              f"opening search to first result {search_seconds(real):.2f} s")
        header = ("| added | this site | plain Material | ratio (goal) | site less hooks | ratio | article page "
                  "(synthetic / largest real) | /analysis/ | analysis.json | search index (gzipped) | search: open to first result, site / plain |")
        print(header)
        print("|" + "|".join("---" for _ in range(header.count("|") - 1)) + "|")
        for added in args.added:
            r = measure(added, rounds[added], folder, added in args.less_at)
            s = r["sizes"]
            goal = GOALS.get(added)
            ratio = r["site"] / r["plain"]
            print(
                f"| {added:,} | {r['site']:.1f} s | {r['plain']:.1f} s | {ratio:.2f} ({'<= ' + str(goal) if goal else '-'}"
                f"{', met' if goal and ratio <= goal else ', NOT met' if goal else ''}) | "
                + (f"{r['less']:.1f} s | {r['site'] / r['less']:.2f} | " if "less" in r else "not built | - | ")
                + f"{kib(s['synthetic'])} / {kib(s['real'])} "
                f"(goal < {kib(ARTICLE_PAGE_GOAL)}) | {kib(s['analysis'])} (goal < {kib(ANALYSIS_PAGE_GOAL)}) | "
                f"{kib(s['analysis_json'])} | {kib(s['index'])} ({kib(s['index_gz'])}) | "
                f"{r['search']:.2f} s / {r['plain_search']:.2f} s |"
            )
            print(f"  (median of {rounds[added]} alternating round(s); CPU time: site {r['site_cpu']:.1f} s, "
                  f"plain {r['plain_cpu']:.1f} s, ratio {r['site_cpu'] / r['plain_cpu']:.2f})")


if __name__ == "__main__":
    main()
