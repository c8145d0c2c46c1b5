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
    without_page_marks,
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
ENTRY_END = re.compile(r"[.?!][\"'”’)\]*_]*$")
"""What an entry of a reference list ends with: a full stop (a colon or a comma leaves it open)."""
YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d[a-z]?\b|\bn\.d\.")
PAGE = re.compile(r"^(?:[ivxlcdm]+|\d+)$", re.IGNORECASE)
CHAPTER_NUMBER = re.compile(r"^(\d+)$")
PLAIN_ENTRY = re.compile(r"^([^\t]*\S)\s+((?:[ivxlcdm]+|\d+))$")
"""A contents line set without cells or bold (as some extractions give it): the title, then the page."""
NUMBERED_TITLE = re.compile(r"^(\d+)\s+(\S.*)$")
PART_TITLE = re.compile(r"^(Part\s+[IVXLC\d]+)\b\s*(.*)$")
BOLD = re.compile(r"<b>(.*?)</b>")
ITALIC_TOKEN = re.compile(r"^(?:\*[^*\s]+\*|<i>[^<\s]+</i>)$")
BRACKETED_PART = re.compile(r"^\([a-z0-9]{1,3}\)$")
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
                if (cut := _cut_entry(entries, block.text)) is not None:
                    cut.text = join_lines([cut.text, block.text])
                    continue
                entries += [Reference(block.line, text) for text in NEXT_ENTRY.split(block.text)]
                continue
            if isinstance(block, LineGroup):
                entries += _entries_by_line(block, _cut_entry(entries, block.lines[0]))
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


def _cut_entry(entries: list[Block], text: str) -> Reference | None:
    """The entry before a paragraph (or line), if no full stop closes it and the paragraph, holding no year, is its rest.

    An extraction may part an entry's last line from the rest where the list hangs its indent: "… Chapel Hill:
    University of North Carolina" / "Press.".
    """
    last = entries[-1] if entries else None
    if isinstance(last, Reference) and not ENTRY_END.search(last.text.rstrip()) and not YEAR.search(text):
        return last
    return None


def _entries_by_line(block: LineGroup, cut: Reference | None) -> list[Block]:
    """The entries of a block laid out line by line; its first lines go on the entry `cut` until an entry starts."""
    entries: list[Reference] = []
    for offset, line in enumerate(block.lines):
        starts = line[:1].isupper() and YEAR.search(line)
        if not entries and cut is not None and not starts:
            cut.text = join_lines([cut.text, line])
        elif entries and not starts:
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
        pending: tuple[int, str] | None = None  # a chapter's title whose authors and page are on the next line
        for item in _contents_lines(section.blocks):
            if not isinstance(item, tuple):
                entries.append(_unreadable(doc, item, "expected contents lines"))
                continue
            number, line = pending if pending is not None else item
            if pending is not None:
                line, pending = f"{line} {item[1].strip()}", None
            entry = _contents_entry(number, line)
            last = entries[-1] if entries else None
            if entry is not None:
                entries.append(entry)
            elif "<b>" not in line and "\t" not in line and NUMBERED_TITLE.match(_plain(line)):
                pending = (number, line.strip())
            elif isinstance(last, ContentsEntry) and last.kind == "chapter":
                last.authors.extend(_cells(line))
            else:
                entries.append(_unreadable(doc, RawBlock(number, [line]), "cannot read this contents line"))
        if pending is not None:
            entries.append(_unreadable(doc, RawBlock(pending[0], [pending[1]]), "cannot read this contents line"))
        section.blocks = entries
    return doc


def _contents_lines(blocks: list[Block]) -> list[tuple[int, str] | Block]:
    """The lines of a contents section with their source lines, in order; a block that holds none, as it is.

    A paragraph (an extractor set each entry apart) is one line.
    """
    lines: list[tuple[int, str] | Block] = []
    for block in blocks:
        if isinstance(block, RawBlock | LineGroup):
            lines += [(block.line + offset, line) for offset, line in enumerate(block.lines)]
        elif isinstance(block, Paragraph):
            lines.append((block.line, block.text))
        else:
            lines.append(block)
    return lines


def _contents_entry(line_number: int, line: str) -> ContentsEntry | None:
    line = LIST_ITEM.sub(r"\1", line)  # a bullet an extractor put before a contents line
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

    An extraction that lost the tab prints `ABBR expansion`: the abbreviation is what comes before the first word
    written as a word is (capitals, digits, marks or a part in brackets: `AUCP (b)`, `*FBIS-China*`). A paragraph
    (an extraction that ran the list together) is cut before each abbreviation that follows an expansion.

    Args:
        doc: A sectioned document.

    Returns:
        The document with `Abbreviation` entries.
    """
    for section in _sections(doc, "abbreviations"):
        entries: list[Block] = []
        for block in section.blocks:
            if isinstance(block, Paragraph):
                lines = [(block.line, line) for line in _abbreviations_apart(block.text)]
            elif isinstance(block, RawBlock | LineGroup):
                lines = [(block.line + offset, line) for offset, line in enumerate(block.lines)]
            else:
                entries.append(_unreadable(doc, block, "expected 'ABBR<tab>expansion' lines"))
                continue
            for number, line in lines:
                abbreviation, tab, expansion = line.partition("\t")
                if not tab:
                    abbreviation, tab, expansion = _spaced_abbreviation(line)
                if not tab or not abbreviation.strip() or not expansion.strip():
                    entries.append(_unreadable(doc, RawBlock(number, [line]), "expected 'ABBR<tab>expansion'"))
                    continue
                entries.append(Abbreviation(number, _emphasis(abbreviation), _emphasis(expansion)))
        section.blocks = entries
    return doc


def _abbreviations_apart(text: str) -> list[str]:
    """A run-together abbreviations list cut into its lines: before each abbreviation that follows a word."""
    tokens = text.split()
    lines: list[list[str]] = []
    for index, token in enumerate(tokens):
        starts = _abbreviation_token(token) and (index == 0 or not _abbreviation_token(tokens[index - 1]))
        if (starts and not BRACKETED_PART.match(token)) or not lines:
            lines.append([])
        lines[-1].append(token)
    return [" ".join(line) for line in lines]


def _spaced_abbreviation(line: str) -> tuple[str, str, str]:
    """`ABBR expansion` with a space for the tab, as `str.partition` gives it, or (line, "", "").

    The abbreviation is the tokens before the first word written as words are: in capitals (`USSR`, `KSČ`), in
    italics (`*FBIS-China*`) or a short part in brackets (`AUCP (b)`).
    """
    tokens = line.split()
    count = 0
    while count < len(tokens) - 1 and _abbreviation_token(tokens[count]):
        count += 1
    if count == 0:
        return line, "", ""
    return " ".join(tokens[:count]), " ", " ".join(tokens[count:])


def _abbreviation_token(token: str) -> bool:
    token = without_page_marks(token)  # "{pb:243}CMC": a page began with the entry
    if ITALIC_TOKEN.match(token) or BRACKETED_PART.match(token):
        return True
    letters = [ch for ch in token if ch.isalnum()]
    return bool(letters) and token == token.upper() and any(ch.isalpha() for ch in letters)


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
