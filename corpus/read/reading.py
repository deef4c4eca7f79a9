"""Read the text files maintainers write: UTF-8, a byte-order mark accepted, anything else refused in one line."""

from __future__ import annotations

import codecs
from pathlib import Path

from corpus.problems import CorpusError

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def read_text(path: Path, label: str, error: type[CorpusError] = CorpusError) -> str:
    """The file's text; raise `error` naming `label` if it is missing, not UTF-8 or empty.

    A leading UTF-8 byte-order mark is dropped, as MkDocs does when it reads a page, and line
    ends become '\n'.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise error(f"{label}: file: does not exist") from None
    except OSError as problem:
        raise error(f"{label}: file: cannot be read ({problem.strerror or problem.__class__.__name__})") from None
    skipped = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    try:
        text = raw[skipped:].decode("utf-8")
    except UnicodeDecodeError as problem:
        offset = skipped + problem.start
        raise error(
            f"{label}: byte {offset}: not UTF-8 (byte 0x{raw[offset]:02x}); "
            f"save the file as UTF-8, e.g. iconv -f latin1 -t utf-8 {path.name} > {path.name}.utf8"
        ) from None
    if not text.strip():
        raise error(f"{label}: file: is empty")
    # Universal newlines, as Python's text mode and MkDocs read them.
    return text.replace("\r\n", "\n").replace("\r", "\n")
