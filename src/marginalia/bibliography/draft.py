"""Draft BibTeX from a text's printed reference list, for an editor to review and save into `bib/`.

The printed list follows the author-date layout of the article's publisher:

    Family, Given[, and Given Family][, et al.][ (ed.|eds.)]. Year. Rest.

where Rest is a book (`*Title*[, vol. N][, trans. Name]. Place: Publisher.`),
a chapter (`Title. In *Book*. ed. Editor, pages. Place: Publisher.`) or a
journal article (`Title. *Journal* Volume (Issue): pages.`). A reference that
fits none of these is drafted as `@misc` with the whole text as a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marginalia.bibliography.entries import BibEntry, fold
from marginalia.scripts import CJK

HEAD = re.compile(
    r"^(?P<names>.+?)(?:\s*\((?P<role>eds?)\.\))?\.\s+(?:\[(?P<script>[^\]]+)\]\.\s+)?(?P<year>\d{4}[a-z]?)\.\s+(?P<rest>.+)$"
)
PLACE = r"(?:[^:.]|\.(?!\s)|(?<=\b[A-Z])\.)+"
"""A place of publication: no sentence break, but initials ("Washington D.C.") allowed."""
BOOK = re.compile(rf"^\*(?P<title>[^*]+)\*(?P<extra>,.*?)?\.\s+(?P<place>[A-Z]{PLACE}):\s+(?P<publisher>[^:]+?)\.?$")
CHAPTER = re.compile(
    r"^(?P<title>.+?)\.\s+In\s+\*(?P<booktitle>[^*]+)\*\.?\s+ed\.\s+(?P<editors>[^,]+),\s+(?P<pages>[\d–-]+)\.\s+(?P<place>[^:]+):\s+(?P<publisher>.+?)\.?$"
)
ARTICLE = re.compile(
    r"^(?P<title>.+?)\.\s+\*(?P<journal>[^*]+)\*\s+(?P<volume>\d+)\s*(?:\((?P<number>[^)]+)\))?:\s*(?P<pages>[\d–-]+)\.?$"
)
VOLUME = re.compile(r"\bvol\.\s*(\w+)")
TRANSLATOR = re.compile(r"\btrans\.\s*(.+)$")
ORIGINAL_SCRIPT = re.compile(r"^(?P<title>.*?)\s*\((?P<original>[^()]+)\)$")
STOP_WORDS = frozenset({"a", "an", "the", "on", "of", "in"})


@dataclass
class Draft:
    """A drafted entry: its key, type and fields (BibTeX values, names joined by "and")."""

    key: str
    type: str
    fields: dict[str, str] = field(default_factory=dict)

    def to_bibtex(self) -> str:
        """The entry as BibTeX text."""
        width = max(len(name) for name in self.fields)
        lines = [f"  {name.ljust(width)} = {{{value}}}," for name, value in self.fields.items()]
        return f"@{self.type}{{{self.key},\n" + "\n".join(lines) + "\n}\n"


def draft_entry(reference: str) -> Draft:
    """Draft one printed reference.

    Args:
        reference: The reference as printed (inline Markdown).

    Returns:
        The draft; `@misc` with the text as `note` when the layout is not recognised.
    """
    head = HEAD.match(reference.strip())
    if head is None:
        return Draft("unrecognised", "misc", {"note": reference.strip()})
    names = _names(head.group("names"))
    role = "editor" if head.group("role") else "author"
    fields: dict[str, str] = {role: " and ".join(names)}
    if head.group("script"):
        fields["nameaddon"] = head.group("script")
    fields["year"] = head.group("year")
    rest = head.group("rest")
    entry_type = "misc"
    if chapter := CHAPTER.match(rest):
        entry_type = "incollection"
        fields |= {"title": chapter["title"], "booktitle": chapter["booktitle"], "editor": _invert(chapter["editors"])}
        fields |= {"pages": _dashes(chapter["pages"]), "address": chapter["place"], "publisher": chapter["publisher"]}
    elif article := ARTICLE.match(rest):
        entry_type = "article"
        fields |= {"title": article["title"], "journaltitle": article["journal"], "volume": article["volume"]}
        if article["number"]:
            fields["number"] = article["number"]
        fields["pages"] = _dashes(article["pages"])
    elif book := BOOK.match(rest):
        entry_type = "collection" if role == "editor" else "book"  # biblatex's type for an edited book
        fields |= _title_fields(book["title"])
        extra = book["extra"] or ""
        if volume := VOLUME.search(extra):
            fields["volume"] = volume.group(1)
        if translator := TRANSLATOR.search(extra):
            fields["translator"] = _invert(translator.group(1).strip())
        fields |= {"address": book["place"].strip(), "publisher": book["publisher"]}
    else:
        fields["note"] = rest
    return Draft(_key(names[0], fields["year"], fields.get("title", "")), entry_type, fields)


def _names(printed: str) -> list[str]:
    printed = printed.strip()
    if re.search(r"\b[A-Z]$", printed):  # the period closing an initial was taken for the separator
        printed += "."
    text = re.sub(r",?\s+et al\.?$", "", printed)
    others = text != printed
    first, *rest = re.split(r",\s+and\s+|\s+and\s+", text)
    names = [first.strip(), *(_invert(name) for name in rest)]
    return [*names, "others"] if others else names


def _invert(name: str) -> str:
    """Turn "Jian Chen" into "Chen, Jian"; a name already inverted, or of one word, stays."""
    name = name.strip()
    if "," in name or " " not in name:
        return name
    given, family = name.rsplit(" ", 1)
    return f"{family}, {given}"


def _title_fields(title: str) -> dict[str, str]:
    original = ORIGINAL_SCRIPT.match(title)
    if original and CJK.search(original["original"]):
        return {"title": original["title"], "origtitle": original["original"]}
    return {"title": title}


def _dashes(pages: str) -> str:
    return pages.replace("–", "--")


def _key(name: str, year: str, title: str) -> str:
    family = name.split(",", maxsplit=1)[0]
    words = [w for w in re.split(r"[^a-z0-9]+", fold(title)) if w and w not in STOP_WORDS]
    return re.sub(r"[^a-z]", "", fold(family)) + year + (words[0] if words else "")


COMPARED_FIELDS = ("title", "booktitle", "journaltitle", "volume", "number", "pages", "address", "publisher", "year")


def compare(draft: Draft, entry: BibEntry) -> list[str]:
    """The differences between a draft and the curated entry it should have produced.

    Braces and LaTeX are ignored; names are compared by their parts.

    Args:
        draft: A drafted entry.
        entry: The curated entry.

    Returns:
        One line per differing field ("title: draft … / curated …"); empty when the draft is right.
    """
    differences = []
    if draft.key != entry.key:
        differences.append(f"key: draft {draft.key} / curated {entry.key}")
    if draft.type != entry.type:
        differences.append(f"type: draft {draft.type} / curated {entry.type}")
    for name in COMPARED_FIELDS:
        drafted = _plain(draft.fields.get(name, ""))
        curated = _plain(entry.fields.get(name, ""))
        if drafted != curated:
            differences.append(f"{name}: draft {drafted!r} / curated {curated!r}")
    for role in ("author", "editor", "translator"):
        drafted_names = [_name_key(n) for n in draft.fields.get(role, "").split(" and ") if n]
        curated_names = [
            _name_key(f"{n.family}, {n.given}" if n.given else n.family) for n in entry.names.get(role, ())
        ]
        if drafted_names != curated_names:
            differences.append(f"{role}: draft {drafted_names} / curated {curated_names}")
    return differences


def _plain(value: str) -> str:
    return " ".join(value.replace("{", "").replace("}", "").replace("--", "–").split())


def _name_key(name: str) -> str:
    return " ".join(name.replace(",", " ").split())
