"""Load every `*.bib` file of the bibliography folder with bibtexparser 2.

Each file is parsed twice over one read: raw (for the BibTeX shown to readers)
and decoded (LaTeX removed, names split) for formatting and matching. Parsed
files are cached by path and modification time, so `mkdocs serve` re-reads only
what changed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from bibtexparser import middlewares
from bibtexparser.entrypoint import parse_string
from bibtexparser.model import DuplicateBlockKeyBlock, Entry
from pylatexenc.latex2text import LatexNodes2Text

from marginalia.model import Diagnostic
from marginalia.textfile import read_text_file

NAME_FIELDS = ("author", "editor", "translator")
EMPHASIS_START, EMPHASIS_END = "\ue000", "\ue001"
"""Private-use characters that mark `\\emph{…}`/`\\textit{…}` through LaTeX decoding, for `BibEntry.rich_title`."""
EMPHASIS = re.compile(r"\\(?:emph|textit)\{([^{}]*)\}")


@dataclass(frozen=True)
class Name:
    """A person's name from a BibTeX name list.

    Attributes:
        family: The family name, particles included ("van Gogh").
        given: Given names or initials as written.
        literal: True for a corporate name written in braces, or "others".
    """

    family: str
    given: str = ""
    literal: bool = False

    @property
    def is_others(self) -> bool:
        """Whether this is BibTeX's `others` (et al.)."""
        return self.literal and self.family == "others"


@dataclass(frozen=True)
class BibEntry:
    """One bibliography entry.

    Attributes:
        key: The BibTeX key.
        type: The entry type, lower case (`book`, `article`, …).
        fields: Decoded field values (names excluded), LaTeX removed.
        names: Decoded name lists by field (`author`, `editor`, `translator`).
        raw: The entry's BibTeX exactly as written in its file.
        path: The file it comes from.
        line: Its 1-based line in that file.
        rich_title: The title with its emphasis marked by `EMPHASIS_START` and `EMPHASIS_END`, or "" when it has none.
    """

    key: str
    type: str
    fields: dict[str, str]
    names: dict[str, tuple[Name, ...]]
    raw: str
    path: Path
    line: int
    rich_title: str = ""

    @property
    def year(self) -> str:
        """The `year` field, or ""."""
        return self.fields.get("year", "")

    @property
    def creators(self) -> tuple[Name, ...]:
        """Authors, or editors when there are none: the names a citation gives."""
        return self.names.get("author") or self.names.get("editor") or ()


@dataclass
class Bibliography:
    """All entries of the bibliography folder, by key, in file and then entry order."""

    entries: dict[str, BibEntry] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


_cache: dict[Path, tuple[float, list[BibEntry], list[Diagnostic]]] = {}


SAFE_KEY = re.compile(r"\w[\w:.+\-]*")
"""What a citation key must be: it becomes file names (`bibliography/<key>.bib`), URLs and anchors as it is."""


def load_bibliography(bib_dir: Path) -> Bibliography:
    """Load every `*.bib` file in `bib_dir` (sorted by name).

    A syntax error, a duplicate key or a key that cannot be a file name or a
    URL (`SAFE_KEY`: no spaces, slashes, `#`) is reported with file and line;
    the entry is left out and the rest loads.

    Args:
        bib_dir: The folder.

    Returns:
        The bibliography.
    """
    bibliography = Bibliography()
    for path in sorted(bib_dir.glob("*.bib")):
        bibliography.files.append(path)
        entries, problems = _load_file(path)
        bibliography.diagnostics.extend(problems)
        for entry in entries:
            if not SAFE_KEY.fullmatch(entry.key):
                written = entry.key.replace(EMPHASIS_START, "\\emph{").replace(EMPHASIS_END, "}")
                message = (
                    f"key '{written}' cannot be part of a URL or a file name: use letters, digits and - _ : . +"
                    " (for example 'chen2010'); the entry is left out until it is renamed"
                )
                bibliography.diagnostics.append(Diagnostic(str(path), entry.line, message, "bib-key"))
                continue
            if entry.key in bibliography.entries:
                first = bibliography.entries[entry.key]
                bibliography.diagnostics.append(
                    Diagnostic(
                        str(path),
                        entry.line,
                        f"duplicate key '{entry.key}' (first in {first.path.name}:{first.line}): rename one of them",
                        "bib-duplicate",
                    )
                )
                continue
            bibliography.entries[entry.key] = entry
    return bibliography


def _load_file(path: Path) -> tuple[list[BibEntry], list[Diagnostic]]:
    mtime = path.stat().st_mtime
    cached = _cache.get(path)
    if cached is not None and cached[0] == mtime:
        return cached[1], cached[2]
    text, problems = read_text_file(path)
    raw_library = parse_string(text)
    decoded = parse_string(
        EMPHASIS.sub(rf"{EMPHASIS_START}\1{EMPHASIS_END}", text.replace(EMPHASIS_START, "").replace(EMPHASIS_END, "")),
        # Names are split before LaTeX is decoded, as BibTeX splits them: braces protect
        # a body's name ("{{Central Committee of the CPSU}}") and an "and" inside it.
        # The decoder leaves the split names alone; `_name` decodes their parts.
        append_middleware=[
            middlewares.SeparateCoAuthors(),
            middlewares.SplitNameParts(),
            middlewares.LatexDecodingMiddleware(),
        ],
    )
    # The two parses read the same blocks in the same order (marking emphasis keeps braces balanced);
    # by key only if they did not, since emphasis marked inside a key changes it.
    raws = [e.raw or "" for e in raw_library.entries]
    if len(raws) != len(decoded.entries):
        by_key = {e.key: e.raw or "" for e in raw_library.entries}
        raws = [by_key.get(e.key, "") for e in decoded.entries]
    problems += [_failure(path, block) for block in raw_library.failed_blocks]
    entries = [_entry(path, e, raw) for e, raw in zip(decoded.entries, raws, strict=True)]
    problems += [problem for entry in entries for problem in _incomplete(entry)]
    _cache[path] = (mtime, entries, problems)
    return entries, problems


def _failure(path: Path, block: object) -> Diagnostic:
    line = getattr(block, "start_line", 0) + 1
    if isinstance(block, DuplicateBlockKeyBlock):
        return Diagnostic(str(path), line, f"duplicate key '{block.key}': rename one of the entries", "bib-duplicate")
    message = (
        "BibTeX syntax error in the entry starting here: check its braces, quotes and commas; the entry is left out"
    )
    return Diagnostic(str(path), line, message, "bib-syntax")


def _incomplete(entry: BibEntry) -> list[Diagnostic]:
    """What a citation needs and the entry lacks: a year, and authors or editors."""
    problems = []
    if not entry.year:
        message = (
            f"entry '{entry.key}' has no year: add year = {{YYYY}}, or {{n.d.}} for an undated work"
            " (citations find works by name and year)"
        )
        problems.append(Diagnostic(str(entry.path), entry.line, message, "bib-no-year"))
    if not entry.creators:
        message = (
            f"entry '{entry.key}' has no author or editor: add author = {{Family, Given}} (a body in double braces)"
        )
        problems.append(Diagnostic(str(entry.path), entry.line, message, "bib-no-author"))
    return problems


def _entry(path: Path, entry: Entry, raw: str) -> BibEntry:
    fields: dict[str, str] = {}
    names: dict[str, tuple[Name, ...]] = {}
    for key, item in entry.fields_dict.items():
        name = key.lower()
        if name in NAME_FIELDS and isinstance(item.value, list):
            names[name] = tuple(_name(parts) for parts in item.value)
        else:
            fields[name] = str(item.value).strip()
    rich_title = fields.get("title", "")
    for name, value in fields.items():
        fields[name] = value.replace(EMPHASIS_START, "").replace(EMPHASIS_END, "")
    rich_title = rich_title if rich_title != fields.get("title", "") else ""
    line = (entry.start_line or 0) + 1
    return BibEntry(entry.key, entry.entry_type.lower(), fields, names, raw, path, line, rich_title)


def _name(parts: middlewares.NameParts) -> Name:
    if not (parts.first or parts.von or parts.jr) and len(parts.last) == 1 and BRACED.fullmatch(parts.last[0]):
        return Name(_decoded(parts.last[0][1:-1]), "", literal=True)  # a body's name, in braces
    family = " ".join(_decoded(part) for part in [*parts.von, *parts.last])
    given = " ".join(_decoded(part) for part in [*parts.first, *parts.jr])
    if not given and (family == "others" or " " in family):
        return Name(family, "", literal=True)
    return Name(family, given)


BRACED = re.compile(r"\{.*\}", re.DOTALL)
_LATEX = LatexNodes2Text()


def _decoded(part: str) -> str:
    r"""One part of a name with its LaTeX decoded ("L{\"u}thi" → "Lüthi")."""
    return str(_LATEX.latex_to_text(part)).strip()


def fold(text: str) -> str:
    """Lower-case ASCII form of a name for matching, without apostrophes: "Lüthi" → "luthi", "O’Connor" → "oconnor"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().replace("'", "").casefold()
