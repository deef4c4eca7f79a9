"""Render an article's Markdown as the site does, from mkdocs.yml's extension list, without MkDocs."""

from __future__ import annotations

import markdown

from corpus.read.config import Settings

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def site_markdown(settings: Settings) -> markdown.Markdown:
    """A Markdown converter with the extensions and settings mkdocs.yml gives the site."""
    names, options = settings.extensions
    return markdown.Markdown(extensions=names, extension_configs=options)


def render(md: markdown.Markdown, body: str) -> str:
    """The HTML of a page body, from a fresh state of the converter."""
    return md.reset().convert(body)
