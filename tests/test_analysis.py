"""Unit tests of the analysis: curated-data checks, counts, dates, themes, keyness and resemblance."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from corpus.analyse.analysis import analyse
from corpus.read.articles import load_articles
from corpus.read.project import check_project
from corpus.read.data import DataError, load_data, load_data_checked, load_stopwords
from corpus.read.dates import DateError, parse_date, resolve_relative
from corpus.analyse.keyness import distinctive_words, keyness, terms
from corpus.analyse.mentions import count_mentions, mention_pattern
from corpus.read.passages import find_quote, passages
from corpus.analyse.resemblance import band, jaccard, section_items, sentence_items, shingles, similar_pairs, similar_passages
from corpus.text import lower_words, sentences

ROOT = Path(__file__).resolve().parent.parent

# Two small articles whose mentions were counted by hand (see EXPECTED_COUNTS).
ALPHA = """\
Japan and the US meet
Japan's navy met Japanese officials; the U.S. side came from Washington.
The South China Sea is not China, but China's claims there worry Tokyo.
"""
BETA = """\
Seoul and Pyongyang
Stoltenberg spoke. Jens Stoltenberg spoke again last year, and Japan listened.
Comments
"""
EXPECTED_COUNTS = {
    # actor: (alpha, beta) counted by hand, headline included.
    "United States": (3, 0),  # US (headline), U.S., Washington
    "Japan": (4, 1),  # Japan (headline), Japan's, Japanese, Tokyo | Japan
    "China": (2, 0),  # China, China's -- "South China Sea" is the place, not China
    "South China Sea": (1, 0),
    "South Korea": (0, 1),  # Seoul
    "North Korea": (0, 1),  # Pyongyang
    "Jens Stoltenberg": (0, 2),  # Stoltenberg, Jens Stoltenberg (counted once)
}

ACTORS = """\
- {name: United States, kind: country, aliases: [United States, US, U.S., Washington]}
- {name: Japan, kind: country, aliases: [Japan, Japanese, Tokyo]}
- {name: China, kind: country, aliases: [China, Chinese]}
- {name: South Korea, kind: country, aliases: [South Korea, Seoul]}
- {name: North Korea, kind: country, aliases: [North Korea, Pyongyang]}
- {name: Jens Stoltenberg, kind: person, aliases: [Jens Stoltenberg, Stoltenberg]}
- {name: South China Sea, kind: place, aliases: [South China Sea]}
"""
THEMES = """\
- id: navies
  name: Navies
  keywords: [navy]
  quotes:
    alpha: Japan's navy met Japanese officials
"""
TIMELINE = """\
- article: alpha
  event: A meeting
  quote: the U.S. side came from Washington
  date: "2023-07"
- article: beta
  event: A speech
  quote: Jens Stoltenberg spoke again last year
  relative: last year
"""
VOICES = """\
- {name: Stoltenberg, role: official, attribution: statement, article: beta, quote: Stoltenberg spoke.}
"""
PERSPECTIVES = """\
- {article: alpha, subject: a meeting, framing: an event, quote: Japan's navy met Japanese officials}
"""
OVERLAPS = """\
- id: japan
  topic: Japan
  quotes:
    alpha: Japan's navy
    beta: and Japan listened
"""


def make_corpus(tmp_path: Path, **overrides: str) -> tuple[Path, Path]:
    """A docs folder with the two articles and a data folder; overrides replace data files."""
    docs, data = tmp_path / "docs", tmp_path / "data"
    (docs / "articles").mkdir(parents=True)
    (docs / "sources").mkdir()
    data.mkdir()
    (docs / "sources" / "alpha.txt").write_text(ALPHA)
    (docs / "sources" / "beta.txt").write_text(BETA)
    alpha_body = "\n\n".join(ALPHA.splitlines()[1:])
    beta_body = "\n\n".join(BETA.splitlines()[1:-1])
    (docs / "articles" / "alpha.md").write_text(
        f"---\ntitle: Japan and the US meet\nsource: Test\noriginal: alpha.txt\nadded: 2026-12-01\nsummary: A test.\n---\n\n{alpha_body}\n"
    )
    (docs / "articles" / "beta.md").write_text(
        "---\ntitle: Seoul and Pyongyang\nsource: Test\noriginal: beta.txt\nadded: 2026-12-01\nsummary: A test.\n"
        f"published: 2024-01-31\ndropped: [Comments]\n---\n\n{beta_body}\n"
    )
    files = dict(actors=ACTORS, themes=THEMES, timeline=TIMELINE, voices=VOICES, perspectives=PERSPECTIVES, overlaps=OVERLAPS)
    files.update(overrides)
    for name, text in files.items():
        (data / f"{name}.yml").write_text(text)
    return docs, data


def test_counts_match_a_hand_count(tmp_path):
    docs, data_dir = make_corpus(tmp_path)
    articles = load_articles(docs)
    data = load_data(data_dir, articles)
    alpha, beta = (count_mentions(a, data.actors) for a in articles)
    for actor, (in_alpha, in_beta) in EXPECTED_COUNTS.items():
        assert (alpha[actor].count, beta[actor].count) == (in_alpha, in_beta), actor
    # First mentions point at the passage: the headline, then paragraphs p1, p2.
    assert alpha["United States"].first == "article-title"
    assert alpha["China"].first == "p2"
    assert beta["Jens Stoltenberg"].first == "p1"
    assert alpha["North Korea"].first is None


def test_counts_match_an_independent_regex_count_on_the_real_articles():
    # An independent count: each alias searched on its own, longer aliases masked out first.
    articles = load_articles(ROOT / "docs")
    data = load_data(ROOT / "data", articles)
    owner = {alias: actor.name for actor in data.actors for alias in actor.aliases}
    for article in articles:
        text = " ".join(p.text for p in passages(article)).replace("\u2019", "'")
        independent: dict[str, int] = {}
        for alias in sorted(owner, key=len, reverse=True):
            pattern = r"(?<![A-Za-z0-9])" + re.escape(alias) + r"(?:'s|')?(?![A-Za-z0-9])"
            independent[owner[alias]] = independent.get(owner[alias], 0) + len(re.findall(pattern, text))
            text = re.sub(pattern, "#", text)
        computed = count_mentions(article, data.actors)
        for name, found in independent.items():
            assert computed[name].count == found, (article.slug, name)


def test_the_analysis_covers_both_articles(tmp_path):
    docs, data_dir = make_corpus(tmp_path)
    articles = load_articles(docs)
    result = analyse(articles, load_data(data_dir, articles), frozenset({"the", "and"}))
    assert [row["slug"] for row in result["articles"]] == ["alpha", "beta"]
    navies = result["themes"][0]["coverage"]
    assert navies["alpha"]["state"] == "quoted" and navies["alpha"]["quote"]["anchor"] == "p1"
    assert navies["alpha"]["keyword_count"] == 1
    assert navies["beta"] == {"state": "no-keywords", "keyword_count": 0, "quote": None, "reason": None, "reason_quotes": []}
    beta_event = next(e for e in result["timeline"] if e["article"] == "beta")
    assert beta_event["date"] == "2023"
    assert "resolved against the article’s stated publication date, 2024-01-31" in beta_event["note"]
    assert [e["date"] for e in result["timeline"]] == ["2023", "2023-07"]
    assert result["articles"][0]["perspective"]["subject"] == "a meeting"
    # One rule for every article: the themes the site quotes it on, never an actor as such.
    assert result["tags"] == {"alpha": ["Navies"], "beta": []}


BAD_DATA = {
    "quote not verbatim": (
        "themes", THEMES.replace("Japan's navy met", "Japan's fleet met"),
        r"^data/themes\.yml: entry 1 \('navies'\): article 'alpha': quote is not verbatim in the article",
    ),
    "unknown article": (
        "voices", VOICES.replace("article: beta", "article: gamma"),
        r"^data/voices\.yml: entry 1 \('Stoltenberg'\): article 'gamma': no such article",
    ),
    "date not a date": (
        "timeline", TIMELINE.replace('date: "2023-07"', 'date: "2023-13"'),
        r"^data/timeline\.yml: entry 1 \('A meeting'\): article 'alpha': 'date': '2023-13' is not a date",
    ),
    "relative date not understood": (
        "timeline", TIMELINE.replace("relative: last year", "relative: again"),
        r"^data/timeline\.yml: entry 2 \('A speech'\): article 'beta': 'relative': 'again' is not a relative date",
    ),
    "alias of two actors": (
        "actors", ACTORS + "- {name: Nippon, kind: country, aliases: [Tokyo]}\n",
        r"^data/actors\.yml: entry 8 \('Nippon'\): 'aliases': 'Tokyo' already belongs to 'Japan'",
    ),
    "missing key": (
        "perspectives", "- {article: alpha, quote: Japan's navy, framing: x}\n",
        r"^data/perspectives\.yml: entry 1 \('alpha'\): 'subject': required key is missing",
    ),
    "unknown key": (
        "voices", VOICES.replace("role: official", "rol: official"),
        r"^data/voices\.yml: entry 1 \('Stoltenberg'\): 'role': required key is missing",
    ),
    "not YAML": ("overlaps", "- id: [broken\n", r"^data/overlaps\.yml: line \d+: not valid YAML"),
    "a scalar instead of a list": (
        "themes", "just some text\n", r"^data/themes\.yml: file: must be a list of entries .*not a str",
    ),
    "an empty file": ("voices", "", r"^data/voices\.yml: file: is empty"),
}


@pytest.mark.parametrize("case", BAD_DATA, ids=list(BAD_DATA))
def test_bad_data_is_refused_naming_file_entry_and_article(tmp_path, case):
    name, text, message = BAD_DATA[case]
    docs, data_dir = make_corpus(tmp_path, **{name: text})
    with pytest.raises(DataError, match=message) as caught:
        load_data(data_dir, load_articles(docs))
    # One line per problem, never a traceback or a multi-line message.
    assert all("\n" not in line for line in caught.value.lines)


def test_every_problem_in_the_data_is_listed_at_once(tmp_path):
    docs, data_dir = make_corpus(
        tmp_path,
        themes=THEMES.replace("Japan's navy met", "Japan's fleet met"),
        voices=VOICES.replace("article: beta", "article: gamma"),
        timeline=TIMELINE.replace('date: "2023-07"', 'date: "2023-13"'),
    )
    data, problems = load_data_checked(data_dir, load_articles(docs))
    assert [line.split(":")[0] for line in problems] == ["data/themes.yml", "data/timeline.yml", "data/voices.yml"]
    # The sound entries are kept: the second timeline entry is still there.
    assert [event.event for event in data.timeline] == ["A speech"]


def test_a_data_file_that_is_not_utf8_is_refused_with_its_byte_offset(tmp_path):
    docs, data_dir = make_corpus(tmp_path)
    (data_dir / "voices.yml").write_bytes(VOICES.replace("official", "Gesch\u00e4ftsf\u00fchrer").encode("latin-1"))
    offset = VOICES.index("official") + len("Gesch")
    with pytest.raises(DataError, match=rf"^data/voices\.yml: byte {offset}: not UTF-8 \(byte 0xe4\); save the file as UTF-8"):
        load_data(data_dir, load_articles(docs))


def test_a_plan_or_prediction_is_refused_as_an_event_and_kept_as_an_expectation(tmp_path):
    docs, data_dir = make_corpus(tmp_path)
    (docs / "sources" / "alpha.txt").write_text(ALPHA + "The navy will sail there next year.\n")
    page = docs / "articles" / "alpha.md"
    page.write_text(page.read_text() + "\nThe navy will sail there next year.\n")
    articles = load_articles(docs)
    plan = "- {article: alpha, event: A voyage, quote: The navy will sail there next year., undated: next year}\n"
    (data_dir / "timeline.yml").write_text(TIMELINE + plan)
    with pytest.raises(DataError, match=r"entry 3 \('A voyage'\): article 'alpha': 'kind': the quote reads as a plan or prediction \('will'\); set kind: expectation"):
        load_data(data_dir, articles)
    (data_dir / "timeline.yml").write_text(TIMELINE + plan.replace("{article", "{kind: expectation, article"))
    result = analyse(articles, load_data(data_dir, articles), frozenset())
    assert [e["event"] for e in result["expectations"]] == ["A voyage"]
    assert "A voyage" not in [e["event"] for e in result["timeline"]]


def test_relative_dates_resolve_only_against_a_stated_publication_date(tmp_path):
    docs, data_dir = make_corpus(tmp_path)
    beta = docs / "articles" / "beta.md"
    # An update date is not a publication date: "last year" stays unresolved, and the page says why.
    beta.write_text(beta.read_text().replace("published: 2024-01-31", "updated: 2024-01-31"))
    articles = load_articles(docs)
    assert articles[1].published is None and articles[1].updated == dt.date(2024, 1, 31)
    event = next(e for e in analyse(articles, load_data(data_dir, articles), frozenset())["timeline"] if e["article"] == "beta")
    assert event["date"] is None and event["label"] == "last year"
    assert "not resolved" in event["note"] and "given as an update date" in event["note"]
    # With a publication date, but evidence against it recorded in the data: unresolved, with the reason.
    beta.write_text(beta.read_text().replace("updated: 2024-01-31", "published: 2024-01-31"))
    (data_dir / "timeline.yml").write_text(TIMELINE + "  unresolved: The text speaks of the election as still to come.\n")
    articles = load_articles(docs)
    event = next(e for e in analyse(articles, load_data(data_dir, articles), frozenset())["timeline"] if e["article"] == "beta")
    assert event["date"] is None and event["note"].endswith("The text speaks of the election as still to come.")


def test_undated_entries_follow_the_dated_in_the_order_of_the_article(tmp_path):
    docs, data_dir = make_corpus(tmp_path)
    extra = (
        "- {article: alpha, event: Claims, quote: China's claims there worry Tokyo, undated: there}\n"
        "- {article: alpha, event: Navy, quote: Japan's navy met Japanese officials, undated: met}\n"
    )
    (data_dir / "timeline.yml").write_text(TIMELINE.replace("relative: last year", "undated: again") .replace("Jens Stoltenberg spoke again last year", "Jens Stoltenberg spoke again") + extra)
    articles = load_articles(docs)
    rows = analyse(articles, load_data(data_dir, articles), frozenset())["timeline"]
    assert [r["event"] for r in rows] == ["A meeting", "Navy", "Claims", "A speech"]


def test_a_theme_is_never_shown_as_not_discussed_where_its_keywords_occur(tmp_path):
    themes = THEMES.replace("keywords: [navy]", "keywords: [Japan]")
    docs, data_dir = make_corpus(tmp_path, themes=themes, perspectives=PERSPECTIVES + PERSPECTIVES.replace("alpha", "beta").replace("Japan's navy met Japanese officials", "and Japan listened"))
    project = check_project_of(tmp_path)
    assert project.problems == [
        "data/themes.yml: theme 'navies': article 'beta': its keywords occur 1 time(s), but there is no quote; "
        "add one under 'quotes', or say why it is not discussed under 'absent'"
    ]
    # A reason in the data is accepted, and shown.
    (data_dir / "themes.yml").write_text(themes + "  absent:\n    beta: Japan is named only as a listener.\n")
    project = check_project_of(tmp_path)
    assert project.problems == []
    cell = analyse(project.articles, project.data, frozenset())["themes"][0]["coverage"]["beta"]
    assert cell == {"state": "absent", "keyword_count": 1, "quote": None, "reason": "Japan is named only as a listener.",
                    "reason_quotes": []}


def test_the_words_a_reason_quotes_must_be_the_articles_and_are_linked_to_them(tmp_path):
    themes = THEMES.replace("keywords: [navy]", "keywords: [Japan]")
    docs, data_dir = make_corpus(tmp_path, themes=themes, perspectives=PERSPECTIVES + PERSPECTIVES.replace("alpha", "beta").replace("Japan's navy met Japanese officials", "and Japan listened"))
    (data_dir / "themes.yml").write_text(themes + '  absent:\n    beta: \'Japan is named only as one that "listened".\'\n')
    project = check_project_of(tmp_path)
    assert project.problems == []
    cell = analyse(project.articles, project.data, frozenset())["themes"][0]["coverage"]["beta"]
    [quote] = cell["reason_quotes"]
    assert quote["quote"] == "listened" and quote["article"] == "beta"
    assert quote["url"] == f"articles/beta/#{quote['anchor']}"
    passage = next(p for p in passages(project.articles[1]) if p.anchor == quote["anchor"])
    assert "listened" in passage.text
    # Words the article does not have, or a quotation mark left open, are refused in one line.
    for reason, problem in (
        ('Japan is named only as one that "listens".', "quote is not verbatim in the article: 'listens'"),
        ('Japan is named only as one that "listened.', "a quotation mark is not closed"),
    ):
        (data_dir / "themes.yml").write_text(themes + "  absent:\n    beta: '" + reason + "'\n")
        lines = check_project_of(tmp_path).problems
        assert len(lines) == 1 and lines[0].startswith("data/themes.yml: entry 1 ('navies'): 'absent': article 'beta': "), lines
        assert problem in lines[0], lines


def test_an_article_not_yet_curated_is_shown_as_such_not_as_not_discussing(tmp_path):
    docs, data_dir = make_corpus(tmp_path, themes=THEMES.replace("keywords: [navy]", "keywords: [Japan]"))
    project = check_project_of(tmp_path)
    assert project.problems == []
    cell = analyse(project.articles, project.data, frozenset())["themes"][0]["coverage"]["beta"]
    assert cell["state"] == "not-curated" and cell["keyword_count"] == 1


def check_project_of(tmp_path: Path):
    """check_project on the corpus made by make_corpus, with the site's Markdown settings."""
    (tmp_path / "mkdocs.yml").write_text("markdown_extensions:\n  - corpus.extensions.paragraphs\n")
    (tmp_path / "includes").mkdir(exist_ok=True)
    (tmp_path / "includes" / "abbreviations.md").write_text("*[US]: United States\n")
    (tmp_path / "data" / "stopwords.txt").write_text("the and\n")
    return check_project(tmp_path)


def test_a_missing_stopword_list_is_refused(tmp_path):
    with pytest.raises(DataError, match=r"^data/stopwords\.txt: file: does not exist"):
        load_stopwords(tmp_path / "data")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "stopwords.txt").write_text("The and\nOF\n")
    assert load_stopwords(tmp_path / "data") == {"the", "and", "of"}


def test_quotes_ignore_whitespace_and_quote_style_only(tmp_path):
    docs, _ = make_corpus(tmp_path)
    alpha = load_articles(docs)[0]
    assert find_quote(alpha, "Japan\u2019s   navy\nmet").anchor == "p1"
    assert find_quote(alpha, "Japans navy met") is None
    assert find_quote(alpha, "japan's navy met") is None


def test_dates_keep_their_precision_and_relative_ones_resolve():
    assert parse_date("1997").label() == "1997"
    assert parse_date("2023-07").label() == "July 2023"
    with pytest.raises(DateError):
        parse_date("2023-02-30")
    published = dt.date(2024, 1, 31)
    assert resolve_relative("last year", published).iso() == "2023"
    assert resolve_relative("the 30th of last month", published).iso() == "2023-12-30"
    assert resolve_relative("the 15th of this month", published).iso() == "2024-01-15"
    assert resolve_relative("last month", dt.date(2024, 3, 5)).iso() == "2024-02"
    with pytest.raises(DateError):
        resolve_relative("the 31st of last month", dt.date(2024, 3, 5))


def test_keyness_is_dunnings_log_likelihood():
    # Worked example: 10 in 1,000 words against 10 in 10,000 words.
    e1, e2 = 1000 * 20 / 11000, 10000 * 20 / 11000
    expected = 2 * (10 * __import__("math").log(10 / e1) + 10 * __import__("math").log(10 / e2))
    assert keyness(10, 10, 1000, 10000) == pytest.approx(expected)
    assert keyness(5, 50, 1000, 10000) == pytest.approx(0.0)


def test_distinctive_words_favour_what_one_article_repeats(tmp_path):
    docs, _ = make_corpus(tmp_path)
    articles = load_articles(docs)
    # Too small for significance: nothing is claimed distinctive.
    assert distinctive_words(articles, frozenset()) == {"alpha": [], "beta": []}


def test_a_multi_word_name_is_one_term_whatever_its_spelling(tmp_path):
    docs, data_dir = make_corpus(tmp_path)
    names = mention_pattern(load_data(data_dir, load_articles(docs)).actors)
    assert terms("The United States and the US met in Washington.", names) == [
        "the", "United States", "and", "the", "United States", "met", "in", "United States",
    ]


def test_united_states_is_not_distinctive_for_being_spelled_out(tmp_path):
    # Two articles that mention the United States equally often, one spelling it out and one
    # writing "US" or "Washington": without merging aliases "united" and "states" would be
    # distinctive of the first; with it, neither is, and the actor is not either.
    spelled = " ".join(["The United States met again."] * 12)
    short = " ".join(["The US met again.", "Washington met again.", "The US met again."] * 4)
    docs = tmp_path / "docs"
    (docs / "articles").mkdir(parents=True)
    (docs / "sources").mkdir()
    for slug, text in (("long", spelled), ("short", short)):
        (docs / "sources" / f"{slug}.txt").write_text(f"{slug.title()} Text\n{text}\n")
        (docs / "articles" / f"{slug}.md").write_text(
            f"---\ntitle: {slug.title()} Text\nsource: T\noriginal: {slug}.txt\nadded: 2026-12-01\nsummary: S.\n---\n\n{text}\n"
        )
    articles = load_articles(docs)
    from corpus.read.data import Actor

    names = mention_pattern([Actor("United States", "country", ("United States", "US", "Washington"))])
    with_names = distinctive_words(articles, frozenset({"the"}), names)
    assert with_names == {"long": [], "short": []}
    without = distinctive_words(articles, frozenset({"the"}))
    assert {item["word"] for item in without["long"]} == {"united", "states"}


def test_sentences_split_at_full_stops_before_capitals():
    assert sentences('He said "yes." Then 2023 came. U.S. ships sailed? No.') == [
        'He said "yes."', "Then 2023 came.", "U.S. ships sailed?", "No.",
    ]


def test_identical_texts_score_one_and_unrelated_texts_score_zero():
    one = shingles(lower_words("Over the years, China has gone through many strategic games"))
    assert jaccard(one, frozenset(one)) == 1.0
    other = shingles(lower_words("Nothing at all in common with that sentence here today"))
    assert jaccard(one, other) == 0.0
    assert band(1.0) == "identical wording" and band(0.95) == "near-identical" and band(0.3) == "partly the same wording"


def test_identical_sentences_in_the_first_article_score_exactly_one():
    articles = load_articles(ROOT / "docs")
    _, pairs = similar_passages(articles)
    repeated = "Over the years, China has gone through many strategic games that prove that the United States"
    identical = [p for p in pairs if p["a"]["text"] == p["b"]["text"]]
    assert any(p["a"]["text"].startswith(repeated) for p in identical)
    assert identical and all(p["similarity"] == 1.0 and p["band"] == "identical wording" for p in identical)


@pytest.mark.parametrize("kind", ["sections", "sentences"])
def test_the_indexed_similarity_agrees_with_brute_force_jaccard_over_all_pairs(kind):
    articles = load_articles(ROOT / "docs")
    items = [i for a in articles for i in (section_items(a) if kind == "sections" else sentence_items(a))]
    threshold = 0.25 if kind == "sections" else 0.5
    brute = {}
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            a, b = items[i], items[j]
            if a.article is b.article and a.passage == b.passage:
                continue
            union = set(a.grams) | set(b.grams)
            value = len(set(a.grams) & set(b.grams)) / len(union) if union else 0.0
            if value >= threshold:
                brute[(a.passage.anchor, a.text, b.passage.anchor, b.text)] = value
    indexed = {(a.passage.anchor, a.text, b.passage.anchor, b.text): v for v, a, b in similar_pairs(items, threshold)}
    assert indexed == pytest.approx(brute) and brute
    # And at every threshold down to the smallest overlap, it still finds the same pairs.
    low = {(a.text, b.text) for v, a, b in similar_pairs(items, 0.05)}
    assert {(k[1], k[3]) for k in brute} <= low


def test_similar_sections_finds_the_repeated_pieces_of_the_first_article():
    articles = load_articles(ROOT / "docs")
    pairs, _ = similar_passages(articles)
    first = "nato-in-asia-a-dream-that-can-be-realized"
    assert pairs and pairs[0]["a"]["article"] == first == pairs[0]["b"]["article"]
    assert {pairs[0]["a"]["anchor"], pairs[0]["b"]["anchor"]} == {
        "will-japans-inclusion-increase-chinas-threat",
        "will-japans-nato-membership-increase-chinas-threat",
    }
    assert 0.25 <= pairs[0]["similarity"] < 0.5 and pairs[0]["band"] == "partly the same wording"


def test_the_split_data_holds_the_whole_analysis():
    from corpus.analyse.analysis import article_data, corpus_data
    from corpus.read.project import check_project

    project = check_project(ROOT)
    analysis = analyse(project.articles, project.data, project.stopwords)
    corpus = corpus_data(analysis)
    assert corpus["split"] is True and corpus["articles"] == analysis["articles"]
    assert all("counts" not in actor for actor in corpus["actors"])
    for actor in analysis["actors"]:
        # Every count per article is in that article's own file.
        for slug, cell in actor["counts"].items():
            found = [a for a in article_data(analysis, slug)["actors"] if a["name"] == actor["name"]]
            assert (found[0]["count"] if found else 0) == cell["count"]
    for theme, summary in zip(analysis["themes"], corpus["themes"]):
        assert sum(summary["states"].values()) == len(analysis["articles"])
        for slug, cell in theme["coverage"].items():
            mine = next(t for t in article_data(analysis, slug)["themes"] if t["id"] == theme["id"])
            assert mine["state"] == cell["state"] and mine["keyword_count"] == cell["keyword_count"]
    for slug, words in analysis["distinctive_words"].items():
        assert article_data(analysis, slug)["distinctive_words"] == words
        assert article_data(analysis, slug)["tags"] == analysis["tags"][slug]


def test_resemblance_from_memory_finds_what_a_fresh_count_finds_after_edits():
    import dataclasses

    from corpus.analyse.resemblance import similar_passages as resemble

    articles = load_articles(ROOT / "docs")
    first = articles[0]
    repeated = "Over the years, China has gone through many strategic games"
    assert repeated in first.body
    versions = [
        articles,
        # A repeated sentence reworded in one place: its pairs with the other places change.
        [dataclasses.replace(first, body=first.body.replace(repeated, "Over many years, China went through several strategic games", 1)), *articles[1:]],
        # An article gone, then back.
        articles[1:],
        articles,
    ]
    memory: dict = {}
    results = []
    for number, version in enumerate(versions):
        memory["keys"] = {a.slug: str(hash((a.body, a.title))) for a in version}
        remembered = resemble(version, memory=memory)
        assert remembered == resemble(version), number
        assert set(memory) == {"sections", "sentences"}
        results.append(remembered)
    # The edit and the removal did change what is found, so the memory was put to the test.
    assert results[1] != results[0] and results[2] != results[0] and results[3] == results[0]


def test_theme_keywords_count_whole_words_as_words_in_context_reads_them():
    from corpus.analyse.themes import keyword_pattern

    pattern = keyword_pattern(("Ukraine", "Japan", "Russia-Ukraine"))
    found = pattern.findall("After the Russia-Ukraine conflict, Ukraine's allies and Japan's ships; pre-Japan; Japan-US")
    # "Russia-Ukraine" whole, "Ukraine's" and "Japan's" with their possessive; never a word inside a compound.
    assert found == ["Russia-Ukraine", "Ukraine's", "Japan's"]
    assert keyword_pattern(("Ukraine",)).findall("the Russia-Ukraine conflict") == []


def test_a_state_the_text_says_holds_since_a_date_is_shown_as_since(tmp_path):
    from corpus.analyse.timeline import timeline

    real = load_data(ROOT / "data", load_articles(ROOT / "docs"))
    rows = timeline(real.timeline)
    since = [row for row in rows if row["since"]]
    assert [row["label"] for row in since] == ["Since 2022"] and since[0]["quote"].startswith("Since 2022")
    # "since: true" is refused where the quote does not say "Since" before the date.
    docs, data = make_corpus(tmp_path)
    entries = (data / "timeline.yml").read_text()
    (data / "timeline.yml").write_text(entries.replace('date: "', 'since: true\n  date: "', 1))
    with pytest.raises(DataError, match=r"'since': true only where the quote says 'Since'"):
        load_data(data, load_articles(docs))

