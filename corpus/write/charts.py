"""Charts: the analysis pictures as data for HTML that reflows, drawn by partials/charts.html.

One copy of each number: a picture is a table (bars, or a grid of dots or squares) or a list by
year (the timeline), styled as a chart by the site's stylesheet. A screen reader reads it as the
table or list it is, print shows it, and on a phone it stacks instead of shrinking. A bar's
length, a dot's size, is a share of the chart's largest value (a CSS variable); the number is
always written beside it."""

from __future__ import annotations

import math
from dataclasses import dataclass

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """A value: how big, what is written, what it says in words, where it leads, its style.
    `name` is shown as a tip where the chart's headings do not say it (a chart with `tips`)."""

    value: float
    text: str
    name: str
    href: str | None = None
    css: str = "chart-dot"


@dataclass(frozen=True)
class Link:
    """A link on a row's name: what it says to a screen reader and where it leads."""

    name: str
    href: str


@dataclass(frozen=True)
class Bar:
    """A row of a bar chart: its name, its bar's length (0 to 1) and its value."""

    label: str
    share: float
    cell: Cell
    link: Link | None = None


@dataclass(frozen=True)
class Bars:
    """Horizontal bars in a table: a row each, its name, then its bar and value."""

    id: str
    title: str
    heads: tuple[str, str]
    rows: list[Bar]
    tips: bool = False
    kind: str = "bars"


@dataclass(frozen=True)
class Dot:
    """A cell of a grid: its value, and a dot's diameter as a share of the largest (area in
    proportion to the value)."""

    cell: Cell
    size: float


@dataclass(frozen=True)
class Grid:
    """Rows against columns in a table, each cell a dot sized by its value ('dot') or a square
    styled by its state ('square'), with its text beside or in it."""

    id: str
    title: str
    corner: str
    rows: list[str]
    row_links: list[Link | None]
    columns: list[str]
    column_links: list[Link | None]
    cells: list[list[Dot | None]]
    shape: str = "dot"
    kind: str = "grid"


@dataclass(frozen=True)
class Entry:
    """An entry of the timeline: its value cell and whether the text gives it a day (a point)."""

    cell: Cell
    point: bool = False


@dataclass(frozen=True)
class Timeline:
    """Entries grouped under a heading each (a year, or 'No year in the text'), in order."""

    id: str
    title: str
    groups: list[tuple[str, list[Entry]]]
    kind: str = "timeline"


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def bars(
    id: str, title: str, heads: tuple[str, str], rows: list[tuple[str, float, Cell]], maximum: float | None = None,
    links: list[Link | None] | None = None, tips: bool = False,
) -> Bars:
    """Bars, one a row, each `maximum` (or the largest value) long at most; `links` gives a row's
    name a link, or None."""
    largest = maximum or max((value for _, value, _ in rows), default=0) or 1
    links = list(links or [])
    return Bars(id, title, heads, [
        Bar(label, _share(value, largest), cell, links[i] if i < len(links) else None)
        for i, (label, value, cell) in enumerate(rows)
    ], tips)


def grid(
    id: str, title: str, corner: str, rows: list[str], columns: list[str], cells: dict[tuple[int, int], Cell],
    shape: str = "dot", row_links: list[Link | None] | None = None, column_links: list[Link | None] | None = None,
) -> Grid:
    """Rows against columns; a dot's area is in proportion to its value. `row_links` and
    `column_links` give a row's or a column's name a link, or None."""
    largest = max((cell.value for cell in cells.values()), default=0) or 1
    return Grid(id, title, corner, rows, _each(row_links, len(rows)), columns, _each(column_links, len(columns)), [
        [Dot(cells[(i, j)], dot_size(cells[(i, j)].value, largest)) if (i, j) in cells else None for j in range(len(columns))]
        for i in range(len(rows))
    ], shape)


def dot_size(value: float, largest: float) -> float:
    """The diameter of a dot whose area is to the largest dot's as value is to largest; 0 for 0."""
    return round(math.sqrt(value / largest), 3) if value > 0 and largest > 0 else 0.0


def timeline(id: str, title: str, dated: list[tuple[str, Cell]], undated: list[Cell]) -> Timeline:
    """Dated entries ('1997', '2023-12' or '2023-12-30') in order under their year, then those the
    text gives no year for."""
    groups: list[tuple[str, list[Entry]]] = []
    for date, cell in sorted(dated, key=lambda item: (_year_fraction(item[0]), item[0])):
        if not groups or groups[-1][0] != date[:4]:
            groups.append((date[:4], []))
        groups[-1][1].append(Entry(cell, date.count("-") == 2))
    if undated:
        groups.append(("No year in the text", [Entry(cell) for cell in undated]))
    return Timeline(id, title, groups)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _each(links: list[Link | None] | None, count: int) -> list[Link | None]:
    """One link or None for each of `count` names."""
    links = list(links or [])
    return [links[i] if i < len(links) else None for i in range(count)]


def _share(value: float, largest: float) -> float:
    """A bar's length as a share of the longest, to three places."""
    return round(max(0.0, min(1.0, value / largest)), 3)


def _year_fraction(date: str) -> float:
    """Where a date with its precision starts, in years."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return float(parts[0])
    if len(parts) == 2:
        return parts[0] + (parts[1] - 1) / 12
    return parts[0] + (parts[1] - 1) / 12 + (parts[2] - 1) / 365
