"""Check that each editorial note quotes exactly one passage of the finished text."""

from __future__ import annotations

from marginalia.inert import restore_source
from marginalia.model import Diagnostic, Document, document_texts


def anchor_editorial_notes(doc: Document) -> Document:
    """Number the editorial notes and warn about those whose quote is missing or ambiguous.

    A quote is `prefix + exact + suffix`; it must occur exactly once in the
    text's content. A note whose quote is not found is kept (and listed) but
    cannot be shown at its place.

    Args:
        doc: A finished document whose `editorial` notes were loaded from `editorial.yml`.

    Returns:
        The document with numbered editorial notes.
    """
    texts = document_texts(doc)
    for number, note in enumerate(doc.editorial, start=1):
        note.number = number
        quote = note.prefix + note.exact + note.suffix
        count = sum(text.count(quote) for text in texts)
        shown = restore_source(quote)  # as the editor wrote it, not as ingest escaped it
        where = doc.path.with_name("editorial.yml")
        if count == 0:
            doc.diagnostics.append(
                Diagnostic(
                    str(where),
                    note.line,
                    f"editorial note quotes {shown!r}, which is not in the text: copy the passage exactly",
                    "editorial-not-found",
                )
            )
        elif count > 1:
            doc.diagnostics.append(
                Diagnostic(
                    str(where),
                    note.line,
                    f"editorial note quotes {shown!r}, which occurs {count} times: add a prefix or suffix to single one out",
                    "editorial-ambiguous",
                )
            )
    return doc
