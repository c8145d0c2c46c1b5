"""Recognise headings, rules and note texts among the split blocks."""

from __future__ import annotations

from marginalia.ingest.patterns import HEADING, NOTE_LINE, RULE, join_lines
from marginalia.model import Block, Document, Heading, NoteText, PageBreak, RawBlock


def classify_blocks(doc: Document) -> Document:
    """Turn raw blocks that are headings, rules or `<sup>N</sup>` note texts into typed blocks.

    A heading or rule that shares a block with text (no blank line between) is
    split off from it.

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
        if pending is None:
            pending = RawBlock(number, [])
            result.append(pending)
        pending.lines.append(line)
    return [_note_or_raw(b) if isinstance(b, RawBlock) else b for b in result]


def _note_or_raw(block: RawBlock) -> Block:
    note = NOTE_LINE.match(block.lines[0])
    if note is None:
        return block
    return NoteText(block.line, note.group(1), join_lines([note.group(2), *block.lines[1:]]))
