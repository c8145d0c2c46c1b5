"""Recognise the signature that closes a preface or foreword (place, date, name)."""

from __future__ import annotations

from marginalia.ingest.patterns import LABEL, SENTENCE_END
from marginalia.model import Block, Document, LineGroup, Paragraph, RawBlock, Signature

MAX_SIGNATURE_WORDS = 8


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
    return all(len(line.split()) <= MAX_SIGNATURE_WORDS and not SENTENCE_END.search(line) for line in lines)
