"""Publish a build only when it succeeds: the site is built beside `site/` and swapped in.

MkDocs writes its output in place, so a build that fails (a strict build
with a warning) or is killed would leave `site/` half old, half new. Here
MkDocs writes into `<site>.partial/` instead; only when it exits with
status 0 is the old folder renamed away, the new one renamed into place, and
the old one removed. A failed or killed build leaves the previous `site/`
as it was (and a `<site>.partial/` that the next build removes first).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path


def mkdocs_build(*args: str) -> Callable[[Path], int]:
    """A builder that runs `mkdocs build` with `args` into the folder it is given, returning its exit status."""
    return lambda folder: (
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", *args, "--site-dir", str(folder)], check=False
        ).returncode
    )


def build_and_swap(site: Path, build: Callable[[Path], int]) -> int:
    """Build into a fresh folder beside `site` and put it in place if the build succeeds.

    Args:
        site: The published site folder (it need not exist yet).
        build: Writes a site into the folder it is given and returns an exit status, see `mkdocs_build`.

    Returns:
        The build's exit status; `site` is changed only when it is 0.
    """
    site = site.resolve()
    partial, previous = site.with_name(f"{site.name}.partial"), site.with_name(f"{site.name}.previous")
    for leftover in (partial, previous):
        shutil.rmtree(leftover, ignore_errors=True)
    status = build(partial)
    if status != 0:
        shutil.rmtree(partial, ignore_errors=True)
        print(f"build failed (status {status}): {site} is unchanged", file=sys.stderr)
        return status
    if site.exists():
        site.rename(previous)
    partial.rename(site)
    shutil.rmtree(previous, ignore_errors=True)
    return 0
