"""Whether a string is an English word, or a common one: the questions ingest asks a word list (wordfreq's).

A word of letters alone is looked up in wordfreq's English list as the library stores it (its "cBpack" file:
lists of words by frequency in centibels, each word in one list), read once per process into two sets; a string
of punctuation alone is no word; any other is asked of wordfreq itself, which tokenizes it first. Both give
wordfreq's answer (`tests/unit/test_words.py`); the sets spare the build's processes importing wordfreq and
building its frequency table (some 0.2 s each).
"""

from __future__ import annotations

import gzip
import importlib.util
import re
import unicodedata
from functools import cache
from pathlib import Path

import msgpack

KNOWN_WORD_ZIPF = 1.0
"""A word at least this frequent in wordfreq's English list (about once in 100 million words) is a word."""
COMMON_WORD_ZIPF = 3.0
"""A word at least this frequent (about once in a million words) is a common word: "review", not "Radchenko"."""

WORDLIST = "large_en.msgpack.gz"
"""wordfreq's English list, in its package's `data` folder."""
LETTERS = re.compile(r"[^\W\d_]+")
"""A word of letters alone: wordfreq's tokenizer leaves it one token, case-folded."""


def _centibels(zipf: float) -> int:
    """The last of the list's frequency classes (minus centibels) at or above a Zipf value: 1.0 → 800."""
    return round((9 - zipf) * 100)


@cache
def _frequency_classes() -> tuple[list[str], ...]:
    """Wordfreq's English list: its words by frequency class, the most frequent first."""
    spec = importlib.util.find_spec("wordfreq")  # its folder, without importing it
    assert spec is not None and spec.origin is not None, "wordfreq is a dependency"
    with gzip.open(Path(spec.origin).parent / "data" / WORDLIST) as packed:
        header, *classes = msgpack.unpack(packed, raw=False)
    if header.get("format") != "cB":
        raise RuntimeError(f"wordfreq's {WORDLIST} is not in the cBpack format this reader knows")
    return tuple(classes)


@cache
def _words_at_least(zipf: float) -> frozenset[str]:
    """The words of the list at a Zipf value or above."""
    return frozenset().union(*_frequency_classes()[: _centibels(zipf) + 1])


def _zipf_at_least(word: str, zipf: float) -> bool:
    folded = unicodedata.normalize("NFC", word).casefold()
    if LETTERS.fullmatch(folded):
        return folded in _words_at_least(zipf)
    if all(unicodedata.category(c)[0] in "PZ" for c in folded):
        return False  # punctuation alone ("##", "—"): wordfreq finds no token in it, frequency 0
    from wordfreq import zipf_frequency  # noqa: PLC0415 - what is not a word of letters alone, asked as written

    return zipf_frequency(word.casefold(), "en") >= zipf


@cache
def is_english_word(word: str) -> bool:
    """Whether `word` (any case) is in wordfreq's English list at `KNOWN_WORD_ZIPF` or above.

    Args:
        word: One word, without spaces or hyphens.

    Returns:
        True for "propaganda", False for "wellinformed".
    """
    return _zipf_at_least(word, KNOWN_WORD_ZIPF)


@cache
def is_common_english_word(word: str) -> bool:
    """Whether `word` (any case) is a common English word (`COMMON_WORD_ZIPF` or above): "review", "article"."""
    return _zipf_at_least(word, COMMON_WORD_ZIPF)
