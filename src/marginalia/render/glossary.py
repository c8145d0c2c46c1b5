"""Render the glossary: an overview, a page per kind, a page per entry, and the events timeline."""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass

from marginalia.annotate.mentions import MentionRecord
from marginalia.corpus import Text
from marginalia.glossary.entries import Entry, Glossary
from marginalia.glossary.schema import KIND_LABELS, KIND_TITLES, EntryKind
from marginalia.render.inline import esc, slugify
from marginalia.render.pages import RenderedPage, page_of
from marginalia.search import plain_spelling

GLOSSARY_DIR = "glossary"
TIMELINE_PAGE = f"{GLOSSARY_DIR}/timeline.md"
OVERVIEW_PAGE = f"{GLOSSARY_DIR}/index.md"


@dataclass(frozen=True)
class GlossaryData:
    """What the glossary pages are made of: entries, texts with their pages, and every mention."""

    glossary: Glossary
    texts: list[tuple[Text, list[RenderedPage]]]
    mentions: list[MentionRecord]


def kind_page(kind: EntryKind) -> str:
    """The index page of one kind of entry."""
    return f"{GLOSSARY_DIR}/{slugify(KIND_TITLES[kind])}.md"


def entry_page(entry_id: str) -> str:
    """An entry's page."""
    return f"{GLOSSARY_DIR}/{entry_id}.md"


@dataclass(frozen=True)
class GlossaryPages:
    """The glossary's pages: those for the navigation (overview, kinds, timeline) and one per entry."""

    index_pages: list[RenderedPage]
    entry_pages: list[RenderedPage]


def render_glossary_pages(data: GlossaryData) -> GlossaryPages:
    """Render every glossary page.

    Args:
        data: Entries, texts and mentions.

    Returns:
        The overview, the kind pages and the timeline, in navigation order, and the entries' pages.
    """
    by_entry: dict[str, list[MentionRecord]] = defaultdict(list)
    for mention in data.mentions:
        by_entry[mention.entry].append(mention)
    entries = sorted(data.glossary.entries.values(), key=_sort_name)
    pages = [RenderedPage(OVERVIEW_PAGE, "Overview", _overview(entries, by_entry))]
    for kind, title in KIND_TITLES.items():
        of_kind = [e for e in entries if e.kind == kind]
        if of_kind:
            body = _filter_list(of_kind, by_entry, kind_page(kind), title.lower())
            pages.append(RenderedPage(kind_page(kind), title, f"# {title}\n\n{body}\n"))
    pages.append(RenderedPage(TIMELINE_PAGE, "Timeline", _timeline(entries, by_entry)))
    return GlossaryPages(
        pages, [RenderedPage(entry_page(e.id), e.name, _entry(e, data, by_entry[e.id])) for e in entries]
    )


def _overview(entries: list[Entry], by_entry: dict[str, list[MentionRecord]]) -> str:
    kinds = " · ".join(
        f"[{title}]({posixpath.basename(kind_page(kind))})"
        for kind, title in KIND_TITLES.items()
        if any(e.kind == kind for e in entries)
    )
    intro = (
        "People, events, organizations, places and terms that the texts mention, each with every place it is"
        f" mentioned. By kind: {kinds} · [Timeline of events](timeline.md)."
    )
    return f"# Glossary\n\n{intro}\n\n{_filter_list(entries, by_entry, OVERVIEW_PAGE, 'the glossary')}\n"


def _filter_list(entries: list[Entry], by_entry: dict[str, list[MentionRecord]], page: str, what: str) -> str:
    list_id = f"glossary-list-{slugify(what)}"
    items = []
    for entry in entries:
        count = len(by_entry.get(entry.id, []))
        dates = f' <span class="glossary-dates">{esc(entry.date_label)}</span>' if entry.date_label else ""
        mentions = f"{count} mention{'s' if count != 1 else ''}"
        link = posixpath.relpath(entry_page(entry.id), posixpath.dirname(page))
        items.append(
            f'<li data-search="{esc(search_terms(entry))}" markdown="span">[{esc(entry.name)}]({link}){dates}'
            f' <span class="glossary-summary">{esc(entry.description)}</span> <span class="glossary-count">{mentions}</span></li>'
        )
    box = (
        f'<input type="search" class="glossary-filter" data-target="{list_id}" placeholder="Filter {esc(what)}"'
        f' aria-label="Filter {esc(what)} by name or spelling">\n<p class="glossary-filter-status" aria-live="polite"></p>'
    )
    return f'{box}\n\n<ul class="glossary-list" id="{list_id}" markdown>\n' + "\n".join(items) + "\n</ul>"


def search_terms(entry: Entry) -> str:
    """What the filter box matches for an entry: all its forms, also without diacritics, lower case."""
    forms = [entry.name, *entry.variants, *entry.abbreviations, entry.original]
    folded = [_fold(form) for form in forms if form]
    return " | ".join(dict.fromkeys([form.casefold() for form in forms if form] + folded))


def _fold(text: str) -> str:
    return plain_spelling(text).casefold()


def _sort_name(entry: Entry) -> str:
    name = entry.name
    if entry.kind == "person" and " " in name and not entry.original:
        name = name.rsplit(" ", 1)[1] + " " + name  # Western names sort by family name
    return _fold(name)


def _entry(entry: Entry, data: GlossaryData, mentions: list[MentionRecord]) -> str:
    meta = [f'<span class="glossary-kind">{KIND_LABELS[entry.kind]}</span>']
    if entry.date_label:
        meta.append(f'<span class="glossary-dates">{esc(entry.date_label)}</span>')
    if entry.original:
        meta.append(f'<span class="glossary-original" lang="zh">{esc(entry.original)}</span>')
    lines = [
        *SEARCH_BOOST,
        f"# {esc(entry.name)}",
        f'<div class="glossary-entry" data-entry="{entry.id}" markdown>',
        "",
        f'<p class="glossary-meta">{" · ".join(meta)}</p>',
        "",
        esc(entry.description),
        "",
    ]
    variants = [v for v in entry.variants if v != entry.name]
    if variants:
        lines += [f'<p class="glossary-variants">Also written: {esc(", ".join(variants))}</p>', ""]
    if entry.abbreviations:
        pairs = ", ".join(f"{esc(a)} ({esc(x)})" if x else esc(a) for a, x in entry.abbreviations.items())
        lines += [f'<p class="glossary-abbreviations">Abbreviation: {pairs}</p>', ""]
    if entry.wikidata:
        url = f"https://www.wikidata.org/wiki/{entry.wikidata}"
        lines += [f'<p class="glossary-wikidata">Wikidata: <a href="{url}">{entry.wikidata}</a></p>', ""]
    related = [data.glossary.entries[r] for r in entry.related if r in data.glossary.entries]
    if related:
        links = ", ".join(f"[{esc(r.name)}]({r.id}.md)" for r in related)
        lines += [f'<p class="glossary-related" markdown="span">Related: {links}</p>', ""]
    lines += ["</div>", "", *_mentions(entry, data, mentions)]
    return "\n".join(lines) + "\n"


def _mentions(entry: Entry, data: GlossaryData, mentions: list[MentionRecord]) -> list[str]:
    lines = [f"## Mentions ({len(mentions)}) {{: #mentions }}", ""]
    if not mentions:
        return [*lines, "Not mentioned in the texts.", ""]
    for text, pages in data.texts:
        in_text = [m for m in mentions if m.slug == text.slug]
        if not in_text:
            continue
        lines += [f"### {esc(text.meta.nav_title)} ({len(in_text)})", ""]
        section = None
        for mention in in_text:
            if mention.section != section:
                section = mention.section
                lines += ["", f'<p class="glossary-section">{esc(section) or "Untitled section"}</p>', ""]
            target = posixpath.relpath(page_of(pages, mention.anchor), GLOSSARY_DIR)
            where = f"¶ {mention.anchor[2:]}" if mention.anchor.startswith("p-") else f"note {mention.anchor[3:]}"
            kwic = f"…{esc(mention.before)}<mark>{esc(mention.form)}</mark>{esc(mention.after)}…"
            rule = f' <span class="glossary-rule" title="{esc(mention.rule)}">by rule</span>' if mention.rule else ""
            lines.append(f'- [{where}]({target}#{mention.anchor}): <span class="kwic">{kwic}</span>{rule}')
        lines.append("")
    return lines


SEARCH_BOOST = ["---", "search:", "  boost: 4", "---", ""]
"""Front matter that makes an entry's page rank first in search for its own name."""
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
        return "# Timeline\n\nNo dated events yet.\n"
    spans = sorted(
        ((e, _year_value(d.start, end=False), _year_value(d.end or d.start, end=True)) for e, d in events),
        key=lambda item: item[1],
    )
    first = float(int(min(start for _, start, _ in spans)) // 10 * 10)
    last = float((int(max(stop for _, _, stop in spans)) // 10 + 1) * 10)
    span = last - first
    rows = []
    for event, start, stop in spans:
        left, width = (start - first) / span * 100, max((stop - start) / span * 100, 0.6)
        count = len(by_entry.get(event.id, []))
        rows.append(
            f'<li class="timeline-row" markdown="span"><span class="timeline-date">{esc(event.date_label)}</span>'
            f" [{esc(event.name)}]({event.id}.md) · [{count} mention{'s' if count != 1 else ''}]({event.id}.md#mentions)"
            f'<span class="timeline-track" aria-hidden="true"><span class="timeline-bar" style="left: {left:.2f}%; width: {width:.2f}%"></span></span></li>'
        )
    ticks = "".join(
        f'<span class="timeline-tick" style="left: {(year - first) / span * 100:.2f}%">{int(year)}</span>'
        for year in range(int(first), int(last) + 1, 10)
    )
    axis = f'<div class="timeline-axis" aria-hidden="true">{ticks}</div>'
    intro = "Events the texts mention, in order, each on a scale of years with a link to its entry and its mentions."
    return f"# Timeline\n\n{intro}\n\n{axis}\n\n" + '<ol class="timeline" markdown>\n' + "\n".join(rows) + "\n</ol>\n"
