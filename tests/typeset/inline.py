"""The clean document's inline Markdown, read once for every typesetter's writer.

`convert` walks a text's inline markup (see `typeset.document`) and asks a
`Markup` (Typst's, LaTeX's) to write each piece; `Notes` places each note as
a footnote where its first reference stands, keeping the printed numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from typeset.document import note_number

INLINE = re.compile(
    r"(?P<ref>\[\^(?P<key>[^\]\s]+)\])"
    r"|(?P<strong>\*\*(?=\S)(?P<strong_body>.+?)(?<=\S)\*\*)"
    r"|(?P<star>\*(?=[^\s*])(?P<star_body>.+?)(?<=[^\s*])\*)"
    r"|(?P<under>(?<![\w\\])_(?=\S)(?P<under_body>.+?)(?<=\S)_(?!\w))"
    r"|(?P<tag><(?P<tag_name>sup|sub|b|i|em|strong|u|small)>(?P<tag_body>.*?)</(?P=tag_name)>)"
    r"|(?P<br><br\s*/?>)"
    r"|(?P<autolink><(?P<url>(?:https?://|mailto:)[^\s<>]*)>)"
    r"|(?P<escape>\\(?P<escaped>[!-/:-@\[-`{-~]))",
    re.DOTALL,
)
"""The inline markup of a clean document's text."""

TAG_STYLES = {"sup": "sup", "sub": "sub", "b": "strong", "strong": "strong", "i": "emph", "em": "emph"}
TAG_STYLES |= {"u": "underline", "small": "smallcaps"}
"""The style each inline tag sets."""


class Markup(Protocol):
    """How one typesetter writes each piece of inline text."""

    def text(self, text: str) -> str:
        """Plain text, escaped so that it prints as written."""

    def styled(self, style: str, body: str) -> str:
        """`body` (already written) in a style: strong, emph, sup, sub, underline or smallcaps."""

    def line_break(self) -> str:
        """A forced line break."""

    def url(self, url: str) -> str:
        """An autolink's address, printed."""

    def mark(self, number: str) -> str:
        """A note's number printed as a superscript, with no footnote (a note referred to again, or unknown)."""

    def footnote(self, number: str, body: str, restart: int | None) -> str:
        """A footnote numbered `number` (not always digits), the counter set to `restart` first where given."""


@dataclass
class Notes:
    """The notes of a document, placed as footnotes where their references stand."""

    texts: dict[str, str]
    placed: list[str] = field(default_factory=list)
    last_number: int = 0

    def place(self, key: str, markup: Markup) -> str:
        """The footnote for a reference to note `key`, or its mark alone where it is placed already or unknown."""
        number = note_number(key)
        if key not in self.texts or key in self.placed:
            return markup.mark(number)
        self.placed.append(key)
        body = convert(self.texts[key], markup, None)
        restart = None
        if number.isdigit():
            restart = int(number) if int(number) != self.last_number + 1 else None
            self.last_number = int(number)
        return markup.footnote(number, body, restart)


def convert(text: str, markup: Markup, notes: Notes | None) -> str:
    """Inline Markdown as a typesetter's markup; note references become footnotes (with `notes`) or marks."""
    out: list[str] = []
    position = 0
    text = re.sub(r"\s+", " ", text)
    for match in INLINE.finditer(text):
        out.append(markup.text(text[position : match.start()]))
        position = match.end()
        if match.group("ref"):
            key = match.group("key")
            out.append(notes.place(key, markup) if notes is not None else markup.mark(key))
        elif match.group("tag"):
            out.append(
                markup.styled(TAG_STYLES[match.group("tag_name")], convert(match.group("tag_body"), markup, notes))
            )
        elif match.group("br"):
            out.append(markup.line_break())
        elif match.group("autolink"):
            out.append(markup.url(match.group("url")))
        elif match.group("escape"):
            out.append(markup.text(match.group("escaped")))
        else:
            kind = next(name for name in ("strong", "star", "under") if match.group(name))
            style = "strong" if kind == "strong" else "emph"
            out.append(markup.styled(style, convert(match.group(f"{kind}_body"), markup, notes)))
    out.append(markup.text(text[position:]))
    return "".join(out)


def plain(text: str) -> str:
    """Inline Markdown as plain text, for a running head: markup and note references dropped."""
    text = re.sub(r"\[\^[^\]\s]+\]|</?[a-z]+>", "", text)
    text = re.sub(r"\*\*|(?<!\w)[*_]|[*_](?!\w)", "", text)
    return re.sub(r"\s+", " ", text).strip()
