"""The search box without Material's search component: its keys, done by our script (search.js)."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def test_slash_opens_search_and_arrows_walk_the_results(wide: Page, base_url: str) -> None:
    wide.goto(base_url)
    wide.keyboard.press("/")
    field = wide.locator("input.md-search__input")
    expect(field).to_be_focused()
    wide.keyboard.type("Kosygin")
    first = wide.locator("li.md-search-result__item a").first
    expect(first).to_be_visible(timeout=10_000)
    expect(wide.locator(".md-search-result__meta")).to_contain_text("matching document")
    wide.keyboard.press("ArrowDown")
    expect(first).to_be_focused()
    wide.keyboard.press("ArrowUp")
    expect(field).to_be_focused()
    wide.keyboard.press("Escape")
    expect(wide.locator("#__search")).not_to_be_checked()


def test_enter_opens_the_first_result(wide: Page, base_url: str) -> None:
    wide.goto(base_url)
    field = wide.locator("input.md-search__input")
    field.fill("Kosygin")
    expect(wide.locator("li.md-search-result__item a").first).to_be_visible(timeout=10_000)
    field.press("Enter")
    wide.wait_for_url("**/glossary/aleksei-kosygin/?highlight=*")  # the words searched for, to mark on the page
