"""Make Material's search find accented words from plain spellings ("Luthi" → Lüthi, "Ceausescu" → Ceaușescu).

Material's search (lunr) has no diacritic folding, so after the build each
indexed section's text gets the plain spelling of its accented words added
once, where readers who type without accents will find them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

WORD = re.compile(r"[^\W\d_]+")


def plain_spelling(word: str) -> str:
    """The word without its diacritics: "Lüthi" → "Luthi"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def fold_search_index(index_file: Path) -> int:
    """Add plain spellings of accented words to every section of a Material search index.

    Args:
        index_file: `site/search/search_index.json`.

    Returns:
        How many sections gained words.
    """
    index = json.loads(index_file.read_text(encoding="utf-8"))
    changed = 0
    for doc in index.get("docs", []):
        accented = {w for w in WORD.findall(f"{doc.get('title', '')} {doc.get('text', '')}") if not w.isascii()}
        plain = sorted({p for p in map(plain_spelling, accented) if p.isascii()})
        if plain:
            doc["text"] = f"{doc.get('text', '')} <span hidden>{' '.join(plain)}</span>"
            changed += 1
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return changed
