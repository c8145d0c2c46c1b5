"""One build of the reading site: bibliography and texts loaded, annotated and rendered, once per build.

Everything here is plain data; `hooks/reader.py` hands it to MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from marginalia.annotate import link_citations
from marginalia.bibliography.aliases import load_aliases
from marginalia.bibliography.chicago import format_entries, plain_text
from marginalia.bibliography.entries import Bibliography, load_bibliography
from marginalia.bibliography.resolve import CitationResolver
from marginalia.corpus import Corpus, Text, load_corpus
from marginalia.model import Diagnostic
from marginalia.render import RenderedPage, render_text, render_text_list
from marginalia.render.bibliography import (
    SITE_BIBLIOGRAPHY_PAGE,
    BibliographyData,
    entry_file_path,
    render_bibliography_pages,
)
from marginalia.render.pages import NavItem

TEXT_LIST_PLACEHOLDER = "<!-- marginalia:text-list -->"
"""Where the home page wants the list of texts."""
TEXTS_NAV_TITLE = "Texts"
BIBLIOGRAPHY_NAV_TITLE = "Bibliography"
ALIASES_NAME = "aliases.yml"


@dataclass
class SiteBuild:
    """The corpus, its bibliography and every generated file for one build.

    Attributes:
        corpus: The loaded, annotated texts.
        bibliography: The loaded entries.
        pages: Every generated page: texts' pages, then bibliography pages.
        files: Other generated files (path, content): one `.bib` per entry.
        nav: Navigation items for the texts.
        diagnostics: Every content problem found, for the build log.
    """

    corpus: Corpus
    bibliography: Bibliography
    pages: list[RenderedPage] = field(default_factory=list)
    files: list[tuple[str, str]] = field(default_factory=list)
    nav: list[NavItem] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @classmethod
    def load(cls, texts_dir: Path, bib_dir: Path) -> SiteBuild:
        """Load, annotate and render every text under `texts_dir` against the bibliography in `bib_dir`.

        Args:
            texts_dir: The corpus folder.
            bib_dir: The bibliography folder (`*.bib` and `aliases.yml`).

        Returns:
            The build's data; messages name files relative to the parent of `texts_dir`.
        """
        bibliography = load_bibliography(bib_dir)
        aliases, alias_problems = load_aliases(bib_dir / ALIASES_NAME, set(bibliography.entries))
        formatted = format_entries(list(bibliography.entries.values()))
        resolver = CitationResolver(bibliography, aliases)
        previews = {key: plain_text(text) for key, text in formatted.items()}
        corpus = load_corpus(texts_dir)
        build = cls(corpus, bibliography)
        build.diagnostics = [*bibliography.diagnostics, *alias_problems, *corpus.diagnostics]
        for text in corpus.texts:
            already = len(text.document.diagnostics)
            text.citations = link_citations(text.document, resolver, previews)
            build.diagnostics += text.document.diagnostics[already:]
        by_text = [(text, render_text(text)) for text in corpus.texts]
        bibliography_pages = render_bibliography_pages(BibliographyData(bibliography.entries, formatted, by_text))
        text_bibliographies = {page.path: page for page in bibliography_pages[1:]}
        build.pages = [page for _, pages in by_text for page in pages] + bibliography_pages
        build.files = [(entry_file_path(key), entry.raw.strip() + "\n") for key, entry in bibliography.entries.items()]
        build.nav = _texts_nav(by_text, text_bibliographies)
        root = texts_dir.resolve().parent
        build.diagnostics = [d.relative_to(root) for d in build.diagnostics]
        return build

    def fill_home(self, markdown: str) -> str:
        """Put the list of texts where the home page asks for it."""
        return markdown.replace(TEXT_LIST_PLACEHOLDER, render_text_list(self.corpus.texts))

    def insert_nav(self, nav: list[NavItem] | None) -> list[NavItem] | None:
        """Put the texts and the bibliography into a configured `nav`, after its first item.

        Existing "Texts" and "Bibliography" entries are replaced; with no `nav`
        configured MkDocs builds one from the files.

        Args:
            nav: The configured navigation.

        Returns:
            The navigation with the texts.
        """
        if nav is None:
            return None
        ours = (TEXTS_NAV_TITLE, BIBLIOGRAPHY_NAV_TITLE)
        rest = [item for item in nav if not (isinstance(item, dict) and any(k in item for k in ours))]
        added: list[NavItem] = [{TEXTS_NAV_TITLE: list(self.nav)}, {BIBLIOGRAPHY_NAV_TITLE: SITE_BIBLIOGRAPHY_PAGE}]
        return [*rest[:1], *added, *rest[1:]]


def _texts_nav(
    by_text: list[tuple[Text, list[RenderedPage]]], bibliographies: dict[str, RenderedPage]
) -> list[NavItem]:
    """One navigation entry per text: its pages, then its bibliography page, nested when more than one."""
    items: list[NavItem] = []
    for text, pages in by_text:
        entries = [*pages, *(p for path, p in bibliographies.items() if path.startswith(f"texts/{text.slug}/"))]
        if len(entries) == 1:
            items.append({text.meta.nav_title: entries[0].path})
        else:
            first = "Title page" if len(pages) > 1 else "Text"
            items.append({text.meta.nav_title: [{first if p is pages[0] else p.title: p.path} for p in entries]})
    return items
