"""Print what words in context weighs with 1,000 synthetic articles added: for a set of searches, the
bytes the first batch downloads (raw and gzipped, the index file included) against the 200 KB
budget, and what all of a search's lines take; the whole data's size and the time to produce it."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
from corpus.analyse import contexts  # noqa: E402
from corpus.read.articles import load_articles  # noqa: E402
from project import add_synthetic_articles, copy_project  # noqa: E402

QUERY_TOOL = ROOT / "tests" / "tools" / "contexts-query.cjs"

# (what the search is, what is typed, how): a very common word, a common actor (its word, and all
# its names as the analysis links them), rare words, beginnings and phrases.
SEARCHES = [
    ("very common word", "the", {}),
    ("common actor", "Japan", {}),
    ("actor, all its names", "Japan, Japanese, Tokyo", {"matchCase": True}),
    ("rare word", "escalation", {}),
    ("word used once", None, {}),
    ("beginning (stem)", "escalat", {"match": "stem"}),
    ("short beginning, ~1/15 of all words", "ka", {"match": "stem"}),
    ("one-letter beginning", "k", {"match": "stem"}),
    ("phrase", "the United States", {}),
    ("phrase of common words", "in the", {}),
]


def kb(value: float) -> str:
    return f"{value / 1000:,.1f} KB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--added", type=int, default=1000)
    args = parser.parse_args()
    node = shutil.which("node")
    if node is None:
        sys.exit("bench/contexts_size.py runs the page's search code with Node.js: install it")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project = copy_project(folder / "project")
        add_synthetic_articles(project, args.added)
        articles = load_articles(project / "docs")
        started = time.perf_counter()
        index = contexts.build_index(articles)
        indexed = time.perf_counter() - started
        site = folder / "site"
        for path, content in index.paths().items():
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        produced = time.perf_counter() - started
        raw = sum(len(content) for content in index.files.values())
        zipped = sum(contexts.gzip_size(content) for content in index.files.values())
        index_raw, index_gz = len(index.index_bytes), contexts.gzip_size(index.index_bytes)
        words = sum(leaf[2] for leaf in index.index["leaves"])

        # A word used once.
        rare = next(term for name in sorted(index.files) for term, rows in json.loads(index.files[name])["lines"].items()
                    if len(rows) == 1 and term.isalpha())
        searches = [(label, typed or rare, how) for label, typed, how in SEARCHES]
        spec = folder / "searches.json"
        spec.write_text(json.dumps([{"q": typed, "batches": 0, **how} for _, typed, how in searches]))
        result = subprocess.run([node, str(QUERY_TOOL), str(site / contexts.DATA_DIR), str(spec)],
                                capture_output=True, text=True, check=True)
        results = json.loads(result.stdout)

    print(f"Words in context at scale (bench/contexts_size.py): {len(articles):,} articles "
          f"({args.added:,} synthetic added), {words:,} words. The synthetic text has no word as common as "
          "English 'the' (6% of words); the beginning 'ka' (1 word in 15) stands in for one. Its paragraphs are "
          "lower case after their first word, so few names match with their capitals.")
    print(f"  data: {len(index.files):,} files, {raw / 1e6:,.1f} MB ({zipped / 1e6:,.1f} MB gzipped), largest file "
          f"{kb(max(contexts.gzip_size(c) for c in index.files.values()))} gzipped (cap {kb(contexts.FILE_MAX)}); "
          f"index file {kb(index_raw)} ({kb(index_gz)} gzipped); {index.index['batch']} data files a batch")
    print(f"  time to produce it: {indexed:.1f} s to index, {produced:.1f} s with the files written")
    budget = contexts.QUERY_BUDGET
    header = ("| search | typed | first batch: files, raw, gzipped (budget " + kb(budget) + ") | lines listed / "
              "all lines | count known at once | all lines: batches, gzipped |")
    print(header)
    print("|" + "|".join("---" for _ in range(header.count("|") - 1)) + "|")
    for (label, typed, how), r in zip(searches, results):
        first = r["batches"][0]
        everything = sum(b["gzip"] for b in r["batches"])
        known = "yes" if len(r["batches"]) == 1 or r["total"] is not None else "no (a phrase or match case)"
        mode = " (beginning)" if how.get("match") == "stem" else " (case)" if how.get("matchCase") else ""
        print(f"| {label} | {typed}{mode} | {len(first['files'])}, {kb(first['raw'])}, {kb(first['gzip'])} "
              f"({'within' if first['gzip'] <= budget else 'OVER'}) | {r['first']:,} / {r['lines']:,} | {known} | "
              f"{len(r['batches'])}, {kb(everything)} |")


if __name__ == "__main__":
    main()
