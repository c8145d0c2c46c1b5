"""One build of the reading site: the corpus loaded, its pages rendered, once per build.

Everything here is plain data; `hooks/reader.py` hands it to MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from marginalia.corpus import Corpus, load_corpus
from marginalia.model import Diagnostic
from marginalia.render import RenderedPage, render_text, render_text_list, text_nav
from marginalia.render.pages import NavItem

TEXT_LIST_PLACEHOLDER = "<!-- marginalia:text-list -->"
"""Where the home page wants the list of texts."""
TEXTS_NAV_TITLE = "Texts"


@dataclass
class SiteBuild:
    """The corpus and its rendered pages for one build.

    Attributes:
        corpus: The loaded texts.
        pages: Every generated page, by text, in order.
        diagnostics: Every content problem found, for the build log.
    """

    corpus: Corpus
    pages: list[RenderedPage] = field(default_factory=list)
    nav: list[NavItem] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Content problems, in file and line order."""
        return self.corpus.diagnostics

    @classmethod
    def load(cls, texts_dir: Path) -> SiteBuild:
        """Load and render every text under `texts_dir`.

        Args:
            texts_dir: The corpus folder; messages name files relative to its parent.

        Returns:
            The build's data.
        """
        build = cls(load_corpus(texts_dir))
        root = texts_dir.resolve().parent
        build.corpus.diagnostics = [d.relative_to(root) for d in build.corpus.diagnostics]
        by_text = [(text, render_text(text)) for text in build.corpus.texts]
        build.pages = [page for _, pages in by_text for page in pages]
        build.nav = text_nav(by_text)
        return build

    def fill_home(self, markdown: str) -> str:
        """Put the list of texts where the home page asks for it."""
        return markdown.replace(TEXT_LIST_PLACEHOLDER, render_text_list(self.corpus.texts))

    def insert_nav(self, nav: list[NavItem] | None) -> list[NavItem] | None:
        """Put the texts into a configured `nav` as its "Texts" entry, after the first item.

        An existing "Texts" entry is replaced; with no `nav` configured MkDocs
        builds one from the files, texts included.

        Args:
            nav: The configured navigation.

        Returns:
            The navigation with the texts.
        """
        if nav is None:
            return None
        rest = [item for item in nav if not (isinstance(item, dict) and TEXTS_NAV_TITLE in item)]
        return [*rest[:1], {TEXTS_NAV_TITLE: list(self.nav)}, *rest[1:]]
