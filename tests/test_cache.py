"""The stage's cache: results in the order asked for, computed once, in worker processes when there
are many, while the caller goes on; kept for the next run; and citeproc's remembered lookups
render what citeproc renders without them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import DOCS, ROOT
from corpus.cache import PARALLEL_FROM, Cache


def square_with_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def niceness(number: int) -> tuple[int, int]:
    return os.getpriority(os.PRIO_PROCESS, 0), os.getpid()


def fail_on_seven(number: int) -> int:
    if number == 7:
        raise ValueError("seven")
    return number


@pytest.mark.parametrize("count", [3, PARALLEL_FROM + 5])
def test_started_work_gives_every_result_in_order_and_is_kept_for_the_next_run(tmp_path, count):
    cache = Cache(tmp_path)
    gather = cache.start("squares", square_with_pid, ((f"k{n}", (n,)) for n in range(count)))
    results = gather()
    cache.close()
    assert [value for value, _ in results] == [n * n for n in range(count)]
    # Many are made in worker processes; a few in this one.
    pids = {pid for _, pid in results}
    assert (os.getpid() in pids) == (count < PARALLEL_FROM)
    assert cache.computed == {"squares": count}
    cache.save()

    again = Cache(tmp_path)
    asked = [(f"k{n}", (n,)) for n in range(count + 2)]
    assert [value for value, _ in again.map("squares", square_with_pid, asked)] == [n * n for n in range(count + 2)]
    assert again.computed == {"squares": 2}  # only the two new ones


def test_two_kinds_started_together_both_finish_and_a_failure_reaches_the_caller(tmp_path):
    cache = Cache(None)
    many = PARALLEL_FROM + 10
    first = cache.start("a", square_with_pid, ((f"a{n}", (n,)) for n in range(many)))
    second = cache.start("b", fail_on_seven, ((f"b{n}", (n,)) for n in range(many)))
    assert [value for value, _ in first()] == [n * n for n in range(many)]
    with pytest.raises(ValueError, match="seven"):
        second()
    cache.close()
    cache.close()  # closing twice is harmless


# Each real article's citations, made with citeproc's lookups remembered (as the stage makes them)
# or searched afresh every time (citeproc as it is).
CITE = """
import json, sys
from pathlib import Path
from corpus.read.articles import load_articles
from corpus.write import citations
if sys.argv[1] == "plain":
    citations._remember_lookups = lambda: None
print(json.dumps([list(citations.cite(a, "https://example.org/" + a.slug + "/", "en").styles) for a in load_articles(Path(sys.argv[2]))]))
"""


def test_remembered_lookups_render_what_citeproc_renders_without_them():
    made = {}
    for mode in ("plain", "remembered"):
        result = subprocess.run([sys.executable, "-c", CITE, mode, str(DOCS)], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        made[mode] = json.loads(result.stdout)
    assert len(made["plain"]) >= 3
    assert made["remembered"] == made["plain"]


def test_a_value_forgotten_is_gone_from_the_folder_at_once_and_kept_again_by_a_later_save(tmp_path):
    first = Cache(tmp_path)
    first.keep("inputs", {"fingerprint": "a"})
    first.save()
    second = Cache(tmp_path)
    assert second.value("inputs") == {"fingerprint": "a"}
    second.forget("inputs")
    # Gone before any save: a run stopped now leaves no record behind.
    assert not (tmp_path / "inputs.pickle").exists() and Cache(tmp_path).value("inputs") is None
    assert second.value("inputs") is None
    second.keep("inputs", {"fingerprint": "b"})
    second.save()
    assert Cache(tmp_path).value("inputs") == {"fingerprint": "b"}


def test_work_started_nicely_yields_to_the_caller_in_the_workers_only(tmp_path):
    from corpus.cache import PARALLEL_FROM

    own = os.getpriority(os.PRIO_PROCESS, 0)
    cache = Cache(tmp_path)
    first = cache.start("plain", niceness, ((f"a{n}", (n,)) for n in range(PARALLEL_FROM)))
    later = cache.start("later", niceness, ((f"b{n}", (n,)) for n in range(PARALLEL_FROM)), nice=own + 4)
    assert {value for value, _ in first()} == {own}
    made = later()
    cache.close()
    assert {value for value, _ in made} == {own + 4} and all(pid != os.getpid() for _, pid in made)
    assert os.getpriority(os.PRIO_PROCESS, 0) == own


def test_a_save_can_leave_kinds_for_a_later_one_and_entries_made_after_it_are_kept_at_once(tmp_path):
    cache = Cache(tmp_path)
    cache.keep("early", 1)
    cache.keep("late", 2)
    cache.put("rows", "a", "A")
    cache.save(but=("late",))
    assert Cache(tmp_path).value("early") == 1 and Cache(tmp_path).value("late") is None
    assert Cache(tmp_path).get("rows", "a") == "A"
    cache.write_entries("rows", {"b": "B"})
    cache.save(only=("late",))
    found = Cache(tmp_path)
    assert (found.value("early"), found.value("late"), found.get("rows", "a"), found.get("rows", "b")) == (1, 2, "A", "B")
