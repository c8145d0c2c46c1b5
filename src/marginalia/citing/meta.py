"""What reference managers and search engines read in a page's head.

Zotero's generic translator and Google Scholar read Highwire Press tags
(`citation_*`); Zotero ignores JSON-LD, and a lone `citation_title` makes it
save a journal article. So only text pages carry `citation_*` tags, of the
kind that fits the text (article or part of a book, never both), and every
other page carries Open Graph tags and a description only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marginalia.bibliography.entries import BibEntry
from marginalia.calendar_names import MONTH_NUMBERS
from marginalia.corpus import Text
from marginalia.inert import restore_source, script_json
from marginalia.textmeta import display_name

PRINTED_DATE = re.compile(r"^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$")
BOOK_PART_TYPES = frozenset({"book-front-matter", "chapter"})


@dataclass(frozen=True)
class HeadData:
    """Tags for a page's head.

    Attributes:
        tags: (attribute, name, content): `("name", "citation_title", "…")` or `("property", "og:type", "website")`.
        description: The page's description (Material writes it as `meta name="description"`).
        json_ld: A schema.org JSON-LD document, or "".
    """

    tags: list[tuple[str, str, str]] = field(default_factory=list)
    description: str = ""
    json_ld: str = ""


def site_page_head(*, title: str, site: str, url: str, description: str) -> HeadData:
    """Head data of a page that is not a text: Open Graph only, no `citation_*` tag."""
    tags = [("property", "og:type", "website"), ("property", "og:title", title), ("property", "og:site_name", site)]
    tags.append(("property", "og:url", url))
    return HeadData(tags, description)


def text_page_head(text: Text, *, page_title: str, url: str, site: str, references: list[BibEntry]) -> HeadData:
    """Head data of a text's page: Highwire tags of the right kind, Open Graph and JSON-LD.

    Args:
        text: The text.
        page_title: The page's own title ("Preface"), the text's title for a one-page text.
        url: The page's absolute URL.
        site: The site's name.
        references: The works the text cites, for `citation_reference`.

    Returns:
        The head data.
    """
    meta, doc = text.meta, text.document
    is_part = meta.type in BOOK_PART_TYPES
    date = _publication_date(text)
    abstract = restore_source(" ".join(p.text for p in doc.metadata.abstract))
    keywords = [restore_source(k) for k in doc.metadata.keywords]
    tags: list[tuple[str, str, str]] = [("name", "citation_title", page_title if is_part else meta.title)]
    tags += [("name", "citation_author", author) for author in meta.authors]
    if is_part:
        tags.append(("name", "citation_inbook_title", meta.title))
        tags += [("name", "citation_editor", editor) for editor in meta.editors]
        if meta.publisher:
            tags.append(("name", "citation_publisher", meta.publisher))
        tags += [("name", "citation_isbn", isbn) for isbn in meta.isbn]
    elif meta.container:
        tags.append(("name", "citation_journal_title", meta.container))
    tags.append(("name", "citation_publication_date", date))
    if meta.doi:
        tags.append(("name", "citation_doi", meta.doi))
    if abstract:
        tags.append(("name", "citation_abstract", abstract))
    if keywords:
        tags.append(("name", "citation_keywords", "; ".join(keywords)))
    tags += [("name", "citation_language", meta.language), ("name", "citation_public_url", url)]
    tags += [("name", "citation_reference", _reference(entry)) for entry in references]
    tags += [
        ("property", "og:type", "article"),
        ("property", "og:title", page_title),
        ("property", "og:site_name", site),
    ]
    tags.append(("property", "og:url", url))
    description = abstract or f"{page_title}, from {meta.title} ({', '.join(meta.author_names)}, {meta.year})."
    return HeadData(tags, description, _json_ld(text, page_title=page_title, url=url, date=date, is_part=is_part))


def _publication_date(text: Text) -> str:
    """YYYY/MM/DD from the source's "Published online" date when it prints one, else the year."""
    for value in text.document.metadata.dates:
        match = PRINTED_DATE.match(value.value.strip())
        if value.label.startswith("Published") and match and match.group(2) in MONTH_NUMBERS:
            return f"{match.group(3)}/{MONTH_NUMBERS[match.group(2)]:02d}/{int(match.group(1)):02d}"
    return str(text.meta.year)


def _reference(entry: BibEntry) -> str:
    parts = [f"citation_title={entry.fields.get('title', '')}"]
    parts += [f"citation_author={n.family}, {n.given}".rstrip(", ") for n in entry.creators if not n.is_others]
    if entry.year:
        parts.append(f"citation_publication_date={entry.year[:4]}")
    for field_name, tag in (
        ("journal", "citation_journal_title"),
        ("booktitle", "citation_inbook_title"),
        ("publisher", "citation_publisher"),
    ):
        if entry.fields.get(field_name):
            parts.append(f"{tag}={entry.fields[field_name]}")
    return "; ".join(part.replace(";", ",") if index else part for index, part in enumerate(parts))


def _json_ld(text: Text, *, page_title: str, url: str, date: str, is_part: bool) -> str:
    meta = text.meta
    people = [{"@type": "Person", "name": name} for name in meta.author_names]
    document: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Chapter" if is_part else "ScholarlyArticle",
        "name": page_title if is_part else meta.title,
        "author": people,
        "datePublished": date.replace("/", "-"),
        "inLanguage": meta.language,
        "url": url,
        "license": meta.license,
    }
    if not is_part:
        document["headline"] = meta.title
    if text.document.metadata.keywords:
        document["keywords"] = [restore_source(k) for k in text.document.metadata.keywords]
    if is_part:
        book: dict[str, object] = {"@type": "Book", "name": meta.title}
        if meta.editors:
            book["editor"] = [{"@type": "Person", "name": display_name(n)} for n in meta.editors]
        if meta.publisher:
            book["publisher"] = {"@type": "Organization", "name": meta.publisher}
        if meta.isbn:
            book["isbn"] = list(meta.isbn)
        document["isPartOf"] = book
    if meta.doi:
        document["identifier"] = f"https://doi.org/{meta.doi}"
    return script_json(document)
