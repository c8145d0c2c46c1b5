"""The golden cases: clean documents and layouts typeset and extracted once, stored in `tests/fixtures/typeset/`.

Each case folder holds `document.yml` (the clean document), `layout.yml`,
`document.typ` (what `typeset.typst_writer.to_typst` wrote; for a case set by
LaTeX, `document.tex` from `typeset.latex_writer.to_latex`), `document.pdf`
(what the typesetter made of it), `pymupdf4llm.md` and `chars.md` (the two Markdown
extractions, `typeset.extract`) and `pdfminer.txt` (the plain-text one). The fast test reads the stored extractions and needs no
typesetting or extraction; `pytest --update` (or `python -m typeset.cases` run
from `tests/`) writes them again.

The cases: the project's own texts in one or two layouts each (long ones cut
to a few sections, their notes kept), and generated documents picked for what
they hold: book, journal and working-paper layouts, numbers at the top and the
foot, roman and "Page N" numbers, an epigraph, tables, a quotation across a
page break, a note continued on the next page, Cyrillic and Chinese headings;
and a few set by LaTeX: a first-page footer under the footnotes, a footnote
LaTeX continues on the next page, words hyphenated with a plain hyphen.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from typeset import document as document_yaml
from typeset import layout as layout_yaml
from typeset.compare import block_texts
from typeset.corpus import ROOT, clean_text
from typeset.document import CleanDocument, CleanSection
from typeset.extract import page_count
from typeset.layout import Layout
from typeset.strategies import Kind, seeded_case

FIXTURES = ROOT / "tests" / "fixtures" / "typeset"
PLAIN_TEXT = "pdfminer.txt"
"""The plain-text extraction's file (`typeset.extract.pdfminer_text`)."""
FILES = ("document.yml", "layout.yml", "document.pdf", "pymupdf4llm.md", "chars.md", PLAIN_TEXT)
"""The files of every case, besides the typesetter's source (`SOURCES`)."""
SOURCES = {"typst": "document.typ", "latex": "document.tex"}
"""The source file each typesetter's case keeps."""


@dataclass(frozen=True)
class Case:
    """A golden case: its folder's name, what it holds, and how its document and layout are made."""

    name: str
    description: str
    build: Callable[[], tuple[CleanDocument, Layout]]
    typesetter: str = "typst"

    @property
    def folder(self) -> Path:
        return FIXTURES / self.name

    @property
    def source_name(self) -> str:
        """The typesetter's source file in the case's folder."""
        return SOURCES[self.typesetter]

    def write_source(self, doc: CleanDocument, layout: Layout) -> str:
        """The typesetter's source for the document in the layout."""
        from typeset import latex_writer, typst_writer  # noqa: PLC0415

        return latex_writer.to_latex(doc, layout) if self.typesetter == "latex" else typst_writer.to_typst(doc, layout)


def excerpt(doc: CleanDocument, first: int, last: int, blocks: int | None = None) -> CleanDocument:
    """The document with only its sections `first` to `last` (0-based, inclusive), the last one cut to its
    first `blocks` blocks if given, and the notes they mark."""
    sections = copy.deepcopy(doc.sections[first : last + 1])
    if blocks is not None:
        sections[-1].blocks = sections[-1].blocks[:blocks]
    marked = " ".join(text for section in sections for text in [section.title, *_texts(section)])
    notes = {key: text for key, text in doc.notes.items() if f"[^{key}]" in marked or f"[^{key}]" in doc.title}
    return replace(doc, sections=sections, notes=notes, back=doc.back if last >= len(doc.sections) - 1 else [])


def _texts(section: CleanSection) -> list[str]:
    return [text for block in section.blocks for text in block_texts(block)]


Cut = tuple[int, int] | tuple[int, int, int]
"""Sections first to last, perhaps with the last one's first blocks only (see `excerpt`)."""


def _text(folder: str, layout: Layout, cut: Cut | None = None) -> Callable[[], tuple[CleanDocument, Layout]]:
    def build() -> tuple[CleanDocument, Layout]:
        doc = clean_text(ROOT / folder)
        return (excerpt(doc, *cut) if cut else doc), layout

    return build


def _generated(
    seed: int, kind: Kind, cut: Cut | None = None, *, chinese: bool = True, **changes: object
) -> Callable[[], tuple[CleanDocument, Layout]]:
    def build() -> tuple[CleanDocument, Layout]:
        case = seeded_case(seed, kind, chinese=chinese, **changes)
        return (excerpt(case.document, *cut) if cut else case.document), case.layout

    return build


FORMATS = "tests/roots/formats/texts"
CASES = [
    Case(
        "radchenko-2020-journal",
        "The shipped article, sections 1–2 with the title page, in a B5 journal: head and number at the top.",
        _text(
            "texts/radchenko-2020",
            Layout(paper="iso-b5", heads="journal", journal_head="Asia Europe Journal 18(2)", first_page=139),
            (0, 1, 3),
        ),
    ),
    Case(
        "radchenko-2020-paper",
        "The shipped article's conclusion and reference list, A4, working-paper head, 'Page N' at the foot.",
        _text(
            "texts/radchenko-2020",
            Layout(paper="a4", heads="paper", numbers="bottom", number_style="page", first_page=7, indent=False),
            (4, 5, 5),
        ),
    ),
    Case(
        "shen-2020-front-matter-book",
        "The shipped front matter (series page, title page, imprint, preface), A5 book, roman numbers at the foot.",
        _text(
            "texts/shen-2020-front-matter",
            Layout(
                numbers="bottom",
                number_style="roman",
                first_page=1,
                heads="book",
                book_title="A Short History of Sino-Soviet Relations, 1917–1991",
                recto_head="Preface",
            ),
            (0, 0, 4),
        ),
    ),
    Case(
        "lin-2020-bargaining-book",
        "A chapter (label, © and book line at the foot, endnotes as footnotes), A5 book heads, hyphenated.",
        _text(f"{FORMATS}/lin-2020-bargaining", Layout(first_page=109, hyphenate=True)),
    ),
    Case(
        "zhou-2020-border-talks-b5",
        "A chapter with a marked title note and a works-cited list, B5 book, numbers at the foot.",
        _text(
            f"{FORMATS}/zhou-2020-border-talks", Layout(paper="iso-b5", numbers="bottom", first_page=233, justify=False)
        ),
    ),
    Case(
        "documents-1957-nuclear-paper",
        "Two documents whose notes start again at 1, A4 working paper, 'Page N' at the foot.",
        _text(
            f"{FORMATS}/documents-1957-nuclear",
            Layout(paper="a4", heads="paper", numbers="bottom", number_style="page", first_page=12),
        ),
    ),
    Case(
        "record-1959-conversation-dashes",
        "A record of conversation (archive reference, date line, translator, insertions), no heads, '— N —' at the foot.",
        _text(
            f"{FORMATS}/record-1959-conversation",
            Layout(heads="none", numbers="bottom", number_style="dashes", first_page=41),
        ),
    ),
    Case(
        "petrova-2021-ideology-letter",
        "An article with two authors, an abstract and keywords, notes after rules, US Letter journal, ragged right.",
        _text(
            f"{FORMATS}/petrova-2021-ideology", Layout(paper="us-letter", heads="journal", justify=False, first_page=57)
        ),
    ),
    Case(
        "reader-2026-border-journal",
        "The third text (contact block, licence statement, references), B5 journal with numbers on the first page too.",
        _text(
            "tests/roots/third-text/texts/reader-2026-border",
            Layout(paper="iso-b5", heads="journal", first_page=1, first_page_head=True),
        ),
    ),
    Case(
        "gen-chapter-epigraph",
        "A generated chapter: label, epigraph, © and book line, quotations, A5 book heads.",
        _generated(
            23, "chapter", (0, 1), heads="book", numbers="top", number_style="arabic", first_page=109, paper="a5"
        ),
    ),
    Case(
        "gen-article-table",
        "A generated journal article with received dates, abstract, keywords and a ruled table, B5 journal.",
        _generated(23, "article", heads="journal", numbers="top", number_style="arabic", paper="iso-b5"),
    ),
    Case(
        "gen-paper-roman",
        "A generated working paper with long notes (one runs on to the next page) and lists, A4, roman numbers.",
        _generated(6, "paper", (0, 2), heads="paper", numbers="bottom", number_style="roman", first_page=3, paper="a4"),
    ),
    Case(
        "gen-document-russian",
        "A generated archival document: 'Document N', Russian archive reference, date line, translator, speakers.",
        _generated(23, "document", heads="none", numbers="bottom", number_style="arabic", paper="a5"),
    ),
    Case(
        "gen-chapter-chinese",
        "A generated chapter with Chinese and Russian headings and passages, A5 book, hyphenated, numbers at the foot.",
        _generated(8, "chapter", (0, 1), heads="book", numbers="bottom", hyphenate=True, paper="a5"),
    ),
    Case(
        "gen-article-quotation-break",
        "A generated article whose block quotation runs across a page break, B5, journal head.",
        _generated(11, "article", heads="journal", numbers="top", paper="iso-b5"),
    ),
    Case(
        "latex-chapter-footer-under-notes",
        "A generated chapter set by LaTeX: © and book line printed under the footnotes, a bold italic heading, roman heads.",
        _generated(4, "chapter", chinese=False),
        "latex",
    ),
    Case(
        "latex-chapter-note-continued",
        "A generated chapter set by LaTeX: a footnote it continues at the next page's foot, 'Page N' at the foot, hyphenated.",
        _generated(3000, "chapter", chinese=False),
        "latex",
    ),
    Case(
        "latex-article-references-roman",
        "A generated article set by LaTeX: a reference list under a journal head, roman numbers at the foot.",
        _generated(1237, "article", chinese=False),
        "latex",
    ),
    Case(
        "latex-lin-2020-bargaining",
        "The lin chapter set by LaTeX: label, © and book line, roman numbers, hyphenated with plain hyphens.",
        _text(f"{FORMATS}/lin-2020-bargaining", Layout(first_page=109, hyphenate=True)),
        "latex",
    ),
]
"""The golden cases, in the order the test runs them."""


def write_case(case: Case) -> None:
    """Typeset and extract one case again, writing its folder."""
    from typeset import latex_writer, typst_writer  # noqa: PLC0415
    from typeset.extract import extractions, pdfminer_text  # noqa: PLC0415 - the slow, AGPL half: only when writing

    if not typst_writer.has_cjk_font():
        raise RuntimeError("the golden cases hold Chinese: install a CJK font first (Debian: fonts-droid-fallback)")
    doc, layout = case.build()
    markup = case.write_source(doc, layout)
    pdf = (latex_writer if case.typesetter == "latex" else typst_writer).compile_pdf(markup)
    case.folder.mkdir(parents=True, exist_ok=True)
    (case.folder / "document.yml").write_text(document_yaml.dump(doc), encoding="utf-8")
    (case.folder / "layout.yml").write_text(layout_yaml.dump(layout), encoding="utf-8")
    (case.folder / case.source_name).write_text(markup, encoding="utf-8")
    (case.folder / "document.pdf").write_bytes(pdf)
    for name, text in {**extractions(pdf), PLAIN_TEXT: pdfminer_text(pdf)}.items():
        (case.folder / name).write_text(text, encoding="utf-8")


@dataclass
class Stored:
    """A case as stored: its clean document, layout, typesetter's source and extractions by file name."""

    document: CleanDocument
    layout: Layout
    markup: str
    extractions: dict[str, str]
    pages: int


def load_case(case: Case) -> Stored:
    """Read a case's folder."""
    folder = case.folder
    missing = [name for name in (*FILES, case.source_name) if not (folder / name).exists()]
    if missing:
        raise FileNotFoundError(f"{folder} lacks {', '.join(missing)}: run pytest --update to write it")
    return Stored(
        document_yaml.load((folder / "document.yml").read_text(encoding="utf-8")),
        layout_yaml.load((folder / "layout.yml").read_text(encoding="utf-8")),
        (folder / case.source_name).read_text(encoding="utf-8"),
        {name: (folder / name).read_text(encoding="utf-8") for name in ("pymupdf4llm.md", "chars.md", PLAIN_TEXT)},
        page_count((folder / "document.pdf").read_bytes()),
    )


def main(names: list[str]) -> None:
    """Write the named cases again (all of them when none is named)."""
    chosen = [case for case in CASES if not names or case.name in names]
    unknown = set(names) - {case.name for case in CASES}
    if unknown:
        raise SystemExit(f"no such case: {', '.join(sorted(unknown))}")
    for case in chosen:
        write_case(case)
        print(f"wrote {case.folder.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
