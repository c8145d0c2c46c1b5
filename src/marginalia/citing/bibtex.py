r"""Write BibTeX that every parser reads: special characters escaped, capitals protected, UTF-8 kept.

No field value can end its entry or start another: every value is one line
(`one_line`), and its braces are escaped so that the braces BibTeX counts
(which include escaped ones) stay balanced: a brace with a partner as `\{`
or `\}`, a brace without one as `\textbraceleft{}` or `\textbraceright{}`
(in a verbatim field, percent-encoded).
"""

from __future__ import annotations

import re

LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
UNMATCHED_BRACES = {"{": r"\textbraceleft{}", "}": r"\textbraceright{}"}
SPECIAL = re.compile("|".join(re.escape(ch) for ch in LATEX_SPECIALS))
TRAILING_PUNCTUATION = re.compile(r"^(.*?)([,.;:!?]*)$", re.DOTALL)
VERBATIM_FIELDS = frozenset({"url", "doi"})
"""Fields that BibTeX and biblatex read verbatim: no escaping."""
TITLE_FIELDS = frozenset({"title", "booktitle", "journal", "journaltitle", "series"})


def one_line(text: str) -> str:
    """A field value on one line: every run of whitespace, line breaks included, becomes one space."""
    return " ".join(text.split())


def escape(text: str) -> str:
    """Escape the characters LaTeX treats as special: ampersand, percent, dollar, hash, underscore, braces, tilde, caret, backslash."""
    unmatched = _unmatched_braces(text)
    return SPECIAL.sub(
        lambda m: UNMATCHED_BRACES[m.group(0)] if m.start() in unmatched else LATEX_SPECIALS[m.group(0)], text
    )


def _unmatched_braces(text: str) -> set[int]:
    """The offsets of the braces in `text` that have no partner."""
    opened: list[int] = []
    unmatched: set[int] = set()
    for offset, character in enumerate(text):
        if character == "{":
            opened.append(offset)
        elif character == "}":
            if opened:
                opened.pop()
            else:
                unmatched.add(offset)
    return unmatched | set(opened)


def protect_title(text: str) -> str:
    """Escape a title and brace every word whose capitals a style must not lower.

    Styles lower-case titles except their first letter, so each word with a
    capital after its first letter, or any capital beyond the first word, is
    protected: "The {Sino-Russian} relationship in the {Cold} {War}".
    """
    protected = []
    for index, token in enumerate(escape(text).split(" ")):
        word, punctuation = TRAILING_PUNCTUATION.match(token).groups()  # type: ignore[union-attr]
        capitals_inside = any(ch.isupper() for ch in word[1:])
        if word and (capitals_inside or (index and word[:1].isupper())):
            word = "{" + word + "}"
        protected.append(word + punctuation)
    return " ".join(protected)


def bibtex_entry(entry_type: str, key: str, fields: dict[str, str]) -> str:
    """One BibTeX entry, fields in the given order; names must be "Family, Given" joined by " and ".

    Args:
        entry_type: `online`, `article`, `book` …
        key: The citation key.
        fields: Field values as plain text (Unicode), put on one line and escaped here,
            or names already written by `corporate`.

    Returns:
        The entry, ending with a newline.
    """
    width = max(len(name) for name in fields)
    lines = []
    for name, raw in fields.items():
        value = one_line(raw)
        if isinstance(raw, Corporate):
            written: str = raw
        elif name in VERBATIM_FIELDS:
            written = value.replace("{", "%7B").replace("}", "%7D")
        elif name in TITLE_FIELDS:
            written = protect_title(value)
        else:
            written = escape(value)
        lines.append(f"  {name.ljust(width)} = {{{written}}},")
    return f"@{entry_type}{{{key},\n" + "\n".join(lines) + "\n}\n"


class Corporate(str):
    """A corporate name written for BibTeX by `corporate`, which `bibtex_entry` writes as it is."""


def corporate(name: str) -> Corporate:
    """A corporate name as a BibTeX name: braced, so that it is not split into given and family names."""
    return Corporate("{" + escape(one_line(name)) + "}")


NAME_AND = re.compile(r"\sand\s", re.IGNORECASE)


def bibtex_names(names: tuple[str, ...]) -> Corporate:
    """Names ("Family, Given") joined by " and "; a name BibTeX would misread is braced whole.

    A name with more than two commas, or with "and" between words, would be
    split or refused by BibTeX's name parser; braced, it stays one name as written.

    Args:
        names: The names, in order.

    Returns:
        The field's value, escaped.
    """
    written = [
        corporate(name) if name.count(",") > 2 or NAME_AND.search(one_line(name)) else escape(one_line(name))
        for name in names
    ]
    return Corporate(" and ".join(written))
