"""MkDocs hooks for the reading site: a thin layer over the `marginalia` package.

Event flow: `on_config` loads and renders the corpus (once per build, since
`mkdocs serve` reuses this module) and adds the texts to the navigation;
`on_files` adds the generated pages; `on_page_markdown` fills the home page's
list of texts. Content problems are logged as warnings, so `--strict` fails.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from marginalia.site import SiteBuild

log = logging.getLogger("mkdocs.hooks.reader")
TEXTS_DIR = "texts"
_build: SiteBuild | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build  # noqa: PLW0603 - per-build state, reset here because `mkdocs serve` reuses this module
    texts_dir = Path(config.config_file_path).resolve().parent / TEXTS_DIR
    if not texts_dir.is_dir():
        raise PluginError(f"no {TEXTS_DIR}/ folder beside {config.config_file_path}: create it, one folder per text")
    _build = SiteBuild.load(texts_dir)
    for diagnostic in _build.diagnostics:
        log.warning(str(diagnostic))
    config.nav = _build.insert_nav(config.nav)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in _current().pages:
        files.append(File.generated(config, page.path, content=page.markdown))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _current().fill_home(markdown) if page.is_homepage else markdown


def _current() -> SiteBuild:
    if _build is None:
        raise PluginError("marginalia: on_config did not run; this is a bug in hooks/reader.py")
    return _build
