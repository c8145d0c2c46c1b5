"""Month names as the sources print them: English, and the Russian, German and French of archival documents."""

from __future__ import annotations

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_NUMBERS = {name: number for number, name in enumerate(MONTH_NAMES, start=1)}
SEASON_NAMES = ("Spring", "Summer", "Autumn", "Fall", "Winter")
MONTH_WORDS = frozenset(
    name.casefold()
    for name in (
        *MONTH_NAMES,
        *"Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split(),
        # Russian, the name and its genitive ("28 декабря 1949 г.")
        *"январь января февраль февраля март марта апрель апреля май мая июнь июня июль июля август августа".split(),
        *"сентябрь сентября октябрь октября ноябрь ноября декабрь декабря".split(),
        # German and French
        *"Januar Februar März Mai Juni Juli Oktober Dezember".split(),
        *"janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    )
)
"""Month names in the languages of the documents, case folded, for recognising a date line."""
