"""Regular expressions shared by the ingest transforms."""

from __future__ import annotations

import re
from collections.abc import Callable

from marginalia.ingest.words import is_english_word
from marginalia.scripts import CJK

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
HEADING = re.compile(r"^(#{1,6})\s+(?:\*\*(?=.*\*\*\s*#*\s*$))?(.*?)(?:\*\*)?\s*#*\s*$")
"""A `#` heading; a heading set wholly in bold, as some extractors write them (`# **Title**`), without the stars."""
RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
NOTE_LINE = re.compile(r"^<sup>(\d+)</sup>\s*(.*)$", re.DOTALL)
"""A footnote's text at a page bottom: `<sup>N</sup> text`."""
LOOSE_NOTE_LINE = re.compile(
    rf"^(?:>\s*(?:<sup>(?P<sup>\d+)</sup>|(?P<quoted>\d{{1,3}})(?!\d))\s*"
    rf"|(?P<superscript>[{SUPERSCRIPT_DIGITS}]+)\s*"
    r"|(?:\s*[-•]\s+)?(?P<glued>\d{1,3})(?=[A-Z\u0400-\u042f“\"‘'(\[*_]|\w*[\u4e00-\u9fff]))(?![,;:)\]\-–—/]|\.\d)(?P<text>\S.*)$",
    re.DOTALL,
)
"""A footnote's text as other extractors print it: `> 1Text` or `> 1 Text` (as a quotation), `¹ Text`, `1Text`
(its number glued to its first word, perhaps as a list item, indented too: `- 1Text`, `   - 1Text`). Any of these
is a note only where the text has its marker. A note's text never opens with a comma, a semicolon, a colon, a
closing bracket, a hyphen, a dash, a slash or a decimal point, and its number is the line's first digits, all of
them: `> 1, delo 329` is a note's next line that begins with a number, `> 9–17, l. 5.` a range's rest,
`> 3-030-16108-2_21` and `> 10.1007/978-3-030-77400-8_2` a URL's rest."""
ENDNOTE_LINE = re.compile(r"^(?:<sup>(\d+)</sup>|\[(\d+)\]|(\d+)(\.?))\s+(\S.*)$", re.DOTALL)
"""An endnote in a notes section: `N. text`, `N text`, `[N] text` or `<sup>N</sup> text`."""
MARKER = re.compile(r"<sup>(\d+)</sup>")
"""A note marker in running text."""
PAGE_TOP_MARKER = re.compile(r"^([1-9]\d{0,2}) (?=[^\W\d_])")
"""A page's first line opening with a plain number ("9 A Shanghai …"): the marker of the sentence that ended the
page before, printed at this one's top, where the note's text stands above it (read so by `classify_blocks` and `rejoin_paragraphs`)."""
GLUED_MARKER = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=[^\W\d_][.,;:!?’”\"')\]。，；：！？）」』])"
    r"|(?<=[^\W\d_][.,;:!?’”\"')\]。，；：！？）」』][.,;:!?’”\"')\]。，；：！？）」』])"
    r"|(?<=[)\]][.,;:!?])"
    r"|(?<=\d{4}[.?!])(?=\d{1,3}(?:\s+[A-Z\u0400-\u042f“\"‘'(]|$)))"
    r"(\d{1,3})(?=\s|$)"
)
"""A note number glued to the word or punctuation it follows, then a space, as extractors print a superscript:
"interest.1 ", "the Union2 was", "会谈。3", "(Lüthi 2008, 46).3" (after a bracket and a stop, never a decimal's), "in
1991.1 For" (after a year's stop, before the next sentence or the line's end)."""
GLUED_END = re.compile(rf"(?=\d{{1,3}}$){GLUED_MARKER.pattern}$")
"""A note number glued to a line's last word ("ended.12", "会谈。3"): the sentence ends before it. (The lookahead
first: a search passes over every place but the last digits at once.)"""
SPACED_MARKER = re.compile(
    r"(?:(?<=[^\W\d_][.?!…])|(?<=[^\W\d_][.?!…][”\"’')])|(?<=[^\W\d_][*_][.?!…])|(?<=[^\W\d_][*_] [.?!…]))"
    r"\s(\d{1,3})"
    r"(?=\s+[A-Z\u0400-\u042f\u4e00-\u9fff“\"‘'(*_]|\s*$)"
)
"""A note number set apart by a space after a sentence's end, before the next sentence: "insisted? 8 On frontier",
also after a title in italics ("… _the Cold War_ ? 1 Campaign": an extractor may set a space before the stop)."""
ANY_MARKER = re.compile(
    rf"(?=[<\[\d{SUPERSCRIPT_DIGITS}]|\s\d)"  # what every form starts with: most places are passed over at once
    rf"(?:<sup>(\d+)</sup>|(?<=[^\s{SUPERSCRIPT_DIGITS}])([{SUPERSCRIPT_DIGITS}]+)|\[(\d{{1,3}})\](?![(:\[])"
    rf"|{GLUED_MARKER.pattern}|{SPACED_MARKER.pattern})"
)
"""A note marker in any of its printed forms: `<sup>N</sup>`, Unicode superscripts (`¹²`), `[N]`, digits glued to
a word ("interest.1") or set apart after a sentence's end ("insisted? 8 On"); the group that matched tells the form
(1 to 5)."""
SUPERSCRIPT_VALUES = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


def note_line_label(note: re.Match[str]) -> int:
    """The number of a note text's first line: a `NOTE_LINE` or `LOOSE_NOTE_LINE` match (its text the last group)."""
    return int(next(g for g in note.groups()[:-1] if g).translate(SUPERSCRIPT_VALUES))


def marker_label(marker: re.Match[str]) -> str:
    """The label of the note an `ANY_MARKER` match points at: "12" for `<sup>12</sup>`, "¹²" or "interest.12"."""
    return str(int(marker.group(marker.lastindex or 1).translate(SUPERSCRIPT_VALUES)))


RUN_IN_ATTRIBUTION = re.compile(
    r"^(?P<text>\S.*[.?!…”’\"])\s+[—–―]\s+(?P<by>[A-ZА-ЯЁ\u4e00-\u9fff][^.?!\n]{0,80}?)\s*$"
)
"""A paragraph that ends with its attribution: a sentence's end, a dash, a short source ("… decisive. — Anastas
Mikoyan, 1964")."""
NOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
"""A note marker once normalised to Markdown footnote syntax."""
SECTION_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(\S.*)$")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
NUMBERED_ITEM = re.compile(r"^\s*(\d{1,3})\.\s")
"""A numbered item's marker ("1. …")."""
BULLETS = "•◦▪‣●"
"""Bullets printed as characters."""
BULLET_ITEM = re.compile(rf"^\s*[-*+–{BULLETS}]\s")
"""A bulleted item's start: a dash, a star or a printed bullet, then a space."""
LIST_ITEM = re.compile(r"^\s*(?:[-*+•–]\s|\d{1,3}[.)]\s|\([a-zA-Z0-9]{1,3}\)\s|[a-z]\)\s)")
"""A line that starts a list item or a numbered point: "- ", "• ", "1. ", "2) ", "(a) ", "b) "."""
LABEL = re.compile(r"^\s*(?:<b>|\*\*[^*]+\*\*\s)")
"""A line that starts with a bold label ("**Mao:** …", a speaker in a record; a contents or contributors entry)."""
SENTENCE_END = re.compile(
    r"(?=[.?!:…。！？：])"  # what both forms start with: a search passes over most places at once
    rf"(?:[.?!:…。！？：](?:[\"'”’)\]*_」』）]|\[\^[^\]]+\]|\[\d{{1,3}}\]|<sup>\d+</sup>|[{SUPERSCRIPT_DIGITS}]+)*$"
    r"|(?:(?<=[^\W\d_])|(?<=[)\]\"”’])|(?<=\d{4}))[.?!][\"'”’)\]]*\d{1,3}$)"
)
"""Text that ends a sentence (in Chinese too: 。！？), allowing closing quotes, brackets, emphasis and note markers,
a plain text's too: digits glued after a word's, a bracket's or a year's stop ("his host.1", "(Shen 2015, 46).3",
"in 1991.1"; not "3.5")."""


SOFT_HYPHEN = "\u00ad"
"""Where the typesetter may break a word: invisible, and at a line's end the break itself."""
SOFT_HYPHEN_INSIDE = re.compile("\u00ad[ \t]*(?=\\S)(?![*_]+[ \t]*$)")
"""A soft hyphen inside a line, with the space an extraction put after it where the line broke ("volup\u00ad tas").

One before the marks that close the line's emphasis ends the line: the word goes on on the next line (a title
an extractor set as two headings, "**… Brezh\u00ad**" over "**nev**")."""
SPACE_IN_CJK = re.compile(
    r"(?<=[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]) (?=[\u3400-\u4dbf\u4e00-\u9fff])"
)
"""A space between two Chinese characters, which Chinese text never has: where an extraction joined two lines."""
LINE_END_HYPHEN = re.compile(r"([^\W\d_]+)-$")
LINE_START_WORD = re.compile(r"^([^\W\d_]+)")
EMPHASIS_AT_CUT = re.compile(r"(?<=[-\u00ad])(\*\*|\*|__|_)$")
"""Emphasis closed right after a hyphen at a line's or page's end: "*Un­*" (a word cut inside an italic title)."""
WORD_TAIL = 100
"""The end of a text long enough to hold its last word: a search at the end of a long text looks only there."""
DASH_AT_END = re.compile(r"(?<=\S)[–—]$")
"""An en or em dash closing a line right after a word or number: the line was cut after it."""


ADDRESS_WORDS = 40


def is_address(line: str) -> bool:
    """A line of comma-separated parts with no sentence in it: an address or an affiliation.

    Not an epigraph's line run into its source after a dash ("… decisive. — Anastas Mikoyan, 1964").
    """
    text = line.strip()
    return (
        "," in text
        and len(text.split()) <= ADDRESS_WORDS
        and not SENTENCE_END.search(text)
        and not RUN_IN_ATTRIBUTION.match(text)
    )


def emphasis_rejoined(head: str, tail: str) -> tuple[str, str]:
    """Two halves of a word cut at a hyphen inside emphasis, the emphasis closed and opened again at the cut removed.

    An extraction closes an italic or bold run at each line's or page's end: "… *Un­*" / "*wanted Visionaries* …"
    is the one title "*Unwanted Visionaries*" once the word is whole.
    """
    cut = EMPHASIS_AT_CUT.search(head, max(len(head) - 4, 0))  # at the end: a long head's start is never read
    if cut is None or not tail.startswith(cut.group(1)) or tail.startswith(cut.group(1) + cut.group(1)[:1]):
        return head, tail
    return head[: cut.start(1)], tail[len(cut.group(1)) :]


def join_lines(lines: list[str], drops_hyphen: Callable[[str, str], bool] | None = None) -> str:
    """Join wrapped lines with spaces, except inside a CJK run, which takes none.

    A word hyphenated at a line end is joined to its rest: without the hyphen
    when the two halves make an English word ("propa-" / "ganda"), with it
    otherwise ("well-" / "informed", "Sino-" / "Soviet"); a line cut after a
    dash goes on without a space ("1957–" / "1959").

    Args:
        lines: Lines as in the source (trailing spaces are dropped).
        drops_hyphen: Judges a hyphen at a line end instead (`left`, `right` → one word?): the text's own
            vocabulary knows its names ("Chervo-" / "nenko" where "Chervonenko" is written whole elsewhere).

    Returns:
        One line of text.
    """
    text = ""
    for raw in lines:
        text, line = emphasis_rejoined(text, raw.strip())
        hyphen = LINE_END_HYPHEN.search(text[-WORD_TAIL:]) if text.endswith("-") else None
        rest = LINE_START_WORD.match(line)
        if not text:
            text = line
        elif text.endswith(SOFT_HYPHEN):
            text = text[:-1] + line
        elif CJK.match(line) and (CJK.match(text[-1]) or text[-1].isdigit()):
            text += line
        elif hyphen and rest:
            left, right = hyphen.group(1), rest.group(1)
            split_word = (
                drops_hyphen(left, right) if drops_hyphen else right[:1].islower() and is_english_word(left + right)
            )
            text = (text[:-1] if split_word else text) + line
        elif DASH_AT_END.search(text[-2:]):
            text += line  # a range or a compound the line cut after its dash: "1957–" / "1959", "Sino–" / "Soviet"
        else:
            text += " " + line
    return text


def hard_lines(lines: list[str]) -> list[str]:
    """Strip lines whose breaks are meaningful, rejoining a CJK run broken across two, and a word a wrap cut.

    A line with no hard break after it that ends in a word cut by a hyphen, before a line going on in lower
    case, was wrapped there, not broken: the two are one line, joined as `join_lines` joins them ("… a social-" /
    "ist letter …", a long line of a title page set line by line).

    Args:
        lines: Lines of a block with Markdown hard breaks.

    Returns:
        The lines, stripped; a line that continues a CJK run or a cut word is appended to the one before.
    """
    result: list[str] = []
    wrapped = False  # whether the line before had no hard break and ended in a cut word
    for raw in lines:
        line = raw.strip()
        if result and CJK.match(line) and (CJK.match(result[-1][-1:]) or result[-1][-1:].isdigit()):
            result[-1] += line
        elif wrapped and line[:1].islower():
            result[-1] = join_lines([result[-1], line])
        else:
            result.append(line)
        wrapped = not raw.endswith("  ") and bool(LINE_END_HYPHEN.search(line[-WORD_TAIL:]))
    return result
