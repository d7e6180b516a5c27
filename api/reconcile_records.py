"""Query properties the authority data holds as values: ids and years, checked by equality.

They are the data extension's columns, which the property suggest offers beside `office`, `date` and `country`: a
column of VIAF ids or of years of birth, matched to them in OpenRefine, tells namesakes apart as an office does.
"""
from __future__ import annotations

import re

from graph.evidence import Identifiers

__all__ = ["RECORD_PROPERTIES", "same"]

_YEAR = re.compile(r"-?\d{4}")

# pid -> the values an entity holds, from its identifiers and its (birth, death) years
RECORD_PROPERTIES = {
    "hsg_people_id": lambda ids, years: [ids.hsg_people_id],
    "pocom": lambda ids, years: [ids.pocom],
    "viaf": lambda ids, years: ids.viaf,
    "wikidata": lambda ids, years: ids.wikidata,
    "gsh_id": lambda ids, years: [ids.gsh_id],
    "birth_year": lambda ids, years: [years[0]],
    "death_year": lambda ids, years: [years[1]],
    "valid_since": lambda ids, years: [ids.valid_since],
    "valid_until": lambda ids, years: [ids.valid_until],
}


def _key(pid: str, value) -> str:
    """What two values must share: a year's digits ('1931-05-02' is 1931), an id's last segment, either case
    ('http://www.wikidata.org/entity/Q15180' is q15180, 'https://viaf.org/viaf/12345/' 12345)."""
    text = str(value).strip()
    if pid.endswith(("_year", "_since", "_until")):
        found = _YEAR.search(text)
        return str(int(found.group())) if found else ""
    return text.rstrip("/").rsplit("/", 1)[-1].lower()


def _held(pid: str, ids: Identifiers, years: tuple[int | None, int | None]) -> set[str]:
    return {_key(pid, v) for v in RECORD_PROPERTIES[pid](ids, years) if v not in (None, "")} - {""}


def same(pid: str, asked: list[str], ids: Identifiers, years: tuple[int | None, int | None]) -> bool:
    """True when one of the values asked is one the entity holds."""
    return bool({_key(pid, a) for a in asked} & _held(pid, ids, years))
