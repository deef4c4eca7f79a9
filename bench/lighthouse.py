"""Print Lighthouse's four scores (the lower median of 2 runs) and the critical-path and background transfer of every page."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pages_server import PagesServer, free_port  # noqa: E402

BASE = "/nato-asia-pacific/"
# The pages the site makes and its three articles;
# Material's own tags page is left to the browser tests, so that `make bench` stays under ten minutes.
PAGES = ["", "analysis/", "article-index/", "contexts/", "articles/nato-in-asia-a-dream-that-can-be-realized/",
         "articles/there-is-no-way-back/", "articles/nato-russia-and-north-korea/"]
# Lighthouse refuses to audit a page served with status 404, so the 404 page is not listed;
# the browser tests check it (styled, under /<repo>/, no failed requests).
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
GOAL_KIB = 80
# What a page's load event waits for; everything else is fetched in the background.
CRITICAL_TYPES = {"Document", "Stylesheet", "Script", "Image", "Font"}


def chrome_path() -> str:
    """$CHROME_PATH, $CHROMIUM, or a Chromium on PATH."""
    for candidate in (os.environ.get("CHROME_PATH"), os.environ.get("CHROMIUM"),
                      shutil.which("chromium"), shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if candidate:
            return candidate
    sys.exit("no Chromium for Lighthouse: apt-get install -y chromium, or set CHROME_PATH")


def lighthouse(url: str, chrome: str) -> dict:
    """One Lighthouse run (default mobile preset) as parsed JSON."""
    cli = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.is_file():
        sys.exit("Lighthouse is not installed: run `npm ci` (make bench does it)")
    result = subprocess.run(
        ["node", str(cli), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chrome}, timeout=300,
    )
    if result.returncode != 0:
        sys.exit(f"lighthouse failed on {url}: {result.stderr.strip().splitlines()[-1:]}")
    return json.loads(result.stdout)


def failing_audits(report: dict, category: str) -> list[str]:
    """Audits below a full score that count towards a category."""
    audits = report["audits"]
    return [
        ref["id"] for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
    ]


def scores(report: dict) -> list[int]:
    """The four category scores, 0-100."""
    return [round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES]


def split_transfer(report: dict) -> tuple[float, float]:
    """(critical path, background) transfer in KiB.

    The critical path is what the page needs to render and respond, which its load event waits
    for: the document and the stylesheets, scripts and images it names. The background is what
    scripts fetch afterwards (the search index, the site map, workers and what they import) and
    the browser's own fetch of the icon.
    """
    critical = background = 0
    for request in report["audits"]["network-requests"]["details"]["items"]:
        needed = request.get("sessionTargetType") == "page" and request["resourceType"] in CRITICAL_TYPES
        if needed:
            critical += request["transferSize"]
        else:
            background += request["transferSize"]
    return critical / 1024, background / 1024


def measure(url: str, chrome: str, runs: int) -> tuple[list[int], float, float, dict]:
    """Median of each score (the lower of the middle two, for an even number of runs), of the
    critical-path and background KiB, over runs; and the median run's report."""
    reports = [lighthouse(url, chrome) for _ in range(runs)]
    medians = [statistics.median_low(s) for s in zip(*(scores(r) for r in reports))]
    critical, background = (statistics.median(kib) for kib in zip(*(split_transfer(r) for r in reports)))
    median_run = sorted(reports, key=lambda r: r["categories"]["performance"]["score"] or 0)[len(reports) // 2]
    return medians, critical, background, median_run


def row(label: str, medians: list[int], critical: float, background: float) -> str:
    return f"{label:<55} {medians[0]:>4} {medians[1]:>4} {medians[2]:>4} {medians[3]:>4} {critical:>8.1f} {background:>10.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", nargs="*", default=PAGES)
    # Two runs (the lower score of the two counts) keep `make bench` under ten minutes; --runs 5 for more.
    parser.add_argument("--runs", type=int, default=2, help="Lighthouse runs per page; the (lower) median is printed")
    args = parser.parse_args()
    chrome = chrome_path()
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}{BASE}", "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
                       check=True, cwd=ROOT, env=env)
        print(f"Lighthouse (mobile preset), median of {args.runs} runs per page (the lower of the middle two), served gzip-compressed under {BASE}")
        print("KiB transferred: critical path (document, its stylesheets, scripts, images) and background "
              "(fetched by scripts afterwards: search index, site map, workers; the icon)")
        print(f"{'page':<55} {'perf':>4} {'a11y':>4} {'b-p':>4} {'seo':>4} {'critical':>8} {'background':>10}")
        misses = []
        with PagesServer(site, BASE, port) as server:
            for path in args.pages:
                medians, critical, background, report = measure(server.url + path, chrome, args.runs)
                print(row("/" + path, medians, critical, background))
                for category, score in zip(CATEGORIES, medians):
                    if score < 100:
                        misses.append(f"/{path} {category}: {', '.join(failing_audits(report, category))}")
                if critical > GOAL_KIB:
                    misses.append(f"/{path} critical path: {critical:.1f} KiB > {GOAL_KIB} KiB")
            # The same measurement of a one-page plain Material site, as the yardstick on this machine.
            plain = Path(tmp) / "plain"
            (plain / "docs").mkdir(parents=True)
            (plain / "docs" / "index.md").write_text("# Plain Material\n\nOne paragraph of text.\n")
            (plain / "mkdocs.yml").write_text(f"site_name: Plain\nsite_url: http://127.0.0.1:{port}{BASE}\ntheme:\n  name: material\n  font: false\n")
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(site / "plain-material")],
                           check=True, cwd=plain, env=env)
            # One run: the yardstick's scores do not move between runs (a third of the bench's time otherwise).
            medians, critical, background, _ = measure(server.url + "plain-material/", chrome, 1)
            print(row("(plain Material, one page, same server, one run)", medians, critical, background))
        print(f"goal: 100 in every category and at most {GOAL_KIB} KiB on the critical path: " + ("met" if not misses else "missed"))
        for miss in misses:
            print(f"  {miss}")


if __name__ == "__main__":
    main()
