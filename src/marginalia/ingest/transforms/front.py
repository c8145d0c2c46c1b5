"""Read the title and the title and copyright pages that come before the first section.

Everything before the first section heading (other than the title) is front
matter. Blocks of a recognised form become metadata; the rest stays in
`Document.front`, in order and verbatim, to be shown on the title page.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from marginalia.ingest.patterns import MARKER, SENTENCE_END, hard_lines, join_lines
from marginalia.model import (
    Block,
    Document,
    Heading,
    LabelledValue,
    LineGroup,
    Paragraph,
    Person,
    RawBlock,
    Section,
)

DATE_LABEL = re.compile(r"^(Received|Revised|Accepted|Published(?: online)?|First published):\s*(.+)$")
ISBN = re.compile(r"ISBN\s+([0-9Xx][0-9Xx-]{8,16})(?:\s*\(([^)]+)\))?")
DOI_LINK = re.compile(r"^<(https?://(?:dx\.)?doi\.org/10\.[^>\s]+)>$")
ROLE = re.compile(r"^\*([A-Z][\w ]+)\*$")
TRANSLATORS = re.compile(r"^Translated by\b")
NAME_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+(?:and|&|·)\s+")


def extract_front_matter(doc: Document) -> Document:
    """Fill `Document.metadata` from the blocks before the first section heading.

    Args:
        doc: A classified document, abstract already extracted.

    Returns:
        The document whose flow starts at its first section heading.
    """
    title_index = next((i for i, b in enumerate(doc.blocks) if isinstance(b, Heading) and b.level == 1), None)
    if title_index is None:
        doc.warn(1, "no title: the text needs a level-1 heading (`# Title`)", "title-missing")
        return doc
    title = doc.blocks[title_index]
    assert isinstance(title, Heading)
    doc.metadata.title, doc.metadata.title_line = title.text, title.line
    end = next(
        (i for i in range(title_index + 1, len(doc.blocks)) if isinstance(doc.blocks[i], Heading)),
        len(doc.blocks),
    )
    _read_before_title(doc, doc.blocks[:title_index])
    _read_after_title(doc, doc.blocks[title_index + 1 : end])
    doc.blocks = doc.blocks[end:]
    return doc


def _read_before_title(doc: Document, blocks: list[Block]) -> None:
    """A series page (a heading and its blurb), then perhaps a byline just above the title."""
    if blocks and _is_byline(blocks[-1]):
        byline = blocks.pop()
        assert isinstance(byline, RawBlock)
        doc.metadata.people.append(_person(byline))
    if blocks and isinstance(blocks[0], Heading):
        heading = blocks[0]
        doc.metadata.series = Section(heading.line, heading.text, "", "prose", source_level=heading.level)
        doc.metadata.series.blocks = [_as_text_block(b) for b in blocks[1:]]
    else:
        doc.front.extend(_as_text_block(b) for b in blocks)


def _read_after_title(doc: Document, blocks: list[Block]) -> None:
    """Recognise authors, dates, ©, translators, editors, ISBNs and DOI; keep the rest."""
    readers: list[Callable[[Document, RawBlock], bool]] = [
        _read_dates,
        _read_copyright,
        _read_translators,
        _read_isbns,
        _read_doi,
    ]
    role: RawBlock | None = None
    for index, block in enumerate(blocks):
        if not isinstance(block, RawBlock):
            doc.front.append(block)
            continue
        if index == 0 and MARKER.search(block.text):
            _read_authors(doc, block)
            continue
        if ROLE.match(block.text):
            role = block
            continue
        if role is not None:
            role_match = ROLE.match(role.text)
            assert role_match is not None
            name, *affiliation = hard_lines(block.lines)
            doc.metadata.people.append(Person(block.line, name, role_match.group(1), "", affiliation))
            role = None
            continue
        if not any(read(doc, block) for read in readers):
            doc.front.append(_as_text_block(block))
    if role is not None:
        doc.front.append(_as_text_block(role))


def _read_authors(doc: Document, block: RawBlock) -> None:
    text = join_lines(block.lines)
    for part in NAME_SPLIT.split(text):
        markers = MARKER.findall(part)
        name = MARKER.sub("", part).strip()
        if name:
            doc.metadata.people.append(Person(block.line, name, "", ",".join(markers)))


def _read_dates(doc: Document, block: RawBlock) -> bool:
    if not DATE_LABEL.match(block.lines[0].strip()):
        return False
    for offset, line in enumerate(block.lines):
        number = block.line + offset
        if line.strip().startswith("©"):
            doc.metadata.copyright.append(LabelledValue(number, "©", line.strip()[1:].strip()))
            continue
        for part in line.strip().split(" / "):
            match = DATE_LABEL.match(part.strip())
            if match:
                doc.metadata.dates.append(LabelledValue(number, match.group(1), match.group(2)))
            else:
                doc.warn(number, f"cannot read {part.strip()!r} as a date: write it as 'Label: date'", "front-date")
                doc.metadata.dates.append(LabelledValue(number, "", part.strip()))
    return True


def _read_copyright(doc: Document, block: RawBlock) -> bool:
    if not block.lines[0].strip().startswith("©"):
        return False
    doc.metadata.copyright.append(LabelledValue(block.line, "©", join_lines(block.lines)[1:].strip()))
    return True


def _read_translators(doc: Document, block: RawBlock) -> bool:
    if not TRANSLATORS.match(block.lines[0].strip()):
        return False
    doc.metadata.translators.append(LabelledValue(block.line, "", join_lines(block.lines)))
    return True


def _read_isbns(doc: Document, block: RawBlock) -> bool:
    text = join_lines(block.lines)
    if not text.startswith("ISBN") or ISBN.sub("", text).strip():
        return False
    doc.metadata.isbns.extend(
        LabelledValue(block.line, f"ISBN ({m.group(2)})" if m.group(2) else "ISBN", m.group(1))
        for m in ISBN.finditer(text)
    )
    return True


def _read_doi(doc: Document, block: RawBlock) -> bool:
    match = DOI_LINK.match(block.text.strip())
    if not match:
        return False
    doc.metadata.doi, doc.metadata.doi_line = match.group(1), block.line
    return True


def _is_byline(block: Block) -> bool:
    """A short block of a name and perhaps a role, no sentence, no link."""
    if not isinstance(block, RawBlock) or len(block.lines) > 3:
        return False
    return all(
        len(line.split()) <= 6 and not SENTENCE_END.search(line.strip()) and "<" not in line for line in block.lines
    )


def _person(block: RawBlock) -> Person:
    name, *rest = (line.strip() for line in block.lines)
    return Person(block.line, name, " ".join(rest))


def _as_text_block(block: Block) -> Block:
    if not isinstance(block, RawBlock):
        return block
    if block.has_hard_breaks:
        return LineGroup(block.line, hard_lines(block.lines))
    return Paragraph(block.line, join_lines(block.lines))
