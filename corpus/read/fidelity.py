"""Prove that a rendered article page carries every character of its original, in order: the same
runs of characters between whitespace, quotes, apostrophes, dashes and ellipses as written."""

from __future__ import annotations

from corpus.read.articles import Article, ArticleError
from corpus.text import html_text

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def exact_tokens(text: str) -> list[str]:
    """The runs of characters between whitespace, every character as written."""
    return text.split()


def page_tokens(article: Article, body_html: str) -> list[str]:
    """Tokens a reader sees as the article: its headline (when the source's) and its body."""
    headline = [] if article.title_supplied else exact_tokens(article.title)
    return headline + exact_tokens(html_text(body_html))


def check_fidelity(article: Article, body_html: str) -> None:
    """Raise ArticleError unless the page's tokens equal the original's, token by token and
    character by character: a straight quote turned curly is a changed word.

    Only the lines declared in `dropped` and the `byline` (shown in the header) may be
    missing, and the page may add no token of its own to the article's text.
    """
    expected = exact_tokens(article.text)
    headline = exact_tokens(article.title)
    if not article.title_supplied and expected[: len(headline)] != headline:
        raise ArticleError(
            f"{article.page}: 'title': {article.title!r} is not at the start of {article.original}; "
            "if the source has no headline, set title_supplied: true"
        )
    actual = page_tokens(article, body_html)
    for index, (want, have) in enumerate(zip(expected, actual)):
        if want != have:
            raise ArticleError(
                f"{article.page}: body: word {index + 1} of {article.original} is {want!r} "
                f"but the page has {have!r} ({_context(expected, index)})"
            )
    if len(actual) < len(expected):
        index = len(actual)
        raise ArticleError(
            f"{article.page}: body: the page ends after word {index} of {article.original}; "
            f"word {index + 1} {expected[index]!r} and on are missing ({_context(expected, index)})"
        )
    if len(actual) > len(expected):
        raise ArticleError(
            f"{article.page}: body: the page adds {actual[len(expected)]!r} after the last word of "
            f"{article.original}; declare furniture in 'dropped' or remove it"
        )


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _context(tokens_: list[str], index: int) -> str:
    """A few words of the original around a position, to find it quickly."""
    return "near '" + " ".join(tokens_[max(0, index - 4) : index + 4]) + "'"
