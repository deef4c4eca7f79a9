"""Figures: which picture shows what part of the analysis, with the words that describe it.

Each function takes the analysis (corpus.analyse.analysis.analyse) and `root`, the way from the page
the picture is on to the site root, and returns a corpus.write.charts.Chart."""

from __future__ import annotations

import re

from corpus.analyse.analysis import top_with_ties
from corpus.write.charts import WIDE, Cell, Chart, bar_chart, dot_grid, grid_chunks, stacked_bars, time_axis, time_list

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Up to this many articles, pictures and tables give each article a column; beyond it they
# show totals and the top articles, and each article's own page carries its details.
MAX_COLUMNS = 6
TOP_ACTORS = 8
TOP_PAIRS = 10

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
    """Mentions of the most-mentioned actors: per article (a dot grid), or in all (bars).
    `contexts` (corpus.analyse.contexts.actor_links) links each actor's name to its lines in context."""
    actors = top_with_ties(analysis["actors"], top, "total")
    titles = labels(analysis)
    names = _name_links(actors, root, contexts)
    if not few_articles(analysis):
        rows = [
            (actor["name"], actor["total"], Cell(
                actor["total"], str(actor["total"]),
                f"{actor['name']}: {actor['total']} mentions in {actor['articles']} articles",
                f"{root}analysis/#actor-{actor['id']}", "chart-bar",
            ))
            for actor in actors
        ]
        title, desc = f"Mentions of the {len(actors)} most-mentioned actors, all articles", "Bars: " + "; ".join(f"{name}: {value}" for name, value, _ in rows) + "."
        return bar_chart("chart-actors", title, desc, rows, label_links=names).with_narrow(
            stacked_bars("chart-actors-narrow", title, desc, rows, label_links=names)
        )
    articles = analysis["articles"]
    cells = {}
    for i, article in enumerate(articles):
        for j, actor in enumerate(actors):
            count = actor["counts"][article["slug"]]
            first = count["first"]
            cells[(i, j)] = Cell(
                count["count"], str(count["count"]),
                f"{actor['name']}: {count['count']} mention{'s' if count['count'] != 1 else ''} in {titles[article['slug']]}"
                + ("; go to the first" if first else ""),
                f"{root}articles/{article['slug']}/#{first}" if first else None,
                "chart-dot" if count["count"] else "chart-dot chart-zero",
            )
    def desc(articles_are: str, actors_are: str) -> str:
        return (
            f"Mentions, in each of the {len(articles)} articles ({articles_are}), of the {len(actors)} actors mentioned "
            f"most across all the articles ({actors_are}), ties at the last place included. Each dot's area is in "
            "proportion to the count, which is written beside it; the table of actors in the Actors section gives every count."
        )

    title = f"Mentions, in each article, of the {len(actors)} actors mentioned most in all the articles"
    names_of_articles = [titles[a["slug"]] for a in articles]
    wide = dot_grid(
        "chart-actors", title, desc("rows", "columns"), names_of_articles, [a["name"] for a in actors], cells,
        label_width=170, column=min(78, (WIDE - 170) / max(len(actors), 1)), column_links=names,
    )
    # On a narrow screen the actors are the rows and the articles the columns.
    turned = {(j, i): cell for (i, j), cell in cells.items()}
    return wide.with_narrow(*grid_chunks(
        "chart-actors-narrow", title, desc("columns", "rows"), [a["name"] for a in actors], names_of_articles, turned,
        row_links=names,
    ))


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
    title = f"Mentions of the {len(actors)} most-mentioned actors in all articles"
    desc = (
        f"Bars of the mentions of the {len(actors)} most-mentioned actors, all articles together, with the number of "
        "articles that mention each: " + "; ".join(cell.text.join([f"{name}: ", ""]) for name, _, cell in rows) + "."
    )
    names = _name_links(actors, root, contexts)
    return bar_chart("chart-actor-totals", title, desc, rows, row=24, label_links=names).with_narrow(
        stacked_bars("chart-actor-totals-narrow", title, desc, rows, label_links=names)
    )


def article_scale(analysis: dict) -> int:
    """The one scale of every article's actor bars: the most mentions any article gives one actor."""
    return max((cell["count"] for actor in analysis["actors"] for cell in actor["counts"].values()), default=0) or 1


def article_actor_figure(view: dict, root: str = "", contexts: dict | None = None, scale: int | None = None) -> Chart:
    """One article's most-mentioned actors (corpus.analyse.analysis.article_view), as bars that link to
    the first mention on its own page; `contexts` links each name to its lines in context. Every
    article's bars are drawn to one `scale` (article_scale), so that pages compare."""
    title = view["article"]["label"]
    rows = [
        (actor["name"], actor["count"], Cell(
            actor["count"], str(actor["count"]),
            f"{actor['name']}: {actor['count']} mention{'s' if actor['count'] != 1 else ''} in this article; go to the first",
            f"#{actor['first']}", "chart-bar",
        ))
        for actor in view["actors"]
    ]
    heading = f"The actors {title} mentions most"
    desc = (
        f"Bars of the mentions of the {len(rows)} actors this article mentions most (ties at the last place included): "
        + "; ".join(f"{name}: {value}" for name, value, _ in rows) + ". "
        + (f"Every article's page draws its bars to one scale: a full bar is {scale} mentions, the most mentions of "
           "one actor in any article." if scale else "")
    )
    names = _name_links(view["actors"], root, contexts)
    # Narrow enough to be drawn at full size beside the sidebars (a 688-pixel column at 1280).
    return bar_chart("chart-article-actors", heading, desc, rows, maximum=scale, row=26, label_links=names, bar_width=330).with_narrow(
        stacked_bars("chart-article-actors-narrow", heading, desc, rows, maximum=scale, label_links=names)
    )


def theme_figure(analysis: dict, root: str) -> Chart:
    """Themes against articles: quoted, not discussed or not curated (a grid), or how many
    articles discuss each theme (bars)."""
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
        desc = "Bars: " + "; ".join(f"{name}: {value} articles" for name, value, _ in rows) + "."
        return bar_chart("chart-themes", "Articles discussing each theme", desc, rows).with_narrow(
            stacked_bars("chart-themes-narrow", "Articles discussing each theme", desc, rows)
        )
    articles = analysis["articles"]
    cells = {}
    for i, theme in enumerate(themes):
        for j, article in enumerate(articles):
            cell = theme["coverage"][article["slug"]]
            symbol, state = THEME_STATES[cell["state"]]
            quote = cell["quote"]
            # The quote is one click away (the mark links to it) and in the table below.
            name = f"{theme['name']} in {titles[article['slug']]}: {state}, keywords {cell['keyword_count']}"
            if quote:
                name += "; go to the quote"
            cells[(i, j)] = Cell(
                1, f"{symbol} {cell['keyword_count']}", name,
                f"{root}{quote['url']}" if quote else None, f"chart-cell chart-{cell['state']}",
            )
    desc = (
        f"A grid of the {len(themes)} themes (rows) against the {len(articles)} articles (columns). Each cell "
        "shows a letter for its state (Q quoted; – not discussed, with a reason; · no quote and none of the "
        "keywords; ? not yet curated) and how often the theme's keywords occur; the table of themes below "
        "gives each cell with its quote or reason."
    )
    names, columns = [t["name"] for t in themes], [titles[a["slug"]] for a in articles]
    return dot_grid("chart-themes", "Themes in each article", desc, names, columns, cells, shape="square").with_narrow(
        *grid_chunks("chart-themes-narrow", "Themes in each article", desc, names, columns, cells, shape="square")
    )


def timeline_figure(analysis: dict, root: str) -> Chart:
    """What the articles date, on a time axis at the text's precision; no-year entries apart."""
    entries = [(row, "reported") for row in analysis["timeline"]] + [(row, "expected") for row in analysis["expectations"]]
    dated, undated = [], []
    for number, (row, kind) in enumerate(entries, 1):
        if row["label"] == "no time given":
            continue
        frame = {"event": "The article reports", "expectation": "The article expects", "plan": "The article reports a plan"}[row["kind"]]
        name = f"{number}. {row['label']}: {frame}: {row['event']}"
        cell = Cell(1, str(number), name, f"{root}{row['url']}", f"chart-event chart-{kind}")
        if row["date"]:
            dated.append((row["date"], f"{number} · {row['label']}", cell, row.get("since", False)))
        else:
            undated.append(Cell(1, f"{number} · {row['label']}", name, cell.href, cell.css))
    desc = (
        f"A time axis of {len(dated)} dated entries, each placed at the precision its text gives "
        "(a year or a month as a span, a day as a point; one the text says holds since a date, at that date, "
        "the text giving no end); entries expected rather than reported are "
        f"drawn hollow. {len(undated)} entries with no year in the text are set apart on the right; "
        "expectations the text gives no time at all are only in the table. "
        + " ".join(cell.name + "." for _, _, cell, _ in dated)
        + (" No year in the text: " + " ".join(cell.name + "." for cell in undated) if undated else "")
    )
    listed = desc.replace(f"A time axis of {len(dated)} dated entries", f"A list, by year, of {len(dated)} dated entries").replace(
        "set apart on the right", "listed after them")
    return time_axis("chart-timeline", "What the articles date", desc, dated, undated).with_narrow(
        time_list("chart-timeline-narrow", "What the articles date", listed, dated, undated)
    )


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
        if kind == "section":
            # A section is named by its heading; the two are compared whole, not their headings.
            name = f"Sections {where(a, False)} and {where(b, False)}, compared whole: {percent}, {pair['band']}"
        else:
            name = f"Sentences {where(a, False)} and {where(b, False)}: {percent}, {pair['band']}: “{a['text']}” and “{b['text']}”"
        rows.append((f"{kind.title()}s {where(a, True)} ↔ {where(b, True)}", pair["similarity"], Cell(
            pair["similarity"], f"{percent} {pair['band']}", name,
            f"{root}{a['url']}", f"chart-bar chart-{kind}",
        )))
    desc = (
        f"Bars of the {len(rows)} most similar pairs of sections and sentences, by the share of all their "
        "three-word sequences that occur in both (100% for identical wording); a section is named by its heading "
        "and compared whole. "
        + " ".join(cell.name + "." for _, _, cell in rows)
    )
    title = "Sections and sentences that repeat one another"
    return bar_chart("chart-resemblance", title, desc, rows, maximum=1.0, label_width=300, bar_width=380, row=26).with_narrow(
        stacked_bars("chart-resemblance-narrow", title, desc, rows, maximum=1.0, value_after=True)
    )


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _name_links(actors: list[dict], root: str, contexts: dict | None) -> list[tuple[str, str] | None] | None:
    """Each actor's name as a link to its lines in context: (what it says, where it leads)."""
    if contexts is None:
        return None
    return [(contexts[a["name"]]["name"], root + contexts[a["name"]]["href"]) if a["name"] in contexts else None for a in actors]


def _short(text: str, words: int = 4) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")
