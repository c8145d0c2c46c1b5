"""Inline Markdown of the markup policy, with what annotation found in it, to HTML in one pass.

A paragraph's or a note's text is the source's inline Markdown (`marginalia.inert`
says what it may hold: the extraction's tags, emphasis, links and autolinks), with
note markers as `[^N]` and page marks as `{pb:N}` (`marginalia.model`). Beside it
stand the spans annotation found (`marginalia.model.Span`: citations, glossary
mentions) and the wrappers rendering adds (an editorial note's passage, an
insertion in square brackets). `InlineRenderer.render` writes it all as HTML:

- *units*, each the HTML of one thing that emphasis cannot cut: a span (a link
  whose text is rendered in turn), a note marker, a page mark, a link or an
  autolink of the source, one of the extraction's tags, a character reference;
- emphasis between them, paired by CommonMark's rules for delimiter runs
  (`*`, `**`, `_`, `__`; an underscore inside a word is a letter);
- in the text that is left, abbreviations as `<abbr title>` and the characters
  HTML reserves escaped.

Nothing is read back from HTML: every element is written here, in the HTML
contract's form (`docs/guide/html-contract.md`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from marginalia.model import Span

__all__ = ["Abbreviations", "Footnotes", "InlineRenderer", "Wrapper"]

SOURCE_TAG = re.compile(r"</?(?:sup|sub|b|i|em|strong|u|small)>|<br\s*/?>")
"""The extraction's own tags (`marginalia.inert.SOURCE_TAGS`), written as they are."""
TOKEN = re.compile(
    r"(?=[\[{<&])"  # what every token starts with: a search passes over most places at once
    r"(?:(?P<noteref>\[\^(?P<label>[^\]\s]+)\])"
    r"|(?P<pagemark>\{pb:(?P<page>[^{}\s]*)\})"
    r"|(?P<autolink><(?P<url>(?:https?://|mailto:)[^\s<>]*)>)"
    r"|(?P<link>\[)"
    rf"|(?P<tag>{SOURCE_TAG.pattern})"
    r"|(?P<entity>&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z0-9]+);))"
)
DELIMITERS = re.compile(r"\*+|_+")
OPAQUE = "\x03"
"""What a unit counts as when emphasis looks at its neighbours: neither a space nor a letter."""


@dataclass(frozen=True)
class Wrapper:
    """HTML around a stretch of an item's text, whose inside is rendered as inline Markdown in turn.

    Attributes:
        start: Where the stretch starts in the item's text.
        end: Where it ends.
        before: The HTML that opens it.
        after: The HTML that closes it (and what follows it: a `[sic]` after a citation).
    """

    start: int
    end: int
    before: str
    after: str


class Footnotes:
    """The notes of one page, numbered in the order their markers appear, and the ids of their markers.

    Python-Markdown's footnotes, which the HTML contract follows: a note's number is its place among the
    page's notes; its first marker is `fnref:<label>`, a second `fnref2:<label>`, and so on.

    Args:
        known: The labels of the text's notes; a marker of any other stays text.
    """

    def __init__(self, known: Collection[str]) -> None:
        self.known = known
        self.labels: list[str] = []
        self.references: dict[str, int] = {}
        self.closed = False

    def reference(self, label: str) -> str | None:
        """The HTML of a marker of note `label`, or None when the page shows no such note."""
        if label not in self.labels:
            if self.closed or label not in self.known:
                return None
            self.labels.append(label)
        count = self.references.get(label, 0) + 1
        self.references[label] = count
        ref_id = f"fnref{count if count > 1 else ''}:{label}"
        number = self.labels.index(label) + 1
        return f'<sup id="{_attr(ref_id)}"><a class="footnote-ref" href="#fn:{_attr(label)}">{number}</a></sup>'

    def close(self) -> list[str]:
        """The page's notes, in order; markers written from now on (in the notes themselves) add none."""
        self.closed = True
        return list(self.labels)


@dataclass(frozen=True)
class Abbreviations:
    """The abbreviations every page shows with their expansion (`<abbr title>`), as Python-Markdown's `abbr` does."""

    expansions: dict[str, str]

    def __post_init__(self) -> None:
        keys = sorted(self.expansions, key=len, reverse=True)
        pattern = rf"\b(?:{'|'.join(re.escape(key) for key in keys)})\b" if keys else r"(?!)"
        object.__setattr__(self, "_pattern", re.compile(pattern))

    def html(self, text: str) -> str:
        """Text as HTML, each abbreviation in it as `<abbr title="expansion">`."""
        pattern: re.Pattern[str] = self._pattern  # type: ignore[attr-defined]
        pieces, position = [], 0
        for match in pattern.finditer(text):
            abbreviation = html.escape(match.group(0), quote=False)
            expansion = _attr(self.expansions[match.group(0)])
            pieces += [html.escape(text[position : match.start()], quote=False)]
            pieces += [f'<abbr title="{expansion}">{abbreviation}</abbr>']
            position = match.end()
        return "".join([*pieces, html.escape(text[position:], quote=False)])


SpanHtml = Callable[[Span], tuple[str, str]]
"""The HTML before and after a span's text (the page it stands on decides its links)."""


class InlineRenderer:
    """Renders the inline Markdown of one page's items.

    Args:
        span_html: The HTML around each span.
        footnotes: The page's note markers.
        abbreviations: What to show as `<abbr>`, or None.
    """

    def __init__(self, span_html: SpanHtml, footnotes: Footnotes, abbreviations: Abbreviations | None) -> None:
        self.span_html = span_html
        self.footnotes = footnotes
        self.abbreviations = abbreviations

    def render(self, text: str, spans: Sequence[Span] = (), wrappers: Sequence[Wrapper] = ()) -> str:
        """Render an item's text with its spans and the wrappers rendering adds.

        Args:
            text: Inline Markdown.
            spans: What annotation found in it.
            wrappers: Other HTML around stretches of it (an editorial note's passage, an insertion).

        Returns:
            HTML.
        """
        around = [Wrapper(s.start, s.end, *self.span_html(s)) for s in spans]
        return self._segment(text, 0, len(text), _nested([*around, *wrappers]))

    def _segment(self, text: str, start: int, end: int, wrappers: list[_Node]) -> str:
        pieces: list[str | _Unit] = []
        position = start
        for node in wrappers:
            pieces += self._tokens(text, position, node.wrapper.start)
            inside = self._segment(text, node.wrapper.start, node.wrapper.end, node.children)
            pieces.append(_Unit(node.wrapper.before + inside + node.wrapper.after))
            position = node.wrapper.end
        pieces += self._tokens(text, position, end)
        return self._emphasis(pieces)

    def _tokens(self, text: str, start: int, end: int) -> list[str | _Unit]:
        """Split a stretch into text and units: note markers, page marks, links, autolinks, tags, references."""
        pieces: list[str | _Unit] = []
        position = start
        for match in TOKEN.finditer(text, start, end):
            if match.start() < position:
                continue  # inside a link already read
            unit = self._unit(text, match, end)
            if unit is None:
                continue
            html_, stop = unit
            pieces += [text[position : match.start()], _Unit(html_)]
            position = stop
        pieces.append(text[position:end])
        return [p for p in pieces if p != ""]

    def _unit(self, text: str, match: re.Match[str], end: int) -> tuple[str, int] | None:
        kind = match.lastgroup
        if kind == "noteref":
            reference = self.footnotes.reference(match.group("label"))
            return None if reference is None else (reference, match.end())
        if kind == "pagemark":
            return f'<span class="page-break" data-page="{_attr(match.group("page"))}"></span>', match.end()
        if kind == "autolink":
            url = match.group("url")
            return f'<a href="{_attr(url)}">{html.escape(url, quote=False)}</a>', match.end()
        if kind == "link":
            link = _link(text, match.start(), end)
            if link is None:
                return None
            label_end, url, stop = link
            inside = self._segment(text, match.start() + 1, label_end, [])
            return f'<a href="{_attr(url)}">{inside}</a>', stop
        return match.group(0), match.end()  # a tag or a character reference, as written

    def _emphasis(self, pieces: list[str | _Unit]) -> str:
        """Pair the delimiter runs of the text pieces (CommonMark's rules) and write the whole as HTML."""
        flat = "".join(p if isinstance(p, str) else OPAQUE for p in pieces)
        items: list[str | _Unit | _Run] = []
        offset = 0
        for piece in pieces:
            if isinstance(piece, _Unit):
                items.append(piece)
                offset += 1
                continue
            position = 0
            for run in DELIMITERS.finditer(piece):
                items.append(piece[position : run.start()])
                before = flat[offset + run.start() - 1] if offset + run.start() > 0 else " "
                after = flat[offset + run.end()] if offset + run.end() < len(flat) else " "
                items.append(_Run(run.group(0), before, after))
                position = run.end()
            items.append(piece[position:])
            offset += len(piece)
        _pair(items)
        # Text runs on across what emphasis left unpaired: as one text, for abbreviations' word boundaries.
        out: list[str] = []
        literal: list[str] = []
        for item in items:
            if isinstance(item, str):
                literal.append(item)
                continue
            if isinstance(item, _Run) and not item.closes and not item.opens:
                literal.append(item.text)
                continue
            opens = closes = ""
            if isinstance(item, _Run):
                closes, opens = "".join(item.closes), "".join(item.opens)
                if not closes:
                    literal.append(item.text)
            out += [self._text("".join(literal)), closes]
            literal = [item.text] if isinstance(item, _Run) and closes else []
            out.append(item.html if isinstance(item, _Unit) else "")
            if opens:
                out += [self._text("".join(literal)), opens]
                literal = []
        out.append(self._text("".join(literal)))
        return "".join(out)

    def _text(self, text: str) -> str:
        return self.abbreviations.html(text) if self.abbreviations else html.escape(text, quote=False)


@dataclass
class _Unit:
    html: str


@dataclass
class _Node:
    wrapper: Wrapper
    children: list[_Node] = field(default_factory=list)


def _nested(wrappers: list[Wrapper]) -> list[_Node]:
    """Wrappers as a tree by containment; one that crosses another's edge is left out."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    for wrapper in sorted(wrappers, key=lambda w: (w.start, -w.end)):
        while stack and stack[-1].wrapper.end <= wrapper.start:
            stack.pop()
        if stack and wrapper.end > stack[-1].wrapper.end:
            continue
        node = _Node(wrapper)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


@dataclass
class _Run:
    """A run of `*` or `_`: the characters around it, and the tags it opens and closes once paired."""

    text: str
    before: str
    after: str
    opens: list[str] = field(default_factory=list)
    closes: list[str] = field(default_factory=list)
    can_open: bool = False
    can_close: bool = False
    length: int = 0

    def __post_init__(self) -> None:
        self.length = len(self.text)
        # Python-Markdown's delimiter runs: a run opens when a non-space follows it, closes when a non-space precedes
        # it; an underscore run must also not touch a letter on the side it opens or closes (snake_case stays).
        opens = not self.after.isspace()
        closes = not self.before.isspace()
        if self.text[0] == "_":
            opens = opens and not _word(self.before)
            closes = closes and not _word(self.after)
        self.can_open, self.can_close = opens, closes


def _pair(items: list[str | _Unit | _Run]) -> None:
    """CommonMark's "process emphasis": pair closers with the nearest fitting opener, innermost first."""
    runs = [item for item in items if isinstance(item, _Run)]
    openers: list[_Run] = []
    for run in runs:
        if run.can_close:
            while run.length and (opener := _opener(openers, run)) is not None:
                # Three on each side: <strong><em>, the emphasis inside, as Python-Markdown pairs them.
                used = 1 if opener.length == 3 or run.length < 2 or opener.length < 2 else 2
                tag = "strong" if used == 2 else "em"
                opener.length -= used
                run.length -= used
                opener.opens.insert(0, f"<{tag}>")
                run.closes.append(f"</{tag}>")
                del openers[openers.index(opener) + 1 :]
                if not opener.length:
                    openers.remove(opener)
        if run.length and run.can_open:
            openers.append(run)
    for run in runs:
        kept = run.length
        run.text = run.text[:kept]


def _opener(openers: list[_Run], closer: _Run) -> _Run | None:
    for opener in reversed(openers):
        if opener.text[0] != closer.text[0] or not opener.length:
            continue
        both = opener.can_close or closer.can_open
        if both and (opener.length + closer.length) % 3 == 0 and (opener.length % 3 or closer.length % 3):
            continue  # CommonMark's "rule of three"
        return opener
    return None


def _closing(text: str, start: int, end: int, opening: str, closing: str) -> int | None:
    """Where the bracket opening at `start` closes (nested pairs counted), before `end`; None if it does not."""
    depth = 0
    for position in range(start, end):
        if text[position] == opening:
            depth += 1
        elif text[position] == closing:
            depth -= 1
            if depth == 0:
                return position
    return None


def _link(text: str, start: int, end: int) -> tuple[int, str, int] | None:
    """A Markdown link `[label](url)` starting at `start`: where its label ends, its URL and where it ends."""
    label_end = _closing(text, start, end, "[", "]")
    if label_end is None or label_end + 1 >= end or text[label_end + 1] != "(":
        return None
    position = _closing(text, label_end + 1, end, "(", ")")
    if position is None:
        return None
    url = text[label_end + 2 : position].strip()
    if url.startswith("<") and url.endswith(">"):
        url = url[1:-1]
    if not url or any(ch.isspace() for ch in url):
        return None
    return label_end, url, position + 1


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _attr(value: str) -> str:
    return html.escape(value, quote=True)
