"""Read a plain-text extraction's title and headings, which it prints as lines like any other.

Extractors that write plain text (pdfminer, pdftotext, MarkItDown for a PDF)
mark no heading: the title and each section's heading are short lines set
apart by blank lines. In a source that has no Markdown heading at all, such
a line is read as what it is by its shape and its place:

- the **title** is the first block of the text, after a label above it
  (`CHAPTER 7`, `Document 12`): a line or a few, no sentence in them;
- a **heading** is a block of one line, a few words with no sentence's end,
  with running text after it, starting with a capital: it opens with a section
  number (`2`, `2.1`, `12.1.1`) or a part's label (`Document 1: Letter …`,
  on up to three lines), or it is set as its script sets headings
  (title case in Latin script, `The First Meeting`; a capital, then sentence
  case, in Cyrillic, `Пограничный вопрос`; Chinese as it is) between a
  sentence's end or a line set apart and a paragraph of two lines or more.

Two paragraphs set on consecutive lines are cut apart where a line ends a
sentence well short of the measure and the next starts with a capital.

Each is given its `#` marks, so that the rest of ingest reads the text as it
reads a Markdown extraction; a source with any Markdown heading is left as it
is. A label, a date line, an archive reference or a footer's line is never
taken for a heading.
"""

from __future__ import annotations

import re

from marginalia.ingest.document_heading import is_archive_reference, is_dateline
from marginalia.ingest.patterns import SENTENCE_END, join_lines
from marginalia.ingest.transforms.classify import BARE_TITLES
from marginalia.ingest.transforms.footers import footer_kind
from marginalia.ingest.transforms.front import is_label
from marginalia.model import Block, Document, RawBlock

MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S|^\s*(?:\*\*|__)[^*_].*(?:\*\*|__)\s*$")
"""A Markdown heading, or a line wholly in bold (which extractions use for headings)."""
NUMBERED_HEADING = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})\s+(?P<title>[^\W\d_].*)$")
"""A section's number and its title: "2 The Alliance", "12.1.1 Military credits" (not "1. …", a list's item)."""
LABELLED = re.compile(r"^(?P<label>[^:.]{1,30}):\s+\S")
"""A part's label and a colon before its title: "Document 1: Letter from the Chinese Embassy …" (no caption: "Table
1. Border incidents")."""
TITLE_LINES = 3
TITLE_WORDS = 25
HEADING_WORDS = 12
PARAGRAPH_LINES = 2
SHORT_LINE = 0.8
"""A paragraph's last line stops short of this share of the longest line of its block."""
BYLINE_WORDS = 8
TITLE_WORDS_SMALL = frozenset(
    {"The", "A", "An", "Of", "In", "On", "At", "To", "For", "From", "With", "And", "the", "a"}
)
"""Words a title holds and a line of names does not."""
SHORT_WORD = 3
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def read_plain_headings(doc: Document) -> Document:
    """Give a plain-text extraction's title and numbered headings their `#` marks.

    Args:
        doc: A document whose page furniture is removed.

    Returns:
        The document; unchanged when its source has any Markdown heading.
    """
    raw = [block for block in doc.blocks if isinstance(block, RawBlock)]
    if not raw or any(MARKDOWN_HEADING.match(line) for block in raw for line in block.lines):
        return doc
    title = _title_index(doc.blocks)
    result: list[Block] = []
    for index, block in enumerate(doc.blocks):
        if index == title and isinstance(block, RawBlock):
            lines = block.lines
            byline = len(lines) > 1 and _names_under_title(lines[-2], lines[-1])
            result.append(RawBlock(block.line, ["# " + _one_line(lines[:-1] if byline else lines)]))
            if byline:  # the byline that the extraction set in the title's block
                result.append(RawBlock(block.line + len(lines) - 1, [_one_line(lines[-1:])]))
        elif title is not None and index > title and (level := _heading_level(doc.blocks, index)):
            assert isinstance(block, RawBlock)
            result.append(RawBlock(block.line, ["#" * level + " " + _one_line(block.lines)]))
        elif isinstance(block, RawBlock) and len(block.lines) > 1 and block.lines[0].strip().lower() in BARE_TITLES:
            # a common title ("Bibliography", "Notes") that the extraction set in one block with what it heads
            result += [
                RawBlock(block.line, ["## " + block.lines[0].strip()]),
                RawBlock(block.line + 1, block.lines[1:]),
            ]
        else:
            result.append(block)
    doc.blocks = [part for block in result for part in _paragraphs_apart(block)]
    return doc


def _paragraphs_apart(block: Block) -> list[Block]:
    """A block of hard-wrapped lines cut where a paragraph ends inside it.

    Plain text may set two paragraphs on consecutive lines: the first ends with a sentence on a line that stops
    well short of the others (a paragraph's last line), the next line starts with a capital.
    """
    if not isinstance(block, RawBlock) or len(block.lines) < PARAGRAPH_LINES + 1 or block.lines[0].startswith("#"):
        return [block]
    measure = max(len(line.rstrip()) for line in block.lines)
    parts: list[Block] = []
    start = 0
    for offset, line in enumerate(block.lines[:-1]):
        text = line.rstrip()
        ends = bool(SENTENCE_END.search(text))
        if ends and len(text) < SHORT_LINE * measure and block.lines[offset + 1].lstrip()[:1].isupper():
            parts.append(RawBlock(block.line + start, block.lines[start : offset + 1]))
            start = offset + 1
    return [*parts, RawBlock(block.line + start, block.lines[start:])]


def _one_line(lines: list[str]) -> str:
    """Lines as one (`join_lines`), the extraction's runs of spaces (from justified lines) made single."""
    return re.sub(r"\s+", " ", join_lines(lines)).strip()


def _title_index(blocks: list[Block]) -> int | None:
    """Where the title stands: the first text block, after a label; None when it does not read as one."""
    for index, block in enumerate(blocks):
        if not isinstance(block, RawBlock):
            continue
        text = _one_line(block.lines)
        if is_label(text) and len(block.lines) == 1:
            continue
        reads_as_title = (
            len(block.lines) <= TITLE_LINES
            and len(text.split()) <= TITLE_WORDS
            and not re.search(r"[.,;:]$", text)
            and not footer_kind(text)
            and not is_archive_reference(text)
            and not is_dateline(text)
            and index + 1 < len(blocks)
        )
        return index if reads_as_title else None
    return None


def _names_under_title(above: str, line: str) -> bool:
    """Whether a title block's last line is its byline.

    It is when it holds names ("Thomas Brandt", "Mei Lin and Ji-won Kim") under a line that does not go on into it
    (no "of", "the" or ":" at its end).
    """
    words = line.split()
    if not 2 <= len(words) <= BYLINE_WORDS or any(c.isdigit() for c in line):
        return False
    names = all(w[:1].isupper() or w in {"and", "&", ","} for w in words) and not set(words) & TITLE_WORDS_SMALL
    last = above.rsplit(maxsplit=1)[-1] if above.strip() else ""
    goes_on = last.endswith(":") or last in TITLE_WORDS_SMALL | {"and", "of"}
    return names and not goes_on


def _heading_level(blocks: list[Block], index: int) -> int:
    """The level of the heading a block is (2 for a section, 3 for "2.1" …), or 0 when it is none."""
    block = blocks[index]
    if not isinstance(block, RawBlock) or len(block.lines) > TITLE_LINES:
        return 0
    text = _one_line(block.lines)
    labelled = LABELLED.match(text)
    labelled = labelled if labelled and is_label(labelled.group("label")) else None
    if len(block.lines) > 1 and not labelled:
        return 0  # a heading of several lines is a part's: "Document 1: Letter from … to the Foreign / Ministry, …"
    words = TITLE_WORDS if labelled else HEADING_WORDS
    if len(text.split()) > words or SENTENCE_END.search(text) or re.search(r"[,;]$", text):
        return 0
    following = next((b for b in blocks[index + 1 :] if isinstance(b, RawBlock)), None)
    if following is None or not _opens_with_capital(following.lines[0]):
        return 0
    number = NUMBERED_HEADING.match(text)
    if number is not None:
        return 2 + number.group("number").count(".")
    if labelled:
        return 2
    before = next((b for b in reversed(blocks[:index]) if isinstance(b, RawBlock)), None)
    # after a paragraph's end, or after a line set apart (the front's last line: "Translated by David Wolff")
    set_apart = before is not None and (SENTENCE_END.search(_one_line(before.lines)) or len(before.lines) == 1)
    between_paragraphs = bool(set_apart) and len(following.lines) >= PARAGRAPH_LINES
    return 2 if between_paragraphs and _heading_case(text) and not _other_short_line(text) else 0


def _heading_case(text: str) -> bool:
    """Whether a line is set as a heading is in its script.

    Latin script sets headings in title case: every word but short ones ("of", "the", "and") opens with a
    capital, the first one too. Other scripts have no title case: a Cyrillic heading opens with a capital and goes
    on in sentence case ("Пограничный вопрос"), a Chinese one has no case at all.
    """
    words = [w.strip("“‘\"'(") for w in text.split()]
    if not words or not _opens_with_capital(words[0]):
        return False
    if not LATIN_LETTER.search(text):
        return True
    return all(w[:1].isupper() for w in words if len(w) > SHORT_WORD)


def _opens_with_capital(text: str) -> bool:
    """Whether a text's first letter is a capital, or of a script without case (Chinese)."""
    first = text.lstrip(" “‘\"'(")[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


def _other_short_line(text: str) -> bool:
    """A short line that is something else: a label, a date line, an archive reference, a footer's line."""
    return is_label(text) or is_dateline(text) or is_archive_reference(text) or bool(footer_kind(text))
