"""Take the correspondence block (`✉ Name`, e-mail, affiliations) out of the running text."""

from __future__ import annotations

from marginalia.ingest.patterns import MARKER
from marginalia.model import Block, Document, Heading, LabelledValue, NoteText, PageBreak, RawBlock

CONTACT_SIGN = "✉"


def extract_contact(doc: Document) -> Document:
    """Move the `✉` block and the affiliation lines after it into metadata.

    Journal PDFs print the corresponding author's address at the foot of the
    first page, often between a footnote and the rest of a paragraph. The
    affiliation lines after it (`<sup>1</sup> Law School Building …`) answer to
    the author line's markers and are not footnotes, even when a footnote with
    the same number exists. A page break is left in their place so that the
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
        if isinstance(block, RawBlock) and block.lines[0].lstrip().startswith(CONTACT_SIGN):
            in_contact = True
            first = block.lines[0].lstrip()[len(CONTACT_SIGN) :].strip()
            doc.metadata.contact.append(LabelledValue(block.line, CONTACT_SIGN, first))
            doc.metadata.contact.extend(
                LabelledValue(block.line + i, "", line.strip()) for i, line in enumerate(block.lines[1:], 1)
            )
            kept.append(PageBreak(block.line))
        elif in_contact and isinstance(block, NoteText) and block.label in markers:
            doc.metadata.affiliations.append(LabelledValue(block.line, block.label, block.text))
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
