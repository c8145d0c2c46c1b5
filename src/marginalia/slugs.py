"""Slugs for URLs and ids."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """A URL slug: ASCII letters and digits joined by hyphens ("Notes on Contributors" → "notes-on-contributors").

    Args:
        text: Any text.

    Returns:
        The slug; "part" when nothing of the text survives.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "part"
