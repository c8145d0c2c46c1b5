"""Gather note texts out of the flow, then link each marker in the text to its note.

Design notes. Notes are numbered in *scopes*: most texts number their notes
once, but a text of several chapters or documents may start again at 1 in
each. A note numbered 1 opens a new scope when the note before it was numbered
higher, or when a heading came between them; a note of scope 1 is stored under
its printed label ("3"), a note of a later scope under "scope.label" ("2.3"),
so every note has its own `[^key]`. A marker belongs to the scope whose notes
come next in the source (footnotes follow their page's markers, endnotes their
chapter's), see `_scope_ends`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial

from marginalia.ingest.patterns import (
    ANY_MARKER,
    ENDNOTE_LINE,
    MARKER,
    NOTE_REF,
    SENTENCE_END,
    SOFT_HYPHEN,
    join_lines,
    marker_label,
)
from marginalia.ingest.transforms.rejoin import first_words
from marginalia.ingest.vocabulary import Vocabulary
from marginalia.model import (
    Block,
    Document,
    Heading,
    LineGroup,
    Note,
    NoteText,
    PageBreak,
    Paragraph,
    Quotation,
    RawBlock,
    Repair,
    Signature,
)

NOTES_HEADING = re.compile(r"^(?:end)?notes?$", re.IGNORECASE)
STOP_AT_END = re.compile(r"[.?!…。！？][\"'”’)\]*_]*$")
"""A note that ends with a full stop (a colon does not end one: "… 1945–1959:" / "A New History …")."""
SET_APART = re.compile(r"^\s*(?:>\s?|[-•]\s+)")
"""How an extractor may set a line of the notes apart: as a quotation (`> `), or as a list item (`- `): a note
printed as `- 3Text` goes on in `- its next line`."""
EMPHASIS_AT_END = re.compile(r"(?<=[^\W\d_])(\*\*|\*|__|_)$")
"""A text that ends with emphasis closed right after a word: the mark is group 1."""
CITED_PAGES = re.compile(r"^\d+(?:[–-]\d+)?[.,;]")
"""The pages a note cites, first in a line: "224.", "45–52,"; a year that opens a sentence ("1956 was …") is none."""
CUT_WORD = re.compile(rf"([^\W\d_]+)[-{SOFT_HYPHEN}]$")
"""A line that ends in a word cut by a hyphen ("bilat-", "Xin-"): the word's first part."""
GLUED = 4
"""`ANY_MARKER`'s group for digits glued to a word."""
SPACED = 5
"""`ANY_MARKER`'s group for digits set apart after a sentence's end."""


@dataclass
class _Numbering:
    """The running state of note numbers while notes are collected."""

    scope: int = 1
    last: int = 0
    last_line: int = 0
    heading_since: bool = False
    notes: list[Note] = field(default_factory=list)
    rests: set[int] = field(default_factory=set)
    """The blocks read as a note's rest (by index): no body stands there."""

    def key(self, label: str) -> str:
        return label if self.scope == 1 else f"{self.scope}.{label}"

    def expects(self, number: int) -> bool:
        """Whether `number` continues the numbering (or restarts it at 1)."""
        return number == self.last + 1 or number == 1


def collect_notes(doc: Document) -> Document:
    """Move footnote texts and endnotes into `Document.notes`.

    Footnote texts (`<sup>N</sup> text`) leave a page break behind, so that the
    paragraph they interrupted is rejoined. Endnotes are the items of a section
    headed "Note(s)" or "Endnotes", numbered `N.`, `N`, `[N]` or `<sup>N</sup>`;
    a block in that section that does not start with a number continues the
    note before it (its text ran across a page break). A footnote that ends in
    mid-sentence goes on in the block that starts in lower case just before the
    next page's notes (or last in the text, or right under the note), printed there with no number; where
    the source prints page numbers, the page tells too: a block that opens a page
    is the text's (the body goes on there), and the block that closes the page
    after the note's, while the body goes on in lower case on the page after, is
    the note's, whatever its first letter; so is one right under the page's
    notes while the body above them was cut in mid-sentence and goes on there,
    and one set as a quotation right above the next note, set so too (`> 6Text`,
    as an extractor sets the notes of a page in smaller type), or right under a note set so, which leaves a
    bracket open ("(Washington,"); a block under the next page's note that closes the note before it, left open
    ("… 2020)," / "> 6Archive …" / "151."), is that note's. The
    heading stays, as an empty notes section. A number out of sequence is warned; a second note
    with a number already taken is kept as unattached and warned.

    Args:
        doc: A classified document.

    Returns:
        The document with its notes collected.
    """
    kept: list[Block] = []
    numbering = _Numbering()
    in_endnotes = False
    pages_since_note = 0
    vocabulary = Vocabulary(doc)
    for index, block in enumerate(doc.blocks):
        if isinstance(block, Heading):
            in_endnotes = bool(NOTES_HEADING.match(block.text.strip()))
            numbering.heading_since = True
        pages_since_note += isinstance(block, PageBreak) and (bool(block.page) or block.page_top)
        if isinstance(block, NoteText):
            _add(doc, numbering, Note(block.line, block.label, block.text))
            kept.append(PageBreak(block.line))
            pages_since_note = 0
        elif in_endnotes and isinstance(block, RawBlock):
            _endnotes(doc, numbering, block, vocabulary)
        elif isinstance(block, RawBlock) and (
            note := _note_continued(numbering, doc.blocks, index, pages_since_note, vocabulary)
        ):
            doc.repairs.append(Repair(block.line, "rejoin", f"note {note.label}: …|{first_words(block.lines[0])}"))
            numbering.rests.add(index)
            note.text = join_lines(
                [note.text, *(SET_APART.sub("", line) for line in block.lines)], vocabulary.drops_hyphen
            )
            kept.append(PageBreak(block.line))
        else:
            kept.append(block)
    doc.blocks = kept
    return doc


def _note_continued(
    numbering: _Numbering, blocks: list[Block], index: int, pages_since_note: int, vocabulary: Vocabulary
) -> Note | None:
    """The note whose rest a block is: the last note so far (`_continues_note`), or the one before it.

    An extractor may print a note's rest, which the next page sets first among its notes, after that page's note
    ("> 6Archive … for." / "151."): a block right under the notes, last in the text or above the next note, that
    closes a sentence and opens with a number or in lower case, is the rest of the note before the last when that
    note came to no full stop and the last one did.
    """
    if _continues_note(numbering, blocks, index, pages_since_note, vocabulary):
        return numbering.notes[-1]
    if len(numbering.notes) < 2 or index == 0 or not isinstance(blocks[index - 1], NoteText):
        return None
    block, following = blocks[index], blocks[index + 1 : index + 2]
    assert isinstance(block, RawBlock)
    first = SET_APART.sub("", block.lines[0]).lstrip("*_“\"‘'(")
    open_note, last = numbering.notes[-2], numbering.notes[-1]
    closes = bool(STOP_AT_END.search(block.lines[-1].rstrip())) and (first[:1].isdigit() or first[:1].islower())
    placed = not following or isinstance(following[0], NoteText)
    left_open = not STOP_AT_END.search(open_note.text.rstrip()) and bool(STOP_AT_END.search(last.text.rstrip()))
    return open_note if closes and placed and left_open else None


def _continues_note(
    numbering: _Numbering, blocks: list[Block], index: int, pages_since_note: int, vocabulary: Vocabulary
) -> bool:
    """Whether a block is the rest of a footnote that ran on to the next page, printed with no number.

    A block that opens a page is one only when the body above the note ended a sentence and the block goes on in
    lower case with the note's cut word, or set as the notes are (`_rest_opening_a_page`).

    It is when it stands between two notes and the first has not come to a full stop (a plain text sets each of a
    note's lines apart); or when the last note so far ends in mid-sentence (or mid-word) and, where the pages are numbered, the
    block does not open a page and either closes the page after the note's while the body goes on in lower
    case on the next (`_closes_page`), or goes on in lower case (or with a number) and stands right under the
    note or where a page's notes begin: just before the next note, or last in the text; or it stands where a
    page's notes begin right under the body cut in mid-word ("bilat-") and opens with a capital, which no cut
    word goes on with; or, whatever the note's end, it stands right above the page's notes inside a sentence of
    the body that the page cut (`_inside_a_cut_sentence`); or it is set as a quotation under a note set so that
    leaves a bracket open, or as a list's item under a note set so, or set so between that note and the next
    (`_set_apart_under_its_note`).
    """
    block = blocks[index]
    assert isinstance(block, RawBlock)
    if not numbering.notes:
        return False
    text = numbering.notes[-1].text.rstrip()
    if _opens_page(blocks, index):
        return _rest_opening_a_page(blocks, index, text, numbering)
    following = blocks[index + 1 : index + 2]
    after_note = index > 0 and isinstance(blocks[index - 1], NoteText)
    if after_note and following and isinstance(following[0], NoteText) and not STOP_AT_END.search(text):
        return True  # between two notes, where the text never stands: a note's line set apart (plain text)
    body = _body_above_notes(blocks, index, numbering.rests) if after_note else None  # only under a note
    if body is not None and _body_cut(body) and _closes_page(blocks, index, body, vocabulary):
        return True  # under the page's notes, while the body goes on from above them to the next page
    if _set_apart_under_its_note(blocks, index, text):
        return True  # set as the note is, under it, while it leaves a bracket open or the next note follows
    if pages_since_note and _quoted_above_quoted_note(block, following, numbering):
        return True  # set as the page's notes are, just above them, with no number: the last note's rest
    if pages_since_note and following and isinstance(following[0], NoteText) and _inside_a_cut_sentence(blocks, index):
        return True  # above the page's notes, where the body cannot stand: its sentence goes on after the page
    if not (text.endswith(("-", SOFT_HYPHEN)) or not SENTENCE_END.search(text)):
        return False
    if pages_since_note == 1 and _closes_page(blocks, index):
        return True
    if pages_since_note and _ends_the_notes_cut_word(blocks, index, text, vocabulary):
        return True  # under the next page's body, which ended a sentence: the rest of the note's cut word
    first = SET_APART.sub("", block.lines[0]).lstrip("*_“\"‘'(")
    if following and isinstance(following[0], NoteText) and first[:1].isupper() and _word_cut_above(blocks, index):
        return True  # where a page's notes begin, under a body cut in mid-word, which no capital goes on
    goes_on = first[:1].islower() or first[:1].isdigit()  # "*1945–1959* confirmed …" after "*Mao and the …,*"
    goes_on = goes_on or vocabulary.name_cut(text, first)  # "… to Pavel" / "Yudin Stepan …"
    goes_on = goes_on or _emphasis_goes_on(text, SET_APART.sub("", block.lines[0]))  # "_Cold War_" / "_Crucible_"
    # the note's own last lines, set apart by a wider gap, closing its page (without page numbers, what stands right
    # under a page's notes is the next page's text)
    right_after = after_note and _before_numbered_break(blocks, index)
    return goes_on and (right_after or not following or isinstance(following[0], NoteText))


def _emphasis_goes_on(text: str, line: str) -> bool:
    """Whether a line opens with the emphasis a note's text closes with at its end, as at a cut.

    An extraction closes a title in italics at a line's or page's end and opens it again: "… _Cold War_" /
    "_Crucible_ …".
    """
    closed = EMPHASIS_AT_END.search(text)
    mark = closed.group(1) if closed else ""
    return bool(mark) and line.startswith(mark) and line[len(mark) : len(mark) + 1].isalpha()


def _inside_a_cut_sentence(blocks: list[Block], index: int) -> bool:
    """Whether a block stands inside a sentence of the body that the page cut: no paragraph begins there.

    The block above is the body cut in mid-sentence, and after the page's notes and its numbered break the body
    goes on in lower case; the block is the notes', whatever its first letter.
    """
    above = blocks[index - 1] if index > 0 else None
    if not isinstance(above, RawBlock) or above.lines[-1].lstrip().startswith("|"):
        return False  # no text above (a heading, a table's row)
    if SENTENCE_END.search(SET_APART.sub("", above.lines[-1]).rstrip()):
        return False
    after = index + 1
    while after < len(blocks) and isinstance(blocks[after], NoteText | PageBreak):
        after += 1
    crossed = any(isinstance(b, PageBreak) and b.page for b in blocks[index + 1 : after])
    rest = blocks[after] if after < len(blocks) else None
    return crossed and isinstance(rest, RawBlock) and SET_APART.sub("", rest.lines[0]).lstrip("*_“\"‘'(")[:1].islower()


def _word_cut_above(blocks: list[Block], index: int) -> bool:
    """Whether the block above is the body cut in mid-word: its last word broken by a hyphen after a letter."""
    above = blocks[index - 1] if index > 0 else None
    return isinstance(above, RawBlock) and bool(CUT_WORD.search(above.lines[-1].rstrip()))


def _rest_opening_a_page(blocks: list[Block], index: int, text: str, numbering: _Numbering) -> bool:
    """Whether a block opening a page is the rest of the last note rather than the body.

    The body above that note's page ended a sentence, so it cannot go on in lower case; the block goes on in lower
    case, and the note's last word was cut ("… delegation of ac-" / "cepted agreement …"), or the note came to no
    full stop and the block is set as the notes are, right above the next note (`> soviet archive …` over `> 9Archive
    …`, on a page that the notes open). Or the note came to no full stop and the block, last in the text, goes on
    in lower case, closes the bracket the note left open ("… (Princeton: Princeton University Press," / "2016),
    51."), or gives the page the note's comma leaves open for ("… Press, 2006)," / "224."): a last page that holds
    only a note's rest.
    """
    last_note = next((i for i in range(index - 1, -1, -1) if isinstance(blocks[i], NoteText)), None)
    block = blocks[index]
    assert isinstance(block, RawBlock)
    first = SET_APART.sub("", block.lines[0])
    closes = _closes_a_bracket(text, first) or (text.endswith(",") and bool(CITED_PAGES.match(first)))
    if last_note is None or not (first[:1].islower() or closes):
        return False
    if _body_cut_above_notes(blocks, last_note + 1, numbering.rests):
        return False
    open_note = not STOP_AT_END.search(text)
    quoted = open_note and _quoted_above_quoted_note(block, blocks[index + 1 : index + 2], numbering)
    last = _after_breaks(blocks, index) == len(blocks)  # nothing but page breaks follows it
    return text.endswith(("-", SOFT_HYPHEN)) or quoted or (open_note and last)


def _closes_a_bracket(text: str, rest: str) -> bool:
    """Whether a note's text leaves a round bracket open that its rest closes before it opens one."""
    closing, opening = rest.find(")"), rest.find("(")
    return text.count("(") > text.count(")") and closing >= 0 and (opening < 0 or closing < opening)


def _ends_the_notes_cut_word(blocks: list[Block], index: int, text: str, vocabulary: Vocabulary) -> bool:
    """Whether a block right under the body, which ended a sentence, opens with the rest of the note's cut word.

    A note's rest at the next page's foot comes after that page's body ("… tense in." / "jiang sovereignty …",
    after a note ending "… bilateral Xin-"): the body's sentence ended, so no rest of it opens in lower case, and the
    note's cut word joined to the block's first is a word (the text writes it whole, or it is English).
    """
    above, block = blocks[index - 1] if index else None, blocks[index]
    assert isinstance(block, RawBlock)
    cut = CUT_WORD.search(text)
    rest = re.match(r"[^\W\d_]+", SET_APART.sub("", block.lines[0]))
    return (
        isinstance(above, RawBlock)
        and bool(SENTENCE_END.search(above.lines[-1].rstrip()))
        and cut is not None
        and rest is not None
        and rest.group(0)[:1].islower()
        and vocabulary.drops_hyphen(cut.group(1), rest.group(0))
    )


def _quoted_above_quoted_note(block: RawBlock, following: list[Block], numbering: _Numbering) -> bool:
    """Whether a block set as a quotation stands right above the next note, set so too (`> 6Text`).

    An extractor that sets a page's notes as quotations (their smaller type, indented) sets a note's rest at the
    next page's foot so as well, without a number, above that page's own notes; the note's page may have ended with
    a sentence, so its first letter tells nothing. A block that marks a note still to come is the body's (a
    quotation at the page's foot, right above the notes).
    """
    after = following[0] if following else None
    marks_next = any(int(m.group(1)) > numbering.last for line in block.lines for m in MARKER.finditer(line))
    return (
        isinstance(after, NoteText)
        and after.mark == ">"
        and int(after.label) == numbering.last + 1  # the next note, not a new chapter's first
        and all(line.lstrip().startswith(">") for line in block.lines)
        and not marks_next
    )


def _set_apart_under_its_note(blocks: list[Block], index: int, text: str) -> bool:
    """Whether a block, set apart as the note right above it is, goes on with that note's text.

    An extractor may set a note's last lines apart from its first, each block quoted (`> 12Elena Sokolova, *Mao …*
    (Washington,` / `> DC: Woodrow Wilson Center Press, 2009), 108.`) or set as a list's item (`- 5Anton Petrov, …
    (Stanford: Stanford University Press,` / `- 2018), 198.`). The note has come to no full stop and leaves a bracket
    open, which its rest closes; the block is last in the text, right above the next note, or right above the rest
    of the body's sentence that the page cut above the notes (set plain, it goes on in lower case). Right between the
    note and the next, where the body never stands, it is the note's whatever the note's end (`- 12Of … ended.` /
    `- Ideology … signed?` / `> 13Elena …`).
    """
    block, above = blocks[index], blocks[index - 1] if index else None
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if not (isinstance(block, RawBlock) and isinstance(above, NoteText) and above.mark):
        return False
    open_bracket = text.count("(") > text.count(")") or text.count("[") > text.count("]")
    body_goes_on = (  # the body's sentence that the page cut above the notes: set plain, in lower case
        isinstance(following, RawBlock)
        and not SET_APART.match(following.lines[0])
        and following.lines[0].lstrip("*_“\"‘'(")[:1].islower()
    )
    open_note = not STOP_AT_END.search(text) and open_bracket
    return all(line.lstrip().startswith(above.mark) for line in block.lines) and (
        isinstance(following, NoteText) or (open_note and (following is None or body_goes_on))
    )


def _opens_page(blocks: list[Block], index: int) -> bool:
    """Whether the block is the first on a page: page breaks before it, one of them printing a page number."""
    before = index
    while before > 0 and isinstance(blocks[before - 1], PageBreak):
        before -= 1
    return any(isinstance(b, PageBreak) and b.page for b in blocks[before:index])


def _closes_page(
    blocks: list[Block], index: int, body: RawBlock | None = None, vocabulary: Vocabulary | None = None
) -> bool:
    """Whether the block is the last on a page whose next page opens with the body going on in lower case.

    Or, given the body above the page's notes, with the rest of a name that the body's end cut ("… Mikhail" /
    "Suslov.").
    """
    after = _after_breaks(blocks, index)
    opening = blocks[after] if after < len(blocks) else None
    if not _before_numbered_break(blocks, index) or not isinstance(opening, RawBlock):
        return False
    first = opening.lines[0]
    name = body is not None and vocabulary is not None and vocabulary.name_cut(body.lines[-1], first)
    return first.lstrip("*_“\"‘'(")[:1].islower() or name


def _body_cut_above_notes(blocks: list[Block], index: int, rests: set[int]) -> bool:
    """Whether the body block above the notes the block follows ends in mid-sentence (it goes on after the page)."""
    return _body_cut(_body_above_notes(blocks, index, rests))


def _body_above_notes(blocks: list[Block], index: int, rests: set[int]) -> RawBlock | None:
    """The body block above the notes the block follows, if a raw block stands there.

    The notes are the note texts above the block and the rests of notes between them (`rests`: "329, listy 9–17, l.
    62." between note 10 and note 11).
    """
    above = index - 1
    while above >= 0 and (isinstance(blocks[above], NoteText) or above in rests):
        above -= 1
    body = blocks[above] if above >= 0 else None
    return body if isinstance(body, RawBlock) else None


def _body_cut(body: RawBlock | None) -> bool:
    """Whether a body block ends in mid-sentence."""
    return body is not None and not SENTENCE_END.search(body.lines[-1].rstrip())


def _before_numbered_break(blocks: list[Block], index: int) -> bool:
    """Whether the block is the last on its page.

    Page breaks follow it, one of them printing a page number, standing where the first page's footer stood, or
    where a running head stood (on pages that print no number).
    """
    breaks = blocks[index + 1 : _after_breaks(blocks, index)]
    return any(isinstance(b, PageBreak) and (b.page or b.page_foot or b.page_top) for b in breaks)


def _after_breaks(blocks: list[Block], index: int) -> int:
    """The index of the first block after the block that is no page break."""
    after = index + 1
    while after < len(blocks) and isinstance(blocks[after], PageBreak):
        after += 1
    return after


def _endnotes(doc: Document, numbering: _Numbering, block: RawBlock, vocabulary: Vocabulary) -> None:
    for offset, line in enumerate(block.lines):
        number = block.line + offset
        match = ENDNOTE_LINE.match(line.strip())
        label = next((g for g in match.groups()[:3] if g), "") if match else ""
        bare = match is not None and match.group(3) is not None and not match.group(4)
        if match and label and not (bare and not numbering.expects(int(label))):
            _add(doc, numbering, Note(number, label, match.group(5).strip()))
        elif numbering.notes:
            previous = numbering.notes[-1]
            if offset == 0:
                doc.repairs.append(Repair(number, "rejoin", f"note {previous.label}: …|{first_words(line)}"))
            previous.text = join_lines([previous.text, line], vocabulary.drops_hyphen)
        else:
            doc.warn(number, "text in a notes section that is not a numbered note ('N. text')", "note-unnumbered")
            doc.unattached_notes.append(Note(number, "", line.strip()))


def _add(doc: Document, numbering: _Numbering, note: Note) -> None:
    value = int(note.label)
    if value == 1 and numbering.notes and (numbering.last > 1 or numbering.heading_since):
        numbering.scope += 1
    elif numbering.notes and value != numbering.last + 1 and numbering.key(note.label) not in doc.notes:
        doc.warn(
            note.line,
            f"note {note.label} follows note {numbering.last} (line {numbering.last_line}): a note is missing or"
            " misnumbered; check the extraction",
            "note-sequence",
        )
    numbering.heading_since = False
    key = numbering.key(note.label)
    numbering.notes.append(note)
    if key in doc.notes:
        first = doc.notes[key].line
        doc.warn(
            note.line,
            f"note {note.label} is numbered twice (first at line {first}): renumber one of them",
            "note-duplicate",
        )
        doc.unattached_notes.append(note)
        return
    numbering.last, numbering.last_line = value, note.line
    doc.notes[key] = note


def link_note_markers(doc: Document) -> Document:
    """Turn note markers into `[^key]` where the note exists; warn about the rest.

    Markers are `<sup>N</sup>`, Unicode superscript digits (`¹²`), `[N]`, or
    digits glued to the word or punctuation before them ("interest.1", as
    extractors print a superscript) or set apart between two sentences
    ("signed? 8 The talks"). The last four are also ordinary characters ("m²",
    a bracketed number in a quotation, "p.12"), so they are taken for markers
    only where a note of that number exists, glued or set-apart digits only in
    the notes' order (the note before it already marked), and a form
    missing its note is warned only in a text that uses that form for its notes. A marker without a note stays as printed; a note
    that no marker refers to is moved to `Document.unattached_notes`. A marker
    on the title or a heading (an author's thanks on a chapter's title) links
    its note too: the marker leaves the title, which citations and the
    navigation use, and its note's key goes to `Metadata.title_notes` or
    `Section.notes`, for the renderer to put back on the heading. Markers in lines set one under another (an
    address, a signature) link too.

    Args:
        doc: A sectioned document with its notes collected.

    Returns:
        The document with linked markers.
    """
    paragraphs = [
        *doc.metadata.abstract,
        *doc.paragraphs(),
    ]
    lines = [line for s in doc.sections for b in s.blocks if isinstance(b, LineGroup | Signature) for line in b.lines]
    ends = _scope_ends(doc)
    texts = [doc.metadata.title, *(s.title for s in doc.sections), *(p.text for p in paragraphs), *lines]
    forms = _forms_in_use(doc, texts)
    used: set[str] = set()
    floor = [1]  # the scope of the last marker linked: numbering goes forward, never back

    def link(text: str, line: int) -> str:
        scope = max(floor[0], next((i for i, end in enumerate(ends, start=1) if line <= end), len(ends)))
        return ANY_MARKER.sub(partial(_link, doc, line=line, scope=scope, used=used, forms=forms, floor=floor), text)

    doc.metadata.title, doc.metadata.title_notes = _heading_notes(link(doc.metadata.title, doc.metadata.title_line))
    for paragraph in doc.metadata.abstract:
        paragraph.text = link(paragraph.text, paragraph.line)
    for section in doc.sections:
        section.title, section.notes = _heading_notes(link(section.title, section.line))
        for block in section.blocks:
            if isinstance(block, LineGroup | Signature):  # lines set one under another: an address, a signature
                block.lines = [link(line, block.line) for line in block.lines]
            for item in block.paragraphs if isinstance(block, Quotation) else [block]:
                if isinstance(item, Paragraph):
                    item.text = link(item.text, item.line)
    for key in [key for key in doc.notes if key not in used]:
        note = doc.notes.pop(key)
        doc.warn(
            note.line,
            f"note {note.label} has no marker <sup>{note.label}</sup> in the text: add the marker or remove the note",
            "note-unreferenced",
        )
        doc.unattached_notes.append(note)
    return doc


def _scope_ends(doc: Document) -> list[int]:
    """The source line of the last note of each scope, in scope order."""
    ends: dict[int, int] = {}
    for key, note in doc.notes.items():
        scope = int(key.split(".")[0]) if "." in key else 1
        ends[scope] = max(ends.get(scope, 0), note.line)
    return [ends[scope] for scope in sorted(ends)] or [0]


def _heading_notes(linked: str) -> tuple[str, list[str]]:
    """A linked title or heading without its note references, and the notes' keys."""
    return NOTE_REF.sub("", linked).rstrip(), NOTE_REF.findall(linked)


def _forms_in_use(doc: Document, texts: list[str]) -> set[int]:
    """The marker forms (1 `<sup>`, 2 superscript digits, 3 `[N]`, 4 glued digits) that point at an existing note."""
    forms = {1}
    labels = {note.label for note in doc.notes.values()}
    for text in texts:
        for match in ANY_MARKER.finditer(text):
            if marker_label(match) in labels:
                forms.add(match.lastindex or 1)
    return forms


def _link(
    doc: Document, match: re.Match[str], *, line: int, scope: int, used: set[str], forms: set[int], floor: list[int]
) -> str:
    form = match.lastindex or 1
    label = marker_label(match)
    scope = _restarted(doc, label, max(scope, floor[0]), used)
    floor[0] = max(floor[0], scope) if _key(label, scope) in doc.notes else floor[0]
    key = _key(label, scope)
    if form not in forms or (form in (GLUED, SPACED) and not _next_in_order(label, scope, used)):
        return match.group(0)
    if key not in doc.notes:
        doc.warn(
            line,
            f"marker {match.group(0)} has no note text: add a line '<sup>{label}</sup> text' or remove the marker",
            "note-missing",
        )
        return match.group(0)
    if key in used:
        doc.warn(line, f"note {label} is marked twice; each note takes one marker", "note-marked-twice")
        return match.group(0)
    used.add(key)
    return f"[^{key}]"


def _restarted(doc: Document, label: str, scope: int, used: set[str]) -> int:
    """The scope a marker belongs to: `scope`, or a later one whose note of that number is still free.

    When the note of `scope` is taken, the numbering has started again: two documents' notes at the foot of one
    page, each numbered from 1.
    """
    later = scope + 1
    while _key(label, scope) in used and _key(label, later) in doc.notes:
        if _key(label, later) not in used:
            return later
        later += 1
    return scope


def _next_in_order(label: str, scope: int, used: set[str]) -> bool:
    """Whether note `label` comes next in its scope: the first, or the one after a note already marked."""
    key = _key(label, scope)
    return key not in used and (label == "1" or _key(str(int(label) - 1), scope) in used)


def _key(label: str, scope: int) -> str:
    return label if scope == 1 else f"{scope}.{label}"


__all__ = ["MARKER", "NOTE_REF", "collect_notes", "link_note_markers"]
