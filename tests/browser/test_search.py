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
