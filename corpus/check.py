"""Check every article and all curated data at once, without building the site (`make check`).

Run as `python -m corpus.check [project folder]`: it prints every problem on a line of its own,
`file: field: problem`, and exits 1 if there is any. The stage (`python -m corpus.stage`) runs the
same check first, and the build reports the same list before it stops.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from corpus.read.config import CONFIG
from corpus.read.project import check_project

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Print every problem of the project, one a line; exit 1 if there are any."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    if not (root / CONFIG).is_file():
        print(f"{root / CONFIG}: file: does not exist (run from the project folder or name it)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    project = check_project(root)
    for line in project.problems:
        print(line)
    took = time.perf_counter() - started
    if project.problems:
        print(f"{len(project.problems)} problem(s) found in {took:.1f} s", file=sys.stderr)
        return 1
    print(f"{len(project.articles)} articles, the glossary and the data checked in {took:.1f} s: no problems", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
