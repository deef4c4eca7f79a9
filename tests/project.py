"""Copy the parts of the project a build needs, so a test or a bench can build it elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What a copy of the project needs to build on its own.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data", "includes", "corpus")


def copy_project(destination: Path) -> Path:
    """Copy config, docs, templates, hooks, data and package into destination; return it."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        elif source.is_file():
            shutil.copy2(source, destination / part)
    return destination
