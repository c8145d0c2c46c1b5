"""Read what a text says about itself: the lines around its title, and its first-page footer.

Body is the default. Only what is positively recognised leaves the flow:
before the title, a series page, a label line ("CHAPTER 7") and a byline;
after it, the byline and its affiliations, dates, ©, translators, ISBNs, a
DOI, an archive reference, a reviewed work's citation, and title-page or
imprint blocks (short unpunctuated lines, copyright boilerplate, or blocks laid
out line by line with hard breaks, which body prose in these extractions never is). The first
block that is none of these starts the body, whether or not a heading comes
first. Further on, a first-page footer (© lines, a DOI, the chapter's citation
in its book) that PDF extraction left inside a paragraph is lifted out as
metadata, leaving a page break so that the paragraph is rejoined.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from marginalia.ingest.patterns import ARCHIVE, MARKER, PLACE_DATE, SENTENCE_END, TAG, hard_lines, join_lines
from marginalia.ingest.transforms.classify import STRUCTURAL_TITLES
from marginalia.ingest.words import is_common_english_word
from marginalia.model import (
    Block,
    Document,
    Heading,
    LabelledValue,
    LineGroup,
    NoteText,
    PageBreak,
    Paragraph,
    Person,
    RawBlock,
    Section,
)

DATE_LABEL = re.compile(r"^(Received|Revised|Accepted|Published(?: online)?|First published):\s*(.+)$")
ISBN = re.compile(r"ISBN\s+([0-9Xx][0-9Xx-]{8,16})(?:\s*\(([^)]+)\))?")
DOI_URL = re.compile(r"https?://(?:dx\.)?doi\.org/10\.[^>\s]+")
BARE_DOI = re.compile(r"^<?(https?://(?:dx\.)?doi\.org/10\.[^>\s]+?)>?$|^(?:DOI|doi):?\s*(10\.\S+)$")
ROLE = re.compile(r"^\*([A-Z][\w ]+)\*$")
TRANSLATORS = re.compile(r"^(?:(?:Selected|Edited|Compiled),?\s+(?:and\s+)?)?[Tt]ranslated\s+(?:from\s+\w+\s+)?by\b")
LABELLED = re.compile(r"^\*\*([A-Z][\w ]{0,30}?):?\*\*:?\s+(\S.*)$")
"""A line with a bold label, as document headings print their fields: `**Source:** APRF, f. 45`."""
REVIEWER = re.compile(r"^Reviewed by\s+(\S.*)$")
NAME_WITH_MARKERS = re.compile(r"^\s*([^<]+?)\s*((?:<sup>[^<]*</sup>)*)\s*$")
"""A name followed only by its affiliation markers."""
NAME_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+(?:and|&|·)\s+")
LABEL_LINE = re.compile(
    r"^(?:[^\W\d_]+\.?\s+(?:№\s*)?(?:\d+[A-Za-z]?|[IVXLC]+|(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b)"
    r"|第\s*[\d一二三四五六七八九十百]+\s*[章部篇卷节])$",
    re.IGNORECASE,
)
"""A line printed above a title that names the text's place: a word and a number ("CHAPTER 7", "Part II",
"Document 12", "Глава 7", "Документ № 12") or a Chinese ordinal ("第七章")."""
LABEL_WORDS = 4
"""At most this many words, all common ones, make a capitals-only label ("BOOK REVIEW", "RESEARCH ARTICLE")."""
PAGE_COUNT = re.compile(r"\b(?:[ivxlc]+\s*\+\s*)?\d+\s*pp\b|\bpp\.\s*\d|\b\d+\s+pages\b", re.IGNORECASE)
STRONG_IMPRINT = re.compile(
    r"©|\bcopyright\b|\ball rights reserved\b|\bISBN\b|\btrademarks?\b|\bwarrant(?:y|ies)\b|\bregistered company\b"
    r"|\bcover design\b|\bprinted in\b",
    re.IGNORECASE,
)
"""Words that only an imprint page uses."""
NAME_PARTICLES = frozenset({"van", "von", "de", "der", "da", "di", "du", "la", "le", "bin", "al", "ibn", "y"})
SHORT_LINE_WORDS = 8
FOOTER_WORDS = 40

Reader = Callable[[Document, RawBlock], bool]


def extract_front_matter(doc: Document) -> Document:
    """Fill `Document.metadata` from the recognised blocks around the title; the rest is body.

    Args:
        doc: A classified document, abstract already extracted.

    Returns:
        The document whose flow starts at its first block of body.
    """
    blocks = doc.blocks
    title_index = _title_index(blocks)
    start = 0
    if title_index is not None:
        title = blocks[title_index]
        assert isinstance(title, Heading)
        doc.metadata.title, doc.metadata.title_line = title.text, title.line
        _read_before_title(doc, blocks[:title_index])
        start = title_index + 1
    end = _read_after_title(doc, blocks, start)
    doc.blocks = _lift_footers(doc, blocks[end:])
    return doc


def _title_index(blocks: list[Block]) -> int | None:
    """The first level-1 heading, unless body comes before it (a text need not print its title)."""
    series_page = False  # a series page (a heading and its blurb) may stand before the title
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            if block.level == 1:
                return index
            series_page = True
        elif not series_page and isinstance(block, RawBlock) and not (_is_short(block) or _is_imprint(block)):
            return None
    return None


def _read_before_title(doc: Document, blocks: list[Block]) -> None:
    """A series page (a heading and its blurb), then a label (a line or a heading) or a byline just above the title."""
    rest = list(blocks)
    while rest and isinstance(last := rest[-1], RawBlock | Heading):
        label = last.text.strip() if isinstance(last, Heading) else join_lines(last.lines)
        if not doc.metadata.label and is_label(label):
            doc.metadata.label, doc.metadata.label_line = label, last.line
        elif isinstance(last, RawBlock) and not doc.metadata.people and _is_byline_above_title(last):
            name, *role = (line.strip() for line in last.lines)
            doc.metadata.people.append(Person(last.line, name, " ".join(role)))
        else:
            break
        rest.pop()
    if rest and isinstance(rest[0], Heading):
        heading = rest[0]
        doc.metadata.series = Section(heading.line, heading.text, "", "prose", source_level=heading.level)
        doc.metadata.series.blocks = [_as_text_block(b) for b in rest[1:]]
    else:
        doc.front.extend(_as_text_block(b) for b in rest)


def is_label(line: str) -> bool:
    """Whether a line above a title is a label of the text: "CHAPTER 7", "Part II", "BOOK REVIEW", "第七章"."""
    plain = TAG.sub("", line).strip(" *_")
    if LABEL_LINE.match(plain):
        return True
    words = plain.split()
    capitals = any(ch.isupper() for ch in plain) and not any(ch.islower() for ch in plain)
    return capitals and 1 <= len(words) <= LABEL_WORDS and all(is_common_english_word(w.strip(".,:")) for w in words)


def _read_after_title(doc: Document, blocks: list[Block], start: int) -> int:
    """Read recognised blocks from `start`; return the index of the first block of body."""
    readers: list[Reader] = [
        _read_dates,
        _read_copyright,
        _read_translators,
        _read_isbns,
        _read_doi,
        _read_archive,
        _read_reviewed_work,
        _read_reviewer,
    ]
    role: RawBlock | None = None
    byline_open = True  # a byline may come until a title-page block has been read
    affiliations_open = False  # unmarked affiliation lines may follow a byline
    index = start
    for index in range(start, len(blocks)):
        block = blocks[index]
        if isinstance(block, PageBreak):
            continue
        if isinstance(block, NoteText) and block.label in _byline_markers(doc):
            doc.metadata.affiliations.append(LabelledValue(block.line, block.label, block.text))
            continue
        if not isinstance(block, RawBlock):
            break
        if ROLE.match(block.text):
            role = block
            continue
        if role is not None:
            role_match = ROLE.match(role.text)
            assert role_match is not None
            name, *affiliation = hard_lines(block.lines)
            doc.metadata.people.append(Person(block.line, name, role_match.group(1), "", affiliation))
            role = None
            continue
        if any(read(doc, block) for read in readers):
            affiliations_open = False
            continue
        if byline_open and not doc.metadata.people and _read_byline(doc, block):
            byline_open, affiliations_open = False, not MARKER.search(block.text)
            continue
        if _continued(blocks, index):
            break  # a paragraph cut by a page break, however short: the body has begun
        if affiliations_open and _is_short(block):
            doc.metadata.people[-1].affiliation.extend(hard_lines(block.lines))
            continue
        if _is_short(block) or _is_imprint(block):
            byline_open = affiliations_open = False
            doc.front.append(_as_text_block(block))
            continue
        break
    else:
        index = len(blocks)
    if role is not None:
        doc.front.append(_as_text_block(role))
    return index


def _continued(blocks: list[Block], index: int) -> bool:
    """Whether the text block after `index` (past page breaks, notes and footers) goes on with it in lower case.

    A short first paragraph cut by a page break looks like a title-page line; what follows the break tells.
    """
    current = blocks[index]
    if isinstance(current, RawBlock) and current.lines[-1].rstrip().endswith("-"):
        return True
    for block in blocks[index + 1 :]:
        if isinstance(block, PageBreak | NoteText) or (isinstance(block, RawBlock) and _is_footer(block)):
            continue
        return isinstance(block, RawBlock) and block.lines[0].lstrip()[:1].islower() and not block.has_hard_breaks
    return False


def _lift_footers(doc: Document, blocks: list[Block]) -> list[Block]:
    """Replace first-page footer blocks in the body by page breaks, their lines kept as metadata."""
    kept: list[Block] = []
    in_apparatus = False  # notes and reference lists cite DOIs as content, not as footers
    for block in blocks:
        if isinstance(block, Heading):
            in_apparatus = block.text.strip().lower() in STRUCTURAL_TITLES
        if not in_apparatus and isinstance(block, RawBlock) and _is_footer(block):
            _read_footer(doc, block)
            kept.append(PageBreak(block.line))
        else:
            kept.append(block)
    return kept


def _is_footer(block: RawBlock) -> bool:
    if len(block.lines) > 3:
        return False
    for raw in block.lines:
        line = raw.strip()
        if line.startswith("©") or BARE_DOI.match(line):
            continue
        url = DOI_URL.search(line)
        if url is None or line[url.end() :].strip(" .>") or len(line.split()) > FOOTER_WORDS:
            return False
    return True


def _read_footer(doc: Document, block: RawBlock) -> None:
    for offset, raw in enumerate(block.lines):
        line, number = raw.strip(), block.line + offset
        doi = BARE_DOI.match(line)
        if line.startswith("©"):
            doc.metadata.copyright.append(LabelledValue(number, "©", line[1:].strip()))
        elif doi and not doc.metadata.doi:
            doc.metadata.doi, doc.metadata.doi_line = _doi_url(doi), number
        else:
            doc.metadata.footer.append(LabelledValue(number, "", line))


def _read_byline(doc: Document, block: RawBlock) -> bool:
    """Names separated by commas, "and", "&" or "·", each perhaps with affiliation markers."""
    if len(block.lines) > 3:
        return False
    parts = [p for p in NAME_SPLIT.split(join_lines(block.lines)) if p.strip()]
    names = [(m.group(1).strip(), MARKER.findall(m.group(2))) for part in parts if (m := NAME_WITH_MARKERS.match(part))]
    if not names or len(names) < len(parts) or not all(_is_name(name) for name, _ in names):
        return False
    doc.metadata.people.extend(Person(block.line, name, "", ",".join(markers)) for name, markers in names)
    return True


def _is_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 5:
        return False
    if any(c.isdigit() for c in text) or not any(len(w.rstrip(".")) > 1 and not w.endswith(".") for w in words):
        return False
    return all(w[:1].isupper() or w in NAME_PARTICLES for w in words)


def _byline_markers(doc: Document) -> set[str]:
    return {marker for person in doc.metadata.people for marker in person.marker.split(",") if marker}


def _read_dates(doc: Document, block: RawBlock) -> bool:
    if not DATE_LABEL.match(block.lines[0].strip()):
        return False
    for offset, line in enumerate(block.lines):
        number = block.line + offset
        if line.strip().startswith("©"):
            doc.metadata.copyright.append(LabelledValue(number, "©", line.strip()[1:].strip()))
            continue
        for part in line.strip().split(" / "):
            match = DATE_LABEL.match(part.strip())
            if match:
                doc.metadata.dates.append(LabelledValue(number, match.group(1), match.group(2)))
            else:
                doc.warn(number, f"cannot read {part.strip()!r} as a date: write it as 'Label: date'", "front-date")
                doc.metadata.dates.append(LabelledValue(number, "", part.strip()))
    return True


def _read_copyright(doc: Document, block: RawBlock) -> bool:
    if not block.lines[0].strip().startswith("©"):
        return False
    doc.metadata.copyright.append(LabelledValue(block.line, "©", join_lines(block.lines)[1:].strip()))
    return True


def _read_translators(doc: Document, block: RawBlock) -> bool:
    if not TRANSLATORS.match(block.lines[0].strip()):
        return False
    doc.metadata.translators.append(LabelledValue(block.line, "", join_lines(block.lines)))
    return True


def _read_isbns(doc: Document, block: RawBlock) -> bool:
    text = join_lines(block.lines)
    if not text.startswith("ISBN") or ISBN.sub("", text).strip():
        return False
    doc.metadata.isbns.extend(
        LabelledValue(block.line, f"ISBN ({m.group(2)})" if m.group(2) else "ISBN", m.group(1))
        for m in ISBN.finditer(text)
    )
    return True


def _read_doi(doc: Document, block: RawBlock) -> bool:
    match = BARE_DOI.match(block.text.strip())
    if not match or doc.metadata.doi:
        return False
    doc.metadata.doi, doc.metadata.doi_line = _doi_url(match), block.line
    return True


def _read_archive(doc: Document, block: RawBlock) -> bool:
    """A document's heading block: archive reference, place and date, labelled lines (`**Source:** …`)."""
    lines = [line.strip() for line in block.lines]
    if len(lines) > 4 or not all(
        _is_archive_reference(line) or PLACE_DATE.match(line) or LABELLED.match(line) for line in lines
    ):
        return False
    for offset, line in enumerate(lines):
        labelled = LABELLED.match(line)
        label, value = (labelled.group(1), labelled.group(2)) if labelled else ("", line)
        doc.metadata.archive.append(LabelledValue(block.line + offset, label, value))
    return True


def _is_archive_reference(line: str) -> bool:
    """An archive named with a numbered reference and no markup: "APRF, fond 52, opis 1, delo 499"."""
    plain = TAG.sub("", line)
    if plain != line.strip() or SENTENCE_END.search(plain):
        return False
    return bool(ARCHIVE.search(plain)) and "," in plain and any(c.isdigit() for c in plain)


def _read_reviewed_work(doc: Document, block: RawBlock) -> bool:
    """A review's header: the reviewed book with its publisher, pages, price or ISBN."""
    text = join_lines(block.lines)
    if len(block.lines) > 6 or not (ISBN.search(text) and PAGE_COUNT.search(text)):
        return False
    doc.metadata.reviewed.append(LabelledValue(block.line, "", text))
    return True


def _read_reviewer(doc: Document, block: RawBlock) -> bool:
    match = REVIEWER.match(block.lines[0].strip())
    if not match or len(block.lines) > 3:
        return False
    name, *affiliation = hard_lines([match.group(1), *block.lines[1:]])
    name, _, institution = name.partition(", ")  # "Reviewed by Anna Example, Test University"
    doc.metadata.people.append(
        Person(block.line, name, "Reviewer", "", [institution, *affiliation] if institution else affiliation)
    )
    return True


def _doi_url(match: re.Match[str]) -> str:
    return match.group(1) or f"https://doi.org/{match.group(2)}"


def _is_short(block: Block) -> bool:
    """A few short lines with no sentence in them: a title-page line, a name, an address."""
    if not isinstance(block, RawBlock) or len(block.lines) > 4 or block.lines[0].lstrip().startswith((">", "|")):
        return False
    return all(
        len(line.split()) <= SHORT_LINE_WORDS and not SENTENCE_END.search(line.strip()) and "<sup" not in line
        for line in block.lines
    )


def _is_imprint(block: RawBlock) -> bool:
    """Copyright boilerplate, or a block laid out line by line (hard breaks), as title pages are."""
    return bool(STRONG_IMPRINT.search(block.text) or block.has_hard_breaks)


def _is_byline_above_title(block: Block) -> bool:
    """A name and perhaps a role on the next line ("Zhihua Shen" / "Editor"): no sentence, no link."""
    if not isinstance(block, RawBlock) or len(block.lines) > 3 or not _is_name(block.lines[0].strip()):
        return False
    return all(
        len(line.split()) <= 6 and not SENTENCE_END.search(line.strip()) and "<" not in line for line in block.lines
    )


def _as_text_block(block: Block) -> Block:
    if not isinstance(block, RawBlock):
        return block
    if block.has_hard_breaks:
        return LineGroup(block.line, hard_lines(block.lines))
    return Paragraph(block.line, join_lines(block.lines))
