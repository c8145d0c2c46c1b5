"""Read what a text says about itself: the lines around its title.

Body is the default. Only what is positively recognised leaves the flow:
before the title, a series page, a label ("CHAPTER 7") and a byline; after
it, the title in another script, the byline and its affiliations, dates, ©,
translators, ISBNs, a DOI, a document's heading block (archive reference,
dateline, in any script), a reviewed work's citation, and title-page or
imprint blocks (short unpunctuated lines, copyright boilerplate, or blocks laid
out line by line with hard breaks, which body prose in these extractions never is). The first
block that is none of these starts the body, whether or not a heading comes
first. A first-page footer further on is `marginalia.ingest.transforms.footers`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from marginalia.ingest.document_heading import heading_lines, is_archive_reference, is_dateline, is_translator_line
from marginalia.ingest.patterns import (
    MARKER,
    SECTION_NUMBER,
    SENTENCE_END,
    SOFT_HYPHEN,
    TAG,
    hard_lines,
    is_address,
    join_lines,
)
from marginalia.ingest.transforms.footers import BARE_DOI, doi_url, footer_kind, is_footer_block, read_footer_line
from marginalia.ingest.vocabulary import Vocabulary
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
    Repair,
    Section,
)
from marginalia.scripts import script_of

DATE_LABEL = re.compile(r"^(Received|Revised|Accepted|Published(?: online)?|First published):\s*(.+)$")
BYLINE_BEFORE_DATES = re.compile(r"^(\S.*?)\s+(?=(?:Received|Revised|Accepted|Published(?: online)?|First published):)")
ISBN = re.compile(r"ISBN\s+([0-9Xx][0-9Xx-]{8,16})(?:\s*\(([^)]+)\))?")
ROLE = re.compile(r"^\*([A-Z][\w ]+)\*$")
MAX_HEADING_BLOCK_LINES = 5
LABELLED = re.compile(r"^\*\*([A-Z][\w ]{0,30}?):?\*\*:?\s+(\S.*)$")
"""A line with a bold label, as document headings print their fields: `**Source:** APRF, f. 45`."""
FIELD_WORDS = 20
"""The most words a labelled field of a heading block has, when it is no reference, date or translator line."""
INNER_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2})[.?!…][\"'”’)\]]*\s+(?=[\"“‘(\[]?[^\W\d_])")
"""A sentence's end inside a text, before the next one (not after an initial: "A. Mikoyan")."""
WORDS = re.compile(r"[^\W\d_]+")
REVIEWER = re.compile(r"^Reviewed by\s+(\S.*)$")
NAME_WITH_MARKERS = re.compile(r"^\s*([^<]+?)\s*((?:<sup>[^<]*</sup>)*)\s*$")
"""A name followed only by its affiliation markers."""
NAME_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+(?:and|&|·)\s+")
LABEL_LINE = re.compile(
    r"^(?:[^\W\d_]+\.?\s+(?:(?:№|No\.|Nr\.)\s*)?(?:\d+[A-Za-z]?|[IVXLC]+|(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b)"
    r"|第\s*[\d一二三四五六七八九十百]+\s*[章部篇卷节])$",
    re.IGNORECASE,
)
"""A line printed above a title that names the text's place: a word and a number ("CHAPTER 7", "Part II",
"Document 12", "Document No. 12", "Глава 7", "Документ № 12") or a Chinese ordinal ("第七章")."""
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
RUNNING_LINE_WORDS = 20
"""More words than a title page's line holds (`_running_text`)."""

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
        vocabulary = Vocabulary(doc)
        while title_index + 1 < len(blocks) and _title_goes_on(title, blocks[title_index + 1], vocabulary):
            following = blocks.pop(title_index + 1).text  # type: ignore[union-attr]
            title.text = _title_lines_joined(title.text, following, vocabulary)
        doc.metadata.title, doc.metadata.title_line = title.text, title.line
        if title_index and _repeats_part_of(blocks[title_index - 1], title):
            repeated = blocks.pop(title_index - 1)
            words = repeated.text.strip()  # type: ignore[union-attr]
            doc.repairs.append(Repair(repeated.line, "duplicate", f"{words} (in the title, line {title.line})"))
            title_index -= 1
        _read_before_title(doc, blocks[:title_index])
        start = title_index + 1
    end = _read_after_title(doc, blocks, start)
    doc.blocks = blocks[end:]
    return doc


def _title_index(blocks: list[Block]) -> int | None:
    """The first level-1 heading, unless body comes before it (a text need not print its title).

    Where that heading is a numbered section (the next section at its level has the next number: "# 1 …", then
    "# 2 …") and a heading stands above it with only short lines between (a byline), that heading is the title,
    set smaller than the sections ("**The Chinese Garrison**" over "# **1 Chinese boundary**").
    """
    series_page = False  # a series page (a heading and its blurb) may stand before the title
    above: int | None = None  # the first heading before the first level-1 one, short lines under it
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            if block.level == 1:
                numbered = above is not None and above >= 0 and _numbered_section(blocks, index)
                return above if numbered else index
            series_page = True
            above = index if above is None else above
        elif above is not None and not (isinstance(block, RawBlock) and _is_short(block)):
            above = -1  # a heading over more than a byline: a series page
        elif not series_page and isinstance(block, RawBlock) and not (_is_short(block) or _is_imprint(block)):
            return None
    return None


def _repeats_part_of(block: Block, title: Heading) -> bool:
    """Whether a line right above the title prints a run of the title's own words in lower case, and no more.

    An extractor may print a word of a title twice, once on its own: pymupdf4llm sets "# **of**" over "# **Memorandum
    of Conversation between …**" where Typst justified the title's first line wide. A label, a byline or a series
    is no run of the title's words in lower case.
    """
    if not (isinstance(block, Heading) or (isinstance(block, RawBlock) and len(block.lines) == 1)):
        return False
    text = TAG.sub("", block.text).strip(" *_")
    words, title_words = WORDS.findall(text), WORDS.findall(title.text)
    return (
        text[:1].islower()
        and text == text.lower()
        and 0 < len(words) < len(title_words)
        and any(title_words[i : i + len(words)] == words for i in range(len(title_words) - len(words) + 1))
    )


def _numbered_section(blocks: list[Block], index: int) -> bool:
    """Whether a heading opens with a number that a later heading at its level follows with the next one."""
    heading = blocks[index]
    assert isinstance(heading, Heading)
    number = SECTION_NUMBER.match(heading.text.strip("*_ "))
    if number is None or not number.group(1).isdigit():
        return False
    following = str(int(number.group(1)) + 1)
    return any(
        isinstance(b, Heading)
        and b.level == heading.level
        and (n := SECTION_NUMBER.match(b.text.strip("*_ ")))
        and n.group(1) == following
        for b in blocks[index + 1 :]
    )


TITLE_GOES_ON = r"(?:of|and|the|in|on|to|for|with|between|from|a|an)"
"""Words no title ends with: a title's line that ends so goes on in the next."""


def _title_goes_on(title: Heading, block: Block, vocabulary: Vocabulary) -> bool:
    """Whether the block right under the title is the title's next line.

    An extractor may set each line of a long title as a heading of its own. The title's line ends where no title
    does (in a word broken at a soft hyphen, with "of", "and", a comma, a colon) and the next is a heading of the
    title's level, or a short line in lower case (which classifying read as prose: "nev" under "… Leonid Brezh-");
    or a lone word that joins ("**of**", a heading that classifying read as prose) follows, or a short line that
    opens with one, its longer words capitalized as a title's are ("**of Conversation between …**" under
    "**Memorandum**"), or the next heading
    goes on in lower case, or with the rest of a name the text writes elsewhere ("… and Peng" / "Dehuai").
    """
    line = title.text.strip().rstrip("*_ ")
    unfinished = line.endswith(SOFT_HYPHEN) or bool(re.search(rf"(?:[,:–—-]|\b{TITLE_GOES_ON})$", line))
    if isinstance(block, RawBlock):
        words = block.text.strip(" *_").split()
        short = len(block.lines) == 1 and 0 < len(words) <= SHORT_LINE_WORDS
        joining = len(words) == 1 and re.fullmatch(TITLE_GOES_ON, words[0]) is not None  # "**of**" alone
        long_words = [w for w in words[1:] if len(w) > 3 and not re.fullmatch(TITLE_GOES_ON, w)]  # as a title is set
        titled = bool(long_words) and all(w[:1].isupper() for w in long_words)
        joined = titled and re.fullmatch(TITLE_GOES_ON, words[0]) is not None  # "**of Conversation between …**"
        return (unfinished or joining or joined) and short and words[0][:1].islower()
    if not isinstance(block, Heading) or block.level != title.level:
        return False
    following = block.text.strip(" *_")
    return following[:1].islower() or unfinished or vocabulary.name_cut(line, following)


def _title_lines_joined(first: str, second: str, vocabulary: Vocabulary) -> str:
    """A title's two lines as one.

    A word the typesetter broke at a soft hyphen, or at a hyphen where the text's words tell ("Al-" / "liance"), is
    whole again; emphasis that wrapped each line (`**…**`) wraps the whole.
    """
    first, second = first.strip(), second.strip()
    marks = first[: len(first) - len(first.lstrip("*_"))]
    if marks and all(t.startswith(marks) and t.endswith(marks[::-1]) for t in (first, second)):
        first, second = first[len(marks) : -len(marks)], second[len(marks) : -len(marks)]
    else:
        marks = ""
    return f"{marks}{join_lines([first, second], vocabulary.drops_hyphen)}{marks[::-1]}"


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
    for block in [b for b in rest if isinstance(b, RawBlock) and is_footer_block(b)]:
        rest.remove(block)  # the series page's foot: the first page's © and DOI
        for offset, line in enumerate(block.lines):
            read_footer_line(doc, line, block.line + offset)
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
    start = _read_translated_title(doc, blocks, start)
    role: RawBlock | None = None
    byline_open = True  # a byline may come until a title-page block has been read
    affiliations_open = False  # unmarked affiliation lines may follow a byline
    index = start - 1
    while (index := index + 1) < len(blocks):
        _split_after_dates(blocks, index)
        block = blocks[index]
        if isinstance(block, PageBreak):
            continue
        if isinstance(block, NoteText) and block.label in _byline_markers(doc):
            doc.metadata.affiliations.append(LabelledValue(block.line, block.label, block.text))
            continue
        if isinstance(block, Heading):
            read = _read_heading(doc, block, byline_open)
            if read is None:
                break
            byline_open, affiliations_open = (False, True) if read == "byline" else (byline_open, False)
            continue
        if not isinstance(block, RawBlock):
            break
        if ROLE.match(block.text):
            role = block
            continue
        if role is not None:
            _read_person_in_role(doc, role, block)
            role = None
            continue
        if any(read(doc, block) for read in READERS):
            affiliations_open = False
            continue
        if byline_open and not doc.metadata.people and _read_byline(doc, block):
            byline_open, affiliations_open = False, not MARKER.search(block.text)
            continue
        imprint_page = _on_an_imprint_page(blocks, index)
        if _continued(blocks, index) and not imprint_page:
            break  # a paragraph cut by a page break, however short: the body has begun
        if affiliations_open and (_is_short(block) or all(is_address(line) for line in block.lines)):
            doc.metadata.people[-1].affiliation.extend(hard_lines(block.lines))
            continue
        if _is_short(block) or _is_imprint(block) or imprint_page:
            byline_open = affiliations_open = False
            doc.front.append(_as_text_block(block))
            continue
        break
    if role is not None:
        doc.front.append(_as_text_block(role))
    return index


def _read_person_in_role(doc: Document, role: RawBlock, block: RawBlock) -> None:
    """The person named under a role (`*Editor*`), with the lines of their address."""
    role_match = ROLE.match(role.text)
    assert role_match is not None
    name, *affiliation = hard_lines(block.lines)
    doc.metadata.people.append(Person(block.line, name, role_match.group(1), "", affiliation))


def _read_heading(doc: Document, heading: Heading, byline_open: bool) -> str | None:
    """Read a heading under the title that an extractor set in a heading's size.

    Returns "byline", "line" (a translator's line, dates, a heading block), or None (a section's heading: the body
    has begun).
    """
    if byline_open and not doc.metadata.people and _byline_heading(doc, heading):
        return "byline"
    if heading.level > 1 and any(read(doc, _as_raw(heading)) for read in READERS):
        return "line"
    return None


def _read_translated_title(doc: Document, blocks: list[Block], start: int) -> int:
    """A line just under the title that gives it in another script; the index of the block after it."""
    block = blocks[start] if start < len(blocks) else None
    if not doc.metadata.title or not isinstance(block, RawBlock) or len(block.lines) > 2:
        return start
    text = join_lines(block.lines)
    if script_of(text) == script_of(doc.metadata.title) or SENTENCE_END.search(text) or len(text.split()) > 30:
        return start
    doc.metadata.translated_title, doc.metadata.translated_title_line = text, block.line
    return start + 1


def _on_an_imprint_page(blocks: list[Block], index: int) -> bool:
    """Whether a block stands on a page (known from its printed numbers) that holds an imprint and no section.

    A book's imprint page prints paragraphs of boilerplate beside its © and ISBN lines ("The publisher, the
    authors and the editors are safe to assume …"): on that page, they are imprint too.
    """
    breaks = [i for i, block in enumerate(blocks) if isinstance(block, PageBreak) and block.page]
    start = max((i for i in breaks if i < index), default=-1)
    end = min((i for i in breaks if i > index), default=-1)
    if start < 0 or end < 0:
        return False
    page = blocks[start + 1 : end]
    rest = blocks[index + 1 : end]  # the headings above, the title and a byline set as one, are read already
    return not any(isinstance(b, Heading) and b.level > 1 for b in rest) and any(
        isinstance(b, RawBlock) and STRONG_IMPRINT.search(b.text) for b in page
    )


def _continued(blocks: list[Block], index: int) -> bool:
    """Whether the text block after `index` (past page breaks, notes and footers) goes on with it in lower case.

    A short first paragraph cut by a page break looks like a title-page line; what follows the break tells:
    text that goes on in lower case after a page break (notes, a footer), or prose in lower case (a short line
    in lower case right under another, "palgrave macmillan", is a title-page line too).
    """
    current = blocks[index]
    if isinstance(current, RawBlock) and current.lines[-1].rstrip().endswith("-"):
        return True
    broken = False
    for block in blocks[index + 1 :]:
        if isinstance(block, PageBreak | NoteText) or (isinstance(block, RawBlock) and is_footer_block(block)):
            broken = True
            continue
        if not isinstance(block, RawBlock) or block.has_hard_breaks or not block.lines[0].lstrip()[:1].islower():
            return False
        return broken or not _is_short(block)
    return False


def _byline_heading(doc: Document, heading: Heading) -> bool:
    """Read a heading under the title as a byline when it is names, and no section's title ("Introduction")."""
    text = heading.text.strip()
    if heading.level == 1 or SECTION_NUMBER.match(text) or len(text.split()) < 2 or is_label(text):
        return False
    return _read_byline(doc, RawBlock(heading.line, [text]))


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


def _split_after_dates(blocks: list[Block], index: int) -> None:
    """Cut a block of dates and © lines where other lines go on in it (an extraction set no gap between them).

    A byline that an extraction ran into the dates on one line ("Aiko Tanaka and Wei Zhou Received: 21 March
    2007 / …") is cut from them first.
    """
    block = blocks[index]
    if not isinstance(block, RawBlock):
        return
    names = BYLINE_BEFORE_DATES.match(block.lines[0].strip())
    if names and all(_is_name(part) for part in NAME_SPLIT.split(names.group(1)) if part.strip()):
        rest = block.lines[0].strip()[names.end() :]
        blocks[index : index + 1] = [
            RawBlock(block.line, [names.group(1)]),
            RawBlock(block.line, [rest, *block.lines[1:]]),
        ]
        return
    if not DATE_LABEL.match(block.lines[0].strip()):
        return
    for offset, line in enumerate(block.lines[1:], start=1):
        if not (DATE_LABEL.match(line.strip()) or line.strip().startswith("©")):
            blocks[index : index + 1] = [
                RawBlock(block.line, block.lines[:offset]),
                RawBlock(block.line + offset, block.lines[offset:]),
            ]
            return


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
    if not is_translator_line(block.lines[0]):
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
    doc.metadata.doi, doc.metadata.doi_line = doi_url(match), block.line
    return True


def _read_archive(doc: Document, block: RawBlock) -> bool:
    """A document's heading block, in any script.

    Archive references, place and date, labelled lines (`**Source:** …`), and a translator line among them.
    """
    lines: list[tuple[int, str]] = []
    for offset, text in enumerate(block.lines):  # line by line: a block of prose is given up at its first line
        for line in heading_lines(text):
            lines.append((block.line + offset, line))
            if len(lines) > MAX_HEADING_BLOCK_LINES or not (
                is_archive_reference(line) or is_dateline(line) or _is_field(doc, line) or is_translator_line(line)
            ):
                return False
    for number, line in lines:
        labelled = LABELLED.match(line)
        if is_translator_line(line) and not labelled:
            doc.metadata.translators.append(LabelledValue(number, "", line))
            continue
        label, value = (labelled.group(1), labelled.group(2)) if labelled else ("", line)
        doc.metadata.archive.append(LabelledValue(number, label, value))
    return True


def _is_field(doc: Document, line: str) -> bool:
    """Whether a labelled line is a field of a heading block (`**Source:** APRF, f. 45`), not a speaker's words.

    A field is short: its value is an archive reference, a date or a translator line, or at most a sentence of a
    few words. A speaker's line (`**Mao Zedong:** …`, the first turn of a record) is prose: more than a sentence,
    or a label that names someone the title names ("Record of Conversation between Mao Zedong and …") or that
    opens another line of the text (the next turn).
    """
    labelled = LABELLED.match(line)
    if labelled is None:
        return False
    label, value = labelled.group(1), labelled.group(2)
    if is_archive_reference(value) or is_dateline(value) or is_translator_line(value):
        return True
    if INNER_SENTENCE_END.search(value) or len(value.split()) > FIELD_WORDS:
        return False
    named = set(WORDS.findall(label.casefold()))
    if named and named <= set(WORDS.findall(doc.metadata.title.casefold())):
        return False
    turns = [
        m.group(1) for b in doc.blocks if isinstance(b, RawBlock) for text in b.lines if (m := LABELLED.match(text))
    ]
    return turns.count(label) < 2


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


READERS: list[Reader] = [
    _read_dates,
    _read_copyright,
    _read_translators,
    _read_isbns,
    _read_doi,
    _read_archive,
    _read_reviewed_work,
    _read_reviewer,
]
"""What a block under the title may be, each read by its shape."""


def _is_short(block: Block) -> bool:
    """A few short lines with no sentence in them: a title-page line, a name, an address."""
    if not isinstance(block, RawBlock) or len(block.lines) > 4 or block.lines[0].lstrip().startswith((">", "|")):
        return False
    return all(
        len(line.split()) <= SHORT_LINE_WORDS and not SENTENCE_END.search(line.strip()) and "<sup" not in line
        for line in block.lines
    )


def _is_imprint(block: RawBlock) -> bool:
    """Copyright boilerplate, or a block laid out line by line (hard breaks), as title pages are.

    A paragraph that a first-page footer cut into (its © line among lines of prose) is no imprint: the footer is
    lifted out of it later (`marginalia.ingest.transforms.footers`).
    """
    if block.has_hard_breaks:
        return not any(_running_text(line) for line in block.lines)
    prose = [line for line in block.lines if not footer_kind(line) and not STRONG_IMPRINT.search(line)]
    if any(len(line.split()) > SHORT_LINE_WORDS for line in prose):
        return False
    return bool(STRONG_IMPRINT.search(block.text))


def _running_text(line: str) -> bool:
    """Whether a line is a paragraph's running text: long, a note's marker in it, a sentence ending inside it.

    A title page's lines are short; an extraction may end a paragraph's first line with a hard break all the same.
    """
    unmarked = MARKER.sub("", line)
    return len(line.split()) > RUNNING_LINE_WORDS and unmarked != line and bool(INNER_SENTENCE_END.search(unmarked))


def _is_byline_above_title(block: Block) -> bool:
    """A name and perhaps a role on the next line ("Zhihua Shen" / "Editor"): no sentence, no link."""
    if not isinstance(block, RawBlock) or len(block.lines) > 3 or not _is_name(block.lines[0].strip()):
        return False
    return all(
        len(line.split()) <= 6 and not SENTENCE_END.search(line.strip()) and "<" not in line for line in block.lines
    )


def _as_raw(heading: Heading) -> RawBlock:
    return RawBlock(heading.line, [heading.text.strip()])


def _as_text_block(block: Block) -> Block:
    if not isinstance(block, RawBlock):
        return block
    if block.has_hard_breaks:
        return LineGroup(block.line, hard_lines(block.lines))
    return Paragraph(block.line, join_lines(block.lines))
