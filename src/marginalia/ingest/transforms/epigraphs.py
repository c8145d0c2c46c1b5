"""Move an epigraph, a quotation with its attribution printed under the title, into the metadata."""

from __future__ import annotations

from marginalia.model import Document, Quotation


def read_epigraphs(doc: Document) -> Document:
    """Take the attributed quotations that open the body, before its first paragraph, as the text's epigraphs.

    Args:
        doc: A document whose quotations are read (`rejoin_paragraphs`).

    Returns:
        The document; its epigraphs in `Metadata.epigraphs`.
    """
    while doc.blocks and isinstance(first := doc.blocks[0], Quotation) and first.attribution:
        doc.metadata.epigraphs.append(first)
        doc.blocks.pop(0)
    return doc
