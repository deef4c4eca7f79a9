"""MkDocs hook: generate the analysis page, analysis.json and article tags on every build."""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup
from mkdocs.structure.files import File
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from corpus.write import collection, figures
from corpus.analyse.analysis import analyse, article_data, article_view, corpus_data
from corpus.analyse.contexts import actor_links

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

PAGE = "analysis.md"
PAGE_TEMPLATE = "analysis-page.html"
SECTIONS_TEMPLATE = "partials/analysis-sections.html"
ARTICLE_TEMPLATE = "partials/article-collection.html"

# What an article takes from a voice, in the page's words.
ATTRIBUTIONS = {"quote": "words, quoted", "statement": "a statement", "question": "a question it raised", "information": "information"}
# How each kind of dated entry is framed.
FRAMES = {"event": "The article reports", "expectation": "The article expects", "plan": "The article reports a plan"}

# analysis.json holds the whole analysis up to this size; beyond it, the corpus file holds what
# is not per article, and each article's file (always written) holds the rest.
SPLIT_OVER = 1_000_000
ARTICLE_DATA = "analysis/articles/{slug}.json"

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
    # Each actor's name links to its lines on the words-in-context page (hooks/contexts.py).
    config["actor_contexts"] = actor_links(project.data.actors, project.articles)
    page = config["site_templates"].get_template(PAGE_TEMPLATE).render(count=len(project.articles))
    files.append(File.generated(config, PAGE, content=page))
    whole = json.dumps(analysis, indent=1, ensure_ascii=False)
    if len(whole.encode("utf-8")) > SPLIT_OVER:
        whole = json.dumps(corpus_data(analysis), indent=1, ensure_ascii=False)
    files.append(File.generated(config, "analysis.json", content=whole))
    for article in project.articles:
        data = json.dumps(article_data(analysis, article.slug), indent=1, ensure_ascii=False)
        files.append(File.generated(config, ARTICLE_DATA.format(slug=article.slug), content=data))
    # The collection as data: metadata, verbatim text and page address of every article.
    records = collection.rows(project.articles, config.site_url or "", analysis["tags"])
    files.append(File.generated(config, "collection.jsonl", content=collection.jsonl(records)))
    files.append(File.generated(config, "collection.csv", content=collection.csv_text(records)))
    return files


# Tag each article with its themes and main actors before Material's tags plugin reads them.
# Material prints tag names unescaped (tags, listings, contents, search results), so they are
# handed over escaped.
def on_page_markdown(markdown, page, config, files):
    article = page.meta.get("article")
    if article is not None:
        page.meta["tags"] = [html.escape(tag, quote=True) for tag in config["analysis"]["tags"][article.slug]]
    return markdown


# Put each section's HTML, rendered with escaping, in place of its marker; end each article's
# page with its part of the analysis, listed in the page's table of contents.
def on_page_content(html, page, config, files):
    article = page.meta.get("article")
    if article is not None:
        analysis = config["analysis"]
        root = get_relative_url(".", page.url).rstrip("/") + "/"
        view = article_view(analysis, article.slug)
        section = config["site_templates"].get_template(ARTICLE_TEMPLATE).render(
            view=view, titles=figures.labels(analysis), root=root, attributions=ATTRIBUTIONS, frames=FRAMES,
            chart=figures.article_actor_figure(view, root, config["actor_contexts"]), contexts=config["actor_contexts"],
        )
        page.toc.items.append(AnchorLink("This article in the collection", "in-the-collection", 2))
        return html + "\n" + section
    if page.file.src_uri != PAGE:
        return html
    analysis = config["analysis"]
    titles = figures.labels(analysis)
    root = get_relative_url(".", page.url).rstrip("/") + "/"
    contexts = config["actor_contexts"]
    pictures = {
        "actors": figures.actor_figure(analysis, root, contexts=contexts),
        "actor_totals": figures.actor_totals_figure(analysis, root, contexts=contexts),
        "themes": figures.theme_figure(analysis, root),
        "timeline": figures.timeline_figure(analysis, root),
        "resemblance": figures.resemblance_figure(analysis, root),
        "keyword_rows": figures.keyword_rows(analysis),
    }
    few = figures.few_articles(analysis)
    sections = config["site_templates"].get_template(SECTIONS_TEMPLATE).make_module({"attributions": ATTRIBUTIONS, "frames": FRAMES, "contexts": contexts})

    # Search finds the page by its headings and text, not by the quotes and names it repeats
    # from the articles, which would crowd the articles themselves out of the results.
    # (A <section>: Material's search parser ends an exclusion at the first closing tag of the
    # same name, and the sections hold <div>s but no <section>.)
    def section(match: re.Match) -> str:
        html = Markup(getattr(sections, match.group(1))(analysis, titles, root, pictures, few))
        return f'<section class="analysis-section" data-search-exclude>\n{html}\n</section>'

    return MARKER.sub(section, html)
