"""The site's URL layout, in one place: where each page and file stands, and how one page links another.

Pages are named by their path under `docs/` (`texts/<slug>/index.md`); MkDocs
serves each as a folder (`texts/<slug>/`, `use_directory_urls`), and links
written into HTML are made relative to that folder (`page_url`), so the site
works from any address and offline.

- a text's pages: `texts/<slug>/index.md`, then one page per part
  (`texts/<slug>/preface.md`), and the works it cites: `texts/<slug>/bibliography.md`;
- the glossary: `glossary/index.md`, a page per kind and the timeline, an
  entry's page `glossary/<id>.md`, and the files `glossary/mentions/<id>.json`
  and `glossary/names.json`;
- the bibliography: `bibliography/index.md`, a work's page `bibliography/<key>.md`
  and its BibTeX `bibliography/<key>.bib`.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

TEXTS_DIR = "texts"
GLOSSARY_DIR = "glossary"
BIBLIOGRAPHY_DIR = "bibliography"
TEXT_BIBLIOGRAPHY_NAME = "bibliography.md"
"""The page, beside a text's pages, that lists the works the text cites."""
SITE_BIBLIOGRAPHY_PAGE = f"{BIBLIOGRAPHY_DIR}/index.md"
GLOSSARY_OVERVIEW_PAGE = f"{GLOSSARY_DIR}/index.md"
TIMELINE_PAGE = f"{GLOSSARY_DIR}/timeline.md"
NAMES_FILE = f"{GLOSSARY_DIR}/names.json"
"""Every entry's forms and page, for the search box's "Did you mean …?" (`overrides/assets/javascripts/search.js`)."""
MENTIONS_DIR = f"{GLOSSARY_DIR}/mentions"


def text_page(slug: str, name: str = "index") -> str:
    """A page of a text: its first page, or the page of a part (`preface`)."""
    return f"{TEXTS_DIR}/{slug}/{name}.md"


def text_bibliography_page(slug: str) -> str:
    """The page listing the works a text cites."""
    return f"{TEXTS_DIR}/{slug}/{TEXT_BIBLIOGRAPHY_NAME}"


def is_text_bibliography(path: str) -> bool:
    """Whether a page is a text's list of the works it cites."""
    return path.startswith(f"{TEXTS_DIR}/") and path.endswith(f"/{TEXT_BIBLIOGRAPHY_NAME}")


def entry_page(entry_id: str) -> str:
    """A glossary entry's page."""
    return f"{GLOSSARY_DIR}/{entry_id}.md"


def mentions_file(entry_id: str) -> str:
    """The static JSON file with the mentions an entry's page does not show."""
    return f"{MENTIONS_DIR}/{entry_id}.json"


def work_page(key: str) -> str:
    """The page of a work cited too often to list every place on the site's bibliography page."""
    return f"{BIBLIOGRAPHY_DIR}/{key}.md"


def work_file(key: str) -> str:
    """Where a work's own `.bib` file is published."""
    return f"{BIBLIOGRAPHY_DIR}/{key}.bib"


def page_url(target: str, page: str, fragment: str = "") -> str:
    """The relative URL of a page (a path under `docs/`) from another page, as MkDocs' directory URLs serve them.

    Args:
        target: The page linked to, e.g. `texts/<slug>/index.md`.
        page: The page the link stands on.
        fragment: An id on the target page, or "".

    Returns:
        E.g. `../../texts/<slug>/#p-3`.
    """
    url = _relative_url(url_directory(target), url_directory(page))
    return f"{url}#{fragment}" if fragment else url


@lru_cache(maxsize=4096)
def _relative_url(target: str, page: str) -> str:
    """The URL of one folder from another, kept: a generated page links the same pages many times over.

    As `posixpath.relpath` makes it, from the folders' parts alone (relpath asks the system for the working
    directory, twice per call: most of a glossary entry's rendering, with thousands of links).
    """
    if not target:
        raise ValueError("no path specified")
    target_parts, page_parts = _parts(target), _parts(page)
    common = len(posixpath.commonprefix([target_parts, page_parts]))
    relative = "/".join([".."] * (len(page_parts) - common) + target_parts[common:]) or "."
    return "./" if relative == "." else safe_relative(f"{relative}/")


def _parts(folder: str) -> list[str]:
    normal = posixpath.normpath(folder)
    return [] if normal == "." else normal.split("/")


WORKS_FORMATS = (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))
"""The formats a bibliography page offers its works in, by file extension, with their names for readers."""


def works_file(page: str, extension: str) -> str:
    """Where a bibliography page's works are published in one file of a format: `works.bib` beside the page."""
    return f"{url_directory(page)}/works.{extension}"


def file_url(target: str, page: str) -> str:
    """The relative URL of a generated file (a path under `docs/`, e.g. `bibliography/<key>.bib`) from a page."""
    return safe_relative(posixpath.relpath(target, url_directory(page)))


def safe_relative(url: str) -> str:
    """A relative URL with `./` before a first segment holding a colon ("Chen:2010/"), which would read as a scheme."""
    return f"./{url}" if ":" in url.split("/", maxsplit=1)[0] else url


@lru_cache(maxsize=16384)
def url_directory(path: str) -> str:
    """The folder a page is served from (MkDocs' directory URLs): "a/b.md" → "a/b", "a/index.md" → "a".

    Links written into HTML are not rewritten by MkDocs, so they are made relative to this. Kept, as
    `_relative_url`: a generated page's links name the same few pages many times over.
    """
    folder, name = posixpath.split(path)
    return folder if name == "index.md" else posixpath.join(folder, name.removesuffix(".md"))
