"""Render the "Cite this page" block that ends every page (class `cite-this`)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from marginalia.bibliography.chicago import plain_text
from marginalia.citing.page import PageCitation
from marginalia.render.inline import esc

SITE_FILES = ("site.bib", "bibliography.bib")
"""Site-wide downloads at the site root: every page's entry, and every reference of every text."""
HEADING = "Cite this page"
HEADING_ID = "cite-this-page"


@dataclass(frozen=True)
class OriginalWork:
    """The original work a text page reproduces: its formatted reference and BibTeX."""

    key: str
    formatted: str
    bibtex: str
    file: str


def render_cite_block(
    page: PageCitation, *, formatted: str, original: OriginalWork | None, paragraphs: bool, site_files: bool
) -> str:
    """The block as finished HTML (its heading as Python-Markdown's `toc` writes one), to append to the page.

    Args:
        page: The page's citation.
        formatted: Its Chicago author-date reference (HTML).
        original: The original work, for a text's page.
        paragraphs: Whether the page has numbered paragraphs to cite one by one.
        site_files: Whether to offer the site-wide downloads too.

    Returns:
        HTML.
    """
    data = (
        f'data-cite-key="{esc(page.key)}" data-cite-url="{esc(page.url)}"'
        f' data-cite-text="{esc(plain_text(formatted))}" data-cite-bibtex="{esc(page.bibtex())}"'
    )
    heading = f'<h2 id="{HEADING_ID}" data-search-exclude>{HEADING}<a class="headerlink" href="#{HEADING_ID}" title="Permanent link">¶</a></h2>'
    parts = [heading, f'<div class="cite-this" data-search-exclude {data}>']
    if original is not None:
        parts += ['<p class="cite-heading">The original work</p>', *_citation(original.formatted, original.bibtex)]
        link = posixpath.relpath(original.file, page.directory or ".")
        parts.append(f'<p class="cite-downloads"><a href="{link}" download="{original.key}.bib">BibTeX</a></p>')
        parts.append('<p class="cite-heading">This page of the edition</p>')
    parts += _citation(formatted, page.bibtex())
    downloads = " · ".join(
        f'<a href="{esc(posixpath.basename(page.file(ext)))}" download="{esc(posixpath.basename(page.file(ext)))}">{label}</a>'
        for ext, label in (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))
    )
    parts.append(f'<p class="cite-downloads">Download this citation: {downloads}</p>')
    if paragraphs:
        parts.append(
            '<p class="cite-paragraph-help">To cite one paragraph, add its number (¶ N) and use its permalink:'
            " each paragraph's number, in the margin, links to it, and “cite” below the number gives its citation.</p>"
        )
    if site_files:
        links = " · ".join(
            f'<a href="{posixpath.relpath(name, page.directory or ".")}" download="{name}">{name}</a>'
            for name in SITE_FILES
        )
        parts.append(
            f'<p class="cite-downloads">Site-wide: {links} (every page of the site; every work the texts cite).</p>'
        )
    parts.append(
        f'<p class="cite-version">Edition of {page.date.isoformat()}. The files carry no access date:'
        " the copy and download buttons add the day you use them; otherwise give the day you read the page.</p>"
    )
    parts.append("</div>")
    return "\n".join(parts) + "\n"


def _citation(formatted: str, bibtex: str) -> list[str]:
    return [
        f'<p class="cite-chicago">{formatted}</p>',
        f'<pre><code class="language-bibtex">{esc(bibtex.strip())}</code></pre>',
    ]
