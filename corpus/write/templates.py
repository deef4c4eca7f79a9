"""The stage's templates: every page part the site adds, rendered with autoescape, so that every
string a maintainer writes reaches the page as text and markup comes from the templates only."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

FOLDER = Path(__file__).resolve().parent / "templates"

# The environment of this process, once made.
_ENVIRONMENT: list[Environment] = []

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def keep_compiled(folder: Path) -> None:
    """From now on, keep compiled templates in `folder`, so that the next run need not compile them."""
    folder.mkdir(parents=True, exist_ok=True)
    _ENVIRONMENT[:] = [_environment(FileSystemBytecodeCache(str(folder)))]


def environment() -> Environment:
    """The environment of this process: autoescaped, and loud about an undefined name."""
    if not _ENVIRONMENT:
        _ENVIRONMENT.append(_environment(None))
    return _ENVIRONMENT[0]


def render(name: str, **context) -> str:
    """The template `name` rendered with `context`."""
    return environment().get_template(name).render(**context)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _environment(compiled: FileSystemBytecodeCache | None) -> Environment:
    return Environment(
        loader=FileSystemLoader(FOLDER), autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True,
        bytecode_cache=compiled,
    )
