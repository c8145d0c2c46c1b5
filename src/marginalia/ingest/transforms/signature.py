"""Recognise the signature that closes a preface or foreword (place, date, name)."""

from __future__ import annotations

import re

from marginalia.ingest.patterns import GLUED_END, LABEL, SENTENCE_END
from marginalia.model import Block, Document, LineGroup, Paragraph, RawBlock, Signature
from marginalia.scripts import CJK

MAX_SIGNATURE_WORDS = 8
LONE_ITEM = re.compile(r"^\s*[-*+•]\s+(\S.*)$")
LAST_SENTENCE_END = re.compile(r".*[.?!…。！？](?:[\"'”’)»]|\[\^[^\]\s]+\])*\s+(?=\S)")
"""A paragraph's text up to its last sentence's end and the space after it (greedy: the last one)."""


def extract_signatures(doc: Document) -> Document:
    """Turn the short, unpunctuated blocks ending a prose section into a `Signature`.

    A signature of one line (its name) under a paragraph that ends with the signature's first line run onto it
    ("… welcomed. Ambassador of the USSR in the PRC" / "M. Suslov") takes that line back.

    Args:
        doc: A sectioned document.

    Returns:
        The document with signatures in place of those blocks.
    """
    _closing_heading_as_line(doc)
    for section in doc.sections:
        if section.kind != "prose":
            continue
        end = len(section.blocks)
        if end > 2 and _lone_item(section.blocks[-1]) and _signature_like(section.blocks[-2]):
            end -= 1  # its last line, set as a list of one item (an initial read as a list's letter: "- A. Gromyko")
        start = end
        while start > 1 and _signature_like(section.blocks[start - 1]):
            start -= 1
        if start == end or not _prose(section.blocks[start - 1]):
            continue
        lines: list[str] = []
        for block in section.blocks[start:]:
            lines.extend(
                block.lines
                if isinstance(block, LineGroup)
                else [block.text]
                if isinstance(block, Paragraph)
                else [_lone_item(block)]
            )
        first_line = section.blocks[start].line
        run_on = _signature_run_on(section.blocks[start - 1]) if len(lines) == 1 else None
        kept: list[Block] = []
        if run_on:  # its first line, which the extraction ran onto the paragraph above
            paragraph, line = run_on
            lines.insert(0, line)
            start, kept = start - 1, [paragraph]
        section.blocks[start:] = [*kept, Signature(first_line, lines)]
    return doc


def _closing_heading_as_line(doc: Document) -> None:
    """Make a heading that closes the text, with at most a signature's lines under it, a line of the section before.

    Short and unpunctuated, it is a line of the signature an extractor set large: its name under the line above
    ("## L. Shaoqi" under "Ambassador of the USSR in the PRC"), or its first line over the name ("## Ambassador of
    the USSR in the PRC" over "M. Zedong"). A signature has two lines at least: a heading alone under prose stays.
    """
    if len(doc.sections) < 2:
        return
    last, before = doc.sections[-1], doc.sections[-2]
    if last.number or last.notes or not last.title or not before.blocks or before.kind != "prose":
        return
    lines = [Paragraph(last.line, last.title), *last.blocks]
    if not all(_signature_like(block) for block in lines):
        return
    if len(lines) < 2 and not _signature_like(before.blocks[-1]):
        run_on = _signature_run_on(before.blocks[-1])
        if not run_on:
            return
        paragraph, line = run_on
        before.blocks[-1:] = [paragraph, Paragraph(paragraph.line, line)]
    before.blocks += lines
    doc.sections.pop()


def _signature_run_on(block: Block) -> tuple[Paragraph, str] | None:
    """A paragraph without the signature's line run onto its end, capitalised and short, and that line; or None."""
    if not isinstance(block, Paragraph) or not (sentences := LAST_SENTENCE_END.match(block.text)):
        return None
    line = block.text[sentences.end() :]
    if not line[0].isupper() or not _signature_like(Paragraph(block.line, line)):
        return None
    return Paragraph(block.line, sentences.group().rstrip()), line


def _prose(block: Block) -> bool:
    """Whether a block is prose: a paragraph, or a line a bold label opens (a speaker's turn), never a list."""
    return isinstance(block, Paragraph) or (isinstance(block, RawBlock) and bool(LABEL.match(block.lines[0])))


def _lone_item(block: Block) -> str:
    """The text of a list of one short item, such as a signature's line would be, or ""."""
    if not isinstance(block, RawBlock) or len(block.lines) != 1:
        return ""
    item = LONE_ITEM.match(block.lines[0])
    text = item.group(1).strip() if item else ""
    return text if text and _signature_like(Paragraph(block.line, text)) else ""


def _signature_like(block: Block) -> bool:
    if isinstance(block, LineGroup):
        lines = block.lines
    elif isinstance(block, Paragraph):
        lines = [block.text]
    else:
        return False
    return all(
        _words(line) <= MAX_SIGNATURE_WORDS and not SENTENCE_END.search(GLUED_END.sub("", line)) for line in lines
    )


def _words(line: str) -> int:
    """A line's words; Chinese, written without spaces, counts a word for every two characters."""
    return len(line.split()) + len(CJK.findall(line)) // 2
