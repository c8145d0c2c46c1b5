"""Take the licence statement (`**Open Access** This article is licensed …`) out of the text."""

from __future__ import annotations

import re

from marginalia.ingest.patterns import join_lines
from marginalia.model import Block, Document, RawBlock

LICENSE_STATEMENT = re.compile(r"^\*\*Open Access\*\*\s|^Open Access\s+(?=.*\blicen[cs]ed\b)", re.IGNORECASE)
"""A bold "Open Access" label, or the words unmarked (a plain-text extraction) before a "… is licensed …" sentence."""


def extract_license(doc: Document) -> Document:
    """Move the licence statement into metadata.

    It is a paragraph that opens with an "Open Access" label, bold, or unmarked before "… is licensed …".

    Args:
        doc: A classified document.

    Returns:
        The document without the licence statement in its flow.
    """
    kept: list[Block] = []
    for block in doc.blocks:
        if isinstance(block, RawBlock) and LICENSE_STATEMENT.match(join_lines(block.lines)):
            if doc.metadata.license_statement:
                doc.warn(block.line, "a second licence statement; only one is expected", "license-duplicate")
                kept.append(block)
                continue
            doc.metadata.license_statement = join_lines(block.lines)
            doc.metadata.license_line = block.line
            continue
        kept.append(block)
    doc.blocks = kept
    return doc
