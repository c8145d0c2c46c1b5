"""What annotation must not touch in inline Markdown, and the plain text a reader sees."""

from __future__ import annotations

import html
import re

PROTECTED = re.compile(r"\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?|<[^>]+>|\[\^[^\]]+\]|\{pb:[^{}\s]*\}")
"""Links (citations included, with their attribute lists), HTML tags and autolinks, note markers, page marks."""
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)(?:\{[^}]*\})?")
DROPPED = re.compile(r"<[^>]+>|\[\^[^\]]+\]|\*+|_{2,}|\{pb:[^{}\s]*\}")
ATTRIBUTE_REFERENCES = str.maketrans({c: f"&#{ord(c)};" for c in "{}*_`\\[]^~\t\n\r\x02\x03"})
"""Characters `attribute_value` writes as character references."""
ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
"""A character reference, such as the ones `marginalia.inert` writes for what a source shows as text."""


def attribute_value(text: str) -> str:
    """Plain text as the value of a quoted attribute in a Markdown attribute list (`{: title="…" }`).

    Every character survives: HTML-escaped, and written as character
    references (Python-Markdown keeps references in attributes as they are, and
    the browser reads them as the characters) are the braces, which would end
    the list, line breaks, which it cannot span, and what Python-Markdown's
    inline patterns would read as Markdown before the list is applied: a
    description with "*Pravda*" or "__init__" in it would otherwise become
    emphasis inside the list and leave it printed as text.

    Args:
        text: Plain text (a card's preview, a locator).

    Returns:
        The text, safe between the quotes.
    """
    return html.escape(text, quote=True).translate(ATTRIBUTE_REFERENCES)


def text_before_link(text: str) -> str:
    r"""The text a link the annotator writes follows, with a final "!" or "\" as a character reference.

    Inline Markdown reads "![" as the start of an image and "\[" as a bracket
    that starts nothing: a source's "Hurrah!Mao" or "C:\Mao" must keep its link
    once "Mao" is linked (`inert_source` does the same for a source's own "![").

    Args:
        text: Inline Markdown that ends where the link starts.

    Returns:
        The text, shown the same.
    """
    if text.endswith(("!", "\\")):
        return text[:-1] + f"&#{ord(text[-1])};"
    return text


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
    length = 0  # of the plain text so far

    def keep(start: int, end: int) -> None:
        nonlocal length
        offsets[start:end] = range(length, length + end - start)
        plain.append(text[start:end])
        length += end - start

    def drop(start: int, end: int) -> None:
        offsets[start:end] = [length] * (end - start)

    position = 0
    for match in re.finditer(rf"{LINK.pattern}|{DROPPED.pattern}|(?P<entity>{ENTITY.pattern})", text):
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
