"""Bad input, one small folder per case: exactly one clear message naming the file, the line and what to do.

Each case under `fixtures/bad-input/<case>/` holds some of `texts/`, `bib/`
and `glossary/`, and `expected.txt`, the build's messages one per line
(`pytest --update` rewrites them). A further test builds a real site with bad
input: the strict build fails with the message and no traceback, and the
non-strict build makes everything else.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from marginalia.site import SiteBuild
from sitebuild import build_site, copy_root

CASES = Path(__file__).resolve().parent / "fixtures" / "bad-input"
ROOTS = Path(__file__).resolve().parent / "roots"
FOLDERS = ("texts", "bib", "glossary")


def _load(root: Path) -> SiteBuild:
    for folder in FOLDERS:
        (root / folder).mkdir(exist_ok=True)
    return SiteBuild.load(root / "texts", root / "bib", root / "glossary")


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_bad_input_gives_its_message(case: str, tmp_path: Path, update: bool) -> None:
    root = tmp_path / case
    shutil.copytree(CASES / case, root)
    messages = [str(d) for d in _load(root).diagnostics]
    expected = CASES / case / "expected.txt"
    if update:
        expected.write_text("".join(f"{m}\n" for m in messages), encoding="utf-8")
    assert messages == expected.read_text(encoding="utf-8").splitlines()


def _with_bom_and_crlf(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in {".md", ".yml", ".bib"}:
            path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))


def test_bom_and_crlf_give_the_same_site(tmp_path: Path) -> None:
    plain, windows = tmp_path / "plain", tmp_path / "windows"
    shutil.copytree(ROOTS / "third-text", plain)
    shutil.copytree(ROOTS / "third-text", windows)
    _with_bom_and_crlf(windows)
    expected, got = _load(plain), _load(windows)
    assert [str(d) for d in got.diagnostics] == [str(d) for d in expected.diagnostics]
    assert got.pages == expected.pages
    assert got.files == expected.files


def test_bad_input_fails_a_strict_build_and_the_rest_still_builds(tmp_path: Path) -> None:
    root = copy_root(ROOTS / "third-text", tmp_path / "root")
    source = root / "texts" / "reader-2026-border" / "source.md"
    source.write_bytes(source.read_bytes().replace(b"Rivers move,", b"Rivers\x00 move,", 1))
    (root / "bib" / "latin1.bib").write_bytes(b"@book{roe2001,\n  author = {Ro\xe9, Ann},\n  year = {2001},\n}\n")
    expected = [
        "bib/latin1.bib:2: bytes that are not UTF-8 at column 15 (b'\\xe9'): save the file as UTF-8",
        "texts/reader-2026-border/source.md:18: control character U+0000 at column 7: remove it",
    ]
    strict = build_site(root, tmp_path / "strict", strict=True)
    assert strict.returncode != 0
    assert "Traceback" not in strict.output
    assert set(expected) <= set(strict.warnings)
    relaxed = build_site(root, tmp_path / "site", strict=False)
    assert relaxed.returncode == 0, relaxed.output
    assert "Traceback" not in relaxed.output
    page = (relaxed.site / "texts" / "reader-2026-border" / "index.html").read_text(encoding="utf-8")
    assert "Rivers move, and a border" in page
