"""MkDocs' objects as the `marginalia` package's plain data, and back: the hooks' adapters.

`hooks/reader.py` handles the events; this module turns MkDocs' navigation
and files into what `marginalia.rebuild` decides on, and the package's
headings into MkDocs' table of contents.
"""

from __future__ import annotations

import html
import threading
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils.meta import get_data

from marginalia.citing.catalog import CitationCatalog
from marginalia.rebuild import NavNode, PageInputs, SiteInputs, fingerprint, output_fingerprints
from marginalia.render import RenderedPage
from marginalia.render.html import GENERATED_MARKER, HeadingNode, heading_tree
from marginalia.site import SiteBuild

PRUNED_NAV = frozenset({"navigation.sections", "navigation.prune"})
"""Material's features under which a page shows only its own branch of the navigation (`visible_nav`)."""
UNFOLLOWED_NAV = frozenset({"navigation.tabs", "navigation.expand"})
"""Features that change which items show in ways `visible_nav` does not follow: each page then counts all."""


class GeneratedFile(File):
    """A generated file that a dirty build writes only when its output is missing (see `marginalia.rebuild`).

    One that `write_ahead` took is written by its thread; MkDocs' copy waits for it (and writes it again if the
    thread could not, with MkDocs' own error).
    """

    ahead: threading.Event | None = None
    written: bool = False

    def is_modified(self) -> bool:
        return not Path(self.abs_dest_path).is_file()

    def copy_file(self, dirty: bool = False) -> None:
        if self.ahead is not None:
            self.ahead.wait()
            if self.written:
                return
        super().copy_file(dirty)


def write_ahead(files: Files) -> None:
    """Write the generated files that are no pages (the pages' citation downloads) in a thread from now on.

    MkDocs writes them one by one after converting the pages; opening a thousand files takes a quarter of a second,
    which a thread does while the pages are converted (the system calls let go of the interpreter). The bytes are
    the ones MkDocs writes. Only for a whole build: a dirty one writes only the outputs it lacks.
    """
    todo = [f for f in files if isinstance(f, GeneratedFile) and not f.is_documentation_page() and f.ahead is None]
    done = threading.Event()
    for file in todo:
        file.ahead = done

    def write() -> None:
        try:
            for file in todo:
                Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
                with open(file.abs_dest_path, "w", encoding="utf-8") as output:
                    output.write(file.content_string)
                file.written = True
        except OSError:
            pass  # MkDocs writes what is left, and reports what fails
        finally:
            done.set()

    threading.Thread(target=write, daemon=True).start()


def fingerprints(
    nav: Navigation,
    config: MkDocsConfig,
    files: Files,
    *,
    build: SiteBuild,
    catalog: CitationCatalog | None,
    own: frozenset[Path],
) -> dict[str, str]:
    """Each output's fingerprint: what it is made of, gathered from MkDocs as plain data for `marginalia.rebuild`.

    `own` are the folders the build reads itself (texts, bibliography, glossary), which no page of `docs/` shows.
    """
    root = Path(config.config_file_path).resolve().parent
    custom = config.theme.custom_dir
    theme = [root / config.config_file_path, *(sorted(Path(custom).rglob("*")) if custom else [])]
    branches: dict[str, tuple[int, ...]] = {}
    nodes = _nav_nodes(nav.items, branches, ())
    features = set(config.theme.get("features") or [])
    watched = [Path(folder) for folder in config.watch if Path(folder).resolve() not in own]
    inside = [path for w in watched for path in ([w] if w.is_file() else sorted(w.rglob("*"))) if path.is_file()]
    site = SiteInputs(
        site=fingerprint(nav.homepage.url if nav.homepage else "", *(_read(p) for p in theme if p.is_file())),
        nav=nodes,
        pruned=features >= PRUNED_NAV and not features & UNFOLLOWED_NAV,
        docs=fingerprint(
            *(f.content_string for f in files.documentation_pages() if f.generated_by is None),
            *(f"{path}\t{path.stat().st_mtime_ns}" for path in inside),
        ),
    )
    pages = [
        PageInputs(
            output=file.abs_dest_path,
            source=file.content_string,
            inputs=(
                build.page_inputs(file.src_uri, file.content_string),
                catalog.page_inputs(file.src_uri) if catalog else "",
            ),
            branch=branches.get(file.src_uri, ()),
            neighbours=tuple((p.title or "", p.url) for p in (file.page.previous_page, file.page.next_page) if p)
            if file.page
            else (),
            editors=file.generated_by is None,
        )
        for file in files.documentation_pages()
    ]
    generated = [
        (file.abs_dest_path, file.content_string)
        for file in files
        if not file.is_documentation_page() and file.generated_by is not None
    ]
    return output_fingerprints(site, pages, generated)


def _nav_nodes(
    items: list[StructureItem], branches: dict[str, tuple[int, ...]], place: tuple[int, ...]
) -> tuple[NavNode, ...]:
    # The navigation's items; each page's place in it goes into `branches`.
    nodes: list[NavNode] = []
    for index, item in enumerate(items):
        if isinstance(item, Section):
            nodes.append((item.title or "", "", _nav_nodes(item.children, branches, (*place, index))))
        elif isinstance(item, Page):
            branches[item.file.src_uri] = place
            # A page titled by its own heading shows that heading; its front matter may add an icon or a status.
            source = item.file.content_string
            nodes.append((f"{item.title or source}\t{get_data(source)[1]}", item.url, ()))
        elif isinstance(item, Link):
            nodes.append((item.title or "", item.url, ()))
    return tuple(nodes)


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace")


def with_generated(html: str, page: Page, generated: RenderedPage) -> str:
    tree = heading_tree(list(generated.headings))
    if tree and tree[0].heading.level == 1:  # the page's HTML holds its title: its contents are all ours
        page.toc = TableOfContents([_anchor(node) for node in tree])
    else:
        add_to_toc(page, tree, first=True)
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= generated.anchors
    return html.replace(GENERATED_MARKER, generated.html)


def add_to_toc(page: Page, tree: list[HeadingNode], *, first: bool) -> None:
    # Under the page's title (its first heading) when it has one; before or after the headings there.
    title = next(iter(page.toc), None)
    below = title.children if title is not None else page.toc.items
    links = [_anchor(node) for node in tree]
    below[:] = [*links, *below] if first else [*below, *links]


def _anchor(node: HeadingNode) -> AnchorLink:
    # The theme prints table-of-contents titles as HTML: a heading's text is escaped.
    link = AnchorLink(html.escape(node.heading.title, quote=False), node.heading.id, node.heading.level)
    link.children = [_anchor(child) for child in node.children]
    return link
