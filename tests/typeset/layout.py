"""Page layouts: paper, margins, running heads and page numbers, the way books, journals and working papers print.

A layout says nothing about the text; `furniture` lists what it prints on the
pages besides the text (running heads and page numbers), so that a comparison
can tell those words when they turn up in the body.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Literal

import yaml

Paper = Literal["a5", "iso-b5", "us-letter", "a4"]
Heads = Literal["book", "journal", "paper", "none"]
NumberPosition = Literal["top", "bottom", "none"]
NumberStyle = Literal["arabic", "roman", "page", "dashes"]
Font = Literal["Libertinus Serif", "New Computer Modern"]

ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc")]
ROMAN += [(50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


@dataclass(frozen=True)
class Layout:
    """How a document is set on its pages.

    Attributes:
        paper: A5 for a book, ISO B5 or US Letter for a journal, A4 for a working paper.
        margin_top, margin_bottom, margin_inside, margin_outside: Margins in millimetres (inside: the binding side).
        heads: `book`: verso the book's title, recto the chapter's (`recto_head`), alternating, the number on
            the outer side; `journal`: the journal's name and volume with the number; `paper`: one constant
            head (`paper_head`) with the number; `none`.
        book_title: The verso head of a book.
        recto_head: The recto head of a book (the chapter's short title); the document's title when "".
        journal_head: The head of a journal ("Cold War History 21(3)").
        paper_head: The head of a working paper.
        numbers: Where page numbers stand: in the head (`top`), centred at the foot (`bottom`) or nowhere.
        number_style: `arabic` (117), `roman` (xvii), `page` ("Page 117") or `dashes` ("— 117 —").
        first_page: The printed number of the first page.
        first_page_head: Whether the first page has a running head (a chapter opening has none).
        first_page_number_at_foot: Whether the first page, having no head, prints its number at its foot.
        hyphenate: Whether the typesetter hyphenates words at line ends.
        justify: Justified text (else ragged right).
        font: The body font (one Typst embeds).
        font_size: Body size in points; notes are set smaller.
        indent: Paragraphs marked by a first-line indent (else by space between them).
    """

    paper: Paper = "a5"
    margin_top: float = 22
    margin_bottom: float = 24
    margin_inside: float = 20
    margin_outside: float = 16
    heads: Heads = "book"
    book_title: str = "Fraternal Rivals: China and the Soviet Union in the Cold War"
    recto_head: str = ""
    journal_head: str = "Cold War History 21(3)"
    paper_head: str = "COLD WAR HISTORY PROJECT WORKING PAPER NO. 12"
    numbers: NumberPosition = "top"
    number_style: NumberStyle = "arabic"
    first_page: int = 1
    first_page_head: bool = False
    first_page_number_at_foot: bool = True
    hyphenate: bool = False
    justify: bool = True
    font: Font = "Libertinus Serif"
    font_size: float = 10
    indent: bool = True

    def page_number(self, number: int) -> str:
        """The page number `number` as this layout prints it."""
        match self.number_style:
            case "arabic":
                return str(number)
            case "roman":
                return roman(number)
            case "page":
                return f"Page {number}"
            case "dashes":
                return f"— {number} —"

    def number_value(self, number: int) -> str:
        """The page number `number` as the model keeps it (`marginalia.model.Page.number`): "117", "xvii"."""
        return roman(number) if self.number_style == "roman" else str(number)

    def heads_for(self, title: str) -> list[str]:
        """The running heads this layout prints for a document titled `title`, without their numbers."""
        match self.heads:
            case "book":
                return [self.book_title, self.recto_head or title]
            case "journal":
                return [self.journal_head]
            case "paper":
                return [self.paper_head]
            case "none":
                return []

    def furniture(self, title: str, pages: int = 60) -> list[str]:
        """Every line of furniture this layout can print on `pages` pages: heads and page numbers."""
        numbers = [self.page_number(self.first_page + i) for i in range(pages)] if self.numbers != "none" else []
        return [*self.heads_for(title), *numbers]


def roman(number: int) -> str:
    """`number` in lower-case roman numerals."""
    out = ""
    for value, letters in ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def to_data(layout: Layout) -> dict[str, Any]:
    """The layout as plain data for YAML."""
    return asdict(layout)


def from_data(data: dict[str, Any]) -> Layout:
    """The layout `to_data` wrote (missing fields take their defaults)."""
    known = {f.name for f in fields(Layout)}
    unknown = set(data) - known
    if unknown:
        raise ValueError(f"unknown layout fields {sorted(unknown)}")
    return Layout(**data)


def dump(layout: Layout) -> str:
    """The layout as YAML."""
    return yaml.safe_dump(to_data(layout), allow_unicode=True, sort_keys=False, width=100)


def load(text: str) -> Layout:
    """The layout from YAML written by `dump`."""
    return from_data(yaml.safe_load(text))
