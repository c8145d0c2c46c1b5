"""Recognise headings, rules and note texts among the split blocks."""

from __future__ import annotations

import re

from marginalia.ingest.patterns import HEADING, NOTE_LINE, RULE, join_lines
from marginalia.model import Block, Document, Heading, NoteText, PageBreak, RawBlock

STRUCTURAL_TITLES = frozenset(
    {
        "abstract",
        "notes",
        "note",
        "endnotes",
        "references",
        "reference",
        "bibliography",
        "works cited",
        "sources",
        "further reading",
    }
)
"""Titles that PDF extraction often leaves as a bare line (`NOTES`, `**References**`) rather than a `#` heading."""
BARE_TITLE = re.compile(r"^\s*(?:\*\*|__)?([A-Za-z][A-Za-z ]*?)(?:\*\*|__)?:?\s*$")


def classify_blocks(doc: Document) -> Document:
    """Turn raw blocks that are headings, rules or `<sup>N</sup>` note texts into typed blocks.

    A heading or rule that shares a block with text (no blank line between) is
    split off from it. A one-line block that is only a structural title
    (`NOTES`, `Abstract`, `**References**`) is a heading too. A block of
    several note texts (each line `<sup>N</sup> …`) becomes one note per line.

    Args:
        doc: A document whose blocks are all `RawBlock`s.

    Returns:
        The document with typed blocks where the source's form is unambiguous.
    """
    classified: list[Block] = []
    for block in doc.blocks:
        if isinstance(block, RawBlock):
            classified.extend(_classify(block))
        else:
            classified.append(block)
    doc.blocks = classified
    return doc


def _classify(block: RawBlock) -> list[Block]:
    result: list[Block] = []
    pending: RawBlock | None = None
    for offset, line in enumerate(block.lines):
        number = block.line + offset
        heading = HEADING.match(line)
        if heading or RULE.match(line):
            pending = None
            result.append(Heading(number, len(heading.group(1)), heading.group(2)) if heading else PageBreak(number))
            continue
        if pending is None or (NOTE_LINE.match(line) and NOTE_LINE.match(pending.lines[0])):
            pending = RawBlock(number, [])
            result.append(pending)
        pending.lines.append(line)
    return [_typed(b) if isinstance(b, RawBlock) else b for b in result]


def _typed(block: RawBlock) -> Block:
    bare = BARE_TITLE.match(block.lines[0]) if len(block.lines) == 1 else None
    if bare and re.sub(r"\s+", " ", bare.group(1).strip().lower()) in STRUCTURAL_TITLES:
        return Heading(block.line, 2, bare.group(1).strip())
    note = NOTE_LINE.match(block.lines[0])
    if note is None:
        return block
    return NoteText(block.line, note.group(1), join_lines([note.group(2), *block.lines[1:]]))
