"""Page numbers as books print them: arabic, or lower-case roman in front matter."""

from __future__ import annotations

import re

ROMAN_VALUES = {"m": 1000, "cm": 900, "d": 500, "cd": 400, "c": 100, "xc": 90, "l": 50, "xl": 40}
ROMAN_VALUES |= {"x": 10, "ix": 9, "v": 5, "iv": 4, "i": 1}
ROMAN = re.compile(r"[ivxlcdm]+")
"""Lower-case roman numerals, as front matter is numbered."""


def roman_value(numeral: str) -> int:
    """The value of a lower-case roman numeral: "xii" → 12 (0 for a string that is none)."""
    total, rest = 0, numeral
    for symbol, value in ROMAN_VALUES.items():
        while rest.startswith(symbol):
            total, rest = total + value, rest[len(symbol) :]
    return total if not rest and to_roman(total) == numeral else 0


def to_roman(number: int) -> str:
    """A number as a lower-case roman numeral: 12 → "xii"."""
    numeral = ""
    for symbol, value in ROMAN_VALUES.items():
        while number >= value:
            numeral, number = numeral + symbol, number - value
    return numeral


def page_value(page: str) -> int:
    """A printed page number's value, arabic or lower-case roman ("117" → 117, "xii" → 12); 0 if it is neither."""
    if page.isdigit():
        return int(page)
    return roman_value(page) if ROMAN.fullmatch(page) else 0


def page_after(page: str, step: int = 1) -> str:
    """The page number `step` pages after `page`, printed the same way ("xii" → "xiii"); "" if there is none."""
    value = page_value(page) + step
    if not page_value(page) or value < 1:
        return ""
    return str(value) if page.isdigit() else to_roman(value)
