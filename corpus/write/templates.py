"""The stage's templates: every page part the site adds, rendered with autoescape, so that every
string a maintainer writes reaches the page as text and markup comes from the templates only."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

FOLDER = Path(__file__).resolve().parent / "templates"

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def environment() -> Environment:
    """One environment per process: autoescaped, and loud about an undefined name."""
    return Environment(
        loader=FileSystemLoader(FOLDER), autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True
    )


def render(name: str, **context) -> str:
    """The template `name` rendered with `context`."""
    return environment().get_template(name).render(**context)
