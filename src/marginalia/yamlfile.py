"""Read small YAML data files keeping the line of every value, for messages; check them against schemas.

Every data file an editor writes (`text.yml`, `editorial.yml`, `bib/aliases.yml`,
`glossary/*.yml`) is loaded by `load_located` and checked by `validate` against
a pydantic model: each problem comes back with the line of the value it is
about (`line_of`). A schema's own validators raise `PydanticCustomError` with
the diagnostic's code and the exact message an editor reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from marginalia.model import Diagnostic
from marginalia.textfile import read_text_file


@dataclass(frozen=True)
class Located:
    """A YAML value with the 1-based line it starts on."""

    value: Any
    line: int


class YamlFileError(Exception):
    """A YAML file that cannot be read at all; carries the diagnostic to report."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


def load_located(path: Path) -> Located:
    """Load a YAML file, keeping the line of each mapping value and list item.

    Mappings become `dict[str, Located]`, lists `list[Located]`; scalars stay plain.

    Args:
        path: The file.

    Returns:
        The document's root value, located.

    Raises:
        YamlFileError: The file is missing, not UTF-8, has control characters or is not valid YAML.
    """
    try:
        text, problems = read_text_file(path)
    except FileNotFoundError as error:
        raise YamlFileError(
            Diagnostic(str(path), None, "file is missing: create it (see the editors' guide)", "yaml-missing")
        ) from error
    if problems:
        raise YamlFileError(problems[0])
    try:
        return _located(text, FAST_LOADER)
    except (yaml.YAMLError, _Reused):
        pass  # told below as PyYAML's own parser tells it, in the words the editors' guide quotes
    try:
        return _located(text, yaml.SafeLoader)
    except _Reused as reused:
        message = "anchors and aliases (&name, *name) are not read: write each value out where it is used"
        raise YamlFileError(Diagnostic(str(path), reused.line, message, "yaml-alias")) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise YamlFileError(
            Diagnostic(
                str(path), line, f"invalid YAML: {error.problem}: correct it (see the editors' guide)", "yaml-syntax"
            )
        ) from error
    except yaml.YAMLError as error:  # a character YAML does not allow
        raise YamlFileError(Diagnostic(str(path), None, f"invalid YAML: {error}", "yaml-syntax")) from error


FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML was built with it: a glossary read in a tenth of the time."""


def _located(text: str, loader_class: type[yaml.SafeLoader]) -> Located:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return _locate(loader, node, set()) if node is not None else Located(None, 1)
    finally:
        loader.dispose()


class _Reused(Exception):
    """A node met twice: an alias, which could also make the document infinite ("&a [*a]") or huge."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _locate(loader: yaml.SafeLoader, node: yaml.Node, seen: set[int]) -> Located:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.CollectionNode):
        if id(node) in seen:
            raise _Reused(line)
        seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        return Located({str(_scalar(loader, k, seen)): _locate(loader, v, seen) for k, v in node.value}, line)
    if isinstance(node, yaml.SequenceNode):
        return Located([_locate(loader, item, seen) for item in node.value], line)
    return Located(loader.construct_object(node), line)


def _scalar(loader: yaml.SafeLoader, node: yaml.Node, seen: set[int]) -> Any:
    """A mapping key: a scalar as YAML reads it, anything else as its located value."""
    return loader.construct_object(node) if isinstance(node, yaml.ScalarNode) else plain(_locate(loader, node, seen))


def plain(located: Located) -> Any:
    """Strip the line numbers from a located value."""
    value = located.value
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class SchemaProblem:
    """One problem a schema found in a located value.

    Attributes:
        line: The line of the innermost value it is about.
        field: Where, as dotted field names and list indexes ("dates.start"); "" for the value itself.
        kind: pydantic's error type, or the diagnostic code a schema's validator gave (`PydanticCustomError`).
        message: pydantic's message, or the schema's own.
    """

    line: int
    field: str
    kind: str
    message: str


def validate(model: type[Model], located: Located) -> tuple[Model | None, list[SchemaProblem]]:
    """Check a located value against a schema.

    Args:
        model: The schema.
        located: The value, as `load_located` read it.

    Returns:
        The validated model, or None, and every problem found, each with its line.
    """
    try:
        return model.model_validate(plain(located)), []
    except ValidationError as error:
        return None, [
            SchemaProblem(
                line_of(located, problem["loc"]),
                ".".join(str(part) for part in problem["loc"]),
                problem["type"],
                problem["msg"],
            )
            for problem in error.errors()
        ]


def line_of(located: Located, loc: tuple[int | str, ...]) -> int:
    """The line of the innermost located value a pydantic error location reaches."""
    for part in loc:
        value = located.value
        if isinstance(value, dict) and isinstance(part, str) and part in value:
            located = value[part]
        elif isinstance(value, list) and isinstance(part, int) and part < len(value):
            located = value[int(part)]
        else:
            break
    return located.line
