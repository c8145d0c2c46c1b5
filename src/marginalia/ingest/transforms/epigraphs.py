"""Move an epigraph, a quotation with its attribution printed under the title, into the metadata."""

from __future__ import annotations

import re

from marginalia.ingest.patterns import RUN_IN_ATTRIBUTION, SENTENCE_END
from marginalia.ingest.transforms.quotes_tables import ATTRIBUTION
from marginalia.model import Block, Document, Paragraph, Quotation, RawBlock

MAX_EPIGRAPH_PARAGRAPHS = 2
MAX_EPIGRAPH_WORDS = 120
DASH_ITEM = re.compile(r"^\s*[-–—]\s+(\S.{0,150})$")
"""A line set as a list's item under a dash: an attribution whose dash an extractor read as a bullet."""


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
        elif isinstance(first, Quotation) and len(doc.blocks) > 1 and (byline := _attribution(doc.blocks, 1)):
            first.attribution = byline.group(1).strip()  # its attribution set apart, under it
            doc.metadata.epigraphs.append(first)
            del doc.blocks[:2]
        elif unmarked := _unmarked_epigraph(doc) or _run_in_epigraph(doc):
            doc.metadata.epigraphs.append(unmarked)
        else:
            break
    return doc


def _unmarked_epigraph(doc: Document) -> Quotation | None:
    """Short paragraphs at the body's start, then an attribution line: an epigraph set without a quotation's marks.

    The attribution may be marked alone, as a quotation of that one line (set apart from the margin, it was read
    as one), the epigraph's text not.
    """
    for count in range(1, MAX_EPIGRAPH_PARAGRAPHS + 1):
        opening = doc.blocks[: count + 1]
        if len(opening) <= count or not all(isinstance(block, Paragraph) for block in opening[:count]):
            return None
        quoted = [block for block in opening[:count] if isinstance(block, Paragraph)]
        byline = _attribution(doc.blocks, count)
        if byline and sum(len(p.text.split()) for p in quoted) <= MAX_EPIGRAPH_WORDS:
            del doc.blocks[: count + 1]
            return Quotation(quoted[0].line, quoted, byline.group(1).strip())
    return None


def _run_in_epigraph(doc: Document) -> Quotation | None:
    """A short paragraph at the body's start that ends with its attribution after a dash, the two on one line.

    An extractor may run an epigraph's one line and its attribution under it together ("Ministry insisted …
    decisive. — Anastas Mikoyan, 1964"): after a sentence's end, a dash and a short source that ends no sentence and
    opens with a capital, when the body follows.
    """
    first = doc.blocks[0]
    run_in = RUN_IN_ATTRIBUTION.match(first.text) if isinstance(first, Paragraph) and len(doc.blocks) > 1 else None
    if run_in is None or len(run_in.group("text").split()) > MAX_EPIGRAPH_WORDS:
        return None
    del doc.blocks[0]
    return Quotation(first.line, [Paragraph(first.line, run_in.group("text"))], run_in.group("by").strip())


def _attribution(blocks: list[Block], index: int) -> re.Match[str] | None:
    """The attribution line that a block is, or None.

    A line that opens with a dash, or a list's one item under a dash ("- Mao Zedong, 1930": an extractor read the
    dash as a bullet) that ends no sentence, when the body follows it, not another item (nor nothing: a signature's
    last line ends a text).
    """
    block = blocks[index]
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if isinstance(block, RawBlock) and len(block.lines) == 1 and (item := DASH_ITEM.match(block.lines[0])):
        another = isinstance(following, RawBlock) and DASH_ITEM.match(following.lines[0])
        if following is None or another or SENTENCE_END.search(item.group(1).rstrip()):
            return None
        return ATTRIBUTION.match(f"— {item.group(1)}")
    return ATTRIBUTION.match(_line_alone(block))


def _line_alone(block: Block) -> str:
    """A paragraph's text, or the one paragraph's of a quotation with no attribution; else ""."""
    if isinstance(block, Quotation) and len(block.paragraphs) == 1 and not block.attribution:
        return block.paragraphs[0].text
    return block.text if isinstance(block, Paragraph) else ""
