"""The build as named stages, each a function from one record to the next.

    load_inputs ──► Inputs ──► annotate_and_render ──► [TextWork] ──► render_site ──► SitePages
    (texts ingested,            (per text: citations,                  (glossary, bibliography,
     bibliography formatted,     then glossary mentions,                navigation, files)
     glossary loaded)            then its pages and the
                                 names no entry covers)

Then, in `hooks/reader.py`: MkDocs writes the pages, the citation catalog
(`marginalia.citing`) cites each one as it is written, and Pagefind indexes the
finished site (`marginalia.search`). Each record is made once and not changed
afterwards. While serving, a text's annotated pages are kept between builds
(`cached`) under the digest of its files and of the bibliography and glossary.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from marginalia.annotate import AnnotatedText, Annotator, annotate_text
from marginalia.bibliography.aliases import load_aliases
from marginalia.bibliography.chicago import format_entries, plain_text, style_order
from marginalia.bibliography.entries import Bibliography, load_bibliography
from marginalia.bibliography.resolve import CitationResolver
from marginalia.cache import TextCache, cached_each, files_digest
from marginalia.citing.works import works_files
from marginalia.corpus import PARALLEL_FROM_BYTES, Corpus, Text, load_corpus
from marginalia.curation import uncovered_names
from marginalia.glossary.entries import Glossary, load_glossary
from marginalia.glossary.matcher import Matcher
from marginalia.model import Abbreviation, Diagnostic
from marginalia.navigation import SiteNavigation, site_navigation
from marginalia.parallel import in_shares
from marginalia.render import RenderedPage, render_text
from marginalia.render.bibliography import BibliographyData, render_bibliography_pages, text_bibliography_keys
from marginalia.render.glossary import GlossaryData, render_glossary_pages
from marginalia.render.inline_html import Abbreviations
from marginalia.urls import SITE_BIBLIOGRAPHY_PAGE, text_bibliography_page, work_file

ALIASES_NAME = "aliases.yml"
ANNOTATED = "annotated"
"""The cache store of annotated texts with their rendered pages."""


@dataclass(frozen=True)
class Inputs:
    """Everything a build reads, loaded and checked.

    Attributes:
        corpus: The ingested texts.
        bibliography: Every entry of `bib/`.
        formatted: Each entry's formatted reference (HTML), by key.
        annotator: What annotating a text looks in: the bibliography, through its aliases, and the glossary.
        glossary: The glossary.
        context: The digest of what a text's annotation and pages depend on besides its own files.
        diagnostics: Problems found in `bib/`, `glossary/` and the texts.
    """

    corpus: Corpus
    bibliography: Bibliography
    formatted: dict[str, str]
    annotator: Annotator
    glossary: Glossary
    context: str
    diagnostics: tuple[Diagnostic, ...]


def load_inputs(texts_dir: Path, bib_dir: Path, glossary_dir: Path, cache: TextCache | None = None) -> Inputs:
    """Ingest the texts, load and format the bibliography, load the glossary.

    Args:
        texts_dir: The corpus folder.
        bib_dir: The bibliography folder (`*.bib` and `aliases.yml`).
        glossary_dir: The glossary folder (`*.yml` and `rules.yml`).
        cache: Work kept from earlier builds, or None.

    Returns:
        The inputs.
    """
    bibliography = load_bibliography(bib_dir)
    aliases, alias_problems = load_aliases(bib_dir / ALIASES_NAME, set(bibliography.entries))
    formatted = format_entries(list(bibliography.entries.values()), cache)
    corpus = load_corpus(texts_dir, cache)
    abbreviations = _abbreviation_lists(corpus)
    glossary = load_glossary(glossary_dir, abbreviations)
    previews = {key: plain_text(text) for key, text in formatted.items()}
    annotator = Annotator(CitationResolver(bibliography, aliases), previews, Matcher(glossary), glossary.entries)
    context = files_digest([*sorted(bib_dir.iterdir()), *sorted(glossary_dir.iterdir())], repr(abbreviations))
    diagnostics = (*bibliography.diagnostics, *alias_problems, *glossary.diagnostics, *corpus.diagnostics)
    return Inputs(corpus, bibliography, formatted, annotator, glossary, context, diagnostics)


@dataclass(frozen=True)
class TextWork:
    """One text annotated, its pages, and the capitalized names in it that no glossary entry covers."""

    text: AnnotatedText
    pages: list[RenderedPage]
    uncovered: Counter[str]


def annotate_and_render(inputs: Inputs, cache: TextCache | None = None) -> list[TextWork]:
    """Annotate each text (citations, then glossary mentions) and render its pages.

    A text's work depends on the text and the build's context alone: the texts not in `cache` are worked on in
    consecutive chunks among the cores when they are many (`marginalia.parallel`), in this process otherwise.

    Args:
        inputs: The build's inputs.
        cache: Work kept from earlier builds, or None.

    Returns:
        Each text's work, in the corpus's order.
    """
    abbreviations = Abbreviations({k: v for k, v in inputs.glossary.abbreviations().items() if v})
    texts = inputs.corpus.texts

    def work_on_missing(indexes: list[int]) -> list[TextWork]:
        jobs = [TextJob(texts[index], inputs.annotator, abbreviations) for index in indexes]
        sizes = [inputs.corpus.sizes.get(job.text.slug, 0) for job in jobs]
        return in_shares(work_on_texts, jobs, sizes) if sum(sizes) >= PARALLEL_FROM_BYTES else work_on_texts(jobs)

    keys = [inputs.corpus.digests[text.slug] + inputs.context for text in texts]
    return cached_each(cache, ANNOTATED, keys, work_on_missing)


@dataclass(frozen=True)
class TextJob:
    """One text to annotate and render, with what that needs (sent whole to a worker process)."""

    text: Text
    annotator: Annotator
    abbreviations: Abbreviations


def work_on_texts(jobs: list[TextJob]) -> list[TextWork]:
    """Annotate and render texts in this process, in their order (`annotate_and_render` shares a long list)."""
    works = []
    for job in jobs:
        annotated = annotate_text(job.text, job.annotator)
        uncovered = uncovered_names(annotated, job.annotator.matcher)
        works.append(TextWork(annotated, render_text(annotated, job.abbreviations), uncovered))
    return works


@dataclass(frozen=True)
class SitePages:
    """Every page and file the build adds to the site, and its navigation.

    Attributes:
        pages: The texts' pages, the glossary's and the bibliography's.
        files: Other files (path, content): each work's `.bib`, the glossary's mention lists and names.
        navigation: The entries for texts and glossary.
    """

    pages: tuple[RenderedPage, ...]
    files: tuple[tuple[str, str], ...]
    navigation: SiteNavigation


def render_site(inputs: Inputs, works: list[TextWork]) -> SitePages:
    """Render the glossary's and the bibliography's pages around the texts' own.

    Args:
        inputs: The build's inputs.
        works: Each text's work.

    Returns:
        The site's generated pages and files.
    """
    by_text = [(work.text, work.pages) for work in works]
    bibliography = render_bibliography_pages(BibliographyData(inputs.bibliography.entries, inputs.formatted, by_text))
    mentions = [m for work in works for m in work.text.mentions]
    glossary = render_glossary_pages(GlossaryData(inputs.glossary, by_text, mentions))
    text_pages = [page for work in works for page in work.pages]
    entries = inputs.bibliography.entries
    files = [(work_file(key), entry.raw.strip() + "\n") for key, entry in entries.items()]
    files += works_files(SITE_BIBLIOGRAPHY_PAGE, [entries[key] for key in style_order(list(entries.values()))])
    for work in works:
        if keys := text_bibliography_keys(work.text, entries):
            files += works_files(text_bibliography_page(work.text.slug), [entries[key] for key in keys])
    navigation = site_navigation(by_text, bibliography, glossary.index_pages)
    return SitePages(
        (*text_pages, *glossary.index_pages, *glossary.entry_pages, *bibliography),
        (*files, *glossary.files),
        navigation,
    )


def _abbreviation_lists(corpus: Corpus) -> list[tuple[str, str]]:
    return [
        (block.abbreviation, block.expansion)
        for text in corpus.texts
        for section in text.document.sections
        for block in section.blocks
        if isinstance(block, Abbreviation)
    ]
