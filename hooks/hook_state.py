"""What the hooks of `hooks/reader.py` keep between MkDocs' events, and the few steps that work on it alone."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from marginalia.cache import TextCache
from marginalia.citing.catalog import CitationCatalog, CitationKeyCollision, PageSource, markdown_title
from marginalia.rebuild import OutputFingerprints
from marginalia.search import EarlyIndex, SearchIndexError, index_site
from marginalia.site import SiteBuild

log = logging.getLogger("mkdocs.hooks.reader")


@dataclass
class HookState:
    """What the hooks keep between events; `mkdocs serve` reuses the hooks' module, so some of it outlives a build.

    Attributes:
        build: This build's inputs and pages (`on_config`), let go once the pages are written.
        generated: The files the build made (pages, downloads), added to MkDocs' in `on_files`.
        catalog: This build's citations: the generated pages' from `on_config`, every page's from `on_files`.
        cache: Each text's work, kept from build to build while serving.
        outputs: Each output's fingerprint, in a dirty build.
        serving: Whether this is `mkdocs serve`.
        indexing: The search index being written in the background while serving.
        early_index: The search index being made while the pages are written (a build that is not serving).
        workers: Keeps worker processes from `on_config` to `on_env`: they ingest and annotate the texts, then
            format the pages' citations (see `marginalia.parallel`).
    """

    build: SiteBuild | None = None
    generated: list[File] = field(default_factory=list)
    catalog: CitationCatalog | None = None
    cache: TextCache | None = None
    outputs: OutputFingerprints | None = None
    serving: bool = False
    indexing: threading.Thread | None = None
    early_index: EarlyIndex | None = None
    workers: contextlib.ExitStack[bool | None] = field(default_factory=contextlib.ExitStack)

    @property
    def whole_build(self) -> bool:
        """Whether this build writes every output (neither serving nor dirty)."""
        return not self.serving and self.outputs is None

    def wait_for_index(self) -> None:
        """Wait till the last rebuild's search index, made in the background while serving, is in the site."""
        if self.indexing is not None:
            self.indexing.join()

    def current(self) -> SiteBuild:
        if self.build is None:
            raise PluginError("marginalia: on_config did not run; this is a bug in hooks/reader.py")
        return self.build

    def current_catalog(self) -> CitationCatalog:
        if self.catalog is None:
            raise PluginError("marginalia: on_config did not run; this is a bug in hooks/reader.py")
        return self.catalog

    def add_citations(self, pages: list[File]) -> None:
        """Cite each documentation page not yet in the catalog; a key two pages would share stops the build."""
        sources = [
            PageSource(file.src_uri, file.url, markdown_title(file.content_string, file.name))
            for file in pages
            if file.is_documentation_page()
        ]
        try:
            self.current().add_citations(self.current_catalog(), sources)
        except CitationKeyCollision as error:
            raise PluginError(str(error)) from error

    def has_cite_block(self, page: Page) -> bool:
        return self.catalog is not None and page.file.src_uri in self.catalog.citations

    def append_cite_blocks(self, pages: list[Page]) -> None:
        """End each converted page with its "Cite this page" block, finished HTML, sanitized like the page.

        Its references were formatted in the background while MkDocs converted the pages (`CitationCatalog.add`);
        the first block waits for them if need be.
        """
        for page in pages:
            if self.has_cite_block(page):
                block = self.current_catalog().block(page.file.src_uri)
                block = self.current().page_html(page.file.src_uri, block, is_homepage=page.is_homepage)
                page.content = f"{page.content}\n{block}"

    def release(self) -> None:
        """Every page is written: hand what the build made back to the system before Pagefind needs memory.

        At 1,000 texts this process holds 380 MiB instead of 650 while Pagefind runs.
        """
        self.build = self.catalog = None
        self.generated = []
        gc.collect()
        with contextlib.suppress(OSError, AttributeError):  # glibc only: give freed heap pages back
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def index_in_background(site_dir: Path) -> None:
    """Index a served site for search; a failure is logged, the pages are served all the same."""
    try:
        index_site(site_dir)
    except SearchIndexError as error:
        log.error("search index not updated: %s", error)
