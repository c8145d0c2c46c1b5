"""Build a test site with the real `mkdocs` command and collect its warnings."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

WARNING = re.compile(r"^WARNING\s+-\s+(.*)$")


@dataclass
class SiteResult:
    returncode: int
    warnings: list[str]
    output: str
    site: Path


def build_site(root: Path, site: Path, *, strict: bool) -> SiteResult:
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site), "--clean"]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    run = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env, check=False)
    output = run.stdout + run.stderr
    warnings = [m.group(1) for line in output.splitlines() if (m := WARNING.match(line))]
    return SiteResult(run.returncode, warnings, output, site)


def page(site: SiteResult, path: str) -> BeautifulSoup:
    """A built page, parsed."""
    return BeautifulSoup((site.site / path).read_text(encoding="utf-8"), "html.parser")
