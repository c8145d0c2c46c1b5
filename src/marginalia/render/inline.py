"""Small helpers for the Markdown and HTML the renderer writes."""

from __future__ import annotations

import html
import re

from marginalia.annotate.markup import LINK, mask
from marginalia.inert import restore_source
from marginalia.model import EditorialNote
from marginalia.slugs import slugify

__all__ = [
    "EditorialMarks",
    "display_title",
    "emphasis_html",
    "esc",
    "esc_source",
    "escape_block_start",
    "mark_insertions",
    "slugify",
]

BLOCK_START = re.compile(r"^(\d+)\.(\s)|^([#>+\-*=]|\d+\))(\s|$)")
SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})


def escape_block_start(text: str) -> str:
    """Escape what Markdown would read as a list, heading or quote at a paragraph's start.

    Args:
        text: One paragraph of inline Markdown.

    Returns:
        The paragraph, safe to place at the start of a Markdown block.
    """
    return BLOCK_START.sub(lambda m: f"{m.group(1)}\\.{m.group(2)}" if m.group(1) else f"\\{m.group(0)}", text, count=1)


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
anything inside or right after a link or an HTML tag (found on the masked text, see `marginalia.annotate.markup.mask`).
"""


def mark_insertions(text: str) -> str:
    """Mark bracketed insertions in a paragraph as editorial text, brackets and words kept as printed.

    Args:
        text: A paragraph's inline Markdown.

    Returns:
        The text with each insertion in `<span class="insertion">`.
    """
    pieces, position = [], 0
    for match in INSERTION.finditer(mask(text)):
        inserted = text[match.start() : match.end()]
        pieces += [text[position : match.start()], f'<span class="insertion">{inserted}</span>']
        position = match.end()
    return "".join([*pieces, text[position:]])


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


BETWEEN = r"(?:\0|\[\?\])*"
"""What may stand between the characters of a quoted passage in `_visible` text: blanked markup, an
unresolved citation's "[?]"."""
MARKUP = re.compile(rf"{LINK.pattern}|<[^>]+>|\[\^[^\]]+\]")
UNIT = re.compile(rf"{LINK.pattern}|<span class=\"citation-unresolved\".*?</span>")
"""What a mark must hold whole or not at all: a link, an unresolved citation."""


def _visible(text: str) -> str:
    """The text with its markup blanked (NUL characters, offsets kept), so that a quote is never found in a link's URL or preview.

    Links keep their text; tags and note markers go.
    """

    def blank(markup: re.Match[str]) -> str:
        shown = markup.group(1)
        if shown is None:
            return "\0" * len(markup.group(0))
        return "\0" + shown + "\0" * (len(markup.group(0)) - len(shown) - 1)

    return MARKUP.sub(blank, text)


def _passage(text: str, prefix: str, exact: str, suffix: str) -> tuple[int, int] | None:
    r"""Where a quoted passage stands in a text (Markdown or HTML), or None: never inside markup.

    Annotation links names and citations, so "his letter (Wendt 1992), and" is
    "his letter ([Wendt 1992](…){: …}), and" on the page, and a "!" or "\" just
    before a link is a character reference. The span found is widened to
    hold whole any link it cuts into.
    """
    if not exact:
        return None
    quote = prefix + exact + suffix
    words = re.findall(r"\w+", quote)
    if words and max(words, key=len) not in text:  # a link starts and ends on word boundaries: never inside a word
        return None
    visible = _visible(text)
    position = visible.find(quote)
    if position >= 0:
        return position + len(prefix), position + len(prefix) + len(exact)

    def pattern(quoted: str) -> str:
        return BETWEEN.join(f"(?:{re.escape(c)}|&#{ord(c)};)" for c in quoted)

    found = re.search(f"{pattern(prefix)}{BETWEEN}({pattern(exact)}){BETWEEN}{pattern(suffix)}", visible)
    if found is None:
        return None
    start, end = found.span(1)
    for unit in UNIT.finditer(text):
        if unit.start() < start < unit.end():
            start = unit.start()
        if unit.start() < end < unit.end():
            end = unit.end()
    return start, end


class EditorialMarks:
    """Marks the passages that editorial notes quote, each once, and remembers where.

    Args:
        notes: The text's editorial notes, numbered.
    """

    def __init__(self, notes: list[EditorialNote]) -> None:
        self.notes = notes
        self.placed: list[EditorialNote] = []

    def apply(self, text: str, *, escaped: bool = False) -> str:
        """Wrap each not-yet-placed quoted passage found in `text` in a mark with a note link.

        Args:
            text: A source's Markdown (see `marginalia.inert`), or HTML when `escaped` is true.
            escaped: Whether `text` is HTML (escaped with `esc_source`).

        Returns:
            The text with editorial anchors.
        """
        for note in self.notes:
            if note in self.placed:
                continue
            prefix, exact, suffix = (esc_source(s) if escaped else s for s in (note.prefix, note.exact, note.suffix))
            span = _passage(text, prefix, exact, suffix)
            if span is None:
                continue
            start, end = span
            anchor = (
                f'<mark class="editorial-anchor" id="ed-ref-{note.number}">{text[start:end]}</mark>'
                f'<sup class="editorial-ref"><a href="#ed-{note.number}" title="Editorial note {note.number}">'
                f"ed.&nbsp;{note.number}</a></sup>"
            )
            text = text[:start] + anchor + text[end:]
            self.placed.append(note)
        return text

    def take_placed(self) -> list[EditorialNote]:
        """Return the notes placed since the last call, and forget them."""
        placed, self.placed = self.placed, []
        self.notes = [n for n in self.notes if n not in placed]
        return placed
