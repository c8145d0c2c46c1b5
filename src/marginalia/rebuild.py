"""Which output files a dirty rebuild (`mkdocs serve --dirty`, `make serve`) must write again.

MkDocs' dirty mode skips a page, or a generated file, whose
`File.is_modified()` is false, and never removes an output. Its own rule
compares modification times, which cannot see a page whose output changes
while its source does not (a text's title in every page's navigation, a
glossary entry's list of mentions), and counts every generated file as
modified, so serving rebuilt every page after each edit.

`OutputFingerprints` keeps, for each output file of the last build, a hash
of everything that output is made of (`output_fingerprints`, a pure function
of plain data that the hooks gather from MkDocs); before the pages are
written, the hooks remove the output of every file whose hash changed and of
every file the build no longer makes (`OutputFingerprints.outdated`), and a
generated file counts as modified exactly when its output is missing
(`hooks/reader.py`). So a rebuild writes what changed and nothing else.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field


def fingerprint(*parts: str) -> str:
    """A hash of strings, each one delimited, so that ("ab", "c") and ("a", "bc") differ."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


NavNode = tuple[str, str, tuple["NavNode", ...]]
"""A navigation item as the pages show it: its title, its URL ("" for a section) and its children."""


def nav_fingerprint(items: Iterable[NavNode]) -> str:
    """A hash of the navigation: every title and URL in order, sections with their children."""

    def flat(nodes: Iterable[NavNode], depth: int) -> Iterable[str]:
        for title, url, children in nodes:
            yield f"{depth}\t{title}\t{url}"
            yield from flat(children, depth + 1)

    return fingerprint(*flat(items, 0))


def visible_nav(nodes: tuple[NavNode, ...], branch: tuple[int, ...] = (), level: int = 1) -> tuple[NavNode, ...]:
    """The navigation as Material shows it on one page with `navigation.sections` and `navigation.prune`.

    Every top-level item shows, and the items of every top-level section, and
    the items of each section on the page's own branch; any other section shows
    only its title, linking to its first page. A page whose visible navigation
    is unchanged need not be written again when a title elsewhere changes.

    Args:
        nodes: The navigation's items; a section is a node with children.
        branch: The page's place: the index of its top-level section, then of
            the section in that, and so on (empty for a page outside the navigation).
        level: The level of `nodes`, 1 for the top.

    Returns:
        The visible items: a shown section with its visible children and no URL,
        a pruned one with its first page's URL and no children.
    """
    shown: list[NavNode] = []
    for index, (title, url, children) in enumerate(nodes):
        on_branch = branch[:1] == (index,)
        if not children:
            shown.append((title, url, ()))
        elif level == 1 or on_branch:
            shown.append((title, "", visible_nav(children, branch[1:] if on_branch else (), level + 1)))
        else:
            shown.append((title, _first_page(children), ()))
    return tuple(shown)


def _first_page(nodes: tuple[NavNode, ...]) -> str:
    """The URL a pruned section links to: its first page's, however deep."""
    _, url, children = nodes[0]
    return _first_page(children) if children else url


@dataclass(frozen=True)
class PageInputs:
    """What one page's output is made of, as plain data.

    Attributes:
        output: The output file's path.
        source: The page's Markdown source.
        inputs: What the build made the page from beyond its source (a text's work, its citation files), each
            part apart.
        branch: The page's place in the navigation (`visible_nav`); empty outside it.
        neighbours: The previous and next pages' titles and URLs, which its footer links.
        editors: Whether editors wrote it in `docs/` (not generated): it then depends on `SiteInputs.docs` too.
    """

    output: str
    source: str
    inputs: tuple[str, ...] = ()
    branch: tuple[int, ...] = ()
    neighbours: tuple[tuple[str, str], ...] = ()
    editors: bool = False


@dataclass(frozen=True)
class SiteInputs:
    """What every page's output is made of.

    Attributes:
        site: A fingerprint of the configuration, the theme's overrides and the home page's URL.
        nav: The navigation.
        pruned: Whether a page shows only its own branch of `nav` (Material's `navigation.sections` and
            `navigation.prune`, without a feature that shows more); otherwise every page shows all of it.
        docs: A fingerprint of the pages editors wrote and of every other watched file: any change to one writes
            them all (they are few, and the API reference shows the package's source).
    """

    site: str
    nav: tuple[NavNode, ...]
    pruned: bool
    docs: str


def output_fingerprints(
    site: SiteInputs, pages: Iterable[PageInputs], generated: Iterable[tuple[str, str]]
) -> dict[str, str]:
    """Each output of a build by its path, with a hash of everything it is made of.

    Args:
        site: What every page is made of.
        pages: The pages.
        generated: Each other generated file (a `.bib`, a search shard): its output path and its content.

    Returns:
        The fingerprints, pages first, in the order given.
    """
    whole = None if site.pruned else nav_fingerprint(site.nav)
    current = {}
    for page in pages:
        shown = whole or nav_fingerprint(visible_nav(site.nav, page.branch))
        own = site.docs if page.editors else ""
        current[page.output] = fingerprint(site.site, shown, repr(page.neighbours), page.source, *page.inputs, own)
    for output, content in generated:
        current[output] = fingerprint(content)
    return current


@dataclass
class OutputFingerprints:
    """Each output file's fingerprint in the last build that finished, by the output's path.

    Attributes:
        written: The fingerprints of the last build that finished.
        pending: Those of the build in progress, kept when it finishes (`commit`).
    """

    written: dict[str, str] = field(default_factory=dict)
    pending: dict[str, str] = field(default_factory=dict)

    def outdated(self, current: dict[str, str]) -> list[str]:
        """The outputs to remove before this build writes: changed, new to it, or no longer made.

        Args:
            current: Each output path of this build with its fingerprint.

        Returns:
            The paths, in a fixed order; a path whose output does not exist does no harm.
        """
        self.pending = current
        gone = sorted(path for path in self.written if path not in current)
        return [path for path, value in current.items() if self.written.get(path) != value] + gone

    def commit(self) -> None:
        """The build in progress finished: its outputs are the ones on disk."""
        self.written, self.pending = self.pending, {}
