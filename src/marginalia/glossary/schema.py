"""The schema of a glossary entry in `glossary/*.yml`, checked with pydantic."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntryKind = Literal["person", "event", "organization", "place", "term"]
KIND_TITLES: dict[EntryKind, str] = {
    "person": "People",
    "event": "Events",
    "organization": "Organizations",
    "place": "Places",
    "term": "Terms",
}
"""Each kind with the title of its index page, in the order the glossary lists them."""

KIND_LABELS: dict[EntryKind, str] = {
    "person": "Person",
    "event": "Event",
    "organization": "Organization",
    "place": "Place",
    "term": "Term",
}
"""Each kind's name for one entry."""

DATE = r"^\d{4}(?:s|-\d{2}(?:-\d{2})?)?$"


class Dates(BaseModel):
    """Life dates of a person, or an event's date or range: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a decade (`1960s`)."""

    model_config = ConfigDict(extra="forbid")

    start: str = Field(pattern=DATE)
    end: str | None = Field(default=None, pattern=DATE)


class EntrySchema(BaseModel):
    """One glossary entry as written in YAML.

    Attributes:
        id: A stable slug, used in URLs and `data-entry`.
        kind: person, event, organization, place or term.
        name: The canonical name, shown as the entry's title; also matched in the texts.
        variants: Other forms as written in the texts ("Mao", "Chairman Mao"); possessives are matched anyway.
        abbreviations: Abbreviations of the texts' abbreviation lists that stand for this entry.
        original: The name in its original script (毛泽东).
        dates: Life dates, or the event's date or range.
        description: One or two sentences of our own.
        wikidata: The Wikidata item (Q…), if known.
        related: Ids of related entries.
    """

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    kind: EntryKind
    name: str = Field(min_length=1)
    variants: list[str] = []
    abbreviations: list[str] = []
    original: str = ""
    dates: Dates | None = None
    description: str = Field(min_length=1)
    wikidata: str = Field(default="", pattern=r"^(?:Q\d+)?$")
    related: list[str] = []
