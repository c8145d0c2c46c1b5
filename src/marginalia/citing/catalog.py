"""Every page's citation for one build: keys, download files, the cite block and the head tags.

Filled in two steps: the generated pages as soon as the build has made them
(`on_config`), so that their references are formatted in the background from
then on, and the pages editors wrote once MkDocs knows them (`on_files`); read
by `on_page_markdown` for each page.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

from marginalia.annotate import AnnotatedText
from marginalia.bibliography.chicago import Formatting, start_formatting
from marginalia.bibliography.entries import BibEntry
from marginalia.cache import TextCache
from marginalia.citing.block import OriginalWork, render_cite_block
from marginalia.citing.item import site_page_item, text_page_item
from marginalia.citing.meta import HeadData, site_page_head, text_page_head
from marginalia.citing.page import PageCitation, absolute_url, page_directory, page_key
from marginalia.model import Signature
from marginalia.render.inline import display_title
from marginalia.urls import work_file


class CitationKeyCollision(Exception):
    """Two pages would get the same citation key: the build must stop."""


@dataclass(frozen=True)
class PageSource:
    """A page as MkDocs knows it: source path, URL (relative to the site root), title, description."""

    src: str
    url: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class TextPage:
    """A generated page of a text, with its own title ("Preface"), or "" for the text's landing page."""

    text: AnnotatedText
    part_title: str


@dataclass
class CitationCatalog:
    """The citations of all pages of one build.

    Attributes:
        site: The site's name.
        site_url: The site's absolute URL, ending in "/".
        date: The edition's date.
        entries: The bibliography, by key.
        formatted: Formatted references, by key.
        text_pages: Text pages by source path.
        citations: Each page's citation, by source path, filled by `add`.
    """

    site: str
    site_url: str
    date: dt.date
    entries: dict[str, BibEntry]
    formatted: dict[str, str]
    text_pages: dict[str, TextPage]
    citations: dict[str, PageCitation] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    _owners: dict[str, str] = field(default_factory=dict)
    _formattings: list[Formatting] = field(default_factory=list)
    _chicago: dict[str, str] | None = None

    def add(self, sources: list[PageSource], cache: TextCache | None = None) -> None:
        """Make the citation of each page, and start formatting their references in the background.

        May be called more than once: each page's key must differ from every page's added before.

        Args:
            sources: Documentation pages of the build.
            cache: References formatted by earlier builds (see `format_items`); None to format all.

        Raises:
            CitationKeyCollision: Two pages would share a key.
        """
        added = []
        for source in sorted(sources, key=lambda s: s.src):
            key = page_key(source.url)
            if key in self._owners:
                message = (
                    f"pages {self._owners[key]} and {source.src} would share the citation key '{key}':"
                    " rename one of them"
                )
                raise CitationKeyCollision(message)
            self._owners[key] = source.src
            url = absolute_url(self.site_url, source.url)
            text_page = self.text_pages.get(source.src)
            if text_page is None:
                item = site_page_item(title=source.title, url=url, site=self.site, date=self.date)
                original = ""
            else:
                meta = text_page.text.meta
                item = text_page_item(
                    text_page.text,
                    self.entries.get(meta.bibkey),
                    part_title=text_page.part_title,
                    signed=_signed(text_page),
                    url=url,
                    site=self.site,
                    date=self.date,
                )
                original = meta.bibkey
            citation = PageCitation(key, page_directory(source.url), item, self.date, original)
            self.citations[source.src] = citation
            self.descriptions[source.src] = source.description
            added.append(citation)
        # Formatted in the background while MkDocs goes on: only the cite blocks need them, as the pages are written.
        self._formattings.append(start_formatting([c.csl() for c in added], cache, background=True))
        self._chicago = None

    @property
    def chicago(self) -> dict[str, str]:
        """Each page's Chicago reference (HTML), by source path; waits for the formatting `add` started."""
        if self._chicago is None:
            formatted = {key: text for formatting in self._formattings for key, text in formatting.result().items()}
            self._chicago = {src: formatted[c.key] for src, c in self.citations.items()}
        return self._chicago

    def files(self) -> list[tuple[str, str]]:
        """Download files: each page's `.bib`, `.ris` and `.json`, and the site-wide `site.bib` and `bibliography.bib`."""
        result = []
        for citation in self.citations.values():
            result += [
                (citation.file("bib"), citation.bibtex()),
                (citation.file("ris"), citation.ris()),
                (citation.file("json"), citation.csl_json()),
            ]
        result.append(("site.bib", "\n".join(c.bibtex() for c in sorted(self.citations.values(), key=lambda c: c.key))))
        result.append(("bibliography.bib", "\n".join(e.raw.strip() + "\n" for e in self.entries.values())))
        return result

    def block(self, src: str) -> str:
        """The "Cite this page" block of one page (HTML), or "" for a page the catalog does not know."""
        citation = self.citations.get(src)
        if citation is None:
            return ""
        text_page = self.text_pages.get(src)
        original = None
        if citation.original_key in self.entries:
            entry = self.entries[citation.original_key]
            original = OriginalWork(
                entry.key, self.formatted.get(entry.key, ""), entry.raw.strip(), work_file(entry.key)
            )
        is_home_or_bibliography = citation.directory in ("", "bibliography/")
        return render_cite_block(
            citation,
            formatted=self.chicago[src],
            original=original,
            paragraphs=text_page is not None,
            site_files=is_home_or_bibliography,
        )

    def page_inputs(self, src: str) -> str:
        """Everything the page's cite block and head tags are made of, as one string (see `marginalia.rebuild`)."""
        citation = self.citations.get(src)
        if citation is None:
            return ""
        text_page = self.text_pages.get(src)
        keys = dict.fromkeys([citation.original_key, *_cited_keys(text_page.text)]) if text_page else {}
        works = [(self.entries[k].raw, self.formatted.get(k, "")) for k in keys if k in self.entries]
        return repr((citation, self.descriptions.get(src), text_page is not None, works))

    def head(self, src: str) -> HeadData:
        """The head tags of one page."""
        citation = self.citations[src]
        text_page = self.text_pages.get(src)
        if text_page is None:
            description = self.descriptions.get(src) or citation.title
            return site_page_head(citation.item, site=self.site, description=description)
        keys = _cited_keys(text_page.text)
        references = [self.entries[k] for k in keys if k in self.entries]
        return text_page_head(text_page.text, citation.item, site=self.site, references=references)


def _cited_keys(text: AnnotatedText) -> list[str]:
    """The keys of the works a text cites, each once, in the order of first citation."""
    return list(dict.fromkeys(r.key for r in text.citations if r.key))


def _signed(page: TextPage) -> bool:
    """Whether a part of a text ends with a signature (a preface): its author is the text's, not the editors'."""
    return any(
        isinstance(block, Signature)
        for section in page.text.document.sections
        if display_title(section.heading) == page.part_title
        for block in section.blocks
    )


def markdown_title(markdown: str, fallback: str) -> str:
    """The text of a page's first level-1 heading (its HTML entities decoded: a title is text), or `fallback`."""
    for line in markdown.splitlines():
        if line.startswith("# "):
            return html.unescape(line[2:].strip())
    return fallback
