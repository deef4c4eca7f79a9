"""Property-based fuzzing of what maintainers write: any front matter, any original (random
Unicode or random bytes) is either accepted and rendered as escaped text, or refused with
one-line problems naming the file; the check never fails with a traceback."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jinja2 import Environment

from pybtex.database import parse_string as parse_bibtex

from conftest import ROOT
from corpus.read.project import check_project
from corpus.write.citations import PARAGRAPH_SLOT, cite
from corpus.write.templates import environment

SLUG = "zz-fuzz"
PAGE = f"docs/articles/{SLUG}.md"
ORIGINAL = "docs/sources/zz-fuzz.txt"

# Text a maintainer might paste: letters, markup characters, quotes, entities, any Unicode.
MARKUP = st.sampled_from(["<b>", "</title>", "<img src=x onerror=alert(1)>", '"><i x=1>', "&amp;", "&", "'", '"', "{{ x }}", "{% if %}"])
TEXT = st.one_of(
    st.text(min_size=0, max_size=40),
    st.lists(st.one_of(MARKUP, st.text(alphabet="abcdefghij XYZ.,;:?!", min_size=1, max_size=8)), max_size=6).map(" ".join),
)
VALUE = st.one_of(
    TEXT, st.integers(), st.booleans(), st.none(), st.dates(), st.floats(allow_nan=False),
    st.lists(TEXT, max_size=3), st.lists(st.integers(), max_size=2), st.dictionaries(TEXT, TEXT, max_size=2),
)
FIELDS = ["title", "source", "original", "summary", "published", "updated", "added", "byline", "dropped",
          "title_supplied", "title_truncated", "tags", "unknown"]
# A sentence built from a safe alphabet, so that many examples pass the fidelity check.
SENTENCE = st.lists(
    st.one_of(st.text(alphabet="abcdefghijklmnop", min_size=1, max_size=7), st.sampled_from(["AT&T", "a < b", "“q”", "é", "Ω"])),
    min_size=1, max_size=8,
).map(" ".join)


NONBLANK = TEXT.filter(lambda t: t.strip())


@st.composite
def articles(draw):
    """(page bytes, original bytes) of a random article: half sound, with markup in every text
    field, half broken in random ways (types, fields, YAML, encoding, bytes)."""
    lines = draw(st.lists(SENTENCE, min_size=1, max_size=4))
    sound = draw(st.booleans())
    meta = {
        "title": draw(NONBLANK),
        "title_supplied": True,
        "source": draw(NONBLANK),
        "original": "zz-fuzz.txt",
        "added": "2026-12-01",
        "summary": draw(NONBLANK),
        "tags": draw(st.lists(NONBLANK, max_size=3)),
    }
    if draw(st.booleans()):
        meta[draw(st.sampled_from(["published", "updated"]))] = draw(st.dates(min_value=dt.date(1900, 1, 1)))
    if not sound:
        for key in draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=4)):
            meta[key] = draw(VALUE)
    kind = "yaml" if sound else draw(st.sampled_from(["yaml", "yaml", "raw", "none"]))
    if kind == "yaml":
        head = "---\n" + yaml.safe_dump(meta, allow_unicode=True, default_flow_style=False) + "---\n\n"
    elif kind == "raw":
        head = "---\n" + draw(st.text(max_size=60)) + "\n---\n\n"
    else:
        head = ""
    page = (head + "\n\n".join(lines) + "\n").encode("utf-8")
    if draw(st.booleans()):
        page = codecs.BOM_UTF8 + page
    text = "\n".join(lines).encode("utf-8")
    original = text if sound else draw(st.one_of(
        st.just(text),
        st.binary(max_size=60),
        st.text(max_size=60).map(lambda t: t.encode("utf-8")),
        st.just("\n".join(lines).encode("latin-1", errors="replace")),
    ))
    return page, original


class _Elements(HTMLParser):
    """Every element and attribute name in an HTML fragment."""

    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("fuzz")
    for part in ("mkdocs.yml", "docs", "data", "includes"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / part)
    return project


@pytest.fixture(scope="module")
def templates() -> Environment:
    """The stage's own template environment (autoescaped), as the pages are rendered with."""
    return environment()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(article=articles())
def test_any_article_is_accepted_escaped_or_refused_in_lines_naming_the_file(fuzz_project, templates, article):
    page, original = article
    (fuzz_project / PAGE).write_bytes(page)
    (fuzz_project / ORIGINAL).write_bytes(original)
    project = check_project(fuzz_project)  # must not raise
    for line in project.problems:
        assert "\n" not in line and "Traceback" not in line
        assert line.split(": ")[0] in (PAGE, ORIGINAL), line
        assert len(line.split(": ")) >= 3, line
    fuzzed = [a for a in project.articles if a.slug == SLUG]
    if project.problems:
        assert not fuzzed
        return
    # Accepted: every field reaches the header and the home page list as text.
    (article_,) = fuzzed
    cited = cite(article_, "https://example.org/site/articles/a/", "en")
    header = templates.get_template("partials/article-header.html").render(
        article=article_, original_url="x.txt", cited=cited, paragraph_slot=PARAGRAPH_SLOT,
        citation_files={"bib": "a.bib", "ris": "a.ris", "json": "a.json"},
    )
    # The downloads stay readable whatever the fields hold: BibTeX parses (its braces balance)
    # and every RIS value stays on its line.
    assert parse_bibtex(cited.bibtex, "bibtex").entries
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - ?.*", line) for line in cited.ris.strip().splitlines()), cited.ris
    listing = templates.get_template("partials/article-list.html").render(articles=[article_], base=".")
    for html, tags in ((header, {"header", "h1", "span", "p", "dl", "div", "dt", "dd", "time", "a", "strong",
                                 "details", "summary", "button", "i", "template", "small"}),
                       (listing, {"ul", "li", "a", "span", "p"})):
        found = _Elements()
        found.feed(html)
        assert found.tags <= tags, html
        assert found.attributes <= {"class", "id", "datetime", "href", "type", "aria-hidden", "data-search-exclude",
                                    "data-style", "data-clipboard-text", "data-slot", "download"}, html
