"""A text's `text.yml`: the metadata its raw source does not reliably say."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from marginalia.model import Diagnostic
from marginalia.yamlfile import Located, YamlFileError, load_located, validate

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

REQUIRED_BY_TYPE: dict[str, tuple[str, ...]] = {
    "chapter": ("container", "editors", "pages"),
    "document": ("archive", "date", "translator"),
}
"""Fields a type needs beyond `REQUIRED`: a chapter names its book, a document its archive."""
ONE_OR_MORE = ("isbn", "translator", "furniture")
"""List fields that may also be one string."""
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
    """Read and check a `text.yml` against `TextSchema`.

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
        if key not in TextSchema.model_fields:
            problem(located.line, f"unknown field {key!r}: allowed fields are {', '.join(FIELDS)}", "meta-unknown")
    schema, found = validate(TextSchema, root)
    missing = [p.field for p in found if p.kind == "missing"]
    if missing:  # one message for them all, as an editor fixes them together
        problem(root.line, f"missing required field(s): {', '.join(missing)}", "meta-missing")
        return None, problems
    for found_problem in found:
        problem(found_problem.line, found_problem.message, found_problem.kind)
    failed = {p.field.split(".")[0] for p in found}
    if schema is None and not failed & {"", *REQUIRED}:
        # Only optional fields are wrong: they are reported, and the text is read without them.
        schema, _ = validate(TextSchema, Located({k: v for k, v in fields.items() if k not in failed}, root.line))
    if schema is None:
        return None, problems
    for key in NAME_FIELDS:
        items = fields[key].value if key in fields and isinstance(fields[key].value, list) else []
        for item in items:
            if "," not in item.value:  # a warning: the text is read all the same
                problem(item.line, f"write {key.removesuffix('s')} {item.value!r} as 'Family, Given'", "meta-name")
    values = schema.model_dump(exclude_unset=True)
    return TextMeta(slug=slug, **values), problems


def _fail(code: str, message: str) -> PydanticCustomError:
    """A problem with its diagnostic's code and exact message (given no context, pydantic formats nothing in it)."""
    return PydanticCustomError(code, message)


def _one_line(value: object, info: ValidationInfo) -> str:
    """A non-empty string, on one line: a title is also a heading, a navigation entry, a citation field."""
    if info.field_name == "date" and isinstance(value, dt.date):
        value = value.isoformat()  # YAML reads an unquoted 1958-07-22 as a date
    if info.field_name in ("volume", "issue", "pages") and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise _fail("meta-string", f"{info.field_name} must be a non-empty string")
    return " ".join(value.split())


def _year(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return value
    raise _fail("meta-year", f"year must be a four-digit year, not {value!r}")


def _strings(value: object, info: ValidationInfo) -> tuple[str, ...]:
    """A list of non-empty strings; `isbn`, `translator` and `furniture` may be one string."""
    items = value if isinstance(value, list) else [value] if info.field_name in ONE_OR_MORE else None
    if items is None or not all(isinstance(item, str) and item.strip() for item in items):
        raise _fail("meta-list", f"{info.field_name} must be a list of strings")
    return tuple(str(item).strip() for item in items)


def _text_type(value: str) -> str:
    if value not in TEXT_TYPES:
        raise _fail("meta-type", f"unknown type {value!r}: use one of {', '.join(TEXT_TYPES)}")
    return value


def _date(value: str) -> str:
    if not DATE.match(value):
        raise _fail("meta-date", f"date must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


OneLine = Annotated[str, BeforeValidator(_one_line)]
Strings = Annotated[tuple[str, ...], BeforeValidator(_strings)]


class TextSchema(BaseModel):
    """The fields of `text.yml` (see `TextMeta` for what each means), each checked with its own message."""

    model_config = ConfigDict(extra="ignore")  # unknown fields are warned by name, and the text is read

    title: OneLine
    authors: Strings
    year: Annotated[int, BeforeValidator(_year)]
    type: Annotated[OneLine, AfterValidator(_text_type)]
    license: OneLine
    editors: Strings = ()
    container: OneLine = ""
    volume: OneLine = ""
    issue: OneLine = ""
    pages: OneLine = ""
    publisher: OneLine = ""
    place: OneLine = ""
    doi: OneLine = ""
    isbn: Strings = ()
    url: OneLine = ""
    language: OneLine = "en"
    short_title: OneLine = ""
    bibkey: OneLine = ""
    archive: OneLine = ""
    date: Annotated[OneLine, AfterValidator(_date)] = ""
    translator: Strings = ()
    reviewed: OneLine = ""
    furniture: Strings = ()

    @model_validator(mode="after")
    def _fields_of_the_type(self) -> TextSchema:
        needed = [key for key in REQUIRED_BY_TYPE.get(self.type, ()) if key not in self.model_fields_set]
        if needed:
            raise _fail("meta-missing", f"a text of type {self.type!r} needs field(s): {', '.join(needed)}")
        return self


FIELDS = tuple(TextSchema.model_fields)
"""Every field `text.yml` may have, the required first."""
REQUIRED = tuple(name for name, info in TextSchema.model_fields.items() if info.is_required())


def display_name(name: str) -> str:
    """A name written "Family, Given" in reading order: "Given Family"."""
    family, _, given = name.partition(",")
    return f"{given.strip()} {family.strip()}".strip()
