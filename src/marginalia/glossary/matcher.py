"""Find glossary mentions in a single pass with an Aho–Corasick automaton.

All forms of all entries go into one automaton (pyahocorasick), so the cost
of a pass grows with the length of the text, not with the number of entries.
Before matching, both forms and text are folded character for character
(en dash to hyphen, curly to straight apostrophe), so "Sino–Soviet" and
"Sino-Soviet", "Khrushchev’s" and "Khrushchev's" meet; offsets stay those of
the original text. The automaton returns the longest match at the leftmost
place; a match must stand on word boundaries, where a hyphen joined to a word
counts as part of it ("Stalin-like" and "post-Stalin" are not "Stalin"). A
possessive ("Mao's", "Mao’s") is left outside the match. Protected spans
(links, citations, tags, URLs) are blanked out before matching. Two forms that a hyphen joins ("CCP-CPSU relations") name both entries. A title in
italics is a title: a name inside one ("*Mao's China and the Cold War*") is no
mention, though a title that is itself an entry's name ("*Renmin Ribao*") is.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from marginalia.glossary.entries import Glossary
from marginalia.markup import mask
from marginalia.model import Span
from marginalia.scripts import CJK

ITALIC = re.compile(
    r"\*(?<![*\w]\*)(?!\*)(?=\S)(?:[^*]+?)(?<=\S)\*(?![*\w])|_(?<![_\w]_)(?!_)(?=\S)(?:[^_]+?)(?<=\S)_(?![_\w])"
)
"""A span in italics, `*…*` or `_…_` (not bold): in these texts, a title. (Each form starts with its mark, the look
behind it after it: the search then goes from mark to mark, not through every character.)"""
EN_DASH = "–"


def _folded(text: str) -> str:
    """One-for-one character folding, so offsets survive: an en dash as a hyphen, curly single quotes straight."""
    return text.replace(EN_DASH, "-").replace("’", "'").replace("‘", "'")


@dataclass(frozen=True)
class Match:
    """A mention found in a text.

    Attributes:
        start: Its start offset in the text.
        end: Its end offset.
        entry: The entry id.
        rule: The phrase rule that decided it, or "".
        nested: True for a mention inside a longer one (not linked, but listed).
    """

    start: int
    end: int
    entry: str
    rule: str = ""
    nested: bool = False


class Matcher:
    """Matches every form of every glossary entry, and the phrase rules.

    Args:
        glossary: The loaded glossary.
    """

    def __init__(self, glossary: Glossary) -> None:
        self._automaton = ahocorasick.Automaton()
        for entry in glossary.entries.values():
            for form in entry.forms:
                self._automaton.add_word(_folded(form), (entry.id, "", len(form)))
        for rule in glossary.phrases:
            self._automaton.add_word(_folded(rule.phrase), (rule.entry, rule.phrase, len(rule.phrase)))
        if len(self._automaton):
            self._automaton.make_automaton()

    def find(self, text: str, taken: Iterable[Span] = ()) -> list[Match]:
        """Find the mentions in one paragraph or note.

        Args:
            text: Inline Markdown.
            taken: Stretches that hold no mention (the citations: an author's name is no mention).

        Returns:
            Top-level mentions and, after each, the mentions nested inside it, in text order.
        """
        if not len(self._automaton):
            return []
        masked = mask(text, taken)
        folded = _folded(masked)
        titles = [(m.start() + 1, m.end() - 1) for m in ITALIC.finditer(masked)]
        found = list(self._automaton.iter_long(folded))
        paired = _hyphen_pairs([(i + 1 - length, i + 1) for i, (_, _, length) in found], folded)
        matches: list[Match] = []
        for end_index, (entry, rule, length) in found:
            start, end = end_index + 1 - length, end_index + 1
            on_boundaries = _on_boundaries(folded, start, end, masked) or (start, end) in paired
            if not on_boundaries or _inside_a_title(start, end, titles):
                continue
            matches.append(Match(start, end, entry, rule))
            if not rule:  # a phrase rule says what the whole phrase names; the words inside name nothing
                matches += self._nested(folded, start, end, entry)
        return matches

    def _nested(self, folded: str, start: int, end: int, outer: str) -> list[Match]:
        inner = folded[start:end]
        found = []
        for end_index, (entry, rule, length) in self._automaton.iter(inner):
            inner_start, inner_end = end_index + 1 - length, end_index + 1
            if (
                entry != outer
                and (inner_start, inner_end) != (0, len(inner))
                and _on_boundaries(inner, inner_start, inner_end)
            ):
                found.append(Match(start + inner_start, start + inner_end, entry, rule, nested=True))
        return _longest_per_entry(found)


def _hyphen_pairs(spans: list[tuple[int, int]], text: str) -> set[tuple[int, int]]:
    """Forms that a hyphen joins to each other ("CCP-CPSU" relations), each naming its entry.

    A hyphen that joins a form to a word that is no form ("post-Stalin") makes a word of its own.
    """
    paired: set[tuple[int, int]] = set()
    for first, second in itertools.pairwise(spans):
        joined = first[1] + 1 == second[0] and text[first[1]] == "-"
        if joined and _on_boundaries(text, first[0], second[1]):  # the pair stands as a word
            paired |= {first, second}
    return paired


def _inside_a_title(start: int, end: int, titles: list[tuple[int, int]]) -> bool:
    """Whether a match stands inside an italic title without being the whole of it."""
    return any(first <= start and end <= last and (start, end) != (first, last) for first, last in titles)


def _on_boundaries(text: str, start: int, end: int, original: str = "") -> bool:
    """Whether `text[start:end]` stands as a word: a hyphen joins ("post-Stalin"), an en dash in `original` does not.

    An en dash between names marks a relation, not a compound: "the Khrushchev–Mao talks" mention both men.
    Chinese writes no spaces between words: a Chinese name stands as a word beside any Chinese character
    ("毛泽东指出").
    """
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    after_next = text[end + 1] if end + 1 < len(text) else " "
    if start < end and CJK.match(text[start]) and CJK.match(before):
        before = " "
    if start < end and CJK.match(text[end - 1]) and CJK.match(after):
        after = " "
    if original:
        before = " " if start and original[start - 1] == EN_DASH else before
        after = " " if end < len(original) and original[end] == EN_DASH else after
    if before.isalnum() or before in "-_":
        return False
    return not (after.isalnum() or after == "_" or (after == "-" and after_next.isalnum()))


def _longest_per_entry(matches: list[Match]) -> list[Match]:
    kept: list[Match] = []
    for match in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if not any(k.start <= match.start and match.end <= k.end for k in kept):
            kept.append(match)
    return kept
