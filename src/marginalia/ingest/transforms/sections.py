"""Group the flow into sections, normalising the source's heading levels."""

from __future__ import annotations

import re

from marginalia.ingest.patterns import SECTION_NUMBER
from marginalia.model import Block, Document, Heading, PageBreak, RawBlock, Section, SectionKind

CONTENTS_LINE = re.compile(r"^[^\W\d_].*[^\W\d_,]\s+(?:\d{1,4}|[ivxlcdm]{1,7})$")
"""A line of a table of contents: words, then the page."""
SECTION_KINDS: dict[str, SectionKind] = {
    "reference": "references",
    "references": "references",
    "bibliography": "references",
    "works cited": "references",
    "contents": "contents",
    "table of contents": "contents",
    "notes on contributors": "contributors",
    "contributors": "contributors",
    "list of contributors": "contributors",
    "abbreviations": "abbreviations",
    "list of abbreviations": "abbreviations",
    "note": "notes",
    "notes": "notes",
    "endnotes": "notes",
}
"""Section titles (lower case) that announce a structured section; any other title is prose."""


def sectionize(doc: Document) -> Document:
    """Group the flow by headings into `Document.sections`.

    PDF extraction gives headings of one rank mixed levels (`##`, `###`,
    `####`), so the source level is ignored: a section's depth comes from its
    number ("2" is a section, "2.1" a subsection), and unnumbered headings are
    top-level sections.

    Args:
        doc: A document whose paragraphs are rejoined.

    Returns:
        The document with sections and an empty working list.
    """
    current: Section | None = None
    for block in doc.blocks:
        if isinstance(block, Heading) and current is not None and current.kind == "contents" and _listed(block):
            current.blocks.append(RawBlock(block.line, [block.text.strip()]))  # a contents line set as a heading
        elif isinstance(block, Heading):
            current = _section(block)
            doc.sections.append(current)
        elif isinstance(block, PageBreak):
            continue
        else:
            if current is None:
                current = Section(_line(block), "", "", "prose")
                doc.sections.append(current)
            current.blocks.append(block)
    doc.blocks = []
    return doc


def _listed(heading: Heading) -> bool:
    """Whether a heading in a table of contents is one of its lines: words, then a page number ("Kuisong Yang 95")."""
    return bool(CONTENTS_LINE.match(heading.text.strip())) and not SECTION_NUMBER.match(heading.text.strip())


def _section(heading: Heading) -> Section:
    numbered = SECTION_NUMBER.match(heading.text)
    number, title = (numbered.group(1), numbered.group(2)) if numbered else ("", heading.text)
    kind = SECTION_KINDS.get(re.sub(r"\s+", " ", title.strip().lower()), "prose")
    return Section(heading.line, title, number, kind, source_level=heading.level)


def _line(block: Block) -> int:
    return block.line
