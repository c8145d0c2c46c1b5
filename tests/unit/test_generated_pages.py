"""Generated pages: finished HTML from our templates, escaped, bounded however many texts mention an entry."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import READER
from marginalia import urls
from marginalia.cache import TextCache
from marginalia.navigation import nav_groups
from marginalia.render import glossary as glossary_pages
from marginalia.render import html
from marginalia.render.bibliography import BibliographyData, render_bibliography_pages
from marginalia.render.glossary import GlossaryData, render_glossary_pages
from marginalia.site import SiteBuild

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def build() -> SiteBuild:
    return SiteBuild.load(READER / "texts", READER / "bib", READER / "glossary")


@pytest.mark.parametrize(
    ("target", "page", "fragment", "url"),
    [
        ("texts/a/index.md", "glossary/mao.md", "p-3", "../../texts/a/#p-3"),
        ("glossary/mao.md", "glossary/index.md", "", "mao/"),
        ("glossary/index.md", "glossary/index.md", "", "./"),
        ("bibliography/index.md", "texts/a/bibliography.md", "k", "../../../bibliography/#k"),
    ],
)
def test_page_urls_follow_directory_urls(target: str, page: str, fragment: str, url: str) -> None:
    assert urls.page_url(target, page, fragment) == url


def test_templates_escape_what_they_are_given() -> None:
    out = html.render_html("glossary-timeline.html", rows=[], ticks=[])
    assert "No dated events yet." in out
    listing = glossary_pages._filter_list([], {}, "glossary/index.md", '<script>"x"</script>')
    assert "<script>" not in listing and "&lt;script&gt;" in listing


def test_many_mentions_show_a_few_per_text_and_the_rest_in_a_json_file(
    build: SiteBuild, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(glossary_pages, "MENTIONS_IN_FULL", 3)
    texts = [(text, [p for p in build.pages if p.path.startswith(f"texts/{text.slug}/")]) for text in build.texts]
    mentions = [m for text in build.texts for m in text.mentions]
    pages = render_glossary_pages(GlossaryData(build.glossary, texts, mentions))
    stalin = next(p for p in pages.entry_pages if p.path == "glossary/joseph-stalin.md")
    soup = BeautifulSoup(stalin.html, "html.parser")
    for listing in soup.select("ul.glossary-mentions"):
        assert len(listing.select("li")) <= glossary_pages.KWIC_PER_TEXT
    rest = json.loads(dict(pages.files)["glossary/mentions/joseph-stalin.json"])
    places = {(m.slug, m.anchor) for m in mentions if m.entry == "joseph-stalin"}
    shown = len(soup.select("span.kwic"))
    assert shown + sum(len(lines) for lines in rest.values()) == len(places)
    wheres = [li.select_one("a").get_text() for li in soup.select("ul.glossary-mentions > li")]
    wheres += [line[1] for lines in rest.values() for line in lines]
    counts = [re.search(r"\((\d+) mentions\)", where) for where in wheres]
    assert sum(int(found[1]) if found else 1 for found in counts) == 39
    more = soup.select_one('button.glossary-more[data-text="radchenko-2020"]')
    assert more.get_text() == f"{len(rest['radchenko-2020'])} more"
    assert soup.select_one("[data-mentions]")["data-mentions"] == "../mentions/joseph-stalin.json"
    assert [h.id for h in stalin.headings] == ["joseph-stalin", "mentions"]  # the title, then its mentions


def test_a_texts_bibliography_lists_its_own_citations_and_counts_the_others(build: SiteBuild) -> None:
    texts = [(text, [p for p in build.pages if p.path.startswith(f"texts/{text.slug}/")]) for text in build.texts]
    pages = render_bibliography_pages(BibliographyData(build.bibliography.entries, build.formatted, texts))
    book = next(p for p in pages if p.path == "texts/shen-2020-front-matter/bibliography.md")
    luthi = BeautifulSoup(book.html, "html.parser").select_one('div.bib-entry[id="luthi2008sino"] .bib-cited-in')
    assert [a["href"] for a in luthi.select("a")] == ["../preface/#fn:1", "../../../bibliography/#luthi2008sino"]
    assert "Also cited in 1 other text." in luthi.get_text()


def test_texts_are_grouped_in_the_navigation_beyond_a_limit() -> None:
    items = [{f"T{n}": f"texts/t{n}/index.md"} for n in range(5)]
    assert nav_groups(items, 5) == items
    assert nav_groups(items, 2) == [{"Texts 1–2": items[:2]}, {"Texts 3–4": items[2:4]}, {"Texts 5–5": items[4:]}]


def test_a_served_rebuild_reuses_unchanged_texts_and_redoes_an_edited_one(tmp_path: Path) -> None:
    for name in ("texts", "bib", "glossary"):
        shutil.copytree(ROOT / name, tmp_path / name)
    cache = TextCache()
    first = SiteBuild.load(tmp_path / "texts", tmp_path / "bib", tmp_path / "glossary", cache)
    meta = tmp_path / "texts" / "radchenko-2020" / "text.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("short_title: The", "short_title: Edited, The"), "utf-8")
    again = SiteBuild.load(tmp_path / "texts", tmp_path / "bib", tmp_path / "glossary", cache)
    assert [p.html for p in again.pages if "shen" in p.path] == [p.html for p in first.pages if "shen" in p.path]
    assert again.texts[0].meta.nav_title.startswith("Edited, ")
    fresh = SiteBuild.load(tmp_path / "texts", tmp_path / "bib", tmp_path / "glossary")
    assert [p.markdown for p in again.pages] == [p.markdown for p in fresh.pages]
    assert [p.html for p in again.pages] == [p.html for p in fresh.pages]
    assert again.diagnostics == fresh.diagnostics
