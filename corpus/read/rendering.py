"""Render an article's Markdown as the site does, from mkdocs.yml's extension list, without MkDocs."""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import yaml

from corpus.problems import CorpusError
from corpus.read.reading import read_text

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Extensions MkDocs always adds to those mkdocs.yml lists.
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def site_markdown(config_file: Path) -> markdown.Markdown:
    """A Markdown converter with the extensions and settings mkdocs.yml gives the site."""
    label = config_file.name
    loader = _config_loader(config_file.parent)
    try:
        config = yaml.load(read_text(config_file, label), Loader=loader) or {}
    except yaml.YAMLError as error:
        raise CorpusError(f"{label}: file: not valid YAML ({getattr(error, 'problem', None) or error})") from None
    names: list[str] = list(MKDOCS_BUILTINS)
    settings: dict[str, dict] = {}
    for item in config.get("markdown_extensions") or []:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name not in names:
            names.append(name)
        settings[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=settings)


def render(md: markdown.Markdown, body: str) -> str:
    """The HTML of a page body, from a fresh state of the converter."""
    return md.reset().convert(body)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _config_loader(config_dir: Path) -> type[yaml.SafeLoader]:
    """A YAML loader for mkdocs.yml: !ENV takes the variable or its default, !relative the folder."""

    class Loader(yaml.SafeLoader):
        pass

    def env(loader, node):
        names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
        *variables, default = names if len(names) > 1 else (*names, None)
        return next((os.environ[name] for name in variables if name in os.environ), default)

    def relative(loader, node):
        value = loader.construct_scalar(node) or "$config_dir"
        return str(config_dir / "docs") if value == "$docs_dir" else str(config_dir)

    Loader.add_constructor("!ENV", env)
    Loader.add_constructor("!relative", relative)
    return Loader
