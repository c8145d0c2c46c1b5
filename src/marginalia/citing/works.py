"""A bibliography page's works in one download each: BibTeX, RIS and CSL-JSON, for a reader's reference manager.

The BibTeX is the editors' own entries as written in `bib/`; RIS and CSL-JSON are written from each entry by
the writers of the pages' own citations (`marginalia.citing.formats`), so Zotero, citation-js and biber read all
three as they read those (`tests/test_reference_managers.py`). BibTeX's `others` (authors a source leaves
unnamed) has no place in RIS or CSL-JSON, where it would read as a person named "others": it is left out.
"""

from __future__ import annotations

import json

from marginalia.bibliography.csl import CSL_TYPES
from marginalia.bibliography.entries import EMPHASIS_END, EMPHASIS_START, BibEntry
from marginalia.citing.formats import to_csl, to_ris
from marginalia.citing.item import Item, written_name
from marginalia.urls import WORKS_FORMATS, works_file


def work_item(entry: BibEntry) -> Item:
    """An entry of `bib/` as a citable item.

    Args:
        entry: The entry.

    Returns:
        The item: its type, title (with an original-script title after it in parentheses, as `to_csl` gives
        it), year, names and publication details; no URL unless the entry has one.
    """
    fields = entry.fields
    kind = CSL_TYPES.get(entry.type, "book")
    container = fields.get("journal") or fields.get("journaltitle") or fields.get("booktitle", "")
    if kind == "article-journal" and not container:
        kind = "document"  # an article whose journal is unknown
    title = (entry.rich_title or fields.get("title", "")).replace(EMPHASIS_START, "").replace(EMPHASIS_END, "")
    if fields.get("origtitle"):
        title = f"{title} ({fields['origtitle']})"
    return Item(
        type=kind,
        title=title,
        url=fields.get("url", ""),
        issued=entry.year[:4] if entry.year[:4].isdigit() else "",
        authors=_names(entry, "author"),
        editors=_names(entry, "editor"),
        translators=_names(entry, "translator"),
        container=container,
        volume=fields.get("volume", ""),
        issue=fields.get("number", ""),
        pages=fields.get("pages", "").replace("--", "–"),
        publisher=fields.get("publisher", ""),
        place=fields.get("location") or fields.get("address", ""),
        series=fields.get("series", ""),
        doi=fields.get("doi", ""),
        isbn=tuple(fields.get("isbn", "").split()),
    )


def works_files(page: str, entries: list[BibEntry]) -> list[tuple[str, str]]:
    """A bibliography page's works as files beside it (`works.bib`, `works.ris`, `works.json`).

    Args:
        page: The bibliography page's path under `docs/`.
        entries: Its works, in the page's order.

    Returns:
        Each file's path under `docs/` and its content.
    """
    contents = {
        "bib": "\n".join(entry.raw.strip() + "\n" for entry in entries),
        "ris": "\n".join(to_ris(work_item(entry), entry.key) for entry in entries),
        "json": json.dumps([to_csl(work_item(entry), entry.key) for entry in entries], ensure_ascii=False, indent=2)
        + "\n",
    }
    return [(works_file(page, extension), contents[extension]) for extension, _ in WORKS_FORMATS]


def _names(entry: BibEntry, role: str) -> tuple[str, ...]:
    return tuple(written_name(name) for name in entry.names.get(role, ()) if not name.is_others)
