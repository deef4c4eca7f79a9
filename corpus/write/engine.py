"""The engine configuration of the stage: the site's mkdocs.yml with the stage's docs folder, its
navigation and what each engine's theme needs, one file for MkDocs + Material and one for Zensical."""

from __future__ import annotations

import copy
from importlib.util import find_spec
from pathlib import Path

from corpus.read.articles import ARTICLES_DIR, Article
from corpus.read.config import Settings
from corpus.write.articles_index import sidebar_lists_articles
from corpus.write.pages import ANALYSIS_PAGE, ARTICLE_INDEX_PAGE, CONTEXTS_PAGE, HOME_PAGE, article_path
from corpus.write.theme_assets import PATTERNS, ThemeAssetError, find_asset, find_theme_assets

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The files the stage writes beside its docs folder.
MKDOCS_CONFIG = "mkdocs.yml"
ZENSICAL_CONFIG = "zensical.yml"
ZENSICAL_THEME = "theme-zensical"

# Settings that belong to the project, not to a build of the stage: the hook runs the stage, and
# the stage stands in for the folders a serve would watch.
PROJECT_ONLY = ("hooks", "watch", "docs_dir", "site_dir")

# Templates in overrides/ that are Material's own files with edits, and the site's search worker,
# which loads Material's: Zensical's theme has its own, so its build leaves them out.
MATERIAL_ONLY = ("base.html", "partials/nav-item.html", "partials/palette.html", "partials/search.html", "assets/javascripts/workers")

# Pages of the site besides the articles, in the order the sidebar lists them.
SITE_PAGES = (HOME_PAGE, ANALYSIS_PAGE, ARTICLE_INDEX_PAGE, CONTEXTS_PAGE, "tags/index.md")

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def navigation(articles: list[Article], pages: set[str]) -> dict:
    """The sidebar (`nav`): the site's pages, then each article, by file name, while there are
    few; beyond that the article index stands in for them, and `not_in_nav` says so."""
    nav: list = [page for page in SITE_PAGES if page in pages]
    if sidebar_lists_articles(len(articles)):
        nav.append({"Articles": [article_path(article) for article in sorted(articles, key=lambda a: a.slug)]})
        return {"nav": nav}
    return {"nav": nav, "not_in_nav": f"/{ARTICLES_DIR}/\n"}


def mkdocs_config(settings: Settings, root: Path, staged: dict) -> dict:
    """The configuration MkDocs + Material builds the stage with: the site's own, with the stage's
    docs and navigation, and the hashed names of Material's compiled assets for overrides/base.html."""
    config = _staged(settings, root, staged)
    custom = config["theme"].get("custom_dir")
    dirs = ([root / custom] if custom else []) + [material_theme_dir()]
    assets = find_theme_assets(dirs)
    config.setdefault("extra", {})["theme_assets"] = {**vars(assets), "stemmed_worker": assets.stemmed_worker}
    return config


def zensical_config(settings: Settings, root: Path, staged: dict) -> dict:
    """The configuration Zensical builds the stage with: the same, with the theme folder made for
    it (overrides/ less Material's own templates) and its output inside the stage."""
    config = _staged(settings, root, staged)
    if config["theme"].get("custom_dir"):
        config["theme"]["custom_dir"] = ZENSICAL_THEME
    config["site_dir"] = "site"
    # Zensical's bundle by its hashed name, for main.html to defer it as base.html defers Material's
    # (where Zensical is not installed, or names it otherwise, main.html leaves Zensical's as it is).
    try:
        config.setdefault("extra", {})["zensical_bundle"] = find_asset([zensical_theme_dir()], "bundle", PATTERNS["bundle"])
    except (FileNotFoundError, ThemeAssetError):
        pass
    return config


def zensical_theme_files(overrides: Path) -> dict[str, bytes]:
    """The files of the theme folder made for Zensical: overrides/ less what only Material reads."""
    found = {}
    for path in sorted(overrides.rglob("*")):
        name = path.relative_to(overrides).as_posix()
        if path.is_file() and not any(name == skipped or name.startswith(skipped + "/") for skipped in MATERIAL_ONLY):
            found[name] = path.read_bytes()
    return found


def custom_dir(settings: Settings, root: Path) -> Path | None:
    """The site's theme folder (mkdocs.yml's theme.custom_dir), or None if it names none."""
    theme = settings.config.get("theme")
    name = theme.get("custom_dir") if isinstance(theme, dict) else None
    return root / name if name else None


def zensical_theme_dir() -> Path:
    """The folder of Zensical's theme, found without importing it."""
    return _templates_of("zensical", "zensical")


def material_theme_dir() -> Path:
    """The folder of Material's theme, found without importing it."""
    return _templates_of("material", "mkdocs-material")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _templates_of(package: str, distribution: str) -> Path:
    """The templates folder of an installed package, found without importing it."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"{distribution} is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "templates"


def _staged(settings: Settings, root: Path, staged: dict) -> dict:
    """The site's configuration for a build of the stage folder, with what the stage sets in it
    (`staged`: the navigation, and the scripts as it joined them)."""
    config = {key: copy.deepcopy(value) for key, value in settings.config.items() if key not in PROJECT_ONLY}
    config["docs_dir"] = "docs"
    config.update(staged)
    theme = config.setdefault("theme", {})
    if isinstance(theme, str):
        theme = config["theme"] = {"name": theme}
    folder = custom_dir(settings, root)
    if folder is not None:
        theme["custom_dir"] = str(folder.resolve())
    return config

