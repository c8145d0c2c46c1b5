"""Every word of every source survives ingest exactly once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from helpers import WORD, model_words, source_words
from marginalia.corpus import load_text

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXTS = [ROOT / "texts" / "radchenko-2020", ROOT / "texts" / "shen-2020-front-matter"]
TEXT_FOLDERS = [
    *SEED_TEXTS,
    ROOT / "tests" / "roots" / "third-text" / "texts" / "reader-2026-border",
    *sorted((ROOT / "tests" / "roots" / "formats" / "texts").iterdir()),
]


@pytest.mark.parametrize("folder", TEXT_FOLDERS, ids=[f.name for f in TEXT_FOLDERS])
def test_no_word_lost_or_duplicated(folder: Path) -> None:
    text, problems = load_text(folder)
    assert text is not None
    assert problems == []
    expected = source_words((folder / "source.md").read_text(encoding="utf-8"))
    # A word hyphenated across a page break is one word in the model: count it so in the source too.
    for repair in text.document.repairs:
        if repair.kind == "dehyphenate":
            head, tail = repair.detail.split("|")
            parts = [w.casefold() for w in WORD.findall(head) + WORD.findall(tail)]
            expected.subtract(Counter(parts))
            expected[WORD.findall((head[:-1] + tail).casefold())[0]] += 1
    actual = model_words(text.document)
    lost = +(expected - actual)
    added = +(actual - expected)
    assert not lost, f"words lost: {dict(lost)}"
    assert not added, f"words added or duplicated: {dict(added)}"


@pytest.mark.parametrize("folder", SEED_TEXTS, ids=[f.name for f in SEED_TEXTS])
def test_sources_are_byte_identical_to_the_shared_raw_texts(folder: Path) -> None:
    shared = ROOT.parent / "shared" / "texts" / f"{folder.name}.md"
    if not shared.exists():
        pytest.skip(f"{shared} is not beside this checkout")
    assert (folder / "source.md").read_bytes() == shared.read_bytes()
