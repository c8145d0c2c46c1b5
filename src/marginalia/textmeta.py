"""A text's `text.yml`: the metadata its raw source does not reliably say."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from marginalia.model import Diagnostic
from marginalia.yamlfile import Located, YamlFileError, load_located

TEXT_TYPES = (
    "article",
    "book",
    "book-front-matter",
    "chapter",
    "document",
    "edited-book",
    "report",
    "review",
    "thesis",
)
"""The kinds of text `type` may name; `document` is an archival document (in translation)."""

REQUIRED = ("title", "authors", "year", "type", "license")
Problem = Callable[[int | None, str, str], None]
"""Reports a problem: line, message, code."""

OPTIONAL = (
    "editors",
    "container",
    "volume",
    "issue",
    "pages",
    "publisher",
    "place",
    "doi",
    "isbn",
    "url",
    "language",
    "short_title",
    "bibkey",
    "archive",
    "date",
    "translator",
    "reviewed",
    "furniture",
)
REQUIRED_BY_TYPE: dict[str, tuple[str, ...]] = {
    "chapter": ("container", "editors", "pages"),
    "document": ("archive", "date", "translator"),
}
"""Fields a type needs beyond `REQUIRED`: a chapter names its book, a document its archive."""
LIST_FIELDS = ("authors", "editors", "isbn", "translator", "furniture")
"""Fields that hold a list; `isbn`, `translator` and `furniture` may also be one string."""
NAME_FIELDS = ("authors", "editors", "translator")
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class TextMeta:
    """Metadata of one text, from its `text.yml`.

    Attributes:
        slug: The text's folder name.
        title: The full title.
        authors: Names as "Family, Given".
        year: Year of publication.
        type: One of `TEXT_TYPES`.
        license: The licence, e.g. "CC BY 4.0" or "© publisher, quoted for study".
        editors: Editors, as "Family, Given".
        container: The journal or book the text is part of.
        volume: The journal volume.
        issue: The journal issue.
        pages: The page range in the container ("109–122").
        publisher: The publisher.
        place: The place of publication.
        doi: The DOI, without `https://doi.org/`.
        isbn: ISBNs.
        url: The publisher's page for the text.
        language: The text's language (BCP 47), "en" by default.
        short_title: A short title for navigation; the title when empty.
        bibkey: The key of the text's own entry in `bib/`, for "cite the original work".
        archive: For a document, the archive and its reference (fond, opis, delo).
        date: For a document, the date it bears (YYYY, YYYY-MM or YYYY-MM-DD).
        translator: Translators, as "Family, Given".
        reviewed: For a review, the reviewed work as printed.
        furniture: Lines the source prints at page breaks that ingest does not find as furniture by itself
            (a running head printed once), as printed; numbers in them may differ from page to page.
    """

    slug: str
    title: str
    authors: tuple[str, ...]
    year: int
    type: str
    license: str
    editors: tuple[str, ...] = ()
    container: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    publisher: str = ""
    place: str = ""
    doi: str = ""
    isbn: tuple[str, ...] = field(default_factory=tuple)
    url: str = ""
    language: str = "en"
    short_title: str = ""
    bibkey: str = ""
    archive: str = ""
    date: str = ""
    translator: tuple[str, ...] = ()
    reviewed: str = ""
    furniture: tuple[str, ...] = ()

    @property
    def nav_title(self) -> str:
        """The title to show in navigation."""
        return self.short_title or self.title

    @property
    def author_names(self) -> list[str]:
        """Authors as "Given Family" for display."""
        return [display_name(name) for name in self.authors]


def load_text_meta(path: Path, slug: str) -> tuple[TextMeta | None, list[Diagnostic]]:
    """Read and validate a `text.yml`.

    Args:
        path: The file.
        slug: The text's folder name.

    Returns:
        The metadata, or None when the file cannot be used, and the problems found.
    """
    try:
        root = load_located(path)
    except YamlFileError as error:
        return None, [error.diagnostic]
    problems: list[Diagnostic] = []

    def problem(line: int | None, message: str, code: str) -> None:
        problems.append(Diagnostic(str(path), line, message, code))

    if not isinstance(root.value, dict):
        problem(root.line, "text.yml must be a mapping of fields (title: …, authors: …)", "meta-shape")
        return None, problems
    fields: dict[str, Located] = root.value
    for key, located in fields.items():
        if key not in REQUIRED and key not in OPTIONAL:
            problem(
                located.line,
                f"unknown field {key!r}: allowed fields are {', '.join(REQUIRED + OPTIONAL)}",
                "meta-unknown",
            )
    missing = [key for key in REQUIRED if key not in fields]
    if missing:
        problem(root.line, f"missing required field(s): {', '.join(missing)}", "meta-missing")
        return None, problems
    values: dict[str, object] = {}
    for key in REQUIRED + OPTIONAL:
        if key in fields:
            value = _check(key, fields[key], problem)
            if value is not None:
                values[key] = value
    if any(key not in values for key in REQUIRED):
        return None, problems
    needed = [key for key in REQUIRED_BY_TYPE.get(str(values["type"]), ()) if key not in fields]
    if needed:
        problem(
            root.line,
            f"a text of type {values['type']!r} needs field(s): {', '.join(needed)}",
            "meta-missing",
        )
        return None, problems
    return TextMeta(slug=slug, **values), problems  # type: ignore[arg-type]


def _check(key: str, located: Located, problem: Problem) -> object | None:
    value, line = located.value, located.line
    if key == "year":
        if isinstance(value, int) and 1000 <= value <= 9999:
            return value
        problem(line, f"year must be a four-digit year, not {value!r}", "meta-year")
        return None
    if key in ("volume", "issue", "pages") and isinstance(value, int):
        return str(value)
    if key in LIST_FIELDS:
        items = value if isinstance(value, list) else [located] if key in ("isbn", "translator", "furniture") else None
        if items is None or not all(isinstance(item.value, str) and item.value.strip() for item in items):
            problem(line, f"{key} must be a list of strings", "meta-list")
            return None
        names = tuple(item.value.strip() for item in items)
        if key in NAME_FIELDS:
            for item in items:
                if "," not in item.value:
                    problem(item.line, f"write {key.removesuffix('s')} {item.value!r} as 'Family, Given'", "meta-name")
        return names
    if key == "date" and isinstance(value, dt.date):
        value = value.isoformat()  # YAML reads an unquoted 1958-07-22 as a date
    if not isinstance(value, str) or not value.strip():
        problem(line, f"{key} must be a non-empty string", "meta-string")
        return None
    if key == "date" and not DATE.match(value.strip()):
        problem(line, f"date must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}", "meta-date")
        return None
    if key == "type" and value not in TEXT_TYPES:
        problem(line, f"unknown type {value!r}: use one of {', '.join(TEXT_TYPES)}", "meta-type")
        return None
    return " ".join(value.split())  # one line: a title is also a heading, a navigation entry, a citation field


def display_name(name: str) -> str:
    """A name written "Family, Given" in reading order: "Given Family"."""
    family, _, given = name.partition(",")
    return f"{given.strip()} {family.strip()}".strip()
