"""Project an ingested document to the clean shape, and say how two clean documents differ.

`clean_of` reads the ingested model (`marginalia.model`): metadata, front
blocks, sections and their blocks (paragraphs, quotations, tables, line
groups; a run of list-item paragraphs is a list), notes; page marks
(`{pb:N}`) are dropped and the markup policy's escapes undone, so that the
text reads as its source wrote it.

`differences` compares an expected clean document with the one that came
back. Before comparing, it forgives what an extraction legitimately changes
and ingest need not undo: whitespace (also before punctuation), typographic
and straight quotes, soft hyphens (U+00AD, with the space an extractor put
after one), `*x*` against `_x_`, ligatures, autolinks against bare URLs, a space
an extraction put inside a URL where its line broke, italic marks beside Chinese
characters (which no font sets in italic), and the dash before an epigraph's
attribution. Everything else is a `Difference`, with a kind (for counting) and
the text around it (for reading).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from marginalia.inert import restore_source
from marginalia.model import (
    Abbreviation,
    Block,
    ContentsEntry,
    Contributor,
    Document,
    Heading,
    LabelledValue,
    LineGroup,
    NoteText,
    PageBreak,
    Paragraph,
    Quotation,
    RawBlock,
    Reference,
    Signature,
    Table,
    without_page_marks,
)
from typeset.document import (
    CleanBlock,
    CleanDocument,
    CleanEpigraph,
    CleanLines,
    CleanList,
    CleanParagraph,
    CleanQuotation,
    CleanSection,
    CleanTable,
)

KNOWN_METADATA = frozenset(
    "title title_notes label people dates copyright abstract abstract_label keywords keywords_label contact"
    " affiliations license_statement translators isbns doi archive reviewed footer series epigraphs".split()
)
"""The `Metadata` fields `clean_of` reads by name; any other field's text is taken as a front line."""
LIST_ITEM = re.compile(r"^(?P<marker>[-•–]|\d{1,3}[.)]|\([a-z0-9]{1,3}\))\s+(?P<text>\S.*)$", re.DOTALL)
"""A list item as ingest keeps it: its marker, then its text."""
NOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|\d+|[^\W\d_]+")
"""A word for counting: a run of letters or of digits, or one CJK character (extractors space CJK differently)."""
LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'})
UPRIGHT_CJK = re.compile(r"(?<!\*)\*(?!\*)(?=\s?[\u3400-\u9fff])|(?<=[\u3400-\u9fff])(\s?)(?<!\*)\*(?!\*)")
"""An italic mark beside Chinese characters, which fonts set upright: where an italic title holding Chinese is cut."""
SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f]+")


# ---------------------------------------------------------------------------------------------------------------
# The ingested model, projected


LINK = re.compile(r"\[([^\]]*)\]\((?:https?://|mailto:)[^)\s]*\)")
"""A link the markup policy let through (other schemes are escaped, and stay text): a page prints its text."""


def _text(text: str) -> str:
    """A model text as its source wrote it, as a page prints it: links as their text, escapes undone, page marks
    out, whitespace collapsed."""
    return SPACES.sub(" ", restore_source(LINK.sub(r"\1", without_page_marks(text)))).strip()


def _paragraph_text(paragraph: object) -> str:
    """A quotation's paragraph: a `Paragraph`, or its text (the model has held both)."""
    return _text(paragraph.text if isinstance(paragraph, Paragraph) else str(paragraph))


def _refs(keys: Iterable[str]) -> str:
    return "".join(f"[^{k}]" for k in keys)


def clean_of(doc: Document) -> CleanDocument:
    """The ingested document in the clean shape (see `typeset.document`).

    Metadata that the clean shape has no field for (dates, abstract, keywords,
    affiliations, archive references, ISBNs, title-page blocks) become `front`
    lines, or `preamble` lines when the source printed them before the title,
    in source order; a licence statement is `back`. Structured sections
    (references, contents, contributors, abbreviations) hold one paragraph per
    entry. A note without a marker is shown as the source printed it, as a
    paragraph `<sup>N</sup> text` at the end of the body.
    """
    meta = doc.metadata
    items: list[tuple[int, str]] = []  # (source line, text) of everything printed around the title

    def add(line: int, text: str) -> None:
        text = _text(text)
        if text:
            items.append((line, text))

    title_line = meta.title_line
    authors: list[str] = []
    for person in meta.people:
        if title_line and person.line < title_line:
            add(person.line, person.name)
        else:
            authors.append(_text(person.name))
        add(person.line, person.role)
        for offset, affiliation in enumerate(person.affiliation, start=1):
            add(person.line + offset, affiliation)
    dates: dict[int, list[str]] = {}
    for value in meta.dates:
        dates.setdefault(value.line, []).append(f"{value.label}: {value.value}" if value.label else value.value)
    for line, parts in dates.items():
        add(line, " / ".join(parts))
    copyright_line = ""
    for value in meta.copyright:
        if not copyright_line:
            copyright_line = "© " + _text(value.value)
        else:
            add(value.line, "© " + value.value)
    if meta.abstract:
        add(meta.abstract[0].line - 1, meta.abstract_label)
        for paragraph in meta.abstract:
            add(paragraph.line, paragraph.text)
    if meta.keywords:
        last = max([p.line for p in meta.abstract], default=title_line)
        add(last + 1, f"{meta.keywords_label} {' · '.join(meta.keywords)}".strip())
    for value in meta.contact:
        add(value.line, f"{value.label} {value.value}".strip())
    for value in meta.affiliations:  # the label is the marker answering the byline's, not printed text
        add(value.line, value.value)
    for value in [*meta.translators, *meta.isbns]:
        add(value.line, f"{value.label} {value.value}")
    for value in meta.archive:
        add(value.line, f"**{value.label}:** {value.value}" if value.label else value.value)
    if meta.reviewed:
        add(meta.reviewed[0].line, " ".join(v.value for v in meta.reviewed))
    if meta.doi:
        add(meta.doi_line, meta.doi)
    book_line = ""
    for value in meta.footer:
        if not book_line:
            book_line = _text(value.value)
        else:
            add(value.line, value.value)
    if meta.series is not None:
        add(meta.series.line, meta.series.heading)
        for block in meta.series.blocks:
            for text in _block_lines(block):
                add(getattr(block, "line", 0), text)
    epigraph = None
    for quotation in meta.epigraphs:
        text = " ".join(_paragraph_text(p) for p in quotation.paragraphs)
        if epigraph is None:
            epigraph = CleanEpigraph(text, _attribution(quotation.attribution))
        else:
            add(quotation.line, f"{text} {quotation.attribution}")
    for block in doc.front:
        for text in _block_lines(block):
            add(getattr(block, "line", 0), text)
    for name, value in vars(meta).items():  # a metadata field this projection does not know yet: its text is front
        if name in KNOWN_METADATA or name.endswith("_line"):
            continue
        if isinstance(value, str):
            add(getattr(meta, f"{name}_line", title_line), value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, LabelledValue):
                    add(item.line, f"{item.label} {item.value}".strip())
                elif isinstance(item, str):
                    add(title_line, item)
    items.sort(key=lambda item: item[0])
    preamble = [text for line, text in items if title_line and line < title_line]
    front = [text for line, text in items if not title_line or line >= title_line]

    sections = []
    for section in doc.sections:
        if section.kind == "notes" and not section.blocks:
            continue
        kind = section.kind if section.kind != "notes" else "prose"
        title = _text(section.title) + _refs(section.notes)
        sections.append(CleanSection(_text(section.number), title, _blocks(section.blocks), kind))
    if doc.unattached_notes:
        loose = [CleanParagraph(f"<sup>{n.label}</sup> {_text(n.text)}") for n in doc.unattached_notes]
        if sections and sections[-1].kind == "prose":
            sections[-1].blocks += loose
        else:
            sections.append(CleanSection("", "", list(loose)))
    back = [_text(meta.license_statement)] if meta.license_statement else []
    return CleanDocument(
        title=_text(meta.title) + _refs(meta.title_notes),
        label=_text(meta.label),
        authors=authors,
        preamble=preamble,
        front=front,
        copyright=copyright_line,
        book_line=book_line,
        epigraph=epigraph,
        sections=sections,
        back=back,
        notes={key: _text(note.text) for key, note in doc.notes.items()},
    )


def _attribution(text: str) -> str:
    return re.sub(r"^\s*[—–-]+\s*", "", _text(text))


def _block_lines(block: Block) -> list[str]:
    match block:
        case LineGroup() | Signature():
            return [" ".join(_text(line) for line in block.lines)]
        case Paragraph() | Reference() | RawBlock():
            return [_text(block.text)]
        case Heading():
            return [_text(block.text)]
        case _:
            return [_text(t) for t in _entry_texts(block)]


def _entry_texts(block: Block) -> list[str]:
    match block:
        case ContentsEntry():
            return [" ".join(t for t in [block.label, block.title, ", ".join(block.authors), block.page] if t)]
        case Contributor():
            return [f"**{block.name}** {block.bio}"]
        case Abbreviation():
            return [f"{block.abbreviation} {block.expansion}"]
        case NoteText():
            return [f"<sup>{block.label}</sup> {block.text}"]
        case _:
            return []


def _blocks(blocks: list[Block]) -> list[CleanBlock]:
    out: list[CleanBlock] = []
    for block in blocks:
        match block:
            case Paragraph():
                text = _text(block.text)
                item = LIST_ITEM.match(text)
                if item:
                    numbered = item.group("marker")[0].isdigit() or item.group("marker").startswith("(")
                    last = out[-1] if out else None
                    if isinstance(last, CleanList) and last.numbered == numbered:
                        last.items.append(item.group("text"))
                    else:
                        out.append(CleanList([item.group("text")], numbered))
                else:
                    out.append(CleanParagraph(text))
            case Quotation():
                paragraphs = [_paragraph_text(p) for p in block.paragraphs]
                if block.attribution:
                    paragraphs.append(_text(block.attribution))
                out.append(CleanQuotation(paragraphs))
            case Table():
                out.append(
                    CleanTable(
                        _text(block.caption),
                        [_text(c) for c in block.header],
                        [[_text(c) for c in row] for row in block.rows],
                        _text(block.note),
                    )
                )
            case LineGroup() | Signature():
                out.append(CleanLines([_text(line) for line in block.lines]))
            case Reference() | RawBlock():
                out.append(CleanParagraph(_text(block.text)))
            case ContentsEntry() | Contributor() | Abbreviation() | NoteText():
                out += [CleanParagraph(t) for t in map(_text, _entry_texts(block))]
            case Heading():
                out.append(CleanParagraph(_text(block.text)))
            case PageBreak():
                pass
    return out


# ---------------------------------------------------------------------------------------------------------------
# Normalising


def normalize(text: str) -> str:
    """A text with what extraction legitimately changes made the same (see the module's docstring)."""
    for ligature, letters in LIGATURES.items():
        text = text.replace(ligature, letters)
    text = unicodedata.normalize("NFC", text)
    text = re.sub("\u00ad\\s*", "", text)
    text = text.translate(QUOTES)
    text = re.sub(r"<(?:i|em)>(.*?)</(?:i|em)>", r"*\1*", text)
    text = re.sub(r"<(?:b|strong)>(.*?)</(?:b|strong)>", r"**\1**", text)
    text = re.sub(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)", r"*\1*", text)
    text = re.sub(r"<((?:https?://|mailto:)[^\s<>]*)>", r"\1", text)
    text = re.sub(r"<br\s*/?>", " ", text)
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
    text = SPACES.sub(" ", text).strip()
    text = re.sub(r"(?<=\S)(\*+) \1(?=\S)", " ", text)  # "*of* *China*", an emphasis cut at a page break: one run
    text = UPRIGHT_CJK.sub(r"\1", text)  # Chinese is never set in italic: an extraction sees no emphasis on it
    text = re.sub(r" (?=[.,;:!?)\]'\"]|\[\^)", "", text)
    return re.sub(r"(?<=[(\[]) ", "", text)


def plain(text: str) -> str:
    """`normalize`d, with emphasis marks dropped."""
    return re.sub(r"\*+", "", normalize(text)).replace("  ", " ").strip()


def squash(text: str) -> str:
    """`normalize`d without any whitespace: what two texts must share to be the same text.

    Extractors put a space where a line ended after a dash or inside a URL ("Sino– Russian",
    "https:// kremlin.ru") and drop one where they join spans ("Defenceplants"); whether words
    were lost or run together is the word count's business, not the text's.
    """
    return re.sub(r"\s+", "", normalize(text))


def squash_plain(text: str) -> str:
    """`squash`ed, with emphasis marks dropped."""
    return re.sub(r"\*+", "", squash(text))


SPLIT_URL = re.compile(r"https?://\S+(?:\s+(?=[\w./-]*[./][\w./-]*\w)[^\s<>()]+)*")
"""A URL, with the pieces an extraction's space split off it ("http://creative commons.org/licenses/by/4.0/")."""


def words(text: str) -> list[str]:
    """The words of a text for counting (note references and tags left out), case-folded.

    A URL counts whole: an extraction may break it with a space where its line broke, which is no lost word.
    """
    text = SPLIT_URL.sub(lambda url: re.sub(r"\s+", "", url.group(0)), normalize(text))
    text = NOTE_REF.sub(" ", text)
    text = re.sub(r"</?[a-z]+>", " ", text)
    return [w.casefold() for w in WORD.findall(text)]


# ---------------------------------------------------------------------------------------------------------------
# Differences


@dataclass
class Difference:
    """One way the document that came back differs from the one that went in.

    Attributes:
        kind: What kind of difference, for counting: `words-lost`, `furniture-in-body`, `paragraph-split`, ….
        where: Where it is: a region ("body", "notes", "front"), a section heading, a note's key.
        detail: What is different, with the text around it.
        expected: The expected texts involved (for classifying known extraction losses).
        actual: The texts that came back instead.
    """

    kind: str
    where: str
    detail: str
    expected: list[str] = field(default_factory=list)
    actual: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"[{self.kind}] {self.where}: {self.detail}"


def _short(text: str, limit: int = 90) -> str:
    text = SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _front_texts(doc: CleanDocument) -> list[str]:
    texts = [doc.label, doc.title, *doc.authors, *doc.preamble, *doc.front, doc.copyright, doc.book_line, *doc.back]
    if doc.epigraph is not None:
        texts += [doc.epigraph.text, doc.epigraph.attribution]
    return [t for t in texts if t]


def block_texts(block: CleanBlock) -> list[str]:
    """The texts a clean block holds."""
    match block:
        case CleanParagraph():
            return [block.text]
        case CleanQuotation():
            return list(block.paragraphs)
        case CleanTable():
            return [block.caption, *block.header, *(c for row in block.rows for c in row), block.source]
        case CleanList():
            return list(block.items)
        case CleanLines():
            return list(block.lines)


def _body_texts(doc: CleanDocument) -> list[str]:
    texts = []
    for section in doc.sections:
        texts.append(section.heading)
        for block in section.blocks:
            texts += block_texts(block)
    return [t for t in texts if t]


def regions(doc: CleanDocument) -> dict[str, list[str]]:
    """The document's texts by region: what surrounds the title, the body, the notes."""
    return {"front": _front_texts(doc), "body": _body_texts(doc), "notes": list(doc.notes.values())}


def _counts(texts: Iterable[str]) -> Counter[str]:
    return Counter(w for t in texts for w in words(t))


def _listing(counter: Counter[str], limit: int = 25) -> str:
    items = [f"{w}×{n}" if n > 1 else w for w, n in counter.most_common()]
    more = f" … and {len(items) - limit} more" if len(items) > limit else ""
    return " ".join(items[:limit]) + more


def furniture_words(furniture: Iterable[str]) -> set[str]:
    """The words of the furniture lines."""
    return {w for line in furniture for w in words(line)}


def differences(expected: CleanDocument, actual: CleanDocument, *, furniture: Sequence[str] = ()) -> list[Difference]:
    """How `actual` differs from `expected`, in human-readable terms.

    Args:
        expected: The document that was typeset.
        actual: The document that came back (`clean_of` of the ingested extraction).
        furniture: The layout's running heads and page numbers (`Layout.furniture`), to name furniture words
            found in the text as such.

    Returns:
        The differences, word counts first, then the title block, the body's blocks, the notes.
    """
    found: list[Difference] = []
    found += _word_differences(expected, actual, furniture)
    found += _front_differences(expected, actual)
    found += _body_differences(expected, actual)
    found += _note_differences(expected, actual)
    return found


def _word_differences(expected: CleanDocument, actual: CleanDocument, furniture: Sequence[str]) -> list[Difference]:
    found = []
    furniture_vocabulary = furniture_words(furniture)
    numbers = {w for line in furniture for w in words(line) if w.isdigit() or re.fullmatch(r"[ivxlcdm]+", w)}
    want, got = regions(expected), regions(actual)
    lost_by_region = {r: +(_counts(want[r]) - _counts(got[r])) for r in want}
    added_by_region = {r: +(_counts(got[r]) - _counts(want[r])) for r in want}
    all_lost = +(sum(lost_by_region.values(), Counter()) - sum(added_by_region.values(), Counter()))
    for region in want:
        lost, added = lost_by_region[region], added_by_region[region]
        # words that only changed region are reported as moved, once, from where they were lost
        moved_here = Counter()
        for other in want:
            if other != region:
                moved_here += lost & added_by_region[other]
        if moved_here:
            targets = [o for o in want if o != region and (moved_here & added_by_region[o])]
            found.append(
                Difference(
                    f"words-moved-{region}-to-{'+'.join(targets)}",
                    region,
                    f"{sum(moved_here.values())} words of the {region} came back in the {' and '.join(targets)}: "
                    + _listing(moved_here),
                )
            )
        truly_lost = lost - moved_here
        truly_lost = truly_lost & all_lost
        if truly_lost:
            found.append(
                Difference(
                    "words-lost",
                    region,
                    f"{sum(truly_lost.values())} words lost: " + _listing(truly_lost),
                )
            )
        extra = added.copy()
        for other in want:
            if other != region:
                extra -= lost_by_region[other]
        extra = +extra
        furniture_found = Counter({w: n for w, n in extra.items() if w in furniture_vocabulary or w in numbers})
        other_found = extra - furniture_found
        if furniture_found:
            found.append(
                Difference(
                    f"furniture-in-{region}",
                    region,
                    f"{sum(furniture_found.values())} words of running heads or page numbers: "
                    + _listing(furniture_found),
                )
            )
        if other_found:
            found.append(
                Difference(
                    "words-added",
                    region,
                    f"{sum(other_found.values())} words added or duplicated: " + _listing(other_found),
                )
            )
    return found


def _front_differences(expected: CleanDocument, actual: CleanDocument) -> list[Difference]:
    found = []
    checks = [
        ("title", expected.title, actual.title),
        ("label", expected.label, actual.label),
        ("copyright", expected.copyright, actual.copyright),
        ("book-line", expected.book_line, actual.book_line),
    ]
    for kind, want, got in checks:
        if squash(want) != squash(got):
            found.append(Difference(kind, "front", f"expected {want!r}, got {got!r}", [want], [got]))
    if [squash(a) for a in expected.authors] != [squash(a) for a in actual.authors]:
        found.append(Difference("authors", "front", f"expected {expected.authors}, got {actual.authors}"))
    want_epigraph = expected.epigraph
    got_epigraph = actual.epigraph
    if want_epigraph is not None or got_epigraph is not None:
        same = (
            want_epigraph is not None
            and got_epigraph is not None
            and squash(want_epigraph.text) == squash(got_epigraph.text)
            and squash(want_epigraph.attribution) == squash(got_epigraph.attribution)
        )
        if not same:
            found.append(
                Difference(
                    "epigraph",
                    "front",
                    f"expected {_epigraph(want_epigraph)}, got {_epigraph(got_epigraph)}",
                    [want_epigraph.text] if want_epigraph else [],
                    [got_epigraph.text] if got_epigraph else [],
                )
            )
    return found


def _epigraph(epigraph: CleanEpigraph | None) -> str:
    return f"{_short(epigraph.text, 60)!r} — {epigraph.attribution!r}" if epigraph else "none"


@dataclass(frozen=True)
class _Item:
    """A body element for aligning: a heading or a block, with where it stands."""

    kind: str  # heading, paragraph, quotation, table, list, lines
    text: str  # normalised, emphasis kept
    section: str
    raw: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str]:
        return self.kind, self.text


def _items(doc: CleanDocument) -> list[_Item]:
    items = []
    for section in doc.sections:
        where = section.heading or "(before the first heading)"
        if section.heading:
            # a heading is bold by nature: an extractor's `**` in part of it is no difference
            items.append(_Item("heading", squash_plain(section.heading), where, (section.heading,)))
        for block in section.blocks:
            texts = block_texts(block)
            kind = type(block).__name__.removeprefix("Clean").lower()
            text = ("|" if isinstance(block, CleanTable) else "¶").join(squash(t) for t in texts)
            items.append(_Item(kind, text, where, tuple(texts)))
    return items


def _describe(items: Sequence[_Item]) -> str:
    return "; ".join(f"{i.kind} {_short(' '.join(i.raw), 70)!r}" for i in items) or "nothing"


def _joined(items: Sequence[_Item]) -> str:
    return squash_plain(" ".join(" ".join(i.raw) for i in items))


def _body_differences(expected: CleanDocument, actual: CleanDocument) -> list[Difference]:
    want, got = _items(expected), _items(actual)
    matcher = difflib.SequenceMatcher(a=[i.key for i in want], b=[i.key for i in got], autojunk=False)
    found = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        found += _explain(want[i1:i2], got[j1:j2])
    return found


def _explain(want: Sequence[_Item], got: Sequence[_Item]) -> list[Difference]:
    """Name the difference between a run of expected body elements and what came back in their place."""
    where = (want[0].section if want else got[0].section) if (want or got) else ""
    expected_texts = [" ".join(i.raw) for i in want]
    actual_texts = [" ".join(i.raw) for i in got]

    def diff(kind: str, detail: str) -> Difference:
        return Difference(kind, where, detail, expected_texts, actual_texts)

    want_kinds = [i.kind for i in want]
    got_kinds = [i.kind for i in got]
    if not got:
        if want_kinds == ["heading"]:
            return [diff("heading-lost", f"heading {want[0].raw[0]!r} is missing")]
        return [diff("blocks-lost", f"missing: {_describe(want)}")]
    if not want:
        return [diff("blocks-added", f"came back in addition: {_describe(got)}")]
    same_words = _joined(want) == _joined(got)
    if same_words:
        if want_kinds == got_kinds:
            if [squash_plain(" ".join(i.raw)) for i in want] == [squash_plain(" ".join(i.raw)) for i in got]:
                return [diff("emphasis", f"emphasis differs: expected {_describe(want)}, got {_describe(got)}")]
            return [diff("text-moved-between-blocks", _word_diff_many(want, got))]
        if "heading" in want_kinds and "heading" not in got_kinds:
            return [diff("heading-glued", f"heading glued to the text: {_describe(got)}")]
        if "quotation" in want_kinds and "quotation" not in got_kinds:
            return [diff("quotation-as-paragraph", f"a quotation came back as {_describe(got)}")]
        if want_kinds == ["quotation"] and set(got_kinds) == {"quotation"}:
            return [diff("quotation-split", f"one quotation came back as {len(got)}: {_describe(got)}")]
        if "table" in want_kinds and "table" not in got_kinds:
            return [diff("table-as-text", f"a table came back as {_describe(got)}")]
        if "list" in want_kinds and "list" not in got_kinds:
            return [diff("list-as-paragraphs", f"a list came back as {_describe(got)}")]
        if set(want_kinds) == set(got_kinds) == {"paragraph"}:
            if len(want) < len(got):
                return [diff("paragraph-split", f"{len(want)} paragraph(s) came back as {len(got)}: {_describe(got)}")]
            return [diff("paragraphs-joined", f"{len(want)} paragraphs came back as {len(got)}: {_describe(got)}")]
        return [diff("blocks-regrouped", f"expected {_describe(want)}; got {_describe(got)}")]
    if len(want) == len(got) == 1 and want_kinds == got_kinds:
        if want_kinds == ["table"]:
            return [diff("table-differs", _table_detail(want[0], got[0]))]
        kind = "heading-changed" if want_kinds == ["heading"] else "text-changed"
        if squash_plain(" ".join(want[0].raw)) == squash_plain(" ".join(got[0].raw)):
            return [diff("emphasis", f"emphasis differs: expected {_describe(want)}, got {_describe(got)}")]
        return [diff(_text_kind(kind, want[0], got[0]), _word_diff(want[0], got[0]))]
    # the same words with others inserted or lost: say which, around which blocks
    detail = _word_diff_many(want, got)
    kinds = "" if want_kinds == got_kinds else f" ({'+'.join(want_kinds)} → {'+'.join(got_kinds)})"
    return [diff("blocks-changed", f"{detail}{kinds}")]


def _tokens(text: str) -> list[str]:
    """A text's words as printed, note references split off the word they follow, for showing changes."""
    return re.sub(r"(\[\^[^\]]+\]|<sup>[^<]*</sup>)", r" \1 ", plain(text)).split()


def _text_kind(kind: str, want: _Item, got: _Item) -> str:
    a, b = _tokens(" ".join(want.raw)), _tokens(" ".join(got.raw))
    removed = [t for t in a if t not in b]
    added = [t for t in b if t not in a]
    if (
        removed
        and all(t.startswith("[^") for t in removed)
        and all(t.startswith("<sup>") or t.isdigit() for t in added)
    ):
        return "marker-unlinked"
    return kind


def _word_diff(want: _Item, got: _Item) -> str:
    return _token_diff(_tokens(" ".join(want.raw)), _tokens(" ".join(got.raw)))


def _word_diff_many(want: Sequence[_Item], got: Sequence[_Item]) -> str:
    a = [t for i in want for t in [*_tokens(" ".join(i.raw)), "¶"]]
    b = [t for i in got for t in [*_tokens(" ".join(i.raw)), "¶"]]
    return _token_diff(a, b)


def _token_diff(a: list[str], b: list[str], context: int = 6, limit: int = 4) -> str:
    """The places where token lists differ, each with a few tokens around it: `…before [-lost-] {+added+} after…`."""
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    parts = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before = " ".join(a[max(0, i1 - context) : i1])
        after = " ".join(a[i2 : i2 + context])
        change = ""
        if i2 > i1:
            change += f"[-{_short(' '.join(a[i1:i2]), 200)}-]"
        if j2 > j1:
            change += f"{{+{_short(' '.join(b[j1:j2]), 200)}+}}"
        parts.append(f"…{before} {change} {after}…")
    more = f" (and {len(parts) - limit} more changes)" if len(parts) > limit else ""
    return " | ".join(parts[:limit]) + more


def _table_detail(want: _Item, got: _Item) -> str:
    return _token_diff([plain(t) for t in want.raw], [plain(t) for t in got.raw])


def _note_differences(expected: CleanDocument, actual: CleanDocument) -> list[Difference]:
    found = []
    body = _body_texts(actual)
    actual_by_text = {squash_plain(t): k for k, t in actual.notes.items()}
    for key, text in expected.notes.items():
        got = actual.notes.get(key)
        if got is not None and squash(got) == squash(text):
            continue
        if got is not None and squash_plain(got) == squash_plain(text):
            found.append(Difference("note-emphasis", f"note {key}", f"emphasis differs: {got!r}", [text], [got]))
            continue
        if got is not None:
            detail = _token_diff(_tokens(text), _tokens(got))
            found.append(Difference("note-text-changed", f"note {key}", detail, [text], [got]))
            continue
        if squash_plain(text) in actual_by_text:
            other = actual_by_text[squash_plain(text)]
            found.append(Difference("note-renumbered", f"note {key}", f"came back as note {other}", [text]))
            continue
        holder = next((t for t in body if squash_plain(text) in squash_plain(t)), None)
        if holder is not None:
            detail = f"its text is in the body: {_short(holder)!r}"
            found.append(Difference("note-in-body", f"note {key}", detail, [text], [holder]))
            continue
        found.append(Difference("note-lost", f"note {key}", f"{_short(text)!r} is not among the notes", [text]))
    wanted = {squash_plain(t) for t in expected.notes.values()}
    for key, text in actual.notes.items():
        if key not in expected.notes and squash_plain(text) not in wanted:
            detail = f"a note that was not there: {_short(text)!r}"
            found.append(Difference("note-added", f"note {key}", detail, [], [text]))
    return found
