"""Counts read from the statistics layer (graph/statistics.py) instead of counted over the corpus.

Every function returns None when the store has no statistics (a store written through the library without
`refresh_statistics`, or a remote one): callers then count directly, as they did before the layer existed.
A list page of entities is a lookup of the ranks it shows; an entity's totals are one node; its
co-mentioned entities sum at most one row per volume and per listed entity. Lookups of the totals name
their graph: `?t fk:entity <e>` alone also meets every per-volume, per-month and co-mention node of a
frequent entity (thousands at corpus scale) before a second pattern keeps the one total.

An entity in several volumes has its months, years and co-mentions summed already (the entity summaries,
`SUMMARY_GRAPH`): a page of its documents reads its years (a few dozen rows), then the months of the
years the page spans, by their IRIs. Without a summary (a store from before them, or an entity of one
volume, whose nodes are few) the volumes' nodes are summed here, with the same answers.
"""
from __future__ import annotations

from graph import Store, sparql_terms as st
from graph.statistics import (CO_MENTION_LIMIT, FREQUENT, SUMMARY_GRAPH, TOTALS_GRAPH, has_statistics, month_key,
                              statistics_graph, summary_node, total_node)
from ontology.namespaces import sparql_prologue

from .rows import select

__all__ = ["FREQUENT", "uses_statistics", "ranked_entities", "kind_total", "document_counts", "entity_totals",
           "co_mention_total", "co_mentioned", "has_rank", "list_figures", "volume_total", "month_window", "month_counts", "entity_month_window", "entity_months",
           "entity_years",
           "entity_month_keys", "range_months", "whole_months"]

_PROLOGUE = sparql_prologue("fk")
_ROLES = ("documentCount", "claimsAboutCount", "claimsByCount")
# FREQUENT (graph.statistics): documents; below, an entity's co-mentions are counted exactly from its documents (cheap)


def uses_statistics(store: Store) -> bool:
    return has_statistics(store)


def ranked_entities(store: Store, kind: str, offset: int, limit: int, rank: str = "nameRank") -> list[str]:
    """The entities of a kind at ranks offset … offset + limit - 1 (ranks are lookups, not a sort): by name, or
    one of the other ranks of graph.statistics.RANKS (documentRank, dateRank, recentRank, claimsByRank, claimsAboutRank)."""
    ranks = " ".join(str(r) for r in range(offset, offset + limit))
    query = _PROLOGUE + f"""SELECT ?e ?rank WHERE {{ GRAPH <{TOTALS_GRAPH}> {{
  VALUES ?rank {{ {ranks} }} ?t fk:{rank} ?rank ; fk:entityKind {st.literal(kind)} ; fk:entity ?e }} }}"""
    return [row["e"] for row in sorted(select(store, query), key=lambda row: row["rank"])]


def has_rank(store: Store, rank: str) -> bool:
    """Whether the totals hold this rank (totals counted before it existed do not, until `frus-kg index`)."""
    found = select(store, _PROLOGUE + f"""SELECT ?t WHERE {{ GRAPH <{TOTALS_GRAPH}> {{ ?t fk:{rank} 0 }} }} LIMIT 1""")
    return next(found, None) is not None


def list_figures(store: Store, iris: list[str]) -> dict[str, dict]:
    """What a list shows of each entity: claimsByCount, claimsAboutCount and, where a dated document
    mentions it, firstDate and lastDate (entities nothing counts are left out)."""
    if not iris:
        return {}
    query = _PROLOGUE + f"""SELECT ?e ?by ?about ?first ?last WHERE {{ GRAPH <{TOTALS_GRAPH}> {{
  {st.values("e", map(st.iri, iris))} ?t fk:entity ?e ; fk:claimsByCount ?by ; fk:claimsAboutCount ?about
  OPTIONAL {{ ?t fk:firstDate ?first }} OPTIONAL {{ ?t fk:lastDate ?last }} }} }}"""
    return {row["e"]: {"claimsByCount": int(row["by"]), "claimsAboutCount": int(row["about"]),
                       **({"firstDate": str(row["first"])} if row.get("first") else {}),
                       **({"lastDate": str(row["last"])} if row.get("last") else {})}
            for row in select(store, query)}


def kind_total(store: Store, kind: str) -> int | None:
    """How many entities of the kind documents mention. Every kind's total is read (four nodes) and the one
    wanted kept in Python: with the kind in the pattern, Oxigraph starts from `fk:entityKind "people"`, which
    every person's total node also has (6,243 on 99 volumes: 56 ms of CPU instead of 0.2)."""
    query = _PROLOGUE + f"""SELECT ?kind ?n WHERE {{
  GRAPH <{TOTALS_GRAPH}> {{ ?t a fk:KindTotal ; fk:entityKind ?kind ; fk:entityCount ?n }} }}"""
    found = [int(row["n"]) for row in select(store, query) if row.get("kind") == kind]
    return found[0] if found else (0 if has_statistics(store) else None)


def document_counts(store: Store, iris: list[str]) -> dict[str, int]:
    """Documents that mention each entity (entities no document mentions are left out)."""
    if not iris:
        return {}
    query = _PROLOGUE + f"""SELECT ?e ?n WHERE {{ GRAPH <{TOTALS_GRAPH}> {{
  {st.values("e", map(st.iri, iris))} ?t fk:entity ?e ; fk:documentCount ?n }} }}"""
    return {row["e"]: int(row["n"]) for row in select(store, query)}


def entity_totals(store: Store, iri: str) -> dict[str, int] | None:
    """documentCount, claimsAboutCount and claimsByCount of one entity (zeros when nothing counts it), or
    None without statistics."""
    query = _PROLOGUE + f"""SELECT ?docs ?about ?by WHERE {{ GRAPH <{TOTALS_GRAPH}> {{
  ?t fk:entity {st.iri(iri)} ; fk:documentCount ?docs ; fk:claimsAboutCount ?about ; fk:claimsByCount ?by }} }}"""
    rows = list(select(store, query))
    if not rows:
        return {"documentCount": 0, "claimsAboutCount": 0, "claimsByCount": 0} if has_statistics(store) else None
    row = rows[0]
    return {"documentCount": int(row["docs"]), "claimsAboutCount": int(row["about"]), "claimsByCount": int(row["by"])}


def co_mention_total(store: Store, iri: str) -> tuple[int, int | None]:
    """(from how many documents an entity is frequent, how many entities documents mention beside it): both as the
    totals were written (graph/statistics.py), so the page and the counts agree; the total is None for an entity
    below the threshold (its list is counted) or totals written before they held it (`FREQUENT` then)."""
    query = _PROLOGUE + f"""SELECT ?from ?n WHERE {{ GRAPH <{TOTALS_GRAPH}> {{ <{TOTALS_GRAPH}> fk:frequentFrom ?from
  OPTIONAL {{ {st.iri(total_node(iri))} fk:coMentionTotal ?n }} }} }}"""
    rows = list(select(store, query))
    if not rows:
        return FREQUENT, None
    return int(rows[0]["from"]), int(rows[0]["n"]) if rows[0].get("n") is not None else None


def co_mentioned(store: Store, iri: str, limit: int) -> list[tuple[str, int]]:
    """The entities sharing most documents with one, summed over the volumes' lists. Each volume lists the
    first `CO_MENTION_LIMIT` entities sharing at least `CO_MENTION_MIN` documents with it, so a sum leaves out
    the volumes where a pair is rarer: exact within one volume, a close lower bound for frequent entities."""
    if limit <= CO_MENTION_LIMIT:       # the summed lists keep each frequent entity's first CO_MENTION_LIMIT
        summed = sorted((-int(row["n"]), row["other"]) for row in select(store, _PROLOGUE + f"""SELECT ?other ?n WHERE {{
  GRAPH <{SUMMARY_GRAPH}> {{ ?pair fk:coMentionOf {st.iri(iri)} ; fk:coMentioned ?other ; fk:coMentionCount ?n }} }}"""))
        if summed:
            return [(other, -minus_n) for minus_n, other in summed[:limit]]
    query = _PROLOGUE + f"""SELECT ?other (SUM(?n) AS ?count) WHERE {{
  ?pair fk:entity {st.iri(iri)} ; fk:coMentioned ?other ; fk:coMentionCount ?n
}} GROUP BY ?other ORDER BY DESC(?count) ?other LIMIT {int(limit)}"""
    return [(row["other"], int(row["count"])) for row in select(store, query)]


def volume_total(store: Store, what: str, volume: str | None = None) -> int | None:
    """`documentCount` or `claimCount` of one volume, or of all: a sum over at most one row per volume."""
    if what not in ("documentCount", "claimCount") or not has_statistics(store):
        return None
    where = (f"GRAPH {st.iri(statistics_graph(volume))} {{ ?g a fk:VolumeStatistics ; fk:{what} ?n }}" if volume
             else f"GRAPH ?g {{ ?g a fk:VolumeStatistics ; fk:{what} ?n }}")
    rows = list(select(store, _PROLOGUE + f"SELECT (COUNT(?n) AS ?volumes) (SUM(?n) AS ?total) WHERE {{ {where} }}"))
    if volume and not (rows and rows[0].get("volumes")):
        return None         # a volume not counted (yet): count it directly
    return int(rows[0].get("total", 0)) if rows else 0


def month_window(store: Store, what: str, offset: int, limit: int, volume: str | None = None) -> tuple[list[str], int] | None:
    """The months a page by date spans, and how many of their items come before it: (months, skip).

    From the month counts of the corpus (or of one volume), so the page query reads those months'
    documents (`fk:documentMonth`) instead of sorting every date. None without statistics, or when the
    page reaches the undated items that come last."""
    rows = month_counts(store, what, volume)
    return None if rows is None else _window(rows, offset, limit)


def month_counts(store: Store, what: str, volume: str | None = None) -> list[tuple[str, int]] | None:
    """(month, documents or claims dated in it) in order, of the corpus or of one volume; None without statistics."""
    if what not in ("documentCount", "claimCount") or not has_statistics(store):
        return None
    graph = st.iri(statistics_graph(volume) if volume else TOTALS_GRAPH)
    return sorted((row["month"], int(row["n"])) for row in select(store, _PROLOGUE + f"""SELECT ?month ?n WHERE {{
  GRAPH {graph} {{ ?h a fk:MonthCount ; fk:month ?month ; fk:{what} ?n }} }}"""))


def entity_month_window(store: Store, iri: str, role: str, offset: int, limit: int,
                        bounds: tuple[str | None, str | None] | None = None) -> tuple[list[str], int] | None:
    """The same for the documents mentioning one entity (`documentCount`) or the claims about it
    (`claimsAboutCount`) or by it (`claimsByCount`): the month keys (graph.statistics.month_key) the page
    spans, and how many of their items come before it. `bounds`: only in a range of whole months."""
    years = entity_years(store, iri) if bounds is None else None
    if bounds is not None or years is None:
        rows = (range_months(store, iri, role, *bounds) if whole_months(*bounds) else None) if bounds is not None \
            else entity_months(store, iri, role)
        window = _window(rows, offset, limit) if rows is not None else None
    else:           # the years the page spans, then their months: the same window as over every month
        spanned = _window([(year, n[role]) for year, n in years if n[role]], offset, limit) if role in _ROLES else None
        window = _window(_months_of(store, iri, role, spanned[0]), spanned[1], limit) if spanned else None
    return ([month_key(iri, role, m) for m in window[0]], window[1]) if window else None


MAX_RANGE_YEARS = 60     # a date range read through the summaries' months of its years; longer ones read every month


def entity_month_keys(store: Store, iri: str, role: str, lower: str | None, upper: str | None) -> list[str] | None:
    """The month keys (graph.statistics.month_key) of the months meeting [lower, upper) in which the entity has
    documents (`documentCount`) or claims (`claimsAboutCount`, `claimsByCount`): every item of the entity
    dated in the range carries one, so a list in a date range reads only those months' items instead of all
    of the entity's. None without statistics."""
    months = range_months(store, iri, role, lower, upper)
    return None if months is None else [month_key(iri, role, m) for m, _ in months]


def whole_months(lower: str | None, upper: str | None) -> bool:
    """Whether [lower, upper) (as params.date_bounds gives them) is made of whole months, so that the month
    counts of `range_months` count exactly the items in it."""
    return (lower is None or lower[8:] in ("", "01")) and (upper is None or upper[8:] in ("", "01"))


def range_months(store: Store, iri: str, role: str, lower: str | None, upper: str | None) -> list[tuple[str, int]] | None:
    """(month, how many) in order, for the months meeting [lower, upper); None without statistics. With both
    bounds, an entity with summaries reads the months of the range's years only."""
    if role not in _ROLES or not has_statistics(store):
        return None
    summed = entity_years(store, iri)
    first, last = int((lower or "0000")[:4]), int((upper or "9999")[:4])
    if summed is not None and lower and upper and 0 <= last - first < MAX_RANGE_YEARS:
        months = _months_of(store, iri, role, [y for y, n in summed if n[role] and y.isdigit() and first <= int(y) <= last])
    else:
        months = entity_months(store, iri, role) or []
    return [(m, n) for m, n in months if n and (not lower or m >= lower[:7]) and (not upper or m < upper)]


def entity_years(store: Store, iri: str) -> list[tuple[str, dict[str, int]]] | None:
    """(year, {documentCount, claimsAboutCount, claimsByCount}) in order, from the entity summaries; None
    when they have none for the entity (then its volumes' month nodes are summed instead)."""
    if not has_statistics(store):
        return None
    optional = " ".join(f"OPTIONAL {{ ?y fk:{r} ?{r} }}" for r in _ROLES)
    rows = list(select(store, _PROLOGUE + f"""SELECT ?year {" ".join("?" + r for r in _ROLES)} WHERE {{
  GRAPH <{SUMMARY_GRAPH}> {{ ?y fk:yearOf {st.iri(iri)} ; fk:year ?year . {optional} }} }}"""))
    return sorted((str(row["year"]), {r: int(row.get(r, 0)) for r in _ROLES}) for row in rows) or None


def _months_of(store: Store, iri: str, role: str, years: list[str]) -> list[tuple[str, int]]:
    """(month, how many) in order, in the given years, from the entity summaries' month nodes named by IRI."""
    nodes = (st.iri(summary_node(iri, "months", f"{year}-{m:02d}")) for year in years for m in range(1, 13))
    return sorted((str(row["month"]), int(row["n"])) for row in select(store, _PROLOGUE + f"""SELECT ?month ?n WHERE {{
  GRAPH <{SUMMARY_GRAPH}> {{ {st.values("h", nodes)} ?h fk:month ?month ; fk:{role} ?n }} }}"""))


def entity_months(store: Store, iri: str, role: str) -> list[tuple[str, int]] | None:
    """(month, how many) in order: documents mentioning the entity (`documentCount`), claims about it
    (`claimsAboutCount`) or by it (`claimsByCount`), dated in each month; None without statistics. One query
    reads the three (an entity page needs them all: with QueryMemo it runs once), since finding the entity's
    month nodes is the cost: every node naming the entity, one per volume, month and co-mention, is looked at."""
    if role not in _ROLES or not has_statistics(store):
        return None
    optional = " ".join(f"OPTIONAL {{ ?h fk:{r} ?{r} }}" for r in _ROLES)
    summed = list(select(store, _PROLOGUE + f"""SELECT ?month {" ".join("?" + r for r in _ROLES)} WHERE {{
  GRAPH <{SUMMARY_GRAPH}> {{ ?h fk:monthOf {st.iri(iri)} ; fk:month ?month . {optional} }} }}"""))
    if summed:      # the entity summaries: one node per month, not one per volume and month
        return sorted((str(row["month"]), int(row[role])) for row in summed if int(row.get(role, 0)))
    sums = " ".join(f"(SUM(COALESCE(?{r}, 0)) AS ?n{r})" for r in _ROLES)
    optional = " ".join(f"OPTIONAL {{ ?h fk:{r} ?{r} }}" for r in _ROLES)
    query = _PROLOGUE + f"""SELECT ?month {sums} WHERE {{
  ?h fk:entity {st.iri(iri)} ; fk:month ?month . {optional} }} GROUP BY ?month"""
    return sorted((row["month"], int(row["n" + role])) for row in select(store, query) if int(row.get("n" + role, 0)))


def _window(rows: list[tuple[str, int]], offset: int, limit: int) -> tuple[list[str], int] | None:
    """From (month, count) in order: the months holding items offset … offset + limit - 1, and how many of
    their items come first; None when the dated items end before the page does."""
    months, before, seen = [], 0, 0
    for month, n in rows:
        if seen + n <= offset:
            seen += n
            before = seen
            continue
        if n:
            months.append(month)
        seen += n
        if seen >= offset + limit:
            return months, offset - before
    return None
