"""Words in context: the words against an independent count of the originals, every line's
paragraph, the index's split (every line once, each file and each search within budget), the
page's own search code run under Node, and the built page."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

import originals
from conftest import DOCS, ROOT, soup
from corpus import contexts
from corpus.articles import load_articles
from corpus.text import html_text, normalise
from project import add_synthetic_articles, copy_project

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
        names = {f"{n}.json" for leaf in holders for n in range(leaf[3], leaf[4] + 1)}
        assert all(term in json.loads(index.files[name])["lines"] for name in names), term
    # The index file and a batch of data files fit in one search's budget.
    weight = contexts.gzip_size(index.index_bytes)
    assert weight + index.index["batch"] * contexts.FILE_MAX <= contexts.QUERY_BUDGET
    assert index.index["articles"] == [[a.slug, a.title, int(a.title_truncated)] for a in articles]


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
        if len(typed.split()) == 1 and not how.get("matchCase") and result["totals"][0] is not None:
            assert result["totals"] == [sum(wanted.values())], typed
    several = run_searches(data, [{"q": "Japan, China , Japan's,  , Beijing", "batches": 0, "matchCase": True}], tmp_path)[0]
    # "Japan's" is the word "Japan" again, so it adds no line.
    each = [sum(originals.counts(DOCS, w, match_case=True).values()) for w in ("Japan", "China", "Japan's", "Beijing")]
    assert several["found"] == [each[0], each[1], 0, each[3]]
    assert several["lines"] == each[0] + each[1] + each[3]


def test_a_word_with_more_lines_than_a_batch_comes_in_batches_each_within_its_files(tmp_path):
    project = copy_project(tmp_path / "project")
    add_synthetic_articles(project, 40)
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
            assert result["totals"] == [sum(wanted.values())], typed
    # Stopping after the first batch: part of the lines, in collection order.
    first = run_searches(data, [{"q": "k", "match": "stem", "batches": 1, "rows": True}], tmp_path)[0]
    assert not first["complete"] and 0 < first["lines"] < results[2]["lines"]


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
                   "A final possessive", "“escalat” finds “escalate”", "A phrase of up to 5 words",
                   "A line is one occurrence", "Up to 5 words on either side", "at most 200 KB compressed"):
        assert stated in text, stated
    # Data: the index file and the data files it names, in a folder named after their content.
    index = json.loads((site / "contexts" / "data" / "index.json").read_text())
    folder = site / "contexts" / "data" / index["folder"]
    assert len(list(folder.glob("*.json"))) == max(leaf[4] for leaf in index["leaves"]) + 1
    assert all(len(gzip.compress(p.read_bytes(), 6)) <= contexts.FILE_MAX for p in folder.glob("*.json"))
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
    names = analysis.select("table[data-table=actor] tbody th a")
    assert names
    for link in names:
        assert check(link, site / "analysis") == {"q": [", ".join(actors[link.get_text()])], "case": ["1"]}
        assert link["aria-label"].startswith(f"{link.get_text()} in context")
    for chart in ("#chart-actors", "#chart-actor-totals"):
        overlaid = analysis.select(f"{chart} a.chart-name")
        assert overlaid and all(check(link, site / "analysis")["case"] == ["1"] for link in overlaid)
        assert all(link.select_one(".chart-tip").get_text().endswith("capitals as written") for link in overlaid)
    for link in analysis.select("table[data-table=keyword] a.keyword"):
        check(link, site / "analysis")
    article = soup(site / "articles" / "there-is-no-way-back" / "index.html")
    section = article.select_one("#in-the-collection")
    links = section.select("table[data-table=article-actors] th a") + section.select("#chart-article-actors a.chart-name")
    links += section.select("a.keyword")
    assert len(links) > 10
    for link in links:
        check(link, site / "articles" / "there-is-no-way-back")
