"""SPARQL fragments that several resources filter by, written from checked values only."""
from __future__ import annotations

from graph import sparql_terms as st

__all__ = ["date_range"]


def date_range(subject: str, lower: str | None, upper: str | None) -> list[str]:
    """Patterns keeping `?subject`s whose schema:dateCreated (bound to ?date) is in [lower, upper).

    STR() compares xsd:date and xsd:dateTime alike ("1981-10-26" < "1981-10-26T09:00" < "1981-10-27").
    """
    if not (lower or upper):
        return []
    lines = [f"?{subject} schema:dateCreated ?date ."]
    if lower:
        lines.append(f"FILTER (STR(?date) >= {st.literal(lower)})")
    if upper:
        lines.append(f"FILTER (STR(?date) < {st.literal(upper)})")
    return lines
