"""Material's search in a real browser: names, plain spellings and Chinese."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import pytest
from playwright.sync_api import Page, expect


def search(page: Page, base_url: str, query: str) -> list[str]:
    page.goto(base_url)
    field = page.locator("input.md-search__input")
    field.fill(query)
    # Material reads the query on keyup: once its search worker is ready, a fill alone is not seen.
    field.press("End")
    results = page.locator("li.md-search-result__item a")
    expect(results.first).to_be_visible(timeout=10_000)
    hrefs = results.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    # Material adds the query for highlighting (?h=…); what matters is the page and the fragment.
    return [urlunsplit(urlsplit(href or "")._replace(query="")) for href in hrefs]


def test_a_glossary_entry_ranks_first_for_its_own_name(wide: Page, base_url: str) -> None:
    assert search(wide, base_url, "Kosygin")[0].endswith("glossary/aleksei-kosygin/")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("Ceausescu", "glossary/nicolae-ceausescu/", id="plain_spelling_of_a_glossary_name"),
        pytest.param("Luthi", "/bibliography/", id="plain_spelling_of_an_author"),
        pytest.param("Lushun", "glossary/port-arthur/", id="plain_spelling_of_a_variant"),
        pytest.param("毛泽东", "glossary/mao-zedong/", id="chinese"),
        pytest.param("吴冷西", "/bibliography/", id="chinese_author_name"),
        pytest.param("rollercoaster", "texts/radchenko-2020/", id="body_text"),
    ],
)
def test_search_finds(wide: Page, base_url: str, query: str, expected: str) -> None:
    links = search(wide, base_url, query)
    assert any(expected in link for link in links), links
