"""Reading in a real browser: previews, sidenotes, permalinks, offline, accessibility, screenshots."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

ARTICLE = "texts/radchenko-2020/"
PAGES = {
    "home": "",
    "article": ARTICLE,
    "preface": "texts/shen-2020-front-matter/preface/",
    "contents": "texts/shen-2020-front-matter/contents/",
    "glossary-entry": "glossary/mao-zedong/",
    "glossary-overview": "glossary/",
    "glossary-index": "glossary/people/",
    "timeline": "glossary/timeline/",
    "bibliography": "bibliography/",
}


def popover(page: Page):  # type: ignore[no-untyped-def]
    return page.locator("#reader-popover")


def test_hover_shows_a_citation_preview_without_moving_the_text(wide: Page, base_url: str) -> None:
    wide.goto(base_url + ARTICLE)
    paragraph = wide.locator("#p-1")
    citation = wide.locator('#p-1 a.citation[data-key="wendt1992anarchy"]')
    citation.scroll_into_view_if_needed()
    before = paragraph.bounding_box()
    height = wide.evaluate("document.documentElement.scrollHeight")
    citation.hover()
    expect(popover(wide)).to_be_visible()
    expect(popover(wide)).to_contain_text("Anarchy Is What States Make of It")
    assert paragraph.bounding_box() == before
    assert wide.evaluate("document.documentElement.scrollHeight") == height
    wide.mouse.move(5, 5)
    expect(popover(wide)).to_be_hidden()


def test_keyboard_focus_shows_a_glossary_card_and_escape_closes_it(wide: Page, base_url: str) -> None:
    wide.goto(base_url + ARTICLE)
    term = wide.locator('#p-1 a.glossary-term[data-entry="xi-jinping"]')
    term.focus()
    expect(popover(wide)).to_be_visible()
    expect(popover(wide)).to_contain_text("Xi Jinping (b. 1953): General Secretary of the Chinese Communist Party")
    assert term.get_attribute("aria-describedby") == "reader-popover"
    wide.keyboard.press("Escape")
    expect(popover(wide)).to_be_hidden()


def test_tap_previews_a_footnote_without_leaving_the_page(narrow: Page, base_url: str) -> None:
    narrow.goto(base_url + ARTICLE)
    narrow.locator('sup[id="fnref:1"] a').tap()
    expect(popover(narrow)).to_be_visible()
    expect(popover(narrow)).to_contain_text("Press statements following Russian–Chinese talks")
    assert urlparse(narrow.url).fragment == ""
    narrow.locator('#p-11 a.citation[data-key="chen2010maos"]').tap()
    expect(popover(narrow)).to_contain_text("Mao’s China and the Cold War")
    assert urlparse(narrow.url).fragment == ""


def test_the_glossary_overview_filters_its_entries_as_a_reader_types(narrow: Page, base_url: str) -> None:
    narrow.goto(base_url + PAGES["glossary-overview"])
    expect(narrow.locator("article")).not_to_contain_text("<input")
    entries = narrow.locator("ul.glossary-list > li")
    total = entries.count()
    assert total > 100
    narrow.locator("input.glossary-filter").fill("ceausescu")
    expect(narrow.locator("ul.glossary-list > li:visible")).to_have_count(1)
    expect(narrow.locator("ul.glossary-list > li:visible a")).to_have_text("Nicolae Ceaușescu")
    expect(narrow.locator(".glossary-filter-status")).to_have_text(f"1 of {total} entries")


def test_sidenotes_on_wide_screens_only(wide: Page, narrow: Page, base_url: str) -> None:
    wide.goto(base_url + ARTICLE)
    notes = wide.locator("aside.sidenote")
    expect(notes).to_have_count(11)
    for index in range(11):
        expect(notes.nth(index)).to_be_visible()
    first_note = notes.nth(0).bounding_box()
    marker = wide.locator('sup[id="fnref:1"]').bounding_box()
    paragraph = wide.locator("#p-1").bounding_box()
    assert first_note and marker and paragraph
    assert first_note["x"] > paragraph["x"] + paragraph["width"]  # in the margin
    assert first_note["x"] + first_note["width"] <= 1600  # and on the screen
    assert abs(first_note["y"] - marker["y"]) < 40  # beside its marker
    narrow.goto(base_url + ARTICLE)
    assert narrow.locator("aside.sidenote:visible").count() == 0
    expect(narrow.locator("div.footnote")).to_be_visible()


def test_permalink_scrolls_to_and_highlights_the_paragraph(wide: Page, base_url: str) -> None:
    wide.goto(base_url + ARTICLE + "#p-12")
    paragraph = wide.locator("#p-12")
    expect(paragraph).to_be_in_viewport()
    background = paragraph.evaluate("element => getComputedStyle(element).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    other = wide.locator("#p-11").evaluate("element => getComputedStyle(element).backgroundColor")
    assert other == "rgba(0, 0, 0, 0)"
    assert wide.locator("#p-12 a.p-permalink").get_attribute("href") == "#p-12"


def test_cite_this_paragraph(wide: Page, base_url: str) -> None:
    wide.goto(base_url + ARTICLE)
    wide.locator("#p-31 button.p-cite").click()
    box = wide.locator("#cite-p-31")
    expect(box).to_be_visible()
    expect(box).to_contain_text("¶ 31. " + "https://sino-soviet-reader.example.org/texts/radchenko-2020/#p-31")
    expect(box.locator("code")).to_contain_text("@online{reader-texts-radchenko-2020-p31,")
    box.locator("button").first.focus()
    wide.keyboard.press("Escape")
    expect(box).to_be_hidden()


@pytest.mark.parametrize("name", PAGES)
def test_no_request_leaves_the_machine(wide: Page, base_url: str, name: str) -> None:
    hosts: set[str] = set()
    wide.on("request", lambda request: hosts.add(urlparse(request.url).hostname or request.url.split(":")[0]))
    wide.goto(base_url + PAGES[name])
    wide.wait_for_load_state("networkidle")
    assert hosts <= {"127.0.0.1", "data"}, hosts


@pytest.mark.parametrize("name", ["home", "article", "glossary-entry", "bibliography"])
def test_no_serious_accessibility_violation(wide: Page, base_url: str, name: str) -> None:
    wide.goto(base_url + PAGES[name])
    results = Axe().run(wide)
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


@pytest.mark.parametrize(
    "name",
    ["home", "article", "preface", "contents", "glossary-overview", "glossary-entry", "timeline", "bibliography"],
)
def test_screenshots(wide: Page, narrow: Page, base_url: str, artifacts: Path, name: str) -> None:
    for page, width in ((wide, 1600), (narrow, 400)):
        page.goto(base_url + PAGES[name])
        page.wait_for_load_state("networkidle")
        path = artifacts / f"{name}-{width}.png"
        page.screenshot(path=str(path), full_page=False)
        assert path.stat().st_size > 10_000


def test_print_shows_each_links_address_once(wide: Page, base_url: str) -> None:
    """A link whose text is its address prints as it is; any other prints its address after it."""
    after = "element => getComputedStyle(element, '::after').content"
    wide.goto(base_url + ARTICLE)
    wide.emulate_media(media="print")
    expect(wide.locator(".md-sidebar--primary")).to_be_hidden()
    expect(wide.locator(".md-header")).to_be_hidden()
    expect(wide.locator("div.footnote")).to_be_visible()
    shown = wide.locator('li[id="fn:1"] a[href^="https://kremlin.ru"]')
    expect(shown).to_have_text("https://kremlin.ru/events/president/news/60672")
    assert shown.evaluate(after) == "none"
    wide.goto(base_url + PAGES["glossary-entry"])
    wide.emulate_media(media="print")
    assert "wikidata.org/wiki/Q5816" in wide.locator('article a[href^="https://www.wikidata.org"]').evaluate(after)


@pytest.mark.parametrize("name", ["article", "glossary-entry", "timeline"])
def test_no_serious_accessibility_violation_in_the_dark_scheme_on_a_phone(browser, base_url: str, name: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 400, "height": 800}, color_scheme="dark", is_mobile=True)
    page = context.new_page()
    page.goto(base_url + PAGES[name])
    violations = Axe().run(page).response["violations"]
    context.close()
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
