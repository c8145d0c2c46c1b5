"""Render the bibliography pages: one per text, one for the whole site, and a `.bib` file per entry.

Every page is finished HTML from `render/templates/bibliography.html`, and
each stays bounded however many texts there are: a text's page lists where each
entry is cited in *that* text and counts the citations elsewhere; the site's
page lists up to `PLACES_ON_SITE_PAGE` citing places per entry, and an entry
cited more often gets a page of its own (`bibliography/<key>.md`) with them all.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup

from marginalia.annotate import AnnotatedText, CitationRecord
from marginalia.bibliography.chicago import plain_text, style_order
from marginalia.bibliography.entries import BibEntry
from marginalia.inert import restore_source
from marginalia.render.html import render_html
from marginalia.render.pages import RenderedPage, generated_page, page_of
from marginalia.urls import (
    SITE_BIBLIOGRAPHY_PAGE,
    WORKS_FORMATS,
    file_url,
    page_url,
    text_bibliography_page,
    url_directory,
    work_file,
    work_page,
    works_file,
)

PLACES_ON_SITE_PAGE = 40
"""How many citing places an entry lists on the site's bibliography page before it links to its own page."""


@dataclass(frozen=True)
class BibliographyData:
    """What the bibliography pages are made of.

    Attributes:
        entries: Every entry, by key.
        formatted: Each entry's formatted reference (HTML), by key.
        texts: Each text with its rendered pages (to find where a citation stands).
    """

    entries: dict[str, BibEntry]
    formatted: dict[str, str]
    texts: list[tuple[AnnotatedText, list[RenderedPage]]]


@dataclass(frozen=True)
class _Place:
    """Where an entry is cited: the text, the page that holds the citation, and the record."""

    text: AnnotatedText
    page: str
    record: CitationRecord


def render_bibliography_pages(data: BibliographyData) -> list[RenderedPage]:
    """Render the site's bibliography page, each text's, and the pages of entries cited very often.

    Args:
        data: Entries, formatted references and texts.

    Returns:
        The site page first, then one page per text that cites or owns entries, then the entries' own pages.
    """
    by_text = _citing_places(data)
    cited_in = {key: [place for places in texts.values() for place in places] for key, texts in by_text.items()}
    site_keys = style_order(list(data.entries.values()))  # as the style sorts: names, year, title
    intro = Markup(
        "Every work cited in the texts of this site, and the texts themselves, in Chicago author-date style."
        " Under each entry: where it is cited, and its BibTeX."
    )
    site_entries = [_site_entry(data, key, cited_in.get(key, [])) for key in site_keys]
    pages = [_page(SITE_BIBLIOGRAPHY_PAGE, "Bibliography", intro, site_entries, works=True)]
    for text, _ in data.texts:
        keys = text_bibliography_keys(text, data.entries)
        if not keys:
            continue
        path = text_bibliography_page(text.slug)
        intro = Markup(
            "The works cited in <em>{}</em>, in the order of its reference list or of first citation."
        ).format(text.meta.title)
        entries = []
        for key in keys:
            citing = by_text.get(key, {})
            here = citing.get(text.slug, [])
            entries.append(_entry_view(data, key, path, here, elsewhere=len(citing) - (1 if here else 0)))
        pages.append(_page(path, "Bibliography", intro, entries, works=True))
    for key in site_keys:
        places = cited_in.get(key, [])
        if len(places) > PLACES_ON_SITE_PAGE:
            path = work_page(key)
            intro = Markup("Every place the texts cite this work.")
            pages.append(
                _page(path, plain_text(data.formatted.get(key) or key), intro, [_entry_view(data, key, path, places)])
            )
    return pages


def text_bibliography_keys(text: AnnotatedText, entries: dict[str, BibEntry]) -> list[str]:
    """The entries a text's bibliography page lists, in order.

    A text with a printed reference list lists its own file's entries
    (`bib/<slug>.bib`, kept in the list's order) first; any text then lists
    the other works it cites, in order of first citation.

    Args:
        text: The text.
        entries: All entries.

    Returns:
        Keys, each once.
    """
    own = [key for key, entry in entries.items() if entry.path.stem == text.slug]
    cited = [r.key for r in text.citations if r.key is not None]
    has_list = any(s.kind == "references" for s in text.document.sections)
    ordered = [*own, *cited] if has_list else [*cited, *own]
    return list(dict.fromkeys(ordered))


def _citing_places(data: BibliographyData) -> dict[str, dict[str, list[_Place]]]:
    """For each key, every citing place, by citing text's slug in the texts' order."""
    places: dict[str, dict[str, list[_Place]]] = defaultdict(dict)
    for text, pages in data.texts:
        for record in text.citations:
            if record.key is not None:
                place = _Place(text, page_of(pages, record.anchor), record)
                places[record.key].setdefault(text.slug, []).append(place)
    return places


def _page(
    path: str, title: str, intro: Markup, entries: list[dict[str, object]], *, works: bool = False
) -> RenderedPage:
    """A bibliography page; with `works`, it offers its works in one file of each format (`citing.works`)."""
    saved_as = f"reader-{url_directory(path).replace('/', '-')}-works"  # the file's name on the reader's disk
    downloads = [
        (name, file_url(works_file(path, extension), path), f"{saved_as}.{extension}")
        for extension, name in (WORKS_FORMATS if works else ())
    ]
    body = render_html("bibliography.html", intro=intro, entries=entries, downloads=downloads)
    return generated_page(path, title, title, body)


def _site_entry(data: BibliographyData, key: str, places: list[_Place]) -> dict[str, object]:
    if len(places) <= PLACES_ON_SITE_PAGE:
        return _entry_view(data, key, SITE_BIBLIOGRAPHY_PAGE, places)
    view = _entry_view(data, key, SITE_BIBLIOGRAPHY_PAGE, places[:PLACES_ON_SITE_PAGE])
    view["all_places"] = (len(places), page_url(work_page(key), SITE_BIBLIOGRAPHY_PAGE))
    return view


def _entry_view(
    data: BibliographyData, key: str, page: str, places: list[_Place], *, elsewhere: int = 0
) -> dict[str, object]:
    """What the template shows of one entry on one page."""
    entry = data.entries[key]
    links = []
    for place in places:
        record, meta = place.record, place.text.meta
        where = f"¶ {record.paragraph}" if record.paragraph else f"note {record.note}"
        author = meta.author_names[0].split()[-1] if meta.authors else place.text.slug
        links.append(
            {
                "url": page_url(place.page, page, record.anchor),
                "label": f"{author} {meta.year}, {where}",
                "cited": restore_source(record.cited.replace("*", "")),  # as printed; the template escapes it
            }
        )
    return {
        "key": key,
        # Formatted references are our own HTML, made from escaped BibTeX fields.
        "formatted": Markup(data.formatted.get(key, key)),
        "raw": entry.raw.strip(),
        "places": links,
        "elsewhere": elsewhere,
        "site_entry": page_url(SITE_BIBLIOGRAPHY_PAGE, page, key),
        "all_places": None,
        "download": file_url(work_file(key), page),
    }
