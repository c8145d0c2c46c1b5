"""A failed or killed build leaves the published site exactly as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from marginalia.publish import build_and_swap


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    (folder / "texts").mkdir(parents=True)
    (folder / "index.html").write_text("old home")
    (folder / "texts" / "a.html").write_text("old text")
    return folder


def _writes(status: int) -> Callable[[Path], int]:
    def build(folder: Path) -> int:
        folder.mkdir()
        (folder / "index.html").write_text("new home")
        return status

    return build


def test_a_successful_build_replaces_the_site(site: Path) -> None:
    assert build_and_swap(site, _writes(0)) == 0
    assert _snapshot(site) == {"index.html": b"new home"}
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


def test_a_failed_build_leaves_the_site_as_it_was(site: Path) -> None:
    before = _snapshot(site)
    assert build_and_swap(site, _writes(1)) == 1
    assert _snapshot(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


def test_a_killed_build_leaves_the_site_as_it_was_and_the_next_build_cleans_up(site: Path) -> None:
    before = _snapshot(site)

    def killed(folder: Path) -> int:
        folder.mkdir()
        (folder / "index.html").write_text("half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_and_swap(site, killed)
    assert _snapshot(site) == before
    assert build_and_swap(site, _writes(0)) == 0
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


def test_a_first_build_creates_the_site(tmp_path: Path) -> None:
    assert build_and_swap(tmp_path / "site", _writes(0)) == 0
    assert _snapshot(tmp_path / "site") == {"index.html": b"new home"}
