"""Scoring a reconciliation query's candidates from their names and evidence, with every feature shown.

A name alone rarely decides who "Clark" is; the office held at a date does. The score adds up the
features (name 60, office at the date 30, date 10 or -30 when the person was not alive, -30 for another
type than those asked under type_strict 'should', country 10, each id or year asked and held 10
(reconcile_records.py), up to 5 for being in many documents, up to 3 for being described in many FRUS
volumes' persons lists; an entity the query names by an identifier scores 100), and `match` is true only
when exactly one candidate fits every piece of evidence the query gives and is told apart by it: an office, a
country, an id or a year for a surname, or its full name (a date alone tells no namesakes apart). The last two rank
namesakes that nothing else tells apart, the principal figure first ("Gromyko": Andrei, in 121 persons
lists, before his wife Lydia, in one), and never make a match.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field

from graph import Store, evidence
from graph.name_index import NameHit, NameIndex
from ontology.name_keys import norm

from . import entity_ids
from .reconcile_records import RECORD_PROPERTIES, same

__all__ = ["Query", "QueryFieldError", "Candidate", "parse_period", "office_similarity", "reconcile", "type_key",
           "PROPERTIES", "TYPES", "TYPE_STRICTNESS"]

TYPES = {"person": "Person", "country": "Country", "organization": "Organization"}
PROPERTIES = {
    "office": "an office the person held (a POCOM post, or the office a FRUS heading gives them)",
    "date": "a year, date or period (1981, 1981-10-26, 1977/1981): when the office was held, or the entity existed",
    "country": "a country (name or id) the person's offices name, e.g. Ambassador to Japan",
}
TYPE_STRICTNESS = ("any", "should", "all")
IDENTIFIED_SCORE = 100.0        # a candidate the query names by an identifier it holds
SHOULD_TYPE_PENALTY = 30        # under type_strict 'should', a candidate of none of the types: evidence against it
_ALIASES = {"period": "date", "year": "date", "position": "office", "post": "office", "offices": "office"}
_OFFICE_FILLER = {"of", "the", "and", "to", "for", "in", "at", "extraordinary", "plenipotentiary", "ad", "interim"}
_YEAR = re.compile(r"-?\d{4}(?:-\d{2}(?:-\d{2})?)?")


def type_key(type_id: str) -> str:
    """A type id as the service names its types: `Person`, `https://w3id.org/frus-kg/id/person` -> `person`. An id
    that is none of TYPES (`Q5`, the schema space `http://schema.org/` -> '') is a type the service has none of."""
    return type_id.rsplit("/", 1)[-1].lower()


def parse_period(value) -> tuple[str, str] | None:
    """'1981' -> (1981, 1981); '1977/1981', '1977-1981', '1977–1981' -> (1977, 1981); ISO dates keep their precision."""
    found = _YEAR.findall(str(value).replace("–", "/").replace("—", "/"))
    if not found:
        return None
    if len(found) == 1 and re.fullmatch(r"\d{4}-\d{4}", str(value).strip()):
        found = str(value).strip().split("-")
    return found[0], found[-1]


def _span(periods: list[tuple[str, str]]) -> tuple[str, str]:
    """Several dates (values of one `date`, or several `date`s) as the period from the first to the last; an end
    counts to the end of its year or month ('1981' ends after '1981-10-26')."""
    def to_end(end: str) -> str:
        return end + {4: "-12-31", 7: "-31"}.get(len(end), "")
    return min(start for start, _ in periods), max((end for _, end in periods), key=to_end)


def _office_tokens(text: str) -> set[str]:
    return {t for t in norm(text).replace("-", " ").split() if t not in _OFFICE_FILLER}


def office_similarity(asked: str, held: str) -> float:
    """Word overlap (Jaccard) without filler: 'Ambassador to Japan' ~ 'Ambassador Extraordinary and Plenipotentiary
    to Japan' = 1.0; 'Secretary of State' ~ 'Deputy Secretary of State' = 0.67."""
    a, b = _office_tokens(asked), _office_tokens(held)
    return len(a & b) / len(a | b) if a and b else 0.0


def _value_texts(v) -> list[str]:
    """A value's texts: an entity's (`{"id": …, "name": …}`, a cell reconciled before) are its id and its name."""
    values = v if isinstance(v, list) else [v]
    return [str(t) for x in values for t in ([x["id"], x.get("name")] if isinstance(x, dict) else [x]) if t]


def _is_property_value(x) -> bool:
    """The spec's schema: a string, number or boolean, or an entity as an object with a string `id`."""
    if isinstance(x, dict):
        return isinstance(x.get("id"), str) and isinstance(x.get("name", ""), str)
    return isinstance(x, (str, int, float, bool))


class QueryFieldError(ValueError):
    """A query of a batch the service cannot read; `field` names its member at fault (None: the query as a whole)."""

    def __init__(self, field: str | None, message: str):
        super().__init__(message)
        self.field = field


@dataclass
class Query:
    text: str = ""
    types: set[str] = field(default_factory=set)
    limit: int = 5
    offices: list[str] = field(default_factory=list)
    period: tuple[str, str] | None = None
    countries: list[str] = field(default_factory=list)
    records: dict[str, list[str]] = field(default_factory=dict)
    unchecked: list[str] = field(default_factory=list)
    type_strict: str = "any"

    @classmethod
    def from_json(cls, q: dict) -> "Query":
        if not isinstance(q, dict) or not ("query" in q or q.get("properties")):     # the schema's anyOf; "" is a query
            raise QueryFieldError(None, "a reconciliation query needs 'query' or 'properties'")
        if "query" in q and not isinstance(q["query"], str):       # the spec's schema: a string; 5 is no name
            raise QueryFieldError("query", f"a string, not {json.dumps(q['query'])[:60]}")
        types = q.get("type") or []
        if not isinstance(types, (str, list)) or not all(isinstance(t, str) for t in ([types] if isinstance(types, str) else types)):
            raise QueryFieldError("type", f"a type id or a list of them, not {json.dumps(types)[:60]}")
        types = {type_key(t) for t in ([types] if isinstance(types, str) else types)}
        limit = q.get("limit", 5)
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:     # the spec's schema: an integer ≥ 1
            raise QueryFieldError("limit", f"a whole number of at least 1, not {limit!r}")
        out = cls(text=str(q.get("query") or ""), types=types, limit=min(limit, 100))
        props = q.get("properties") or []
        if not isinstance(props, list):
            raise QueryFieldError("properties", f"a list of {{\"pid\": …, \"v\": …}} objects, not {json.dumps(props)[:60]}")
        for prop in props:
            if not isinstance(prop, dict) or "pid" not in prop or "v" not in prop:     # the spec's schema: both required
                raise QueryFieldError("properties", f"each member is an object with 'pid' and 'v', not {json.dumps(prop)[:60]}")
            v = prop["v"]
            if not isinstance(prop["pid"], str) or not all(map(_is_property_value, v if isinstance(v, list) else [v])):
                raise QueryFieldError("properties", "each member's 'pid' is a string and its 'v' a string, number, "
                                      "boolean or {\"id\": …} or a list of them, not " + json.dumps(prop)[:80])
            if texts := [t for t in _value_texts(v) if t.strip()]:     # a blank cell gives no condition to check
                out._read_property(prop["pid"], texts)
        if q.get("type_strict", "any") not in TYPE_STRICTNESS:
            raise QueryFieldError("type_strict", f"one of 'any', 'should', 'all', not {json.dumps(q['type_strict'])[:60]}")
        out.type_strict = q.get("type_strict", "any")
        return out

    def admits(self, kind: str) -> bool:
        """Whether a candidate of `kind` may be returned, by `type_strict`: 'any' of the types, 'all' of them (each
        entity has one type, so two different types admit nobody), or 'should', a preference that admits every kind."""
        if not self.types or self.type_strict == "should":
            return True
        return self.types == {kind} if self.type_strict == "all" else kind in self.types

    def _read_property(self, pid: str, texts: list[str]) -> None:
        """A property the service knows is evidence; one it does not know, or a date it cannot read, is a condition it
        cannot check: `unchecked`, which leaves the query its candidates and none of them a match."""
        known = _ALIASES.get(pid, pid)
        if known == "office":
            self.offices += texts
        elif known == "date" and (periods := [p for p in map(parse_period, texts) if p]):
            self.period = _span(periods + ([self.period] if self.period else []))
        elif known == "country":
            self.countries += texts
        elif known in RECORD_PROPERTIES:
            self.records.setdefault(known, []).extend(texts)
        else:
            self.unchecked.append(pid)


@dataclass
class Candidate:
    hit: NameHit
    features: dict[str, float | bool] = field(default_factory=dict)
    score: float = 0.0
    supported: bool = False
    offices: list[evidence.Office] = field(default_factory=list)
    offices_at_date: list[evidence.Office] = field(default_factory=list)
    documents: int = 0
    records: dict[str, bool] = field(default_factory=dict)
    identified: bool = False        # the query names it by an identifier (entity_ids.py)
    match: bool = False


def _alive(years: tuple[int | None, int | None], period: tuple[str, str]) -> bool | None:
    born, died = years
    if born is None and died is None:
        return None
    start, end = int(period[0][:4]), int(period[1][:4])
    return not ((born is not None and end < born + 15) or (died is not None and start > died))


def _exists(ids: evidence.Identifiers, period: tuple[str, str]) -> bool | None:
    if ids.valid_since is None and ids.valid_until is None:
        return None
    start, end = int(period[0][:4]), int(period[1][:4])
    return (ids.valid_since or -9999) <= end and start <= (ids.valid_until or 9999)


def _country_keys(index: NameIndex, names: list[str]) -> set[str]:
    keys = set()
    for name in names:
        named = index.resolve(name)       # an id: a country reconciled against this service
        if named and named.kind == "country":
            keys |= {k for k in named.keys if len(k) > 3}
        for hit in index.lookup(name, {"country"}, limit=3):
            if hit.exact or hit.entry.iri.endswith("/" + name):
                keys |= {k for k in hit.entry.keys if len(k) > 3}
        keys.add(norm(name))
    return keys


def _score(c: Candidate, q: Query, alive: bool | None, country: bool | None) -> None:
    f = c.features
    f["name"] = c.hit.similarity
    f["name_exact"] = c.hit.exact
    f["surname_only"] = c.hit.surname_only
    score = 60 * c.hit.similarity
    if q.types:
        f["type"] = c.hit.entry.kind in q.types
        if not f["type"]:               # only under 'should': 'any' and 'all' return no such candidate
            score -= SHOULD_TYPE_PENALTY
    if q.offices:
        pool = c.offices_at_date if q.period else c.offices
        best = max((office_similarity(a, o.name) for a in q.offices for o in pool), default=0.0)
        f["office"] = round(best, 3)
        f["office_any_date"] = round(max((office_similarity(a, o.name) for a in q.offices for o in c.offices),
                                         default=0.0), 3)
        score += 30 * best
    if q.period:
        active = bool(c.offices_at_date) or alive
        f["date"] = bool(active)
        score += 10 if active else (-30 if alive is False else 0)
    if q.countries:
        f["country"] = bool(country)
        score += 10 if country else 0
    for pid, met in c.records.items():
        f[pid] = met
        score += 10 if met else 0
    if q.unchecked:
        f["unchecked_properties"] = len(q.unchecked)
    f["documents"] = c.documents
    score += min(5.0, 2 * math.log10(1 + c.documents))
    if c.hit.entry.kind == "person":
        f["persons_lists"] = c.hit.entry.persons_lists
        score += min(3.0, 1.4 * math.log10(1 + c.hit.entry.persons_lists))
    c.score = round(score, 2)
    name_ok = c.hit.similarity >= 0.5 or not q.text
    office_ok = not q.offices or f["office"] >= 0.8
    date_ok = not q.period or (f["date"] and alive is not False)
    country_ok = not q.countries or bool(country)
    records_ok = all(c.records.values())
    decisive = bool(q.offices or q.countries or q.records)     # a date alone does not tell namesakes apart
    type_ok = not q.types or f["type"]
    c.supported = (name_ok and office_ok and date_ok and country_ok and records_ok and type_ok and not q.unchecked
                   and (decisive or c.hit.exact))
    if c.identified:            # the identifier decides, whatever the name and the other evidence say
        f["identifier"] = True
        c.score = IDENTIFIED_SCORE
        c.supported = type_ok and not q.unchecked


def _name_hits(index: NameIndex, q: Query) -> list[NameHit]:
    """The entities the query's text names. Under 'should' those of the types come first and every other kind after
    them, so that names of other kinds never crowd out the preferred ones from the lookup's list."""
    ours, others = q.types & set(TYPES), set(TYPES) - q.types
    if q.type_strict != "should" or not ours:
        return index.lookup(q.text, None if q.type_strict == "should" else (ours or None))
    return index.lookup(q.text, ours) + (index.lookup(q.text, others) if others else [])


def reconcile(store: Store, index: NameIndex, q: Query) -> list[Candidate]:
    """Candidates for one query, best first, with features, evidence and at most one `match`.

    `type_strict` 'any' (the default) and 'all' restrict the candidates to the types (Query.admits): a query of types
    the service has none of (`Q5`, another service's) has none, and its neighbours in the batch are answered, where
    one such query made the whole batch a 400. Under 'should' the types rank and never restrict."""
    if not any(map(q.admits, TYPES)):
        return []
    named = entity_ids.by_text(store, index, q.text) if q.text else []
    held_ids = entity_ids.by_properties(store, index, q.records)
    identified = {e.iri for e in named} | held_ids
    if q.text:
        hits = [NameHit(e, 1.0, True, False) for e in named]      # an id as the query: that entity, as an exact match
        hits += [h for h in _name_hits(index, q) if h.entry.iri not in {e.iri for e in named}]
    else:
        names = [n for n in evidence.office_names(store) if any(office_similarity(a, n) >= 0.8 for a in q.offices)]
        people = [index.get(e) for e in evidence.holders(store, names)]
        hits = [NameHit(e, 0.0, False, False) for e in people if e is not None and e.kind == "person"]
    listed = {h.entry.iri for h in hits}
    hits += [NameHit(index.get(iri), 0.0, False, False) for iri in sorted(held_ids - listed)]
    hits = [h for h in hits if q.admits(h.entry.kind)]
    entities = [h.entry.iri for h in hits]
    remarks = {h.entry.iri: h.entry.description for h in hits if h.entry.kind == "person" and h.entry.description}
    held = evidence.offices(store, entities, remarks) if (q.offices or q.period or q.countries) else {}
    years = evidence.life_years(store, entities) if q.period or q.records else {}
    ids = evidence.identifiers(store, entities) if q.period or q.records else {}
    counts = evidence.document_counts(store, entities)
    country_keys = _country_keys(index, q.countries) if q.countries else set()
    candidates = []
    for h in hits:
        iri = h.entry.iri
        offices = held.get(iri, [])
        at_date = [o for o in offices if o.overlaps(*q.period)] if q.period else []
        c = Candidate(h, offices=offices, offices_at_date=at_date, documents=counts.get(iri, 0),
                      identified=iri in identified)
        c.records = {pid: iri in held_ids and pid in entity_ids.ID_PROPERTIES
                     or same(pid, asked, ids.get(iri, evidence.Identifiers()), years.get(iri, (None, None)))
                     for pid, asked in q.records.items()}
        if not (q.text or c.identified) and not any(office_similarity(a, o.name) >= 0.8 for a in q.offices
                                                    for o in (at_date if q.period else offices)):
            continue
        alive = None
        if q.period:
            alive = _alive(years.get(iri, (None, None)), q.period) if h.entry.kind == "person" else \
                _exists(ids.get(iri, evidence.Identifiers()), q.period)
        country = None
        if q.countries:
            texts = [norm(o.name) for o in offices] + [norm(h.entry.description)]
            country = any(f" {k} " in f" {t} " for k in country_keys for t in texts)
        _score(c, q, alive, country)
        candidates.append(c)
    candidates.sort(key=lambda c: (-c.score, -c.hit.entry.persons_lists, -c.documents, c.hit.entry.label,
                                   c.hit.entry.iri))
    supported = [c for c in candidates if c.supported]
    if len(supported) == 1:
        supported[0].match = True
    return candidates[:q.limit]
