"""Annotate: find what a text refers to. Citations first, so that names inside them are not taken for people.

`annotate_text` is the stage: a loaded text in, an `AnnotatedText` out, whose
paragraphs and notes carry the spans found (`marginalia.model.Span`) beside
their unchanged text, with a record of every citation and mention.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from marginalia.annotate.linking import CitationRecord, link_citations
from marginalia.annotate.mentions import MentionRecord, link_mentions
from marginalia.bibliography.resolve import CitationResolver
from marginalia.corpus import Text
from marginalia.glossary.entries import Entry
from marginalia.glossary.matcher import Matcher
from marginalia.model import Block, Diagnostic, Document, Paragraph, Quotation
from marginalia.textmeta import TextMeta

__all__ = ["AnnotatedText", "Annotator", "CitationRecord", "MentionRecord", "annotate_text"]


@dataclass(frozen=True)
class AnnotatedText:
    """A text with what annotation found in it.

    Attributes:
        meta: The text's `text.yml`.
        document: Its document, paragraphs and notes carrying their spans.
        citations: Every citation, in reading order.
        mentions: Every glossary mention, in reading order.
        diagnostics: What annotation found wrong (citations no entry matches).
    """

    meta: TextMeta
    document: Document
    citations: tuple[CitationRecord, ...]
    mentions: tuple[MentionRecord, ...]
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def slug(self) -> str:
        """The text's folder name."""
        return self.meta.slug


@dataclass(frozen=True)
class Annotator:
    """What annotating a text needs from the rest of the site.

    Attributes:
        resolver: Matches citations to bibliography entries.
        previews: Each entry's formatted reference as plain text, for a citation's preview.
        matcher: Finds glossary mentions.
        entries: The glossary's entries, for a mention's preview.
    """

    resolver: CitationResolver
    previews: dict[str, str]
    matcher: Matcher
    entries: dict[str, Entry]


def annotate_text(text: Text, annotator: Annotator) -> AnnotatedText:
    """Find the citations, then the glossary mentions, of one text.

    Args:
        text: A loaded text; left as it is.
        annotator: The bibliography and glossary to look in.

    Returns:
        The annotated text.
    """
    document = _with_own_items(text.document)
    citations = link_citations(document, annotator.resolver, annotator.previews)
    mentions = link_mentions(document, annotator.matcher, annotator.entries)
    found = tuple(document.diagnostics)
    document.diagnostics = list(text.document.diagnostics)
    return AnnotatedText(text.meta, document, tuple(citations), tuple(mentions), found)


def _with_own_items(doc: Document) -> Document:
    """A copy of the document whose paragraphs and notes are its own, for annotation to give them spans."""

    def own(block: Block) -> Block:
        if isinstance(block, Paragraph):
            return replace(block)
        if isinstance(block, Quotation):
            return replace(block, paragraphs=[replace(p) for p in block.paragraphs])
        return block

    sections = [replace(section, blocks=[own(block) for block in section.blocks]) for section in doc.sections]
    notes = {label: replace(note) for label, note in doc.notes.items()}
    return replace(doc, sections=sections, notes=notes, diagnostics=[])
