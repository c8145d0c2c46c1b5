"""Write a clean document as Typst markup in a layout, and typeset it to PDF with Typst.

Text is escaped character by character: every ASCII punctuation mark but the
quotes is written with a backslash, so that nothing in a text is read as
Typst markup (`#`, `*`, `_`, `$`, `@`, `<`, `[`, `]`, a backquote, `~`, `--`,
`...`, `//`, `=`, `-` or `+` at a line's start). Straight quotes are left to
Typst's smart quotes, as a real typesetter would print them.

Fonts: Typst embeds Libertinus Serif and New Computer Modern (Latin, Greek,
Cyrillic); Chinese needs a CJK font from the machine (`cjk_font_dir`): Debian's
`fonts-droid-fallback` or `fonts-noto-cjk`. Typst is told to ignore every
other system font, so that a PDF depends only on the embedded fonts and that one.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from typeset.document import (
    CleanBlock,
    CleanDocument,
    CleanLines,
    CleanList,
    CleanParagraph,
    CleanQuotation,
    CleanSection,
    CleanTable,
)
from typeset.inline import Notes, convert, plain
from typeset.layout import Layout

CJK_FONTS = {
    # family name as Typst knows it → files that hold it, by Debian package
    "Droid Sans Fallback": [Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")],
    "Noto Serif CJK SC": [Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")],
    "Noto Sans CJK SC": [Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")],
}
"""CJK fonts looked for on the machine, in order of preference."""

HEADING_SIZES = {1: 1.6, 2: 1.25, 3: 1.1, 4: 1.05}
"""Heading sizes in em of the body by level: the title is level 1, a section "2" level 2, "2.1" level 3."""

_SPECIAL = frozenset(chr(c) for c in range(33, 127) if not chr(c).isalnum()) - {'"', "'"}
"""ASCII punctuation that Typst markup may read as syntax: all of it is escaped, quotes aside."""


def escape(text: str) -> str:
    """Plain text as Typst markup that prints it as written (whitespace collapsed by Typst)."""
    return "".join("\\" + c if c in _SPECIAL else c for c in text)


def typst_string(text: str) -> str:
    """A Typst string literal holding `text`."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


TYPST_STYLES = {"sup": "super(typographic: false)", "sub": "sub(typographic: false)", "strong": "strong"}
TYPST_STYLES |= {"emph": "emph", "underline": "underline", "smallcaps": "smallcaps"}
"""The command that sets each inline style."""


class TypstMarkup:
    """Inline pieces as Typst writes them (`typeset.inline.Markup`)."""

    def text(self, text: str) -> str:
        return escape(text)

    def styled(self, style: str, body: str) -> str:
        return f"#{TYPST_STYLES[style]}[{body}]"

    def line_break(self) -> str:
        return "\\ "

    def url(self, url: str) -> str:
        return escape(url)

    def mark(self, number: str) -> str:
        return f"#super(typographic: false)[{escape(number)}]"

    def footnote(self, number: str, body: str, restart: int | None) -> str:
        if not number.isdigit():
            return f"#footnote(numbering: _ => {typst_string(number)})[{body}]"
        update = f"#counter(footnote).update({restart - 1})" if restart is not None else ""
        return f"{update}#footnote[{body}]"


MARKUP = TypstMarkup()


def inline(text: str, notes: Notes | None) -> str:
    """Inline Markdown (see `typeset.document`) as Typst markup; note references become footnotes."""
    return convert(text, MARKUP, notes)


def _number_function(layout: Layout) -> str:
    match layout.number_style:
        case "arabic":
            return "#let fmt(n) = str(n)"
        case "roman":
            return '#let fmt(n) = numbering("i", n)'
        case "page":
            return '#let fmt(n) = "Page " + str(n)'
        case "dashes":
            return '#let fmt(n) = "— " + str(n) + " —"'


def _header(layout: Layout, doc: CleanDocument) -> str:
    """The page header: a running head, perhaps with the page number on its outer side."""
    number = layout.numbers == "top"
    book_title = typst_string(layout.book_title)
    recto = typst_string(layout.recto_head or plain(doc.title))
    journal = typst_string(layout.journal_head)
    paper = typst_string(layout.paper_head)
    num = "fmt(n)" if number else '""'
    match layout.heads:
        case "book":
            head = f"if calc.even(n) [#{num} #h(1fr) #{book_title}] else [#{recto} #h(1fr) #{num}]"
        case "journal":
            head = f"if calc.even(n) [#{num} #h(1fr) #{journal}] else [#{journal} #h(1fr) #{num}]"
        case "paper":
            head = f"[#{paper} #h(1fr) #{num}]"
        case "none":
            head = f"if calc.even(n) [#{num} #h(1fr)] else [#h(1fr) #{num}]" if number else "none"
    first = "true" if layout.first_page_head else "false"
    return (
        "context {\n"
        f"  let n = here().page() + {layout.first_page - 1}\n"
        f"  if here().page() == 1 and not {first} {{ none }} else {{\n"
        "    set text(size: 8.5pt)\n"
        f"    {head}\n"
        "  }\n"
        "}"
    )


def _footer(layout: Layout, doc: CleanDocument) -> str:
    """The page footer: the first page's © and book lines, and page numbers set at the foot."""
    first_lines = [escape(doc.copyright)] if doc.copyright else []
    if doc.book_line:
        first_lines.append(inline(doc.book_line, None))
    first_block = " \\\n    ".join(first_lines)
    at_foot = layout.numbers == "bottom" or (
        layout.numbers == "top" and not layout.first_page_head and layout.first_page_number_at_foot
    )
    first_number = "#align(center)[#fmt(n)]" if at_foot else ""
    other_number = "#align(center)[#fmt(n)]" if layout.numbers == "bottom" else ""
    return (
        "context {\n"
        f"  let n = here().page() + {layout.first_page - 1}\n"
        "  set text(size: 8pt)\n"
        "  set par(justify: false, first-line-indent: 0pt)\n"
        "  if here().page() == 1 [\n"
        f"    {first_block}\n"
        f"    {first_number}\n"
        "  ] else [\n"
        f"    {other_number}\n"
        "  ]\n"
        "}"
    )


def _preamble(layout: Layout, doc: CleanDocument, fonts: list[str]) -> list[str]:
    margins = (
        f"(top: {layout.margin_top}mm, bottom: {layout.margin_bottom}mm,"
        f" inside: {layout.margin_inside}mm, outside: {layout.margin_outside}mm)"
    )
    indent = "(amount: 1.2em, all: false)" if layout.indent else "0pt"
    spacing = "0.65em" if layout.indent else "1.1em"
    families = ", ".join(typst_string(f) for f in [layout.font, *fonts])
    lines = [
        f"// Typeset by tests/typeset/typst_writer.py: {layout.paper}, heads {layout.heads}, numbers {layout.numbers}.",
        _number_function(layout),
        "#set page(",
        f"  paper: {typst_string(layout.paper)},",
        f"  margin: {margins},",
        f"  header: {_header(layout, doc)},",
        f"  footer: {_footer(layout, doc)},",
        "  footer-descent: 20%,",
        ")",
        f'#set text(font: ({families},), size: {layout.font_size}pt, lang: "en", hyphenate: {str(layout.hyphenate).lower()})',
        f"#set par(justify: {str(layout.justify).lower()}, first-line-indent: {indent}, spacing: {spacing})",
        "#set super(typographic: false)",
        "#set heading(numbering: none)",
    ]
    for level, size in HEADING_SIZES.items():
        style = ', style: "italic"' if level >= 4 else ""
        lines.append(f"#show heading.where(level: {level}): set text(size: {size}em{style})")
    lines += [
        "#show heading: set block(above: 1.4em, below: 0.9em)",
        "#show quote.where(block: true): set text(size: 0.9em)",
        "#show quote.where(block: true): set pad(left: 2.2em, right: 2.2em)",
        "#show figure.where(kind: table): set figure.caption(position: top)",
        "#show figure.caption: set align(left)",
        "#show figure: set block(breakable: false, above: 1.5em, below: 1.5em)",
        "#show figure.caption: set text(size: 0.9em)",
        "#set table(inset: 4pt, align: left)",
        "#show table: set text(size: 0.85em)",
        "#show table: set par(justify: false)",
        "",
    ]
    return lines


def to_typst(doc: CleanDocument, layout: Layout, fonts: list[str] | None = None) -> str:
    """The document as a Typst file in this layout.

    Args:
        doc: The clean document.
        layout: How its pages look.
        fonts: Fallback font families after the body font (for Chinese); `fallback_fonts()` when None.

    Returns:
        Typst markup.

    Raises:
        ValueError: When a note has no reference in the text (it would not be printed).
    """
    notes = Notes(dict(doc.notes))
    out = _preamble(layout, doc, fallback_fonts() if fonts is None else fonts)
    for paragraph in doc.preamble:
        out += [f"#block[{inline(paragraph, notes)}]", ""]
    if doc.preamble:
        out += ["#pagebreak()", ""]
    if doc.label:
        out += [f"#block(below: 1.2em)[#text(tracking: 0.08em)[{inline(doc.label, notes)}]]", ""]
    out += [f"#heading(level: 1)[{inline(doc.title, notes)}]", ""]
    if doc.authors:
        out += [f"#block(below: 1.2em)[{inline(byline(doc.authors), notes)}]", ""]
    if doc.epigraph is not None:
        attribution = inline(doc.epigraph.attribution, notes)
        out += [f"#quote(block: true, attribution: [{attribution}])[{inline(doc.epigraph.text, notes)}]", ""]
    for line in doc.front:
        out += [
            f"#block(below: 0.9em)[#set par(first-line-indent: 0pt); #set text(size: 0.9em); {inline(line, notes)}]"
        ]
        out.append("")
    if len(doc.front) > IMPRINT_LINES:  # a book's title page and imprint: its text begins on a page of its own
        out += ["#pagebreak()", ""]
    for section in doc.sections:
        out += _section(section, notes)
    for paragraph in doc.back:
        out += [f"#block(above: 1.2em)[#set text(size: 0.9em); {inline(paragraph, notes)}]", ""]
    unplaced = [key for key in doc.notes if key not in notes.placed]
    if unplaced:
        raise ValueError(f"notes without a reference in the text: {unplaced}")
    return "\n".join(out) + "\n"


IMPRINT_LINES = 8
"""More front lines than an article's title block holds (affiliations, dates, ©): a book's title page and imprint."""


def byline(authors: list[str]) -> str:
    if len(authors) <= 2:
        return " and ".join(authors)
    return ", ".join(authors[:-1]) + " and " + authors[-1]


def _section(section: CleanSection, notes: Notes) -> list[str]:
    out: list[str] = []
    if section.heading:
        level = 2 + section.number.count(".") if section.number else 2
        level = min(level, max(HEADING_SIZES))
        out += [f"#heading(level: {level})[{inline(section.heading, notes)}]", ""]
    for block in section.blocks:
        out += _block(block, notes, entries=section.kind != "prose")
    return out


def _block(block: CleanBlock, notes: Notes, *, entries: bool = False) -> list[str]:
    match block:
        case CleanParagraph() if entries:
            # An entry of a reference list, contents or abbreviations: its own line, hanging indent.
            body = inline(block.text, notes)
            return [
                f"#block(above: 0.5em, below: 0.5em)[#set par(first-line-indent: 0pt, hanging-indent: 1.5em); {body}]",
                "",
            ]
        case CleanParagraph():
            return [inline(block.text, notes), ""]
        case CleanQuotation():
            body = "\n\n".join(inline(p, notes) for p in block.paragraphs)
            return [f"#quote(block: true)[{body}]", ""]
        case CleanTable():
            columns = max([len(block.header), *map(len, block.rows)], default=1)
            cells = (
                [f"table.header({', '.join(f'[{inline(c, notes)}]' for c in block.header)})"] if block.header else []
            )
            cells += [f"[{inline(cell, notes)}]" for row in block.rows for cell in row + [""] * (columns - len(row))]
            table = f"table(columns: (1fr,) * {columns}, {', '.join(cells)})"
            source = ""
            if block.source:
                source = f"#v(0.3em) #align(left)[#text(size: 0.8em)[{inline(block.source, notes)}]]"
            caption = f"[{inline(block.caption, notes)}]" if block.caption else "none"
            return [
                f"#figure(block[#{table} {source}], caption: {caption}, kind: table, supplement: none, numbering: none)",
                "",
            ]
        case CleanList():
            function = "enum" if block.numbered else "list"
            items = ", ".join(f"[{inline(item, notes)}]" for item in block.items)
            return [f"#{function}({items})", ""]
        case CleanLines():
            return [" \\\n".join(inline(line, notes) for line in block.lines), ""]


@cache
def cjk_font_dir() -> tuple[str, str] | None:
    """The family and folder of a CJK font on this machine (see `CJK_FONTS`), or None."""
    for family, files in CJK_FONTS.items():
        for path in files:
            if path.exists():
                return family, str(path.parent)
    return None


def fallback_fonts() -> list[str]:
    """The fallback families after the body font: the machine's CJK font, if any."""
    found = cjk_font_dir()
    return [found[0]] if found else []


def has_cjk_font() -> bool:
    """Whether Chinese can be typeset here (a CJK font was found)."""
    return cjk_font_dir() is not None


def compile_pdf(markup: str) -> bytes:
    """Typeset Typst markup to PDF with the embedded fonts and the machine's CJK font only.

    Raises:
        RuntimeError: When Typst warns (an unknown font, say): a silent fallback would make another PDF.
    """
    import typst  # noqa: PLC0415 - imported where it is used: the golden tests need no typesetter

    found = cjk_font_dir()
    font_paths = [found[1]] if found else []
    pdf, warnings = typst.compile_with_warnings(
        markup.encode("utf-8"), font_paths=font_paths, ignore_system_fonts=True, timestamp=0, pdf_tags=False
    )
    if warnings:
        raise RuntimeError(f"typst warned: {warnings}")
    assert isinstance(pdf, bytes)
    return pdf


def typeset(doc: CleanDocument, layout: Layout) -> tuple[str, bytes]:
    """The document's Typst markup and its PDF."""
    markup = to_typst(doc, layout)
    return markup, compile_pdf(markup)
