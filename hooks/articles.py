"""MkDocs hook: check the articles and data, and give templates what they show."""

from __future__ import annotations

import html as html_lib
import logging
from pathlib import Path

from jinja2 import StrictUndefined
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from corpus.read.articles import ARTICLES_DIR, SOURCES_DIR, ArticleError
from corpus.check import check_project
from corpus.read.fidelity import check_fidelity
from corpus.write.metadata import SUMMARY_LABEL

# Problems are logged as MkDocs' own lines ("ERROR - file: field: problem"), with no prefix.
log = logging.getLogger("mkdocs.hooks.corpus")

# The site's header above each article, and the home page's list of articles.
HEADER_TEMPLATE = "partials/article-header.html"
LIST_TEMPLATE = "partials/article-list.html"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Check every article, the glossary and the curated data once per build. Pages are rendered
# for the fidelity check only when something is wrong: then the whole check runs, as
# `make check` does, and every problem is reported, one line each, before the build stops.
# Otherwise each page's fidelity is checked on the page MkDocs renders (on_page_content) and
# any failure is reported, all at once, before anything is written (on_env).
def on_files(files, config):
    root = Path(config.config_file_path).parent
    project = check_project(root, fidelity="quoted")
    if project.problems:
        stop(check_project(root).problems)
    config["fidelity_problems"] = []
    # Kept on the config, which MkDocs makes anew for every build and rebuild.
    config["project"] = project
    config["articles"] = {f"{ARTICLES_DIR}/{article.slug}.md": article for article in project.articles}
    # Every template the hooks render escapes what it prints; markup comes from the templates.
    config["site_templates"] = config.theme.get_env().overlay(undefined=StrictUndefined, autoescape=True)
    return files


# Attach the checked article to its page. Material prints the title and the description into
# the page unescaped, so they are handed over escaped; the description says it is the site's.
def on_page_markdown(markdown, page, config, files):
    article = config["articles"].get(page.file.src_uri)
    if article is not None:
        page.meta["article"] = article
        page.meta["title"] = html_lib.escape(article.title, quote=True)
        page.meta["description"] = html_lib.escape(SUMMARY_LABEL + article.summary, quote=True)
    return markdown


# Prove that the rendered page still carries every word of the original, then put the
# site's header above it, inside the content so that search finds source and byline too.
def on_page_content(html, page, config, files):
    article = page.meta.get("article")
    if article is None:
        return html
    try:
        check_fidelity(article, html)
    except ArticleError as error:
        config["fidelity_problems"].extend(error.lines)
    original_url = get_relative_url(f"{SOURCES_DIR}/{article.original}", page.url)
    citations = page.meta.get("citation_context") or {"cited": None}
    header = config["site_templates"].get_template(HEADER_TEMPLATE).render(
        article=article, original_url=original_url, **citations
    )
    slug = html_lib.escape(article.slug, quote=True)
    return f'{header}\n<div class="article-text" data-article="{slug}">\n{html}\n</div>'


# Stop before anything is written if a rendered page lost or changed a word of its original.
def on_env(env, config, files):
    if config["fidelity_problems"]:
        stop(config["fidelity_problems"])
    return env


# Give the home page its list of articles, rendered with escaping.
def on_page_context(context, page, config, nav):
    if page.is_homepage:
        articles = list(config["articles"].values())
        base = get_relative_url(".", page.url)
        listing = config["site_templates"].get_template(LIST_TEMPLATE).render(articles=articles, base=base)
        context["article_list"] = Markup(listing)
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def stop(problems: list[str]) -> None:
    """Log every problem on a line of its own and stop the build."""
    for line in problems:
        log.error(line)
    raise PluginError(
        f"{len(problems)} problem(s) in the articles and data, listed above "
        "(`make check` lists them without building)"
    )
