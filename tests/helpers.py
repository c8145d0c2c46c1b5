"""Helpers shared by the tests: model snapshots, golden-file comparison, word counts."""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from marginalia.corpus import Text
from marginalia.ingest import ingest
from marginalia.model import Document, document_texts
from marginalia.textmeta import TextMeta

ROOT = Path(__file__).resolve().parent.parent
READER = ROOT / "tests" / "roots" / "reader"
"""The reading site frozen for the tests (see its `mkdocs.yml`): content assertions read it, not the real site."""
TAGS = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^>]*)?>")
NOTE_REF = re.compile(r"\[\^([^\]]+)\]")
ESCAPED = {
    r"\textbackslash{}": "\\",
    r"\textasciitilde{}": "~",
    r"\textasciicircum{}": "^",
    r"\textbraceleft{}": "{",
    r"\textbraceright{}": "}",
}
LATEX_TOKEN = re.compile(r"\\[a-z]+\{\}|\\.|.", re.DOTALL)
WORD = re.compile(r"\d+|[^\W\d_]+")
"""Runs of digits or of letters, so that a CJK run joined to a number stays two words."""


def snapshot(doc: Document) -> dict[str, Any]:
    """The document as plain data for a YAML golden file (type names kept, path dropped; no spans: annotation's)."""

    def convert(value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            data = {"type": type(value).__name__}
            data.update(
                {f.name: convert(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "spans"}
            )
            return data
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [convert(v) for v in value]
        if isinstance(value, Path):
            return value.name
        return value

    data = convert(doc)
    data.pop("blocks")
    return data


def assert_golden(path: Path, actual: str, update: bool) -> None:
    """Compare `actual` with the golden file at `path`, or rewrite it with `--update`."""
    if update or not path.exists():
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), str(path), "actual", n=2)
        )
        raise AssertionError(f"{path.name} differs (run pytest --update to accept):\n{diff}")


def dump_yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def ingest_snippet(source: str, slug: str = "snippet") -> Document:
    return ingest(source, slug=slug, path=Path(f"texts/{slug}/source.md"))


def make_text(doc: Document, **meta: Any) -> Text:
    fields = {"title": "A title", "authors": ("Doe, Jane",), "year": 2020, "type": "article", "license": "CC BY 4.0"}
    fields.update(meta)
    return Text(TextMeta(slug=doc.slug, **fields), doc)


SUPERSCRIPTS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def source_words(source: str) -> Counter[str]:
    """Words of a raw source: markup removed, superscript note numbers read as numbers, case folded."""
    text = SUPERSCRIPTS.sub(
        lambda m: " " + m.group(0).translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")) + " ", source
    )
    text = TAGS.sub(" ", text).replace("**", " ")
    return Counter(w.casefold() for w in WORD.findall(text))


def model_words(doc: Document) -> Counter[str]:
    """Words of every text field of the model, markers counted by their printed numbers."""
    labels = {key: note.label for key, note in doc.notes.items()}
    text = " ".join(document_texts(doc))
    text = NOTE_REF.sub(lambda m: f" {labels.get(m.group(1), m.group(1))} ", TAGS.sub(" ", text)).replace("**", " ")
    return Counter(w.casefold() for w in WORD.findall(text))


def bibtex_value(written: str) -> str:
    """A BibTeX field value as LaTeX reads it: escapes undone, the writer's protecting braces dropped."""
    characters = []
    for token in LATEX_TOKEN.findall(written):
        if token in ESCAPED:
            characters.append(ESCAPED[token])
        elif token.startswith("\\"):
            characters.append(token[1:])
        elif token not in "{}":
            characters.append(token)
    return "".join(characters)
