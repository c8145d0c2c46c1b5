"""A site built from hostile input: no payload anywhere in its pages or files, every character as written.

The root `roots/hostile-input` has one text, one bib file, one glossary file
and one editorial file full of payloads; each payload calls `alert` with the
name of the place it was put in. The browser test (`browser/test_hostile.py`)
loads the same pages with a dialog handler and the Content-Security-Policy.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from bibtexparser.entrypoint import parse_string
from bs4 import BeautifulSoup

from helpers import bibtex_value
from sitebuild import SiteResult, build_site, page

HOSTILE = Path(__file__).resolve().parent / "roots" / "hostile-input"
TEXT = "texts/hostile-2024/"
TITLE = " ".join(yaml.safe_load((HOSTILE / TEXT / "text.yml").read_text(encoding="utf-8"))["title"].split())
LEGIT = "a < b and c > d, AT&T, {curly braces}, 100% sure, back\\slash, LaTeX \\emph{word}, <3, x<y"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    result = build_site(HOSTILE, tmp_path_factory.mktemp("hostile"), strict=True)
    assert result.returncode == 0, result.output
    return result


def _payload_markup(soup: BeautifulSoup) -> list[str]:
    found = []
    for element in soup.find_all(True):
        if element.name == "script" and not element.get("src") and "json" not in element.get("type", ""):
            found.append("inline script")
        if element.name in {"iframe", "object", "embed"} or (element.name == "img" and element.get("src") == "x"):
            found.append(str(element))
        for name, value in element.attrs.items():
            if name.startswith("on") or (isinstance(value, str) and value.strip().lower().startswith("javascript:")):
                found.append(f"{element.name}[{name}]")
    return found


def test_no_payload_in_any_page(hostile: SiteResult) -> None:
    pages = sorted(hostile.site.rglob("*.html"))
    assert len(pages) > 8
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert _payload_markup(soup) == [], path


def test_every_character_shows_as_written(hostile: SiteResult) -> None:
    text = page(hostile, TEXT + "index.html")
    assert text.select_one("article h1").get_text().rstrip("¶") == TITLE
    assert text.title.get_text() == f"{TITLE} - Hostile input"
    assert LEGIT in text.select_one("p#p-2").get_text()
    assert text.select_one("p#p-2 sup#fnref\\:2 a.footnote-ref").get_text() == "2"
    assert "<script>alert('paragraph')</script>" in text.select_one("p#p-1").get_text()
    assert "[link](javascript:alert('link'))" in text.select_one("p#p-1").get_text()
    assert text.select_one("p#p-1 a[href='https://example.org/ok']").get_text() == "good link"
    assert "{: onmouseover=alert('attr') }" in text.select_one("p#p-3").get_text()
    assert [e.name for e in text.select("p#p-3 b, p#p-3 i, p#p-3 sub, p#p-3 br")] == ["b", "i", "sub", "br"]
    assert "1 Inert markup <svg onload=alert('heading')>¶" in [h.get_text() for h in text.select("article h2")]
    assert "<script>alert('footnote')</script>" in text.select_one("li#fn\\:1").get_text()
    note = text.select_one(".editorial-note").get_text()
    assert "Editorial <script>alert('editorial')</script> note with <img src=x onerror=alert('ed-img')>" in note
    home = page(hostile, "index.html").select_one("article").get_text()
    assert TITLE in home
    assert "Eve<img src=x onerror=alert('author')> Evil" in home
    glossary = page(hostile, "glossary/eve-evil/index.html")
    assert (
        glossary.select_one("article h1").get_text().rstrip("¶") == "Eve Evil<img src=x onerror=alert('glossary-name')>"
    )
    # (cut at a word's end: the script tag that follows, one long word, is past the snippet's width)
    assert [k.get_text() for k in glossary.select(".kwic")] == ["…Eve Evil said: a < b & c, {braces} and…"]


def test_bibtex_fields_are_text_and_emphasis_is_emphasis(hostile: SiteResult) -> None:
    reference = page(hostile, TEXT + "bibliography/index.html").select_one("#bad2001 .bib-reference")
    # Shown as text, set as a reference is (typographic quotation marks, as citeproc-js prints them; title case).
    assert reference.get_text().startswith("Bad, Bob <img src=x onerror=alert(‘bib-author’)>. 2001.")
    assert "<script>alert(‘bib-title’)</script>" in reference.get_text()
    assert "Press <svg onload=alert(‘bib-publisher’)>" in reference.get_text()
    assert [i.get_text() for i in reference.select("i i")] == ["emphasis"]


def test_citation_files_and_json_ld_hold_the_title_exactly(hostile: SiteResult) -> None:
    folder = hostile.site / TEXT
    library = parse_string((folder / "reader-texts-hostile-2024.bib").read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    assert [e.key for e in library.entries] == ["reader-texts-hostile-2024"]
    assert bibtex_value(library.entries[0].fields_dict["title"].value) == TITLE
    ris = (folder / "reader-texts-hostile-2024.ris").read_text(encoding="utf-8").splitlines()
    assert [line for line in ris if line.startswith("ER  -")] == ["ER  - "]
    assert f"TI  - {TITLE}" in ris
    assert json.loads((folder / "reader-texts-hostile-2024.json").read_text(encoding="utf-8"))[0]["title"] == TITLE
    json_ld = page(hostile, TEXT + "index.html").select_one("script[type='application/ld+json']").string
    assert "<" not in json_ld
    assert json.loads(json_ld)["name"] == TITLE


def test_cards_keep_every_character_of_their_preview(hostile: SiteResult) -> None:
    text = page(hostile, TEXT + "index.html")
    card = text.select_one('a.glossary-term[data-entry="eve-evil"]')["title"]
    assert card.endswith(
        "A person <script>alert('glossary-description')</script> {: onclick=alert('g-attr') }"
        " *not* __emphasis__ `nor code` [nor](link) \\* ![nor image](x)"
    )
