"""The `bib-draft` command: drafts of the article's reference list against the curated `bib/`."""

from __future__ import annotations

import pytest

from helpers import READER
from marginalia.__main__ import main
from marginalia.bibliography.draft import compare, draft_entry
from marginalia.bibliography.entries import load_bibliography
from marginalia.corpus import load_text
from marginalia.model import Reference

# Where the curated entry knows more than the printed list, on purpose.
CURATED_BEYOND_THE_LIST = {
    "heinzig2015soviet": ["title"],  # the list prints the subtitle twice
    "luthi2008sino": ["author"],  # full given name, printed in the Shen 2020 front matter
    "radchenko2014unwanted": ["author"],  # likewise
    "shen2015mao": ["address"],  # "Lanham, MD", as the Shen 2020 preface prints it
    "wendt1992anarchy": ["author"],  # "Alexander Wendt", as the article's text names him
}


def test_drafts_match_the_curated_entries_except_where_curation_added_knowledge() -> None:
    text, _ = load_text(READER / "texts/radchenko-2020")
    assert text is not None
    references = [b.text for s in text.document.sections for b in s.blocks if isinstance(b, Reference)]
    entries = load_bibliography(READER / "bib").entries
    differing = {}
    for reference in references:
        drafted = draft_entry(reference)
        assert drafted.key in entries, reference
        differences = compare(drafted, entries[drafted.key])
        if differences:
            differing[drafted.key] = [d.split(":")[0] for d in differences]
    assert differing == CURATED_BEYOND_THE_LIST
    assert len(references) - len(differing) == 10


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        pytest.param(
            "Wendt, A. 1992. Anarchy is what states make of it. *International Organization* 46 (2): 391–425.",
            "@article{wendt1992anarchy,\n  author       = {Wendt, A.},\n  year         = {1992},\n"
            "  title        = {Anarchy is what states make of it},\n  journaltitle = {International Organization},\n"
            "  volume       = {46},\n  number       = {2},\n  pages        = {391--425},\n}\n",
            id="article",
        ),
        pytest.param(
            "Doe, J, and Jian Chen. 2006. A chapter. In *A Book*. ed. Priscilla Roberts, 1–20. Washington D.C.: Press.",
            "@incollection{doe2006chapter,\n  author    = {Doe, J and Chen, Jian},\n  year      = {2006},\n"
            "  title     = {A chapter},\n  booktitle = {A Book},\n  editor    = {Roberts, Priscilla},\n"
            "  pages     = {1--20},\n  address   = {Washington D.C.},\n  publisher = {Press},\n}\n",
            id="chapter",
        ),
        pytest.param(
            "Roe, R., et al. (eds.). 2005. *Papers (文稿)*, vol. 5, trans. Sergey Radchenko. Moscow: Press.",
            "@collection{roe2005papers,\n  editor     = {Roe, R. and others},\n  year       = {2005},\n"
            "  title      = {Papers},\n  origtitle  = {文稿},\n  volume     = {5},\n"
            "  translator = {Radchenko, Sergey},\n  address    = {Moscow},\n  publisher  = {Press},\n}\n",
            id="edited_book_translated_original_script",
        ),
        pytest.param(
            "Something else entirely",
            "@misc{unrecognised,\n  note = {Something else entirely},\n}\n",
            id="unrecognised",
        ),
    ],
)
def test_draft_layouts(printed: str, expected: str) -> None:
    assert draft_entry(printed).to_bibtex() == expected


def test_command_prints_drafts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bib-draft", str(READER / "texts/radchenko-2020")]) == 0
    output = capsys.readouterr().out
    assert output.count("\n@") + output.startswith("@") == 15
    assert "@book{chen2010maos," in output


def test_command_compares(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bib-draft", str(READER / "texts/radchenko-2020"), "--compare", str(READER / "bib")]) == 0
    assert capsys.readouterr().out.endswith("10 of 15 references drafted completely and correctly\n")


def test_command_on_a_text_without_reference_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bib-draft", str(READER / "texts/shen-2020-front-matter")]) == 1
    assert "no reference list" in capsys.readouterr().err
