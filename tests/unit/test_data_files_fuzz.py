"""Fuzz test: any YAML an editor could write in a data file gives diagnostics naming the file, never an error.

Hypothesis writes `text.yml`, `editorial.yml`, glossary files, `rules.yml` and
`bib/aliases.yml` from arbitrary YAML values (mappings, lists, scalars of every
type, the fields each file expects with values of the wrong type), and
arbitrary bytes. Each loader must return, and every diagnostic must name the file.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marginalia.bibliography.aliases import load_aliases
from marginalia.bibliography.entries import load_bibliography
from marginalia.corpus import load_text
from marginalia.editorial import load_editorial_notes
from marginalia.glossary.entries import load_glossary
from marginalia.model import Diagnostic
from marginalia.textmeta import load_text_meta

FIELDS = [
    "title",
    "authors",
    "editors",
    "year",
    "type",
    "license",
    "bibkey",
    "short_title",
    "container",
    "pages",
    "quote",
    "prefix",
    "suffix",
    "note",
    "id",
    "kind",
    "name",
    "variants",
    "description",
    "dates",
    "original",
    "phrases",
    "phrase",
    "entry",
    "why",
    "cited",
    "key",
    "sic",
    "not_in_glossary",
    "ambiguous",
    "date",
    "doi",
]
scalar = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20), st.dates()
)
value = st.recursive(
    scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)), inner, max_size=5),
    ),
    max_leaves=12,
)
document = st.one_of(value, st.lists(st.dictionaries(st.sampled_from(FIELDS), value, max_size=6), max_size=4))
written = st.one_of(
    document.map(lambda data: yaml.safe_dump(data, allow_unicode=True)),
    st.binary(max_size=60).map(lambda raw: raw.decode("latin-1")),
    st.sampled_from(["{", "- [", "key: value: other", "\t- x", "? x\n: y", "&a [*a]", "!!python/object:os.system x"]),
)


def named_diagnostics(path: Path, problems: list[Diagnostic]) -> None:
    assert all(str(path.name) in d.path or path.parent.name in d.path for d in problems), problems


def run(name: str, text: str, load: Callable[[Path], list[Diagnostic]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        named_diagnostics(path, load(path))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=written)
def test_text_yml(text: str) -> None:
    run("text.yml", text, lambda path: load_text_meta(path, "a-text")[1])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=written)
def test_editorial_yml(text: str) -> None:
    run("editorial.yml", text, lambda path: load_editorial_notes(path)[1])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=written, rules=st.booleans())
def test_glossary_files(text: str, rules: bool) -> None:
    run("rules.yml" if rules else "people.yml", text, lambda path: load_glossary(path.parent, []).diagnostics)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=written)
def test_aliases_yml(text: str) -> None:
    run("aliases.yml", text, lambda path: load_aliases(path, {"wendt1992", "chen2010"})[1])


BIB_PIECES = [
    "@book{",
    "@article{",
    "@string{",
    "@comment{",
    "@preamble{",
    "}",
    "{",
    ",",
    "=",
    '"',
    "#",
    "%",
    "\\",
    "\\emph{",
    "author",
    "editor",
    "title",
    "year",
    "and",
    "others",
    "{{",
    "}}",
    "\n",
    "2001",
    "2001a",
    "Lüthi",
    'L{\\"u}thi',
    "key1",
    "key2",
    " ",
    "@",
    "~",
    "$",
    "^",
]
bib_text = st.lists(st.one_of(st.sampled_from(BIB_PIECES), st.text(max_size=5)), max_size=40).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=bib_text)
def test_bib_files(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "refs.bib"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        bibliography = load_bibliography(Path(folder))
        named_diagnostics(path, bibliography.diagnostics)
        for entry in bibliography.entries.values():
            assert entry.key and isinstance(entry.creators, tuple)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    source=st.one_of(st.binary(max_size=200), bib_text.map(lambda text: text.encode("utf-8", "surrogatepass"))),
    meta=written,
)
def test_a_text_folder_of_any_bytes_loads_or_says_why(source: bytes, meta: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        text_folder = Path(folder) / "a-text"
        text_folder.mkdir()
        (text_folder / "source.md").write_bytes(source)
        (text_folder / "text.yml").write_text(meta, encoding="utf-8", errors="surrogatepass")
        text, problems = load_text(text_folder)
        assert all("a-text" in d.path for d in problems), problems
        assert text is not None or problems
