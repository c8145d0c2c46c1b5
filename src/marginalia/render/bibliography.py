"""Render the bibliography pages: one per text, one for the whole site, and a `.bib` file per entry."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass

from marginalia.annotate import CitationRecord
from marginalia.annotate.linking import TEXT_BIBLIOGRAPHY_PAGE
from marginalia.bibliography.chicago import plain_text
from marginalia.bibliography.entries import BibEntry
from marginalia.corpus import Text
from marginalia.render.inline import esc
from marginalia.render.pages import RenderedPage, page_of, url_directory

SITE_BIBLIOGRAPHY_PAGE = "bibliography/index.md"
ENTRY_FILE_DIR = "bibliography"


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
    texts: list[tuple[Text, list[RenderedPage]]]


def entry_file_path(key: str) -> str:
    """Where an entry's own `.bib` file is published."""
    return f"{ENTRY_FILE_DIR}/{key}.bib"


def render_bibliography_pages(data: BibliographyData) -> list[RenderedPage]:
    """Render the site's bibliography page and each text's.

    Args:
        data: Entries, formatted references and texts.

    Returns:
        The site page first, then one page per text that cites or owns entries.
    """
    cited_in = _citing_places(data)
    site_keys = sorted(data.entries, key=lambda k: plain_text(data.formatted.get(k) or k).casefold())
    intro = (
        "Every work cited in the texts of this site, and the texts themselves, in Chicago author-date style."
        " Under each entry: where it is cited, and its BibTeX."
    )
    pages = [
        RenderedPage(
            SITE_BIBLIOGRAPHY_PAGE,
            "Bibliography",
            _page("Bibliography", intro, keys=site_keys, path=SITE_BIBLIOGRAPHY_PAGE, data=data, cited_in=cited_in),
        )
    ]
    for text, _ in data.texts:
        keys = text_bibliography_keys(text, data.entries)
        if not keys:
            continue
        path = f"texts/{text.slug}/{TEXT_BIBLIOGRAPHY_PAGE}"
        intro = f"The works cited in *{esc(text.meta.title)}*, in the order of its reference list or of first citation."
        pages.append(
            RenderedPage(
                path, "Bibliography", _page("Bibliography", intro, keys=keys, path=path, data=data, cited_in=cited_in)
            )
        )
    return pages


def text_bibliography_keys(text: Text, entries: dict[str, BibEntry]) -> list[str]:
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


def _citing_places(data: BibliographyData) -> dict[str, list[tuple[Text, str, CitationRecord]]]:
    """For each key, every citing place: the text, its page path and the record."""
    places: dict[str, list[tuple[Text, str, CitationRecord]]] = defaultdict(list)
    for text, pages in data.texts:
        for record in text.citations:
            if record.key is None:
                continue
            places[record.key].append((text, page_of(pages, record.anchor), record))
    return places


def _page(
    title: str,
    intro: str,
    *,
    keys: list[str],
    path: str,
    data: BibliographyData,
    cited_in: dict[str, list[tuple[Text, str, CitationRecord]]],
) -> str:
    blocks = [f"# {title}", intro]
    blocks += [_entry(data.entries[key], data.formatted.get(key, key), path, cited_in.get(key, [])) for key in keys]
    return "\n\n".join(blocks) + "\n"


def _entry(entry: BibEntry, formatted: str, page: str, places: list[tuple[Text, str, CitationRecord]]) -> str:
    here = posixpath.dirname(page)
    links = []
    for text, citing_page, record in places:
        where = f"¶ {record.paragraph}" if record.paragraph else f"note {record.note}"
        target = posixpath.relpath(citing_page, here)
        label = f"{text.meta.author_names[0].split()[-1] if text.meta.authors else text.slug} {text.meta.year}, {where}"
        cited = esc(record.cited.replace("*", ""))
        links.append(f'[{esc(label)}]({target}#{record.anchor}){{: title="{cited}" }}')
    cited = "Cited in: " + ", ".join(links) if links else "Not cited in the texts."
    download = posixpath.relpath(entry_file_path(entry.key), url_directory(page))
    return (
        f'<div class="bib-entry" id="{entry.key}" markdown>\n\n'
        f'<p class="bib-reference">{formatted}</p>\n\n'
        f'<p class="bib-cited-in" markdown="span">{cited}</p>\n\n'
        f'<details class="bib-bibtex"><summary>BibTeX</summary>\n'
        f'<pre><code class="language-bibtex">{esc(entry.raw.strip())}</code></pre>\n'
        f'<p><a href="{download}" download="{entry.key}.bib">Download {entry.key}.bib</a></p>\n'
        f"</details>\n\n</div>"
    )
