"""REST parameters checked before any query is written: a value that fails here is a 400, never SPARQL text."""
from __future__ import annotations

import datetime as dt
import re

from graph import sparql_terms
from ontology.iris import volume_iri
from ontology.namespaces import BASE

__all__ = ["BadParameter", "entity_ref", "volume_ref", "identifier", "date_bounds", "text", "page_limit",
           "DEFAULT_LIMIT", "MAX_LIMIT"]

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_TEXT = 200
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class BadParameter(ValueError):
    """A REST parameter the API cannot use; the message names it and says why."""


def identifier(name: str, value: str) -> str:
    """An id of a volume, document or entity: letters, digits, `.`, `_`, `-`."""
    if not _ID.fullmatch(value):
        raise BadParameter(f"{name}: not an identifier (letters, digits, '.', '_', '-'): {value[:60]!r}")
    return value


def entity_ref(name: str, value: str) -> str:
    """An entity given by its IRI or by its path under the base (`people/102617`, `countries/el-salvador`)."""
    candidate = value if "://" in value else BASE + value.lstrip("/")
    try:
        sparql_terms.iri(candidate)
    except ValueError as exc:
        raise BadParameter(f"{name}: {exc}") from None
    return candidate


def volume_ref(value: str) -> str:
    return volume_iri(identifier("volume", value))


def _day(name: str, value: str) -> tuple[dt.date, str]:
    match = _DATE.fullmatch(value)
    if not match:
        raise BadParameter(f"{name}: a date is YYYY, YYYY-MM or YYYY-MM-DD, not {value[:40]!r}")
    year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
    try:
        return dt.date(year, month, day), ("day" if match[3] else "month" if match[2] else "year")
    except ValueError:
        raise BadParameter(f"{name}: no such date {value!r}") from None


def date_bounds(start: str | None, end: str | None, names: tuple[str, str] = ("from", "to")) -> tuple[str | None, str | None]:
    """Inclusive `from`, `to` (each a year, month or day) as [lower, upper) strings for comparing STR(?date)."""
    lower = upper = None
    if start:
        lower = _day(names[0], start)[0].isoformat()
    if end:
        day, unit = _day(names[1], end)
        if unit == "year":
            upper = f"{day.year + 1:04d}"
        elif unit == "month":
            upper = (dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)).isoformat()[:7]
        else:
            upper = (day + dt.timedelta(days=1)).isoformat()
    if lower and upper and lower >= upper:
        raise BadParameter(f"{names[0]}: the range is empty ({names[0]} is after {names[1]})")
    return lower, upper


def text(name: str, value: str) -> str:
    value = value.strip()
    if not value or len(value) > MAX_TEXT:
        raise BadParameter(f"{name}: give 1 to {MAX_TEXT} characters")
    try:
        sparql_terms.literal(value)
    except ValueError as exc:
        raise BadParameter(f"{name}: {exc}") from None
    return value


def page_limit(value: str | None) -> int:
    """Page size: DEFAULT_LIMIT when absent, at most MAX_LIMIT (larger values are capped)."""
    if value is None:
        return DEFAULT_LIMIT
    if not value.isascii() or not value.isdigit() or int(value) < 1:
        raise BadParameter(f"limit: a whole number from 1 to {MAX_LIMIT}")
    return min(int(value), MAX_LIMIT)
