"""What a network is drawn from: dates, volumes, genres, entity kinds, claim types, minimum weight.

The filters become SPARQL patterns on the documents, so the store reads only the slice asked for.
Dates compare as the first ten characters of `STR(?date)`: documents carry `xsd:date` or a zoned
`xsd:dateTime`, which SPARQL will not order against each other.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import asdict, dataclass

from graph.errors import GraphError
from graph.sparql_terms import iri, literal, values
from ontology import iris
from ontology.namespaces import FK, SCHEMA

__all__ = ["Filters", "ENTITY_KINDS", "CLAIM_TYPES", "NetworkError", "DATE_RULE", "document_patterns", "told_within"]

ENTITY_KINDS = {
    "person": SCHEMA + "Person",
    "country": SCHEMA + "Country",
    "organization": SCHEMA + "Organization",
    "region": FK + "Region",
}
CLAIM_TYPES = {name: FK + name.capitalize() for name in ("assessment", "recommendation", "decision", "report", "quotation")}
# what a date range keeps, said in every export's metadata (`date_rule`) and in docs/networks.md
DATE_RULE = ("a document counts when its date (schema:dateCreated) lies in the range; an undated editorial note, "
             "when the whole interval it tells of (schema:temporalCoverage) does")
_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_VOLUME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*$")


class NetworkError(GraphError, ValueError):
    """A network was asked for with options that cannot be honoured (bad date, unknown kind…). `parameter` names the
    option at fault as /network and `frus-kg network` name it (`kind`, `entity_kind`…), for a message that opens with
    it as every other parameter's does; None when no one option is."""

    def __init__(self, message: str, parameter: str | None = None):
        super().__init__(message)
        self.parameter = parameter


def _day(value: str | None, last: bool) -> str | None:
    """'1977' → 1977-01-01 (or 1977-12-31 as an upper bound); '1977-02' → 1977-02-01 (or -28); a full date as is."""
    if not value:
        return None
    m = _DATE.match(value.strip())
    try:
        if not m:
            raise ValueError
        year, month, day = int(m.group(1)), int(m.group(2) or (12 if last else 1)), m.group(3)
        chosen = dt.date(year, month, int(day) if day else (calendar.monthrange(year, month)[1] if last else 1))
    except ValueError:
        raise NetworkError(f"not a date: {value!r} (write YYYY, YYYY-MM or YYYY-MM-DD)", "to" if last else "from") from None
    return chosen.isoformat()


@dataclass(frozen=True)
class Filters:
    date_from: str | None = None
    date_to: str | None = None
    volumes: tuple[str, ...] = ()
    genres: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()          # entity kinds on the far side (bipartite, claims)
    claim_types: tuple[str, ...] = ()
    min_weight: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "date_from", _day(self.date_from, last=False))
        object.__setattr__(self, "date_to", _day(self.date_to, last=True))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise NetworkError(f"the range {self.date_from}..{self.date_to} is empty", "from")
        for v in self.volumes:
            if not _VOLUME.match(v):
                raise NetworkError(f"not a volume id: {v!r} (e.g. frus1977-80v01)", "volume")
        for k in self.kinds:
            if k not in ENTITY_KINDS:
                raise NetworkError(f"unknown entity kind {k!r}; choose from {', '.join(ENTITY_KINDS)}", "entity_kind")
        for t in self.claim_types:
            if t not in CLAIM_TYPES:
                raise NetworkError(f"unknown claim type {t!r}; choose from {', '.join(CLAIM_TYPES)}", "claim_type")
        if self.min_weight < 0:
            raise NetworkError("the minimum weight cannot be negative", "min_weight")

    def as_dict(self) -> dict:
        out = asdict(self)
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in out.items()}


def document_patterns(f: Filters, doc: str = "doc", date: str = "date", told: bool = True) -> tuple[str, str]:
    """SPARQL patterns keeping the filtered documents: (head, tail). The tail, an OPTIONAL date when no
    range is asked for, must follow the patterns that bind ?doc, or undated documents would be lost.

    A date range keeps the documents dated in it and, when `told`, the undated editorial notes whose whole interval
    (`schema:temporalCoverage`, the time they tell of) lies in it (`DATE_RULE`); their ?date is unbound."""
    parts = []
    if f.volumes:
        parts.append(values("volume", (iri(iris.volume_iri(v)) for v in f.volumes)))
        parts.append(f"?{doc} <{SCHEMA}isPartOf> ?volume .")
    if f.genres:
        parts.append(values("genre", (literal(g) for g in f.genres)) + f" ?{doc} <{SCHEMA}genre> ?genre .")
    if f.date_from or f.date_to:
        dated = f"?{doc} <{SCHEMA}dateCreated> ?{date} . FILTER ({_within(f'SUBSTR(STR(?{date}), 1, 10)', f)})"
        if not told:
            parts.append(dated)
            return "\n  ".join(parts), ""
        interval = f"?{doc}_told"
        parts.append(f"{{ {dated} }} UNION {{ ?{doc} <{SCHEMA}temporalCoverage> {interval} . "
                     f"FILTER NOT EXISTS {{ ?{doc} <{SCHEMA}dateCreated> [] }} "
                     f"FILTER ({_within(f'SUBSTR(STR({interval}), 1, 10)', f, f'SUBSTR(STR({interval}), 12, 10)')}) }}")
        return "\n  ".join(parts), ""
    return "\n  ".join(parts), f"OPTIONAL {{ ?{doc} <{SCHEMA}dateCreated> ?{date} }}"


def _within(first: str, f: Filters, last: str | None = None) -> str:
    """The SPARQL test that the days `first`..`last` (one day when `last` is None) lie in the filters' range."""
    tests = ([f'{first} >= "{f.date_from}"'] if f.date_from else []) + ([f'{last or first} <= "{f.date_to}"'] if f.date_to else [])
    return " && ".join(tests)


def told_within(told: tuple[str, str] | None, f: Filters) -> bool:
    """Whether an undated editorial note whose interval is `told` counts in the filters' range (`DATE_RULE`)."""
    return told is not None and (not f.date_from or told[0] >= f.date_from) and (not f.date_to or told[1] <= f.date_to)
