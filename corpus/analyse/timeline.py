"""Timeline: the events the articles report and what they expect, dated only as the text dates them."""

from __future__ import annotations

from corpus.read.articles import Article
from corpus.read.data import Event
from corpus.read.dates import resolve_relative
from corpus.read.passages import passages

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def timeline(events: list[Event]) -> list[dict]:
    """Rows of the timeline: dated entries in date order, then the undated in the data's order.

    A relative date ("last year") is resolved only against a publication date the article
    states, never against an update date, and not where the data says why the text's own
    evidence contradicts that date.
    """
    rows = [(_row(event), _position(event)) for event in events]
    # Dated entries first, in date order; then those the text gives no year for (or whose
    # relative date stays unresolved), article by article, in the order the article gives them.
    rows.sort(key=lambda item: (item[0]["date"] is None, item[0]["date"] or "", item[1]))
    return [row for row, _ in rows]


def anchor_note(event: Event) -> str | None:
    """How the entry's date was read from the text, in the site's words."""
    article: Article = event.quote.article
    if event.relative and event.unresolved:
        return f"“{event.relative}”: not resolved. {event.unresolved}"
    if event.relative and article.published:
        return f"“{event.relative}” resolved against the article’s stated publication date, {article.published.isoformat()}"
    if event.relative and article.updated:
        return (
            f"“{event.relative}”: not resolved. The text states no publication date; "
            f"its date, {article.updated.isoformat()}, is given as an update date"
        )
    if event.relative:
        return f"“{event.relative}”: not resolved. The text states no publication date"
    if event.undated:
        return f"“{event.undated}”: the text gives no year"
    return None


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _position(event: Event) -> tuple[str, int]:
    """Where the entry's quote stands: its article, and its passage's place in it."""
    article = event.quote.article
    return article.slug, passages(article).index(event.quote.passage)


def _row(event: Event) -> dict:
    article = event.quote.article
    date = event.date
    if event.relative and article.published and not event.unresolved:
        date = resolve_relative(event.relative, article.published)
    return {
        "kind": event.kind,
        "date": date.iso() if date else None,
        "precision": date.precision if date else None,
        "label": (f"Since {date.label()}" if event.since else date.label()) if date else (event.relative or event.undated or "no time given"),
        "since": event.since,
        "note": anchor_note(event),
        "event": event.event,
        "article": article.slug,
        "quote": event.quote.text,
        "anchor": event.quote.passage.anchor,
        "url": f"articles/{article.slug}/#{event.quote.passage.anchor}",
        "link": event.quote.url,
    }
