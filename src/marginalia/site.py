"""One build of the reading site, as `hooks/reader.py` hands it to MkDocs.

`SiteBuild.load` runs the stages (`marginalia.stages`): inputs loaded, each text
annotated and rendered, the glossary's and bibliography's pages rendered around
them. What is left for the hooks: each page's finished HTML, sanitized and
marked for search, the navigation, and the citation catalog once all pages are known.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from marginalia.annotate import AnnotatedText
from marginalia.bibliography.entries import Bibliography
from marginalia.cache import TextCache
from marginalia.citing.catalog import CitationCatalog, PageSource, TextPage
from marginalia.glossary.entries import Glossary
from marginalia.inert import restore_source, sanitize_html
from marginalia.model import Diagnostic, Document, Paragraph, Quotation, Table
from marginalia.navigation import TEXT_LIST_PLACEHOLDER, SiteNavigation, fill_home
from marginalia.parallel import workers_kept
from marginalia.render import NavItem, RenderedPage
from marginalia.render.html import mark_address_links
from marginalia.stages import TextWork, annotate_and_render, load_inputs, render_site
from marginalia.urls import TEXTS_DIR, entry_page, is_text_bibliography

READING_PAGE = '<div class="reading-page" data-pagefind-body{ranking}>\n{html}\n</div>'
"""A reading page's content, as search indexes it: once any page of a site marks its body so, Pagefind leaves out
every page that does not, here the guides for editors and developers (`marginalia.search`). Its kind ranks it
(`RANKING`): the search box lists a text's pages first, then glossary entries, then the other pages."""
RANKING = {
    "text": ' data-pagefind-filter="kind:text"',
    "entry": "",
    "other": ' data-pagefind-weight="0.25"',
}
"""How search tells the kinds of reading page apart. The texts are one filter value that the search box asks for
first; the other pages' words weigh a quarter of an entry's. (One filter value only: Pagefind writes a filter's
several values, and several filters, in an order that changes from run to run, and the site must build the same
bytes every time.)"""


@dataclass
class SiteBuild:
    """The build's texts, bibliography and glossary, and every page and file it adds to the site.

    Attributes:
        texts: The annotated texts.
        bibliography: The loaded entries.
        glossary: The loaded glossary.
        formatted: Each entry's formatted reference (HTML), by key.
        pages: Every generated page: texts' pages, bibliography pages, glossary pages.
        files: Other generated files (path, content).
        navigation: The entries for texts and glossary.
        diagnostics: Every content problem found, for the build log.
        uncovered: The capitalized names in the texts that no glossary entry covers, with their counts.
        cache: Work kept from earlier builds while serving (see `marginalia.cache`), or None.
    """

    texts: list[AnnotatedText]
    bibliography: Bibliography
    glossary: Glossary
    formatted: dict[str, str]
    pages: list[RenderedPage]
    files: list[tuple[str, str]]
    navigation: SiteNavigation
    diagnostics: list[Diagnostic]
    text_pages: dict[str, TextPage]
    uncovered: Counter[str]
    cache: TextCache | None = None

    @classmethod
    def load(cls, texts_dir: Path, bib_dir: Path, glossary_dir: Path, cache: TextCache | None = None) -> SiteBuild:
        """Run the stages: load the inputs, annotate and render every text, render the site's other pages.

        Args:
            texts_dir: The corpus folder.
            bib_dir: The bibliography folder (`*.bib` and `aliases.yml`).
            glossary_dir: The glossary folder (`*.yml` and `rules.yml`).
            cache: Texts' work from earlier builds (see `marginalia.cache`); None to do it all.

        Returns:
            The build's data; messages name files relative to the parent of `texts_dir`.
        """
        if cache is not None:
            cache.end_build()  # the previous build's, which ended with its citations (`citation_catalog`)
        with workers_kept():  # one spawn of the workers for both stages
            inputs = load_inputs(texts_dir, bib_dir, glossary_dir, cache)
            works = annotate_and_render(inputs, cache)
        site = render_site(inputs, works)
        diagnostics = [*inputs.diagnostics, *(d for work in works for d in work.text.diagnostics)]
        diagnostics += _unknown_bibkeys(works, inputs.bibliography, texts_dir)
        root = texts_dir.resolve().parent
        uncovered: Counter[str] = Counter()
        for work in works:
            uncovered.update(work.uncovered)
        return cls(
            texts=[work.text for work in works],
            bibliography=inputs.bibliography,
            glossary=inputs.glossary,
            formatted=inputs.formatted,
            pages=list(site.pages),
            files=list(site.files),
            navigation=site.navigation,
            diagnostics=[d.relative_to(root) for d in diagnostics],
            text_pages=_text_pages(works),
            uncovered=uncovered,
            cache=cache,
        )

    def citation_catalog(self, *, site: str, site_url: str, date: dt.date) -> CitationCatalog:
        """An empty catalog of this build's citations (`add_citations` fills it).

        Args:
            site: The site's name.
            site_url: Its absolute URL.
            date: The edition's date.

        Returns:
            The catalog.
        """
        return CitationCatalog(
            site, site_url.rstrip("/") + "/", date, self.bibliography.entries, self.formatted, self.text_pages
        )

    def add_citations(self, catalog: CitationCatalog, sources: list[PageSource]) -> None:
        """Make the citation of each page not yet in `catalog`, named by its title, described as the build says.

        Args:
            catalog: The catalog.
            sources: Documentation pages.

        Raises:
            CitationKeyCollision: Two pages would share a citation key.
        """
        catalog.add(
            [
                replace(
                    s,
                    title=self._titles.get(s.src, s.title),
                    description=s.description or self.descriptions.get(s.src, ""),
                )
                for s in sources
                if s.src not in catalog.citations
            ],
            self.cache,
        )

    def page_html(self, path: str, html: str, *, is_homepage: bool, sanitized: bool = False) -> str:
        """A page's HTML, sanitized (see `marginalia.inert`) when the page shows inputs.

        Args:
            path: The page's path under `docs/`.
            html: Its content, as Python-Markdown rendered it.
            is_homepage: Whether it is the home page, which lists the texts.
            sanitized: Whether `html` is sanitized already: a generated page's finished HTML was when rendered
                (`marginalia.render.pages.RenderedPage`).

        Returns:
            The HTML of a generated page or the home page sanitized and marked as a page search indexes
            (`READING_PAGE`), any other page's as it is; links that show their own address marked
            (`marginalia.render.html.mark_address_links`).
        """
        if is_homepage or path in self.generated_paths:
            safe = html if sanitized else sanitize_html(html)
            html = READING_PAGE.format(ranking=RANKING[self._reading_kind(path)], html=safe)
        return mark_address_links(html)

    def _reading_kind(self, path: str) -> str:
        """What search ranks a reading page as: "text", "entry" (a glossary entry's page) or "other"."""
        if path.startswith(f"{TEXTS_DIR}/") and not is_text_bibliography(path):
            return "text"
        return "entry" if path in self.entry_paths else "other"

    @cached_property
    def entry_paths(self) -> frozenset[str]:
        """The glossary entries' pages."""
        return frozenset(entry_page(entry_id) for entry_id in self.glossary.entries)

    @cached_property
    def generated_paths(self) -> frozenset[str]:
        """The paths of the pages made from the inputs."""
        return frozenset(page.path for page in self.pages)

    def release_texts(self) -> None:
        """Drop what only rendering and the curator report need: each text's paragraphs, notes and mentions.

        What the pages' citations need later stays: metadata, citations, and
        each section's other blocks (a book's contents, a preface's
        signature). The memory freed serves MkDocs' writing of the pages (at
        1,000 texts, some 100 MiB).
        """
        self.texts = [_released(text) for text in self.texts]
        released = {text.slug: text for text in self.texts}
        self.text_pages = {path: replace(page, text=released[page.text.slug]) for path, page in self.text_pages.items()}

    def document_title(self, src: str) -> str | None:
        """The title a browser's tab, a bookmark and the header show for a generated page, as plain text.

        The navigation names a text's pages by their place ("Text", "Title page", "Preface"); the page itself
        is named by its text: the text's title on its first page, "Preface · <the text's title>" on the others.
        Any other generated page is named by its title (its `<h1>`, "Glossary" for the glossary's "Overview").
        None for a page editors wrote, which Python-Markdown names by its own heading.
        """
        page = self.text_pages.get(src)
        if page is None:
            return self._titles.get(src)
        return f"{page.part_title} · {page.text.meta.title}" if page.part_title else page.text.meta.title

    @cached_property
    def _generated(self) -> dict[str, RenderedPage]:
        return {page.path: page for page in self.pages if page.html}

    @cached_property
    def _titles(self) -> dict[str, str]:
        """Each generated page's title, as its `<h1>` shows it (the first of its headings)."""
        return {
            page.path: page.headings[0].title for page in self.pages if page.headings and page.headings[0].level == 1
        }

    def generated_html(self, src: str) -> RenderedPage | None:
        """The generated page at `src` whose HTML is finished (see `marginalia.render.html`), or None."""
        return self._generated.get(src)

    def page_inputs(self, path: str, markdown: str) -> str:
        """What this build adds to a page's Markdown source, as one string (see `marginalia.rebuild`).

        Args:
            path: The page's path under `docs/`.
            markdown: Its source.

        Returns:
            A generated page's finished HTML, the list of texts where the source asks for it, else "".
        """
        generated = self.generated_html(path)
        home = self.fill_home(TEXT_LIST_PLACEHOLDER) if TEXT_LIST_PLACEHOLDER in markdown else ""
        return (generated.html if generated is not None else "") + home

    def fill_home(self, markdown: str) -> str:
        """Put the list of texts where the home page asks for it."""
        return fill_home(markdown, self.texts)

    def insert_nav(self, nav: list[NavItem] | None) -> list[NavItem] | None:
        """Put texts, glossary and bibliography into a configured `nav` (see `SiteNavigation.insert`)."""
        return self.navigation.insert(nav)

    @cached_property
    def descriptions(self) -> dict[str, str]:
        """Each glossary entry's page and its description, for the page's citation."""
        return {entry_page(e.id): e.description for e in self.glossary.entries.values()}


def _text_pages(works: list[TextWork]) -> dict[str, TextPage]:
    return {
        page.path: TextPage(work.text, "" if page is work.pages[0] else restore_source(page.title))
        for work in works
        for page in work.pages
    }


def _unknown_bibkeys(works: list[TextWork], bibliography: Bibliography, texts_dir: Path) -> list[Diagnostic]:
    message = "bibkey '{}' is not in bib/: add the text's own entry or fix the key"
    return [
        Diagnostic(
            str(texts_dir / work.text.slug / "text.yml"), None, message.format(work.text.meta.bibkey), "meta-bibkey"
        )
        for work in works
        if work.text.meta.bibkey and work.text.meta.bibkey not in bibliography.entries
    ]


def _released(text: AnnotatedText) -> AnnotatedText:
    doc = text.document
    sections = [
        replace(s, blocks=[b for b in s.blocks if not isinstance(b, Paragraph | Quotation | Table)])
        for s in doc.sections
    ]
    return replace(text, document=Document(doc.slug, doc.path, doc.metadata, sections=sections), mentions=())
