"""Loading the glossary: schema errors, duplicates, claims and rules, each with file and line."""

from __future__ import annotations

from pathlib import Path

from marginalia.glossary.entries import load_glossary

ROOT = Path(__file__).resolve().parents[2]


def messages(folder: Path, abbreviations: list[tuple[str, str]] | None = None) -> list[str]:
    glossary = load_glossary(folder, abbreviations or [])
    return [str(d).removeprefix(str(folder) + "/") for d in glossary.diagnostics]


def test_problems_name_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text(
        "- id: one\n  kind: person\n  name: One\n  description: D.\n  related: [ghost]\n"
        "- id: one\n  kind: person\n  name: Uno\n  description: D.\n"
        "- id: two\n  kind: persn\n  name: Two\n  description: D.\n"
        "- id: three\n  kind: person\n  name: Three\n  variants: [One]\n  description: D.\n"
        "- id: four\n  kind: event\n  name: Four\n  description: D.\n  dates: {start: 'spring 1958'}\n"
        "- id: five\n  kind: person\n  name: Five\n  variants: [Chen]\n  description: D.\n  colour: red\n"
        "- id: six\n  kind: person\n  name: Six\n  variants: [Chen]\n  description: D.\n",
        encoding="utf-8",
    )
    (tmp_path / "rules.yml").write_text(
        "phrases:\n  - {phrase: X, entry: nobody, why: W.}\nambiguous:\n  - {name: Chen, why: W.}\n"
    )
    assert messages(tmp_path) == [
        "a.yml:6: duplicate id 'one' (first at a.yml:1): rename one",
        "a.yml:11: glossary entry: kind: Input should be 'person', 'event', 'organization', 'place' or 'term'",
        "a.yml:23: glossary entry: dates.start: write a date as YYYY, YYYY-MM, YYYY-MM-DD or a decade (1960s)",
        "a.yml:29: glossary entry: colour: Extra inputs are not permitted",
        "rules.yml:2: phrase rule names unknown entry 'nobody'",
        "a.yml:1: entry 'one' names unknown related entry 'ghost': correct the id or remove it from related",
        "a.yml:14: 'One' is claimed by 'one' (a.yml:1) and 'three': keep it on one, or add a phrase rule to rules.yml",
        "a.yml:30: entry 'six' uses the ambiguous name 'Chen' (see rules.yml): use a fuller form",
    ]


def test_abbreviations_become_terms_unless_an_entry_claims_them(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text(
        "- {id: ccp, kind: organization, name: Chinese Communist Party, abbreviations: [CCP], description: D.}\n"
    )
    glossary = load_glossary(
        tmp_path, [("CCP", "Chinese Communist Party"), ("<i>FRUS</i>", "*Foreign Relations of the United States*")]
    )
    assert glossary.entries["ccp"].abbreviations == {"CCP": "Chinese Communist Party"}
    assert glossary.entries["abbr-frus"].name == "FRUS"
    assert glossary.abbreviations() == {
        "CCP": "Chinese Communist Party",
        "FRUS": "Foreign Relations of the United States",
    }


def test_real_glossary_loads_cleanly() -> None:
    assert messages(ROOT / "glossary") == []
