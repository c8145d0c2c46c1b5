"""The alias table (`bib/aliases.yml`): printed citation forms an editor maps to entries by hand."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from marginalia.model import Diagnostic
from marginalia.yamlfile import YamlFileError, load_located

FIELDS = ("cited", "key", "sic", "note", "not_a_citation")


@dataclass(frozen=True)
class Alias:
    """One reviewed mapping.

    Attributes:
        cited: The form as printed, "Author Year" ("Selva et al. 2008").
        key: The BibTeX key it stands for, or "" for a form that is no citation ("Moscow 1957", a place and year).
        sic: Whether the printed form is a source defect to mark "[sic]".
        note: Why, for the reader's preview and the editor.
        line: Its line in the alias file.
    """

    cited: str
    key: str
    sic: bool
    note: str
    line: int


def alias_form(text: str) -> str:
    """The normalised form an alias is looked up by: single spaces, no final punctuation."""
    return " ".join(text.replace("(", " ").replace(")", " ").split()).rstrip(".,").casefold()


def load_aliases(path: Path, keys: set[str]) -> tuple[dict[str, Alias], list[Diagnostic]]:
    """Read the alias table; a missing file means no aliases.

    Args:
        path: `bib/aliases.yml`.
        keys: The bibliography's keys, to check each alias points at one.

    Returns:
        Aliases by normalised cited form, and the problems found.
    """
    if not path.exists():
        return {}, []
    try:
        root = load_located(path)
    except YamlFileError as error:
        return {}, [error.diagnostic]
    items = root.value if isinstance(root.value, list) else []
    aliases: dict[str, Alias] = {}
    problems: list[Diagnostic] = []
    for item in items:
        fields = item.value if isinstance(item.value, dict) else {}
        values = {k: fields[k].value for k in FIELDS if k in fields}
        if values.get("not_a_citation") is True and isinstance(values.get("cited"), str) and "key" not in values:
            values["key"] = ""
        if not isinstance(values.get("cited"), str) or not isinstance(values.get("key"), str):
            message = (
                "an alias needs 'cited' and 'key' (and may have 'sic', 'note'), or 'cited' and 'not_a_citation: true'"
            )
            problems.append(Diagnostic(str(path), item.line, message, "alias-shape"))
            continue
        if values["key"] and values["key"] not in keys:
            problems.append(
                Diagnostic(
                    str(path),
                    item.line,
                    f"alias for '{values['cited']}' names unknown key '{values['key']}': correct the key or add the entry to bib/",
                    "alias-key",
                )
            )
            continue
        alias = Alias(
            values["cited"], values["key"], bool(values.get("sic", False)), str(values.get("note", "")), item.line
        )
        aliases[alias_form(alias.cited)] = alias
    return aliases, problems
