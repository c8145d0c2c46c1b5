"""Ingest: raw PDF-extracted Markdown in, a `Document` out.

A dumb splitter cuts the source into blocks; a stack of transforms, each
`transform(doc) -> doc`, turns them into the document model (see
`marginalia.ingest.transforms.default_stack`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from marginalia.inert import inert_source
from marginalia.ingest.splitter import split_blocks
from marginalia.ingest.transforms import Transform, default_stack
from marginalia.model import Block, Document, EditorialNote
from marginalia.textfile import decode_text as decode_source


def ingest(
    source: str,
    *,
    slug: str,
    path: Path,
    editorial: Iterable[EditorialNote] = (),
    furniture: Iterable[str] = (),
    stack: list[Transform] | None = None,
) -> Document:
    """Parse a raw source into a document.

    Args:
        source: The raw text.
        slug: The text's identifier (its folder name).
        path: The source file, named in diagnostics.
        editorial: Editorial notes to anchor in the text (their fields as written in `editorial.yml`).
        furniture: Lines that `text.yml` declares to be page furniture.
        stack: The transforms to run; `default_stack()` when None.

    Returns:
        The document; problems found are in `Document.diagnostics`. Its text, and
        its editorial notes', is Markdown in which everything the markup policy
        does not let through is escaped (see `marginalia.inert`).
    """
    blocks: list[Block] = list(split_blocks(inert_source(source)))
    notes = [
        replace(
            n,
            exact=inert_source(n.exact),
            prefix=inert_source(n.prefix),
            suffix=inert_source(n.suffix),
            note=inert_source(n.note, tags=False),
        )
        for n in editorial
    ]
    doc = Document(slug=slug, path=path, blocks=blocks, editorial=notes, declared_furniture=list(furniture))
    for transform in default_stack() if stack is None else stack:
        doc = transform(doc)
    return doc


__all__ = ["decode_source", "default_stack", "ingest", "split_blocks"]
