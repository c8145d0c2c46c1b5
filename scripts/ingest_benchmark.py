"""Benchmark: loading one long text (ingest, citations, glossary, pages) grows linearly with its length.

Builds texts of 1, 2 and 5 MB from the Radchenko article's body (sections
renamed, notes renumbered so that every copy is a new stretch of the same
text), loads each in a fresh corpus folder with the real bibliography and
glossary, and prints the time per MB. `make bench` runs it after the site
benchmark; the target is that 5 MB take about five times as long as 1 MB.
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
import time
from pathlib import Path

from marginalia.site import SiteBuild

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "texts" / "radchenko-2020" / "source.md"
META = "title: A long text\nauthors:\n  - Example, Anna\nyear: 2020\ntype: article\nlicense: CC BY 4.0\n"


def long_text(megabytes: float) -> str:
    """The article's body repeated to about `megabytes`, each copy with its own section numbers and notes."""
    source = SOURCE.read_text(encoding="utf-8")
    body = source[source.index("## 1 Introduction") : source.index("**Open Access**")]
    copies, parts = max(1, round(megabytes * 1e6 / len(body.encode()))), ["# A long text\n\n"]
    notes = len(set(re.findall(r"<sup>(\d+)</sup>", body)))
    for copy in range(copies):
        offset = copy * notes
        renumbered = re.sub(r"<sup>(\d+)</sup>", lambda m, o=offset: f"<sup>{int(m.group(1)) + o}</sup>", body)
        parts.append(re.sub(r"^(#+) (\d+) ", rf"\1 {copy + 1}.\2 ", renumbered, flags=re.MULTILINE))
    return "".join(parts)


def load_seconds(text: str) -> float:
    """Seconds to load a corpus of this one text with the real bibliography and glossary."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "texts" / "long").mkdir(parents=True)
        (root / "texts" / "long" / "source.md").write_text(text, encoding="utf-8")
        (root / "texts" / "long" / "text.yml").write_text(META, encoding="utf-8")
        shutil.copytree(ROOT / "bib", root / "bib")
        shutil.copytree(ROOT / "glossary", root / "glossary")
        start = time.perf_counter()
        SiteBuild.load(root / "texts", root / "bib", root / "glossary")
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,5", help="text sizes in MB, comma-separated")
    sizes = [float(size) for size in parser.parse_args().sizes.split(",")]
    print("| text (MB) | load (s) | s per MB |\n|---:|---:|---:|")
    for megabytes in sizes:
        text = long_text(megabytes)
        seconds = load_seconds(text)
        size = len(text.encode()) / 1e6
        print(f"| {size:.1f} | {seconds:.2f} | {seconds / size:.2f} |")


if __name__ == "__main__":
    main()
