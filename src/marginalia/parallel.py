"""Independent work shared among the cores: consecutive shares, put back in order.

Formatting references and ingesting texts are independent per item, so a
long list is cut into one consecutive share per core this process may use:
this process does the first, spawned worker processes the others, and the
results are put back in order, the same as from one process (the
reproducible-build test checks it). Workers are spawned, never forked: a
forked worker could inherit a lock held by another thread of `mkdocs serve`.
A spawned worker imports the main module, so a script that builds the site in
its own process guards its entry point with `if __name__ == "__main__":`.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import accumulate
from typing import TypeVar

__all__ = ["cores", "in_shares"]

T = TypeVar("T")
R = TypeVar("R")


def cores() -> int:
    """The number of cores this process may use."""
    return len(os.sched_getaffinity(0))


def in_shares(
    work: Callable[[list[T]], list[R]], items: Sequence[T], weights: Sequence[float] | None = None
) -> list[R]:
    """Apply `work` to consecutive shares of `items`, one per core, and return its results in order.

    Args:
        work: A module-level function (workers import it by name) giving one result per item, in order.
        items: What to work on; picklable.
        weights: Each item's expected cost (its size, say); shares then weigh about the same. Equal by default.

    Returns:
        The results of every item, in the order of `items`.
    """
    shares = _shares(list(items), weights, cores())
    if len(shares) < 2:
        return work(list(items))
    first, *others = shares
    with ProcessPoolExecutor(len(others), mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(work, share) for share in others]
        results = work(first)
        for future in futures:
            results += future.result()
    return results


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
