"""Make the whole site in one stage: read and check the articles and data, analyse them, and write
a complete site source that MkDocs + Material and Zensical both build.

Run as `python -m corpus.stage [project folder] [--site-url URL]`. It reads docs/, data/ and
includes/, runs every check `make check` runs (printing the same lines and exiting 1 if there is
any problem, before anything is written), and writes build/stage/: docs/ (every page as Markdown
and every generated file), mkdocs.yml and zensical.yml (the engine configuration, navigation
included) and theme-zensical/. What an unchanged article yields is kept in build/cache/, so that
a rebuild after an edit costs the edited article. It never imports MkDocs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote, urljoin

import yaml

from corpus import background, inputs
from corpus.analyse import contexts
from corpus.analyse.analysis import analyse, article_data, article_view, corpus_data
from corpus.analyse.facts import data_digest, data_facts, text_facts
from corpus.analyse.mentions import mention_pattern
from corpus.cache import Cache
from corpus.problems import CorpusError
from corpus.read.articles import ARTICLES_DIR, Article
from corpus.read.config import CONFIG
from corpus.read.project import DOCS_DIR, check_project
from corpus.write import collection, engine, feed, figures, pages, scripts, templates
from corpus.write.citations import cite, csl_json
from corpus.write.tree import write_tree

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Where the stage and its cache go, relative to the project folder; both are ignored by git.
STAGE_DIR = "build/stage"
CACHE_DIR = "build/cache"

# analysis.json holds the whole analysis up to this size; beyond it, the corpus file holds what
# is not per article, and each article's file (always written) holds the rest.
SPLIT_OVER = 1_000_000

# The theme folder both engines read, relative to the project folder.
OVERRIDES = "overrides"

# The files an engine reads as pages (MkDocs' markdown_extensions): in a MkDocs build, written
# before the others.
PAGE_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")

# What the stage writes into its folder: a rerun with unchanged inputs checks that it is all there.
OUTPUTS = ("docs", "theme-zensical", "mkdocs.yml", "zensical.yml")

# How much the work needed later (the citations, the index, the files an engine copies last, the
# cache) yields the processors to the work needed now (background.yield_to_others): on a machine
# with few of them, the pages an engine reads first, then the engine's own work, come sooner.
LATER = 10
# The index's process, which an engine waits for last, yields them to the rest of that work too:
# the citations, which the pages wait for, are made first.
LAST = 19

# What the cache keeps of a run that depends on the words-in-context index: in a MkDocs build, kept
# once the index is built, after the rest.
INDEX_RECORDS = ("contexts", "gzip-sizes", "written", "inputs")

# In a MkDocs build, the files the words-in-context index's own process writes (in the stage's
# docs), which the other files' writer leaves alone.
CONTEXTS_FILES = (pages.CONTEXTS_PAGE, contexts.DATA_DIR)

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class Clock:
    """How long each phase of a run took, in seconds, by name."""

    def __init__(self, started: float) -> None:
        self.phases: dict[str, float] = {}
        self._last = started

    def lap(self, name: str) -> None:
        """The time since the last lap is the phase `name`'s."""
        now = time.perf_counter()
        self.phases[name] = self.phases.get(name, 0.0) + now - self._last
        self._last = now


class StageError(CorpusError):
    """Problems that stop the stage before it writes anything, one line each."""


@dataclass
class Staged:
    """What a run of the stage made: where, how many articles and files, and what it wrote."""

    folder: Path
    articles: int
    files: int
    written: int
    removed: int
    computed: dict[str, int]
    seconds: float
    phases: dict[str, float] = field(default_factory=dict)
    # The path of every file of the stage's docs, where some may not be written yet (make_stage's
    # `apart`); None where all are.
    names: frozenset[str] | None = None
    # Where make_stage ran `apart`: finished() waits until every file is written (written and
    # removed are counted then) and starts saving the cache; saved() waits until it is saved.
    # Where it did not, both are done when make_stage returns.
    finished: Callable[[], None] = lambda: None
    saved: Callable[[], None] = lambda: None
    # Pages that may not be written yet when make_stage returns (`apart`): the contexts page, which
    # the index's process writes; index_written() waits until it is (raising what stopped it).
    later: frozenset[str] = frozenset()
    index_written: Callable[[], object] = lambda: None


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def make_stage(root: Path, site_url: str | None = None, cache: Cache | None = None, apart: bool = False) -> Staged:
    """Check, analyse and write the stage of the project in `root`; raise StageError listing every
    problem, before anything is written, if there is any. With `apart` (an engine building the
    stage), it returns once the pages and the engine configurations are written: processes of
    their own write the other files and then save the cache while the caller goes on, and the
    result's finished() and saved() wait for them."""
    started = time.perf_counter()
    root = root.resolve()
    cache = cache or Cache(root / CACHE_DIR)
    try:
        staged = _make_stage(root, site_url, cache, apart)
    finally:
        cache.close()
    staged.seconds = time.perf_counter() - started
    return staged


def _make_stage(root: Path, site_url: str | None, cache: Cache, apart: bool = False) -> Staged:
    folder = root / STAGE_DIR
    # Nothing to do when no input changed since the last run and what it wrote is all there.
    started = time.perf_counter()
    given = inputs.fingerprint(root, cache.salt, site_url or "")
    last = cache.value("inputs")
    if last and last["fingerprint"] == given and inputs.sizes(folder, OUTPUTS) == last["sizes"]:
        return Staged(folder, last["articles"], last["files"], 0, 0, {}, 0.0, {"unchanged": time.perf_counter() - started})
    clock = Clock(started)
    if cache.folder is not None:
        templates.keep_compiled(cache.folder / "templates")
    project = check_project(root, cache, site_url)
    clock.lap("read and check")
    if project.problems:
        raise StageError(*project.problems)
    settings, articles, data = project.settings, project.articles, project.data
    # What each article yields on its own is worked out in the worker processes: its facts
    # first, then its citations, which are not needed until its page is written, so that the
    # workers make them while this process analyses the collection.
    gather_facts, keys = article_facts(articles, data, project.stopwords, cache)
    addresses = {article.slug: page_address(settings.site_url, pages.page_url(pages.article_path(article))) for article in articles}
    gather_citations = cache.start("citations", cite, (
        (cache.key("citations", article.digest, addresses[article.slug], settings.language),
         (article, addresses[article.slug], settings.language))
        for article in articles
    ), nice=LATER)
    facts = gather_facts()
    clock.lap("each article's facts")
    # An article whose words cannot be linked stops the stage here (the index would leave it out).
    problems = [line for text, _ in facts.values() for line in text.problems]
    if problems:
        raise StageError(*problems)
    # Data files the last build wrote are kept as they are, if they are all still there and its
    # record of what it wrote (which a run stopped before it saved leaves none of) has them.
    docs, before = folder / "docs", cache.value("written") or {}
    remembered = cache.value("contexts") or {}
    if not all((docs / contexts.DATA_DIR / name).is_file() and f"{contexts.DATA_DIR}/{name}" in before
               for name, _ in (remembered.get("made") or {}).values()):
        remembered = {}
    by_slug = {article.slug: article for article in articles}

    made_again: dict[str, dict] = {}

    def rows(slug: str) -> dict:
        """An article's words-in-context rows, as kept, or made again if they are not."""
        found = cache.get("text-lines", keys[slug])
        if found is None:
            found = made_again[keys[slug]] = contexts.article_rows(by_slug[slug])
        return found

    sizes = cache.memo("gzip-sizes", contexts.gzip_bound)
    # What the last run wrote is about to change (in an engine's build, the index's process writes
    # first): until this run is saved, no record says that the stage matches its inputs or what its
    # files hold (a run cut short, Ctrl-C, must not leave the last run's records to vouch for files
    # it changed; the next run then reads them to compare).
    cache.forget("inputs")
    cache.forget("written")

    def words_in_context() -> tuple[contexts.Index | None, dict, dict, dict, tuple | None]:
        """The index (or, `apart`, None: the process it runs in writes the index's files and the
        contexts page itself, while the engine builds, and gives back what it wrote and the
        index's size as the page says it), what build_index left in `remembered`, the sizes it
        measured and the articles' rows it made again: all that the process must give back."""
        index = contexts.build_index(
            articles, known={slug: text.lines for slug, (text, _) in facts.items()},
            measure=sizes, memory=remembered, rows=rows,
        )
        made = None
        if apart:
            made = (*write_contexts(docs, index, before), pages.index_size(index))
            index = None
        return index, remembered, cache.memo_entries("gzip-sizes"), made_again, made

    if apart:
        # The contexts page as an engine reads it before the index is built, written before the
        # index's process starts, which writes it again with the index's size in the mark's place
        # (an engine's build fills it in); not counted as written.
        write_tree(docs, {pages.CONTEXTS_PAGE: pages.contexts_page(None)}, remove=False)
    # The index is built in a process of its own while this one analyses and writes the pages.
    gather_index = background.start(words_in_context, nice=LAST)
    resemblance = dict(cache.value("resemblance") or {}, keys=keys)
    analysis = analyse(articles, data, project.stopwords, facts, resemblance)
    cache.keep("resemblance", resemblance)
    clock.lap("analyse")
    actor_links = contexts.actor_links(data.actors, articles, {slug: found.names for slug, (_, found) in facts.items()})

    files: dict[str, str | bytes] = maintainer_files(root / DOCS_DIR, articles)
    script_entries, joined = scripts.joined_scripts(settings.config.get("extra_javascript") or [], engine.custom_dir(settings, root))
    if joined is not None:
        files[scripts.JOINED] = joined
    # What needs no citation is made while the worker processes still make them: each article's
    # part of the analysis, the other pages (but words in context) and the downloads.
    collection_section = pages.collection_sections(analysis, actor_links)
    # An article's part is rendered again only when what it shows changed: its article, its tags
    # and its view of the analysis, or what all parts share (short titles, scale, links).
    shared = cache.key("shared", _json([figures.labels(analysis), figures.article_scale(analysis), actor_links], indent=None))
    views = {article.slug: article_view(analysis, article.slug) for article in articles}
    sections = cache.map("sections", lambda article, view: collection_section(article, view, settings.language), (
        (cache.key("sections", article.digest, settings.language,
                   _json([analysis["tags"][article.slug], views[article.slug]], indent=None), shared),
         (article, views[article.slug]))
        for article in articles
    ), parallel=False)
    for article, section in zip(articles, sections):
        files[pages.collection_path(article)] = section
        files[pages.ARTICLE_DATA.format(slug=article.slug)] = _json(article_data(analysis, article.slug), indent=None)
    clock.lap("the articles' parts of the analysis")
    files[pages.HOME_PAGE] = pages.home_page((root / DOCS_DIR / pages.HOME_PAGE).read_text(encoding="utf-8"), articles)
    files[pages.ANALYSIS_PAGE] = pages.analysis_page(analysis, actor_links)
    files[pages.ARTICLE_INDEX_PAGE] = pages.article_index_page(articles, analysis["tags"])
    clock.lap("other pages")
    # Written compact, the analysis is no larger than indented: past the limit so, it is split.
    whole = _json(analysis) if len(_json(analysis, indent=None).encode("utf-8")) <= SPLIT_OVER else ""
    files["analysis.json"] = whole if whole and len(whole.encode("utf-8")) <= SPLIT_OVER else _json(corpus_data(analysis))
    records = collection.rows(articles, settings.site_url, analysis["tags"])
    files["collection.jsonl"] = collection.jsonl(records)
    files["collection.csv"] = collection.csv_text(records)
    files[feed.FEED] = feed.feed(articles, addresses, settings.site_url, settings.config.get("site_name", ""),
                                 " ".join(str(settings.config.get("site_description", "")).split()))
    clock.lap("downloads")
    cited = gather_citations()
    clock.lap("citations")
    # A page is rendered again only when what it shows changed: its article, text, citation,
    # address and tags.
    rendered = cache.map("pages", lambda article, citation: pages.article_page(
        article, body=project.bodies[article.slug], cited=citation, address=addresses[article.slug],
        language=settings.language, tags=analysis["tags"][article.slug],
    ), (
        (cache.key("pages", article.digest, repr(project.bodies[article.slug]), repr(citation), addresses[article.slug], settings.language,
                   _json(analysis["tags"][article.slug], indent=None)),
         (article, citation))
        for article, citation in zip(articles, cited)
    ), parallel=False)
    for article, citation, page in zip(articles, cited, rendered):
        for extension, content in (("bib", citation.bibtex), ("ris", citation.ris), ("json", csl_json(citation.item))):
            files[f"{pages.CITATIONS_DIR}/{article.slug}.{extension}"] = content
        files[pages.article_path(article)] = page
    clock.lap("article pages")

    def keep_index() -> tuple | None:
        """Wait for the index and keep what its process gives back in the cache (the rows it made
        again at once, where the rest of the cache is being saved, `apart`); what it wrote, where
        it wrote its files itself."""
        index, remembered, measured, made_again, made = gather_index()
        cache.keep("contexts", remembered)
        cache.memo_update("gzip-sizes", measured)
        if apart:
            cache.write_entries("text-lines", made_again)
        for key, found in made_again.items():
            cache.put("text-lines", key, found)
        if index is not None:
            check_index(index)
            files[pages.CONTEXTS_PAGE] = pages.contexts_page(index)
            files.update(index.paths())
        return made

    if not apart:
        keep_index()
        clock.lap("words in context")
    else:
        files[pages.CONTEXTS_PAGE] = None  # written before (see above) and again by the index's process

    # The engine configurations, the navigation included, and Zensical's theme come first.
    staged = {**engine.navigation(articles, set(files)), "extra_javascript": script_entries}
    configs = {
        engine.MKDOCS_CONFIG: _yaml(engine.mkdocs_config(settings, root, staged)),
        engine.ZENSICAL_CONFIG: _yaml(engine.zensical_config(settings, root, staged)),
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in configs.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    write_tree(folder / engine.ZENSICAL_THEME, engine.zensical_theme_files(root / OVERRIDES))
    pages_written, rest = 0, files
    if apart:
        # The pages, which an engine lists and reads first, are written here; the other files
        # (data, downloads, citations), which it copies last, by a process of its own meanwhile,
        # which keeps the pages as written (a content of None). The index's process writes the
        # index's files and the contexts page, which the others leave alone.
        first = {path: content for path, content in files.items() if path.endswith(PAGE_SUFFIXES) and path != pages.CONTEXTS_PAGE}
        pages_written, _, page_digests = write_tree(docs, first, before, remove=False)
        before = {**before, **page_digests}
        rest = {path: None if path in first else content for path, content in files.items() if path != pages.CONTEXTS_PAGE}

    def write() -> tuple[int, int, dict[str, str]]:
        """Every file of the stage's docs written (those written already left as they are)."""
        return write_tree(docs, rest, before, leave=CONTEXTS_FILES if apart else ())

    writing = background.start(write, nice=LATER) if apart else None
    done = None if apart else write()
    clock.lap("write")
    staged = Staged(folder, len(articles), len(files), pages_written, 0, dict(cache.computed), 0.0,
                    clock.phases, frozenset(files) if apart else None,
                    later=frozenset({pages.CONTEXTS_PAGE}) if apart else frozenset())
    digests: dict[str, str] = {}

    def count(written: int, removed: int, made: dict[str, str]) -> None:
        staged.written += written
        staged.removed += removed
        digests.update(made)

    def keep_records() -> None:
        """Keep what the next run compares with, once every file is written."""
        cache.keep("written", digests)
        cache.keep("inputs", {"fingerprint": given, "sizes": inputs.sizes(folder, OUTPUTS), "articles": len(articles),
                              "files": staged.files})

    if not apart:
        count(*done)
        keep_records()
        cache.save()
        clock.lap("save the cache")
        return staged
    # Apart: the engine waits for the other files before it copies them (finished(), which then
    # saves the cache but for what depends on the index), for the index when its build reaches
    # the pages that say its size (index_written()), and for the rest at the end (saved()).
    steps: dict[str, object] = {}

    def finished() -> None:
        if "written" not in steps:
            count(*writing())
            steps["written"] = True
            steps["saving"] = background.start(lambda: cache.save(but=INDEX_RECORDS), nice=LATER)

    def index_written() -> dict[str, tuple[str, str]]:
        if "index" not in steps:
            written, removed, made, size = keep_index()
            count(written, removed, made)
            staged.files += len(made) - 1  # the contexts page is counted already
            staged.names = staged.names | made.keys()
            steps["index"] = {pages.CONTEXTS_PAGE: (pages.INDEX_SIZE_MARK, size)}
        return steps["index"]

    def saved() -> None:
        if "saved" in steps:
            return
        finished()
        try:
            index_written()
        finally:
            steps["saving"]()  # the rest of the cache is saved whole, even where the index failed
        keep_records()
        cache.save(only=INDEX_RECORDS)
        steps["saved"] = True

    staged.finished, staged.saved, staged.index_written = finished, saved, index_written
    return staged


def check_index(index: contexts.Index) -> None:
    """Raise StageError if the index file leaves too little of one query's budget for a data file."""
    weight = contexts.gzip_bound(index.index_bytes)
    if weight > contexts.QUERY_BUDGET - contexts.FILE_MAX:
        raise StageError(
            f"{contexts.DATA_DIR}/{contexts.INDEX_FILE}: size: {weight} bytes gzipped leaves too little of the "
            f"{contexts.QUERY_BUDGET}-byte budget of one query for a data file"
        )


def write_contexts(docs: Path, index: contexts.Index, before: dict[str, str]) -> tuple[int, int, dict[str, str]]:
    """Write the index's files and the contexts page into the stage's `docs` (the files of the
    data folder no longer in the index removed) after checking the index (check_index);
    (written, removed, digests) as write_tree gives them, by path in docs."""
    check_index(index)
    # The page on disk may be the one written before the index: compared byte for byte, not by
    # `before`, and counted as written only where it differs from the last build's.
    _, _, page_digests = write_tree(docs, {pages.CONTEXTS_PAGE: pages.contexts_page(index)}, remove=False)
    page_written = int(before.get(pages.CONTEXTS_PAGE) != page_digests[pages.CONTEXTS_PAGE])
    inside = contexts.DATA_DIR + "/"
    data = {path[len(inside):]: content for path, content in index.paths().items()}
    kept = {path[len(inside):]: digest for path, digest in before.items() if path.startswith(inside)}
    written, removed, digests = write_tree(docs / contexts.DATA_DIR, data, kept)
    return page_written + written, removed, {**page_digests, **{inside + path: digest for path, digest in digests.items()}}


def article_facts(articles: list[Article], data, stopwords: frozenset[str], cache: Cache) -> tuple[Callable[[], dict], dict]:
    """(TextFacts, DataFacts) of each article by slug, what it yields on its own, taken from the
    cache where its text (and the curated data) are unchanged, as a function that waits for
    them (they are worked out meanwhile); and the key of each one's text."""
    names = mention_pattern(data.actors)
    digest = data_digest(data.actors, data.themes, stopwords)
    keys = {a.slug: cache.key("text-facts", a.digest) for a in articles}
    texts = cache.start("text-facts", text_facts, ((keys[a.slug], (a,)) for a in articles))
    found = cache.start("data-facts", data_facts, (
        (cache.key("data-facts", a.digest, digest), (a, data.actors, data.themes, stopwords, names)) for a in articles
    ))

    def gather() -> dict:
        facts = {}
        for article, text, data_ in zip(articles, texts(), found()):
            key = keys[article.slug]
            if isinstance(text.lines, dict):
                # Made in this run: its words-in-context rows are kept apart, read only when a data
                # file that holds them is made, and the facts keep what each form holds.
                cache.put("text-lines", key, text.lines)
                cache.put("text-facts", key, replace(text, lines=contexts.article_forms(text.lines)))
            facts[article.slug] = (text, data_)
            # The word count the facts hold is the article's own (a cached property): not counted twice.
            article.__dict__.setdefault("word_count", text.words)
        cache.hold("text-lines", keys.values())
        return facts

    return gather, keys


def maintainer_files(docs: Path, articles: list[Article]) -> dict[str, bytes]:
    """Every file of docs/ as it is, but the pages the stage writes itself (the articles and the
    home page)."""
    written_by_stage = {f"{ARTICLES_DIR}/{article.slug}.md" for article in articles} | {pages.HOME_PAGE}
    found = {}
    for path in sorted(docs.rglob("*")):
        name = path.relative_to(docs).as_posix()
        if path.is_file() and name not in written_by_stage and not name.startswith(f"{ARTICLES_DIR}/"):
            found[pages.page_path(name)] = path.read_bytes()
    return found


def page_address(site_url: str, url: str) -> str:
    """A page's full address: the site's address and the page's path, percent-encoded."""
    return urljoin(site_url or "/", quote(url, safe="/:#?&=~-._%"))


def main(argv: list[str] | None = None) -> int:
    """Make the stage; print every problem, one a line, and exit 1 if there are any."""
    parser = argparse.ArgumentParser(prog="python -m corpus.stage", description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=".", help="the project folder (the one holding mkdocs.yml)")
    parser.add_argument("--site-url", help="the site's address, in place of mkdocs.yml's site_url")
    parser.add_argument("--times", action="store_true", help="print how long each phase took")
    args = parser.parse_args(argv)
    root = Path(args.root)
    if not (root / CONFIG).is_file():
        print(f"{root / CONFIG}: file: does not exist (run from the project folder or name it)")
        return 2
    started = time.perf_counter()
    try:
        staged = make_stage(root, args.site_url)
    except CorpusError as error:
        for line in error.lines:
            print(line)
        print(f"{len(error.lines)} problem(s) found in {time.perf_counter() - started:.1f} s; nothing was written", file=sys.stderr)
        return 1
    if args.times and "unchanged" not in staged.phases:
        print("; ".join(f"{name} {seconds:.2f} s" for name, seconds in staged.phases.items()), file=sys.stderr)
    print(summary(staged), file=sys.stderr)
    return 0


def summary(staged: Staged) -> str:
    """What a run of the stage did, in a line."""
    if "unchanged" in staged.phases:
        return (f"{staged.articles} articles: nothing changed since the last stage in {staged.folder} "
                f"({staged.seconds:.2f} s to find out)")
    computed = ", ".join(f"{kind} {count}" for kind, count in staged.computed.items())
    return (f"{staged.articles} articles staged in {staged.folder} in {staged.seconds:.1f} s: {staged.files} files, "
            f"{staged.written} written, {staged.removed} removed; computed afresh: {computed}")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _json(value, indent: int | None = 1) -> str:
    """JSON as the downloads carry it: UTF-8 text, indented one space, or compact (quicker to
    write) for the many small files."""
    return json.dumps(value, indent=indent, ensure_ascii=False, separators=None if indent else (",", ":"))


def _yaml(config: dict) -> str:
    """An engine configuration file."""
    return "# Written by python -m corpus.stage from mkdocs.yml; edit that file, not this one.\n" + yaml.safe_dump(
        config, allow_unicode=True, sort_keys=False, width=10_000
    )


if __name__ == "__main__":
    sys.exit(main())
