"""Find page furniture, running heads and page numbers, by what it is: text that recurs at page breaks.

A PDF extraction keeps what every page prints beside its text: a running head
(the book's title on even pages and the chapter's on odd ones, a journal's
name, a working paper's series line), often with the page number in it, and
page numbers on lines of their own. They fall wherever the page broke: between
paragraphs, inside a sentence, inside a note. No list of shapes finds them; what
they are does:

- A *page-number line* holds only a number (arabic or lower-case roman), perhaps
  as `Page 12`, `— 12 —` or `12 of 30`. One such line could be anything; a run of
  them whose numbers go up along the text, a page of text apart, is the pages.
- A *running head* is a short line, with no sentence in it, that recurs (the same
  words, its numbers aside) a page or more apart, and stands at a page break at
  least once: beside a page number or inside a sentence the page cut. A number
  in it that changes from one page to the next is the page number; one that
  stays ("WORKING PAPER NO. 12") is part of the head.
- A head printed once (the recto head of a short text) counts when it stands
  beside a page number and every word of it is in the text's first page (its
  title, byline or footer).
- A line that `text.yml` lists under `furniture:` is furniture wherever it stands.

Each page break found leaves a `PageBreak` carrying the printed number of the
page that begins there, so that `rejoin_paragraphs` mends the sentence it cut
and marks the place; the lines themselves go into `Document.pages`.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import ChainMap, Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from marginalia.ingest.patterns import (
    ANY_MARKER,
    LOOSE_NOTE_LINE,
    MARKER,
    NOTE_LINE,
    SENTENCE_END,
    SOFT_HYPHEN,
    TAG,
    marker_label,
    note_line_label,
)
from marginalia.ingest.transforms.footers import footer_kind, url_rest
from marginalia.ingest.transforms.front import is_label
from marginalia.model import Block, Document, Page, PageBreak, RawBlock
from marginalia.numerals import page_after, page_value

PAGE_NUMBER = re.compile(
    r"^[-–—‒\s]*(?:(?:page|p\.)\s*)?(?P<number>\d{1,4}|[ivxlcdm]{1,7})(?:\s+of\s+\d{1,4})?[-–—‒\s]*$",
    re.IGNORECASE,
)
"""A line that is only a page number: "117", "xii", "Page 12", "— 12 —", "12 of 30"."""
NUMBER = re.compile(r"\d{1,4}")
INNER_SENTENCE = re.compile(r"[a-z][.?!](?:\d{1,3}|<sup>[^<]*</sup>)?\s+[A-Z\d]")
"""A sentence's end inside a line ("Aiko Tanaka. 1995. …", "… on.7 Communique …", "… delegate?3 In …"), which no
running head has."""
ROMAN_ALONE = re.compile(r"^[ivxlcdm]+$")
CUT_AFTER_DASH = re.compile(r"(?<=\S)[-–—]$")
"""A line cut after a dash glued to it, a range's or a word's ("…, 1957–" / "1959"): no head ends so ("— 2 —" does)."""
HEADING_LINE = re.compile(r"^#{1,6}\s+\S")
_DASHES = r"[-–—‒]"
EDGE_NUMBER = re.compile(
    rf"^(?:(?:page|p\.)\s*|{_DASHES}\s*)?(?P<start>\d{{1,4}}|[ivxlc]{{1,6}}(?=(?:\s*{_DASHES})?\s+[A-Z]))"
    rf"(?:\s*{_DASHES})?\s+\D.*\S$"
    rf"|^(?>.*?[^\W\d_]).*\s(?:(?:page|p\.)\s*|{_DASHES}\s*)?(?P<end>\d{{1,4}}|(?<=[a-z)\d]\s)[ivxlc]{{1,6}})"
    rf"(?:\s*{_DASHES})?$",
    re.IGNORECASE,
)
"""A head with the page number at its outer edge: "116 FRATERNAL RIVALS", "THE TAIWAN STRAIT CRISIS 117",
"The China Quarterly 245 iii", "WORKING PAPER NO. 12 — 110 —"."""
_EDGE_START = re.compile(rf"p|{_DASHES}|\d|[ivxlc]", re.IGNORECASE)
_EDGE_END = re.compile(rf"(?:\d|[ivxlc]|{_DASHES})\n?\Z", re.IGNORECASE)
"""What a line that `EDGE_NUMBER` matches starts or ends with: a long line of text is passed over at once."""
SERIES_NUMBER = re.compile(r"\b(?:no|vol)\.\s*\d{1,4}$|\d\s*\(\d{1,2}(?:[-–/]\d{1,2})?\)$", re.IGNORECASE)
"""A series' or journal's number that says it is one: "NO. 91", "Vol. 3", "21(3)"."""
SET_AS_PAGE_NUMBER = re.compile(rf"^(?:page|p\.)\s*\S+|^{_DASHES}|{_DASHES}$", re.IGNORECASE)
"""A number that says it is a page's: "Page 12", "— 12 —"."""
JOURNAL_HEAD = re.compile(r"^(?P<name>[^\W\d_][^\d]*?[^\W\d_]\.?)\s+\d{1,4}(?:\s*\(\d{1,2}(?:[-–/]\d{1,2})?\))?$")
"""A journal's name and its volume (and issue): "Cold War History 21(3)", "The China Quarterly 245"."""
GLUED_JOURNAL_HEAD = re.compile(
    r"^(?=[^\d]*+\d{1,4}\s*\()"  # first, what the line's first number must be followed by: a long line is read once
    r"(?P<head>[^\W\d_][^\d]*?[^\W\d_]\.?\s+\d{1,4}\s*\(\d{1,2}(?:[-–/]\d{1,2})?\))\s+(?=[A-Z])"
)
"""A journal's name, volume and issue at the start of a line that goes on with other words ("… 21(3) Table 1.")."""
GLUED_LABEL = re.compile(
    r"^(?=(?s:.*)[\dIVXLC]\.?$)"  # first, how the line must end: a long line is read once
    r"(?P<head>\S.*\S\s+\d{1,4})\s+(?P<label>[^\W\d_]+\.?\s+(?:\d{1,3}|[IVXLC]{1,6})\.?)$"
)
"""A head and its page number, and the text's label after them on the same line ("… Yudin 233 Document 20")."""
SAID_PAGE_NUMBER = rf"(?:Page|PAGE|p\.)\s*\d{{1,4}}|{_DASHES}\s*\d{{1,4}}\s*{_DASHES}"
"""A page number that says it is one: "Page 17", "— 17 —"."""
FOOTER_NUMBER = re.compile(rf"^(.*https?://\S*[A-Za-z0-9])\s+(\d{{1,4}}|[ivxlcdm]{{1,7}}|{SAID_PAGE_NUMBER})\s*$")
"""A footer's line ending with a URL, and a page number after it on the same row (a URL that ends in "_", "-" or
"/" goes on after the space: "…/978-3-030-92450-2_ 24")."""
GLUED_PAGE_NUMBER = re.compile(rf"^(.*\S[.?!…\"'”’)\]])\s+({SAID_PAGE_NUMBER})\s*$")
"""A page number that says it is one ("Page 17", "— 17 —") run onto the end of a sentence's line, its page's last."""
CAPTION_START = re.compile(r"^\W*[^\W\d_]{2,20}\.?\s*\d{1,3}[A-Za-z]?[.:]\s|^表\s*\d")
"""A caption's label and number: "Table 1. …", "Таблица 2: …", "表 3"."""
NUMBER_LABEL = re.compile(r"(?:\b(?:no|nr|vol|vols|issue)\.?|№)\s*$", re.IGNORECASE)
"""What numbers the thing a number belongs to, not a page: "WORKING PAPER NO. 12", "Vol. 3"."""
NOT_FURNITURE = re.compile(r"^\s*(?:#|<sup>|\||>|[-*+•]\s|©)")
"""Lines that are structure of their own: headings, note texts, table rows, quotations, list items, © lines."""
WRAPPING = re.compile(r"^(?:\*\*|__|\*|_)(.*?)(?:\*\*|__|\*|_)$")
MAX_HEAD_WORDS = 15
CLOSING_NAME_LINES = 2
CLOSING_NAME_WORDS = 4
"""A signature's name under its title, closing a text: a line or two of a few words ("C. Yi", "Zhou Enlai")."""
MAX_CONTENTS_WORDS = 30
PAGE_AT_END = re.compile(r"\s(?:\d{1,4}|[ivxlcdm]{1,7})$")
MAX_HEAD_CHARACTERS = 120
MAX_ROMAN_PAGE = 200
"""Front matter is never longer: "mix" and "did" are words, not pages 1009 and 501."""
MAX_RUN_LINES = 3
"""The most lines of running heads that stand together at one page break."""
MAX_PAGE_STEP = 4
"""Pages a run of page numbers may skip between two printed ones (a chapter opening, a plate)."""
MIN_PAGE_GAP = 150
"""Characters of text that at least stand between two page breaks."""
MIN_TYPICAL_PAGE = 500
"""Characters of text that the pages of a run of page numbers hold, in the median."""
WORD = re.compile(r"[^\W\d_]+")
PROSE_WORDS = 8
"""More words than a title page's line or a byline holds."""
MID_SENTENCE = re.compile(r"(?:\b[^\W\d_]*[a-zа-яё][^\W\d_]*|,)$")
"""The end of a sentence's middle: a word with a lower-case letter, or a comma."""
SMALL_WORDS = frozenset(
    "a about after against among an and as at before between but by de del der des di du during for from in into la"
    " le of on onto or over the through to toward towards und under upon van versus via von with within without".split()
)
"""Words that title case leaves in lower case."""


@dataclass
class _Line:
    """One source line, where it stands, and how much text came before it."""

    block: int
    offset: int
    number: int
    text: str
    position: int
    """Characters of the source's text before this line."""

    @cached_property
    def plain(self) -> str:
        return _plain(self.text)

    @cached_property
    def shape(self) -> str:
        """The plain line with its numbers as "#" (`_shape`): a head's words, whatever page it is printed on."""
        return _shape(self.plain)

    @cached_property
    def head_candidate(self) -> bool:
        """Whether the line could be a running head (`_is_head_candidate`): asked of a line many times."""
        return _is_head_candidate(self)


def _plain(line: str) -> str:
    """A line without tags, wrapping emphasis, a quotation's `>` and extra spaces: "**FRATERNAL  RIVALS**".

    A heading that is a page number saying it is one ("##### Page 402", as an extractor may set it) is that
    number; a heading that is a bare number ("## 2") keeps its marks: it heads a section.
    """
    text = TAG.sub("", MARKER.sub("", line)).strip().removeprefix(">").strip()
    while wrapped := WRAPPING.match(text):
        text = wrapped.group(1).strip()
    text = " ".join(text.split())
    heading = re.match(r"#{1,6}\s+(.*)", text)
    said = heading.group(1).strip("*_ ") if heading else ""
    return said if _says_a_page_number(said) else text


def _says_a_page_number(text: str) -> bool:
    """Whether a text is a page number that says it is one ("Page 17", "— 17 —"), not a bare number ("17")."""
    return bool(PAGE_NUMBER.match(text)) and not text.isalnum()


@dataclass
class _Furniture:
    """The furniture found: which lines, and the page number each holds, if any."""

    lines: dict[int, str] = field(default_factory=dict)
    """Index in the document's lines → the page number printed in that line ("" for a head without one)."""
    heads_number_pages: bool = False
    """Whether running heads print the page number (they stand at the top of a page)."""


def remove_page_furniture(doc: Document) -> Document:
    """Take running heads and page-number lines out of the text, leaving page breaks with their numbers.

    Args:
        doc: A document fresh from the splitter (all its blocks raw).

    Returns:
        The document without furniture; `Document.pages` lists the pages found, each with the lines taken
        out at its start. A text that prints no furniture is left as it was.
    """
    blocks = _glued_furniture_apart(doc.blocks)
    lines = _lines(blocks)
    furniture = _find(lines, {_shape(_plain(line)) for line in doc.declared_furniture})
    if not furniture.lines:
        return doc
    doc.blocks = blocks
    runs = _runs(lines, furniture)
    first, pages = _page_numbers(lines, runs, furniture)
    doc.pages = [Page(1, first)]
    starts: dict[int, str] = {}
    for run, page in zip(runs, pages, strict=True):
        printed = [lines[i].text.strip() for i in run]
        if page is None:  # the first page's head, or the last page's foot: no break
            doc.pages[-1 if run[0] else 0].furniture.extend(printed)
            continue
        starts[run[0]] = page
        doc.pages.append(Page(lines[run[0]].number, page, printed))
    doc.blocks = _without(doc.blocks, lines, set(furniture.lines), starts)
    return doc


def _glued_furniture_apart(blocks: list[Block]) -> list[Block]:
    """The blocks, with furniture that an extraction ran into a line of text set on a line of its own.

    A journal's head run into the line under it ("Cold War History 21(3) Table 1. …"); a label set at a head's
    height, after the head and its page number ("… Pavel Yudin 233 Document 20"); a page number run into the
    first page's footer line: "… (ed.), *A Short History*, https://doi.org/10.1007/978-981-13-8641-1_7 v": the page's foot prints its number
    on the footer's last row; a page number that says it is one run onto a sentence's end ("… 418. Page 17", the
    foot's number on the last note's row). The number keeps the line's source line.
    """
    result: list[Block] = []
    for raw in blocks:
        if not isinstance(raw, RawBlock):
            result.append(raw)
            continue
        block = raw
        glued = GLUED_JOURNAL_HEAD.match(block.lines[0])
        if glued and _journal_head(glued.group("head")):
            # a journal's head that an extraction ran into the first line under it ("Cold War History 21(3) Table 1.")
            result.append(RawBlock(block.line, [glued.group("head")]))
            block = RawBlock(block.line, [block.lines[0][glued.end() :], *block.lines[1:]])
        labelled = GLUED_LABEL.match(block.lines[0].strip())
        if labelled and is_label(labelled.group("label")) and _looks_like_a_title(_plain(labelled.group("head"))):
            # the first page's head, and the label set above the title at the same height ("Document 20")
            result.append(RawBlock(block.line, [labelled.group("head")]))
            result.append(RawBlock(block.line, [labelled.group("label")]))
            if len(block.lines) == 1:
                continue
            block = RawBlock(block.line + 1, block.lines[1:])
        start = 0
        for offset, text in enumerate(block.lines):
            if not _may_end_with_a_number(text):
                continue
            numbered = FOOTER_NUMBER.match(text)
            page = numbered.group(2) if numbered else ""
            if not (numbered and footer_kind(numbered.group(1)) and (_says_a_page_number(page) or _page_number(page))):
                numbered = GLUED_PAGE_NUMBER.match(text)  # "… 2003), 418. Page 17": a number that says it is one
            if numbered:
                result.append(RawBlock(block.line + start, [*block.lines[start:offset], numbered.group(1)]))
                result.append(RawBlock(block.line + offset, [numbered.group(2)]))
                start = offset + 1
        if start < len(block.lines):
            result.append(RawBlock(block.line + start, block.lines[start:]))
    return result


def printed_lines(blocks: list[Block]) -> dict[str, list[int]]:
    """Where each short line of the raw blocks stands, by its shape (numbers aside), for `furniture_like`."""
    where: dict[str, list[int]] = {}
    for line in _lines(blocks):
        if len(line.plain.split()) <= MAX_HEAD_WORDS:
            where.setdefault(line.shape, []).append(line.number)
    return where


def furniture_like(line: str, number: int, printed: dict[str, list[int]]) -> str:
    """Why a line beside a join across a page break may be furniture that was not found, or "".

    Args:
        line: The line, as in the source.
        number: Its source line.
        printed: `printed_lines` of the text.

    Returns:
        "digits only", "capitals only", "printed again at line N", or "".
    """
    plain = _plain(line)
    alone = PAGE_NUMBER.match(plain)
    if alone and _page_number(alone.group("number")):
        return "digits only" if plain.isdigit() else "a page number's shape"
    letters = [ch for ch in plain if ch.isalpha()]
    if len(letters) >= 4 and all(ch.isupper() for ch in letters):
        return "capitals only"
    others = [at for at in printed.get(_shape(plain), []) if at != number]
    if others and _looks_like_a_title(plain) and _Line(0, 0, number, line, 0).head_candidate:
        return f"printed again at line {others[0]}"
    return ""


def _lines(blocks: list[Block]) -> list[_Line]:
    lines, position = [], 0
    for index, block in enumerate(blocks):
        if not isinstance(block, RawBlock):
            continue
        for offset, text in enumerate(block.lines):
            lines.append(_Line(index, offset, block.line + offset, text, position))
            position += len(text) + 1
    return lines


def _find(lines: list[_Line], declared: set[str]) -> _Furniture:
    furniture = _Furniture()
    numbers = _page_number_lines(lines)
    heads = _head_lines(lines, numbers, declared)
    furniture.lines.update(numbers)
    for index, page in heads.items():
        furniture.lines[index] = page
        furniture.heads_number_pages |= bool(page)
    furniture.lines.update(_single_heads(lines, furniture.lines))
    return furniture


def _page_number_lines(lines: list[_Line]) -> dict[int, str]:
    """Lines that are a page number, in runs whose numbers go up a page of text apart.

    The number stands alone or at the edge of a head ("6 Diplomatic History 44(2)"); a number at the edge of a
    line that is printed again with it, or beside a page number of its own, is the head's ("WORKING PAPER NO. 12").
    """
    title = _squashed(_plain(_title(lines, 0)))  # "… Congress of 1974" again, as a head: the number is the title's
    candidates = [
        (index, number)
        for index in range(len(lines))
        if (number := _printed_number(lines, index))
        and _squashed(lines[index].plain) != title
        and not _rest_of_a_cut_url(lines, index)
    ]
    printed = Counter(line.plain for line in lines)
    head_words = [_without_edge_number(line.plain) for line in lines]
    heads = Counter(_shape(text) for text in head_words)
    # a number before words printed once and not set as a head is a section's: "1 Long treaty" in plain text
    candidates = [
        (index, number)
        for index, number in candidates
        if PAGE_NUMBER.match(lines[index].plain)
        or HEADING_LINE.match(lines[index].text)  # a number set as a heading (`_printed_number` says where)
        or heads[_shape(head_words[index])] > 1
        or _looks_like_a_title(head_words[index])
    ]
    alone = {index: number for index, number in candidates if PAGE_NUMBER.match(lines[index].plain)}
    candidates = [
        (index, number)
        for index, number in candidates
        if index in alone or (printed[lines[index].plain] == 1 and not _beside_another_number(index, number, alone))
    ]
    found: dict[int, str] = {}
    for arabic in (True, False):
        chain = _longest_chain(lines, [(i, n.lower()) for i, n in candidates if n.isdigit() == arabic])
        pages = [
            lines[b].position - lines[a].position
            for (a, _), (b, _) in itertools.pairwise(chain)
            if not _together(lines, a, b) and b != len(lines) - 1  # the last page holds what is left
        ]
        if not pages and len(chain) == 2:  # a page's foot and the next page's head: the first page's text is a page
            pages = [lines[chain[0][0]].position]
        if len(chain) >= 2 and statistics.median(pages) >= MIN_TYPICAL_PAGE:
            found.update(chain)
    if not found:  # a text of one page, or one whose other pages print no number
        found = {index: number for index, number in candidates if _alone_a_page_number(lines, index, number)}
    return found


def _rest_of_a_cut_url(lines: list[_Line], index: int) -> bool:
    """Whether a line is the rest of a URL that the line above leaves cut after "_" or "-", where no URL ends.

    A first-page footer's DOI wraps before a chapter's number ("…/978-3-030-67303-9_" / "19"): the number is the DOI's.
    """
    above = lines[index - 1].text.rstrip() if index > 0 else ""
    return above.endswith(("_", "-", SOFT_HYPHEN)) and url_rest(above, lines[index].text)


def _beside_another_number(index: int, number: str, alone: dict[int, str]) -> bool:
    """Whether a page number printed alone stands beside a line, and not as the page before or after it.

    A page's foot and the next page's head each print their page's number; another number beside a line makes the
    number at the line's edge the head's own.
    """
    return any(abs(page_value(alone[i]) - page_value(number)) != 1 for i in (index - 1, index + 1) if i in alone)


def _alone_a_page_number(lines: list[_Line], index: int, number: str) -> bool:
    """Whether a page number printed once is one.

    It is when set as one ("Page 12", "— 41 —"), standing first or last in the text, inside a sentence that a
    page break cut, or under a page's foot (its notes, its first-page footer), perhaps under the next page's head
    set above it. At the edge of a line printed
    once, it is when that line is set as a head is and stands where a page begins: inside a sentence the page cut,
    or first in the text or under the foot of the page before (its notes, its footer), with the number first (a
    verso head: "116 FRATERNAL RIVALS"), set as a page's ("— 233 —") or after the head's own number ("WORKING
    PAPER NO. 8 402"); a number that alone ends a line may be the head's own ("The China Quarterly 245").
    """
    plain = lines[index].plain
    if not PAGE_NUMBER.match(plain):
        edge = _edge_number(plain)
        if edge is None or not _looks_like_a_title(_without_number(plain, edge)):
            return False
        if _inside_sentence(lines, index, {}):
            return True
        set_as_page = re.search(
            rf"(?:page|p\.)\s*{number}\b|{_DASHES}\s*{number}\b|\b{number}\s*{_DASHES}", plain, re.I
        )
        second = bool(edge.group("end")) and bool(NUMBER.search(plain[: edge.start("end")]))
        at_top = index == 0 or _under_a_page_foot(lines, index)
        return bool(set_as_page or edge.group("start") or second) and at_top
    if not plain.isdigit() and not ROMAN_ALONE.match(plain):
        return True
    top = index <= MAX_RUN_LINES and all(line.head_candidate for line in lines[:index])  # under a head
    ends = top or index == len(lines) - 1
    head_above = index > 0 and lines[index - 1].head_candidate and _looks_like_a_title(lines[index - 1].plain)
    under_foot = _under_a_page_foot(lines, index) or (head_above and _under_a_page_foot(lines, index - 1))
    return ends or _inside_sentence(lines, index, {}) or under_foot


def _without_number(plain: str, edge: re.Match[str]) -> str:
    """A head's words without the page number at its edge (and the dashes or "Page" around it)."""
    group = "start" if edge.group("start") else "end"
    text = plain[: edge.start(group)] + " " + plain[edge.end(group) :]
    return re.sub(rf"(?:^|\s)(?:page|p\.)(?=\s|$)|{_DASHES}", " ", text, flags=re.IGNORECASE).strip()


def _under_a_page_foot(lines: list[_Line], index: int) -> bool:
    """Whether a line comes right after a page's foot: its notes or its first-page footer (© line, DOI, book).

    Any line of a note's block ends the notes: "4Strategy … em-" / "bassy the … agreement".
    """
    before = [line.text for line in lines[max(0, index - 2) : index]]
    if len(before) == 2 and _foot_line(before[0]) and url_rest(*before):
        return True  # the rest of the footer's URL, set on a line of its own
    return bool(before) and (_in_a_note(lines, index - 1) or _foot_line(before[-1]))


def _foot_line(text: str) -> bool:
    """A line of a first-page footer: a © line, a DOI, a line citing the book (a bare URL may stand anywhere)."""
    return footer_kind(text) not in ("", "url")


def _printed_number(lines: list[_Line], index: int) -> str:
    """The page number a line prints, alone or at an edge of a head, or ""."""
    line = lines[index]
    if HEADING_LINE.match(line.text):
        said = PAGE_NUMBER.match(line.plain)  # one that says it is ("##### Page 402", see `_plain`)
        return _page_number(said.group("number")) if said else _number_set_as_a_heading(lines, index)
    alone = PAGE_NUMBER.match(line.plain)
    if alone and (line.text.lstrip().startswith(">") or not NOT_FURNITURE.match(line.text)):
        return _page_number(alone.group("number"))  # quoted too, as an extractor sets apart what is small: "> 12"
    if NOT_FURNITURE.match(line.text):
        return ""
    edge = _edge_number(line.plain)
    if edge is None or not line.head_candidate or _among_numbered_lines(lines, index) or is_label(line.plain):
        return ""  # a label's number is its own: "CHAPTER 13", "Document 12"
    if edge.group("start"):
        return edge.group("start")
    return "" if NUMBER_LABEL.search(line.plain[: edge.start("end")]) else edge.group("end")


def _number_set_as_a_heading(lines: list[_Line], index: int) -> str:
    """The next page's number that an extractor set as a heading, right under the page number it follows, or "".

    "xi" / "### xii": the first page's number at its foot, the next one's at its top in larger type. A bare number
    set as a heading anywhere else heads a section ("## 2").
    """
    bare = PAGE_NUMBER.match(_heading_text(lines[index]))
    above = lines[index - 1] if index > 0 else None
    if not bare or above is None or HEADING_LINE.match(above.text) or not (alone := PAGE_NUMBER.match(above.plain)):
        return ""
    number = _page_number(bare.group("number"))
    return number if number and number == page_after(_page_number(alone.group("number"))) else ""


def _among_numbered_lines(lines: list[_Line], index: int) -> bool:
    """Whether a line stands among other lines that end with a number: a table of contents.

    Its block's other lines, or, where an extractor set each line apart, the lines before and after it (a page
    number alone, a label and a footer's line aside: "CHAPTER 24" over a title that ends with a year, or the © line
    and the DOI of the first page's footer, are no contents).
    """
    block, start, end = lines[index].block, index, index
    while start > 0 and lines[start - 1].block == block:
        start -= 1
    while end + 1 < len(lines) and lines[end + 1].block == block:
        end += 1
    if any(_edge_number(lines[i].plain) for i in range(start, end + 1) if i != index):
        return True
    others = [i for i in range(index - 2, index + 3) if 0 <= i < len(lines) and i != index]
    near = [
        i
        for i in others
        if not (PAGE_NUMBER.match(lines[i].plain) or is_label(lines[i].plain) or footer_kind(lines[i].text))
    ]
    return len([i for i in near if _contents_line(lines[i].plain)]) >= 2


def _contents_line(text: str) -> bool:
    """A line that ends with a page number after words with no sentence's end: "Abbreviations xv"."""
    page = PAGE_AT_END.search(text)
    if page is None or len(text.split()) > MAX_CONTENTS_WORDS or not WORD.search(text[: page.start()]):
        return False
    return not SENTENCE_END.search(text[: page.start()].rstrip())


def _page_number(number: str) -> str:
    """A printed number that can be a page's: arabic, or a lower-case roman numeral a front matter reaches."""
    if number.isdigit():
        return number
    return number if number.islower() and 0 < page_value(number) <= MAX_ROMAN_PAGE else ""


def _longest_chain(lines: list[_Line], candidates: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The longest run of candidates whose numbers go up, page by page.

    By 1 to `MAX_PAGE_STEP` a page of text apart, or by 1 across one page break (the foot of a page and the
    head of the next) or to the text's last line (the last page's foot, however little that page holds).
    """
    best: list[list[tuple[int, str]]] = []
    for k, (index, number) in enumerate(candidates):
        chain = [(index, number)]
        for j in range(k):
            before, before_number = best[j][-1]
            step = page_value(number) - page_value(before_number)
            if _together(lines, before, index) or (index == len(lines) - 1 and step == 1):
                follows = step == 1  # a page's foot and the next page's head, or the last page's foot: it may be short
            else:
                follows = 1 <= step <= MAX_PAGE_STEP and lines[index].position - lines[before].position >= MIN_PAGE_GAP
            if follows and len(best[j]) + 1 > len(chain):
                chain = [*best[j], (index, number)]
        best.append(chain)
    return max(best, key=len, default=[])


def _together(lines: list[_Line], first: int, second: int) -> bool:
    """Whether only a few short lines (a running head) stand between two lines: one page break, not a page."""
    between = lines[first + 1 : second]
    return len(between) <= MAX_RUN_LINES and all(line.head_candidate for line in between)


def _shape(text: str) -> str:
    return NUMBER.sub("#", text.casefold())


def _is_head_candidate(line: _Line) -> bool:
    plain = line.plain
    if len(plain) > MAX_HEAD_CHARACTERS or len(plain.split()) > MAX_HEAD_WORDS:
        return False  # first: most lines are running text, too long for a head
    first_word = WORD.search(_without_edge_number(plain))  # "ii The China Quarterly 245": its first word is "The"
    if NOT_FURNITURE.match(line.text) or not first_word or first_word.group(0)[:1].islower():
        return False
    if footer_kind(line.text) or CAPTION_START.match(plain):
        return False  # a © line, a DOI or a URL (the first page's footer), a table's caption ("Table 1. …")
    return not SENTENCE_END.search(plain) and not plain.endswith((",", ";")) and not CUT_AFTER_DASH.search(plain)


def _set_apart(text: str) -> bool:
    """Whether a line is more than a word a page could end or start with: two words or more, or capitals."""
    return len(text.split()) >= 2 or (text.isupper() and len(text) >= 4)


def _looks_like_a_title(text: str) -> bool:
    """Whether a line is set as heads are: title case, capitals, or a script without case.

    Title case takes two capitalised words or more ("The Taiwan Strait Crisis"), capitals four letters
    ("FRATERNAL RIVALS").
    """
    words = WORD.findall(text)
    if not any(word[:1].isupper() or word[:1].islower() for word in words):
        return bool(words)
    capitalised = [word for word in words if word[:1].isupper()]
    small = all(word[:1].isupper() or word.casefold() in SMALL_WORDS for word in words)
    return small and (len(capitalised) >= 2 or (text.isupper() and len(text) >= 4))


def _head_lines(lines: list[_Line], numbers: dict[int, str], declared: set[str]) -> dict[int, str]:
    """Running heads: short lines that recur a page apart and stand at a page break; index → page number.

    A page break is where a page number stands beside the line, where it cuts a sentence, or where it follows a
    page's foot (its notes, its first-page footer).
    """
    by_shape: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if index not in numbers and (line.head_candidate or line.shape in declared):
            by_shape.setdefault(line.shape, []).append(index)
    found: dict[int, str] = {}
    for shape, indexes in by_shape.items():
        pages = _varying_numbers([lines[i].plain for i in indexes])
        if shape in declared:
            found.update(zip(indexes, pages, strict=True))
            continue
        if not _recurs_a_page_apart(lines, indexes):
            continue
        cuts = _set_apart(lines[indexes[0]].plain) and any(
            _inside_sentence(lines, i, numbers) or _under_a_page_foot(lines, i) for i in indexes
        )
        at_break = any(pages) or cuts or any(_beside(lines, i, numbers) for i in indexes)
        if at_break:
            found.update(zip(indexes, pages, strict=True))
    return found


def _recurs_a_page_apart(lines: list[_Line], indexes: list[int]) -> bool:
    """Whether a line recurs, a page apart each time: twice if set as a head is (capitals, title case), else thrice."""
    if len(indexes) < 2 or (len(indexes) == 2 and not _looks_like_a_title(lines[indexes[0]].plain)):
        return False
    return all(lines[b].position - lines[a].position >= MIN_PAGE_GAP for a, b in itertools.pairwise(indexes))


def _varying_numbers(texts: list[str]) -> list[str]:
    """The number of each text that changes from one occurrence to the next (the page), or ""."""
    numbers = [NUMBER.findall(text) for text in texts]
    if len({len(found) for found in numbers}) != 1 or not numbers[0]:
        return [""] * len(texts)
    varying = [k for k in range(len(numbers[0])) if len({found[k] for found in numbers}) > 1]
    return [found[varying[0]] if varying else "" for found in numbers]


def _beside(lines: list[_Line], index: int, furniture: dict[int, str]) -> bool:
    """Whether the line stands next to a furniture line (blank lines aside)."""
    return index - 1 in furniture or index + 1 in furniture


def _inside_sentence(lines: list[_Line], index: int, furniture: Mapping[int, str], *, lower: bool = False) -> bool:
    """Whether the text before the line does not end a sentence and the text after it goes on in lower case.

    The page's notes (each line of a note's block) and first-page footer, which stand between the text a page
    cut and the next page's head, are passed over; so are a quotation's `>` and emphasis marks at the start of
    what goes on. A line set on its own (ended by a hard break), a label ("Document 10") or a line set as a title
    in a block of its own cuts no sentence. With `lower`, only text in lower case goes on.
    """
    above = next(
        (
            i
            for i in range(index - 1, -1, -1)
            if i not in furniture and not _in_a_note(lines, i) and not footer_kind(lines[i].text)
        ),
        None,
    )
    before = lines[above].text if above is not None else ""
    after = next((lines[i].text for i in range(index + 1, len(lines)) if i not in furniture), "")
    cut = bool(before.strip()) and not HEADING_LINE.match(before) and not SENTENCE_END.search(before.rstrip())
    cut = cut and not is_label(_plain(before))  # "Document 10" over a title's lines is no sentence
    # nor is a line set as a title in a block of its own: a signature's "Ambassador of the USSR in the PRC"
    cut = cut and not (
        above is not None and _looks_like_a_title(lines[above].plain) and _alone_in_block(lines, above, {})
    )
    goes_on = _starts_lower(after) if lower else _goes_on(after, before)
    return cut and not before.endswith("  ") and goes_on


def _goes_on(text: str, before: str) -> bool:
    """Whether a line reads as the rest of the sentence `before` cut.

    It goes on in lower case, or, after prose cut after a word in lower case or a comma (a sentence's middle, no
    byline or title page's line), with a capital ("… the | Chinese proposals"), as prose that a sentence's end
    closes. A lone token (an e-mail address, "palgrave" under a publisher's name) goes on with nothing.
    """
    ends = bool(SENTENCE_END.search(text.rstrip()))
    if _starts_lower(text):
        return len(text.split()) >= 2 or ends
    start = text.lstrip(" >*_“\"‘'([")[:1]
    cut = len(before.split()) > PROSE_WORDS and not _looks_like_a_title(_plain(before))
    cut = cut and bool(MID_SENTENCE.search(before.rstrip()))
    return cut and start.isupper() and (ends or len(text.split()) > PROSE_WORDS)


def _starts_lower(text: str) -> bool:
    """Whether a text starts with a lower-case letter, quotation marks and emphasis aside."""
    return text.lstrip(" >*_“\"‘'([")[:1].islower()


def _in_a_note(lines: list[_Line], index: int) -> bool:
    """Whether a line is a footnote's: a note's first line, or a line of a block that opens with one."""
    start = index
    while start > 0 and lines[start - 1].block == lines[index].block:
        start -= 1
    return _is_note_line(lines[index].text) or _is_note_line(lines[start].text)


def _a_pages_one_line(index: int, furniture: Mapping[int, str]) -> bool:
    """Whether a line is all the text of its page: under the page's head, over its own number at the foot.

    "110" / "COLD WAR HISTORY PROJECT WORKING PAPER NO. 20" / "Ambassador of the USSR in the PRC J. Stalin" /
    "111": the page before ends with its number, this one's head stands above the line and its number, the next,
    below it (a last page that holds one line of a signature).
    """
    head, foot = index - 1, index + 1
    if furniture.get(head) != "" or not furniture.get(foot):
        return False
    before = furniture.get(head - 1, "")
    return bool(before) and page_after(before) == furniture[foot]


class _NoteMarks:
    """Where the text marks each note (every line holding its marker), read once it is asked."""

    def __init__(self, lines: list[_Line]) -> None:
        self._lines = lines
        self._marking: dict[str, list[int]] | None = None

    def marking(self, label: str) -> list[int]:
        """The lines that mark note `label`, in order."""
        if self._marking is None:
            self._marking = {}
            for at, line in enumerate(self._lines):
                for marker in ANY_MARKER.finditer(line.text):
                    self._marking.setdefault(marker_label(marker), []).append(at)
        return self._marking.get(label, [])

    def opens_a_note(self, index: int) -> bool:
        """Whether a line is a note's first line ("12Uneasy …", "> 3Ibid.") whose number the text marks above it."""
        note = _note_line(self._lines[index].text)
        marking = self.marking(str(note_line_label(note))) if note is not None else []
        return bool(marking) and marking[0] < index

    def own_notes_under(self, index: int, furniture: Mapping[int, str]) -> bool:
        """Whether the first note under a line is marked above it, on the page it stands on: the line opens no page.

        A page prints the notes of its own markers: where the note under a line ("> 2Wei Zhou, …") is marked
        between the page's top and the line ("… congress.<sup>2</sup> Ambassador of the USSR in the PRC" / "A.
        Kosygin"), and not again between the line and the note (notes numbered page by page), no page begins at the
        line.
        """
        lines = self._lines
        top = max((i for i in furniture if i < index), default=-1)
        at = next((i for i in range(index + 1, len(lines)) if i in furniture or _is_note_line(lines[i].text)), None)
        note = _note_line(lines[at].text) if at is not None and at not in furniture else None
        if at is None or note is None:
            return False
        marked = [i for i in self.marking(str(note_line_label(note))) if top < i < at]
        return bool(marked) and max(marked) < index


def _note_line(text: str) -> re.Match[str] | None:
    """A footnote's first line (`NOTE_LINE` or `LOOSE_NOTE_LINE`), or None."""
    return NOTE_LINE.match(text) or LOOSE_NOTE_LINE.match(text)


def _is_note_line(text: str) -> bool:
    """A footnote's line at the page's foot, between the text the page cut and the next page's head."""
    return _note_line(text) is not None


def _single_heads(lines: list[_Line], furniture: dict[int, str]) -> dict[int, str]:
    """Heads printed once: short lines set as heads are, where a page begins.

    Such a line is one if it opens the text as a journal's head does (its name and volume: "Diplomatic History
    44(2)", "The China Quarterly 245"); if it stands inside a sentence that the page cut (where no heading can
    stand), set as heads are (title case or capitals), or under a page's notes or footer in a block of its own
    right above a heading (where no line of text stands), or the title again in a block of its own under a page's
    notes (a recto head on pages that print no number); or beside a page number (after the first one printed) when
    it stands between two furniture lines, in a block of its own (a label above a title aside: "CHAPTER 9"), when
    every word of it is on the text's first page (its title, byline, footer) and it is set as a title or says what
    the first page says in that order (a line of text whose words all stand on the first page is none), or when it
    is set as a journal's head is. The title again, or a head found on other pages set as a heading below the title's
    level, or a series' head that says it is one ("### COLD WAR HISTORY PROJECT WORKING PAPER NO. 91"), beside a
    page number or right under a page's notes, after the title itself, is a head (an extractor sets a head in bold or small capitals as a heading). Right above the first number printed, a line set as a title in a block of its
    own is a head when the lines above it say what it says (the book's title, which the first page's footer names).
    """
    first_page = min((i for i, page in furniture.items() if page), default=0)
    facing: list[int] = []  # set as a head, alone, where a page begins: the other side's head if one faces it
    opening = {  # the words of the lines that name the text: its title, byline, label, footer
        word.casefold() for line in lines[:first_page] if _names_the_text(line) for word in WORD.findall(line.plain)
    }
    first_text = _squashed(" ".join(line.plain for line in lines[:first_page]))
    title_line = _title_line(lines, 0) or 0  # the title itself, under a first page's number, is no head
    title, under_a_head = _title(lines, 0), _title(lines, 1)  # the title; the one under a head over the first page
    heads = {_shape(_without_edge_number(lines[i].plain)) for i in furniture if not PAGE_NUMBER.match(lines[i].plain)}
    found: dict[int, str] = {}
    known = ChainMap(found, furniture)  # a head found above is no text a page cut: "The Politburo" / "111" / "Pol…"
    marks = _NoteMarks(lines)
    for index, line in enumerate(lines):
        if index in furniture or marks.opens_a_note(index):
            continue  # a note's first line ("12Uneasy experts … Nikita"), whatever stands around it, is no head
        # before the first page number, only the line just above it may be its head ("The Cold War in East Asia" /
        # "Page 402"): the first page's own lines are no heads
        above_first = index == first_page - 1 and first_page < len(lines) - 1  # not the last page's foot
        beside = _beside(lines, index, furniture) and (index >= first_page or above_first)
        if HEADING_LINE.match(line.text) and beside and _inside_sentence(lines, index, known, lower=True):
            found[index] = ""  # a head an extractor set as a heading, where no heading can stand: inside a sentence
            continue
        again = HEADING_LINE.match(line.text) is not None and (
            _the_title(title, _heading_text(line))
            or (not line.text.startswith("# ") and _shape(_without_edge_number(_heading_text(line))) in heads)
            or _says_its_series(_heading_text(line))
        )
        if again and (beside or _under_a_page_foot(lines, index)) and index > title_line:
            found[index] = ""  # the title or a running head again, set as a heading beside a page number or the notes
            continue
        plain = line.plain
        if not line.head_candidate or _among_numbered_lines(lines, index) or INNER_SENTENCE.search(plain):
            continue  # a line with a sentence inside is text ("Aiko Tanaka. 1995. …", "… delegate?3 In …")
        titled = _looks_like_a_title(plain) and _set_apart(plain)
        journal = _journal_head(plain) or _journal_head(_without_edge_number(plain))
        if (
            index == 0
            and (journal or _the_title(under_a_head, plain, short=True))
            and _alone_in_block(lines, index, furniture)
        ):
            found[index] = ""  # a journal's head, or the title as a recto head (shortened or not), over the first page
            continue
        set_alone = titled and _alone_in_block(lines, index, furniture) and not is_label(plain)
        alone = set_alone and not _closes_the_text(lines, index, known)  # a signature's title at a page's top
        if not beside:
            over_heading = index + 1 < len(lines) and bool(HEADING_LINE.match(lines[index + 1].text))
            # a head on a text whose pages print no number: the title again inside a sentence the page cut or in a
            # block of its own under a page's notes (where the next page begins), or a journal's or series' name and
            # number in a block of its own
            title_again = index > 0 and _the_title(title, plain, short=True)  # shortened to fit, or not
            if (
                (
                    (titled or title_again)
                    and _inside_sentence(lines, index, known)
                    and not marks.own_notes_under(index, known)
                    # where pages print numbers, a page is cut at its foot: its notes, footer or number
                    and (not any(furniture.values()) or _under_a_page_foot(lines, index))
                )
                or (alone and over_heading and _under_a_page_foot(lines, index))
                or (index > 0 and journal and _alone_in_block(lines, index, furniture))
                or (title_again and _alone_in_block(lines, index, furniture) and _under_a_page_foot(lines, index))
            ):
                found[index] = ""
            elif alone and _under_a_page_foot(lines, index):
                facing.append(index)
            continue
        words = {word.casefold() for word in WORD.findall(plain)}
        between = index - 1 in furniture and index + 1 in furniture and not _a_pages_one_line(index, furniture)
        # its words are on the first page: the title; over the first number printed, in the lines above it
        printed_above = index >= first_page and words <= opening
        printed_above = printed_above and (_looks_like_a_title(plain) or _squashed(plain) in first_text)
        printed_above = printed_above or (above_first and set_alone and _said_above(lines, index))
        if words and (printed_above or between or journal or alone or _inside_sentence(lines, index, known)):
            found[index] = ""
        elif (
            set_alone
            and index > 0
            and PAGE_NUMBER.match(lines[index - 1].plain)
            and _under_a_page_foot(lines, index - 1)
        ):
            facing.append(index)  # under the number at the foot of the page before: a verso head, if one faces it
    found.update(dict.fromkeys(_facing_heads(lines, facing, known), ""))
    return found


def _facing_heads(lines: list[_Line], candidates: list[int], heads: Mapping[int, str]) -> list[int]:
    """The candidates that face a head: where the page before or after begins with one, heads alternate.

    A book's verso head names the book, which nothing else in a chapter may name; its recto head, the chapter's
    title, is found on the next page or over the first. A line set as a title, alone where a page begins (under
    the notes or footer that end the page before, or under the number printed at its foot), is the verso's head
    when the nearest page top before or after it (the text's first line among them) holds a head: also where only
    the last note's rest follows it, which would make a signature's title of it. In an extraction that marks its
    headings (`#`), such a line set in the running text's weight (not bold) is the page's head wherever it stands:
    no heading is set so, and no paragraph is a title alone (a two-page article whose only head is the book's, on
    its second page).
    """
    if not candidates:
        return []
    marks_headings = any(HEADING_LINE.match(line.text) for line in lines)
    tops = [0] + [  # the text's first line opens the first page
        index
        for index, line in enumerate(lines)
        if index and not (_is_note_line(line.text) or _foot_line(line.text)) and _under_a_page_foot(lines, index)
    ]
    facing = []
    for index in candidates:
        around = sorted({*tops, index})  # a candidate under the page number at the foot of the page before too
        at = around.index(index)
        neighbours = around[max(at - 1, 0) : at] + around[at + 1 : at + 2]
        unmarked = marks_headings and not lines[index].text.lstrip(" >").startswith(("**", "__"))
        if unmarked or any(top in heads for top in neighbours):
            facing.append(index)
    return facing


def _names_the_text(line: _Line) -> bool:
    """Whether a line of the first page may say what a head says.

    A heading, a short line set apart (the title, a byline, a label) or a footer's line (the book's title); not
    the running text, whose words any line may share ("L. Shaoqi", a signature's name, shares those of "… l. 23"
    and "Liu Shaoqi").
    """
    return bool(HEADING_LINE.match(line.text)) or line.head_candidate or bool(footer_kind(line.text))


def _said_above(lines: list[_Line], index: int) -> bool:
    """Whether the lines above a line say what it says, in that order (a book's title in the first page's footer)."""
    return _squashed(lines[index].plain) in _squashed(" ".join(line.plain for line in lines[:index]))


def _closes_the_text(lines: list[_Line], index: int, furniture: Mapping[int, str]) -> bool:
    """Whether a line ends the text, or only a name or two follows it there: a signature (title, then name).

    A page's head has the page's text under it. The page's notes are not its text: a note's line, and the rest of
    the last note, set as notes are (quoted) or going on in lower case.
    """
    rest = [
        lines[i].plain
        for i in range(index + 1, len(lines))
        if i not in furniture
        and not (_is_note_line(lines[i].text) or lines[i].text.lstrip().startswith(">") or _starts_lower(lines[i].text))
    ]
    return len(rest) <= CLOSING_NAME_LINES and all(len(text.split()) <= CLOSING_NAME_WORDS for text in rest)


def _squashed(text: str) -> str:
    """A text case-folded without spaces, to find a line's words in the same order elsewhere."""
    return re.sub(r"\s+", "", text.casefold())


def _may_end_with_a_number(text: str) -> bool:
    """Whether a line ends as `FOOTER_NUMBER` and `GLUED_PAGE_NUMBER` need: a long line of text is passed over at once."""
    last = text.rstrip()[-1:]
    return last.isdecimal() or (last != "" and last in "ivxlcdm-–—‒")


def _edge_number(text: str) -> re.Match[str] | None:
    """`EDGE_NUMBER`'s match of a line, looked for only where the line starts or ends as its match would."""
    return EDGE_NUMBER.match(text) if _EDGE_START.match(text) or _EDGE_END.search(text, len(text) - 2) else None


def _without_edge_number(text: str) -> str:
    edge = _edge_number(text)
    return _without_number(text, edge) if edge else text


def _the_title(heading: str, text: str, *, short: bool = False) -> bool:
    """Whether a line says what the title (`_title`: the first `#` heading, a few lines on) says, as a recto head does.

    With `short`, a line of two words or more that says the title's beginning, half of it or more (a head shortened
    to fit), says it too: a byline that names the title's first words ("Mao Zedong" over "Mao Zedong on the Soviet
    Union") is too short.
    """
    squashed = [re.sub(r"\s+", "", _shape(t)) for t in (_plain(heading), _without_edge_number(text))]
    if short and len(text.split()) >= 2 and 2 * len(squashed[1]) >= len(squashed[0]):
        return bool(heading) and squashed[0].startswith(squashed[1])
    return bool(heading) and squashed[0] == squashed[1]  # "1985– 1988": an extractor's space after a dash


def _title(lines: list[_Line], start: int) -> str:
    """The title: the first `#` heading from line `start` on, a few lines at most, that is no label."""
    index = _title_line(lines, start)
    return _heading_text(lines[index]) if index is not None else ""


def _title_line(lines: list[_Line], start: int) -> int | None:
    """The index of the title's line (`_title`), if the text's first lines hold one."""
    headings = (i for i in range(start, min(len(lines), MAX_RUN_LINES + 2)) if HEADING_LINE.match(lines[i].text))
    return next((i for i in headings if not is_label(_heading_text(lines[i]))), None)


def _heading_text(line: _Line) -> str:
    """A heading line's text, without its `#` marks and emphasis."""
    return re.sub(r"^#{1,6}\s+", "", line.plain).strip(" *")


def _journal_head(text: str) -> bool:
    """Whether a line is a journal's or a series' name (two words or more, set as a title) and its number.

    "Diplomatic History 44(2)", "WORKING PAPER NO. 53"; no label ("Chapter 21", "Document No. 12").
    """
    journal = JOURNAL_HEAD.match(text)
    name = journal.group("name") if journal else ""
    return len(name.split()) >= 2 and _looks_like_a_title(name) and not is_label(text)


def _says_its_series(text: str) -> bool:
    """Whether a line is a journal's or a series' head that says it is one, as no section's title does.

    Its number follows "No." or "Vol.", or its issue follows it in brackets: "COLD WAR HISTORY PROJECT WORKING
    PAPER NO. 91", "Cold War History 21(3)" ("The Crisis of 1958" is a title).
    """
    return _journal_head(text) and SERIES_NUMBER.search(text) is not None


def _alone_in_block(lines: list[_Line], index: int, furniture: dict[int, str]) -> bool:
    """Whether a line is the only line of its block that is not furniture."""
    block = lines[index].block
    return all(i == index or i in furniture for i, line in enumerate(lines) if line.block == block)


def _runs(lines: list[_Line], furniture: _Furniture) -> list[list[int]]:
    """Furniture lines that stand together (nothing but blank lines between): one page break each."""
    runs: list[list[int]] = []
    for index in sorted(furniture.lines):
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _page_numbers(lines: list[_Line], runs: list[list[int]], furniture: _Furniture) -> tuple[str, list[str | None]]:
    """The first page's printed number, and the number of the page that begins at each run.

    A run before the first text or after the last is no page break (None). A head that prints the page number
    stands at the page's top: its number is the new page's (a bare number beside it is the last page's foot).
    Bare numbers alone stand at the top as well, unless the text ends with one, as numbers at the foot of each
    page do: then the page that begins at a run is numbered at the next. The first page is numbered where it
    prints its number (at its head or its foot), else it is the page before the first one numbered.
    """
    printed = [[furniture.lines[i] for i in run if furniture.lines[i]] for run in runs]
    heads = [
        [furniture.lines[i] for i in run if furniture.lines[i] and not PAGE_NUMBER.match(lines[i].plain)]
        for run in runs
    ]
    opening, closing = runs[0][0] == 0, runs[-1][-1] == len(lines) - 1
    at_foot = not furniture.heads_number_pages and closing and bool(printed[-1])
    pages: list[str | None] = []
    for k in range(len(runs)):
        if (k == 0 and opening) or (k == len(runs) - 1 and closing):
            pages.append(None)
        elif heads[k]:
            pages.append(heads[k][-1])
        elif at_foot:
            pages.append(printed[k + 1][-1] if printed[k + 1] else "")
        else:
            pages.append(max(printed[k], key=page_value, default=""))
    if at_foot:
        first = next((numbers[-1] for numbers in printed if numbers), "")
    elif opening and printed[0]:
        first = printed[0][-1]
    else:
        known = next(((k, page) for k, page in enumerate(pages) if page), None)
        first = page_after(known[1], -sum(1 for p in pages[: known[0] + 1] if p is not None)) if known else ""
    return first, pages


def _without(blocks: list[Block], lines: list[_Line], removed: set[int], starts: dict[int, str]) -> list[Block]:
    """The blocks with the furniture lines taken out, a page break where each run of them stood."""
    where = {(line.block, line.offset): index for index, line in enumerate(lines)}
    result: list[Block] = []
    for position, block in enumerate(blocks):
        if not isinstance(block, RawBlock):
            result.append(block)
            continue
        current: RawBlock | None = None
        for offset, text in enumerate(block.lines):
            index = where[(position, offset)]
            if index in removed:
                current = None
                if index in starts:
                    result.append(PageBreak(block.line + offset, starts[index], page_top=True))
                continue
            if current is None:
                current = RawBlock(block.line + offset, [])
                result.append(current)
            current.lines.append(text)
    return result
