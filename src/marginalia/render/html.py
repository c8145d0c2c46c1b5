"""Generated pages as finished HTML: our Jinja2 templates, handed to MkDocs without Python-Markdown.

A generated page reaches MkDocs as a tiny Markdown skeleton (front matter, its
title as the level-1 heading, and `GENERATED_MARKER`), so that Material still
gives it its title, page chrome and search entry; `hooks/reader.py` then puts
the page's HTML where the marker stands and adds its headings to the page's
table of contents. Templates escape everything (autoescape is on): only HTML
this package has already made safe (formatted references) is marked `Markup`.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

GENERATED_MARKER = "<!-- marginalia:generated -->"
"""Where a generated page's HTML goes in the page Python-Markdown rendered from its skeleton."""

TEMPLATES = Environment(
    loader=PackageLoader("marginalia", "render/templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


@dataclass(frozen=True)
class Heading:
    """A heading of a generated page, for its table of contents.

    Attributes:
        level: 2 or 3.
        id: The heading's id.
        title: Its text.
    """

    level: int
    id: str
    title: str


ADDRESS_LINK = re.compile(r'<a href="(https?://[^"]+)"([^>]*)>(?:&lt;)?\1/?(?:&gt;)?</a>')
"""A link whose text is its own address (an autolink): print needs not repeat the address after it."""


def mark_address_links(html: str) -> str:
    """Give each link that shows its own address the class `shows-address` (see the print stylesheet)."""

    def mark(link: re.Match[str]) -> str:
        attributes = link.group(2)
        if 'class="' in attributes:
            attributes = attributes.replace('class="', 'class="shows-address ', 1)
        else:
            attributes += ' class="shows-address"'
        return link.group(0).replace(link.group(2) + ">", attributes + ">", 1)

    return ADDRESS_LINK.sub(mark, html)


def render_html(template: str, **context: Any) -> Markup:
    """Render one of our templates.

    Args:
        template: The template's file name under `render/templates/`.
        **context: The template's variables.

    Returns:
        HTML, marked safe: the template escaped what it was given, so one template's
        output placed in another (a list in an overview) stays markup, not text.
    """
    return Markup(TEMPLATES.get_template(template).render(**context))


def skeleton(title: str, front_matter: str = "") -> str:
    """The Markdown MkDocs gets for a generated page: front matter, title and the marker."""
    return f"{front_matter}# {title}\n\n{GENERATED_MARKER}\n"


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
    """The URL of one folder from another, kept: a generated page links the same pages many times over."""
    relative = posixpath.relpath(target, page)
    return "./" if relative == "." else safe_relative(f"{relative}/")


def file_url(target: str, page: str) -> str:
    """The relative URL of a generated file (a path under `docs/`, e.g. `bibliography/<key>.bib`) from a page."""
    return safe_relative(posixpath.relpath(target, url_directory(page)))


def safe_relative(url: str) -> str:
    """A relative URL with `./` before a first segment holding a colon ("Chen:2010/"), which would read as a scheme."""
    return f"./{url}" if ":" in url.split("/", maxsplit=1)[0] else url


def url_directory(path: str) -> str:
    """The folder a page is served from (MkDocs' directory URLs): "a/b.md" → "a/b", "a/index.md" → "a".

    Raw HTML links in generated pages are not rewritten by MkDocs, so they are made relative to this.
    """
    folder, name = posixpath.split(path)
    return folder if name == "index.md" else posixpath.join(folder, name.removesuffix(".md"))


def heading_tree(headings: list[Heading]) -> list[tuple[Heading, list[Heading]]]:
    """Headings nested for a table of contents: each level-2 heading with the level-3 headings under it."""
    tree: list[tuple[Heading, list[Heading]]] = []
    for heading in headings:
        if heading.level > 2 and tree:
            tree[-1][1].append(heading)
        else:
            tree.append((heading, []))
    return tree
