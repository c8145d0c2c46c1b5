"""Recognise headings, rules and note texts among the split blocks."""

from __future__ import annotations

import re

from marginalia.ingest.patterns import HEADING, NOTE_LINE, RULE, SENTENCE_END, join_lines
from marginalia.model import Block, Document, Heading, NoteText, PageBreak, RawBlock

STRUCTURAL_TITLES = frozenset(
    {
        "abstract",
        "keywords",
        "key words",
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
"""Titles of apparatus that PDF extraction often leaves as a bare line (`NOTES`, `**References**`)."""
BARE_TITLES = STRUCTURAL_TITLES | {
    "introduction",
    "conclusion",
    "conclusions",
    "acknowledgements",
    "acknowledgments",
    "prologue",
    "epilogue",
    "postscript",
}
"""Every title taken for a heading when it stands alone on a line, apparatus or not."""
BARE_TITLE = re.compile(r"^\s*(?:\*\*|__)?([A-Za-z][A-Za-z ]*?)(?:\*\*|__)?:?\s*$")
BOLD_HEADING = re.compile(r"^\*\*((?:\d+(?:\.\d+)*\.?\s+)?[^*\s][^*]*?)\*\*$")
"""A line wholly in bold, as some extractions print section headings: `**2 The alliance**`."""
MAX_HEADING_WORDS = 12


def classify_blocks(doc: Document) -> Document:
    """Turn raw blocks that are headings, rules or `<sup>N</sup>` note texts into typed blocks.

    A heading or rule that shares a block with text (no blank line between) is
    split off from it. A one-line block that is only a common title
    (`NOTES`, `Abstract`, `**References**`, `Introduction`), or a short line
    wholly in bold (`**2 The alliance**`), is a heading too. A block of
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
    line = block.lines[0].strip() if len(block.lines) == 1 else ""
    bare = BARE_TITLE.match(line)
    if bare and re.sub(r"\s+", " ", bare.group(1).strip().lower()) in BARE_TITLES:
        return Heading(block.line, 2, bare.group(1).strip())
    bold = BOLD_HEADING.match(line)
    if bold and len(bold.group(1).split()) <= MAX_HEADING_WORDS and not SENTENCE_END.search(bold.group(1)):
        return Heading(block.line, 2, bold.group(1).strip())
    note = NOTE_LINE.match(block.lines[0])
    if note is None:
        return block
    return NoteText(block.line, note.group(1), join_lines([note.group(2), *block.lines[1:]]))
