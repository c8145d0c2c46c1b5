"""Write one `Item` as CSL-JSON, BibTeX (biblatex), RIS and Highwire head tags.

Each writer keeps what the format defines and what Zotero's importer for it
keeps (tested with the real translation-server in `tests/test_zotero.py`):

- dates: the item's date is CSL `issued`, BibTeX `date` (and `year`), RIS
  `DA` (and `PY`); a reprint's original date is CSL `original-date`, BibTeX
  `origdate`, and in RIS, which has no such tag, `M2` "Original Date: …",
  which Zotero keeps in Extra where its citation processor reads it (so
  does a DOI for a type whose Zotero item has no DOI field);
- no static file carries an access date: the reader's own is added by the
  page's copy and download buttons (`docs/javascripts/cite-paragraph.js`);
- no `version`: a hyphenated version reads as a range in CSL ("Versions");
- a web page's site is CSL `container-title`, RIS `T2`, BibTeX
  `organization`, and never an author.
"""

from __future__ import annotations

from typing import Any

from marginalia.citing.bibtex import bibtex_entry, bibtex_names, corporate, one_line
from marginalia.citing.item import ZOTERO_TYPES, Item

BIBTEX_TYPES = {
    "article-journal": "article",
    "chapter": "incollection",
    "book": "book",
    "manuscript": "unpublished",
    "report": "report",
    "thesis": "thesis",
    "webpage": "online",
}
RIS_TYPES = {
    "article-journal": "JOUR",
    "chapter": "CHAP",
    "book": "BOOK",
    "manuscript": "MANSCPT",
    "report": "RPRT",
    "thesis": "THES",
    "webpage": "ELEC",
    "document": "GEN",
    "paper-conference": "CPAPER",
}
ZOTERO_DOI_TYPES = frozenset({"article-journal", "report", "thesis"})
"""Types whose Zotero item has a DOI field; for the others Zotero keeps a CSL `note` "DOI: …" in Extra."""
PUBLISHER_TAGS = {"report": "citation_technical_report_institution", "thesis": "citation_dissertation_institution"}
"""Google Scholar's tag for who published a report or a thesis (Zotero: institution, university)."""
RIS_EDITOR = {"chapter": "A2", "book": "A3"}
"""The RIS tag Zotero reads as the item's editor, by type (`ED` elsewhere)."""


def to_csl(item: Item, key: str) -> dict[str, Any]:
    """The item as a CSL-JSON item.

    Args:
        item: The item.
        key: Its id.

    Returns:
        The CSL-JSON item.
    """
    csl: dict[str, Any] = {"id": key, "type": item.type, "title": item.title}
    for role, names in (("author", item.authors), ("editor", item.editors), ("translator", item.translators)):
        if names:
            csl[role] = [_csl_name(name) for name in names]
    if item.issued:  # a page always has a date; a work of `bib/` may have none
        csl["issued"] = _csl_date(item.issued)
    if item.original_date:
        csl["original-date"] = _csl_date(item.original_date)
    for name, value in (
        ("container-title", item.container),
        ("collection-title", item.series),
        ("volume", item.volume),
        ("issue", item.issue),
        ("page", item.pages),
        ("publisher", item.publisher),
        ("publisher-place", item.place),
        ("archive", item.archive),
        ("archive_location", item.archive_location),
        ("DOI", item.doi),
        ("ISBN", " ".join(item.isbn)),
        ("note", f"DOI: {item.doi}" if item.doi and item.type not in ZOTERO_DOI_TYPES else ""),
        ("URL", item.url),
    ):
        if value:
            csl[name] = value
    return csl


def to_bibtex(item: Item, key: str, *, paragraph: int = 0) -> str:
    """The item as a biblatex entry that BibTeX, JabRef and Zotero also read.

    Args:
        item: The item.
        key: Its key.
        paragraph: A paragraph to cite (its permalink and "¶ N"), or 0 for the whole page.

    Returns:
        The entry.
    """
    entry_type = BIBTEX_TYPES[item.type]
    if entry_type == "book" and not item.authors and item.editors:
        entry_type = "collection"
    fields: dict[str, str] = {}
    for role, names in (("author", item.authors), ("editor", item.editors), ("translator", item.translators)):
        if names and not (role == "translator" and entry_type == "unpublished"):
            fields[role] = bibtex_names(names)
    fields["title"] = item.title
    container = {"article": "journaltitle", "incollection": "booktitle", "online": "organization"}.get(entry_type)
    if container and item.container:
        fields[container] = corporate(item.container) if container == "organization" else item.container
    for name, value in (("series", item.series), ("volume", item.volume), ("number", item.issue)):
        if value:
            fields[name] = value
    if item.publisher:
        fields["institution" if entry_type in ("report", "thesis") else "publisher"] = item.publisher
    if entry_type in ("report", "thesis"):
        fields["type"] = "Report" if entry_type == "report" else "Thesis"  # text.yml does not say which degree
    if item.place:
        fields["location"] = item.place
    if item.archive:
        fields["howpublished"] = ", ".join(filter(None, (item.archive, item.archive_location)))
    fields["year"] = item.issued[:4]
    fields["date"] = item.issued
    if item.original_date:
        fields["origdate"] = item.original_date
    if item.pages:
        fields["pages"] = item.pages.replace("–", "--")
    if item.isbn:
        fields["isbn"] = item.isbn[0]
    if item.doi:
        fields["doi"] = item.doi
    fields["url"] = f"{item.url}#p-{paragraph}" if paragraph else item.url
    if paragraph:
        fields["note"] = f"¶ {paragraph}"
    return bibtex_entry(entry_type, f"{key}-p{paragraph}" if paragraph else key, fields)


def to_ris(item: Item, key: str) -> str:
    """The item as an RIS record.

    Args:
        item: The item.
        key: Its id.

    Returns:
        The record, ending with a newline.
    """
    lines = [f"TY  - {RIS_TYPES[item.type]}"]
    lines += [f"AU  - {name}" for name in item.authors]
    editor_tag = RIS_EDITOR.get(item.type, "ED")
    lines += [f"{editor_tag}  - {name}" for name in item.editors]
    lines += [f"A4  - {name}" for name in item.translators]
    lines.append(f"TI  - {item.title}")
    for tag, value in (
        ("T2", item.container),
        ("T3" if item.type == "chapter" else "T2", item.series),
        ("VL", item.volume),
        ("IS", item.issue),
        ("PB", item.publisher),
        ("CY", item.place),
        ("DB", item.archive),
        ("AN", item.archive_location),
    ):
        if value:
            lines.append(f"{tag}  - {value}")
    if item.pages:
        start, _, end = item.pages.partition("–")
        lines += [f"SP  - {start}", *([f"EP  - {end}"] if end else [])]
    if item.issued:
        lines += [f"PY  - {item.issued[:4]}", f"DA  - {item.issued.replace('-', '/')}"]
    if item.original_date:
        lines.append(f"M2  - Original Date: {item.original_date}")
    if item.doi and item.type not in ZOTERO_DOI_TYPES:
        lines.append(f"M2  - DOI: {item.doi}")
    if item.isbn:
        lines.append(f"SN  - {' '.join(item.isbn)}")  # one SN: Zotero keeps only the first of several
    if item.doi:
        lines.append(f"DO  - {item.doi}")
    lines += [*([f"UR  - {item.url}"] if item.url else []), f"ID  - {key}"]
    # Every value on one line, so that no value can end the record or start another.
    return (
        "".join(f"{tag}  - {one_line(value)}\n" for tag, _, value in (line.partition("  - ") for line in lines))
        + "ER  - \n"
    )


def highwire_tags(item: Item) -> list[tuple[str, str]]:
    """Google Scholar's `citation_*` tags (and Dublin Core's type and date) for a text's page.

    Scholar's rules: one `citation_author` per author; the journal's title,
    volume, issue and pages for an article; for a part of a book, the book's
    title as `citation_inbook_title` and `citation_book_title`. Zotero reads
    the same tags; `DC.type` tells it a page of this reader from an article,
    which a lone `citation_title` would make it guess.

    Args:
        item: The page's item.

    Returns:
        (name, content) pairs.
    """
    tags = [("citation_title", item.title), *(("citation_author", name) for name in item.authors)]
    tags += [("citation_editor", name) for name in item.editors]
    if item.type == "article-journal":
        tags.append(("citation_journal_title", item.container))
    elif item.type == "chapter":
        tags += [("citation_inbook_title", item.container), ("citation_book_title", item.container)]
    tags.append(("citation_publication_date", item.issued.replace("-", "/")))
    for name, value in (
        ("citation_volume", item.volume),
        ("citation_issue", item.issue),
        ("citation_series_title", item.series),
        (PUBLISHER_TAGS.get(item.type, "citation_publisher"), item.publisher),
        ("citation_doi", item.doi),
    ):
        if value:
            tags.append((name, value))
    if item.pages:
        start, _, end = item.pages.partition("–")
        tags += [("citation_firstpage", start), *([("citation_lastpage", end)] if end else [])]
    tags += [("citation_isbn", isbn) for isbn in item.isbn]
    if item.place:
        tags.append(("eprints.place_of_pub", item.place))
    tags.append(("DC.type", ZOTERO_TYPES[item.type]))
    return tags


def site_tags(item: Item) -> list[tuple[str, str]]:
    """A site page's date for Zotero, as Dublin Core: no `citation_*` tag on pages that are not scholarly."""
    return [("DC.date", item.issued)]


def _csl_name(name: str) -> dict[str, str]:
    family, _, given = name.partition(",")
    return {"family": family.strip(), "given": given.strip()} if given else {"literal": name}


def _csl_date(value: str) -> dict[str, list[list[int]]]:
    return {"date-parts": [[int(part) for part in value.split("-")]]}
