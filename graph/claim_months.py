"""The claim-month layer: how many claims about or by each entity, of each type, are dated in each month.

A page of `/claims?claimant=<person>&type=assessment` (or `about=` with a type or a date range) had to
count the entity's claims of that type first, reading each claim's type: 18,903 of them for the most
active person of the 99-volume store (3 s), and it found the months a page spans by reading every
statistics node naming the entity (one per volume, month and co-mention: up to 0.7 s). This layer
counts them once per volume, so a page is a lookup of one node per claim type, a sum of a few hundred
numbers, and a query over the statistics layer's month keys (`fk:aboutInMonth`, `fk:byInMonth`,
graph/statistics.py) of the months it spans, with exact counts per month:

- `{BASE}graph/claim-months/<volume-id>`, one per volume: the graph's own node, a
  `fk:ClaimMonthIndex` with `fk:volume` and the `fk:statisticsFingerprint` of the volume's statistics
  graph it was counted beside (a refresh recounts a volume when that differs); for each entity, role
  (`about`, `by`) and claim type, the node `{BASE}graph/claim-months/<role>/<Type>/<entity path>`
  (the same IRI in every volume's graph) with `fk:claimMonth` per month of that volume's claims: a
  node `…/<volume-id>/<role>/<Type>/<entity path>/<YYYY-MM>` with `fk:month` and `fk:claimCount`,
  and `…/undated` (no `fk:month`) for claims of undated documents;
- `{BASE}graph/claim-months` (`CLAIM_MONTHS_GRAPH`), the sums over volumes, written last: the same
  node per entity, role and type with `fk:monthCounts`, its months and counts in one literal
  (`"1959-01=12 1959-02=7 undated=3"`), so a request reads one value per type instead of a node per
  volume and month (the United States has thousands). Readers use the layer only when this graph
  exists, and count directly otherwise, as before.

Format 2 adds what a page needs to read only its own rows, and what the claim filters without an entity count:

- in each volume's graph, `fk:claimOrder` on every claim: one string that sorts as `/claims` orders claims
  (its date, then its document's number, then its place in the text; undated ones last), so a page of an
  entity's month orders the month's claims by one value each instead of reading their documents and offsets
  (`order_key`);
- `…/<volume-id>/types/<Type>` with `fk:claimType`, `fk:claimCount` (the volume's claims of that type) and
  `fk:monthCounts` (as the entities' nodes), and their sums `{CLAIM_MONTHS_GRAPH}/types/<Type>`; each dated
  claim's `fk:typeInMonth` `…/<volume-id>/types/<Type>/<YYYY-MM>`: a page of `/claims?type=…` (with or
  without a volume) reads the keys of the months it spans and its total is a lookup;
- `fk:claimMonthsFormat` on each graph's own node. A refresh recounts a volume whose graph has an older
  format, so `frus-kg index` upgrades a store built before it, and readers use format 2 only when the
  corpus graph says so (`layer_format`).

Months are those of the claim's document (the statistics' keys are made the same way; a claim's
`schema:dateCreated` is its document's). `refresh_claim_months(store)` runs after the statistics, at
the end of `frus-kg ingest` and in `frus-kg index`; it reads through `Store.query` and writes through
`replace_graphs`/`drop_graphs` only.
"""
from __future__ import annotations

import hashlib
import time
from collections import Counter
from dataclasses import dataclass
from typing import Callable

import pyoxigraph as ox

from ontology.namespaces import BASE, FK, RDF, XSD, sparql_prologue

from .statistics import STATS_PREFIX, has_statistics, statistics_graph
from .store import Store
from .volume_workers import map_volumes

__all__ = ["CLAIM_MONTHS_PREFIX", "CLAIM_MONTHS_GRAPH", "ROLES", "FORMAT", "ClaimMonthsReport", "claim_months_graph",
           "has_claim_months", "layer_format", "month_counts_key", "order_key", "type_count_node",
           "type_month_key", "volume_claim_months",
           "refresh_claim_months"]

CLAIM_MONTHS_PREFIX = f"{BASE}graph/claim-months/"
CLAIM_MONTHS_GRAPH = f"{BASE}graph/claim-months"
ROLES = {"about": "schema:about", "by": "prov:wasAttributedTo"}

_P = sparql_prologue("schema", "fk", "prov", "oa")
FORMAT = 2          # 2: claim order keys and claim counts per type
_INT, _STRING = ox.NamedNode(XSD + "integer"), ox.NamedNode(XSD + "string")
_TYPE = ox.NamedNode(RDF + "type")


def _fk(name: str) -> ox.NamedNode:
    return ox.NamedNode(FK + name)


@dataclass
class ClaimMonthsReport:
    volumes: int = 0            # volumes (re)counted
    removed: int = 0            # volumes gone (or without statistics), their graphs dropped
    unchanged: int = 0
    seconds: float = 0.0


def claim_months_graph(volume_iri: str) -> str:
    """`{BASE}graph/claim-months/<volume-id>` for the volume `{BASE}historicaldocuments/<volume-id>`."""
    return CLAIM_MONTHS_PREFIX + volume_iri.rstrip("/").rsplit("/", 1)[-1]


def has_claim_months(store: Store) -> bool:
    return store.has_graph(CLAIM_MONTHS_GRAPH)


def layer_format(store: Store) -> int | None:
    """The format of the corpus graph (1 when it predates the field), None without the layer."""
    rows = _rows(store, _P + f"""SELECT ?f WHERE {{ GRAPH <{CLAIM_MONTHS_GRAPH}> {{
      <{CLAIM_MONTHS_GRAPH}> a fk:ClaimMonthIndex OPTIONAL {{ <{CLAIM_MONTHS_GRAPH}> fk:claimMonthsFormat ?f }} }} }}""")
    return (int(rows[0][0]) if rows[0][0] is not None else 1) if rows else None


def order_key(date: str | None, position: int | None, start: int) -> str:
    """A string that sorts as `ORDER BY (!BOUND(?date)) STR(?date) ?n ?start` does (api/resources/claims.py):
    the date's lexical form (a space after it, so a date sorts before a longer one it begins), `~` for an
    undated claim (after every date), then the document's number (`!`, before any number, when it has none)
    and the start offset, zero-padded."""
    number = "!" if position is None else f"#{position:012d}"
    return f"{date if date is not None else '~'} {number} {start:012d}"


def type_count_node(claim_type: str, volume_iri: str | None = None) -> str:
    """The node counting the claims of one type in a volume's graph, or (no volume) in the corpus graph."""
    return f"{claim_months_graph(volume_iri) if volume_iri else CLAIM_MONTHS_GRAPH}/types/{claim_type}"


def _path(iri: str) -> str:
    """As the statistics layer names an entity: `people/107127` under our base, else a digest of the IRI."""
    return iri[len(BASE):] if iri.startswith(BASE) else "x/" + hashlib.sha256(iri.encode()).hexdigest()[:16]


def month_counts_key(entity: str, role: str, claim_type: str) -> str:
    """The node whose `fk:claimMonth`s count the claims about (`about`) or by (`by`) the entity of one type
    (`Assessment`, …), month by month, in every volume."""
    if role not in ROLES:
        raise ValueError(f"role: one of {', '.join(ROLES)}, not {role!r}")
    return f"{CLAIM_MONTHS_PREFIX}{role}/{claim_type}/{_path(entity)}"


def _rows(store: Store, sparql: str) -> list[tuple]:
    return [tuple(None if t is None else t.value for t in row) for row in store.query(sparql).rows()]


def volume_claim_months(store: Store, volume_iri: str, fingerprint: str = "") -> list[ox.Quad]:
    """The quads of one volume's claim-month graph, counted from its claims and their documents' dates."""
    counts: Counter[tuple[str, str, str, str | None]] = Counter()
    for role, predicate in ROLES.items():
        for e, claim_type, date in _rows(store, _P + f"""SELECT ?e ?type ?date WHERE {{
          ?doc schema:isPartOf <{volume_iri}> ; a fk:Document .
          ?c prov:wasDerivedFrom ?doc ; a fk:Claim ; fk:claimType ?type ; {predicate} ?e .
          OPTIONAL {{ ?doc schema:dateCreated ?date }} }}"""):
            month = (date or "")[:10][:7] or None      # the statistics' month keys are cut the same way
            counts[role, claim_type.rsplit("#", 1)[-1], e, month] += 1
    g = ox.NamedNode(claim_months_graph(volume_iri))
    quads = [ox.Quad(g, _TYPE, _fk("ClaimMonthIndex"), g), ox.Quad(g, _fk("volume"), ox.NamedNode(volume_iri), g),
             ox.Quad(g, _fk("statisticsFingerprint"), ox.Literal(fingerprint, datatype=_STRING), g),
             ox.Quad(g, _fk("claimMonthsFormat"), ox.Literal(str(FORMAT), datatype=_INT), g)]
    for (role, claim_type, e, month), n in sorted(counts.items(), key=lambda item: (item[0][:3], item[0][3] or "")):
        node = ox.NamedNode(f"{g.value}/{role}/{claim_type}/{_path(e)}/{month or 'undated'}")
        quads.append(ox.Quad(ox.NamedNode(month_counts_key(e, role, claim_type)), _fk("claimMonth"), node, g))
        if month:
            quads.append(ox.Quad(node, _fk("month"), ox.Literal(month, datatype=_STRING), g))
        quads.append(ox.Quad(node, _fk("claimCount"), ox.Literal(str(n), datatype=_INT), g))
    return quads + _order_keys(store, volume_iri, g) + _type_counts(store, volume_iri, g)


def _order_keys(store: Store, volume_iri: str, g: ox.NamedNode) -> list[ox.Quad]:
    """`fk:claimOrder` of each claim of the volume with a place in the text (the claims a list can show)."""
    keys: dict[str, str] = {}
    for c, date, position, start in _rows(store, _P + f"""SELECT ?c ?date ?n ?start WHERE {{
      ?doc schema:isPartOf <{volume_iri}> . ?c prov:wasDerivedFrom ?doc ; a fk:Claim ; oa:hasTarget ?target .
      ?target oa:hasSelector ?position . ?position oa:start ?start .
      OPTIONAL {{ ?c schema:dateCreated ?date }} OPTIONAL {{ ?doc schema:position ?n }} }}"""):
        key = order_key(date, None if position is None else int(position), int(start))
        keys[c] = min(key, keys.get(c, key))
    return [ox.Quad(ox.NamedNode(c), _fk("claimOrder"), ox.Literal(key, datatype=_STRING), g)
            for c, key in sorted(keys.items())]


def type_month_key(volume_iri: str, claim_type: str, month: str) -> str:
    """The key (`fk:typeInMonth`) of a volume's claims of one type whose document is dated in a month."""
    return f"{type_count_node(claim_type, volume_iri)}/{month}"


def _type_counts(store: Store, volume_iri: str, g: ox.NamedNode) -> list[ox.Quad]:
    """The volume's claims per type, counted as `/claims?volume=…&type=…` joins them, with their months
    (`fk:monthCounts`, as the entities' nodes) and each dated claim's key of its type and month."""
    counts: dict[str, Counter[str]] = {}
    keyed: set[tuple[str, str]] = set()
    for c, claim_type, date in _rows(store, _P + f"""SELECT ?c ?type ?date WHERE {{
      ?c fk:claimType ?type . ?c a fk:Claim ; prov:wasDerivedFrom ?doc . ?doc schema:isPartOf <{volume_iri}> .
      OPTIONAL {{ ?doc schema:dateCreated ?date }} }}"""):
        name, month = claim_type.rsplit("#", 1)[-1], (date or "")[:10][:7] or None
        counts.setdefault(claim_type, Counter())[month or "undated"] += 1
        if month:
            keyed.add((c, type_month_key(volume_iri, name, month)))
    quads = [ox.Quad(ox.NamedNode(c), _fk("typeInMonth"), ox.NamedNode(key), g) for c, key in sorted(keyed)]
    for claim_type, months in sorted(counts.items()):
        quads += _type_node(type_count_node(claim_type.rsplit("#", 1)[-1], volume_iri), claim_type, months, g)
    return quads


def _type_node(iri: str, claim_type: str, months: Counter[str], g: ox.NamedNode) -> list[ox.Quad]:
    node = ox.NamedNode(iri)
    packed = " ".join(f"{m}={n}" for m, n in sorted(months.items()))
    return [ox.Quad(node, _fk("claimType"), ox.NamedNode(claim_type), g),
            ox.Quad(node, _fk("claimCount"), ox.Literal(str(sum(months.values())), datatype=_INT), g),
            ox.Quad(node, _fk("monthCounts"), ox.Literal(packed, datatype=_STRING), g)]


def _totals(store: Store) -> list[ox.Quad]:
    """The corpus graph: per entity, role and type, its months and counts summed over the volumes' graphs;
    the claims of each type summed likewise."""
    sums: dict[str, Counter[str]] = {}
    for key, month, n in _rows(store, _P + f"""SELECT ?s ?month (SUM(?n) AS ?count) WHERE {{
      GRAPH ?g {{ ?s fk:claimMonth ?h . ?h fk:claimCount ?n OPTIONAL {{ ?h fk:month ?month }} }}
      FILTER (STRSTARTS(STR(?g), "{CLAIM_MONTHS_PREFIX}")) }} GROUP BY ?s ?month"""):
        sums.setdefault(key, Counter())[month or "undated"] += int(n)
    g = ox.NamedNode(CLAIM_MONTHS_GRAPH)
    quads = [ox.Quad(g, _TYPE, _fk("ClaimMonthIndex"), g),
             ox.Quad(g, _fk("claimMonthsFormat"), ox.Literal(str(FORMAT), datatype=_INT), g)]
    for key, months in sorted(sums.items()):
        packed = " ".join(f"{m}={n}" for m, n in sorted(months.items()))     # "undated" sorts after digits
        quads.append(ox.Quad(ox.NamedNode(key), _fk("monthCounts"), ox.Literal(packed, datatype=_STRING), g))
    by_type: dict[str, Counter[str]] = {}
    for claim_type, packed in _rows(store, _P + f"""SELECT ?type ?counts WHERE {{
      GRAPH ?g {{ ?t fk:claimType ?type ; fk:monthCounts ?counts }} FILTER (STRSTARTS(STR(?g), "{CLAIM_MONTHS_PREFIX}")) }}"""):
        for pair in packed.split():
            month, _, n = pair.partition("=")
            by_type.setdefault(claim_type, Counter())[month] += int(n)
    for claim_type, months in sorted(by_type.items()):
        quads += _type_node(type_count_node(claim_type.rsplit("#", 1)[-1]), claim_type, months, g)
    return quads


def _fingerprints(store: Store, graph_prefix: str, node_type: str) -> dict[str, str]:
    """{volume: fingerprint} of the statistics graphs, or of this layer's."""
    return {v: fp for g, v, fp in _rows(store, _P + f"""SELECT ?g ?v ?fp WHERE {{
      GRAPH ?g {{ ?g a fk:{node_type} ; fk:volume ?v ; fk:statisticsFingerprint ?fp }} }}""")
            if g.startswith(graph_prefix)}


def _formats(store: Store) -> dict[str, int]:
    """{volume: format} of this layer's volume graphs (1: from before the field)."""
    return {v: int(f) if f is not None else 1 for g, v, f in _rows(store, _P + """SELECT ?g ?v ?f WHERE {
      GRAPH ?g { ?g a fk:ClaimMonthIndex ; fk:volume ?v OPTIONAL { ?g fk:claimMonthsFormat ?f } } }""")
            if g.startswith(CLAIM_MONTHS_PREFIX)}


def refresh_claim_months(store: Store, *, rebuild: bool = False, workers: int = 0,
                         on_progress: Callable[[int, int], None] | None = None) -> ClaimMonthsReport:
    """Recount the volumes whose statistics changed since they were counted here or whose graph has an older
    format, drop the graphs of volumes without statistics, and write `CLAIM_MONTHS_GRAPH` when it is missing
    or older. Run after the statistics: a page reads their month keys with these counts. `rebuild` recounts
    every volume; `workers` ≥ 2 counts volumes in that many processes (graph/volume_workers.py)."""
    started = time.perf_counter()
    report = ClaimMonthsReport()
    current = _fingerprints(store, STATS_PREFIX, "VolumeStatistics") if has_statistics(store) else {}
    known = _fingerprints(store, CLAIM_MONTHS_PREFIX, "ClaimMonthIndex")
    formats = _formats(store)
    wanted = {claim_months_graph(v) for v in current}
    gone = [name for name in store.graph_names() if name.startswith(CLAIM_MONTHS_PREFIX) and name not in wanted]
    if gone:
        store.drop_graphs(gone)
    report.removed = len(gone)
    stale = sorted(v for v, fp in current.items() if rebuild or known.get(v) != fp or formats.get(v) != FORMAT)
    report.unchanged = len(current) - len(stale)
    changed = bool(stale or gone or rebuild) or (bool(current) and layer_format(store) != FORMAT)
    if changed and has_claim_months(store):     # readers count directly while volumes are recounted
        store.drop_graphs([CLAIM_MONTHS_GRAPH])
    counted = map_volumes(store, volume_claim_months, ((v, current[v]) for v in stale), workers=workers)
    for i, ((v, _), quads) in enumerate(counted, 1):
        name = claim_months_graph(v)
        store.drop_graphs([name])
        store.replace_graphs({name: quads})
        report.volumes += 1
        if on_progress:
            on_progress(i, len(stale))
    if changed and current:
        store.replace_graphs({CLAIM_MONTHS_GRAPH: _totals(store)})
    report.seconds = time.perf_counter() - started
    return report
