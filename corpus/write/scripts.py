"""The site's own scripts, as the engines load them: those mkdocs.yml lists from the theme folder
(overrides/), deferred, are joined into one file, in the order listed, so that a page asks for
one script of the site's rather than one for each (each request holds up the page's first
paint on a slow phone network)."""

from __future__ import annotations

from pathlib import Path

from corpus.problems import CorpusError

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The joined file, by its path in the site (and in the stage's docs).
JOINED = "assets/javascripts/site.js"

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class ScriptError(CorpusError):
    """A script mkdocs.yml lists that cannot be read, one line naming it."""


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def joined_scripts(entries: list, theme: Path | None, label: str = "mkdocs.yml") -> tuple[list, bytes | None]:
    """(extra_javascript entries, the joined file's content or None). The entries that are files
    of the theme folder `theme`, deferred and neither async nor modules, are replaced by one entry
    for JOINED, deferred, at the place of the first; the others are kept as they are. Each part
    is joined as written, after a comment naming it and a semicolon, so that no part's last
    statement runs into the next part's first."""
    if theme is None:
        return list(entries), None
    kept: list = []
    parts: list[bytes] = []
    for entry in entries:
        if not _joinable(entry):
            kept.append(entry)
            continue
        path = theme / entry["path"]
        if not path.is_file():
            kept.append(entry)  # a file of docs/, or missing: the engine reports it
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ScriptError(f"{label}: extra_javascript: {entry['path']} cannot be read as UTF-8 ({error})") from None
        if not parts:
            kept.append({"path": JOINED, "defer": True})
        parts.append(f";\n// {entry['path']}\n{text.rstrip()}\n".encode("utf-8"))
    return kept, (b"".join(parts) if parts else None)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _joinable(entry: object) -> bool:
    """A deferred classic script given by its path (not async, not a module)."""
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("path"), str)
        and entry.get("defer") is True
        and not entry.get("async")
        and entry.get("type") in (None, "", "text/javascript")
        and set(entry) <= {"path", "defer", "async", "type"}
    )
