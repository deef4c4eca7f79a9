"""The site's copies of Material's templates are Material's own but for the edits listed here; no page patches a browser API."""

from __future__ import annotations

import re
from pathlib import Path

import material.templates
import pytest

from conftest import ROOT, soup
from corpus.write.theme_assets import find_theme_assets

MATERIAL = Path(material.templates.__file__).parent
OVERRIDES = ROOT / "overrides"
ASSETS = find_theme_assets([MATERIAL])

# Each copy's edits, as (Material's text, the copy's text); every one must apply exactly as often as listed.
EDITS = {
    "base.html": [
        # Compiled assets by the names the stage finds, not by a typed hash.
        (f"'{ASSETS.stylesheet}' | url", "config.extra.theme_assets.stylesheet | url", 1),
        (f"'{ASSETS.palette}' | url", "config.extra.theme_assets.palette | url", 1),
        # No autocomplete on a checkbox (HTML checker).
        ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">', 1),
        ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">', 1),
        # The stemming worker in place of Material's, which it imports by the name found.
        (f'"search": "{ASSETS.search_worker}" | url,', '"search": config.extra.theme_assets.stemmed_worker | url,', 1),
        # Scripts run once the page is parsed, after first paint; extra scripts after the bundle.
        (
            f"<script src=\"{{{{ '{ASSETS.bundle}' | url }}}}\"></script>\n"
            "      {% for script in config.extra_javascript %}\n"
            "        {{ script | script_tag }}\n"
            "      {% endfor %}",
            '<script src="{{ config.extra.theme_assets.bundle | url }}" defer></script>\n'
            "      {% for script in config.extra_javascript %}\n"
            "        {% if script is string %}\n"
            '          <script src="{{ script | url }}" defer></script>\n'
            "        {% else %}\n"
            "          {{ script | script_tag }}\n"
            "        {% endif %}\n"
            "      {% endfor %}",
            1,
        ),
    ],
    "partials/palette.html": [
        # Not Material's palette component, which its script mounts at load by restyling the whole
        # page; the site's palette.js does the same work when the reader switches.
        ('<form class="md-header__option" data-md-component="palette">', '<form class="md-header__option" data-palette>', 1),
    ],
    "partials/nav-item.html": [
        # A section's label has no tabindex rather than an empty one (HTML checker).
        ('id="{{ path }}_label" tabindex="{{ tabindex }}">',
         'id="{{ path }}_label"{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}>', 2),
    ],
}

# The comment a template opens with: Material's says "generated", the copy's lists its edits.
OPENING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.S)


def without_opening_comment(text: str) -> str:
    return OPENING_COMMENT.sub("", text, count=1)


@pytest.mark.parametrize("name", sorted(EDITS))
def test_the_copy_is_materials_template_with_the_listed_edits(name):
    expected = without_opening_comment((MATERIAL / name).read_text(encoding="utf-8"))
    for original, edited, count in EDITS[name]:
        assert expected.count(original) == count, f"Material's {name} changed: re-copy it and redo this edit: {original!r}"
        expected = expected.replace(original, edited)
    copy = (OVERRIDES / name).read_text(encoding="utf-8")
    assert OPENING_COMMENT.match(copy), f"overrides/{name} opens with a comment listing its edits"
    assert without_opening_comment(copy) == expected, f"overrides/{name} differs from Material's by more than the listed edits"


def test_no_template_or_script_types_a_hashed_asset_name():
    typed = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)")
    for path in OVERRIDES.rglob("*"):
        if path.suffix in (".html", ".js", ".css"):
            assert not typed.search(path.read_text(encoding="utf-8")), path


def test_no_page_script_patches_a_browser_api():
    # The page's own scripts and templates; the search worker changes lunr (inside Material's worker) only.
    page_side = [p for p in OVERRIDES.rglob("*") if p.suffix in (".html", ".js") and "workers" not in p.parts]
    assert any(p.name == "search-a11y.js" for p in page_side)
    for path in page_side:
        assert "prototype" not in path.read_text(encoding="utf-8"), path


def test_no_built_page_has_an_inline_script_that_patches_a_prototype(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 6
    for page in pages:
        for script in soup(page).find_all("script"):
            assert "prototype" not in (script.string or ""), page
