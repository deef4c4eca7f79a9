"""Problems a maintainer can cause, each one line: 'file: field: problem'."""

from __future__ import annotations

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class CorpusError(ValueError):
    """One or more user-facing problems, each a line naming the file and the field."""

    def __init__(self, *lines: str) -> None:
        self.lines = [line for line in lines if line]
        super().__init__("\n".join(self.lines))

    @classmethod
    def of(cls, errors: list[CorpusError]) -> CorpusError:
        """One error carrying the lines of many."""
        return cls(*(line for error in errors for line in error.lines))


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def shown(value: object, limit: int = 60) -> str:
    """A value as an error line shows it: its repr, on one line, cut to a readable length."""
    text = repr(value).replace("\\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
