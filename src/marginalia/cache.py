"""Each text's work, cached by the content hash of its inputs, so that `mkdocs serve` redoes only what changed.

Ingest depends on a text's own files only (`source.md`, `text.yml`,
`editorial.yml`); annotation and rendering also on the glossary and the
bibliography. So a text is cached twice: ingested, under the hash of its
files; annotated and rendered, under that hash with the glossary's and the
bibliography's. Formatted references are kept too, under the hash of the
style and the item (`marginalia.bibliography.chicago.format_items`). Values
are stored pickled, so every hit is a fresh copy the build may change, and
only the keys the last build used are kept. The cache lives as long as the
process: `hooks/reader.py` keeps one while serving.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def files_digest(paths: Iterable[Path], *extra: str) -> str:
    """A hash of files' names and contents (a missing file counts as such), and of extra strings.

    Args:
        paths: The files, in a fixed order.
        *extra: Other inputs, e.g. other digests.

    Returns:
        A hex digest.
    """
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"\0missing\0")
    for value in extra:
        digest.update(value.encode() + b"\0")
    return digest.hexdigest()


@dataclass
class TextCache:
    """Pickled values by key, in named stores ("ingested", "annotated"), with hit and miss counts."""

    stores: dict[str, dict[str, bytes]] = field(default_factory=dict)
    used: dict[str, set[str]] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0

    def get(self, store: str, key: str) -> Any | None:
        """A fresh copy of the value stored under `key`, or None."""
        self.used.setdefault(store, set()).add(key)
        data = self.stores.get(store, {}).get(key)
        if data is None:
            self.misses += 1
            return None
        self.hits += 1
        return pickle.loads(data)  # our own values, pickled by this process

    def put(self, store: str, key: str, value: object) -> None:
        """Store a copy of `value` under `key`."""
        self.used.setdefault(store, set()).add(key)
        self.stores.setdefault(store, {})[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    def end_build(self) -> None:
        """Forget what the build that ends did not use, and reset the counts.

        `SiteBuild.load` calls it as the next build starts: a build uses the
        cache until its citations are made, in `on_files`.
        """
        for name, store in self.stores.items():
            keep = self.used.get(name, set())
            self.stores[name] = {key: value for key, value in store.items() if key in keep}
        self.used, self.hits, self.misses = {}, 0, 0


def cached_each(
    cache: TextCache | None, store: str, keys: Sequence[str], compute: Callable[[list[int]], list[Any]]
) -> list[Any]:
    """A stage's values, one per key: from the cache where an earlier build made them, the others computed at once.

    Args:
        cache: Work kept from earlier builds, or None to compute every value.
        store: The cache's store for this stage.
        keys: The digest of each value's inputs.
        compute: Makes the missing values, given their indexes in `keys`, in that order (in one batch, so that
            the stage can share a long list among the cores).

    Returns:
        The values, in the order of `keys`.
    """
    found = [cache.get(store, key) if cache is not None else None for key in keys]
    missing = [index for index, value in enumerate(found) if value is None]
    for index, value in zip(missing, compute(missing) if missing else [], strict=True):
        found[index] = value
        if cache is not None:
            cache.put(store, keys[index], value)
    return found
