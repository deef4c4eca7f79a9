"""Print Lighthouse's four scores and the first-load transfer size of every page, served like GitHub Pages."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pages_server import PagesServer, free_port  # noqa: E402

BASE = "/nato-asia-pacific/"
PAGES = ["", "analysis/", "tags/", "articles/nato-in-asia-a-dream-that-can-be-realized/",
         "articles/there-is-no-way-back/", "articles/nato-russia-and-north-korea/"]
# Lighthouse refuses to audit a page served with status 404, so the 404 page is not listed;
# the browser tests check it (styled, under /<repo>/, no failed requests).
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
GOAL_KIB = 80


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", nargs="*", default=PAGES)
    args = parser.parse_args()
    chrome = chrome_path()
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}{BASE}", "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
                       check=True, cwd=ROOT, env=env)
        print(f"Lighthouse (mobile preset), pages served gzip-compressed under {BASE}")
        print(f"{'page':<55} {'perf':>4} {'a11y':>4} {'b-p':>4} {'seo':>4} {'KiB':>6}")
        misses = []
        with PagesServer(site, BASE, port) as server:
            for path in args.pages:
                report = lighthouse(server.url + path, chrome)
                scores = [round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES]
                kib = report["audits"]["total-byte-weight"]["numericValue"] / 1024
                print(f"{'/' + path:<55} {scores[0]:>4} {scores[1]:>4} {scores[2]:>4} {scores[3]:>4} {kib:>6.1f}")
                for category, score in zip(CATEGORIES, scores):
                    if score < 100:
                        misses.append(f"/{path} {category}: {', '.join(failing_audits(report, category))}")
                if kib > GOAL_KIB:
                    misses.append(f"/{path} transfer: {kib:.1f} KiB > {GOAL_KIB} KiB")
            # The same measurement of a one-page plain Material site, as the yardstick on this machine.
            plain = Path(tmp) / "plain"
            (plain / "docs").mkdir(parents=True)
            (plain / "docs" / "index.md").write_text("# Plain Material\n\nOne paragraph of text.\n")
            (plain / "mkdocs.yml").write_text(f"site_name: Plain\nsite_url: http://127.0.0.1:{port}{BASE}\ntheme:\n  name: material\n  font: false\n")
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(site / "plain-material")],
                           check=True, cwd=plain, env=env)
            report = lighthouse(server.url + "plain-material/", chrome)
            scores = [round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES]
            kib = report["audits"]["total-byte-weight"]["numericValue"] / 1024
            print(f"{'(plain Material, one page, same server)':<55} {scores[0]:>4} {scores[1]:>4} {scores[2]:>4} {scores[3]:>4} {kib:>6.1f}")
        print("goal: 100 in every category and at most 80 KiB on first load: " + ("met" if not misses else "missed"))
        for miss in misses:
            print(f"  {miss}")


if __name__ == "__main__":
    main()
