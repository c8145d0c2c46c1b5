"""A reader's walk: every kind of page, at a wide screen, a small laptop, a phone and on paper.

What a historian meets first and no unit test sees: markup shown as text, a
page wider than the screen, contents out of reach on a phone, an error in the
console, controls too small to tap, a serious accessibility fault. Each page's
screenshots go to tests/artifacts/walk/ to be looked at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, FloatRect, Locator, Page, expect

from visible_markup import visible_markup

PAGES = {
    "home": "",
    "article": "texts/radchenko-2020/",
    "book-title-page": "texts/shen-2020-front-matter/",
    "book-preface": "texts/shen-2020-front-matter/preface/",
    "book-contents": "texts/shen-2020-front-matter/contents/",
    "book-abbreviations": "texts/shen-2020-front-matter/abbreviations/",
    "book-contributors": "texts/shen-2020-front-matter/notes-on-contributors/",
    "text-bibliography": "texts/radchenko-2020/bibliography/",
    "glossary-overview": "glossary/",
    "glossary-people": "glossary/people/",
    "glossary-events": "glossary/events/",
    "timeline": "glossary/timeline/",
    "person": "glossary/mao-zedong/",
    "event": "glossary/korean-war/",
    "organization": "glossary/chinese-communist-party/",
    "bibliography": "bibliography/",
    "guide": "guide/adding-a-text/",
    "not-found": "no-such-page/",
}
TEXT_PAGES = ("article", "book-title-page", "book-preface", "book-contents")
PARAGRAPHED = ("article", "book-preface")
WIDTHS = (1600, 1024, 400)
OWN_CONTROLS = "sup[id^='fnref:'] a, a.citation, button.p-cite, a.p-permalink, .md-header__button, .md-search__input"
"""The site's own small controls: a finger must hit them (WCAG 2.5.8: 24 by 24 px)."""
SMALLEST_TARGET = 24
WALK = Path(__file__).resolve().parents[1] / "artifacts" / "walk"


@pytest.fixture
def page_at(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    width = request.param
    context = browser.new_context(
        viewport={"width": width, "height": 1000 if width > 500 else 800},
        is_mobile=width < 500,
        has_touch=width < 500,
    )
    yield context.new_page()
    context.close()


def _open(page: Page, url: str) -> list[str]:
    """Go to `url`; return the console's errors and the page's uncaught exceptions."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return errors


def _overflow(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


def _small_targets(page: Page) -> list[str]:
    return page.evaluate(
        """([selector, smallest]) => [...document.querySelectorAll(selector)]
            .filter(e => e.offsetParent !== null)
            .map(e => [e, e.getBoundingClientRect()])
            .filter(([, r]) => r.width > 0 && (r.width < smallest || r.height < smallest))
            .map(([e, r]) => `${e.outerHTML.slice(0, 80)} ${Math.round(r.width)}x${Math.round(r.height)}`)""",
        [OWN_CONTROLS, SMALLEST_TARGET],
    )


def _seen(locator: Locator) -> bool:
    """Whether a reader sees the element: on the screen, and on top where it stands."""
    return bool(
        locator.evaluate(
            """e => { const r = e.getBoundingClientRect();
                const x = r.left + r.width / 2, y = r.top + r.height / 2;
                if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
                const top = document.elementFromPoint(x, y);
                return top !== null && (e.contains(top) || top.contains(e)); }"""
        )
    )


def _settled_box(locator: Locator) -> FloatRect:
    """Where an element stands once the drawer's panels have stopped sliding."""
    previous = None
    for _ in range(50):
        box = locator.bounding_box()
        if box is not None and box == previous:
            return box
        previous = box
        locator.page.wait_for_timeout(50)
    raise AssertionError(f"{locator} never came to rest")


def _serious(page: Page, touch: bool) -> list[tuple[str, list[str]]]:
    found = []
    for violation in Axe().run(page).response["violations"]:
        if violation["impact"] not in ("serious", "critical"):
            continue
        targets = [node["target"] for node in violation["nodes"]]
        if touch and violation["id"] == "scrollable-region-focusable":
            # Material makes a wide code block focusable only where there is hover: a touch screen
            # scrolls it with a swipe. The guides' code blocks are the theme's; any other region is ours.
            targets = [t for t in targets if not str(t[0]).startswith("#__code_")]
        if targets:
            found.append((violation["id"], targets))
    return found


@pytest.mark.parametrize("page_at", WIDTHS, indirect=True, ids=[f"{w}px" for w in WIDTHS])
@pytest.mark.parametrize("name", PAGES)
def test_every_page_reads_at_every_width(page_at: Page, base_url: str, name: str) -> None:
    page = page_at
    errors = _open(page, base_url + PAGES[name])
    width = page.viewport_size["width"] if page.viewport_size else 0
    WALK.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(WALK / f"{name}-{width}.png"))

    assert page.locator("h1").first.is_visible(), "no visible title"
    # The page is named by its title: in the browser's tab and bookmarks, and in the header once scrolled.
    title = " ".join(page.locator("article h1").first.inner_text().rstrip("¶").split())
    if name != "home":
        assert page.title().startswith(title[:40]), (page.title(), title)
    topic = page.locator(".md-header__topic[data-md-component='header-topic'] .md-ellipsis").inner_text().strip()
    assert topic not in {"", "None"}, f"the header names the page {topic!r}"
    assert visible_markup(page.content()) == []
    assert _overflow(page) <= 0, "the page is wider than the screen"
    assert _small_targets(page) == []
    assert _serious(page, touch=width < 500) == []
    # A missing page's request is the one error a 404 page may log.
    assert [e for e in errors if not (name == "not-found" and "404" in e)] == []


@pytest.mark.parametrize("page_at", WIDTHS, indirect=True, ids=[f"{w}px" for w in WIDTHS])
@pytest.mark.parametrize("name", TEXT_PAGES)
def test_a_texts_contents_are_reachable_at_every_width(page_at: Page, base_url: str, name: str) -> None:
    """Each section of a text page is one or two taps away: beside the text, or in the drawer."""
    page = page_at
    page.goto(base_url + PAGES[name])
    sections = page.locator("article h2[id]").evaluate_all("hs => hs.map(h => h.id)")
    assert sections
    contents = page.locator("nav.md-nav--secondary").first
    first = contents.locator(f"a.md-nav__link[href='#{sections[0]}']")
    if not _seen(first):
        page.locator("label.md-header__button[for='__drawer']").click()
        page.locator("nav.md-nav--primary label[for='__toc']").first.click()
    for section in sections:
        link = contents.locator(f"a.md-nav__link[href='#{section}']")
        link.scroll_into_view_if_needed()
        box = _settled_box(link)
        assert _seen(link), f"the contents' entry for #{section} is out of sight"
    # A tap where the reader sees the last entry (Playwright's own click refuses the drawer's sliding panel).
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.locator(f"h2[id='{sections[-1]}']")).to_be_in_viewport()


LINE_CHARACTERS = (60, 80)
"""The reading measure: characters a line of the text holds, where the screen is wide enough."""


@pytest.mark.parametrize("page_at", WIDTHS, indirect=True, ids=[f"{w}px" for w in WIDTHS])
@pytest.mark.parametrize("name", PARAGRAPHED)
def test_a_texts_lines_hold_60_to_80_characters(page_at: Page, base_url: str, name: str) -> None:
    """The text's column keeps the reading measure at every width: never longer, and no shorter than the screen needs."""
    page = page_at
    page.goto(base_url + PAGES[name])
    # Over the text's long paragraphs: characters per line, each paragraph's last (short) line left out.
    measures = page.evaluate(
        r"""() => [...document.querySelectorAll("article p[id^='p-']")].map(p => {
            const lineHeight = parseFloat(getComputedStyle(p).lineHeight);
            const lines = Math.round(p.getBoundingClientRect().height / lineHeight);
            return [p.innerText.replace(/\s+/g, " ").trim().length, lines];
        }).filter(([, lines]) => lines >= 4).map(([length, lines]) => length / (lines - 0.5))"""
    )
    assert measures, "no long paragraph to measure"
    measure = sorted(measures)[len(measures) // 2]
    low, high = LINE_CHARACTERS
    width = page.viewport_size["width"] if page.viewport_size else 0
    assert measure <= high, f"lines of {measure:.0f} characters at {width} px"
    if width >= 1000:
        assert measure >= low, f"lines of {measure:.0f} characters at {width} px"


@pytest.mark.parametrize("name", [*TEXT_PAGES, "person", "timeline", "bibliography"])
def test_every_page_prints(wide: Page, base_url: str, name: str) -> None:
    """On paper: the text without the site's furniture, no markup, paragraph numbers to cite by."""
    wide.goto(base_url + PAGES[name])
    wide.emulate_media(media="print")
    WALK.mkdir(parents=True, exist_ok=True)
    wide.screenshot(path=str(WALK / f"{name}-print.png"), full_page=True)
    for furniture in (".md-header", ".md-sidebar--primary", ".md-footer", "button.p-cite"):
        for element in wide.locator(furniture).all():
            expect(element).to_be_hidden()
    expect(wide.locator("article h1").first).to_be_visible()
    assert visible_markup(wide.content()) == []
    underlined = wide.locator("article a").evaluate_all(
        "links => links.filter(a => getComputedStyle(a).textDecorationLine !== 'none').map(a => a.textContent)"
    )
    assert underlined == []
    if name in PARAGRAPHED:
        expect(wide.locator("a.p-permalink").first).to_be_visible()
