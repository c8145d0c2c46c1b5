"""Write BibTeX that every parser reads: special characters escaped, capitals protected, UTF-8 kept."""

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
SPECIAL = re.compile("|".join(re.escape(ch) for ch in LATEX_SPECIALS))
TRAILING_PUNCTUATION = re.compile(r"^(.*?)([,.;:!?]*)$", re.DOTALL)
VERBATIM_FIELDS = frozenset({"url", "doi"})
"""Fields that BibTeX and biblatex read verbatim: no escaping."""
TITLE_FIELDS = frozenset({"title", "booktitle", "journal", "journaltitle", "series"})


def escape(text: str) -> str:
    """Escape the characters LaTeX treats as special: ampersand, percent, dollar, hash, underscore, braces, tilde, caret, backslash."""
    return SPECIAL.sub(lambda m: LATEX_SPECIALS[m.group(0)], text)


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
        fields: Field values as plain text (Unicode); escaped here.

    Returns:
        The entry, ending with a newline.
    """
    width = max(len(name) for name in fields)
    lines = []
    for name, value in fields.items():
        if name in VERBATIM_FIELDS:
            written = value
        elif name in TITLE_FIELDS:
            written = protect_title(value)
        elif name in {"author", "editor", "translator", "publisher", "organization"} and value.startswith("{"):
            written = value  # a corporate name already in braces
        else:
            written = escape(value)
        lines.append(f"  {name.ljust(width)} = {{{written}}},")
    return f"@{entry_type}{{{key},\n" + "\n".join(lines) + "\n}\n"


def corporate(name: str) -> str:
    """A corporate name as a BibTeX name: braced, so that it is not split into given and family names."""
    return "{" + escape(name) + "}"
