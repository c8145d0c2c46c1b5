"""Command line: `bib-draft`, `glossary-report` and `ingest-report` for editors, `build` for make and CI.

Run `python -m marginalia --help`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from marginalia.bibliography.draft import compare, draft_entry
from marginalia.bibliography.entries import load_bibliography
from marginalia.corpus import load_text
from marginalia.curation import curator_report
from marginalia.ingest.report import ingest_report
from marginalia.model import Reference
from marginalia.publish import build_and_swap, mkdocs_build
from marginalia.site import SiteBuild


def main(argv: list[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: Arguments, without the program name; `sys.argv[1:]` when None.

    Returns:
        The exit status.
    """
    parser = argparse.ArgumentParser(prog="python -m marginalia", description="Tools for the editors of the reader.")
    commands = parser.add_subparsers(dest="command", required=True)
    draft = commands.add_parser(
        "bib-draft", help="draft BibTeX from a text's reference list, to review and save into bib/"
    )
    draft.add_argument("text", type=Path, help="the text's folder, e.g. texts/radchenko-2020")
    draft.add_argument(
        "--compare", type=Path, metavar="BIB_DIR", help="report how each draft differs from the curated entries"
    )
    report = commands.add_parser(
        "glossary-report",
        help="list names no glossary entry covers, unused entries, rule decisions and texts lacking citation details",
    )
    report.add_argument("--root", type=Path, default=Path(), help="the project folder (with texts/, bib/, glossary/)")
    ingest = commands.add_parser(
        "ingest-report", help="show what ingest made of a text: metadata, sections, notes, joins, warnings"
    )
    ingest.add_argument("text", type=Path, help="the text's folder, e.g. texts/radchenko-2020")
    build = commands.add_parser(
        "build", help="build the site strictly into a fresh folder and swap it in only when the build succeeds"
    )
    build.add_argument("--site-dir", type=Path, default=Path("site"), help="the published folder (default: site)")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build_and_swap(args.site_dir, mkdocs_build("--strict"))
    if args.command == "glossary-report":
        return _glossary_report(args.root)
    if args.command == "ingest-report":
        return _ingest_report(args.text)
    return _bib_draft(args.text, args.compare)


def _bib_draft(folder: Path, bib_dir: Path | None) -> int:
    text, problems = load_text(folder)
    for problem in problems:
        print(problem, file=sys.stderr)
    if text is None:
        return 1
    references = [
        b.text for s in text.document.sections if s.kind == "references" for b in s.blocks if isinstance(b, Reference)
    ]
    if not references:
        print(f"{folder}: no reference list (a section headed 'Reference(s)' with '- ' items)", file=sys.stderr)
        return 1
    drafts = [draft_entry(reference) for reference in references]
    if bib_dir is None:
        print("\n".join(d.to_bibtex() for d in drafts), end="")
        return 0
    entries = load_bibliography(bib_dir).entries
    correct = 0
    for reference, drafted in zip(references, drafts, strict=True):
        curated = entries.get(drafted.key)
        differences = compare(drafted, curated) if curated else [f"no curated entry with key {drafted.key}"]
        correct += not differences
        print(f"{'ok  ' if not differences else 'DIFF'} {drafted.key}: {reference[:70]}")
        for difference in differences:
            print(f"       {difference}")
    print(f"{correct} of {len(drafts)} references drafted completely and correctly")
    return 0


def _ingest_report(folder: Path) -> int:
    text, problems = load_text(folder)
    for problem in problems:
        if text is None or not problem.path.endswith("source.md"):
            print(problem, file=sys.stderr)
    if text is None:
        return 1
    print(ingest_report(text.document), end="")
    return 0


def _glossary_report(root: Path) -> int:
    build = SiteBuild.load(root / "texts", root / "bib", root / "glossary")
    for problem in build.diagnostics:
        print(problem, file=sys.stderr)
    print(curator_report(build.glossary, build.texts, build.bibliography.entries, build.uncovered).render(), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
