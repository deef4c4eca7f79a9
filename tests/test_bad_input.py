"""The build refuses bad article input with one line naming the file and field, and publishes nothing."""

from __future__ import annotations

import re

import pytest

from conftest import run_mkdocs_build

PAGE = "docs/articles/there-is-no-way-back.md"


def break_page(project, old: str, new: str) -> None:
    page = project / PAGE
    text = page.read_text(encoding="utf-8")
    assert old in text, old
    page.write_text(text.replace(old, new, 1), encoding="utf-8")


CASES = {
    "missing required field": ("source: Mondo Military\n", "", r"there-is-no-way-back\.md: 'source': required field is missing"),
    "wrong type": ("updated: 2024-01-31", "updated: last January", r"there-is-no-way-back\.md: 'updated': must be a date"),
    "front matter not YAML": ("source: Mondo Military", "source: [Mondo Military", r"there-is-no-way-back\.md: front matter: not valid YAML \(line \d+"),
    "original missing": ("original: 001_a7d68952c481db25.txt", "original: 001_missing.txt", r"there-is-no-way-back\.md: 'original': docs/sources/001_missing\.txt does not exist"),
    "lost word": ("responded to this problem", "responded to this", r"there-is-no-way-back\.md: body: word \d+ of 001_a7d68952c481db25\.txt is 'problem' but the page has 'through'"),
    "undeclared furniture": ("dropped:\n  - Related Pages\n", "", r"there-is-no-way-back\.md: body: .*'Related' and on are missing"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_refused_with_one_line_naming_file_and_field(project_copy, tmp_path, case):
    old, new, message = CASES[case]
    break_page(project_copy, old, new)
    site_dir = tmp_path / "out"
    result = run_mkdocs_build(project_copy, site_dir)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    errors = [line for line in result.stderr.splitlines() if re.search(message, line)]
    assert len(errors) == 1, result.stderr
    # Our message is one line: file, field, problem.
    assert errors[0].startswith("ERROR   -  docs/articles/there-is-no-way-back.md: ")
    assert not (site_dir / "index.html").exists(), "a refused build must publish nothing"


def test_an_unbroken_copy_builds(project_copy, tmp_path):
    # The control for the cases above: the copy itself is sound.
    result = run_mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
