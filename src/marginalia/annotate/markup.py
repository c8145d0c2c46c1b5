"""What annotation must not touch in inline Markdown, and the plain text a reader sees."""

from __future__ import annotations

import html
import re

PROTECTED = re.compile(r"\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?|<[^>]+>|\[\^[^\]]+\]")
"""Links (citations included, with their attribute lists), HTML tags and autolinks, note markers."""
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)(?:\{[^}]*\})?")
DROPPED = re.compile(r"<[^>]+>|\[\^[^\]]+\]|\*+|_{2,}")
ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
"""A character reference, such as the ones `marginalia.inert` writes for what a source shows as text."""


def mask(text: str) -> str:
    """Blank out protected spans with NUL characters, keeping every other offset in place.

    Args:
        text: Inline Markdown.

    Returns:
        The text, as long as before, with links, tags and note markers blanked.
    """
    return PROTECTED.sub(lambda m: "\0" * len(m.group(0)), text)


def plain_with_offsets(text: str) -> tuple[str, list[int]]:
    """The text as a reader sees it (link text kept, markup dropped, character references decoded), with an offset map.

    Args:
        text: Inline Markdown.

    Returns:
        The plain text, and for each offset of `text` (and its end) the offset in the plain text.
    """
    plain: list[str] = []
    offsets = [0] * (len(text) + 1)
    position = 0
    for match in re.finditer(rf"{LINK.pattern}|{DROPPED.pattern}|(?P<entity>{ENTITY.pattern})", text):
        _keep(text, position, match.start(), plain, offsets)
        if match.group("entity"):  # the character it stands for
            for index in range(match.start(), match.end()):
                offsets[index] = len(plain)
            plain.extend(html.unescape(match.group(0)))
            position = match.end()
            continue
        kept = range(0)
        if match.group(1) is not None:  # a link: keep its text
            kept = range(match.start() + 1, match.start() + 1 + len(match.group(1)))
        for index in range(match.start(), match.end()):
            if index in kept:
                _keep(text, index, index + 1, plain, offsets)
            else:
                offsets[index] = len(plain)
        position = match.end()
    _keep(text, position, len(text), plain, offsets)
    offsets[len(text)] = len(plain)
    return "".join(plain), offsets


def _keep(text: str, start: int, end: int, plain: list[str], offsets: list[int]) -> None:
    for index in range(start, end):
        offsets[index] = len(plain)
        plain.append(text[index])
