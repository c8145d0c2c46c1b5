"""Plan a text's pages and render each to HTML.

A text becomes one page, unless it has independent parts (a table of
contents, notes on contributors or an abbreviations list, as a book's front
matter does): then its title page is the text's index page and each part is a
page of its own. Endnote sections go with the page before them. Notes are
written as footnotes of the page that holds their markers, in the markup of
Python-Markdown's footnotes (the HTML contract). A page reaches MkDocs as
finished HTML, like the generated pages (`marginalia.render.html`): no page
of a text goes through Python-Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from markupsafe import Markup

from marginalia.annotate import AnnotatedText
from marginalia.inert import sanitize_html
from marginalia.model import PAGE_MARK, Block, EditorialNote, Paragraph, Quotation, Section, page_mark
from marginalia.render.header import render_abstract, render_epigraphs, render_header, render_license_statement
from marginalia.render.html import Heading, render_html, skeleton, titled
from marginalia.render.inline import EditorialMarks, display_title, esc, esc_source, slugify
from marginalia.render.inline_html import Abbreviations
from marginalia.render.page_writer import PageWriter, TextContext
from marginalia.render.sections import heading_content, render_blocks, render_section
from marginalia.urls import page_url, text_page

HTML_ID = re.compile(r' id="([^"]+)"')
INDEPENDENT_PARTS = frozenset({"contents", "contributors", "abbreviations"})
TYPE_LABELS = {
    "article": "Journal article",
    "book": "Book",
    "book-front-matter": "Book front matter",
    "chapter": "Book chapter",
    "document": "Archival document",
    "edited-book": "Edited book",
    "report": "Report",
    "review": "Book review",
    "thesis": "Thesis",
}


@dataclass(frozen=True)
class RenderedPage:
    """A page to add to the site.

    Attributes:
        path: Its path under `docs/`, e.g. `texts/<slug>/index.md`.
        title: Its title in the navigation.
        markdown: The skeleton MkDocs reads (`marginalia.render.html.skeleton`), or a page's Markdown.
        html: The page's finished HTML, sanitized (`marginalia.inert.sanitize_html`: where the texts are rendered, in
            the workers that share them), or "" for a page Python-Markdown renders.
        headings: Its headings, for its table of contents: below its title, or with it (a level-1
            heading first) when the HTML holds the title.
    """

    path: str
    title: str
    markdown: str
    html: str = ""
    headings: tuple[Heading, ...] = ()

    @cached_property
    def anchors(self) -> frozenset[str]:
        """Every id of the page's HTML (paragraphs `p-N`, notes `fn:N`, headings …)."""
        return frozenset(HTML_ID.findall(self.html))


def generated_page(
    path: str, nav_title: str, title: str, body: str, *, headings: tuple[Heading, ...] = (), front_matter: str = ""
) -> RenderedPage:
    """A page whose HTML, its title's `<h1>` included, our templates made (`marginalia.render.html.titled`), sanitized.

    Args:
        path: Its path under `docs/`.
        nav_title: Its title in the navigation.
        title: Its title, plain text.
        body: Its HTML under the title.
        headings: The body's headings.
        front_matter: The skeleton's front matter (search settings).

    Returns:
        The page.
    """
    page_html, page_headings = titled(title, body, headings)
    return RenderedPage(path, nav_title, skeleton(front_matter), sanitize_html(page_html), page_headings)


def page_of(pages: list[RenderedPage], anchor: str) -> str:
    """The path of the page (of one text's pages) that holds a paragraph or note id; the first page if none does."""
    return next((page.path for page in pages if anchor in page.anchors), pages[0].path)


def render_text(text: AnnotatedText, abbreviations: Abbreviations | None = None) -> list[RenderedPage]:
    """Render a text to its pages, the index page first.

    Args:
        text: An annotated text.
        abbreviations: What every page shows as `<abbr>`, or None.

    Returns:
        The pages in reading order.
    """
    doc = text.document
    context = TextContext(text.slug, doc.notes.keys(), EditorialMarks(list(doc.editorial)), abbreviations)
    page = doc.pages[0].number if doc.pages else ""
    index = text_page(text.slug)
    title = esc(text.meta.title)
    if not any(s.kind in INDEPENDENT_PARTS for s in doc.sections):
        writer = PageWriter(context, index)
        sections, _ = _from_page(doc.sections, page)
        body = [render_header(text.meta, doc.metadata, context.marks), *_opening(text, writer)]
        body += [render_section(s, writer) for s in sections]
        body.append(render_license_statement(doc.metadata, writer))
        body.append(_unattached_notes(text, writer))
        return [
            _page(
                text,
                writer,
                body,
                nav_title=text.meta.nav_title,
                title=title,
                title_notes=doc.metadata.title_notes,
                final=True,
            )
        ]
    groups = _part_groups(doc.sections)
    parts = [(display_title(group[0].heading), slugify(display_title(group[0].heading)), group) for group in groups]
    writer = PageWriter(context, index)
    links = "\n".join(
        f'<li><a href="{page_url(text_page(text.slug, name), index)}">{writer.inline.render(part)}</a></li>'
        for part, name, _ in parts
    )
    listing = writer.heading(2, "Parts of this text") + f"\n<ul>\n{links}\n</ul>"
    index_body = [
        render_header(text.meta, doc.metadata, context.marks),
        render_epigraphs(doc.metadata, writer),
        render_abstract(doc.metadata, writer),
    ]
    index_body += [listing, *_front(text, writer)]
    pages = [_page(text, writer, index_body, nav_title="Title page", title=title, title_notes=doc.metadata.title_notes)]
    for number, (part, name, group) in enumerate(parts, start=1):
        last = number == len(parts)
        writer = PageWriter(context, text_page(text.slug, name))
        sections, page = _from_page(group, page)
        body = [_part_of(text, writer.path)]
        body += [render_section(s, writer, heading=s is not group[0]) for s in sections]
        if last:
            body += [render_license_statement(doc.metadata, writer), _unattached_notes(text, writer)]
        pages.append(_page(text, writer, body, nav_title=part, title=part, title_notes=group[0].notes, final=last))
    return pages


def _from_page(sections: list[Section], page: str) -> tuple[list[Section], str]:
    """Sections to render as one web page, their first paragraph marked with the printed page it stands on.

    That page is the text's first, or the one the web page before ended on: every web page of a text whose source
    prints page numbers shows, and cites, the page it starts on. Also returns the page the last section ends on.
    """
    first = next((p for s in sections for p in s.paragraphs()), None)
    if page and first is not None and not PAGE_MARK.match(first.text):
        sections = [_replaced(section, first, _marked(first, page)) for section in sections]
    for paragraph in (p for s in sections for p in s.paragraphs()):
        page = (PAGE_MARK.findall(paragraph.text) or [page])[-1]
    return sections, page


def _marked(paragraph: Paragraph, page: str) -> Paragraph:
    """The paragraph starting with the mark of the printed page it starts on, its spans moved along."""
    mark = page_mark(page)
    spans = tuple(replace(s, start=s.start + len(mark), end=s.end + len(mark)) for s in paragraph.spans)
    return replace(paragraph, text=mark + paragraph.text, spans=spans)


def _replaced(section: Section, old: Paragraph, new: Paragraph) -> Section:
    def swap(block: Block) -> Block:
        if block is old:
            return new
        if isinstance(block, Quotation) and old in block.paragraphs:
            return replace(block, paragraphs=[new if p is old else p for p in block.paragraphs])
        return block

    return replace(section, blocks=[swap(block) for block in section.blocks])


def _part_groups(sections: list[Section]) -> list[list[Section]]:
    groups: list[list[Section]] = []
    for section in sections:
        if section.kind == "notes" and groups:
            groups[-1].append(section)
        else:
            groups.append([section])
    return groups


def _opening(text: AnnotatedText, page: PageWriter) -> list[str]:
    """What opens a text's only page after its header: epigraphs, abstract, series page, title page."""
    meta = text.document.metadata
    return [render_epigraphs(meta, page), render_abstract(meta, page), *_front(text, page)]


def _front(text: AnnotatedText, page: PageWriter) -> list[str]:
    meta, parts = text.document.metadata, []
    if meta.series is not None:
        heading = page.heading(2, page.inline.render(f"Series: {display_title(meta.series.title)}"))
        parts.append(heading + "\n" + render_blocks(meta.series.blocks, page))
    if text.document.front:
        parts.append(page.heading(2, "Title page and imprint") + "\n" + render_blocks(text.document.front, page))
    return parts


def _part_of(text: AnnotatedText, path: str) -> str:
    return f'<p class="part-of">From <a href="{page_url(text_page(text.slug), path)}">{esc(text.meta.title)}</a></p>'


def _page(
    text: AnnotatedText,
    page: PageWriter,
    body: list[str],
    *,
    nav_title: str,
    title: str,
    title_notes: list[str],
    final: bool = False,
) -> RenderedPage:
    """Assemble a page: its title, body, the editorial notes placed on it, and its footnotes; sanitized."""
    heading = page.heading(1, heading_content(title, title_notes, page))
    content = "\n".join(part for part in [heading, *body] if part)
    chunks = [content, _editorial_notes(page, final=final), _footnotes(text, page)]
    html, headings = page.finish("\n".join(chunk for chunk in chunks if chunk).rstrip("\n"))
    return RenderedPage(page.path, nav_title, skeleton(), sanitize_html(html), headings)


def _footnotes(text: AnnotatedText, page: PageWriter) -> str:
    labels = page.footnotes.close()
    if not labels:
        return ""
    notes = [
        {
            "label": Markup(esc(label)),
            "number": number,
            "html": Markup(page.item(text.document.notes[label].text, text.document.notes[label].spans)),
        }
        for number, label in enumerate(labels, start=1)
    ]
    return render_html("text-footnotes.html", notes=notes).rstrip("\n")


def _editorial_notes(page: PageWriter, *, final: bool) -> str:
    marks = page.context.marks
    placed = marks.take_placed()
    not_found = marks.notes if final else []
    if not placed and not not_found:
        return ""

    def view(note: EditorialNote) -> dict[str, object]:
        return {
            "number": note.number,
            "exact": Markup(esc_source(note.exact)),
            "html": Markup(page.inline.render(note.note)),
        }

    body = render_html(
        "text-editorial-notes.html", placed=[view(n) for n in placed], not_found=[view(n) for n in not_found]
    )
    return body.rstrip("\n")


def _unattached_notes(text: AnnotatedText, page: PageWriter) -> str:
    notes = text.document.unattached_notes
    if not notes:
        return ""
    views = [{"label": Markup(esc_source(n.label)), "html": Markup(page.item(n.text, n.spans))} for n in notes]
    return render_html("text-unattached-notes.html", notes=views).rstrip("\n")


NavItem = dict[str, "str | list[NavItem]"]
"""An entry of MkDocs' `nav`: a title and a page path, or a title and nested entries."""
