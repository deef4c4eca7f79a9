"""MkDocs hook: generate the analysis page, analysis.json and article tags on every build."""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from corpus.analysis import analyse

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

PAGE = "analysis.md"
PAGE_TEMPLATE = "analysis-page.html"
SECTIONS_TEMPLATE = "partials/analysis-sections.html"

# A section's marker in the page's Markdown: <div data-analysis="name"></div>
MARKER = re.compile(r'<div data-analysis="([a-z]+)"></div>')

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Compute the analysis from the checked articles and data; add /analysis/ and /analysis.json.
def on_files(files, config):
    project = config["project"]
    analysis = analyse(project.articles, project.data, project.stopwords)
    config["analysis"] = analysis
    page = config["site_templates"].get_template(PAGE_TEMPLATE).render(count=len(project.articles))
    files.append(File.generated(config, PAGE, content=page))
    files.append(File.generated(config, "analysis.json", content=json.dumps(analysis, indent=1, ensure_ascii=False)))
    return files


# Tag each article with its themes and main actors before Material's tags plugin reads them.
# Material prints tag names unescaped (tags, listings, contents, search results), so they are
# handed over escaped.
def on_page_markdown(markdown, page, config, files):
    article = page.meta.get("article")
    if article is not None:
        page.meta["tags"] = [html.escape(tag, quote=True) for tag in config["analysis"]["tags"][article.slug]]
    return markdown


# Put each section's HTML, rendered with escaping, in place of its marker.
def on_page_content(html, page, config, files):
    if page.file.src_uri != PAGE:
        return html
    analysis = config["analysis"]
    titles = {row["slug"]: row["label"] for row in analysis["articles"]}
    root = get_relative_url(".", page.url).rstrip("/") + "/"
    sections = config["site_templates"].get_template(SECTIONS_TEMPLATE).make_module()

    def section(match: re.Match) -> str:
        return str(Markup(getattr(sections, match.group(1))(analysis, titles, root)))

    return MARKER.sub(section, html)
