"""MkDocs hook, the one adapter: make the site in the stage (python -m corpus.stage) before every
build and rebuild, then build what it wrote. All the site adds is made by the stage, which
Zensical builds as well."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import yaml
from mkdocs.config.config_options import ExtraScript, ListOfItems, PathSpec
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

# The stage's folder.
STAGE = Path("build/stage")

# Problems are logged as MkDocs' own lines ("ERROR - file: field: problem"), with no prefix.
log = logging.getLogger("mkdocs.hooks.stage")

# The command MkDocs runs ("build", "serve", "gh-deploy"), set once a process, at its start.
command = {"name": "build"}

# The stage a build made, while its files are written and its cache saved by processes of their
# own ("staged"), and whether its files are all written ("finished").
building: dict = {}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Remember whether this process serves: then the stage runs in a process of its own each time.
def on_startup(command: str, dirty: bool):
    globals()["command"] = {"name": command}


# Make the stage: in this process for a build (one run, quicker), in a process of its own while
# serving, so that an edit of corpus/ takes effect on the next rebuild; then build the stage's
# docs with its navigation and theme settings.
def on_config(config):
    # `mkdocs build -f mkdocs.yml` gives the path as typed: made absolute, as MkDocs makes docs_dir.
    root = Path(config.config_file_path).resolve().parent
    problems, summary = (run_here if command["name"] != "serve" else run_apart)(root, config.site_url or "")
    if problems is not None:
        if not problems:
            raise PluginError(f"python -m corpus.stage failed: {summary}")
        raise stopped(problems, " (`make check` lists them without building)")
    if summary:
        log.info(summary)
    staged = yaml.safe_load((root / STAGE / "mkdocs.yml").read_text(encoding="utf-8"))
    config.docs_dir = str(root / STAGE / "docs")
    config.nav = staged["nav"]
    config.not_in_nav = PathSpec().run_validation(staged["not_in_nav"]) if "not_in_nav" in staged else None
    config.extra.update(staged["extra"])
    config.extra_javascript = ListOfItems(ExtraScript(), default=[]).run_validation(staged.get("extra_javascript", []))
    return config


# The stage's files that are not pages may still be being written: MkDocs lists the stage's
# files as the stage names them (not half-written ones, nor those it is removing). It copies
# them into the site: each is linked instead, as the stage never changes a file in place
# (corpus.write.tree.link_or_copy).
def on_files(files, config):
    staged = building.get("staged")
    files = list_the_stage(files, config, staged.names if staged is not None else None)
    # MkDocs reads (and builds) the pages in the listing's order: those written later go last.
    for name in sorted(staged.later if staged is not None else ()):
        page = files.get_file_from_path(name)
        files.remove(page)
        files.append(page)
    return files


# MkDocs copies the files that are not pages next: wait until the stage has written them (but
# the words-in-context index's, still being built), and list them.
def on_env(env, config, files):
    finish_the_stage()
    staged = building.get("staged")
    if staged is not None:
        list_the_stage(files, config, staged.names)
        building["listed"] = staged.names
    return env


# A page written before the index was built (the contexts page, read last) says the index's size
# once it is built: MkDocs builds it last.
def on_post_page(output, page, config):
    staged = building.get("staged")
    if staged is not None and page.file.src_uri in staged.later:
        mark, text = reporting(staged.index_written)[page.file.src_uri]
        output = output.replace(mark, text, 1)
    return output


# At the end: the index's files, which MkDocs did not list, are linked into the site, and the
# stage's cache, saved by processes of their own while MkDocs built, is whole for the next build.
def on_post_build(config):
    staged, listed = building.get("staged"), building.get("listed")
    wait_for_the_save()
    if staged is not None and listed is not None:
        from corpus.write.tree import link_or_copy

        for name in sorted(staged.names - listed):
            link_or_copy(os.path.join(config.docs_dir, name), os.path.join(config.site_dir, name))


def on_build_error(error):
    try:
        wait_for_the_save(report=False)
    except Exception:  # the files could not be written: the error MkDocs reports already says so
        pass


# The stage rewrites its docs on every rebuild: watch the sources (mkdocs.yml's `watch`) instead.
def on_serve(server, config, builder):
    server.unwatch(config.docs_dir)
    return server


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def run_here(root: Path, site_url: str) -> tuple[list[str] | None, str]:
    """(problems or None, ""), the stage run in this process, from the project's own package (as
    the process of its own would run it). What it made is kept in `building`: its other files
    are written, and its cache saved, while MkDocs builds."""
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from corpus.problems import CorpusError
    from corpus.stage import make_stage

    try:
        staged = make_stage(root, site_url, apart=True)
    except CorpusError as error:
        return error.lines, ""
    building.clear()
    building["staged"] = staged
    # Its summary counts the files written: it is logged once they are all written.
    return None, ""


def list_the_stage(files, config, names: frozenset[str] | None):
    """MkDocs' files with the stage's docs as `names` lists them (as found, where None), each of
    the stage's files that MkDocs copies linked instead."""
    docs = os.path.join(os.path.abspath(config.docs_dir), "")
    if names is not None:
        listed = {file.src_uri: file for file in files if (file.abs_src_path or "").startswith(docs)}
        for name, file in listed.items():
            if name not in names:
                files.remove(file)
        for name in sorted(names - listed.keys()):
            shadowed = files.get_file_from_path(name)  # a theme's file of the same name, which the stage's replaces
            if shadowed is not None:
                files.remove(shadowed)
            files.append(File(name, config.docs_dir, config.site_dir, config.use_directory_urls))
    # What MkDocs and its search write into the site after the copies (the pages, the theme's
    # static templates, the extra templates, the search index) is copied, not linked, so that
    # their writing never reaches the stage through a link.
    written_later = {file.dest_uri for file in files if file.is_documentation_page()}
    written_later |= {*config.theme.static_templates, "sitemap.xml.gz", *config.extra_templates}
    for file in files:
        if (not file.is_documentation_page() and (file.abs_src_path or "").startswith(docs)
                and file.dest_uri not in written_later and not file.dest_uri.startswith("search/")):
            file.copy_file = linking(file)
    return files


def reporting(wait):
    """wait(), the stage's problems found meanwhile (the index's size) logged as on_config logs
    them, and the build stopped."""
    from corpus.problems import CorpusError

    try:
        return wait()
    except CorpusError as error:
        raise stopped(error.lines) from None


def stopped(lines: list[str], hint: str = "") -> PluginError:
    """The stage's problems logged as MkDocs' own error lines, and the error that stops the build."""
    for line in lines:
        log.error(line)
    return PluginError(f"{len(lines)} problem(s) in the articles and data, listed above{hint}")


def linking(file):
    """What copies `file` into the site (File.copy_file) for MkDocs, as a link: a file a dirty
    build finds unchanged is left as it is, as MkDocs leaves it."""
    from corpus.write.tree import link_or_copy

    def copy_file(dirty: bool = False) -> None:
        if not dirty or file.is_modified():
            link_or_copy(file.abs_src_path, file.abs_dest_path)

    return copy_file


def finish_the_stage() -> None:
    """Wait until the stage this build made has written the files MkDocs copies, once."""
    staged = building.get("staged")
    if staged is not None and not building.get("finished"):
        reporting(staged.finished)
        building["finished"] = True


def wait_for_the_save(report: bool = True) -> None:
    """Wait until the stage this build made has written all its files and saved its cache, if it
    has not, once, and log its summary (its problems, unless the build failed already: they
    are logged then)."""
    staged = building.get("staged")
    try:
        if not report:
            if staged is not None:
                staged.saved()
            return
        finish_the_stage()
        if staged is not None:
            from corpus.stage import summary

            reporting(staged.saved)
            log.info(summary(staged))
    finally:
        building.clear()


def run_apart(root: Path, site_url: str) -> tuple[list[str] | None, str]:
    """(problems or None, the stage's summary line), the stage run in a process of its own."""
    run = subprocess.run(
        [sys.executable, "-m", "corpus.stage", str(root), "--site-url", site_url],
        capture_output=True, text=True, cwd=root,
    )
    if run.returncode:
        return run.stdout.splitlines(), run.stderr.strip()
    return None, run.stderr.strip()
