"""Adding an article with one command (python -m corpus.new, `make article ORIGINAL=...`): the original
copied byte for byte, a page that keeps every character of it, the fields a person must supply
refused until they are written, and bad originals refused in one line with nothing written."""

from __future__ import annotations

import codecs
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DOCS, ROOT
from corpus.new import add_article, draft, escape_line
from corpus.read.articles import Article
from corpus.read.config import read_settings
from corpus.read.fidelity import check_fidelity
from corpus.read.rendering import render, site_markdown
from project import copy_project

ORIGINALS = sorted((DOCS / "sources").glob("*.txt"))

# Lines a maintainer may receive, each of which Markdown or the site's extensions would read as
# something other than text if written as it is.
HOSTILE_LINES = [
    "# Not a heading", "## Nor this", "---", "***", "___", "- not a list", "+ nor this", "* nor this either",
    "1. not numbered", "2) nor this", "> not a quote", "!!! note \"not an admonition\"", "??? note not folded",
    "<div>not HTML</div> <script>alert(1)</script>", "<!-- not a comment -->", "<!-- rendered -->",
    "*[NATO]: not an abbreviation", "[not a link](http://example.com) and [ref][1]", "[1]: http://example.com",
    "**not bold** and _not emphasis_ and `not code`", "Text {: #not-an-id .class }", "A\\ backslash \\* kept",
    "&amp; &lt; &#169; are written, not entities", "--8<-- \"not/a/snippet.md\"", "    four spaces first",
    "\tA tab first\tand inside", "| not | a | table |", "=====", "Trailing spaces  ", "[TOC]",
    "x" * 5000 + " a very long line " + "y " * 3000,
]


def site_md():
    return site_markdown(read_settings(ROOT / "mkdocs.yml"))


def page_of(text: str, slug: str = "x") -> tuple[Article, str]:
    """The article the command's page makes of a text, and the page's HTML."""
    found = draft(text)
    body_text = text
    article = Article(
        page=f"docs/articles/{slug}.md", slug=slug, title=found.title or "Supplied", source="S", original="x.txt",
        summary="s", body=found.body, original_text=body_text, byline=found.byline, dropped=tuple(found.dropped),
        title_supplied=found.title is None,
    )
    return article, render(site_md(), article.body)


def command(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "corpus.new", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "corpus.check", str(project)], capture_output=True, text=True, cwd=project, timeout=300)


def fill(page: Path, summary: str = "A summary the site writes.", title: str | None = None) -> None:
    """What a person writes: the summary, and the title where the source has no headline."""
    text = page.read_text(encoding="utf-8").replace('summary: ""', f"summary: {summary}", 1)
    if title is not None:
        text = text.replace('title: ""', f"title: {title}", 1)
    page.write_text(text, encoding="utf-8")


@pytest.fixture()
def scratch(tmp_path) -> Path:
    """A copy of the project to add articles to."""
    return copy_project(tmp_path / "project")


@pytest.mark.parametrize("original", ORIGINALS, ids=lambda p: p.name)
def test_each_original_becomes_a_page_that_passes_the_check_with_only_the_persons_fields_written(scratch, tmp_path, original):
    received = tmp_path / f"new_{original.name}"
    received.write_bytes(original.read_bytes())
    run = command(str(received), str(scratch), cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Write the summary" in run.stdout and "make check" in run.stdout
    copy = scratch / "docs" / "sources" / received.name
    assert copy.read_bytes() == original.read_bytes()
    [page] = [p for p in (scratch / "docs" / "articles").glob("*.md") if f'original: "{received.name}"' in p.read_text()]
    meta = yaml.safe_load(page.read_text(encoding="utf-8").split("---\n")[1])
    assert meta["added"] == dt.date.today() and meta["source"] == "Not stated"
    # Until a person writes the summary (and the title, where the source has no headline), the check says so.
    refused = check(scratch)
    assert refused.returncode == 1
    problems = [line for line in refused.stdout.splitlines() if line.startswith(f"docs/articles/{page.name}")]
    assert problems and all("'summary'" in line or "'title'" in line for line in problems), problems
    fill(page, title="A title the site supplies" if meta.get("title_supplied") else None)
    passed = check(scratch)
    assert passed.returncode == 0, passed.stdout


def test_the_headline_byline_and_furniture_are_recognised():
    # 001: a headline on its own line, a byline with an update date, and "Related Pages".
    found = draft((DOCS / "sources" / "001_a7d68952c481db25.txt").read_text(encoding="utf-8"))
    assert found.title.startswith("There is no way back?") and found.byline == "Mondo Military Updated on 2024-01-31"
    assert found.updated == "2024-01-31" and found.dropped == ["Related Pages"]
    # 003: its first line is a sentence, so the title is the site's to supply; "Comments" is furniture.
    found = draft((DOCS / "sources" / "003_e5dc64e63e726b82.txt").read_text(encoding="utf-8"))
    assert found.title is None and found.dropped == ["Comments"] and found.byline is None
    # 000: its first line runs on past its headline.
    assert draft((DOCS / "sources" / "000_a0c51f055d14d1f0.txt").read_text(encoding="utf-8")).title is None


@pytest.mark.parametrize("line", HOSTILE_LINES, ids=range(len(HOSTILE_LINES)))
def test_a_line_markdown_would_read_as_syntax_keeps_every_character(line):
    article, html = page_of(f"A line first.\n{line}\nA line last.\n")
    check_fidelity(article, html)
    # Nothing of it became an element: the page's text is paragraphs only.
    assert "<h1" not in html and "<hr" not in html and "<li" not in html and "<blockquote" not in html
    assert "<script" not in html and "<div" not in html and "<code" not in html and "<details" not in html


def test_hostile_originals_through_the_command_pass_the_check(scratch, tmp_path):
    body = "\n".join(HOSTILE_LINES)
    cases = {
        "markdown.txt": ("Hostile lines\n" + body + "\n").encode("utf-8"),
        "crlf_bom.txt": codecs.BOM_UTF8 + ("First line is a sentence.\r\n" + body.replace("\n", "\r\n") + "\r\n").encode("utf-8"),
        "tabs.txt": ("\tTabbed headline\t\n\n\t" + "\t".join(HOSTILE_LINES[:10]) + "\n").encode("utf-8"),
    }
    for name, content in cases.items():
        received = tmp_path / name
        received.write_bytes(content)
        run = command(str(received), str(scratch), cwd=ROOT)
        assert run.returncode == 0, (name, run.stdout + run.stderr)
        assert (scratch / "docs" / "sources" / name).read_bytes() == content
    for page in (scratch / "docs" / "articles").glob("*.md"):
        if 'summary: ""' in page.read_text(encoding="utf-8"):
            fill(page, title="Supplied title")
    result = check(scratch)
    assert result.returncode == 0, result.stdout


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("#>*_-+=!?`[]{}()<>&;:|\\.1 aZ\t~^%$@\"'")), min_size=1, max_size=40),
                min_size=1, max_size=6))
def test_any_line_of_syntax_characters_keeps_every_character(lines):
    lines = [line for line in lines if line.strip()] or ["x"]
    article, html = page_of("First sentence here.\n" + "\n".join(lines) + "\n")
    check_fidelity(article, html)


def test_escape_line_leaves_plain_text_as_it_is():
    assert escape_line("NATO met in Vilnius, and Japan's PM spoke.") == "NATO met in Vilnius, and Japan's PM spoke."


def test_an_original_that_is_not_utf8_or_whose_name_is_taken_is_refused_in_one_line(scratch, tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 au lait\nA second line.\n".encode("latin-1"))
    run = command(str(latin), str(scratch), cwd=ROOT)
    assert run.returncode == 1 and run.stdout.strip().count("\n") == 0 and "Traceback" not in run.stderr
    assert "latin.txt: byte 3: not UTF-8" in run.stdout
    taken = tmp_path / ORIGINALS[0].name
    taken.write_bytes(ORIGINALS[0].read_bytes())
    run = command(str(taken), str(scratch), cwd=ROOT)
    assert run.returncode == 1 and run.stdout.strip() == (
        f"docs/sources/{taken.name}: file: already exists (an original of that name is in the collection)")
    # Nothing was written.
    assert not (scratch / "docs" / "sources" / "latin.txt").exists()
    assert sorted(p.name for p in (scratch / "docs" / "articles").glob("*.md")) == sorted(p.name for p in (DOCS / "articles").glob("*.md"))


def test_a_page_whose_name_is_taken_is_refused_and_nothing_is_written(scratch, tmp_path):
    received = tmp_path / "again.txt"
    received.write_bytes(b"A Headline For Twice\n\nSome text.\n")
    add_article(received, scratch)
    second = tmp_path / "again2.txt"
    second.write_bytes(received.read_bytes())
    with pytest.raises(Exception, match=r"^docs/articles/a-headline-for-twice\.md: file: already exists"):
        add_article(second, scratch)
    assert not (scratch / "docs" / "sources" / "again2.txt").exists()


def test_make_article_runs_the_command():
    makefile = (ROOT / "Makefile").read_text()
    assert "article:" in makefile and "python -m corpus.new $(ORIGINAL)" in makefile
