"""Parse the structured sections: reference list, contents, contributors, abbreviations.

Each parser reads the blocks of the sections of one kind and replaces them with
typed entries. A line it cannot read is warned about and kept as a paragraph.
"""

from __future__ import annotations

import re

from marginalia.ingest.patterns import TAG, join_lines
from marginalia.model import (
    Abbreviation,
    Block,
    ContentsEntry,
    Contributor,
    Document,
    LineGroup,
    Paragraph,
    RawBlock,
    Reference,
    Section,
)

LIST_ITEM = re.compile(r"^[-*+]\s+(.*)$")
NEXT_ENTRY = re.compile(
    r"(?<=[.?!])\s+(?=[A-Z][^\s,]{1,30},\s(?:[^.]|(?<=\b[A-Z])\.|(?<=\bal)\.|\.(?=[A-Za-z)])){1,80}?\.\s\(?(?:1[5-9]|20)\d\d[a-z]?\)?\."
    r"|[A-Z][\w'’-]*(?:(?:,\s|\s(?:and|&)\s|\s)[A-Z][\w'’-]*\.?){0,7}\.\s\(?(?:1[5-9]|20)\d\d[a-z]?\)?\.)"
)
"""Where an author–date entry starts inside a paragraph of several (an extraction ran them together).

After a sentence's end: "Family, Given. 2015.", "Fursenko, A.A. (ed.). 2015.", or names as printed, "Given Family.
2015.", "Shen Zhihua and Xia Yafeng. 2015.".
"""
YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d[a-z]?\b|\bn\.d\.")
PAGE = re.compile(r"^(?:[ivxlcdm]+|\d+)$", re.IGNORECASE)
CHAPTER_NUMBER = re.compile(r"^(\d+)$")
PLAIN_ENTRY = re.compile(r"^([^\t]*\S)\s+((?:[ivxlcdm]+|\d+))$")
"""A contents line set without cells or bold (as some extractions give it): the title, then the page."""
NUMBERED_TITLE = re.compile(r"^(\d+)\s+(\S.*)$")
PART_TITLE = re.compile(r"^(Part\s+[IVXLC\d]+)\b\s*(.*)$")
BOLD = re.compile(r"<b>(.*?)</b>")
CONTRIBUTOR = re.compile(r"^\*\*([^*]+)\*\*\s+(.*)$", re.DOTALL)
INSTITUTIONS = [
    re.compile(rf"((?:[A-Z][\w’'-]*\s+)+{kind}(?:\s+of(?:\s+[A-Z][\w’'-]*)+)?)")
    for kind in ("University", "College", "Academy", "Institute")
]
"""Institution names, most telling first: a university outranks an institute within it."""


def parse_references(doc: Document) -> Document:
    """Turn a reference list into `Reference`s.

    A list is either bulleted (`- ` items, a wrapped item continues the one
    before), one entry per paragraph, as PDF extraction gives a printed
    bibliography (entries that it ran together in one paragraph are cut where
    the next begins: "Family, Given. 2015."), or one entry per line of a block laid out line by line (a
    line that starts with a capital and holds a year starts an entry, any
    other continues the one before).

    Args:
        doc: A sectioned document.

    Returns:
        The document with its reference lists parsed.
    """
    for section in _sections(doc, "references"):
        entries: list[Block] = []
        for block in section.blocks:
            if isinstance(block, Paragraph) and not LIST_ITEM.match(block.text):
                entries += [Reference(block.line, text) for text in NEXT_ENTRY.split(block.text)]
                continue
            if isinstance(block, LineGroup):
                entries += _entries_by_line(block)
                continue
            if not isinstance(block, RawBlock):
                entries.append(_unreadable(doc, block, "a reference list holds '- ' items or one entry per paragraph"))
                continue
            for offset, line in enumerate(block.lines):
                item = LIST_ITEM.match(line)
                if item:
                    entries.append(Reference(block.line + offset, item.group(1).strip()))
                elif entries and isinstance(entries[-1], Reference):
                    entries[-1].text = join_lines([entries[-1].text, line])
                else:
                    entries.append(Reference(block.line + offset, line.strip()))
        section.blocks = entries
    return doc


def _entries_by_line(block: LineGroup) -> list[Block]:
    entries: list[Reference] = []
    for offset, line in enumerate(block.lines):
        if entries and not (line[:1].isupper() and YEAR.search(line)):
            entries[-1].text = join_lines([entries[-1].text, line])
        else:
            entries.append(Reference(block.line + offset, line))
    return [Reference(e.line, text) for e in entries for text in NEXT_ENTRY.split(e.text)]


def parse_contents(doc: Document) -> Document:
    """Read a table of contents: parts, chapters with their authors and pages, and other matter.

    Lines are tab-separated cells, titles in `<b>…</b>`, the page last. A chapter
    number stands in its own cell or begins the title; an author's name follows
    the bold title or stands on the next line. A line set without cells or bold
    is read as its title (authors and all) and its page.

    Args:
        doc: A sectioned document.

    Returns:
        The document with its contents parsed into `ContentsEntry`s.
    """
    for section in _sections(doc, "contents"):
        entries: list[Block] = []
        for block in section.blocks:
            lines = block.lines if isinstance(block, RawBlock | LineGroup) else None
            if lines is None:
                entries.append(_unreadable(doc, block, "expected contents lines"))
                continue
            for offset, line in enumerate(lines):
                entry = _contents_entry(block.line + offset, line)
                last = entries[-1] if entries else None
                if entry is not None:
                    entries.append(entry)
                elif isinstance(last, ContentsEntry) and last.kind == "chapter":
                    last.authors.extend(_cells(line))
                else:
                    entries.append(
                        _unreadable(doc, RawBlock(block.line + offset, [line]), "cannot read this contents line")
                    )
        section.blocks = entries
    return doc


def _contents_entry(line_number: int, line: str) -> ContentsEntry | None:
    plain = PLAIN_ENTRY.match(_plain(line)) if "<b>" not in line else None
    if "<b>" not in line and plain is None:
        return None  # an author line, which belongs to the entry before
    cells = list(plain.groups()) if plain else _cells(line)
    page = cells.pop() if len(cells) > 1 and PAGE.match(_plain(cells[-1])) else ""
    label = _plain(cells.pop(0)) if cells and CHAPTER_NUMBER.match(_plain(cells[0])) else ""
    text = " ".join(cells)
    bold = BOLD.findall(text)
    title = _plain(" ".join(bold)) if bold else _plain(text)
    authors = [a for a in [_plain(BOLD.sub("", text))] if a and bold]
    if not label:
        numbered = NUMBERED_TITLE.match(title)
        part = PART_TITLE.match(title)
        if part:
            label, title = part.group(1), _plain(" ".join(bold[1:])) or part.group(2)
            return ContentsEntry(line_number, "part", label, title, _plain(page), [])
        if numbered:
            label, title = numbered.group(1), numbered.group(2)
    return ContentsEntry(line_number, "chapter" if label else "matter", label, title, _plain(page), authors)


def parse_contributors(doc: Document) -> Document:
    """Read notes on contributors: each paragraph opens with the person's name in bold.

    Args:
        doc: A sectioned document.

    Returns:
        The document with `Contributor` entries.
    """
    for section in _sections(doc, "contributors"):
        entries: list[Block] = []
        for block in section.blocks:
            text = block.text if isinstance(block, (Paragraph, RawBlock)) else ""
            match = CONTRIBUTOR.match(text)
            if not match:
                entries.append(_unreadable(doc, block, "a contributor's entry opens with the name in bold (**Name**)"))
                continue
            bio = join_lines(match.group(2).splitlines())
            first_sentence = bio.split(". ", 1)[0]
            institution = next((m for p in INSTITUTIONS if (m := p.search(first_sentence))), None)
            entries.append(
                Contributor(
                    block.line, match.group(1).strip(), bio, institution.group(1).strip() if institution else ""
                )
            )
        section.blocks = entries
    return doc


def parse_abbreviations(doc: Document) -> Document:
    """Read an abbreviations list: one `ABBR<tab>expansion` per line, `<i>` kept as emphasis.

    Args:
        doc: A sectioned document.

    Returns:
        The document with `Abbreviation` entries.
    """
    for section in _sections(doc, "abbreviations"):
        entries: list[Block] = []
        for block in section.blocks:
            if not isinstance(block, RawBlock):
                entries.append(_unreadable(doc, block, "expected 'ABBR<tab>expansion' lines"))
                continue
            for offset, line in enumerate(block.lines):
                abbreviation, tab, expansion = line.partition("\t")
                if not tab or not abbreviation.strip() or not expansion.strip():
                    entries.append(
                        _unreadable(doc, RawBlock(block.line + offset, [line]), "expected 'ABBR<tab>expansion'")
                    )
                    continue
                entries.append(Abbreviation(block.line + offset, _emphasis(abbreviation), _emphasis(expansion)))
        section.blocks = entries
    return doc


def _sections(doc: Document, kind: str) -> list[Section]:
    return [s for s in doc.sections if s.kind == kind]


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("\t") if cell.strip()]


def _plain(text: str) -> str:
    return TAG.sub("", text).strip()


def _emphasis(text: str) -> str:
    return re.sub(r"</?i>", "*", text.strip())


def _unreadable(doc: Document, block: Block, expected: str) -> Block:
    doc.warn(block.line, f"{expected}; kept as a plain paragraph", "part-unreadable")
    if isinstance(block, RawBlock):
        return Paragraph(block.line, join_lines(block.lines))
    return block
