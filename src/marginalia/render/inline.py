"""Small helpers for the HTML the renderer writes: titles, escaping, editorial marks, insertions."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from marginalia.inert import restore_source
from marginalia.markup import mask
from marginalia.model import EditorialNote, Span
from marginalia.render.inline_html import Wrapper
from marginalia.slugs import slugify

__all__ = [
    "EditorialMarks",
    "display_title",
    "emphasis_html",
    "esc",
    "esc_source",
    "insertions",
    "slugify",
]

SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})


def display_title(title: str) -> str:
    """Title-case a heading printed in capitals ("NOTES ON CONTRIBUTORS" → "Notes on Contributors").

    Args:
        title: A heading as the source prints it.

    Returns:
        The heading for display; headings in mixed case are returned unchanged.
    """
    if any(ch.islower() for ch in title) or not any(ch.isupper() for ch in title):
        return title
    words = title.lower().split()
    first = next((i for i, w in enumerate(words) if any(ch.isalpha() for ch in w)), 0)  # after a section number
    return " ".join(w if i > first and w in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))


def esc(text: str) -> str:
    """Escape text (a YAML or BibTeX field) for HTML."""
    return html.escape(text, quote=True)


STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
EMPHASIS = re.compile(r"(?<![*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?![*\w])|(?<![_\w])_(?=\S)([^_]+?)(?<=\S)_(?![_\w])")


INSERTION = re.compile(r"(?<![\\\w\0])\[(?!\^)(?!\d{1,3}\])(?!\?\])([^\[\]\n]+)\](?![(\[{])")
"""Square brackets in running text: an editor's or author's insertion ("[sic]", "[illegible]", "[Zhou Enlai]").

Not a Markdown link (`[text](url)`), a note marker (`[^1]`, `[1]`), an unresolved citation's `[?]`, nor
anything inside or right after a link or an HTML tag (found on the masked text, see `marginalia.markup.mask`).
"""


def insertions(text: str) -> list[Wrapper]:
    """The bracketed insertions of a paragraph, each to be shown as editorial text, brackets and words as printed.

    Args:
        text: A paragraph's inline Markdown (an insertion may hold a mention: "[Zhou Enlai]").

    Returns:
        A `span.insertion` around each.
    """
    return [Wrapper(m.start(), m.end(), '<span class="insertion">', "</span>") for m in INSERTION.finditer(mask(text))]


def emphasis_html(escaped: str) -> str:
    """Turn Markdown emphasis (`**strong**`, `*em*`) in already escaped text into HTML, for lines kept in HTML blocks.

    Args:
        escaped: HTML-escaped text that may hold Markdown emphasis.

    Returns:
        The text with `<strong>` and `<em>`.
    """
    return EMPHASIS.sub(lambda m: f"<em>{m.group(1) or m.group(2)}</em>", STRONG.sub(r"<strong>\1</strong>", escaped))


def esc_source(text: str) -> str:
    """Escape a value taken from a source (whose Markdown `inert_source` escaped) for HTML, as written."""
    return esc(restore_source(text))


MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|<[^>]+>|\[\^[^\]]+\]|\{pb:[^{}\s]*\}")
"""What a quoted passage never stands in: markup, blanked (a link keeps its text)."""
SOURCE_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")


def _visible(text: str) -> str:
    """The text with its markup blanked (NUL characters, offsets kept), so that a quote is never found in a link's URL.

    Links keep their text; tags, note markers and page marks go.
    """

    def blank(markup: re.Match[str]) -> str:
        shown = markup.group(1)
        if shown is None:
            return "\0" * len(markup.group(0))
        return "\0" + shown + "\0" * (len(markup.group(0)) - len(shown) - 1)

    return MARKUP.sub(blank, text)


def _passage(text: str, prefix: str, exact: str, suffix: str, units: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where a quoted passage stands in a text (inline Markdown or HTML), or None: never inside markup.

    The passage found is widened to hold whole any unit it cuts into: a link, or what annotation found
    (a citation, a mention).
    """
    if not exact:
        return None
    quote = prefix + exact + suffix
    visible = _visible(text)
    position = visible.find(quote)
    if position >= 0:
        start, end = position + len(prefix), position + len(prefix) + len(exact)
    else:

        def pattern(quoted: str) -> str:
            return "\0*".join(f"(?:{re.escape(c)}|&#{ord(c)};)" for c in quoted)

        found = re.search(f"{pattern(prefix)}\0*({pattern(exact)})\0*{pattern(suffix)}", visible)
        if found is None:
            return None
        start, end = found.span(1)
    for unit_start, unit_end in units:
        if unit_start < start < unit_end:
            start = unit_start
        if unit_start < end < unit_end:
            end = unit_end
    return start, end


class EditorialMarks:
    """Marks the passages that editorial notes quote, each once, and remembers where.

    Args:
        notes: The text's editorial notes, numbered.
    """

    def __init__(self, notes: list[EditorialNote]) -> None:
        self.notes = notes
        self.placed: list[EditorialNote] = []

    def wrappers(self, text: str, spans: Sequence[Span] = ()) -> list[Wrapper]:
        """The marks of the not-yet-placed passages that an item's text holds, each then placed.

        Args:
            text: A paragraph's, a note's or a line's inline Markdown.
            spans: What annotation found in it, which a mark holds whole or not at all.

        Returns:
            A `mark.editorial-anchor` and its note link around each passage.
        """
        units = [(s.start, s.end) for s in spans] + [m.span() for m in SOURCE_LINK.finditer(text)]
        found = []
        for note in self._unplaced():
            span = _passage(text, note.prefix, note.exact, note.suffix, units)
            if span is not None:
                found.append(Wrapper(*span, *_anchor(note)))
                self.placed.append(note)
        return found

    def apply(self, escaped: str) -> str:
        """Mark each not-yet-placed passage found in HTML (a header's field, escaped with `esc_source`).

        Args:
            escaped: HTML.

        Returns:
            The HTML with editorial anchors.
        """
        for note in self._unplaced():
            prefix, exact, suffix = (esc_source(s) for s in (note.prefix, note.exact, note.suffix))
            span = _passage(escaped, prefix, exact, suffix, [])
            if span is None:
                continue
            before, after = _anchor(note)
            start, end = span
            escaped = escaped[:start] + before + escaped[start:end] + after + escaped[end:]
            self.placed.append(note)
        return escaped

    def _unplaced(self) -> list[EditorialNote]:
        return [note for note in self.notes if note not in self.placed]

    def take_placed(self) -> list[EditorialNote]:
        """Return the notes placed since the last call, and forget them."""
        placed, self.placed = self.placed, []
        self.notes = [n for n in self.notes if n not in placed]
        return placed


def _anchor(note: EditorialNote) -> tuple[str, str]:
    """The HTML around a passage an editorial note quotes: the mark, then the link to the note."""
    return (
        f'<mark class="editorial-anchor" id="ed-ref-{note.number}">',
        f'</mark><sup class="editorial-ref"><a href="#ed-{note.number}" title="Editorial note {note.number}">'
        f"ed.&nbsp;{note.number}</a></sup>",
    )
