"""`make serve` (`mkdocs serve --dirty`): each rebuild writes what changed, and the site equals a clean build.

The serving builds run in a child process, as `mkdocs serve` runs them: one
`on_startup`, then a build after each edit with the hooks module (and its
caches) kept. After each edit the served site is compared, file by file, with
a clean `mkdocs build` of the same folder.
"""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from marginalia.navigation import TEXTS_PER_NAV_GROUP
from sitebuild import add_short_texts, build_site, copy_root

ROOTS = Path(__file__).resolve().parent / "roots"
SERVE = """
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

logging.basicConfig(level=logging.INFO, format="%(levelname)s - %(message)s", stream=sys.stdout)
root, site = Path(sys.argv[1]), Path(sys.argv[2])
config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
config.plugins.on_startup(command="serve", dirty=True)
for line in sys.stdin:  # one build per line, as the watcher would start it
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
    config.plugins.on_shutdown()  # waits for the search index, written after the build while serving
    print("built", flush=True)
"""
WRITING = re.compile(r"dirty build: (\d+) of (\d+) pages and generated files to write")
TEXT = "lin-2020-bargaining"
Written = dict[str, tuple[int, int]]


def _edit(path: Path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content, (path, old)
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


def _touch(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def _differences(served: Path, clean: Path) -> list[str]:
    files = {p.relative_to(served) for p in served.rglob("*") if p.is_file()}
    expected = {p.relative_to(clean) for p in clean.rglob("*") if p.is_file()}
    differ = [str(p) for p in sorted(files & expected) if not filecmp.cmp(served / p, clean / p, shallow=False)]
    return [
        *(f"extra {p}" for p in sorted(files - expected)),
        *(f"missing {p}" for p in sorted(expected - files)),
        *differ,
    ]


def _serve_and_compare(root: Path, edits: list[tuple[str, Callable[[], object]]], tmp_path: Path) -> Written:
    """Serve `root`, make each edit and rebuild; after each build, compare with a clean build of the folder.

    Returns:
        For the first build and each edit: how many outputs the rebuild wrote, of how many.
    """
    written = {}
    with subprocess.Popen(
        [sys.executable, "-c", SERVE, str(root), str(tmp_path / "served")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        for number, (what, edit) in enumerate([("the first build", lambda: None), *edits]):
            edit()
            process.stdin.write("build\n")
            process.stdin.flush()
            log = []
            for line in process.stdout:
                if line.strip() == "built":
                    break
                log.append(line)
            counts = [m.groups() for line in log if (m := WRITING.search(line))]
            assert counts, "".join(log)
            written[what] = int(counts[0][0]), int(counts[0][1])
            assert not [line for line in log if "WARNING" in line or "Traceback" in line], "".join(log)
            clean = build_site(root, tmp_path / f"clean-{number}", strict=True)
            assert clean.returncode == 0, clean.output
            assert _differences(tmp_path / "served", clean.site) == [], what
        process.stdin.close()
        process.stdout.read()
    return written


def test_each_dirty_rebuild_writes_only_what_changed_and_equals_a_clean_build(tmp_path: Path) -> None:
    root = copy_root(ROOTS / "formats", tmp_path / "root")
    # Something else watched, as the package's source is for the API reference of the real site.
    (root / "watched").mkdir()
    (root / "watched" / "notes.txt").write_text("first\n", encoding="utf-8")
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("watch:\n  - watched\n")
    source = root / "texts" / TEXT / "source.md"
    first_sentence = source.read_text(encoding="utf-8").split("## ", 2)[2].split("\n\n")[1].split(" ")[:3]
    edits = [
        ("nothing", lambda: None),
        ("a sentence", lambda: _edit(source, " ".join(first_sentence), " ".join(first_sentence) + " indeed")),
        ("a title", lambda: _edit(root / "texts" / TEXT / "text.yml", 'title: "', 'title: "Revised ')),
        ("a glossary entry", lambda: _edit(root / "glossary" / "people.yml", "description: ", "description: Also ")),
        ("a watched file", lambda: _touch(root / "watched" / "notes.txt")),
        ("a new text", lambda: shutil.copytree(root / "texts" / TEXT, root / "texts" / "lin-2020-copy")),
        ("a removed text", lambda: shutil.rmtree(root / "texts" / "lin-2020-copy")),
    ]
    written = _serve_and_compare(root, edits, tmp_path)
    total = written["the first build"][1]
    assert written["the first build"][0] == total
    assert written["nothing"][0] == 0
    assert 0 < written["a sentence"][0] < total / 5, written
    docs = len(list((root / "docs").rglob("*.md")))
    assert written["a watched file"][0] == docs, written  # the pages written in docs/, and nothing else
    assert written["a new text"][1] > total and written["a removed text"][1] == total


def test_a_title_rewrites_the_pages_whose_navigation_shows_it(tmp_path: Path) -> None:
    # More texts than one navigation group holds, under navigation.sections and navigation.prune as on the
    # real site: a text's title shows on the pages of its own group (and its neighbours'), not elsewhere.
    root = copy_root(ROOTS / "formats", tmp_path / "root")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    features = "  features:\n    - navigation.sections\n    - navigation.prune\n    - navigation.indexes\n"
    (root / "mkdocs.yml").write_text(config.replace("  features:\n", features), encoding="utf-8")
    add_short_texts(root, TEXTS_PER_NAV_GROUP + 5)
    edits = [("a title", lambda: _edit(root / "texts" / "note-03" / "text.yml", 'title: "', 'title: "Revised '))]
    written = _serve_and_compare(root, edits, tmp_path)
    total = written["the first build"][1]
    assert 0 < written["a title"][0] < total / 2, written
