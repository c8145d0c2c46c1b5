"""Material's navigation items rendered once per place they are seen from, not once per page.

Material renders the navigation into every page, item by item, with a
Jinja macro (`partials/nav-item.html`): at 200 texts some 2 s of the
build, as much as the rest of writing the pages. What an item that does not
hold the page renders depends on the page only through its links, which
MkDocs makes relative to the page (`mkdocs.utils.get_relative_url`). The
links of an item all lie under one folder, its *base* (`texts/` for a
group of texts, `texts/radchenko-2020/` for a text); seen from a page outside
that folder, each link is the path from the page up to where the page and
the base part, then down the base's rest and the link's own. So two pages at
the same distance above that parting, at the same parting, get the same
links, and the same HTML: rendered for the first, taken again for the others.
An item holding the page (its branch is open, its contents shown), and one
whose base holds the page, is rendered every time. `overrides/partials/nav-item.html`
calls `nav_item_html` for every item.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page

NavItemHtml = Callable[..., Markup]


def nav_item_html() -> NavItemHtml:
    """A fresh `nav_item_html` for the templates of one build (items are MkDocs' objects of that build).

    Returns:
        The function the templates call as `nav_item_html(render, item, path, level, parent)`, with
        `render` Material's macro: the HTML `render` gives, from this build's earlier pages where they see
        the item alike.
    """
    rendered: dict[tuple[int, str, int, bool, int, int], Markup] = {}
    bases: dict[int, list[str] | None] = {}

    @pass_context
    def render_item(  # noqa: PLR0917 (the arguments of Material's macro, as the template passes them)
        context: Context, render: Callable[..., Markup], item: StructureItem, path: str, level: int, parent: Any = None
    ) -> Markup:
        page = context.get("page")
        if id(item) not in bases:
            bases[id(item)] = _base(item)
        base = bases[id(item)]
        if not isinstance(page, Page) or base is None or getattr(item, "pages", None):
            return render(item, path, level, parent)
        seen_from = _page_parts(page.url)
        parting = _common(seen_from, base)
        if parting == len(base):  # the base holds the page
            return render(item, path, level, parent)
        open_parent = isinstance(parent, Section) and parent.active
        key = (id(item), path, level, open_parent, len(seen_from) - parting, parting)
        if key not in rendered:
            rendered[key] = render(item, path, level, parent)
        return rendered[key]

    return render_item


def _base(item: StructureItem) -> list[str] | None:
    """The folder all of an item's relative links lie in (a page's: its URL), as parts; None if one cannot be told."""
    urls = [url for url in _urls(item) if not _absolute(url)]
    if not urls or any(posixpath.normpath(url).split("/")[0] == ".." for url in urls):
        return None  # nothing to key on, or a link MkDocs keeps above the page ("../")
    if isinstance(item, (Page, Link)):
        return _norm(urls[0])
    parts = [_norm(url) for url in urls]
    return parts[0][: min(_common(parts[0], other) for other in parts)] if len(parts) > 1 else parts[0]


def _urls(item: StructureItem) -> list[str]:
    if isinstance(item, Section):
        return [url for child in item.children for url in _urls(child)]
    return [str(getattr(item, "url", "") or "")]


def _absolute(url: str) -> bool:
    """Whether MkDocs leaves the URL as it is in every page (`mkdocs.utils.normalize_url`)."""
    parsed = urlsplit(url)
    return bool(parsed.scheme or parsed.netloc or url.startswith(("/", "#")))


def _norm(url: str) -> list[str]:
    """A URL's parts as MkDocs compares them (`mkdocs.utils._norm_parts`)."""
    path = posixpath.normpath("/" + url.lstrip("/"))[1:]
    return path.split("/") if path else []


def _page_parts(url: str) -> list[str]:
    """The parts of the folder a page's links start from: its URL without a file name."""
    folder, _, name = url.rpartition("/")
    return _norm(folder if "." in name else url)


def _common(parts: list[str], others: list[str]) -> int:
    """How many leading parts two URLs share."""
    return len(posixpath.commonprefix([parts, others]))
