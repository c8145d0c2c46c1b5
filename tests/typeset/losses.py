"""Known extraction losses: differences the extraction itself proves no reader of it could undo.

A round trip fails on every difference, except where the Markdown extraction
has lost the information ingest would need, and the extraction shows it. Each
kind below says what is lost and how the extraction proves it; a loss is
counted only when its proof holds for that one place:

- `quotation-unmarked`: the quotation's words are in the extraction in blocks
  that nothing marks (no `>`): as a plain paragraph, it reads like any other.
- `table-as-picture`: the table's cells are in the extraction as "picture
  text" (pymupdf4llm's `<!-- Start of picture text -->`) or as lines that are
  no pipe table: which words make a cell is gone.
- `footnote-continued`: a note's text runs on at the next page's foot, and the
  extraction prints the rest as a block with no marker: in Markdown it reads
  like a paragraph of the body.
- `paragraph-break-at-sentence-end`: a paragraph (of the body or of a
  quotation) runs on to the next page, and
  the page ended with a sentence: the extraction has two blocks, the first
  ending a sentence, the second beginning one, as two paragraphs would (what
  told them apart, the missing indent of the next page's first line, is not
  in the Markdown).
- `hyphen-dropped`: the extraction ran a word broken after its own hyphen into
  one ("quasi-" / "imperialist" → "quasiimperialist"), or printed the hyphen as
  a soft hyphen (U+00AD, which marks a typesetter's break): the joined word
  stands in the extraction.
- `hyphen-undecidable`: a word the typesetter broke at a line's end with a
  plain hyphen (LaTeX's "on-" / "error") stands in the extraction as two lines,
  "on-" over "error", as it would for a compound ("Sino-" / "Soviet"); the text
  writes the word nowhere else and it is no English word, so nothing tells
  which it is, and ingest keeps the hyphen.
- `emphasis-lost`: the extraction is plain text (pdfminer's): it marks no
  italic or bold anywhere, so the document is compared without its emphasis.
- `subscript-lost`: the extraction prints a subscript on the line ("H2O"):
  the plain form stands in it, and no `<sub>` anywhere.
- `words-run-together`: the extraction lost the space between two words
  ("Defence plants" → "Defenceplants"): the run-together word stands in it.
- `line-breaks-lost`: lines whose breaks are part of the text (a signature's
  title and name) are printed on one line of the extraction, with no hard
  break: the joined lines stand in one source line.
- `paragraphs-run-together`: the end of one paragraph and the start of the
  next stand on one line of the extraction, with no break between them: the
  two run together in it.
- `paragraph-start-unmarked`: a paragraph's last line is full and the next
  paragraph starts on the line under it, with no blank line between them and
  no indent (plain text drops it): nothing parts the two.
- `hard-break-guessed`: the extraction marks a hard line break inside a
  paragraph, where a ragged line ended before the next word had to wrap (TeX
  breaks a ragged paragraph for its best lines, not as late as it can): the
  paragraph's text stands in the extraction with a hard break inside it, and
  ingest reads its lines as lines.
- `paragraph-as-list-item`: the paragraph right under a list (or right above
  it) is printed as one more of its items (`- …`), though the page sets it as a
  paragraph (no bullet, at the margin): in Markdown it reads like the list's
  last (or first) item.
- `forced-break-as-lines`: a paragraph's forced line break (`<br>`) is printed
  as a Markdown hard break, as lines set one under another are: the
  paragraph's text stands in the extraction with a hard break where the
  `<br>` was.
- `attribution-dropped`: the extraction prints no word of an epigraph's
  attribution (pymupdf4llm may leave out the dash line under it): the
  epigraph's text stands alone at the body's start, as a paragraph does.

For each proven loss, the document that came back is *repaired* at that place
(the quotation restored around its words, the note's rest moved back to it,
the hyphen or space put back), and only then compared: whatever ingest did
elsewhere, or around the loss beyond it, still fails.
"""

from __future__ import annotations

import copy
import itertools
import re
from dataclasses import dataclass

from marginalia.ingest.words import is_english_word
from typeset import document as document_yaml
from typeset.compare import (
    LIGATURES,
    QUOTES,
    Difference,
    block_texts,
    differences,
    squash,
    squash_plain,
    words,
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
from typeset.layout import Layout

REASONS = {
    "quotation-unmarked": "the extraction prints the quotation as plain text: nothing tells it from a paragraph",
    "table-as-picture": "the extraction prints the table's text without its cells",
    "footnote-continued": "the note runs on at the next page's foot, printed as a block with no marker",
    "paragraph-break-at-sentence-end": "the page ended with a sentence: nothing tells the paragraph's rest from a new one",
    "hyphen-dropped": "the extraction dropped a hyphen of the text (at a line end, or printed as a soft hyphen)",
    "words-run-together": "the extraction lost the space between two words",
    "hyphen-undecidable": "a line ends in a hyphen that may be the word's or the typesetter's: nothing tells which",
    "emphasis-lost": "the extraction is plain text: it marks no italic or bold anywhere",
    "subscript-lost": "the extraction prints subscripts on the line",
    "line-breaks-lost": "the extraction prints lines set one under another as one line",
    "paragraphs-run-together": "the extraction prints the end of a paragraph and the start of the next on one line",
    "paragraph-start-unmarked": "a full last line, then the next paragraph on the next line, unindented: nothing parts them",
    "forced-break-as-lines": "the extraction prints a paragraph's forced line break as lines set one under another",
    "hard-break-guessed": "the extraction marks a hard break where a ragged line ended early: nothing tells it from one",
    "paragraph-as-list-item": "the extraction prints the paragraph under or above a list as one more item: nothing tells it from one",
    "attribution-dropped": "the extraction prints no word of the epigraph's attribution: its text reads as a paragraph",
}


@dataclass
class Loss:
    """A proven extraction loss.

    Attributes:
        kind: One of `REASONS`.
        detail: Which text (shortened).
        evidence: The extraction's text that proves it (shortened).
    """

    kind: str
    detail: str
    evidence: str

    @property
    def reason(self) -> str:
        return REASONS[self.kind]

    def __str__(self) -> str:
        return f"[{self.kind}] {self.detail} — {self.reason}; the extraction: {self.evidence}"


# The extraction, read as blocks of words -----------------------------------------------------------------------


@dataclass
class _Block:
    lines: list[str]
    tokens: list[str]

    @property
    def quoted(self) -> bool:
        return all(line.startswith(">") for line in self.lines if line.strip())

    @property
    def piped(self) -> bool:
        return all(line.lstrip().startswith("|") for line in self.lines if line.strip())

    @property
    def picture(self) -> bool:
        return any("picture text" in line for line in self.lines)

    @property
    def marked_note(self) -> bool:
        """Whether it opens with a note number (`<sup>N</sup>`, `> N…`, a superscript digit)."""
        first = self.lines[0].lstrip("> ").lstrip()
        return bool(re.match(r"<sup>\d+</sup>|\d+\D|[⁰¹²³⁴⁵⁶⁷⁸⁹]", first))

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)


LINE_END_WORD_BREAK = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[>\s]*(?=[a-z])")
"""A word hyphenated at a line's end and going on in lower case: read as one word, as ingest reads it."""


MARKERS = re.compile(
    r"<sup>[^<]*</sup>|(?:(?<=[^\W\d_][.,;:?!)\]”’\"'])|(?<=[^\W\d_]))\d{1,3}(?=\s|$)"
    r"|(?<=[.?!…])\s\d{1,3}(?=\s+[^\W\d_])"
)
"""A note marker as an extraction prints it: `<sup>N</sup>`, digits glued to a word or its stop ("Chervonenko.6"),
or set apart between two sentences ("cautious? 6 Renewed")."""


def _blocks(source: str) -> list[_Block]:
    found = []
    for chunk in re.split(r"\n\s*\n", source):
        lines = [line for line in LINE_END_WORD_BREAK.sub("", chunk).split("\n") if line.strip()]
        if lines:
            text = " ".join(re.sub(r"^>\s?", "", line) for line in lines)
            found.append(_Block(lines, words(MARKERS.sub(" ", text))))  # markers are no words
    return found


def _run(tokens: list[str], blocks: list[_Block], skip: int = 60) -> list[tuple[int, int, int]] | None:
    """Where `tokens` stand in the extraction: pieces (block, start, end), whole blocks in between skipped.

    Within a block the tokens are contiguous; a run goes on into a later block (up to `skip` blocks on,
    the others being furniture, notes or the body of the next page) only from that block's start; a word
    hyphenated at a block's end ("negoti-") goes on at the later block's start ("ation").
    """
    if not tokens:
        return None
    for index, block in enumerate(blocks):
        for start in (i for i, t in enumerate(block.tokens) if t == tokens[0]):
            pieces = _follow(tokens, blocks, index, start, skip)
            if pieces is not None:
                return pieces
    return None


def _follow(
    tokens: list[str], blocks: list[_Block], index: int, start: int, skip: int
) -> list[tuple[int, int, int]] | None:
    block = blocks[index]
    length = 0
    while (
        start + length < len(block.tokens) and length < len(tokens) and block.tokens[start + length] == tokens[length]
    ):
        length += 1
    if length == len(tokens):
        return [(index, start, start + length)]
    rest = tokens[length:]
    cut = block.tokens[start + length :]
    hyphenated = block.text.rstrip().endswith(("-", "\u00ad"))  # a hyphen, or a soft one as pymupdf4llm prints it
    if len(cut) == 1 and hyphenated and rest[0].startswith(cut[0]) and rest[0] != cut[0]:
        rest = [rest[0][len(cut[0]) :], *rest[1:]]  # a word the page break hyphenated ("negoti-" / "ation")
        length += 1
    elif cut or length == 0:
        return None  # the run broke inside the block
    for later in range(index + 1, min(len(blocks), index + 1 + skip)):
        if blocks[later].tokens[:1] == rest[:1]:
            tail = _follow(rest, blocks, later, 0, skip)
            if tail is not None:
                return [(index, start, start + length), *tail]
    return None


def _short(text: str, limit: int = 100) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Places in the document that came back ---------------------------------------------------------------------


_CHARACTER = {"\u00ad": "", "*": "", "_": "", **{c: c.translate(QUOTES) for c in "‘’‚‛′“”„″"}}


def _charwise(text: str) -> tuple[str, list[int]]:
    """`text` squashed character by character (no whitespace, emphasis marks or soft hyphens; straight quotes,
    ligatures spelt out), with the index in `text` each character of the result came from."""
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        piece = "" if char.isspace() else _CHARACTER.get(char, LIGATURES.get(char, char))
        out.append(piece)
        where += [index] * len(piece)
    return "".join(out), where


def _window(text: str, target: str) -> tuple[str, str] | None:
    """`text` cut around `target` (compared `_charwise`): what stands before and after it, or None.

    The cut may fall inside a word of `text`: a note's rest glued by a join to the word before it
    ("Qu" + "Kosygin …") is still found.
    """
    haystack, where = _charwise(text)
    goal, _ = _charwise(target)
    at = haystack.find(goal) if goal else -1
    if at < 0:
        return None
    start, end = where[at], where[at + len(goal) - 1] + 1
    before, after = text[:start].strip(), text[end:].strip()
    return ("" if not before.strip("*_") else before), ("" if not after.strip("*_") else after)  # a mark alone: none


def _body_blocks(doc: CleanDocument) -> list[tuple[int, int, CleanBlock]]:
    return [(s, b, block) for s, section in enumerate(doc.sections) for b, block in enumerate(section.blocks)]


def _restore_quotation(doc: CleanDocument, quotation: CleanQuotation, near: float) -> bool:
    """Put a quotation back where ingest left its text as paragraph(s): the first holder becomes the quotation.

    Its paragraphs may stand in paragraphs of their own, or run together in one.

    Holders are looked for nearest first to `near` (where the quotation stands in the expected body, as a
    fraction of its blocks), so that a paragraph saying the same elsewhere is not taken for it.
    """
    holders: list[tuple[int, int, str, str]] = []  # section, block, before, after
    body = _body_blocks(doc)
    order = sorted(range(len(body)), key=lambda i: abs(i / max(len(body), 1) - near))
    whole = " ".join(quotation.paragraphs)  # its paragraphs run together in one (with a paragraph's end before)
    for s, b, block in (body[i] for i in order):
        if isinstance(block, CleanParagraph) and (cut := _window(block.text, whole)) is not None:
            holders.append((s, b, *cut))
            break
    for paragraph in quotation.paragraphs if not holders else []:
        for s, b, block in (body[i] for i in order):
            if isinstance(block, CleanParagraph) and (s, b) not in [(h[0], h[1]) for h in holders]:
                cut = _window(block.text, paragraph)
                if cut is not None:
                    holders.append((s, b, *cut))
                    break
        else:
            return False
    first_section = holders[0][0]
    if any(s != first_section for s, *_ in holders):
        return False
    replacement: dict[int, list[CleanBlock]] = {}
    for position, (_, b, before, after) in enumerate(holders):
        blocks: list[CleanBlock] = []
        if before:
            blocks.append(CleanParagraph(before))
        if position == 0:
            blocks.append(CleanQuotation(list(quotation.paragraphs)))
        if after:
            blocks.append(CleanParagraph(after))
        replacement[b] = blocks
    section = doc.sections[first_section]
    rebuilt: list[CleanBlock] = []
    for b, block in enumerate(section.blocks):
        rebuilt += replacement.get(b, [block])
    section.blocks = rebuilt
    return True


def _quotations(expected: CleanDocument) -> list[CleanQuotation]:
    return [b for s in expected.sections for b in s.blocks if isinstance(b, CleanQuotation)]


def _tables(expected: CleanDocument) -> list[CleanTable]:
    return [b for s in expected.sections for b in s.blocks if isinstance(b, CleanTable)]


def _unmarked_quotations(expected: CleanDocument, actual: CleanDocument, blocks: list[_Block]) -> list[Loss]:
    losses = []
    got = {squash_plain(" ".join(q.paragraphs)) for q in _quotations(actual)}
    expected_body = [block for _, _, block in _body_blocks(expected)]
    for quotation in _quotations(expected):
        near = next(i for i, b in enumerate(expected_body) if b is quotation) / max(len(expected_body), 1)
        if squash_plain(" ".join(quotation.paragraphs)) in got:
            continue
        pieces = _run(words(" ".join(quotation.paragraphs)), blocks)
        if pieces is None:
            continue
        if any(blocks[b].quoted for b, _, _ in pieces):
            rest = _rest_unquoted(actual, quotation, blocks) or _cut_rest_unquoted(actual, quotation, blocks)
            if rest is not None:
                losses.append(Loss("quotation-unmarked", _short(rest[0], 80), _short(rest[1], 80)))
            continue
        if _restore_quotation(actual, quotation, near):
            evidence = " ⏎ ".join(_short(blocks[b].text, 80) for b, _, _ in pieces[:2])
            losses.append(Loss("quotation-unmarked", _short(" ".join(quotation.paragraphs), 80), evidence))
    return losses


def _rest_unquoted(actual: CleanDocument, quotation: CleanQuotation, blocks: list[_Block]) -> tuple[str, str] | None:
    """A quotation whose first paragraphs came back as one and its last ones as paragraphs after it, or its last
    ones as one and its first ones as paragraphs before it, printed with no `>` in the extraction (a page broke
    it, or the extraction quoted only some of its paragraphs): made whole again; the unquoted paragraphs' text and
    the extraction's block that shows them, or None."""
    for section in actual.sections:
        for index, got in enumerate(section.blocks):
            if not isinstance(got, CleanQuotation) or len(got.paragraphs) >= len(quotation.paragraphs):
                continue
            count = len(got.paragraphs)
            squashed = [squash_plain(t) for t in got.paragraphs]
            if squashed == [squash_plain(t) for t in quotation.paragraphs[:count]]:
                missing, start = quotation.paragraphs[count:], index + 1  # its last paragraphs, after it
            elif squashed == [squash_plain(t) for t in quotation.paragraphs[-count:]]:
                missing = quotation.paragraphs[:-count]  # its first paragraphs, before it
                start = index - len(missing)
            else:
                continue
            around = section.blocks[start : start + len(missing)] if start >= 0 else []
            if [squash_plain(b.text) for b in around if isinstance(b, CleanParagraph)] != [
                squash_plain(t) for t in missing
            ]:
                continue
            held = [_run(words(t), blocks) for t in missing]
            if any(pieces is None or any(blocks[b].quoted for b, _, _ in pieces) for pieces in held):
                continue
            first_block = min(start, index)
            section.blocks[first_block : first_block + 1 + len(missing)] = [CleanQuotation(list(quotation.paragraphs))]
            first = held[0]
            return " ".join(missing), blocks[first[0][0]].text if first else ""
    return None


def _cut_rest_unquoted(
    actual: CleanDocument, quotation: CleanQuotation, blocks: list[_Block]
) -> tuple[str, str] | None:
    """A quotation that a page broke inside a paragraph, at a sentence's end, its rest printed with no `>` (so come
    back as paragraphs after it): made whole again; the rest's text and the extraction's block that shows it."""
    goal = squash_plain(" ".join(quotation.paragraphs))
    for section in actual.sections:
        for index, got in enumerate(section.blocks):
            if not isinstance(got, CleanQuotation) or not goal.startswith(squash_plain(" ".join(got.paragraphs))):
                continue
            joined, end = " ".join(got.paragraphs), index + 1
            for following in section.blocks[index + 1 :]:
                if not isinstance(following, CleanParagraph) or squash_plain(joined) == goal:
                    break
                joined, end = f"{joined} {following.text}", end + 1
            rest = [b.text for b in section.blocks[index + 1 : end] if isinstance(b, CleanParagraph)]
            held = [_run(words(t), blocks) for t in rest]
            if (
                squash_plain(joined) != goal
                or not rest
                or not SENTENCE_END.search(got.paragraphs[-1].rstrip())  # else ingest should have joined them
                or not re.match(r"\W*[^\W\d_]", rest[0])
                or re.match(r"\W*[a-z]", rest[0])
                or any(p is None or any(blocks[b].quoted for b, _, _ in p) for p in held)
            ):
                continue
            section.blocks[index:end] = [CleanQuotation(list(quotation.paragraphs))]
            first = held[0]
            return " ".join(rest), blocks[first[0][0]].text if first else ""
    return None


def _pictured_tables(expected: CleanDocument, actual: CleanDocument, blocks: list[_Block]) -> list[Loss]:
    losses = []
    actual_tables = {squash_plain("|".join(block_texts(t))) for t in _tables(actual)}
    for table in _tables(expected):
        if squash_plain("|".join(block_texts(table))) in actual_tables:
            continue
        cell_words = [w for cell in [*table.header, *(c for row in table.rows for c in row)] for w in words(cell)]
        holders = [b for b in blocks if b.picture or (not b.piped and set(b.tokens) & set(cell_words))]
        pictured = [b for b in holders if b.picture or not b.piped]
        held = {w for b in pictured for w in b.tokens}
        if (
            not pictured
            or not set(cell_words) <= held
            or any(b.piped for b in blocks if set(b.tokens) & set(cell_words))
        ):
            continue
        if _restore_table(actual, table):
            evidence = " ⏎ ".join(_short(b.text, 80) for b in pictured if b.picture or set(b.tokens) & set(cell_words))
            losses.append(
                Loss("table-as-picture", _short(table.caption or " ".join(table.header), 80), _short(evidence, 160))
            )
    return losses


def _restore_table(doc: CleanDocument, table: CleanTable) -> bool:
    """Replace the blocks holding a table's words (picture text, caption, source line) with the table."""
    vocabulary = {w for text in block_texts(table) for w in words(text)} | {
        "start",
        "end",
        "of",
        "picture",
        "text",
        "br",
    }
    for section in doc.sections:
        indices = [
            i
            for i, block in enumerate(section.blocks)
            if (texts := block_texts(block)) and set(words(" ".join(texts))) <= vocabulary
        ]
        if not indices:
            continue
        held = {w for i in indices for w in words(" ".join(block_texts(section.blocks[i])))}
        needed = {w for row in [table.header, *table.rows] for cell in row for w in words(cell)}
        if not needed <= held:
            continue
        run = _contiguous(indices)
        rebuilt: list[CleanBlock] = []
        for i, block in enumerate(section.blocks):
            if i == run[0]:
                rebuilt.append(copy.deepcopy(table))
            elif i not in run:
                rebuilt.append(block)
        section.blocks = rebuilt
        return True
    return False


def _contiguous(indices: list[int]) -> list[int]:
    """The longest run of consecutive numbers in `indices`."""
    runs = [[i for _, i in group] for _, group in itertools.groupby(enumerate(indices), lambda x: x[1] - x[0])]
    return max(runs, key=len)


def _continued_footnotes(expected: CleanDocument, actual: CleanDocument, blocks: list[_Block]) -> list[Loss]:
    losses = []
    for key, text in expected.notes.items():
        got = actual.notes.get(key)
        if got is not None and squash(got) == squash(text):
            continue
        tokens = words(text)
        pieces = _run(tokens, blocks)
        if pieces is None or len(pieces) < 2:
            continue
        tails = pieces[1:]
        if any(blocks[b].marked_note or blocks[b].quoted for b, _, _ in tails):
            continue  # marked: a reader can tell it belongs to the note before
        head_length = pieces[0][2] - pieces[0][1]
        tail_text = _tail_text(text, head_length)
        if tail_text is None or not _move_tail(actual, key, text, tail_text):
            continue
        evidence = " … ".join(_short(blocks[b].text, 70) for b, _, _ in pieces)
        losses.append(Loss("footnote-continued", f"note {key}: {_short(tail_text, 60)!r}", evidence))
    return losses


SENTENCE_END = re.compile(r"[.?!:;…][\"'”’)\]*_]*(?:<sup>[^<]*</sup>|\[\^[^\]]+\]|\d+)*[\"'”’)\]*_]*$")


GLUED_COPYRIGHT = re.compile(r"(?<=[.?!…])\s+(?=©)")
"""A © statement an extraction ran onto the end of a paragraph's sentence (a first-page footer below it)."""


def _copyright_apart(blocks: list[_Block]) -> list[_Block]:
    """The blocks with a © statement glued to a paragraph's end set apart, as ingest lifts it out."""
    apart = []
    for block in blocks:
        parts = GLUED_COPYRIGHT.split(block.text, maxsplit=1)
        if len(parts) == 1 or block.quoted or block.piped:
            apart.append(block)
            continue
        apart += [_Block([part], words(MARKERS.sub(" ", part))) for part in parts]
    return apart


def _dropped_attribution(expected: CleanDocument, actual: CleanDocument, source: str) -> list[Loss]:
    """An epigraph whose attribution the extraction prints nowhere, read back as the body's first paragraph."""
    epigraph = expected.epigraph
    if epigraph is None or actual.epigraph is not None or not actual.sections or actual.sections[0].title:
        return []
    if any(word.casefold() in source.casefold() for word in words(epigraph.attribution)):
        return []
    opening = actual.sections[0].blocks
    if (
        not opening
        or not isinstance(opening[0], CleanParagraph)
        or squash_plain(opening[0].text) != squash_plain(epigraph.text)
    ):
        return []
    actual.epigraph = CleanEpigraph(opening.pop(0).text, epigraph.attribution)
    if not opening:
        actual.sections.pop(0)
    return [Loss("attribution-dropped", _short(epigraph.attribution, 60), _short(epigraph.text, 60))]


def _sentence_breaks(expected: CleanDocument, actual: CleanDocument, blocks: list[_Block]) -> list[Loss]:
    losses = []
    blocks = _copyright_apart(blocks)
    got = {squash_plain(t) for s in actual.sections for b in s.blocks for t in block_texts(b)}
    paragraphs = [
        text
        for section in expected.sections
        for block in section.blocks
        if isinstance(block, CleanParagraph | CleanQuotation)  # a quotation's paragraphs run on across pages too
        for text in block_texts(block)
    ]
    for text in paragraphs:
        if squash_plain(text) in got:
            continue
        pieces = _run(words(text), blocks)
        if pieces is None or len(pieces) < 2:
            continue
        cuts = [(blocks[a].text, blocks[b].text) for (a, _, _), (b, _, _) in itertools.pairwise(pieces)]
        if not any(
            SENTENCE_END.search(before.rstrip())
            and re.match(r"\W*[^\W\d_]", after)
            and not re.match(r"\W*[a-z]", after)
            for before, after in cuts
        ):
            continue
        if _merge_paragraphs(actual, text):
            evidence = " ⏎ … ⏎ ".join(_short(piece, 60) for piece in (cuts[0][0][-60:], cuts[0][1]))
            losses.append(Loss("paragraph-break-at-sentence-end", _short(text, 60), evidence))
    return losses


def _merge_paragraphs(doc: CleanDocument, text: str) -> bool:
    """Join the consecutive paragraphs (of the body, or of a quotation) that together hold `text` into one."""
    goal = squash_plain(text)
    for section in doc.sections:
        for quotation in (b for b in section.blocks if isinstance(b, CleanQuotation)):
            for start, paragraph in enumerate(quotation.paragraphs):
                joined = paragraph
                for end in range(start + 1, len(quotation.paragraphs)):
                    joined = f"{joined} {quotation.paragraphs[end]}"
                    if squash_plain(joined) == goal:
                        quotation.paragraphs[start : end + 1] = [joined]
                        return True
                    if not goal.startswith(squash_plain(joined)):
                        break
        for start, block in enumerate(section.blocks):
            if not isinstance(block, CleanParagraph) or not goal.startswith(squash_plain(block.text)):
                continue
            joined = block.text
            for end in range(start + 1, len(section.blocks)):
                following = section.blocks[end]
                if not isinstance(following, CleanParagraph):
                    break
                joined = f"{joined} {following.text}"
                if squash_plain(joined) == goal:
                    section.blocks[start : end + 1] = [CleanParagraph(joined)]
                    return True
                if not goal.startswith(squash_plain(joined)):
                    break
    return False


def _tail_text(text: str, head_words: int) -> str | None:
    """The part of a note's text after its first `head_words` words (a cut after a space or a hyphen)."""
    for cut in [0, *(m.end() for m in re.finditer(r"\s+|-", text))]:
        if len(words(text[:cut])) == head_words:
            return text[cut:].strip()
    return None


def _move_tail(doc: CleanDocument, key: str, text: str, tail: str) -> bool:
    """Take a note's rest out of wherever ingest put it (the body, another note) and give the note its whole text."""
    for section in doc.sections:
        for index, block in enumerate(section.blocks):
            if not isinstance(block, CleanParagraph):
                continue
            cut = _window(block.text, tail)
            if cut is None:
                continue
            before, after = cut
            rest = " ".join(t for t in (before, after) if t)
            following = next(iter(section.blocks[index + 1 : index + 2]), None)
            if before and not after and not SENTENCE_END.search(before) and isinstance(following, CleanParagraph):
                # the body's sentence the page cut went on in the note's rest; its own rest came after as a paragraph
                section.blocks[index : index + 2] = [CleanParagraph(f"{before} {following.text}")]
            else:
                section.blocks[index : index + 1] = [CleanParagraph(rest)] if rest else []
                _rejoin_list(section.blocks, index)
            doc.notes[key] = text
            return True
    for other, other_text in doc.notes.items():
        cut = _window(other_text, tail) if other != key else None
        if cut is not None:
            doc.notes[other] = " ".join(t for t in cut if t)
            doc.notes[key] = text
            return True
    return False


def _rejoin_list(blocks: list[CleanBlock], index: int) -> None:
    """One list or quotation again where a note's rest, taken out at `index`, stood between two parts of it.

    The parts are the two sides of a page break: what parted them was the note's rest, which ingest read as the
    body's paragraph it looks like. A quotation's two paragraphs stay two (a break at a sentence's end is its own
    loss, `paragraph-break-at-sentence-end`).
    """
    if 0 < index < len(blocks):
        before, after = blocks[index - 1], blocks[index]
        if isinstance(before, CleanList) and isinstance(after, CleanList) and before.numbered == after.numbered:
            blocks[index - 1 : index + 1] = [CleanList([*before.items, *after.items], before.numbered)]
        elif isinstance(before, CleanQuotation) and isinstance(after, CleanQuotation):
            blocks[index - 1 : index + 1] = [CleanQuotation([*before.paragraphs, *after.paragraphs])]


RAW_TOKEN = r"[^\s*_|<>()\[\],;:.!?\"“”‘’]+"
"""A run of characters between spaces and punctuation, as the extraction holds it ("1007/9783030126204")."""


def _joined_words(expected: CleanDocument, actual: CleanDocument, source: str) -> tuple[list[Loss], str]:
    """Hyphens and spaces the extraction dropped: put back where the extraction itself shows the joined word.

    Returns the losses, and the extraction with them put back (for the proofs that follow, which read its words).
    """
    losses = []
    # a soft hyphen, perhaps at a quoted row's end: the word's rest on the next row, or the next block (a DOI's
    # rows, each set apart); the extraction returned for the proofs joins rows of one block only (a quotation's
    # word cut at a page's foot goes on on the next page, not in the note under it)
    raw = set(re.findall(RAW_TOKEN, re.sub("\u00ad\\s*(?:>\\s*)?", "", source)))
    mended = re.sub("\u00ad(?:[ \t]*\n(?![ \t]*\n)[ \t]*>?[ \t]*|(?=\\S))", "", source)
    raw |= {token.lstrip("0123456789") for token in raw}  # a note's number glued to its first word: "2Jiwon"
    expected_texts = [t for texts in _all_texts(expected) for t in texts]
    candidates: dict[str, tuple[str, str]] = {}  # joined form → (expected form, kind)
    for text in expected_texts:
        tokens = text.split()
        cores = re.findall(RAW_TOKEN, text)
        for core in [*cores, *(piece for whole in cores if "/" in whole for piece in whole.split("/"))]:
            if "-" in core and core.count("-") <= 4:  # a URL's parts too: an extraction may break it at a "/"
                parts = core.split("-")
                for keep in itertools.product([True, False], repeat=len(parts) - 1):
                    if all(keep):
                        continue
                    joined = parts[0] + "".join(("-" if k else "") + p for k, p in zip(keep, parts[1:], strict=True))
                    candidates.setdefault(joined, (core, "hyphen-dropped"))
        for first, second in itertools.pairwise(tokens):
            a, b = first.strip("*_.,;:!?()[]\"“”‘’'"), second.strip("*_.,;:!?()[]\"“”‘’'")
            if (
                a
                and b
                and a == first.lstrip("*_")
                and b == second.rstrip("*_")
                and a[-1:].isalpha()
                and b[:1].isalpha()
            ):
                candidates.setdefault(a + b, (f"{a} {b}", "words-run-together"))
    known = {w.casefold() for text in expected_texts for w in re.findall(r"[\w-]+", text)}
    wanted = {squash_plain(t) for t in expected_texts}
    for joined, (form, kind) in candidates.items():
        if joined not in raw:
            continue
        # a joined form the text itself also holds ("SinoSoviet" in a source that an extraction made) is put back
        # only where that gives back a text of the document; two words run together that make a word of the text
        # ("away", "breakdown") are that word
        if joined.casefold() in known and kind == "words-run-together":
            continue
        only = wanted if joined.casefold() in known else None
        if _replace_everywhere(actual, joined, form, only=only):
            losses.append(Loss(kind, f"{form!r} came back as {joined!r}", _short(_around(source, joined), 120)))
            if only is None:
                mended = re.sub(rf"(?<![^\W_]|-){re.escape(joined)}(?![^\W_]|-)", form, mended)
    return losses, mended


EMPHASIS_MARK = re.compile(
    r"\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)|</?(?:i|em|b|strong)>"
)
"""A mark of italic or bold: `*`, `**` or `_` at a word's edge, or an HTML tag for it."""
LINE_END_HYPHEN = re.compile(r"(?<![\w-])([^\W\d_]+)-[ \t]*\n[>\s]*([^\W\d_]+)")
"""A word part at a line's end, its hyphen, and the word part that opens the next line of the extraction."""


def _undecidable_hyphens(expected: CleanDocument, actual: CleanDocument, source: str) -> list[Loss]:
    """Words broken at a line end with a plain hyphen that neither the text nor a dictionary tells from compounds.

    Ingest drops such a hyphen where the text writes the word whole elsewhere or the word is English; where
    neither holds, the hyphen stays, and the extraction itself shows why.
    """
    losses = []
    expected_words = {w for texts in _all_texts(expected) for text in texts for w in re.findall(r"[\w-]+", text)}
    for match in LINE_END_HYPHEN.finditer(source):
        left, right = match.groups()
        word, compound = left + right, f"{left}-{right}"
        if word not in expected_words or compound in expected_words:
            continue
        written_whole = len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", source, re.IGNORECASE)) > 0
        if written_whole or (right[:1].islower() and is_english_word(word)):
            continue  # ingest has what it needs to decide
        if _replace_everywhere(actual, compound, word):
            losses.append(Loss("hyphen-undecidable", f"{word!r} came back as {compound!r}", _short(match.group(0))))
    return losses


def _lost_line_breaks(expected: CleanDocument, actual: CleanDocument, source: str) -> list[Loss]:
    """Lines set one under another (`CleanLines`) that the extraction printed on one line, read back as one."""
    losses = []
    source_lines = [squash_plain(line) for line in source.split("\n")]
    for section in expected.sections:
        for block in section.blocks:
            if not isinstance(block, CleanLines) or len(block.lines) < 2 or block in _lines_blocks(actual):
                continue
            joined = squash_plain(" ".join(block.lines))
            if not any(joined in line for line in source_lines):
                continue
            for other in actual.sections:
                for index, got in enumerate(other.blocks):
                    if (
                        isinstance(got, CleanParagraph | CleanLines)
                        and squash_plain(" ".join(block_texts(got))) == joined
                    ):
                        other.blocks[index] = CleanLines(list(block.lines))
                        losses.append(Loss("line-breaks-lost", _short(" / ".join(block.lines), 80), _short(joined)))
                        break
                else:
                    continue
                break
    return losses


SEAM_END = 8
"""The fewest characters of the first block's end that must stand on the line where the second runs on."""


def _run_together(expected: CleanDocument, actual: CleanDocument, source: str) -> list[Loss]:
    """Two paragraphs (or a list's last item and a paragraph, or a paragraph and the lines under it) that stand
    on one line of the extraction, read back as one: cut where the second began. The first may have come back
    parted at a page break after one of its sentences (a loss of its own), its last sentences run into the
    second."""
    losses = []
    lines = [_unmarked(line) for line in source.split("\n")]
    for section in expected.sections:
        for first, second in itertools.pairwise(section.blocks):
            first_text = _last_text(first)
            if first_text is None or not isinstance(second, CleanParagraph | CleanLines):
                continue
            second_text = second.text if isinstance(second, CleanParagraph) else second.lines[0]
            tail = squash_plain(second_text)
            # markers as each side prints them; the first's end may start the line (a page break cut it before)
            seams = (_unmarked(first_text)[-k:] + _unmarked(second_text)[:20] for k in range(20, SEAM_END - 1, -1))
            seam = next((seam for seam in seams if any(seam in line for line in lines)), None)
            if seam is None:
                continue
            # the first whole, or its last sentences (a page break at a sentence end, its note's marker after it,
            # parted it from the rest)
            ends = re.finditer(r"(?<=[.?!…])(?:\[\^[^\]\s]+\])?\s+(?=\S)", first_text)
            pieces = [first_text, *(first_text[m.end() :] for m in ends)]
            for other in actual.sections:
                if any(
                    _cut_run_together(other, type(first), piece, second, squash_plain(piece) + tail) for piece in pieces
                ):
                    evidence = next(line for line in source.split("\n") if seam in _unmarked(line))
                    losses.append(Loss("paragraphs-run-together", _short(second_text, 60), _short(evidence, 120)))
                    break
    return losses


def _paragraphs_as_items(expected: CleanDocument, actual: CleanDocument, source: str) -> list[Loss]:
    """A paragraph right under or right above a list, printed as the list's item (`- …`) and read back as its last or
    first: set apart."""
    losses = []
    items = [line for line in source.split("\n") if re.match(r"\s*[-*+•]\s", line)]
    for section in expected.sections:
        for first, second in itertools.pairwise(section.blocks):
            if isinstance(first, CleanList) and isinstance(second, CleanParagraph):
                listed, paragraph, last = first, second, True
            elif isinstance(first, CleanParagraph) and isinstance(second, CleanList):
                listed, paragraph, last = second, first, False
            else:
                continue
            start = _unmarked(paragraph.text)[:30]
            evidence = next(
                (line for line in items if _unmarked(re.sub(r"^\s*[-*+•]\s+", "", line)).startswith(start)), ""
            )
            if not evidence:
                continue
            for other in actual.sections:
                for index, got in enumerate(other.blocks):
                    if not isinstance(got, CleanList) or len(got.items) != len(listed.items) + 1:
                        continue
                    item, rest = (got.items[-1], got.items[:-1]) if last else (got.items[0], got.items[1:])
                    if squash_plain(item) == squash_plain(paragraph.text):
                        apart = [CleanList(rest, got.numbered), CleanParagraph(item)]
                        other.blocks[index : index + 1] = apart if last else apart[::-1]
                        losses.append(Loss("paragraph-as-list-item", _short(paragraph.text, 60), _short(evidence, 120)))
                        break
    return losses


FULL_LINE = 0.9
"""A line at least this share of its block's longest line is full: a paragraph's end there is not seen."""


def _unmarked_starts(expected: CleanDocument, actual: CleanDocument, source: str) -> list[Loss]:
    """Two paragraphs on consecutive lines of one extraction block, the first ending on a full line, read back as
    one: cut where the second began."""
    losses = []
    blocks = [[line for line in chunk.split("\n") if line.strip()] for chunk in re.split(r"\n\s*\n", source)]
    for section in expected.sections:
        for first, second in itertools.pairwise(section.blocks):
            if not (isinstance(first, CleanParagraph) and isinstance(second, CleanParagraph)):
                continue
            end, start = _unmarked(first.text)[-20:], _unmarked(second.text)[:20]
            seam = next(
                (
                    (lines, line)
                    for lines in blocks
                    for line, below in itertools.pairwise(lines)
                    if _printed(line).endswith(end) and _printed(below).startswith(start)
                ),
                None,
            )
            if seam is None or len(_printed(seam[1])) < FULL_LINE * max(len(_printed(line)) for line in seam[0]):
                continue
            joined = squash_plain(first.text) + squash_plain(second.text)
            if any(_cut_run_together(other, CleanParagraph, first.text, second, joined) for other in actual.sections):
                losses.append(Loss("paragraph-start-unmarked", _short(second.text, 60), _short(seam[1], 120)))
    return losses


def _printed(line: str) -> str:
    """An extraction's line squashed, without its note markers in any printed form."""
    return _unmarked(MARKERS.sub("", line))


def _unmarked(text: str) -> str:
    """Text squashed, without its note markers (`[^7]` in the document, `<sup>7</sup>` in an extraction)."""
    return squash_plain(re.sub(r"\[\^[^\]\s]+\]|<sup>[^<]*</sup>", "", text))


def _last_text(block: CleanBlock) -> str | None:
    """The text a block ends with, where another block's text can run on into it: a paragraph's, a list's last."""
    if isinstance(block, CleanParagraph):
        return block.text
    if isinstance(block, CleanList) and block.items:
        return block.items[-1]
    return None


def _cut_run_together(
    section: CleanSection, kind: type[CleanBlock], first_text: str, second: CleanBlock, joined: str
) -> bool:
    """Cut the block of `section` (of `kind`) whose last text holds `joined` after `first_text`, putting the rest
    back as `second` was (a paragraph, or lines whose rest ingest read as the next block)."""
    at = next(
        (
            i
            for i, got in enumerate(section.blocks)
            if isinstance(got, kind) and joined in squash_plain(_last_text(got) or "")
        ),
        None,
    )
    if at is None:
        return False
    holder = section.blocks[at]
    cut = _window(_last_text(holder) or "", first_text)
    if cut is None:
        return False
    before, after = cut
    if isinstance(holder, CleanList):
        holder.items[-1] = " ".join(t for t in (before, first_text) if t)
        parts: list[CleanBlock] = [holder]
    else:
        parts = [CleanParagraph(t) for t in (before, first_text) if t]
    at_end = at + 1
    if isinstance(second, CleanLines):
        rest = [t for b in section.blocks[at + 1 : at + 2] for t in block_texts(b)]
        if rest and squash_plain(" ".join(rest)) == squash_plain(" ".join(second.lines[1:])):
            at_end += 1  # the lines' rest, read back as a block of its own
            parts.append(CleanLines([after, *rest]))
        elif len(second.lines) > 1 and squash_plain(after) == squash_plain(" ".join(second.lines)):
            parts.append(CleanLines(list(second.lines)))  # the lines' rest, run on too once the first was
        else:
            parts.append(CleanLines([after]))
    elif after:
        parts.append(CleanParagraph(after))
    section.blocks[at:at_end] = parts
    return True


def _forced_breaks(expected: CleanDocument, actual: CleanDocument, source: str) -> list[Loss]:
    """Paragraphs holding a forced line break (`<br>`) that the extraction printed with a hard break, read as lines."""
    losses = []
    hard_breaks = [
        squash_plain(a) + "|" + squash_plain(b) for a, b in re.findall(r"(\S[^\n]*?) {2}\n(\S[^\n]*)", source)
    ]
    for section in expected.sections:
        for block in section.blocks:
            if not isinstance(block, CleanParagraph) or not re.search(r"<br\s*/?>", block.text):
                continue
            pieces = [squash_plain(piece) for piece in re.split(r"<br\s*/?>", block.text)]
            proven = all(
                any(before.endswith(a[-12:]) and after.startswith(b[:12]) for before, after in _halves(hard_breaks))
                for a, b in itertools.pairwise(pieces)
            )
            if not proven:
                continue
            for other in actual.sections:
                for index, got in enumerate(other.blocks):
                    if isinstance(got, CleanLines) and squash_plain(" ".join(got.lines)) == squash_plain(block.text):
                        other.blocks[index] = CleanParagraph(block.text)
                        losses.append(
                            Loss("forced-break-as-lines", _short(block.text, 80), " ⏎ ".join(got.lines)[:120])
                        )
    return losses


def _guessed_breaks(expected: CleanDocument, actual: CleanDocument, source: str) -> list[Loss]:
    """Paragraphs with no forced break that the extraction printed with a hard break inside, read as lines."""
    losses = []
    seams = [_printed(a)[-12:] + _printed(b)[:12] for a, b in re.findall(r"(\S[^\n]*?) {2}\n(\S[^\n]*)", source)]
    for section in expected.sections:
        for block in section.blocks:
            if not isinstance(block, CleanParagraph) or re.search(r"<br\s*/?>", block.text):
                continue
            if not any(seam in _unmarked(block.text) for seam in seams):
                continue
            for other in actual.sections:
                for index, got in enumerate(other.blocks):
                    if isinstance(got, CleanLines) and squash_plain(" ".join(got.lines)) == squash_plain(block.text):
                        other.blocks[index] = CleanParagraph(block.text)
                        losses.append(Loss("hard-break-guessed", _short(block.text, 80), " ⏎ ".join(got.lines)[:120]))
    return losses


def _halves(breaks: list[str]) -> list[tuple[str, str]]:
    return [(before, after) for before, _, after in (b.partition("|") for b in breaks)]


def _lines_blocks(doc: CleanDocument) -> list[CleanLines]:
    return [b for s in doc.sections for b in s.blocks if isinstance(b, CleanLines)]


def _subscripts(expected: CleanDocument, actual: CleanDocument, source: str) -> list[Loss]:
    if "<sub>" in source:
        return []
    losses = []
    tokens = {t for texts in _all_texts(expected) for text in texts for t in text.split() if "<sub>" in t}
    for token in tokens:
        word = token.strip(".,;:!?()[]\"“”‘’'")
        flat = re.sub(r"</?sub>", "", word)
        if flat in source and _replace_everywhere(actual, flat, word):
            losses.append(Loss("subscript-lost", f"{word!r} came back as {flat!r}", _short(_around(source, flat), 120)))
    return losses


def _all_texts(doc: CleanDocument) -> list[list[str]]:
    texts = [[doc.title, *doc.authors, *doc.front, *doc.preamble, doc.copyright, doc.book_line, *doc.back]]
    texts += [block_texts(b) for s in doc.sections for b in s.blocks]
    texts.append(list(doc.notes.values()))
    return texts


def _replace_everywhere(
    doc: CleanDocument, joined: str | re.Pattern[str], form: str, only: set[str] | None = None
) -> bool:
    """Put `form` back for `joined` in every text of `doc` (with `only`: where the text then is one of those)."""
    pattern = re.compile(rf"(?<![^\W_]|-){re.escape(joined)}(?![^\W_]|-)") if isinstance(joined, str) else joined
    changed = False

    def fix(text: str) -> str:
        nonlocal changed
        new = pattern.sub(form, text)
        if only is not None and squash_plain(new) not in only:
            return text
        changed |= new != text
        return new

    doc.title, doc.label, doc.copyright, doc.book_line = map(fix, (doc.title, doc.label, doc.copyright, doc.book_line))
    doc.authors, doc.preamble = [fix(t) for t in doc.authors], [fix(t) for t in doc.preamble]
    doc.front, doc.back = [fix(t) for t in doc.front], [fix(t) for t in doc.back]
    if doc.epigraph is not None:
        doc.epigraph.text, doc.epigraph.attribution = fix(doc.epigraph.text), fix(doc.epigraph.attribution)
    for section in doc.sections:
        for block in section.blocks:
            match block:
                case CleanParagraph():
                    block.text = fix(block.text)
                case CleanQuotation():
                    block.paragraphs = [fix(p) for p in block.paragraphs]
                case CleanTable():
                    block.caption, block.source = fix(block.caption), fix(block.source)
                    block.header = [fix(c) for c in block.header]
                    block.rows = [[fix(c) for c in row] for row in block.rows]
                case CleanList():
                    block.items = [fix(item) for item in block.items]
                case CleanLines():
                    block.lines = [fix(line) for line in block.lines]
    doc.notes = {k: fix(v) for k, v in doc.notes.items()}
    return changed


def _around(source: str, needle: str, width: int = 50) -> str:
    at = source.find(needle)
    return source[max(0, at - width) : at + len(needle) + width] if at >= 0 else needle


def known_losses(
    expected: CleanDocument, actual: CleanDocument, source: str, shape: str, layout: Layout
) -> tuple[list[Loss], list[Difference]]:
    """The extraction losses `source` proves, and the differences left once they are repaired.

    Args:
        expected: The document that was typeset.
        actual: The clean projection of what ingest made of `source` (left unchanged).
        source: The extraction.
        shape: Its file name (`typeset.roundtrip.SHAPES`).
        layout: The layout it was typeset in (for its furniture).

    Returns:
        The losses, and the differences of the repaired document: these are failures.
    """
    from typeset.roundtrip import furniture  # noqa: PLC0415 - roundtrip imports this module

    losses: list[Loss] = []
    if not EMPHASIS_MARK.search(source) and EMPHASIS_MARK.search(document_yaml.dump(expected)):
        expected = copy.deepcopy(expected)
        _replace_everywhere(expected, EMPHASIS_MARK, "")
        for section in expected.sections:
            section.title = EMPHASIS_MARK.sub("", section.title)
        expected.title = EMPHASIS_MARK.sub("", expected.title)
        losses.append(Loss("emphasis-lost", "every italic and bold", "no *, _, <i>, <em> or <b> in it"))
    repaired = copy.deepcopy(actual)
    _replace_everywhere(repaired, re.compile("\u00ad\\s*"), "")  # soft hyphens are forgiven anyway: see `normalize`
    joined, mended = _joined_words(expected, repaired, source)
    losses += joined
    blocks = _blocks(mended)
    losses += _undecidable_hyphens(expected, repaired, source)
    losses += _subscripts(expected, repaired, source)
    losses += _lost_line_breaks(expected, repaired, source)
    losses += _forced_breaks(expected, repaired, source)
    losses += _guessed_breaks(expected, repaired, source)
    losses += _run_together(expected, repaired, source)
    losses += _paragraphs_as_items(expected, repaired, source)
    losses += _unmarked_starts(expected, repaired, source)
    losses += _dropped_attribution(expected, repaired, source)
    losses += _continued_footnotes(expected, repaired, blocks)  # first: a note's rest may stand inside a paragraph
    losses += _sentence_breaks(
        expected, repaired, blocks
    )  # before quotations: a quotation's paragraph may be cut so too
    losses += _unmarked_quotations(expected, repaired, blocks)
    losses += _pictured_tables(expected, repaired, blocks)
    return losses, differences(expected, repaired, furniture=furniture(expected, layout))
