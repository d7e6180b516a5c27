"""Pages of one entity's claims (about it or by it; a type; a date range) from the claim-month layer.

graph/claim_months.py counts, per entity, role, type and month, the claims that the statistics layer's
month keys (`fk:aboutInMonth`, `fk:byInMonth`) join. With exact counts, the total is a sum and a page
reads only the months that hold it: `OFFSET` skips the claims of those months that come before it. A
page that reaches the undated claims (sorted last, no month key) or a date range that cuts a month
returns None: the caller sorts the entity's claims as before, with the total it was given.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from graph import Store, sparql_terms as st
from graph.claim_months import (CLAIM_MONTHS_GRAPH, CLAIM_MONTHS_PREFIX, claim_months_graph, layer_format,
                                month_counts_key, type_count_node, type_month_key)
from graph.statistics import has_statistics, month_key
from ontology.namespaces import FK, sparql_prologue

from .rows import select

__all__ = ["EntityClaims", "entity_claims", "TypeClaims", "type_claims", "ordered_layer", "type_total"]

_PROLOGUE = sparql_prologue("fk")
_ROLE = {"about": ("claimsAboutCount", "fk:aboutInMonth"), "by": ("claimsByCount", "fk:byInMonth")}


@dataclass
class EntityClaims:
    """An entity's claims of some types in a range of whole months: (month, count) in order, and the undated."""
    entity: str
    role: str
    claim_type: str | None            # None: every type
    months: list[tuple[str, int]]
    undated: int
    ordered: bool = False             # the layer has the claims' order keys (format 2)

    @property
    def total(self) -> int:
        return sum(n for _, n in self.months) + self.undated

    def window(self, offset: int, limit: int) -> tuple[str, int] | None:
        """The pattern joining the claims of the months that hold items offset … offset + limit - 1, and
        how many of those months' claims come first; None when the page reaches the undated claims."""
        months, before, seen, end = [], 0, 0, offset + limit
        for month, n in self.months:
            if seen + n <= offset:
                seen = before = seen + n
                continue
            months.append(month)
            seen += n
            if seen >= end:
                break
        else:
            if self.undated and offset < self.total:
                return None         # the page holds undated claims: they have no month key
        role, predicate = _ROLE[self.role]
        keys = [month_key(self.entity, role, m) for m in months]
        pattern = f"{st.values('key', map(st.iri, keys))} ?claim {predicate} ?key ."
        if self.claim_type:     # a constant: Oxigraph joins an object bound by VALUES by scanning
            pattern += f"\n  ?claim fk:claimType {st.iri(FK + self.claim_type)} ."
        return pattern, offset - before


def _whole_months(lower: str | None, upper: str | None) -> tuple[str, str] | None:
    """[first, last) months of a [lower, upper) date range that starts and ends at month boundaries."""
    first = "0000-00"
    if lower:
        if not lower.endswith("-01") or len(lower) != 10:
            return None
        first = lower[:7]
    last = "9999-99"
    if upper:
        if len(upper) == 4:
            last = f"{upper}-01"
        elif len(upper) == 7:
            last = upper
        else:
            day = dt.date.fromisoformat(upper)
            if day.day != 1:
                return None
            last = upper[:7]
    return first, last


def entity_claims(store: Store, entity: str, role: str, claim_type: str | None, claim_types: tuple[str, ...],
                  lower: str | None = None, upper: str | None = None) -> EntityClaims | None:
    """The counts of the claims about (`about`) or by (`by`) an entity of one type (`claim_type`) or of any
    (`claim_types`, all there are), dated in [lower, upper) (undated ones only without a range); None
    without the layer or for a range that cuts a month."""
    bounds = _whole_months(lower, upper)
    found_format = layer_format(store) if bounds is not None else None
    if found_format is None or not has_statistics(store):
        return None
    keys = " ".join(st.iri(month_counts_key(entity, role, t)) for t in ([claim_type] if claim_type else claim_types))
    rows = select(store, _PROLOGUE + f"""SELECT ?counts WHERE {{
  GRAPH {st.iri(CLAIM_MONTHS_GRAPH)} {{ VALUES ?s {{ {keys} }} ?s fk:monthCounts ?counts }} }}""")
    counts: Counter[str] = Counter()
    for row in rows:
        for pair in row["counts"].split():
            month, _, n = pair.partition("=")
            counts[month] += int(n)
    undated = counts.pop("undated", 0)
    months = [(month, n) for month, n in counts.items() if bounds[0] <= month < bounds[1]]
    return EntityClaims(entity, role, claim_type, sorted(months), 0 if (lower or upper) else undated,
                        ordered=found_format >= 2)


def ordered_layer(store: Store) -> bool:
    """Whether every claim a list can show has its `fk:claimOrder` (the claim-month layer, format 2)."""
    return (layer_format(store) or 0) >= 2


def type_total(store: Store, claim_type: str, volume: str | None = None) -> int | None:
    """How many claims of one type the corpus (or one volume) holds, from the claim-month layer (format 2);
    None without it, or for a volume it has not counted (the caller then counts)."""
    graph = claim_months_graph(volume) if volume else CLAIM_MONTHS_GRAPH
    if not ordered_layer(store) or (volume and not store.has_graph(graph)):
        return None
    rows = list(select(store, _PROLOGUE + f"""SELECT ?n WHERE {{ GRAPH {st.iri(graph)} {{
  {st.iri(type_count_node(claim_type, volume))} fk:claimCount ?n }} }}"""))
    return int(rows[0]["n"]) if rows else 0


def _window(months: list[tuple[str, int]], undated: int, offset: int, limit: int) -> tuple[list[str], int] | None:
    """The months holding items offset … offset + limit - 1 of (month, count) in order, and how many of
    their items come first; None when the page reaches the undated items (last, with no month key)."""
    chosen, before, seen, end = [], 0, 0, offset + limit
    for month, n in months:
        if seen + n <= offset:
            seen = before = seen + n
            continue
        chosen.append(month)
        seen += n
        if seen >= end:
            return chosen, offset - before
    return None if undated and offset < seen + undated else (chosen, offset - before)


@dataclass
class TypeClaims:
    """The claims of one type (of the corpus, or of one volume): {volume IRI: {month: count}}, "undated" included."""
    claim_type: str
    volumes: dict[str, Counter]

    @property
    def total(self) -> int:
        return sum(sum(months.values()) for months in self.volumes.values())

    def window(self, offset: int, limit: int) -> tuple[str, int] | None:
        """The pattern joining the claims of the months that hold the page (their keys in every volume
        that has claims of the type then), and how many come first; None when it reaches the undated."""
        summed: Counter[str] = Counter()
        for months in self.volumes.values():
            summed.update(months)
        undated = summed.pop("undated", 0)
        found = _window(sorted(summed.items()), undated, offset, limit)
        if found is None:
            return None
        keys = [type_month_key(v, self.claim_type, m) for m in found[0] for v, months in sorted(self.volumes.items())
                if months.get(m)]
        return f"{st.values('key', map(st.iri, keys))} ?claim fk:typeInMonth ?key .", found[1]


def type_claims(store: Store, claim_type: str, volume: str | None = None) -> TypeClaims | None:
    """The month counts of a type's claims per volume (all volumes, or one), from the claim-month layer
    (format 2); None without it. The volumes' type nodes are named by IRI: a pattern on `fk:claimType`
    would start from every claim of that type (18,000 assessments on six volumes: 150 ms)."""
    if not ordered_layer(store):
        return None
    volume_iris = [volume] if volume else [row["v"] for row in select(store, _PROLOGUE + """SELECT ?g ?v WHERE {
  GRAPH ?g { ?g a fk:ClaimMonthIndex ; fk:volume ?v } }""") if row["g"].startswith(CLAIM_MONTHS_PREFIX)]
    nodes = {type_count_node(claim_type, v): v for v in volume_iris}
    rows = select(store, _PROLOGUE + f"""SELECT ?node ?counts WHERE {{
  {st.values("node", map(st.iri, nodes))} ?node fk:monthCounts ?counts }}""") if nodes else []
    volumes: dict[str, Counter] = {}
    for row in rows:
        volumes[nodes[row["node"]]] = Counter({m: int(n) for m, _, n in (pair.partition("=") for pair in row["counts"].split())})
    return TypeClaims(claim_type, volumes)
