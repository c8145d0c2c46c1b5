"""Match a found citation to its bibliography entry: by alias, or by authors and year.

Matching is exact on folded family names (diacritics and case ignored) and
on the year as printed, letter included ("2008a" matches an entry whose year
is "2008a"); there is no fuzzy matching, so a misspelt name reaches its entry only
through a reviewed alias.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from marginalia.bibliography.aliases import Alias, alias_form
from marginalia.bibliography.citations import FoundCitation
from marginalia.bibliography.entries import BibEntry, Bibliography, fold

NAME_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+(?:and|&)\s+")
ET_AL = re.compile(r",?\s+et\s+al\.?$")


@dataclass(frozen=True)
class Resolution:
    """The outcome of matching one citation.

    Attributes:
        key: The entry's key, or None.
        alias: The alias used, if any.
        candidates: The keys that matched equally well (more than one: ambiguous).
    """

    key: str | None
    alias: Alias | None = None
    candidates: tuple[str, ...] = ()


class CitationResolver:
    """Resolves citations against one bibliography and alias table.

    Args:
        bibliography: The entries.
        aliases: Reviewed aliases by normalised cited form.
    """

    def __init__(self, bibliography: Bibliography, aliases: dict[str, Alias]) -> None:
        self.aliases = aliases
        self._by_name_year: dict[tuple[str, str], list[BibEntry]] = defaultdict(list)
        self._by_name: dict[str, list[BibEntry]] = defaultdict(list)
        for entry in bibliography.entries.values():
            if entry.creators:
                self._by_name_year[(fold(entry.creators[0].family), cited_year(entry.year))].append(entry)
                self._by_name[fold(entry.creators[0].family)].append(entry)

    def resolve(self, citation: FoundCitation) -> Resolution:
        """Find the entry a citation stands for.

        Args:
            citation: A citation found in a text.

        Returns:
            The resolution; `key` is None when no entry, or more than one, matches.
        """
        alias = self.aliases.get(alias_form(citation.cited))
        if alias is not None:
            return Resolution(alias.key or None, alias, (alias.key,) if alias.key else ())
        families = cited_families(citation)
        candidates = [
            entry
            for family in families[0]
            for entry in (
                self._by_name_year.get((family, cited_year(citation.year)), [])
                if citation.year
                else [e for e in self._by_name.get(family, []) if _title_matches(e, citation.title)]
            )
        ]
        if len(families) > 1:
            candidates = [e for e in candidates if _has_coauthors(e, families[1:])]
        keys = tuple(dict.fromkeys(e.key for e in candidates))
        return Resolution(keys[0] if len(keys) == 1 else None, None, keys)

    def knows_first_author(self, citation: FoundCitation) -> bool:
        """Whether any entry's first author (or editor) bears a family name the citation's first name may be."""
        return any(family in self._by_name for family in cited_families(citation)[0])


def cited_year(year: str) -> str:
    """A year as matched: as printed ("2008a"), and "n.d." for a work with no year or an undated one ("n. d.")."""
    undated = not year or year.replace(" ", "").casefold() == "n.d."
    return "n.d." if undated else year


def cited_families(citation: FoundCitation) -> list[list[str]]:
    """The folded family names a citation may mean, per name: "Hershberg and Chen" → [["hershberg"], ["chen"]].

    In a Chicago-style note names are printed in full, in the order of the
    name's own language: "Lorenz Lüthi" (family last) or "Shen Zhihua" (family
    first). Both words are candidates; the bibliography decides.
    """
    names = [n.strip() for n in NAME_SEPARATOR.split(ET_AL.sub("", citation.authors)) if n.strip()]
    if citation.form in ("note", "short"):
        return [list(dict.fromkeys([fold(n.split()[-1]), fold(n.split()[0])])) for n in names]
    return [[fold(n)] for n in names]


def _has_coauthors(entry: BibEntry, families: list[list[str]]) -> bool:
    present = {fold(name.family) for name in entry.creators}
    return all(any(option in present for option in options) for options in families)


def _title_matches(entry: BibEntry, short_title: str) -> bool:
    """A short title is the title's beginning (before a colon, usually); case and punctuation ignored."""
    title, short = (re.sub(r"[^a-z0-9]+", " ", fold(t)).strip() for t in (entry.fields.get("title", ""), short_title))
    return bool(short) and title.startswith(short)
