"""The site's scripts joined into one file (corpus.write.scripts): which entries are joined, in
what order, and a script that cannot be read named in one line."""

from __future__ import annotations

import pytest

from corpus.write.scripts import JOINED, ScriptError, joined_scripts


def theme_with(tmp_path, **files):
    for name, text in files.items():
        path = tmp_path / "assets" / "javascripts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def deferred(name: str) -> dict:
    return {"path": f"assets/javascripts/{name}", "defer": True}


def test_deferred_scripts_of_the_theme_become_one_file_in_the_order_listed_at_the_first_ones_place(tmp_path):
    theme = theme_with(tmp_path, **{"a.js": "const a = 1\n", "b.js": "(function () { b() })()", "m.js": "export {}", "s.js": "x()"})
    entries = [
        "https://example.org/kept-as-a-string.js",
        deferred("b.js"),
        {"path": "assets/javascripts/m.js", "type": "module"},
        {"path": "assets/javascripts/s.js", "async": True},
        deferred("a.js"),
        deferred("not-in-the-theme.js"),
    ]
    kept, joined = joined_scripts(entries, theme)
    assert kept == [entries[0], {"path": JOINED, "defer": True}, entries[2], entries[3], entries[5]]
    text = joined.decode("utf-8")
    # b first, then a; a semicolon keeps "(function...)" from calling what comes before it.
    assert text == ";\n// assets/javascripts/b.js\n(function () { b() })()\n;\n// assets/javascripts/a.js\nconst a = 1\n"


def test_nothing_to_join_leaves_the_entries_as_they_are(tmp_path):
    entries = [{"path": "assets/javascripts/m.js", "type": "module"}, "plain.js"]
    assert joined_scripts(entries, theme_with(tmp_path, **{"m.js": "export {}"})) == (entries, None)
    assert joined_scripts([deferred("a.js")], None) == ([deferred("a.js")], None)


def test_a_script_that_is_not_utf8_is_named_in_one_line(tmp_path):
    theme = theme_with(tmp_path, **{"a.js": ""})
    (theme / "assets" / "javascripts" / "a.js").write_bytes(b"\xff\xfe bad")
    with pytest.raises(ScriptError) as raised:
        joined_scripts([deferred("a.js")], theme)
    assert len(raised.value.lines) == 1
    assert raised.value.lines[0].startswith("mkdocs.yml: extra_javascript: assets/javascripts/a.js cannot be read as UTF-8")
