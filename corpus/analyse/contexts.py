"""Words in context: every word of every article with the words around it and the paragraph it is
in (a keyword-in-context index), split into files small enough that one query fetches little."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlencode

from corpus.read.articles import Article
from corpus.write.articles_index import index_order
from corpus.analyse.mentions import mention_pattern
from corpus.read.passages import passages, plain_texts
from corpus.problems import CorpusError
from corpus.text import normalise

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# A word: letters and digits, any alphabet, joined into one word by an apostrophe or a hyphen
# between two of them ("Asia-Pacific", "don't", "F-35"). Everything else separates words. The
# page's script uses the same rule on what a reader types: [\p{L}\p{N}] is [^\W_] here.
WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
JOINERS = frozenset("'\u2019-")

# A word is looked up in lower case, with a curly apostrophe made straight, and less a final
# possessive 's: "Japan's" is found as "japan", "it's" as "it".
POSSESSIVE = "'s"

# Words shown on either side of an occurrence, within its paragraph (or heading, or headline).
CONTEXT_WORDS = 5
# The longest phrase the page looks up: its words are found around one of them, in that one's
# context, so a phrase has at most CONTEXT_WORDS + 1 words (found around its first or last word).
MAX_PHRASE = CONTEXT_WORDS + 1

# What one query may download, gzipped, the index file included; and the most one data file
# may weigh, gzipped, so that the index file and a few data files always fit in it.
QUERY_BUDGET = 200_000
FILE_MAX = 24_000
# The raw size files are cut at; a file that still gzips to more than FILE_MAX is cut smaller.
RAW_TARGET = 72_000

# Where the page and its data live in the built site.
PAGE = "contexts/index.md"
DATA_DIR = "contexts/data"
INDEX_FILE = "index.json"

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class ContextsError(CorpusError):
    """An article whose paragraphs cannot be matched to its original, one line naming it."""


@dataclass(frozen=True)
class Line:
    """One occurrence of a word: its article (index in the collection), its position among the
    article's words, the anchor of its paragraph, and the text before it, itself and after it."""

    article: int
    position: int
    anchor: str
    left: str
    word: str
    right: str


@dataclass
class Leaf:
    """A part of the vocabulary: every word that begins with `prefix`, or (exact) the word
    `prefix` alone; how many lines it has and the data files that hold them."""

    prefix: str
    exact: bool
    terms: list[str]
    count: int = 0
    files: list[int] = field(default_factory=list)  # the first and the last, in order


@dataclass
class Index:
    """The built index: the index file (what the page loads first, which lists the data files in
    order) and the data files, each by its name, made from its content; a file's content is None
    where the last build made the same file (build_index's `memory`)."""

    index: dict
    files: dict[str, bytes | None]

    @property
    def index_bytes(self) -> bytes:
        """The index file as written."""
        return _json_bytes(self.index)

    def paths(self) -> dict[str, bytes | None]:
        """Every file of the index by its path in the site."""
        data = {f"{DATA_DIR}/{name}": content for name, content in self.files.items()}
        return {f"{DATA_DIR}/{INDEX_FILE}": self.index_bytes, **data}


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def index_form(word: str) -> str:
    """How a word is looked up: lower case, straight apostrophe, no final possessive 's."""
    form = word.lower().replace("\u2019", "'")
    return form[: -len(POSSESSIVE)] if form.endswith(POSSESSIVE) and len(form) > len(POSSESSIVE) else form


def words_of(text: str) -> list[str]:
    """The words of a text, as written."""
    return WORD.findall(text)


def article_lines(article: Article, number: int) -> list[Line]:
    """Every word of the article's own text (the original less byline and furniture) as a line,
    in order, each with the anchor of the passage the reader sees it in."""
    lines: list[Line] = []
    for anchor, text in passage_texts(article):
        for start, end, before, after in _windows(text):
            lines.append(Line(number, len(lines), anchor, text[before:start], text[start:end], text[end:after]))
    return lines


def article_rows(article: Article) -> dict[str, tuple[int, int, bytes, str]]:
    """Every word of the article as rows of the index's data files, by lookup form: for each form,
    (how many rows, their length as a data file holds them less the article's number, a digest
    of them, the rows on a line each). A row is the word's position, its anchor, the words
    before it, itself and the words after it, as JSON, less the article's number that
    build_index puts in front. Raises ContextsError as passage_texts() does."""
    by_form: dict[str, list[str]] = defaultdict(list)
    forms: dict[str, str] = {}
    quote = json.encoder.encode_basestring
    position = 0
    for anchor, text in passage_texts(article):
        where = "," + quote(anchor) + ","
        for start, end, before, after in _windows(text):
            word = text[start:end]
            form = forms.get(word)
            if form is None:
                form = forms[word] = index_form(word)
            by_form[form].append(f"{position}{where}{quote(text[before:start])},{quote(word)},{quote(text[end:after])}]")
            position += 1
    blocks = {}
    for form, rows in by_form.items():
        joined = "\n".join(rows)
        blocks[form] = (len(rows), len(joined) + 1, hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=12).digest(), joined)
    return blocks


def article_forms(blocks: dict[str, tuple[int, int, bytes, str]]) -> tuple[tuple[str, ...], bytes, bytes, bytes]:
    """What article_rows() holds of each form, less the rows, packed to keep and read back
    quickly: the forms, then their rows' counts, lengths (4 bytes each) and digests (12 each)."""
    return (
        tuple(blocks),
        array("I", (block[0] for block in blocks.values())).tobytes(),
        array("I", (block[1] for block in blocks.values())).tobytes(),
        b"".join(block[2] for block in blocks.values()),
    )


def _blocks(found: dict | tuple):
    """(form, block) of article_rows() or of article_forms() (a block without its rows)."""
    if isinstance(found, dict):
        return found.items()
    forms, counts, lengths, digests = found
    counts, lengths = array("I", counts), array("I", lengths)
    return ((form, (counts[i], lengths[i], digests[12 * i:12 * i + 12])) for i, form in enumerate(forms))


def passage_texts(article: Article) -> list[tuple[str, str]]:
    """Each passage of the page (headline, headings, paragraphs) with its anchor and its text as
    the original gives it (each run of whitespace one space), found by walking the original's
    whitespace-separated tokens."""
    text = article.text
    # Typography undone (curly quotes, dashes) as the fidelity check compares; it never makes or
    # removes whitespace but for a no-break space, which both sides already count as a space.
    tokens = normalise(text).split()
    spans = [match.span() for match in re.finditer(r"\S+", text)]
    found, at = [], 0
    for passage, plain in zip(passages(article), plain_texts(article)):
        wanted = plain.split()
        if not wanted:
            continue
        if tokens[at:at + len(wanted)] != wanted:
            where = " ".join(wanted[:6])
            raise ContextsError(
                f"{article.page}: body: the passage {passage.anchor!r} ('{where}') does not follow "
                f"{article.original} word for word, so its words cannot be linked"
            )
        found.append((passage.anchor, " ".join(text[spans[at][0]:spans[at + len(wanted) - 1][1]].split())))
        at += len(wanted)
    if at != len(tokens):
        raise ContextsError(f"{article.page}: body: {article.original} has words after the page's last passage")
    return found


def build_index(
    articles: list[Article], file_max: int = FILE_MAX, raw_target: int = RAW_TARGET, budget: int = QUERY_BUDGET,
    problems: list[str] | None = None, known: dict[str, dict] | None = None,
    measure=None, memory: dict | None = None, rows=None,
) -> Index:
    """The whole index: lines of every word grouped by their lookup form, split into data files
    of at most `file_max` bytes gzipped (cut at about `raw_target` bytes before compression), and
    the index file that says which file holds what and how many files one batch fetches.

    Articles are numbered in the article index's order, so that lines come in that order.
    An article whose passages cannot be matched to its original raises ContextsError, or, given
    a `problems` list, is indexed without words and its problem added to the list. `known`, by
    slug, is article_rows() of the articles whose rows are already known, or only what they
    hold of each form (its count, length and digest: article_forms()) where `rows`, a function
    of the slug, gives their rows when a file is made; `measure` stands for
    gzip_bound (one that remembers sizes already measured). `memory` is what the last call left
    in it (an empty dict the first time): given it, a data file that would hold the same rows as
    one the last call made is not made again, and the index names it with None for its content
    (the file the last build wrote)."""
    measure = measure or gzip_bound
    articles = sorted(articles, key=index_order)
    by_term: dict[str, list[tuple[int, tuple]]] = defaultdict(list)
    slugs = [article.slug for article in articles]

    def rows_of(number: int, term: str, block: tuple) -> str:
        """The rows of a block, from the article's own rows when the block holds only their digest."""
        return block[3] if len(block) > 3 else rows(slugs[number])[term][3]

    for number, article in enumerate(articles):
        if known is not None and article.slug in known:
            found = known[article.slug]
        else:
            try:
                found = article_rows(article)
            except ContextsError as error:
                if problems is None:
                    raise
                problems += error.lines
                found = {}
        for form, block in _blocks(found):
            by_term[form].append((number, block))
    terms = sorted(by_term, key=_order)
    # Each word's lines, the length they take in a data file, and what identifies them: each
    # block's article number and digest.
    sizes, identities = {}, {}
    for term, blocks in by_term.items():
        size, parts = 0, []
        for number, block in blocks:
            size += block[1] + block[0] * (len(str(number)) + 2)
            parts.append(number.to_bytes(4, "little") + block[2])
        sizes[term], identities[term] = size, b"".join(parts)
    memory = {} if memory is None else memory
    last_made, made = memory.get("made", {}), {}
    last_measured, measured = memory.get("measured", {}), {}

    def file_of(chunk: dict[str, list[tuple[int, tuple]]]) -> list:
        """A data file: [its bytes (None where the last call wrote the same file; the chunk itself
        where they are not made yet), its name, its gzipped size, what it holds (its words, and
        the articles and digests of their rows)]. A file the last call measured is not made again
        to be measured."""
        signature = hashlib.blake2b(b"\0".join(
            term.encode("utf-8", "surrogatepass") + b"\0" + (identities[term] if blocks is by_term[term]
                                                              else b"".join(number.to_bytes(4, "little") + block[2] for number, block in blocks))
            for term, blocks in chunk.items()
        ), digest_size=16).digest()
        if signature in last_made:
            return [None, *last_made[signature], signature]
        if signature in last_measured:
            measured[signature] = last_measured[signature]
            return [chunk, None, last_measured[signature], signature]
        content = _file_bytes(chunk, rows_of)
        measured[signature] = measure(content)
        return [content, hashlib.sha256(content).hexdigest()[:16] + ".json", measured[signature], signature]

    files: list[tuple[bytes | None, str, int, tuple]] = []
    done: list[Leaf] = []
    pending, target = _split("", terms, sizes, raw_target), raw_target
    while pending:
        again = []
        for group, chunks in _pack(pending, by_term, sizes, target, rows_of):
            contents = [file_of(chunk) for chunk in chunks]
            if max(size for _, _, size, _ in contents) > file_max and target > 1_000:
                # Text that compresses poorly: cut this part again, smaller.
                again += [part for leaf in group for part in _resplit(leaf, sizes, target // 2)]
                continue
            for leaf in group:
                leaf.files = [len(files), len(files) + len(contents) - 1]
                leaf.count = sum(block[0] for term in leaf.terms for _, block in by_term[term])
            for content in contents:
                if isinstance(content[0], dict):
                    content[0] = _file_bytes(content[0], rows_of)
                    content[1] = hashlib.sha256(content[0]).hexdigest()[:16] + ".json"
            files += contents
            done += group
            # Only files written are remembered as made: a file cut again smaller never was.
            made.update({signature: (name, size) for _, name, size, signature in contents})
        pending, target = again, target // 2
    memory.update(made=made, measured=measured)
    done.sort(key=lambda leaf: (_order(leaf.prefix), leaf.exact))
    index = {
        "version": 2,
        "words": CONTEXT_WORDS,
        "phrase": MAX_PHRASE,
        # Each data file is named after its content, so that a browser never mixes two builds.
        "files": [name for _, name, _, _ in files],
        "articles": [[article.slug, article.title, int(article.title_truncated)] for article in articles],
        "leaves": [[leaf.prefix, int(leaf.exact), leaf.count, *leaf.files] for leaf in done],
    }
    # How many data files one query fetches at a time, beside the index file, within the budget.
    index["batch"] = max(1, (budget - gzip_bound(_json_bytes(index)) - 16) // file_max)
    return Index(index, {name: content for content, name, _, _ in files})


def query_href(words: list[str], match_case: bool = False) -> str:
    """The contexts page's address (from the site root) for several words or phrases at once."""
    fields = {"q": ", ".join(words)}
    if match_case:
        fields["case"] = "1"
    return "contexts/?" + urlencode(fields)


def name_hits(article: Article, names: tuple[re.Pattern, dict[str, str]]) -> tuple[tuple[str, str], ...]:
    """Each actor's name the article uses, with the whole word it is found in ("Russia" in
    "Russia-Ukraine"), each pair once, in the order first met; `names` is mention_pattern(actors)."""
    pattern, _ = names
    hits: dict[tuple[str, str], None] = {}
    for text in plain_texts(article):
        starts = ends = None
        for match in pattern.finditer(text):
            alias, (start, end) = match.group(1), match.span(1)
            if _word_starts(text, start) and _word_ends(text, end):
                hits.setdefault((alias, alias), None)
                continue
            if starts is None:  # the words' spans, found once a passage, where a name is in a longer word
                spans = [word.span() for word in WORD.finditer(text)]
                starts, ends = [span[0] for span in spans], [span[1] for span in spans]
            # The words the name overlaps: the first that ends after it starts, to the last
            # that starts before it ends (words never overlap, so both lists are in order).
            first, last = bisect_right(ends, start), bisect_left(starts, end) - 1
            hits.setdefault((alias, text[starts[first]:ends[last]]), None)
    return tuple(hits)


def actor_links(actors, articles: list[Article], hits: dict[str, tuple[tuple[str, str], ...]] | None = None) -> dict[str, dict[str, str]]:
    """Each actor's contexts link (corpus.read.data.Actor), listing in all articles the places the
    analysis counts as its mentions (corpus.analyse.mentions), with what the link finds: its names,
    matching case ("US" is not "us"); the hyphenated words the analysis finds a name in
    ("Russia-Ukraine"), which the page keeps whole; and, after a minus sign, another actor's
    longer name that holds one of its names ("South China Sea" for China), whose places the
    analysis counts for that actor instead. `hits`, by slug, is name_hits() of each article,
    when already known."""
    pattern, owner = names = mention_pattern(actors)
    compounds: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)
    found: set[str] = set()
    for article in articles:
        for alias, word in hits[article.slug] if hits and article.slug in hits else name_hits(article, names):
            found.add(alias)
            if _case_words(word) != _case_words(alias):
                compounds[owner[alias]].setdefault(_case_words(word), word)
    links = {}
    for actor in actors:
        names = list(actor.aliases) + list(compounds[actor.name].values())
        mine = [_case_words(alias) for alias in actor.aliases]
        holders = [alias for alias in owner if alias in found and owner[alias] != actor.name
                   and any(_holds(_case_words(alias), name) for name in mine)]
        # A longer name that holds another one left out is left out with it.
        outside = [alias for alias in holders
                   if not any(other != alias and _holds(_case_words(alias), _case_words(other)) for other in holders)]
        name = f"{actor.name} in context in all articles: every line with {_either(names)}, capitals as written"
        links[actor.name] = {
            "href": query_href(names + [f"-{alias}" for alias in outside], match_case=True),
            "name": name + (f", except within {_either(outside)}" if outside else ""),
        }
    return links


def gzip_size(content: bytes, level: int = 6) -> int:
    """Bytes of content gzipped, by default as a web server sends it (level 6)."""
    return len(_gzip(content, level))


def gzip_bound(content: bytes) -> int:
    """The gzipped size the build plans with: gzip's fastest level, which compresses least."""
    return len(_gzip(content, 1))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _case_words(text: str) -> tuple[str, ...]:
    """The words of a text as the page compares them matching case: straight apostrophe, no final
    possessive 's."""
    forms = [word.replace("\u2019", "'") for word in words_of(text)]
    return tuple(form[:-2] if len(form) > 2 and form[-2:].lower() == "'s" else form for form in forms)


def _word_starts(text: str, at: int) -> bool:
    """Whether a word (WORD) starts at `at`: a letter or digit there, and no letter or digit just
    before it, nor a joiner (apostrophe, hyphen) after one."""
    if not text[at:at + 1].isalnum():
        return False
    before = text[at - 1] if at else ""
    return not before.isalnum() and not (before in JOINERS and at > 1 and text[at - 2].isalnum())


def _word_ends(text: str, at: int) -> bool:
    """Whether a word (WORD) ends at `at`: a letter or digit just before it, and none at `at`,
    nor a joiner before one."""
    if not at or not text[at - 1].isalnum():
        return False
    after = text[at:at + 1]
    return not after.isalnum() and not (after in JOINERS and text[at + 1:at + 2].isalnum())


def _holds(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether a run of words holds another run, word for word."""
    return any(longer[i:i + len(shorter)] == shorter for i in range(len(longer) - len(shorter) + 1))


def _either(names: list[str]) -> str:
    """Names as a list in words: "A", "A or B", "A, B or C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _order(term: str) -> bytes:
    """Sort key that orders words as the browser compares strings (UTF-16 code units)."""
    return term.encode("utf-16-be")


def _windows(text: str):
    """Each word of a passage as (start, end) with the bounds of its context: from the start of
    the CONTEXT_WORDS-th word before it to the end of the CONTEXT_WORDS-th word after it, or from
    the passage's start or to its end (punctuation included) where no word lies beyond those."""
    spans = [match.span() for match in WORD.finditer(text)]
    last = len(spans) - 1
    for i, (start, end) in enumerate(spans):
        before = spans[i - CONTEXT_WORDS][0] if i > CONTEXT_WORDS else 0
        after = spans[i + CONTEXT_WORDS][1] if i + CONTEXT_WORDS < last else len(text)
        yield start, end, before, after


def _json_text(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _json_bytes(value) -> bytes:
    return _json_text(value).encode("utf-8")


def _gzip(content: bytes, level: int = 6) -> bytes:
    return gzip.compress(content, compresslevel=level, mtime=0)


def _split(prefix: str, terms: list[str], sizes: dict[str, int], target: int) -> list[Leaf]:
    """Leaves for the words beginning with `prefix` (in lookup order): one, if their lines fit
    in `target` bytes; else the word `prefix` itself apart, and the rest by their next letter."""
    if sum(sizes[term] for term in terms) <= target or not terms:
        return [Leaf(prefix, False, terms)] if terms else []
    leaves: list[Leaf] = []
    rest = terms
    if terms[0] == prefix:
        leaves.append(Leaf(prefix, True, [prefix]))
        rest = terms[1:]
    groups: dict[str, list[str]] = defaultdict(list)
    for term in rest:
        groups[term[: len(prefix) + 1]].append(term)
    for child in sorted(groups, key=_order):
        leaves += _split(child, groups[child], sizes, target)
    return leaves


def _resplit(leaf: Leaf, sizes: dict[str, int], target: int) -> list[Leaf]:
    """A leaf cut again for a smaller target (a single word is cut into smaller pages instead)."""
    if leaf.exact:
        return [leaf]
    return _split(leaf.prefix, leaf.terms, sizes, target)


def _pack(leaves: list[Leaf], by_term: dict[str, list], sizes: dict[str, int], target: int, rows_of):
    """Neighbouring leaves gathered into files of about `target` bytes. Yields (leaves, chunks):
    the leaves of one file with its one chunk, or one word too big for a file with its pages
    (`rows_of` gives an article's rows of a word, to cut them)."""
    packed, group, chunk, size = [], [], {}, 0
    for leaf in leaves:
        leaf_size = sum(sizes[term] for term in leaf.terms)
        if leaf_size > target:
            if group:
                packed.append((group, [chunk]))
                group, chunk, size = [], {}, 0
            packed.append(([leaf], _pages(leaf.terms[0], by_term[leaf.terms[0]], target, rows_of)))
            continue
        if group and size + leaf_size > target:
            packed.append((group, [chunk]))
            group, chunk, size = [], {}, 0
        group.append(leaf)
        chunk.update({term: by_term[term] for term in leaf.terms})
        size += leaf_size
    if group:
        packed.append((group, [chunk]))
    return packed


def _pages(term: str, blocks: list[tuple[int, tuple]], target: int, rows_of) -> list[dict[str, list]]:
    """One word's lines, in collection order, cut into pages of about `target` bytes, between
    one article's rows and the next's (an article's rows longer than a page are cut too)."""
    pages, page, size = [], [], 0
    for number, block in blocks:
        for part in _parts(block, target, lambda: rows_of(number, term, block)):
            length = part[1] + part[0] * (len(str(number)) + 2)
            if page and size + length > target:
                pages.append({term: page})
                page, size = [], 0
            page.append((number, part))
            size += length
    pages.append({term: page})
    return pages


def _parts(block: tuple, target: int, rows_of_block) -> list[tuple]:
    """An article's rows of a word as they are, or, when longer than `target`, cut into parts
    of about `target`, each with its own count, length, digest and rows (`rows_of_block` gives them)."""
    if block[1] <= target:
        return [block]
    parts, rows, size = [], [], 0
    for row in rows_of_block().split("\n"):
        if rows and size + len(row) + 1 > target:
            parts.append(rows)
            rows, size = [], 0
        rows.append(row)
        size += len(row) + 1
    parts.append(rows)
    found = []
    for rows in parts:
        joined = "\n".join(rows)
        found.append((len(rows), len(joined) + 1, hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=12).digest(), joined))
    return found


def _file_bytes(chunk: dict[str, list[tuple[int, tuple]]], rows_of) -> bytes:
    """A data file: {"lines": {word: [line, ...]}}, each line its article's number and its row."""
    # Rows are JSON, a line each (a newline in the text is escaped): each is put after its
    # article's number by putting the number after each line break.
    body = ",".join(
        _json_text(term) + ":[" + ",".join(
            f"[{number}," + rows_of(number, term, block).replace("\n", f",[{number},") for number, block in blocks
        ) + "]"
        for term, blocks in chunk.items()
    )
    return ('{"lines":{' + body + "}}").encode("utf-8")


