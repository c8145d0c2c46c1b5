"""Tiny complete sites, built end to end, with their exact warnings."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from sitebuild import build_site

ROOTS = Path(__file__).resolve().parent / "roots"


MISSING_CITATION = (
    "texts/reader-2026-border/source.md:31: paragraph 2: citation 'Sample 2010, 5' matches no bibliography entry:"
    " add the work to bib/ or an alias to bib/aliases.yml (not_a_citation: true if it is none)"
)


def test_third_text_builds_with_no_code_change(tmp_path: Path) -> None:
    result = build_site(ROOTS / "third-text", tmp_path / "site", strict=False)
    assert result.returncode == 0, result.output
    assert result.warnings == [MISSING_CITATION]
    page = BeautifulSoup((tmp_path / "site/texts/reader-2026-border/index.html").read_text(), "html.parser")
    paragraphs = [p.get_text(" ", strip=True) for p in page.select("p.text-paragraph")]
    assert len(paragraphs) == 4
    assert "the question slept under an ice-bound river until politics woke it." in paragraphs[0]
    assert "prestige is much harder to negotiate than a line on a map" in paragraphs[1]
    assert "the islands were divided between the two sides" in paragraphs[2]
    assert [li["id"] for li in page.select("div.footnote li")] == ["fn:1", "fn:2", "fn:3"]
    assert (
        page.select_one("p.affiliations").get_text(" ", strip=True)
        == "1 Department of Examples, Test University, Nowhere"
    )
    assert [h.get_text().rstrip("¶") for h in page.select("article h2")] == [
        "Abstract",
        "1 A line drawn on water",
        "2 When islands matter",
        "3 Conclusion",
        "Reference",
        "Cite this page",
    ]
    home = BeautifulSoup((tmp_path / "site/index.html").read_text(), "html.parser")
    assert "Rivers as borders" in home.select_one("article").get_text()
    linked = page.select_one('a.citation[data-key="example2001symbols"]')
    assert linked.get_text() == "Example (2001), pp. 10–12"
    assert linked["href"] == "bibliography/#example2001symbols"
    terms = {a["data-entry"]: a.get_text() for a in page.select("a.glossary-term")}
    assert terms == {
        "mao-zedong": "Mao",
        "nikita-khrushchev": "Khrushchev",
        "deng-xiaoping": "Deng Xiaoping",
        "mikhail-gorbachev": "Gorbachev",
    }
    assert page.select_one('a.glossary-term[data-entry="mao-zedong"]')["href"] == "../../glossary/mao-zedong/"
    unresolved = page.select_one("span.citation-unresolved")
    assert unresolved.get_text() == "Sample 2010, 5[?]"


def test_citation_to_a_missing_work_fails_a_strict_build(tmp_path: Path) -> None:
    result = build_site(ROOTS / "third-text", tmp_path / "site", strict=True)
    assert result.returncode != 0
    assert result.warnings == [MISSING_CITATION]


BROKEN_WARNINGS = [
    "bib/broken.bib:5: duplicate key 'twin2001first': rename one of the entries",
    "bib/broken.bib:7: BibTeX syntax error in the entry starting here: check its braces, quotes and commas;"
    " the entry is left out",
    "glossary/people.yml:7: duplicate id 'jane-doe' (first at people.yml:1): rename one",
    "glossary/people.yml:13: glossary entry: kind: Input should be 'person', 'event', 'organization', 'place' or 'term'",
    "glossary/people.yml:1: entry 'jane-doe' names unknown related entry 'nobody': correct the id or remove it from related",
    "glossary/people.yml:17: 'Jane Doe' is claimed by 'jane-doe' (people.yml:1) and 'richard-roe':"
    " keep it on one, or add a phrase rule to rules.yml",
    "texts/broken-2020/source.md:5: tag <b> is not closed on this line: add </b> where it ends",
    "texts/broken-2020/source.md:5: marker <sup>4</sup> has no note text: add a line '<sup>4</sup> text' or remove the marker",
    "texts/broken-2020/source.md:7: note 5 has no marker <sup>5</sup> in the text: add the marker or remove the note",
    "texts/no-meta-2021/text.yml: file is missing: create it (see the editors' guide); the text is left out until this is fixed",
    "texts/broken-2020/source.md:9: paragraph 2: citation 'Twin 2001' is ambiguous, it matches twin2001first, twin2001second:"
    " give the entries year suffixes (2008a, 2008b) or add an alias to bib/aliases.yml",
]


def test_broken_text_warns_with_file_and_line_and_builds_the_rest(tmp_path: Path) -> None:
    result = build_site(ROOTS / "broken-text", tmp_path / "site", strict=False)
    assert result.returncode == 0, result.output
    assert result.warnings == BROKEN_WARNINGS
    page = BeautifulSoup((tmp_path / "site/texts/broken-2020/index.html").read_text(), "html.parser")
    assert "A note nobody marks." in page.select_one("div.unattached-notes").get_text()
    assert (
        "&lt;b&gt;" in str(page.select_one("p.text-paragraph"))
        or "<b>" in page.select_one("p.text-paragraph").get_text()
    )


def test_broken_text_fails_a_strict_build(tmp_path: Path) -> None:
    result = build_site(ROOTS / "broken-text", tmp_path / "site", strict=True)
    assert result.returncode != 0
    assert "Aborted with 11 warnings in strict mode!" in result.output


def test_texts_of_every_shape_build_strict_with_no_warning(tmp_path: Path) -> None:
    """A chapter, a chapter with no headings, two articles, a document, a collection of documents and a review."""
    result = build_site(ROOTS / "formats", tmp_path / "site", strict=True)
    assert result.returncode == 0, result.output
    assert result.warnings == []

    def text(slug: str) -> BeautifulSoup:
        return BeautifulSoup((tmp_path / f"site/texts/{slug}/index.html").read_text(), "html.parser")

    def notes(page: BeautifulSoup) -> list[str]:
        return [li["id"] for li in page.select("div.footnote li")]

    chapter = text("lin-2020-bargaining")
    assert chapter.select_one("p.label").get_text() == "CHAPTER 7"
    assert "M. Lin, in Z. Shen (ed.)" in chapter.select_one("p.source-footer").get_text()
    first = chapter.select_one("p#p-1").get_text()
    assert "to wonder whether the Soviet leader would receive him" in first and "©" not in first
    body = " ".join(p.get_text() for p in chapter.select("p.text-paragraph"))
    for word in ("propaganda", "well-informed", "self-reliance", "Sino-Soviet alliance"):
        assert word in body
    assert notes(chapter) == [f"fn:{n}" for n in range(1, 7)]
    cited = [a["data-key"] for a in chapter.select("div.footnote a.citation")]
    assert cited == [
        "shen2015maoformats",
        "chen2001maos",
        "shen2015maoformats",
        "shen2015maoformats",
        "chen2001maos",
        "chen2001maos",
    ]
    assert "nights of early January" in chapter.select_one("li#fn\\:4").get_text()

    untitled = text("zhou-2020-border-talks")
    assert notes(untitled) == ["fn:1", "fn:2", "fn:3"]
    assert [s["id"] for s in untitled.select("p.text-paragraph sup[id]")] == ["fnref:1", "fnref:2", "fnref:3"]
    assert "sat with the two premiers" in untitled.select_one("li#fn\\:1").get_text()
    assert untitled.select_one("p.doi a")["href"] == "https://doi.org/10.1007/978-981-13-8641-1_21"

    article = text("petrova-2021-ideology")
    assert len(article.select("p.affiliations br")) == 1
    assert [k.get_text() for k in article.select("span.keyword")] == [
        "Sino-Soviet split",
        "ideology",
        "hierarchy",
        "Mao Zedong",
    ]
    assert "cannot be separated without losing" in article.select_one("p#p-2").get_text()
    assert notes(article) == ["fn:1", "fn:2", "fn:3"]

    brackets = text("kim-2022-memory")
    assert notes(brackets) == ["fn:1", "fn:2", "fn:3"]
    assert brackets.select_one("p.byline").get_text(" ", strip=True) == "Ji-won Kim Seoul National University"

    record = text("record-1959-conversation")
    assert [s.get_text() for s in record.select("span.insertion")] == [
        "[illegible]",
        "[sic]",
        "[Zhou Enlai]",
        "[the remainder of the page is illegible]",
    ]
    assert "fond 52, opis 1, delo 499" in record.select_one("p.archive").get_text()

    collection = text("documents-1957-nuclear")
    assert notes(collection) == ["fn:1", "fn:2", "fn:2.1", "fn:2.2"]

    review = text("review-2021-short-history")
    assert "ISBN 978-981-13-8640-4" in review.select_one("p.reviewed-work").get_text()
    assert review.select_one(".signature").get_text(" ", strip=True) == "Anna Example Test University"
    assert len(review.select("p.text-paragraph")) == 3


EXTRACTED_PAGES = {
    "xia-2003-bilateral-politburo-chapter": ["109", "110", "111"],
    "lin-2012-delegation-embassy": ["401", "402"],
    "tanaka-2011-long-alliance": ["iii", "iv"],
    "tanaka-1990-lushun": ["17", "18", "19"],
    "volkov-2018-hanoi": ["233", "234", "235"],
    "wolff-1958-chen-khrushchev": ["233", "234"],
}
"""The printed pages of each text of the `extracted` root, as its PDF numbers them."""


def test_texts_as_extractors_give_them_build_strict_with_their_pages(tmp_path: Path) -> None:
    """Texts typeset by Typst and extracted by pymupdf4llm or from PDF character data, stored as sources: a chapter,
    a working paper, an archival document with a Russian heading block, articles with a table and a quotation
    across a page break. Each page reads cleanly: no furniture, its page marks, its quotations and tables."""
    result = build_site(ROOTS / "extracted", tmp_path / "site", strict=True)
    assert result.returncode == 0, result.output
    assert result.warnings == []
    for slug, pages in EXTRACTED_PAGES.items():
        page = BeautifulSoup((tmp_path / f"site/texts/{slug}/index.html").read_text(), "html.parser")
        article = page.select_one("article")
        marks = [span["data-page"] for span in article.select("span.page-break")]
        assert marks == pages, slug
        body = " ".join(p.get_text(" ") for p in article.select("p.text-paragraph"))
        for furniture in ("WORKING PAPER", "Cold War History 21", "Cold War Studies 23", "Sino-Soviet Relations, 1917"):
            assert furniture not in body, (slug, furniture)
    chapter = BeautifulSoup(
        (tmp_path / "site/texts/xia-2003-bilateral-politburo-chapter/index.html").read_text(), "html.parser"
    )
    assert chapter.select_one("p.label").get_text() == "CHAPTER 10"
    assert chapter.select_one(".epigraphs blockquote p.attribution").get_text() == "— Anastas Mikoyan, 1950"
    document = BeautifulSoup((tmp_path / "site/texts/wolff-1958-chen-khrushchev/index.html").read_text(), "html.parser")
    assert document.select_one("p.archive").get_text(" ").startswith("АПРФ, ф. 45, оп. 1, д. 347, л. 102–109")
    assert document.select_one("p.translators").get_text() == "Translated by David Wolff"
    paper = BeautifulSoup((tmp_path / "site/texts/tanaka-2011-long-alliance/index.html").read_text(), "html.parser")
    assert paper.select_one(".source-table table caption").get_text().startswith("Table 1.")
    assert paper.select_one(".source-table p.table-note").get_text().startswith("Source:")
    article = BeautifulSoup((tmp_path / "site/texts/volkov-2018-hanoi/index.html").read_text(), "html.parser")
    across = article.select_one("article blockquote")  # one quotation, whole across the page break to 234
    assert across.select_one("span.page-break")["data-page"] == "234"
    assert "Peng Dehuai" in across.get_text() and "Pyongyang for conference" in across.get_text()
