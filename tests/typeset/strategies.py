"""Generated clean documents and layouts: chapters of an edited book, journal articles, working papers, documents.

The generators are written once against a `Chooser`: Hypothesis draws its
choices (`documents`, `layouts`, `typeset_cases`: strategies that shrink towards
fewer and plainer features), and a seeded `random.Random` draws them for the
hand-picked golden documents (`RandomChooser`), which therefore never change.

Shapes follow the texts the reader holds: a chapter has a label ("CHAPTER 7"),
perhaps an epigraph, a © line and its book's line at the first page's foot,
sections numbered 7.1, 7.2; an article a byline, received dates, an abstract
with keywords, sections 1, 2, 2.1 and perhaps references; a working paper
numbered sections, lists and long notes; an archival document a label
("Document 12"), a record's title, an archive reference ("АПРФ, ф. 45, оп. 1,
д. 347, л. 102–109"), a date line ("[Moscow,] 28 December 1949"), "Translated
by …", speakers' paragraphs and a signature. Notes are marked at sentence ends;
text may hold Russian passages and headings, and Chinese ones where a CJK font
is on the machine (`typeset.typst_writer.has_cjk_font`).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal, Protocol, TypeVar

from hypothesis import strategies as st

from typeset import texts
from typeset.document import (
    CleanBlock,
    CleanDocument,
    CleanEpigraph,
    CleanLines,
    CleanList,
    CleanParagraph,
    CleanQuotation,
    CleanSection,
    CleanTable,
)
from typeset.layout import Layout
from typeset.typst_writer import has_cjk_font

T = TypeVar("T")
Kind = Literal["chapter", "article", "paper", "document"]
KINDS: tuple[Kind, ...] = ("chapter", "article", "paper", "document")


class Chooser(Protocol):
    """Where a generator's choices come from."""

    def choice(self, pool: Sequence[T]) -> T: ...

    def integer(self, low: int, high: int) -> int: ...

    def chance(self, probability: float) -> bool: ...


class RandomChooser:
    """Choices from a seeded `random.Random`: the same seed, the same document."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def choice(self, pool: Sequence[T]) -> T:
        return pool[self.rng.randrange(len(pool))]

    def integer(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability


class DrawChooser:
    """Choices drawn by Hypothesis; each shrinks towards the pool's first item, the lowest number, no feature."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw

    def choice(self, pool: Sequence[T]) -> T:
        return self.draw(st.sampled_from(pool))

    def integer(self, low: int, high: int) -> int:
        return self.draw(st.integers(low, high))

    def chance(self, probability: float) -> bool:
        return self.draw(st.integers(0, 99)) >= round(100 * (1 - probability))


@dataclass
class _Writer:
    """The state of one document being written: its chooser and its notes so far."""

    c: Chooser
    chinese: bool
    notes: dict[str, str]
    note_rate: float = 0.25
    long_notes: float = 0.15

    def word(self, index: int) -> str:
        roll = self.c.integer(0, 99)
        if roll < 8:
            return self.c.choice(texts.PEOPLE)
        if roll < 12:
            return self.c.choice(texts.PLACES)
        if roll < 30:
            adjective = self.c.choice(texts.ADJECTIVES)
            return adjective if index == 0 or (adjective[0].isupper() and adjective != "Soviet") else adjective.lower()
        if roll < 45:
            return self.c.choice(texts.VERBS)
        if roll < 60:
            return self.c.choice(("the", "of", "a", "in", "and", "with", "to", "that", "on", "for", "after"))
        return self.c.choice(texts.NOUNS)

    def sentence(self, noted: bool = True) -> str:
        count = self.c.integer(6, 22)
        words = [self.word(i) for i in range(count)]
        if self.c.chance(0.12):
            at = self.c.integer(1, len(words))
            words.insert(at, f"*{self.c.choice(texts.BOOKS)}*")
        text = " ".join(words)
        text = text[0].upper() + text[1:] + self.c.choice((".", ".", ".", "?"))
        if noted and self.c.chance(self.note_rate):
            text += self.note_ref()
        return text

    def note_ref(self) -> str:
        key = str(len(self.notes) + 1)
        self.notes[key] = self.note_text()
        return f"[^{key}]"

    def note_text(self) -> str:
        roll = self.c.integer(0, 99)
        year = self.c.integer(1995, 2021)
        if roll < 35:
            book = self.c.choice(texts.BOOKS)
            return f"{self.c.choice(texts.AUTHORS)}, *{book}* ({self.c.choice(texts.PUBLISHERS)}, {year}), {self.c.integer(3, 420)}."
        if roll < 55:
            return f"{self.c.choice(texts.ARCHIVES_EN)}, l. {self.c.integer(1, 90)}."
        if roll < 65:
            return f"{self.c.choice(texts.ARCHIVES_RU)}."
        if roll < 75:
            return f"Ibid., {self.c.integer(3, 420)}."
        if roll < 100 - round(100 * self.long_notes):
            return " ".join(self.sentence(noted=False) for _ in range(self.c.integer(1, 2)))
        return " ".join(self.sentence(noted=False) for _ in range(self.c.integer(4, 9)))

    def paragraph(self, low: int = 2, high: int = 7) -> str:
        return " ".join(self.sentence() for _ in range(self.c.integer(low, high)))

    def foreign(self) -> str:
        if self.chinese and self.c.chance(0.4):
            return "".join(self.c.choice(texts.CHINESE) for _ in range(self.c.integer(1, 3)))
        return " ".join(self.c.choice(texts.RUSSIAN) for _ in range(self.c.integer(1, 3)))

    def block(self, tables: list[int], after: CleanBlock | None = None) -> CleanBlock:
        roll = self.c.integer(0, 99)
        if isinstance(after, CleanQuotation | CleanTable | CleanList) and roll < 32:
            roll = 99  # a set-off block follows text, not another one: two quotations in a row read as one
        if roll < 12:
            return CleanQuotation([self.paragraph(2, 6) for _ in range(self.c.integer(1, 2))])
        if roll < 20:
            tables.append(len(tables) + 1)
            return self.table(len(tables))
        if roll < 27:
            items = [self.sentence() for _ in range(self.c.integer(2, 4))]
            return CleanList(items, numbered=self.c.chance(0.5))
        if roll < 32:
            return CleanParagraph(self.foreign() + (self.note_ref() if self.c.chance(0.3) else ""))
        return CleanParagraph(self.paragraph())

    def table(self, number: int) -> CleanTable:
        header = list(self.c.choice(texts.TABLE_HEADERS))
        rows = []
        for _ in range(self.c.integer(2, 5)):
            row = [str(self.c.integer(1950, 1969))]
            row += [
                str(self.c.integer(1, 900)) if self.c.chance(0.5) else self.c.choice(texts.TABLE_WORDS)
                for _ in header[1:]
            ]
            rows.append(row)
        caption = f"Table {number}. {self.c.choice(texts.TABLE_TOPICS)}"
        source = f"Source: *{self.c.choice(texts.BOOKS)}*, {self.c.integer(10, 300)}." if self.c.chance(0.7) else ""
        return CleanTable(caption, header, rows, source)

    def heading_title(self) -> str:
        roll = self.c.integer(0, 99)
        if roll < 10:
            return self.c.choice(texts.RUSSIAN_HEADINGS)
        if roll < 18 and self.chinese:
            return self.c.choice(texts.CHINESE_HEADINGS)
        words = [self.c.choice(texts.ADJECTIVES), self.c.choice(texts.NOUNS)]
        if self.c.chance(0.5):
            words += ["and", "the", self.c.choice(texts.NOUNS)]
        title = " ".join(words)
        return title[0].upper() + title[1:]

    def sections(self, numbering: Callable[[int], str], count: int, untitled_opening: bool) -> list[CleanSection]:
        tables: list[int] = []
        sections = []
        if untitled_opening:
            sections.append(
                CleanSection("", "", [CleanParagraph(self.paragraph()) for _ in range(self.c.integer(1, 2))])
            )
        for index in range(1, count + 1):
            blocks: list[CleanBlock] = [CleanParagraph(self.paragraph())]
            for _ in range(self.c.integer(1, 4)):
                blocks.append(self.block(tables, blocks[-1]))
            sections.append(CleanSection(numbering(index), self.heading_title(), blocks))
            if self.c.chance(0.2):
                sub = [CleanParagraph(self.paragraph()) for _ in range(self.c.integer(1, 2))]
                sections.append(CleanSection(f"{numbering(index)}.1", self.heading_title(), sub))
        return sections

    def title(self) -> str:
        place = self.c.choice(texts.PLACES)
        nouns = self.c.choice(texts.NOUNS).capitalize()
        year = self.c.integer(1945, 1991)
        patterns = [
            f"{nouns} in {place}: The {self.c.choice(texts.ADJECTIVES).capitalize()} {self.c.choice(texts.NOUNS).capitalize()} of {year}",
            f"The {self.c.choice(texts.ADJECTIVES).capitalize()} {nouns}, {year}–{year + self.c.integer(1, 12)}",
            f"{nouns} and {self.c.choice(texts.NOUNS).capitalize()} in the Sino-Soviet Alliance",
        ]
        return self.c.choice(patterns)


def _initials(name: str) -> str:
    first, _, last = name.rpartition(" ")
    return f"{first[0]}. {last}" if first else name


def generate_document(c: Chooser, kind: Kind, *, chinese: bool | None = None) -> CleanDocument:
    """A clean document of this kind, every choice made by `c`."""
    w = _Writer(c, has_cjk_font() if chinese is None else chinese, {})
    number = c.integer(1, 24)
    year = c.integer(2001, 2023)
    authors = [c.choice(texts.AUTHORS) for _ in range(c.integer(1, 2 if kind != "article" else 3))]
    authors = list(dict.fromkeys(authors))
    if kind == "chapter":
        doc = CleanDocument(title=w.title(), authors=authors)
        if c.chance(0.7):
            doc.label = f"CHAPTER {number}"
        if c.chance(0.35):
            doc.epigraph = CleanEpigraph(w.sentence(noted=False), f"{c.choice(texts.PEOPLE)}, {c.integer(1930, 1976)}")
        if c.chance(0.8):
            doc.copyright = f"© The Author(s) {year}"
        if c.chance(0.7):
            editors = " and ".join(_initials(c.choice(texts.AUTHORS)) for _ in range(c.integer(1, 2)))
            doc.book_line = (
                f"{editors} (eds.), *{c.choice(texts.BOOK_TITLES)}*, Cold War Series, "
                f"https://doi.org/10.1007/978-3-030-{c.integer(10000, 99999)}-{c.integer(0, 9)}_{number}"
            )
        doc.sections = w.sections(lambda i: f"{number}.{i}", c.integer(1, 3), untitled_opening=c.chance(0.6))
    elif kind == "article":
        doc = CleanDocument(title=w.title(), authors=authors)
        if c.chance(0.5):
            doc.front.append(f"Received: {c.integer(1, 28)} March {year} / Accepted: {c.integer(1, 28)} June {year}")
        if c.chance(0.6):
            keywords = " · ".join(dict.fromkeys(c.choice(texts.KEYWORDS) for _ in range(4)))
            abstract = " ".join(w.sentence(noted=False) for _ in range(c.integer(2, 4)))
            doc.front += ["Abstract", abstract, f"Keywords {keywords}"]
        if c.chance(0.7):
            doc.copyright = c.choice([f"© The Author(s) {year}", f"© Springer Nature {year}"])
        if c.chance(0.4):
            doc.book_line = (
                f"{c.choice(texts.JOURNALS)}, https://doi.org/10.1007/s{c.integer(10000, 99999)}-0{c.integer(10, 99)}"
            )
        doc.sections = w.sections(str, c.integer(2, 4), untitled_opening=False)
        if c.chance(0.3):
            entries = [
                CleanParagraph(
                    f"{c.choice(texts.AUTHORS)}. {c.integer(1995, 2021)}. *{c.choice(texts.BOOKS)}*. {c.choice(texts.PUBLISHERS)}."
                )
                for _ in range(c.integer(2, 4))
            ]
            doc.sections.append(CleanSection("", "References", entries, "references"))
    elif kind == "paper":
        w.long_notes = 0.35
        doc = CleanDocument(title=w.title(), authors=authors[:1])
        if c.chance(0.3):
            doc.front.append(f"Translated by {c.choice(texts.TRANSLATORS)}")
        doc.sections = w.sections(str, c.integer(2, 4), untitled_opening=c.chance(0.3))
    else:
        first, second = c.choice(texts.PEOPLE), c.choice(texts.PEOPLE)
        what = c.choice(["Record of Conversation between", "Memorandum of Conversation between", "Letter from"])
        join = "to" if what == "Letter from" else "and"
        doc = CleanDocument(title=f"{what} {first} {join} {second}")
        if c.chance(0.7):
            doc.label = f"Document {number}"
        doc.front.append(c.choice(texts.ARCHIVES_RU) if c.chance(0.5) else c.choice(texts.ARCHIVES_EN))
        doc.front.append(c.choice(texts.DATELINES))
        if c.chance(0.6):
            doc.front.append(f"Translated by {c.choice(texts.TRANSLATORS)}")
        blocks: list[CleanBlock] = []
        for _ in range(c.integer(3, 7)):
            if c.chance(0.35):
                blocks.append(CleanParagraph(f"**{c.choice([first, second])}:** {w.paragraph(1, 4)}"))
            elif c.chance(0.15):
                blocks.append(CleanParagraph(w.foreign()))
            elif c.chance(0.1) and not (blocks and isinstance(blocks[-1], CleanQuotation)):
                blocks.append(CleanQuotation([w.paragraph(2, 4)]))
            else:
                blocks.append(CleanParagraph(w.paragraph()))
        if c.chance(0.4):
            blocks.append(CleanLines(["Ambassador of the USSR in the PRC", _initials(c.choice(texts.PEOPLE))]))
        heading = c.choice(texts.RUSSIAN_HEADINGS) if c.chance(0.25) else ""
        doc.sections = [CleanSection("", heading, blocks)]
    doc.notes = dict(w.notes)
    return doc


def generate_layout(c: Chooser, kind: Kind, title: str = "") -> Layout:
    """A layout suited to this kind of document, every choice made by `c`."""
    first_page = c.choice((1, 17, 109, 233, 401))
    style = c.choice(("arabic", "arabic", "arabic", "roman", "page", "dashes"))
    if style == "roman":
        first_page = c.choice((1, 5, 11))
    heads_by_kind = {
        "chapter": ("book", "book", "none", "journal"),
        "article": ("journal", "journal", "none", "book"),
        "paper": ("paper", "paper", "none"),
        "document": ("book", "paper", "none", "journal"),
    }
    paper_by_kind = {
        "chapter": ("a5", "a5", "iso-b5"),
        "article": ("iso-b5", "us-letter"),
        "paper": ("a4", "us-letter"),
        "document": ("a5", "a4", "iso-b5"),
    }
    recto = "" if len(title) < 60 or c.chance(0.3) else title.split(":", maxsplit=1)[0][:60]
    return Layout(
        paper=c.choice(paper_by_kind[kind]),
        heads=c.choice(heads_by_kind[kind]),
        book_title=c.choice(texts.BOOK_TITLES),
        recto_head=recto,
        journal_head=c.choice(texts.JOURNALS),
        paper_head=f"COLD WAR HISTORY PROJECT WORKING PAPER NO. {c.integer(1, 99)}",
        numbers=c.choice(("top", "top", "bottom", "none")),
        number_style=style,
        first_page=first_page,
        first_page_head=c.chance(0.2),
        first_page_number_at_foot=c.chance(0.7),
        hyphenate=c.chance(0.5),
        justify=c.chance(0.8),
        font=c.choice(("Libertinus Serif", "Libertinus Serif", "New Computer Modern")),
        font_size=c.choice((10, 9.5, 10.5, 11)),
        indent=c.chance(0.6),
    )


@st.composite
def documents(draw: st.DrawFn, kind: Kind | None = None) -> CleanDocument:
    """A generated clean document (of a kind drawn, unless given)."""
    chooser = DrawChooser(draw)
    return generate_document(chooser, kind or chooser.choice(KINDS))


@st.composite
def layouts(draw: st.DrawFn, kind: Kind = "chapter") -> Layout:
    """A layout for a kind of document."""
    return generate_layout(DrawChooser(draw), kind)


@dataclass(frozen=True)
class GeneratedCase:
    """A generated document, the kind it was generated as, and its layout."""

    kind: Kind
    document: CleanDocument
    layout: Layout


@st.composite
def typeset_cases(draw: st.DrawFn, chinese: bool | None = None) -> GeneratedCase:
    """A document and a layout that suits its kind (Chinese in it where `chinese`; None: where a font is)."""
    chooser = DrawChooser(draw)
    kind = chooser.choice(KINDS)
    document = generate_document(chooser, kind, chinese=chinese)
    return GeneratedCase(kind, document, generate_layout(chooser, kind, document.title))


def seeded_case(seed: int, kind: Kind, *, chinese: bool = True, **layout_changes: object) -> GeneratedCase:
    """The document and layout a seed gives for `kind`, with layout fields changed as given (for golden cases)."""
    chooser = RandomChooser(seed)
    document = generate_document(chooser, kind, chinese=chinese)
    layout = replace(generate_layout(chooser, kind, document.title), **layout_changes)  # type: ignore[arg-type]
    return GeneratedCase(kind, document, layout)


__all__ = [
    "KINDS",
    "Chooser",
    "DrawChooser",
    "GeneratedCase",
    "RandomChooser",
    "documents",
    "generate_document",
    "generate_layout",
    "layouts",
    "seeded_case",
    "typeset_cases",
]
