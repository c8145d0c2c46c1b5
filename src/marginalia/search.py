"""The site's search: a chunked static index made by Pagefind over the built site.

Material's own search (lunr) sends every reader the whole index on the first
query (7.9 MiB at 200 texts, 38 MiB at 1,000). Pagefind splits its index into
small chunks that the browser fetches by the words of the query, so a first
query costs an entry file, the WebAssembly search code and a few chunks
(see docs/developers/performance.md). `index_site` runs the Pagefind binary
shipped in the `pagefind-bin` wheel over the finished site; the search box in
`overrides/partials/search.html` asks it through
`overrides/assets/javascripts/search.js`.

Pagefind folds diacritics ("Luthi" finds "Lüthi") and splits Chinese text
itself, so the index needs no plain spellings; `plain_spelling` serves the
glossary's filter lists.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

# Pagefind indexes each page's article, not the navigation, header or footer repeated on every page.
ROOT_SELECTOR = "article.md-content__inner"
# Permalink pilcrows, and the blocks our templates mark as repeating other pages' words
# (glossary mentions, the lists of places citing a work).
EXCLUDE_SELECTORS = (".headerlink", "[data-search-exclude]")
# Text pages and generated pages, not 404.html, which Material writes outside any folder.
PAGES_GLOB = "**/index.html"
OUTPUT_SUBDIR = "pagefind"


class SearchIndexError(RuntimeError):
    """Pagefind failed to index the built site."""


def plain_spelling(word: str) -> str:
    """The word without its diacritics: "Lüthi" → "Luthi"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def pagefind_command(site_dir: Path) -> list[str]:
    """The command that indexes a built site with the Pagefind binary of the `pagefind[bin]` package.

    Args:
        site_dir: The built site; Pagefind writes its index to `<site_dir>/pagefind/`.

    Returns:
        The command's arguments, starting with this Python interpreter.
    """
    excludes = [arg for selector in EXCLUDE_SELECTORS for arg in ("--exclude-selectors", selector)]
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        OUTPUT_SUBDIR,
        "--root-selector",
        ROOT_SELECTOR,
        *excludes,
        "--glob",
        PAGES_GLOB,
        "--quiet",
    ]


def index_site(site_dir: Path) -> None:
    """Write the search index of a built site into `<site_dir>/pagefind/`.

    Args:
        site_dir: The built site.

    Raises:
        SearchIndexError: When Pagefind is missing or fails; its output is in the message.
    """
    try:
        run = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True, check=False)
    except OSError as error:
        raise SearchIndexError(f"could not run Pagefind on {site_dir}: {error}") from error
    if run.returncode != 0:
        raise SearchIndexError(
            f"Pagefind failed on {site_dir} (exit {run.returncode}); is `pagefind[bin]` installed?\n{run.stdout}{run.stderr}"
        )
