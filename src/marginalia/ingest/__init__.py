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
from marginalia.model import Block, Diagnostic, Document, EditorialNote


def ingest(
    source: str,
    *,
    slug: str,
    path: Path,
    editorial: Iterable[EditorialNote] = (),
    stack: list[Transform] | None = None,
) -> Document:
    """Parse a raw source into a document.

    Args:
        source: The raw text.
        slug: The text's identifier (its folder name).
        path: The source file, named in diagnostics.
        editorial: Editorial notes to anchor in the text (their fields as written in `editorial.yml`).
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
    doc = Document(slug=slug, path=path, blocks=blocks, editorial=notes)
    for transform in default_stack() if stack is None else stack:
        doc = transform(doc)
    return doc


def decode_source(data: bytes, path: Path) -> tuple[str, list[Diagnostic]]:
    """Decode a source file as UTF-8, reporting each line with undecodable bytes.

    Undecodable bytes are replaced by U+FFFD so that the rest of the text can
    still be read.

    Args:
        data: The file's bytes.
        path: The file, for messages.

    Returns:
        The text and one diagnostic per line with bad bytes.
    """
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    problems = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(
                Diagnostic(
                    str(path),
                    number,
                    f"bytes that are not UTF-8 at column {error.start + 1} ({raw[error.start : error.end]!r}): save the file as UTF-8",
                    "source-encoding",
                )
            )
    return data.decode("utf-8", errors="replace"), problems


__all__ = ["decode_source", "default_stack", "ingest", "split_blocks"]
