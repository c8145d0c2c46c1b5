"""Load every text of a corpus folder: `texts/<slug>/{source.md, text.yml, editorial.yml}`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from marginalia.cache import TextCache, cached_each, files_digest
from marginalia.editorial import load_editorial_notes
from marginalia.ingest import decode_source, ingest
from marginalia.model import Diagnostic, Document
from marginalia.parallel import in_shares
from marginalia.textmeta import TextMeta, load_text_meta

SOURCE_NAME = "source.md"
META_NAME = "text.yml"
EDITORIAL_NAME = "editorial.yml"
SAFE_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""What a text folder's name must be: it becomes the text's URLs and citation keys as it is."""
PARALLEL_FROM_BYTES = 200_000
"""The fewest bytes of sources to ingest that are shared among the cores (`marginalia.parallel`): some seven articles.
Fewer are done here sooner than a spawned worker would start. A build whose sources weigh so much (`worth_sharing`)
starts its workers ahead (`workers_kept(started=True)`)."""
INGESTED = "ingested"
"""The cache store of ingested texts."""


@dataclass(frozen=True)
class Text:
    """One text of the corpus: its metadata and its ingested document (`marginalia.annotate` reads it)."""

    meta: TextMeta
    document: Document

    @property
    def slug(self) -> str:
        """The text's folder name."""
        return self.meta.slug


@dataclass
class Corpus:
    """All texts that could be loaded, and every problem found while loading them.

    Also each text's input digest, and the size of its source: what working on it costs, to share long lists
    among the cores.
    """

    texts: list[Text] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    digests: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)


def load_corpus(texts_dir: Path, cache: TextCache | None = None) -> Corpus:
    """Load every text folder under `texts_dir`, in slug order.

    A text whose source or `text.yml` cannot be used is left out, with a
    diagnostic saying why; the others load regardless. So is a folder whose
    name is not a safe slug (`SAFE_SLUG`): the name is every URL and citation
    key of the text, so it is never changed silently.

    Args:
        texts_dir: The folder holding one folder per text.
        cache: Ingested texts from earlier builds, by the digest of their files.

    Returns:
        The corpus.
    """
    corpus = Corpus()
    # Each folder in order: its digest, or the diagnostic that leaves it out.
    folders: dict[Path, str | Diagnostic] = {}
    for folder in sorted(p for p in texts_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if SAFE_SLUG.fullmatch(folder.name):
            folders[folder] = files_digest([folder / n for n in (SOURCE_NAME, META_NAME, EDITORIAL_NAME)], folder.name)
            continue
        message = (
            f"folder name {folder.name!r} is not a safe slug (lower-case ASCII letters, digits, hyphens):"
            " rename the folder, for example to the text's BibTeX key ('shen-2020'); the text is left out until then"
        )
        folders[folder] = Diagnostic(str(folder), None, message, "text-slug")
    digests = {folder: digest for folder, digest in folders.items() if isinstance(digest, str)}
    readable = list(digests)

    def ingest_missing(indexes: list[int]) -> list[tuple[Text | None, list[Diagnostic]]]:
        todo = [readable[index] for index in indexes]
        sizes = [_size(folder / SOURCE_NAME) for folder in todo]
        return in_shares(load_texts, todo, sizes) if sum(sizes) >= PARALLEL_FROM_BYTES else load_texts(todo)

    loaded = dict(zip(readable, cached_each(cache, INGESTED, list(digests.values()), ingest_missing), strict=True))
    for folder, digest in folders.items():
        if isinstance(digest, Diagnostic):
            corpus.diagnostics.append(digest)
            continue
        text, problems = loaded[folder] or (None, [])
        corpus.diagnostics.extend(problems)
        if text is not None:
            corpus.texts.append(text)
            corpus.digests[text.slug] = digest
            corpus.sizes[text.slug] = _size(folder / SOURCE_NAME)
    return corpus


def worth_sharing(texts_dir: Path) -> bool:
    """Whether the sources in a corpus folder weigh enough to share their work among the cores.

    Args:
        texts_dir: The corpus folder.

    Returns:
        Whether they weigh `PARALLEL_FROM_BYTES` or more.
    """
    return sum(_size(source) for source in texts_dir.glob(f"*/{SOURCE_NAME}")) >= PARALLEL_FROM_BYTES


def load_texts(folders: list[Path]) -> list[tuple[Text | None, list[Diagnostic]]]:
    """Load text folders in this process, in their order (`load_corpus` gives shares of a long list to workers).

    Args:
        folders: `texts/<slug>` folders.

    Returns:
        What `load_text` gives for each.
    """
    return [load_text(folder) for folder in folders]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def load_text(folder: Path) -> tuple[Text | None, list[Diagnostic]]:
    """Load one text folder.

    Args:
        folder: `texts/<slug>`.

    Returns:
        The text (None when it cannot be built) and the problems found.
    """
    source_path = folder / SOURCE_NAME
    if not source_path.is_file():
        return None, [
            Diagnostic(
                str(source_path),
                None,
                f"text folder has no {SOURCE_NAME}: add the raw text or remove the folder",
                "source-missing",
            )
        ]
    meta, problems = load_text_meta(folder / META_NAME, folder.name)
    source, encoding_problems = decode_source(source_path.read_bytes(), source_path)
    notes, editorial_problems = load_editorial_notes(folder / EDITORIAL_NAME)
    problems += encoding_problems + editorial_problems
    if not encoding_problems and not source.strip():
        problems.append(
            Diagnostic(
                str(source_path),
                None,
                f"{SOURCE_NAME} is empty: put the raw text in it or remove the folder; the text is left out",
                "source-empty",
            )
        )
        return None, problems
    if meta is None:
        # The first text.yml problem is what stops the text; that one message says so.
        first = next(i for i, p in enumerate(problems) if p.path.endswith(META_NAME))
        left_out = problems[first].message + "; the text is left out until this is fixed"
        problems[first] = replace(problems[first], message=left_out)
        return None, problems
    document = ingest(source, slug=folder.name, path=source_path, editorial=notes, furniture=meta.furniture)
    return Text(meta, document), problems + document.diagnostics
