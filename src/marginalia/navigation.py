"""The site's navigation and the home page's list of texts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from marginalia.annotate import AnnotatedText
from marginalia.render.inline import esc
from marginalia.render.pages import TYPE_LABELS, NavItem, RenderedPage
from marginalia.urls import SITE_BIBLIOGRAPHY_PAGE, is_text_bibliography, text_page

TEXT_LIST_PLACEHOLDER = "<!-- marginalia:text-list -->"
"""Where the home page wants the list of texts."""
TEXTS_NAV_TITLE = "Texts"
GLOSSARY_NAV_TITLE = "Glossary"
BIBLIOGRAPHY_NAV_TITLE = "Bibliography"
TEXTS_PER_NAV_GROUP = 40
"""Beyond this many texts, the navigation groups them (“Texts 1–40”), so that each page carries one group, not all."""


@dataclass(frozen=True)
class SiteNavigation:
    """What the build adds to the navigation: an entry per text, and the glossary's pages.

    Attributes:
        texts: One entry per text.
        glossary: The glossary's overview, kinds and timeline.
    """

    texts: tuple[NavItem, ...]
    glossary: tuple[NavItem, ...]

    def insert(self, nav: list[NavItem] | None) -> list[NavItem] | None:
        """Put texts, glossary and bibliography into a configured `nav`, after its first item.

        Existing entries of those names are replaced; with no `nav` configured
        MkDocs builds one from the files.

        Args:
            nav: The configured navigation.

        Returns:
            The navigation with the generated sections.
        """
        if nav is None:
            return None
        ours = (TEXTS_NAV_TITLE, GLOSSARY_NAV_TITLE, BIBLIOGRAPHY_NAV_TITLE)
        rest = [item for item in nav if not (isinstance(item, dict) and any(k in item for k in ours))]
        added: list[NavItem] = [
            {TEXTS_NAV_TITLE: nav_groups(list(self.texts))},
            {GLOSSARY_NAV_TITLE: list(self.glossary)},
            {BIBLIOGRAPHY_NAV_TITLE: SITE_BIBLIOGRAPHY_PAGE},
        ]
        return [*rest[:1], *added, *rest[1:]]


def site_navigation(
    texts: Sequence[tuple[AnnotatedText, list[RenderedPage]]],
    bibliographies: list[RenderedPage],
    glossary: list[RenderedPage],
) -> SiteNavigation:
    """The entries the build adds to the navigation.

    Args:
        texts: Each text with its pages.
        bibliographies: The bibliography's pages (each text's among them).
        glossary: The glossary's overview, kinds and timeline.

    Returns:
        The entries.
    """
    by_text = {page.path: page for page in bibliographies if is_text_bibliography(page.path)}
    return SiteNavigation(
        tuple(_text_entry(text, pages, by_text) for text, pages in texts), tuple({p.title: p.path} for p in glossary)
    )


def nav_groups(items: list[NavItem], size: int = TEXTS_PER_NAV_GROUP) -> list[NavItem]:
    """Navigation items in numbered groups of `size` when there are more than `size`.

    With `navigation.prune`, Material renders the entries of the page's own
    group only, so the navigation each page carries stays the same size as texts are added.

    Args:
        items: The entries, in order.
        size: The most entries shown ungrouped, and the size of each group.

    Returns:
        The entries, or groups of them titled "Texts 1–40", "Texts 41–80", ….
    """
    if len(items) <= size:
        return list(items)
    return [
        {f"{TEXTS_NAV_TITLE} {start + 1}–{min(start + size, len(items))}": items[start : start + size]}
        for start in range(0, len(items), size)
    ]


def _text_entry(text: AnnotatedText, pages: list[RenderedPage], bibliographies: dict[str, RenderedPage]) -> NavItem:
    """A text's entry: its pages, then its bibliography page, nested when more than one.

    Titles are HTML, as the theme prints them unescaped: a text's title from `text.yml` is escaped.
    """
    title = esc(text.meta.nav_title)
    entries = [*pages, *(p for path, p in bibliographies.items() if path.startswith(f"texts/{text.slug}/"))]
    if len(entries) == 1:
        return {title: entries[0].path}
    first = "Title page" if len(pages) > 1 else "Text"  # leaves, each with its contents in the navigation
    return {title: [{first if p is pages[0] else p.title: p.path} for p in entries]}


def fill_home(markdown: str, texts: Sequence[AnnotatedText]) -> str:
    """Put the list of texts where the home page asks for it (`TEXT_LIST_PLACEHOLDER`)."""
    return markdown.replace(TEXT_LIST_PLACEHOLDER, render_text_list(texts))


def render_text_list(texts: Sequence[AnnotatedText]) -> str:
    """Render the home page's list of texts with their authors, years and kinds.

    Args:
        texts: The corpus's texts.

    Returns:
        Markdown (a list), links relative to the site root.
    """
    if not texts:
        return "*No texts yet: add a folder under `texts/` (see the editors' guide).*"
    return "\n".join(
        f"- [{esc(t.meta.title)}]({text_page(t.slug)}): {esc(', '.join(t.meta.author_names))} ({t.meta.year}),"
        f" {TYPE_LABELS.get(t.meta.type, t.meta.type).lower()}"
        for t in texts
    )
