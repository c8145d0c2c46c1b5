"""Gather note texts out of the flow, then link each marker in the text to its note."""

from __future__ import annotations

import re
from functools import partial

from marginalia.ingest.patterns import ENDNOTE_LINE, MARKER, NOTE_REF, join_lines
from marginalia.model import Block, Document, Heading, Note, NoteText, PageBreak, Paragraph, RawBlock

NOTES_HEADING = re.compile(r"^(?:end)?notes?$", re.IGNORECASE)


def collect_notes(doc: Document) -> Document:
    """Move footnote texts and endnotes into `Document.notes`.

    Footnote texts (`<sup>N</sup> text`) leave a page break behind, so that the
    paragraph they interrupted is rejoined. Endnotes are the `N. text` items of
    a section headed "Note(s)"; the heading stays, as an empty notes section.
    A second note with a number already taken is kept as unattached and warned.

    Args:
        doc: A classified document.

    Returns:
        The document with its notes collected.
    """
    kept: list[Block] = []
    in_endnotes = False
    for block in doc.blocks:
        if isinstance(block, Heading):
            in_endnotes = bool(NOTES_HEADING.match(block.text))
        if isinstance(block, NoteText):
            _add(doc, Note(block.line, block.label, block.text))
            kept.append(PageBreak(block.line))
        elif in_endnotes and isinstance(block, RawBlock):
            for note in _endnotes(doc, block):
                _add(doc, note)
        else:
            kept.append(block)
    doc.blocks = kept
    return doc


def _endnotes(doc: Document, block: RawBlock) -> list[Note]:
    notes: list[Note] = []
    for offset, line in enumerate(block.lines):
        match = ENDNOTE_LINE.match(line.strip())
        if match:
            notes.append(Note(block.line + offset, match.group(1), match.group(2).strip()))
        elif notes:
            notes[-1].text = join_lines([notes[-1].text, line])
        else:
            doc.warn(
                block.line + offset,
                "text in a notes section that is not a numbered note ('N. text')",
                "note-unnumbered",
            )
            notes.append(Note(block.line + offset, "", line.strip()))
    return notes


def _add(doc: Document, note: Note) -> None:
    if not note.label or note.label in doc.notes:
        if note.label:
            first = doc.notes[note.label].line
            doc.warn(
                note.line,
                f"note {note.label} is numbered twice (first at line {first}): renumber one of them",
                "note-duplicate",
            )
        doc.unattached_notes.append(note)
    else:
        doc.notes[note.label] = note


def link_note_markers(doc: Document) -> Document:
    """Turn `<sup>N</sup>` markers into `[^N]` where note N exists; warn about the rest.

    A marker without a note stays a plain superscript; a note that no marker
    refers to is moved to `Document.unattached_notes`. Both are warned.

    Args:
        doc: A sectioned document with its notes collected.

    Returns:
        The document with linked markers.
    """
    used: set[str] = set()
    containers = [*doc.metadata.abstract, *(b for s in doc.sections for b in s.blocks), *doc.notes.values()]
    for item in containers:
        if isinstance(item, (Paragraph, Note)):
            item.text = MARKER.sub(partial(_link, doc, line=item.line, used=used), item.text)
    for label in [label for label in doc.notes if label not in used]:
        note = doc.notes.pop(label)
        doc.warn(
            note.line,
            f"note {label} has no marker <sup>{label}</sup> in the text: add the marker or remove the note",
            "note-unreferenced",
        )
        doc.unattached_notes.append(note)
    return doc


def _link(doc: Document, match: re.Match[str], *, line: int, used: set[str]) -> str:
    label = match.group(1)
    if label not in doc.notes:
        doc.warn(
            line,
            f"marker <sup>{label}</sup> has no note text: add a line '<sup>{label}</sup> text' or remove the marker",
            "note-missing",
        )
        return match.group(0)
    if label in used:
        doc.warn(line, f"note {label} is marked twice; each note takes one marker", "note-marked-twice")
        return match.group(0)
    used.add(label)
    return f"[^{label}]"


__all__ = ["NOTE_REF", "collect_notes", "link_note_markers"]
