"""What one page of a text needs while it is written: its inline HTML, its headings' ids and its notes.

A text's page is written top to bottom by `marginalia.render.pages`; the writer
numbers the notes in the order their markers appear (as Python-Markdown's
footnotes do: the HTML contract keeps their markup), places the passages the
editorial notes quote, links citations and mentions from this page, and gives
each heading the id MkDocs' table of contents would (Python-Markdown's `toc`
slugs, unique on the page), once every other id of the page is known.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from markdown.extensions.toc import slugify as toc_slugify
from markdown.extensions.toc import unique

from marginalia.model import Span
from marginalia.render.html import ELEMENT_ID, Heading, heading_html
from marginalia.render.inline import EditorialMarks, insertions
from marginalia.render.inline_html import Abbreviations, Footnotes, InlineRenderer
from marginalia.urls import entry_page, page_url, text_bibliography_page

HEADING_SLOT = "\x00heading:{}\x00"
"""Where a heading's id goes once the page's other ids are known."""
HEADING_SLOT_PATTERN = re.compile(r"\x00heading:(\d+)\x00")
TAG = re.compile(r"<[^>]+>")
NOTE_REFERENCE = re.compile(r'<sup id="fnref\d*:[^"]*"><a class="footnote-ref"[^>]*>[^<]*</a></sup>')


@dataclass(frozen=True)
class TextContext:
    """What the pages of one text share: its slug, its notes, its editorial marks and the site's abbreviations."""

    slug: str
    note_labels: Collection[str]
    marks: EditorialMarks
    abbreviations: Abbreviations | None


class PageWriter:
    """Writes the inline parts of one page and collects its headings and notes.

    Args:
        context: The text's.
        path: The page's path under `docs/`.
    """

    def __init__(self, context: TextContext, path: str) -> None:
        self.context = context
        self.path = path
        self.footnotes = Footnotes(context.note_labels)
        self.inline = InlineRenderer(self._span_html, self.footnotes, context.abbreviations)
        self._headings: list[tuple[int, str, str]] = []  # level, inner HTML, name

    def item(self, text: str, spans: Sequence[Span] = (), *, bracketed: bool = False) -> str:
        """An item's text (a paragraph, a note, a line) as HTML, with the editorial marks it holds.

        Args:
            text: Inline Markdown.
            spans: What annotation found in it.
            bracketed: Whether square brackets in it mark insertions (running text's paragraphs).

        Returns:
            HTML.
        """
        wrappers = self.context.marks.wrappers(text, spans)
        if bracketed:
            wrappers += insertions(text)
        return self.inline.render(text, spans, wrappers)

    def heading(self, level: int, inner: str) -> str:
        """A heading, its id to come (`finish`), with its permalink.

        Args:
            level: 1 to 6.
            inner: Its content, HTML.

        Returns:
            The heading's HTML, holding a slot for its id.
        """
        name = " ".join(TAG.sub("", NOTE_REFERENCE.sub("", inner)).split())
        slot = HEADING_SLOT.format(len(self._headings))
        self._headings.append((level, inner, name))
        return heading_html(level, slot, inner)

    def finish(self, page_html: str) -> tuple[str, tuple[Heading, ...]]:
        """Give every heading of the finished page its id, unique among the page's ids.

        Args:
            page_html: The page, its headings holding slots.

        Returns:
            The page, and its headings for the table of contents.
        """
        used = set(ELEMENT_ID.findall(HEADING_SLOT_PATTERN.sub("", page_html)))
        counters: dict[str, int] = {}
        order = list(dict.fromkeys(int(m.group(1)) for m in HEADING_SLOT_PATTERN.finditer(page_html)))
        ids: dict[int, str] = {}
        headings = []
        for index in order:  # in the page's order, as a table of contents reads them
            level, _, name = self._headings[index]
            ids[index] = unique(toc_slugify(html.unescape(name), "-"), used, counters)
            headings.append(Heading(level, ids[index], html.unescape(name)))
        return HEADING_SLOT_PATTERN.sub(lambda m: ids[int(m.group(1))], page_html), tuple(headings)

    def _span_html(self, span: Span) -> tuple[str, str]:
        if span.kind == "mention":
            href = page_url(entry_page(span.target), self.path)
            before = (
                f'<a class="glossary-term" data-entry="{_attr(span.target)}" href="{href}" title="{_attr(span.title)}">'
            )
            return before, "</a>"
        if span.kind == "unresolved-citation":
            return f'<span class="citation-unresolved" title="{_attr(span.title)}">', "<sup>[?]</sup></span>"
        href = page_url(text_bibliography_page(self.context.slug), self.path, span.target)
        classes = "citation citation-sic" if span.sic else "citation"
        locator = f' data-locator="{_attr(span.locator)}"' if span.locator else ""
        before = (
            f'<a class="{classes}" data-key="{_attr(span.target)}"{locator} href="{href}" title="{_attr(span.title)}">'
        )
        return before, '</a> <span class="sic">[sic]</span>' if span.sic else "</a>"


def _attr(value: str) -> str:
    return html.escape(value, quote=True)
