"""One build of the reading site: texts, bibliography and glossary loaded, annotated and rendered, once per build.

The order matters: citations are linked before glossary mentions, so that a
name inside a citation ("Mao 1998") is taken for the work, not the person.
Everything here is plain data; `hooks/reader.py` hands it to MkDocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from marginalia.annotate import link_citations
from marginalia.annotate.linking import TEXT_BIBLIOGRAPHY_PAGE
from marginalia.annotate.mentions import link_mentions
from marginalia.bibliography.aliases import load_aliases
from marginalia.bibliography.chicago import format_entries, plain_text
from marginalia.bibliography.entries import Bibliography, load_bibliography
from marginalia.bibliography.resolve import CitationResolver
from marginalia.cache import TextCache, files_digest
from marginalia.citing.catalog import CitationCatalog, PageSource, TextPage
from marginalia.corpus import Corpus, Text, load_corpus
from marginalia.glossary.entries import Glossary, load_glossary
from marginalia.glossary.matcher import Matcher
from marginalia.inert import restore_source, sanitize_html
from marginalia.model import Abbreviation, Diagnostic, Document, Paragraph, Quotation, Table
from marginalia.render import NavItem, RenderedPage, render_text, render_text_list
from marginalia.render.bibliography import (
    SITE_BIBLIOGRAPHY_PAGE,
    BibliographyData,
    entry_file_path,
    render_bibliography_pages,
)
from marginalia.render.glossary import GlossaryData, entry_page, render_glossary_pages
from marginalia.render.html import mark_address_links
from marginalia.render.inline import esc
from marginalia.render.pages import TEXTS_DIR

TEXT_LIST_PLACEHOLDER = "<!-- marginalia:text-list -->"
"""Where the home page wants the list of texts."""
TEXTS_NAV_TITLE = "Texts"
GLOSSARY_NAV_TITLE = "Glossary"
BIBLIOGRAPHY_NAV_TITLE = "Bibliography"
ALIASES_NAME = "aliases.yml"
ANNOTATED = "annotated"
"""The cache store of annotated texts with their rendered pages."""
TEXTS_PER_NAV_GROUP = 40
"""Beyond this many texts, the navigation groups them (“Texts 1–40”), so that each page carries one group, not all."""


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
    """The corpus, its bibliography and glossary, and every generated file for one build.

    Attributes:
        corpus: The loaded, annotated texts.
        bibliography: The loaded entries.
        glossary: The loaded glossary.
        pages: Every generated page: texts' pages, bibliography pages, glossary pages.
        files: Other generated files (path, content): one `.bib` per entry.
        nav: Navigation items for the texts and the glossary.
        diagnostics: Every content problem found, for the build log.
        cache: Work kept from earlier builds while serving (see `marginalia.cache`), or None.
    """

    corpus: Corpus
    bibliography: Bibliography
    glossary: Glossary
    pages: list[RenderedPage] = field(default_factory=list)
    files: list[tuple[str, str]] = field(default_factory=list)
    nav: list[NavItem] = field(default_factory=list)
    glossary_nav: list[NavItem] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    formatted: dict[str, str] = field(default_factory=dict)
    text_pages: dict[str, TextPage] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    cache: TextCache | None = None
    _generated: dict[str, RenderedPage] | None = None

    @classmethod
    def load(cls, texts_dir: Path, bib_dir: Path, glossary_dir: Path, cache: TextCache | None = None) -> SiteBuild:
        """Load, annotate and render every text, with the bibliography and the glossary.

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
        bibliography = load_bibliography(bib_dir)
        aliases, alias_problems = load_aliases(bib_dir / ALIASES_NAME, set(bibliography.entries))
        formatted = format_entries(list(bibliography.entries.values()), cache)
        resolver = CitationResolver(bibliography, aliases)
        previews = {key: plain_text(text) for key, text in formatted.items()}
        corpus = load_corpus(texts_dir, cache)
        abbreviations = _abbreviation_lists(corpus)
        glossary = load_glossary(glossary_dir, abbreviations)
        build = cls(corpus, bibliography, glossary, cache=cache)
        build.diagnostics = [*bibliography.diagnostics, *alias_problems, *glossary.diagnostics, *corpus.diagnostics]
        matcher = Matcher(glossary)
        # What annotating and rendering a text depends on besides the text itself.
        context = files_digest([*sorted(bib_dir.iterdir()), *sorted(glossary_dir.iterdir())], repr(abbreviations))
        by_text = []
        for text in corpus.texts:
            key = corpus.digests[text.slug] + context
            done = cache.get(ANNOTATED, key) if cache is not None else None
            if done is None:
                already = len(text.document.diagnostics)
                text.citations = link_citations(text.document, resolver, previews)
                text.mentions = link_mentions(text.document, matcher, glossary.entries)
                done = (text, render_text(text), text.document.diagnostics[already:])
                if cache is not None:
                    cache.put(ANNOTATED, key, done)
            by_text.append(done[:2])
            build.diagnostics += done[2]
        corpus.texts = [text for text, _ in by_text]
        bibliography_pages = render_bibliography_pages(BibliographyData(bibliography.entries, formatted, by_text))
        mentions = [m for text in corpus.texts for m in text.mentions]
        glossary_pages = render_glossary_pages(GlossaryData(glossary, by_text, mentions))
        text_pages = [page for _, pages in by_text for page in pages]
        glossary_all = [*glossary_pages.index_pages, *glossary_pages.entry_pages]
        build.pages = [*_with_abbreviations(text_pages, glossary), *glossary_all, *bibliography_pages]
        build.files = [(entry_file_path(key), entry.raw.strip() + "\n") for key, entry in bibliography.entries.items()]
        build.files += glossary_pages.files
        build.nav = _texts_nav(by_text, {p.path: p for p in bibliography_pages[1:]})
        build.glossary_nav = [{p.title: p.path} for p in glossary_pages.index_pages]
        build.formatted = formatted
        build.text_pages = {
            page.path: TextPage(text, "" if page is pages[0] else restore_source(page.title))
            for text, pages in by_text
            for page in pages
        }
        build.descriptions = {entry_page(e.id): e.description for e in glossary.entries.values()}
        for text in corpus.texts:
            if text.meta.bibkey and text.meta.bibkey not in bibliography.entries:
                message = f"bibkey '{text.meta.bibkey}' is not in bib/: add the text's own entry or fix the key"
                build.diagnostics.append(
                    Diagnostic(str(texts_dir / text.slug / "text.yml"), None, message, "meta-bibkey")
                )
        root = texts_dir.resolve().parent
        build.diagnostics = [d.relative_to(root) for d in build.diagnostics]
        return build

    def citation_catalog(
        self, sources: list[PageSource], *, site: str, site_url: str, date: dt.date
    ) -> CitationCatalog:
        """Make every page's citation, once all pages are known.

        Args:
            sources: Every documentation page.
            site: The site's name.
            site_url: Its absolute URL.
            date: The edition's date.

        Returns:
            The catalog.

        Raises:
            CitationKeyCollision: Two pages would share a citation key.
        """
        catalog = CitationCatalog(
            site, site_url.rstrip("/") + "/", date, self.bibliography.entries, self.formatted, self.text_pages
        )
        catalog.add(
            [replace(s, description=s.description or self.descriptions.get(s.src, "")) for s in sources], self.cache
        )
        return catalog

    def page_html(self, path: str, html: str, *, is_homepage: bool) -> str:
        """A page's HTML, sanitized (see `marginalia.inert`) when the page shows inputs.

        Args:
            path: The page's path under `docs/`.
            html: Its content, as Python-Markdown rendered it.
            is_homepage: Whether it is the home page, which lists the texts.

        Returns:
            The HTML of a generated page or the home page sanitized and marked as a page search indexes
            (`READING_PAGE`), any other page's as it is; links that show their own address marked
            (`marginalia.render.html.mark_address_links`).
        """
        if is_homepage or path in self.generated_paths:
            html = READING_PAGE.format(ranking=RANKING[self._reading_kind(path)], html=sanitize_html(html))
        return mark_address_links(html)

    def _reading_kind(self, path: str) -> str:
        """What search ranks a reading page as: "text", "entry" (a glossary entry's page) or "other"."""
        if path.startswith(f"{TEXTS_DIR}/") and not path.endswith(f"/{TEXT_BIBLIOGRAPHY_PAGE}"):
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
        """Drop what only loading, rendering and the curator report need: each text's paragraphs, notes and mentions.

        What the pages' citations need later stays: metadata, citations, and
        each section's other blocks (a book's contents, a preface's
        signature). The memory freed serves MkDocs' rendering of the pages (at
        1,000 texts, some 100 MiB).
        """
        for text in self.corpus.texts:
            doc = text.document
            sections = [
                replace(s, blocks=[b for b in s.blocks if not isinstance(b, Paragraph | Quotation | Table)])
                for s in doc.sections
            ]
            text.document = Document(doc.slug, doc.path, doc.metadata, sections=sections)
            text.mentions = []

    def document_title(self, src: str) -> str | None:
        """The title a browser's tab, a bookmark and the header show for a text's page, as plain text.

        The navigation names a text's pages by their place ("Text", "Title page", "Preface"); the page itself
        is named by its text: the text's title on its first page, "Preface · <the text's title>" on the others.
        None for any other page, which keeps its navigation title.
        """
        page = self.text_pages.get(src)
        if page is None:
            return None
        return f"{page.part_title} · {page.text.meta.title}" if page.part_title else page.text.meta.title

    def generated_html(self, src: str) -> RenderedPage | None:
        """The generated page at `src` whose HTML is finished (see `marginalia.render.html`), or None."""
        if self._generated is None:
            self._generated = {page.path: page for page in self.pages if page.html}
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
        return markdown.replace(TEXT_LIST_PLACEHOLDER, render_text_list(self.corpus.texts))

    def insert_nav(self, nav: list[NavItem] | None) -> list[NavItem] | None:
        """Put texts, glossary and bibliography into a configured `nav`, after its first item.

        Existing entries of those names are replaced; with no `nav` configured
        MkDocs builds one from the files.

        Args:
            nav: The configured navigation.

        Returns:
            The navigation with the generated sections.
        """
        if nav is None:
            return None
        ours = (TEXTS_NAV_TITLE, GLOSSARY_NAV_TITLE, BIBLIOGRAPHY_NAV_TITLE)
        rest = [item for item in nav if not (isinstance(item, dict) and any(k in item for k in ours))]
        added: list[NavItem] = [
            {TEXTS_NAV_TITLE: nav_groups(self.nav)},
            {GLOSSARY_NAV_TITLE: list(self.glossary_nav)},
            {BIBLIOGRAPHY_NAV_TITLE: SITE_BIBLIOGRAPHY_PAGE},
        ]
        return [*rest[:1], *added, *rest[1:]]


def nav_groups(items: list[NavItem], size: int = TEXTS_PER_NAV_GROUP) -> list[NavItem]:
    """Navigation items in numbered groups of `size` when there are more than `size`.

    With `navigation.prune`, Material renders the entries of the page's own
    group only, so the navigation each page carries stays the same size as texts are added.

    Args:
        items: The entries, in order.
        size: The most entries shown ungrouped, and the size of each group.

    Returns:
        The entries, or groups of them titled "Texts 1–40", "Texts 41–80", ….
    """
    if len(items) <= size:
        return list(items)
    return [
        {f"{TEXTS_NAV_TITLE} {start + 1}–{min(start + size, len(items))}": items[start : start + size]}
        for start in range(0, len(items), size)
    ]


def _abbreviation_lists(corpus: Corpus) -> list[tuple[str, str]]:
    return [
        (block.abbreviation, block.expansion)
        for text in corpus.texts
        for section in text.document.sections
        for block in section.blocks
        if isinstance(block, Abbreviation)
    ]


def _with_abbreviations(pages: list[RenderedPage], glossary: Glossary) -> list[RenderedPage]:
    """Append Python-Markdown abbreviation definitions, so every abbreviation shows its expansion."""
    definitions = "\n".join(
        f"*[{abbr}]: {expansion}" for abbr, expansion in glossary.abbreviations().items() if expansion
    )
    if not definitions:
        return pages
    return [replace(page, markdown=f"{page.markdown}\n{definitions}\n") for page in pages]


def _texts_nav(
    by_text: list[tuple[Text, list[RenderedPage]]], bibliographies: dict[str, RenderedPage]
) -> list[NavItem]:
    """One navigation entry per text: its pages, then its bibliography page, nested when more than one.

    Titles are HTML, as the theme prints them unescaped: a text's title from `text.yml` is escaped.
    """
    items: list[NavItem] = []
    for text, pages in by_text:
        title = esc(text.meta.nav_title)
        entries = [*pages, *(p for path, p in bibliographies.items() if path.startswith(f"texts/{text.slug}/"))]
        if len(entries) == 1:
            items.append({title: entries[0].path})
        else:
            first = "Title page" if len(pages) > 1 else "Text"  # leaves, each with its contents in the navigation
            items.append({title: [{first if p is pages[0] else p.title: p.path} for p in entries]})
    return items
