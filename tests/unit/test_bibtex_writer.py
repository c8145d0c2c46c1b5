"""Generated BibTeX parses cleanly with bibtexparser 2 and pybtex, whatever the characters."""

from __future__ import annotations

import datetime as dt

import pybtex.errors
import pytest
from bibtexparser import middlewares
from bibtexparser.entrypoint import parse_string
from pybtex.database import parse_string as pybtex_parse

from marginalia.citing.bibtex import bibtex_entry, protect_title
from marginalia.citing.catalog import CitationCatalog, CitationKeyCollision, PageSource
from marginalia.citing.item import Item
from marginalia.citing.page import PageCitation, page_key

HOSTILE_TITLES = [
    "50% of R&D costs $3 for item #1",
    "Braces {inside} and under_scores",
    "Tilde ~ caret ^ backslash \\ all together",
    "十年论战: 1956-1966 中苏关系回忆录",
    "The Sino–Russian relationship in the mirror of the Cold War",
    "NATO, the USSR and the CCP",
]
NAMES = [
    "Lüthi, Lorenz M.",
    "van der Berg, Jan",
    "Selvage, D.E. and others",
    "de Gaulle, Charles and Ceaușescu, Nicolae",
]


def assert_parses_cleanly(text: str) -> None:
    library = parse_string(text)
    assert library.failed_blocks == []
    assert len(library.entries) == text.count("\n@") + text.startswith("@")
    pybtex.errors.set_strict_mode(True)
    try:
        pybtex_parse(text, "bibtex")
    finally:
        pybtex.errors.set_strict_mode(False)


@pytest.mark.parametrize("title", HOSTILE_TITLES)
@pytest.mark.parametrize("author", NAMES)
def test_hostile_titles_and_names_round_trip(title: str, author: str) -> None:
    text = bibtex_entry(
        "online", "reader-test", {"author": author, "title": title, "url": "https://example.org/a_b#p-1"}
    )
    assert_parses_cleanly(text)
    decoded = parse_string(
        text, append_middleware=[middlewares.LatexDecodingMiddleware(), middlewares.SeparateCoAuthors()]
    ).entries[0]
    # pylatexenc decodes \textasciicircum{} to U+02C6, the modifier letter circumflex, which LaTeX prints as "^".
    assert decoded["title"].replace("\u02c6", "^") == title
    assert decoded["url"] == "https://example.org/a_b#p-1"
    assert decoded["author"] == author.split(" and ")


def test_capitals_are_protected_word_by_word() -> None:
    assert protect_title("The Sino-Soviet split: Cold War in the communist world") == (
        "The {Sino-Soviet} split: {Cold} {War} in the communist world"
    )
    assert protect_title("NATO, the USSR") == "{NATO}, the {USSR}"


def test_page_keys_come_from_urls() -> None:
    assert page_key("./") == "reader-home"
    assert page_key("texts/radchenko-2020/") == "reader-texts-radchenko-2020"
    assert page_key("glossary/mao-zedong/") == "reader-glossary-mao-zedong"


def test_paragraph_citation_has_locator_and_permalink() -> None:
    item = Item(
        "webpage", "Title", "https://example.org/texts/x/", "2026-11-30", "2020", ("Doe, Jane",), container="Site"
    )
    page = PageCitation("reader-texts-x", "texts/x/", item, dt.date(2026, 11, 30))
    text = page.bibtex(paragraph=12)
    assert "@online{reader-texts-x-p12," in text
    assert "url          = {https://example.org/texts/x/#p-12}," in text
    assert "note         = {¶ 12}," in text
    assert_parses_cleanly(text)
    assert page.ris().startswith("TY  - ELEC\nAU  - Doe, Jane\nTI  - Title\n")


def test_key_collision_stops_the_build() -> None:
    catalog = CitationCatalog("Site", "https://example.org/", dt.date(2026, 1, 1), {}, {}, {})
    with pytest.raises(CitationKeyCollision, match="would share the citation key 'reader-a-b'"):
        catalog.add([PageSource("a/b.md", "a/b/", "One"), PageSource("a-b.md", "a-b/", "Two")])
