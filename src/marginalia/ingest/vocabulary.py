"""The words of one text, which decide whether a hyphen at a line's end or a page break is the word's own.

A typesetter breaks a word at a line's end with a hyphen ("Chervo-" / "nenko"); a compound keeps its own hyphen
there ("Sino-" / "Soviet"). The text itself knows which: the word written whole elsewhere, or the compound written
with its hyphen. `Vocabulary` reads a document's words once, when the first such hyphen must be judged, for the
paragraphs (`rejoin`), the notes (`classify`, `notes`) and a list's items (`lists`) alike, from the blocks or, once
they are read, the sections. It knows the names the text writes too: a note
whose last word and the next block's first make one ("… to Pavel" / "Yudin Stepan …") goes on there.
"""

from __future__ import annotations

import re
from dataclasses import asdict

from marginalia.ingest.words import is_english_word
from marginalia.model import Document, LineGroup, NoteText, Paragraph, RawBlock

WORD_PART = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
COMPOUND = re.compile(r"(?<![^\W\d_])[^\W\d_]++(?:-[^\W\d_]++)+")
"""A hyphenated compound ("sino-soviet"), looked for from a word's start only and never given back letters: a search
passes over each word once."""
NAME_PAIR = re.compile(r"(?=(?<![^\W_])([A-ZА-ЯЁ][^\W\d_]+)\s+([A-ZА-ЯЁ][^\W\d_]+)(?![^\W_]))")
"""Two capitalised words in a row (overlapping pairs too): a name's parts, "Pavel Yudin", also inside emphasis marks
("_Shadow Cold War_")."""


class Vocabulary:
    """The words, hyphenated compounds and names of one text, read once, when a break must be judged."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._words: set[str] | None = None
        self._compounds: set[str] = set()
        self._names: set[str] = set()

    def _read(self) -> set[str]:
        if self._words is None:
            blocks = [*self._doc.blocks, *self._doc.front, *(b for s in self._doc.sections for b in s.blocks)]
            texts = [
                " ".join(b.lines) if isinstance(b, RawBlock | LineGroup) else b.text
                for b in blocks
                if isinstance(b, RawBlock | LineGroup | NoteText | Paragraph)  # a title page's lines too
            ]
            texts += _strings(asdict(self._doc.metadata))  # the title page's words too ("onerror" in an affiliation)
            text = " ¶ ".join(texts)  # a pair of names never made of one block's end and the next one's start
            self._words = set(WORD_PART.findall(text.casefold()))
            self._compounds = set(COMPOUND.findall(text.casefold()))
            self._names = {" ".join(pair) for pair in NAME_PAIR.findall(text)}
        return self._words

    def name_cut(self, before: str, after: str) -> bool:
        """Whether the last word of `before` and the first of `after` make a name the text writes elsewhere.

        "… sent to Pavel" and "Yudin and …" do where the text writes "Pavel Yudin": a break cut the name, also
        inside emphasis that the extraction closed and opened again at the cut ("… A *Cold*" / "*War Crucible* …"),
        and where the sentence ends with it ("… Mikhail" / "Suslov.<sup>11</sup>").
        """
        last = [w.strip("*_") for w in before.split()[-1:]]
        first = WORD_PART.match(after.lstrip().lstrip("*_"))
        self._read()
        return bool(last and first) and f"{last[0]} {first.group() if first else ''}" in self._names

    def drops_hyphen(self, left: str, right: str) -> bool:
        """Whether `left-` + `right` at a line end or a page break is one word split by the typesetter.

        The text itself decides first: the compound written with its hyphen
        elsewhere keeps it, the word written whole elsewhere loses it. Failing
        that, the joined form must be an English word (wordfreq) and the second
        part must start in lower case (`Sino-`/`Soviet` is a compound).
        """
        joined = (left + right).casefold()
        words = self._read()
        if f"{left}-{right}".casefold() in self._compounds:
            return False
        if joined in words:
            return True
        return right[:1].islower() and is_english_word(joined)


def _strings(value: object) -> list[str]:
    """Every string in a structure of dicts, lists and tuples."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []
