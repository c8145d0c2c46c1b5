"""One round trip: typeset a clean document, extract it, ingest the extraction, compare."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from marginalia.ingest import ingest
from marginalia.model import Document
from typeset.compare import Difference, clean_of, differences
from typeset.document import CleanDocument
from typeset.inline import plain
from typeset.layout import Layout
from typeset.losses import Loss, known_losses

SHAPES = ("pymupdf4llm.md", "chars.md")
"""The extraction shapes, by the name of their golden file (see `typeset.extract`)."""


@dataclass
class Outcome:
    """What came back from one extraction of a typeset document.

    Attributes:
        shape: The extraction's file name (`SHAPES`).
        source: The extraction, as ingest read it.
        document: The ingested document.
        actual: Its clean projection.
        differences: Every difference from the expected document.
        losses: The known extraction losses the extraction itself proves.
        failures: The differences that no known loss explains: ingest should have read these.
    """

    shape: str
    source: str
    document: Document
    actual: CleanDocument
    differences: list[Difference]
    losses: list[Loss] = field(default_factory=list)
    failures: list[Difference] = field(default_factory=list)

    def report(self) -> str:
        """The failures, the known losses and ingest's warnings, for an assertion message."""
        lines = [f"{self.shape}: {len(self.failures)} difference(s)"]
        lines += [f"  {d}" for d in self.failures]
        if self.losses:
            lines.append(f"  known extraction losses ({len(self.losses)}):")
            lines += [f"    {loss}" for loss in self.losses]
        if self.document.diagnostics:
            lines.append("  ingest warned:")
            lines += [f"    line {d.line}: {d.message} [{d.code}]" for d in self.document.diagnostics[:10]]
        return "\n".join(lines)


def furniture(expected: CleanDocument, layout: Layout) -> list[str]:
    """The running heads and page numbers the layout prints for this document."""
    return layout.furniture(plain(expected.title))


def check(
    expected: CleanDocument, layout: Layout, shape: str, source: str, slug: str = "typeset", pages: int = 0
) -> Outcome:
    """Ingest one extraction and compare it with the expected document, known losses set apart.

    Args:
        expected: The document that was typeset.
        layout: Its layout.
        shape: The extraction's file name (`SHAPES`).
        source: The extraction.
        slug: The name ingest gives the text (in its messages).
        pages: The PDF's number of pages: when it has two or more and prints their numbers, the pages ingest
            found (`Document.pages`) must be those, numbered as printed.
    """
    document = ingest(source, slug=slug, path=Path(f"{slug}/{shape}"))
    actual = clean_of(document)
    found = differences(expected, actual, furniture=furniture(expected, layout))
    outcome = Outcome(shape, source, document, actual, found)
    outcome.losses, outcome.failures = known_losses(expected, actual, source, shape, layout)
    if pages >= 2 and layout.numbers != "none":
        printed = [layout.number_value(layout.first_page + i) for i in range(pages)]
        got = [page.number for page in document.pages]
        if got != printed:
            miss = Difference("page-numbers", "pages", f"the PDF's pages are {printed}; ingest found {got}")
            outcome.differences.append(miss)
            outcome.failures.append(miss)
    return outcome
