"""MkDocs hook: load and check the article pages, and give templates what they show."""

from __future__ import annotations

import html as html_lib
from pathlib import Path

from jinja2 import StrictUndefined
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url

from corpus.articles import ARTICLES_DIR, SOURCES_DIR, ArticleError, load_articles
from corpus.fidelity import check_fidelity

log = get_plugin_logger(__name__)

# The site's header above each article, rendered through the theme's Jinja environment.
HEADER_TEMPLATE = "partials/article-header.html"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Load every article once per build; a breach of the contract stops the build.
def on_files(files, config):
    try:
        articles = load_articles(Path(config.docs_dir))
    except ArticleError as error:
        raise PluginError(str(error)) from None
    # Kept on the config, which MkDocs makes anew for every build and rebuild; so is the
    # header template, compiled once here rather than once per page.
    config["articles"] = {f"{ARTICLES_DIR}/{article.slug}.md": article for article in articles}
    env = config.theme.get_env().overlay(undefined=StrictUndefined)
    config["article_header"] = env.get_template(HEADER_TEMPLATE)
    log.debug("loaded %d articles", len(articles))
    return files


# Attach the checked article to its page and use its summary as the meta description.
def on_page_markdown(markdown, page, config, files):
    article = config["articles"].get(page.file.src_uri)
    if article is not None:
        page.meta["article"] = article
        # Material prints the description into an attribute unescaped; a quote would cut it.
        page.meta["description"] = html_lib.escape(article.summary, quote=True)
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
        raise PluginError(str(error)) from None
    original_url = get_relative_url(f"{SOURCES_DIR}/{article.original}", page.url)
    header = config["article_header"].render(article=article, original_url=original_url)
    return f'{header}\n<div class="article-text" data-article="{article.slug}">\n{html}\n</div>'


# Give every template the list of articles (the home page lists them).
def on_page_context(context, page, config, nav):
    context["articles"] = list(config["articles"].values())
    return context
