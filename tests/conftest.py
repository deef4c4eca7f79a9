"""Shared fixtures: one strict build of the site per session, and throw-away project copies."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from project import add_synthetic_articles, copy_project

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SHARED_SOURCES = ROOT.parent / "shared" / "sources"
MKDOCS = [sys.executable, "-m", "mkdocs"]
ZENSICAL = [sys.executable, "-m", "zensical"]

# The path GitHub Pages serves a project site under; tests build for it.
BASE_PATH = "/nato-asia-pacific/"
TEST_SITE_URL = f"http://127.0.0.1{BASE_PATH}"


def run_mkdocs_build(project: Path, site_dir: Path, site_url: str = TEST_SITE_URL) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` on a project folder, returning the finished process."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
        timeout=600,
    )


def run_zensical_build(project: Path, site_dir: Path, site_url: str = TEST_SITE_URL) -> subprocess.CompletedProcess:
    """What `make build-zensical` runs, on a project folder: the stage, then `zensical build
    --strict` of it; the site is moved to site_dir. Returns the first step that failed, or the build."""
    env = {**os.environ, "SITE_URL": site_url}
    steps = (
        [sys.executable, "-m", "corpus.stage", str(project), "--site-url", site_url],
        [*ZENSICAL, "build", "--clean", "--strict", "--config-file", str(project / "build" / "stage" / "zensical.yml")],
    )
    for step in steps:
        result = subprocess.run(step, capture_output=True, text=True, env=env, cwd=project, timeout=600)
        if result.returncode:
            return result
    shutil.rmtree(site_dir, ignore_errors=True)
    shutil.move(project / "build" / "stage" / "site", site_dir)
    return result


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built once per session with --strict into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The site built by Zensical from a copy of the project, for the same address as `site`."""
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    site_dir = project.parent / "site"
    result = run_zensical_build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="session")
def dated(tmp_path_factory) -> tuple[Path, Path]:
    """(project, site): the project with four synthetic articles added (outlets stated or not,
    publication dates given or not), built once per session."""
    project = copy_project(tmp_path_factory.mktemp("dated") / "project")
    add_synthetic_articles(project, 4)
    site_dir = project / "out"
    result = run_mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stderr
    return project, site_dir


@pytest.fixture()
def project_copy(tmp_path) -> Path:
    """A private copy of the project (config, docs, templates, hooks, data) to break on purpose."""
    return copy_project(tmp_path / "project")


def soup(path: Path) -> BeautifulSoup:
    """Parse a built HTML file."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def collection_section(site: Path, slug: str):
    """An article's part of the analysis: the section of the file beside its page, which the page
    fetches and shows at its end (articles/<slug>/collection.html)."""
    section = soup(site / "articles" / slug / "collection.html").select_one("section.article-collection")
    assert section is not None, slug
    return section


def article_pages() -> list[Path]:
    """The article Markdown pages in docs/articles/."""
    return sorted((DOCS / "articles").glob("*.md"))


# Browser fixtures (Chromium through Playwright) live in tests/browser.py.
pytest_plugins = ["browser"]
