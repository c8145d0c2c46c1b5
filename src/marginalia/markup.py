"""What annotation must not touch in inline Markdown, and the plain text a reader sees.

Below both the glossary's matcher and the annotators: a paragraph's text is the source's inline Markdown
(`marginalia.model`), never rewritten by them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from marginalia.model import Span

PROTECTED = re.compile(r"(?=[\[<{])(?:\[[^\]]*\]\([^)]*\)|<[^>]+>|\[\^[^\]]+\]|\{pb:[^{}\s]*\})")
"""Links, the extraction's tags and autolinks, note markers, page marks."""
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
DROPPED = re.compile(r"<[^>]+>|\[\^[^\]]+\]|\*+|_{2,}|\{pb:[^{}\s]*\}")
ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
"""A character reference, such as the ones `marginalia.inert` writes for what a source shows as text."""
_MARKUP = re.compile(rf"(?=[\[<*_{{&])(?:{LINK.pattern}|{DROPPED.pattern}|(?P<entity>{ENTITY.pattern}))")
"""What `plain_with_offsets` keeps the text of (a link) or drops; every form starts with one of a few characters."""


def mask(text: str, spans: Iterable[Span] = ()) -> str:
    """Blank out protected spans with NUL characters, keeping every other offset in place.

    Args:
        text: Inline Markdown.
        spans: Stretches annotation already took (a citation), blanked too.

    Returns:
        The text, as long as before, with links, tags, note markers and the spans blanked.
    """
    masked = PROTECTED.sub(lambda m: "\0" * len(m.group(0)), text)
    for span in spans:
        masked = masked[: span.start] + "\0" * (span.end - span.start) + masked[span.end :]
    return masked


def plain_with_offsets(text: str) -> tuple[str, list[int]]:
    """The text as a reader sees it (link text kept, markup dropped, character references decoded), with an offset map.

    Args:
        text: Inline Markdown.

    Returns:
        The plain text, and for each offset of `text` (and its end) the offset in the plain text.
    """
    plain: list[str] = []
    offsets = [0] * (len(text) + 1)
    length = 0  # of the plain text so far

    def keep(start: int, end: int) -> None:
        nonlocal length
        offsets[start:end] = range(length, length + end - start)
        plain.append(text[start:end])
        length += end - start

    def drop(start: int, end: int) -> None:
        offsets[start:end] = [length] * (end - start)

    position = 0
    for match in _MARKUP.finditer(text):
        keep(position, match.start())
        if match.group("entity"):  # the character it stands for
            drop(match.start(), match.end())
            character = html.unescape(match.group(0))
            plain.append(character)
            length += len(character)
        elif match.group(1) is not None:  # a link: keep its text
            drop(match.start(), match.start() + 1)
            keep(match.start() + 1, match.start() + 1 + len(match.group(1)))
            drop(match.start() + 1 + len(match.group(1)), match.end())
        else:
            drop(match.start(), match.end())
        position = match.end()
    keep(position, len(text))
    offsets[len(text)] = length
    return "".join(plain), offsets
