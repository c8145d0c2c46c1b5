"""MkDocs hooks for the reading site: a thin layer over the `marginalia` package.

Each event hands MkDocs what the package made: `on_config` runs the build's
stages (`marginalia.site.SiteBuild`), `on_files` adds the generated pages and
downloads, `on_page_*` put each generated page's finished HTML in place,
`on_env` ends the pages with their cite blocks, `on_post_build` puts the search
index in. The table "MkDocs events" in docs/developers/architecture.md says
what each does and why; what they keep between them is a `HookState`
(`hooks/hook_state.py`). Content problems are logged as warnings, so
`mkdocs build --strict` fails on them.
"""

from __future__ import annotations

import html
import logging
import threading
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hook_state import HookState, index_in_background
from marginalia.cache import TextCache
from marginalia.citing.block import HEADING as CITE_HEADING
from marginalia.citing.block import HEADING_ID as CITE_HEADING_ID
from marginalia.citing.edition import edition_date
from marginalia.corpus import worth_sharing
from marginalia.curation import curator_report
from marginalia.ingest.report import summary_line
from marginalia.parallel import workers_kept
from marginalia.rebuild import OutputFingerprints
from marginalia.render.html import Heading, HeadingNode
from marginalia.search import EarlyIndex, SearchIndexError, index_site
from marginalia.site import SiteBuild
from material_nav import nav_item_html
from mkdocs_data import GeneratedFile, add_to_toc, fingerprints, with_generated, write_ahead

log = logging.getLogger("mkdocs.hooks.reader")
TEXTS_DIR = "texts"
BIB_DIR = "bib"
GLOSSARY_DIR = "glossary"
DIRTY_WARNING = "A 'dirty' build is being performed"
"""MkDocs' warning on every dirty build, which these hooks make exact (see `marginalia.rebuild`)."""

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
    _state.wait_for_index()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.wait_for_index()
    root = Path(config.config_file_path).resolve().parent
    for folder in (TEXTS_DIR, BIB_DIR, GLOSSARY_DIR):
        if not (root / folder).is_dir():
            raise PluginError(
                f"no {folder}/ folder beside {config.config_file_path}: create it (see the editors' guide)"
            )
    _state.workers.close()  # those of a build that failed
    _state.workers.enter_context(workers_kept(started=not _state.serving and worth_sharing(root / TEXTS_DIR)))
    build = SiteBuild.load(root / TEXTS_DIR, root / BIB_DIR, root / GLOSSARY_DIR, _state.cache)
    _state.build = build
    _state.generated = [GeneratedFile.generated(config, page.path, content=page.markdown) for page in build.pages]
    _state.generated += [GeneratedFile.generated(config, path, content=content) for path, content in build.files]
    # The generated pages' references are formatted in the background from now on; the others join in on_files.
    _state.catalog = build.citation_catalog(
        site=config.site_name, site_url=config.site_url or "", date=edition_date(root)
    )
    _state.add_citations(_state.generated)
    for diagnostic in build.diagnostics:
        log.warning(str(diagnostic))
    for text in build.texts:
        log.info("ingest: %s", summary_line(text.document))
    log.info(curator_report(build.glossary, build.texts, build.bibliography.entries, build.uncovered).summary())
    build.release_texts()
    config.nav = build.insert_nav(config.nav)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in _state.generated:
        files.append(file)
    _state.add_citations(list(files.documentation_pages()))
    for path, content in _state.current_catalog().files():
        files.append(GeneratedFile.generated(config, path, content=content))
    if _state.whole_build:
        write_ahead(files)  # the downloads, while the pages are converted
    return files


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
    # Every page is converted: each ends with its "Cite this page" block, whose citations were formatted meanwhile.
    pages = [file.page for file in files.documentation_pages() if file.page and file.page.content is not None]
    _state.append_cite_blocks(pages)
    _state.workers.close()
    if _state.whole_build:  # index the articles while the pages are written
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
    if head.description:  # Material's meta tag: unescaped
        page.meta["description"] = html.escape(head.description, quote=True)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _state.current()
    page.markdown = None  # converted: MkDocs holds every page's HTML until it writes them, not their sources too
    generated = build.generated_html(page.file.src_uri)
    if generated is not None:
        html = with_generated(html, page, generated)
    if _state.has_cite_block(page):
        add_to_toc(page, [HeadingNode(Heading(2, CITE_HEADING_ID, CITE_HEADING), [])], first=False)
        if page.present_anchor_ids is not None:
            page.present_anchor_ids.add(CITE_HEADING_ID)
    return build.page_html(page.file.src_uri, html, is_homepage=page.is_homepage, sanitized=generated is not None)


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
        _state.indexing = threading.Thread(target=index_in_background, args=(Path(config.site_dir),), daemon=True)
        _state.indexing.start()
        return
    early, _state.early_index = _state.early_index, None
    _state.release()
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
