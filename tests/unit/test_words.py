"""The word questions ingest asks give wordfreq's own answers (its list read as sets, or wordfreq asked)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from wordfreq import zipf_frequency

from marginalia.ingest.words import COMMON_WORD_ZIPF, KNOWN_WORD_ZIPF, is_common_english_word, is_english_word

ROOT = Path(__file__).resolve().parents[2]


def _agrees(word: str) -> bool:
    zipf = zipf_frequency(word.casefold(), "en")
    return is_english_word(word) == (zipf >= KNOWN_WORD_ZIPF) and is_common_english_word(word) == (
        zipf >= COMMON_WORD_ZIPF
    )


def test_every_word_of_the_texts_and_fixtures_as_wordfreq_says() -> None:
    sources = [*ROOT.glob("texts/*/source.md"), *ROOT.glob("tests/roots/**/source.md")]
    words = {w for path in sources for w in re.findall(r"\S+", path.read_text(encoding="utf-8"))}
    words |= {piece for w in list(words) for piece in re.findall(r"[^\W\d_]+", w)}  # the letters alone too
    assert len(words) > 5000
    assert [w for w in sorted(words) if not _agrees(w)] == []


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzÉéüßİıﬁ’'-#—.0123456789АбвЖ"), min_size=1, max_size=12)
)
def test_any_string_as_wordfreq_says(word: str) -> None:
    assert _agrees(word)
