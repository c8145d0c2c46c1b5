"""One item, every format: what each writer keeps, and what no static file carries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marginalia.bibliography.entries import load_bibliography
from marginalia.citing.formats import highwire_tags, to_bibtex, to_csl, to_ris
from marginalia.citing.item import Item
from marginalia.citing.works import works_files

URL = "https://example.org/t/"
EDITED_BOOK = Item(
    "book",
    "A Short History",
    URL,
    "2020",
    editors=("Shen, Zhihua",),
    translators=("Xia, Yafeng",),
    publisher="Palgrave",
    place="Singapore",
    series="China Connections",
    doi="10.1007/978-981-13-8641-1",
    isbn=("978-981-13-8640-4", "978-981-13-8641-1"),
)
REPRINT = Item("webpage", "The relationship", URL, "2026-11-30", "2020", ("Radchenko, Sergey",), container="Site")
PART = Item("chapter", "Preface", URL, "2020", authors=("Shen, Zhihua",), container="A Short History", pages="v–xii")


def test_an_edited_book_is_a_biblatex_collection_with_location_and_one_isbn() -> None:
    bibtex = to_bibtex(EDITED_BOOK, "k")
    assert bibtex.startswith("@collection{k,\n  editor     = {Shen, Zhihua},\n  translator = {Xia, Yafeng},\n")
    assert "  location   = {Singapore},\n" in bibtex and "address" not in bibtex
    assert "  isbn       = {978-981-13-8640-4},\n" in bibtex
    assert to_bibtex(Item("book", "B", URL, "2020", authors=("Doe, Jane",)), "b").startswith("@book{b,")


def test_ris_gives_zotero_a_books_doi_and_every_isbn() -> None:
    ris = to_ris(EDITED_BOOK, "k")
    assert "A3  - Shen, Zhihua\nA4  - Xia, Yafeng\n" in ris  # Zotero: A3 is a book's editor, A4 a translator
    assert "T2  - China Connections\n" in ris  # a book's series
    assert "SN  - 978-981-13-8640-4 978-981-13-8641-1\n" in ris
    assert "M2  - DOI: 10.1007/978-981-13-8641-1\n" in ris and "DO  - 10.1007/978-981-13-8641-1\n" in ris
    assert to_csl(EDITED_BOOK, "k")["note"] == "DOI: 10.1007/978-981-13-8641-1"


def test_a_reprint_carries_both_dates_and_no_access_date_or_version() -> None:
    bibtex, ris, csl = to_bibtex(REPRINT, "k"), to_ris(REPRINT, "k"), to_csl(REPRINT, "k")
    assert "  date         = {2026-11-30},\n  origdate     = {2020},\n" in bibtex
    assert "  organization = {{Site}},\n" in bibtex and "author       = {Radchenko, Sergey}" in bibtex
    assert "PY  - 2026\nDA  - 2026/11/30\nM2  - Original Date: 2020\n" in ris
    assert csl["issued"] == {"date-parts": [[2026, 11, 30]]} and csl["original-date"] == {"date-parts": [[2020]]}
    assert csl["container-title"] == "Site" and "literal" not in str(csl["author"])
    for text in (bibtex, ris, str(csl)):
        assert "urldate" not in text and "Y2  -" not in text and "accessed" not in text and "version" not in text


@pytest.mark.parametrize(("pages", "first", "last"), [("v–xii", "v", "xii"), ("45", "45", "")])
def test_page_ranges_in_every_format(pages: str, first: str, last: str) -> None:
    part = Item("chapter", "Preface", URL, "2020", container="Book", pages=pages)
    assert f"pages     = {{{pages.replace('–', '--')}}}" in to_bibtex(part, "k")
    assert f"SP  - {first}\n" in to_ris(part, "k") and (f"EP  - {last}\n" in to_ris(part, "k") or not last)
    tags = dict(highwire_tags(part))
    assert tags["citation_firstpage"] == first and tags.get("citation_lastpage", "") == last


def test_highwire_tags_say_the_zotero_type() -> None:
    tags = highwire_tags(PART)
    assert ("citation_inbook_title", "A Short History") in tags and ("citation_book_title", "A Short History") in tags
    assert ("DC.type", "bookSection") in tags
    assert ("DC.type", "webpage") in highwire_tags(REPRINT)
    assert ("citation_publication_date", "2026/11/30") in highwire_tags(REPRINT)


def test_a_bibliography_pages_works_in_three_files(tmp_path: Path) -> None:
    (tmp_path / "works.bib").write_text(
        "@collection{selvage2008foreign,\n  editor = {Selvage, D.E. and others},\n  title = {Foreign Relations},\n"
        "  year = {2008},\n  publisher = {Office of the Historian},\n}\n\n"
        "@misc{radchenko2020sino,\n  author = {Radchenko, Sergey},\n  title = {The {Sino-Russian} relationship},\n"
        "  year = {2020},\n}\n",
        encoding="utf-8",
    )
    entries = list(load_bibliography(tmp_path).entries.values())
    files = dict(works_files("texts/a-text/bibliography.md", entries))
    assert list(files) == [f"texts/a-text/bibliography/works.{e}" for e in ("bib", "ris", "json")]
    bib, ris, csl = files.values()
    assert bib.count("@") == 2 and "Selvage, D.E. and others" in bib  # the editors' entries as written
    assert [line for line in ris.splitlines() if line.startswith(("TY", "A3", "ED", "UR"))] == [
        "TY  - BOOK",
        "A3  - Selvage, D.E.",  # "others" is no person
        "TY  - GEN",  # a work whose journal is unknown
    ]
    items = json.loads(csl)
    assert [item["id"] for item in items] == ["selvage2008foreign", "radchenko2020sino"]
    assert items[0]["editor"] == [{"family": "Selvage", "given": "D.E."}]
    assert "URL" not in items[0] and items[1]["type"] == "document"
