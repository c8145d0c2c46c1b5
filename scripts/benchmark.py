"""Benchmark: time and memory of a full load, and the glossary matcher's cost as entries grow.

Run: .venv/bin/python scripts/benchmark.py
The matcher must not slow down with the number of entries (one Aho–Corasick pass);
this prints its time per pass over both texts with the real glossary and with
1,000 and 10,000 synthetic entries added.
"""

from __future__ import annotations

import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

from marginalia.glossary.entries import Entry
from marginalia.glossary.matcher import Matcher
from marginalia.site import SiteBuild

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Print the measurements."""
    tracemalloc.start()
    start = time.perf_counter()
    build = SiteBuild.load(ROOT / "texts", ROOT / "bib", ROOT / "glossary")
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"load, annotate and render everything: {elapsed:.2f} s, peak Python memory {peak / 2**20:.1f} MiB")
    texts = [p.text for t in build.corpus.texts for p in t.document.paragraphs()]
    for extra in (0, 1_000, 10_000):
        glossary = replace(build.glossary, entries=dict(build.glossary.entries))
        for number in range(extra):
            entry_id = f"synthetic-{number}"
            glossary.entries[entry_id] = Entry(
                entry_id, "term", f"Synthetic Name {number}", (), "", None, "D.", "", (), {}, None, 0
            )
        matcher = Matcher(glossary)
        start = time.perf_counter()
        for _ in range(20):
            for text in texts:
                matcher.find(text)
        per_pass = (time.perf_counter() - start) / 20 * 1000
        print(f"matcher with {len(glossary.entries):>6} entries: {per_pass:.1f} ms per pass over both texts")


if __name__ == "__main__":
    main()
