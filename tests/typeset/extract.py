"""Extractions of one PDF: two to Markdown, and one to plain text.

(A) `pymupdf4llm_markdown`: pymupdf4llm's `to_markdown`, as a user of that tool
gets it (its layout model on; running heads and feet kept; no OCR). pymupdf4llm
is AGPL: it is a test-only dependency, imported here and never by `src/`.

(B) `chars_markdown`: the shape of the project's shipped texts
(`texts/*/source.md`), written by our own code from PyMuPDF's character data:
headings by font size (`#`, `##`, …), body paragraphs as lines joined into one
line per block, superscripts as `<sup>N</sup>`, italic and bold as `*…*` and
`**…**`, note texts at a page's foot as `<sup>N</sup> text` blocks, a block
indented on both sides as a `>` quotation, a ruled table as a pipe table, and
hard line breaks (two trailing spaces) where a line ends before the next word
would have had to. It knows nothing of furniture: running heads and page
numbers are written as the lines they are, where they stand. Every decision is
made from what is on the page (positions, sizes, fonts, the characters'
Unicode, Typst's soft hyphen U+00AD at a hyphenated line end), never from the
clean document.
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pymupdf

SOFT_HYPHEN = "\u00ad"
HYPHENATED = re.compile(r"[^\W\d_]-$")
"""A row that ends in a hyphen after a letter: a word hyphenated at the line's end, or a compound broken there."""
LIST_MARKER = re.compile(r"^(?:[•–-]|\d{1,3}[.)]|\([a-z0-9]{1,3}\))$")
"""A list item's marker, printed as a segment of its own before the item's text."""
CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def pymupdf4llm_markdown(pdf: bytes) -> str:
    """Shape A: pymupdf4llm's Markdown of the PDF."""
    import pymupdf4llm  # noqa: PLC0415 - AGPL, test-only: imported where it is used

    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        markdown = pymupdf4llm.to_markdown(doc, use_ocr=False, header=True, footer=True, show_progress=False)
    assert isinstance(markdown, str)
    return markdown


# Shape B --------------------------------------------------------------------------------------------------------


@dataclass
class Span:
    """A run of characters in one font, size and style, as PyMuPDF reports it."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    italic: bool
    bold: bool
    superscript: bool
    first_word_width: float
    subscript: bool = False


@dataclass
class Row:
    """A visual line: the spans on one baseline, left to right (a head's two sides, a list marker and its text).

    `in_notes` is set for the rows under the page's footnote rule.
    """

    spans: list[Span]
    in_notes: bool = False

    @property
    def x0(self) -> float:
        return self.spans[0].x0

    @property
    def x1(self) -> float:
        return max(s.x1 for s in self.spans)

    @property
    def top(self) -> float:
        return min(s.top for s in self.spans if not s.superscript) if self.body_spans else self.spans[0].top

    @property
    def bottom(self) -> float:
        return max(s.bottom for s in self.spans)

    @property
    def body_spans(self) -> list[Span]:
        return [s for s in self.spans if not s.superscript and s.text.strip()]

    @property
    def size(self) -> float:
        """The size most of its characters have (superscripts aside)."""
        sizes: Counter[float] = Counter()
        for span in self.body_spans or self.spans:
            sizes[round(span.size, 1)] += len(span.text.strip())
        return sizes.most_common(1)[0][0]

    @property
    def bold(self) -> bool:
        return all(s.bold for s in self.body_spans) if self.body_spans else False

    @property
    def starts_superscript(self) -> bool:
        return self.spans[0].superscript and bool(self.spans[0].text.strip())

    @property
    def starts_note(self) -> bool:
        """Whether it begins a note text: a superscript opening a row under the footnote rule."""
        return self.in_notes and self.starts_superscript

    @property
    def item_text_x(self) -> float | None:
        """Where the text after a list marker begins, when the row begins with one."""
        first = self.spans[0].text.strip()
        if not LIST_MARKER.match(first):
            return None
        text = next((span for span in self.spans[1:] if span.text.strip()), None)
        return text.x0 if text is not None else None

    @property
    def starts_item(self) -> bool:
        return self.item_text_x is not None

    @property
    def first_word_width(self) -> float:
        return self.spans[0].first_word_width


@dataclass
class Block:
    """Rows read as one block of the Markdown: a paragraph, heading, note text, quotation, list or table."""

    rows: list[Row] = field(default_factory=list)
    table: list[list[str]] | None = None
    top: float = 0.0

    @property
    def size(self) -> float:
        return Counter(r.size for r in self.rows).most_common(1)[0][0]

    @property
    def x0(self) -> float:
        return min(r.x0 for r in self.rows)

    @property
    def x1(self) -> float:
        return max(r.x1 for r in self.rows)


def _spans(page: pymupdf.Page, skip: list[pymupdf.Rect]) -> list[list[Span]]:
    """The page's text as PyMuPDF's lines of spans, leaving out what lies in `skip` (tables)."""
    lines: list[list[Span]] = []
    data: dict[str, Any] = page.get_text("rawdict", flags=pymupdf.TEXTFLAGS_RAWDICT & ~pymupdf.TEXT_PRESERVE_IMAGES)
    for block in data["blocks"]:
        for line in block.get("lines", []):
            spans = []
            for raw in line["spans"]:
                chars = raw["chars"]
                text = "".join(c["c"] for c in chars)
                if not text or not chars:
                    continue
                rect = pymupdf.Rect(raw["bbox"])
                if any(rect.intersects(r) and (rect & r).get_area() > 0.5 * rect.get_area() for r in skip):
                    continue
                word = []
                for c in chars:
                    if c["c"].isspace() and word:
                        break
                    if not c["c"].isspace():
                        word.append(c)
                first_word_width = (word[-1]["bbox"][2] - word[0]["bbox"][0]) if word else 0.0
                font = raw["font"]
                spans.append(
                    Span(
                        text=text,
                        x0=raw["bbox"][0],
                        x1=raw["bbox"][2],
                        top=raw["bbox"][1],
                        bottom=raw["bbox"][3],
                        baseline=raw["origin"][1],
                        size=raw["size"],
                        italic=bool(raw["flags"] & pymupdf.TEXT_FONT_ITALIC) or "Italic" in font,
                        bold=bool(raw["flags"] & pymupdf.TEXT_FONT_BOLD) or "Bold" in font,
                        superscript=bool(raw["flags"] & pymupdf.TEXT_FONT_SUPERSCRIPT),
                        first_word_width=first_word_width,
                    )
                )
            if spans:
                lines.append(spans)
    return lines


def _rows(lines: list[list[Span]]) -> list[Row]:
    """PyMuPDF's lines merged into visual rows by baseline; small raised spans marked as superscripts."""
    for spans in lines:
        main = max(spans, key=lambda s: len(s.text.strip()) * s.size)
        for span in spans:
            if span.size < 0.75 * main.size and span.baseline < main.baseline - 0.1 * main.size:
                span.superscript = True
            elif span.size < 0.75 * main.size and span.baseline > main.baseline + 0.05 * main.size:
                span.subscript = True
            elif span.size < 0.75 * main.size and span is spans[0] and len(spans) > 1:
                span.superscript = True  # a note number opening a note text: no baseline to be raised from
    rows: list[Row] = []
    for spans in sorted(lines, key=lambda s: (max(x.baseline for x in s if not x.superscript or x is s[0]), s[0].x0)):
        baseline = max(s.baseline for s in spans)
        if rows:
            last = rows[-1]
            last_baseline = max(s.baseline for s in last.spans)
            if abs(baseline - last_baseline) < 0.3 * min(last.size, spans[0].size):
                rows[-1] = Row(sorted(last.spans + spans, key=lambda s: s.x0))
                continue
        rows.append(Row(sorted(spans, key=lambda s: s.x0)))
    return _attach_raised(rows)


def _attach_raised(rows: list[Row]) -> list[Row]:
    """Rows of small type standing within a neighbouring row's height (a marker PyMuPDF put on a line of its own,
    after a CJK character) joined to that row as superscripts."""

    def hosts(host: Row, row: Row) -> bool:
        size = host.size
        return (
            all(s.size < 0.75 * size for s in row.spans)
            and row.top >= host.top - 0.3 * size
            and row.bottom <= host.bottom + 0.1 * size
            and host.x0 - size <= row.x0 <= host.x1 + size
        )

    out: list[Row] = []
    pending = list(rows)
    while pending:
        row = pending.pop(0)
        host_after = pending[0] if pending and hosts(pending[0], row) else None
        host_before = out[-1] if out and hosts(out[-1], row) else None
        host = host_after or host_before
        if host is None:
            out.append(row)
            continue
        for span in row.spans:
            span.superscript = span.baseline < max(s.baseline for s in host.spans) - 0.1 * host.size
        merged = Row(sorted(host.spans + row.spans, key=lambda s: s.x0))
        if host is host_after:
            pending[0] = merged
        else:
            out[-1] = merged
    return out


def _line_gaps(pages: list[list[Row]]) -> dict[float, float]:
    """The usual gap between two lines of one paragraph, by font size (the commonest gap, in points)."""
    gaps: dict[float, list[float]] = {}
    for rows in pages:
        for above, below in itertools.pairwise(rows):
            if above.size == below.size and below.top > above.bottom - 1:
                gaps.setdefault(above.size, []).append(round(below.top - above.bottom, 1))
    return {size: Counter(values).most_common(1)[0][0] for size, values in gaps.items()}


def _blocks(rows: list[Row], gaps: dict[float, float], left: float) -> list[Block]:
    """Rows grouped into blocks: a new one at a larger gap, a change of size, a note's number or an indent."""
    blocks: list[Block] = []
    for row in rows:
        block = blocks[-1] if blocks else None
        # the page's top row, well above the next (a running head over the text block), stands alone
        head = len(blocks) == 1 and block is not None and len(block.rows) == 1
        head = head and row.top - blocks[0].rows[0].bottom > 1.5 * row.size
        if block is None or head or _starts_block(block, row, gaps) or _indented_twice(block, row, left):
            blocks.append(Block([row], top=row.top))
        else:
            block.rows.append(row)
    return blocks


def _indented_twice(block: Block, row: Row, left: float) -> bool:
    """Whether a one-line paragraph is followed by another: both lines start at the first-line indent."""
    if len(block.rows) != 1 or block.rows[0].starts_item or row.starts_item:
        return False
    size = row.size

    def indented(r: Row) -> bool:
        return left + 0.5 * size < r.x0 < left + 1.6 * size

    return indented(block.rows[0]) and indented(row) and abs(block.rows[0].x0 - row.x0) < 0.3 * size


def _starts_block(block: Block, row: Row, gaps: dict[float, float]) -> bool:
    prev = block.rows[-1]
    size = prev.size
    if abs(row.size - size) > 0.3 or row.bold != prev.bold or row.starts_note:
        return True
    gap = row.top - prev.bottom
    if gap > gaps.get(size, 0.3 * size) + 0.25 * size:
        return True
    tolerance = 0.5 * size
    first = block.rows[0]
    if row.starts_item:
        return not (first.starts_item and abs(row.x0 - first.x0) < tolerance)
    if len(block.rows) == 1:
        if row.x0 > prev.x0 + tolerance:
            text_x = prev.item_text_x
            return text_x is None or abs(row.x0 - text_x) > tolerance
        return False
    continuation = block.rows[1].x0
    if first.starts_item:
        text_x = first.item_text_x
        if text_x is not None and abs(row.x0 - text_x) < tolerance:
            return False
        # an item's continuation after another item: aligned with that item's text
        item = next((r for r in reversed(block.rows) if r.starts_item), None)
        return item is None or item.item_text_x is None or abs(row.x0 - item.item_text_x) > tolerance
    return abs(row.x0 - continuation) > tolerance


@dataclass
class _Piece:
    text: str
    style: tuple[bool, bool, bool, bool] | None  # (superscript, bold, italic, subscript); None: a separator


def _pieces(row: Row, *, plain: bool = False) -> list[_Piece]:
    pieces: list[_Piece] = []
    for index, span in enumerate(row.spans):
        if index and span.x0 - row.spans[index - 1].x1 > 0.15 * span.size:
            prev_text = pieces[-1].text if pieces else ""
            if not prev_text.endswith(" ") and not span.text.startswith(" "):
                pieces.append(_Piece(" ", None))
        style = (span.superscript, False, False, span.subscript)
        if not plain:
            style = (span.superscript, span.bold, span.italic, span.subscript)
        pieces.append(_Piece(span.text, style))
    if pieces:  # a row's own text: no space before or after it (PyMuPDF may end a line with one)
        pieces[0].text = pieces[0].text.lstrip(" ")
        pieces[-1].text = pieces[-1].text.rstrip(" ")
    return [p for p in pieces if p.text]


def _join_rows(rows: list[Row], *, plain: bool = False, hard: list[bool] | None = None, lines: bool = False) -> str:
    """Rows as one run of inline Markdown: soft hyphens dropped, rows joined by a space, or a hard break.

    With `lines`, a row that ends in a hyphen before a word stays a line of its own, as pdfminer and pdftotext
    write it: whether the hyphen is the typesetter's (LaTeX prints a plain "-") or the word's ("Sino-" /
    "Soviet") is not on the page, so it is left to the reader of the extraction.
    """
    pieces: list[_Piece] = []
    for index, row in enumerate(rows):
        if index:
            if hard and hard[index - 1]:
                pieces.append(_Piece("  \n", None))
            else:
                before = "".join(p.text for p in pieces).rstrip(" ")
                after = "".join(p.text for p in _pieces(row)).lstrip(" ")
                if before.endswith(SOFT_HYPHEN):
                    _drop_last_char(pieces, SOFT_HYPHEN)
                elif lines and HYPHENATED.search(before) and after[:1].isalpha():
                    pieces.append(_Piece("\n", None))
                elif before.endswith(("-", "—", "–", "/")) or (CJK.match(before[-1:]) and CJK.match(after[:1])):
                    pass
                elif row.starts_superscript:
                    pass  # a note marker the line broke before: it belongs to the word before it
                else:
                    pieces.append(_Piece(" ", None))
        pieces += _pieces(row, plain=plain)
    return _styled(pieces).strip()


def _drop_last_char(pieces: list[_Piece], char: str) -> None:
    while pieces and not pieces[-1].text.rstrip(" "):
        pieces.pop()
    if pieces:
        text = pieces[-1].text.rstrip(" ")
        pieces[-1] = _Piece(text[: -len(char)] if text.endswith(char) else text, pieces[-1].style)


def _styled(pieces: list[_Piece]) -> str:
    """Pieces as Markdown: runs of one style wrapped in `<sup>`, `**` or `*`, their outer spaces outside."""
    # a separator takes the style its two neighbours share, so that an italic title across a line stays one run
    for index, piece in enumerate(pieces):
        if piece.style is None:
            before = next((p.style for p in reversed(pieces[:index]) if p.style is not None), None)
            after = next((p.style for p in pieces[index + 1 :] if p.style is not None), None)
            piece.style = before if before == after and before is not None else (False, False, False, False)
    runs: list[tuple[tuple[bool, bool, bool, bool], str]] = []
    for piece in pieces:
        assert piece.style is not None
        if runs and runs[-1][0] == piece.style:
            runs[-1] = (piece.style, runs[-1][1] + piece.text)
        else:
            runs.append((piece.style, piece.text))
    out = []
    for (superscript, bold, italic, subscript), text in runs:
        core = text.strip(" ")
        if not core or core == "\n" or not (superscript or bold or italic or subscript):
            out.append(text)
            continue
        lead, trail = text[: len(text) - len(text.lstrip(" "))], text[len(text.rstrip(" ")) :]
        if superscript:
            core = f"<sup>{core}</sup>"
        elif subscript:
            core = f"<sub>{core}</sub>"
        else:
            mark = "***" if bold and italic else "**" if bold else "*"
            core = f"{mark}{core}{mark}"
        out.append(lead + core + trail)
    return "".join(out)


def _hard_breaks(rows: list[Row], right: float) -> list[bool]:
    """For each row but the last: whether it ends before the next row's first word would have had to wrap."""
    breaks = []
    for row, following in itertools.pairwise(rows):
        text = "".join(s.text for s in row.spans).rstrip()
        if text.endswith((SOFT_HYPHEN, "-")):
            breaks.append(False)
            continue
        space = 0.33 * row.size
        breaks.append(row.x1 + space + following.first_word_width < right - 0.5)
    return breaks


def _is_centred(block: Block, left: float, right: float) -> bool:
    return abs((block.x0 - left) - (right - block.x1)) < 1.5 * block.size


def _is_quotation(block: Block, left: float, right: float, body: float) -> bool:
    if block.rows[0].starts_note or block.table is not None:
        return False
    if block.x0 < left + 1.6 * body or block.x1 > right - 0.9 * body:
        return False
    return len(block.rows) > 1 or not _is_centred(block, left, right)


def _table_markdown(cells: list[list[str]]) -> str:
    def row(values: list[str]) -> str:
        return "| " + " | ".join(v.replace("|", "\\|") for v in values) + " |"

    lines = [row(cells[0]), "|" + "|".join("---" for _ in cells[0]) + "|"]
    lines += [row(r) for r in cells[1:]]
    return "\n".join(lines)


def _tables(page: pymupdf.Page, lines: list[list[Span]]) -> list[tuple[pymupdf.Rect, list[list[str]]]]:
    """The page's ruled tables (found from their drawn lines) with their cells' text."""
    found = []
    for table in page.find_tables(strategy="lines").tables:
        cells: list[list[str]] = []
        for table_row in table.rows:
            values = []
            for cell in table_row.cells:
                if cell is None:
                    values.append("")
                    continue
                box = pymupdf.Rect(cell)
                inside = [[s for s in spans if box.contains(_centre(s))] for spans in lines]
                values.append(_join_rows(_rows([spans for spans in inside if spans])))
            cells.append(values)
        found.append((pymupdf.Rect(table.bbox), cells))
    return found


def _centre(span: Span) -> pymupdf.Point:
    return pymupdf.Point((span.x0 + span.x1) / 2, (span.top + span.bottom) / 2)


def _footnote_rule(page: pymupdf.Page) -> float | None:
    """Where the page's footnote rule stands: the lowest short horizontal line that starts at the text's left."""
    width = page.rect.width
    found = None
    for drawing in page.get_drawings():
        for item in drawing["items"]:
            if item[0] != "l":
                continue
            start, end = item[1], item[2]
            length = abs(end.x - start.x)
            if abs(start.y - end.y) < 0.5 and 0.1 * width < length < 0.45 * width:
                found = max(found or 0.0, start.y)
    return found


ONE_LINE_CHARS = 40
"""Fewer characters than this in lines that fill the column: the text has no line of body to tell it by."""


def _body_size(pages: list[list[Row]]) -> float:
    """The running text's size: the commonest among lines that fill the column (not headings, quotations, lines
    of a title page), by their characters."""
    sizes: Counter[float] = Counter()
    for rows in pages:
        if not rows:
            continue
        left, right = min(r.x0 for r in rows), max(r.x1 for r in rows)
        width = right - left
        for row in rows:
            # from the left edge (a first-line indent at most: not a quotation's) to near the right one
            if not row.in_notes and row.x0 <= left + 1.5 * row.size and row.x1 >= right - 0.2 * width:
                sizes[row.size] += sum(len(s.text) for s in row.body_spans)
    if sum(sizes.values()) >= ONE_LINE_CHARS:
        return sizes.most_common(1)[0][0]
    # a text of a word or two, whose widest line is its title: the smallest type of words outside the notes
    worded = [
        row.size
        for rows in pages
        for row in rows
        if not row.in_notes and re.search(r"[^\W\d_]", "".join(s.text for s in row.spans))
    ]
    return min(worded or [row.size for rows in pages for row in rows] or [10.0])


def _column(rows: list[Row], body: float) -> tuple[float, float]:
    """The page's text column, left and right: its running text's edges (a first-line indent is not one); on a
    page with no running text (a quotation in smaller type filling it), the edges of all its lines, its head
    and notes spanning the column."""
    body_rows = [r for r in rows if r.size == body]
    if not body_rows:
        return min((r.x0 for r in rows), default=0.0), max((r.x1 for r in rows), default=0.0)
    left = statistics.median_low(sorted(r.x0 for r in body_rows))
    left = min((r.x0 for r in body_rows if abs(r.x0 - left) < 2 * body), default=left)
    return left, max(r.x1 for r in body_rows)


def chars_markdown(pdf: bytes) -> str:
    """Shape B: the PDF as the project's shipped texts print their sources, from PyMuPDF's character data."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        pages = []
        tables = []
        for page in doc:
            page_tables = _tables(page, _spans(page, []))
            tables.append(page_tables)
            rows = _rows(_spans(page, [rect for rect, _ in page_tables]))
            rule = _footnote_rule(page)
            for row in rows:
                row.in_notes = rule is not None and row.top > rule
            pages.append(rows)
    gaps = _line_gaps(pages)
    body = _body_size(pages)
    heading_sizes = sorted({row.size for rows in pages for row in rows if row.size >= body + 0.4}, reverse=True)
    out: list[str] = []
    for rows, page_tables in zip(pages, tables, strict=True):
        left, right = _column(rows, body)
        blocks = _blocks(rows, gaps, left)
        blocks += [Block([], table=cells, top=rect.y0) for rect, cells in page_tables]
        blocks.sort(key=lambda b: b.top)
        out += _page_markdown(blocks, left, right, body, heading_sizes, gaps)
    return "\n\n".join(out) + "\n"


def _page_markdown(
    blocks: list[Block], left: float, right: float, body: float, heading_sizes: list[float], gaps: dict[float, float]
) -> list[str]:
    out: list[str] = []
    previous_quote: Block | None = None
    for block in blocks:
        if block.table is not None:
            out.append(_table_markdown(block.table))
            previous_quote = None
            continue
        size = block.size
        if size >= body + 0.4:
            level = heading_sizes.index(size) + 1
            out.append("#" * level + " " + _join_rows(block.rows, plain=True))
            previous_quote = None
            continue
        if _is_quotation(block, left, right, body):
            text = _join_rows(block.rows, hard=_hard_breaks(block.rows, block.x1 + 0.5), lines=True)
            quoted = "\n".join("> " + line if line else ">" for line in text.split("\n"))
            near = previous_quote is not None and block.top - previous_quote.rows[-1].bottom < (
                gaps.get(size, 0.3 * size) + 1.6 * size
            )
            if near and out:
                out[-1] += "\n>\n" + quoted
            else:
                out.append(quoted)
            previous_quote = block
            continue
        previous_quote = None
        if block.rows[0].starts_item:
            items: list[list[Row]] = []
            for row in block.rows:
                if row.starts_item or not items:
                    items.append([row])
                else:
                    items[-1].append(row)
            out.append("\n".join(_join_rows(item, lines=True) for item in items))
            continue
        if block.rows[0].starts_note:
            first = _join_rows(block.rows, lines=True)
            out.append(re.sub(r"^(<sup>[^<]*</sup>)(?=\S)", r"\1 ", first))
            continue
        out.append(_join_rows(block.rows, hard=_hard_breaks(block.rows, right), lines=True))
    return out


def pdfminer_text(pdf: bytes) -> str:
    """Shape C: pdfminer.six's plain text, as MarkItDown and other plain-text extractors give a PDF.

    No Markdown at all: headings and emphasis unmarked, lines as printed (hard-wrapped, with a justified line's
    wide spaces), note markers as digits glued to the word, a form feed at each page's end. A different library
    from A and B, so that no rule leans on PyMuPDF's reading of a page.
    """
    from pdfminer.high_level import extract_text  # noqa: PLC0415 - only where a test extracts

    return str(extract_text(io.BytesIO(pdf)))


def page_count(pdf: bytes) -> int:
    """The PDF's number of pages."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return int(doc.page_count)


def extractions(pdf: bytes) -> dict[str, str]:
    """Both shapes of one PDF, by the name of their golden file."""
    return {"pymupdf4llm.md": pymupdf4llm_markdown(pdf), "chars.md": chars_markdown(pdf)}
