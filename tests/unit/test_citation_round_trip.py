"""Citation files cannot be broken out of: each written file, re-parsed, is one record with the input's values.

Property tests (hypothesis) over arbitrary Unicode, with the characters and
strings that could end a field or a record mixed in.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pybtex.errors
from bibtexparser.entrypoint import parse_string
from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import parse_string as pybtex_parse

from helpers import bibtex_value
from marginalia.citing.bibtex import one_line
from marginalia.citing.item import Item
from marginalia.citing.page import PageCitation

BREAKOUTS = [
    "{",
    "}",
    "\\",
    "%",
    "@",
    "\n",
    "\r\n",
    "\u2028",
    "ER  - ",
    "\nER  - \n",
    "@misc{injected, title={x}}",
    "}}\n@book{",
]
hostile_text = st.lists(st.one_of(st.text(), st.sampled_from(BREAKOUTS)), max_size=8).map("".join)
RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  - (.*)$")


def page(title: str, authors: tuple[str, ...], site: str) -> PageCitation:
    item = Item("webpage", title, "https://example.org/x/", "2020-01-02", authors=authors, container=site)
    return PageCitation("reader-x", "x/", item, dt.date(2020, 1, 2))


@settings(max_examples=300, deadline=None)
@given(title=hostile_text, author=hostile_text, site=hostile_text)
def test_bibtex_is_one_entry_with_the_input_values(title: str, author: str, site: str) -> None:
    citation = page(title, (author,) if one_line(author) else (), site)
    written = citation.bibtex(paragraph=3)
    library = parse_string(written)
    assert library.failed_blocks == []
    assert [entry.key for entry in library.entries] == ["reader-x-p3"]
    fields = {f.key: f.value for f in library.entries[0].fields}
    assert bibtex_value(fields["title"]) == one_line(title)
    assert bibtex_value(fields.get("organization", "")) == one_line(site)
    if citation.item.authors:
        assert bibtex_value(fields["author"]) == one_line(author)
    pybtex.errors.set_strict_mode(True)
    try:
        assert list(pybtex_parse(written, "bibtex").entries) == ["reader-x-p3"]
    finally:
        pybtex.errors.set_strict_mode(False)


@settings(max_examples=300, deadline=None)
@given(title=hostile_text, authors=st.lists(hostile_text, max_size=3), site=hostile_text)
def test_ris_is_one_record_with_the_input_values(title: str, authors: list[str], site: str) -> None:
    lines = page(title, tuple(authors), site).ris().splitlines()
    fields = [RIS_LINE.match(line) for line in lines]
    assert all(fields), lines
    tags = [(m.group(1), m.group(2)) for m in fields if m]
    assert [tag for tag, _ in tags].count("ER") == 1
    assert tags[-1][0] == "ER"
    assert [value for tag, value in tags if tag == "TI"] == [one_line(title)]
    assert [value for tag, value in tags if tag == "AU"] == [one_line(a) for a in authors]
    assert [value for tag, value in tags if tag == "T2"] == ([one_line(site)] if site else [])


@settings(max_examples=300, deadline=None)
@given(title=hostile_text, authors=st.lists(hostile_text, max_size=3), site=hostile_text)
def test_csl_json_is_one_item_with_the_input_values(title: str, authors: list[str], site: str) -> None:
    citation = page(title, tuple(authors), site)
    items = json.loads(citation.csl_json())
    assert len(items) == 1
    assert items[0]["title"] == title
    assert items == [citation.csl()]
