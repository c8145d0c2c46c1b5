"""Move an epigraph, a quotation with its attribution printed under the title, into the metadata."""

from __future__ import annotations

from marginalia.ingest.transforms.quotes_tables import ATTRIBUTION
from marginalia.model import Document, Paragraph, Quotation

MAX_EPIGRAPH_PARAGRAPHS = 2
MAX_EPIGRAPH_WORDS = 120


def read_epigraphs(doc: Document) -> Document:
    """Take the attributed quotations that open the body, before its first paragraph, as the text's epigraphs.

    An extraction may mark an epigraph as a quotation (`>` lines) or not at all: then it is one or two short
    paragraphs followed by a line that starts with a dash ("— Anastas Mikoyan, 1950") at the body's start.

    Args:
        doc: A document whose quotations are read (`rejoin_paragraphs`).

    Returns:
        The document; its epigraphs in `Metadata.epigraphs`.
    """
    while doc.blocks:
        first = doc.blocks[0]
        if isinstance(first, Quotation) and first.attribution:
            doc.metadata.epigraphs.append(first)
            doc.blocks.pop(0)
        elif unmarked := _unmarked_epigraph(doc):
            doc.metadata.epigraphs.append(unmarked)
        else:
            break
    return doc


def _unmarked_epigraph(doc: Document) -> Quotation | None:
    """Short paragraphs at the body's start, then an attribution line: an epigraph set without a quotation's marks."""
    for count in range(1, MAX_EPIGRAPH_PARAGRAPHS + 1):
        opening = doc.blocks[: count + 1]
        if len(opening) <= count or not all(isinstance(block, Paragraph) for block in opening):
            return None
        *quoted, attribution = (block for block in opening if isinstance(block, Paragraph))
        byline = ATTRIBUTION.match(attribution.text)
        if byline and sum(len(p.text.split()) for p in quoted) <= MAX_EPIGRAPH_WORDS:
            del doc.blocks[: count + 1]
            return Quotation(quoted[0].line, quoted, byline.group(1).strip())
    return None
