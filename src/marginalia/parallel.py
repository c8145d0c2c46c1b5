"""Independent work shared among the cores: chunks taken from both ends, put back in order.

Formatting references, ingesting texts and annotating them are independent
per item, so a long list is cut into consecutive chunks of about equal
weight (`CHUNKS_PER_CORE` for each core this process may use). Spawned
worker processes take chunks from the front, this process takes them from the
back for as long as no worker has started them, and the results are put back
in order: the same as from one process (the reproducible-build test checks
it). So a worker that starts late (spawning one and importing the package in
it takes some half a second) or a chunk slower than its weight said leaves
no core idle for long: a worker is handed a chunk only when it has finished
the one before. Workers are spawned, never forked: a forked worker could
inherit a lock held by another thread of `mkdocs serve`. A spawned worker
imports the main module, so a script that builds the site in its own process
guards its entry point with `if __name__ == "__main__":`.

Inside `workers_kept`, the same workers serve every `in_shares` (a build's
ingest and its annotation) and `in_background` (the pages' citations),
spawned once, at their first job or, for a build that will have work for
them in any case, when the block opens: their imports are then done while
this process works.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import accumulate
from typing import TypeVar

__all__ = ["cores", "in_background", "in_shares", "workers_kept"]

T = TypeVar("T")
R = TypeVar("R")

CHUNKS_PER_CORE = 8
"""How finely a list is cut: more chunks even out the cores' ends, each costs a message to a worker."""

_kept: ContextVar[ProcessPoolExecutor | None] = ContextVar("kept_workers", default=None)
"""The workers `workers_kept` keeps for this thread's `in_shares` calls, or None."""


def cores() -> int:
    """The number of cores this process may use."""
    return len(os.sched_getaffinity(0))


def in_shares(
    work: Callable[[list[T]], list[R]], items: Sequence[T], weights: Sequence[float] | None = None
) -> list[R]:
    """Apply `work` to consecutive chunks of `items` in this process and in workers, and return its results in order.

    Args:
        work: A module-level function (workers import it by name) giving one result per item, in order.
        items: What to work on; picklable.
        weights: Each item's expected cost (its size, say); chunks then weigh about the same. Equal by default.

    Returns:
        The results of every item, in the order of `items`.
    """
    if cores() < 2:
        return work(list(items))
    chunks = _shares(list(items), weights, CHUNKS_PER_CORE * cores())
    if len(chunks) < 2:
        return work(list(items))
    kept = _kept.get()
    if kept is not None:
        return _from_both_ends(kept, work, chunks)
    with _workers(cores() - 1) as pool:
        return _from_both_ends(pool, work, chunks)


@contextmanager
def workers_kept(*, started: bool = False) -> Iterator[None]:
    """Keep the same worker processes for every `in_shares` call inside the block (in this thread).

    Args:
        started: Spawn them now, not at their first job: their imports are done while this process works (a build
            that will hand them work in any case, its pages' citations).
    """
    if _kept.get() is not None or cores() < 2:
        yield
        return
    with _workers(cores() - 1) as pool:
        token = _kept.set(pool)
        if started:
            pool.submit(_started)
        try:
            yield
        finally:
            _kept.reset(token)


def in_background(
    work: Callable[[list[T]], list[R]], items: list[T]
) -> tuple[Future[list[R]], ProcessPoolExecutor | None]:
    """Start `work` on `items` in a worker process while this one goes on.

    Args:
        work: A module-level function, as for `in_shares`.
        items: What to work on; picklable.

    Returns:
        The job, and the pool of the worker started for it, which the caller shuts down once it has the result;
        None when a worker `workers_kept` keeps took the job (already started, its imports done).
    """
    kept = _kept.get()
    if kept is not None:
        return kept.submit(work, items), None
    pool = _workers(1)
    return pool.submit(work, items), pool


def _started() -> None:
    """A first job that does nothing: a spawned worker imports the package (its `__init__`) to run it."""


def _workers(count: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"))


def _from_both_ends(pool: ProcessPoolExecutor, work: Callable[[list[T]], list[R]], chunks: list[list[T]]) -> list[R]:
    """`work` on each chunk, the workers from the first on, this process from the last on; the results in order.

    A thread per worker hands it the next chunk from the front once it has finished one, so that no chunk
    waits in a worker's queue while this process could take it.
    """
    ends = _Ends(len(chunks))
    jobs: dict[int, Future[list[R]]] = {}

    def feed() -> None:
        while (index := ends.take_front()) is not None:
            try:
                jobs[index] = pool.submit(work, chunks[index])
            except RuntimeError as error:  # a broken pool: said when the results are collected
                jobs[index] = Future()
                jobs[index].set_exception(error)
            if jobs[index].exception() is not None:
                return

    feeders = [threading.Thread(target=feed, daemon=True) for _ in range(cores() - 1)]
    for feeder in feeders:
        feeder.start()
    done: dict[int, list[R]] = {}
    while (index := ends.take_back()) is not None:
        done[index] = work(chunks[index])
    for feeder in feeders:
        feeder.join()
    results: list[R] = []
    for index in range(len(chunks)):
        results += done[index] if index in done else jobs[index].result()
    return results


class _Ends:
    """The chunks not yet taken, from the front (by workers) and from the back (by this process)."""

    def __init__(self, count: int) -> None:
        self._lock = threading.Lock()
        self._front = 0
        self._back = count

    def take_front(self) -> int | None:
        with self._lock:
            if self._front >= self._back:
                return None
            self._front += 1
            return self._front - 1

    def take_back(self) -> int | None:
        with self._lock:
            if self._front >= self._back:
                return None
            self._back -= 1
            return self._back


def _shares(items: list[T], weights: Sequence[float] | None, count: int) -> list[list[T]]:
    """Cut `items` into at most `count` consecutive non-empty shares of about equal total weight."""
    if count < 2 or len(items) < 2:
        return [items] if items else []
    sizes = list(weights) if weights is not None else [1.0] * len(items)
    total = sum(sizes) or 1.0
    shares: list[list[T]] = [[] for _ in range(count)]
    for item, end, size in zip(items, accumulate(sizes), sizes, strict=True):
        # The share an item falls in: where the middle of its weight lies in the whole.
        shares[min(count - 1, int(count * (end - size / 2) / total))].append(item)
    return [share for share in shares if share]
