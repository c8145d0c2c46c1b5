"""The glossary on the built site: mentions counted by hand, linking rules, entry and index pages."""

from __future__ import annotations

import re

import pytest

from helpers import READER
from marginalia.__main__ import main
from sitebuild import SiteResult, page

ARTICLE = "texts/radchenko-2020/index.html"

# Mentions counted by hand in the raw sources (every form, possessives included;
# "Stalin-like", "post-Stalin", "de-Stalinization" and citations such as "Mao 1998" excluded).
HAND_COUNTS = {
    "joseph-stalin": 39,
    "deng-xiaoping": 9,
    "mikhail-gorbachev": 6,
    "anastas-mikoyan": 4,
    "josip-broz-tito": 4,
    "aleksei-kosygin": 2,
    "nicolae-ceausescu": 2,
    "liu-shaoqi": 2,
    "cultural-revolution": 2,
    "korean-war": 1,
}


@pytest.mark.parametrize(("entry", "count"), HAND_COUNTS.items())
def test_entry_pages_list_exactly_the_mentions_counted_by_hand(site: SiteResult, entry: str, count: int) -> None:
    soup = page(site, f"glossary/{entry}/index.html")
    assert soup.select_one("h2#mentions").get_text().rstrip("¶") == f"Mentions ({count})"
    lines = soup.select("ul.glossary-mentions > li")
    places = [line.select_one("a")["href"] for line in lines]
    assert len(places) == len(set(places)), "a paragraph or note listed twice"
    counted = [re.search(r"\((\d+) mentions\)", line.get_text()) for line in lines]
    assert sum(int(found[1]) if found else 1 for found in counted) == count


def test_mentions_are_grouped_by_text_and_section(site: SiteResult) -> None:
    soup = page(site, "glossary/cultural-revolution/index.html")
    assert [h.get_text().rstrip("¶") for h in soup.select("h3")] == [
        "The Sino–Russian relationship in the mirror of the Cold War (1)",
        "A Short History of Sino-Soviet Relations (front matter) (1)",
    ]
    assert [p.get_text() for p in soup.select("p.glossary-section")] == ["3 The Sino–Soviet split", "PREFACE"]
    links = [a["href"] for a in soup.select("article li a")]
    assert links == ["../../texts/radchenko-2020/#p-24", "../../texts/shen-2020-front-matter/preface/#p-2"]


def test_entry_page_shows_what_is_known(site: SiteResult) -> None:
    soup = page(site, "glossary/mao-zedong/index.html")
    assert soup.select_one("h1").get_text().rstrip("¶") == "Mao Zedong"
    meta = soup.select_one(".glossary-meta").get_text()
    assert meta == "Person · 1893–1976 · 毛泽东"
    assert (
        soup.select_one(".glossary-variants").get_text()
        == "Also written: Mao, Chairman Mao, Chairman Mao Zedong, Mao Tse-tung, Мао Цзэдун"
    )
    assert soup.select_one(".glossary-wikidata a")["href"] == "https://www.wikidata.org/wiki/Q5816"
    assert [a.get_text() for a in soup.select(".glossary-related a")] == [
        "Joseph Stalin",
        "Nikita Khrushchev",
        "Liu Shaoqi",
        "Deng Xiaoping",
    ]


def test_linking_rules_in_the_article(site: SiteResult) -> None:
    soup = page(site, ARTICLE)
    rule = soup.select_one('p#p-24 a.glossary-term[data-entry="liu-shaoqi"]')
    assert rule.get_text() == "China’s Khrushchev"
    for link in soup.select("a.glossary-term"):
        assert link.find_parent("a") is None and link.find_parent(["h1", "h2", "h3"]) is None
        assert link["title"].startswith(link["title"].split(":")[0])
    assert "Stalin-like adoration" in soup.select_one("p#p-13").get_text()
    for link in soup.select("a.glossary-term"):  # "Stalin-like", "post-Stalin": never a mention
        after, before = link.next_sibling, link.previous_sibling
        assert not (isinstance(after, str) and after.startswith("-")), link
        assert not (isinstance(before, str) and before.endswith("-")), link
    for citation in soup.select("a.citation"):
        assert citation.select("a.glossary-term") == []
    khrushchev = page(site, "glossary/nikita-khrushchev/index.html")
    assert "China’s Khrushchev" not in [m.get_text() for m in khrushchev.select("span.kwic mark")]


def test_each_entry_is_linked_once_per_section(site: SiteResult) -> None:
    soup = page(site, ARTICLE)
    section = []
    for element in soup.select("article h2, article p.text-paragraph"):
        if element.name == "h2":
            section = []
            continue
        for link in element.select("a.glossary-term"):
            assert link["data-entry"] not in section
            section.append(link["data-entry"])


def test_hover_card_text(site: SiteResult) -> None:
    link = page(site, ARTICLE).select_one('a.glossary-term[data-entry="aleksei-kosygin"]')
    assert link["title"].startswith("Aleksei Kosygin (1904–1980): Chairman of the Soviet Council of Ministers")
    assert link["href"] == "../../glossary/aleksei-kosygin/"


def test_abbreviations_show_their_expansion(site: SiteResult) -> None:
    soup = page(site, ARTICLE)
    expansions = {abbr.get_text(): abbr["title"] for abbr in soup.select("article abbr")}
    assert expansions["CCP"] == "Chinese Communist Party"
    assert expansions["USSR"] == "Union of Soviet Socialist Republics"
    preface = page(site, "texts/shen-2020-front-matter/preface/index.html")
    assert {a.get_text() for a in preface.select("article abbr")} >= {"CCP", "CPSU", "PRC"}


def test_index_pages_filter_on_variants_and_plain_spellings(site: SiteResult) -> None:
    people = page(site, "glossary/people/index.html")
    assert people.select_one("input.glossary-filter")["data-target"] == "glossary-list-people"
    items = {li.select_one("a").get_text(): li["data-search"] for li in people.select("li[data-search]")}
    assert "ceausescu" in items["Nicolae Ceaușescu"] and "ceaușescu" in items["Nicolae Ceaușescu"]
    assert "毛泽东" in items["Mao Zedong"] and "chairman mao" in items["Mao Zedong"]
    places = page(site, "glossary/places/index.html")
    port = next(li for li in places.select("li[data-search]") if li.select_one("a").get_text() == "Port Arthur")
    assert "lushun" in port["data-search"]
    script = (site.site / "javascripts/glossary-filter.js").read_text()
    assert 'normalize("NFKD")' in script
    for kind in ("people", "events", "organizations", "places", "terms"):
        assert (site.site / f"glossary/{kind}/index.html").is_file()


def test_timeline_lists_dated_events_in_order(site: SiteResult) -> None:
    soup = page(site, "glossary/timeline/index.html")
    rows = soup.select("li.timeline-row")
    dates = [row.select_one(".timeline-date").get_text() for row in rows]
    assert dates[0] == "4–11 February 1945" and dates[-1] == "26 December 1991"  # as readers write dates
    years = [int(re.search(r"\d{4}", d).group(0)) for d in dates]
    assert years == sorted(years)
    korean = next(r for r in rows if "Korean War" in r.get_text())
    assert [a["href"] for a in korean.select("a")] == ["../korean-war/", "../korean-war/#mentions"]
    assert all(not re.match(r"^(https?:)?//", s["src"]) for s in soup.select("script[src]"))


def test_curator_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary-report", "--root", str(READER)]) == 0
    report = capsys.readouterr().out
    assert "Capitalized names no entry covers" in report
    assert (
        "radchenko-2020 p-24: “China’s Khrushchev” → liu-shaoqi (rule: China's Khrushchev;"
        ' In the Cultural Revolution Liu Shaoqi was denounced as "China\'s Khrushchev".)'
    ) in report
    assert "  peoples-liberation-army\n" in report  # an entry no text mentions
    assert "Stalin-like (1)" in report
    assert (
        "Texts whose citation lacks details (fill in text.yml):\n  radchenko-2020: container, volume, issue, pages, doi\n"
        in report
    )
    # (The frozen copy of bib/ still has the body's name as it was before its editor put it in double braces.)
    assert (
        "Names in bib/ that read as a body's name cut in two (write it in double braces, {{…}}):\n"
        "  literatureresearchcentre1989jianguo editor: “Literature Research Centre, C.P.C.”\n"
    ) in report
