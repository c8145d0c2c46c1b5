"""Render a section's blocks to Markdown, by section kind."""

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
from marginalia.render.inline import (
    EditorialMarks,
    display_title,
    esc_source,
    escape_block_start,
    mark_insertions,
    slugify,
)

SectionRenderer = Callable[[Section, EditorialMarks], str]


def render_section(section: Section, marks: EditorialMarks, *, heading: bool = True) -> str:
    """Render one section (heading and content) to Markdown.

    Args:
        section: The section.
        marks: Editorial anchors to place.
        heading: Whether to write the section's heading (a page of its own has it as title).

    Returns:
        Markdown.
    """
    if section.kind == "notes":  # endnotes become footnotes of the page that holds their markers
        return ""
    parts = [_heading(section)] if heading and (section.heading or section.notes) else []
    parts.append(RENDERERS[section.kind](section, marks))
    return "\n\n".join(p for p in parts if p)


def _heading(section: Section) -> str:
    depth = section.number.count(".") + 2 if section.number else 2
    return f"{'#' * depth} {display_title(section.heading)}{note_refs(section.notes)}"


def note_refs(keys: list[str]) -> str:
    """The footnote references a title or heading carries (see `Section.notes`)."""
    return "".join(f"[^{key}]" for key in keys)


def render_blocks(blocks: list[Block], marks: EditorialMarks) -> str:
    """Render prose blocks: paragraphs, line groups, signatures.

    Args:
        blocks: The blocks.
        marks: Editorial anchors to place.

    Returns:
        Markdown, blocks separated by blank lines.
    """
    return "\n\n".join(_prose_block(b, marks) for b in blocks)


def _prose_block(block: Block, marks: EditorialMarks) -> str:
    if isinstance(block, Paragraph):
        text = escape_block_start(mark_insertions(marks.apply(block.text)))
        if not block.number:
            return text
        n = block.number
        link = f'<a class="p-permalink" href="#p-{n}" title="Link to paragraph {n}" aria-label="Paragraph {n}">{n}</a>'
        return f"{link} {text}\n{{: #p-{n} .text-paragraph }}"
    if isinstance(block, Quotation):
        paragraphs = [_prose_block(paragraph, marks) for paragraph in block.paragraphs]
        if block.attribution:
            paragraphs.append(f'<p class="attribution" markdown="span">— {marks.apply(block.attribution)}</p>')
        return "<blockquote markdown>\n\n" + "\n\n".join(paragraphs) + "\n\n</blockquote>"
    if isinstance(block, Table):
        return _table(block, marks)
    if isinstance(block, (LineGroup, Signature)):
        css = "signature" if isinstance(block, Signature) else "line-group"
        lines = "<br>\n".join(marks.apply(line) for line in block.lines)
        return f'<p class="{css}" markdown="span">{lines}</p>'
    # A block the section parsers could not read is shown as it is, never dropped.
    return escape_block_start(marks.apply(" ".join(block_texts(block))))


def _table(table: Table, marks: EditorialMarks) -> str:
    """A table of the source as an HTML table, its caption in `<caption>` and its source line under it."""

    def row(cells: list[str], tag: str) -> str:
        scope = ' scope="col"' if tag == "th" else ""
        return "<tr>" + "".join(f'<{tag}{scope} markdown="span">{marks.apply(c)}</{tag}>' for c in cells) + "</tr>"

    caption = f'<caption markdown="span">{marks.apply(table.caption)}</caption>\n' if table.caption else ""
    body = "\n".join(row(cells, "td") for cells in table.rows)
    html = (
        f'<div class="source-table" markdown>\n<table>\n{caption}<thead>{row(table.header, "th")}</thead>\n'
        f"<tbody>\n{body}\n</tbody>\n</table>\n"
    )
    if table.note:
        html += f'<p class="table-note" markdown="span">{marks.apply(table.note)}</p>\n'
    return html + "</div>"


def _prose(section: Section, marks: EditorialMarks) -> str:
    return render_blocks(section.blocks, marks)


def _references(section: Section, marks: EditorialMarks) -> str:
    items = [f"- {marks.apply(b.text)}" if isinstance(b, Reference) else _prose_block(b, marks) for b in section.blocks]
    return '<div class="reference-list" markdown>\n\n' + "\n".join(items) + "\n\n</div>"


def _contents(section: Section, marks: EditorialMarks) -> str:
    rows = []
    for block in section.blocks:
        if not isinstance(block, ContentsEntry):
            rows.append(f'<tr><td colspan="3">{esc_source(" ".join(block_texts(block)))}</td></tr>')
            continue
        page = f'<td class="contents-page">{esc_source(block.page)}</td>'
        if block.kind == "part":
            rows.append(
                f'<tr class="contents-part"><th colspan="2" scope="rowgroup">{esc_source(block.label)}: {esc_source(block.title)}</th>{page}</tr>'
            )
        else:
            authors = (
                f'<span class="contents-authors">{esc_source(", ".join(block.authors))}</span>' if block.authors else ""
            )
            rows.append(
                f'<tr class="contents-{block.kind}"><td class="contents-number">{esc_source(block.label)}</td>'
                f'<td class="contents-title">{esc_source(block.title)}{"<br>" if authors else ""}{authors}</td>{page}</tr>'
            )
    head = '<thead><tr><th scope="col">No.</th><th scope="col">Title and authors</th><th scope="col">Page</th></tr></thead>'
    return f'<table class="contents-table">\n{head}\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"


def _contributors(section: Section, marks: EditorialMarks) -> str:
    items = []
    for block in section.blocks:
        if not isinstance(block, Contributor):
            items.append(_prose_block(block, marks))
            continue
        affiliation = (
            f' <span class="contributor-affiliation">{esc_source(block.affiliation)}</span>'
            if block.affiliation
            else ""
        )
        items.append(
            f'<dt id="contributor-{slugify(block.name)}"><strong>{esc_source(block.name)}</strong>{affiliation}</dt>\n'
            f'<dd markdown="span">{esc_source(block.name)} {marks.apply(block.bio)}</dd>'
        )
    return '<dl class="contributors" markdown>\n' + "\n".join(items) + "\n</dl>"


def _abbreviations(section: Section, marks: EditorialMarks) -> str:
    items = [
        f'<dt markdown="span">{b.abbreviation}</dt>\n<dd markdown="span">{b.expansion}</dd>'
        if isinstance(b, Abbreviation)
        else _prose_block(b, marks)
        for b in section.blocks
    ]
    return '<dl class="abbreviations" markdown>\n' + "\n".join(items) + "\n</dl>"


RENDERERS: dict[SectionKind, SectionRenderer] = {
    "prose": _prose,
    "references": _references,
    "contents": _contents,
    "contributors": _contributors,
    "abbreviations": _abbreviations,
}
"""How each kind of section is rendered; a notes section renders as nothing, its notes being footnotes."""
