"""Which script a text is written in, and the language its names are read in: Chinese, Russian, or Latin."""

from __future__ import annotations

import re

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
SCRIPTS = {"cyrillic": re.compile(r"[\u0400-\u04ff]"), "cjk": CJK, "greek": re.compile(r"[\u0370-\u03ff]")}
LANGUAGES = {"cyrillic": "ru", "cjk": "zh", "greek": "el"}
"""The language a name in each script is read in on this site (BCP 47): the texts' Russian and Chinese names."""


def script_of(text: str) -> str:
    """The script most of a text's letters are in: "cyrillic", "cjk", "greek", or "latin"."""
    letters = [ch for ch in text if ch.isalpha()]
    counts = {name: sum(bool(pattern.match(ch)) for ch in letters) for name, pattern in SCRIPTS.items()}
    script, count = max(counts.items(), key=lambda item: item[1])
    return script if count * 2 > len(letters) else "latin"


def language_of(text: str) -> str:
    """The language to mark a name in another script with ("ru" for "Никита Хрущёв", "zh" for 毛泽东), or ""."""
    return LANGUAGES.get(script_of(text), "")
