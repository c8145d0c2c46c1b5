"""The document model: what a raw text becomes after ingest.

Design notes. Ingest works on one flat list of blocks (`Document.blocks`): the
splitter fills it with `RawBlock`s, and each transform replaces some of them
with typed blocks or moves them into `Document.metadata`, `Document.front` or
`Document.notes`. The last structural transform (`sectionize`) groups what is
left into `Section`s, after which `Document.blocks` is empty. Every block keeps
the source line it started on, so that any later stage can report a problem as
`file:line`.

Inline text (paragraphs, notes, list items) is stored as Markdown, the way the
source writes it, except that note markers are normalised to `[^N]` and that a
page break of the printed source that falls inside a paragraph stands in it as
`page_mark(number)` (`{pb:117}`: a brace never comes from a source, which
`marginalia.inert` escapes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

SectionKind = Literal["prose", "notes", "references", "contents", "contributors", "abbreviations"]
"""What a section holds; decides how it is parsed and rendered."""


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in a text's data, reported as `path:line: message`.

    Attributes:
        path: The file the problem is in, as given to ingest.
        line: The 1-based line, or None when the problem concerns the whole file.
        message: What is wrong and what to do about it.
        code: A stable category, e.g. `note-missing`, for filtering and tests.
    """

    path: str
    line: int | None
    message: str
    code: str

    def relative_to(self, root: Path) -> Diagnostic:
        """The same diagnostic with its path relative to `root` (when it lies below it)."""
        path = Path(self.path)
        if not path.is_absolute() or not path.is_relative_to(root):
            return self
        return Diagnostic(str(path.relative_to(root)), self.line, self.message, self.code)

    def __str__(self) -> str:
        """`path:line: message`."""
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


@dataclass
class RawBlock:
    """Lines between blank lines, as the splitter found them.

    Attributes:
        line: The 1-based source line of the first line.
        lines: The lines, without line ends (trailing spaces kept).
    """

    line: int
    lines: list[str]

    @property
    def text(self) -> str:
        """The block's lines joined by newlines."""
        return "\n".join(self.lines)

    @property
    def has_hard_breaks(self) -> bool:
        """Whether a line ends with two spaces (a Markdown hard line break)."""
        return any(line.endswith("  ") for line in self.lines[:-1])


@dataclass
class Heading:
    """A `#` heading in the source, before it becomes a `Section`."""

    line: int
    level: int
    text: str


@dataclass
class NoteText:
    """A note's text as found in the flow (`<sup>N</sup> text` or `N. text`).

    `mark` is what the extraction set it apart with: `>` (as a quotation, `> N`), `-` (as a list's item, `- N`) or "".
    """

    line: int
    label: str
    text: str
    mark: str = ""


@dataclass
class PageBreak:
    """Where notes, a rule, a metadata block or page furniture interrupted the running text.

    Attributes:
        line: The source line.
        page: The printed number of the page that begins here ("117", "xii"), where the source prints
            its page numbers; "" otherwise.
        page_foot: Whether a first-page footer stood here: its page ends here, whether or not pages are numbered.
        page_top: Whether page furniture stood here (a running head, a page number): a page begins here, whether
            or not it prints its number.
    """

    line: int
    page: str = ""
    page_foot: bool = False
    page_top: bool = False


PAGE_MARK = re.compile(r"\{pb:([^{}\s]*)\}")
"""A page break of the printed source inside a paragraph's text: `{pb:117}`."""


def page_mark(page: str) -> str:
    """The mark of a page break before page `page`, as it stands in a paragraph's text."""
    return f"{{pb:{page}}}"


def without_page_marks(text: str) -> str:
    """A paragraph's text without its page-break marks, as the source's words read."""
    return PAGE_MARK.sub("", text)


SpanKind = Literal["citation", "unresolved-citation", "mention"]
"""What annotation found in a stretch of text: a citation of a bibliography entry, a citation no entry matches,
a mention of a glossary entry."""


@dataclass(frozen=True)
class Span:
    """A stretch of a paragraph's or a note's text that annotation gave a meaning (`marginalia.annotate`).

    The text itself is never rewritten: rendering reads the spans beside it.

    Attributes:
        start: Where it starts in the item's text.
        end: Where it ends.
        kind: What it is.
        target: The bibliography key cited or the glossary entry mentioned; "" for an unresolved citation.
        title: What a reader sees on pointing at it: the formatted reference, the entry's card, or why a
            citation is unresolved.
        locator: A citation's pages or other locator, as printed, or "".
        sic: Whether a citation goes through an alias that marks the source's error (`[sic]`); its preview says why.
    """

    start: int
    end: int
    kind: SpanKind
    target: str
    title: str
    locator: str = ""
    sic: bool = False


@dataclass
class Paragraph:
    """A paragraph of running text, rejoined across page breaks.

    Attributes:
        line: The source line it starts on.
        text: Inline Markdown, note markers as `[^N]`.
        number: Its permalink number (`p-N`), unique within the text; 0 until numbered.
        spans: What annotation found in `text`, in order, none overlapping; empty before annotation.
    """

    line: int
    text: str
    number: int = 0
    spans: tuple[Span, ...] = ()


@dataclass
class LineGroup:
    """Lines whose breaks are meaningful (hard breaks), kept as lines.

    Used for imprint blocks, addresses and signatures.
    """

    line: int
    lines: list[str]


@dataclass
class Quotation:
    """A block quotation, as extractions mark it (`>` lines), whole across page breaks.

    Attributes:
        line: The source line it starts on.
        paragraphs: Its paragraphs, numbered with the text's paragraphs.
        attribution: The line under it naming its source ("Mao Zedong, 1957", printed after a dash), or "".
    """

    line: int
    paragraphs: list[Paragraph]
    attribution: str = ""


@dataclass
class Table:
    """A table as extractions print it: a caption line, a pipe table, a source line.

    Attributes:
        line: The source line of its first line (the caption's, when it has one).
        caption: "Table 1. Soviet loans to China, 1950–1957" (inline Markdown), or "".
        header: The header row's cells.
        rows: The body rows' cells.
        note: The line under it ("Source: …"), or "".
    """

    line: int
    caption: str
    header: list[str]
    rows: list[list[str]]
    note: str = ""


@dataclass
class Signature:
    """A signature block closing a section (place, date, name)."""

    line: int
    lines: list[str]


@dataclass
class Reference:
    """One entry of a text's reference list, as printed (Markdown)."""

    line: int
    text: str


@dataclass
class ContentsEntry:
    """One line of a table of contents.

    Attributes:
        line: The source line.
        kind: `part`, `chapter` or `matter` (preface, index and the like).
        label: "Part II", "7" or "" for matter.
        title: The entry's title, without markup.
        page: The printed page ("v", "109"), or "".
        authors: Names printed with a chapter.
    """

    line: int
    kind: Literal["part", "chapter", "matter"]
    label: str
    title: str
    page: str
    authors: list[str] = field(default_factory=list)


@dataclass
class Contributor:
    """A person in the notes on contributors.

    Attributes:
        line: The source line.
        name: The name as printed in bold.
        bio: The rest of the entry (Markdown), beginning with the verb ("is Professor …").
        affiliation: The institution named in the first sentence, derived from `bio`.
    """

    line: int
    name: str
    bio: str
    affiliation: str


@dataclass
class Abbreviation:
    """An abbreviation and its expansion, from an abbreviations list (Markdown)."""

    line: int
    abbreviation: str
    expansion: str


Block = (
    RawBlock
    | Heading
    | NoteText
    | PageBreak
    | Paragraph
    | LineGroup
    | Signature
    | Quotation
    | Table
    | Reference
    | ContentsEntry
    | Contributor
    | Abbreviation
)


@dataclass
class Section:
    """A titled part of a text.

    Attributes:
        line: The line of its heading.
        title: The heading text without its number.
        number: The printed section number ("1"), or "".
        kind: How its blocks are to be read.
        blocks: Its content, in source order.
        source_level: The heading level the source used (normalised away in output).
        notes: The keys of the notes whose markers the heading carries (taken out of `title`).
    """

    line: int
    title: str
    number: str
    kind: SectionKind
    blocks: list[Block] = field(default_factory=list)
    source_level: int = 2
    notes: list[str] = field(default_factory=list)

    def paragraphs(self) -> list[Paragraph]:
        """Its paragraphs, those of its quotations included, in order."""
        return [
            p
            for b in self.blocks
            for p in (b.paragraphs if isinstance(b, Quotation) else [b])
            if isinstance(p, Paragraph)
        ]

    @property
    def heading(self) -> str:
        """The heading as printed: number and title."""
        return f"{self.number} {self.title}" if self.number else self.title


@dataclass
class Note:
    """An author's note, attached to its marker `[^label]`.

    Attributes:
        line: The source line of the note's text.
        label: The printed number.
        text: Inline Markdown.
        spans: What annotation found in `text` (see `Paragraph.spans`).
    """

    line: int
    label: str
    text: str
    spans: tuple[Span, ...] = ()


@dataclass
class LabelledValue:
    """A metadata value with the label the source printed before it ("Received")."""

    line: int
    label: str
    value: str


@dataclass
class Person:
    """A name printed in a byline, with its role or affiliation marker.

    Attributes:
        line: The source line.
        name: The name as printed.
        role: The role printed with it ("Editor"), or "".
        marker: The affiliation marker printed after it ("1"), or "".
        affiliation: Address lines printed under it.
    """

    line: int
    name: str
    role: str = ""
    marker: str = ""
    affiliation: list[str] = field(default_factory=list)


@dataclass
class Metadata:
    """What the source says about itself, outside the running text.

    Every field holds source text (so that no word is lost); parsed forms are
    derived from these where needed.
    """

    title: str = ""
    title_line: int = 0
    title_notes: list[str] = field(default_factory=list)
    """The keys of the notes whose markers the title carries (taken out of `title`): an author's thanks, say."""
    translated_title: str = ""
    """A line under the title that gives it in another script: the English of a Russian or Chinese title."""
    translated_title_line: int = 0
    label: str = ""
    """A line printed above the title: "CHAPTER 7", "Part II", "Document 3"."""
    label_line: int = 0
    people: list[Person] = field(default_factory=list)
    """Bylines: authors and editors as printed on the title page."""
    dates: list[LabelledValue] = field(default_factory=list)
    copyright: list[LabelledValue] = field(default_factory=list)
    """© lines; the label is "©"."""
    abstract: list[Paragraph] = field(default_factory=list)
    abstract_label: str = ""
    keywords: list[str] = field(default_factory=list)
    keywords_label: str = ""
    contact: list[LabelledValue] = field(default_factory=list)
    """The correspondence block: the ✉ name and e-mail address."""
    affiliations: list[LabelledValue] = field(default_factory=list)
    """Affiliation addresses; the label is the marker they answer to."""
    license_statement: str = ""
    license_line: int = 0
    translators: list[LabelledValue] = field(default_factory=list)
    isbns: list[LabelledValue] = field(default_factory=list)
    """ISBNs; the label is "ISBN" with the qualifier printed after the number, if any ("ISBN (eBook)")."""
    doi: str = ""
    doi_line: int = 0
    archive: list[LabelledValue] = field(default_factory=list)
    """A document's heading block: its archive reference, the place and date it bears, and lines with a
    bold label (`**Source:** …`, the label kept as `label`)."""
    reviewed: list[LabelledValue] = field(default_factory=list)
    """A review's header citing the reviewed work (author, title, publisher, pages, price, ISBN)."""
    footer: list[LabelledValue] = field(default_factory=list)
    """First-page footer lines other than © and a bare DOI, e.g. the chapter's citation in its book."""
    series: Section | None = None
    """A series blurb printed before the title page."""
    epigraphs: list[Quotation] = field(default_factory=list)
    """Quotations printed under the title, each with its attribution."""


@dataclass
class EditorialNote:
    """An editor's note anchored to a quoted passage of the source.

    Anchors follow the W3C text-quote selector: the exact text plus a little
    context before (`prefix`) and after (`suffix`), so an anchor survives
    changes elsewhere in the text and cannot silently attach to the wrong
    occurrence.

    Attributes:
        line: The line of the note in `editorial.yml`.
        exact: The quoted passage.
        prefix: Text just before the passage.
        suffix: Text just after the passage.
        note: The editor's note (Markdown).
        number: Its number within the text (1, 2, …).
    """

    line: int
    exact: str
    prefix: str
    suffix: str
    note: str
    number: int = 0


@dataclass
class Page:
    """A page of the printed source, known from its furniture: running heads and page numbers.

    Attributes:
        line: The source line of its first furniture line (or 1, for the first page).
        number: Its printed number ("117", "xii"), or "" where no number shows it.
        furniture: The lines ingest took out of the text at this page break (heads, numbers), as printed.
    """

    line: int
    number: str
    furniture: list[str] = field(default_factory=list)


@dataclass
class Repair:
    """A change ingest made to the source's text, listed for editors.

    Attributes:
        line: The source line where it happened.
        kind: `dehyphenate` (hyphen dropped), `keep-hyphen` (a compound kept whole), `rejoin`, or `duplicate` (a
            line the extraction printed twice, dropped).
        detail: What was joined, e.g. "addi-|tion", or what was dropped and what it repeats.
    """

    line: int
    kind: Literal["dehyphenate", "keep-hyphen", "rejoin", "duplicate"]
    detail: str


@dataclass
class Document:
    """A text after ingest.

    Attributes:
        slug: The text's folder name.
        path: The source file, for messages.
        metadata: What the source says about itself.
        front: Title-page and imprint blocks not otherwise recognised.
        sections: The text's sections in order.
        notes: Author's notes by label, each attached to its one marker.
        unattached_notes: Notes with no marker or a duplicate number (warned, still shown).
        editorial: The editor's notes.
        repairs: Joins made across page breaks, and lines the extraction printed twice, dropped.
        pages: The printed source's pages, in order, where its furniture shows them; empty otherwise.
        declared_furniture: Lines `text.yml` says are page furniture (`TextMeta.furniture`), for ingest to remove.
        diagnostics: Problems found, in source order.
        blocks: The working list during ingest; empty afterwards.
    """

    slug: str
    path: Path
    metadata: Metadata = field(default_factory=Metadata)
    front: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    notes: dict[str, Note] = field(default_factory=dict)
    unattached_notes: list[Note] = field(default_factory=list)
    editorial: list[EditorialNote] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    declared_furniture: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    def warn(self, line: int | None, message: str, code: str) -> None:
        """Record a problem in this text's source at `line`."""
        self.diagnostics.append(Diagnostic(str(self.path), line, message, code))

    def paragraphs(self) -> list[Paragraph]:
        """All body paragraphs (those of quotations included), in order."""
        return [p for s in self.sections for p in s.paragraphs()]


def block_texts(block: Block) -> list[str]:
    """The source text a block holds, field by field (derived fields left out).

    Args:
        block: Any block of the model.

    Returns:
        Its text fields, in reading order.
    """
    match block:
        case Paragraph():
            return [without_page_marks(block.text)]
        case RawBlock() | Reference():
            return [block.text]
        case Quotation():
            return [*(without_page_marks(p.text) for p in block.paragraphs), block.attribution]
        case Table():
            return [block.caption, *block.header, *(cell for row in block.rows for cell in row), block.note]
        case Heading():
            return [block.text]
        case NoteText():
            return [block.label, block.text]
        case LineGroup() | Signature():
            return list(block.lines)
        case ContentsEntry():
            return [block.label, block.title, *block.authors, block.page]
        case Contributor():
            return [block.name, block.bio]
        case Abbreviation():
            return [block.abbreviation, block.expansion]
        case PageBreak():
            return []


def document_texts(doc: Document) -> list[str]:
    """Every piece of source text the document holds, each once.

    Used to check that ingest loses and duplicates no word, and to anchor
    editorial notes. Fields derived from others (a contributor's affiliation)
    are left out; labels the source printed ("Keywords", "Received") are in.

    Args:
        doc: An ingested document.

    Returns:
        The texts, roughly in reading order.
    """
    meta = doc.metadata
    texts = [meta.label, meta.title, meta.translated_title]
    for person in meta.people:
        texts += [person.name, person.role, person.marker, *person.affiliation]
    labelled = [*meta.dates, *meta.copyright, *meta.contact, *meta.affiliations, *meta.translators, *meta.isbns]
    for value in [*labelled, *meta.archive, *meta.reviewed, *meta.footer]:
        texts += [value.label, value.value]
    texts += [meta.abstract_label, *(p.text for p in meta.abstract), meta.keywords_label, *meta.keywords]
    texts += [meta.license_statement, meta.doi]
    texts += [t for quotation in meta.epigraphs for t in block_texts(quotation)]
    if meta.series is not None:
        texts.append(meta.series.heading)
        texts += [t for b in meta.series.blocks for t in block_texts(b)]
    texts += [t for b in doc.front for t in block_texts(b)]
    for section in doc.sections:
        texts.append(section.heading)
        texts += [t for b in section.blocks for t in block_texts(b)]
    for note in [*doc.notes.values(), *doc.unattached_notes]:
        texts += [note.label, note.text]
    texts += [line for page in doc.pages for line in page.furniture]
    return [t for t in texts if t]
