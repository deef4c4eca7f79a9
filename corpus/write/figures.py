"""Figures: which picture shows what part of the analysis, with the words that describe it.

Each function takes the analysis (corpus.analyse.analysis.analyse) and `root`, the way from the page
the picture is on to the site root, and returns a chart of corpus.write.charts (Bars, Grid or
Timeline)."""

from __future__ import annotations

import re

from corpus.analyse.analysis import top_with_ties
from corpus.write.charts import Bars, Cell, Grid, Link, Timeline, bars, grid, timeline

# A picture of the analysis.
Chart = Bars | Grid | Timeline

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Up to this many articles, pictures and tables give each article a column; beyond it they
# show totals and the top articles, and each article's own page carries its details.
MAX_COLUMNS = 6
TOP_ACTORS = 8
TOP_PAIRS = 10

# How each kind of dated entry is framed.
FRAMES = {"event": "The article reports", "expectation": "The article expects", "plan": "The article reports a plan"}

# How a theme's state in an article is drawn and said.
THEME_STATES = {
    "quoted": ("Q", "quoted"),
    "absent": ("–", "not discussed, with the data's reason"),
    "no-keywords": ("·", "no quote, none of the keywords"),
    "not-curated": ("?", "keywords occur, not yet curated"),
}

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def few_articles(analysis: dict) -> bool:
    """Whether the collection is small enough for a column per article."""
    return len(analysis["articles"]) <= MAX_COLUMNS


def written_as(name: str, forms) -> str:
    """The site's name for an actor, with the article's own forms where it never writes that name."""
    if not forms or name in forms:
        return name
    return f"{name} (the site's name; written " + ", ".join(f"“{form}”" for form in forms) + ")"


def per_thousand(count: int, words: int) -> str:
    """A count as a rate per 1,000 of the article's words, to one decimal ("20.0")."""
    return f"{1000 * count / words:.1f}" if words else "0.0"


def comparing_notes(analysis: dict, rates: bool = True) -> list[str]:
    """What a reader comparing counts across articles needs to know: that the articles differ in
    length (and, where `rates`, that the rate per 1,000 words compares them; else that the counts
    are not adjusted), and which article's counts include a section much like another of its own."""
    notes = []
    lengths = [row["words"] for row in analysis["articles"]]
    if len(set(lengths)) > 1:
        notes.append(
            f"The articles differ in length, from {min(lengths):,} to {max(lengths):,} words: "
            + ("a count compares with another article's as a rate per 1,000 of the article's words."
               if rates else "these counts are not adjusted for it.")
        )
    titles = labels(analysis)
    notes += [f"The counts of “{titles[slug]}” {note}" for slug, note in repeat_notes(analysis).items()]
    return notes


def repeat_notes(analysis: dict) -> dict[str, str]:
    """For each article with two sections of much the same wording, by slug: that its counts
    include both (the end of a sentence whose subject is the article's counts)."""
    notes: dict[str, str] = {}
    for pair in analysis["overlaps"]["similar_sections"]:
        slug = pair["a"]["article"]
        if slug == pair["b"]["article"] and slug not in notes:
            notes[slug] = (
                f"include both of its sections “{pair['a']['text']}” and “{pair['b']['text']}”, which share "
                f"{pair['similarity'] * 100:.0f}% of their three-word sequences: what the two repeat is counted "
                "each time, and its counts and rates are higher than one telling would give."
            )
    return notes


def labels(analysis: dict) -> dict[str, str]:
    """Short titles of the articles, by slug."""
    return {row["slug"]: row["label"] for row in analysis["articles"]}


def keyword_rows(analysis: dict, top: int = 20) -> list[dict]:
    """The articles whose most distinctive word has the highest G², for the corpus page."""
    words = analysis["distinctive_words"]
    ranked = [row for row in analysis["articles"] if words.get(row["slug"])]
    ranked.sort(key=lambda row: (-words[row["slug"]][0]["keyness"], row["slug"]))
    return ranked[:top]


def actor_figure(analysis: dict, root: str, top: int = TOP_ACTORS, contexts: dict | None = None) -> Chart:
    """Mentions of the most-mentioned actors: per article (a grid of dots, an article a row and an
    actor a column), or in all (bars). `contexts` (corpus.analyse.contexts.actor_links) links each
    actor's name to its lines in context."""
    actors = top_with_ties(analysis["actors"], top, "total")
    titles = labels(analysis)
    names = _name_links(actors, root, contexts)
    title = f"Mentions, in each article, of the {len(actors)} actors mentioned most in all the articles"
    if not few_articles(analysis):
        rows = [
            (actor["name"], actor["total"], Cell(
                actor["total"], str(actor["total"]), f"{actor['name']}: {actor['total']} mentions in {actor['articles']} articles",
                f"{root}analysis/#actor-{actor['id']}", "chart-bar",
            ))
            for actor in actors
        ]
        return bars("chart-actors", f"Mentions of the {len(actors)} most-mentioned actors, all articles",
                    ("Actor", "Mentions"), rows, links=names)
    articles = analysis["articles"]
    cells = {}
    for j, actor in enumerate(actors):
        for i, article in enumerate(articles):
            count = actor["counts"][article["slug"]]
            first = count["first"]
            cells[(i, j)] = Cell(
                count["count"], str(count["count"]),
                f"{actor['name']}: {count['count']} mention{'s' if count['count'] != 1 else ''} in {titles[article['slug']]}, "
                f"{per_thousand(count['count'], article['words'])} per 1,000 words",
                f"{root}articles/{article['slug']}/#{first}" if first else None,
                "chart-dot" if count["count"] else "chart-dot chart-zero",
            )
    # An article a row, so that the picture is short enough to open the page with the articles.
    return grid("chart-actors", title, "Article (its length)",
                [f"{titles[a['slug']]} ({a['words']:,} words)" for a in articles], [a["name"] for a in actors], cells,
                column_links=names)


def actor_totals_figure(analysis: dict, root: str, top: int = 8, contexts: dict | None = None) -> Chart:
    """Mentions of the most-mentioned actors in all the articles together, as bars; `contexts`
    links each actor's name to its lines in context."""
    actors = top_with_ties(analysis["actors"], top, "total")
    rows = [
        (actor["name"], actor["total"], Cell(
            actor["total"], f"{actor['total']} in {actor['articles']} article{'s' if actor['articles'] != 1 else ''}",
            f"{actor['name']} ({actor['kind']}): {actor['total']} mentions in {actor['articles']} of "
            f"{len(analysis['articles'])} articles; go to the row of the table",
            f"{root}analysis/#actor-{actor['id']}", "chart-bar",
        ))
        for actor in actors
    ]
    return bars("chart-actor-totals", f"Mentions of the {len(actors)} most-mentioned actors in all articles",
                ("Actor", "Mentions, and the articles that mention it"), rows, links=_name_links(actors, root, contexts))


def article_scale(analysis: dict) -> int:
    """The one scale of every article's actor bars: the most mentions any article gives one actor."""
    return max((cell["count"] for actor in analysis["actors"] for cell in actor["counts"].values()), default=0) or 1


def article_actor_figure(view: dict, root: str = "", contexts: dict | None = None, scale: int | None = None) -> Chart:
    """One article's most-mentioned actors (corpus.analyse.analysis.article_view), as bars that link to
    the first mention on its own page; `contexts` links each name to its lines in context. Every
    article's bars are drawn to one `scale` (article_scale), so that pages compare."""
    words = view["article"]["words"]
    rows = [
        (written_as(actor["name"], actor.get("forms", ())), actor["count"], Cell(
            actor["count"], f"{actor['count']} ({per_thousand(actor['count'], words)})",
            f"{actor['name']}: {actor['count']} mention{'s' if actor['count'] != 1 else ''} in this article; go to the first",
            f"./#{actor['first']}", "chart-bar",
        ))
        for actor in view["actors"]
    ]
    return bars("chart-article-actors", f"The actors {view['article']['label']} mentions most",
                ("Actor", "Mentions (per 1,000 words); each links to the first"), rows, maximum=scale, links=_name_links(view["actors"], root, contexts))


def theme_figure(analysis: dict, root: str) -> Chart:
    """Themes against articles: quoted, not discussed or not curated (a grid of squares, a theme a
    row), or how many articles discuss each theme (bars)."""
    themes = analysis["themes"]
    titles = labels(analysis)
    if not few_articles(analysis):
        rows = []
        for theme in themes:
            quoted = sum(1 for cell in theme["coverage"].values() if cell["state"] == "quoted")
            rows.append((theme["name"], quoted, Cell(
                quoted, str(quoted), f"{theme['name']}: discussed in {quoted} articles", f"{root}analysis/#theme-{theme['id']}",
                "chart-bar",
            )))
        return bars("chart-themes", "Articles discussing each theme", ("Theme", "Articles"), rows)
    articles = analysis["articles"]
    cells = {}
    for i, theme in enumerate(themes):
        for j, article in enumerate(articles):
            cell = theme["coverage"][article["slug"]]
            symbol, state = THEME_STATES[cell["state"]]
            quote = cell["quote"]
            cells[(i, j)] = Cell(
                1, f"{symbol} {cell['keyword_count']}",
                f"{theme['name']} in {titles[article['slug']]}: {state}; its keywords occur {cell['keyword_count']} times",
                f"{root}{quote['url']}" if quote else None, f"chart-cell chart-{cell['state']}",
            )
    return grid("chart-themes", "Themes in each article, and how often each theme's keywords occur in it", "Theme", [t["name"] for t in themes],
                [titles[a["slug"]] for a in articles], cells, shape="square")


def timeline_figure(analysis: dict, root: str) -> Chart:
    """What the articles date, listed by year at the text's precision; no-year entries apart."""
    entries = [(row, "reported") for row in analysis["timeline"]] + [(row, "expected") for row in analysis["expectations"]]
    dated, undated = [], []
    for number, (row, kind) in enumerate(entries, 1):
        if row["label"] == "no time given":
            continue
        name = f"{number}. {row['label']}: {FRAMES[row['kind']]}: {row['event']}"
        cell = Cell(1, f"{number} · {row['label']}", name, f"{root}{row['url']}", f"chart-event chart-{kind}")
        if row["date"]:
            dated.append((row["date"], cell))
        else:
            undated.append(cell)
    return timeline("chart-timeline", "What the articles date, by year", dated, undated)


def resemblance_figure(analysis: dict, root: str, top: int = TOP_PAIRS) -> Chart:
    """The most similar pairs of sections and sentences, as bars of their similarity."""
    titles = labels(analysis)
    pairs = [("section", p) for p in analysis["overlaps"]["similar_sections"]] + [
        ("sentence", p) for p in analysis["overlaps"]["similar_sentences"]
    ]
    pairs.sort(key=lambda item: -item[1]["similarity"])
    rows = []
    for kind, pair in pairs[:top]:
        a, b = pair["a"], pair["b"]
        same = a["article"] == b["article"]

        def where(side: dict, short: bool) -> str:
            place = f"¶{side['anchor'][1:]}" if re.fullmatch(r"p\d+", side["anchor"]) else f"“{_short(side['text'], 3)}”"
            if kind == "section" and not re.fullmatch(r"p\d+", side["anchor"]):
                place = f"headed {place}"
            return place if short and same and side is b else f"{titles[side['article']]} {place}"

        percent = f"{pair['similarity'] * 100:.0f}%"
        # A section is named by its heading; the two are compared whole, not their headings.
        compared = ", compared whole" if kind == "section" else ""
        rows.append((f"{kind.title()}s {where(a, True)} ↔ {where(b, True)}", pair["similarity"], Cell(
            pair["similarity"], f"{percent} {pair['band']}",
            f"{kind.title()}s {where(a, False)} and {where(b, False)}{compared}: {percent}, {pair['band']}; go to the first",
            f"{root}{a['url']}", f"chart-bar chart-{kind}",
        )))
    return bars("chart-resemblance", "Sections and sentences that repeat one another", ("Pair", "Similarity"), rows,
                maximum=1.0, tips=True)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _name_links(actors: list[dict], root: str, contexts: dict | None) -> list[Link | None] | None:
    """Each actor's name as a link to its lines in context."""
    if contexts is None:
        return None
    return [Link(contexts[a["name"]]["name"], root + contexts[a["name"]]["href"]) if a["name"] in contexts else None for a in actors]


def _short(text: str, words: int = 4) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")
