"""Convert bibliography entries to CSL-JSON, the input of citeproc-py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from marginalia.bibliography.entries import EMPHASIS_END, EMPHASIS_START, BibEntry, Name

CSL_TYPES = {
    "article": "article-journal",
    "book": "book",
    "incollection": "chapter",
    "inbook": "chapter",
    "inproceedings": "paper-conference",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "techreport": "report",
    "online": "webpage",
    "misc": "document",
}
CSL_FIELDS = {
    "journal": "container-title",
    "journaltitle": "container-title",
    "booktitle": "container-title",
    "volume": "volume",
    "part": "part-number",  # a volume's part, "vol. 5, book 2" (CSL 1.0.2)
    "number": "issue",
    "pages": "page",
    "publisher": "publisher",
    "address": "publisher-place",
    "location": "publisher-place",
    "doi": "DOI",
    "isbn": "ISBN",
    "url": "URL",
    "note": "note",
    "series": "collection-title",
    "edition": "edition",
}


def to_csl(entry: BibEntry) -> dict[str, Any]:
    """One entry as a CSL-JSON item.

    An original-script title (`origtitle`) follows the romanised one in
    parentheses, as the sources print it; an original-script name
    (`nameaddon`) follows the first author's given name in brackets. The
    title keeps its emphasis marks (see `BibEntry.rich_title`).

    Args:
        entry: The entry.

    Returns:
        The CSL-JSON item.
    """
    fields = entry.fields
    csl_type = CSL_TYPES.get(entry.type, "book")
    if csl_type == "article-journal" and not (fields.get("journal") or fields.get("journaltitle")):
        csl_type = "document"  # an article whose journal is unknown: say what is known, not "Edition."
    item: dict[str, Any] = {"id": entry.key, "type": csl_type}
    title = entry.rich_title or fields.get("title", "")
    if fields.get("origtitle"):
        title = f"{title} ({fields['origtitle']})"
    item["title"] = title
    if entry.year[:4].isdigit():  # "2008a": the letter only tells works of one author and year apart
        item["issued"] = {"date-parts": [[int(entry.year[:4])]]}
    for bib_name, csl_name in CSL_FIELDS.items():
        if fields.get(bib_name) and bib_name != "note":
            item[csl_name] = fields[bib_name]
    for role in ("author", "editor", "translator"):
        names = entry.names.get(role)
        if names:
            item[role] = [_csl_name(n) for n in names]
    if fields.get("nameaddon") and item.get("author"):
        first = item["author"][0]
        first["given"] = f"{first.get('given', '')} [{fields['nameaddon']}]".strip()
    return item


def _csl_name(name: Name) -> dict[str, str]:
    if name.literal:
        return {"literal": name.family}
    return {"family": name.family, "given": name.given}


def with_text(value: Any, change: Callable[[str], str]) -> Any:
    """A CSL-JSON value with `change` applied to every string in it (its names' parts, its titles …)."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [with_text(v, change) for v in value]
    if isinstance(value, dict):
        return {name: with_text(v, change) for name, v in value.items()}
    return value


def emphasis_as_html(text: str) -> str:
    """Text with a title's emphasis marks (`BibEntry.rich_title`) as the `<i>` CSL processors read in a field."""
    return text.replace(EMPHASIS_START, "<i>").replace(EMPHASIS_END, "</i>")
