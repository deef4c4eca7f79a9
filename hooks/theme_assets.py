"""MkDocs hook: tell the templates the hashed names of Material's compiled assets, found in the theme's files."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from corpus.write.theme_assets import ThemeAssetError, find_theme_assets

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# overrides/base.html names Material's bundle, stylesheets and search worker through
# `theme_assets`, so that a release that renames them (a new hash) needs no edit here.
def on_env(env, config, files):
    try:
        env.globals["theme_assets"] = find_theme_assets(Path(folder) for folder in config.theme.dirs)
    except ThemeAssetError as error:
        raise PluginError(f"theme: {error}") from None
    return env
