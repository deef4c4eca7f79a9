"""MkDocs hook: each article's citations (CSL-JSON, BibTeX, RIS) and the metadata in its <head>."""

from __future__ import annotations

import json
from urllib.parse import quote, urljoin

from markupsafe import Markup
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from corpus.write.citations import PARAGRAPH_SLOT, cite
from corpus.write.metadata import json_ld, meta_tags

# Where the downloads go: citations/<slug>.bib, .ris and .json.
CITATIONS_DIR = "citations"
EXTENSIONS = ("bib", "ris", "json")

# The <head> additions of an article page.
METADATA_TEMPLATE = "partials/article-metadata.html"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Cite every checked article (hooks/articles.py put them on the config) at its page's
# address, and add the downloads to the site.
def on_files(files, config):
    language = config.theme["language"]
    config["citations"] = {}
    for src_uri, article in config["articles"].items():
        page_file = files.get_file_from_path(src_uri)
        url = page_address(config.site_url, page_file.url)
        cited = cite(article, url, language)
        config["citations"][article.slug] = (cited, url)
        contents = {"bib": cited.bibtex, "ris": cited.ris, "json": csl_json(cited.item)}
        for extension, content in contents.items():
            files.append(File.generated(config, f"{CITATIONS_DIR}/{article.slug}.{extension}", content=content))
    return files


# Give the article's header (rendered by hooks/articles.py) its citations and download links.
def on_page_markdown(markdown, page, config, files):
    article = page.meta.get("article")
    if article is not None:
        page.meta["citation_context"] = header_context(config, article, page.url)
    return markdown


# Give the article page's <head> its metadata, rendered with escaping.
def on_page_context(context, page, config, nav):
    article = page.meta.get("article")
    if article is None:
        return context
    _, url = config["citations"][article.slug]
    tags = meta_tags(article, url, config.theme["language"])
    data = json_ld(article, url, config.theme["language"])
    head = config["site_templates"].get_template(METADATA_TEMPLATE).render(tags=tags, json_ld=data)
    context["head_metadata"] = Markup(head)
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def header_context(config, article, page_url: str) -> dict:
    """What the article header's "Cite this article" needs: the citations and the download links."""
    cited, _ = config["citations"][article.slug]
    links = {
        extension: get_relative_url(f"{CITATIONS_DIR}/{article.slug}.{extension}", page_url)
        for extension in EXTENSIONS
    }
    return {"cited": cited, "citation_files": links, "paragraph_slot": PARAGRAPH_SLOT}


def page_address(site_url: str | None, page_url: str) -> str:
    """The page's full address: the site's address and the page's path, percent-encoded."""
    return urljoin(site_url or "/", quote(page_url, safe="/:#?&=~-._%"))


def csl_json(item: dict) -> str:
    """A CSL-JSON file: a list of items."""
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"

