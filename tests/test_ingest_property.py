"""Property test: a clean document, printed as PDF extraction prints it, ingests back to itself.

Hypothesis draws a document (numbered sections of paragraphs, notes marked at
sentence ends), then prints it the way the seed texts come: page breaks at
random places (between paragraphs, mid-sentence, mid-word with a hyphen), the
notes of each page at its bottom (after a `---` line or not, one block each
or several to a block), a first-page footer inside a paragraph, random heading
levels. Ingest must give back the same sections, paragraphs and notes: every
word once, every note on its marker, every paragraph whole.
"""

from __future__ import annotations

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

    def page_break() -> None:
        nonlocal footer_due
        lines.append("")
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

    for number, clean in enumerate(sections, start=1):
        title = " ".join(clean.title).capitalize()
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
                    sentence_text[-1] += f"<sup>{label}</sup>"
                words += sentence_text
            texts.append(" ".join(words).replace("<sup>", "[^").replace("</sup>", "]"))
            breaks = sorted(set(draw(st.lists(st.integers(1, len(words) - 1), max_size=2)))) if len(words) > 1 else []
            start = 0
            for cut in breaks:
                before, after = words[start:cut], words[cut:]
                if after[0][:1].isupper() and before[-1].endswith((".", "</sup>")):
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
        expected.append((str(number), title, texts))
    if page_notes:
        page_break()
    return Printed("\n".join(lines) + "\n", expected, notes)


def _labels(text: str) -> list[str]:
    return [part.split("</sup>")[0] for part in text.split("<sup>")[1:]]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(printed_documents())
def test_printed_document_ingests_back_to_itself(printed: Printed) -> None:
    doc = ingest(printed.source, slug="generated", path=Path("generated.md"))
    assert doc.diagnostics == [], printed.source
    got = [(s.number, s.title, [b.text for b in s.blocks if isinstance(b, Paragraph)]) for s in doc.sections]
    assert got == printed.sections, printed.source
    assert {key: note.text for key, note in doc.notes.items()} == printed.notes
    assert doc.unattached_notes == []
    assert [c.value for c in doc.metadata.copyright] == ["The Author(s) 2020"] * bool(
        "© The Author(s) 2020" in printed.source
    )
