"""Load the glossary: entries from `glossary/*.yml`, the rules in `glossary/rules.yml`, and abbreviation terms.

Every problem is reported with its file and line; a broken entry is left out
and the rest loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from marginalia.calendar_names import MONTH_NAMES
from marginalia.glossary.schema import Dates, EntryKind, EntrySchema
from marginalia.model import Diagnostic
from marginalia.slugs import slugify
from marginalia.yamlfile import Located, YamlFileError, load_located, plain, validate

RULES_NAME = "rules.yml"
PATTERN_HINTS = {
    "id": "use lower-case letters, digits and single hyphens (mao-zedong)",
    "dates": "write a date as YYYY, YYYY-MM, YYYY-MM-DD or a decade (1960s)",
    "wikidata": "write a Wikidata item as Q and digits (Q5816)",
}
"""What an editor should write when a field does not match its pattern."""


@dataclass(frozen=True)
class Entry:
    """A glossary entry, validated, with where it was written.

    Attributes:
        id: Its slug.
        kind: Its kind.
        name: Its canonical name.
        variants: Other forms matched in the texts.
        original: The name in the original script, or "".
        dates: Its dates, or None.
        description: Our description.
        wikidata: Its Wikidata item, or "".
        related: Related entry ids.
        abbreviations: Abbreviations standing for it, with their expansions.
        path: The YAML file, or None for a term made from an abbreviations list.
        line: Its line there.
    """

    id: str
    kind: EntryKind
    name: str
    variants: tuple[str, ...]
    original: str
    dates: Dates | None
    description: str
    wikidata: str
    related: tuple[str, ...]
    abbreviations: dict[str, str]
    path: Path | None
    line: int

    @property
    def forms(self) -> tuple[str, ...]:
        """Every form matched in the texts: name, variants, abbreviations, and the name in its original script."""
        return tuple(
            form for form in dict.fromkeys([self.name, *self.variants, *self.abbreviations, self.original]) if form
        )

    @property
    def date_label(self) -> str:
        """The dates as readers write them: "1893–1976", "b. 1953", "1958", "16 December 1949 – 17 February 1950"."""
        if self.dates is None:
            return ""
        start, end = self.dates.start, self.dates.end
        if self.kind == "person":
            return f"{start[:4]}–{end[:4]}" if end else f"b. {start[:4]}"
        return date_range(start, end or "")


@dataclass(frozen=True)
class PhraseRule:
    """A phrase that names an entry other than its words suggest ("China's Khrushchev" → Liu Shaoqi)."""

    phrase: str
    entry: str
    why: str
    line: int


@dataclass
class Glossary:
    """Every entry by id, the disambiguation rules, and the problems found loading them."""

    entries: dict[str, Entry] = field(default_factory=dict)
    phrases: list[PhraseRule] = field(default_factory=list)
    ambiguous: dict[str, str] = field(default_factory=dict)
    not_in_glossary: set[str] = field(default_factory=set)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def abbreviations(self) -> dict[str, str]:
        """Every abbreviation with its expansion, for `<abbr title>`."""
        return {abbr: expansion for e in self.entries.values() for abbr, expansion in e.abbreviations.items()}


def load_glossary(folder: Path, abbreviation_lists: list[tuple[str, str]]) -> Glossary:
    """Load every entry file and the rules, and make terms for unclaimed abbreviations.

    Args:
        folder: `glossary/`.
        abbreviation_lists: (abbreviation, expansion) pairs from the texts' abbreviation lists.

    Returns:
        The glossary.
    """
    glossary = Glossary()
    for path in sorted(folder.glob("*.yml")):
        if path.name != RULES_NAME:
            _load_entries(path, glossary)
    _add_abbreviations(glossary, abbreviation_lists)
    _load_rules(folder / RULES_NAME, glossary)
    _check_references(glossary)
    _check_variants(glossary)
    return glossary


def _load_entries(path: Path, glossary: Glossary) -> None:
    try:
        root = load_located(path)
    except YamlFileError as error:
        glossary.diagnostics.append(error.diagnostic)
        return
    if not isinstance(root.value, list):
        glossary.diagnostics.append(
            Diagnostic(str(path), root.line, "a glossary file is a list of entries (- id: …)", "glossary-shape")
        )
        return
    for item in root.value:
        schema, problems = validate(EntrySchema, item)
        for problem in problems:
            hint = (
                PATTERN_HINTS.get(problem.field.split(".")[0], "") if problem.kind == "string_pattern_mismatch" else ""
            )
            message = f"{problem.field or 'entry'}: {hint or problem.message}"
            glossary.diagnostics.append(
                Diagnostic(str(path), problem.line, f"glossary entry: {message}", "glossary-schema")
            )
        if schema is None:
            continue
        if schema.id in glossary.entries:
            first = glossary.entries[schema.id]
            where = f"{first.path.name if first.path else 'abbreviations'}:{first.line}"
            glossary.diagnostics.append(
                Diagnostic(
                    str(path),
                    item.line,
                    f"duplicate id '{schema.id}' (first at {where}): rename one",
                    "glossary-duplicate",
                )
            )
            continue
        glossary.entries[schema.id] = Entry(
            schema.id,
            schema.kind,
            schema.name,
            tuple(schema.variants),
            schema.original,
            schema.dates,
            " ".join(schema.description.split()),
            schema.wikidata,
            tuple(schema.related),
            dict.fromkeys(schema.abbreviations, ""),
            path,
            item.line,
        )


ABBREVIATION_ENTRY = "abbr-"
"""The start of the id of an entry made for an abbreviation that no entry claims (from a text's list)."""


def abbreviation_entry_id(abbreviation: str) -> str:
    """The id of the entry made for an unclaimed abbreviation: `abbr-` and the abbreviation's slug."""
    return f"{ABBREVIATION_ENTRY}{slugify(abbreviation)}"


def _add_abbreviations(glossary: Glossary, abbreviation_lists: list[tuple[str, str]]) -> None:
    """Give claimed abbreviations their expansion; make a term entry for each unclaimed one."""
    claims = {abbr: entry for entry in glossary.entries.values() for abbr in entry.abbreviations}
    for raw_abbreviation, raw_expansion in abbreviation_lists:
        abbreviation, expansion = _plain(raw_abbreviation), _plain(raw_expansion)
        if abbreviation in claims:
            claims[abbreviation].abbreviations[abbreviation] = expansion
            continue
        entry_id = abbreviation_entry_id(abbreviation)
        if entry_id in glossary.entries:
            continue
        glossary.entries[entry_id] = Entry(
            entry_id,
            "term",
            abbreviation,
            (),
            "",
            None,
            f"Abbreviation: {expansion}.",
            "",
            (),
            {abbreviation: expansion},
            None,
            0,
        )


def _load_rules(path: Path, glossary: Glossary) -> None:
    if not path.exists():
        return
    try:
        root = load_located(path)
    except YamlFileError as error:
        glossary.diagnostics.append(error.diagnostic)
        return
    sections = root.value if isinstance(root.value, dict) else {}
    for item in _items(sections.get("phrases")):
        fields = plain(item)
        if not isinstance(fields, dict) or not {"phrase", "entry"} <= fields.keys():
            glossary.diagnostics.append(
                Diagnostic(str(path), item.line, "a phrase rule needs 'phrase', 'entry' and 'why'", "rules-shape")
            )
        elif fields["entry"] not in glossary.entries:
            glossary.diagnostics.append(
                Diagnostic(str(path), item.line, f"phrase rule names unknown entry '{fields['entry']}'", "rules-entry")
            )
        else:
            glossary.phrases.append(
                PhraseRule(str(fields["phrase"]), fields["entry"], str(fields.get("why", "")), item.line)
            )
    for item in _items(sections.get("ambiguous")):
        fields = plain(item)
        if isinstance(fields, dict) and "name" in fields:
            glossary.ambiguous[str(fields["name"])] = str(fields.get("why", ""))
    glossary.not_in_glossary = {str(plain(item)) for item in _items(sections.get("not_in_glossary"))}


def _items(located: Located | None) -> list[Located]:
    return located.value if located is not None and isinstance(located.value, list) else []


def _check_references(glossary: Glossary) -> None:
    for entry in glossary.entries.values():
        for related in entry.related:
            if related not in glossary.entries:
                message = f"entry '{entry.id}' names unknown related entry '{related}': correct the id or remove it from related"
                glossary.diagnostics.append(Diagnostic(str(entry.path), entry.line, message, "glossary-related"))


def _check_variants(glossary: Glossary) -> None:
    """A form may belong to one entry only, unless a phrase rule settles it; ambiguous names belong to none."""
    owners: dict[str, Entry] = {}
    settled = {_normal(rule.phrase) for rule in glossary.phrases}
    for entry in glossary.entries.values():
        for form in entry.forms:
            key = _normal(form)
            if form in glossary.ambiguous:
                message = f"entry '{entry.id}' uses the ambiguous name '{form}' (see rules.yml): use a fuller form"
                glossary.diagnostics.append(Diagnostic(str(entry.path), entry.line, message, "glossary-ambiguous"))
            elif key in owners and owners[key].id != entry.id and key not in settled:
                other = owners[key]
                message = (
                    f"'{form}' is claimed by '{other.id}' ({other.path.name if other.path else 'abbreviations'}:{other.line})"
                    f" and '{entry.id}': keep it on one, or add a phrase rule to rules.yml"
                )
                glossary.diagnostics.append(Diagnostic(str(entry.path), entry.line, message, "glossary-claimed-twice"))
            else:
                owners.setdefault(key, entry)


def _normal(form: str) -> str:
    return form.replace("’", "'").replace("–", "-")


def _plain(text: str) -> str:
    return re.sub(r"</?i>|\*", "", text).strip()


def written_date(date: str) -> str:
    """A date of the glossary as readers write it: "1949-12-16" → "16 December 1949", "1956-09" → "September 1956"."""
    parts = date.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    return date


def date_range(start: str, end: str) -> str:
    """A date or a span as readers write them.

    "1969", "1950–1953", "16 December 1949 – 17 February 1950", "14–17 February 1950", "August–September 1958".
    """
    if not end:
        return written_date(start)
    first, last = written_date(start), written_date(end)
    if len(start) != len(end) or len(start) <= 4:
        return f"{first}–{last}" if len(start) <= 4 and len(end) <= 4 else f"{first} – {last}"
    if start[:7] == end[:7]:  # days of one month
        return f"{first.split()[0]}–{last}"
    if start[:4] == end[:4]:  # within one year: the year once
        return f"{first.rsplit(' ', 1)[0]}–{last}" if len(start) == 7 else f"{first.rsplit(' ', 1)[0]} – {last}"
    return f"{first} – {last}"
