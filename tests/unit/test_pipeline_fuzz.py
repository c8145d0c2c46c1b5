"""Fuzz test: any source, however broken, becomes a page without an error, and no word of its body is lost.

Hypothesis writes sources from the pieces raw texts are made of (headings at
any level, note markers and note lines of every form, rules, list and
contents-like lines, tags, emphasis marks, braces, tabs, citations, glossary
names, Chinese, stray control characters) in any order. The whole text path
runs (ingest, citations, mentions, render, Markdown) and every word of the
source after its title line must be on the page.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_annotate_property import ANNOTATOR, annotated_page

from helpers import ingest_snippet, make_text
from marginalia.annotate import annotate_text
from marginalia.render import render_text

PIECES = [
    "#",
    "##",
    "###",
    "####",
    "<sup>1</sup>",
    "<sup>2</sup>",
    "¹",
    "[1]",
    "---",
    "NOTES",
    "Notes",
    "Contents",
    "References",
    "Abstract",
    "Keywords",
    "\t",
    "<b>",
    "</b>",
    "<i>",
    "**",
    "*",
    "_",
    "`",
    "\\",
    "<script>",
    "&amp;",
    "{",
    "}",
    "1.",
    "2.",
    "- ",
    "•",
    "(Wendt 1992)",
    "(Radchenko 2014, 160)",
    "Mao Zedong",
    "Zhou Enlai",
    "毛泽东",
    "©",
    "✉",
    "DOI",
    "ISBN",
    "|",
    ">",
    "[",
    "]",
    "(",
    ")",
    "!",
    "<br>",
    "  ",
    "Abbreviations",
    "CCP",
    ":",
    "“",
    "”",
]
WORDS = "alliance treaty border talks leaders archive agreement propaganda friendship conference".split()
piece = st.one_of(st.sampled_from(PIECES), st.sampled_from(WORDS), st.text(max_size=6))
line = st.lists(piece, max_size=10).map(" ".join)
source = st.lists(st.one_of(line, st.just("")), min_size=1, max_size=25).map("\n".join)
WORD = re.compile(r"[a-z]{4,}")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=source)
def test_any_source_becomes_a_page_and_keeps_its_words(body: str) -> None:
    text = f"# A title\n\n{body}\n"
    doc = ingest_snippet(text)
    assert all(d.line is None or d.line >= 1 for d in doc.diagnostics)
    annotated_page(doc, source=body)  # annotates the document's citations and mentions, checks the first page
    pages = render_text(annotate_text(make_text(doc), ANNOTATOR))
    shown = " ".join(BeautifulSoup(page.html, "html.parser").get_text(" ") for page in pages)
    for word in set(WORD.findall(body)) & set(WORDS):
        assert word in shown, (word, body)
