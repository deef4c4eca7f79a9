"""MkDocs hook, the one adapter: make the site in the stage (python -m corpus.stage) before every
build and rebuild, then build what it wrote. All the site adds is made by the stage, which
Zensical builds as well."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import yaml
from mkdocs.config.config_options import PathSpec
from mkdocs.exceptions import PluginError

# The stage's folder.
STAGE = Path("build/stage")

# Problems are logged as MkDocs' own lines ("ERROR - file: field: problem"), with no prefix.
log = logging.getLogger("mkdocs.hooks.stage")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Run the stage in a process of its own, so that an edit of corpus/ takes effect on the next
# rebuild of `mkdocs serve`; then build the stage's docs with its navigation and theme settings.
def on_config(config):
    root = Path(config.config_file_path).parent
    run = subprocess.run(
        [sys.executable, "-m", "corpus.stage", str(root), "--site-url", config.site_url or ""],
        capture_output=True, text=True, cwd=root,
    )
    if run.returncode:
        problems = run.stdout.splitlines()
        for line in problems:
            log.error(line)
        if not problems:
            raise PluginError(f"python -m corpus.stage failed: {run.stderr.strip()}")
        raise PluginError(
            f"{len(problems)} problem(s) in the articles and data, listed above "
            "(`make check` lists them without building)"
        )
    log.info(run.stderr.strip())
    staged = yaml.safe_load((root / STAGE / "mkdocs.yml").read_text(encoding="utf-8"))
    config.docs_dir = str(root / STAGE / "docs")
    config.nav = staged["nav"]
    config.not_in_nav = PathSpec().run_validation(staged["not_in_nav"]) if "not_in_nav" in staged else None
    config.extra.update(staged["extra"])
    return config


# The stage rewrites its docs on every rebuild: watch the sources (mkdocs.yml's `watch`) instead.
def on_serve(server, config, builder):
    server.unwatch(config.docs_dir)
    return server
