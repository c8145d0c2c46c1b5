"""Rejoin paragraphs that page breaks cut in two, and words hyphenated across them."""

from __future__ import annotations

import re

from marginalia.ingest.patterns import MARKER, SENTENCE_END, hard_lines, join_lines
from marginalia.model import Block, Document, LineGroup, PageBreak, Paragraph, RawBlock, Repair

STRUCTURED_START = re.compile(r"^(?:[-*+]\s|\d+\.\s|<b>|\*\*[^*]+\*\*\s|>)")
"""Blocks that are lists, contents lines, labelled entries or quotes, not running prose."""
HYPHENATED_END = re.compile(r"(?<=[^\W\d_])-$")
NO_SPACE_AFTER = ("—", "–", "/")


def rejoin_paragraphs(doc: Document) -> Document:
    """Turn prose blocks into paragraphs, joining those a page break split.

    Two neighbouring prose blocks (with only page breaks or a blank line
    between) are one paragraph when the second starts in lower case or the
    first does not end a sentence. A word hyphenated at the join ("addi-" /
    "tion") is rejoined without its hyphen when the second part is lower case.
    Each join is recorded in `Document.repairs`. Blocks with hard line breaks
    become `LineGroup`s; structured blocks (lists, tabbed lines) stay raw for
    the section parsers.

    Args:
        doc: A document whose notes and metadata left page breaks behind.

    Returns:
        The document with `Paragraph`s and no page breaks.
    """
    result: list[Block] = []
    previous: Paragraph | None = None
    for block in doc.blocks:
        if isinstance(block, PageBreak):
            continue
        typed = _type(block)
        if isinstance(typed, Paragraph) and previous is not None and _continues(previous.text, typed.text):
            _join(doc, previous, typed)
            continue
        previous = typed if isinstance(typed, Paragraph) else None
        result.append(typed)
    doc.blocks = result
    return doc


def _type(block: Block) -> Block:
    if not isinstance(block, RawBlock) or STRUCTURED_START.match(block.lines[0]) or "\t" in block.text:
        return block
    if block.has_hard_breaks:
        return LineGroup(block.line, hard_lines(block.lines))
    return Paragraph(block.line, join_lines(block.lines))


def _continues(first: str, second: str) -> bool:
    end = MARKER.sub("", first).rstrip()
    start = second.lstrip("“\"‘'(*_[")
    return start[:1].islower() or not SENTENCE_END.search(end)


def _join(doc: Document, first: Paragraph, second: Paragraph) -> None:
    head, tail = first.text.rstrip(), second.text.lstrip()
    if HYPHENATED_END.search(head) and tail[:1].islower():
        word_end, word_start = head.rsplit(maxsplit=1)[-1], tail.split(maxsplit=1)[0]
        doc.repairs.append(Repair(second.line, "dehyphenate", f"{word_end}|{word_start}"))
        first.text = head[:-1] + tail
        return
    doc.repairs.append(Repair(second.line, "rejoin", f"{_last_words(head)}|{_first_words(tail)}"))
    joiner = "" if head.endswith(NO_SPACE_AFTER) or head.endswith("-") else " "
    first.text = head + joiner + tail


def _last_words(text: str) -> str:
    return " ".join(text.split()[-3:])


def _first_words(text: str) -> str:
    return " ".join(text.split()[:3])
