"""Read lists and numbered points in running text as paragraphs, one per item, markers kept as printed."""

from __future__ import annotations

import re

from marginalia.ingest.patterns import BULLET_ITEM, BULLETS, LABEL, LIST_ITEM, NUMBERED_ITEM, SENTENCE_END, join_lines
from marginalia.ingest.vocabulary import Vocabulary
from marginalia.model import PAGE_MARK, Block, Document, Paragraph, RawBlock, without_page_marks

BULLET_AGAIN = re.compile(r"^(\s*[-*+•–]\s+)[•◦▪▫‣⁃●○■□∙]\s+")
"""An item's marker with the printed bullet after it as text ("- • Text", as an extraction may write a bullet)."""
AFTER_SENTENCE = r"(?:(?<=[.?!…”’\"])|(?<=</sup>))\s+"
"""A sentence's end (its note marker after it) and the space after it, where an item run on to the text starts."""
RUN_ON_BULLET = re.compile(rf"{AFTER_SENTENCE}([{BULLETS}])\s+(?=\S)")
"""A printed bullet after a sentence's end, inside a line: an item that an extraction ran onto the text above."""


def read_lists(doc: Document) -> Document:
    """Turn the blocks that running text keeps raw (lists, numbered points, labelled or tabbed lines) into paragraphs.

    Rejoining leaves a block that starts like a list, a quote, a bold label or
    holds tabs raw, for the section parsers (contents, contributors,
    abbreviations, references) to read. In a prose section nothing reads it:
    an archival document's numbered points ("1. The Soviet side agrees …") or
    a bulleted list would be shown without paragraph numbers, note markers,
    citations or glossary links. Each item becomes a paragraph of its own,
    its marker kept as printed; a block that is not a list becomes one
    paragraph. Runs after signatures are found, so that a short list ending
    a section is not read as one.

    Args:
        doc: A sectioned document whose section parsers have run.

    Returns:
        The document with no raw blocks left in its prose sections.
    """
    vocabulary = Vocabulary(doc)  # an item's word hyphenated at a line's end: "Chervo-" / "nenko."
    for section in doc.sections:
        if section.kind == "prose":
            typed = [typed for block in section.blocks for typed in _paragraphs(block, vocabulary)]
            section.blocks = _rests_between_items(_items_run_on(typed))
    return doc


def _items_run_on(blocks: list[Block]) -> list[Block]:
    """A list's first items, cut from the end of the paragraph right above the list (an extraction may run them on).

    pymupdf4llm prints a list's first item on the line of the paragraph above it, its bullet as printed ("…
    postponed? • Military …"), and the next items as items ("- Credits …"). A printed bullet after a sentence's end,
    in the paragraph right above a bulleted item, starts an item; so does the number before the next item's, after
    a sentence's end (`_numbered_item_run_on`).
    """
    found: list[Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        printed = isinstance(block, Paragraph) and any(bullet in block.text for bullet in BULLETS)
        pieces = RUN_ON_BULLET.split(block.text) if printed and isinstance(block, Paragraph) else []
        numbered = _numbered_item_run_on(block, following)
        if numbered is not None:
            found += numbered
        elif len(pieces) > 1 and isinstance(following, Paragraph) and BULLET_ITEM.match(following.text):
            assert isinstance(block, Paragraph)
            found.append(Paragraph(block.line, pieces[0]))
            found += [
                Paragraph(block.line, f"{bullet} {text}")
                for bullet, text in zip(pieces[1::2], pieces[2::2], strict=True)
            ]
        else:
            found.append(block)
    return found


def _numbered_item_run_on(block: Block, following: Block | None) -> list[Paragraph] | None:
    """A paragraph and the numbered item run on to its end, or None.

    The list's next item follows the paragraph ("… experts? 1. Politburo …" over "2. To leadership …"): its number
    less one, after a sentence's end, starts the item.
    """
    if not (isinstance(block, Paragraph) and isinstance(following, Paragraph)):
        return None
    next_item = NUMBERED_ITEM.match(following.text)
    if next_item is None or int(next_item.group(1)) < 2:
        return None
    number = int(next_item.group(1)) - 1
    cuts = list(re.finditer(rf"{AFTER_SENTENCE}{number}\.\s+(?=[^\W\d_])", block.text))
    if not cuts:
        return None
    cut = cuts[-1]
    return [
        Paragraph(block.line, block.text[: cut.start()]),
        Paragraph(block.line, f"{number}. {block.text[cut.end() :]}"),
    ]


def _rests_between_items(blocks: list[Block]) -> list[Block]:
    """A list item's rest, which the next page printed as a paragraph of its own before the list's next item.

    An extractor may set the next page's first line apart ("• … with in ideology announced" / page 110 / "Andrei
    Gromyko criticized?" / "• Friendship …"): a paragraph that opens a page between two items of one list, ending
    the sentence the first left open, where the list's next item ends its own, is the first item's rest.
    """
    found: list[Block] = []
    for index, block in enumerate(blocks):
        before = found[-1] if found else None
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            isinstance(before, Paragraph)
            and BULLET_ITEM.match(before.text)
            and isinstance(block, Paragraph)
            and isinstance(following, Paragraph)
            and PAGE_MARK.match(block.text)
            and not BULLET_ITEM.match(without_page_marks(block.text))
            and BULLET_ITEM.match(following.text)
            and not SENTENCE_END.search(before.text.rstrip())
            and all(SENTENCE_END.search(b.text.rstrip()) for b in (block, following))
        ):
            found[-1] = Paragraph(before.line, f"{before.text} {block.text}")
            continue
        found.append(block)
    return found


def _paragraphs(block: Block, vocabulary: Vocabulary) -> list[Block]:
    if not isinstance(block, RawBlock):
        return [block]
    items: list[tuple[int, list[str]]] = []
    starts = LIST_ITEM if LIST_ITEM.match(block.lines[0]) else LABEL if LABEL.match(block.lines[0]) else None
    for offset, line in enumerate(block.lines):
        if not items or (starts is not None and starts.match(line)):
            items.append((block.line + offset, [BULLET_AGAIN.sub(r"\1", line)]))
        else:
            items[-1][1].append(line)
    texts = [(line, join_lines(lines, vocabulary.drops_hyphen)) for line, lines in items]
    return [Paragraph(line, text) for line, joined in texts for text in _run_on_items(joined)]


def _run_on_items(text: str) -> list[str]:
    """A numbered item's text, cut where the next items begin on its line (an extraction may run them together).

    The next item begins after a sentence's end with the next number: "1. … friendship. 2. Announced …".
    """
    pieces = []
    numbered = NUMBERED_ITEM.match(text)
    while numbered:
        following = int(numbered.group(1)) + 1
        cut = re.search(rf"(?<=[.?!…])\s+(?={following}\.\s+[^\W\d_])", text)
        if cut is None:
            break
        pieces.append(text[: cut.start()])
        text = text[cut.end() :]
        numbered = NUMBERED_ITEM.match(text)
    return [*pieces, text]
