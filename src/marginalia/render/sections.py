"""Render a section's blocks to HTML, by section kind."""

from __future__ import annotations

from collections.abc import Callable

from marginalia.model import (
    Abbreviation,
    Block,
    ContentsEntry,
    Contributor,
    LineGroup,
    Paragraph,
    Quotation,
    Reference,
    Section,
    SectionKind,
    Signature,
    Table,
    block_texts,
)
from marginalia.render.inline import display_title, esc_source, slugify
from marginalia.render.page_writer import PageWriter

SectionRenderer = Callable[[Section, PageWriter], str]


def render_section(section: Section, page: PageWriter, *, heading: bool = True) -> str:
    """Render one section (heading and content).

    Args:
        section: The section.
        page: The page it goes on.
        heading: Whether to write the section's heading (a page of its own has it as title).

    Returns:
        HTML.
    """
    if section.kind == "notes":  # endnotes become footnotes of the page that holds their markers
        return ""
    parts = [_heading(section, page)] if heading and (section.heading or section.notes) else []
    parts.append(RENDERERS[section.kind](section, page))
    return "\n".join(p for p in parts if p)


def _heading(section: Section, page: PageWriter) -> str:
    depth = section.number.count(".") + 2 if section.number else 2
    return page.heading(depth, heading_content(display_title(section.heading), section.notes, page))


def heading_content(title: str, notes: list[str], page: PageWriter) -> str:
    """A heading's content: its title (inline Markdown) and the markers of the notes it carries."""
    return page.inline.render(title + "".join(f"[^{key}]" for key in notes))


def render_blocks(blocks: list[Block], page: PageWriter) -> str:
    """Render prose blocks: paragraphs, quotations, tables, line groups, signatures.

    Args:
        blocks: The blocks.
        page: The page they go on.

    Returns:
        HTML, one block a line.
    """
    return "\n".join(_prose_block(b, page) for b in blocks)


def _prose_block(block: Block, page: PageWriter) -> str:
    if isinstance(block, Paragraph):
        text = page.item(block.text, block.spans, bracketed=True)
        if not block.number:
            return f"<p>{text}</p>"
        n = block.number
        link = f'<a class="p-permalink" href="#p-{n}" title="Link to paragraph {n}" aria-label="Paragraph {n}">{n}</a>'
        return f'<p class="text-paragraph" id="p-{n}">{link} {text}</p>'
    if isinstance(block, Quotation):
        paragraphs = [_prose_block(paragraph, page) for paragraph in block.paragraphs]
        if block.attribution:
            paragraphs.append(f'<p class="attribution">— {page.item(block.attribution)}</p>')
        return "<blockquote>\n" + "\n".join(paragraphs) + "\n</blockquote>"
    if isinstance(block, Table):
        return _table(block, page)
    if isinstance(block, (LineGroup, Signature)):
        css = "signature" if isinstance(block, Signature) else "line-group"
        return f'<p class="{css}">' + "<br>\n".join(page.item(line) for line in block.lines) + "</p>"
    # A block the section parsers could not read is shown as it is, never dropped.
    return f"<p>{page.item(' '.join(block_texts(block)))}</p>"


def _table(table: Table, page: PageWriter) -> str:
    """A table of the source as an HTML table, its caption in `<caption>` and its source line under it."""

    def row(cells: list[str], tag: str) -> str:
        scope = ' scope="col"' if tag == "th" else ""
        return "<tr>\n" + "".join(f"<{tag}{scope}>{page.item(c)}</{tag}>\n" for c in cells) + "</tr>"

    caption = f"<caption>{page.item(table.caption)}</caption>\n" if table.caption else ""
    body = "\n".join(row(cells, "td") for cells in table.rows)
    html = f'<div class="source-table">\n<table>\n{caption}<thead>\n{row(table.header, "th")}\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>\n'
    if table.note:
        html += f'<p class="table-note">{page.item(table.note)}</p>\n'
    return html + "</div>"


def _prose(section: Section, page: PageWriter) -> str:
    return render_blocks(section.blocks, page)


def _references(section: Section, page: PageWriter) -> str:
    items = [
        f"<li>{page.item(b.text)}</li>" if isinstance(b, Reference) else _prose_block(b, page) for b in section.blocks
    ]
    return '<div class="reference-list">\n<ul>\n' + "\n".join(items) + "\n</ul>\n</div>"


def _contents(section: Section, page: PageWriter) -> str:
    rows = []
    for block in section.blocks:
        if not isinstance(block, ContentsEntry):
            rows.append(f'<tr><td colspan="3">{esc_source(" ".join(block_texts(block)))}</td></tr>')
            continue
        number = f'<td class="contents-page">{esc_source(block.page)}</td>'
        if block.kind == "part":
            rows.append(
                f'<tr class="contents-part"><th colspan="2" scope="rowgroup">{esc_source(block.label)}: {esc_source(block.title)}</th>{number}</tr>'
            )
        else:
            authors = (
                f'<span class="contents-authors">{esc_source(", ".join(block.authors))}</span>' if block.authors else ""
            )
            rows.append(
                f'<tr class="contents-{block.kind}"><td class="contents-number">{esc_source(block.label)}</td>'
                f'<td class="contents-title">{esc_source(block.title)}{"<br>" if authors else ""}{authors}</td>{number}</tr>'
            )
    head = '<thead><tr><th scope="col">No.</th><th scope="col">Title and authors</th><th scope="col">Page</th></tr></thead>'
    return f'<table class="contents-table">\n{head}\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>\n"


def _contributors(section: Section, page: PageWriter) -> str:
    items = []
    for block in section.blocks:
        if not isinstance(block, Contributor):
            items.append(_prose_block(block, page))
            continue
        affiliation = (
            f' <span class="contributor-affiliation">{esc_source(block.affiliation)}</span>'
            if block.affiliation
            else ""
        )
        items.append(
            f'<dt id="contributor-{slugify(block.name)}"><strong>{esc_source(block.name)}</strong>{affiliation}</dt>\n'
            f"<dd>{esc_source(block.name)} {page.item(block.bio)}</dd>"
        )
    return '<dl class="contributors">\n' + "\n".join(items) + "\n</dl>"


def _abbreviations(section: Section, page: PageWriter) -> str:
    items = [
        f"<dt>{page.inline.render(b.abbreviation)}</dt>\n<dd>{page.inline.render(b.expansion)}</dd>"
        if isinstance(b, Abbreviation)
        else _prose_block(b, page)
        for b in section.blocks
    ]
    return '<dl class="abbreviations">\n' + "\n".join(items) + "\n</dl>"


RENDERERS: dict[SectionKind, SectionRenderer] = {
    "prose": _prose,
    "references": _references,
    "contents": _contents,
    "contributors": _contributors,
    "abbreviations": _abbreviations,
}
"""How each kind of section is rendered; a notes section renders as nothing, its notes being footnotes."""
