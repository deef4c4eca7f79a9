"""Find Material's compiled assets by their hashed names in the theme's folders, so no template types a hash."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Each compiled asset's path in the theme, its content hash as the wildcard; a release renames them.
PATTERNS = {
    "bundle": "assets/javascripts/bundle.*.min.js",
    "stylesheet": "assets/stylesheets/main.*.min.css",
    "palette": "assets/stylesheets/palette.*.min.css",
    "search_worker": "assets/javascripts/workers/search.*.min.js",
}

# The site's search worker (overrides/), which imports Material's worker and stems typed words.
STEMMED_WORKER = "assets/javascripts/workers/search-stemmed.js"


class ThemeAssetError(ValueError):
    """A compiled asset the templates need is missing from the theme, or is there twice."""


@dataclass(frozen=True)
class ThemeAssets:
    """Paths of Material's compiled assets, relative to the theme folder (and to the built site)."""

    bundle: str
    stylesheet: str
    palette: str
    search_worker: str

    @property
    def stemmed_worker(self) -> str:
        """The site's search worker, given Material's worker's file name in its query string."""
        return f"{STEMMED_WORKER}?material={PurePosixPath(self.search_worker).name}"


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def find_theme_assets(theme_dirs: Iterable[Path]) -> ThemeAssets:
    """Each asset as the first theme folder holding one names it (custom_dir first, as MkDocs reads them).

    Raises ThemeAssetError, naming the asset, when no folder holds it or a folder holds two.
    """
    theme_dirs = [Path(folder) for folder in theme_dirs]
    return ThemeAssets(**{name: find_asset(theme_dirs, name, pattern) for name, pattern in PATTERNS.items()})


def find_asset(theme_dirs: list[Path], name: str, pattern: str) -> str:
    """The one file matching pattern in the first theme folder that has any, as a POSIX path."""
    for folder in theme_dirs:
        found = sorted(path.relative_to(folder).as_posix() for path in folder.glob(pattern) if path.is_file())
        if len(found) > 1:
            raise ThemeAssetError(f"{name}: {len(found)} files match {pattern} in {folder}: {', '.join(found)}")
        if found:
            return found[0]
    raise ThemeAssetError(f"{name}: no file matches {pattern} in the theme ({', '.join(map(str, theme_dirs))})")
