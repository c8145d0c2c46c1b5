"""Generated pages as finished HTML: our Jinja2 templates, handed to MkDocs without Python-Markdown.

A generated page reaches MkDocs as a tiny Markdown skeleton (front matter and
`GENERATED_MARKER`), so that Material still gives it its page chrome and
search entry; `hooks/reader.py` then puts the page's HTML, its title's `<h1>`
included (`titled`), where the marker stands, makes the page's headings its
table of contents and names the page by its title. No page title goes through
Markdown. Templates escape everything (autoescape is on): only HTML
this package has already made safe (formatted references) is marked `Markup`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markdown.extensions.toc import slugify as toc_slugify
from markdown.extensions.toc import unique
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
        level: 1 (the page's title) to 6.
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


def skeleton(front_matter: str = "") -> str:
    """The Markdown MkDocs gets for a generated page: its front matter and the marker; the HTML holds the title."""
    return f"{front_matter}{GENERATED_MARKER}\n"


ELEMENT_ID = re.compile(r' id="([^"]+)"')


def heading_html(level: int, heading_id: str, inner: str) -> str:
    """A heading as Python-Markdown's `toc` extension writes it: its id, and its permalink after its content (HTML)."""
    link = f'<a class="headerlink" href="#{heading_id}" title="Permanent link">¶</a>'
    return f'<h{level} id="{heading_id}">{inner}{link}</h{level}>'


def titled(title: str, body: str, headings: tuple[Heading, ...] = ()) -> tuple[str, tuple[Heading, ...]]:
    """A generated page's HTML under its title, and its headings with the title first.

    Args:
        title: The page's title, plain text (escaped here: a name with markup in it shows as written).
        body: The page's HTML.
        headings: The body's headings.

    Returns:
        The HTML, starting with the title's `<h1>` (its id the title's slug, unique among the body's ids), and
        the headings for the table of contents.
    """
    heading_id = unique(toc_slugify(title, "-"), set(ELEMENT_ID.findall(body)))
    return f"{heading_html(1, heading_id, html.escape(title, quote=False))}\n{body}", (
        Heading(1, heading_id, title),
        *headings,
    )


@dataclass(frozen=True)
class HeadingNode:
    """A heading with the headings under it, for a table of contents."""

    heading: Heading
    children: list[HeadingNode]


def heading_tree(headings: list[Heading]) -> list[HeadingNode]:
    """Headings nested for a table of contents: each under the nearest heading before it of a higher level."""
    roots: list[HeadingNode] = []
    open_nodes: list[HeadingNode] = []
    for heading in headings:
        while open_nodes and open_nodes[-1].heading.level >= heading.level:
            open_nodes.pop()
        node = HeadingNode(heading, [])
        (open_nodes[-1].children if open_nodes else roots).append(node)
        open_nodes.append(node)
    return roots
