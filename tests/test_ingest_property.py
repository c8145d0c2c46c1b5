"""Property test: a clean document, printed as PDF extraction prints it, ingests back to itself.

Hypothesis draws a document (numbered sections of paragraphs, notes marked at
sentence ends), then prints it the way the seed texts come: page breaks at
random places (between paragraphs, mid-sentence, mid-word with a hyphen), the
notes of each page at its bottom (after a `---` line or not, one block each
or several to a block), a first-page footer inside a paragraph, random heading
levels, and perhaps no heading before the opening paragraphs; markers as
`<sup>N</sup>`, superscript digits or `[N]`, notes perhaps as endnotes in any
numbering. Ingest must give back the same sections, paragraphs and notes: every
word once, every note on its marker, every paragraph whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marginalia.ingest import ingest
from marginalia.model import Paragraph

WORDS = (
    "the alliance treaty border talks party leaders delegation moscow beijing archive agreement "
    "government negotiation propaganda friendship conference revolution economic military question "
    "relations position summer winter letter records history soviet chinese experts hierarchy"
).split()
LONG_WORDS = [w for w in WORDS if len(w) >= 8]


@dataclass
class CleanParagraph:
    sentences: list[list[str]]
    notes: list[bool]
    """Whether each sentence ends with a note marker."""


@dataclass
class CleanSection:
    title: list[str]
    level: int
    paragraphs: list[CleanParagraph]


sentence = st.lists(st.sampled_from(WORDS), min_size=4, max_size=12)
paragraph = st.lists(st.tuples(sentence, st.booleans()), min_size=1, max_size=4).map(
    lambda items: CleanParagraph([s for s, _ in items], [n for _, n in items])
)
section = st.builds(
    CleanSection,
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=4),
    st.integers(2, 4),
    st.lists(paragraph, min_size=1, max_size=4),
)


@dataclass
class Printed:
    """The raw source and what ingest must give back."""

    source: str
    sections: list[tuple[str, str, list[str]]]
    notes: dict[str, str]


@st.composite
def printed_documents(draw: st.DrawFn) -> Printed:
    sections = draw(st.lists(section, min_size=1, max_size=4))
    lines = ["", "# A generated text", "", "Anna Example", ""]
    expected: list[tuple[str, str, list[str]]] = []
    notes: dict[str, str] = {}
    page_notes: list[str] = []  # notes marked on the current page, printed at its bottom
    footer_due = True
    endnotes = draw(st.booleans())  # notes at the end under a notes heading, not at page bottoms
    marker = draw(st.sampled_from(["<sup>{}</sup>", "superscript", "[{}]"]))

    def page_break() -> None:
        nonlocal footer_due
        lines.append("")
        if endnotes:
            page_notes.clear()
        if page_notes and draw(st.booleans()):
            lines.extend(["---", ""])
        if page_notes:
            if draw(st.booleans()):
                lines.extend(f"<sup>{n}</sup> {notes[n]}  " for n in page_notes)
                lines[-1] = lines[-1].rstrip()
                lines.append("")
            else:
                for n in page_notes:
                    lines.extend([f"<sup>{n}</sup> {notes[n]}", ""])
        page_notes.clear()
        if footer_due:
            lines.extend(["© The Author(s) 2020", ""])
            footer_due = False
        lines.append("")

    untitled_opening = draw(st.booleans())  # opening paragraphs before any heading
    for number, clean in enumerate(sections, start=1):
        title = " ".join(clean.title).capitalize()
        if number == 1 and untitled_opening:
            title = ""
        else:
            lines += ["#" * clean.level + f" {number} {title}", ""]
        texts = []
        for para in clean.paragraphs:
            words: list[str] = []
            for sentence_words, noted in zip(para.sentences, para.notes, strict=True):
                sentence_text = [sentence_words[0].capitalize(), *sentence_words[1:]]
                sentence_text[-1] += "."
                if noted:
                    label = str(len(notes) + 1)
                    notes[label] = f"Note {label} on the {sentence_words[0]} question."
                    sentence_text[-1] += _marker(marker, label)
                words += sentence_text
            texts.append(re.sub(r"(?<=\.)(\d+)(?= |$)", r"[^\1]", " ".join(_plain_markers(w) for w in words)))
            breaks = sorted(set(draw(st.lists(st.integers(1, len(words) - 1), max_size=2)))) if len(words) > 1 else []
            start = 0
            for cut in breaks:
                before, after = words[start:cut], words[cut:]
                if after[0][:1].isupper() and re.search(r"\.\d*$", _plain_markers(before[-1])):
                    continue  # a break between sentences would end the paragraph: not a break inside one
                piece = " ".join(before)
                hyphenate = after[0] in LONG_WORDS and draw(st.booleans())
                if hyphenate:
                    split = draw(st.integers(3, len(after[0]) - 3))
                    piece += f" {after[0][:split]}-"
                    words[cut] = after[0][split:]
                lines.append(piece)
                page_notes.extend(_labels(piece))
                page_break()
                start = cut
            rest = " ".join(words[start:])
            lines += [rest, ""]
            page_notes.extend(_labels(rest))
            if draw(st.booleans()):
                page_break()
        expected.append((str(number) if title else "", title, texts))
    if page_notes:
        page_break()
    if endnotes and notes:
        lines += [draw(st.sampled_from(["## Notes", "## NOTES", "NOTES", "Endnotes"])), ""]
        form = draw(st.sampled_from(["{}.", "{}", "[{}]", "<sup>{}</sup>"]))
        lines += [f"{form.format(label)} {text}" for label, text in notes.items()]
    return Printed("\n".join(lines) + "\n", expected, notes)


SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _marker(style: str, label: str) -> str:
    return label.translate(SUPERSCRIPT) if style == "superscript" else style.format(label)


def _plain_markers(word: str) -> str:
    """A printed word with its marker as the bare number after the full stop."""
    word = re.sub(r"<sup>(\d+)</sup>|\[(\d+)\]", lambda m: m.group(1) or m.group(2), word)
    return word.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))


def _labels(text: str) -> list[str]:
    return re.findall(r"\.(\d+)(?= |$)", " ".join(_plain_markers(w) for w in text.split()))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(printed_documents())
def test_printed_document_ingests_back_to_itself(printed: Printed) -> None:
    doc = ingest(printed.source, slug="generated", path=Path("generated.md"))
    assert doc.diagnostics == [], printed.source
    prose = [s for s in doc.sections if s.kind == "prose"]
    got = [(s.number, s.title, [b.text for b in s.blocks if isinstance(b, Paragraph)]) for s in prose]
    assert got == printed.sections, (got, printed.source)
    assert {key: note.text for key, note in doc.notes.items()} == printed.notes
    assert doc.unattached_notes == []
    assert [c.value for c in doc.metadata.copyright] == ["The Author(s) 2020"] * bool(
        "© The Author(s) 2020" in printed.source
    )
