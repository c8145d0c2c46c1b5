"""The search index made while MkDocs writes the pages is the one Pagefind makes of the finished site, byte for byte."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest

from marginalia.search import OUTPUT_SUBDIR, index_site
from sitebuild import build_site, copy_root

ROOTS = Path(__file__).resolve().parent / "roots"
EARLY = "search: the pages were indexed while they were written"


def _files(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


@pytest.mark.parametrize("untitled", [False, True], ids=["indexed-early", "a-page-material-titles"])
def test_index_made_while_writing_equals_index_of_the_finished_site(tmp_path: Path, untitled: bool) -> None:
    root = copy_root(ROOTS / "formats", tmp_path / "root")
    if untitled:  # Material gives a page with no <h1> one of its own: its article is not what was indexed
        (root / "docs" / "untitled.md").write_text("Words on the alliance, under no heading.\n", encoding="utf-8")
    result = build_site(root, tmp_path / "site", strict=True)
    assert result.returncode == 0, result.output
    assert (EARLY in result.output) is not untitled

    again = tmp_path / "again"
    shutil.copytree(result.site, again, ignore=shutil.ignore_patterns(f"{OUTPUT_SUBDIR}*"))
    index_site(again)
    made, remade = result.site / OUTPUT_SUBDIR, again / OUTPUT_SUBDIR
    assert _files(made) == _files(remade)
    _, differ, errors = filecmp.cmpfiles(made, remade, _files(made), shallow=False)
    assert (differ, errors) == ([], [])
