"""MkDocs hook: the article index page, and a sidebar that stays short as the collection grows."""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section
from mkdocs.utils import get_relative_url

from corpus.read.articles import ARTICLES_DIR
from corpus.write.articles_index import index_rows, sidebar_lists_articles

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# A page of its own, not the "Articles" section's index page: Material leaves the navigation
# landmark of a section with an index page without a name.
INDEX = "article-index.md"
TEMPLATE = "partials/article-index.html"
MARKER = "<div data-article-index></div>"
PAGE = """---
title: Article index
# The index ranks below the articles it lists in search.
search:
  boost: 0.2
description: Every article with its source, date, length and tags, to sort and filter.
---

# Article index

{marker}
"""

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Add the article index (/article-index/).
def on_files(files, config):
    files.append(File.generated(config, INDEX, content=PAGE.format(marker=MARKER)))
    return files


# While the collection is small the sidebar lists every article; beyond that, the article
# index stands in for the "Articles" section.
def on_nav(nav, config, files):
    if sidebar_lists_articles(len(config["articles"])):
        return nav
    nav.items = [
        item for item in nav.items
        if not (isinstance(item, Section) and any(
            getattr(child, "file", None) is not None and child.file.src_uri.startswith(f"{ARTICLES_DIR}/")
            for child in item.children
        ))
    ]
    return nav


# Put the table in place of its marker, rendered with escaping.
def on_page_content(html, page, config, files):
    if page.file.src_uri != INDEX:
        return html
    rows = index_rows(list(config["articles"].values()), config["analysis"]["tags"])
    table = config["site_templates"].get_template(TEMPLATE).render(
        rows=rows,
        sources=sorted({row["source"] for row in rows}),
        tags=sorted({tag for row in rows for tag in row["tags"]}),
        root=get_relative_url(".", page.url).rstrip("/") + "/",
    )
    return html.replace(MARKER, str(Markup(table)))
