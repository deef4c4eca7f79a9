"""Write the stage's files into its folder, touching only those that changed, so that a watcher
sees an edit once and a rebuild writes nothing it need not."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def write_tree(folder: Path, files: dict[str, str | bytes], written_before: dict[str, str] | None = None) -> tuple[int, int, dict[str, str]]:
    """Make `folder` hold exactly `files` (path -> content); return (written, removed, digests).

    A file whose content is already there is left as it is; a file or folder no longer in
    `files` is removed. `written_before` is the digests this returned last time: a file they
    say is unchanged is not read again to find out.
    """
    folder.mkdir(parents=True, exist_ok=True)
    before = written_before or {}
    digests = {}
    written = 0
    for path, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        digest = digests[path] = hashlib.blake2b(data, digest_size=16).hexdigest()
        target = folder / path
        try:
            if before.get(path) == digest and target.stat().st_size == len(data):
                continue
            if target.stat().st_size == len(data) and target.read_bytes() == data:
                continue
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_bytes(data)
        temporary.replace(target)
        written += 1
    wanted = {Path(path) for path in files}
    removed = 0
    for current, _, names in os.walk(folder, topdown=False):
        here = Path(current)
        for name in names:
            if (here / name).relative_to(folder) not in wanted:
                (here / name).unlink()
                removed += 1
        if here != folder and not any(here.iterdir()):
            here.rmdir()
    return written, removed, digests
