"""What readers' reference managers make of every kind of page, with the real clients.

For each page kind the test serves the built site on 127.0.0.1 and asks
Zotero's translation-server for the item it saves from the page (`web`) and
from each of the page's `.bib`, `.ris` and `.json` (`import`): all four must
give the item a reader should get (`EXPECTED`), which the visible cite block
shows too. Every citation file must also read cleanly with citation-js in
strict mode and with biber's datamodel validation.

`GAPS` lists what a client cannot carry, so that the test does not ask for it:
each entry says why.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from marginalia.citing.edition import edition_date
from refclients import Zotero, biber_warnings, citation_js, serve, zotero_fields
from sitebuild import SiteResult

ROOT = Path(__file__).resolve().parent.parent
SITE = "Sino-Soviet Relations, an Annotated Reader"
MAIN_URL = "https://sino-soviet-reader.example.org/"
KINDS_URL = "https://example.org/kinds/"
EDITION = edition_date(ROOT).isoformat()
BOOK = "A Short History of Sino-Soviet Relations, 1917–1991"
TRANSLATORS = [("Xia", "Yafeng", "translator"), ("Li", "Hongshan", "translator"), ("Liu", "Xiaohong", "translator")]
BOOK_SHARED = {
    "date": "2020",
    "publisher": "Palgrave Macmillan and Social Sciences Academic Press",
    "place": "Singapore",
    "series": "China Connections",
    "ISBN": ["9789811386404", "9789811386411"],
}


def _site_page(title: str) -> dict[str, Any]:
    return {"itemType": "webpage", "title": title, "creators": [], "date": EDITION, "container": SITE}


def _book_part(title: str, *, signed: bool, pages: str = "") -> dict[str, Any]:
    author = [("Shen", "Zhihua", "author")] if signed else []
    # The imprint says who translated the Preface: "Translated by Yafeng Xia (Preface, and Parts II and III), …".
    translators = TRANSLATORS[:1] if title == "Preface" else TRANSLATORS
    creators = [*author, ("Shen", "Zhihua", "editor"), *translators]
    part = {"itemType": "bookSection", "title": title, "creators": creators, "container": BOOK, "pages": pages}
    return part | BOOK_SHARED


EXPECTED: dict[tuple[str, str], dict[str, Any]] = {
    # A text whose journal is unknown: this reader's page, the original's author (its year is in the files).
    ("main", "texts/radchenko-2020/"): {
        "itemType": "webpage",
        "title": "The Sino–Russian relationship in the mirror of the Cold War",
        "creators": [("Radchenko", "Sergey", "author")],
        "date": EDITION,
        "container": SITE,
    },
    ("main", "texts/shen-2020-front-matter/"): {
        "itemType": "book",
        "title": BOOK,
        "creators": [("Shen", "Zhihua", "editor"), *TRANSLATORS],
        "DOI": "10.1007/978-981-13-8641-1",
        **BOOK_SHARED,
    },
    ("main", "texts/shen-2020-front-matter/preface/"): _book_part("Preface", signed=True, pages="v–xii"),
    ("main", "texts/shen-2020-front-matter/contents/"): _book_part("Contents", signed=False),
    ("main", "texts/shen-2020-front-matter/notes-on-contributors/"): _book_part(
        "Notes on Contributors", signed=False, pages="xiii–xiv"
    ),
    ("main", "texts/shen-2020-front-matter/abbreviations/"): _book_part("Abbreviations", signed=False, pages="xv"),
    ("main", ""): _site_page("Sino-Soviet Relations: an Annotated Reader"),
    ("main", "glossary/"): _site_page("Glossary"),
    ("main", "glossary/mao-zedong/"): _site_page("Mao Zedong"),
    ("main", "bibliography/"): _site_page("Bibliography"),
    ("main", "guide/adding-a-text/"): _site_page("Adding a text"),
    ("kinds", "texts/example-2019-journal/"): {
        "itemType": "journalArticle",
        "title": "Islands in the stream",
        "creators": [("Example", "Anna", "author"), ("Sample", "Boris", "author")],
        "date": "2019",
        "container": "Journal of Imaginary Borders",
        "volume": "12",
        "issue": "3",
        "pages": "101–124",
        "DOI": "10.9999/jib.2019.0003",
    },
    ("kinds", "texts/example-2021-chapter/"): {
        "itemType": "bookSection",
        "title": "The river and the treaty",
        "creators": [("Example", "Anna", "author"), ("Editor", "Erika", "editor"), ("Compiler", "Carl", "editor")],
        "date": "2021",
        "container": "Borders of the Cold War",
        "publisher": "Example University Press",
        "place": "Nowhere",
        "pages": "45–67",
        "DOI": "10.9999/bcw.2021.c3",
        "ISBN": ["9780000000002"],
    },
    ("kinds", "texts/mao-1958-letter/"): {
        "itemType": "manuscript",
        "title": "Letter to the Soviet ambassador",
        "creators": [("Mao", "Zedong", "author"), ("Translator", "Tanya", "translator")],
        "date": "1958-07-22",
        "archive": "Archive of Examples",
        "archiveLocation": "f. 1, op. 2, d. 3",
    },
    ("kinds", "texts/example-2018-report/"): {
        "itemType": "report",
        "title": "Rivers and treaties in the Far East",
        "creators": [("Example", "Anna", "author")],
        "date": "2018",
        "publisher": "Institute of Examples",
        "place": "Nowhere",
    },
    ("kinds", "texts/sample-2017-thesis/"): {
        "itemType": "thesis",
        "title": "Borders that move",
        "creators": [("Sample", "Boris", "author")],
        "date": "2017",
        "publisher": "Test University",
    },
    ("kinds", "texts/example-2022-review/"): {
        "itemType": "journalArticle",
        "title": "A river runs through it [review of Anna Example, Borders of Water (Nowhere: Example Press, 2021)]",
        "creators": [("Sample", "Boris", "author")],
        "date": "2022",
        "container": "Journal of Imaginary Borders",
        "volume": "15",
        "issue": "1",
        "pages": "210–212",
    },
}
FIELDS = (
    "itemType",
    "title",
    "creators",
    "date",
    "container",
    "publisher",
    "place",
    "series",
    "volume",
    "issue",
    "pages",
    "DOI",
    "ISBN",
    "archive",
    "archiveLocation",
)
GAPS: dict[tuple[str, str], str] = {
    ("web", "translator"): "Zotero's page translator reads no tag for translators",
    ("web", "archive"): "Zotero's page translator reads no tag for an archive",
    (
        "web",
        "archiveLocation",
    ): "Zotero's page translator reads an archive location only from DC.coverage, which means else",
    ("bib", "container:webpage"): "Zotero's BibTeX import maps no biblatex @online field to the website title",
    ("bib", "translator:manuscript"): "biblatex's @unpublished has no translator",
    ("bib", "archive"): "Zotero's BibTeX import keeps howpublished in Extra, not as the archive",
    ("bib", "archiveLocation"): "see archive",
    ("bib", "ISBN:more"): "biblatex's isbn holds one ISBN: the first",
}
"""What a client cannot carry: (source, field[:qualifier]) and why."""


@pytest.fixture(scope="session")
def zotero() -> Iterator[Zotero]:
    """Zotero's translation-server, started once per session and stopped at its end."""
    with Zotero.running() as server:
        yield server


@pytest.fixture(scope="session")
def served(site: SiteResult, kinds_site: SiteResult) -> Iterator[dict[str, tuple[SiteResult, str]]]:
    """Both sites served on 127.0.0.1 for the session: name → (built site, base URL)."""
    with serve(site.site) as main, serve(kinds_site.site) as kinds:
        yield {"main": (site, main), "kinds": (kinds_site, kinds)}


def _without_gaps(source: str, expected: dict[str, Any]) -> dict[str, Any]:
    wanted = {name: expected.get(name, [] if name in ("creators", "ISBN") else "") for name in FIELDS}
    item_type = wanted["itemType"]

    def gap(name: str) -> bool:
        return any(key in GAPS for key in ((source, name), (source, f"{name}:{item_type}")))

    for name in ("container", "archive", "archiveLocation"):
        if gap(name):
            wanted[name] = None
    if gap("translator"):
        wanted["creators"] = [c for c in wanted["creators"] if c[2] != "translator"]
    if (source, "ISBN:more") in GAPS:
        wanted["ISBN"] = wanted["ISBN"][:1]
    return wanted


def _compare(source: str, item: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    wanted = _without_gaps(source, expected)
    got = {name: None if wanted[name] is None else item[name] for name in FIELDS}
    return {"got": got, "wanted": wanted}


@pytest.mark.parametrize(("site_name", "path"), list(EXPECTED), ids=[f"{s}:{p or 'home'}" for s, p in EXPECTED])
def test_zotero_gets_the_same_item_from_the_page_and_each_file(
    zotero: Zotero, served: dict[str, tuple[SiteResult, str]], site_name: str, path: str
) -> None:
    built, base = served[site_name]
    expected = {**EXPECTED[(site_name, path)], "url": (MAIN_URL if site_name == "main" else KINDS_URL) + path}
    [from_page] = [zotero_fields(i) for i in zotero.web(base + path)]
    assert from_page["url"] == expected["url"]
    assert from_page["accessDate"], "Zotero dates the reader's own visit"
    compared = _compare("web", from_page, expected)
    assert compared["got"] == compared["wanted"], "web"
    folder = built.site / path
    files = sorted(folder.glob("reader-*.*"))
    assert [f.suffix for f in files] == [".bib", ".json", ".ris"]
    for file in files:
        [from_file] = [zotero_fields(i) for i in zotero.import_file(file)]
        assert from_file["url"] == expected["url"], file.name
        assert from_file["accessDate"] == "", f"{file.name} claims a visit date"
        compared = _compare(file.suffix[1:], from_file, expected)
        assert compared["got"] == compared["wanted"], file.name


@pytest.mark.parametrize(("site_name", "path"), list(EXPECTED), ids=[f"{s}:{p or 'home'}" for s, p in EXPECTED])
def test_visible_cite_block_shows_the_files_item(
    served: dict[str, tuple[SiteResult, str]], site_name: str, path: str
) -> None:
    built, _ = served[site_name]
    folder = built.site / path
    page = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    block = page.select_one("div.cite-this")
    [bib] = folder.glob("reader-*.bib")
    assert block.select("pre code.language-bibtex")[-1].get_text() == bib.read_text(encoding="utf-8").strip()
    chicago = block.select("p.cite-chicago")[-1].get_text()
    expected = EXPECTED[(site_name, path)]
    assert expected["title"].split(" [")[0].lower() in chicago.lower()
    assert expected["date"][:4] in chicago
    for family, _, role in expected["creators"]:
        if role in ("author", "editor"):
            assert family in chicago


def test_reprint_dates_travel_in_every_format(site: SiteResult) -> None:
    folder = site.site / "texts/radchenko-2020"
    bib = (folder / "reader-texts-radchenko-2020.bib").read_text(encoding="utf-8")
    ris = (folder / "reader-texts-radchenko-2020.ris").read_text(encoding="utf-8")
    csl = (folder / "reader-texts-radchenko-2020.json").read_text(encoding="utf-8")
    assert f"date         = {{{EDITION}}}," in bib and "origdate     = {2020}," in bib
    assert f"DA  - {EDITION.replace('-', '/')}\n" in ris and "M2  - Original Date: 2020\n" in ris
    assert '"original-date": {\n      "date-parts": [\n        [\n          2020\n' in csl
    chicago = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert f"Radchenko, Sergey. (2020) {EDITION[:4]}." in chicago.select("p.cite-chicago")[-1].get_text()
    for text in (bib, ris, csl):
        assert "urldate" not in text and "Y2  -" not in text and "accessed" not in text
        assert "version" not in text.lower()


def _citation_files(built: SiteResult) -> list[Path]:
    return sorted(
        [*built.site.rglob("reader-*.bib"), *built.site.rglob("reader-*.ris"), *built.site.rglob("reader-*.json")]
    )


UNSIGNED_PARTS = "(?:contents|abbreviations|notes-on-contributors)"
CITATION_JS_EXCEPTIONS = {
    r"reader-(?!texts-)\S+ has missing fields: author/editor": "a page of the site's own (webpage) has no personal"
    " author, and the site is not its author; biblatex's manual asks for one, its datamodel (biber) does not",
    r"reader-texts-\S+-bibliography has missing fields: author/editor": "a text's bibliography page is the site's",
    rf"reader-texts-\S+-{UNSIGNED_PARTS} has missing fields: author": "an unsigned part of an edited book has editors"
    " and no author",
    r'radchenko2020sino has invalid type: "misc"': "bib/'s Radchenko 2020 is @misc until its journal is known;"
    " citation-js's strict list has no @misc",
}
"""What citation-js's strict mode says that is right as it is (a pattern for the whole complaint), and why."""


def _complaints(problems: list[str]) -> set[str]:
    """One complaint per entry: "key has missing fields: author" (citation-js logs each twice)."""
    complaints = set()
    for problem in problems:
        first, *entries = problem.splitlines()
        complaints |= {e.strip().removeprefix("- ") for e in entries} if first.endswith("Invalid entries:") else {first}
    return complaints


def _works_files(built: SiteResult) -> list[Path]:
    """Each bibliography page's works in one file of each format (`works.bib`, `.ris`, `.json`)."""
    return sorted(built.site.rglob("works.*"))


def test_zotero_imports_a_bibliography_pages_works_in_one_step(zotero: Zotero, site: SiteResult) -> None:
    """Each bibliography page (the site's, each text's) offers its works in three files: each gives Zotero every
    work the page lists, with its title and its people."""
    pages = sorted({file.parent for file in _works_files(site)})
    assert [p.relative_to(site.site).as_posix() for p in pages] == [
        "bibliography",
        "texts/radchenko-2020/bibliography",
        "texts/shen-2020-front-matter/bibliography",
    ]
    for folder in pages:
        listed = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
        keys = [entry["id"] for entry in listed.select("div.bib-entry")]
        found = {}
        for extension in ("bib", "ris", "json"):
            imported = zotero.import_file(folder / f"works.{extension}")
            # (A field Zotero's BibTeX import has no place for becomes a note of its own, attached to its work.)
            items = [zotero_fields(i) for i in imported if i["itemType"] not in ("note", "attachment")]
            assert len(items) == len(keys), f"{folder.name}/works.{extension}"
            found[extension] = sorted((item["title"], len(item.get("creators", []))) for item in items)
        assert found["ris"] == found["json"], folder  # the two written from the same items agree
        # The editors' BibTeX has the same works (its original-script titles in a field of their own).
        assert all(any(ris.startswith(bib) for ris, _ in found["ris"]) for bib, _ in found["bib"]), folder


def test_citation_js_reads_every_file_strictly(site: SiteResult, kinds_site: SiteResult) -> None:
    files = [*_citation_files(site), *_citation_files(kinds_site), *_works_files(site)]
    files += [site.site / "site.bib", site.site / "bibliography.bib", kinds_site.site / "site.bib"]
    excused = set()
    for file, result in citation_js(files).items():
        complaints = _complaints(result["problems"])
        assert [c for c in complaints if not any(re.fullmatch(e, c) for e in CITATION_JS_EXCEPTIONS)] == [], file
        assert result["items"] or complaints, file
        excused |= {e for e in CITATION_JS_EXCEPTIONS for c in complaints if re.fullmatch(e, c)}
    assert excused == set(CITATION_JS_EXCEPTIONS)  # strict mode did run, and every excuse is still needed


def test_biber_validates_every_bibtex_file(site: SiteResult, kinds_site: SiteResult, tmp_path: Path) -> None:
    # site.bib holds every page's entry; bibliography.bib every work of bib/ (the citing-kinds root has none).
    files = {
        "main": site.site / "site.bib",
        "works": site.site / "bibliography.bib",
        "kinds": kinds_site.site / "site.bib",
    }
    for name, file in files.items():
        warnings = biber_warnings(file, tmp_path / f"{name}.bib")
        # The only warning: an unsigned part of an edited book has editors and no author.
        unsigned = rf"WARN - Datamodel: Entry 'reader-texts-\S+-{UNSIGNED_PARTS}' \(\S*/{file.name}\):"
        unexpected = [w for w in warnings if not re.match(unsigned + " Missing mandatory field 'author'$", w)]
        assert unexpected == [], name
        assert len(warnings) == (3 if name == "main" else 0), warnings  # Contents, Notes on Contributors, Abbreviations


def _tags(built: SiteResult, path: str) -> dict[str, list[str]]:
    page = BeautifulSoup((built.site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    tags: dict[str, list[str]] = {}
    for meta in page.select('meta[name^="citation_"]'):
        tags.setdefault(meta["name"], []).append(meta["content"])
    return tags


def test_google_scholar_tags_of_a_journal_article(kinds_site: SiteResult) -> None:
    tags = _tags(kinds_site, "texts/example-2019-journal/")
    assert tags["citation_title"] == ["Islands in the stream"]
    assert tags["citation_author"] == ["Example, Anna", "Sample, Boris"]
    assert tags["citation_publication_date"] == ["2019"]
    assert tags["citation_journal_title"] == ["Journal of Imaginary Borders"]
    assert (tags["citation_volume"], tags["citation_issue"]) == (["12"], ["3"])
    assert (tags["citation_firstpage"], tags["citation_lastpage"]) == (["101"], ["124"])
    assert tags["citation_doi"] == ["10.9999/jib.2019.0003"]
    assert "citation_inbook_title" not in tags


def test_google_scholar_tags_of_a_book_chapter(kinds_site: SiteResult) -> None:
    tags = _tags(kinds_site, "texts/example-2021-chapter/")
    assert tags["citation_title"] == ["The river and the treaty"]
    assert tags["citation_author"] == ["Example, Anna"]
    assert tags["citation_editor"] == ["Editor, Erika", "Compiler, Carl"]
    assert tags["citation_inbook_title"] == tags["citation_book_title"] == ["Borders of the Cold War"]
    assert tags["citation_isbn"] == ["978-0-00-000000-2"]
    assert (tags["citation_firstpage"], tags["citation_lastpage"]) == (["45"], ["67"])
    assert tags["citation_doi"] == ["10.9999/bcw.2021.c3"]  # the chapter's own
    assert "citation_journal_title" not in tags


def test_the_book_doi_is_the_books_alone(site: SiteResult) -> None:
    book = "texts/shen-2020-front-matter/"
    assert _tags(site, book)["citation_doi"] == ["10.1007/978-981-13-8641-1"]
    for part in ("preface/", "contents/", "notes-on-contributors/", "abbreviations/"):
        assert "citation_doi" not in _tags(site, book + part)
        ld = BeautifulSoup((site.site / book / part / "index.html").read_text(), "html.parser")
        assert "identifier" not in json.loads(ld.select_one('script[type="application/ld+json"]').string)
