"""Clean documents of the project's own texts: the shipped texts and the test roots' texts.

Each is the clean projection (`typeset.compare.clean_of`) of the text as
ingest reads it today. Its round trip through the typesetter compares the
re-ingested model with this projection, so what is tested is ingest's
reading of a typeset page, not the shipped source's oddities.
"""

from __future__ import annotations

from pathlib import Path

from marginalia.corpus import SOURCE_NAME, load_text
from marginalia.ingest import decode_source, ingest
from marginalia.model import Document
from typeset.compare import clean_of
from typeset.document import CleanDocument

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = [ROOT / "texts" / "radchenko-2020", ROOT / "texts" / "shen-2020-front-matter"]


def text_folders() -> list[Path]:
    """The shipped texts, then every text of the test roots (`tests/roots/*/texts/*`), in path order.

    The reader root's texts are the shipped texts frozen for the tests: they are not counted twice.

    A text the site leaves out (no `text.yml`) or whose source ingest warns about is left out too: those are the
    broken-text root's, broken by design (an unclosed tag, a marker without its note, a note without its marker,
    a missing `text.yml`). What such a source means is what the warning says is missing, so it has no clean
    document to come back to; the warnings themselves are tested where the root is built (`tests/test_roots.py`).
    """
    roots = sorted(
        p
        for p in (ROOT / "tests" / "roots").glob("*/texts/*")
        if (p / SOURCE_NAME).is_file() and p.parts[-3] != "reader"
    )
    return [folder for folder in [*SHIPPED, *roots] if _sound(folder)]


def _sound(folder: Path) -> bool:
    """Whether the site loads the text in `folder` and ingest reads its source without a warning."""
    text, _problems = load_text(folder)
    return text is not None and not text.document.diagnostics


def folder_id(folder: Path) -> str:
    """A short name for a text folder: its slug, after the test root it belongs to (`formats--lin-2020-bargaining`)."""
    if folder.is_relative_to(ROOT / "tests" / "roots"):
        return f"{folder.relative_to(ROOT / 'tests' / 'roots').parts[0]}--{folder.name}"
    return folder.name


def ingested(folder: Path) -> Document:
    """The text's ingested document, loaded as the site loads it (`load_text`).

    A folder that `load_text` leaves out (a test root's text without `text.yml`) is ingested from its source
    directly, so that its words still make a document.
    """
    text, _problems = load_text(folder)
    if text is not None:
        return text.document
    source_path = folder / SOURCE_NAME
    source, _ = decode_source(source_path.read_bytes(), source_path)
    return ingest(source, slug=folder.name, path=source_path)


def clean_text(folder: Path) -> CleanDocument:
    """The clean document of the text in `folder`."""
    return clean_of(ingested(folder))
