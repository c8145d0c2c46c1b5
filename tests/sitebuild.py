"""Build a test site with the real `mkdocs` command and collect its warnings."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
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


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site as a static host does: quietly, and a missing page with the site's own 404.html."""

    def log_message(self, format: str, *args: object) -> None:
        return

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 and yield its base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def add_short_texts(root: Path, count: int) -> None:
    """Add `count` texts of one paragraph to a test root ("Note 0", "Note 1", …), more than a navigation group holds."""
    for number in range(count):
        folder = root / "texts" / f"note-{number:02d}"
        folder.mkdir()
        (folder / "source.md").write_text(f"# Note {number}\n\nA short note on the alliance.\n", encoding="utf-8")
        (folder / "text.yml").write_text(
            f'title: "Note {number}"\nauthors:\n  - Example, Anna\nyear: 2001\ntype: article\nlicense: CC BY 4.0\n',
            encoding="utf-8",
        )


def copy_root(root: Path, destination: Path) -> Path:
    """Copy a test root elsewhere, its paths into the project (`../../../`) made absolute."""
    shutil.copytree(root, destination)
    config = destination / "mkdocs.yml"
    project = root.resolve().parents[2]
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{project}/"), encoding="utf-8")
    return destination
