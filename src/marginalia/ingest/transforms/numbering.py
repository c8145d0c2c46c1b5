"""Number the body paragraphs of a text for their permalinks."""

from __future__ import annotations

from marginalia.model import Document


def number_paragraphs(doc: Document) -> Document:
    """Give every paragraph of a prose section its number, `p-1`, `p-2`, … across the text.

    Args:
        doc: A sectioned document.

    Returns:
        The document with numbered paragraphs.
    """
    number = 0
    for section in doc.sections:
        if section.kind != "prose":
            continue
        for paragraph in section.paragraphs():
            number += 1
            paragraph.number = number
    return doc
