"""Whether a string is an English word, or a common one: the questions ingest asks a word list (wordfreq's)."""

from __future__ import annotations

from functools import cache

from wordfreq import zipf_frequency

KNOWN_WORD_ZIPF = 1.0
"""A word at least this frequent in wordfreq's English list (about once in 100 million words) is a word."""
COMMON_WORD_ZIPF = 3.0
"""A word at least this frequent (about once in a million words) is a common word: "review", not "Radchenko"."""


@cache
def is_english_word(word: str) -> bool:
    """Whether `word` (any case) is in wordfreq's English list at `KNOWN_WORD_ZIPF` or above.

    Args:
        word: One word, without spaces or hyphens.

    Returns:
        True for "propaganda", False for "wellinformed".
    """
    return zipf_frequency(word.casefold(), "en") >= KNOWN_WORD_ZIPF


@cache
def is_common_english_word(word: str) -> bool:
    """Whether `word` (any case) is a common English word (`COMMON_WORD_ZIPF` or above): "review", "article"."""
    return zipf_frequency(word.casefold(), "en") >= COMMON_WORD_ZIPF
