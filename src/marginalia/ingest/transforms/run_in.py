"""Set apart a section's heading that an extraction ran into the text, on a line of its own.

An extractor that reads a page by its blocks of text may print a heading in the
paragraph it stands between, as the font set it: `… summit for. **_24.1.1 Formal
speech and the talks_** Joseph Stalin …`. Such a span is a heading when it is
what the text's own headings say comes next: set in bold, after a sentence's end
and before the next sentence's capital, opening with a section number that is
the child or the next sibling of a heading the text has ("24.1" or "24.1.0" before
"24.1.1"), and no heading of its own elsewhere. The line is cut there into the
text before it, the heading, and the text after it, each a block, so that
`classify_blocks` reads the heading as it reads one set alone in bold (`**24.1.1 Formal speech and the talks**`).
"""

from __future__ import annotations

import re

from marginalia.ingest.patterns import SECTION_NUMBER, TAG
from marginalia.model import Block, Document, RawBlock

RUN_IN_HEADING = re.compile(
    r"(?<=[.?!…])(?:<sup>\d{1,3}</sup>)?\s+"
    r"(?:\*\*|__)(?P<inner>[*_]?)(?P<text>(?P<number>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+[^*_\n]{1,120}?)(?P=inner)(?:\*\*|__)"
    r"\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁ])"
)
"""A bold span that opens with a section number (`**_24.1.1 Formal speech_**`), between a sentence's end and the next
sentence's capital."""
HEADING_LINE = re.compile(r"^\s{0,3}(?:#{1,6}\s+(?:[*_]{2,3})?|[*_]{2,3})(?P<text>\d[^*_]*?)(?:[*_]{2,3})?\s*$")
"""A line set as a heading, or alone in bold, that opens with a number: its text."""


def set_apart_run_in_headings(doc: Document) -> Document:
    """Cut each line that holds a heading run into the text into the text before it, the heading and the rest.

    Args:
        doc: The split document, its page furniture removed.

    Returns:
        The document, each run-in heading a block of its own.
    """
    numbers = _heading_numbers(doc.blocks)
    if not numbers:
        return doc
    blocks: list[Block] = []
    for block in doc.blocks:
        blocks += _cut(block, numbers) if isinstance(block, RawBlock) else [block]
    doc.blocks = blocks
    return doc


def _heading_numbers(blocks: list[Block]) -> set[tuple[int, ...]]:
    """The section numbers of the text's headings: lines set as headings, or alone in bold, opening with one."""
    numbers = set()
    for block in blocks:
        if isinstance(block, RawBlock) and len(block.lines) == 1 and (line := HEADING_LINE.match(block.lines[0])):
            numbered = SECTION_NUMBER.match(TAG.sub("", line.group("text")))
            if numbered:
                numbers.add(_parts(numbered.group(1)))
    return numbers


def _parts(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def _follows(number: tuple[int, ...], numbers: set[tuple[int, ...]]) -> bool:
    """Whether a section number comes next after the text's headings: a child of one, or the next sibling."""
    previous = (*number[:-1], number[-1] - 1)
    return number not in numbers and (number[:-1] in numbers or previous in numbers)


def _cut(block: RawBlock, numbers: set[tuple[int, ...]]) -> list[Block]:
    """The block cut before and after each heading run into its lines; `numbers` gains the headings found."""
    pieces: list[Block] = []
    start = 0  # the first line of the block not yet given out
    lines = list(block.lines)
    for offset in range(len(lines)):
        while found := _run_in(lines[offset], numbers):
            numbers.add(_parts(found.group("number")))
            pieces.append(RawBlock(block.line + start, [*lines[start:offset], lines[offset][: found.start()].rstrip()]))
            pieces.append(RawBlock(block.line + offset, [f"**{found.group('text')}**"]))  # bold alone: a heading
            lines[offset], start = lines[offset][found.end() :], offset
    if not pieces:
        return [block]
    pieces.append(RawBlock(block.line + start, lines[start:]))
    return pieces


def _run_in(line: str, numbers: set[tuple[int, ...]]) -> re.Match[str] | None:
    """The first heading run into `line` whose number comes next (`_follows`)."""
    if "**" not in line and "__" not in line:
        return None
    return next((m for m in RUN_IN_HEADING.finditer(line) if _follows(_parts(m.group("number")), numbers)), None)
