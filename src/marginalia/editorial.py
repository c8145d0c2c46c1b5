"""A text's `editorial.yml`: the editor's notes, anchored to quoted passages."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from marginalia.model import Diagnostic, EditorialNote
from marginalia.yamlfile import YamlFileError, load_located, validate


def load_editorial_notes(path: Path) -> tuple[list[EditorialNote], list[Diagnostic]]:
    """Read `editorial.yml`, a list of `{quote, prefix?, suffix?, note}` mappings (`EditorialNoteSchema`).

    A missing file means no editorial notes.

    Args:
        path: The file.

    Returns:
        The notes that could be read, and the problems found.
    """
    if not path.exists():
        return [], []
    try:
        root = load_located(path)
    except YamlFileError as error:
        return [], [error.diagnostic]
    if root.value is None:
        return [], []
    if not isinstance(root.value, list):
        return [], [
            Diagnostic(
                str(path), root.line, "editorial.yml must be a list of notes (- quote: … note: …)", "editorial-shape"
            )
        ]
    notes: list[EditorialNote] = []
    problems: list[Diagnostic] = []
    for item in root.value:
        schema, found = validate(EditorialNoteSchema, item)
        if schema is None or found:
            fields = sorted(item.value) if isinstance(item.value, dict) else []
            problems.append(
                Diagnostic(
                    str(path),
                    item.line,
                    f"an editorial note needs 'quote' and 'note' (and may have 'prefix', 'suffix'); found {fields}",
                    "editorial-shape",
                )
            )
            continue
        notes.append(EditorialNote(item.line, schema.quote, schema.prefix, schema.suffix, schema.note))
    return notes, problems


class EditorialNoteSchema(BaseModel):
    """One note of `editorial.yml`.

    Attributes:
        quote: The passage it is about, as the text says it.
        prefix: Words just before the passage, when it occurs more than once.
        suffix: Words just after it, likewise.
        note: What the editor says.
    """

    model_config = ConfigDict(extra="forbid", strict=True)

    quote: str = Field(min_length=1)
    prefix: str = ""
    suffix: str = ""
    note: str = Field(min_length=1)
