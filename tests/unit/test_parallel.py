"""Work shared among the cores gives what one process gives: shares in order, texts loaded alike."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import READER
from marginalia import corpus, parallel, stages
from marginalia.cache import TextCache, cached_each
from marginalia.corpus import load_corpus
from marginalia.parallel import _shares


@given(
    sizes=st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), max_size=40),
    count=st.integers(min_value=1, max_value=8),
)
def test_shares_are_consecutive_non_empty_and_at_most_one_per_core(sizes: list[float], count: int) -> None:
    items = list(range(len(sizes)))
    shares = _shares(items, sizes, count)
    assert [item for share in shares for item in share] == items
    assert all(shares) and len(shares) <= count


def test_shares_weigh_about_the_same() -> None:
    sizes = [1.0] * 10 + [10.0]
    assert _shares(list(range(11)), sizes, 2) == [list(range(10)), [10]]
    assert _shares(list(range(6)), None, 3) == [[0, 1], [2, 3], [4, 5]]


def test_texts_loaded_in_shares_are_the_texts_loaded_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = tmp_path / "texts"
    for number, original in enumerate(["radchenko-2020", "shen-2020-front-matter"] * 3):
        shutil.copytree(READER / "texts" / original, texts / f"{original}-{number}")
    (texts / "Not_A_Slug").mkdir()
    (texts / "no-source").mkdir()
    alone = load_corpus(texts)
    monkeypatch.setattr(corpus, "PARALLEL_FROM_BYTES", 1)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _: {0, 1, 2})
    shared = load_corpus(texts)
    assert len(shared.texts) == 6
    assert shared == alone


def test_texts_annotated_and_rendered_in_shares_are_those_of_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = stages.load_inputs(READER / "texts", READER / "bib", READER / "glossary")
    alone = stages.annotate_and_render(inputs)
    monkeypatch.setattr(stages, "PARALLEL_FROM_BYTES", 1)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _: {0, 1})
    shared = stages.annotate_and_render(inputs)
    assert [work.text.slug for work in shared] == ["radchenko-2020", "shen-2020-front-matter"]
    assert shared == alone


def test_only_what_the_cache_lacks_is_worked_on() -> None:
    cache = TextCache()
    asked: list[list[int]] = []

    def compute(indexes: list[int]) -> list[str]:
        asked.append(indexes)
        return [f"value {index}" for index in indexes]

    assert cached_each(cache, "store", ["a", "b"], compute) == ["value 0", "value 1"]
    assert cached_each(cache, "store", ["b", "c", "a"], compute) == ["value 1", "value 1", "value 0"]
    assert asked == [[0, 1], [1]]  # the second build made only "c" (its index 1 there)
    assert cached_each(None, "store", ["a"], compute) == ["value 0"]


def squares(items: list[int]) -> list[int]:
    return [item * item for item in items]


def test_chunks_taken_from_both_ends_by_kept_workers_come_back_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _: {0, 1, 2})
    items = list(range(200))
    with parallel.workers_kept():
        kept = parallel._kept.get()
        first = parallel.in_shares(squares, items)
        second = parallel.in_shares(squares, items[::-1], weights=[float(item) for item in items[::-1]])
        assert parallel._kept.get() is kept is not None  # the same workers for both
    assert parallel._kept.get() is None
    assert first == squares(items)
    assert second == squares(items[::-1])
