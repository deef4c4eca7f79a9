"""The stemming search worker loads Material's worker by the name the build finds, whatever Material calls it."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import material
import pytest

from conftest import BASE_PATH, ROOT, run_mkdocs_build, soup
from pages_server import PagesServer, free_port
from test_browser_search import article_of, first_result

MATERIAL_PACKAGE = Path(material.__file__).parent
WORKERS = Path("assets") / "javascripts" / "workers"
RENAMED = "search.0badc0de.min.js"


def search_worker_of(page: Path) -> tuple[str, str]:
    """(the worker a built page's __config names, the Material worker named in its query string)."""
    config = json.loads(soup(page).find("script", id="__config").string)
    url = urlsplit(config["search"])
    return url.path, parse_qs(url.query)["material"][0]


def test_every_page_starts_the_stemming_worker_with_materials_own(site):
    # Every page the theme draws: not the articles' parts of the analysis, which their pages fetch.
    for page in sorted(p for p in site.rglob("*.html") if p.name != "collection.html"):
        worker, material_worker = search_worker_of(page)
        assert worker.endswith("assets/javascripts/workers/search-stemmed.js"), page
        assert (site / WORKERS / material_worker).is_file(), (page, material_worker)


@pytest.fixture()
def material_renamed(tmp_path) -> Path:
    """A copy of the installed Material (files linked, folders real) whose search worker has another hash."""
    copy = tmp_path / "packages" / "material"
    shutil.copytree(MATERIAL_PACKAGE, copy, copy_function=os.symlink,
                    ignore=shutil.ignore_patterns("__pycache__"))
    workers = copy / "templates" / WORKERS
    [original] = [p for p in workers.glob("search.*.min.js")]
    (workers / RENAMED).symlink_to(original.resolve())
    original.unlink()
    (workers / f"{original.name}.map").unlink()
    base = copy / "templates" / "base.html"
    text = base.resolve().read_text(encoding="utf-8")
    base.unlink()
    base.write_text(text.replace(original.name, RENAMED), encoding="utf-8")
    return copy.parent


def test_search_still_stems_when_materials_worker_is_renamed(material_renamed, chromium, tmp_path, monkeypatch):
    # Build against the renamed copy: it comes first on the path, so `material` is the copy.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(material_renamed), *sys.path]))
    port = free_port()
    site = tmp_path / "site"
    result = run_mkdocs_build(ROOT, site, site_url=f"http://127.0.0.1:{port}{BASE_PATH}")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (site / WORKERS).glob("search.*.min.js")] == [RENAMED]
    assert search_worker_of(site / "index.html")[1] == RENAMED

    with PagesServer(site, BASE_PATH, port) as server:
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        requested, problems = [], []
        context.on("request", lambda r: requested.append(urlsplit(r.url).path))
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(server.url)
        page.locator("input.md-search__input").click()
        # "escalate" finds the article only through the wrapper's stemming (Material alone finds nothing).
        page.keyboard.type("escalate", delay=25)
        first = article_of(first_result(page))
        context.close()
    assert first == "nato-russia-and-north-korea"
    assert any(path.endswith(f"/workers/{RENAMED}") for path in requested), requested
    assert problems == []
