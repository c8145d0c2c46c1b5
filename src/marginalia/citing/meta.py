"""What reference managers and search engines read in a page's head.

Zotero's generic translator and Google Scholar read Highwire Press tags
(`citation_*`); Zotero ignores JSON-LD, and a lone `citation_title` makes it
guess a journal article, so `DC.type` names the item's type. Only text pages
carry `citation_*` tags, written from the page's item (see
`marginalia.citing.item`); every other page carries Open Graph tags, its
description and its date (`DC.date`) only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marginalia.annotate import AnnotatedText
from marginalia.bibliography.entries import BibEntry
from marginalia.citing.formats import highwire_tags, site_tags
from marginalia.citing.item import Item
from marginalia.inert import restore_source, script_json
from marginalia.textmeta import display_name

SCHEMA_TYPES = {
    "article-journal": "ScholarlyArticle",
    "chapter": "Chapter",
    "book": "Book",
    "manuscript": "ArchiveComponent",
    "report": "Report",
    "thesis": "Thesis",
    "webpage": "WebPage",
}
"""schema.org's type for each item type (Zotero ignores JSON-LD; search engines read it)."""


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


def site_page_head(item: Item, *, site: str, description: str) -> HeadData:
    """Head data of a page that is not a text: Open Graph and its date, no `citation_*` tag."""
    tags = [
        ("property", "og:type", "website"),
        ("property", "og:title", item.title),
        ("property", "og:site_name", site),
    ]
    tags.append(("property", "og:url", item.url))
    tags += [("name", name, content) for name, content in site_tags(item)]
    return HeadData(tags, description)


def text_page_head(text: AnnotatedText, item: Item, *, site: str, references: list[BibEntry]) -> HeadData:
    """Head data of a text's page: Highwire tags for its item, Open Graph and JSON-LD.

    Args:
        text: The text.
        item: The page's item.
        site: The site's name.
        references: The works the text cites, for `citation_reference`.

    Returns:
        The head data.
    """
    meta, doc = text.meta, text.document
    abstract = restore_source(" ".join(p.text for p in doc.metadata.abstract))
    tags: list[tuple[str, str, str]] = [("name", name, content) for name, content in highwire_tags(item)]
    if abstract:
        tags.append(("name", "citation_abstract", abstract))
    if doc.metadata.keywords:
        tags.append(("name", "citation_keywords", "; ".join(restore_source(k) for k in doc.metadata.keywords)))
    tags += [("name", "citation_language", meta.language), ("name", "citation_public_url", item.url)]
    tags += [("name", "citation_reference", _reference(entry)) for entry in references]
    tags += [
        ("property", "og:type", "article"),
        ("property", "og:title", item.title),
        ("property", "og:site_name", site),
    ]
    tags.append(("property", "og:url", item.url))
    description = abstract or f"{item.title}, from {meta.title} ({', '.join(meta.author_names)}, {meta.year})."
    return HeadData(tags, description, _json_ld(text, item))


def _reference(entry: BibEntry) -> str:
    parts = [f"citation_title={entry.fields.get('title', '')}"]
    parts += [f"citation_author={n.family}, {n.given}".rstrip(", ") for n in entry.creators if not n.is_others]
    if entry.year:
        parts.append(f"citation_publication_date={entry.year[:4]}")
    for field_name, tag in (
        ("journal", "citation_journal_title"),
        ("journaltitle", "citation_journal_title"),
        ("booktitle", "citation_inbook_title"),
        ("publisher", "citation_publisher"),
    ):
        if entry.fields.get(field_name):
            parts.append(f"{tag}={entry.fields[field_name]}")
    return "; ".join(part.replace(";", ",") if index else part for index, part in enumerate(parts))


def _json_ld(text: AnnotatedText, item: Item) -> str:
    document: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES[item.type],
        "name": item.title,
        "headline": item.title,
        "author": _people(item.authors),
        "datePublished": item.issued,
        "inLanguage": text.meta.language,
        "url": item.url,
        "license": text.meta.license,
    }
    if item.original_date:
        document["isBasedOn"] = {"@type": "CreativeWork", "name": text.meta.title, "datePublished": item.original_date}
    if text.document.metadata.keywords:
        document["keywords"] = [restore_source(k) for k in text.document.metadata.keywords]
    if item.editors and item.type == "book":
        document["editor"] = _people(item.editors)
    if item.container and item.type in ("chapter", "article-journal"):
        container: dict[str, object] = {
            "@type": "Book" if item.type == "chapter" else "Periodical",
            "name": item.container,
        }
        if item.editors:
            container["editor"] = _people(item.editors)
        if item.publisher:
            container["publisher"] = {"@type": "Organization", "name": item.publisher}
        if item.isbn:
            container["isbn"] = list(item.isbn)
        document["isPartOf"] = container
    elif item.isbn:
        document["isbn"] = list(item.isbn)
    if item.doi:
        document["identifier"] = f"https://doi.org/{item.doi}"
    return script_json(document)


def _people(names: tuple[str, ...]) -> list[dict[str, str]]:
    return [{"@type": "Person", "name": display_name(name)} for name in names]
