"""The item a reader's reference manager should make of a page, chosen once per page kind.

Every format a page offers (the Chicago reference, BibTeX, RIS, CSL-JSON and
the head tags) is written from one `Item` (see `marginalia.citing.formats`),
so that they cannot disagree. The kinds, and why:

| Page | Item |
|---|---|
| text reprinting a journal article, journal known | `article-journal`: the article as published |
| text reprinting an article, journal unknown | `webpage`: this reader's page, original author and date |
| landing page of a book or its front matter | `book`: editors, translators, series, publisher, ISBNs, DOI |
| part of a book (Preface, Contents …), chapter text | `chapter`: signed author or none, the book's editors |
| archival document | `manuscript`: archive and reference, date, translators |
| review, journal known | `article-journal`, reviewed work in the title |
| glossary, bibliography, home, guide | `webpage`: the site as website, the edition's date |

Fields `text.yml` leaves empty are taken from the text's own entry in `bib/`
(its `bibkey`), so a book's translators and series need not be typed twice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from marginalia.annotate import AnnotatedText
from marginalia.bibliography.entries import BibEntry, Name
from marginalia.calendar_names import MONTH_NUMBERS
from marginalia.model import ContentsEntry
from marginalia.numerals import ROMAN, roman_value, to_roman
from marginalia.textmeta import TextMeta, display_name

PRINTED_DATE = re.compile(r"^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$")
BOOK_TYPES = frozenset({"book", "edited-book", "book-front-matter"})
"""Text types whose landing page is the whole book."""
ARTICLE_TYPES = frozenset({"article", "review"})
"""Text types that reprint a periodical's piece: a journal article when the journal is known."""
WHOLE_TYPES = {"book": "book", "edited-book": "book", "book-front-matter": "book", "report": "report"}
WHOLE_TYPES |= {"thesis": "thesis"}
"""The CSL type of a whole text (`_whole`), by text type."""


@dataclass(frozen=True)
class Item:
    """One citable item, in CSL's vocabulary (what Zotero calls it is in `ZOTERO_TYPES`).

    Attributes:
        type: The CSL type: `article-journal`, `chapter`, `book`, `manuscript`, `report`, `thesis`, `webpage`
            (a page's), or `document`, `paper-conference` (a work of `bib/`, `marginalia.citing.works`).
        title: The title.
        url: The page's absolute URL.
        issued: The date it was issued: YYYY, YYYY-MM or YYYY-MM-DD.
        original_date: For a reprint, the original's date (same forms), else "".
        authors: Authors, as "Family, Given".
        editors: Editors, as "Family, Given".
        translators: Translators, as "Family, Given".
        container: The journal, the book, or the website.
        volume: The journal's volume.
        issue: The journal's issue.
        pages: Pages in the container, "109–122".
        publisher: The publisher (for a report, the institution; for a thesis, the university).
        place: The place of publication.
        series: The book series.
        doi: The DOI, bare.
        isbn: ISBNs.
        archive: For a manuscript, the archive.
        archive_location: For a manuscript, its reference in the archive.
    """

    type: str
    title: str
    url: str
    issued: str
    original_date: str = ""
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    translators: tuple[str, ...] = ()
    container: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    publisher: str = ""
    place: str = ""
    series: str = ""
    doi: str = ""
    isbn: tuple[str, ...] = ()
    archive: str = ""
    archive_location: str = ""


ZOTERO_TYPES = {
    "article-journal": "journalArticle",
    "chapter": "bookSection",
    "book": "book",
    "manuscript": "manuscript",
    "report": "report",
    "thesis": "thesis",
    "webpage": "webpage",
    "document": "document",
    "paper-conference": "conferencePaper",
}
"""The Zotero item type a reader gets for each CSL type."""


def site_page_item(*, title: str, url: str, site: str, date: dt.date) -> Item:
    """A page of the site's own (glossary, bibliography, home, guide): a web page of the site, no personal author."""
    return Item("webpage", title, url, date.isoformat(), container=site)


def text_page_item(
    text: AnnotatedText,
    entry: BibEntry | None,
    *,
    part_title: str,
    signed: bool,
    url: str,
    site: str,
    date: dt.date,
) -> Item:
    """The item for a page of a text.

    Args:
        text: The text.
        entry: The text's own entry in `bib/`, which fills what `text.yml` leaves empty.
        part_title: The part's title ("Preface"), or "" for the text's landing page.
        signed: Whether the part is signed by the text's authors (a preface), rather than the editors' work.
        url: The page's absolute URL.
        site: The site's name.
        date: The edition's date.

    Returns:
        The item.
    """
    meta = text.meta
    title = meta.title
    if meta.reviewed and meta.reviewed not in title:
        title = f"{title} [review of {meta.reviewed}]"
    if part_title and meta.type not in BOOK_TYPES:
        title = f"{title}: {part_title}"  # a part of one text that is not a book: "Title: Part"
    page = _Page(text, _Work(meta, entry), title, part_title, signed, url, site, date)
    if part_title and meta.type in BOOK_TYPES:
        return _book_part(page)
    return TEXT_KINDS.get(meta.type, _whole)(page)


@dataclass(frozen=True)
class _Page:
    """What every item builder of `TEXT_KINDS` reads: the text, its metadata, and the page."""

    text: AnnotatedText
    work: _Work
    title: str
    part_title: str
    signed: bool
    url: str
    site: str
    edition: dt.date

    @property
    def original_date(self) -> str:
        """The work's own date: `date`, else the source's "Published online" date, else `year`."""
        meta = self.text.meta
        return meta.date or _printed_date(self.text) or str(meta.year)


def _article(page: _Page) -> Item:
    """A journal article; without its journal, this reader's page that reprints it, with the original's year."""
    meta, work = page.text.meta, page.work
    journal = work.field("container", "journaltitle", "journal")
    if not journal:
        # Chicago prints a web page's original month and day too, so the original date is its year.
        date = page.edition.isoformat()
        return Item("webpage", page.title, page.url, date, page.original_date[:4], meta.authors, container=page.site)
    return Item(
        "article-journal",
        page.title,
        page.url,
        page.original_date,
        authors=meta.authors,
        translators=work.names("translator"),
        container=journal,
        volume=work.field("volume", "volume"),
        issue=work.field("issue", "number"),
        pages=work.field("pages", "pages"),
        doi=work.field("doi", "doi"),
    )


def _book_part(page: _Page) -> Item:
    """A part of a book (Preface, Contents …): its signed author or none, the book's editors, no DOI of the book's."""
    text = page.text
    authors = text.meta.authors if page.signed else ()
    pages = part_pages(text, page.part_title)
    part = Item("chapter", page.part_title, page.url, page.original_date, authors=authors, container=text.meta.title)
    book_part = _with_book(replace(part, pages=pages), page.work)
    return replace(book_part, translators=part_translators(text, page.part_title, book_part.translators))


def _chapter(page: _Page) -> Item:
    """A chapter text: its own author, pages and DOI, in the book it names."""
    work = page.work
    chapter = Item(
        "chapter",
        page.title,
        page.url,
        page.original_date,
        authors=page.text.meta.authors,
        container=work.field("container", "booktitle"),
        pages=work.field("pages", "pages"),
        doi=work.field("doi", "doi"),
    )
    return _with_book(chapter, work)


def _manuscript(page: _Page) -> Item:
    """An archival document: "Archive, f. 1, op. 2, d. 3" is the archive and, after the first comma, its reference."""
    archive, _, location = page.work.field("archive", "howpublished").partition(",")
    return Item(
        "manuscript",
        page.title,
        page.url,
        page.original_date,
        authors=page.text.meta.authors,
        translators=page.work.names("translator"),
        archive=archive.strip(),
        archive_location=location.strip(),
    )


def _whole(page: _Page) -> Item:
    """A book, edited book, report or thesis as a whole; an edited book's editors stand for it, not as authors."""
    meta = page.text.meta
    authors = () if meta.type in BOOK_TYPES - {"book"} else meta.authors
    csl_type = WHOLE_TYPES.get(meta.type, "book")
    whole = Item(csl_type, page.title, page.url, page.original_date, authors=authors, doi=page.work.field("doi", "doi"))
    return _with_book(whole, page.work)


TEXT_KINDS = {"article": _article, "review": _article, "chapter": _chapter, "document": _manuscript}
"""The item builder for each text type's pages; `_whole` for the others (and `_book_part` for a book's parts)."""


CITATION_DETAILS = {"container": ("journaltitle", "journal"), "volume": ("volume",), "issue": ("number",)}
CITATION_DETAILS |= {"pages": ("pages",), "doi": ("doi",)}
"""The `text.yml` fields a reprinted article's citation needs, with the `bib/` fields that may give them instead."""
DETAILS_BY_TYPE = {"article": tuple(CITATION_DETAILS), "review": tuple(CITATION_DETAILS), "chapter": ("pages", "doi")}


def missing_details(text: AnnotatedText, entry: BibEntry | None) -> list[str]:
    """The citation details a text lacks, in `text.yml` and in its entry in `bib/` alike.

    An article without its journal cites as a page of this reader, not as the
    article; the curator report lists what to look up.

    Args:
        text: The text.
        entry: Its own entry in `bib/`, if any.

    Returns:
        The missing `text.yml` field names, in `CITATION_DETAILS` order.
    """
    work = _Work(text.meta, entry)
    return [name for name in DETAILS_BY_TYPE.get(text.meta.type, ()) if not work.field(name, *CITATION_DETAILS[name])]


def part_pages(text: AnnotatedText, part_title: str) -> str:
    """A part's pages from the book's own table of contents: "v–xii" up to the next entry, or its first page.

    The range runs to the page before the next entry when both are numbered
    alike (roman or arabic); otherwise only the first page is known.

    Args:
        text: The book's text, with its contents.
        part_title: The part's title ("Preface").

    Returns:
        The pages, or "" when the contents do not list the part.
    """
    entries = [block for section in text.document.sections for block in section.blocks]
    listed = [entry for entry in entries if isinstance(entry, ContentsEntry) and entry.page]
    for entry, following in zip(listed, [*listed[1:], None], strict=True):
        if entry.title.casefold() != part_title.casefold():
            continue
        first, after = entry.page.strip(), following.page.strip() if following else ""
        if first.isdigit() and after.isdigit() and int(after) - 1 > int(first):
            return f"{first}–{int(after) - 1}"
        if ROMAN.fullmatch(first) and ROMAN.fullmatch(after) and roman_value(after) - 1 > roman_value(first):
            return f"{first}–{to_roman(roman_value(after) - 1)}"
        return first
    return ""


TRANSLATED_PART = re.compile(r"(?:^|,)\s*(?:and\s+)?([^,()]+?)\s*\(([^)]*)\)")
"""One translator and what they translated, in an imprint: "Yafeng Xia (Preface, and Parts II and III)"."""


def part_translators(text: AnnotatedText, part_title: str, translators: tuple[str, ...]) -> tuple[str, ...]:
    """The translators of one part, when the book's imprint says who translated it.

    Args:
        text: The book's text, with its imprint's "Translated by …" lines.
        part_title: The part's title ("Preface").
        translators: The book's translators, as "Family, Given".

    Returns:
        Those the imprint names for the part ("Translated by Yafeng Xia (Preface, …)"), else all of them.
    """
    printed = " ".join(value.value for value in text.document.metadata.translators).removeprefix("Translated by ")
    named = {
        name.strip()
        for name, scope in TRANSLATED_PART.findall(printed)
        if re.search(rf"\b{re.escape(part_title)}\b", scope)
    }
    return tuple(name for name in translators if display_name(name) in named) or translators


def _printed_date(text: AnnotatedText) -> str:
    """YYYY-MM-DD from the source's "Published online" date, when it prints one in the text's year."""
    for value in text.document.metadata.dates:
        match = PRINTED_DATE.match(value.value.strip())
        if value.label.startswith("Published") and match and match.group(2) in MONTH_NUMBERS:
            day, month, year = match.groups()
            if int(year) == text.meta.year:
                return f"{year}-{MONTH_NUMBERS[month]:02d}-{int(day):02d}"
    return ""


class _Work:
    """A text's metadata: `text.yml` first, then its entry in `bib/`."""

    def __init__(self, meta: TextMeta, entry: BibEntry | None) -> None:
        self.meta, self.entry = meta, entry

    def field(self, meta_field: str, *bib_fields: str) -> str:
        """The `text.yml` field, else the first of the entry's fields (biblatex name first) that is set."""
        value = getattr(self.meta, meta_field)
        if value or self.entry is None:
            return str(value)
        return next((self.entry.fields[name] for name in bib_fields if self.entry.fields.get(name)), "")

    def names(self, role: str) -> tuple[str, ...]:
        own: tuple[str, ...] = self.meta.translator if role == "translator" else self.meta.editors
        if own or self.entry is None:
            return own
        return tuple(written_name(n) for n in self.entry.names.get(role, ()))

    def bib(self, name: str) -> str:
        """A field of the entry only: `text.yml` has no such field."""
        return self.entry.fields.get(name, "") if self.entry is not None else ""

    def isbn(self) -> tuple[str, ...]:
        if self.meta.isbn or self.entry is None:
            return self.meta.isbn
        return tuple(self.entry.fields.get("isbn", "").split()) if self.entry.fields.get("isbn") else ()


def _with_book(item: Item, work: _Work) -> Item:
    """The item with what a book and every part of it share: editors, translators, series, publisher, place, ISBNs."""
    return replace(
        item,
        editors=work.names("editor"),
        translators=work.names("translator"),
        series=work.bib("series"),
        publisher=work.field("publisher", "publisher"),
        place=work.field("place", "location", "address"),
        isbn=work.isbn(),
    )


def written_name(name: Name) -> str:
    """A name as `text.yml` writes one: "Family, Given", or a body's name whole."""
    return name.family if name.literal else f"{name.family}, {name.given}".rstrip(", ")
