"""Recognise headings, rules and note texts among the split blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from marginalia.ingest.patterns import (
    ANY_MARKER,
    BULLET_ITEM,
    HEADING,
    LOOSE_NOTE_LINE,
    NOTE_LINE,
    NUMBERED_ITEM,
    PAGE_TOP_MARKER,
    RULE,
    SENTENCE_END,
    SOFT_HYPHEN,
    SUPERSCRIPT_DIGITS,
    SUPERSCRIPT_VALUES,
    join_lines,
    marker_label,
    note_line_label,
)
from marginalia.ingest.vocabulary import Vocabulary
from marginalia.model import Block, Document, Heading, NoteText, PageBreak, RawBlock

STRUCTURAL_TITLES = frozenset(
    {
        "abstract",
        "keywords",
        "key words",
        "notes",
        "note",
        "endnotes",
        "references",
        "reference",
        "bibliography",
        "works cited",
        "sources",
        "further reading",
    }
)
"""Titles of apparatus that PDF extraction often leaves as a bare line (`NOTES`, `**References**`)."""
BARE_TITLES = STRUCTURAL_TITLES | {
    "introduction",
    "conclusion",
    "conclusions",
    "acknowledgements",
    "acknowledgments",
    "prologue",
    "epilogue",
    "postscript",
}
"""Every title taken for a heading when it stands alone on a line, apparatus or not."""
BARE_TITLE = re.compile(r"^\s*(?:\*\*|__)?([A-Za-z][A-Za-z ]*?)(?:\*\*|__)?:?\s*$")
BOLD_HEADING = re.compile(r"^(\*\*\*?|__)((?:\d+(?:\.\d+)*\.?\s+)?[^*_\s][^*]*?)\1$")
"""A line wholly in bold (or bold italic), as some extractions print section headings: `**2 The alliance**`,
`***16.1.1 Military credits***`."""
MAX_HEADING_WORDS = 12
MIN_SENTENCE_WORDS = 4
"""The fewest words of a sentence in sentence case that a `#` heading's size cannot make a heading."""
SPEAKER_TURN = re.compile(r"^\*\*[^*]{1,60}(?::\*\*|\*\*:)\s+(?P<words>\S.*)$")
"""A speaker's bold label and its colon before the words ("**Chen Yi:** Revolution …", "**Mao**: …")."""
MARKER_AT_END = re.compile(rf"(?:<sup>\d+</sup>|[{SUPERSCRIPT_DIGITS}]+|\d{{1,3}})+$")
"""Note markers that end a line."""
STOP_BEFORE_MARKER = re.compile(rf"[^\W\d_][.?!](?:<sup>\d+</sup>|[{SUPERSCRIPT_DIGITS}]+)[*_\s]*$")
"""A sentence's end and a note's marker after it, at a line's end."""


GLUED_NOTE_START = re.compile(
    r"(?= +\d)"  # first, what every start has: a search passes over most places at once
    r"(?:(?<=[.?!)\]])|(?<=[a-zа-я])|(?<=[a-zа-я][*_])|(?<=[a-zа-я](?:\*\*|__)))"
    r" +(?=(\d+)(?!\d)(?:[A-Z\u0400-\u042f“\"‘'(\[*_]|\w*[\u4e00-\u9fff]))"
)
"""Where a note's text may begin inside a line: its number glued to its first word after a sentence's end or a
word, in emphasis too ("… 85. 10РГАНИ", "… boundary 4Li Danhui", "… _Two Suns in the_ 12Military"); the number is
group 1."""


def classify_blocks(doc: Document) -> Document:
    """Turn raw blocks that are headings, rules or `<sup>N</sup>` note texts into typed blocks.

    A heading or rule that shares a block with text (no blank line between) is
    split off from it. A one-line block that is only a common title
    (`NOTES`, `Abstract`, `**References**`, `Introduction`), or a short line
    wholly in bold (`**2 The alliance**`), is a heading too. A block of
    several note texts (each line `<sup>N</sup> …`) becomes one note per line.
    A note text as other extractors print it (`> 1Text`, `¹ Text`, `1Text`,
    see `LOOSE_NOTE_LINE`) is one only where the text before it has a marker
    of that number (`<sup>N</sup>`, `¹`, or digits glued to a word: "interest.1").

    Args:
        doc: A document whose blocks are all `RawBlock`s.

    Returns:
        The document with typed blocks where the source's form is unambiguous.
    """
    classified: list[Block] = []
    markers = _markers(doc.blocks)
    vocabulary = Vocabulary(doc)  # a note's word hyphenated at a line's end: "Cher-" / "vonenko"
    last = [0]  # the number of the last note text read
    item = [0]  # the number of the numbered item the body's text last read, 0 when it read other text since
    for block in doc.blocks:
        if isinstance(block, RawBlock) and (title := _title_cut_in_a_word(block, classified, vocabulary)):
            classified[-1] = title
        elif isinstance(block, RawBlock):
            classified.extend(_classify(block, markers, (last, item), vocabulary))
        else:
            classified.append(block)
    doc.blocks = classified
    return doc


@dataclass(frozen=True)
class _Markers:
    """Where the text marks its notes, and which lines that open like a note's text are none.

    Attributes:
        first: The first source line where each note number stands as a marker, in any printed form.
        not_notes: The source lines that open like note N's text where another line opens it too and is the note:
            a numbered list's item ("> 1. …", as a list set small is quoted) beside "> 1Elena …", in another form;
            or, when the text marks note N nowhere else, the body's line opening a page with the note's marker
            (the marker of the last sentence above, printed at the next page's top) beside the note's text at the
            foot of a page; that line marks the note, and the markers in its text count where it stands.
    """

    first: dict[str, int]
    not_notes: frozenset[int]


def _markers(blocks: list[Block]) -> _Markers:
    first: dict[str, int] = {}
    starts: dict[str, list[tuple[int, bool, bool]]] = {}  # each number's lines opening like a note's text:
    opens_page = False  # (line, a list's item?, opening a page?)
    in_top: dict[int, list[str]] = {}  # the markers in the text of each such line that opens a page
    for block in blocks:
        if not isinstance(block, RawBlock):
            opens_page = opens_page or (isinstance(block, PageBreak) and (bool(block.page) or block.page_top))
            continue
        for offset, line in enumerate(block.lines):
            if loose := NOTE_LINE.match(line) or LOOSE_NOTE_LINE.match(line):
                text = loose.group(loose.lastindex or 1)
                start = (block.line + offset, text.startswith(". "), opens_page and offset == 0)
                starts.setdefault(str(note_line_label(loose)), []).append(start)
                if start[2]:  # the body's, if the number is the marker of the sentence above: its own markers
                    in_top[start[0]] = [marker_label(m) for m in ANY_MARKER.finditer(text)]
                continue
            top = PAGE_TOP_MARKER.match(line) if opens_page and offset == 0 else None
            if top and top.group(1) in starts and top.group(1) not in first:
                first[top.group(1)] = block.line  # the marker of the sentence above, printed at the page's top
            for m in ANY_MARKER.finditer(line):
                first.setdefault(marker_label(m), block.line + offset)
        opens_page = False
    not_notes = []
    for label, lines in starts.items():
        if not all(dotted for _, dotted, _ in lines):
            not_notes += [line for line, dotted, _ in lines if dotted]
        tops = [line for line, _, top in lines if top]
        if label not in first and tops and len(tops) < len(lines):
            not_notes += tops
            first[label] = tops[0]  # the marker of the sentence above, at the page's top
            for number in (n for top in tops for n in in_top[top]):
                first[number] = min(first.get(number, tops[0]), tops[0])
    return _Markers(first, frozenset(not_notes))


def _note_start(line: str, number: int, markers: _Markers) -> re.Match[str] | None:
    """A note text's first line: `<sup>N</sup> …`, or a loose form whose marker stands before it.

    A number glued to the note's first word ("> 3Russian State Archive …") is no quotation's or list's: its marker
    may stand after it, where an extraction put the page's notes before the end of its text.
    """
    if number in markers.not_notes:
        return None
    if certain := NOTE_LINE.match(line):
        return certain
    loose = LOOSE_NOTE_LINE.match(line)
    if loose is None:
        return None
    form = next(k for k, v in loose.groupdict().items() if v and k != "text")
    label = str(int(loose.group(form).translate(SUPERSCRIPT_VALUES)))
    glued = form != "superscript" and loose.end(form) == loose.start("text")
    marker = markers.first.get(label)
    return loose if marker is not None and (marker < number or glued) else None


def _classify(
    block: RawBlock, markers: _Markers, read: tuple[list[int], list[int]], vocabulary: Vocabulary
) -> list[Block]:
    last, item = read
    result: list[Block | tuple[RawBlock, re.Match[str] | None]] = []
    pending: tuple[RawBlock, re.Match[str] | None] | None = None
    for number, raw, cut in _next_notes_apart(block, markers, last):
        heading = HEADING.match(raw)
        set_large = heading is not None and (
            _next_note_glued(heading.group(2), number, markers, last[0])
            or _next_item(heading.group(2), item[0])
            or BULLET_ITEM.match(heading.group(2)) is not None  # a list's item: no heading opens with a bullet
        )
        prose = heading.group(2) if heading is not None and (set_large or _reads_as_prose(heading.group(2))) else None
        line = raw if prose is None else prose  # text an extractor set in a heading's size
        if prose is not None:
            heading = None
        if heading or RULE.match(line):
            pending = None
            item[0] = 0 if heading else item[0]
            result.append(Heading(number, len(heading.group(1)), heading.group(2)) if heading else PageBreak(number))
            continue
        note = _note_start(line, number, markers)
        if note is not None:
            last[0] = note_line_label(note)
        if pending is None or (note and (pending[1] or cut)):
            pending = (RawBlock(number, []), note)
            result.append(pending)
        numbered = NUMBERED_ITEM.match(line)
        if pending[1] is None and (numbered or not pending[0].lines):  # the body's text: the item it reads, if any
            item[0] = int(numbered.group(1)) if numbered else 0
        pending[0].lines.append(line)
    return [_typed(*item, vocabulary) if isinstance(item, tuple) else item for item in result]


def _title_cut_in_a_word(block: RawBlock, classified: list[Block], vocabulary: Vocabulary) -> Heading | None:
    """The title, where an extractor set its first line bold and its rest, cut inside a word, as a `#` heading.

    "**Doctrine and Friendship in the Sino-Soviet Al-**" / "# **liance**": the bold line is read as a heading
    (`_typed`); the `#` heading that goes on in lower case, under it and before any other `#` heading, is its rest.
    """
    heading = HEADING.match(block.lines[0]) if len(block.lines) == 1 else None
    above = classified[-1] if classified else None
    if heading is None or len(heading.group(1)) != 1 or not isinstance(above, Heading) or above.level == 1:
        return None
    if any(isinstance(b, Heading) and b.level == 1 for b in classified):
        return None
    rest, cut = heading.group(2).strip(" *_"), above.text.rstrip(" *_")
    if not rest[:1].islower() or not re.search(rf"[^\W\d_][-{SOFT_HYPHEN}]$", cut):
        return None
    return Heading(above.line, 1, join_lines([cut, rest], vocabulary.drops_hyphen))


def _next_note_glued(text: str, number: int, markers: _Markers, last: int) -> bool:
    """Whether a `#` heading's text is the next note's ("#### 11Ibid., 209.", "### <sup>4</sup> Ibid.").

    An extractor may set a short note in a heading's size; the number is the one after the note last read, and
    the text marks it before. A section's number set apart ("## **1** 边界谈判") is none.
    """
    plain = text.strip()
    wrapped = re.fullmatch(r"(\*\*|__)(.+)\1", plain)  # set bold whole: "#### **11Ibid., 209.**"
    note = _note_start(wrapped.group(2) if wrapped else plain, number, markers)
    if note is None or note_line_label(note) != last + 1:
        return False
    return markers.first.get(str(note_line_label(note)), number) < number


def _next_item(text: str, last: int) -> bool:
    """Whether a `#` heading's text is a numbered list's next item ("### 4. Long Liu Shaoqi insisted …" under item 3).

    An extractor may set the item that opens a page in a heading's size; it ends a sentence, as a heading does not.
    """
    plain = text.strip(" *_")
    numbered = NUMBERED_ITEM.match(plain)
    return last > 0 and numbered is not None and int(numbered.group(1)) == last + 1 and bool(SENTENCE_END.search(plain))


def _reads_as_prose(text: str) -> bool:
    """Whether a `#` heading's text is prose that an extractor set in a heading's size.

    It is when it goes on in lower case (the rest of a sentence a page cut), is a © statement (the first page's
    footer's), is a speaker's turn (a bold label and its colon, then a sentence: "**Chen Yi:** Revolution …
    confirmed."), or ends a sentence as a heading never does (Chinese with its full stop, "。"; a long line with
    its full stop; a sentence in sentence case, every word after the first in lower case, with its full stop:
    "Стороны договорились встретиться снова в ближайшее время."; a full stop and a note's marker after it,
    "Chervonenko.<sup>13</sup>").
    """
    plain = MARKER_AT_END.sub("", text).strip(" *_")
    if plain[:1].islower() or STOP_BEFORE_MARKER.search(text) or plain.startswith("©"):
        return True
    if (turn := SPEAKER_TURN.match(text.strip())) and SENTENCE_END.search(turn.group("words")):
        return True
    if plain.endswith("。"):
        return True
    words = plain.split()
    sentence = len(words) >= MIN_SENTENCE_WORDS and all(not word[:1].isupper() for word in words[1:])
    return plain.endswith(".") and (sentence or len(words) > MAX_HEADING_WORDS)


def _next_notes_apart(block: RawBlock, markers: _Markers, last: list[int]) -> list[tuple[int, str, bool]]:
    """The block's lines with their source lines, cut where the next note's text begins inside one.

    Each comes with whether it is such a cut's second part. An extraction may run two notes into one line: "> 9Olga Petrova, …, 85. 10РГАНИ, ф. 5, …". After a sentence's
    end (or after a word of the text above the page's notes, run into the first of them), a number glued to the
    next word starts a note when it is the number after the note last read and the text has its marker.
    """
    found: list[tuple[int, str, bool]] = []
    for offset, line in enumerate(block.lines):
        number = block.line + offset
        start = _note_start(line, number, markers)
        current = note_line_label(start) if start is not None else last[0]
        rest, cut = line, False
        quoted = "> " if line.lstrip().startswith(">") else ""  # a note cut from a quoted line is set so too
        while current and (inside := _glued_next(rest, current + 1, markers)) is not None:
            found.append((number, rest[:inside].rstrip(), cut))
            rest, current, cut = quoted + rest[inside:], current + 1, True
        found.append((number, rest, cut))
    return found


def _glued_next(line: str, label: int, markers: _Markers) -> int | None:
    """Where note `label` begins inside a line.

    Its number is glued to its first word after a sentence's end, or after a word of the text that the page's foot
    cut ("… sovereignty boundary 4Li Danhui, …").
    """
    if str(label) not in markers.first:
        return None
    return next((m.end() for m in GLUED_NOTE_START.finditer(line) if m.group(1) == str(label)), None)


def _typed(block: RawBlock, note: re.Match[str] | None, vocabulary: Vocabulary) -> Block:
    if note is not None:
        label = note_line_label(note)
        rest = [line.removeprefix(">").strip() if line.startswith(">") else line for line in block.lines[1:]]
        text = join_lines([note.groups()[-1], *rest], vocabulary.drops_hyphen)
        mark = block.lines[0].lstrip()[:1]
        return NoteText(block.line, str(label), text, mark=mark if mark in (">", "-", "•") else "")
    line = block.lines[0].strip() if len(block.lines) == 1 else ""
    bare = BARE_TITLE.match(line)
    if bare and re.sub(r"\s+", " ", bare.group(1).strip().lower()) in BARE_TITLES:
        return Heading(block.line, 2, bare.group(1).strip())
    bold = BOLD_HEADING.match(line)
    if bold and len(bold.group(2).split()) <= MAX_HEADING_WORDS and not SENTENCE_END.search(bold.group(2)):
        return Heading(block.line, 2, bold.group(2).strip())
    return block
