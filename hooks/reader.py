"""MkDocs hooks for the reading site: a thin layer over the `marginalia` package.

Event flow: `on_startup` keeps a cache of each text's work when serving, and
for a dirty build (`make serve`) each output's fingerprint (`marginalia.rebuild`);
`on_config` loads the bibliography, the glossary and the texts,
annotates and renders them (once per build, since `mkdocs serve` reuses this
module) and adds them to the navigation; `on_files` adds the generated pages,
then, with every page known, makes each page's citation and download files;
`on_nav`, in a dirty build, removes the outputs whose inputs changed, so
that MkDocs writes them again and skips the rest;
`on_page_markdown` fills the home page's list of texts and puts the page's
head tags into `page.meta` for `overrides/main.html`; `on_page_content` puts
the finished HTML of a generated page (glossary, bibliography) in place of
its skeleton's marker and its headings into the page's table of contents,
then sanitizes the HTML of every page made from the inputs (see
`marginalia.inert`); `on_page_context` appends the "Cite this page" block,
whose references a worker process formats while the pages are converted;
`on_post_page` lets go of a written page's HTML; `on_post_build` indexes the
finished site for search with Pagefind (see `marginalia.search`; in the
background while serving). Content problems are logged as warnings, so
`mkdocs build --strict` fails on them.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import html
import logging
import threading
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils.meta import get_data
from mkdocs.utils.templates import TemplateContext

from marginalia.cache import TextCache
from marginalia.citing.block import HEADING as CITE_HEADING
from marginalia.citing.block import HEADING_ID as CITE_HEADING_ID
from marginalia.citing.catalog import CitationCatalog, CitationKeyCollision, PageSource, markdown_title
from marginalia.citing.edition import edition_date
from marginalia.curation import curator_report
from marginalia.ingest.report import summary_line
from marginalia.rebuild import NavNode, OutputFingerprints, fingerprint, nav_fingerprint, visible_nav
from marginalia.render import RenderedPage
from marginalia.render.html import GENERATED_MARKER, Heading, HeadingNode, heading_tree
from marginalia.search import SearchIndexError, index_site
from marginalia.site import SiteBuild

log = logging.getLogger("mkdocs.hooks.reader")
TEXTS_DIR = "texts"
BIB_DIR = "bib"
GLOSSARY_DIR = "glossary"
_build: SiteBuild | None = None
_catalog: CitationCatalog | None = None
_cache: TextCache | None = None
_outputs: OutputFingerprints | None = None
_serving = False
_indexing: threading.Thread | None = None
PRUNED_NAV = frozenset({"navigation.sections", "navigation.prune"})
"""Material's features under which a page shows only its own branch of the navigation (`visible_nav`)."""
UNFOLLOWED_NAV = frozenset({"navigation.tabs", "navigation.expand"})
"""Features that change which items show in ways `visible_nav` does not follow: each page then counts all."""
DIRTY_WARNING = "A 'dirty' build is being performed"
"""MkDocs' warning on every dirty build, which these hooks make exact (see `marginalia.rebuild`)."""


class GeneratedFile(File):
    """A generated file that a dirty build writes only when its output is missing (see `marginalia.rebuild`)."""

    def is_modified(self) -> bool:
        return not Path(self.abs_dest_path).is_file()


def on_startup(command: str, dirty: bool) -> None:
    global _cache, _outputs, _serving  # noqa: PLW0603 - the caches outlive each build while serving
    # Serving rebuilds after every edit: keep each text's work for the next build (see marginalia.cache).
    _serving = command == "serve"
    _cache = TextCache() if _serving else None
    _outputs = OutputFingerprints() if dirty else None
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(
            lambda record: not str(record.msg).startswith(DIRTY_WARNING)
        )


def on_shutdown() -> None:
    if _indexing is not None:
        _indexing.join()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build, _catalog
    if _indexing is not None:  # the last rebuild's search index, still being written into the site
        _indexing.join()
    root = Path(config.config_file_path).resolve().parent
    for folder in (TEXTS_DIR, BIB_DIR, GLOSSARY_DIR):
        if not (root / folder).is_dir():
            raise PluginError(
                f"no {folder}/ folder beside {config.config_file_path}: create it (see the editors' guide)"
            )
    _build, _catalog = SiteBuild.load(root / TEXTS_DIR, root / BIB_DIR, root / GLOSSARY_DIR, _cache), None
    for diagnostic in _build.diagnostics:
        log.warning(str(diagnostic))
    for text in _build.texts:
        log.info("ingest: %s", summary_line(text.document))
    log.info(curator_report(_build.glossary, _build.texts, _build.bibliography.entries).summary())
    _build.release_texts()
    config.nav = _build.insert_nav(config.nav)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _catalog  # noqa: PLW0603 - see on_config
    build = _current()
    for page in build.pages:
        files.append(GeneratedFile.generated(config, page.path, content=page.markdown))
    for path, content in build.files:
        files.append(GeneratedFile.generated(config, path, content=content))
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
        files.append(GeneratedFile.generated(config, path, content=content))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if _outputs is None:
        return nav
    # A dirty build: remove the outputs whose inputs changed, so that MkDocs writes them, and only them, again.
    current = _fingerprints(nav, config, files)
    outdated = _outputs.outdated(current)
    for path in outdated:
        Path(path).unlink(missing_ok=True)
    log.info("dirty build: %d of %d pages and generated files to write", len(outdated), len(current))
    return nav


def _fingerprints(nav: Navigation, config: MkDocsConfig, files: Files) -> dict[str, str]:
    # Each page and generated file by its output path: a hash of everything its output is made of.
    build, catalog = _current(), _catalog
    root = Path(config.config_file_path).resolve().parent
    custom = config.theme.custom_dir
    theme = [root / config.config_file_path, *(sorted(Path(custom).rglob("*")) if custom else [])]
    site = fingerprint(nav.homepage.url if nav.homepage else "", *(_read(p) for p in theme if p.is_file()))
    branches: dict[str, tuple[int, ...]] = {}
    nodes = _nav_nodes(nav.items, branches, ())
    features = set(config.theme.get("features") or [])
    whole = None if features >= PRUNED_NAV and not features & UNFOLLOWED_NAV else nav_fingerprint(nodes)
    # Pages written in docs/ are few: any change to one of them, or to anything else watched (the
    # package's source, which the API reference shows), writes them all.
    ours = {root / TEXTS_DIR, root / BIB_DIR, root / GLOSSARY_DIR}
    watched = [Path(folder) for folder in config.watch if Path(folder).resolve() not in ours]
    inside = [path for w in watched for path in ([w] if w.is_file() else sorted(w.rglob("*"))) if path.is_file()]
    stamps = [f"{path}\t{path.stat().st_mtime_ns}" for path in inside]
    docs = fingerprint(*(f.content_string for f in files.documentation_pages() if f.generated_by is None), *stamps)
    current = {}
    for file in files:
        if file.is_documentation_page():
            source = file.content_string
            shown = whole or nav_fingerprint(visible_nav(nodes, branches.get(file.src_uri, ())))
            page = file.page  # None for a page outside the navigation
            neighbours = [(p.title or "", p.url) for p in (page.previous_page, page.next_page) if p] if page else []
            parts = (build.page_inputs(file.src_uri, source), catalog.page_inputs(file.src_uri) if catalog else "")
            own = "" if file.generated_by else docs
            current[file.abs_dest_path] = fingerprint(site, shown, repr(neighbours), source, *parts, own)
        elif file.generated_by is not None:
            current[file.abs_dest_path] = fingerprint(file.content_string)
    return current


def _nav_nodes(
    items: list[StructureItem], branches: dict[str, tuple[int, ...]], place: tuple[int, ...]
) -> tuple[NavNode, ...]:
    # The navigation's items; each page's place in it goes into `branches`.
    nodes: list[NavNode] = []
    for index, item in enumerate(items):
        if isinstance(item, Section):
            nodes.append((item.title or "", "", _nav_nodes(item.children, branches, (*place, index))))
        elif isinstance(item, Page):
            branches[item.file.src_uri] = place
            # A page titled by its own heading shows that heading; its front matter may add an icon or a status.
            source = item.file.content_string
            nodes.append((f"{item.title or source}\t{get_data(source)[1]}", item.url, ()))
        elif isinstance(item, Link):
            nodes.append((item.title or "", item.url, ()))
    return tuple(nodes)


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _current()
    if page.is_homepage:
        markdown = build.fill_home(markdown)
    if (title := build.document_title(page.file.src_uri)) is not None:
        page.meta["title"] = html.escape(title, quote=False)  # Material writes it into <title> unescaped
    if _catalog is None or page.file.src_uri not in _catalog.citations:
        return markdown
    head = _catalog.head(page.file.src_uri)
    page.meta["marginalia_head"] = [{"attr": a, "name": n, "content": c} for a, n, c in head.tags]
    page.meta["marginalia_json_ld"] = head.json_ld
    if head.description:
        # Material writes the description into its meta tag unescaped.
        page.meta["description"] = html.escape(head.description, quote=True)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _current()
    page.markdown = None  # converted: MkDocs holds every page's HTML until it writes them, not their sources too
    generated = build.generated_html(page.file.src_uri)
    if generated is not None:
        html = _with_generated(html, page, generated)
    if _has_cite_block(page):
        _add_to_toc(page, [HeadingNode(Heading(2, CITE_HEADING_ID, CITE_HEADING), [])], first=False)
        if page.present_anchor_ids is not None:
            page.present_anchor_ids.add(CITE_HEADING_ID)
    return build.page_html(page.file.src_uri, html, is_homepage=page.is_homepage)


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    # The "Cite this page" block, finished HTML, ends the page after its notes. It is added as the page is
    # written, not as it is converted, so that the citations are formatted meanwhile (`CitationCatalog.add`).
    if _catalog is not None and _has_cite_block(page):
        block = _current().page_html(page.file.src_uri, _catalog.block(page.file.src_uri), is_homepage=page.is_homepage)
        page.content = f"{page.content}\n{block}"
    return context


def _has_cite_block(page: Page) -> bool:
    return _catalog is not None and page.file.src_uri in _catalog.citations


def _with_generated(html: str, page: Page, generated: RenderedPage) -> str:
    tree = heading_tree(list(generated.headings))
    if tree and tree[0].heading.level == 1:  # the page's HTML holds its title: its contents are all ours
        page.toc = TableOfContents([_anchor(node) for node in tree])
    else:
        _add_to_toc(page, tree, first=True)
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= generated.anchors
    return html.replace(GENERATED_MARKER, generated.html)


def _add_to_toc(page: Page, tree: list[HeadingNode], *, first: bool) -> None:
    # Under the page's title (its first heading) when it has one; before or after the headings there.
    title = next(iter(page.toc), None)
    below = title.children if title is not None else page.toc.items
    links = [_anchor(node) for node in tree]
    below[:] = [*links, *below] if first else [*below, *links]


def _anchor(node: HeadingNode) -> AnchorLink:
    # The theme prints table-of-contents titles as HTML: a heading's text is escaped.
    link = AnchorLink(html.escape(node.heading.title, quote=False), node.heading.id, node.heading.level)
    link.children = [_anchor(child) for child in node.children]
    return link


# After every plugin (priority 0): the page's HTML is in `output`, which MkDocs writes next.
@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    page.content = None  # written: not held for the rest of the build (nor while Pagefind runs)
    return output


# After every plugin (priority 0) has written its files: Pagefind reads the finished pages.
@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    global _indexing  # noqa: PLW0603 - see on_config
    if _outputs is not None:
        _outputs.commit()
    if _serving:
        # The rebuilt pages are served at once; the search index follows a moment later (joined in on_config).
        _indexing = threading.Thread(target=_index_in_background, args=(Path(config.site_dir),), daemon=True)
        _indexing.start()
        return
    _release_memory()
    try:
        index_site(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from error


def _release_memory() -> None:
    # Every page is written: hand what the build made back to the system before Pagefind needs memory
    # (at 1,000 texts this process holds 380 MiB instead of 650 while Pagefind runs).
    global _build, _catalog  # noqa: PLW0603 - see on_config
    _build = _catalog = None
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # glibc only: give freed heap pages back
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _index_in_background(site_dir: Path) -> None:
    try:
        index_site(site_dir)
    except SearchIndexError as error:
        log.error("search index not updated: %s", error)


def _current() -> SiteBuild:
    if _build is None:
        raise PluginError("marginalia: on_config did not run; this is a bug in hooks/reader.py")
    return _build
