"""The build refuses bad article input with one line naming the file and field, and publishes nothing."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT, run_mkdocs_build

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


ORIGINAL = "docs/sources/001_a7d68952c481db25.txt"


def test_an_original_that_is_not_utf8_is_refused_with_its_byte_offset(project_copy, tmp_path):
    original = project_copy / ORIGINAL
    text = original.read_bytes()
    offset = text.index(b"Guangming")
    # A Latin-1 "a umlaut", as an editor saving in the wrong encoding would write it.
    original.write_bytes(text[:offset] + "\u00e4".encode("latin-1") + text[offset + 1:])
    result = run_mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr + result.stdout
    errors = [line for line in result.stderr.splitlines() if ORIGINAL in line]
    assert errors == [
        f"ERROR   -  {ORIGINAL}: byte {offset}: not UTF-8 (byte 0xe4); save the file as UTF-8, "
        "e.g. iconv -f latin1 -t utf-8 001_a7d68952c481db25.txt > 001_a7d68952c481db25.txt.utf8"
    ]
    assert not (tmp_path / "out" / "index.html").exists()


def test_a_page_saved_with_a_byte_order_mark_builds(project_copy, tmp_path):
    page = project_copy / PAGE
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    result = run_mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "articles" / "there-is-no-way-back" / "index.html").exists()


@pytest.mark.parametrize("path", [PAGE, ORIGINAL])
def test_an_empty_file_is_refused_as_empty(project_copy, tmp_path, path):
    (project_copy / path).write_text("", encoding="utf-8")
    result = run_mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"ERROR   -  {path}: file: is empty" in result.stderr.splitlines()


THREE_PROBLEMS = [
    (PAGE, "source: Mondo Military\n", "source: [Mondo, Military]\n"),
    ("docs/articles/nato-russia-and-north-korea.md", "under the maverick influence", "under the influence"),
    ("data/voices.yml", "attribution: information", "attribution: rumour"),
]


def break_three(project) -> None:
    for path, old, new in THREE_PROBLEMS:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, old
        file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_build_lists_every_problem_before_it_stops(project_copy, tmp_path):
    break_three(project_copy)
    result = run_mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    errors = [line[len("ERROR   -  "):] for line in result.stderr.splitlines() if line.startswith("ERROR   -  ")]
    assert [line.split(":")[0] for line in errors[:3]] == [path for path, _, _ in THREE_PROBLEMS]
    assert errors[3].startswith("3 problem(s) in the articles and data")


def test_make_check_lists_the_same_problems_without_building(project_copy, tmp_path):
    break_three(project_copy)
    build = run_mkdocs_build(project_copy, tmp_path / "out")
    built = [line[len("ERROR   -  "):] for line in build.stderr.splitlines() if line.startswith("ERROR   -  ")][:3]
    check = subprocess.run([sys.executable, "-m", "corpus.check", str(project_copy)], capture_output=True, text=True, timeout=60)
    assert check.returncode == 1
    assert check.stdout.splitlines() == built
    assert all(re.match(r"^[\w./-]+: [^:]+: .+", line) for line in built)
    assert "Traceback" not in check.stderr and check.stderr.startswith("3 problem(s) found")
    assert not (project_copy / "site").exists()


def test_make_check_passes_on_the_project():
    check = subprocess.run([sys.executable, "-m", "corpus.check", str(ROOT)], capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout
    assert check.stdout == "" and "no problems" in check.stderr
