"""MkDocs hooks for the reading site: a thin layer over the `marginalia` package.

Event flow: `on_startup` keeps a cache of each text's work when serving;
`on_config` loads the bibliography, the glossary and the texts,
annotates and renders them (once per build, since `mkdocs serve` reuses this
module) and adds them to the navigation; `on_files` adds the generated pages,
then, with every page known, makes each page's citation and download files;
`on_page_markdown` fills the home page's list of texts, appends each page's
"Cite this page" block and puts its head tags into `page.meta` for
`overrides/main.html`; `on_page_content` puts the finished HTML of a
generated page (glossary, bibliography) in place of its skeleton's marker and
its headings into the page's table of contents, then sanitizes the HTML of
every page made from the inputs (see `marginalia.inert`); `on_post_build`
indexes the finished site for search with Pagefind (see `marginalia.search`). Content problems are logged as warnings, so `mkdocs build
--strict` fails on them.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from marginalia.cache import TextCache
from marginalia.citing.catalog import CitationCatalog, CitationKeyCollision, PageSource, markdown_title
from marginalia.citing.edition import edition_date
from marginalia.glossary.report import curator_report
from marginalia.ingest.report import summary_line
from marginalia.render import RenderedPage
from marginalia.render.html import GENERATED_MARKER, Heading, heading_tree
from marginalia.search import SearchIndexError, index_site
from marginalia.site import SiteBuild

log = logging.getLogger("mkdocs.hooks.reader")
TEXTS_DIR = "texts"
BIB_DIR = "bib"
GLOSSARY_DIR = "glossary"
_build: SiteBuild | None = None
_catalog: CitationCatalog | None = None
_cache: TextCache | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _cache  # noqa: PLW0603 - the cache outlives each build while serving
    # Serving rebuilds after every edit: keep each text's work for the next build (see marginalia.cache).
    _cache = TextCache() if command == "serve" else None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build, _catalog
    root = Path(config.config_file_path).resolve().parent
    for folder in (TEXTS_DIR, BIB_DIR, GLOSSARY_DIR):
        if not (root / folder).is_dir():
            raise PluginError(
                f"no {folder}/ folder beside {config.config_file_path}: create it (see the editors' guide)"
            )
    _build, _catalog = SiteBuild.load(root / TEXTS_DIR, root / BIB_DIR, root / GLOSSARY_DIR, _cache), None
    for diagnostic in _build.diagnostics:
        log.warning(str(diagnostic))
    for text in _build.corpus.texts:
        log.info("ingest: %s", summary_line(text.document))
    log.info(curator_report(_build.glossary, _build.corpus.texts, _build.bibliography.entries).summary())
    _build.release_texts()
    config.nav = _build.insert_nav(config.nav)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _catalog  # noqa: PLW0603 - see on_config
    build = _current()
    for page in build.pages:
        files.append(File.generated(config, page.path, content=page.markdown))
    for path, content in build.files:
        files.append(File.generated(config, path, content=content))
    sources = [
        PageSource(file.src_uri, file.url, markdown_title(file.content_string, file.name))
        for file in files.documentation_pages()
    ]
    root = Path(config.config_file_path).resolve().parent
    try:
        _catalog = build.citation_catalog(
            sources, site=config.site_name, site_url=config.site_url or "", date=edition_date(root)
        )
    except CitationKeyCollision as error:
        raise PluginError(str(error)) from error
    for path, content in _catalog.files():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _current()
    if page.is_homepage:
        markdown = build.fill_home(markdown)
    if _catalog is None or page.file.src_uri not in _catalog.citations:
        return markdown
    head = _catalog.head(page.file.src_uri)
    page.meta["marginalia_head"] = [{"attr": a, "name": n, "content": c} for a, n, c in head.tags]
    page.meta["marginalia_json_ld"] = head.json_ld
    if head.description:
        # Material writes the description into its meta tag unescaped.
        page.meta["description"] = html.escape(head.description, quote=True)
    return _catalog.append_block(page.file.src_uri, markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _current()
    generated = build.generated_html(page.file.src_uri)
    if generated is not None:
        html = _with_generated(html, page, generated)
    return build.page_html(page.file.src_uri, html, is_homepage=page.is_homepage)


def _with_generated(html: str, page: Page, generated: RenderedPage) -> str:
    title = next(iter(page.toc), None)
    if title is not None:
        title.children[:0] = [_anchor(heading, below) for heading, below in heading_tree(list(generated.headings))]
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= generated.anchors
    return html.replace(GENERATED_MARKER, generated.html)


def _anchor(heading: Heading, below: list[Heading]) -> AnchorLink:
    # The theme prints table-of-contents titles as HTML: a heading's text is escaped.
    link = AnchorLink(html.escape(heading.title, quote=False), heading.id, heading.level)
    link.children = [AnchorLink(html.escape(h.title, quote=False), h.id, h.level) for h in below]
    return link


# After every plugin (priority 0) has written its files: Pagefind reads the finished pages.
@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    try:
        index_site(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from error


def _current() -> SiteBuild:
    if _build is None:
        raise PluginError("marginalia: on_config did not run; this is a bug in hooks/reader.py")
    return _build
