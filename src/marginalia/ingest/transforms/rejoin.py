"""Rejoin paragraphs that page breaks cut in two, and words hyphenated across them; read quotations and tables."""

from __future__ import annotations

import re
from typing import Literal

from marginalia.ingest.document_heading import is_archive_reference, is_dateline
from marginalia.ingest.patterns import (
    GLUED_END,
    LABEL,
    LIST_ITEM,
    MARKER,
    PAGE_TOP_MARKER,
    SENTENCE_END,
    SOFT_HYPHEN,
    emphasis_rejoined,
    hard_lines,
    join_lines,
)
from marginalia.ingest.transforms.furniture import furniture_like, printed_lines
from marginalia.ingest.transforms.quotes_tables import (
    ATTRIBUTION,
    QUOTE_LINE,
    LineKind,
    continues_table,
    is_caption,
    is_table_note,
    quote_paragraphs,
    read_table,
    split_by_kind,
)
from marginalia.ingest.vocabulary import WORD_PART, Vocabulary
from marginalia.model import (
    Block,
    Document,
    Heading,
    LineGroup,
    PageBreak,
    Paragraph,
    Quotation,
    RawBlock,
    Repair,
    Table,
    page_mark,
    without_page_marks,
)

STRUCTURED_START = re.compile(rf"{LIST_ITEM.pattern}|{LABEL.pattern}|^>")
"""Blocks that are lists, contents lines, labelled entries or quotes, not running prose."""
ITEM_START = re.compile(rf"{LIST_ITEM.pattern}|{LABEL.pattern}")
"""A list item or a line that a bold label opens (a speaker's turn, a contributor's entry)."""
BULLET_ON_LOWER = re.compile(r"^\s*[-*+•–]\s+(?=[\"“‘'(*_]*[^\W\d_])")
"""A bulleted line's marker, where the line goes on in lower case."""
ITEM_LINE = re.compile(r"^(\s*)[-*+•–]\s+(\S.*)$")
"""A bulleted line: its indent, its text."""
SENTENCE_LEFT_OPEN = re.compile(r"[.?!]\s+\S.*[^\W\d_]$")
"""A line that ended a sentence and left the next one open on a word."""
SHORT_LINE_WORDS = 8
SPACED_END = re.compile(r"(?<=[.?!…])\s\d{1,3}$")
"""A note number set apart after a sentence's end, ending a line: "… signed? 8"."""
PAGE_AT_END = re.compile(r"\s(?:\d{1,4}|[ivxlcdm]{1,7})$")
"""A page number ending a line, as contents lines end."""
LONE_NUMBER = re.compile(r"^(\d{1,3})$")
NUMBERED_ITEM = re.compile(r"^\s*>\s?(\d{1,3})\. \S")
"""A numbered list's item quoted: "> 1. Withdraw the experts."."""
SENTENCE_TAIL = 300
"""How much of a text's end tells whether it ends a sentence (its markers and stops are all at the end)."""
HYPHENATED_END = re.compile(r"(?<=[^\W\d_])-$")
NO_SPACE_AFTER = ("—", "–", "/")


def rejoin_paragraphs(doc: Document) -> Document:
    """Turn prose blocks into paragraphs, joining those a page break split; read quotations and tables.

    Two neighbouring prose blocks (with only page breaks or a blank line
    between) are one paragraph when the second starts in lower case or the
    first does not end a sentence. A word hyphenated at the join loses its
    hyphen only when it is one word split by the typesetter ("propa-" /
    "ganda"), not a compound ("well-" / "informed", "Sino-" / "Soviet"); see
    `Vocabulary.drops_hyphen`.
    A note's marker that the extraction set on a line of its own, or at the
    next page's top, goes back after its sentence (`_markers_set_apart`).
    Each join is recorded in `Document.repairs`. Blocks with hard line breaks
    become `LineGroup`s; structured blocks (lists, tabbed lines) stay raw for
    the section parsers. `>` lines become a `Quotation` and pipe rows a `Table`
    (`marginalia.ingest.transforms.quotes_tables`), each whole across a page
    break: a quotation's paragraphs are joined by the same rule, a table's rows
    go on where the next page repeats its columns. Where a page break carries
    the printed page number (`marginalia.ingest.transforms.furniture`), its
    mark (`page_mark`) goes where the page began: at the join, after the word
    a hyphen split, or at the start of the next paragraph.

    Args:
        doc: A document whose notes and metadata left page breaks behind.

    Returns:
        The document with `Paragraph`s, quotations and tables, and no page breaks.
    """
    flow = _Flow(doc)
    doc.blocks = _headings_a_page_cut(doc.blocks)
    for item in _runs(_list_items_unquoted(_markers_set_apart(doc))):
        if isinstance(item, PageBreak):
            flow.page = item.page or flow.page
            flow.broken = True
        elif isinstance(item, tuple):
            flow.add(*item)
        else:
            flow.close()
            flow.result.append(item)
    doc.blocks = flow.result
    return doc


def _headings_a_page_cut(blocks: list[Block]) -> list[Block]:
    """The blocks, with a heading that a page cut in mid-sentence read as text.

    A typesetter never leaves a heading last on a page: a line an extractor set as one there ("#### Chinese uneasy
    … delegation", in a quotation's larger type), ending no sentence, where the next page's text goes on in lower
    case ("credits congress …"), is the sentence's start.
    """
    result = list(blocks)
    for index, block in enumerate(result[:-1]):
        if not isinstance(block, Heading) or not isinstance(result[index + 1], PageBreak) or _ends_sentence(block.text):
            continue
        after = next((b for b in result[index + 1 :] if not isinstance(b, PageBreak)), None)
        if isinstance(after, RawBlock) and _opens_in_lower_case(after):
            result[index] = RawBlock(block.line, [block.text])
    return result


def _opens_in_lower_case(block: RawBlock) -> bool:
    """Whether a block's first word, its `>` and opening marks aside, is in lower case: a sentence goes on there."""
    return QUOTE_LINE.sub("", block.lines[0]).lstrip(" *_“\"‘'(")[:1].islower()


def _markers_set_apart(doc: Document) -> list[Block]:
    """The blocks, with a note's marker that an extraction set on a line of its own put back after its sentence.

    A block of a number alone, right after a block that ends a sentence, is the marker of that note when the
    text has the note and marks it nowhere else ("… a record?" / "8" / "Railway drafted …"); it goes back to the
    end of the block above, where linking reads it as a marker set apart ("… a record? 8"). So is the number that
    opens a page's first block ("… rapprochement?" / "9 A Shanghai …": the marker printed at the next page's
    top); it becomes `<sup>9</sup>`, which joins the block to the sentence above (`_continues`). An extractor may
    quote such a block, the marker setting it in from the margin ("> 10 Ambassador …"): it is the body's. A number
    alone on a line inside a block, under its line that ends a sentence, goes back there too: a quotation's last
    line and its marker, which the typesetter set on a line of its own ("> … Deng Xiaoping?" / ">" / "> 10").
    """
    text = "\n".join(line for block in doc.blocks if isinstance(block, RawBlock) for line in block.lines)
    blocks: list[Block] = []
    for block in doc.blocks:
        if not isinstance(block, RawBlock):
            blocks.append(block)
            continue
        _lone_markers_put_back(block, doc, text)
        alone = LONE_NUMBER.match(block.lines[0].strip()) if len(block.lines) == 1 else None
        opens_page = bool(blocks) and isinstance(blocks[-1], PageBreak)
        quoted = all(QUOTE_LINE.match(line) for line in block.lines)
        lines = [QUOTE_LINE.sub("", line) for line in block.lines] if quoted else block.lines
        top = PAGE_TOP_MARKER.match(lines[0]) if opens_page else None
        found = alone or top
        number = found.group(1) if found else ""
        above = next((b for b in reversed(blocks) if not isinstance(b, PageBreak)), None)
        if isinstance(above, RawBlock) and _marks_the_line(number, above.lines[-1], doc, text):
            if alone:
                above.lines[-1] = f"{above.lines[-1].rstrip()} {number}"
                continue
            block.lines = [f"<sup>{number}</sup> {lines[0][len(number) :].lstrip()}", *lines[1:]]  # unquoted
        blocks.append(block)
    return blocks


def _marks_the_line(number: str, line: str, doc: Document, text: str) -> bool:
    """Whether a number set apart is the marker of a line's sentence.

    It is a note's number that `text` marks nowhere else, after a line that ends a sentence with no marker at its end.
    """
    return (
        number in doc.notes
        and f"<sup>{number}</sup>" not in text
        and bool(SENTENCE_END.search(MARKER.sub("", line).rstrip()))
        and not MARKER.search(line[-12:])
    )


def _lone_markers_put_back(block: RawBlock, doc: Document, text: str) -> None:
    """Put a note's marker set alone on a line inside `block` back at the end of the line above, as `<sup>N</sup>`.

    The number must be a note's that `text` marks nowhere else, the line above (empty `>` lines aside) must end a
    sentence with no marker; the empty `>` lines between go too when nothing follows the number but such lines.
    """
    index = len(block.lines)
    while (index := index - 1) > 0:
        alone = LONE_NUMBER.match(QUOTE_LINE.sub("", block.lines[index]).strip())
        if not alone:
            continue
        above = index - 1
        while above > 0 and not QUOTE_LINE.sub("", block.lines[above]).strip():
            above -= 1
        line = block.lines[above]
        if not _marks_the_line(alone.group(1), line, doc, text):
            continue
        block.lines[above] = f"{line.rstrip()}<sup>{alone.group(1)}</sup>"
        rest = block.lines[index + 1 :]
        empty = all(not QUOTE_LINE.sub("", later).strip() for later in rest)
        block.lines[above + 1 :] = [] if empty else [*block.lines[above + 1 : index], *rest]
        index = above + 1


def _list_items_unquoted(blocks: list[Block]) -> list[Block]:
    """The blocks, with a numbered list's item that an extraction quoted ("> 1. …") read as the list's.

    An item is quoted when its block is, it alone, and the list goes on right after it with the next number
    (after page breaks only: "> 1. Withdraw …" / "2. Recall …"), as a list whose first item a page's foot cut is
    indented there and quoted.
    """
    for index, block in enumerate(blocks):
        if not isinstance(block, RawBlock) or not (item := NUMBERED_ITEM.match(block.lines[0])):
            continue
        if not all(QUOTE_LINE.match(line) for line in block.lines):
            continue
        following = next((b for b in blocks[index + 1 :] if not isinstance(b, PageBreak)), None)
        if isinstance(following, RawBlock) and following.lines[0].startswith(f"{int(item.group(1)) + 1}. "):
            block.lines = [QUOTE_LINE.sub("", line) for line in block.lines]
    return blocks


RunKind = LineKind | Literal["caption"]


def _runs(blocks: list[Block]) -> list[Block | tuple[RunKind, RawBlock]]:
    """The blocks, raw ones cut into runs of text, quotation and table lines; a table's caption above it marked."""
    runs: list[Block | tuple[RunKind, RawBlock]] = []
    for block in blocks:
        runs += split_by_kind(block) if isinstance(block, RawBlock) else [block]
    for index, item in enumerate(runs):
        if not isinstance(item, tuple) or item[0] != "text" or len(item[1].lines) > 2:
            continue
        following = next((r for r in runs[index + 1 :] if not isinstance(r, PageBreak)), None)
        if isinstance(following, tuple) and following[0] == "table" and is_caption(join_lines(item[1].lines)):
            runs[index] = ("caption", item[1])
    return runs


class _Flow:
    """The blocks read so far, and what the next one may continue: a paragraph, a quotation or a table."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.result: list[Block] = []
        self.previous: Paragraph | None = None
        self.item: RawBlock | None = None  # a list item or a labelled line (a speaker's turn) the next may go on with
        self.quotation: Quotation | None = None
        self.table: Table | None = None
        self.caption = ""
        self.page = ""  # the printed number of a page that began since the last paragraph
        self.broken = False  # whether a page break (notes, furniture) stands between the last block and the next
        self.last_line = (0, "")  # the last source line of `previous`
        self.quoted_to = 0  # the last source line of the last run read as a quotation's
        self.plain_rest = False  # whether the last run was a quotation's rest printed as plain text
        self.vocabulary = Vocabulary(doc)
        self.printed = printed_lines(doc.blocks)
        self.warned: set[int] = set()

    def close(self) -> None:
        """Nothing read so far goes on in the next block."""
        self.previous = self.quotation = self.table = self.item = None

    def add(self, kind: RunKind, run: RawBlock) -> None:
        broken, self.broken = self.broken, False
        plain_rest, self.plain_rest = self.plain_rest, False
        cut = broken or plain_rest or self._cut_at_a_hard_break(run)
        if kind == "text" and cut and self._quotation_goes_on(run):
            kind = "quote"  # the rest of a quotation the page cut, which the extraction printed as plain text
            self.plain_rest = True  # the next block too, while the sentence stays open (printed a line a block)
        if kind == "text" and broken and self._bullet_on_a_cut_sentence(run):
            run = RawBlock(run.line, [BULLET_ON_LOWER.sub("", run.lines[0]), *run.lines[1:]])
        if kind == "quote" and broken:
            self._plain_line_of_a_quotation(run)
        item_rest = kind == "quote" and broken and self._set_in_under_a_cut_item(run)
        if item_rest:  # the item's hanging indent, which the extraction read as a quotation's
            kind, run = "text", RawBlock(run.line, [QUOTE_LINE.sub("", line) for line in run.lines])
        if kind == "caption":
            self.close()
            self.caption = join_lines(run.lines)
        elif kind == "quote":
            self._quotation(run)
        elif kind == "table":
            self._table(run)
        elif not self._under_table(run):
            self._prose(run, item_rest)

    def _mark(self) -> str:
        mark, self.page = (page_mark(self.page) if self.page else ""), ""
        return mark

    def _prose(self, block: RawBlock, item_rest: bool = False) -> None:
        self.quotation = self.table = None
        typed = _type(block, self.vocabulary)
        previous, item = self.previous, self.item
        wrapped = _wrapped_line(item, typed)
        if wrapped is not None:  # an item's next line that an extractor set as an item of a list under it
            typed = Paragraph(block.line, wrapped)
        if isinstance(typed, Paragraph) and previous is not None and _continues(previous.text, typed.text):
            self._warn_furniture_like([self.last_line, (block.line, block.lines[0])])
            _join(self.doc, previous, typed, self.vocabulary, self._mark())
        elif (
            isinstance(typed, Paragraph)
            and item is not None
            and (item_rest or _item_continues(item, typed.text, self.vocabulary))
        ):
            self._warn_furniture_like([self.last_line, (block.line, block.lines[0])])
            last = Paragraph(item.line + len(item.lines) - 1, join_lines(item.lines[-1:]))
            _join(self.doc, last, typed, self.vocabulary, self._mark())
            item.lines[-1] = last.text
        else:
            if isinstance(typed, Paragraph) and self.page:
                typed.text = self._mark() + typed.text
            self.previous = typed if isinstance(typed, Paragraph) else None
            self.item = typed if isinstance(typed, RawBlock) and ITEM_START.match(typed.lines[0]) else None
            self.result.append(typed)
        self.last_line = (block.line + len(block.lines) - 1, block.lines[-1])

    def _warn_furniture_like(self, halves: list[tuple[int, str]]) -> None:
        """Warn, once a line, when a line beside a join looks like a running head or page number left in."""
        for number, line in halves:
            reason = furniture_like(line, number, self.printed)
            if reason and number not in self.warned:
                self.warned.add(number)
                self.doc.warn(
                    number,
                    f"{line.strip()!r} ({reason}) was joined to the text across a page break; if it is a running"
                    " head or a page number, list it under 'furniture:' in text.yml",
                    "join-furniture",
                )

    def _set_in_under_a_cut_item(self, block: RawBlock) -> bool:
        """Whether a quoted block after a page break is the rest of a list's item the page cut in mid-sentence.

        A bulleted item's lines hang under its text; an extraction may read the next page's first lines, set in
        so, as a quotation ("• … ideology announced" / `> Andrei Gromyko criticized?`): one paragraph that ends
        the item's sentence.
        """
        item = self.item
        if item is None or not LIST_ITEM.match(item.lines[0]):
            return False
        if _ends_sentence(item.lines[-1]) or any(QUOTE_LINE.sub("", line).strip() == "" for line in block.lines):
            return False
        return _ends_sentence(QUOTE_LINE.sub("", block.lines[-1]))

    def _bullet_on_a_cut_sentence(self, block: RawBlock) -> bool:
        """Whether a block after a page break, printed as a list's item, goes on with the sentence the page cut.

        An extractor may read the next page's first line as an item ("- polemics speech …"): an item that goes on in
        lower case, right after a paragraph (or an item, a speaker's turn) the page cut in mid-sentence, is that
        sentence's rest.
        """
        bullet = BULLET_ON_LOWER.match(block.lines[0])
        cut = self.previous.text if self.previous else self.item.lines[-1] if self.item else None
        if bullet is None or cut is None:
            return False
        rest = block.lines[0][bullet.end() :].lstrip("\"“‘'(*_")
        return rest[:1].islower() and not _ends_sentence(cut)

    def _plain_line_of_a_quotation(self, rest: RawBlock) -> None:
        """Give to a quotation a paragraph printed plain before its rest, `rest`, after a page break.

        An extraction may print the last line of a quotation's paragraph on a page without its mark ("> … formal." /
        "Discussed … cautious Joseph" / page v / "> Stalin that …"): a paragraph right under a quotation that ends no
        sentence, where the next page goes on with a quotation, is that quotation's, and the next page's rest
        continues it. So is its first line, alone on a page ("Chinese uneasy … delegation" / page 403 / "> credits
        congress …"): a paragraph that ends no sentence, where the next page opens a quotation in lower case, opens
        that quotation.
        """
        previous = self.previous
        if previous is None or self.result[-1:] != [previous] or _ends_sentence(previous.text):
            return
        quotation = self.result[-2] if len(self.result) >= 2 else None
        if isinstance(quotation, Quotation) and not quotation.attribution:
            self.result.pop()
            quotation.paragraphs.append(previous)
        elif _opens_in_lower_case(rest):
            quotation = self.result[-1] = Quotation(previous.line, [previous])
        else:
            return
        self.previous, self.quotation = None, quotation

    def _quotation_goes_on(self, block: RawBlock) -> bool:
        """Whether a block after a page break goes on with the quotation the page cut in mid-sentence.

        It does whatever its first letter, as prose goes on across a break ("… drafted summit economic" /
        "Joseph Stalin. …"): what the page cut must follow it.
        """
        quotation = self.quotation
        if quotation is None or not quotation.paragraphs or quotation.attribution:
            return False
        cut = quotation.paragraphs[-1].text.rstrip()
        first = block.lines[0].lstrip(" *_“\"‘'(")
        return not SENTENCE_END.search(cut) and first[:1].isalpha()

    def _cut_at_a_hard_break(self, run: RawBlock) -> bool:
        """Whether a run of text is the next line of the block whose run above it was read as a quotation's.

        `split_by_kind` cuts a block after a long line ended by a hard break; where that run was a quotation's
        rest, printed plain, the lines under it go on with it while the quotation leaves its sentence open.
        """
        return self.quoted_to > 0 and run.line == self.quoted_to + 1

    def _quotation(self, block: RawBlock) -> None:
        self.quoted_to = block.line + len(block.lines) - 1 if block.lines[-1].endswith("  ") else 0
        paragraphs, attribution = quote_paragraphs(block, self.vocabulary.drops_hyphen)
        quotation = self.quotation
        if quotation is None:
            self.close()
            quotation = self.quotation = Quotation(block.line, [])
            self.result.append(quotation)
        elif paragraphs and _continues(quotation.paragraphs[-1].text, paragraphs[0].text):
            _join(self.doc, quotation.paragraphs[-1], paragraphs.pop(0), self.vocabulary, self._mark())
        if paragraphs and self.page:
            paragraphs[0].text = self._mark() + paragraphs[0].text
        quotation.paragraphs += paragraphs
        if attribution:
            quotation.attribution = attribution
            self.quotation = None  # an attribution ends a quotation

    def _table(self, block: RawBlock) -> None:
        rows = continues_table(self.table, block) if self.table is not None else None
        if rows is not None and self.table is not None:
            self.table.rows += rows
            return
        table = read_table(block)
        if table is None:
            self._prose(block)
            return
        self.close()
        table.caption, self.caption = self.caption, ""
        self.table = table
        self.result.append(table)

    def _under_table(self, block: RawBlock) -> bool:
        """Read a caption or a source line just under the table; whether the block was one."""
        table, text = self.table, join_lines(block.lines)
        if table is None or len(block.lines) > 3:
            return False
        if not table.caption and is_caption(text):
            table.caption = text
            return True
        if not table.note and is_table_note(text):
            table.note = text
            self.table = None
            return True
        return False


def _type(block: Block, vocabulary: Vocabulary) -> Block:
    if not isinstance(block, RawBlock) or STRUCTURED_START.match(block.lines[0]) or "\t" in block.text:
        return block
    if block.has_hard_breaks:
        return LineGroup(block.line, hard_lines(block.lines))
    return Paragraph(block.line, join_lines(block.lines, vocabulary.drops_hyphen))


def _continues(first: str, second: str) -> bool:
    if MARKER.match(second):
        return True  # a note's marker, printed at the page's top, ends the sentence above: no paragraph opens so
    start = second.lstrip("“\"‘'(*_[")
    if start[:1].isupper() and (is_archive_reference(first) or is_dateline(first) or ATTRIBUTION.match(first)):
        return False  # an archive reference, a dateline or an attribution, not a sentence cut by a page break
    if not start[:1].islower() and _is_line_of_its_own(second):
        return False  # a signature's name, an address, a contents line: the rest of a sentence ends one
    return start[:1].islower() or not _ends_sentence(first)


def _ends_sentence(text: str) -> bool:
    """Whether a text ends a sentence; its markers, and the mark of a page that began in its last word, aside."""
    tail = without_page_marks(MARKER.sub("", text[-SENTENCE_TAIL:]))  # a paragraph's end is all it needs
    end = GLUED_END.sub("", tail.rstrip())
    return bool(SENTENCE_END.search(SPACED_END.sub("", end)))


def _is_line_of_its_own(text: str) -> bool:
    """A line with no sentence's end: no paragraph's rest, which ends a sentence.

    A short line (a name under a signature), or one that ends with a page number (a contents line).
    """
    listed = len(text.split()) <= SHORT_LINE_WORDS or bool(PAGE_AT_END.search(text))
    return "\n" not in text and listed and not _ends_sentence(text)


def _wrapped_line(item: RawBlock | None, block: Block) -> str | None:
    """The text of a one-line list item that goes on with the item above it, or None.

    An extractor may print a list item's second line as an item of a list nested under it ("- … revolution
    Manchuria" / "   - question."): indented, in lower case, after an item that has not ended its sentence. It
    may print each line of a paragraph as an item, at the list's own level ("- Стороны … время. Советская делегация
    выразила" / "- удовлетворение ходом …"): in lower case, after an item that left its last sentence open on a
    word, a sentence ended before it (no phrase of a list's, "- economic aid" / "- military cooperation").
    """
    if item is None or not isinstance(block, RawBlock) or len(block.lines) != 1:
        return None
    listed = ITEM_LINE.match(block.lines[0])
    if listed is None or not LIST_ITEM.match(item.lines[0]) or _ends_sentence(item.lines[-1]):
        return None
    if not listed.group(2)[:1].islower():
        return None
    indent = len(item.lines[0]) - len(item.lines[0].lstrip())
    nested = len(listed.group(1)) > indent
    return listed.group(2) if nested or SENTENCE_LEFT_OPEN.search(item.lines[-1].rstrip()) else None


def _item_continues(item: RawBlock, text: str, vocabulary: Vocabulary) -> bool:
    """Whether a prose block goes on with a list item or a labelled line (a speaker's turn) a page break cut.

    It does when it starts in lower case or with the rest of a name the page cut ("… Liu" / "Shaoqi cable …", a
    name the text writes whole elsewhere), or, after a labelled line (`**Mao Zedong:** …`, prose), when the line
    does not end a sentence.
    """
    if "\t" in item.text:
        return False
    if text.lstrip("“\"‘'(*_[")[:1].islower() or vocabulary.name_cut(item.lines[-1], text):
        return True
    return bool(LABEL.match(item.lines[0])) and len(item.lines) == 1 and not _ends_sentence(item.lines[-1])


def _join(doc: Document, first: Paragraph, second: Paragraph, vocabulary: Vocabulary, mark: str) -> None:
    """Join `second` to `first`; `mark` (a page's mark, or "") goes where the second page began."""
    head, tail = emphasis_rejoined(first.text.rstrip(), second.text.lstrip())
    if head.endswith(SOFT_HYPHEN):  # the typesetter's own break point: one word, always
        word_start = tail.split(maxsplit=1)[0]
        doc.repairs.append(Repair(second.line, "dehyphenate", f"{head.rsplit(maxsplit=1)[-1]}|{word_start}"))
        first.text = head[:-1] + word_start + mark + tail[len(word_start) :]
        return
    if HYPHENATED_END.search(head) and tail[:1].isalpha():
        word_end, word_start = head.rsplit(maxsplit=1)[-1], tail.split(maxsplit=1)[0]
        left, right = WORD_PART.findall(word_end)[-1:], WORD_PART.findall(word_start)[:1]
        drop = bool(left and right and vocabulary.drops_hyphen(left[0], right[0]))
        doc.repairs.append(Repair(second.line, "dehyphenate" if drop else "keep-hyphen", f"{word_end}|{word_start}"))
        first.text = (head[:-1] if drop else head) + word_start + mark + tail[len(word_start) :]
        return
    doc.repairs.append(Repair(second.line, "rejoin", f"{_last_words(head)}|{first_words(tail)}"))
    if marker := MARKER.match(tail):  # the marker of the sentence above, printed at the page's top: the sentence's
        head, tail = head + marker.group(0), tail[marker.end() :].lstrip()
    joiner = "" if head.endswith(NO_SPACE_AFTER) or head.endswith("-") else " "
    first.text = head + joiner + mark + tail


def _last_words(text: str) -> str:
    return " ".join(text.split()[-3:])


def first_words(text: str) -> str:
    """The first three words of a text, to show where a join or a continued note begins."""
    return " ".join(text.split()[:3])
