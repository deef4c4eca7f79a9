"""Work done in a forked process (corpus.background): its result, its failures, and that what it
changes stays in its own process."""

from __future__ import annotations

import os

import pytest

from corpus import background

KEPT = {"value": 1}


def test_the_work_runs_in_another_process_with_what_this_one_held_and_gives_back_its_result():
    big = list(range(200_000))  # inherited by the fork, not sent to it

    def work():
        KEPT["value"] = 2  # the process's own copy
        return os.getpid(), sum(big), "é" * 100_000

    result = background.start(work)
    pid, total, text = result()
    assert pid != os.getpid()
    assert total == sum(big) and text == "é" * 100_000
    assert KEPT["value"] == 1
    assert result()[0] == pid  # asked again: the same result, not the work again


def test_what_the_work_raises_is_raised_where_the_result_is_asked_for():
    def work():
        raise ValueError("docs/articles/x.md: body: no good")

    result = background.start(work)
    with pytest.raises(ValueError, match="docs/articles/x.md: body: no good"):
        result()


def test_a_process_that_ends_without_a_result_is_reported_with_its_exit_code():
    result = background.start(lambda: os._exit(3))
    with pytest.raises(background.BackgroundError, match="ended without a result.*exit code 3"):
        result()


def test_without_fork_the_work_runs_here_once_when_asked(monkeypatch):
    monkeypatch.setattr(background.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    calls = []
    result = background.start(lambda: calls.append(os.getpid()) or len(calls))
    assert calls == []
    assert result() == 1 and result() == 1 and calls == [os.getpid()]


def test_work_started_nicely_yields_to_this_process_which_stays_as_it_was():
    own = os.getpriority(os.PRIO_PROCESS, 0)
    niceness = background.start(lambda: os.getpriority(os.PRIO_PROCESS, 0), nice=own + 5)()
    assert niceness == own + 5
    assert background.start(lambda: os.getpriority(os.PRIO_PROCESS, 0))() == own
    assert os.getpriority(os.PRIO_PROCESS, 0) == own
