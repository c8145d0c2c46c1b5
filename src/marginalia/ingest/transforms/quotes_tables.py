"""Block quotations and tables as extractions print them, read line by line for `rejoin_paragraphs`.

A quotation is a run of `>` lines (a `>` line alone parts its paragraphs); a
short line under it that starts with a dash ("— Mao Zedong, 1957") is its
attribution. A table is a run of pipe rows (`| a | b |`) with a separator row
(`|---|---|`) under the header; a caption ("Table 1: …", "Таблица 2.", "表 3")
may stand just above or below it, and a source line ("Source: …", "Источник: …")
just below. Everything else stays text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from marginalia.ingest.patterns import join_lines
from marginalia.model import Paragraph, RawBlock, Table

QUOTE_LINE = re.compile(r"^\s*>\s?")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
SEPARATOR_ROW = re.compile(r"^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$")
ATTRIBUTION = re.compile(r"^\s*(?:—|–|―|--|~)\s*(\S.{0,150})$")
CAPTION = re.compile(r"^\s*(?:\*\*|\*|_)?(?:[^\W\d_]{2,20}\.?\s*\d{1,3}[A-Za-z]?\b|表\s*\d{1,3})")
"""A table's caption: a word and a number ("Table 1:", "**Table 2.**", "Таблица 3"), or "表 4"."""
TABLE_NOTE = re.compile(r"^\s*(?:\*\*|\*|_)?[^\W\d_]+(?:\s[^\W\d_]+)?\s*(?:\*\*|\*|_)?\s*[:：]")
"""A line under a table that a label opens: "Source: …", "Sources: …", "Note: …", "Источник: …", "资料来源：…"."""
MAX_CAPTION_WORDS = 40
PROSE_LINE_WORDS = 20

LineKind = Literal["quote", "table", "text"]


def line_kind(line: str) -> LineKind:
    """Whether a line belongs to a quotation, a table or the text."""
    if QUOTE_LINE.match(line):
        return "quote"
    if TABLE_ROW.match(line):
        return "table"
    return "text"


def split_by_kind(block: RawBlock) -> list[tuple[LineKind, RawBlock]]:
    """A block cut where its lines change from text to quotation or table; a dash line under a quote stays with it.

    A line of prose ended by a hard break (a paragraph an extraction set line by line with the caption under it)
    is a run of its own.
    """
    runs: list[tuple[LineKind, RawBlock]] = []
    for offset, line in enumerate(block.lines):
        kind = line_kind(line)
        if runs and runs[-1][0] == "quote" and kind == "text" and ATTRIBUTION.match(line):
            kind = "quote"
        after_prose = bool(runs) and kind == "text" and _ends_a_paragraph(runs[-1][1].lines[-1])
        if not runs or runs[-1][0] != kind or after_prose:
            runs.append((kind, RawBlock(block.line + offset, [])))
        runs[-1][1].lines.append(line)
    return runs


def _ends_a_paragraph(line: str) -> bool:
    """A long line of prose with a hard break after it: a paragraph's end, not a title page's line."""
    return line.endswith("  ") and len(line.split()) > PROSE_LINE_WORDS


def quote_paragraphs(
    block: RawBlock, drops_hyphen: Callable[[str, str], bool] | None = None
) -> tuple[list[Paragraph], str]:
    """A quotation's paragraphs (their `>` taken off) and its attribution, or "".

    A word a line's end cut at a hyphen is judged by `drops_hyphen` (the text's own words: `join_lines`).
    """
    paragraphs: list[Paragraph] = []
    lines: list[tuple[int, str]] = []
    attribution = ""

    def close() -> None:
        if lines:
            paragraphs.append(Paragraph(lines[0][0], join_lines([text for _, text in lines], drops_hyphen)))
            lines.clear()

    for offset, line in enumerate(block.lines):
        text = QUOTE_LINE.sub("", line, count=1).strip()
        byline = ATTRIBUTION.match(text)
        if byline and offset == len(block.lines) - 1 and (paragraphs or lines):
            attribution = byline.group(1).strip()
        elif text:
            lines.append((block.line + offset, text))
        else:
            close()
    close()
    return paragraphs, attribution


def read_table(block: RawBlock) -> Table | None:
    """A pipe table (header, separator, rows), or None when the rows have no separator under a header.

    A last row whose first cell is a source or note line and whose other cells are empty is the table's note, which
    an extractor set in the table ("|Source: *Cold War Crucible*, 255.||||").
    """
    rows = [_cells(line) for line in block.lines]
    if len(block.lines) < 2 or not SEPARATOR_ROW.match(block.lines[1]):
        return None
    body = [row for row in rows[2:] if row]
    note = body.pop()[0] if body and is_table_note(body[-1][0]) and not any(body[-1][1:]) else ""
    return Table(block.line, "", rows[0], body, note=note)


def continues_table(table: Table, block: RawBlock) -> list[list[str]] | None:
    """The rows a table continued on the next page adds: same columns, its header printed again or not."""
    following = read_table(block)
    if following is None or len(following.header) != len(table.header):
        return None
    return following.rows if following.header == table.header else [following.header, *following.rows]


def is_caption(text: str) -> bool:
    """Whether a short line is a table's caption ("Table 1: Soviet loans, 1950–1957")."""
    return bool(CAPTION.match(text)) and len(text.split()) <= MAX_CAPTION_WORDS


def is_table_note(text: str) -> bool:
    """Whether a line under a table is its source or note ("Source: …")."""
    return bool(TABLE_NOTE.match(text)) and len(text.split()) <= MAX_CAPTION_WORDS * 2


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    return [cell.strip().replace("<br>", " ") for cell in re.split(r"(?<!\\)\|", inner)]
