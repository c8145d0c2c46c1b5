"""Material's search box answered by Pagefind in a real browser: names, plain spellings and Chinese.

Each test runs twice: on the site as built (one index bundle) and on a copy
indexed in shards of at most 1 MiB of pages, as a site of hundreds of texts is
(`marginalia.search.shard_globs`), whose bundles the search script merges.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest
from playwright.sync_api import Page, expect

from marginalia.search import index_site
from sitebuild import SiteResult, serve
from visible_markup import visible_markup


@pytest.fixture(scope="session")
def sharded_url(site: SiteResult, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    copy = tmp_path_factory.mktemp("sharded") / "site"
    shutil.copytree(site.site, copy)
    index_site(copy, limit=2**20)
    shards = json.loads((copy / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert len(shards) >= 3 and all((copy / "pagefind" / shard / "pagefind-entry.json").is_file() for shard in shards)
    with serve(copy) as url:
        yield url


@pytest.fixture(params=["one-bundle", "shards"])
def search_url(request: pytest.FixtureRequest, base_url: str) -> str:
    return base_url if request.param == "one-bundle" else str(request.getfixturevalue("sharded_url"))


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


def test_a_glossary_entry_ranks_first_for_its_own_name(wide: Page, search_url: str) -> None:
    assert search(wide, search_url, "Kosygin")[0].endswith("glossary/aleksei-kosygin/")


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
def test_search_finds(wide: Page, search_url: str, query: str, expected: str) -> None:
    links = search(wide, search_url, query)
    assert any(expected in link for link in links), links


@pytest.mark.parametrize("query", ["Archiwum", "Khrushchev", "mentions", "BibTeX"])
def test_results_show_text_not_markup(wide: Page, base_url: str, query: str) -> None:
    search(wide, base_url, query)
    # The guides' own pages quote markup on purpose (in code on the page, plain in an excerpt).
    reading = wide.locator(".md-search-result__item:not(:has(a[href*='guide/'], a[href*='developers/']))")
    assert reading.count() > 0
    assert [finding for item in reading.all() for finding in visible_markup(item.inner_html())] == []


def result_items(page: Page) -> list[tuple[str, str]]:
    """Each result's first link (its page) and title, in order."""
    items = page.locator("li.md-search-result__item:not(.search-suggestion):not(.search-more)")
    return [
        (
            urlunsplit(urlsplit(item.locator("a").first.get_attribute("href") or "")._replace(query="")),
            item.locator("h1").inner_text(),
        )
        for item in items.all()
    ]


def test_the_entry_a_query_names_then_the_texts_then_the_rest(wide: Page, search_url: str) -> None:
    search(wide, search_url, "Khrushchev")
    results = [url for url, _ in result_items(wide)]
    assert results[0].endswith("glossary/nikita-khrushchev/")
    texts = ["texts/" in url and "/bibliography/" not in url for url in results[1:]]
    assert texts[:3] == [True] * 3 and texts == sorted(texts, reverse=True), results  # the texts' pages, then the rest
    assert any(url.endswith("texts/radchenko-2020/") for url in results[1:4]), results
    search(wide, search_url, "alliance")
    assert "texts/" in result_items(wide)[0][0]


def test_the_text_that_says_most_comes_first(wide: Page, base_url: str) -> None:
    """Within one index (a site under the shard limit): across shards, each ranks by its own word counts."""
    search(wide, base_url, "Khrushchev")
    assert result_items(wide)[1][0].endswith("texts/radchenko-2020/")
    search(wide, base_url, "alliance")
    assert result_items(wide)[0][0].endswith("texts/radchenko-2020/")


def test_each_page_once_with_its_matching_sections_beneath(wide: Page, base_url: str) -> None:
    search(wide, base_url, "Khrushchev")
    pages = result_items(wide)
    assert len({url for url, _ in pages}) == len(pages)
    for item in wide.locator("li.md-search-result__item").all():
        titles = item.locator("h1, h2").all_inner_texts()
        assert len(titles) == len(set(titles)), titles


def test_more_results_past_the_first_ten(wide: Page, base_url: str) -> None:
    search(wide, base_url, "Khrushchev")
    assert len(result_items(wide)) == 10
    wide.locator(".search-more button").click()
    expect(wide.locator("li.md-search-result__item h1")).to_have_count(19)


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Хрущёв", "glossary/nikita-khrushchev/"),
        ("Хрущев", "glossary/nikita-khrushchev/"),
        ("赫鲁晓夫", "glossary/nikita-khrushchev/"),
        ("Никита Хрущёв", "glossary/nikita-khrushchev/"),
        ("Mao Tse-tung", "glossary/mao-zedong/"),  # Wade–Giles, as older books write it
    ],
)
def test_a_name_in_any_script_or_spelling_finds_its_entry(wide: Page, search_url: str, query: str, entry: str) -> None:
    assert search(wide, search_url, query)[0].endswith(entry)


@pytest.mark.parametrize(
    ("query", "entry", "name"),
    [
        ("Kruschev", "glossary/nikita-khrushchev/", "Nikita Khrushchev"),
        ("Krushchev", "glossary/nikita-khrushchev/", "Nikita Khrushchev"),
        ("Brezhnyev", "glossary/leonid-brezhnev/", "Leonid Brezhnev"),
    ],
)
def test_a_misspelled_name_offers_its_entry(wide: Page, base_url: str, query: str, entry: str, name: str) -> None:
    wide.goto(base_url)
    field = wide.locator("input.md-search__input")
    field.fill(query)
    field.press("End")
    offer = wide.locator("li.search-suggestion")
    expect(offer).to_have_text(f"Did you mean {name}?")
    assert (offer.locator("a").get_attribute("href") or "").endswith(entry)


def test_the_guides_are_not_searched(wide: Page, base_url: str) -> None:
    for query in ("ingest", "Pagefind", "mkdocstrings"):
        wide.goto(base_url)
        field = wide.locator("input.md-search__input")
        field.fill(query)
        field.press("End")
        wide.wait_for_timeout(1000)
        hrefs = wide.locator("li.md-search-result__item a").evaluate_all("links => links.map(link => link.href)")
        assert not [href for href in hrefs if "/guide/" in href or "/developers/" in href], (query, hrefs)


def test_the_page_opened_marks_the_words_searched_for(wide: Page, base_url: str) -> None:
    search(wide, base_url, "rollercoaster")
    wide.locator("li.md-search-result__item a").first.click()
    wide.wait_for_url("**/texts/radchenko-2020/**")
    mark = wide.locator("mark.search-highlight").first
    expect(mark).to_have_text("rollercoaster")
    expect(mark).to_be_in_viewport()
