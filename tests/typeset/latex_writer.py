"""Write a clean document as LaTeX in a layout, and typeset it to PDF with pdfLaTeX: the second typesetter.

The round trips must not lean on one typesetter's habits (`typeset.typst_writer`
is the first). LaTeX sets the same document its own way: its own line breaking
and hyphenation (a hyphen at a line's end is a plain "-", where Typst writes a
soft hyphen), fancyhdr's running heads, footnote rules and spacing, `quote`
environments, ruled `tabular`s, Latin Modern's fonts (with ligatures, which
pdfLaTeX maps back to letters only through its `glyphtounicode` table).

pdfLaTeX with the T1 encoding sets Latin script only: `can_typeset` says
whether a document's characters are all of it (Cyrillic and Chinese go to
Typst alone). Debian's `texlive-latex-base` and `lmodern` hold everything used
here (`.ci/run` installs them).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
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
    dump,
)
from typeset.inline import Notes, convert, plain
from typeset.layout import Layout
from typeset.typst_writer import IMPRINT_LINES, byline

PAPERS = {"a5": (148, 210), "iso-b5": (176, 250), "us-letter": (215.9, 279.4), "a4": (210, 297)}
"""Paper sizes in millimetres (width, height)."""

HEADINGS = {1: r"\LARGE\bfseries", 2: r"\Large\bfseries", 3: r"\large\bfseries", 4: r"\normalsize\bfseries\itshape"}
"""Heading styles by level, as `typeset.typst_writer.HEADING_SIZES` numbers them."""

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "#": r"\#",
    "$": r"\$",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
    "-": "-{}",  # no en or em dash made of two or three hyphens
    "`": r"\`{}",
    "'": r"\textquotesingle{}",
    '"': r"\textquotedbl{}",
    "[": "{[}",
    "]": "{]}",
}
"""Characters LaTeX reads as syntax (or joins into a ligature: `--`, ``` `` ```), written so that they print."""

LATIN = re.compile(r"[\x20-\x7e\u00a0-\u017f\u2010-\u2026\u2032\u2033\u00b7\u00a9]*")
"""The characters pdfLaTeX's T1 and TS1 encodings print: Latin-1, Latin Extended-A, dashes, quotes, ©."""


def can_typeset(doc: CleanDocument) -> bool:
    """Whether every character of the document is one pdfLaTeX sets here (Latin script)."""
    text = unicodedata.normalize("NFC", dump(doc)).replace("\n", " ")
    return LATIN.fullmatch(text) is not None


def escape(text: str) -> str:
    """Plain text as LaTeX that prints it as written."""
    return "".join(_SPECIAL.get(c, c) for c in text)


LATEX_STYLES = {"sup": "textsuperscript", "sub": "textsubscript", "strong": "textbf", "emph": "emph"}
LATEX_STYLES |= {"underline": "underline", "smallcaps": "textsc"}
"""The command that sets each inline style."""


class LatexMarkup:
    """Inline pieces as LaTeX writes them (`typeset.inline.Markup`)."""

    def text(self, text: str) -> str:
        return escape(text)

    def styled(self, style: str, body: str) -> str:
        return rf"\{LATEX_STYLES[style]}{{{body}}}"

    def line_break(self) -> str:
        return r"\newline{}"

    def url(self, url: str) -> str:
        return rf"\url{{{url}}}"

    def mark(self, number: str) -> str:
        return rf"\textsuperscript{{{escape(number)}}}"

    def footnote(self, number: str, body: str, restart: int | None) -> str:
        if not number.isdigit():  # a note marked otherwise ("*"): its own mark, the counter left as it was
            return (
                rf"\begingroup\renewcommand\thefootnote{{{escape(number)}}}\footnote{{{body}}}"
                r"\addtocounter{footnote}{-1}\endgroup{}"
            )
        return self._restart(restart) + rf"\footnote{{{body}}}"

    @staticmethod
    def _restart(restart: int | None) -> str:
        return rf"\setcounter{{footnote}}{{{restart - 1}}}" if restart is not None else ""


@dataclass
class CellMarkup(LatexMarkup):
    """Inline pieces in a table's cell: a footnote inside a `tabular` is lost, so its mark goes in the cell and
    its text after the table (`texts`)."""

    texts: list[str] = field(default_factory=list)

    def footnote(self, number: str, body: str, restart: int | None) -> str:
        if not number.isdigit():
            return self.mark(number)
        self.texts.append(rf"\footnotetext{{{body}}}")
        return self._restart(restart) + r"\footnotemark{}"


MARKUP = LatexMarkup()


def inline(text: str, notes: Notes | None) -> str:
    """Inline Markdown (see `typeset.document`) as LaTeX; note references become footnotes."""
    return convert(text, MARKUP, notes)


def _number(layout: Layout) -> str:
    """The page number as the layout prints it."""
    match layout.number_style:
        case "arabic" | "roman":
            return r"\thepage"
        case "page":
            return r"Page \thepage"
        case "dashes":
            return r"--- \thepage{} ---"


def _heads(layout: Layout, doc: CleanDocument) -> list[str]:
    """fancyhdr's running heads (E: even, verso; O: odd, recto) and feet for this layout."""
    number = _number(layout) if layout.numbers == "top" else ""
    recto = escape(layout.recto_head or plain(doc.title))
    match layout.heads:
        case "book":
            heads = {"LE": number, "RE": escape(layout.book_title), "LO": recto, "RO": number}
        case "journal":
            heads = {"LE": number, "RE": escape(layout.journal_head), "LO": escape(layout.journal_head), "RO": number}
        case "paper":
            heads = {"L": escape(layout.paper_head), "R": number}
        case "none":
            heads = {"LE": number, "RO": number}
    lines = [r"\fancyhf{}", r"\renewcommand{\headrulewidth}{0pt}"]
    lines += [rf"\fancyhead[{side}]{{\small {text}}}" for side, text in heads.items() if text]
    if layout.numbers == "bottom":
        lines.append(rf"\fancyfoot[C]{{\small {_number(layout)}}}")
    return lines


def _first_page(layout: Layout, doc: CleanDocument) -> list[str]:
    """The first page's style: heads or none, the © and book lines and perhaps the number at its foot."""
    foot = [escape(doc.copyright)] if doc.copyright else []
    if doc.book_line:
        foot.append(inline(doc.book_line, None))
    at_foot = layout.numbers == "bottom" or (
        layout.numbers == "top" and not layout.first_page_head and layout.first_page_number_at_foot
    )
    if at_foot:
        foot.append(rf"\hfill{{}}{_number(layout)}\hfill{{}}")
    lines = [r"\fancypagestyle{first}{"]
    if not layout.first_page_head:
        lines += [r"\fancyhf{}"]
    else:
        lines += [r"\fancyfoot{}"]
    if foot:
        # hung from the foot's baseline into the bottom margin ([t]): standing on it ([b]), its first lines rose into
        # the text block, over the last note's line where the notes fill the page (a note split across pages)
        lines.append(r"\fancyfoot[L]{\footnotesize\parbox[t]{\textwidth}{\raggedright " + r"\\ ".join(foot) + "}}")
    lines.append("}")
    return lines


def _preamble(layout: Layout, doc: CleanDocument) -> list[str]:
    width, height = PAPERS[layout.paper]
    size = round(layout.font_size)
    lines = [
        f"% Typeset by tests/typeset/latex_writer.py: {layout.paper}, heads {layout.heads}, numbers {layout.numbers}.",
        rf"\documentclass[{min(max(size, 10), 12)}pt,twoside]{{article}}",
        r"\pdfgentounicode=1",
        r"\input{glyphtounicode}",
        r"\usepackage[utf8]{inputenc}",
        r"\usepackage[T1]{fontenc}",
        r"\usepackage{lmodern}",
        r"\usepackage{textcomp}",
        r"\usepackage{url}",
        r"\usepackage{array}",
        r"\usepackage{fancyhdr}",
        rf"\usepackage[paperwidth={width}mm,paperheight={height}mm,top={layout.margin_top + 6}mm,"
        rf"bottom={layout.margin_bottom + 4}mm,inner={layout.margin_inside}mm,outer={layout.margin_outside}mm,"
        r"footskip=9mm]{geometry}",  # headsep: LaTeX's own (25pt)
        r"\pagestyle{fancy}",
        *_heads(layout, doc),
        *_first_page(layout, doc),
        r"\pagenumbering{" + ("roman" if layout.number_style == "roman" else "arabic") + "}",
        rf"\setcounter{{page}}{{{layout.first_page}}}",
        r"\setlength{\parindent}{" + ("1.2em" if layout.indent else "0pt") + "}",
        r"\setlength{\parskip}{" + ("0pt" if layout.indent else "0.8em") + "}",
        r"\emergencystretch=3em",
        r"\frenchspacing",
    ]
    if not layout.hyphenate:
        lines.append(r"\hyphenpenalty=10000 \exhyphenpenalty=10000")
    if not layout.justify:
        lines.append(
            r"\AtBeginDocument{\raggedright\setlength{\parindent}{" + ("1.2em" if layout.indent else "0pt") + "}}"
        )
    return [*lines, r"\begin{document}", r"\thispagestyle{first}", ""]


def to_latex(doc: CleanDocument, layout: Layout) -> str:
    """The document as a LaTeX file in this layout.

    Raises:
        ValueError: When a note has no reference in the text (it would not be printed).
    """
    notes = Notes(dict(doc.notes))
    out = _preamble(layout, doc)
    for paragraph in doc.preamble:
        out += [rf"\noindent {inline(paragraph, notes)}\par", ""]
    if doc.preamble:
        out += [r"\clearpage", ""]  # the first page's foot is the series page's, as Typst sets it
    if doc.label:
        out += [rf"\noindent{{\small {inline(doc.label, notes)}}}\par\medskip", ""]
    out += [_heading(1, inline(doc.title, notes)), ""]
    if doc.authors:
        out += [rf"\noindent {inline(byline(doc.authors), notes)}\par\bigskip", ""]
    if doc.epigraph is not None:
        out += [
            r"\begin{quote}\small",
            inline(doc.epigraph.text, notes) + r"\par",
            r"\hfill--- " + inline(doc.epigraph.attribution, notes),
            r"\end{quote}",
            "",
        ]
    for line in doc.front:
        out += [rf"{{\noindent\small {inline(line, notes)}\par}}\medskip", ""]
    if len(doc.front) > IMPRINT_LINES:
        out += [r"\clearpage", ""]
    for section in doc.sections:
        out += _section(section, notes)
    for paragraph in doc.back:
        out += [rf"\bigskip{{\noindent\small {inline(paragraph, notes)}\par}}", ""]
    unplaced = [key for key in doc.notes if key not in notes.placed]
    if unplaced:
        raise ValueError(f"notes without a reference in the text: {unplaced}")
    return "\n".join([*out, r"\end{document}"]) + "\n"


def _heading(level: int, body: str) -> str:
    space = r"\bigskip" if level > 1 else ""
    return rf"{space}{{\noindent\raggedright{HEADINGS[level]} {body}\par}}\nopagebreak\medskip\noindent"


def _section(section: CleanSection, notes: Notes) -> list[str]:
    out: list[str] = []
    if section.heading:
        level = 2 + section.number.count(".") if section.number else 2
        out += [_heading(min(level, max(HEADINGS)), inline(section.heading, notes)), ""]
    for block in section.blocks:
        out += _block(block, notes, entries=section.kind != "prose")
    return out


def _block(block: CleanBlock, notes: Notes, *, entries: bool = False) -> list[str]:
    match block:
        case CleanParagraph() if entries:
            return [rf"{{\noindent\hangindent=1.5em\hangafter=1 {inline(block.text, notes)}\par}}\smallskip", ""]
        case CleanParagraph():
            return [inline(block.text, notes), ""]
        case CleanQuotation():
            body = "\n\n".join(inline(p, notes) for p in block.paragraphs)
            return [r"\begin{quote}\small", body, r"\end{quote}", ""]
        case CleanTable():
            return _table(block, notes)
        case CleanList():
            environment = "enumerate" if block.numbered else "itemize"
            items = [rf"\item {inline(item, notes)}" for item in block.items]
            return [rf"\begin{{{environment}}}", *items, rf"\end{{{environment}}}", ""]
        case CleanLines():
            return [r"\\ ".join(inline(line, notes) for line in block.lines), ""]


def _table(table: CleanTable, notes: Notes) -> list[str]:
    """A ruled table under its caption, its source line below; notes in cells set after the table."""
    columns = max([len(table.header), *map(len, table.rows)], default=1)
    cells = CellMarkup()

    def row(texts: list[str]) -> str:
        return " & ".join(convert(text, cells, notes) for text in texts + [""] * (columns - len(texts))) + r" \\ \hline"

    width = rf"p{{\dimexpr{1 / columns:.4f}\linewidth-2\tabcolsep-{1.2 / columns:.2f}\arrayrulewidth\relax}}"
    body = [row(table.header)] if table.header else []
    body += [row(cells_of_row) for cells_of_row in table.rows]
    out = [r"\par\medskip\begin{minipage}{\linewidth}"]
    if table.caption:
        out.append(rf"{{\noindent\small {inline(table.caption, notes)}\par}}\smallskip")
    out += [rf"{{\footnotesize\noindent\begin{{tabular}}{{|{'|'.join([width] * columns)}|}}\hline", *body]
    out.append(r"\end{tabular}\par}")
    if table.source:
        out.append(rf"\smallskip{{\noindent\scriptsize {inline(table.source, notes)}\par}}")
    out += [r"\end{minipage}\medskip", *cells.texts, ""]
    return out


def has_latex() -> bool:
    """Whether pdfLaTeX is on this machine (Debian: texlive-latex-base)."""
    return shutil.which("pdflatex") is not None


def compile_pdf(source: str) -> bytes:
    """Typeset LaTeX to PDF with pdfLaTeX, run twice (as an author would, so that nothing is left undefined).

    Raises:
        RuntimeError: When pdfLaTeX stops on an error, with the end of its log.
    """
    with tempfile.TemporaryDirectory(prefix="latex-") as folder:
        path = Path(folder) / "document.tex"
        path.write_text(source, encoding="utf-8")
        command = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "document.tex"]
        environment = {"SOURCE_DATE_EPOCH": "0", "FORCE_SOURCE_DATE": "1", "PATH": "/usr/bin:/bin"}
        result = subprocess.run(
            command, cwd=folder, capture_output=True, text=True, errors="replace", env=environment, check=False
        )
        if result.returncode != 0:
            raise RuntimeError("pdflatex failed:\n" + result.stdout[-3000:])
        return (Path(folder) / "document.pdf").read_bytes()


def typeset(doc: CleanDocument, layout: Layout) -> tuple[str, bytes]:
    """The document's LaTeX source and its PDF."""
    source = to_latex(doc, layout)
    return source, compile_pdf(source)
