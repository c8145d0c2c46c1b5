"""`python -m marginalia build` (what `make build` and CI run): a failed or killed build leaves `site/` as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitebuild import copy_root

pytestmark = pytest.mark.site
ROOTS = Path(__file__).resolve().parent / "roots"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _start(root: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "marginalia", "build", "--site-dir", "site"]
    return subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )


def test_a_failed_strict_build_leaves_the_site_as_it_was(tmp_path: Path) -> None:
    root = copy_root(ROOTS / "third-text", tmp_path / "root")  # it cites a missing work: strict fails
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the previous site")
    build = _start(root)
    output = build.communicate(timeout=300)[0].decode()
    assert build.returncode != 0
    assert "site is unchanged" in output
    assert _snapshot(root / "site") == {"index.html": b"the previous site"}
    assert sorted(p.name for p in root.iterdir() if p.name.startswith("site")) == ["site"]


def test_a_killed_build_leaves_the_site_as_it_was(tmp_path: Path) -> None:
    root = copy_root(ROOTS / "hostile-input", tmp_path / "root")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the previous site")
    build = _start(root)
    deadline = time.monotonic() + 120
    while not (root / "site.partial").exists() and time.monotonic() < deadline:  # killed while writing
        time.sleep(0.005)
    os.killpg(build.pid, signal.SIGKILL)
    build.communicate(timeout=60)
    assert build.returncode == -signal.SIGKILL
    assert _snapshot(root / "site") == {"index.html": b"the previous site"}
