"""The requirements files pin exact versions, and pymdown-extensions keeps its security fix."""

from __future__ import annotations

import re

from conftest import ROOT


def requirement_lines(name: str) -> list[str]:
    lines = (ROOT / name).read_text().splitlines()
    return [l.strip() for l in lines if l.strip() and not l.startswith("#") and not l.startswith(("-r ", "-e "))]


def test_every_requirement_is_an_exact_pin():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in requirement_lines(name):
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][A-Za-z0-9.]*", line), (name, line)


def test_pymdown_extensions_keeps_the_snippets_path_traversal_fix():
    pins = dict(line.split("==") for line in requirement_lines("requirements.txt"))
    version = tuple(int(part) for part in pins["pymdown-extensions"].split("."))
    assert version >= (10, 21, 3)
