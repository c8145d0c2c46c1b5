"""The clean document: what a text is, before any typesetter or extractor touched it.

Inline text (paragraphs, quotation paragraphs, list items, cells, notes) is a
small Markdown: `*italic*` (or `_italic_`), `**bold**`, note references
`[^N]` where the note's marker stands, and, in texts that come from the
project's own sources, the extraction's tags (`<sup>4</sup>`, `<br>`) and
autolinks (`<https://…>`). Everything else is text, printed as written (a
link's URL is not printed: the clean text of a link is its text).

Notes are keyed as the ingested model keys them: by their printed number
("7"), or, where a text's numbering starts again at 1 (a collection of
documents), by series and number ("2.1"); the printed number is the last
part of the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import yaml

SectionKind = Literal["prose", "references", "contents", "contributors", "abbreviations"]


@dataclass
class CleanParagraph:
    """A paragraph of running text."""

    text: str


@dataclass
class CleanQuotation:
    """A block quotation: set off from the text, one or more paragraphs, perhaps holding note references."""

    paragraphs: list[str]


@dataclass
class CleanTable:
    """A table: its caption as printed ("Table 1. Soviet loans …"), header cells, rows and the source line under it."""

    caption: str
    header: list[str]
    rows: list[list[str]]
    source: str = ""


@dataclass
class CleanList:
    """A list in running text: bulleted, or numbered 1., 2., … (the marker is the typesetter's)."""

    items: list[str]
    numbered: bool = False


@dataclass
class CleanLines:
    """Lines whose breaks are part of the text: an address, a signature (place, date, name)."""

    lines: list[str]


CleanBlock = CleanParagraph | CleanQuotation | CleanTable | CleanList | CleanLines


@dataclass
class CleanSection:
    """A section: its printed number ("2", "2.1" or ""), its title ("" for an untitled opening) and its blocks.

    `kind` is "prose" for running text; a reference list, table of contents,
    notes on contributors or abbreviations list holds one paragraph per entry.
    """

    number: str
    title: str
    blocks: list[CleanBlock] = field(default_factory=list)
    kind: SectionKind = "prose"

    @property
    def heading(self) -> str:
        """The heading as printed: number and title."""
        return f"{self.number} {self.title}".strip()


@dataclass
class CleanEpigraph:
    """A quotation printed under the title, with the line naming its source."""

    text: str
    attribution: str


@dataclass
class CleanDocument:
    """A text as its author wrote it.

    Attributes:
        title: The title (inline Markdown; may carry a note reference).
        label: A line printed above the title ("CHAPTER 7", "Document 12"), or "".
        authors: The names in the byline.
        preamble: Paragraphs printed before the title (a series page), each as written.
        front: Lines printed under the byline, one paragraph each: an archive reference, a date line,
            "Translated by …", received dates, an abstract and its keywords, affiliations.
        copyright: The first page's © line as printed ("© The Author(s) 2021"), or "".
        book_line: The first page's line naming the book or journal the text is in (with its DOI), or "".
        epigraph: A quotation under the title, or None.
        sections: The body.
        back: Paragraphs printed after the body (a licence statement).
        notes: The notes' texts by key.
    """

    title: str
    label: str = ""
    authors: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    front: list[str] = field(default_factory=list)
    copyright: str = ""
    book_line: str = ""
    epigraph: CleanEpigraph | None = None
    sections: list[CleanSection] = field(default_factory=list)
    back: list[str] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)


def note_number(key: str) -> str:
    """The printed number of the note keyed `key` ("2.1" → "1")."""
    return key.rpartition(".")[2]


# YAML: one mapping per block, named by its kind, so that a golden file reads like the text.

_BLOCK_KINDS: dict[str, type[CleanBlock]] = {
    "paragraph": CleanParagraph,
    "quotation": CleanQuotation,
    "table": CleanTable,
    "list": CleanList,
    "lines": CleanLines,
}


def block_to_data(block: CleanBlock) -> dict[str, Any]:
    """A block as plain data for YAML."""
    match block:
        case CleanParagraph():
            return {"paragraph": block.text}
        case CleanQuotation():
            return {"quotation": list(block.paragraphs)}
        case CleanTable():
            return {
                "table": {
                    "caption": block.caption,
                    "header": list(block.header),
                    "rows": [list(r) for r in block.rows],
                    "source": block.source,
                }
            }
        case CleanList():
            return {"list": list(block.items), "numbered": block.numbered}
        case CleanLines():
            return {"lines": list(block.lines)}


def block_from_data(data: dict[str, Any]) -> CleanBlock:
    """The block `block_to_data` wrote."""
    if "paragraph" in data:
        return CleanParagraph(str(data["paragraph"]))
    if "quotation" in data:
        return CleanQuotation([str(p) for p in data["quotation"]])
    if "table" in data:
        table = data["table"]
        return CleanTable(
            str(table["caption"]),
            [str(c) for c in table["header"]],
            [[str(c) for c in row] for row in table["rows"]],
            str(table.get("source", "")),
        )
    if "list" in data:
        return CleanList([str(i) for i in data["list"]], bool(data.get("numbered", False)))
    if "lines" in data:
        return CleanLines([str(line) for line in data["lines"]])
    raise ValueError(f"unknown block {data!r}: expected one of {', '.join(_BLOCK_KINDS)}")


def to_data(doc: CleanDocument) -> dict[str, Any]:
    """The document as plain data for YAML (empty fields left out)."""
    data: dict[str, Any] = {"title": doc.title}
    optional: dict[str, Any] = {
        "label": doc.label,
        "authors": list(doc.authors),
        "preamble": list(doc.preamble),
        "front": list(doc.front),
        "copyright": doc.copyright,
        "book_line": doc.book_line,
        "epigraph": {"text": doc.epigraph.text, "attribution": doc.epigraph.attribution} if doc.epigraph else None,
    }
    data.update({k: v for k, v in optional.items() if v})
    data["sections"] = [
        {
            "number": s.number,
            "title": s.title,
            **({"kind": s.kind} if s.kind != "prose" else {}),
            "blocks": [block_to_data(b) for b in s.blocks],
        }
        for s in doc.sections
    ]
    if doc.back:
        data["back"] = list(doc.back)
    data["notes"] = dict(doc.notes)
    return data


def from_data(data: dict[str, Any]) -> CleanDocument:
    """The document `to_data` wrote."""
    epigraph = data.get("epigraph")
    return CleanDocument(
        title=str(data["title"]),
        label=str(data.get("label", "")),
        authors=[str(a) for a in data.get("authors", [])],
        preamble=[str(p) for p in data.get("preamble", [])],
        front=[str(f) for f in data.get("front", [])],
        copyright=str(data.get("copyright", "")),
        book_line=str(data.get("book_line", "")),
        epigraph=CleanEpigraph(str(epigraph["text"]), str(epigraph["attribution"])) if epigraph else None,
        sections=[
            CleanSection(
                str(s["number"]),
                str(s["title"]),
                [block_from_data(b) for b in s.get("blocks", [])],
                s.get("kind", "prose"),
            )
            for s in data.get("sections", [])
        ],
        back=[str(b) for b in data.get("back", [])],
        notes={str(k): str(v) for k, v in (data.get("notes") or {}).items()},
    )


def dump(doc: CleanDocument) -> str:
    """The document as YAML."""
    return yaml.safe_dump(to_data(doc), allow_unicode=True, sort_keys=False, width=100)


def load(text: str) -> CleanDocument:
    """The document from YAML written by `dump`."""
    return from_data(yaml.safe_load(text))
