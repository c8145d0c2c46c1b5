"""Find author-date citations in running text.

Three forms are recognised, each by one pattern:

- parenthetical, one or more works separated by semicolons, with an optional
  prefix and locator: "(Wendt 1992)", "(see, e.g., Hajimu 2015; Chen 2010)",
  "(Mao 1998, 322–333)", "(CPC Literature Research Centre 1989, 6)";
- narrative: "Shen and Xia (2015)", "Ledovskii et al. (2005), pp. 33–37";
- a Chicago-style note: "Lorenz Lüthi, *The Sino-Soviet Split* (Princeton, NJ:
  Princeton University Press, 2008)", names in either order ("Shen Zhihua and
  Xia Yafeng, *Mao and the Sino-Soviet Partnership* (…, 2015)");
- in notes, a Chicago short form, "Shen and Xia, *Mao and the Sino-Soviet
  Partnership*, 52", and "Ibid., 168–172", which stands for the work the note
  before cites (resolved in `marginalia.annotate.linking`).

A parenthesis is a citation only when every part of it parses as one, so that
"(the Leap failed miserably)", "(1917–1948)" and "(Lüshun)" are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from marginalia.calendar_names import MONTH_NAMES, SEASON_NAMES
from marginalia.markup import mask


def _capitals() -> str:
    """Every upper- and title-case letter of the Basic Multilingual Plane, as a character class body."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        if chr(code).isupper() or chr(code).istitle():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


NAME_WORD = rf"[{_capitals()}][\w'’.\-]*"
"""A capitalised name in any script that has capitals: "Wendt", "Lüthi", "Łukasz", "Радченко", "O’Neill"."""
NAME_PARTICLE = r"(?:van|von|de|der|den|del|della|di|da|do|dos|das|du|la|le|al|el|ten|ter|zu)"
"""A lower-case particle that may start a family name: "van der Berg", "de Gaulle", "al-Sayyid"."""
CONNECTOR = r"(?:of|the|for|on|in|and\s+the)"
"""A lower-case word inside a body's name: "Central Committee of the CPSU". A citation whose names hold
one is read as a citation only if it matches an entry (see `marginalia.annotate.linking`)."""
PARTICLE = rf"(?:and|&|{NAME_PARTICLE}|{CONNECTOR})"
FAMILY = rf"(?:{NAME_PARTICLE}[\s\-]+)*{NAME_WORD}"
AUTHORS = rf"{FAMILY}(?:\s+(?:{NAME_WORD}|{PARTICLE}))*?(?:,?\s+et\s+al\.)?"
YEAR = r"(?:(?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.)"
"""A year as printed, with a letter ("2008a"), or "n.d." for an undated work (an archival document)."""
PAGE = r"[\dixvlc]+(?:\s?nn?\.?\s?\d+(?:[–-]\d+)?)?"
"""A page, or a note on it: "160", "xiv", "160n3", "160 n. 3", "160nn3–4"."""
LOCATOR_ITEM = rf"(?:(?:pp?|nn?|ch|chap|vol|fig|figs|para|paras|sec|secs|§)\.?\s*)?{PAGE}(?:\s*[–-]\s*{PAGE})?"
LOCATOR = rf"(?:pp?\.\s*)?{LOCATOR_ITEM}(?:,\s*{LOCATOR_ITEM})*"
"""Pages and other places in a work, as printed: "160", "pp. 33–37", "160n3", "ch. 3", "vol. 2, 45", "§ 4"."""
PREFIX = r"(?:(?:see|cf\.)(?:\s+also)?(?:,?\s+e\.g\.)?,?\s+|e\.g\.,?\s+)"

PARENTHESIS = re.compile(r"\(([^()]*)\)")
PART = re.compile(
    rf"^(?P<prefix>{PREFIX})?(?P<cite>(?P<authors>{AUTHORS})\s+(?P<year>{YEAR})(?:[,:]\s*(?P<locator>{LOCATOR}))?)$"
)
NARRATIVE = re.compile(
    rf"(?P<cite>(?P<authors>{FAMILY}(?:\s+(?:and|&)\s+{FAMILY})?(?:\s+et\s+al\.)?)\s+\((?P<year>{YEAR})\)(?:,\s*(?P<locator>pp?\.\s*{LOCATOR_ITEM}))?)"
)
NARRATIVE_YEAR = re.compile(rf"\((?:{YEAR})\)")
"""What every narrative citation holds, found fast (a pattern opening with "("): most paragraphs hold none."""
FULL_NAME = rf"{NAME_WORD}(?:\s+{NAME_WORD})+"
NOTE = re.compile(
    rf"(?P<cite>(?P<authors>{FULL_NAME}(?:(?:,\s+|,?\s+and\s+){FULL_NAME})*),\s+\*(?P<title>[^*]+)\*\s+\([^()]*?(?P<year>{YEAR})\))"
)
NAMES = rf"{NAME_WORD}(?:\s+{NAME_WORD})*(?:(?:,\s+|,?\s+and\s+){NAME_WORD}(?:\s+{NAME_WORD})*)*"
SHORT_NOTE = re.compile(rf"(?P<cite>(?P<authors>{NAMES}),\s+\*(?P<title>[^*]+)\*),\s+(?P<locator>{LOCATOR})(?=[.;]|$)")
IBID = re.compile(rf"(?P<cite>\b[Ii]bid\.)(?:,\s+(?P<locator>{LOCATOR}))?")
MONTHS = frozenset((*MONTH_NAMES, *SEASON_NAMES))


@dataclass(frozen=True)
class FoundCitation:
    """One cited work in a text.

    Attributes:
        start: Where the span to link starts in the text.
        end: Where it ends.
        authors: The names as printed ("Hershberg and Chen", "Lorenz Lüthi").
        year: The year as printed, with a letter if any ("2008a").
        locator: Pages or other locator as printed ("160", "pp. 33–37"), or "".
        form: Which form it was found in.
        title: The (short) title a note prints, or "".
    """

    start: int
    end: int
    authors: str
    year: str
    locator: str
    form: Literal["parenthetical", "narrative", "note", "short", "ibid"]
    title: str = ""

    @property
    def cited(self) -> str:
        """The citation as "Authors Year", the form aliases are written in."""
        return f"{self.authors} {self.year}"


def find_citations(text: str, *, in_note: bool = False) -> list[FoundCitation]:
    """Find the citations in one paragraph or note (inline Markdown).

    Args:
        text: The text.
        in_note: Whether the text is a note, where short forms and "Ibid." are citations too.

    Returns:
        The citations in text order, not overlapping.
    """
    masked = mask(text)
    found = [*_notes(masked), *_parenthetical(masked)]
    later = _narrative(masked) + (_short_forms(masked) if in_note else [])
    for candidate in later:
        if not any(_overlaps(candidate, f) for f in found):
            found.append(candidate)
    return sorted(found, key=lambda c: c.start)


def _parenthetical(text: str) -> list[FoundCitation]:
    result = []
    for group in PARENTHESIS.finditer(text):
        offset = group.start(1)
        parts: list[tuple[int, re.Match[str]]] = []
        for raw in group.group(1).split(";"):
            stripped = raw.strip()
            match = PART.match(stripped)
            if not match or _is_date(match.group("authors")):
                parts = []
                break
            base = offset + raw.index(stripped)
            parts.append((base, match))
            offset += len(raw) + 1
        for base, match in parts:
            result.append(
                FoundCitation(
                    base + match.start("cite"),
                    base + match.end("cite"),
                    match.group("authors"),
                    match.group("year"),
                    match.group("locator") or "",
                    "parenthetical",
                )
            )
    return result


def _narrative(text: str) -> list[FoundCitation]:
    if not NARRATIVE_YEAR.search(text):
        return []
    return [
        FoundCitation(
            m.start("cite"), m.end("cite"), m.group("authors"), m.group("year"), m.group("locator") or "", "narrative"
        )
        for m in NARRATIVE.finditer(text)
        if not _is_date(m.group("authors"))
    ]


def _notes(text: str) -> list[FoundCitation]:
    return [
        FoundCitation(m.start("cite"), m.end("cite"), m.group("authors"), m.group("year"), "", "note", m.group("title"))
        for m in NOTE.finditer(text)
    ]


def _short_forms(text: str) -> list[FoundCitation]:
    short = [
        FoundCitation(
            m.start("cite"), m.end("cite"), m.group("authors"), "", m.group("locator"), "short", m.group("title")
        )
        for m in SHORT_NOTE.finditer(text)
        if not _is_date(m.group("authors"))
    ]
    ibid = [
        FoundCitation(m.start("cite"), m.end("cite"), "", "", m.group("locator") or "", "ibid")
        for m in IBID.finditer(text)
    ]
    return short + ibid


def _is_date(authors: str) -> bool:
    return any(word in MONTHS for word in authors.split())


def _overlaps(a: FoundCitation, b: FoundCitation) -> bool:
    return a.start < b.end and b.start < a.end
