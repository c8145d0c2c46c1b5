"""Render what a text says about itself: the article header and the title page."""

from __future__ import annotations

import re

from marginalia.model import LabelledValue, Metadata, Person
from marginalia.render.inline import EditorialMarks, emphasis_html, esc, esc_source
from marginalia.render.page_writer import PageWriter
from marginalia.render.sections import render_blocks
from marginalia.textmeta import TextMeta

TITLE_NUMBER = re.compile(r"(?:\d+|[IVXLC]+)\.?")


def render_header(text_meta: TextMeta, meta: Metadata, marks: EditorialMarks) -> str:
    """Render bylines, affiliations, contact, dates, ©, translators, ISBNs, DOI and licence.

    Args:
        text_meta: The text's `text.yml`.
        meta: What the source says about itself.
        marks: Editorial anchors to place.

    Returns:
        HTML.
    """
    lines = [
        _p("label", esc_source(meta.label or _title_number(text_meta, meta))),
        _p("translated-title", esc_source(meta.translated_title)),
        _p("reviewed-work", _joined(meta.reviewed, marks)),
    ]
    lines.append(_people(meta.people, marks))
    lines.append(_p("archive", _joined(meta.archive, marks)))
    if meta.translators:
        lines.append(_p("translators", " ".join(marks.apply(esc_source(t.value)) for t in meta.translators)))
    if meta.affiliations:
        lines.append(
            _p(
                "affiliations",
                "<br>".join(f"<sup>{esc_source(a.label)}</sup> {esc_source(a.value)}" for a in meta.affiliations),
            )
        )
    if meta.contact:
        lines.append(_p("contact", _contact(meta)))
    if meta.dates:
        lines.append(_p("dates", " · ".join(f"{esc_source(d.label)}: {esc_source(d.value)}" for d in meta.dates)))
    if meta.isbns:
        lines.append(_p("isbn", " · ".join(_isbn(i.label, i.value) for i in meta.isbns)))
    if meta.doi:
        lines.append(_p("doi", f'DOI: <a href="{esc_source(meta.doi)}">{esc_source(meta.doi)}</a>'))
    lines += [_p("copyright", f"© {marks.apply(esc_source(c.value))}") for c in meta.copyright]
    lines.append(_p("source-footer", _joined(meta.footer, marks)))
    lines.append(_p("license", f"Licence: {esc(text_meta.license)}"))
    return '<div class="text-header">\n' + "\n".join(line for line in lines if line) + "\n</div>\n"


def _title_number(text_meta: TextMeta, meta: Metadata) -> str:
    """The number the source prints before its title ("11" of "11 The Taiwan…") if the page's title lacks it."""
    number, _, rest = meta.title.partition(" ")
    if rest and TITLE_NUMBER.fullmatch(number) and not text_meta.title.startswith(number):
        return number.rstrip(".")
    return ""


def render_epigraphs(meta: Metadata, page: PageWriter) -> str:
    """Render the quotations printed under the title, if any.

    Args:
        meta: The text's metadata.
        page: The page they go on.

    Returns:
        HTML (`div.epigraphs` holding a blockquote each), or "".
    """
    if not meta.epigraphs:
        return ""
    return '<div class="epigraphs">\n' + render_blocks(list(meta.epigraphs), page) + "\n</div>"


def render_abstract(meta: Metadata, page: PageWriter) -> str:
    """Render the abstract and keywords, if the text has them.

    Args:
        meta: The text's metadata.
        page: The page they go on.

    Returns:
        HTML, or "" when there is neither.
    """
    parts = []
    if meta.abstract:
        heading = page.heading(2, page.inline.render(meta.abstract_label or "Abstract"))
        parts.append(heading + "\n" + render_blocks(list(meta.abstract), page))
    if meta.keywords:
        keywords = " · ".join(f'<span class="keyword">{esc_source(k)}</span>' for k in meta.keywords)
        parts.append(f'<p class="keywords"><strong>{esc_source(meta.keywords_label)}</strong> {keywords}</p>\n')
    return "\n".join(parts)


def render_license_statement(meta: Metadata, page: PageWriter) -> str:
    """Render the source's own licence statement, if it has one."""
    if not meta.license_statement:
        return ""
    return f'<div class="license-statement">\n<p>{page.item(meta.license_statement)}</p>\n</div>'


def _people(people: list[Person], marks: EditorialMarks) -> str:
    entries = []
    for person in people:
        name = marks.apply(esc_source(person.name))
        marker = f"<sup>{esc_source(person.marker)}</sup>" if person.marker else ""
        role = f' <span class="role">{esc_source(person.role)}</span>' if person.role else ""
        affiliation = (
            f'<br><span class="affiliation">{esc_source(", ".join(person.affiliation))}</span>'
            if person.affiliation
            else ""
        )
        entries.append(f'<span class="person">{name}{marker}{role}{affiliation}</span>')
    return _p("byline", "<br>".join(entries)) if entries else ""


def _joined(values: list[LabelledValue], marks: EditorialMarks) -> str:
    """Lines printed as Markdown (a reviewed work's citation, a footer), each after its label, one per line."""
    return "<br>".join(
        (f"<strong>{esc_source(v.label)}:</strong> " if v.label else "")
        + emphasis_html(marks.apply(esc_source(v.value)))
        for v in values
    )


def _isbn(label: str, number: str) -> str:
    name, _, qualifier = label.partition(" ")
    return f"{esc_source(name)} {esc_source(number)} {esc_source(qualifier)}".strip()


def _contact(meta: Metadata) -> str:
    parts = []
    for value in meta.contact:
        if "@" in value.value and " " not in value.value:
            parts.append(f'<a href="mailto:{esc_source(value.value)}">{esc_source(value.value)}</a>')
        else:
            parts.append(f"{esc_source(value.label)} {esc_source(value.value)}".strip())
    return " · ".join(parts)


def _p(css: str, html: str) -> str:
    return f'<p class="{css}">{html}</p>' if html else ""
