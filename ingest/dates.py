"""Which dates a FRUS document can have: a real calendar day from 1700 to 2100, ranges that run forward.

FRUS prints dates from the 1770s (the earliest volumes reach back to the founding) to the present, so
anything outside 1700..2100 is a misprint or a hostile file, not history. A bad date costs the date,
never the document: these checks say why a date is refused, the readers leave the date out and record
that reason as the document's fk:dateBasis (as for an undated document).
"""
from __future__ import annotations

import calendar
from datetime import datetime

from .errors import IngestError

__all__ = ["EARLIEST_YEAR", "LATEST_YEAR", "DateRefused", "check_day", "check_range"]

EARLIEST_YEAR = 1700
LATEST_YEAR = 2100


class DateRefused(IngestError, ValueError):
    """A date the source gives that cannot be a FRUS document's date; the message says why."""


def check_day(year: str, month: int, day: int) -> None:
    """Raises DateRefused unless year (digits as printed), month and day name a day within the plausible span."""
    if len(year) != 4 or not EARLIEST_YEAR <= int(year) <= LATEST_YEAR:
        shown = year if len(year) <= 12 else year[:12] + "…"
        raise DateRefused(f"year {shown} is outside {EARLIEST_YEAR}–{LATEST_YEAR}")
    if not 1 <= month <= 12:
        raise DateRefused(f"there is no month {month}")
    last = calendar.monthrange(int(year), month)[1]
    if not 1 <= day <= last:
        raise DateRefused(f"{calendar.month_name[month]} {year} has no day {day} (it has {last})")


def _instant(value: str, end: bool) -> datetime:
    """An ISO date or dateTime as a datetime (a day counts as its first or last moment)."""
    if "T" not in value:
        value += "T23:59:59" if end else "T00:00:00"
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def check_range(low: str, high: str) -> None:
    """Raises DateRefused when the range low..high (valid ISO dates or dateTimes) ends before it begins.

    Two zoned ends compare as instants; otherwise as printed (local) times.
    """
    a, b = _instant(low, end=False), _instant(high, end=True)
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    if b < a:
        raise DateRefused(f"the range ends ({high}) before it begins ({low})")
