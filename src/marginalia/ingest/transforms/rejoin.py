"""Rejoin paragraphs that page breaks cut in two, and words hyphenated across them."""

from __future__ import annotations

import re

from marginalia.ingest.patterns import (
    ARCHIVE,
    LABEL,
    LIST_ITEM,
    MARKER,
    PLACE_DATE,
    SENTENCE_END,
    SOFT_HYPHEN,
    hard_lines,
    join_lines,
)
from marginalia.ingest.transforms.furniture import furniture_like, printed_lines
from marginalia.ingest.words import is_english_word
from marginalia.model import (
    Block,
    Document,
    LineGroup,
    NoteText,
    PageBreak,
    Paragraph,
    RawBlock,
    Repair,
    page_mark,
)

STRUCTURED_START = re.compile(rf"{LIST_ITEM.pattern}|{LABEL.pattern}|^>")
"""Blocks that are lists, contents lines, labelled entries or quotes, not running prose."""
HYPHENATED_END = re.compile(r"(?<=[^\W\d_])-$")
NO_SPACE_AFTER = ("—", "–", "/")
WORD_PART = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


def rejoin_paragraphs(doc: Document) -> Document:
    """Turn prose blocks into paragraphs, joining those a page break split.

    Two neighbouring prose blocks (with only page breaks or a blank line
    between) are one paragraph when the second starts in lower case or the
    first does not end a sentence. A word hyphenated at the join loses its
    hyphen only when it is one word split by the typesetter ("propa-" /
    "ganda"), not a compound ("well-" / "informed", "Sino-" / "Soviet"); see
    `_Vocabulary.drops_hyphen`.
    Each join is recorded in `Document.repairs`. Blocks with hard line breaks
    become `LineGroup`s; structured blocks (lists, tabbed lines) stay raw for
    the section parsers. Where a page break carries the printed page number
    (`marginalia.ingest.transforms.furniture`), its mark (`page_mark`) goes
    where the page began: at the join, after the word a hyphen split, or at
    the start of the next paragraph.

    Args:
        doc: A document whose notes and metadata left page breaks behind.

    Returns:
        The document with `Paragraph`s and no page breaks.
    """
    result: list[Block] = []
    previous: Paragraph | None = None
    vocabulary = _Vocabulary(doc.blocks)
    printed = printed_lines(doc.blocks)
    page = ""  # the printed number of a page that began since the last paragraph
    last_line = (0, "")  # the last source line of `previous`
    for block in doc.blocks:
        if isinstance(block, PageBreak):
            page = block.page or page
            continue
        typed = _type(block)
        if isinstance(typed, Paragraph) and previous is not None and _continues(previous.text, typed.text):
            assert isinstance(block, RawBlock)
            _warn_furniture_like(doc, [last_line, (block.line, block.lines[0])], printed)
            _join(doc, previous, typed, vocabulary, page_mark(page) if page else "")
            page, last_line = "", (block.line + len(block.lines) - 1, block.lines[-1])
            continue
        if isinstance(block, RawBlock):
            last_line = (block.line + len(block.lines) - 1, block.lines[-1])
        if isinstance(typed, Paragraph) and page:
            typed.text, page = page_mark(page) + typed.text, ""
        previous = typed if isinstance(typed, Paragraph) else None
        result.append(typed)
    doc.blocks = result
    return doc


def _warn_furniture_like(doc: Document, halves: list[tuple[int, str]], printed: dict[str, list[int]]) -> None:
    """Warn when a line beside a join looks like a running head or page number that was not taken out."""
    for number, line in halves:
        reason = furniture_like(line, number, printed)
        if reason:
            doc.warn(
                number,
                f"{line.strip()!r} ({reason}) was joined to the text across a page break; if it is a running head"
                " or a page number, list it under 'furniture:' in text.yml",
                "join-furniture",
            )


def _type(block: Block) -> Block:
    if not isinstance(block, RawBlock) or STRUCTURED_START.match(block.lines[0]) or "\t" in block.text:
        return block
    if block.has_hard_breaks:
        return LineGroup(block.line, hard_lines(block.lines))
    return Paragraph(block.line, join_lines(block.lines))


def _continues(first: str, second: str) -> bool:
    end = MARKER.sub("", first).rstrip()
    start = second.lstrip("“\"‘'(*_[")
    if start[:1].isupper() and (ARCHIVE.search(first) or PLACE_DATE.match(first)) and len(first.split()) <= 25:
        return False  # a document's archive reference or dateline, not a sentence cut by a page break
    return start[:1].islower() or not SENTENCE_END.search(end)


class _Vocabulary:
    """The words and hyphenated compounds of one text, read once, when a hyphen at a break must be judged."""

    def __init__(self, blocks: list[Block]) -> None:
        self._blocks = blocks
        self._words: set[str] | None = None
        self._compounds: set[str] = set()

    def _read(self) -> set[str]:
        if self._words is None:
            text = " ".join(
                " ".join(b.lines) if isinstance(b, RawBlock) else b.text
                for b in self._blocks
                if isinstance(b, RawBlock | NoteText)
            ).casefold()
            self._words = set(WORD_PART.findall(text))
            self._compounds = set(COMPOUND.findall(text))
        return self._words

    def drops_hyphen(self, left: str, right: str) -> bool:
        """Whether `left-` + `right` at a page break is one word split by the typesetter.

        The text itself decides first: the compound written with its hyphen
        elsewhere keeps it, the word written whole elsewhere loses it. Failing
        that, the joined form must be an English word (wordfreq) and the second
        part must start in lower case (`Sino-`/`Soviet` is a compound).
        """
        joined = (left + right).casefold()
        words = self._read()
        if f"{left}-{right}".casefold() in self._compounds:
            return False
        if joined in words:
            return True
        return right[:1].islower() and is_english_word(joined)


def _join(doc: Document, first: Paragraph, second: Paragraph, vocabulary: _Vocabulary, mark: str) -> None:
    """Join `second` to `first`; `mark` (a page's mark, or "") goes where the second page began."""
    head, tail = first.text.rstrip(), second.text.lstrip()
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
    joiner = "" if head.endswith(NO_SPACE_AFTER) or head.endswith("-") else " "
    first.text = head + joiner + mark + tail


def _last_words(text: str) -> str:
    return " ".join(text.split()[-3:])


def first_words(text: str) -> str:
    """The first three words of a text, to show where a join or a continued note begins."""
    return " ".join(text.split()[:3])
