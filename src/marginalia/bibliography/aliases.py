"""The alias table (`bib/aliases.yml`): printed citation forms an editor maps to entries by hand."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from marginalia.model import Diagnostic
from marginalia.yamlfile import YamlFileError, load_located, validate


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
    """Read the alias table (`AliasSchema`); a missing file means no aliases.

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
    if root.value is None:
        return {}, []
    if not isinstance(root.value, list):
        message = "aliases.yml must be a list of aliases (- cited: … key: …)"
        return {}, [Diagnostic(str(path), root.line, message, "alias-shape")]
    aliases: dict[str, Alias] = {}
    problems: list[Diagnostic] = []
    for item in root.value:
        schema, found = validate(AliasSchema, item)
        if schema is None or found:
            message = (
                "an alias needs 'cited' and 'key' (and may have 'sic', 'note'), or 'cited' and 'not_a_citation: true'"
            )
            problems.append(Diagnostic(str(path), item.line, message, "alias-shape"))
            continue
        if schema.key and schema.key not in keys:
            problems.append(
                Diagnostic(
                    str(path),
                    item.line,
                    f"alias for '{schema.cited}' names unknown key '{schema.key}': correct the key or add the entry to bib/",
                    "alias-key",
                )
            )
            continue
        alias = Alias(schema.cited, schema.key or "", schema.sic, schema.note, item.line)
        aliases[alias_form(alias.cited)] = alias
    return aliases, problems


class AliasSchema(BaseModel):
    """One alias of `bib/aliases.yml` (see `Alias`): a key, or `not_a_citation: true` for a form that is none."""

    model_config = ConfigDict(extra="forbid")

    cited: str = Field(min_length=1)
    key: str | None = None
    sic: bool = False
    note: str = ""
    not_a_citation: bool = False

    @model_validator(mode="after")
    def _a_key_or_none(self) -> AliasSchema:
        if self.key is None and not self.not_a_citation:
            raise PydanticCustomError("alias-shape", "an alias needs a key, or not_a_citation: true")
        return self
