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

Pagefind holds a run's whole index in memory, some four times the HTML it
reads (1.6 GiB for the 400 MiB of 1,000 texts). So a large site is indexed
in shards of at most `SHARD_BYTES` of pages, one run after the other
(`shard_globs`): the first into `pagefind/`, the others into `pagefind-2/`,
`pagefind-3/` …, listed in `pagefind/shards.json`, which the search script
merges into one search (Pagefind's `mergeIndex`, results ranked together).
A site under the limit has one bundle and an empty list.

A site that fits in one bundle is indexed while MkDocs writes its pages
(`EarlyIndex`): once every page's content is known, its article goes into a
small page of its own in a scratch folder (the page's language and article
alone: what Pagefind reads of it), and Pagefind runs on those beside the
build. Each written page is checked against its stand-in (its article, edges
stripped, and its language); only when every page matches is that index
moved into the site, and otherwise the finished site is indexed as before.
The index is the same, byte for byte (`tests/test_search_early.py`).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

# Pagefind indexes each page's article, not the navigation, header or footer repeated on every page.
ROOT_SELECTOR = "article.md-content__inner"
# Permalink pilcrows, and the blocks our templates mark as repeating other pages' words
# (glossary mentions, the lists of places citing a work).
EXCLUDE_SELECTORS = (".headerlink", "[data-search-exclude]")
# Text pages and generated pages, not 404.html, which Material writes outside any folder.
PAGES_GLOB = "**/index.html"
OUTPUT_SUBDIR = "pagefind"
SHARDS_FILE = "shards.json"
"""In the first bundle: the other bundles' folders, relative to it."""
GLOB_SYNTAX = frozenset("*?[]{}<>():,$")
"""The characters that Pagefind's globs read as syntax, unless escaped with a backslash."""
SHARD_BYTES = 96 * 2**20
"""The most HTML one Pagefind run reads (about 0.4 GiB of memory); a larger site is indexed in shards."""


ARTICLE_START = '<article class="md-content__inner md-typeset">'
"""Where the part of a page that Pagefind reads (`ROOT_SELECTOR`) starts, as Material writes it."""
ARTICLE_END = "</article>"
PAGE_LANGUAGE = re.compile(r'<html lang="([^"]*)"')
EARLY_BYTES = SHARD_BYTES // 2
"""The most bytes of articles indexed while MkDocs writes the pages: about one bundle of finished pages."""


class SearchIndexError(RuntimeError):
    """Pagefind failed to index the built site."""


def plain_spelling(word: str) -> str:
    """The word without its diacritics: "Lüthi" → "Luthi"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def pagefind_command(site_dir: Path, glob: str = PAGES_GLOB, output: str = OUTPUT_SUBDIR) -> list[str]:
    """The command that indexes a built site with the Pagefind binary of the `pagefind[bin]` package.

    Args:
        site_dir: The built site.
        glob: The pages to index, relative to `site_dir`.
        output: The folder in `site_dir` that Pagefind writes the index to.

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
        output,
        "--root-selector",
        ROOT_SELECTOR,
        *excludes,
        "--glob",
        glob,
        "--quiet",
    ]


def shard_globs(sizes: dict[str, int], limit: int = SHARD_BYTES) -> list[str]:
    """Split a site's pages into shards of at most `limit` bytes, each named by one Pagefind glob.

    A folder stays whole when it fits (a text with its parts); a larger one is
    split into its pages and subfolders. Shards take a folder's pages, then its
    subfolders, in name order, so the same site always gives the same shards.

    Args:
        sizes: Each page's path relative to the site (`texts/a/index.html`) and size in bytes.
        limit: The most bytes of pages in a shard (a single larger folder makes a shard of its own).

    Returns:
        One glob per shard, `PAGES_GLOB` when the whole site fits in one.
    """
    shards: list[list[str]] = [[]]
    used = 0
    for pattern, size in _folders(sizes, "", limit):
        if shards[-1] and used + size > limit:
            shards.append([])
            used = 0
        shards[-1].append(pattern)
        used += size
    return [patterns[0] if len(patterns) == 1 else "{" + ",".join(patterns) + "}" for patterns in shards]


def _folders(sizes: dict[str, int], prefix: str, limit: int) -> list[tuple[str, int]]:
    """The globs of the folders under `prefix` that fit in `limit`, with their sizes, in name order."""
    total = sum(sizes.values())
    if total <= limit:
        return [(prefix + PAGES_GLOB, total)]
    below: dict[str, dict[str, int]] = {}
    result = []
    for path, size in sorted(sizes.items()):
        folder, slash, rest = path.partition("/")
        if slash:
            below.setdefault(folder, {})[rest] = size
        else:
            result.append((prefix + glob_name(path), size))
    for folder, inside in sorted(below.items()):
        result += _folders(inside, f"{prefix}{glob_name(folder)}/", limit)
    return result


def glob_name(name: str) -> str:
    """A file or folder name as a Pagefind glob that matches it: its glob syntax escaped.

    Pagefind's globs refuse a needless escape and cannot escape a backslash, so
    a backslash in a name matches any one character there.
    """
    return "".join("?" if ch == "\\" else "\\" + ch if ch in GLOB_SYNTAX else ch for ch in name)


def index_site(site_dir: Path, limit: int = SHARD_BYTES) -> None:
    """Write the search index of a built site into `<site_dir>/pagefind/` (and more bundles for a large site).

    Args:
        site_dir: The built site.
        limit: The most bytes of pages that one Pagefind run reads (see `shard_globs`).

    Raises:
        SearchIndexError: When Pagefind is missing or fails; its output is in the message.
    """
    sizes = {page: (site_dir / page).stat().st_size for page in site_pages(site_dir)}
    globs = shard_globs(sizes, limit) if sizes else [PAGES_GLOB]
    bundles = [OUTPUT_SUBDIR, *(f"{OUTPUT_SUBDIR}-{number}" for number in range(2, len(globs) + 1))]
    for folder in site_dir.glob(f"{OUTPUT_SUBDIR}*"):
        shutil.rmtree(folder)  # a dirty rebuild's bundles, whose number may have changed
    for glob, bundle in zip(globs, bundles, strict=True):
        _run(pagefind_command(site_dir, glob, bundle), site_dir)
    shards = [f"../{bundle}/" for bundle in bundles[1:]]
    (site_dir / OUTPUT_SUBDIR / SHARDS_FILE).write_text(json.dumps(shards) + "\n", encoding="utf-8")


def site_pages(site_dir: Path) -> list[str]:
    """The pages Pagefind indexes in a built site (`PAGES_GLOB`, its own bundles aside), as paths in the site."""
    pages = (path.relative_to(site_dir) for path in site_dir.glob(PAGES_GLOB))
    return [page.as_posix() for page in pages if not page.parts[0].startswith(OUTPUT_SUBDIR)]


def _run(command: list[str], site_dir: Path) -> None:
    try:
        run = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise SearchIndexError(f"could not run Pagefind on {site_dir}: {error}") from error
    if run.returncode != 0:
        raise SearchIndexError(
            f"Pagefind failed on {site_dir} (exit {run.returncode}); is `pagefind[bin]` installed?\n{run.stdout}{run.stderr}"
        )


@dataclass
class EarlyIndex:
    """The search index made while MkDocs writes the pages, from each page's article as the build knows it.

    Attributes:
        folder: The scratch folder: the stand-in pages where the site has the pages, and the bundle Pagefind
            writes (`OUTPUT_SUBDIR`).
        process: Pagefind, running.
        articles: The digest of each page's stand-in (its language and article), by path in the site.
        matching: The pages written so far whose article and language are their stand-in's.
        differing: Whether a written page differs from its stand-in (the index is then not used).
    """

    folder: Path
    process: subprocess.Popen[str]
    articles: dict[str, str]
    matching: set[str] = field(default_factory=set)
    differing: bool = False

    @classmethod
    def start(cls, articles: dict[str, str], language: str) -> EarlyIndex | None:
        """Write a stand-in page for each article and start Pagefind on them.

        Args:
            articles: Each page's article content (what Material puts in it), by path in the site.
            language: The pages' language (`<html lang>`).

        Returns:
            The index being made, or None when the articles are too many for one bundle or Pagefind cannot start.
        """
        if sum(len(article) for article in articles.values()) > EARLY_BYTES:
            return None
        folder = Path(tempfile.mkdtemp(prefix="marginalia-search-"))
        digests = {}
        for path, article in articles.items():
            page, inner = folder / path, article.strip()
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(_stand_in(language, inner), encoding="utf-8")
            digests[path] = _digest(language, inner)
        command = pagefind_command(folder)
        try:
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        except OSError:
            shutil.rmtree(folder, ignore_errors=True)
            return None
        return cls(folder, process, digests)

    def check(self, path: str, html: str) -> None:
        """Compare a written page with its stand-in.

        Args:
            path: The page's path in the site.
            html: The page as written.
        """
        start, end = html.find(ARTICLE_START), html.rfind(ARTICLE_END)
        language = PAGE_LANGUAGE.search(html)
        if start < 0 or end < start or language is None:
            self.differing = True
            return
        article = html[start + len(ARTICLE_START) : end].strip()
        if self.articles.get(path) == _digest(language.group(1), article):
            self.matching.add(path)
        else:
            self.differing = True

    def finish(self, site_dir: Path) -> bool:
        """Wait for Pagefind and move its bundle into the site when it indexed the site's pages as written.

        Args:
            site_dir: The built site.

        Returns:
            Whether the site now has its index; if not, `index_site` makes it from the finished pages.
        """
        self.process.communicate()
        pages = set(site_pages(site_dir))
        done = self.process.returncode == 0 and not self.differing and self.matching == pages == set(self.articles)
        if done:
            for folder in site_dir.glob(f"{OUTPUT_SUBDIR}*"):
                shutil.rmtree(folder)
            shutil.move(self.folder / OUTPUT_SUBDIR, site_dir / OUTPUT_SUBDIR)
            (site_dir / OUTPUT_SUBDIR / SHARDS_FILE).write_text("[]\n", encoding="utf-8")
        shutil.rmtree(self.folder, ignore_errors=True)
        return done

    def stop(self) -> None:
        """Stop Pagefind and remove the scratch folder (a build that failed)."""
        self.process.kill()
        self.process.communicate()
        shutil.rmtree(self.folder, ignore_errors=True)


def _stand_in(language: str, article: str) -> str:
    return f'<!doctype html>\n<html lang="{language}"><body>{ARTICLE_START}{article}{ARTICLE_END}</body></html>\n'


def _digest(language: str, article: str) -> str:
    return hashlib.sha256(f"{language}\0{article}".encode()).hexdigest()
