"""Real reference-manager clients for the tests: Zotero's translation-server, citation-js, citeproc-js and biber.

Each is an outside program. Outside CI a missing one skips its tests with the
reason; in CI (`CI=true`) it fails them, so nothing is skipped there.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
ZOTERO_SCRIPT = ROOT.parent / "shared" / "tools" / "zotero" / "zotero"
CLIENTS = Path(__file__).resolve().parent / "clients"
MONTHS = "January February March April May June July August September October November December".split()


def missing(reason: str) -> None:
    """Skip the test outside CI; fail it in CI, where every client must be there."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI installs it: see .ci/run)")
    pytest.skip(reason)


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 for as long as the block runs; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Zotero:
    """A running translation-server of our own: its own port and cache folder, so parallel runs do not meet."""

    env: dict[str, str]

    @classmethod
    @contextmanager
    def running(cls) -> Iterator[Zotero]:
        """Start the server, yield it, and stop it at the end, even when tests fail."""
        if not ZOTERO_SCRIPT.is_file():
            missing(f"no Zotero translation-server at {ZOTERO_SCRIPT}")
        if shutil.which("node") is None:
            missing("no node on PATH for the Zotero translation-server")
        env = {
            **os.environ,
            "ZOTERO_PORT": str(free_port()),
            "ZOTERO_CACHE_DIR": str(ROOT / ".cache" / "zotero-translation-server"),
        }
        env.pop("NODE_ENV", None)  # NODE_ENV=test would keep the server from listening
        start = subprocess.run([str(ZOTERO_SCRIPT), "start"], env=env, capture_output=True, text=True, check=False)
        if start.returncode != 0:
            pytest.fail(f"zotero start failed:\n{start.stdout}\n{start.stderr}")
        try:
            yield cls(env)
        finally:
            subprocess.run([str(ZOTERO_SCRIPT), "stop"], env=env, capture_output=True, check=False)

    def web(self, url: str) -> list[dict[str, Any]]:
        """The items Zotero's Connector would save from the page at `url`."""
        return self._run("web", url)

    def import_file(self, path: Path) -> list[dict[str, Any]]:
        """The items Zotero makes when it imports a file."""
        return self._run("import", str(path))

    def _run(self, *arguments: str) -> list[dict[str, Any]]:
        run = subprocess.run(
            [str(ZOTERO_SCRIPT), *arguments], env=self.env, capture_output=True, text=True, check=False
        )
        assert run.returncode == 0, f"zotero {' '.join(arguments)}: {run.stderr}"
        items: list[dict[str, Any]] = json.loads(run.stdout)
        return items


def _node_clients(what: str) -> None:
    """Install the pinned node clients (`tests/clients/`) on first use, or fail or skip without node."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        missing(f"no node/npm on PATH for {what}")
    installed = CLIENTS / "node_modules" / ".package-lock.json"
    lock = CLIENTS / "package-lock.json"
    if not installed.is_file() or installed.stat().st_mtime < lock.stat().st_mtime:
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=CLIENTS, check=True, capture_output=True)


def citeproc_js(request: dict[str, Any], folder: Path) -> dict[str, Any]:
    """Format CSL-JSON items with citeproc-js (`format.js`): the bibliography's order, each entry, its skip words."""
    _node_clients("citeproc-js")
    path = folder / "citeproc-request.json"
    path.write_text(json.dumps(request), encoding="utf-8")
    run = subprocess.run(["node", "format.js", str(path)], cwd=CLIENTS, capture_output=True, text=True, check=True)
    report: dict[str, Any] = json.loads(run.stdout)
    return report


def citation_js(files: list[Path], *, dialect: str = "@biblatex/text") -> dict[str, dict[str, Any]]:
    """Read files with citation-js in strict mode: per file, its warnings and errors and the items it made."""
    _node_clients("citation-js")
    env = {**os.environ, "BIBTEX_DIALECT": dialect}
    run = subprocess.run(
        ["node", "validate.js", *map(str, files)], cwd=CLIENTS, env=env, capture_output=True, text=True, check=True
    )
    report: dict[str, dict[str, Any]] = json.loads(run.stdout)
    return report


def biber_warnings(path: Path, output: Path) -> list[str]:
    """biber's datamodel validation of one `.bib` file: its warnings and errors."""
    if shutil.which("biber") is None:
        missing("no biber on PATH (Debian package biber)")
    run = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", "--output-file", str(output), str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=output.parent,
    )
    lines = (run.stdout + run.stderr).splitlines()
    return [line for line in lines if line.startswith(("WARN", "ERROR"))]


def zotero_fields(item: dict[str, Any]) -> dict[str, Any]:
    """What a reader sees of a Zotero item, in one spelling whatever the translator.

    Dates become ISO, page ranges take an en dash, ISBNs lose hyphens, a DOI
    kept in Extra (for types without a DOI field) counts as the DOI, and the
    container is whichever of journal, book or website title the type has.
    """
    extra = dict(line.split(": ", 1) for line in item.get("extra", "").splitlines() if ": " in line)
    return {
        "itemType": item["itemType"],
        "title": item.get("title", ""),
        "creators": [
            (c.get("lastName") or c.get("name", ""), c.get("firstName", ""), c["creatorType"]) for c in item["creators"]
        ],
        "date": iso_date(item.get("date", "")),
        "container": item.get("publicationTitle") or item.get("bookTitle") or item.get("websiteTitle") or "",
        "publisher": item.get("publisher") or item.get("institution") or item.get("university") or "",
        "place": item.get("place", ""),
        "series": item.get("series", ""),
        "volume": item.get("volume", ""),
        "issue": item.get("issue", ""),
        "pages": item.get("pages", "").replace("-", "–"),
        "DOI": item.get("DOI") or extra.get("DOI", ""),
        "ISBN": item.get("ISBN", "").replace("-", "").split(),
        "archive": item.get("archive", ""),
        "archiveLocation": item.get("archiveLocation", ""),
        "url": item.get("url", ""),
        "accessDate": item.get("accessDate", ""),
    }


def iso_date(value: str) -> str:
    """A date as Zotero's translators write it ("2026/12/01", "December 1, 2026", "2020") in ISO form."""
    if match := re.fullmatch(r"(\d{4})(?:[-/](\d{2}))?(?:[-/](\d{2}))?", value):
        return "-".join(part for part in match.groups() if part)
    if match := re.fullmatch(r"([A-Z][a-z]+) (\d{1,2}), (\d{4})", value):
        month, day, year = match.groups()
        return f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"
    return value
