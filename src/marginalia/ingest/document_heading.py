"""What an archival document prints above its text, in any script: archive references, datelines, translators.

Each is recognised by what it is, not by a list of archives:

- an *archive reference* is a line of comma-separated parts, most of them a
  short label and a number ("ф. 45", "оп. 1", "fond 52", "Bl. 12–15", "卷 12",
  "listy 1–33"), after an archive's name: an acronym ("АПРФ", "RGANI",
  "PRC FMA") or a name that says it is an archive ("Archive of …", "Bundesarchiv",
  "Архив …", "外交部档案馆");
- a *dateline* is a date (a year with a month named in English, Russian, German
  or French, a Chinese 年月日 date, or 28.12.1949), perhaps after a place, perhaps
  in brackets where the editor supplied it ("[Moscow,] 28 December 1949");
- a *translator line* says who translated ("Translated by …", "Перевод …",
  "Übersetzt von …", "翻译：…").
"""

from __future__ import annotations

import re

from marginalia.calendar_names import MONTH_WORDS
from marginalia.ingest.patterns import SENTENCE_END, TAG

PARTS = re.compile(r"\s*[,;，；、]\s*")
LABELLED_NUMBER = re.compile(
    r"^(?:[^\W\d_]{1,12}\.?\s*){0,2}(?:№\s*)?\d[\d.\-–/]*(?:\s*(?:ob|об|v|r|bis))?\.?$|^\d[\d.\-–/]*[^\W\d_]{0,2}$"
)
"""One part of a reference: a label and a number ("ф. 45", "op. 1", "Bl. 12–15", "卷12", "листы 1–33"), or a number."""
PART_WORDS = 4
"""The most words a part of a reference after the archive's name has ("DY 30/IV 2/20/123", "delo 499")."""
ARCHIVE_NAME = re.compile(
    r"archiv|архив|arkhiv|档案|檔案|records|papers|collection|bestand|fonds?\b|library|bibliothek|nachlass",
    re.IGNORECASE,
)
"""Words that say a name is an archive's or a collection's."""
ACRONYM = re.compile(r"^(?:[A-ZА-ЯЁ]{2,}[\s.]*){1,3}$")
YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
NUMERIC_DATE = re.compile(r"(?<!\d)\d{1,2}[./]\d{1,2}[./](?:1[5-9]|20)\d\d(?!\d)")
CJK_DATE = re.compile(r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?")
DATE_WORDS = 10
PLACE_WORDS = 4
"""A dateline's place before its date: "Moscow", "Beijing, Zhongnanhai", "Москва, Кремль"."""
TRANSLATORS = re.compile(
    r"^(?:(?:Selected|Edited|Compiled),?\s+(?:and\s+)?)?[Tt]ranslated\s+(?:from\s+\w+\s+)?by\b"
    r"|^(?:Перевод|Переведено|Перевёл|Перевела)\b|^Übersetz(?:t\s+von|ung)\b|^Tradu(?:it|ction)\b|^(?:翻译|译者)"
)
"""A line that says who translated the text, in English, Russian, German, French or Chinese."""


TRANSLATOR_INSIDE = re.compile(r"\s(?=(?:Translated|Перевод|Übersetzt|Traduit|翻译|译者))")
DATE_AT_END = re.compile(
    r"(?:\[?[^\W\d_][^,\[\]\d]{0,40},?\]?,?\s+)?"
    r"(?:\d{1,2}\.?\s+[^\W\d_]+\.?\s+|[^\W\d_]+\.?\s+(?:\d{1,2},?\s+)?)(?:1[5-9]|20)\d\d(?:\s*(?:г\.?|года))?\.?$"
    r"|\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?$"
)
"""A date, perhaps after a place, at the end of a line: "… [Beijing,] 22 July 1958", "… Москва, 28 декабря 1949 г."."""
DATE_END = re.compile(r"(?:(?:1[5-9]|20)\d\d(?:\s*(?:г\.?|года))?\.?|[年月日])$")
"""How every `DATE_AT_END` ends: asked first, since that search is slow over a long line that ends with no date."""


def heading_lines(line: str) -> list[str]:
    """A document's heading block that an extraction ran into one line, cut back into its lines.

    "АПРФ, ф. 45, оп. 1, д. 347 [Beijing,] 22 July 1958 Translated by David Wolff" is three lines: an archive
    reference, a dateline and a translator line. A line that is already one of them, or that cannot be cut so
    that every part is one, is returned whole.
    """
    text = line.strip()
    if _heading_part(text):
        return [text]
    translator = TRANSLATOR_INSIDE.search(text)
    head, parts = (text[: translator.start()], [text[translator.end() :]]) if translator else (text, [])
    date = DATE_AT_END.search(head.strip()) if DATE_END.search(head.strip()) else None
    cut = date.start() if date and date.start() > 0 else len(head.strip())
    parts = [head.strip()[:cut], head.strip()[cut:], *parts]
    parts = [part.strip() for part in parts if part.strip()]
    return parts if len(parts) > 1 and all(_heading_part(part) for part in parts) else [text]


def _heading_part(line: str) -> bool:
    return is_archive_reference(line) or is_dateline(line) or is_translator_line(line)


def is_archive_reference(line: str) -> bool:
    """Whether a line is an archive reference: an archive's name and numbered parts ("АПРФ, ф. 45, оп. 1, д. 347")."""
    plain = TAG.sub("", line).strip().rstrip(".")
    if plain != TAG.sub("", line).strip().rstrip(".") or SENTENCE_END.search(plain.rstrip(")")):
        return False
    parts = [part for part in PARTS.split(plain) if part]
    numbered = sum(bool(LABELLED_NUMBER.match(part)) for part in parts[1:])
    if len(parts) < 2 or numbered < max(1, len(parts) - 2) or _holds_a_date(plain):
        return False
    if any(len(part.split()) > PART_WORDS for part in parts[1:]):
        return False
    name = parts[0]
    return bool(ARCHIVE_NAME.search(plain) or ACRONYM.match(name) or numbered >= 3)


def _holds_a_date(text: str) -> bool:
    """Whether a text holds a date: a Chinese one, or a year with a month's name."""
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return bool(CJK_DATE.search(text) or (YEAR.search(text) and any(word in MONTH_WORDS for word in words)))


def is_dateline(line: str) -> bool:
    """Whether a line is a date, perhaps after a place, parts in brackets or not ("[Moscow,] 28 December 1949")."""
    plain = TAG.sub("", line).replace("[", "").replace("]", "").strip().rstrip(".")
    if len(plain.split()) > DATE_WORDS or not plain or SENTENCE_END.search(plain):
        return False
    date = CJK_DATE.search(plain) or NUMERIC_DATE.search(plain)
    if date is None:
        years = list(YEAR.finditer(plain))
        month = re.search(r"[^\W\d_]+", plain[: years[-1].start()][::-1]) if years else None
        if not years or month is None or month.group(0)[::-1].casefold() not in MONTH_WORDS:
            return False
        start = years[-1].start() - month.end()
        day = re.search(r"(\d{1,2}\.?\s*)$", plain[:start])
        date_start = start - (len(day.group(1)) if day else 0)
        before, after = plain[:date_start], plain[years[-1].end() :]
    else:
        before, after = plain[: date.start()], plain[date.end() :]
    place = re.findall(r"[^\W\d_]+", before)
    return len(place) <= PLACE_WORDS and not re.search(r"\d", before) and len(after.split()) <= 1


def is_translator_line(line: str) -> bool:
    """Whether a line says who translated the text."""
    return bool(TRANSLATORS.match(line.strip()))
