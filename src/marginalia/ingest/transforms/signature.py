"""Recognise the signature that closes a preface or foreword (place, date, name)."""

from __future__ import annotations

import re

from marginalia.ingest.patterns import GLUED_MARKER, LABEL, SENTENCE_END
from marginalia.model import Block, Document, LineGroup, Paragraph, RawBlock, Signature
from marginalia.scripts import CJK

MAX_SIGNATURE_WORDS = 8
GLUED_END = re.compile(rf"{GLUED_MARKER.pattern}$")
"""A note number glued to a line's last word ("会谈。3"): the sentence ends before it."""


def extract_signatures(doc: Document) -> Document:
    """Turn the short, unpunctuated blocks ending a prose section into a `Signature`.

    Args:
        doc: A sectioned document.

    Returns:
        The document with signatures in place of those blocks.
    """
    for section in doc.sections:
        if section.kind != "prose":
            continue
        start = len(section.blocks)
        while start > 1 and _signature_like(section.blocks[start - 1]):
            start -= 1
        if start == len(section.blocks) or not _prose(section.blocks[start - 1]):
            continue
        lines: list[str] = []
        for block in section.blocks[start:]:
            lines.extend(
                block.lines if isinstance(block, LineGroup) else [block.text] if isinstance(block, Paragraph) else []
            )
        section.blocks[start:] = [Signature(section.blocks[start].line, lines)]
    return doc


def _prose(block: Block) -> bool:
    """Whether a block is prose: a paragraph, or a line a bold label opens (a speaker's turn), never a list."""
    return isinstance(block, Paragraph) or (isinstance(block, RawBlock) and bool(LABEL.match(block.lines[0])))


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
