"""Take the correspondence block (`✉ Name`, e-mail, affiliations) out of the running text."""

from __future__ import annotations

import re

from marginalia.ingest.patterns import MARKER, is_address
from marginalia.model import Block, Document, Heading, LabelledValue, NoteText, PageBreak, RawBlock

CONTACT_SIGN = "✉"
CONTACT_LINE = re.compile(r"^\s*(?:&#96;)?✉(?:&#96;)?\s*(.*)$")
"""The contact line, its sign perhaps in backquotes (as an extractor writes a symbol it set in another font)."""
E_MAIL = re.compile(r"^\s*\S+@\S+\.\w+\s*$")


def extract_contact(doc: Document) -> Document:
    """Move the `✉` block and the affiliation lines after it into metadata.

    Journal PDFs print the corresponding author's address at the foot of the
    first page, often between a footnote and the rest of a paragraph. The
    affiliation lines after it (`<sup>1</sup> Law School Building …`) answer to
    the author line's markers and are not footnotes, even when a footnote with
    the same number exists. Where an extraction set them apart, the e-mail
    address and an address line with no marker (short, no sentence) that follow
    the `✉` line are read too. A page break is left in their place so that the
    paragraph around them is rejoined.

    Args:
        doc: A classified document.

    Returns:
        The document without its contact block.
    """
    markers = _author_markers(doc.blocks)
    kept: list[Block] = []
    in_contact = False
    for block in doc.blocks:
        contact = CONTACT_LINE.match(block.lines[0]) if isinstance(block, RawBlock) else None
        if isinstance(block, RawBlock) and contact:
            in_contact = True
            doc.metadata.contact.append(LabelledValue(block.line, CONTACT_SIGN, contact.group(1).strip()))
            doc.metadata.contact.extend(
                LabelledValue(block.line + i, "", line.strip()) for i, line in enumerate(block.lines[1:], 1)
            )
            kept.append(PageBreak(block.line))
        elif in_contact and isinstance(block, NoteText) and block.label in markers:
            doc.metadata.affiliations.append(LabelledValue(block.line, block.label, block.text))
        elif in_contact and isinstance(block, RawBlock) and len(block.lines) == 1 and E_MAIL.match(block.lines[0]):
            doc.metadata.contact.append(LabelledValue(block.line, "", block.lines[0].strip()))
        elif in_contact and isinstance(block, RawBlock) and len(block.lines) == 1 and is_address(block.lines[0]):
            doc.metadata.affiliations.append(LabelledValue(block.line, "", block.lines[0].strip()))
        else:
            in_contact = False
            kept.append(block)
    doc.blocks = kept
    return doc


def _author_markers(blocks: list[Block]) -> set[str]:
    """Markers on the byline: the first text block after the level-1 title."""
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and block.level == 1:
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if isinstance(following, RawBlock):
                return set(MARKER.findall(following.text))
            return set()
    return set()
