"""Material's compiled assets are found by their hashed names in the theme's folders (corpus.write.theme_assets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.write.theme_assets import ThemeAssetError, find_theme_assets

NAMES = {
    "bundle": "assets/javascripts/bundle.0a1b2c3d.min.js",
    "stylesheet": "assets/stylesheets/main.11112222.min.css",
    "palette": "assets/stylesheets/palette.33334444.min.css",
    "search_worker": "assets/javascripts/workers/search.5e6f7a8b.min.js",
}


def theme(folder: Path, names: dict[str, str] = NAMES, extra: tuple[str, ...] = ()) -> Path:
    """A fake theme folder holding files of the given names (and their source maps)."""
    for name in [*names.values(), *extra]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("/* compiled */")
        (folder / f"{name}.map").write_text("{}")
    return folder


def test_each_asset_is_found_by_its_hashed_name(tmp_path):
    assets = find_theme_assets([theme(tmp_path / "material")])
    assert {name: getattr(assets, name) for name in NAMES} == NAMES
    assert assets.stemmed_worker == "assets/javascripts/workers/search-stemmed.js?material=search.5e6f7a8b.min.js"


def test_the_first_theme_folder_holding_an_asset_names_it(tmp_path):
    custom = theme(tmp_path / "overrides", {"search_worker": "assets/javascripts/workers/search.ffffffff.min.js"})
    (custom / "assets" / "javascripts" / "workers" / "search-stemmed.js").write_text("// the site's own")
    assets = find_theme_assets([custom, theme(tmp_path / "material")])
    assert assets.search_worker == "assets/javascripts/workers/search.ffffffff.min.js"
    assert assets.bundle == NAMES["bundle"]


def test_a_missing_asset_is_one_error_naming_it(tmp_path):
    names = {key: value for key, value in NAMES.items() if key != "search_worker"}
    with pytest.raises(ThemeAssetError, match=r"^search_worker: no file matches assets/javascripts/workers/search\.\*\.min\.js"):
        find_theme_assets([theme(tmp_path / "material", names)])


def test_two_candidates_in_one_folder_are_refused(tmp_path):
    folder = theme(tmp_path / "material", extra=("assets/javascripts/bundle.99999999.min.js",))
    with pytest.raises(ThemeAssetError, match=r"^bundle: 2 files match .*bundle\.0a1b2c3d\.min\.js, .*bundle\.99999999\.min\.js"):
        find_theme_assets([folder])


def test_the_installed_material_holds_every_asset():
    import material.templates

    folder = Path(material.templates.__file__).parent
    assets = find_theme_assets([folder])
    for name in NAMES:
        assert (folder / getattr(assets, name)).is_file(), name
