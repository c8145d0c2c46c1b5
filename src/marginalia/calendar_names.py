"""Month names as the English-language sources print them."""

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
