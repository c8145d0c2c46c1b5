"""Property test: whatever a paragraph holds around names and citations, its page keeps every link whole.

Hypothesis draws paragraphs of words, glossary names, citations and the
characters Markdown reads (brackets, emphasis marks, backquotes, backslashes,
"!", braces, tags), runs them through ingest, citation linking and mention
linking with previews that are full of Markdown too, and renders the page.
No link may come out broken: no slot or markup of ours printed as text, no
image, one link per linked mention and per citation, each to an entry that
exists, its preview as written.
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import READER, ingest_snippet, make_text
from marginalia.annotate import Annotator, CitationRecord, MentionRecord, annotate_text
from marginalia.bibliography.aliases import load_aliases
from marginalia.bibliography.entries import load_bibliography
from marginalia.bibliography.resolve import CitationResolver
from marginalia.glossary.entries import load_glossary
from marginalia.glossary.matcher import Matcher
from marginalia.model import Document
from marginalia.render import render_text

BIBLIOGRAPHY = load_bibliography(READER / "bib")
RESOLVER = CitationResolver(BIBLIOGRAPHY, load_aliases(READER / "bib" / "aliases.yml", set(BIBLIOGRAPHY.entries))[0])
PREVIEWS = {key: f"{key}: *a* __b__ `c` [d](e) \\f ![g](h) {{i}} <j> & “k”" for key in BIBLIOGRAPHY.entries}
GLOSSARY = load_glossary(READER / "glossary", [])
ANNOTATOR = Annotator(RESOLVER, PREVIEWS, Matcher(GLOSSARY), GLOSSARY.entries)
NAMES = sorted(entry.name for entry in GLOSSARY.entries.values())[:40]
CITATIONS = ["(Wendt 1992)", "(Radchenko 2014, 160)", "(Lüthi 2008)", "(Chen 2010)", "(Wu 1999; Lüthi 2008)"]
MARKS = [
    "[",
    "]",
    "(",
    ")",
    "*",
    "**",
    "_",
    "__",
    "`",
    "\\",
    "!",
    "<",
    ">",
    "&",
    "{",
    "}",
    '"',
    "|",
    "^",
    "~",
    "#",
    ":",
]
MARKUP = ["[sic]", "[a](https://example.org/x)", "<https://example.org>", "<em>", "</em>", "<sup>", "</sup>", "’s", "—"]
WORDS = "the alliance treaty border talks party leaders archive".split()
token = st.one_of(*(st.sampled_from(tokens) for tokens in (WORDS, NAMES, CITATIONS, MARKS, MARKUP)))
paragraph = st.lists(st.tuples(token, st.sampled_from([" ", "", " "])), min_size=1, max_size=25).map(
    lambda pieces: "".join(t + s for t, s in pieces).strip()
)


def annotated_page(
    doc: Document, source: str = ""
) -> tuple[BeautifulSoup, tuple[CitationRecord, ...], tuple[MentionRecord, ...]]:
    """Annotate the document's citations and mentions, render its first page; check that nothing leaked.

    What the page may not show is what our markup is made of, unless the `source` itself has it.
    """
    text = annotate_text(make_text(doc), ANNOTATOR)
    page = render_text(text)[0]
    soup = BeautifulSoup(page.html, "html.parser")
    shown = soup.get_text()
    for leak in ("\x00", "heading:", "glossary-term", "data-", "glossary/", ".md"):
        assert leak not in shown or leak in source, (leak, page.html)
    assert soup.find("img") is None
    return soup, text.citations, text.mentions


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=paragraph)
def test_links_stay_whole_whatever_surrounds_them(body: str) -> None:
    doc = ingest_snippet(f"# A title\n\nAn opening paragraph.\n\n{body}\n")
    soup, citations, mentions = annotated_page(doc)
    terms = soup.select("a.glossary-term")
    assert len(terms) == sum(1 for m in mentions if m.linked)
    assert all(a["data-entry"] in GLOSSARY.entries and a["href"].endswith(f"/{a['data-entry']}/") for a in terms)
    cited = soup.select("a.citation")
    assert len(cited) == sum(1 for c in citations if c.key)
    assert all(a["data-key"] in BIBLIOGRAPHY.entries and a["title"] == PREVIEWS[a["data-key"]] for a in cited)


sentence = st.lists(token, min_size=1, max_size=12).map(" ".join)


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, int]:
    """A raw article: a title and sections whose headings and paragraphs carry notes; all hold any tokens."""
    lines, note = ["# A title<sup>1</sup>", "", "An opening paragraph.", ""], 1
    for number in range(1, draw(st.integers(1, 3)) + 1):
        note += 1
        lines += [f"## {number} {draw(sentence)}<sup>{note}</sup>", ""]
        for _ in range(draw(st.integers(1, 3))):
            note += 1
            lines += [f"Text {draw(sentence)} ends here.<sup>{note}</sup>", ""]
    lines += [f"<sup>{number}</sup> {draw(sentence)}" for number in range(1, note + 1)]
    return "\n\n".join(lines), note


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=documents())
def test_a_whole_page_keeps_its_notes_headings_and_links(document: tuple[str, int]) -> None:
    source, notes = document
    doc = ingest_snippet(source)
    soup, _, _ = annotated_page(doc)
    for number in range(1, notes + 1):
        assert soup.select_one(f'sup[id="fnref:{number}"] a[href="#fn:{number}"]'), (number, source)
        assert soup.select_one(f'li[id="fn:{number}"]'), (number, source)
    assert len(soup.select("h2")) == len(doc.sections) - 1
