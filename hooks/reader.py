"""MkDocs hooks for the reading site: a thin layer over the `marginalia` package.

Event flow: `on_config` loads the bibliography and the texts, annotates and
renders them (once per build, since `mkdocs serve` reuses this module) and
adds them to the navigation; `on_files` adds the generated pages and `.bib`
files; `on_page_markdown` fills the home page's list of texts. Content problems
are logged as warnings, so `mkdocs build --strict` fails on them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from marginalia.glossary.report import curator_report
from marginalia.site import SiteBuild

log = logging.getLogger("mkdocs.hooks.reader")
TEXTS_DIR = "texts"
BIB_DIR = "bib"
GLOSSARY_DIR = "glossary"
_build: SiteBuild | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build  # noqa: PLW0603 - per-build state, reset here because `mkdocs serve` reuses this module
    root = Path(config.config_file_path).resolve().parent
    for folder in (TEXTS_DIR, BIB_DIR, GLOSSARY_DIR):
        if not (root / folder).is_dir():
            raise PluginError(
                f"no {folder}/ folder beside {config.config_file_path}: create it (see the editors' guide)"
            )
    _build = SiteBuild.load(root / TEXTS_DIR, root / BIB_DIR, root / GLOSSARY_DIR)
    for diagnostic in _build.diagnostics:
        log.warning(str(diagnostic))
    log.info(curator_report(_build.glossary, _build.corpus.texts).summary())
    config.nav = _build.insert_nav(config.nav)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _current()
    for page in build.pages:
        files.append(File.generated(config, page.path, content=page.markdown))
    for path, content in build.files:
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _current().fill_home(markdown) if page.is_homepage else markdown


def _current() -> SiteBuild:
    if _build is None:
        raise PluginError("marginalia: on_config did not run; this is a bug in hooks/reader.py")
    return _build
