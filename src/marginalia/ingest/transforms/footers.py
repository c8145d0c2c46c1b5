"""Lift a first-page footer out of the body, by its shape: a short run of ©, DOI or URL, and book lines.

A chapter's or an article's first page prints at its foot where the text comes
from: a © statement, a DOI or a URL, and a line citing the book it is part of
("K. Halloran and A. Petrov (eds.), *Fraternal Rivals*, Series,
https://doi.org/…"). An extraction leaves them wherever that foot fell: between
paragraphs or inside one, in any order, a line split in two. A run of such lines
(at most `MAX_FOOTER_LINES`, at least one of them a © line or a DOI or URL, the
rest book lines) is a footer wherever it stands outside the notes and reference
lists; its lines go into the metadata and a page break is left where it stood,
so that the paragraph it cut is rejoined.

Where the foot is printed under the page's footnotes, an extraction may run it
into the last note: its lines after the note's hard break, or a © statement
glued to the note's last line before the book line. `separate_footers` sets
such a run apart before the blocks are classified, so that it is read as a
footer and not as the note's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marginalia.ingest.patterns import SOFT_HYPHEN
from marginalia.ingest.transforms.classify import STRUCTURAL_TITLES
from marginalia.model import Block, Document, Heading, LabelledValue, PageBreak, RawBlock

DOI_URL = re.compile(r"https?://(?:dx\.)?doi\.org/10\.[^>\s]+")
BARE_DOI = re.compile(r"^<?(https?://(?:dx\.)?doi\.org/10\.[^>\s]+?)>?$|^(?:DOI|doi):?\s*(10\.\S+)$")
DOI_AT_END = re.compile(r"<?https?://(?:dx\.)?doi\.org/10\.[^>\s]+>?[.\s]*$")
BARE_URL = re.compile(r"^<?https?://[^\s<>]+>?\.?$")
URL_AT_END = re.compile(r"<?https?://[^\s<>]+>?[.\s]*$")
COPYRIGHT = re.compile(r"^(?:©|\(c\)|Copyright\s*©?)\s*\S", re.IGNORECASE)
BOOK_LINE = re.compile(r"\((?:eds?|hrsg|red|ред)\.\)|\b(?:ed\.|eds\.|edited)\s+by\b", re.IGNORECASE)
"""A line citing the book a chapter is part of: "(eds.)", "(ed.)", "(Hrsg.)", "(ред.)", "ed. by"."""
SPLIT_URL_END = re.compile(r"(https?://(?:\S*[/.\-_])?)\s+([\w\-./]*[\d/.][\w\-./]*)$")
"""A URL that ends a line, broken by a space after its "://", a "/", "." or "-" (its rest has a digit, "/" or ".")."""
CUT_URL_END = re.compile(rf"https?://\S*[-_/.{SOFT_HYPHEN}]$")
URL_REST = re.compile(rf"^[\w\-./{SOFT_HYPHEN}]*\d[\w\-./{SOFT_HYPHEN}]*$")
"""The rest of a URL cut at a line's end (after "_", "-", "/", "." or a soft hyphen, as an extraction may print a
DOI's hyphens)."""
FOOTER_WORDS = 40
MAX_FOOTER_LINES = 5
GLUED_COPYRIGHT = re.compile(r"(?:\s|(?<=[^\W\d_]-))(©[^©]{1,400})$")
GLUED_BOOK_LINE = re.compile(
    r"(?<=[.?!)]) ((?:[A-Z]\.\s?)+[^\W\d_][^\s,(]*(?:,? (?:and|&) (?:[A-Z]\.\s?)+[^\W\d_][^\s,(]*)*"
    r",? \((?:eds?|hrsg|red|ред)\.\).*https?://\S+)$",
    re.IGNORECASE,
)
"""A footer's book line, its editors' names as initials ("T. Brandt (eds.), … https://doi.org/…"), run on to the
end of a sentence above it (a note's last line)."""
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b\.?")
"""A © statement at the end of a line, where an extraction glued the foot's first line to the text above it."""
COPYRIGHT_WORDS = 8
ITEM_MARK = re.compile(r"^[-*+•]\s+")
"""A list item's mark, which an extractor may set a footer's line with ("- © …", "- K. Halloran (ed.), …")."""
ITEM_BEFORE_COPYRIGHT = re.compile(ITEM_MARK.pattern + "(?=©)")


@dataclass(frozen=True)
class _Line:
    block: int
    offset: int
    text: str


def lift_footers(doc: Document) -> Document:
    """Take first-page footers out of the body into `Metadata.copyright`, `.doi` and `.footer`.

    Args:
        doc: A document whose front matter is read (`extract_front_matter`).

    Returns:
        The document, a page break where each footer stood.
    """
    lines = _body_lines(doc.blocks)
    footer: set[tuple[int, int]] = set()
    starts: set[tuple[int, int]] = set()
    run: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and run and _follows(run[-1], line, doc.blocks) and url_rest(run[-1].text, line.text):
            run.append(line)  # the rest of a URL that the extraction set on a line of its own
            continue
        if line is not None and footer_kind(line.text) and len(run) < MAX_FOOTER_LINES:
            if run and not _follows(run[-1], line, doc.blocks):
                _close(doc, run, footer, starts)
            run.append(line)
            continue
        _close(doc, run, footer, starts)
    if footer:
        doc.blocks = _without(doc.blocks, footer, starts)
    return doc


def separate_footers(doc: Document) -> Document:
    """Set apart the first-page footer an extraction ran into the block above it (a note, most often).

    A block's last lines are a footer of their own when they are a run of footer lines (`footer_kind`) holding
    a © line, a DOI or a URL, and the line before them ends with a hard break or the run opens with its ©
    line; a short © statement at the end of a block's last line is one when the next block opens with a
    footer line or the block ends its page. Either becomes a block of its own, which `lift_footers` then lifts.

    Args:
        doc: A document whose page furniture is removed.

    Returns:
        The document, such footers in blocks of their own.
    """
    heads = {text for page in doc.pages for text in page.furniture if re.search(r"[^\W\d_]", text)}
    result: list[Block] = []
    for index, block in enumerate(doc.blocks):
        if not isinstance(block, RawBlock):
            result.append(block)
            continue
        following = doc.blocks[index + 1] if index + 1 < len(doc.blocks) else None
        result += _footer_apart(block, following, heads)
    doc.blocks = result
    return doc


def _footer_apart(block: RawBlock, following: Block | None, heads: set[str]) -> list[Block]:
    lines = block.lines
    for index, line in enumerate(lines):
        rest = lines[index + 1 :]
        after = rest or (following.lines[:1] if isinstance(following, RawBlock) else [])
        ends_page = not rest and (following is None or isinstance(following, PageBreak))
        glued = _glued_footer(line, after, heads, ends_page=ends_page)
        if glued is not None and len(rest) < MAX_FOOTER_LINES and all(footer_kind(text) for text in rest):
            head, footer = glued
            return [RawBlock(block.line, [*lines[:index], head]), RawBlock(block.line + index, [*footer, *rest])]
    start = _trailing_footer(lines)
    if start:
        return [RawBlock(block.line, lines[:start]), RawBlock(block.line + start, lines[start:])]
    return [block]


def _glued_footer(line: str, after: list[str], heads: set[str], *, ends_page: bool) -> tuple[str, list[str]] | None:
    """A line's text and the footer glued to its end, or None.

    The footer is a © statement, alone when the lines after it are a footer's or the line ends its page (the
    text's last: "… l. 48. © The Author(s) 2001"), or followed on the same line by
    the book line or DOI ("… Lüshun? © The Author(s) 2013 Y. Xia (eds.), *A Short History …*, https://doi.org/…");
    or, with no © line, the book line itself after a sentence's end ("Ibid., 23. T. Brandt (eds.), … https://…"),
    or a line ending with a DOI or URL that opens with what the running heads print (the journal's name and
    issue: "…, 251. Cold War History 21(3), https://doi.org/…").
    """
    if "©" not in line and "http" not in line.casefold():
        return None  # neither a © statement nor a URL: a long line of text is passed over at once
    book = GLUED_BOOK_LINE.search(line.rstrip()) or _glued_head_line(line.rstrip(), heads)
    if book and footer_kind(book.group(1)) in {"book-url", "doi"} and GLUED_COPYRIGHT.search(line.rstrip()) is None:
        return line[: book.start()].rstrip(), [book.group(1)]
    glued = GLUED_COPYRIGHT.search(line.rstrip())
    head = line[: glued.start()].rstrip() if glued else ""
    if glued is None or not re.search(r"\w", head):
        return None
    statement = glued.group(1)
    parts = statement_apart(statement)
    if len(parts) == 2 and len(statement.split()) <= FOOTER_WORDS:
        return head, parts
    if len(statement.split()) <= COPYRIGHT_WORDS and (ends_page or (after and all(footer_kind(t) for t in after))):
        return head, [statement]
    return None


def statement_apart(line: str) -> list[str]:
    """A © line as its statement and the book line or DOI an extraction ran on after the statement's year.

    "© The Author(s) 2020 M. Lin, in Z. Shen (ed.), *A Short History …*, https://doi.org/…" → the statement and
    the book line; a line with nothing of the kind after its year stays whole.
    """
    year = YEAR.search(line)
    rest = line[year.end() :].strip() if year else ""
    if year and rest and footer_kind(rest) in {"book-url", "doi"}:
        return [line[: year.end()].strip(), rest]
    return [line]


def _trailing_footer(lines: list[str]) -> int:
    """Where a block's closing footer run starts (see `separate_footers`), or 0 for none.

    A bare URL or DOI alone is no footer here: a paragraph may end with one on a line of its own ("More
    information about this series at" / "<http://…>"); the run must hold a © line or a book line.
    """
    start = len(lines)
    while start > 0 and len(lines) - start < MAX_FOOTER_LINES and footer_kind(lines[start - 1]):
        start -= 1
    if start == 0:
        return 0  # a block of its own already
    while start < len(lines) and not (lines[start - 1].endswith("  ") or COPYRIGHT.match(_mended(lines[start]))):
        start += 1
    run = lines[start:]
    kinds = {footer_kind(line) for line in run}
    named = "copyright" in kinds or any(BOOK_LINE.search(_mended(line)) for line in run)
    return start if run and kinds - {"book"} and named else 0


def is_footer_block(block: RawBlock) -> bool:
    """Whether a whole block is a footer (front matter skips it when it looks for the text going on)."""
    kinds = [footer_kind(line) for line in block.lines]
    return len(kinds) <= MAX_FOOTER_LINES and all(kinds) and any(kind != "book" for kind in kinds)


def doi_url(match: re.Match[str]) -> str:
    """The DOI of a `BARE_DOI` match as a URL."""
    return match.group(1) or f"https://doi.org/{match.group(2)}"


def _body_lines(blocks: list[Block]) -> list[_Line]:
    """The lines of the raw blocks a footer may be among.

    In notes and reference lists, which cite DOIs and books as content, only © lines, and the lines of a block
    that is a footer opening with its © line or standing right after one (the footer's book line or DOI, set
    apart from its © line).
    """
    lines, in_apparatus, after_copyright = [], False, False
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            in_apparatus, after_copyright = block.text.strip().lower() in STRUCTURAL_TITLES, False
        elif isinstance(block, RawBlock):
            opens = after_copyright or bool(COPYRIGHT.match(_mended(block.lines[0])))
            whole = in_apparatus and is_footer_block(block) and opens
            lines += [
                _Line(index, offset, text)
                for offset, text in enumerate(block.lines)
                if not in_apparatus or whole or footer_kind(text) == "copyright"
            ]
            after_copyright = whole or footer_kind(block.lines[-1]) == "copyright"
    return lines


def _glued_head_line(line: str, heads: set[str]) -> re.Match[str] | None:
    """The end of a line, after a sentence's end, that opens with a running head's words and ends with a URL."""
    for head in heads:
        glued = re.search(rf"(?<=[.?!)]) ({re.escape(head)}\W.*https?://\S+)$", line)
        if glued:
            return glued
    return None


def footer_kind(raw: str) -> str:
    """What a footer line is, or "" for a line no footer holds.

    "copyright", "doi" (a DOI, or a line ending with one), "url" (a bare URL), "book-url" (a book line
    ending with a URL) or "book".
    """
    line = _mended(raw)
    if len(line.split()) > FOOTER_WORDS:
        return ""
    if COPYRIGHT.match(line):
        return "copyright"
    if BARE_DOI.match(line) or DOI_AT_END.search(line):
        return "doi"
    if BARE_URL.match(line):
        return "url"
    if BOOK_LINE.search(line):
        return "book-url" if URL_AT_END.search(line) else "book"
    return ""


def _follows(previous: _Line, line: _Line, blocks: list[Block]) -> bool:
    """Whether a line comes right after another: next in its block, or first of a block after only page breaks."""
    if line.block == previous.block:
        return line.offset == previous.offset + 1
    between = blocks[previous.block + 1 : line.block]
    block = blocks[previous.block]
    ends = isinstance(block, RawBlock) and previous.offset == len(block.lines) - 1
    return ends and line.offset == 0 and all(isinstance(b, PageBreak) for b in between)


def _close(doc: Document, run: list[_Line], footer: set[tuple[int, int]], starts: set[tuple[int, int]]) -> None:
    """Take a run of footer-like lines as a footer when it holds a © line, a DOI or a URL."""
    if run and any(footer_kind(line.text) != "book" for line in run):
        read: list[tuple[int, str]] = []
        for line in run:
            if read and url_rest(read[-1][1], line.text):
                read[-1] = (read[-1][0], _mended(read[-1][1]).removesuffix(SOFT_HYPHEN) + _mended(line.text))
            elif read and _book_rest(read[-1][1], line.text):
                read[-1] = (read[-1][0], _mended(read[-1][1]) + " " + _mended(line.text))
            else:
                read.append((_source_line(doc.blocks, line), line.text))
            footer.add((line.block, line.offset))
        for number, text in read:
            read_footer_line(doc, text, number)
        starts.add((run[0].block, run[0].offset))
    run.clear()


def _book_rest(previous: str, text: str) -> bool:
    """Whether a line is the rest of a book line wrapped before its URL ("… Union in the" / "Cold War, …, https://…")."""
    before, line = _mended(previous), _mended(text)
    wrapped = BOOK_LINE.search(before) is not None and URL_AT_END.search(before) is None
    return wrapped and not COPYRIGHT.match(line) and not BOOK_LINE.search(line) and URL_AT_END.search(line) is not None


def url_rest(previous: str, text: str) -> bool:
    """Whether a line is the rest of the URL a footer's line ends with.

    The URL is cut after "_", "-", "/", "." or a soft hyphen; each line may be quoted, as an extractor sets small type.
    """
    return bool(CUT_URL_END.search(_mended(previous))) and bool(URL_REST.match(_mended(text)))


def _source_line(blocks: list[Block], line: _Line) -> int:
    block = blocks[line.block]
    return block.line + line.offset


def _mended(raw: str) -> str:
    """A footer's line as printed, without the marks an extractor may set before it.

    The `>` it may quote what is set small with ("> © …"), or the list marker it may set a © statement with
    ("- © …": no list's item is one). Its closing URL is whole where the extraction put a space at the URL's line break
    ("https://doi.org/10.1007/ 978-981-13-8641-1_9", "https:// doi.org/…").
    """
    line = ITEM_BEFORE_COPYRIGHT.sub("", raw.strip().removeprefix(">").strip())
    return SPLIT_URL_END.sub(r"\1\2", line)


def read_footer_line(doc: Document, raw: str, number: int) -> None:
    """Put a footer's line into the metadata: a © line, the DOI, or a line of the footer (no list item's mark)."""
    line = ITEM_MARK.sub("", _mended(raw))
    doi = BARE_DOI.match(line)
    if COPYRIGHT.match(line) and len(parts := statement_apart(line)) == 2:
        for part in parts:
            read_footer_line(doc, part, number)
    elif COPYRIGHT.match(line):
        value = re.sub(r"^(?:©|\(c\)|Copyright\s*©?)\s*", "", line, flags=re.IGNORECASE)
        doc.metadata.copyright.append(LabelledValue(number, "©", value))
    elif doi and not doc.metadata.doi:
        doc.metadata.doi, doc.metadata.doi_line = doi_url(doi), number
    else:
        doc.metadata.footer.append(LabelledValue(number, "", line))


def _without(blocks: list[Block], removed: set[tuple[int, int]], starts: set[tuple[int, int]]) -> list[Block]:
    """The blocks with the footer lines taken out, a page break where each footer began."""
    result: list[Block] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, RawBlock) or not any((index, o) in removed for o in range(len(block.lines))):
            result.append(block)
            continue
        current: RawBlock | None = None
        for offset, text in enumerate(block.lines):
            if (index, offset) in removed:
                current = None
                if (index, offset) in starts:
                    result.append(PageBreak(block.line + offset, page_foot=True))
                continue
            if current is None:
                current = RawBlock(block.line + offset, [])
                result.append(current)
            current.lines.append(text)
    return result
