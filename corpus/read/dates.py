"""Dates as precise as the text makes them, and relative dates resolved against a publication date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

EXACT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
RELATIVE = re.compile(r"^(?:the (\d{1,2})(?:st|nd|rd|th) of )?(last|this) (year|month)$")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class DateError(ValueError):
    """A date or relative phrase that cannot be read."""


@dataclass(frozen=True)
class TextDate:
    """A date with the precision the text gives it: 'year', 'month' or 'day'."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        """'1997', '2023-12' or '2023-12-30'."""
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p]
        return "-".join(parts)

    def label(self) -> str:
        """'1997', 'December 2023' or '30 December 2023'."""
        if self.day:
            return f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return str(self.year)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def parse_date(value: str) -> TextDate:
    """Read 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; refuse anything else, impossible days included."""
    match = EXACT.match(str(value).strip())
    if not match:
        raise DateError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as error:
        raise DateError(f"{value!r} is not a date ({error})") from None
    return TextDate(year, month, day)


def check_relative(phrase: str) -> None:
    """Refuse a relative phrase the resolver does not understand."""
    if not RELATIVE.match(phrase.strip()):
        raise DateError(
            f"{phrase!r} is not a relative date this site resolves "
            "('last year', 'this month', 'the 30th of last month', ...)"
        )


def resolve_relative(phrase: str, published: dt.date) -> TextDate:
    """Resolve 'last year', 'this month', 'the 30th of last month', ... against a publication date."""
    check_relative(phrase)
    day, which, unit = RELATIVE.match(phrase.strip()).groups()
    if unit == "year":
        if day:
            raise DateError(f"{phrase!r} names a day of a year without a month")
        return TextDate(published.year - (which == "last"))
    year, month = published.year, published.month
    if which == "last":
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    if not day:
        return TextDate(year, month)
    try:
        dt.date(year, month, int(day))
    except ValueError as error:
        raise DateError(f"{phrase!r} resolves to no real day ({error})") from None
    return TextDate(year, month, int(day))
