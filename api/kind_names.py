"""A kind named in a query parameter: the singular the parameter documents (`person`) or the plural of its route and
of the answers' `kind` (`people`, as in /people and `"kind": "people"`), both read as the singular, so
`/crosswalk.csv?kind=countries` is the countries' crosswalk, not a 400."""
from __future__ import annotations

__all__ = ["PLURALS", "singular", "kinds_named"]

PLURALS = {"people": "person", "countries": "country", "organizations": "organization", "regions": "region",
           "documents": "document", "claims": "claim", "volumes": "volume"}


def singular(kind: str) -> str:
    return PLURALS.get(kind, kind)


def kinds_named(accepted: tuple[str, ...] | list[str]) -> str:
    """The accepted values as an error names them: `person, country (or people, countries)`."""
    plurals = [plural for plural, one in PLURALS.items() if one in accepted]
    return ", ".join(accepted) + (f" (or {', '.join(plurals)})" if plurals else "")
