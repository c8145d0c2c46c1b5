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


def is_archive_reference(line: str) -> bool:
    """Whether a line is an archive reference: an archive's name and numbered parts ("АПРФ, ф. 45, оп. 1, д. 347")."""
    plain = TAG.sub("", line).strip().rstrip(".")
    if plain != TAG.sub("", line).strip().rstrip(".") or SENTENCE_END.search(plain.rstrip(")")):
        return False
    parts = [part for part in PARTS.split(plain) if part]
    numbered = sum(bool(LABELLED_NUMBER.match(part)) for part in parts[1:])
    if len(parts) < 2 or numbered < max(1, (len(parts) - 1) // 2):
        return False
    name = parts[0]
    return bool(ARCHIVE_NAME.search(plain) or ACRONYM.match(name) or numbered >= 3)


def is_dateline(line: str) -> bool:
    """Whether a line is a date, perhaps after a place, parts in brackets or not ("[Moscow,] 28 December 1949")."""
    plain = TAG.sub("", line).replace("[", "").replace("]", "").strip().rstrip(".")
    if len(plain.split()) > DATE_WORDS or not plain:
        return False
    if CJK_DATE.search(plain) or NUMERIC_DATE.search(plain):
        return True
    years = list(YEAR.finditer(plain))
    if not years or SENTENCE_END.search(plain):
        return False
    words = re.findall(r"[^\W\d_]+", plain.casefold())
    before_date = re.findall(r"[^\W\d_]+", plain[: years[0].start()].casefold())
    place = [word for word in before_date if word not in MONTH_WORDS]
    after = re.findall(r"[^\W\d_]+", plain[years[-1].end() :])
    return any(word in MONTH_WORDS for word in words) and len(place) <= PLACE_WORDS and len(after) <= 1


def is_translator_line(line: str) -> bool:
    """Whether a line says who translated the text."""
    return bool(TRANSLATORS.match(line.strip()))
