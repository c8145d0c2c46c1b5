"""Benchmark: full site builds of synthetic corpora against the floor, plain MkDocs + Material.

Run: `make bench`, or `.venv/bin/python scripts/benchmark.py --sizes 10,50`.

For each size N it writes, in a temporary folder, a copy of this project whose
`texts/` holds N texts (copies of the real texts with their own slugs and
titles, and generated texts in the raw format with their own notes, citations
and glossary mentions), builds it with `mkdocs build`, and then builds the
floor: the same texts as plain Markdown pages, as many other pages as our
build made, the same theme and Markdown extensions, Material's search (lunr;
ours is Pagefind), no hooks; and MyST (`mystmd`, pinned in
`scripts/myst/`): the texts alone as MyST pages, with their notes as footnotes and
their citations as `[@key]` citations of the same BibTeX, timed with `myst
build --site` (offline: its HTML theme would come from the web, so the time
is that of reading, resolving and writing the site's content). The
builds run back to back in separate processes, so their ratio is fair on a
busy machine even when the absolute times are not; their CPU times (a
build's worker processes included) give a second, steadier ratio when other
work shares the cores. It prints a table and
writes the plot and the table into the developers' guide
(`docs/developers/performance.md`, `docs/developers/benchmark.svg`).

`--matcher` instead prints the glossary matcher's time per pass with the real
glossary and with 1,000 and 10,000 synthetic entries: it must stay flat.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from math import floor, log10
from pathlib import Path

import yaml

from marginalia.annotate import AnnotatedText
from marginalia.glossary.entries import Entry
from marginalia.glossary.matcher import Matcher
from marginalia.model import Paragraph, Span, block_texts
from marginalia.navigation import nav_groups
from marginalia.search import OUTPUT_SUBDIR, SHARDS_FILE
from marginalia.site import SiteBuild

ROOT = Path(__file__).resolve().parent.parent
DEVELOPERS = ROOT / "docs" / "developers"
PLOT = DEVELOPERS / "benchmark.svg"
REPORT = DEVELOPERS / "performance.md"
TABLE_START, TABLE_END = "<!-- benchmark:start -->", "<!-- benchmark:end -->"
SIZES = (10, 50, 200, 1000)
RSS_INTERVAL = 0.2
FIRST_RESULTS = 10  # the results whose fragments Pagefind fetches for a query (RESULTS in search.js)
REAL_TEXTS = ("radchenko-2020", "shen-2020-front-matter")
COPIED = ("bib", "glossary", "overrides", "hooks")
CITATIONS = (
    "(Wendt 1992)",
    "(Heinzig 2015, 298)",
    "(Lüthi 2008)",
    "(Chen 2010)",
    "(Radchenko 2014, 160)",
    "(Mao 1998, 268)",
    "(Kireev 2006, 126)",
    "(Wu 1999; Lüthi 2008)",
)
WORDS = (
    "alliance treaty border negotiation ideology perception hierarchy leadership delegation archive polemic"
    " cooperation rivalry envoy conference memorandum normalization revolution strategy nuclear economic aid"
    " experts doctrine summit frontier rapprochement dispute friendship propaganda legitimacy"
).split()


@dataclass(frozen=True)
class Build:
    """One `mkdocs build`: wall time, CPU time (with its worker processes'), peak RSS, and what it wrote.

    The peak RSS is that of the build's processes together (MkDocs, its citation
    worker, Pagefind), sampled every `RSS_INTERVAL` seconds, or the largest one
    process reached if that was more.
    """

    seconds: float
    cpu: float
    rss: int
    pages: int
    site_bytes: int
    first_query: int
    largest: int
    largest_page: str


@dataclass(frozen=True)
class PeerBuild:
    """A peer's build of the same texts: wall and CPU time."""

    seconds: float
    cpu: float


@dataclass(frozen=True)
class Row:
    """One size: our build, the floor's and MyST's (None without node)."""

    texts: int
    ours: Build
    floor: Build
    myst: PeerBuild | None = None


def main() -> None:
    """Run the benchmark named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated numbers of texts")
    parser.add_argument("--matcher", action="store_true", help="measure the glossary matcher instead")
    parser.add_argument("--serve", type=int, metavar="N", help="measure a rebuild of `mkdocs serve` at N texts instead")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it, instead of a temporary one")
    parser.add_argument("--no-write", action="store_true", help="print only; leave the developers' guide alone")
    args = parser.parse_args()
    if args.matcher:
        matcher_benchmark()
        return
    if args.serve:
        with tempfile.TemporaryDirectory(prefix="marginalia-bench-") as temporary:
            serve_benchmark((args.keep or Path(temporary)) / f"serve{args.serve}", args.serve)
        return
    sizes = [int(size) for size in args.sizes.split(",")]
    rows = []
    print(HEADER)
    with tempfile.TemporaryDirectory(prefix="marginalia-bench-") as temporary:
        work = args.keep or Path(temporary)
        for size in sizes:
            row = measure(work / f"n{size}", size)
            rows.append(row)
            print(format_row(row), flush=True)
    if not args.no_write:
        write_report(rows)


def measure(folder: Path, size: int) -> Row:
    """Build our site and the floor for `size` texts, back to back."""
    shutil.rmtree(folder, ignore_errors=True)
    ours, floor = folder / "ours", folder / "floor"
    make_project(ours, size)
    our_build = build(ours)
    make_floor(floor, ours, our_build.pages)
    floor_build = build(floor)
    myst = folder / "myst"
    if not shutil.which("npm"):
        print("no node/npm: MyST left out", file=sys.stderr)
        return Row(size, our_build, floor_build)
    make_myst(myst, ours)
    return Row(size, our_build, floor_build, build_myst(myst))


def make_project(project: Path, size: int) -> None:
    """A copy of this project with `size` texts (the API reference left out: it costs the same at every size)."""
    project.mkdir(parents=True)
    for name in COPIED:
        shutil.copytree(ROOT / name, project / name)
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("api.md", "*.svg"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # Without mkdocstrings the list is empty: `plugins: []`, since an empty key would bring back MkDocs' default search.
    config = re.sub(
        r"\nplugins:\n  - mkdocstrings:\n(?:      .*\n|        .*\n|          .*\n)+", "\nplugins: []\n", config
    )
    config = config.replace("      - API reference: developers/api.md\n", "").replace("  - src/marginalia\n", "")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    rng = random.Random(size)
    names = glossary_names()
    for number in range(size):
        folder = project / "texts" / f"text-{number:04d}"
        folder.mkdir(parents=True)
        if number < len(REAL_TEXTS) * 2 or number % 3 != 2:
            copy_text(ROOT / "texts" / REAL_TEXTS[number % 2], folder, number)
        else:
            generate_text(folder, number, rng, names)


def copy_text(original: Path, folder: Path, number: int) -> None:
    """A real text under a new slug and title."""
    for file in original.iterdir():
        shutil.copy(file, folder / file.name)
    meta = yaml.safe_load((folder / "text.yml").read_text(encoding="utf-8"))
    meta["title"] = f"{meta['title']} (copy {number})"
    meta["short_title"] = f"{meta.get('short_title') or meta['title']} (copy {number})"
    (folder / "text.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")


def generate_text(folder: Path, number: int, rng: random.Random, names: list[str]) -> None:
    """A text of our own in the raw format: sections, paragraphs with note markers, citations and names."""
    author = f"Author{number}, Synthetic"
    meta = {
        "title": f"A synthetic study, number {number}",
        "authors": [author],
        "year": 1990 + number % 30,
        "type": "article",
        "license": "CC BY 4.0",
    }
    (folder / "text.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    lines = [f"# {meta['title']}", "", f"Synthetic Author{number}", "", "## Abstract", "", sentence(rng, names), ""]
    note = 0
    for section in range(1, rng.randint(3, 6)):
        lines += [f"## {section} {rng.choice(WORDS).capitalize()} and {rng.choice(WORDS)}", ""]
        for _ in range(rng.randint(3, 8)):
            note += 1
            body = " ".join(sentence(rng, names) for _ in range(rng.randint(3, 7)))
            lines += [f"{body} {rng.choice(CITATIONS)}.<sup>{note}</sup>", ""]
            lines += [f"<sup>{note}</sup> {sentence(rng, names)} {rng.choice(CITATIONS)}.", ""]
    (folder / "source.md").write_text("\n".join(lines), encoding="utf-8")


def sentence(rng: random.Random, names: list[str]) -> str:
    """A sentence of common words with a glossary name in it."""
    words = rng.choices(WORDS, k=rng.randint(6, 14))
    words.insert(rng.randrange(len(words)), rng.choice(names))
    return " ".join(words).capitalize() + "."


def glossary_names() -> list[str]:
    """The names of the real glossary's entries."""
    names = []
    for file in sorted((ROOT / "glossary").glob("*.yml")):
        records = yaml.safe_load(file.read_text(encoding="utf-8"))
        if isinstance(records, list):
            names += [r["name"] for r in records if isinstance(r, dict) and "name" in r]
    return names


def make_floor(floor: Path, ours: Path, pages: int) -> None:
    """Plain MkDocs + Material: our texts' sources as pages, and other pages up to our page count."""
    shutil.copytree(ours / "docs", floor / "docs", ignore=shutil.ignore_patterns("javascripts", "stylesheets"))
    texts = sorted((ours / "texts").iterdir())
    for folder in texts:
        page = floor / "docs" / "texts" / folder.name / "index.md"
        page.parent.mkdir(parents=True)
        page.write_text((folder / "source.md").read_text(encoding="utf-8"), encoding="utf-8")
    existing = sum(1 for _ in (floor / "docs").rglob("*.md"))
    (floor / "docs" / "other").mkdir()
    for number in range(max(pages - existing, 0)):
        body = f"# Other page {number}\n\nA page like a glossary entry or a bibliography: {' '.join(WORDS[:12])}.\n"
        (floor / "docs" / "other" / f"page-{number:05d}.md").write_text(body, encoding="utf-8")
    config = yaml.safe_load(
        re.sub(r"!!python/\S+", "", (ours / "mkdocs.yml").read_text(encoding="utf-8")),
    )
    for key in ("hooks", "extra_css", "extra_javascript", "watch"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    config["plugins"] = ["search"]
    # Python-Markdown's own extensions only: ours reads the annotator's links, which plain pages do not have.
    config["markdown_extensions"] = [e for e in config["markdown_extensions"] if not str(e).startswith("marginalia")]
    config["not_in_nav"] = "/other/*.md\n"
    # The same navigation as ours: texts in groups, each page carrying its own group only.
    config["nav"] = [*config["nav"], {"Texts": nav_groups([f"texts/{folder.name}/index.md" for folder in texts])}]
    (floor / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


MYST = ROOT / "scripts" / "myst"
MYST_BUILT = re.compile(r"Built (\d+) pages for project")


def make_myst(project: Path, ours: Path) -> None:
    """Our texts as a MyST project: footnotes and `[@key]` citations of one `references.bib`.

    Only the texts and a home page: MyST makes no glossary or bibliography pages, and a digital editor using it
    would publish the texts (MyST's time per page is its own; more pages would only make it slower).
    """
    build = SiteBuild.load(ours / "texts", ours / "bib", ours / "glossary", None)
    (project / "texts").mkdir(parents=True)
    toc = [{"file": "index.md"}]
    (project / "index.md").write_text("# Home\n\nThe texts.\n", encoding="utf-8")
    for text in build.texts:
        (project / "texts" / f"{text.slug}.md").write_text(myst_page(text), encoding="utf-8")
        toc.append({"file": f"texts/{text.slug}.md"})
    bib = "\n".join(path.read_text(encoding="utf-8") for path in sorted((ours / "bib").glob("*.bib")))
    (project / "references.bib").write_text(bib, encoding="utf-8")
    config = {
        "version": 1,
        "project": {"title": "Benchmark", "bibliography": ["references.bib"], "toc": toc},
        "site": {"template": "book-theme"},
    }
    (project / "myst.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def myst_page(text: AnnotatedText) -> str:
    """One text as a MyST page: its sections, paragraphs with `[@key]` citations, notes as footnotes."""
    lines = [f"# {text.meta.title}", ""]
    for section in text.document.sections:
        if section.title:
            lines += [f"## {section.title}", ""]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                lines += [_with_citations(block.text, block.spans), ""]
            else:
                lines += [line for item in block_texts(block) for line in (item, "")]
    for note in text.document.notes.values():
        lines += [f"[^{note.label}]: {_with_citations(note.text, note.spans)}", ""]
    return "\n".join(lines)


def _with_citations(item: str, spans: tuple[Span, ...]) -> str:
    for span in sorted(spans, key=lambda s: s.start, reverse=True):
        if span.kind == "citation" and span.target:
            cite = f"[@{span.target}, p. {span.locator}]" if span.locator else f"[@{span.target}]"
            item = item[: span.start] + cite + item[span.end :]
    return item


def build_myst(project: Path) -> PeerBuild:
    """Run `myst build --site` in `project` and time it (pinned in `scripts/myst/`, installed on first use)."""
    if not (MYST / "node_modules" / ".bin" / "myst").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=MYST, check=True, capture_output=True)
    command = [str(MYST / "node_modules" / ".bin" / "myst"), "build", "--site"]
    start = time.perf_counter()
    with open(project / "build.log", "wb") as log:
        process = subprocess.Popen(command, cwd=project, stdout=log, stderr=subprocess.STDOUT)
        _, _, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    built = MYST_BUILT.search((project / "build.log").read_text(encoding="utf-8", errors="replace"))
    if built is None:
        sys.exit(f"MyST did not build the pages in {project}: see {project / 'build.log'}")
    return PeerBuild(seconds, usage.ru_utime + usage.ru_stime)


def build(project: Path) -> Build:
    """Run `mkdocs build` in `project` and measure it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    site = project / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    start = time.perf_counter()
    together = 0
    with open(project / "build.log", "wb") as log:
        process = subprocess.Popen(command, cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            together = max(together, tree_rss(process.pid))
            time.sleep(RSS_INTERVAL)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        sys.exit(f"build failed in {project}: see {project / 'build.log'}")
    html = {path: path.stat().st_size for path in site.rglob("*.html")}
    largest = max(html, key=lambda p: html[p])
    return Build(
        seconds,
        usage.ru_utime + usage.ru_stime,
        max(together, usage.ru_maxrss * 1024),
        len(html),
        sum(path.stat().st_size for path in site.rglob("*") if path.is_file()),
        first_query_bytes(site),
        html[largest],
        str(largest.relative_to(site)),
    )


def tree_rss(pid: int) -> int:
    """The resident memory of a process and all its descendants now, in bytes (Linux `/proc`)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue  # ended meanwhile
            children.setdefault(parent, []).append(int(entry.name))
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        stack += children.get(current, [])
        try:
            status = Path(f"/proc/{current}/status").read_text()
        except OSError:
            continue
        total += sum(int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmRSS:"))
    return total


def first_query_bytes(site: Path) -> int:
    """What a reader downloads for a first search.

    With Material's search, its whole lunr index. With Pagefind: its script and
    worker, then for each bundle (a large site has several, see
    `marginalia.search`) its entry, metadata and WebAssembly for English and its
    largest index chunk (a one-word query fetches one), and the fragments of the
    first results shown (`RESULTS` in overrides/assets/javascripts/search.js),
    taken at the median fragment size. Pagefind's files are compressed already;
    the lunr index is counted uncompressed, as a host without gzip serves it.
    """
    index = site / "search" / "search_index.json"
    if index.is_file():
        return index.stat().st_size
    first = site / OUTPUT_SUBDIR
    shards = json.loads((first / SHARDS_FILE).read_text(encoding="utf-8"))
    total = sum((first / name).stat().st_size for name in ("pagefind.js", "pagefind-worker.js", SHARDS_FILE))
    fragments: list[int] = []
    for bundle in [first, *((first / shard).resolve() for shard in shards)]:
        fixed = ["pagefind-entry.json", "wasm.en.pagefind", *(p.name for p in bundle.glob("pagefind.en_*.pf_meta"))]
        total += sum((bundle / name).stat().st_size for name in fixed)
        total += max(path.stat().st_size for path in (bundle / "index").iterdir())
        fragments += [path.stat().st_size for path in (bundle / "fragment").iterdir()]
    return total + FIRST_RESULTS * sorted(fragments)[len(fragments) // 2]


HEADER = (
    f"{'texts':>5} {'pages':>6} {'ours s':>8} {'floor s':>8} {'ratio':>6} {'CPU ratio':>9} {'MyST s':>7} {'/MyST':>6}"
    f" {'ms/page':>8} {'RSS MiB':>8} {'floor RSS':>9} {'site MiB':>8} {'1st query':>10} {'floor query':>12} {'largest KiB':>11}  largest page"
)


def format_row(row: Row) -> str:
    """One line of the printed table."""
    ours, floor = row.ours, row.floor
    return (
        f"{row.texts:>5} {ours.pages:>6} {ours.seconds:>8.1f} {floor.seconds:>8.1f} {ours.seconds / floor.seconds:>6.2f}"
        f" {ours.cpu / floor.cpu:>9.2f} {_myst_cells(row, '{:>7.1f} {:>6.2f}', ' ' * 6 + '— ' + ' ' * 5 + '—')}"
        f" {ours.seconds / ours.pages * 1000:>8.1f} {ours.rss / 2**20:>8.0f} {floor.rss / 2**20:>9.0f}"
        f" {ours.site_bytes / 2**20:>8.1f} {ours.first_query / 2**20:>10.2f} {floor.first_query / 2**20:>12.2f}"
        f" {ours.largest / 2**10:>11.0f}  {ours.largest_page}"
    )


def _myst_cells(row: Row, cells: str, missing: str) -> str:
    """MyST's time and ours against it, in `cells`; `missing` without a MyST build."""
    if row.myst is None:
        return missing
    return cells.format(row.myst.seconds, row.ours.seconds / row.myst.seconds)


def markdown_table(rows: list[Row]) -> str:
    """The table for the developers' guide."""
    lines = [
        "| texts | pages | ours (s) | floor (s) | ratio | CPU: ours, floor (s) | CPU ratio | MyST (s) | ours / MyST"
        " | ms per page"
        " | peak RSS (MiB) | floor RSS (MiB)"
        " | site (MiB) | first query (MiB) | floor's first query (MiB) | largest page (KiB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        ours, floor = row.ours, row.floor
        lines.append(
            f"| {row.texts} | {ours.pages} | {ours.seconds:.1f} | {floor.seconds:.1f} | {ours.seconds / floor.seconds:.2f}"
            f" | {ours.cpu:.1f}, {floor.cpu:.1f} | {ours.cpu / floor.cpu:.2f} | {_myst_cells(row, '{:.1f} | {:.2f}', '— | —')}"
            f" | {ours.seconds / ours.pages * 1000:.1f} | {ours.rss / 2**20:.0f} | {floor.rss / 2**20:.0f}"
            f" | {ours.site_bytes / 2**20:.1f} | {ours.first_query / 2**20:.2f} | {floor.first_query / 2**20:.2f}"
            f" | {ours.largest / 2**10:.0f} (`{ours.largest_page}`) |"
        )
    return "\n".join(lines)


def svg_plot(rows: list[Row]) -> str:
    """Build time against the number of texts, ours and the floor's, on log-log axes."""
    width, height, left, bottom, top, right = 640, 360, 70, 50, 20, 150
    xs = [row.texts for row in rows]
    ys = [t for row in rows for t in (row.ours.seconds, row.floor.seconds, *([row.myst.seconds] if row.myst else []))]
    x_low, x_high = _log_range(min(xs), max(xs))
    y_low, y_high = _log_range(min(ys), max(ys))

    def point(x: float, y: float) -> tuple[float, float]:
        px = left + (log10(x) - x_low) / (x_high - x_low) * (width - left - right)
        py = height - bottom - (log10(y) - y_low) / (y_high - y_low) * (height - top - bottom)
        return px, py

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img"'
        ' aria-labelledby="bench-title" font-family="sans-serif" font-size="12">',
        '<title id="bench-title">Build time against number of texts: ours, plain MkDocs + Material, MyST</title>',
        '<rect width="100%" height="100%" fill="white"/>',
    ]
    for exponent in range(int(x_low), int(x_high) + 1):
        for factor in (1, 2, 5):
            value = factor * 10**exponent
            px, _ = point(value, 10**y_low)
            if left <= px <= width - right:
                parts.append(f'<line x1="{px:.1f}" y1="{top}" x2="{px:.1f}" y2="{height - bottom}" stroke="#ddd"/>')
                parts.append(f'<text x="{px:.1f}" y="{height - bottom + 16}" text-anchor="middle">{value}</text>')
    for exponent in range(int(y_low), int(y_high) + 1):
        for factor in (1, 2, 5):
            value = factor * 10.0**exponent
            _, py = point(10**x_low, value)
            if top <= py <= height - bottom:
                parts.append(f'<line x1="{left}" y1="{py:.1f}" x2="{width - right}" y2="{py:.1f}" stroke="#ddd"/>')
                parts.append(f'<text x="{left - 6}" y="{py + 4:.1f}" text-anchor="end">{value:g} s</text>')
    parts.append(f'<text x="{(left + width - right) / 2}" y="{height - 12}" text-anchor="middle">texts</text>')
    series = [
        ("our build", "#c2185b", [(r.texts, r.ours.seconds) for r in rows]),
        ("plain Material", "#1565c0", [(r.texts, r.floor.seconds) for r in rows]),
        ("MyST", "#2e7d32", [(r.texts, r.myst.seconds) for r in rows if r.myst]),
    ]
    for number, (name, colour, values) in enumerate(s for s in series if s[2]):
        points = [point(x, y) for x, y in values]
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        parts += [f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{colour}"/>' for px, py in points]
        ly = top + 20 + number * 20
        parts.append(
            f'<line x1="{width - right + 16}" y1="{ly}" x2="{width - right + 40}" y2="{ly}" stroke="{colour}" stroke-width="2"/>'
        )
        parts.append(f'<text x="{width - right + 46}" y="{ly + 4}">{name}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _log_range(low: float, high: float) -> tuple[float, float]:
    return float(floor(log10(low))), max(log10(high) * 1.02, floor(log10(low)) + 1.0)


def write_report(rows: list[Row]) -> None:
    """Write the plot and put the table between the markers of the developers' page."""
    PLOT.write_text(svg_plot(rows), encoding="utf-8")
    page = REPORT.read_text(encoding="utf-8")
    start, end = page.index(TABLE_START) + len(TABLE_START), page.index(TABLE_END)
    REPORT.write_text(f"{page[:start]}\n{markdown_table(rows)}\n{page[end:]}", encoding="utf-8")
    print(f"wrote {PLOT.relative_to(ROOT)} and the table in {REPORT.relative_to(ROOT)}")


BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")


def serve_benchmark(folder: Path, size: int) -> None:
    """Serve a corpus of `size` texts as `make serve` does, edit one text twice, and compare each rebuild with the first build.

    The first edit changes a sentence of the text (the usual edit), the second its
    title, which every page of its navigation group shows.
    """
    shutil.rmtree(folder, ignore_errors=True)
    make_project(folder, size)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", "127.0.0.1:8765"]
    text = folder / "texts" / "text-0004"  # a copy of the article
    edits = [
        ("a sentence", text / "source.md", "constructivist lens", "constructivist view"),
        ("the title", text / "text.yml", "(copy 4)", "(copy 4, edited)"),
    ]
    process = subprocess.Popen(
        command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True
    )
    assert process.stdout is not None
    times: list[float] = []
    try:
        for line in process.stdout:
            match = BUILT.search(line)
            if match is not None:
                times.append(float(match.group(1)))
                if len(times) > len(edits):
                    break
                if len(times) > 1:
                    _edit(*edits[len(times) - 1][1:])
            if "Serving on" in line:  # the watcher is on
                _edit(*edits[0][1:])
    finally:
        process.terminate()
        process.wait()
    print(f"mkdocs serve --dirty, {size} texts: first build {times[0]:.1f} s")
    for (what, *_), seconds in zip(edits, times[1:], strict=True):
        print(f"  rebuild after editing {what} of one text: {seconds:.1f} s ({seconds / times[0]:.2f} of the first)")


def _edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file, which must hold it."""
    content = path.read_text(encoding="utf-8")
    assert old in content, (path, old)
    time.sleep(1)  # past the watcher's debounce and the file system's timestamp resolution
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


def matcher_benchmark() -> None:
    """Print the glossary matcher's time per pass over both real texts as the glossary grows."""
    built = SiteBuild.load(ROOT / "texts", ROOT / "bib", ROOT / "glossary")
    texts = [p.text for t in built.corpus.texts for p in t.document.paragraphs()]
    for extra in (0, 1_000, 10_000):
        glossary = replace(built.glossary, entries=dict(built.glossary.entries))
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
