"""Citing on the built site: a cite block on every page, valid BibTeX everywhere, the right head tags per page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pybtex.errors
import pytest
from bibtexparser.entrypoint import parse_string
from pybtex.database import parse_string as pybtex_parse

from marginalia.citing.edition import edition_date
from sitebuild import SiteResult, build_site, page

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "texts/radchenko-2020/index.html"
PREFACE = "texts/shen-2020-front-matter/preface/index.html"
SITE_PAGES = [
    "index.html",
    "glossary/index.html",
    "glossary/mao-zedong/index.html",
    "bibliography/index.html",
    "guide/adding-a-text/index.html",
]
ARTICLE_TAGS = {
    "citation_title",
    "citation_author",
    "citation_publication_date",
    "citation_abstract",
    "citation_keywords",
    "citation_language",
    "citation_public_url",
    "citation_reference",
}
PART_TAGS = {
    "citation_title",
    "citation_author",
    "citation_inbook_title",
    "citation_book_title",
    "citation_series_title",
    "citation_firstpage",
    "citation_lastpage",
    "citation_editor",
    "citation_publisher",
    "citation_isbn",
    "citation_publication_date",
    "citation_language",
    "citation_public_url",
    "citation_reference",
}


def html_pages(site: SiteResult) -> list[Path]:
    return [p for p in site.site.rglob("*.html") if p.name != "404.html"]


def citation_tags(soup: object) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for meta in soup.select('meta[name^="citation_"]'):  # type: ignore[attr-defined]
        tags.setdefault(meta["name"], []).append(meta["content"])
    return tags


def test_every_page_ends_with_a_cite_block_whose_downloads_exist(site: SiteResult) -> None:
    for path in html_pages(site):
        soup = page(site, str(path.relative_to(site.site)))
        block = soup.select_one("div.cite-this")
        assert block is not None, path
        assert block.select_one("pre code.language-bibtex") is not None
        assert block.select_one("p.cite-chicago").get_text().strip()
        downloads = [a for a in block.select("a[download]")]
        assert {a.get_text() for a in downloads} >= {"BibTeX", "RIS", "CSL-JSON"}
        for link in downloads:
            assert (path.parent / link["href"]).resolve().is_file(), (path, link["href"])


def test_every_generated_bibtex_file_parses_cleanly(site: SiteResult) -> None:
    files = list(site.site.rglob("*.bib"))
    assert len(files) > 150
    pybtex.errors.set_strict_mode(True)
    try:
        for path in files:
            text = path.read_text(encoding="utf-8")
            library = parse_string(text)
            assert library.failed_blocks == [], path
            assert library.entries, path
            pybtex_parse(text, "bibtex")
    finally:
        pybtex.errors.set_strict_mode(False)


def test_site_bib_has_one_unique_key_per_page(site: SiteResult) -> None:
    keys = [e.key for e in parse_string((site.site / "site.bib").read_text(encoding="utf-8")).entries]
    assert len(keys) == len(set(keys)) == len(html_pages(site))
    bibliography = parse_string((site.site / "bibliography.bib").read_text(encoding="utf-8"))
    assert {e.key for e in bibliography.entries} >= {
        "radchenko2014unwanted",
        "wu1999shi",
        "radchenko2020sino",
        "li2018mao",
    }


def test_ris_and_csl_json_downloads(site: SiteResult) -> None:
    folder = site.site / "texts/radchenko-2020"
    ris = (folder / "reader-texts-radchenko-2020.ris").read_text(encoding="utf-8")
    assert ris.startswith(
        "TY  - ELEC\nAU  - Radchenko, Sergey\nTI  - The Sino–Russian relationship in the mirror of the Cold War\n"
    )
    assert ris.rstrip().endswith("ER  -")
    item = json.loads((folder / "reader-texts-radchenko-2020.json").read_text(encoding="utf-8"))[0]
    assert item["type"] == "webpage" and item["author"] == [{"family": "Radchenko", "given": "Sergey"}]
    assert item["URL"] == "https://sino-soviet-reader.example.org/texts/radchenko-2020/"


def test_text_pages_cite_the_original_work_and_the_edition(site: SiteResult) -> None:
    block = page(site, ARTICLE).select_one("div.cite-this")
    assert [p.get_text() for p in block.select("p.cite-heading")] == ["The original work", "This page of the edition"]
    bibtex = [code.get_text() for code in block.select("pre code")]
    assert bibtex[0].startswith("@misc{radchenko2020sino,")  # its journal is unknown
    assert bibtex[1].startswith("@online{reader-texts-radchenko-2020,")
    for field in ("url ", "organization ", "date ", "origdate "):
        assert field in bibtex[1]
    for field in ("urldate ", "version "):  # no visit date in a static file; a version is no date range
        assert field not in bibtex[1]
    assert block["data-cite-url"] == "https://sino-soviet-reader.example.org/texts/radchenko-2020/"
    assert "cite one paragraph" in block.select_one("p.cite-paragraph-help").get_text()


def test_article_head_tags(site: SiteResult) -> None:
    soup = page(site, ARTICLE)
    tags = citation_tags(soup)
    assert set(tags) == ARTICLE_TAGS
    assert tags["citation_title"] == ["The Sino–Russian relationship in the mirror of the Cold War"]
    assert tags["citation_author"] == ["Radchenko, Sergey"]
    # The journal is unknown: the page is this reader's reprint, dated by the edition (the original's year travels
    # in the downloads and the Chicago reference).
    assert tags["citation_publication_date"] == [edition_date(ROOT).strftime("%Y/%m/%d")]
    assert soup.select_one('meta[name="DC.type"]')["content"] == "webpage"
    assert tags["citation_keywords"] == ["Sino-Soviet relations; Mao Zedong; Nikita Khrushchev; Cold War"]
    assert len(tags["citation_reference"]) == 15
    ld = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert ld["@type"] == "WebPage" and ld["headline"] == tags["citation_title"][0]
    assert ld["isBasedOn"]["datePublished"] == "2020"


def test_book_part_head_tags(site: SiteResult) -> None:
    soup = page(site, PREFACE)
    tags = citation_tags(soup)
    assert set(tags) == PART_TAGS
    assert "citation_journal_title" not in tags
    assert tags["citation_title"] == ["Preface"]
    assert tags["citation_inbook_title"] == ["A Short History of Sino-Soviet Relations, 1917–1991"]
    assert tags["citation_isbn"] == ["978-981-13-8640-4", "978-981-13-8641-1"]
    assert tags["citation_book_title"] == tags["citation_inbook_title"]
    assert (tags["citation_firstpage"], tags["citation_lastpage"]) == (["v"], ["xii"])  # from the book's contents
    assert "citation_doi" not in tags  # the book's DOI is the book's, not the Preface's
    ld = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert ld["@type"] == "Chapter" and ld["isPartOf"]["@type"] == "Book"


@pytest.mark.parametrize("path", SITE_PAGES)
def test_site_pages_carry_open_graph_but_no_citation_tags(site: SiteResult, path: str) -> None:
    soup = page(site, path)
    assert citation_tags(soup) == {}
    og = {m["property"]: m["content"] for m in soup.select('meta[property^="og:"]')}
    assert og["og:type"] == "website"
    assert og["og:title"] and og["og:site_name"] == "Sino-Soviet Relations, an Annotated Reader"
    assert soup.select_one('meta[name="description"]')["content"]
    assert soup.select_one('link[rel="canonical"]')["href"].startswith("https://sino-soviet-reader.example.org/")
    assert soup.select_one('script[type="application/ld+json"]') is None


def test_glossary_page_describes_itself(site: SiteResult) -> None:
    soup = page(site, "glossary/mao-zedong/index.html")
    assert soup.select_one('meta[name="description"]')["content"].startswith("Leader of the Chinese Communist Party")


def test_two_builds_give_the_same_keys_and_bytes(
    site: SiteResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764460800")  # 2025-11-30
    first = build_site(ROOT, tmp_path / "one", strict=True)
    second = build_site(ROOT, tmp_path / "two", strict=True)
    assert first.returncode == second.returncode == 0
    keys = re.findall(r"^@online\{([^,]+),", (first.site / "site.bib").read_text(), re.MULTILINE)
    assert keys == re.findall(r"^@online\{([^,]+),", (site.site / "site.bib").read_text(), re.MULTILINE)
    assert "date         = {2025-11-30}," in (first.site / "site.bib").read_text()
    for path in sorted(first.site.rglob("*")):  # every file, search index and sitemap included
        if path.is_file():
            twin = second.site / path.relative_to(first.site)
            assert path.read_bytes() == twin.read_bytes(), path
