"""Work done in a process of its own while this one goes on: the process is forked, so it starts
with everything this one holds (nothing is copied to it), and only its result comes back."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class BackgroundError(RuntimeError):
    """The forked process failed: its traceback, as text, or why it ended without a result."""


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def start(work: Callable[[], T], nice: int = 0) -> Callable[[], T]:
    """Begin work() in a forked process and return a function that waits for it and gives its
    result (raising what work() raised). Where a process cannot be forked, work() runs when its
    result is asked for, in this process. A `nice` process yields the processors to the others
    (os.nice): for work no one waits for yet."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return _later(work)
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_run, args=(work, sending, nice), daemon=True)
    process.start()
    sending.close()
    outcome: list = []

    def result() -> T:
        if not outcome:
            try:
                outcome.append(pickle.loads(receiving.recv_bytes()))
            except EOFError:
                process.join()  # its exit code is known once it is joined
                outcome.append((False, f"the process ended without a result (exit code {process.exitcode})"))
            finally:
                receiving.close()
                process.join()
        done, value = outcome[0]
        if not done:
            raise value if isinstance(value, BaseException) else BackgroundError(value)
        return value

    return result


def yield_to_others(nice: int) -> None:
    """Make this process's niceness at least `nice` (as os.nice: it yields the processors to less
    nice processes); where it cannot be, it runs as it is."""
    if nice <= 0:
        return
    try:
        if os.getpriority(os.PRIO_PROCESS, 0) < nice:
            os.setpriority(os.PRIO_PROCESS, 0, nice)
    except (AttributeError, OSError):
        pass


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _later(work: Callable[[], T]) -> Callable[[], T]:
    """work(), run once, when its result is first asked for."""
    kept: list = []

    def result() -> T:
        if not kept:
            kept.append(work())
        return kept[0]

    return result


def _run(work: Callable, sending, nice: int = 0) -> None:
    """In the forked process: send (True, work()) or (False, what it raised), then leave at once
    (no exit handler of the parent's runs twice)."""
    try:
        try:
            yield_to_others(nice)
            message = pickle.dumps((True, work()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:  # sent back and raised in the parent, as it would have been there
            try:
                message = pickle.dumps((False, error), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:
                message = pickle.dumps((False, traceback.format_exc()), protocol=pickle.HIGHEST_PROTOCOL)
        sending.send_bytes(message)
        sending.close()
    finally:
        os._exit(0)
