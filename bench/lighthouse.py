"""Print Lighthouse's four scores, total blocking time and transfer of the site's pages, built by
MkDocs + Material and by Zensical, run alternately with plain Material's page of the three raw
texts, with the goals of issues 21 and 22: performance at least plain's in the same run (median
of the rounds), total blocking time within 50 ms of plain's, and 100 in accessibility, best
practices and SEO."""

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
# Every kind of page MkDocs builds (the largest article for the three), and Zensical's two heaviest;
# all of them, alternately with plain Material's page, in each round. Three rounds keep
# `make bench` under ten minutes; --rounds 5, or --zensical-pages with more, for more.
PAGES = ["", "analysis/", "article-index/", "contexts/", "tags/", "articles/there-is-no-way-back/"]
ZENSICAL_PAGES = ["analysis/", "articles/there-is-no-way-back/"]
TBT_MARGIN_MS = 50
# Lighthouse refuses to audit a page served with status 404, so the 404 page is not listed;
# the browser tests check it (styled, under /<repo>/, no failed requests).
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
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
         f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}",
         # The screenshots count towards no score; leaving them out keeps `make bench` under ten minutes.
         "--skip-audits=screenshot-thumbnails,final-screenshot,full-page-screenshot"],
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


def blocking_ms(report: dict) -> float:
    """Total blocking time, in milliseconds."""
    return report["audits"]["total-blocking-time"]["numericValue"]


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


def plain_site(tmp: Path, url: str, env: dict) -> Path:
    """Plain Material (its theme, system fonts, no extensions, no plugin but search) with one page
    holding the three raw texts, a paragraph a line."""
    plain = tmp / "plain"
    (plain / "docs").mkdir(parents=True)
    texts = []
    for source in sorted((ROOT / "docs" / "sources").glob("*.txt")):
        lines = [line.strip() for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
        texts.append(f"## {source.name}\n\n" + "\n\n".join(lines))
    (plain / "docs" / "index.md").write_text("# The three texts\n\n" + "\n\n".join(texts) + "\n", encoding="utf-8")
    (plain / "mkdocs.yml").write_text(
        f"site_name: Plain Material\nsite_url: {url}\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n")
    out = tmp / "plain-site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(out)], check=True, cwd=plain, env=env)
    return out


def zensical_site(tmp: Path, url: str, env: dict) -> Path:
    """The site built by Zensical (a copy of the project: the stage and `zensical build`)."""
    from project import copy_project

    project = copy_project(tmp / "zensical-project")
    env = {**env, "SITE_URL": url}
    subprocess.run([sys.executable, "-m", "corpus.stage", str(project), "--site-url", url], check=True, cwd=project, env=env,
                   stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-m", "zensical", "build", "--clean", "--strict", "--config-file",
                    str(project / "build" / "stage" / "zensical.yml")], check=True, cwd=project, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return project / "build" / "stage" / "site"


def row(label: str, medians: list[int], tbt: float, critical: float, background: float, plain: tuple[int, float] | None) -> str:
    versus = f"{medians[0] - plain[0]:>+5} {tbt - plain[1]:>+8.0f}" if plain else f"{'':>5} {'':>8}"
    return (f"{label:<48} {medians[0]:>4} {tbt:>6.0f} {medians[1]:>4} {medians[2]:>4} {medians[3]:>4} "
            f"{critical:>8.1f} {background:>10.1f} {versus}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", nargs="*", default=PAGES)
    parser.add_argument("--zensical-pages", nargs="*", default=ZENSICAL_PAGES)
    parser.add_argument("--rounds", type=int, default=3, help="rounds, each running every page once, plain Material's first")
    args = parser.parse_args()
    chrome = chrome_path()
    port = free_port()
    base_url = f"http://127.0.0.1:{port}{BASE}"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        env = {**os.environ, "SITE_URL": base_url, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
                       check=True, cwd=ROOT, env=env)
        shutil.copytree(plain_site(tmp, base_url + "plain-material/", env), site / "plain-material")
        if args.zensical_pages:
            shutil.copytree(zensical_site(tmp, base_url + "zensical/", env), site / "zensical")
        targets = [("plain Material, the three raw texts", "plain-material/")]
        targets += [(f"MkDocs + Material /{path}", path) for path in args.pages]
        targets += [(f"Zensical /{path}", f"zensical/{path}") for path in args.zensical_pages]
        reports: dict[str, list[dict]] = {label: [] for label, _ in targets}
        with PagesServer(site, BASE, port) as server:
            for _ in range(args.rounds):
                for label, path in targets:
                    reports[label].append(lighthouse(server.url + path, chrome))
        print(f"Lighthouse (mobile preset, simulated throttling), {args.rounds} rounds, every page once a round after "
              f"plain Material's page; medians (the lower of the middle two); served gzip-compressed under {BASE}")
        print("perf: performance score; TBT: total blocking time (ms); KiB transferred on the critical path (document, "
              "its stylesheets, scripts, images) and in the background (fetched by scripts afterwards)")
        print(f"{'page':<48} {'perf':>4} {'TBT':>6} {'a11y':>4} {'b-p':>4} {'seo':>4} {'critical':>8} {'background':>10} "
              f"{'Δperf':>5} {'ΔTBT':>8}  (Δ: against plain Material in the same runs)")
        plain_label = targets[0][0]
        plain_perf = statistics.median_low(scores(r)[0] for r in reports[plain_label])
        plain_tbt = statistics.median(blocking_ms(r) for r in reports[plain_label])
        misses = []
        for label, path in targets:
            runs = reports[label]
            medians = [statistics.median_low(s) for s in zip(*(scores(r) for r in runs))]
            tbt = statistics.median(blocking_ms(r) for r in runs)
            critical, background = (statistics.median(kib) for kib in zip(*(split_transfer(r) for r in runs)))
            is_plain = label == plain_label
            print(row(label, medians, tbt, critical, background, None if is_plain else (plain_perf, plain_tbt)))
            if is_plain:
                continue
            report = sorted(runs, key=lambda r: r["categories"]["performance"]["score"] or 0)[len(runs) // 2]
            if medians[0] < plain_perf:
                misses.append(f"{label}: performance {medians[0]} < plain Material's {plain_perf}")
            if tbt > plain_tbt + TBT_MARGIN_MS:
                misses.append(f"{label}: total blocking time {tbt:.0f} ms > plain Material's {plain_tbt:.0f} ms + {TBT_MARGIN_MS} ms")
            for category, score in zip(CATEGORIES[1:], medians[1:]):
                if score < 100:
                    misses.append(f"{label} {category} {score}: {', '.join(failing_audits(report, category))}")
        print(f"goals: performance at least plain Material's ({plain_perf}), total blocking time at most "
              f"{plain_tbt:.0f} + {TBT_MARGIN_MS} ms, 100 in accessibility, best practices and SEO: "
              + ("met" if not misses else f"{len(misses)} missed"))
        for miss in misses:
            print(f"  missed: {miss}")


if __name__ == "__main__":
    main()
