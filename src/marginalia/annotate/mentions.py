"""Find the glossary mentions of a document, after its citations, and record every one."""

from __future__ import annotations

from dataclasses import dataclass

from marginalia.glossary.entries import Entry
from marginalia.glossary.matcher import Match, Matcher
from marginalia.ingest.patterns import NOTE_REF
from marginalia.markup import plain_with_offsets
from marginalia.model import Document, Note, Paragraph, Span

SNIPPET_WIDTH = 60


@dataclass(frozen=True)
class Place:
    """Where mentions are being looked for: a text, a section heading, a paragraph or note id."""

    slug: str
    section: str
    anchor: str


@dataclass(frozen=True)
class MentionRecord:
    """One mention of a glossary entry in a text.

    Attributes:
        slug: The text.
        entry: The entry id.
        section: The heading of the section it stands in.
        anchor: The id of its paragraph (`p-N`) or note (`fn:N`).
        before: Plain text just before it, for a keyword-in-context line.
        form: The words as printed.
        after: Plain text just after it.
        linked: Whether this mention is the one linked (the first in its section or note).
        rule: The phrase rule that decided it, or "".
        nested: Whether it stands inside a longer mention.
    """

    slug: str
    entry: str
    section: str
    anchor: str
    before: str
    form: str
    after: str
    linked: bool
    rule: str
    nested: bool


def link_mentions(doc: Document, matcher: Matcher, entries: dict[str, Entry]) -> list[MentionRecord]:
    """Give the first mention of each entry per section (and per note) its span, and record every mention.

    Linking each entry once per section keeps pages readable; the entry page
    lists every mention all the same.

    Args:
        doc: A document whose citations have their spans (a name inside a citation is no mention); each
            paragraph's and note's mention spans join them.
        matcher: The glossary matcher.
        entries: Entries by id, for link previews.

    Returns:
        One record per mention, in reading order.
    """
    records: list[MentionRecord] = []
    notes_seen: set[str] = set()
    for section in doc.sections:
        linked_here: set[str] = set()
        for block in section.paragraphs():
            if not block.number:
                continue
            place = Place(doc.slug, section.heading, f"p-{block.number}")
            records += _annotate(place, block, matcher, entries, linked_here)
            for label in NOTE_REF.findall(block.text):
                if label in doc.notes and label not in notes_seen:
                    notes_seen.add(label)
                    note_place = Place(doc.slug, section.heading, f"fn:{label}")
                    records += _annotate(note_place, doc.notes[label], matcher, entries, set())
    return records


def _annotate(
    place: Place, item: Paragraph | Note, matcher: Matcher, entries: dict[str, Entry], linked_here: set[str]
) -> list[MentionRecord]:
    plain, offsets = plain_with_offsets(item.text)
    records = []
    spans: list[Span] = []
    for match in matcher.find(item.text, item.spans):
        link = not match.nested and match.entry not in linked_here
        records.append(_record(place, match, plain, offsets, linked=link))
        if link:
            linked_here.add(match.entry)
            spans.append(Span(match.start, match.end, "mention", match.entry, _preview(entries[match.entry])))
    item.spans = tuple(sorted([*item.spans, *spans], key=lambda span: span.start))
    return records


def _record(place: Place, match: Match, plain: str, offsets: list[int], *, linked: bool) -> MentionRecord:
    start, end = offsets[match.start], offsets[match.end]
    before, after = _words_before(plain, start), _words_after(plain, end)
    return MentionRecord(
        place.slug,
        match.entry,
        place.section,
        place.anchor,
        before,
        plain[start:end],
        after,
        linked,
        match.rule,
        match.nested,
    )


def _words_before(plain: str, start: int) -> str:
    """About `SNIPPET_WIDTH` characters before a mention, from the start of a word."""
    cut = max(0, start - SNIPPET_WIDTH)
    if cut and not plain[cut - 1].isspace():
        space = plain.find(" ", cut, start)
        cut = space + 1 if space >= 0 else start
    return plain[cut:start]


def _words_after(plain: str, end: int) -> str:
    """About `SNIPPET_WIDTH` characters after a mention, to the end of a word."""
    cut = min(len(plain), end + SNIPPET_WIDTH)
    if cut < len(plain) and not plain[cut].isspace():
        space = plain.rfind(" ", end, cut)
        cut = space if space >= 0 else end
    return plain[end:cut]


def _preview(entry: Entry) -> str:
    """What a mention's card says: name, dates and description."""
    if entry.date_label:
        return f"{entry.name} ({entry.date_label}): {entry.description}"
    return f"{entry.name}: {entry.description}"
