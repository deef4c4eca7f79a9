"""What the stage is made from, as one digest, so that a run whose inputs did not change since the
last one, and whose output is still all there, does nothing."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Everything the stage reads, relative to the project folder: the configuration and the folders
# of what maintainers write (pages, originals, curated data, glossary, theme).
INPUT_FILES = ("mkdocs.yml",)
INPUT_FOLDERS = ("docs", "data", "includes", "overrides")

# The environment the configuration reads (mkdocs.yml's !ENV).
INPUT_ENVIRONMENT = ("SITE_URL",)

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def fingerprint(root: Path, *settings: str) -> str:
    """A digest of every input file's path and content, the environment the configuration reads
    and `settings` (the code's own version, the address asked for)."""
    digest = hashlib.blake2b(digest_size=20)
    for value in (*settings, *(f"{name}={os.environ.get(name, '')}" for name in INPUT_ENVIRONMENT)):
        _add(digest, value.encode("utf-8", "surrogatepass"))
    for name in INPUT_FILES:
        path = root / name
        _add(digest, name.encode())
        _add(digest, path.read_bytes() if path.is_file() else b"\0missing")
    for folder in INPUT_FOLDERS:
        base = root / folder
        for current, _, names in sorted(os.walk(base)):
            for name in sorted(names):
                path = os.path.join(current, name)
                _add(digest, os.path.relpath(path, root).replace(os.sep, "/").encode("utf-8", "surrogateescape"))
                with open(path, "rb") as file:
                    _add(digest, file.read())
    return digest.hexdigest()


def sizes(folder: Path, parts: tuple[str, ...]) -> dict[str, int]:
    """The size of every file of `parts` (files and folders in `folder`), by path."""
    found = {}
    base = str(folder)
    for part in parts:
        top = os.path.join(base, part)
        if os.path.isfile(top):
            found[part] = os.stat(top).st_size
        for current, _, names in os.walk(top):
            for name in names:
                path = os.path.join(current, name)
                found[os.path.relpath(path, base).replace(os.sep, "/")] = os.stat(path).st_size
    return found


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _add(digest, data: bytes) -> None:
    """Add a length-prefixed part, so that no two sequences of parts make the same digest."""
    digest.update(len(data).to_bytes(8, "little"))
    digest.update(data)
