"""Take the abstract and the keywords out of the running text."""

from __future__ import annotations

import re

from marginalia.ingest.patterns import SENTENCE_END, join_lines
from marginalia.model import Block, Document, Heading, Paragraph, RawBlock

ABSTRACT_HEADING = re.compile(r"^abstract$", re.IGNORECASE)
INLINE_ABSTRACT = re.compile(
    r"^\*\*(Abstract)\*\*:?\s+(.*)$|^(Abstract)(?::\s+|\s+(?=(?-i:[A-Z])))(.*)$", re.DOTALL | re.IGNORECASE
)
"""An abstract printed as a labelled paragraph rather than under a heading."""
TRAILING_LABEL = re.compile(r"(?<=\S)\s+(Abstract)\s*$")
"""The abstract's heading at the end of the line above it, where an extraction ran the two together."""
KEYWORDS = re.compile(
    r"^\*\*(Key ?words?)\*\*:?\s*(.*)$|^(Key ?words?)(?::\s*|\s+(?=\S))(.*)$", re.DOTALL | re.IGNORECASE
)
"""`**Keywords** …`, `Keywords: …` or a bare `Keywords …` line."""
RUN_IN_KEYWORDS = re.compile(r"(?<=[.?!])\s+(Key ?words?):?\s+([^.?!]+)$", re.IGNORECASE)
"""A keywords line run into the end of the abstract: after its last sentence, a list with no sentence in it."""
KEYWORD_SEPARATOR = re.compile(r"\s*[·•;]\s*")
"""What separates keywords; a comma does only in a list that uses none of these."""
COMMA = re.compile(r"\s*,\s*")
KEYWORDS_HEADING = re.compile(r"^key ?words?$", re.IGNORECASE)
MAX_KEYWORD_LINES = 3


def extract_abstract(doc: Document) -> Document:
    """Move an `Abstract` section (or a `**Abstract**` paragraph) and a `**Keywords**` line into metadata.

    The abstract runs from its heading to the next heading or the keywords line.

    Args:
        doc: A classified document.

    Returns:
        The document without abstract and keywords in its flow.
    """
    kept: list[Block] = []
    in_abstract = False
    keywords_next = False  # a "Keywords" line standing alone: the keywords are the next block
    for block in [part for whole in doc.blocks for part in _cut_at_the_abstract(whole)]:
        if isinstance(block, Heading):
            keywords_next = bool(KEYWORDS_HEADING.match(block.text.strip()))
            in_abstract = bool(ABSTRACT_HEADING.match(block.text))
            if keywords_next:
                doc.metadata.keywords_label = block.text.strip()
                continue
            if in_abstract:
                doc.metadata.abstract_label = block.text
                continue
        if keywords_next and isinstance(block, RawBlock) and not doc.metadata.keywords:
            doc.metadata.keywords = _split_keywords(join_lines(block.lines))
            keywords_next = False
            continue
        trailing = _trailing_label(block)
        if isinstance(block, RawBlock) and trailing and not doc.metadata.abstract:
            # An extractor ran the abstract's heading into the line above it ("… 16 January 2020 Abstract").
            block.lines[-1] = block.lines[-1][: trailing.start()]
            doc.metadata.abstract_label, in_abstract = trailing.group(1), True
            kept.append(block)  # the line above is no part of the abstract
            continue
        if isinstance(block, RawBlock) and not doc.metadata.abstract:
            inline = INLINE_ABSTRACT.match(join_lines(block.lines))
            if inline:
                doc.metadata.abstract_label = inline.group(1) or inline.group(3)
                text = inline.group(2) if inline.group(1) else inline.group(4)
                doc.metadata.abstract.append(Paragraph(block.line, text.strip()))
                continue
        if isinstance(block, RawBlock):
            text = join_lines(block.lines)
            keywords = KEYWORDS.match(text) if len(block.lines) <= MAX_KEYWORD_LINES else None
            if keywords and keywords.group(3) and ":" not in text[:12] and SENTENCE_END.search(text):
                keywords = None  # a bare "Keywords such as …" sentence is prose, not a keywords line
            if keywords and not doc.metadata.keywords:  # a second keywords line stays in the text, never lost
                label = keywords.group(1) or keywords.group(3)
                doc.metadata.keywords_label = label
                doc.metadata.keywords = _split_keywords(keywords.group(2) if keywords.group(1) else keywords.group(4))
                in_abstract = False
                continue
            if in_abstract:
                in_abstract = _abstract_paragraph(doc, block.line, text)
                continue
        kept.append(block)
    doc.blocks = kept
    return doc


def _cut_at_the_abstract(block: Block) -> list[Block]:
    """A block laid out line by line, cut where an `Abstract` line stands alone in it and where keywords begin.

    An extraction may set a first page's lines under one another with hard breaks and no gap ("Received: … /
    Accepted: …", "Abstract", its text, "Keywords …"): the lines above the label stay a block, the label heads
    the abstract, and the keywords line is a block of its own.
    """
    if not isinstance(block, RawBlock) or not block.has_hard_breaks:
        return [block]
    label = next((i for i, line in enumerate(block.lines) if ABSTRACT_HEADING.match(line.strip())), None)
    if label is None or label == len(block.lines) - 1:
        return [block]
    rest = block.lines[label + 1 :]
    keywords = next((i for i, line in enumerate(rest) if KEYWORDS.match(line.strip())), len(rest))
    parts: list[Block] = [RawBlock(block.line, block.lines[:label])] if label else []
    parts.append(Heading(block.line + label, 2, block.lines[label].strip()))
    parts += [RawBlock(block.line + label + 1, [line.rstrip() for line in rest[:keywords]])] if keywords else []
    parts += [RawBlock(block.line + label + 1 + keywords, rest[keywords:])] if keywords < len(rest) else []
    return parts


def _abstract_paragraph(doc: Document, line: int, text: str) -> bool:
    """Add a paragraph to the abstract; whether the abstract goes on.

    A keywords line that an extraction ran into its end ("… river. Keywords A · B · C": after its last sentence, a
    list) ends it.
    """
    run_in = RUN_IN_KEYWORDS.search(text)
    if run_in is None or not KEYWORD_SEPARATOR.search(run_in.group(2)) or doc.metadata.keywords:
        doc.metadata.abstract.append(Paragraph(line, text))
        return True
    doc.metadata.abstract.append(Paragraph(line, text[: run_in.start()].rstrip()))
    doc.metadata.keywords_label = run_in.group(1)
    doc.metadata.keywords = _split_keywords(run_in.group(2))
    return False


def _trailing_label(block: Block) -> re.Match[str] | None:
    """The abstract's heading run into the end of a block's last line, asked of the line's end first."""
    if not isinstance(block, RawBlock) or not block.lines[-1].rstrip().endswith("Abstract"):
        return None
    return TRAILING_LABEL.search(block.lines[-1])


def _split_keywords(values: str) -> list[str]:
    separator = KEYWORD_SEPARATOR if KEYWORD_SEPARATOR.search(values) else COMMA
    return [k for k in separator.split(values.strip()) if k]
