"""Every built page is valid HTML: the W3C Nu HTML Checker (vnu-jar from npm, run by Java) reports no error."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Material's template errors the site's overrides fix, on a page of their own: proof the checker is live.
BROKEN = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Broken</title></head><body>
<input type="checkbox" id="__drawer" autocomplete="off"><label for="__drawer" tabindex="">Menu</label>
</body></html>
"""


def check(pages: list[Path]) -> dict[Path, list[str]]:
    """The checker's errors, by page, for the given HTML files."""
    java = shutil.which("java")
    assert java, "a Java runtime runs the HTML checker: apt-get install -y default-jre-headless (.ci/run does it)"
    assert VNU.is_file(), "run `npm ci` (make test does it) to install vnu-jar"
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, timeout=300)
    errors: dict[Path, list[str]] = {}
    for message in json.loads(result.stderr or result.stdout)["messages"]:
        errors.setdefault(Path(unquote(urlsplit(message.get("url", "")).path)), []).append(
            f"{message.get('lastLine', '?')}: {message['type']}: {message['message']}")
    return errors


def test_every_page_is_valid_html_and_the_checker_is_live(site, tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text(BROKEN)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 7
    errors = check([broken, *pages])
    # The deliberate mistakes are caught, one error each...
    assert len(errors.pop(broken, [])) == 2, errors
    # ...and no built page has any.
    assert errors == {}
