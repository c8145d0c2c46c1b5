"""MkDocs hooks for the reading site: a thin layer over the `marginalia` package.

Event flow: `on_startup` keeps a cache of each text's work when serving, and
for a dirty build (`make serve`) each output's fingerprint (`marginalia.rebuild`);
`on_config` loads the bibliography, the glossary and the texts,
annotates and renders them (once per build, since `mkdocs serve` reuses this
module) and adds them to the navigation; `on_files` adds the generated pages,
then, with every page known, makes each page's citation and download files;
`on_nav`, in a dirty build, removes the outputs whose inputs changed, so
that MkDocs writes them again and skips the rest (`mkdocs_data.fingerprints`);
`on_page_markdown` fills the home page's list of texts and puts the page's
head tags into `page.meta` for `overrides/main.html`; `on_page_content` puts
the finished HTML of a generated page (glossary, bibliography) in place of
its skeleton's marker and its headings into the page's table of contents,
then sanitizes the HTML of every page made from the inputs (see
`marginalia.inert`); `on_env` lets Material render each navigation item once
per place it is seen from (`material_nav`) and appends the "Cite this page"
block to every page, whose references a worker process formatted while the
pages were converted, then, in a build that is not serving, starts indexing
the pages' articles for search (`marginalia.search.EarlyIndex`);
`on_post_page` checks each written page against what was indexed and lets go
of its HTML; `on_post_build` puts that index into the site, or indexes the
finished site with Pagefind (see `marginalia.search`; in the background while
serving). Content problems are logged as warnings, so
`mkdocs build --strict` fails on them.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import html
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from marginalia.cache import TextCache
from marginalia.citing.block import HEADING as CITE_HEADING
from marginalia.citing.block import HEADING_ID as CITE_HEADING_ID
from marginalia.citing.catalog import CitationCatalog, CitationKeyCollision, PageSource, markdown_title
from marginalia.citing.edition import edition_date
from marginalia.curation import curator_report
from marginalia.ingest.report import summary_line
from marginalia.parallel import workers_kept
from marginalia.rebuild import OutputFingerprints
from marginalia.render.html import Heading, HeadingNode
from marginalia.search import EarlyIndex, SearchIndexError, index_site
from marginalia.site import SiteBuild
from material_nav import nav_item_html
from mkdocs_data import GeneratedFile, add_to_toc, fingerprints, with_generated

log = logging.getLogger("mkdocs.hooks.reader")
TEXTS_DIR = "texts"
BIB_DIR = "bib"
GLOSSARY_DIR = "glossary"
DIRTY_WARNING = "A 'dirty' build is being performed"
"""MkDocs' warning on every dirty build, which these hooks make exact (see `marginalia.rebuild`)."""


@dataclass
class HookState:
    """What the hooks keep between events; `mkdocs serve` reuses this module, so some of it outlives a build.

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

    def current(self) -> SiteBuild:
        if self.build is None:
            raise PluginError("marginalia: on_config did not run; this is a bug in hooks/reader.py")
        return self.build

    def current_catalog(self) -> CitationCatalog:
        if self.catalog is None:
            raise PluginError("marginalia: on_config did not run; this is a bug in hooks/reader.py")
        return self.catalog


_state = HookState()


def on_startup(command: str, dirty: bool) -> None:
    # Serving rebuilds after every edit: keep each text's work for the next build (see marginalia.cache).
    _state.serving = command == "serve"
    _state.cache = TextCache() if _state.serving else None
    _state.outputs = OutputFingerprints() if dirty else None
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(
            lambda record: not str(record.msg).startswith(DIRTY_WARNING)
        )


def on_shutdown() -> None:
    if _state.indexing is not None:
        _state.indexing.join()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _state.indexing is not None:  # the last rebuild's search index, still being written into the site
        _state.indexing.join()
    root = Path(config.config_file_path).resolve().parent
    for folder in (TEXTS_DIR, BIB_DIR, GLOSSARY_DIR):
        if not (root / folder).is_dir():
            raise PluginError(
                f"no {folder}/ folder beside {config.config_file_path}: create it (see the editors' guide)"
            )
    _state.workers.close()  # those of a build that failed
    _state.workers.enter_context(workers_kept())
    build = SiteBuild.load(root / TEXTS_DIR, root / BIB_DIR, root / GLOSSARY_DIR, _state.cache)
    _state.build = build
    _state.generated = [GeneratedFile.generated(config, page.path, content=page.markdown) for page in build.pages]
    _state.generated += [GeneratedFile.generated(config, path, content=content) for path, content in build.files]
    # The generated pages' references are formatted in the background from now on; the others join in on_files.
    _state.catalog = build.citation_catalog(
        site=config.site_name, site_url=config.site_url or "", date=edition_date(root)
    )
    _add_citations(build, _state.generated)
    for diagnostic in build.diagnostics:
        log.warning(str(diagnostic))
    for text in build.texts:
        log.info("ingest: %s", summary_line(text.document))
    log.info(curator_report(build.glossary, build.texts, build.bibliography.entries, build.uncovered).summary())
    build.release_texts()
    config.nav = build.insert_nav(config.nav)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _state.current()
    for file in _state.generated:
        files.append(file)
    _add_citations(build, list(files.documentation_pages()))
    for path, content in _state.current_catalog().files():
        files.append(GeneratedFile.generated(config, path, content=content))
    return files


def _add_citations(build: SiteBuild, pages: list[File]) -> None:
    sources = [
        PageSource(file.src_uri, file.url, markdown_title(file.content_string, file.name))
        for file in pages
        if file.is_documentation_page()
    ]
    try:
        build.add_citations(_state.current_catalog(), sources)
    except CitationKeyCollision as error:
        raise PluginError(str(error)) from error


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if _state.outputs is None:
        return nav
    # A dirty build: remove the outputs whose inputs changed, so that MkDocs writes them, and only them, again.
    root = Path(config.config_file_path).resolve().parent
    own = frozenset(root / folder for folder in (TEXTS_DIR, BIB_DIR, GLOSSARY_DIR))
    current = fingerprints(nav, config, files, build=_state.current(), catalog=_state.catalog, own=own)
    outdated = _state.outputs.outdated(current)
    for path in outdated:
        Path(path).unlink(missing_ok=True)
    log.info("dirty build: %d of %d pages and generated files to write", len(outdated), len(current))
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["nav_item_html"] = nav_item_html()  # this build's items: see hooks/material_nav.py
    # Every page is converted: the "Cite this page" block, finished HTML, ends each page after its notes. It is
    # added now, not as each page is converted, so that the citations are formatted meanwhile (`CitationCatalog.add`).
    pages = [file.page for file in files.documentation_pages() if file.page and file.page.content is not None]
    for page in pages:
        if _state.catalog is not None and _has_cite_block(page):
            block = _state.current().page_html(
                page.file.src_uri, _state.catalog.block(page.file.src_uri), is_homepage=page.is_homepage
            )
            page.content = f"{page.content}\n{block}"
    _state.workers.close()
    if not _state.serving and _state.outputs is None:  # a whole build: index the articles while pages are written
        articles = {page.file.dest_uri: page.content or "" for page in pages}
        _state.early_index = EarlyIndex.start(articles, config.theme["language"])
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _state.current()
    catalog = _state.catalog
    if page.is_homepage:
        markdown = build.fill_home(markdown)
    if (title := build.document_title(page.file.src_uri)) is not None:
        page.meta["title"] = html.escape(title, quote=False)  # Material writes it into <title> unescaped
    if catalog is None or page.file.src_uri not in catalog.citations:
        return markdown
    head = catalog.head(page.file.src_uri)
    page.meta["marginalia_head"] = [{"attr": a, "name": n, "content": c} for a, n, c in head.tags]
    page.meta["marginalia_json_ld"] = head.json_ld
    if head.description:
        # Material writes the description into its meta tag unescaped.
        page.meta["description"] = html.escape(head.description, quote=True)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _state.current()
    page.markdown = None  # converted: MkDocs holds every page's HTML until it writes them, not their sources too
    generated = build.generated_html(page.file.src_uri)
    if generated is not None:
        html = with_generated(html, page, generated)
    if _has_cite_block(page):
        add_to_toc(page, [HeadingNode(Heading(2, CITE_HEADING_ID, CITE_HEADING), [])], first=False)
        if page.present_anchor_ids is not None:
            page.present_anchor_ids.add(CITE_HEADING_ID)
    return build.page_html(page.file.src_uri, html, is_homepage=page.is_homepage)


def _has_cite_block(page: Page) -> bool:
    return _state.catalog is not None and page.file.src_uri in _state.catalog.citations


# After every plugin (priority 0): the page's HTML is in `output`, which MkDocs writes next.
@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _state.early_index is not None:
        _state.early_index.check(page.file.dest_uri, output)
    page.content = None  # written: not held for the rest of the build (nor while Pagefind runs)
    return output


# After every plugin (priority 0) has written its files: Pagefind reads the finished pages.
@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    if _state.outputs is not None:
        _state.outputs.commit()
    if _state.serving:
        # The rebuilt pages are served at once; the search index follows a moment later (joined in on_config).
        _state.indexing = threading.Thread(target=_index_in_background, args=(Path(config.site_dir),), daemon=True)
        _state.indexing.start()
        return
    early, _state.early_index = _state.early_index, None
    _release_memory()
    if early is not None and early.finish(Path(config.site_dir)):
        log.info("search: the pages were indexed while they were written")
        return
    try:
        index_site(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from error


def on_build_error(error: Exception) -> None:
    _state.workers.close()
    if _state.early_index is not None:
        _state.early_index.stop()
        _state.early_index = None


def _release_memory() -> None:
    # Every page is written: hand what the build made back to the system before Pagefind needs memory
    # (at 1,000 texts this process holds 380 MiB instead of 650 while Pagefind runs).
    _state.build = _state.catalog = None
    _state.generated = []
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # glibc only: give freed heap pages back
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _index_in_background(site_dir: Path) -> None:
    try:
        index_site(site_dir)
    except SearchIndexError as error:
        log.error("search index not updated: %s", error)
