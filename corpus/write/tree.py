"""Write the stage's files into its folder, touching only those that changed, so that a watcher
sees an edit once and a rebuild writes nothing it need not."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def write_tree(
    folder: Path, files: dict[str, str | bytes | None], written_before: dict[str, str] | None = None, remove: bool = True,
    leave: tuple[str, ...] = (),
) -> tuple[int, int, dict[str, str]]:
    """Make `folder` hold exactly `files` (path -> content); return (written, removed, digests).

    A file whose content is already there is left as it is; a file or folder no longer in
    `files` is removed (unless not to `remove`: then the others are left as they are), but the
    files and folders `leave` names (paths in `folder`), which another process writes.
    `written_before` is the digests this returned last time: a file they say is unchanged is not
    read again to find out. A content of None keeps the file the last call wrote at that path,
    which must be there.
    """
    folder.mkdir(parents=True, exist_ok=True)
    base = str(folder)
    before = written_before or {}
    digests = {}
    written = 0
    folders: set[str] = set()
    for path, content in files.items():
        if content is None:
            if path not in before or not os.path.isfile(os.path.join(base, path)):
                raise FileNotFoundError(f"{os.path.join(base, path)}: kept from the last build, but not there")
            digests[path] = before[path]
            continue
        data = content.encode("utf-8") if isinstance(content, str) else content
        digest = digests[path] = hashlib.blake2b(data, digest_size=16).hexdigest()
        target = os.path.join(base, path)
        try:
            if os.stat(target).st_size == len(data):
                if before.get(path) == digest:
                    continue
                with open(target, "rb") as existing:
                    if existing.read() == data:
                        continue
        except FileNotFoundError:
            parent = os.path.dirname(target)
            if parent not in folders:
                os.makedirs(parent, exist_ok=True)
                folders.add(parent)
            # A new file: no reader has an older one to see half replaced.
            with open(target, "wb") as out:
                out.write(data)
            written += 1
            continue
        temporary = target + ".tmp"
        with open(temporary, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
        written += 1
    removed = 0
    if not remove:
        return written, removed, digests
    left = {os.path.join(base, *path.split("/")) for path in leave}
    for current, subfolders, names in os.walk(base):
        subfolders[:] = [name for name in subfolders if os.path.join(current, name) not in left]
        for name in names:
            path = os.path.join(current, name)
            if path in left or (path.endswith(".tmp") and path[:-4] in left):
                continue  # another process's file, or the one it is writing to put in its place
            if os.path.relpath(path, base).replace(os.sep, "/") not in files:
                try:
                    os.unlink(path)
                except FileNotFoundError:
                    continue
                removed += 1
    # Folders left empty go, deepest first, but those left alone, in them or holding them.
    for current, _, _ in sorted(os.walk(base), key=lambda walked: -len(walked[0])):
        if current != base and not any(os.path.commonpath([current, kept]) in (current, kept) for kept in left) \
                and not os.listdir(current):
            os.rmdir(current)
    return written, removed, digests


def link_or_copy(source: str, target: str) -> None:
    """Put the file `source` at `target` (its folders made) as a hard link: the same bytes, not
    written a second time. write_tree never changes a file in place (a changed file is a new
    one, put in its place), so a link keeps what was there when it was made. A copy where the
    file system cannot link (another device, or no links at all)."""
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.unlink(target)
    except FileNotFoundError:
        pass
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
