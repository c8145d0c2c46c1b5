"""Ingest transforms: each takes a `Document` and returns it, reworked.

`default_stack()` lists them in the order they must run; the comment beside each
entry says why it stands where it does.
"""

from __future__ import annotations

from collections.abc import Callable

from marginalia.ingest.transforms.abstract import extract_abstract
from marginalia.ingest.transforms.classify import classify_blocks
from marginalia.ingest.transforms.contact import extract_contact
from marginalia.ingest.transforms.editorial import anchor_editorial_notes
from marginalia.ingest.transforms.epigraphs import read_epigraphs
from marginalia.ingest.transforms.footers import lift_footers, separate_footers
from marginalia.ingest.transforms.front import extract_front_matter
from marginalia.ingest.transforms.furniture import remove_page_furniture
from marginalia.ingest.transforms.license import extract_license
from marginalia.ingest.transforms.lists import read_lists
from marginalia.ingest.transforms.markup import check_markup
from marginalia.ingest.transforms.notes import collect_notes, link_note_markers
from marginalia.ingest.transforms.numbering import number_paragraphs
from marginalia.ingest.transforms.parts import (
    parse_abbreviations,
    parse_contents,
    parse_contributors,
    parse_references,
)
from marginalia.ingest.transforms.plain_text import read_plain_headings
from marginalia.ingest.transforms.rejoin import rejoin_paragraphs
from marginalia.ingest.transforms.run_in import set_apart_run_in_headings
from marginalia.ingest.transforms.sections import sectionize
from marginalia.ingest.transforms.signature import extract_signatures
from marginalia.model import Document

Transform = Callable[[Document], Document]


def default_stack() -> list[Transform]:
    """Return the transforms that turn split blocks into a finished document.

    Returns:
        A new list, in order; callers may append their own transforms.
    """
    return [
        check_markup,  # first: later patterns assume balanced tags
        remove_page_furniture,  # before anything reads lines: heads and page numbers fall anywhere
        separate_footers,  # before classify: a footer run into a note would be read as the note's text
        set_apart_run_in_headings,  # before classify, which reads a heading on a line of its own
        read_plain_headings,  # before classify: a plain-text extraction's title and headings get their marks
        classify_blocks,  # headings, rules and note texts, before anything moves
        extract_contact,  # before notes: its affiliation lines look like notes
        extract_abstract,  # before front matter, whose end is the first other heading
        extract_front_matter,
        lift_footers,  # after the front matter, whose own © and DOI lines it reads first
        extract_license,  # before rejoin, so the statement is not glued to prose
        collect_notes,  # leaves page breaks where notes interrupted the text
        rejoin_paragraphs,  # needs those page breaks; reads quotations and tables too
        read_epigraphs,  # the quotations that open the body, once they are read
        sectionize,
        parse_references,
        parse_contents,
        parse_contributors,
        parse_abbreviations,
        extract_signatures,
        read_lists,  # after signatures: a short list ending a section is no signature
        link_note_markers,  # after all text has found its final place
        number_paragraphs,
        anchor_editorial_notes,  # last: anchors quote the finished text
    ]


__all__ = ["Transform", "default_stack"]
