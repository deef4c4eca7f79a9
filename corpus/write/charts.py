"""Charts: the geometry of the analysis pictures (dot grids, bars, a time axis), drawn as SVG by
partials/charts.html. Pure data in viewBox units; each linked mark also gives the box that its
link covers, as percentages, so the picture itself can stay a plain image (role="img").

Each picture is drawn twice: for a wide screen, at most WIDE units wide, and for a narrow one
(a phone), NARROW units wide, where it reflows rather than shrinks: bars with their names on a
line of their own, grids with fewer columns, the time axis as a list by year. A unit is about a
CSS pixel in both, so that text of FONT units stays 12 pixels tall or more."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Sizes in viewBox units (about CSS pixels at full width).
FONT = 13
# The widest picture for a wide screen (shown at 80% or more on a 688-pixel column), and the
# width of pictures for a narrow one (a 390-pixel phone shows 358 pixels of content).
WIDE = 860
NARROW = 340
# The height of a line of a narrow picture: every link there is at least this tall.
TARGET = 28
# Columns of a grid on a narrow screen, at most: the rest go in a grid of their own below.
NARROW_COLUMNS = 3
# The radius of the largest dot of a grid: a dot's area is in proportion to its value.
DOT_RADIUS = 11
ROW = 30
LABEL_WIDTH = 200
COLUMN = 120
HEADER = 46
BAR_WIDTH = 420
GAP = 8

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    """Text on the picture."""

    x: float
    y: float
    text: str
    anchor: str = "start"
    css: str = "chart-label"


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    css: str = "chart-rule"


@dataclass(frozen=True)
class Mark:
    """A drawn value: a dot (r > 0) or a box, the text written on it, and where it leads."""

    x: float
    y: float
    w: float
    h: float
    text: str
    name: str  # what the mark says in words: its accessible name and its tip
    href: str | None = None
    css: str = "chart-bar"
    r: float = 0.0
    text_x: float | None = None
    text_y: float | None = None
    text_css: str = "chart-value"
    text_anchor: str = "middle"
    dot_x: float | None = None  # a dot's centre, when it is not the box's
    hit: tuple[float, float, float, float] | None = None  # the box its link covers, when larger than the mark


@dataclass(frozen=True)
class LabelLink:
    """A link laid over a label of the picture (a row's or a column's name): its box and what it says."""

    x: float
    y: float
    w: float
    h: float
    name: str
    href: str


@dataclass(frozen=True)
class Chart:
    """One picture: its title and description (its text alternative), size and contents."""

    id: str
    title: str
    desc: str
    width: float
    height: float
    marks: list[Mark] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    label_links: list[LabelLink] = field(default_factory=list)
    # The same picture drawn for a narrow screen: one chart, or several one under another.
    narrow: tuple[Chart, ...] = ()

    def box(self, mark: Mark | LabelLink) -> dict[str, str]:
        """The box of the link laid over a mark, as CSS percentages of the picture."""
        x, y, w, h = getattr(mark, "hit", None) or (mark.x, mark.y, mark.w, mark.h)
        return {
            "left": _percent(x / self.width),
            "top": _percent(y / self.height),
            "width": _percent(w / self.width),
            "height": _percent(h / self.height),
        }

    def with_narrow(self, *narrow: Chart) -> Chart:
        """This chart, with its drawings for a narrow screen."""
        return replace(self, narrow=narrow)


@dataclass(frozen=True)
class Cell:
    """A value of a grid: how big, what is written, what it says, where it leads, its style."""

    value: float
    text: str
    name: str
    href: str | None = None
    css: str = "chart-dot"


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def dot_grid(
    id: str, title: str, desc: str, rows: list[str], columns: list[str], cells: dict[tuple[int, int], Cell],
    shape: str = "dot", label_width: float = LABEL_WIDTH, column: float = COLUMN,
    column_links: list[tuple[str, str] | None] | None = None, row_links: list[tuple[str, str] | None] | None = None,
    heading_lines: int = 2, largest: float | None = None, row_lines: int = 1,
) -> Chart:
    """Rows against columns; each cell a dot whose area is in proportion to its value (shape 'dot') or a
    square styled by its state (shape 'square'), with its text written beside or in it.
    `column_links` and `row_links` give a column's or a row's name a link: (what it says, where
    it leads), or None. Column names wrap to `heading_lines` lines, row names to `row_lines`;
    `largest` is the value of the largest dot, when the grid is one of several drawn to one scale."""
    LABEL_WIDTH, COLUMN = label_width, column  # noqa: N806 (the layout's two measures, for this grid)
    ROW = 30 + (row_lines - 1) * (FONT + 2)  # noqa: N806 (room for the row names)
    HEADER = 16 + heading_lines * (FONT + 2)  # noqa: N806 (room for the column names)
    width = LABEL_WIDTH + COLUMN * len(columns)
    height = HEADER + ROW * len(rows) + GAP
    labels, lines, marks = [], [], []
    for j, heading in enumerate(columns):
        x = LABEL_WIDTH + COLUMN * j + COLUMN / 2
        for k, part in enumerate(_wrap(heading, int(COLUMN / 7.5), heading_lines)):
            labels.append(Label(x, 18 + k * (FONT + 2), part, "middle", "chart-column"))
    links = [
        LabelLink(LABEL_WIDTH + COLUMN * j + 2, 2, COLUMN - 4, HEADER - 6, *link)
        for j, link in enumerate(column_links or []) if link
    ] + [
        LabelLink(2, HEADER + ROW * i + 1, LABEL_WIDTH - GAP - 2, ROW - 2, *link)
        for i, link in enumerate(row_links or []) if link
    ]
    largest = largest or max((cell.value for cell in cells.values()), default=0) or 1
    for i, row in enumerate(rows):
        y = HEADER + ROW * i
        parts = _wrap(row, int(LABEL_WIDTH / 7.5), row_lines) if row_lines > 1 else [_cut(row, int(LABEL_WIDTH / 7.5))]
        first = y + ROW / 2 + FONT / 3 - (len(parts) - 1) * (FONT + 2) / 2
        for k, part in enumerate(parts):
            labels.append(Label(LABEL_WIDTH - GAP, first + k * (FONT + 2), part, "end"))
        lines.append(Line(LABEL_WIDTH, y + ROW, width, y + ROW))
        for j in range(len(columns)):
            cell = cells.get((i, j))
            if cell is None:
                continue
            cx, cy = LABEL_WIDTH + COLUMN * j + COLUMN / 2, y + ROW / 2
            if shape == "dot":
                r = dot_radius(cell.value, largest)
                marks.append(Mark(
                    cx - COLUMN / 2 + 2, y + 2, COLUMN - 4, ROW - 4, cell.text, cell.name, cell.href, cell.css, r=r,
                    text_x=cx + 13, text_y=cy + FONT / 3, text_anchor="start", dot_x=cx - 8,
                ))
            else:
                marks.append(Mark(
                    cx - 24, y + 4, 48, ROW - 8, cell.text, cell.name, cell.href, cell.css,
                    text_x=cx, text_y=cy + FONT / 3, hit=(cx - COLUMN / 2 + 2, y + 2, COLUMN - 4, ROW - 4),
                ))
    return Chart(id, title, desc, width, height, marks, labels, lines, links)


def dot_radius(value: float, largest: float) -> float:
    """The radius of a dot whose area is to the largest dot's as value is to largest; 0 for 0."""
    return DOT_RADIUS * math.sqrt(value / largest) if value > 0 and largest > 0 else 0.0


def bar_chart(
    id: str, title: str, desc: str, rows: list[tuple[str, float, Cell]], maximum: float | None = None,
    label_width: float = LABEL_WIDTH, row: float = ROW, label_links: list[tuple[str, str] | None] | None = None,
    bar_width: float = BAR_WIDTH,
) -> Chart:
    """Horizontal bars, one a row, each with its value written at its end. `label_links` gives a
    row's name a link: (what it says, where it leads), or None."""
    ROW, BAR_WIDTH = row, bar_width  # noqa: N806 (this chart's row height and longest bar)
    width = label_width + BAR_WIDTH + 150
    height = ROW * len(rows) + GAP
    largest = maximum or max((value for _, value, _ in rows), default=0) or 1
    labels, marks = [], []
    for i, (label, value, cell) in enumerate(rows):
        y = ROW * i + GAP / 2
        labels.append(Label(label_width - GAP, y + ROW / 2 + FONT / 3, _cut(label, int(label_width / 7.5)), "end"))
        length = max(1.5, BAR_WIDTH * value / largest)
        marks.append(Mark(
            label_width, y + 5, length, ROW - 10, cell.text, cell.name, cell.href, cell.css,
            text_x=label_width + length + 5, text_y=y + ROW / 2 + FONT / 3, text_anchor="start",
            hit=(label_width, y, width - label_width, ROW),
        ))
    links = [
        LabelLink(2, ROW * i + GAP / 2, label_width - GAP - 2, ROW, *link)
        for i, link in enumerate(label_links or []) if link
    ]
    return Chart(id, title, desc, width, height, marks, labels, [Line(label_width, 0, label_width, height)], links)


def stacked_bars(
    id: str, title: str, desc: str, rows: list[tuple[str, float, Cell]], maximum: float | None = None,
    label_links: list[tuple[str, str] | None] | None = None, width: float = NARROW, value_after: bool = False,
) -> Chart:
    """Bars for a narrow screen: each row's name on a line of its own with the value at its end
    (or, with value_after, after the bar), and the bar on the line under it. The name and the
    bar are each a link TARGET units tall, across the picture."""
    largest = maximum or max((value for _, value, _ in rows), default=0) or 1
    labels, marks, links = [], [], []
    for i, (label, value, cell) in enumerate(rows):
        top = 2 * TARGET * i
        value_width = len(cell.text) * 7.5 + 8
        room = width - (0 if value_after else value_width)
        labels.append(Label(0, top + TARGET / 2 + FONT / 3, _cut(label, int(room / 7.5)), "start"))
        longest = width - (value_width if value_after else 0)
        length = max(1.5, longest * value / largest)
        bar_top = top + TARGET
        marks.append(Mark(
            0, bar_top + 6, length, TARGET - 12, cell.text, cell.name, cell.href, cell.css,
            text_x=length + 6 if value_after else width, text_y=(bar_top if value_after else top) + TARGET / 2 + FONT / 3,
            text_anchor="start" if value_after else "end", hit=(0, bar_top, width, TARGET),
        ))
        if label_links and i < len(label_links) and label_links[i]:
            links.append(LabelLink(0, top, room, TARGET, *label_links[i]))
    height = 2 * TARGET * len(rows) + GAP
    return Chart(id, title, desc, width, height, marks, labels, [], links)


def grid_chunks(
    id: str, title: str, desc: str, rows: list[str], columns: list[str], cells: dict[tuple[int, int], Cell],
    shape: str = "dot", row_links: list[tuple[str, str] | None] | None = None, width: float = NARROW,
) -> tuple[Chart, ...]:
    """A grid for a narrow screen: at most NARROW_COLUMNS columns, the rest in grids below it,
    all drawn to one scale; names of columns wrap to three lines."""
    label_width = 140
    largest = max((cell.value for cell in cells.values()), default=0) or 1
    charts = []
    for start in range(0, len(columns), NARROW_COLUMNS):
        part = range(start, min(start + NARROW_COLUMNS, len(columns)))
        charts.append(dot_grid(
            id if start == 0 else f"{id}-{start // NARROW_COLUMNS + 1}", title, desc, rows, [columns[j] for j in part],
            {(i, j - start): cell for (i, j), cell in cells.items() if j in part}, shape=shape,
            label_width=label_width, column=(width - label_width) / NARROW_COLUMNS, row_links=row_links,
            heading_lines=3, largest=largest, row_lines=2,
        ))
    return tuple(charts)


def time_list(id: str, title: str, desc: str, dated: list[tuple[str, str, Cell, bool]], undated: list[Cell], width: float = NARROW) -> Chart:
    """The time axis for a narrow screen: the dated entries in order under their year, then those
    the text gives no year for; each entry a line and a link across the picture."""
    labels, marks, lines = [], [], []
    y = 0.0

    def heading(text: str) -> None:
        nonlocal y
        labels.append(Label(0, y + TARGET / 2 + FONT / 3, text, "start", "chart-column"))
        lines.append(Line(0, y + TARGET - 2, width, y + TARGET - 2))
        y += TARGET

    def entry(text: str, cell: Cell, css: str) -> None:
        nonlocal y
        marks.append(Mark(
            4, y + 7, 14, TARGET - 14, _cut(text, int((width - 26) / 7.5)), cell.name, cell.href, css,
            text_x=26, text_y=y + TARGET / 2 + FONT / 3, text_anchor="start", hit=(0, y, width, TARGET),
        ))
        y += TARGET

    year = None
    for date, text, cell, _ in sorted(dated, key=lambda item: (_year_fraction(item[0], True), item[0])):
        if date[:4] != year:
            year = date[:4]
            heading(year)
        entry(text, cell, cell.css + (" chart-point" if date.count("-") == 2 else ""))
    if undated:
        heading("No year in the text")
        for cell in undated:
            entry(cell.text, cell, cell.css)
    return Chart(id, title, desc, width, y + GAP, marks, labels, lines)


def time_axis(id: str, title: str, desc: str, dated: list[tuple[str, str, Cell, bool]], undated: list[Cell]) -> Chart:
    """A time axis: each dated entry ('1997', '2023-12' or '2023-12-30') placed at the precision
    the text gives it: a year or a month as a span, a day as a point (one the text says has held
    since then, its fourth item true, is drawn at its date: the text gives it no end). Entries the
    text gives no year for are set apart on the right, in a box of their own."""
    axis_left, axis_width, side = 20, 430, 370
    width = axis_left + axis_width + side + 20
    starts = [_year_fraction(date, start=True) for date, _, _, _ in dated] or [2000.0]
    ends = [_year_fraction(date, start=False) for date, _, _, _ in dated] or [2001.0]
    first, last = math.floor(min(starts)), math.ceil(max(ends))
    first, last = first - 1, max(last + 1, first + 3)

    def x_of(year: float) -> float:
        return axis_left + axis_width * (year - first) / (last - first)

    ROW = 24  # noqa: N806 (a tighter row than the grids', as tall as a target)
    # Entries with no year stand in two columns when there are more of them than dated ones.
    per_column = max(len(dated), -(-len(undated) // 2) if len(undated) > len(dated) else len(undated), 1)
    lanes = per_column
    top = 24
    height = top + ROW * lanes + 40
    axis_y = height - 26
    labels = [Label(width - side / 2 - 10, 14, "No year in the text", "middle", "chart-column")]
    lines = [Line(axis_left, axis_y, axis_left + axis_width, axis_y, "chart-axis")]
    step = _tick_step(last - first)
    for year in range(first - first % step + step, last + 1, step):
        lines.append(Line(x_of(year), axis_y, x_of(year), axis_y + 5, "chart-axis"))
        labels.append(Label(x_of(year), axis_y + 19, str(year), "middle", "chart-tick"))
    marks = []
    for i, (date, text, cell, _) in enumerate(dated):
        y = top + ROW * i
        start, end = x_of(_year_fraction(date, True)), x_of(_year_fraction(date, False))
        span = end - start
        w = max(span, 10)
        x = start + span / 2 - w / 2
        lines.append(Line(start + span / 2, y + ROW - 6, start + span / 2, axis_y, "chart-guide"))
        reach = max(w, TARGET)
        marks.append(Mark(
            x, y + 3, w, ROW - 6, text, cell.name, cell.href, cell.css + (" chart-point" if date.count("-") == 2 else ""),
            text_x=x + w + 6 if x + w + 6 < axis_left + axis_width - 40 else x - 6,
            text_y=y + ROW / 2 + 2, text_anchor="start" if x + w + 6 < axis_left + axis_width - 40 else "end",
            hit=(x + w / 2 - reach / 2, y, reach, ROW),
        ))
    box_x = axis_left + axis_width + 20
    lines.append(Line(box_x - 10, 4, box_x - 10, height - 4, "chart-rule"))
    for i, cell in enumerate(undated):
        y = top + ROW * (i % per_column)
        x = box_x + (side / 2) * (i // per_column)
        marks.append(Mark(
            x, y + 3, 22, ROW - 6, cell.text, cell.name, cell.href, cell.css,
            text_x=x + 28, text_y=y + ROW / 2 + 2, text_anchor="start", hit=(x, y, side / 2 - 10, ROW),
        ))
    return Chart(id, title, desc, width, height, marks, labels, lines)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _percent(share: float) -> str:
    return f"{100 * share:.2f}%"


def _cut(text: str, limit: int) -> str:
    """Text cut to a length the picture has room for, with '…' where it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wrap(text: str, width: int, lines: int) -> list[str]:
    """Words in at most `lines` lines of about `width` characters; the last one cut with '…'."""
    found: list[str] = []
    for word in text.split():
        if found and len(found[-1]) + 1 + len(word) <= width:
            found[-1] += " " + word
        else:
            found.append(word)
    if len(found) > lines:
        found = found[: lines - 1] + [_cut(" ".join(found[lines - 1 :]), width)]
    return [_cut(line, width + 2) for line in found]


def _year_fraction(date: str, start: bool) -> float:
    """A date with its precision as a point in years: the start or the end of what it names."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return parts[0] + (0 if start else 1)
    if len(parts) == 2:
        return parts[0] + (parts[1] - (1 if start else 0)) / 12
    return parts[0] + (parts[1] - 1) / 12 + (parts[2] - 1) / 365


def _tick_step(span: int) -> int:
    """Years between ticks, so that an axis has at most about ten."""
    return next(step for step in (1, 2, 5, 10, 20, 25, 50, 100) if span / step <= 10)
