"""Words in context: the words against an independent count of the originals, every line's
paragraph, the index's split (every line once, each file and each search within budget), the
page's own search code run under Node, and the built page."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

import originals
from conftest import DOCS, ROOT, collection_section, soup
from corpus.analyse import contexts
from corpus.read.articles import load_articles
from corpus.text import html_text, normalise
from project import SYLLABLES, add_synthetic_articles, copy_project

QUERY_TOOL = ROOT / "tests" / "tools" / "contexts-query.cjs"

# Searches run by the page's code, each against the independent count: (typed, how).
SEARCHES = [
    ("NATO", {}), ("the", {}), ("escalat", {}), ("escalat", {"match": "stem"}), ("Japan's", {}),
    ("Asia-Pacific", {}), ("asia", {"match": "stem"}), ("the United States", {}), ("united st", {"match": "stem"}),
    ("US", {"matchCase": True}), ("us", {}), ("in the Asia-Pacific region", {}), ("nosuchword", {}),
    ("nosuchword region", {}),
]


@pytest.fixture(scope="module")
def articles():
    return load_articles(DOCS)


@pytest.fixture(scope="module")
def index(articles):
    return contexts.build_index(articles)


def write_index(index: contexts.Index, folder: Path) -> Path:
    """The index's files under folder, as the site has them; returns the folder of index.json."""
    for path, content in index.paths().items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return folder / contexts.DATA_DIR


def expected(docs: Path, typed: str, how: dict) -> Counter:
    """The independent count of a search: the occurrences of each of its comma-separated parts."""
    total = Counter()
    for part in typed.split(","):
        total += originals.counts(docs, part, how.get("match") == "stem", how.get("matchCase", False))
    return total


def run_searches(data: Path, searches: list[dict], tmp_path: Path) -> list[dict]:
    """Run searches with the page's own code under Node (tests/tools/contexts-query.cjs)."""
    node = shutil.which("node")
    assert node, "Node.js runs the page's search code: install it (make test needs it for npm anyway)"
    spec = tmp_path / "searches.json"
    spec.write_text(json.dumps(searches))
    result = subprocess.run([node, str(QUERY_TOOL), str(data), str(spec)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# -----------------------------------------------------------------------------
# The words
# -----------------------------------------------------------------------------


def test_a_word_is_letters_and_digits_joined_by_an_inner_apostrophe_or_hyphen():
    text = "the Asia-Pacific's F-35s, don\u2019t U.S.-led -- co\u2013operation 2024-01-31 snake_case"
    assert contexts.words_of(text) == [
        "the", "Asia-Pacific's", "F-35s", "don\u2019t", "U", "S", "led", "co", "operation", "2024-01-31", "snake", "case",
    ]
    assert [contexts.index_form(w) for w in ("Japan's", "JAPAN\u2019S", "it's", "countries", "Don\u2019t", "'s")] == [
        "japan", "japan", "it", "countries", "don't", "'s",
    ]


def test_every_word_of_the_originals_is_one_line_in_order(articles):
    independent = {slug: lines for slug, lines in originals.own_lines(DOCS).items()}
    for number, article in enumerate(articles):
        lines = contexts.article_lines(article, number)
        assert [line.position for line in lines] == list(range(len(lines)))
        words = [w for line in independent[article.slug] for w in originals.WORD.findall(line)]
        assert [line.word for line in lines] == words, article.slug
        # The context is the text around the word, as the original gives it.
        for line in lines:
            assert len(contexts.words_of(line.left)) <= contexts.CONTEXT_WORDS
            assert len(contexts.words_of(line.right)) <= contexts.CONTEXT_WORDS
            assert " ".join((line.left + line.word + line.right).split()) in " ".join(article.text.split())


def test_every_line_links_to_the_paragraph_that_holds_its_word(site, articles):
    for number, article in enumerate(articles):
        page = soup(site / "articles" / article.slug / "index.html")
        places = {}
        for line in contexts.article_lines(article, number):
            if line.anchor not in places:
                element = page.find(id=line.anchor)
                assert element is not None, (article.slug, line.anchor)
                places[line.anchor] = normalise(html_text(str(element)))
            assert normalise(line.left + line.word + line.right).strip() in " ".join(places[line.anchor].split()), line
        # Headline, headings and every paragraph of the page are there.
        assert {f"p{n}" for n in range(1, 10)} <= set(places)


def test_a_passage_that_does_not_follow_the_original_is_refused_in_one_line(articles):
    from dataclasses import replace

    article = articles[0]
    changed = replace(article, body=article.body.replace("NATO", "OTAN", 1))
    with pytest.raises(contexts.ContextsError, match=rf"^{article.page}: body: the passage 'p\d+' .* does not follow"):
        contexts.passage_texts(changed)
    with pytest.raises(contexts.ContextsError):
        contexts.build_index([changed, *articles[1:]])
    # The build waits for the fidelity check to name the lost word; meanwhile the article has no lines.
    problems = []
    index = contexts.build_index([changed, *articles[1:]], problems=problems)
    assert len(problems) == 1 and problems[0].startswith(f"{article.page}: body: the passage")
    assert all(json.loads(content)["lines"] for content in index.files.values())
    assert not any(row[0] == 0 for content in index.files.values() for rows in json.loads(content)["lines"].values() for row in rows)


def test_an_index_made_again_after_edits_is_the_one_made_afresh_and_reuses_unchanged_files(tmp_path):
    from dataclasses import replace

    project = copy_project(tmp_path / "project")
    add_synthetic_articles(project, 12)
    articles = load_articles(project / "docs")
    sizes = {"file_max": 2_500, "raw_target": 6_000, "budget": 40_000}
    memory: dict = {}
    built = contexts.build_index(articles, **sizes, memory=memory).files
    assert all(content is not None for content in built.values())

    def again(edited: list) -> dict:
        """The files made with the memory, each reused one (None) taken from those built before,
        after checking that they are those made afresh."""
        made = contexts.build_index(edited, **sizes, memory=memory)
        fresh = contexts.build_index(edited, **sizes)
        assert made.index == fresh.index and made.files.keys() == fresh.files.keys()
        assert all(built[name] == fresh.files[name] if content is None else content == fresh.files[name]
                   for name, content in made.files.items())
        built.update(fresh.files)
        return made.files

    # A word of one article changed, a word added to another, a word taken from a third.
    edited = list(articles)
    for number, (old, new) in ((2, (" the ", " thex ")), (5, (" of ", " of of ")), (9, (" and ", " "))):
        edited[number] = replace(edited[number], body=edited[number].body.replace(old, new, 1),
                                 original_text=edited[number].original_text.replace(old, new, 1))
    again(edited)
    # Unchanged: every file is the last build's.
    assert all(content is None for content in again(edited).values())
    # One word edited in place: most data files hold only unchanged lines, and are the same files.
    edited[4] = replace(edited[4], body=edited[4].body.replace(" the ", " thex ", 1),
                        original_text=edited[4].original_text.replace(" the ", " thex ", 1))
    files = again(edited)
    assert 0 < sum(content is not None for content in files.values()) < len(files) / 10


# -----------------------------------------------------------------------------
# The index
# -----------------------------------------------------------------------------


def test_the_index_holds_every_line_once_in_files_within_budget(index, articles):
    total = Counter()
    for name, content in index.files.items():
        assert contexts.gzip_size(content, 6) <= contexts.FILE_MAX, name
        assert contexts.gzip_size(content, 9) <= contexts.FILE_MAX, name
        for term, rows in json.loads(content)["lines"].items():
            total[term] += len(rows)
    assert total == originals.all_words(DOCS)
    leaves = index.index["leaves"]
    assert sum(leaf[2] for leaf in leaves) == sum(total.values())
    # Every word is in exactly one leaf: its exact leaf, or the one leaf whose beginning it has.
    for term in total:
        holders = [leaf for leaf in leaves if (leaf[1] and leaf[0] == term) or (not leaf[1] and term.startswith(leaf[0]))]
        assert len(holders) == 1, term
        names = {index.index["files"][n] for leaf in holders for n in range(leaf[3], leaf[4] + 1)}
        assert all(term in json.loads(index.files[name])["lines"] for name in names), term
    # The index file and a batch of data files fit in one search's budget.
    weight = contexts.gzip_size(index.index_bytes)
    assert weight + index.index["batch"] * contexts.FILE_MAX <= contexts.QUERY_BUDGET
    # Articles in the article index's order (by title, then address), as the page says lines come.
    in_order = sorted(articles, key=lambda a: (a.title.casefold(), a.slug))
    assert index.index["articles"] == [[a.slug, a.title, int(a.title_truncated)] for a in in_order]


def test_articles_are_numbered_in_the_article_index_order_whatever_their_file_names(articles):
    from dataclasses import replace

    # Addresses (file names) whose order is the reverse of the titles'.
    by_title = sorted(articles, key=lambda a: a.title.casefold())
    renamed = [replace(article, slug=f"{chr(ord('z') - n)}-{article.slug}") for n, article in enumerate(by_title)]
    index = contexts.build_index(sorted(renamed, key=lambda a: a.slug))
    assert [row[0] for row in index.index["articles"]] == [a.slug for a in renamed]
    rows = [(row[0], row[1]) for content in index.files.values() for rows in json.loads(content)["lines"].values() for row in rows]
    assert {number for number, _ in rows} == set(range(len(articles)))


def test_the_page_code_finds_as_many_lines_as_the_originals_hold(index, tmp_path):
    data = write_index(index, tmp_path)
    searches = [{"q": q, "batches": 0, "rows": True, **how} for q, how in SEARCHES]
    for (typed, how), result in zip(SEARCHES, run_searches(data, searches, tmp_path)):
        wanted = expected(DOCS, typed, how)
        found = Counter(row[0] for row in result["rows"])
        assert found == wanted, (typed, how)
        assert result["complete"] and len(result["batches"]) == 1, typed
        assert result["batches"][0]["gzip"] <= contexts.QUERY_BUDGET
        # The index counts a single word's lines (any case) before they are fetched.
        if len(typed.split()) == 1 and not how.get("matchCase") and result["total"] is not None:
            assert result["total"] == sum(wanted.values()), typed
    several = run_searches(data, [{"q": "Japan, China , Japan's,  , Beijing", "batches": 0, "matchCase": True}], tmp_path)[0]
    # "Japan's" is the word "Japan" again, so it adds no line: its places are listed under "Japan".
    each = [sum(originals.counts(DOCS, w, match_case=True).values()) for w in ("Japan", "China", "Japan's", "Beijing")]
    assert several["found"] == [each[0], each[1], 0, each[3]]
    assert several["under"] == [[], [], [0], []]
    assert several["lines"] == each[0] + each[1] + each[3]


def test_a_word_with_more_lines_than_a_batch_comes_in_batches_each_within_its_files(tmp_path):
    project = copy_project(tmp_path / "project")
    # Made-up syllables: many words share their first letters ("ka", "k"), as the searches below need.
    add_synthetic_articles(project, 40, kind=SYLLABLES)
    docs = project / "docs"
    articles = load_articles(docs)
    # Small files and a small budget, so that common words and beginnings span many files and batches.
    index = contexts.build_index(articles, file_max=2_500, raw_target=6_000, budget=40_000)
    assert all(contexts.gzip_size(content) <= 2_500 for content in index.files.values())
    data = write_index(index, tmp_path / "site")
    searches = [("the", {}), ("ka", {"match": "stem"}), ("k", {"match": "stem"}), ("the United States", {}),
                ("NATO", {}), ("Japan, China", {"matchCase": True})]
    specs = [{"q": q, "batches": 0, "rows": True, **how} for q, how in searches]
    results = run_searches(data, specs, tmp_path)
    batch = index.index["batch"]
    assert any(len(r["batches"]) > 2 for r in results)
    for (typed, how), result in zip(searches, results):
        wanted = expected(docs, typed, how)
        assert Counter(row[0] for row in result["rows"]) == wanted, typed
        assert len({(row[0], row[1]) for row in result["rows"]}) == result["lines"], typed
        for fetched in result["batches"]:
            assert len(fetched["files"]) <= batch
            assert fetched["gzip"] - (contexts.gzip_size(index.index_bytes) if fetched is result["batches"][0] else 0) <= batch * 2_500
        # The count is known from the first batch for a single word in any case.
        if len(typed.split()) == 1 and "," not in typed:
            assert result["total"] == sum(wanted.values()), typed
    # Stopping after the first batch: part of the lines, in collection order.
    first = run_searches(data, [{"q": "k", "match": "stem", "batches": 1, "rows": True}], tmp_path)[0]
    assert not first["complete"] and 0 < first["lines"] < results[2]["lines"]


def test_each_place_is_listed_once_under_the_longer_of_overlapping_forms(index, tmp_path):
    data = write_index(index, tmp_path)
    searches = [
        ("Donald Trump, Trump", {}), ("Trump, Donald Trump", {}), ("Fumio Kishida, Kishida", {"matchCase": True}),
        ("Vladimir Putin, Putin", {}), ("Mark Rutte, Rutte", {}), ("Sergei Lavrov, Lavrov", {}),
        ("Jens Stoltenberg, Stoltenberg", {}), ("Japan, Japan's", {}), ("Japan, Japanese", {"match": "stem"}),
        ("the United States, United States, States", {}), ("Asia-Pacific, the Asia-Pacific region, Asia", {}),
        ("China, -South China Sea", {"matchCase": True}), ("South China Sea, -South China Sea Strategic Situational Awareness", {}),
        ("NATO, Asia, -NATO in Asia", {}), ("china, -china", {}),
    ]
    specs = [{"q": q, "batches": 0, "rows": True, **how} for q, how in searches]
    for (typed, how), result in zip(searches, run_searches(data, specs, tmp_path)):
        by_article, by_part, left_out = originals.places(DOCS, typed, how.get("match") == "stem", how.get("matchCase", False))
        assert Counter(row[0] for row in result["rows"]) == by_article, typed
        assert result["found"] == [by_part[i] for i in range(len(result["found"]))], typed
        assert result["left_out"] == [left_out[i] for i in range(len(result["left_out"]))], typed
        # No word is in two lines.
        words = [(row[0], row[1] + i) for row in result["rows"] for i in range(len(contexts.words_of(row[3])))]
        assert len(words) == len(set(words)), typed
    trump = run_searches(data, [{"q": "Donald Trump, Trump", "batches": 0}], tmp_path)[0]
    # The sources name Trump 8 times, 4 of them as "Donald Trump", as the analysis counts him.
    assert sum(originals.counts(DOCS, "Trump").values()) == trump["lines"] == 8 and trump["found"] == [4, 4]
    assert trump["status"] == "8 lines for “Donald Trump” (4), “Trump” (4) (exact words), in 1 article."


def test_a_form_whose_places_are_all_under_another_says_so_rather_than_zero(index, tmp_path):
    data = write_index(index, tmp_path)
    japan = sum(originals.counts(DOCS, "Japan").values())
    stem = sum(originals.counts(DOCS, "Japan", stem=True).values())
    china = sum(originals.counts(DOCS, "China", match_case=True).values())
    sea = sum(originals.counts(DOCS, "South China Sea", match_case=True).values())
    searches = [
        ({"q": "Japan, Japan's"}, f"{japan} lines for “Japan” ({japan}), “Japan's” (listed under “Japan”) (exact word), in 3 articles."),
        ({"q": "Japan, Japanese", "match": "stem"},
         f"{stem} lines for “Japan” ({stem}), “Japanese” (listed under “Japan”) (words beginning with), in 3 articles."),
        ({"q": "Japan, nosuchword"}, f"{japan} lines for “Japan” ({japan}), “nosuchword” (0) (exact word), in 3 articles."),
        ({"q": "China, -South China Sea", "matchCase": True},
         f"{china - sea} lines for “China” (exact word, matching case), in 3 articles; left out: {sea} within “South China Sea”."),
        ({"q": "-China"}, "A word or phrase after a minus sign is only left out: type one to list as well."),
    ]
    results = run_searches(data, [{**spec, "batches": 0} for spec, _ in searches], tmp_path)
    assert [r["status"] for r in results] == [status for _, status in searches]


def test_a_phrase_may_have_as_many_words_as_a_line_holds_beyond_its_anchor(index, tmp_path):
    assert contexts.MAX_PHRASE == contexts.CONTEXT_WORDS + 1 == index.index["phrase"]
    data = write_index(index, tmp_path)
    # Six-word runs from the start, middle and end of paragraphs of each article (not its first
    # line, which may hold the headline and the first paragraph: two passages).
    phrases = []
    for lines in originals.own_lines(DOCS).values():
        long = [line for line in lines[1:] if len(originals.WORD.findall(line)) > 20]
        for line in (long[0], long[len(long) // 2], long[-1]):
            words = originals.WORD.findall(line)
            phrases += [" ".join(words[:6]), " ".join(words[7:13]), " ".join(words[-6:])]
    phrases.append("South China Sea Strategic Situational Awareness")
    results = run_searches(data, [{"q": q, "batches": 0} for q in phrases] + [{"q": "a b c d e f g", "batches": 0}], tmp_path)
    for typed, result in zip(phrases, results):
        assert result["refused"] is None, typed
        assert result["lines"] == sum(originals.counts(DOCS, typed).values()) >= 1, typed
    assert results[-1]["refused"] == "A phrase can have at most 6 words; “a b c d e f g” has 7."


def test_every_actor_link_finds_the_places_the_analysis_counts(articles, index, tmp_path):
    from corpus.analyse.analysis import analyse
    from corpus.read.data import load_data, load_stopwords

    data = load_data(ROOT / "data", articles)
    analysis = analyse(articles, data, load_stopwords(ROOT / "data"))
    counted = {row["name"]: Counter({slug: c["count"] for slug, c in row["counts"].items() if c["count"]}) for row in analysis["actors"]}
    links = contexts.actor_links(data.actors, articles)
    assert set(links) == {actor.name for actor in data.actors}
    specs = []
    for actor in data.actors:
        query = parse_qs(urlparse(links[actor.name]["href"]).query)
        assert query["case"] == ["1"]
        specs.append({"q": query["q"][0], "matchCase": True, "batches": 0, "rows": True})
    results = run_searches(write_index(index, tmp_path), specs, tmp_path)
    for actor, result in zip(data.actors, results):
        assert result["refused"] is None, (actor.name, result["refused"])
        assert Counter(row[0] for row in result["rows"]) == counted.get(actor.name, Counter()), actor.name
        if actor.name in counted:
            assert result["lines"] >= 1 and result["status"].startswith(f"{sum(counted[actor.name].values())} line"), actor.name
    # What the link does, in its name: all articles, and what it leaves out.
    assert links["China"]["name"] == ("China in context in all articles: every line with China, Chinese, Beijing or "
                                      "Russian-Chinese, capitals as written, except within South China Sea")
    assert links["Donald Trump"]["name"] == "Donald Trump in context in all articles: every line with Donald Trump or Trump, capitals as written"


def test_name_hits_give_the_whole_word_each_name_stands_in():
    from corpus.analyse.mentions import mention_pattern
    from corpus.read.articles import Article
    from corpus.read.data import Actor

    actors = [Actor("Japan", "country", ("Japan", "Tokyo")), Actor("United States", "country", ("U.S.", "US")),
              Actor("South China Sea", "place", ("South China Sea",)), Actor("China", "country", ("China",))]
    body = ("Japan's ships and pre-Japan talks; Japan-US drills, US' aims, U.S.-led and U.S. bases.\n\n"
            "The South China Sea-facing coast, éJapan and Japané, Tokyo’s plan, China—Tokyo, 'China' and China-.\n\n"
            "Japan 1Japan China's-own US")
    article = Article(page="docs/articles/x.md", slug="x", title="Japan", source="S", original="x.txt", summary="s",
                      body=body, original_text="Japan\n" + body, title_supplied=False)
    names = mention_pattern(actors)
    # The same, found the plain way: each word's span, and the words each name overlaps.
    expected = {}
    for text in contexts.plain_texts(article):
        spans = [m.span() for m in contexts.WORD.finditer(text)]
        for match in names[0].finditer(text):
            start, end = match.span(1)
            held = [span for span in spans if span[0] < end and span[1] > start]
            expected.setdefault((match.group(1), text[held[0][0]:held[-1][1]]), None)
    found = contexts.name_hits(article, names)
    assert found == tuple(expected)
    assert {("Japan", "Japan's"), ("Japan", "pre-Japan"), ("Japan", "Japan-US"), ("US", "Japan-US"), ("U.S.", "U.S"),
            ("South China Sea", "South China Sea-facing"), ("Japan", "éJapan"), ("Japan", "Japané"),
            ("Tokyo", "Tokyo's"), ("Japan", "Japan"), ("China", "China"), ("China", "China's-own")} <= set(found)


# -----------------------------------------------------------------------------
# The built page
# -----------------------------------------------------------------------------


def test_the_page_is_a_form_that_says_how_words_are_found(site):
    page = soup(site / "contexts" / "index.html")
    form = page.select_one("form[data-contexts]")
    assert form["action"] == "." and form["method"] == "get"
    assert form.select_one("input[name=q]") is not None
    assert [i["value"] for i in form.select("input[name=match]")] == ["exact", "stem"]
    assert form.select_one("input[name=case][type=checkbox]") is not None
    assert page.find("noscript") is not None
    text = " ".join(page.select_one("article").get_text().split())
    for stated in ("A word is a run of letters and digits", "An apostrophe or a hyphen between two of them keeps them one word",
                   "Capital letters are ignored unless “Match case” is ticked",
                   "A final possessive", "“escalat” finds “escalate”", "A phrase of up to 6 words",
                   "the line is listed and counted under the longer one", "lines within it are left out",
                   "A line is one occurrence", "Up to 5 words on either side are shown", "around a phrase, fewer on one side or both",
                   "in the order of the article index (by title)", "at most 200 KB compressed at a time",
                   "“Show more lines” fetches the next ones"):
        assert stated in text, stated
    for gone in ("a batch away", "by file name", "where the index knows", "Capitals do not count"):
        assert gone not in text, gone
    assert [o.get_text() for o in form.select("select[name=sort] option")] == [
        "Collection order", "By the words before (nearest first)", "By the words after"]
    # Without the page's code there is no prompt to type and press Enter.
    assert page.select_one("[data-contexts-status]").get_text() == ""
    # Data: the index file and the data files it names, each named after its content.
    folder = site / "contexts" / "data"
    index = json.loads((folder / "index.json").read_text())
    assert len(index["files"]) == max(leaf[4] for leaf in index["leaves"]) + 1
    assert sorted(p.name for p in folder.glob("*.json") if p.name != "index.json") == sorted(set(index["files"]))
    for name in index["files"]:
        content = (folder / name).read_bytes()
        assert name == hashlib.sha256(content).hexdigest()[:16] + ".json"
        assert len(gzip.compress(content, 6)) <= contexts.FILE_MAX
    # The page is in the navigation, as the article index is.
    home = soup(site / "index.html")
    assert home.select_one("nav.md-nav--primary a[href='contexts/']") is not None


def test_actor_names_and_distinctive_words_link_to_their_contexts(site):
    actors = {a["name"]: a["aliases"] for a in yaml.safe_load((ROOT / "data" / "actors.yml").read_text())}

    def check(link, page_dir: Path) -> str:
        url = urlparse(link["href"])
        assert (page_dir / url.path / "index.html").resolve() == (site / "contexts" / "index.html").resolve(), link["href"]
        return parse_qs(url.query)

    analysis = soup(site / "analysis" / "index.html")
    table = analysis.select_one("table[data-table=actor]")
    names = table.select("tbody th a")
    assert names
    for link in names:
        query = check(link, site / "analysis")
        assert query["case"] == ["1"] and query["q"][0].startswith(", ".join(actors[link.get_text()])), query
    # The table's column heading, the links' context, says where they lead.
    assert "links to its lines in context in all articles" in table.select_one("thead th").get_text()
    for chart in ("#chart-actors", "#chart-actor-totals"):
        named = analysis.select(f"{chart} th a")
        assert named and all(check(link, site / "analysis")["case"] == ["1"] for link in named)
        assert all(link["aria-label"].startswith(f"{link.get_text()} in context in all articles: ") for link in named)
    for link in analysis.select("table[data-table=keyword] a.keyword"):
        check(link, site / "analysis")
    section = collection_section(site, "there-is-no-way-back")
    links = section.select("#chart-article-actors tbody th a") + section.select("a.keyword")
    assert len(links) >= 8
    for link in links:
        check(link, site / "articles" / "there-is-no-way-back")
    # Beside this article's counts, an actor's link says it lists lines in all articles.
    names = section.select("#chart-article-actors tbody th a")
    assert names and all(" in context in all articles: " in link["aria-label"] for link in names)
