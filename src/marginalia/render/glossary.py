"""Render the glossary: an overview, a page per kind, a page per entry, and the events timeline.

Every glossary page is finished HTML from our templates (`render/templates/glossary-*.html`).
An entry page stays bounded however many texts mention the entry: up to
`MENTIONS_IN_FULL` mentions it lists them all, grouped by text and section;
beyond that it gives each text's count and first `KWIC_PER_TEXT` lines, and the
rest of a text's lines load on demand from the entry's static JSON file
(`glossary/mentions/<id>.json`, read by `javascripts/glossary-mentions.js`).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field

from marginalia.annotate import AnnotatedText
from marginalia.annotate.mentions import MentionRecord
from marginalia.glossary.entries import ABBREVIATION_ENTRY, Entry, Glossary
from marginalia.glossary.schema import KIND_LABELS, KIND_TITLES, EntryKind
from marginalia.render.html import Heading, render_html
from marginalia.render.inline import slugify
from marginalia.render.pages import RenderedPage, generated_page, page_of
from marginalia.scripts import language_of, script_of
from marginalia.search import plain_spelling
from marginalia.urls import (
    GLOSSARY_DIR,
    GLOSSARY_OVERVIEW_PAGE,
    NAMES_FILE,
    TIMELINE_PAGE,
    entry_page,
    mentions_file,
    page_url,
)

MENTIONS_IN_FULL = 150
"""An entry with at most this many mentions lists every one on its page."""
KWIC_PER_TEXT = 2
"""Beyond `MENTIONS_IN_FULL`, how many lines each text shows before the rest load on demand."""
SEARCH_BOOST = "---\nsearch:\n  boost: 4\n---\n\n"
"""Front matter that makes an entry's page rank first in search for its own name."""


@dataclass(frozen=True)
class GlossaryData:
    """What the glossary pages are made of: entries, texts with their pages, and every mention."""

    glossary: Glossary
    texts: list[tuple[AnnotatedText, list[RenderedPage]]]
    mentions: list[MentionRecord]


def kind_page(kind: EntryKind) -> str:
    """The index page of one kind of entry."""
    return f"{GLOSSARY_DIR}/{slugify(KIND_TITLES[kind])}.md"


@dataclass(frozen=True)
class GlossaryPages:
    """The glossary's pages and files.

    Attributes:
        index_pages: Pages for the navigation: overview, kinds, timeline.
        entry_pages: One page per entry.
        files: The mentions files of the entries with too many mentions to show (path, JSON).
    """

    index_pages: list[RenderedPage]
    entry_pages: list[RenderedPage]
    files: list[tuple[str, str]] = field(default_factory=list)


def render_glossary_pages(data: GlossaryData) -> GlossaryPages:
    """Render every glossary page.

    Args:
        data: Entries, texts and mentions.

    Returns:
        The overview, the kind pages and the timeline, in navigation order, the entries' pages and mentions files.
    """
    by_entry: dict[str, list[MentionRecord]] = defaultdict(list)
    for mention in data.mentions:
        by_entry[mention.entry].append(mention)
    entries = sorted(data.glossary.entries.values(), key=_sort_name)
    kinds = [(kind, title) for kind, title in KIND_TITLES.items() if any(e.kind == kind for e in entries)]
    overview = render_html(
        "glossary-overview.html",
        kinds=[(title, page_url(kind_page(kind), GLOSSARY_OVERVIEW_PAGE)) for kind, title in kinds],
        timeline=page_url(TIMELINE_PAGE, GLOSSARY_OVERVIEW_PAGE),
        listing=_filter_list(entries, by_entry, GLOSSARY_OVERVIEW_PAGE, "the glossary"),
    )
    pages = [generated_page(GLOSSARY_OVERVIEW_PAGE, "Overview", "Glossary", overview)]
    for kind, title in kinds:
        listing = _filter_list([e for e in entries if e.kind == kind], by_entry, kind_page(kind), title.lower())
        pages.append(generated_page(kind_page(kind), title, title, listing))
    pages.append(generated_page(TIMELINE_PAGE, "Timeline", "Timeline", _timeline(entries, by_entry)))
    entry_pages, files = [], [(NAMES_FILE, _names(entries))]
    texts = {text.slug: (text, text_pages) for text, text_pages in data.texts}
    for entry in entries:
        page, rest = _entry(entry, data.glossary, texts, by_entry[entry.id])
        entry_pages.append(page)
        if rest:
            files.append((mentions_file(entry.id), json.dumps(rest, ensure_ascii=False, separators=(",", ":"))))
    return GlossaryPages(pages, entry_pages, files)


def _filter_list(entries: list[Entry], by_entry: dict[str, list[MentionRecord]], page: str, what: str) -> str:
    """A filterable list of entries.

    An abbreviation of a text's list that the texts never use is left out; its page stays, for its links.
    """
    items = [
        {
            "entry": entry,
            "url": page_url(entry_page(entry.id), page),
            "search": search_terms(entry),
            "count": len(by_entry.get(entry.id, [])),
        }
        for entry in entries
        if by_entry.get(entry.id) or not entry.id.startswith(ABBREVIATION_ENTRY)
    ]
    return render_html("glossary-list.html", list_id=f"glossary-list-{slugify(what)}", what=what, items=items)


def _names(entries: list[Entry]) -> str:
    """The names file: each entry's name, its forms (variants, original script, abbreviations) and its page."""
    names = [
        {
            "name": entry.name,
            "forms": [
                f for f in dict.fromkeys([entry.name, *entry.variants, *entry.abbreviations, entry.original]) if f
            ],
            "url": page_url(entry_page(entry.id), "index.md"),
        }
        for entry in entries
    ]
    return json.dumps(names, ensure_ascii=False, separators=(",", ":"))


def search_terms(entry: Entry) -> str:
    """What the filter box matches for an entry: all its forms, also without diacritics, lower case."""
    forms = [entry.name, *entry.variants, *entry.abbreviations, entry.original]
    folded = [_fold(form) for form in forms if form]
    return " | ".join(dict.fromkeys([form.casefold() for form in forms if form] + folded))


def _fold(text: str) -> str:
    return plain_spelling(text).casefold()


def _sort_name(entry: Entry) -> str:
    name = entry.name
    if entry.kind == "person" and " " in name and script_of(entry.original) != "cjk":
        name = name.rsplit(" ", 1)[1] + " " + name  # Western and Russian names sort by family name, Chinese as written
    return _fold(name)


@dataclass(frozen=True)
class _TextMentions:
    """One text's mentions of an entry, as its page shows them."""

    slug: str
    title: str
    id: str
    url: str
    count: int
    sections: list[tuple[str, list[dict[str, str]]]]
    more: int


def _entry(
    entry: Entry,
    glossary: Glossary,
    texts: dict[str, tuple[AnnotatedText, list[RenderedPage]]],
    mentions: list[MentionRecord],
) -> tuple[RenderedPage, dict[str, list[list[str]]]]:
    """An entry's page, and the mentions it leaves to its JSON file (by text slug), if any."""
    path = entry_page(entry.id)
    in_full = len(mentions) <= MENTIONS_IN_FULL
    by_text: dict[str, list[MentionRecord]] = defaultdict(list)
    for mention in mentions:
        by_text[mention.slug].append(mention)
    groups, rest = [], {}
    for slug, (text, text_pages) in texts.items():
        in_text = by_text.get(slug)
        if not in_text:
            continue
        places = _by_place(in_text)
        shown = places if in_full else places[:KWIC_PER_TEXT]
        lines = [_kwic(place, text_pages, path) for place in places]
        if len(shown) < len(places):
            rest[slug] = [list(line.values()) for line in lines[len(shown) :]]
        sections: list[tuple[str, list[dict[str, str]]]] = []
        for (mention, _), line in zip(shown, lines, strict=False):
            if not sections or sections[-1][0] != mention.section:
                sections.append((mention.section, []))
            sections[-1][1].append(line)
        title = text.meta.nav_title
        groups.append(
            _TextMentions(
                slug,
                title,
                slugify(title),
                page_url(text_pages[0].path, path),
                len(in_text),
                sections,
                len(rest.get(slug, [])),
            )
        )
    related = [glossary.entries[r] for r in entry.related if r in glossary.entries]
    html = render_html(
        "glossary-entry.html",
        entry=entry,
        original_language=language_of(entry.original),
        kind=KIND_LABELS[entry.kind],
        variants=[v for v in entry.variants if v != entry.name],
        related=[(r.name, page_url(entry_page(r.id), path)) for r in related],
        total=len(mentions),
        in_full=in_full,
        groups=groups,
        mentions_url=page_url(mentions_file(entry.id), path).rstrip("/"),
    )
    headings = [Heading(2, "mentions", f"Mentions ({len(mentions)})")]
    if in_full:
        headings += [Heading(3, g.id, f"{g.title} ({g.count})") for g in groups]
    return generated_page(path, entry.name, entry.name, html, headings=tuple(headings), front_matter=SEARCH_BOOST), rest


def _by_place(mentions: list[MentionRecord]) -> list[tuple[MentionRecord, int]]:
    """One line a paragraph or note: its first mention, and how many it holds."""
    places: list[tuple[MentionRecord, int]] = []
    for mention in mentions:
        if places and places[-1][0].anchor == mention.anchor:
            places[-1] = (places[-1][0], places[-1][1] + 1)
        else:
            places.append((mention, 1))
    return places


def _kwic(place: tuple[MentionRecord, int], text_pages: list[RenderedPage], page: str) -> dict[str, str]:
    """One keyword-in-context line: link, place (and its count of mentions), the words around the first, the rule."""
    mention, count = place
    where = f"¶ {mention.anchor[2:]}" if mention.anchor.startswith("p-") else f"note {mention.anchor[3:]}"
    where += f" ({count} mentions)" if count > 1 else ""
    return {
        "url": page_url(page_of(text_pages, mention.anchor), page, mention.anchor),
        "where": where,
        "before": mention.before,
        "form": mention.form,
        "after": mention.after,
        "rule": mention.rule,
    }


YEAR = re.compile(r"^(\d{4})(s)?(?:-(\d{2}))?")


def _year_value(date: str, *, end: bool) -> float:
    match = YEAR.match(date)
    if match is None:
        return 0.0
    year = float(match.group(1))
    if match.group(2):
        return year + (9.99 if end else 0)
    month = int(match.group(3)) if match.group(3) else (12 if end else 1)
    return year + (month - (0 if end else 1)) / 12


def _timeline(entries: list[Entry], by_entry: dict[str, list[MentionRecord]]) -> str:
    events = [(e, e.dates) for e in entries if e.kind == "event" and e.dates is not None]
    if not events:
        return render_html("glossary-timeline.html", rows=[], ticks=[])
    spans = sorted(
        ((e, _year_value(d.start, end=False), _year_value(d.end or d.start, end=True)) for e, d in events),
        key=lambda item: item[1],
    )
    first = float(int(min(start for _, start, _ in spans)) // 10 * 10)
    last = float((int(max(stop for _, _, stop in spans)) // 10 + 1) * 10)
    span = last - first
    rows = [
        {
            "event": event,
            "url": page_url(entry_page(event.id), TIMELINE_PAGE),
            "count": len(by_entry.get(event.id, [])),
            "left": f"{(start - first) / span * 100:.2f}",
            "width": f"{max((stop - start) / span * 100, 0.6):.2f}",
        }
        for event, start, stop in spans
    ]
    ticks = [(year, f"{(year - first) / span * 100:.2f}") for year in range(int(first), int(last) + 1, 10)]
    return render_html("glossary-timeline.html", rows=rows, ticks=ticks)
