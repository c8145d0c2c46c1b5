"""Round trips through a real typesetter and real PDF extractors: a clean document in, the same document back.

A clean document (`typeset.document`) is set by Typst in a page layout (and,
where it is all Latin script, by pdfLaTeX too: `typeset.latex_writer`, so that
no rule leans on one typesetter's habits), its PDF extracted to Markdown twice (pymupdf4llm's shape, and the shape of the
project's shipped texts from PyMuPDF's character data: `typeset.extract`),
each extraction ingested and compared with the document that went in
(`typeset.compare`). Every difference fails, listed by kind, except a known
extraction loss that the extraction itself proves (`typeset.losses`); those
are counted and shown in the terminal summary.

- The golden cases (`typeset.cases`, `tests/fixtures/typeset/`) ingest stored
  extractions: no typesetting, no extraction. `pytest --update` writes them again.
  A third extraction, pdfminer's plain text (another library, no Markdown at all),
  is checked on them too, its known gaps listed with their reasons (`PLAIN_TEXT_GAPS`).
- The property test (`-m typeset`) typesets documents Hypothesis draws:
  `TYPESET_EXAMPLES` of them (40 by default, about a minute; `make typeset` runs 300),
  without shrinking unless `TYPESET_SHRINK=1`; LaTeX sets half as many more, in Latin
  script. A failing example is saved in `tests/artifacts/typeset/<digest>/` with its
  PDF and extractions.
- The corpus test (`-m typeset`) typesets each of the project's own texts
  (`typeset.corpus`) in a layout of its own, with Typst and, those in Latin
  script, with LaTeX; the broken-text root's texts,
  which ingest warns about by design, are left out (`typeset.corpus.text_folders`).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from typeset import cases as golden
from typeset import document as document_yaml
from typeset import layout as layout_yaml
from typeset.corpus import clean_text, folder_id, text_folders
from typeset.extract import page_count
from typeset.latex_writer import can_typeset, has_latex
from typeset.layout import Layout
from typeset.roundtrip import SHAPES, Outcome, check
from typeset.strategies import GeneratedCase, RandomChooser, generate_layout, typeset_cases
from typeset.typst_writer import has_cjk_font

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts" / "typeset"
EXAMPLES = int(os.environ.get("TYPESET_EXAMPLES", "40"))
SHRINK = os.environ.get("TYPESET_SHRINK", "") == "1"
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass
class Tally:
    """What the round trips found, for the terminal summary: known losses and failures by kind."""

    losses: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    failures: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    runs: Counter[tuple[str, str]] = field(default_factory=Counter)
    failed_runs: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, group: str, outcome: Outcome) -> None:
        self.runs[group, outcome.shape] += 1
        self.failed_runs[group, outcome.shape] += bool(outcome.failures)
        for loss in outcome.losses:
            self.losses[group, outcome.shape, loss.kind] += 1
        for difference in outcome.failures:
            self.failures[group, outcome.shape, difference.kind] += 1

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not self.runs:
            return
        write = terminalreporter.write_line
        terminalreporter.section("typeset round trips")
        for (group, shape), runs in sorted(self.runs.items()):
            write(f"{group} / {shape}: {runs} round trip(s), {self.failed_runs[group, shape]} with differences")
            losses = sorted((kind, n) for (g, s, kind), n in self.losses.items() if (g, s) == (group, shape))
            if losses:
                write("  known extraction losses: " + ", ".join(f"{kind} {n}" for kind, n in losses))
            failures = sorted((kind, n) for (g, s, kind), n in self.failures.items() if (g, s) == (group, shape))
            if failures:
                write("  differences: " + ", ".join(f"{kind} {n}" for kind, n in failures))


@pytest.fixture(scope="session")
def tally(pytestconfig: pytest.Config) -> Iterator[Tally]:
    found = Tally()
    pytestconfig.pluginmanager.register(found, "typeset-tally")
    yield found


# Golden cases ---------------------------------------------------------------------------------------------------

_written: set[str] = set()


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("case", golden.CASES, ids=[c.name for c in golden.CASES])
def test_golden_case(case: golden.Case, shape: str, update: bool, tally: Tally) -> None:
    """The stored extraction of a golden case ingests back to its clean document."""
    if update and case.name not in _written:
        golden.write_case(case)
        _written.add(case.name)
    stored = golden.load_case(case)
    outcome = check(stored.document, stored.layout, shape, stored.extractions[shape], case.name, stored.pages)
    tally.add("golden", outcome)
    if outcome.failures:
        pytest.fail(f"{case.name} ({case.description})\n{outcome.report()}", pytrace=False)


PLAIN_TEXT_GAPS = {
    "record-1959-conversation-dashes": "pdfminer prints the title's words out of their order ('of / Conversation / Record')",
    "shen-2020-front-matter-book": "the series page, title page and imprint of a book are read as one front",
}
"""Golden cases whose plain-text extraction (pdfminer) does not come back whole yet, and why: the plain-text
shape has no headings, emphasis, quotation marks or block boundaries but blank lines. A case that comes back
whole must leave this list; any other must come back whole."""


@pytest.mark.parametrize("case", golden.CASES, ids=[c.name for c in golden.CASES])
def test_golden_case_from_plain_text(case: golden.Case, tally: Tally) -> None:
    """The plain-text extraction of a golden case ingests back to its document, but for the gaps listed."""
    stored = golden.load_case(case)
    outcome = check(stored.document, stored.layout, golden.PLAIN_TEXT, stored.extractions[golden.PLAIN_TEXT], case.name)
    tally.add("golden", outcome)
    if case.name in PLAIN_TEXT_GAPS:
        if not outcome.failures:
            pytest.fail(
                f"{case.name} now comes back whole from plain text: take it out of PLAIN_TEXT_GAPS", pytrace=False
            )
    elif outcome.failures:
        pytest.fail(f"{case.name} ({case.description})\n{outcome.report()}", pytrace=False)


@pytest.mark.parametrize("case", golden.CASES, ids=[c.name for c in golden.CASES])
def test_golden_case_is_current(case: golden.Case, update: bool) -> None:
    """The stored files are what the case's builder and the Typst writer make now (else: pytest --update)."""
    if update and case.name not in _written:
        golden.write_case(case)
        _written.add(case.name)
    stored = golden.load_case(case)
    doc, layout = case.build()
    problems = []
    if document_yaml.dump(doc) != document_yaml.dump(stored.document):
        problems.append("document.yml (the clean document: for a project text, ingest now reads its source otherwise)")
    if layout != stored.layout:
        problems.append("layout.yml")
    if case.write_source(stored.document, stored.layout) != stored.markup:
        problems.append(f"{case.source_name} (the {case.typesetter} writer changed)")
    if problems:
        pytest.fail(f"{case.name}: stale {', '.join(problems)}: run pytest --update and review the diff", pytrace=False)


# Generated documents -------------------------------------------------------------------------------------------

PHASES = [Phase.explicit, Phase.reuse, Phase.generate, *([Phase.shrink] if SHRINK else [])]


TYPESETTERS = {"typst": "document.typ", "latex": "document.tex"}
"""The typesetters, by the name of the source file each writes."""


def _save(case: GeneratedCase, typesetter: str, markup: str, pdf: bytes, sources: dict[str, str]) -> Path:
    """Keep a failing example where it can be read: its clean document, layout, source, PDF and extractions."""
    data = document_yaml.dump(case.document) + layout_yaml.dump(case.layout) + typesetter
    folder = ARTIFACTS / hashlib.sha256(data.encode()).hexdigest()[:12]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "document.yml").write_text(document_yaml.dump(case.document), encoding="utf-8")
    (folder / "layout.yml").write_text(layout_yaml.dump(case.layout), encoding="utf-8")
    (folder / TYPESETTERS[typesetter]).write_text(markup, encoding="utf-8")
    (folder / "document.pdf").write_bytes(pdf)
    for name, text in sources.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _round_trip(group: str, case: GeneratedCase, tally: Tally, slug: str, typesetter: str = "typst") -> None:
    from typeset import latex_writer, typst_writer  # noqa: PLC0415 - only where a test typesets
    from typeset.extract import extractions  # noqa: PLC0415 - pymupdf4llm: only where a test extracts

    writer = latex_writer if typesetter == "latex" else typst_writer
    markup, pdf = writer.typeset(case.document, case.layout)
    sources = extractions(pdf)
    pages = page_count(pdf)
    outcomes = [check(case.document, case.layout, shape, source, slug, pages) for shape, source in sources.items()]
    for outcome in outcomes:
        tally.add(group, outcome)
    failed = [o for o in outcomes if o.failures]
    if failed:
        folder = _save(case, typesetter, markup, pdf, sources)
        reports = "\n".join(o.report() for o in failed)
        pytest.fail(f"{slug} ({case.kind}), saved in {folder.relative_to(ROOT)}:\n{reports}", pytrace=False)


@pytest.mark.typeset
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    phases=PHASES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
@given(case=typeset_cases())
def test_generated_document_round_trip(case: GeneratedCase, tally: Tally) -> None:
    """A generated document, typeset in a layout that suits its kind, ingests back to itself from both shapes."""
    _round_trip("generated", case, tally, slug=f"generated-{case.kind}")


def _require_latex() -> None:
    if not has_latex():
        if os.environ.get("CI"):
            pytest.fail("no pdflatex in CI: .ci/run must install texlive-latex-base and lmodern")
        pytest.skip("pdfLaTeX is not installed (Debian: texlive-latex-base, lmodern)")


@pytest.mark.typeset
@settings(
    max_examples=max(EXAMPLES // 2, 1),
    deadline=None,
    phases=PHASES,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.filter_too_much,
    ],
)
@given(case=typeset_cases(chinese=False).filter(lambda case: can_typeset(case.document)))
def test_generated_document_round_trip_latex(case: GeneratedCase, tally: Tally) -> None:
    """A generated document in Latin script, set by pdfLaTeX instead, ingests back to itself from both shapes."""
    _require_latex()
    _round_trip("generated-latex", case, tally, slug=f"generated-{case.kind}", typesetter="latex")


# The project's own texts ---------------------------------------------------------------------------------------

FOLDERS = text_folders()


def corpus_layout(folder: Path) -> Layout:
    """The layout a text of the project is typeset in here: drawn once, from a seed its name gives."""
    seed = int(hashlib.sha256(folder.name.encode()).hexdigest()[:8], 16)
    return generate_layout(RandomChooser(seed), "chapter" if seed % 2 else "article")


@pytest.mark.typeset
@pytest.mark.parametrize("folder", FOLDERS, ids=[folder_id(f) for f in FOLDERS])
def test_corpus_text_round_trip(folder: Path, tally: Tally) -> None:
    """One of the project's own texts, in the clean shape its source ingests to, ingests back to itself."""
    document = clean_text(folder)
    if not has_cjk_font() and CJK.search(document_yaml.dump(document)):
        if os.environ.get("CI"):
            pytest.fail("no CJK font in CI: .ci/run must install fonts-droid-fallback")
        pytest.skip("the text holds Chinese and no CJK font is installed (Debian: fonts-droid-fallback)")
    case = GeneratedCase("chapter", document, corpus_layout(folder))
    _round_trip("corpus", case, tally, slug=folder_id(folder))


LATIN_FOLDERS = [folder for folder in FOLDERS if can_typeset(clean_text(folder))]
"""The project's texts that pdfLaTeX can set here (all Latin script)."""


@pytest.mark.typeset
@pytest.mark.parametrize("folder", LATIN_FOLDERS, ids=[folder_id(f) for f in LATIN_FOLDERS])
def test_corpus_text_round_trip_latex(folder: Path, tally: Tally) -> None:
    """One of the project's own texts in Latin script, set by pdfLaTeX in its layout, ingests back to itself."""
    _require_latex()
    case = GeneratedCase("chapter", clean_text(folder), corpus_layout(folder))
    _round_trip("corpus-latex", case, tally, slug=folder_id(folder), typesetter="latex")
