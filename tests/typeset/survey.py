"""Survey: typeset many generated documents and tally what comes back different, by kind, with examples.

Not a test: a report for whoever writes ingest rules. Run from `tests/`:

    ../.venv/bin/python -m typeset.survey 50 [first-seed]

Documents are drawn with seeded choices (`typeset.strategies.seeded_case`,
the kinds in turn), so a seed names a document for good. Each one's files go to
`tests/artifacts/typeset-survey/<seed>-<kind>/`; the report (Markdown) is printed
and written beside them as `report.md`.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter, defaultdict

from typeset import document as document_yaml
from typeset import layout as layout_yaml
from typeset.compare import Difference
from typeset.corpus import ROOT
from typeset.extract import extractions, page_count
from typeset.roundtrip import SHAPES, check
from typeset.strategies import KINDS, seeded_case
from typeset.typst_writer import typeset

OUT = ROOT / "tests" / "artifacts" / "typeset-survey"


def excerpt(source: str, difference: Difference, lines: int = 3) -> str:
    """The extraction's lines around where the difference's text stands in it."""
    probes = [t for t in [*difference.actual, *difference.expected] if t]
    source_lines = source.split("\n")
    for probe in probes:
        for words in (probe.split()[:6], probe.split()[-6:]):
            needle = re.escape(" ".join(words)).replace(r"\ ", r"\s+")
            found = re.search(needle, source)
            if found:
                at = source[: found.start()].count("\n")
                chunk = source_lines[max(0, at - lines) : at + lines + 1]
                return "\n".join(line if len(line) < 220 else line[:217] + "…" for line in chunk)
    return ""


def main(count: int, first: int = 0) -> str:
    """Run `count` documents from seed `first` on; return the report."""
    seen: dict[str, Counter[str]] = {shape: Counter() for shape in SHAPES}
    losses: dict[str, Counter[str]] = {shape: Counter() for shape in SHAPES}
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    failed: Counter[str] = Counter()
    started = time.monotonic()
    for seed in range(first, first + count):
        kind = KINDS[seed % len(KINDS)]
        case = seeded_case(seed, kind)
        markup, pdf = typeset(case.document, case.layout)
        folder = OUT / f"{seed}-{kind}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "document.yml").write_text(document_yaml.dump(case.document), encoding="utf-8")
        (folder / "layout.yml").write_text(layout_yaml.dump(case.layout), encoding="utf-8")
        (folder / "document.typ").write_text(markup, encoding="utf-8")
        (folder / "document.pdf").write_bytes(pdf)
        pages = page_count(pdf)
        for shape, source in extractions(pdf).items():
            (folder / shape).write_text(source, encoding="utf-8")
            outcome = check(case.document, case.layout, shape, source, folder.name, pages)
            (folder / f"{shape}.report.txt").write_text(outcome.report(), encoding="utf-8")
            failed[shape] += bool(outcome.failures)
            for kind_seen in {d.kind for d in outcome.failures}:
                seen[shape][kind_seen] += 1
            for loss in outcome.losses:
                losses[shape][loss.kind] += 1
            for difference in outcome.failures:
                bucket = examples[shape, difference.kind]
                if len(bucket) < 3 and not any(f"{folder.name}:" in e for e in bucket):
                    bucket.append(f"{folder.name}: {difference}\n" + excerpt(source, difference))
    elapsed = time.monotonic() - started
    out = [f"# Typeset survey: {count} documents (seeds {first}–{first + count - 1}), {elapsed:.0f} s", ""]
    for shape in SHAPES:
        out += [f"## {shape}: {failed[shape]} of {count} with differences", ""]
        out += ["Documents showing each kind of difference:", ""]
        out += [f"- {kind}: {n}" for kind, n in seen[shape].most_common()]
        out += ["", "Known extraction losses (occurrences):", ""]
        out += [f"- {kind}: {n}" for kind, n in losses[shape].most_common()] or ["- none"]
        out.append("")
        for kind, _ in seen[shape].most_common():
            out += [f"### {shape} — {kind}", ""]
            for example in examples[shape, kind]:
                out += ["```", example, "```", ""]
    report = "\n".join(out)
    (OUT / "report.md").write_text(report, encoding="utf-8")
    return report


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:]]
    print(main(*arguments) if arguments else main(50))
