"""Hostile input in a real browser: no payload runs, no payload element exists, the CSP holds, cards show text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from test_reading import PAGES

from sitebuild import build_site, serve

HOSTILE = Path(__file__).resolve().parents[1] / "roots" / "hostile-input"
HOSTILE_PAGES = [
    "",
    "texts/hostile-2024/",
    "texts/hostile-2024/bibliography/",
    "bibliography/",
    "glossary/",
    "glossary/people/",
    "glossary/eve-evil/",
    "glossary/timeline/",
    "404.html",
]
CARD_TARGETS = "a.citation, a.glossary-term, a.footnote-ref"
# Every element and attribute a payload could bring, found in the live DOM (after the scripts ran).
PAYLOAD_DOM = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith("on")) found.push(el.tagName + "[" + attr.name + "]");
      if (/^\\s*javascript:/i.test(attr.value)) found.push(el.tagName + "[" + attr.name + "=javascript:]");
    }
    const tag = el.tagName.toLowerCase();
    if (tag === "script" && !el.src && !/json/.test(el.type)) found.push("inline script");
    if (["iframe", "object", "embed"].includes(tag)) found.push(tag);
    if (tag === "img" && el.getAttribute("src") === "x") found.push("img from a payload");
  }
  return found;
}"""


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    result = build_site(HOSTILE, tmp_path_factory.mktemp("hostile"), strict=False)
    assert result.returncode == 0, result.output
    with serve(result.site) as url:
        yield url


def _watch(page: Page) -> tuple[list[str], list[str]]:
    """Record every dialog (dismissing it) and every CSP violation the console reports."""
    dialogs: list[str] = []
    violations: list[str] = []

    def on_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    return dialogs, violations


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_no_payload_runs_or_exists_on_a_hostile_page(wide: Page, hostile_url: str, path: str) -> None:
    dialogs, violations = _watch(wide)
    wide.goto(hostile_url + path)
    wide.wait_for_load_state("networkidle")
    for target in wide.locator(CARD_TARGETS).all():
        if target.is_visible():
            target.hover()
            wide.wait_for_timeout(50)
    assert wide.evaluate(PAYLOAD_DOM) == []
    assert dialogs == []
    assert violations == []


def test_cards_show_hostile_text_as_text(narrow: Page, hostile_url: str) -> None:
    dialogs, _ = _watch(narrow)
    narrow.goto(hostile_url + "texts/hostile-2024/")
    shown = []
    for target in narrow.locator(CARD_TARGETS).all():
        target.focus()
        card = narrow.locator("#reader-popover")
        shown.append(card.inner_text())
        assert narrow.evaluate(PAYLOAD_DOM) == []
    assert any("<script>alert('footnote')</script>" in text for text in shown)
    assert any("Bad, Bob <img src=x onerror=alert(‘bib-author’)>" in text for text in shown)  # set as a reference
    assert dialogs == []


@pytest.mark.parametrize("name", PAGES)
def test_no_csp_violation_on_a_normal_page(wide: Page, base_url: str, name: str) -> None:
    dialogs, violations = _watch(wide)
    wide.goto(base_url + PAGES[name])
    wide.wait_for_load_state("networkidle")
    assert wide.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
    assert violations == []
    assert dialogs == []


def test_search_results_show_hostile_text_as_text(wide: Page, hostile_url: str) -> None:
    dialogs, violations = _watch(wide)
    wide.goto(hostile_url)
    wide.wait_for_load_state("networkidle")
    wide.locator("input.md-search__input").fill("paragraph")
    wide.locator("input.md-search__input").press("End")  # Material reads the query on keyup
    results = wide.locator("li.md-search-result__item")
    expect(results.first).to_be_visible(timeout=10_000)
    assert "Payloads <script>alert('title')</script>" in wide.locator(".md-search-result").inner_text()
    assert wide.evaluate(PAYLOAD_DOM) == []
    assert dialogs == []
    assert violations == []
