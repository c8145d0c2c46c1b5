"""A Python-Markdown extension that reads the annotator's links in one step.

The annotator writes each glossary mention and citation as a Markdown link
with an attribute list (`[Mao](../../glossary/mao-zedong.md){: .glossary-term
data-entry="mao-zedong" title="…" }`, see `marginalia.annotate`). Python-Markdown
reads such a link character by character (`LinkInlineProcessor`) and then its
attribute list in a tree pass (`attr_list`): on a text page with a hundred
and fifty mentions that was nearly half of its conversion. This inline
processor reads exactly that shape with one regular expression and builds the
same element, with the same attributes in the same order, so the HTML is byte
for byte what `link` and `attr_list` make of it. Anything else (a link written
by hand, another attribute list) is left to them.

It also writes the mark ingest leaves where a page of the printed source
began (`{pb:117}`, see `marginalia.model.page_mark`) as the page-break
element of the HTML contract, inside link text too.

`mkdocs.yml` lists it among the Markdown extensions as
`marginalia.render.annotation_links`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

from marginalia.model import PAGE_MARK

__all__ = ["ANNOTATION_LINK", "AnnotationLinkExtension", "makeExtension", "page_break_element"]

ANNOTATION_LINK = (
    r"\[(?P<text>[^\[\]\\`]*)\]\((?P<href>[^\s()<>\"'\\]+)\)"
    r"\{: (?P<attributes>\.(?:glossary-term|citation)(?: \.[\w-]+)*(?: [\w-]+=\"[^\"{}\\]*\")*) \}"
)
"""A link as `marginalia.annotate` writes it: plain link text, a bare URL, one class then key="value" pairs."""
ATTRIBUTE = re.compile(r"\.([\w-]+)|([\w-]+)=\"([^\"]*)\"")
PRIORITY = 172
"""Before Python-Markdown's `reference` (170) and `link` (160) patterns, after `escape` (180) and `footnote` (175)."""
PAGE_MARK_PRIORITY = 150
"""After the link patterns, so that a page mark inside a link's text is read too."""


class AnnotationLinkProcessor(InlineProcessor):
    """Build the `a` element of one annotator's link, as `link` followed by `attr_list` would."""

    # Python-Markdown's InlineProcessor changes the signature of Pattern.handleMatch (its stubs say so too).
    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:  # type: ignore[override]
        """Return the link element and the span it replaces.

        Args:
            m: The match of `ANNOTATION_LINK`.
            data: The text being processed.

        Returns:
            The element, and the start and end of the match.
        """
        element = etree.Element("a")
        element.text = m.group("text")
        element.set("href", m.group("href"))
        classes = []
        for attribute in ATTRIBUTE.finditer(m.group("attributes")):
            if attribute.group(1):
                classes.append(attribute.group(1))
                element.set("class", " ".join(classes))
            else:
                element.set(attribute.group(2), attribute.group(3))
        return element, m.start(0), m.end(0)


def page_break_element(page: str) -> etree.Element:
    """The element that marks where a page of the printed source began: `span.page-break[data-page]`."""
    element = etree.Element("span")
    element.set("class", "page-break")
    element.set("data-page", page)
    return element


class PageMarkProcessor(InlineProcessor):
    """Write a page mark (`{pb:117}`) as `<span class="page-break" data-page="117"></span>`."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:  # type: ignore[override]
        """Return the page-break element and the span it replaces.

        Args:
            m: The match of `PAGE_MARK`.
            data: The text being processed.

        Returns:
            The element, and the start and end of the match.
        """
        return page_break_element(m.group(1)), m.start(0), m.end(0)


class AnnotationLinkExtension(Extension):
    """Register `AnnotationLinkProcessor` (used for every page: it only reads the annotator's links)."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Add the inline processor to `md`.

        Args:
            md: The Markdown instance.
        """
        md.inlinePatterns.register(AnnotationLinkProcessor(ANNOTATION_LINK, md), "annotation_link", PRIORITY)
        md.inlinePatterns.register(PageMarkProcessor(PAGE_MARK.pattern, md), "page_mark", PAGE_MARK_PRIORITY)


def makeExtension(**kwargs: object) -> AnnotationLinkExtension:
    """The extension, as Python-Markdown loads it by module name from `mkdocs.yml`.

    Args:
        **kwargs: Configuration (none is read).

    Returns:
        The extension.
    """
    return AnnotationLinkExtension(**kwargs)
