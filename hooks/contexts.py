"""MkDocs hook: the words-in-context page (/contexts/) and the data files its script fetches."""

from __future__ import annotations

import time

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from corpus.analyse import contexts

log = get_plugin_logger(__name__)

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The page's Markdown (fixed text and settings) and the form put in place of its marker.
PAGE_TEMPLATE = "contexts-page.html"
FORM_TEMPLATE = "partials/contexts.html"
MARKER = "<div data-contexts></div>"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Index every word of the checked articles; add the page and the data files. An article whose
# page does not follow its original is reported by the fidelity check (hooks/articles.py) once
# its page is rendered, so a problem here waits until then (on_env).
def on_files(files, config):
    articles = config["project"].articles
    started = time.perf_counter()
    config["contexts_problems"] = []
    index = contexts.build_index(articles, problems=config["contexts_problems"])
    paths = index.paths()
    for path, content in paths.items():
        files.append(File.generated(config, path, content=content))
    log.debug(
        "%d data files, %.1f MB, indexed in %.2f s", len(paths), sum(map(len, paths.values())) / 1e6,
        time.perf_counter() - started,
    )
    weight = contexts.gzip_bound(index.index_bytes)
    if weight > contexts.QUERY_BUDGET - contexts.FILE_MAX:
        log.warning(
            "%s: %d bytes gzipped leaves too little of the %d-byte budget of one query for a data file",
            f"{contexts.DATA_DIR}/{contexts.INDEX_FILE}", weight, contexts.QUERY_BUDGET,
        )
    page = config["site_templates"].get_template(PAGE_TEMPLATE).render(
        words=contexts.CONTEXT_WORDS, phrase=contexts.MAX_PHRASE, budget=contexts.QUERY_BUDGET,
        index_kb=round(len(index.index_bytes) / 1000),
    )
    files.append(File.generated(config, contexts.PAGE, content=page))
    return files


# Stop before anything is written if an article's words could not be linked to its paragraphs.
def on_env(env, config, files):
    if config["contexts_problems"]:
        raise PluginError("\n".join(config["contexts_problems"]))
    return env


# Put the form in place of its marker, rendered with escaping.
def on_page_content(html, page, config, files):
    if page.file.src_uri != contexts.PAGE:
        return html
    form = config["site_templates"].get_template(FORM_TEMPLATE).render(
        data=get_relative_url(f"{contexts.DATA_DIR}/{contexts.INDEX_FILE}", page.url),
        root=get_relative_url(".", page.url).rstrip("/") + "/",
        phrase=contexts.MAX_PHRASE,
    )
    return html.replace(MARKER, str(Markup(form)))
