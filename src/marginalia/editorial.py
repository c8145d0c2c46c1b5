"""A text's `editorial.yml`: the editor's notes, anchored to quoted passages."""

from __future__ import annotations

from pathlib import Path

from marginalia.model import Diagnostic, EditorialNote
from marginalia.yamlfile import YamlFileError, load_located

FIELDS = ("quote", "prefix", "suffix", "note")


def load_editorial_notes(path: Path) -> tuple[list[EditorialNote], list[Diagnostic]]:
    """Read `editorial.yml`, a list of `{quote, prefix?, suffix?, note}` mappings.

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
        fields = item.value if isinstance(item.value, dict) else {}
        values = {key: fields[key].value for key in FIELDS if key in fields}
        unknown = [key for key in fields if key not in FIELDS]
        if unknown or not all(isinstance(values.get(key), str) and values[key] for key in ("quote", "note")):
            problems.append(
                Diagnostic(
                    str(path),
                    item.line,
                    f"an editorial note needs 'quote' and 'note' (and may have 'prefix', 'suffix'); found {sorted(fields)}",
                    "editorial-shape",
                )
            )
            continue
        notes.append(
            EditorialNote(
                item.line, values["quote"], str(values.get("prefix", "")), str(values.get("suffix", "")), values["note"]
            )
        )
    return notes, problems
