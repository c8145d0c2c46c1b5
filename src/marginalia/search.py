"""Make Material's search find accented words from plain spellings ("Luthi" → Lüthi, "Ceausescu" → Ceaușescu).

Material's search (lunr) has no diacritic folding, so at the end of the build,
before Material writes its index, each indexed section's text gets the plain
spelling of its accented words added once, where readers who type without
accents will find them.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

WORD = re.compile(r"[^\W\d_]+")


def plain_spelling(word: str) -> str:
    """The word without its diacritics: "Lüthi" → "Luthi"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def fold_entries(entries: list[dict[str, Any]]) -> int:
    """Add plain spellings of accented words to every section of a Material search index.

    Args:
        entries: The index's sections (`{"location", "title", "text", ...}`), changed in place.

    Returns:
        How many sections gained words.
    """
    changed = 0
    for entry in entries:
        accented = {w for w in WORD.findall(f"{entry.get('title', '')} {entry.get('text', '')}") if not w.isascii()}
        plain = sorted({p for p in map(plain_spelling, accented) if p.isascii()})
        if plain:
            entry["text"] = f"{entry.get('text', '')} <span hidden>{' '.join(plain)}</span>"
            changed += 1
    return changed
