"""The ingest report: what ingest made of one raw text, for an editor to read in a minute.

It lists the metadata found, the lines kept as a title page, the sections,
each note with the paragraph its marker sits in, every join across a page
break (and every hyphen dropped or kept there), and every warning, each with
its source line.
"""

from __future__ import annotations

from pathlib import Path

from marginalia.inert import restore_source
from marginalia.ingest.patterns import LIST_ITEM, NOTE_REF, SENTENCE_END
from marginalia.model import (
    Document,
    LabelledValue,
    Paragraph,
    Quotation,
    Section,
    Table,
    block_texts,
    without_page_marks,
)

FIRST_WORDS = 8
OPENING_BLOCKS = 4
"""How many of the body's first blocks the report looks at for heading lines left in the body."""
SHORT_LINE_WORDS = 15


def ingest_report(doc: Document, root: Path | None = None) -> str:
    """Render the full report for one ingested text.

    Args:
        doc: An ingested document.
        root: A folder to show file paths relative to (the project's), or None for paths as given.

    Returns:
        Plain text, one fact a line, each with its source line; characters shown as the source writes them.
    """
    path = doc.path.relative_to(root) if root and doc.path.is_relative_to(root) else doc.path
    lines = [f"Ingest report for {path}", "", summary_line(doc), "", "Metadata"]
    lines += _metadata(doc)
    lines += _kept_in_the_body(doc)
    lines += ["", f"Kept as title page and imprint ({len(doc.front)} blocks)"]
    lines += [f"  line {b.line}: {_first_words(' '.join(block_texts(b)))}" for b in doc.front]
    lines += ["", f"Sections ({len(doc.sections)})"]
    for section in doc.sections:
        paragraphs = len(section.paragraphs())
        title = section.heading or "(untitled opening)"
        lines.append(
            f"  line {section.line}: {title} [{section.kind}, {paragraphs} paragraphs, {len(section.blocks)} blocks]"
        )
        lines += _quotations_and_tables(section)
    lines += ["", f"Pages of the printed source ({len(doc.pages)})"]
    lines += _pages(doc) or ["  none found: no running heads or page numbers"]
    lines += ["", f"Notes ({len(doc.notes)})"]
    lines += _notes(doc)
    joins = [r for r in doc.repairs if r.kind != "duplicate"]
    lines += ["", f"Joins across page breaks ({len(joins)})"]
    lines += [f"  line {r.line}: {r.kind} {r.detail}" for r in joins]
    if duplicates := [r for r in doc.repairs if r.kind == "duplicate"]:
        lines += ["", f"Dropped as the extraction's duplicates ({len(duplicates)})"]
        lines += [f"  line {r.line}: {r.detail}" for r in duplicates]
    lines += ["", f"Warnings ({len(doc.diagnostics)})"]
    lines += [f"  {d.relative_to(root) if root else d}" for d in doc.diagnostics] or ["  none"]
    return restore_source("\n".join(lines)) + "\n"


def summary_line(doc: Document) -> str:
    """One line for the build log: counts of what ingest found and did.

    Args:
        doc: An ingested document.

    Returns:
        E.g. "radchenko-2020: 7 sections, 42 paragraphs, 11 notes, 25 joins (1 dehyphenated), 0 warnings".
    """
    dehyphenated = sum(r.kind == "dehyphenate" for r in doc.repairs)
    joins = sum(r.kind != "duplicate" for r in doc.repairs)
    return (
        f"{doc.slug}: {len(doc.sections)} sections, {len(doc.paragraphs())} paragraphs, {len(doc.notes)} notes"
        f" ({len(doc.unattached_notes)} unattached), {len(doc.front)} title-page blocks,"
        f" {joins} joins ({dehyphenated} dehyphenated), {len(doc.diagnostics)} warnings"
    )


def _metadata(doc: Document) -> list[str]:
    meta = doc.metadata
    lines = []
    if meta.label:
        lines.append(f"  line {meta.label_line}: label: {meta.label}")
    lines.append(f"  line {meta.title_line}: title: {meta.title}" if meta.title else "  title: none in the source")
    if meta.translated_title:
        lines.append(f"  line {meta.translated_title_line}: title in translation: {meta.translated_title}")
    for person in meta.people:
        extra = [f"role {person.role}"] if person.role else []
        extra += [f"marker {person.marker}"] if person.marker else []
        extra += [f"affiliation {', '.join(person.affiliation)}"] if person.affiliation else []
        lines.append(f"  line {person.line}: person: {person.name}" + (f" ({'; '.join(extra)})" if extra else ""))
    groups: list[tuple[str, list[LabelledValue]]] = [
        ("affiliation", meta.affiliations),
        ("contact", meta.contact),
        ("date", meta.dates),
        ("©", meta.copyright),
        ("translators", meta.translators),
        ("ISBN", meta.isbns),
        ("archive", meta.archive),
        ("reviewed work", meta.reviewed),
        ("footer", meta.footer),
    ]
    for name, values in groups:
        lines += [f"  line {v.line}: {name}: {f'{v.label} ' if v.label else ''}{v.value}" for v in values]
    if meta.doi:
        lines.append(f"  line {meta.doi_line}: DOI: {meta.doi}")
    if meta.abstract:
        label = meta.abstract_label or "Abstract"
        lines.append(f"  line {meta.abstract[0].line}: abstract ({label}): {len(meta.abstract)} paragraphs")
    if meta.keywords:
        lines.append(f"  keywords ({meta.keywords_label}): {' · '.join(meta.keywords)}")
    if meta.license_statement:
        lines.append(f"  line {meta.license_line}: licence statement: {_first_words(meta.license_statement)}")
    if meta.series is not None:
        lines.append(f"  line {meta.series.line}: series: {meta.series.title}")
    for epigraph in meta.epigraphs:
        lines.append(
            f"  line {epigraph.line}: epigraph: {_first_words(epigraph.paragraphs[0].text) if epigraph.paragraphs else ''} ({epigraph.attribution})"
        )
    return lines


def _kept_in_the_body(doc: Document) -> list[str]:
    """Short lines without a sentence that open the body: a heading line ingest did not recognise, perhaps."""
    lines = []
    for block in doc.sections[0].blocks[:OPENING_BLOCKS] if doc.sections else []:
        text = without_page_marks(block.text) if isinstance(block, Paragraph) else ""
        if not text or len(text.split()) > SHORT_LINE_WORDS or SENTENCE_END.search(text) or LIST_ITEM.match(text):
            break
        lines.append(
            f"  line {block.line}: kept in the body, not read as a heading or title-page line: {_first_words(text)}"
        )
    return lines


def _quotations_and_tables(section: Section) -> list[str]:
    lines = []
    for block in section.blocks:
        if isinstance(block, Quotation):
            by = f", attributed to {block.attribution}" if block.attribution else ""
            lines.append(f"    line {block.line}: quotation ({len(block.paragraphs)} paragraphs{by})")
        elif isinstance(block, Table):
            caption = f" {_first_words(block.caption)}" if block.caption else " (no caption)"
            note = f"; {_first_words(block.note)}" if block.note else ""
            lines.append(
                f"    line {block.line}: table{caption}: {len(block.header)} columns, {len(block.rows)} rows{note}"
            )
    return lines


def _pages(doc: Document) -> list[str]:
    """Each page found, its number and the furniture taken out where it began."""
    lines = []
    for page in doc.pages:
        number = f"page {page.number}" if page.number else "a page (its number not printed)"
        furniture = f": furniture {' | '.join(page.furniture)}" if page.furniture else ""
        lines.append(f"  line {page.line}: {number}{furniture}")
    return lines


def _notes(doc: Document) -> list[str]:
    holders: dict[str, str] = {
        key: f"marker on the title (line {doc.metadata.title_line})" for key in doc.metadata.title_notes
    }
    for section in doc.sections:
        holders.update(
            {key: f"marker on the heading “{section.heading}” (line {section.line})" for key in section.notes}
        )
    for paragraph in [*doc.metadata.abstract, *doc.paragraphs()]:
        for key in NOTE_REF.findall(paragraph.text):
            holders.setdefault(key, f"marker in paragraph {paragraph.number} (line {paragraph.line})")
    lines = []
    for key, note in doc.notes.items():
        where = holders.get(key, "marker in the abstract")
        shown = f"{note.label} [{key}]" if key != note.label else note.label
        lines.append(f"  note {shown} (line {note.line}): {where}: {_first_words(note.text)}")
    lines += [
        f"  unattached note {n.label or '?'} (line {n.line}): {_first_words(n.text)}" for n in doc.unattached_notes
    ]
    return lines


def _first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:FIRST_WORDS]) + (" …" if len(words) > FIRST_WORDS else "")
