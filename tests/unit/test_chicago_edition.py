"""Why the 18th edition of CSL Chicago author-date, not the 16th: each page kind formatted in both."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marginalia.bibliography import chicago
from marginalia.citing.formats import to_csl
from marginalia.citing.item import Item

SITE = "Sino-Soviet Relations, an Annotated Reader"
GLOSSARY = Item("webpage", "Glossary", "https://example.org/glossary/", "2026-11-30", container=SITE)
REPRINT = Item(
    "webpage",
    "The relationship",
    "https://example.org/t/",
    "2026-11-30",
    "2020",
    ("Radchenko, Sergey",),
    container=SITE,
)
BOOK = Item(
    "book",
    "A Short History",
    "https://example.org/b/",
    "2020",
    editors=("Shen, Zhihua",),
    translators=("Xia, Yafeng",),
    publisher="Palgrave",
    place="Singapore",
    doi="10.1007/978-981-13-8641-1",
)


@pytest.fixture
def edition(request: pytest.FixtureRequest) -> Iterator[None]:
    saved = chicago.STYLE_NAME
    chicago.STYLE_NAME = request.param
    chicago._style_xml.cache_clear()
    yield
    chicago.STYLE_NAME = saved
    chicago._style_xml.cache_clear()


def _formatted(*items: Item) -> list[str]:
    formatted = chicago.format_items([to_csl(item, f"k{n}") for n, item in enumerate(items)])
    return [formatted[f"k{n}"] for n in range(len(items))]


@pytest.mark.parametrize("edition", ["chicago-author-date"], indirect=True)
@pytest.mark.usefixtures("edition")
def test_eighteenth_edition() -> None:
    glossary, reprint, book = _formatted(GLOSSARY, REPRINT, BOOK)
    # The site stands in for the page's author and is not printed again (CSL's substitute, as citeproc-js prints it).
    assert glossary == f"{SITE}. 2026. “Glossary.” November 30. https://example.org/glossary/."
    assert reprint.startswith("Radchenko, Sergey. (2020) 2026. “The Relationship.” ")  # no "Versions 2026-11-30"
    assert book == (
        "Shen, Zhihua, ed. 2020. <i>A Short History</i>. Translated by Yafeng Xia. Palgrave."
        " https://doi.org/10.1007/978-981-13-8641-1."
    )


@pytest.mark.parametrize("edition", ["chicago-author-date-16th-edition"], indirect=True)
@pytest.mark.usefixtures("edition")
def test_sixteenth_edition_puts_a_site_pages_title_in_its_authors_place() -> None:
    glossary, _, book = _formatted(GLOSSARY, REPRINT, BOOK)
    assert glossary.startswith("“Glossary.” 2026. <i>Sino-Soviet")  # worse: the 18th names the site
    assert "Singapore: Palgrave" in book and "doi:10.1007" in book  # the 18th drops the place (CMOS 18)
