"""Citing in a real browser: the reader's own access date, added at the click, never in the static files."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from sitebuild import SiteResult

PREFACE = "texts/shen-2020-front-matter/preface/"
KEY = "reader-texts-shen-2020-front-matter-preface"


@pytest.fixture
def downloading(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, accept_downloads=True)
    yield context.new_page()
    context.close()


def _download(page: Page, name: str) -> str:
    with page.expect_download() as info:
        page.locator(f'div.cite-this a[download="{name}"]').click()
    return Path(info.value.path()).read_text(encoding="utf-8")


def test_downloads_carry_the_readers_access_date(downloading: Page, base_url: str, site: SiteResult) -> None:
    downloading.goto(base_url + PREFACE)
    today = dt.date.today()
    static = site.site / PREFACE
    bib = _download(downloading, f"{KEY}.bib")
    assert f"  urldate = {{{today.isoformat()}}},\n}}\n" in bib
    assert bib.replace(f"  urldate = {{{today.isoformat()}}},\n", "") == (static / f"{KEY}.bib").read_text()
    ris = _download(downloading, f"{KEY}.ris")
    assert f"Y2  - {today:%Y/%m/%d}\nER  - " in ris
    [item] = json.loads(_download(downloading, f"{KEY}.json"))
    assert item["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}
    for ext in ("bib", "ris", "json"):
        text = (static / f"{KEY}.{ext}").read_text()
        assert "urldate" not in text and "Y2  -" not in text and "accessed" not in text


def test_copying_the_page_bibtex_adds_the_readers_access_date(wide: Page, base_url: str) -> None:
    wide.goto(base_url + PREFACE)
    code = wide.locator("div.cite-this pre code").last
    assert "urldate" not in code.inner_text()
    code_id = code.evaluate("element => element.parentElement.id")
    wide.locator("div.cite-this pre").last.hover()
    wide.locator(f'button[data-clipboard-target="#{code_id} > code"]').click()
    expect(code).to_contain_text(f"urldate = {{{dt.date.today().isoformat()}}}")
