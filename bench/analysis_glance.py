"""Print the analysis at a glance: /analysis/'s full height at 1280 px with every fold closed, and
the HTML size of /analysis/ and of each article page (goal: 4,500 px or less)."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEIGHT_GOAL = 4500
BASELINE_HEIGHT = 9667  # the stack of tables before the pictures (issue 9)

sys.path.insert(0, str(ROOT / "tests"))
from browser import CHROMIUM_ARGS  # noqa: E402
from pages_server import PagesServer  # noqa: E402


def build(site: Path) -> None:
    env = {**os.environ, "SITE_URL": "http://127.0.0.1/", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=ROOT, env=env, check=True)


def page_height(site: Path) -> tuple[int, int, int]:
    """(height, width of the page, open folds) of /analysis/ at 1280 x 900."""
    from playwright.sync_api import sync_playwright

    from browser import find_chromium

    with PagesServer(site, "/") as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(playwright), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(server.url + "analysis/")
        page.wait_for_load_state("load")
        opened = page.evaluate("document.querySelectorAll('details[open]').length")
        height, width = page.evaluate("[document.documentElement.scrollHeight, document.documentElement.scrollWidth]")
        browser.close()
    return height, width, opened


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build(site)
        height, width, opened = page_height(site)
        print("Analysis at a glance (bench/analysis_glance.py)")
        print(f"  /analysis/ full height at 1280 x 900, every fold closed ({opened} open): {height:,} px "
              f"(goal {HEIGHT_GOAL:,} px; before the pictures {BASELINE_HEIGHT:,} px; "
              f"{'met' if height <= HEIGHT_GOAL else 'NOT met'}), page width {width} px")
        pages = [site / "analysis" / "index.html", *sorted(site.glob("articles/*/index.html"))]
        for path in pages:
            raw = path.read_bytes()
            print(f"  {path.parent.relative_to(site).as_posix() + '/':<52} HTML {len(raw) / 1024:6.1f} KiB, "
                  f"gzipped {len(gzip.compress(raw)) / 1024:5.1f} KiB")


if __name__ == "__main__":
    main()
