"""End to end: build the real site strictly and read both texts' pages as a reader would."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from sitebuild import SiteResult, page

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "texts/radchenko-2020/index.html"
BOOK = "texts/shen-2020-front-matter"
SENTENCE_END = re.compile(r"[.?!:…][\"'”’)\]]*$")


def body_paragraphs(soup: BeautifulSoup) -> list[str]:
    texts = []
    for p in soup.select("p.text-paragraph"):
        for link in p.select('a.p-permalink, sup[id^="fnref:"]'):
            link.decompose()
        texts.append(p.get_text("", strip=False).strip())
    return texts


def test_strict_build_has_no_warnings(site: SiteResult) -> None:
    assert site.warnings == []


def test_article_notes_are_attached_both_ways(site: SiteResult) -> None:
    soup = page(site, ARTICLE)
    notes = soup.select("div.footnote li")
    assert [li["id"] for li in notes] == [f"fn:{n}" for n in range(1, 12)]
    for n in range(1, 12):
        assert soup.select_one(f'sup[id="fnref:{n}"] a[href="#fn:{n}"]') is not None
        assert soup.select_one(f'li[id="fn:{n}"] a.footnote-backref[href="#fnref:{n}"]') is not None
    assert notes[0].get_text().strip().startswith("Press statements following Russian–Chinese talks.")
    assert "Reprinted in Ledovskii et al. (2005), pp. 33–37." in notes[1].get_text()
    assert notes[10].get_text().strip().startswith("Memorandum by the President's Assistant")


def test_article_paragraphs_are_whole(site: SiteResult) -> None:
    paragraphs = body_paragraphs(page(site, ARTICLE))
    assert len(paragraphs) == 37
    joined = "\n".join(paragraphs)
    for passage in [
        "on a rollercoaster ride since establishing diplomatic relations in October 1949",
        "to position China in a world overshadowed by the political",
        "unwilling at first to allow it. Stalin's reasons",
        "Mao criticized these policies as “revisionist”",
        "limitations that in 1958 Mao launched the great leap forward",
        "Intermittent ambassadorial talks dragged on",
        "there are also small countries bullying big countries...",
        "and so it would remain. Khrushchev's fall",
        "During their conversation, Deng explained",
        "It could perhaps be described as a quasi-alliance",
    ]:
        assert passage in joined
    for text in paragraphs:
        assert not text[0].islower(), text[:60]
        assert SENTENCE_END.search(text), text[-60:]


def test_article_metadata_is_not_body_text(site: SiteResult) -> None:
    soup = page(site, ARTICLE)
    header = soup.select_one("div.text-header").get_text(" ", strip=True)
    assert "Sergey Radchenko" in header
    assert "Received: 19 September 2019 · Accepted: 23 December 2019 · Published online: 16 January 2020" in header
    assert "1 Law School Building, Cardiff University, Cardiff CF10 3AT, UK" in header
    assert "© The Author(s) 2020" in header
    assert [k.get_text() for k in soup.select(".keywords .keyword")] == [
        "Sino-Soviet relations",
        "Mao Zedong",
        "Nikita Khrushchev",
        "Cold War",
    ]
    body = "\n".join(body_paragraphs(soup))
    for metadata in ["radchenkos@cardiff.ac.uk", "Law School Building", "Received:", "Open Access"]:
        assert metadata not in body
    assert (
        soup.select_one("div.license-statement").get_text().strip().startswith("Open Access This article is licensed")
    )


def test_article_headings_are_one_level(site: SiteResult) -> None:
    soup = page(site, ARTICLE)
    assert [h.get_text().rstrip("¶") for h in soup.select("article h2")] == [
        "Abstract",
        "1 Introduction",
        "2 The Sino–Soviet alliance",
        "3 The Sino–Soviet split",
        "4 The Sino–Soviet normalization",
        "5 Conclusion",
        "Reference",
        "Cite this page",
    ]
    assert soup.select("article h3, article h4") == []
    assert len(soup.select("div.reference-list li")) == 15


def test_book_is_split_into_parts(site: SiteResult) -> None:
    for part in [
        "index.html",
        "preface/index.html",
        "contents/index.html",
        "notes-on-contributors/index.html",
        "abbreviations/index.html",
    ]:
        assert (site.site / BOOK / part).is_file()


def test_book_preface_rejoins_and_links_its_endnote(site: SiteResult) -> None:
    soup = page(site, f"{BOOK}/preface/index.html")
    paragraphs = body_paragraphs(page(site, f"{BOOK}/preface/index.html"))
    assert len(paragraphs) == 16
    joined = "\n".join(paragraphs)
    assert "In addition, we have made great efforts" in joined
    assert "Nonetheless, due to the paucity of original documents" in joined
    assert "we seek to break out of the structural dichotomy" in joined
    assert soup.select_one('sup[id="fnref:1"] a[href="#fn:1"]') is not None
    note = soup.select_one('li[id="fn:1"]')
    assert note.get_text().strip().startswith("Lorenz Lüthi, The Sino-Soviet Split")
    assert note.select_one('a.footnote-backref[href="#fnref:1"]') is not None
    assert soup.select_one("p.signature").get_text("|") == "Shanghai, China|\nAugust 2018|\nZhihua Shen"
    for text in paragraphs:
        assert not text[0].islower() and SENTENCE_END.search(text), text


def test_book_contents_is_a_table(site: SiteResult) -> None:
    soup = page(site, f"{BOOK}/contents/index.html")
    table = soup.select_one("table.contents-table")
    assert len(table.select("tr.contents-part")) == 4
    chapters = table.select("tr.contents-chapter")
    assert [r.select_one(".contents-number").get_text() for r in chapters] == [str(n) for n in range(1, 23)]
    seventeen = chapters[16]
    assert seventeen.select_one(".contents-title").get_text("|") == (
        "Mao's Changing Perceptions of Internal Disturbances and External Threats, Mid-1963 to the End of 1964|Danhui Li"
    )
    assert seventeen.select_one(".contents-page").get_text() == "267"
    assert "<b>" not in str(table) and "&lt;b&gt;" not in str(table)


def test_book_contributors_and_abbreviations(site: SiteResult) -> None:
    contributors = page(site, f"{BOOK}/notes-on-contributors/index.html")
    names = [dt.select_one("strong").get_text() for dt in contributors.select("dl.contributors dt")]
    assert names == ["Danhui Li", "Jun Niu", "Zhihua Shen", "Kuisong Yang"]
    affiliations = [a.get_text() for a in contributors.select(".contributor-affiliation")]
    assert affiliations == [
        "East China Normal University",
        "Peking University",
        "East China Normal University",
        "East China Normal University",
    ]
    assert contributors.select_one("dl.contributors dd em").get_text() == "Lengzhan guojishi yanjiu"
    assert "*" not in contributors.select_one("dl.contributors").get_text()
    abbreviations = page(site, f"{BOOK}/abbreviations/index.html")
    terms = [dt.get_text() for dt in abbreviations.select("dl.abbreviations dt")]
    assert len(terms) == 30 and terms[3] == "CCP" and "KSČ" in terms
    assert abbreviations.select_one("dl.abbreviations dt em").get_text() == "CWIHP"


def test_book_title_page_shows_the_editorial_notes(site: SiteResult) -> None:
    soup = page(site, f"{BOOK}/index.html")
    anchors = soup.select("mark.editorial-anchor")
    assert [a.get_text() for a in anchors] == ["Zhijia Shen", "Shen Zhijia"]
    assert [n["id"] for n in soup.select(".editorial-notes .editorial-note")] == ["ed-1", "ed-2"]
    assert soup.select_one("div.footnote") is None  # editorial notes are never author's notes


def test_home_lists_the_texts(site: SiteResult) -> None:
    soup = page(site, "index.html")
    items = [li.get_text(" ", strip=True) for li in soup.select("article li") if li.select_one('a[href^="texts/"]')]
    assert items == [
        "The Sino–Russian relationship in the mirror of the Cold War : Sergey Radchenko (2020), journal article",
        "A Short History of Sino-Soviet Relations, 1917–1991 : Zhihua Shen (2020), book front matter",
    ]


def test_no_third_party_assets(site: SiteResult) -> None:
    for html in site.site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("link[href], script[src], img[src]"):
            url = tag.get("href") or tag.get("src")
            assert not re.match(r"^(https?:)?//", url) or (tag.name == "link" and tag.get("rel") == ["canonical"]), (
                html,
                url,
            )


def test_api_reference_documents_every_module(site: SiteResult) -> None:
    modules = {
        ".".join(path.relative_to(ROOT / "src").with_suffix("").parts).removesuffix(".__init__")
        for path in (ROOT / "src" / "marginalia").rglob("*.py")
        if path.name != "__main__.py"
    }
    soup = BeautifulSoup((site.site / "developers/api/index.html").read_text(encoding="utf-8"), "html.parser")
    documented = {heading["id"] for heading in soup.select("h2[id^=marginalia]")}
    assert modules <= documented, sorted(modules - documented)
