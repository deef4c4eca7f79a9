"""Assemble the analysis index from the articles and the curated data: what analysis.json carries
and the page shows (plain data, no MkDocs)."""

from __future__ import annotations

from markdown.extensions.toc import slugify

from corpus.read.articles import Article
from corpus.read.data import CuratedData, Quote
from corpus.analyse.keyness import KEYNESS_MIN_COUNT, KEYNESS_MIN_G2, KEYNESS_P, distinctive_words
from corpus.analyse.mentions import Mentions, mention_pattern
from corpus.read.passages import page_link
from corpus.analyse.resemblance import BANDS, SECTION_MIN_SIMILARITY, SENTENCE_MIN_SIMILARITY, SENTENCE_MIN_WORDS, similar_passages
from corpus.analyse.themes import QUOTED, coverage
from corpus.analyse.timeline import timeline

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The articles listed for an actor beyond a column per article.
TOP_ARTICLES = 3

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def analyse(
    articles: list[Article], data: CuratedData, stopwords: frozenset[str], facts: dict | None = None,
    resemblance: dict | None = None,
) -> dict:
    """The whole analysis as plain data: what analysis.json carries and the page shows.

    `facts`, by slug, is (corpus.analyse.facts.TextFacts, DataFacts) of each article, when the
    stage already knows what it yields; without them, everything is computed here.
    `resemblance` is similar_passages()' memory of its last call (see there).
    """
    names = mention_pattern(data.actors)
    if facts is None:
        from corpus.analyse.facts import data_facts, text_facts

        facts = {a.slug: (text_facts(a), data_facts(a, data.actors, data.themes, stopwords, names)) for a in articles}
    counts = {article.slug: facts[article.slug][1].mentions for article in articles}
    similar_sections, similar_sentences = similar_passages(
        articles, {slug: text.grams for slug, (text, _) in facts.items()}, resemblance
    )
    events = timeline(data.timeline)
    return {
        "articles": [_article_row(article, data, facts[article.slug][0].sentences) for article in articles],
        "actors": _actor_rows(articles, data, counts),
        "themes": [
            {
                "id": theme.id,
                "name": theme.name,
                "keywords": list(theme.keywords),
                "coverage": {a.slug: _coverage_cell(a, theme, facts[a.slug][1].keywords[theme.id]) for a in articles},
            }
            for theme in data.themes
        ],
        "timeline": [row for row in events if row["kind"] == "event"],
        "expectations": [row for row in events if row["kind"] in ("expectation", "plan")],
        "voices": [
            {"name": voice.name, "role": voice.role, "attribution": voice.attribution, **_quote(voice.quote)}
            for voice in sorted(data.voices, key=lambda v: (v.quote.article.slug, v.name))
        ],
        "distinctive_words": distinctive_words(
            articles, stopwords, names, {slug: found.terms for slug, (_, found) in facts.items()}
        ),
        "overlaps": {
            "topics": [
                {"id": overlap.id, "topic": overlap.topic, "quotes": [_quote(q) for q in overlap.quotes.values()]}
                for overlap in data.overlaps
            ],
            "similar_sections": similar_sections,
            "similar_sentences": similar_sentences,
        },
        "method": {
            "keyness": {"min_count": KEYNESS_MIN_COUNT, "min_g2": KEYNESS_MIN_G2, "p": KEYNESS_P},
            "resemblance": {
                "section_min": SECTION_MIN_SIMILARITY,
                "sentence_min": SENTENCE_MIN_SIMILARITY,
                "sentence_min_words": SENTENCE_MIN_WORDS,
                "bands": [{"from": lowest, "name": name} for lowest, name in BANDS],
            },
        },
        "tags": {article.slug: tags_for(article, data) for article in articles},
    }


def tags_for(article: Article, data: CuratedData) -> list[str]:
    """The article's own tags, then each theme the site quotes it on, in the data's order: one
    rule for every article, whatever its length or the actors it names (the rule /tags/ states).
    Actors are not tags: the actors table compares them."""
    tags: list[str] = []
    for tag in [*article.tags, *(theme.name for theme in data.themes if article.slug in theme.quotes)]:
        if tag not in tags:
            tags.append(tag)
    return tags


def top_with_ties(ranked: list[dict], top: int, key: str) -> list[dict]:
    """The first `top` items of a ranked list, and any after them tied with the last one."""
    if len(ranked) <= top:
        return ranked
    last = ranked[top - 1][key]
    return ranked[:top] + [item for item in ranked[top:] if item[key] == last]


def short_label(article: Article, words: int = 4) -> str:
    """The first few words of the title, for table headings; '…' marks a cut."""
    parts = article.title.split()
    cut = len(parts) > words or article.title_truncated
    return " ".join(parts[:words]) + ("…" if cut else "")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _quote(quote: Quote) -> dict:
    """A quote as data: article, words, anchor and site-relative URL of its passage."""
    return {
        "article": quote.article.slug,
        "quote": quote.text,
        "anchor": quote.passage.anchor,
        "url": f"articles/{quote.article.slug}/#{quote.passage.anchor}",
        "link": quote.url,
    }


def _coverage_cell(article: Article, theme, count: int) -> dict:
    """A theme in an article: its state, how often its keywords occur, and the quote or reason."""
    state, count = coverage(article, theme, count)
    return {
        "state": state,
        "keyword_count": count,
        "quote": _quote(theme.quotes[article.slug]) if state == QUOTED else None,
        "reason": theme.absent.get(article.slug),
        # The words the reason quotes, in order, each with where it is in the article.
        "reason_quotes": [_quote(quote) for quote in theme.absent_quotes.get(article.slug, ())],
    }


def _article_row(article: Article, data: CuratedData, count: int) -> dict:
    """One row of the glance table; `count` is its number of body sentences."""
    perspective = data.perspectives.get(article.slug)
    return {
        "slug": article.slug,
        "title": article.title,
        "label": short_label(article),
        "title_supplied": article.title_supplied,
        "title_truncated": article.title_truncated,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "updated": article.updated.isoformat() if article.updated else None,
        "original": f"sources/{article.original}",
        "url": f"articles/{article.slug}/",
        "link": f"articles/{article.slug}.md",
        "words": article.word_count,
        "sentences": count,
        "words_per_sentence": round(article.word_count / count, 1) if count else None,
        "reading_minutes": article.reading_minutes,
        "perspective": (
            {"subject": perspective.subject, "framing": perspective.framing, **_quote(perspective.quote)}
            if perspective else None
        ),
    }


def _actor_rows(articles: list[Article], data: CuratedData, counts: dict[str, dict[str, Mentions]]) -> list[dict]:
    """Actors mentioned at least once, most mentioned first, with per-article counts and first mentions."""
    rows = []
    for actor in data.actors:
        per_article = {}
        for a in articles:
            mentions = counts[a.slug][actor.name]
            per_article[a.slug] = {
                "count": mentions.count,
                "first": mentions.first,
                "link": page_link(a.slug, mentions.first) if mentions.first else None,
                "forms": list(mentions.forms),
            }
        total = sum(cell["count"] for cell in per_article.values())
        if total:
            rows.append({
                "id": slugify(actor.name, "-"), "name": actor.name, "kind": actor.kind, "total": total,
                "articles": sum(1 for cell in per_article.values() if cell["count"]), "counts": per_article,
                # The articles that never write the site's name for it: [slug, [their forms]].
                "written": [[slug, cell["forms"]] for slug, cell in per_article.items() if cell["count"] and actor.name not in cell["forms"]],
                # The articles that mention it most: [slug, {count, first, link}], at most TOP_ARTICLES.
                "top": sorted(
                    ([slug, cell] for slug, cell in per_article.items() if cell["count"]),
                    key=lambda item: (-item[1]["count"], item[0]),
                )[:TOP_ARTICLES],
            })
    rows.sort(key=lambda row: (-row["total"], row["name"]))
    return rows


def article_view(analysis: dict, slug: str, top: int = 8) -> dict:
    """One article's part of the analysis, for the end of its page: its most-mentioned actors,
    the themes it discusses, what it dates, its voices, its distinctive words, and the passages
    and topics it shares with other articles (each pair seen from this article's side)."""
    row = next(article for article in analysis["articles"] if article["slug"] == slug)
    actors = top_with_ties(sorted(
        ({"name": a["name"], "id": a["id"], "kind": a["kind"], **a["counts"][slug]} for a in analysis["actors"] if a["counts"][slug]["count"]),
        key=lambda item: (-item["count"], item["name"]),
    ), top, "count")
    shared = []
    for kind, pairs in (("section", analysis["overlaps"]["similar_sections"]), ("sentence", analysis["overlaps"]["similar_sentences"])):
        for pair in pairs:
            for here, there in ((pair["a"], pair["b"]), (pair["b"], pair["a"])):
                if here["article"] == slug:
                    shared.append({"kind": kind, "similarity": pair["similarity"], "band": pair["band"], "here": here, "there": there})
                    break  # a pair within this article is listed once
    return {
        "article": row,
        "actors": actors,
        "themes": [
            {"id": t["id"], "name": t["name"], **t["coverage"][slug]}
            for t in analysis["themes"]
        ],
        "events": [e for e in analysis["timeline"] if e["article"] == slug],
        "expectations": [e for e in analysis["expectations"] if e["article"] == slug],
        "voices": [v for v in analysis["voices"] if v["article"] == slug],
        "distinctive_words": analysis["distinctive_words"].get(slug, []),
        "shared": shared,
        "topics": [
            {"id": t["id"], "topic": t["topic"], "quotes": t["quotes"]}
            for t in analysis["overlaps"]["topics"]
            if any(q["article"] == slug for q in t["quotes"])
        ],
    }


def article_data(analysis: dict, slug: str) -> dict:
    """One article's data file: its row, every actor it mentions, every theme, what it dates,
    its voices, its distinctive words, what it shares with others, and its tags."""
    view = article_view(analysis, slug, top=len(analysis["actors"]))
    return {**view, "tags": analysis["tags"].get(slug, [])}


def corpus_data(analysis: dict) -> dict:
    """The analysis less what is per article (counts per article, theme cells, distinctive
    words, tags): the small corpus file, for a collection whose whole analysis is too large
    for one file. Each article's part is in its own file (article_data)."""
    return {
        **{key: value for key, value in analysis.items() if key not in ("actors", "themes", "distinctive_words", "tags")},
        "split": True,
        "actors": [{key: value for key, value in actor.items() if key != "counts"} for actor in analysis["actors"]],
        "themes": [
            {
                "id": theme["id"], "name": theme["name"], "keywords": theme["keywords"],
                "states": {
                    state: sum(1 for cell in theme["coverage"].values() if cell["state"] == state)
                    for state in ("quoted", "absent", "no-keywords", "not-curated")
                },
            }
            for theme in analysis["themes"]
        ],
    }
