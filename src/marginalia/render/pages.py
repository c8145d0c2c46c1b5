"""Plan a text's pages and render each to Markdown for MkDocs.

A text becomes one page, unless it has independent parts (a table of
contents, notes on contributors or an abbreviations list, as a book's front
matter does): then its title page is the text's index page and each part is a
page of its own. Endnote sections go with the page before them. Notes are
written as Python-Markdown footnotes of the page that holds their markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from marginalia.corpus import Text
from marginalia.ingest.patterns import NOTE_REF
from marginalia.model import PAGE_MARK, Block, Paragraph, Quotation, Section, page_mark
from marginalia.render.header import render_abstract, render_epigraphs, render_header, render_license_statement
from marginalia.render.html import Heading
from marginalia.render.inline import EditorialMarks, display_title, esc, esc_source, slugify
from marginalia.render.sections import note_refs, render_blocks, render_section

PARAGRAPH_ID = re.compile(r"^\{: #(p-\d+) ", re.MULTILINE)
HTML_ID = re.compile(r' id="([^"]+)"')
NOTE_DEFINITION = re.compile(r"^\[\^([^\]]+)\]:", re.MULTILINE)
TEXTS_DIR = "texts"
"""The folder of the texts' pages: `texts/<slug>/`."""
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
        markdown: Its content; for a generated page, the skeleton that holds `GENERATED_MARKER`.
        html: A generated page's finished HTML, or "" for a page Python-Markdown renders.
        headings: A generated page's headings below its title, for its table of contents.
    """

    path: str
    title: str
    markdown: str
    html: str = ""
    headings: tuple[Heading, ...] = ()

    @cached_property
    def anchors(self) -> frozenset[str]:
        """The paragraph and note ids on the page (`p-N`, `fn:N`), or every id of a generated page's HTML."""
        if self.html:
            return frozenset(HTML_ID.findall(self.html))
        paragraphs = PARAGRAPH_ID.findall(self.markdown)
        notes = [f"fn:{label}" for label in NOTE_DEFINITION.findall(self.markdown)]
        return frozenset([*paragraphs, *notes])


def page_of(pages: list[RenderedPage], anchor: str) -> str:
    """The path of the page (of one text's pages) that holds a paragraph or note id; the first page if none does."""
    return next((page.path for page in pages if anchor in page.anchors), pages[0].path)


def render_text(text: Text) -> list[RenderedPage]:
    """Render a text to its pages, the index page first.

    Args:
        text: A loaded text.

    Returns:
        The pages in reading order.
    """
    doc = text.document
    marks = EditorialMarks(list(doc.editorial))
    base = f"{TEXTS_DIR}/{text.slug}"
    page = doc.pages[0].number if doc.pages else ""
    if not any(s.kind in INDEPENDENT_PARTS for s in doc.sections):
        sections, _ = _from_page(doc.sections, page)
        body = [render_header(text, marks), *_opening(text, marks)]
        body += [render_section(s, marks) for s in sections]
        body.append(render_license_statement(doc.metadata, marks))
        body.append(_unattached_notes(text, marks))
        return [
            RenderedPage(
                f"{base}/index.md",
                text.meta.nav_title,
                _page(text, esc(text.meta.title) + note_refs(doc.metadata.title_notes), body, marks, final=True),
            )
        ]
    groups = _part_groups(doc.sections)
    parts = [
        (display_title(group[0].heading), f"{slugify(display_title(group[0].heading))}.md", group) for group in groups
    ]
    listing = "## Parts of this text\n\n" + "\n".join(f"- [{title}]({name})" for title, name, _ in parts)
    index_body = [
        render_header(text, marks),
        render_epigraphs(doc.metadata, marks),
        render_abstract(doc.metadata, marks),
    ]
    index_body += [listing, *_front(text, marks)]
    index_title = esc(text.meta.title) + note_refs(doc.metadata.title_notes)
    pages = [RenderedPage(f"{base}/index.md", "Title page", _page(text, index_title, index_body, marks))]
    for number, (title, name, group) in enumerate(parts, start=1):
        last = number == len(parts)
        sections, page = _from_page(group, page)
        body = [_part_of(text)] + [render_section(s, marks, heading=s is not group[0]) for s in sections]
        if last:
            body += [render_license_statement(doc.metadata, marks), _unattached_notes(text, marks)]
        heading = title + note_refs(group[0].notes)
        pages.append(RenderedPage(f"{base}/{name}", title, _page(text, heading, body, marks, final=last)))
    return pages


def _from_page(sections: list[Section], page: str) -> tuple[list[Section], str]:
    """Sections to render as one web page, their first paragraph marked with the printed page it stands on.

    That page is the text's first, or the one the web page before ended on: every web page of a text whose source
    prints page numbers shows, and cites, the page it starts on. Also returns the page the last section ends on.
    """
    first = next((p for s in sections for p in s.paragraphs()), None)
    if page and first is not None and not PAGE_MARK.match(first.text):
        marked = replace(first, text=page_mark(page) + first.text)
        sections = [_replaced(section, first, marked) for section in sections]
    for paragraph in (p for s in sections for p in s.paragraphs()):
        page = (PAGE_MARK.findall(paragraph.text) or [page])[-1]
    return sections, page


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


def _opening(text: Text, marks: EditorialMarks) -> list[str]:
    """What opens a text's only page after its header: epigraphs, abstract, series page, title page."""
    meta = text.document.metadata
    return [render_epigraphs(meta, marks), render_abstract(meta, marks), *_front(text, marks)]


def _front(text: Text, marks: EditorialMarks) -> list[str]:
    meta, parts = text.document.metadata, []
    if meta.series is not None:
        parts.append(f"## Series: {display_title(meta.series.title)}\n\n" + render_blocks(meta.series.blocks, marks))
    if text.document.front:
        parts.append("## Title page and imprint\n\n" + render_blocks(text.document.front, marks))
    return parts


def _part_of(text: Text) -> str:
    return f'<p class="part-of" markdown="span">From [{esc(text.meta.title)}](index.md)</p>'


def _page(text: Text, title: str, body: list[str], marks: EditorialMarks, *, final: bool = False) -> str:
    """Assemble a page: title (Markdown), body, editorial notes placed on it, and its footnotes."""
    content = "\n\n".join(part for part in body if part)
    footnotes = _footnotes(text, f"{title}\n\n{content}", marks)
    chunks = [f"# {title}", content, _editorial_notes(marks, final=final), footnotes]
    return "\n\n".join(chunk for chunk in chunks if chunk) + "\n"


def _footnotes(text: Text, content: str, marks: EditorialMarks) -> str:
    labels = list(dict.fromkeys(NOTE_REF.findall(content)))
    notes = text.document.notes
    return "\n\n".join(f"[^{label}]: {marks.apply(notes[label].text)}" for label in labels if label in notes)


def _editorial_notes(marks: EditorialMarks, *, final: bool) -> str:
    placed = marks.take_placed()
    items = [
        f'- <span id="ed-{n.number}" class="editorial-note">**ed.&nbsp;{n.number}** “{esc_source(n.exact)}”: {n.note}'
        f' <a class="editorial-backref" href="#ed-ref-{n.number}" title="Back to the passage">↩</a></span>'
        for n in placed
    ]
    if final:
        items += [
            f"- **ed.&nbsp;{n.number}** “{esc_source(n.exact)}” (passage not found in the text): {n.note}"
            for n in marks.notes
        ]
    if not items:
        return ""
    intro = "Notes by the editors of this edition, not part of the source."
    return (
        f'<div class="editorial-notes" markdown>\n\n**Editorial notes.** {intro}\n\n' + "\n".join(items) + "\n\n</div>"
    )


def _unattached_notes(text: Text, marks: EditorialMarks) -> str:
    notes = text.document.unattached_notes
    if not notes:
        return ""
    items = "\n".join(f"- <sup>{esc_source(n.label)}</sup> {marks.apply(n.text)}" for n in notes)
    return f'<div class="unattached-notes" markdown>\n\n**Notes without a marker in the text**\n\n{items}\n\n</div>'


def render_text_list(texts: list[Text]) -> str:
    """Render the home page's list of texts with their authors, years and kinds.

    Args:
        texts: The corpus's texts.

    Returns:
        Markdown (a list), links relative to the site root.
    """
    if not texts:
        return "*No texts yet: add a folder under `texts/` (see the editors' guide).*"
    return "\n".join(
        f"- [{esc(t.meta.title)}](texts/{t.slug}/index.md): {esc(', '.join(t.meta.author_names))} ({t.meta.year}),"
        f" {TYPE_LABELS.get(t.meta.type, t.meta.type).lower()}"
        for t in texts
    )


NavItem = dict[str, "str | list[NavItem]"]
"""An entry of MkDocs' `nav`: a title and a page path, or a title and nested entries."""
