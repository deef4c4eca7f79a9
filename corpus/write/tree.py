"""Write the stage's files into its folder, touching only those that changed, so that a watcher
sees an edit once and a rebuild writes nothing it need not."""

from __future__ import annotations

import os
from pathlib import Path

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def write_tree(folder: Path, files: dict[str, str | bytes]) -> tuple[int, int]:
    """Make `folder` hold exactly `files` (path -> content); return (written, removed).

    A file whose content is already there is left as it is; a file or folder no longer in
    `files` is removed.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for path, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = folder / path
        try:
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
    for current, folders, names in os.walk(folder, topdown=False):
        here = Path(current)
        for name in names:
            relative = (here / name).relative_to(folder)
            if relative not in wanted:
                (here / name).unlink()
                removed += 1
        if here != folder and not any(here.iterdir()):
            here.rmdir()
    return written, removed
