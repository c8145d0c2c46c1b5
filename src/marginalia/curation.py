"""The curator report: what the glossary misses, what it never finds, what rules decided, and what citations lack."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from marginalia.annotate import AnnotatedText
from marginalia.annotate.mentions import MentionRecord
from marginalia.bibliography.entries import BibEntry, Name
from marginalia.calendar_names import MONTH_NAMES
from marginalia.citing.item import missing_details
from marginalia.glossary.entries import Glossary
from marginalia.glossary.matcher import Matcher
from marginalia.glossary.schema import KIND_TITLES
from marginalia.markup import mask
from marginalia.model import Note, Paragraph, Span

CAPITALIZED = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*[a-z][\w’'-]*(?:\s+[A-Z][\w’'-]*[a-z][\w’'-]*)*")
"""Runs of capitalized words (with at least one lower-case letter, so not abbreviations)."""
SENTENCE_START = re.compile(r"(?:[.?!:;]\s+|[“\"(‘]\s*)$")
"""What ends the text before a word that starts a sentence (or the text starts there)."""
SENTENCE_START_WINDOW = 40
"""How far back `SENTENCE_START` looks: punctuation and the spaces after it."""
COMMON = frozenset(
    [
        *MONTH_NAMES,
        *"""
        The A An In On At As By For From To Of And But Or If So Yet Thus Even Once Still Such This That
        These Those It Its He She His Her They Their We Our I You What When Where Why How Who Whom Which
        While Although Though Whether After Before Since Until During Upon Under Over Between Among Within
        Without Also Nevertheless However Indeed Clearly First Second Third Fourth Meanwhile Regardless
        Perceptions Students Historians Ideology Leaders Assessments Accessed Obtained Translated Reprinted
        Conversation Memorandum Minutes Press See Also Detailed For Within All
        """.split(),
    ]
)
"""Words that start sentences or dates, never names on their own."""


@dataclass
class CuratorReport:
    """What a curator should look at.

    Attributes:
        uncovered: Capitalized names in the texts that no entry covers, with their counts.
        unmentioned: Ids of entries no text mentions.
        claimed_twice: Messages about forms claimed by two entries.
        by_rule: Mentions decided by a phrase rule.
        entries: Number of entries by kind title.
        mentions: Number of mentions.
        reasons: Why each phrase rule decides as it does, by phrase.
        citation_gaps: Texts whose citation lacks details, with the `text.yml` fields to fill.
        prose_citations: Narrative "Name (year)" left as text (text, place, as printed): see `link_citations`.
        split_bodies: Names in `bib/` that read as a body's name cut in two (key, role, the name as read): its given
            part only initials, its family part several capitalised words ("Literature Research Centre, C.P.C.").
    """

    uncovered: list[tuple[str, int]] = field(default_factory=list)
    unmentioned: list[str] = field(default_factory=list)
    claimed_twice: list[str] = field(default_factory=list)
    by_rule: list[MentionRecord] = field(default_factory=list)
    entries: dict[str, int] = field(default_factory=dict)
    mentions: int = 0
    reasons: dict[str, str] = field(default_factory=dict)
    citation_gaps: dict[str, list[str]] = field(default_factory=dict)
    prose_citations: list[tuple[str, str, str]] = field(default_factory=list)
    split_bodies: list[tuple[str, str, str]] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the build log."""
        return (
            f"glossary: {sum(self.entries.values())} entries, {self.mentions} mentions;"
            f" {len(self.uncovered)} capitalized names not covered, {len(self.unmentioned)} entries never mentioned,"
            f" {len(self.by_rule)} mentions decided by rules; {len(self.citation_gaps)} texts lack citation details"
            " (details: python -m marginalia glossary-report)"
        )

    def render(self) -> str:
        """The whole report as text."""
        kinds = ", ".join(f"{count} {title.lower()}" for title, count in self.entries.items())
        lines = [f"Glossary: {sum(self.entries.values())} entries ({kinds}); {self.mentions} mentions.", ""]
        lines.append("Capitalized names no entry covers (count), most frequent first:")
        lines += [f"  {name} ({count})" for name, count in self.uncovered] or ["  none"]
        lines += ["", "Entries no text mentions:"]
        lines += [f"  {entry}" for entry in self.unmentioned] or ["  none"]
        lines += ["", "Forms claimed by two entries:"]
        lines += [f"  {message}" for message in self.claimed_twice] or ["  none"]
        lines += ["", "Mentions decided by a rule:"]
        lines += [
            f"  {m.slug} {m.anchor}: “{m.form}” → {m.entry} (rule: {m.rule}; {self.reasons.get(m.rule, '')})"
            for m in self.by_rule
        ] or ["  none"]
        lines += [
            "",
            "“Name (year)” left as text: no entry has an author of that name (add the work to bib/ if it is one):",
        ]
        lines += [f"  {slug} {where}: “{printed}”" for slug, where, printed in self.prose_citations] or ["  none"]
        lines += ["", "Names in bib/ that read as a body's name cut in two (write it in double braces, {{…}}):"]
        lines += [f"  {key} {role}: “{name}”" for key, role, name in self.split_bodies] or ["  none"]
        lines += ["", "Texts whose citation lacks details (fill in text.yml):"]
        lines += [f"  {slug}: {', '.join(fields)}" for slug, fields in self.citation_gaps.items()] or ["  none"]
        return "\n".join(lines) + "\n"


def uncovered_names(text: AnnotatedText, matcher: Matcher) -> Counter[str]:
    """Count the capitalized names in one text's paragraphs and notes that no glossary entry covers.

    Counted for each text as it is annotated, among the cores (`marginalia.stages`), and summed for the report.

    Args:
        text: The text, its mentions already linked.
        matcher: The glossary's matcher.

    Returns:
        Each name's count.
    """
    names: Counter[str] = Counter()
    items: list[Paragraph | Note] = [*text.document.paragraphs(), *text.document.notes.values()]
    for item in items:
        names.update(_uncovered_names(item.text, item.spans, matcher))
    return names


def curator_report(
    glossary: Glossary, texts: list[AnnotatedText], entries: dict[str, BibEntry], names: Counter[str]
) -> CuratorReport:
    """Compile the curator report for annotated texts.

    Args:
        glossary: The glossary.
        texts: The texts, their mentions already linked and recorded.
        entries: The bibliography, for the texts' own entries.
        names: The capitalized names no entry covers in all the texts (`uncovered_names`), with their counts.

    Returns:
        The report.
    """
    excluded = glossary.not_in_glossary | set(glossary.ambiguous)
    mentioned = {m.entry for text in texts for m in text.mentions}
    counts = Counter(e.kind for e in glossary.entries.values())
    return CuratorReport(
        uncovered=[(name, count) for name, count in names.most_common() if name not in excluded],
        unmentioned=sorted(entry for entry in glossary.entries if entry not in mentioned),
        claimed_twice=[str(d) for d in glossary.diagnostics if d.code == "glossary-claimed-twice"],
        by_rule=[m for text in texts for m in text.mentions if m.rule],
        entries={title: counts[kind] for kind, title in KIND_TITLES.items()},
        mentions=sum(len(text.mentions) for text in texts),
        reasons={rule.phrase: rule.why for rule in glossary.phrases},
        citation_gaps={
            text.slug: gaps for text in texts if (gaps := missing_details(text, entries.get(text.meta.bibkey)))
        },
        prose_citations=[
            (r.slug, f"paragraph {r.paragraph}" if r.paragraph else f"note {r.note}", r.cited)
            for text in texts
            for r in text.citations
            if r.prose
        ],
        split_bodies=[
            (entry.key, role, f"{name.family}, {name.given}")
            for entry in entries.values()
            for role, names in entry.names.items()
            for name in names
            if _split_body(name)
        ],
    )


INITIALS_ONLY = re.compile(r"^(?:[A-Z]\.?\s*)+$")


def _split_body(name: Name) -> bool:
    """Whether a name reads as a body's cut into family and given: given only initials, family several words."""
    capitalised = [word for word in name.family.split() if word[:1].isupper()]
    return not name.literal and bool(INITIALS_ONLY.match(name.given)) and len(capitalised) >= 3


def _uncovered_names(text: str, spans: tuple[Span, ...], matcher: Matcher) -> list[str]:
    blanked = list(mask(text, spans))
    for mention in matcher.find(text, spans):
        blanked[mention.start : mention.end] = "\0" * (mention.end - mention.start)
    masked = "".join(blanked)
    found = []
    for match in CAPITALIZED.finditer(masked):
        words = match.group(0).split()
        start = match.start()
        if start == 0 or SENTENCE_START.search(masked, max(0, start - SENTENCE_START_WINDOW), start):
            words = words[1:]  # the first word may only be capitalized because it starts a sentence
        while words and words[0] in COMMON:
            words = words[1:]
        name = " ".join(words).rstrip("’'").removesuffix("’s").removesuffix("'s")
        if name and name not in COMMON:
            found.append(name)
    return found
