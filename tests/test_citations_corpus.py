"""Every citation in both texts, written down by hand from the sources, reaches its entry; nothing else is a citation."""

from __future__ import annotations

from sitebuild import SiteResult, page

ARTICLE = "texts/radchenko-2020/index.html"
PREFACE = "texts/shen-2020-front-matter/preface/index.html"

# (page, citing place, text as printed, key): read off the raw sources.
EXPECTED = [
    (ARTICLE, "p-1", "Wendt 1992", "wendt1992anarchy"),
    (ARTICLE, "p-8", "Heinzig 2015, 298", "heinzig2015soviet"),
    (ARTICLE, "p-11", "Hajimu 2015", "hajimu2015cold"),
    (ARTICLE, "p-11", "Chen 2010", "chen2010maos"),
    (ARTICLE, "p-12", "CPC Literature Research Centre 1989, 6", "literatureresearchcentre1989jianguo"),
    (ARTICLE, "p-13", "Wu 1999", "wu1999shi"),
    (ARTICLE, "p-13", "Lüthi 2008", "luthi2008sino"),
    (ARTICLE, "p-15", "Hershberg and Chen 2006, 193", "hershberg2006informing"),
    (ARTICLE, "p-19", "Mao 1998, 322–333", "mao1998selected"),
    (ARTICLE, "p-20", "Mao 1998, 268", "mao1998selected"),
    (ARTICLE, "p-25", "Fursenko 2015, 720", "fursenko2015prezidium"),
    (ARTICLE, "p-27", "Kireev 2006, 126", "kireev2006rossiia"),
    (ARTICLE, "p-31", "Radchenko 2014, 160", "radchenko2014unwanted"),
    (ARTICLE, "p-32", "Radchenko 2014, 167", "radchenko2014unwanted"),
    (ARTICLE, "fn:2", "Ledovskii et al. (2005), pp. 33–37", "ledovskii2005sovetsko"),
    (ARTICLE, "fn:5", "Shen and Xia (2015)", "shen2015mao"),
    (ARTICLE, "fn:11", "Selva et al. (2008), pp. 534–538", "selvage2008foreign"),
    (
        PREFACE,
        "p-15",
        "Zhihua Shen and Yafeng Xia, Mao and the Sino-Soviet Partnership, 1945–1959: A New History (Lanham, MD: Lexington Books, 2015)",
        "shen2015mao",
    ),
    (
        PREFACE,
        "p-15",
        "Danhui Li and Yafeng Xia, Mao and the Sino-Soviet Split, 1959–1973: A New History (Lanham, MD: Lexington Books, 2018)",
        "li2018mao",
    ),
    (
        PREFACE,
        "fn:1",
        "Lorenz Lüthi, The Sino-Soviet Split: Cold War in the Communist World (Princeton, NJ: Princeton University Press, 2008)",
        "luthi2008sino",
    ),
    (
        PREFACE,
        "fn:1",
        "Sergey Radchenko, Two Suns in the Heavens: The Sino-Soviet Struggle for Supremacy, 1962–1967"
        " (Washington DC: Woodrow Wilson Center Press and Stanford: and Stanford University Press, 2009)",
        "radchenko2009two",
    ),
    (
        PREFACE,
        "fn:1",
        "Austin Jersild, The Sino-Soviet Alliance: An International History (Chapel Hill: University of North Carolina Press, 2014)",
        "jersild2014sino",
    ),
    (
        PREFACE,
        "fn:1",
        "Jeremy Friedman, Shadow Cold War: The Sino-Soviet Competition for the Third World"
        " (Chapel Hill: University of North Carolina Press, 2015)",
        "friedman2015shadow",
    ),
]
SIC = {"literatureresearchcentre1989jianguo", "selvage2008foreign"}


def _citations(site: SiteResult, path: str) -> list[tuple[str, str, str, str]]:
    soup = page(site, path)
    found = []
    for link in soup.select("a.citation, .citation-unresolved"):
        place = link.find_parent(id=True)
        found.append((path, place["id"], link.get_text(), link.get("data-key", "")))
    return found


def test_every_citation_links_to_its_entry_and_nothing_else_does(site: SiteResult) -> None:
    found = [c for path in (ARTICLE, PREFACE) for c in _citations(site, path)]
    assert sorted(found) == sorted(EXPECTED)
    other_pages = [
        "texts/shen-2020-front-matter/index.html",
        "texts/shen-2020-front-matter/notes-on-contributors/index.html",
    ]
    assert all(_citations(site, p) == [] for p in other_pages)


def test_links_reach_an_entry_on_the_texts_bibliography_page(site: SiteResult) -> None:
    for path in (ARTICLE, PREFACE):
        soup = page(site, path)
        bibliography = page(site, "texts/" + path.split("/")[1] + "/bibliography/index.html")
        for link in soup.select("a.citation"):
            key = link["data-key"]
            assert link["href"].endswith(f"bibliography/#{key}")
            assert bibliography.select_one(f'div.bib-entry[id="{key}"]') is not None
            assert link["title"], key


def test_locators_and_sic_marks(site: SiteResult) -> None:
    soup = page(site, ARTICLE)
    locators = {a.get_text(): a.get("data-locator") for a in soup.select("a.citation")}
    assert locators["Mao 1998, 322–333"] == "322–333"
    assert locators["Ledovskii et al. (2005), pp. 33–37"] == "pp. 33–37"
    assert locators["Wendt 1992"] is None
    sics = soup.select("a.citation-sic")
    assert {a["data-key"] for a in sics} == SIC
    for link in sics:
        assert link["title"].startswith("[sic] The text cites")
        assert link.find_next_sibling("span", class_="sic").get_text() == "[sic]"


def test_cited_in_lists_link_back_to_every_citing_place(site: SiteResult) -> None:
    soup = page(site, "bibliography/index.html")
    mao = soup.select_one('div.bib-entry[id="mao1998selected"] .bib-cited-in')
    assert [a["href"] for a in mao.select("a")] == ["../texts/radchenko-2020/#p-19", "../texts/radchenko-2020/#p-20"]
    luthi = soup.select_one('div.bib-entry[id="luthi2008sino"] .bib-cited-in')
    assert [a["href"] for a in luthi.select("a")] == [
        "../texts/radchenko-2020/#p-13",
        "../texts/shen-2020-front-matter/preface/#fn:1",
    ]
    entry = soup.select_one('div.bib-entry[id="wendt1992anarchy"]')
    assert entry.select_one("pre code").get_text().startswith("@article{wendt1992anarchy,")
    assert entry.select_one("a[download]")["href"] == "wendt1992anarchy.bib"
    assert (site.site / "bibliography/wendt1992anarchy.bib").read_text().startswith("@article{wendt1992anarchy,")


def test_text_bibliography_keeps_the_reference_list_order(site: SiteResult) -> None:
    article = page(site, "texts/radchenko-2020/bibliography/index.html")
    keys = [d["id"] for d in article.select("div.bib-entry")]
    assert keys[:3] == ["chen2010maos", "fursenko2015prezidium", "hajimu2015cold"]
    assert keys[-1] == "wu1999shi" and len(keys) == 15
    book = page(site, "texts/shen-2020-front-matter/bibliography/index.html")
    assert [d["id"] for d in book.select("div.bib-entry")] == [
        "luthi2008sino",
        "radchenko2009two",
        "jersild2014sino",
        "friedman2015shadow",
        "shen2015mao",
        "li2018mao",
    ]
