"""Check inline HTML tags in the source: every tag that opens must close; drop soft hyphens inside lines."""

from __future__ import annotations

from marginalia.ingest.patterns import SOFT_HYPHEN_INSIDE, SPACE_IN_CJK, TAG
from marginalia.model import Document, RawBlock

PAIRED_TAGS = frozenset({"sup", "sub", "b", "i", "em", "strong", "u", "span", "small"})
"""Inline tags the sources use in pairs; void tags such as `<br>` are not checked."""


def check_markup(doc: Document) -> Document:
    """Warn about unclosed or unopened inline tags, line by line, and neutralise them; drop soft hyphens.

    A broken tag would swallow the rest of the page when rendered, so it is
    shown escaped (visibly, as text) after the warning.

    Args:
        doc: A document fresh from the splitter.

    A soft hyphen (U+00AD) inside a line is an invisible break point, often with the
    space an extraction put where the line broke after it ("volup\u00ad tas"): both go, so that the
    word is whole; one at a line's end is read where lines are joined. A space between two Chinese
    characters, where an extraction joined two lines of Chinese text, goes too.

    Returns:
        The document, with unbalanced tags escaped.
    """
    for block in doc.blocks:
        if isinstance(block, RawBlock):
            block.lines = [
                _balance(doc, block.line + offset, SPACE_IN_CJK.sub("", SOFT_HYPHEN_INSIDE.sub("", line)))
                for offset, line in enumerate(block.lines)
            ]
    return doc


def _balance(doc: Document, number: int, line: str) -> str:
    open_tags: list[tuple[str, int, int]] = []
    broken: list[tuple[int, int]] = []
    for match in TAG.finditer(line):
        name = match.group(1).lower()
        if name not in PAIRED_TAGS:
            continue
        if not match.group(0).startswith("</"):
            open_tags.append((name, match.start(), match.end()))
        elif open_tags and open_tags[-1][0] == name:
            open_tags.pop()
        else:
            doc.warn(number, f"closing tag </{name}> has no opening tag: remove it or add <{name}>", "markup-unopened")
            broken.append((match.start(), match.end()))
    for name, start, end in open_tags:
        doc.warn(number, f"tag <{name}> is not closed on this line: add </{name}> where it ends", "markup-unclosed")
        broken.append((start, end))
    for start, end in sorted(broken, reverse=True):
        line = line[:start] + line[start:end].replace("<", "&lt;").replace(">", "&gt;") + line[end:]
    return line
