"""The inline renderer writes what Python-Markdown wrote for the texts' inline Markdown, and keeps spans whole.

Text pages no longer go through Python-Markdown (`marginalia.render.inline_html`).
Python-Markdown, still the guides' converter, is the oracle here: over text
as the texts hold it (words, names, punctuation, emphasis around a few words,
insertions in brackets, links, autolinks, the extraction's tags, character
references, note markers, abbreviations), both give the same HTML once
sanitized as every page is. Runs of delimiters that no text prints
(`****(**`) may pair differently: the renderer follows CommonMark's pairing
with Python-Markdown's rules for which runs open and close.
"""

from __future__ import annotations

import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from marginalia.inert import inert_source, sanitize_html
from marginalia.model import Span
from marginalia.render.inline_html import Abbreviations, Footnotes, InlineRenderer, Wrapper

ABBREVIATIONS = {"CCP": "Chinese Communist Party", "CPSU": "Communist Party of the Soviet Union"}
WORDS = [
    "the",
    "treaty",
    "Mao's",
    "Khrushchev",
    "CCP",
    "CPSU",
    "PRC",
    "1957",
    "Sino-Soviet",
    "Zhou Enlai",
    "Лю",
    "毛泽东",
]
PUNCTUATION = [",", ".", ";", ":", "—", "–", "“", "”", "'", '"', "(", ")", "?", "!", "&", "<", ">", "/"]
INLINE = [
    "[sic]",
    "[Zhou Enlai]",
    "[a link](https://example.org/a_(b)?q=1&r=2)",
    "<https://example.org/x_y>",
    "<sup>1</sup>",
    "<i>Pravda</i>",
    "&amp;",
    "&#123;",
    "[^1]",
    "[^9]",
]
word = st.sampled_from(WORDS)
phrase = st.lists(word, min_size=1, max_size=4).map(" ".join)
emphasis = st.tuples(st.sampled_from(["*", "**", "_", "__", "***"]), phrase).map(lambda d: f"{d[0]}{d[1]}{d[0]}")
token = st.one_of(
    st.tuples(st.one_of(word, emphasis), st.just(True)),
    st.tuples(st.one_of(st.sampled_from(PUNCTUATION), st.sampled_from(INLINE)), st.just(False)),
)


@st.composite
def inline_text(draw: st.DrawFn) -> str:
    """Words and emphasised phrases apart, as text has them; punctuation and markup next to them or not."""
    pieces = draw(st.lists(token, min_size=1, max_size=16))
    text, wordlike_before = "", False
    for piece, wordlike in pieces:
        apart = (wordlike and wordlike_before) or draw(st.booleans())
        text += (" " if apart and text else "") + piece
        wordlike_before = wordlike
    return text


def python_markdown(source: str) -> str:
    """The paragraph Python-Markdown makes of `source`, with the note `1` and the abbreviations defined."""
    definitions = "\n".join(f"*[{abbr}]: {title}" for abbr, title in ABBREVIATIONS.items())
    html = markdown.Markdown(extensions=["abbr", "footnotes"]).convert(
        f"X {source}\n\n[^1]: A note.\n\n{definitions}\n"
    )
    body = html.split('<div class="footnote">')[0].strip()
    assert body.startswith("<p>X ") and body.endswith("</p>"), body
    return sanitize_html(body[len("<p>X ") : -len("</p>")])


def renderer(spans: dict[str, tuple[str, str]] | None = None) -> InlineRenderer:
    def span_html(span: Span) -> tuple[str, str]:
        return (spans or {}).get(span.kind, ('<a class="glossary-term">', "</a>"))

    return InlineRenderer(span_html, Footnotes(["1"]), Abbreviations(ABBREVIATIONS))


@settings(max_examples=600, deadline=None)
@given(raw=inline_text())
def test_the_same_html_as_python_markdown(raw: str) -> None:
    source = inert_source(raw)
    assert sanitize_html(renderer().render(source)) == python_markdown(source)


@settings(max_examples=300, deadline=None)
@given(before=inline_text(), name=phrase, after=inline_text())
def test_a_span_is_one_element_whatever_surrounds_it(before: str, name: str, after: str) -> None:
    source = inert_source(f"{before} ")
    start = len(source)
    source += name + inert_source(f" {after}")
    span = Span(start, start + len(name), "mention", "entry", "A card")
    html = renderer().render(source, [span])
    assert html.count('<a class="glossary-term">') == 1
    shown = html.split('<a class="glossary-term">', 1)[1].split("</a>", 1)[0]
    assert "<" not in re.sub(r"</?abbr[^>]*>", "", shown)  # nothing but abbreviations inside


def test_emphasis_runs_across_a_span_and_an_insertion_holds_a_mention() -> None:
    source = "*the [Zhou Enlai] visit*"
    span = Span(6, 16, "mention", "zhou-enlai", "Zhou Enlai")
    insertion = Wrapper(5, 17, '<span class="insertion">', "</span>")
    html = renderer().render(source, [span], [insertion])
    assert html == '<em>the <span class="insertion">[<a class="glossary-term">Zhou Enlai</a>]</span> visit</em>'


def test_a_note_marker_of_a_note_the_page_lacks_stays_text() -> None:
    assert renderer().render("a[^7] b[^1] c[^1]") == (
        'a[^7] b<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'
        ' c<sup id="fnref2:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'
    )


def test_an_underscore_inside_a_word_is_a_letter_and_an_abbreviation_needs_its_word_boundaries() -> None:
    assert renderer().render("snake_case and _CCP and CCP_x and CCP.") == (
        'snake_case and _CCP and CCP_x and <abbr title="Chinese Communist Party">CCP</abbr>.'
    )
