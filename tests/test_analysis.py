"""Unit tests of the analysis: curated-data checks, counts, dates, keyness and overlaps."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from corpus.analysis import analyse, count_mentions, distinctive_words, keyness, sentences, similar_sections
from corpus.articles import load_articles
from corpus.data import DataError, load_data
from corpus.dates import DateError, parse_date, resolve_relative
from corpus.passages import find_quote, passages

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
- {name: Stoltenberg, role: official, article: beta, quote: Stoltenberg spoke.}
"""
PERSPECTIVES = """\
- {article: alpha, perspective: The article reports a meeting., quote: Japan's navy met Japanese officials}
"""
OVERLAPS = """\
- id: japan
  claim: Japan takes part
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
        f"---\ntitle: Japan and the US meet\nsource: Test\noriginal: alpha.txt\nsummary: A test.\n---\n\n{alpha_body}\n"
    )
    (docs / "articles" / "beta.md").write_text(
        "---\ntitle: Seoul and Pyongyang\nsource: Test\noriginal: beta.txt\nsummary: A test.\n"
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
    assert result["themes"][0]["quotes"]["beta"] is None  # not discussed
    assert result["themes"][0]["quotes"]["alpha"]["anchor"] == "p1"
    beta_event = next(e for e in result["timeline"] if e["article"] == "beta")
    assert beta_event["date"] == "2023" and "resolved against the article’s date, 2024-01-31" in beta_event["note"]
    assert [e["date"] for e in result["timeline"]] == ["2023", "2023-07"]
    assert "Japan" in result["tags"]["alpha"] and "Navies" in result["tags"]["alpha"]


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
        r"^data/timeline\.yml: entry 1 \('A meeting'\): article 'alpha': date: '2023-13' is not a date",
    ),
    "relative date not understood": (
        "timeline", TIMELINE.replace("relative: last year", "relative: again"),
        r"^data/timeline\.yml: entry 2 \('A speech'\): article 'beta': relative: 'again' is not a relative date",
    ),
    "alias of two actors": (
        "actors", ACTORS + "- {name: Nippon, kind: country, aliases: [Tokyo]}\n",
        r"^data/actors\.yml: entry 8 \('Nippon'\): alias 'Tokyo' already belongs to 'Japan'",
    ),
    "missing key": (
        "perspectives", "- {article: alpha, quote: Japan's navy}\n",
        r"^data/perspectives\.yml: entry 1 \('alpha'\): required key 'perspective' is missing",
    ),
    "not YAML": ("overlaps", "- id: [broken\n", r"^data/overlaps\.yml: not valid YAML"),
}


@pytest.mark.parametrize("case", BAD_DATA, ids=list(BAD_DATA))
def test_bad_data_is_refused_naming_file_entry_and_article(tmp_path, case):
    name, text, message = BAD_DATA[case]
    docs, data_dir = make_corpus(tmp_path, **{name: text})
    with pytest.raises(DataError, match=message):
        load_data(data_dir, load_articles(docs))


def test_a_missing_stopword_list_is_refused(tmp_path):
    from corpus.data import load_stopwords

    with pytest.raises(DataError, match=r"^data/stopwords\.txt: file is missing"):
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


def test_sentences_split_at_full_stops_before_capitals():
    assert sentences('He said "yes." Then 2023 came. U.S. ships sailed? No.') == [
        'He said "yes."', "Then 2023 came.", "U.S. ships sailed?", "No.",
    ]


def test_similar_sections_finds_the_repeated_pieces_of_the_first_article():
    articles = load_articles(ROOT / "docs")
    pairs = similar_sections(articles)
    first = "nato-in-asia-a-dream-that-can-be-realized"
    assert pairs and pairs[0]["a"]["article"] == first == pairs[0]["b"]["article"]
    assert {pairs[0]["a"]["anchor"], pairs[0]["b"]["anchor"]} == {
        "will-japans-inclusion-increase-chinas-threat",
        "will-japans-nato-membership-increase-chinas-threat",
    }
    assert pairs[0]["similarity"] > 0.25
