"""MkDocs hook: generate the analysis page, analysis.json and article tags on every build."""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import StrictUndefined
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from corpus.analysis import analyse
from corpus.data import DataError, load_data, load_stopwords

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

DATA_DIR = "data"
TEMPLATE = "analysis-page.html"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Compute the analysis from the loaded articles and add /analysis/ and /analysis.json.
def on_files(files, config):
    data_dir = Path(config.config_file_path).parent / DATA_DIR
    articles = list(config["articles"].values())
    try:
        data = load_data(data_dir, articles)
        stopwords = load_stopwords(data_dir)
    except DataError as error:
        raise PluginError(str(error)) from None
    analysis = analyse(articles, data, stopwords)
    config["analysis"] = analysis
    env = config.theme.get_env().overlay(undefined=StrictUndefined)
    page = env.get_template(TEMPLATE).render(analysis=analysis, articles=articles)
    files.append(File.generated(config, "analysis.md", content=page))
    files.append(File.generated(config, "analysis.json", content=json.dumps(analysis, indent=1, ensure_ascii=False)))
    return files


# Give the analysis page's template the data its tables show.
def on_page_context(context, page, config, nav):
    if page.file.src_uri == "analysis.md":
        context["analysis"] = config["analysis"]
    return context


# Tag each article with its themes and main actors before Material's tags plugin reads them.
def on_page_markdown(markdown, page, config, files):
    article = page.meta.get("article")
    if article is not None:
        page.meta["tags"] = config["analysis"]["tags"][article.slug]
    return markdown
