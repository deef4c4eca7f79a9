"""Read the site's settings from mkdocs.yml without MkDocs: the same file both engines start from."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from corpus.problems import CorpusError
from corpus.read.reading import read_text

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The site's configuration, relative to the project folder.
CONFIG = "mkdocs.yml"

# Extensions MkDocs always adds to those mkdocs.yml lists.
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """The site's configuration as mkdocs.yml gives it, with !ENV and !relative resolved."""

    config: dict

    @property
    def site_url(self) -> str:
        """The site's address, ending in '/', or '' when none is set."""
        url = self.config.get("site_url") or ""
        return url if not url or url.endswith("/") else url + "/"

    @property
    def language(self) -> str:
        """The language of the site's pages."""
        theme = self.config.get("theme") or {}
        return (theme.get("language") if isinstance(theme, dict) else None) or "en"

    @property
    def extensions(self) -> tuple[list[str], dict[str, dict]]:
        """(names, settings) of the Markdown extensions, MkDocs' built-in ones first."""
        names: list[str] = list(MKDOCS_BUILTINS)
        settings: dict[str, dict] = {}
        for item in self.config.get("markdown_extensions") or []:
            name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
            if name not in names:
                names.append(name)
            settings[name] = options or {}
        return names, settings


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def read_settings(config_file: Path, site_url: str | None = None) -> Settings:
    """The settings in config_file; `site_url`, when given, stands for the file's own."""
    label = config_file.name
    try:
        config = yaml.load(read_text(config_file, label), Loader=_config_loader(config_file.parent)) or {}
    except yaml.YAMLError as error:
        raise CorpusError(f"{label}: file: not valid YAML ({getattr(error, 'problem', None) or error})") from None
    if not isinstance(config, dict):
        raise CorpusError(f"{label}: file: must be a mapping of settings")
    if site_url is not None:
        config["site_url"] = site_url
    return Settings(config)


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
