"""Find the citations of a document, resolve each to its bibliography entry, and record each one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from marginalia.bibliography.citations import CONNECTOR, FoundCitation, find_citations
from marginalia.bibliography.resolve import CitationResolver, Resolution
from marginalia.ingest.patterns import NOTE_REF
from marginalia.model import Document, Note, Paragraph, Span

CONNECTOR_WORD = re.compile(rf"\s{CONNECTOR}\s")


@dataclass(frozen=True)
class CitationRecord:
    """One citation in a text, resolved or not.

    Attributes:
        slug: The citing text.
        key: The entry cited, or None when it could not be resolved.
        cited: The citation as printed.
        locator: Pages or other locator as printed, or "".
        paragraph: The citing paragraph's number, or 0 in a note.
        note: The citing note's label, or "".
        line: The source line of the paragraph or note.
        sic: Whether the printed form is a source defect (through an alias).
        prose: Whether it was left as text: "Name (year)" where no entry has an author of that name,
            which is more often an event or a body ("the Geneva Conference (1954)") than a work.
    """

    slug: str
    key: str | None
    cited: str
    locator: str
    paragraph: int
    note: str
    line: int
    sic: bool
    prose: bool = False

    @property
    def anchor(self) -> str:
        """The id of the citing place on its page: `p-N` or `fn:N`."""
        return f"p-{self.paragraph}" if self.paragraph else f"fn:{self.note}"


def link_citations(doc: Document, resolver: CitationResolver, previews: dict[str, str]) -> list[CitationRecord]:
    """Give every citation in the document's paragraphs and notes its span, and warn about the rest.

    A resolved citation's span names its entry, with the locator and the plain
    formatted reference as its preview; rendering links it to the entry on the
    text's bibliography page. An unresolved one is shown unlinked, with a
    visible marker, except a narrative "Name (year)", or names with a
    lower-case word inside ("(Memorandum of the Soviet Embassy 1957)"), whose
    first name is no entry's first author: that is more often an event, a body
    or a document ("the Geneva Conference (1954)") than a work cited, so it
    stays text, with no span and no warning, and the curator report lists it.

    Args:
        doc: An ingested document; its paragraphs and notes get their spans (`Paragraph.spans`).
        resolver: Matches citations to entries.
        previews: Plain-text formatted references, by key.

    Returns:
        One record per citation, in text order.
    """
    records: list[CitationRecord] = []
    cited_before: str | None = None  # the work a note's "Ibid." stands for; "" after a note citing no work
    for item in _reading_order(doc):
        paragraph = item.number if isinstance(item, Paragraph) else 0
        note = item.label if isinstance(item, Note) else ""
        spans: list[Span] = []
        citations = find_citations(item.text, in_note=isinstance(item, Note))
        for found in citations:
            printed = item.text[found.start : found.end]
            if found.form == "ibid" and cited_before == "":
                continue  # the note before cites a source that is no work (an archive's file): "Ibid." is that
            if found.form == "ibid":
                resolution = Resolution(cited_before, None, (cited_before,) if cited_before else ())
            else:
                resolution = resolver.resolve(found)
            if resolution.alias is not None and not resolution.alias.key:
                continue  # the alias table says this form is no citation ("Moscow 1957"): it stays text
            if resolution.key is None and _maybe_prose(found) and not resolver.knows_first_author(found):
                records.append(
                    CitationRecord(doc.slug, None, printed, "", paragraph, note, item.line, sic=False, prose=True)
                )
                continue
            if isinstance(item, Note):
                cited_before = resolution.key
            if resolution.key is None:
                _warn(doc, item, printed, resolution)
            spans.append(_span(found, resolution, previews))
            sic = bool(resolution.alias and resolution.alias.sic)
            records.append(
                CitationRecord(doc.slug, resolution.key, printed, found.locator, paragraph, note, item.line, sic)
            )
        item.spans = tuple(spans)
        if isinstance(item, Note) and not citations:
            cited_before = ""
    return records


def _maybe_prose(found: FoundCitation) -> bool:
    """Whether a citation may as well be prose: "Name (year)", or names with a lower-case word inside.

    "(Memorandum of the Soviet Embassy 1957)" reads like a citation of a body's work, but is one only if
    some entry's first author bears that name.
    """
    inner = CONNECTOR_WORD.search(found.authors) is not None
    return found.form == "narrative" or (found.form == "parenthetical" and inner)


def _reading_order(doc: Document) -> list[Paragraph | Note]:
    """Paragraphs, each followed by the notes it marks, so that records come in reading order."""
    order: list[Paragraph | Note] = []
    placed: set[str] = set()
    for paragraph in doc.paragraphs():
        order.append(paragraph)
        labels = [label for label in NOTE_REF.findall(paragraph.text) if label in doc.notes]
        order += [doc.notes[label] for label in labels]
        placed.update(labels)
    order += [note for label, note in doc.notes.items() if label not in placed]
    return order


def _span(found: FoundCitation, resolution: Resolution, previews: dict[str, str]) -> Span:
    if resolution.key is None:
        reason = "several entries match" if resolution.candidates else "no bibliography entry"
        return Span(found.start, found.end, "unresolved-citation", "", f"Unresolved citation: {reason}")
    preview = previews.get(resolution.key, "")
    sic = resolution.alias is not None and resolution.alias.sic
    if resolution.alias is not None and sic:
        preview = f"[sic] {resolution.alias.note} {preview}"
    return Span(found.start, found.end, "citation", resolution.key, preview, found.locator, sic)


def _warn(doc: Document, item: Paragraph | Note, printed: str, resolution: Resolution) -> None:
    where = f"paragraph {item.number}" if isinstance(item, Paragraph) else f"note {item.label}"
    if resolution.candidates:
        message = (
            f"{where}: citation '{printed}' is ambiguous, it matches {', '.join(resolution.candidates)}:"
            " give the entries year suffixes (2008a, 2008b) or add an alias to bib/aliases.yml"
        )
        doc.warn(item.line, message, "citation-ambiguous")
    elif printed.lower().startswith("ibid"):
        message = f"{where}: '{printed}' follows no resolved citation: check the note before it"
        doc.warn(item.line, message, "citation-unresolved")
    else:
        message = f"{where}: citation '{printed}' matches no bibliography entry: add the work to bib/ or an alias to bib/aliases.yml (not_a_citation: true if it is none)"
        doc.warn(item.line, message, "citation-unresolved")
