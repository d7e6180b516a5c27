"""Networks of actors drawn from the store by SPARQL (through `Store.query` only) into networkx.

Every edge keeps its `Evidence` (documents, passages, first and last dates); every node is one real
person or entity (see `entities.canonical`). The graph records how long the SPARQL step and the
Python/networkx step took (`g.graph["timings"]`), which the bench reports apart.
"""
from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import combinations, product
from typing import Iterable

import networkx as nx

from graph.genres import nearest_genres, printed_genres
from graph.store import Store
from ontology import iris
from ontology.namespaces import FK, OA, PROV, SCHEMA

from .collector import collector_paused
from .entities import aliases, canonical, chunks, describe, iri_values
from .evidence import DEFAULT_CAP, Evidence, Passage
from .filters import CLAIM_TYPES, DATE_RULE, ENTITY_KINDS, Filters, NetworkError, document_patterns
from .pages import passage_pages
from .table import TableIdentity, TableRow, document_order, expand, read_identity, read_slice, table_state
from .windows import WINDOWS, Segmenter, Spans

__all__ = ["PROJECTIONS", "READERS", "Spec", "project", "edge_evidence", "WEIGHTS"]

# kind → (how it is drawn, kinds on one side, kinds on the other); None: the kinds of the filters
PROJECTIONS: dict[str, tuple[str, tuple[str, ...] | None, tuple[str, ...] | None]] = {
    "person-person": ("co-mention", ("person",), ("person",)),
    "country-country": ("co-mention", ("country",), ("country",)),
    "person-country": ("co-mention", ("person",), ("country",)),
    "person-organization": ("co-mention", ("person",), ("organization",)),
    "co-mention": ("co-mention", None, None),
    "correspondence": ("correspondence", ("person",), ("person",)),
    "claimant-entity": ("claims", None, None),
}
WEIGHTS = ("documents", "passages")
# a filter only some kinds read → those kinds; given to another it would be ignored while the export says it was applied
READERS: dict[str, tuple[str, ...]] = {"kinds": ("co-mention", "claimant-entity"), "claim_types": ("claimant-entity",)}
_KIND_OF_CLASS = {cls: kind for kind, cls in ENTITY_KINDS.items()}
_MARKUP = FK + "tei-markup"


@dataclass(frozen=True)
class Spec:
    kind: str = "person-person"
    window: str = "document"
    weight_by: str = "documents"
    filters: Filters = field(default_factory=Filters)
    evidence_cap: int = DEFAULT_CAP

    def __post_init__(self) -> None:
        if self.kind not in PROJECTIONS:
            raise NetworkError(f"unknown network kind {self.kind!r}; choose from {', '.join(PROJECTIONS)}", "kind")
        if self.window not in WINDOWS:
            raise NetworkError(f"unknown window {self.window!r}; choose from {', '.join(WINDOWS)}", "window")
        if self.weight_by not in WEIGHTS:
            raise NetworkError(f"weight by {' or '.join(WEIGHTS)}, not {self.weight_by!r}", "weight")
        if self.evidence_cap < 1:
            raise NetworkError("the evidence cap must be at least 1", "evidence")
        if self.filters.kinds and self.kind not in READERS["kinds"]:
            raise NetworkError(f"entity kinds choose the nodes of co-mention and claimant-entity networks only; a "
                               f"{self.kind} network's are fixed by its kind", "entity_kind")
        if self.filters.claim_types and self.kind not in READERS["claim_types"]:
            raise NetworkError(f"a {self.kind} network is not drawn from claims; claim types filter the claimant-entity "
                               "network only", "claim_type")

    @property
    def directed(self) -> bool:
        return PROJECTIONS[self.kind][0] != "co-mention"

    def sides(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        _, left, right = PROJECTIONS[self.kind]
        chosen = self.filters.kinds or tuple(ENTITY_KINDS)
        return left or chosen, right or chosen


class _Clock:
    """Seconds spent in the store (queries and reading their rows) and, apart, in building the graph."""

    def __init__(self) -> None:
        self.sparql = 0.0
        self._t0 = self._s0 = 0.0

    def rows(self, store: Store, sparql: str) -> list[tuple]:
        return self.timed(lambda: list(store.query(sparql).rows()))

    def timed(self, fn):
        started = time.perf_counter()
        try:
            return fn()
        finally:
            self.sparql += time.perf_counter() - started

    def start_building(self) -> None:
        self._t0, self._s0 = time.perf_counter(), self.sparql

    def building(self) -> float:
        return time.perf_counter() - self._t0 - (self.sparql - self._s0)


class _Builder:
    """Accumulates edges with their evidence and nodes with their documents per year."""

    def __init__(self, spec: Spec):
        self.spec = spec
        self.edges: dict[tuple[str, str], Evidence] = {}
        self.claim_types: dict[tuple[str, str], Counter] = defaultdict(Counter)
        self.node_docs: dict[str, Counter] = defaultdict(Counter)     # node → year → documents
        self.node_dates: dict[str, list[str]] = {}
        self.kinds: dict[str, str] = {}
        self.table: TableIdentity | None = None       # who the IRIs are, when the rows came from the table
        self._seen: set[tuple[str, str]] = set()

    def saw(self, node: str, document: str, date: str | None) -> None:
        """Count the node's documents (each once) and widen its first–last dates."""
        if (node, document) in self._seen:
            return
        self._seen.add((node, document))
        self.node_docs[node][date[:4] if date else "undated"] += 1
        if date:
            span = self.node_dates.setdefault(node, [date[:10], date[:10]])
            span[0], span[1] = min(span[0], date[:10]), max(span[1], date[:10])

    def saw_all(self, entities: Iterable[str], document: str, date: str | None) -> None:
        """`saw` for entities seen once each in this document (the co-mention path: no check needed)."""
        year, day = (date[:4], date[:10]) if date else ("undated", None)
        node_docs, node_dates = self.node_docs, self.node_dates
        for node in entities:
            node_docs[node][year] += 1
            if day:
                span = node_dates.get(node)
                if span is None:
                    node_dates[node] = [day, day]
                elif day < span[0]:
                    span[0] = day
                elif day > span[1]:
                    span[1] = day

    def link(self, a: str, b: str, date: str | None, document: str, start: int, end: int, targets: tuple = ()) -> None:
        evidence = self.edges.get((a, b))
        if evidence is None:
            evidence = self.edges[(a, b)] = Evidence(cap=self.spec.evidence_cap)
        evidence.add_at(document, start, end, targets, date)

    def graph(self, store: Store, clock: _Clock) -> nx.Graph:
        spec = self.spec
        g = nx.DiGraph() if spec.directed else nx.Graph()
        least = spec.filters.min_weight
        kept = (self.edges if least <= 1 else           # every tie has a document and a passage
                {k: e for k, e in self.edges.items() if e.weight(spec.weight_by) >= least})
        nodes = {n for pair in kept for n in pair}
        described = _describe(store, clock, nodes, self.table)
        for n in sorted(nodes):
            entity = described[n]
            years = self.node_docs.get(n, Counter())
            first, last = self.node_dates.get(n, (None, None))
            g.add_node(n, label=entity.label, kind=self.kinds.get(n, entity.kind), iri=n,
                       authority=list(entity.links), linked=entity.linked, documents=sum(years.values()),
                       years=dict(sorted(years.items())), first=first, last=last)
        far = spec.filters.kinds if spec.kind == "claimant-entity" else ()
        _add_edges(g, self._edges(g, kept, far))
        g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
        return g

    def _edges(self, g: nx.Graph, kept: dict, far: tuple[str, ...]):
        """(a, b, attributes) of the kept ties, in order."""
        by_documents = self.spec.weight_by == "documents"
        claim_types = self.claim_types
        nodes = g.nodes
        for (a, b), e in sorted(kept.items()):
            if far and nodes[b]["kind"] not in far:
                continue
            n = e.document_count
            attrs = {"weight": n if by_documents else e.passage_count, "documents": n, "passages": e.passage_count,
                     "first": e.first, "last": e.last, "evidence": e}
            if e.told:
                attrs["note_intervals"] = e.told
            if claim_types and (a, b) in claim_types:
                attrs["claim_types"] = dict(sorted(claim_types[(a, b)].items()))
            yield a, b, attrs


def _add_edges(g: nx.Graph, edges) -> None:
    """`g.add_edges_from(edges)` for ties between nodes already in `g`, each new, never a loop: their attribute
    dicts go straight into networkx's adjacency (`_succ`/`_pred`, `_adj`), as `add_edges_from` puts them, without
    its per-edge checks and copies (0.2-0.4 s on the busiest two years' 30,000 ties)."""
    if g.is_directed():
        succ, pred = g._succ, g._pred
        for a, b, attrs in edges:
            succ[a][b] = pred[b][a] = attrs
    else:
        adj = g._adj
        for a, b, attrs in edges:
            adj[a][b] = adj[b][a] = attrs
    nx._clear_cache(g)


def _resolve(store: Store, clock: _Clock, nodes: Iterable[str], table: TableIdentity | None = None) -> dict[str, str]:
    """Each IRI's canonical IRI: from the network table's entity lines when it has them, the rest by SPARQL."""
    nodes = set(nodes)
    known = table.canonical if table else {}
    found = {n: known[n] for n in nodes if n in known}
    missing = {n for n in nodes if n not in found}
    if missing:
        found.update(clock.timed(lambda: canonical(store, missing)))
    return found


def _describe(store: Store, clock: _Clock, nodes: set[str], table: TableIdentity | None) -> dict:
    """Each node's Entity (label, kind, links): from the table when it has it, the rest by SPARQL."""
    known = table.entities if table else {}
    found = {n: known[n] for n in nodes if n in known}
    missing = nodes - found.keys()
    if missing:
        found.update(clock.timed(lambda: describe(store, missing)))
    return found


def _value(term) -> str | None:
    return None if term is None else term.value


# -- where the rows come from: the network table, or the mentions themselves ------------------------------
_SOURCES = ("auto", "table", "mentions")


def _parts(spec: Spec) -> list[str]:
    """The parts of the table's rows a projection reads (graph/networks/table.py PARTS)."""
    how = PROJECTIONS[spec.kind][0]
    if how == "co-mention":
        left, right = spec.sides()
        return sorted(set(left) | set(right))
    return ["letters"] if how == "correspondence" else ["claims"]


def _table_rows(store: Store, spec: Spec, build: "_Builder", clock: _Clock, source: str,
                mentioning: tuple[set[str], set[str]] | None = None) -> tuple[list[TableRow] | None, str | None]:
    """(rows, None) from the network table when it can answer, with who their IRIs are (on `build.table`),
    else (None, why not): the caller reads the mentions."""
    if source not in _SOURCES:
        raise NetworkError(f"read the network from {' or '.join(_SOURCES)}, not {source!r}")
    if source == "mentions":
        return None, "asked to read the mentions"
    state = clock.timed(lambda: table_state(store))
    why = ("the network table is absent or incomplete (run frus-kg index)" if state is None else
           "the network table has no sentence windows (run frus-kg index)"
           if spec.window == "sentence" and PROJECTIONS[spec.kind][0] == "co-mention" and not state.sentences else None)
    if why and source == "table":
        raise NetworkError(why)
    if why:
        return None, why
    sets = _parts(spec) if PROJECTIONS[spec.kind][0] == "co-mention" and spec.window == "document" else ()
    rows, graphs = clock.timed(lambda: read_slice(store, spec.filters, parts=_parts(spec), sets=sets, mentioning=mentioning))
    build.table = clock.timed(lambda: read_identity(store, graphs))
    return rows, None


def _coverage_of(g: nx.Graph, rows: list[TableRow]) -> None:
    """What coverage needs, from rows of the whole slice: the dated documents' years and the marked-up ones."""
    g.graph["markup"] = {r.document for r in rows if r.marked}
    g.graph["dated"] = {r.document: r.date[:4] for r in rows if r.date}


# -- co-mention -----------------------------------------------------------------------------------------
def _mention_rows(store: Store, spec: Spec, clock: _Clock, kinds: set[str], bodies: set[str] | None) -> list[tuple]:
    head, tail = document_patterns(spec.filters)
    restrict = iri_values("body", sorted(bodies)) if bodies else ""
    q = f"""SELECT ?doc ?date ?body ?type ?start ?end ?target ?method WHERE {{
  {head}
  {restrict}
  VALUES ?type {{ {' '.join(f'<{ENTITY_KINDS[k]}>' for k in sorted(kinds))} }}
  ?target <{OA}hasSource> ?doc .
  ?m <{OA}hasTarget> ?target ; <{OA}hasBody> ?body ; <{FK}entityType> ?type ; <{FK}method> ?method .
  ?target <{OA}hasSelector> ?sel . ?sel <{OA}start> ?start ; <{OA}end> ?end .
  {tail}
}}"""
    return clock.rows(store, q)


def _texts(store: Store, clock: _Clock, docs: Iterable[str]) -> dict[str, str]:
    texts = {}
    for batch in chunks(docs, 200):
        q = f"SELECT ?doc ?text WHERE {{ {iri_values('doc', batch)} ?doc <{SCHEMA}text> ?text }}"
        texts.update((d.value, t.value) for d, t in clock.rows(store, q))
    return texts


def _when(row: TableRow) -> str | None:
    """A row's day, or an undated editorial note's interval ("1979-02-24/1979-03-30", `Evidence.told`)."""
    return row.date[:10] if row.date else "/".join(row.told) if row.told else None


def _intervals(store: Store, clock: _Clock, undated: Iterable[str]) -> dict[str, str]:
    """The interval each undated editorial note among `undated` tells of (schema:temporalCoverage), as `_when`."""
    found = {}
    for batch in chunks(sorted(undated), 200):
        q = f"SELECT ?doc ?told WHERE {{ {iri_values('doc', batch)} ?doc <{SCHEMA}temporalCoverage> ?told }}"
        found.update((d.value, t.value) for d, t in clock.rows(store, q) if Evidence.is_interval(t.value))
    return found


# doc → (date, mentions as (start, end, target, body, kind, window span or None))
_Found = dict[str, tuple[str | None, list[tuple]]]


def _from_mentions(store: Store, spec: Spec, clock: _Clock, kinds: set[str], bodies: set[str] | None,
                   sentences: Segmenter | None) -> tuple[_Found, set[str]]:
    """The mentions of the slice read from the store, their windows cut from the documents' texts."""
    rows = _mention_rows(store, spec, clock, kinds, bodies)
    found: _Found = {}
    marked = set()
    for doc, date, body, cls, start, end, target, method in rows:
        if method.value == _MARKUP and cls.value == ENTITY_KINDS["person"]:
            marked.add(doc.value)
        entry = found.setdefault(doc.value, (_value(date), []))
        entry[1].append((int(start.value), int(end.value), target.value, body.value, _KIND_OF_CLASS[cls.value], None))
    if spec.window != "document":
        texts = _texts(store, clock, [d for d, (_, ms) in found.items() if len({m[3] for m in ms}) > 1])
        for doc, (date, mentions) in list(found.items()):
            spans = Spans.of(spec.window, texts[doc], sentences) if doc in texts else None
            found[doc] = (date, [(*m[:5], spans.at(m[0]) if spans else None) for m in mentions])
    return found, marked


def _closest(a: list[tuple], b: list[tuple]) -> tuple[int, int, tuple[str, str]]:
    """The shortest span holding one mention (start, end, target, …) of each (both lists sorted by start)."""
    best, width = None, None
    i = j = 0
    na, nb = len(a), len(b)
    while i < na and j < nb:
        x, y = a[i], b[j]
        start = x[0] if x[0] < y[0] else y[0]
        end = x[1] if x[1] > y[1] else y[1]
        if width is None or end - start < width:
            best, width = (start, end, x[2], y[2]), end - start
        if x[0] <= y[0]:
            i += 1
        else:
            j += 1
    return best[0], best[1], (best[2], best[3])


def _pairs(build: "_Builder", left: set[str], right: set[str]):
    """The ties of the entities seen together: every pair when both sides are the same kinds (person-person,
    country-country, co-mention), else each entity of the left kinds with each of the right (person-country),
    left first; an entity's kind is the one it was first seen with (`build.kinds`)."""
    if left == right:
        return lambda entities: combinations(sorted(entities), 2)
    if not left & right:
        def across(entities: Iterable[str]):
            ordered = sorted(entities)
            kinds = build.kinds
            return product([e for e in ordered if kinds[e] in left], [e for e in ordered if kinds[e] in right])
        return across

    def sided(entities: Iterable[str]):
        for a, b in combinations(sorted(entities), 2):
            ka, kb = build.kinds[a], build.kinds[b]
            if ka in left and kb in right:
                yield (a, b)
            elif kb in left and ka in right:
                yield (b, a)
    return sided


def _link_documents(build: "_Builder", found: _Found, identity: dict[str, str], pairs, told: dict[str, str]) -> None:
    """Tie every pair mentioned in one window (or one document). Each tie first only notes where it was
    seen; `_evidence` then works out the passages of the first `cap` places, and counts the rest (a
    corpus has millions of co-mentions, and the passage of a document tie costs a walk over both lists)."""
    by_document = build.spec.window == "document"
    docs = sorted(found, key=document_order)
    places: dict[tuple[str, str], list] = defaultdict(list)
    per_doc: list[dict[str, list]] = []
    for i, doc in enumerate(docs):
        date, raw = found[doc]
        per: dict[str, list] = defaultdict(list)
        for s, e, target, body, _, span in sorted(set(raw)):
            per[identity[body]].append((s, e, target, span))
        build.saw_all(per, doc, date)
        if by_document:
            per_doc.append(per)
            for pair in pairs(per):
                places[pair].append(i)
            continue
        grouped: dict[tuple[int, int], dict[str, str]] = defaultdict(dict)
        for entity, mentions in per.items():
            for _, _, target, span in mentions:
                if span is not None:
                    grouped[span].setdefault(entity, target)
        for span in sorted(grouped):
            first = grouped[span]
            for a, b in pairs(first):
                places[(a, b)].append((i, span, (first[a], first[b])))
    days = [found[d][0][:10] if found[d][0] else told.get(d) for d in docs]
    cap = build.spec.evidence_cap
    build.edges = {pair: _evidence(cap, docs, days, per_doc, pair, seen) for pair, seen in places.items()}


class _Mentioned:
    """Per document of the table's rows, entity → its (start, end, target, None) sorted, as `_link_documents`
    groups them: parsed only for the documents whose ties are asked for their passages."""

    def __init__(self, rows: list[TableRow], kinds: set[str], identity: dict[str, str], bodies: set[str] | None):
        self.rows, self.kinds, self.identity, self.bodies = rows, kinds, identity, bodies
        self.parsed: dict[int, dict[str, list]] = {}

    def __getitem__(self, i: int) -> dict[str, list]:
        per = self.parsed.get(i)
        if per is None:
            per = self.parsed[i] = defaultdict(list)
            identity, bodies = self.identity, self.bodies
            for s, e, target, body, _, span in sorted(set(self.rows[i].mentions(self.kinds))):
                if bodies is None or body in bodies:
                    per[identity[body]].append((s, e, target, span))
        return per

    def __bool__(self) -> bool:
        return True


def _link_table_documents(build: "_Builder", store: Store, clock: _Clock, rows: list[TableRow], kinds: set[str],
                          bodies: set[str] | None, pairs) -> None:
    """`_link_documents` for the document window from the table: each document's entities are read without
    their offsets (`TableRow.bodies`); the offsets of a document are parsed only when one of its ties gives a
    passage (`_Mentioned`). On the busiest two years this skips parsing 100,000 mentions."""
    named = [row.bodies(kinds) for row in rows]
    if bodies is not None:
        named = [{b: k for b, k in n.items() if b in bodies} for n in named]
    identity = _resolve(store, clock, {b for n in named for b in n}, build.table)
    kinds_of = build.kinds
    for n in named:
        for body, kind in n.items():
            kinds_of.setdefault(identity[body], kind)
    places: dict[tuple[str, str], list] = defaultdict(list)
    for i, (row, n) in enumerate(zip(rows, named)):
        entities = {identity[b] for b in n}
        build.saw_all(entities, row.document, row.date)
        for pair in pairs(entities):
            places[pair].append(i)
    docs = [row.document for row in rows]
    days = [_when(row) for row in rows]
    per_doc = _Mentioned(rows, kinds, identity, bodies)
    cap = build.spec.evidence_cap
    build.edges = {pair: _evidence(cap, docs, days, per_doc, pair, seen) for pair, seen in places.items()}


def _link_table_windows(build: "_Builder", store: Store, clock: _Clock, rows: list[TableRow], kinds: set[str],
                        bodies: set[str] | None, pairs) -> None:
    """`_link_documents` for a paragraph or sentence window from the table, reading each mention's entity, offsets,
    target and window with one regular expression per part (`TableRow.windowed`) and keeping, per window and
    entity, the target of its first mention (what the sorted walk of `_link_documents` keeps)."""
    window = build.spec.window
    parsed = [row.windowed(kinds, window) for row in rows]
    if bodies is not None:
        parsed = [[m for m in ms if m[0] in bodies] for ms in parsed]
    identity = _resolve(store, clock, {m[0] for ms in parsed for m in ms}, build.table)
    kinds_of = build.kinds
    for ms in parsed:
        for m in ms:
            kinds_of.setdefault(identity[m[0]], m[4])
    places: dict[tuple[str, str], list] = defaultdict(list)
    for i, (row, ms) in enumerate(zip(rows, parsed)):
        best: dict[tuple[str, str], tuple] = {}
        seen = set()
        for body, start, end, target, _, span in ms:
            entity = identity[body]
            seen.add(entity)
            if span:
                key = (span, entity)
                was = best.get(key)         # offsets compared as numbers only when an entity recurs in a window
                if was is None or (int(start), int(end), target) < (int(was[0]), int(was[1]), was[2]):
                    best[key] = (start, end, target)
        build.saw_all(seen, row.document, row.date)
        grouped: dict[tuple[int, int], dict[str, str]] = defaultdict(dict)
        spans = {}
        for (span, entity), (_, _, target) in best.items():
            at = spans.get(span)
            if at is None:
                a, b = span.split("-")
                at = spans[span] = (int(a), int(b))
            grouped[at][entity] = target
        for span in sorted(grouped):
            first = grouped[span]
            if len(first) > 1:
                for a, b in pairs(first):
                    places[(a, b)].append((i, span, (first[a], first[b])))
    docs = [row.document for row in rows]
    days = [_when(row) for row in rows]
    cap = build.spec.evidence_cap
    build.edges = {pair: _evidence(cap, docs, days, [], pair, seen) for pair, seen in places.items()}


def _evidence(cap: int, docs: list[str], days: list, per_doc: list[dict], pair: tuple[str, str], seen: list) -> Evidence:
    """The Evidence of one tie from the places it was seen: document indexes (document window, whose
    passage is the shortest span holding both) or (document index, window span, targets)."""
    if len(seen) == 1:                      # most ties of a corpus slice
        i = seen[0] if per_doc else seen[0][0]
        passages = (partial(_document_passages, docs, per_doc, pair, seen) if per_doc
                    else partial(_window_passages, docs, seen))
        return Evidence.seen_once(cap, docs[i], passages, days[i])
    if per_doc:                             # one place per document, in document order
        indexes = seen
        passages = partial(_document_passages, docs, per_doc, pair, seen[:cap])
        document_count = len(seen)
        documents = [docs[i] for i in seen[:cap]]
    else:
        indexes = [i for i, _, _ in seen]
        passages = partial(_window_passages, docs, seen[:cap])
        document_count = len(set(indexes))
        documents = []
        for i in indexes:                   # in document order, a document's places together
            if not documents or documents[-1] != docs[i]:
                documents.append(docs[i])
                if len(documents) == cap:
                    break
    whens = [d for d in map(days.__getitem__, indexes) if d]
    told = sorted({d for d in whens if "/" in d}) or None        # undated editorial notes' intervals (`_when`)
    dated = [d for d in whens if "/" not in d] if told else whens
    return Evidence(cap=cap, documents=documents, later=passages, document_count=document_count,
                    passage_count=len(seen), first=min(dated) if dated else None, last=max(dated) if dated else None,
                    told=told)


def _document_passages(docs: list[str], per_doc: list[dict], pair: tuple[str, str], indexes: list[int]) -> list[Passage]:
    a, b = pair
    found = []
    for i in indexes:
        start, end, targets = _closest(per_doc[i][a], per_doc[i][b])
        found.append(Passage(docs[i], start, end, tuple(expand(t, docs[i]) for t in targets)))
    return found


def _window_passages(docs: list[str], seen: list[tuple]) -> list[Passage]:
    """The passages of the places a tie was seen; targets as the table packs them are made whole here."""
    return [Passage(docs[i], span[0], span[1], tuple(expand(t, docs[i]) for t in targets)) for i, span, targets in seen]


def _co_mention(store: Store, spec: Spec, sentences: Segmenter | None, between: tuple[str, str] | None,
                source: str) -> nx.Graph:
    clock, build = _Clock(), _Builder(spec)
    left, right = (set(s) for s in spec.sides())
    ends = (aliases(store, between[0]), aliases(store, between[1])) if between else None
    bodies = ends[0] | ends[1] if ends else None
    rows, why = _table_rows(store, spec, build, clock, source, ends)
    clock.start_building()
    if rows is not None:
        link = _link_table_documents if spec.window == "document" else _link_table_windows
        link(build, store, clock, rows, left | right, bodies, _pairs(build, left, right))
        found = marked = None
    else:
        found, marked = _from_mentions(store, spec, clock, left | right, bodies, sentences)
    if found is not None:
        identity = _resolve(store, clock, {m[3] for _, ms in found.values() for m in ms}, build.table)
        for _, mentions in found.values():
            for m in mentions:
                build.kinds.setdefault(identity[m[3]], m[4])
        told = _intervals(store, clock, (d for d, (date, _) in found.items() if not date))
        _link_documents(build, found, identity, _pairs(build, left, right), told)
    if between:
        build.edges = {k: v for k, v in build.edges.items() if set(k) == set(between)}
    g = build.graph(store, clock)
    if rows is not None and not between:
        _coverage_of(g, rows)
    elif marked is not None and "person" in left | right:
        g.graph["markup"] = marked      # for coverage.markup_coverage: saves it a pass over the mentions
    return _finish(g, spec, clock, why)


def _directed_pair(store: Store, source: str, target: str, between: tuple[str, str] | None) -> str:
    """VALUES binding ?source and ?target to every IRI of the two nodes (nothing when not restricted)."""
    if not between:
        return ""
    return (iri_values(source, sorted(aliases(store, between[0]))) + " "
            + iri_values(target, sorted(aliases(store, between[1]))))


# -- correspondence ------------------------------------------------------------------------------------
def _letters_from_store(store: Store, spec: Spec, clock: _Clock, between: tuple[str, str] | None) -> list[tuple]:
    """(doc, date, author, recipient, heading length) of the documents whose heading names both."""
    head, tail = document_patterns(spec.filters)
    restrict = _directed_pair(store, "author", "recipient", between)
    q = f"""SELECT ?doc ?date ?author ?recipient (STRLEN(?name) AS ?heading) WHERE {{
  {head}
  {restrict}
  ?doc <{SCHEMA}author> ?author ; <{SCHEMA}recipient> ?recipient .
  OPTIONAL {{ ?doc <{SCHEMA}name> ?name }}
  {tail}
}}"""
    return sorted(((d.value, _value(date), a.value, r.value, int(h.value) if h is not None else 0)
                   for d, date, a, r, h in clock.rows(store, q)), key=lambda r: r[0])


def _correspondence(store: Store, spec: Spec, between: tuple[str, str] | None, source: str) -> nx.Graph:
    clock, build = _Clock(), _Builder(spec)
    rows, why = _table_rows(store, spec, build, clock, source) if not between else (None, "one edge: read from the store")
    clock.start_building()
    if rows is not None:
        letters = [(r.document, r.date, a, b, r.heading or 0) for r in rows for a, b in r.letters]
        told = {r.document: _when(r) for r in rows if not r.date and r.told}
    else:
        letters = _letters_from_store(store, spec, clock, between)
        told = _intervals(store, clock, {r[0] for r in letters if not r[1]})
    identity = _resolve(store, clock, {x for r in letters for x in (r[2], r[3])}, build.table)
    for doc, date, author, recipient, heading in letters:
        a, b = identity[author], identity[recipient]
        for node in (a, b):
            build.kinds[node] = "organization" if "/organizations/" in node else "person"   # posts that write
            build.saw(node, doc, date)
        if a != b:
            build.link(a, b, date or told.get(doc), doc, 0, heading)
    g = build.graph(store, clock)
    if rows is not None:
        _coverage_of(g, rows)
    return _finish(g, spec, clock, why)


# -- claims --------------------------------------------------------------------------------------------
def _claims_from_store(store: Store, spec: Spec, clock: _Clock, between: tuple[str, str] | None) -> list[tuple]:
    """(doc, date, claim type, claimant, subject, start, end, target) of the filtered claims, by document and offset."""
    head, tail = document_patterns(spec.filters)
    types = spec.filters.claim_types
    restrict = " ".join(filter(None, [
        f"VALUES ?type {{ {' '.join(f'<{CLAIM_TYPES[t]}>' for t in types)} }}" if types else "",
        _directed_pair(store, "who", "about", between),
    ]))
    q = f"""SELECT ?doc ?date ?type ?who ?about ?start ?end ?target WHERE {{
  {head}
  {restrict}
  ?claim <{PROV}wasDerivedFrom> ?doc ; <{FK}claimType> ?type ; <{PROV}wasAttributedTo> ?who ;
         <{SCHEMA}about> ?about ; <{OA}hasTarget> ?target .
  ?target <{OA}hasSelector> ?sel . ?sel <{OA}start> ?start ; <{OA}end> ?end .
  {tail}
}}"""
    type_name = {iri: name for name, iri in CLAIM_TYPES.items()}
    found = [(d.value, _value(date), type_name.get(t.value, t.value), w.value, a.value, int(s.value), int(e.value), x.value)
             for d, date, t, w, a, s, e, x in clock.rows(store, q)]
    return sorted(found, key=lambda r: (document_order(r[0]), r[5]))


def _claims(store: Store, spec: Spec, between: tuple[str, str] | None, source: str) -> nx.Graph:
    clock, build = _Clock(), _Builder(spec)
    rows, why = _table_rows(store, spec, build, clock, source) if not between else (None, "one edge: read from the store")
    clock.start_building()
    if rows is not None:
        docs, dates = [r.document for r in rows], [r.date for r in rows]
        groups = [r.claim_heads() for r in rows]
        passage = partial(_table_claim_passage, rows, {})
        whens = [_when(r) for r in rows]
    else:
        docs, dates, groups, passage = _grouped_claims(_claims_from_store(store, spec, clock, between))
        told = _intervals(store, clock, (doc for doc, date in zip(docs, dates) if not date))
        whens = [date[:10] if date else told.get(doc) for doc, date in zip(docs, dates)]
    named = {x for group in groups for _, who, about in group for x in (who, about)}
    whole = {x: expand(x) for x in named}              # as packed (`expand`), or whole from the store
    identity = _resolve(store, clock, set(whole.values()), build.table)
    _tie_claims(build, docs, (dates, whens), groups, {x: identity[w] for x, w in whole.items()},
                set(spec.filters.claim_types), passage)
    g = build.graph(store, clock)
    if rows is not None:
        _coverage_of(g, rows)
    return _finish(g, spec, clock, why)


def _grouped_claims(claims: list[tuple]) -> tuple[list, list, list, object]:
    """The store's claims (doc, date, type, who, about, start, end, target), by document and offset, grouped as
    the table's rows give them: documents, dates, (type, who, about) per document, and the passage of each."""
    docs, dates, groups, spans = [], [], [], []
    for doc, date, claim_type, who, about, start, end, target in claims:
        if not docs or docs[-1] != doc:
            docs.append(doc)
            dates.append(date)
            groups.append([])
            spans.append([])
        groups[-1].append((claim_type, who, about))
        spans[-1].append((start, end, target))

    def passage(i: int, j: int) -> Passage:
        start, end, target = spans[i][j]
        return Passage(docs[i], start, end, (expand(target, docs[i]),))
    return docs, dates, groups, passage


def _table_claim_passage(rows: list[TableRow], parsed: dict, i: int, j: int) -> Passage:
    """The passage of the j-th claim of row i, its row's claims split when first asked for."""
    fields = parsed.get(i)
    if fields is None:
        fields = parsed[i] = rows[i].claim_fields()
    _, _, _, start, end, target = fields[j]
    doc = rows[i].document
    return Passage(doc, int(start), int(end), (expand(target, doc),))


def _tie_claims(build: "_Builder", docs: list[str], dated: tuple[list, list], groups: list[list[tuple]],
                canon: dict[str, str], types: set[str], passage) -> None:
    """Tie each claimant to each subject of its claims (of the chosen types), counting the claim types, and the
    nodes' documents; each tie's evidence is made once from the (document, claim) places it was seen at. `dated`:
    the documents' dates (the nodes') and their days or notes' intervals (the ties', `_when`)."""
    dates, whens = dated
    places: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    tally: dict[tuple[str, str, str], int] = {}
    for i, group in enumerate(groups):
        here = set()
        for j, (claim_type, who, about) in enumerate(group):
            if types and claim_type not in types:
                continue
            a, b = canon[who], canon[about]
            here.add(a)
            here.add(b)
            if a != b:
                places[(a, b)].append((i, j))
                key = (a, b, claim_type)
                tally[key] = tally.get(key, 0) + 1
        if here:
            build.saw_all(here, docs[i], dates[i])
    for (a, b, claim_type), n in tally.items():
        build.claim_types[(a, b)][claim_type] = n
    cap = build.spec.evidence_cap
    build.edges = {pair: _claim_evidence(cap, docs, whens, passage, seen) for pair, seen in places.items()}


def _claim_evidence(cap: int, docs: list[str], whens: list, passage, seen: list[tuple[int, int]]) -> Evidence:
    """The Evidence of one claimant → subject tie from its places (document index, claim index), by document and
    offset, as `Evidence.add_at` would make it claim by claim; its passages are made when first asked for. `whens`:
    each document's day or undated editorial note's interval (`_when`)."""
    later = partial(_claim_passages, passage, seen[:cap])
    if len(seen) == 1:
        return Evidence.seen_once(cap, docs[seen[0][0]], later, whens[seen[0][0]])
    documents, count, previous = [], 0, -1
    days, told = [], set()
    for i, _ in seen:
        if i != previous:
            previous, count = i, count + 1
            if len(documents) < cap:
                documents.append(docs[i])
            if Evidence.is_interval(whens[i]):
                told.add(whens[i])
            elif whens[i]:
                days.append(whens[i])
    return Evidence(cap=cap, documents=documents, later=later, document_count=count, passage_count=len(seen),
                    first=min(days) if days else None, last=max(days) if days else None, told=sorted(told) or None)


def _claim_passages(passage, seen: list[tuple[int, int]]) -> list[Passage]:
    return [passage(i, j) for i, j in seen]


def _finish(g: nx.Graph, spec: Spec, clock: _Clock, why: str | None) -> nx.Graph:
    """The spec and timings on the graph, and where it was read from (`source`, with `source_note` saying
    why not from the network table)."""
    g.graph.update(kind=spec.kind, window=spec.window if PROJECTIONS[spec.kind][0] == "co-mention" else "document",
                   weight_by=spec.weight_by, filters=spec.filters.as_dict(), evidence_cap=spec.evidence_cap,
                   source="mentions" if why else "table", source_note=why,
                   date_rule=DATE_RULE if spec.filters.date_from or spec.filters.date_to else None,
                   timings={"sparql": clock.sparql, "networkx": clock.building()})
    return g


def _known_or_refused(store: Store, f: Filters) -> Filters:
    """The filters with each genre as the headings print it (any case given, as /documents reads it); a volume or
    genre the store does not hold is a mistake to name, not an empty network: "frus1977-80v1" and "memorandum"
    (printed "Memorandum", which was asked for exactly) drew nothing and said nothing."""
    volumes = {iris.volume_iri(v): v for v in f.volumes}
    missing = [name for v, name in volumes.items() if not store.has_graph(v)]     # the protocol every store has
    if missing:
        raise NetworkError(f"no volume {', '.join(sorted(missing))} in this store (volume ids as in /volumes/…)")
    printed: list[str] = []
    for genre in f.genres:
        found = printed_genres(store, genre)
        if not found:
            near = nearest_genres(store, genre)
            raise NetworkError(f"no document of the genre {genre!r} in this store (" + (
                f"did you mean {' or '.join(repr(g) for g in near)}?" if near else
                "genres are as printed, e.g. 'Telegram', 'Memorandum of Conversation'; the documents list names them") + ")")
        printed += [g for g in found if g not in printed]
    return replace(f, genres=tuple(printed)) if f.genres else f


def project(store: Store, spec: Spec, *, sentences: Segmenter | None = None,
            between: tuple[str, str] | None = None, source: str = "auto") -> nx.Graph:
    """The network `spec` asks for. `between` keeps only the edge between two node IRIs (for its evidence).

    `source`: "auto" reads the network table (graph/networks/table.py) when the store has it and it can
    answer, else the mentions; "table" or "mentions" insist (a NetworkError when the table cannot answer).
    `g.graph["source"]` says which was read, and `g.graph["source_note"]` why not the table."""
    how = PROJECTIONS[spec.kind][0]
    spec = replace(spec, filters=_known_or_refused(store, spec.filters))
    with collector_paused():
        if how == "co-mention":
            return _co_mention(store, spec, sentences, between, source)
        if how == "correspondence":
            return _correspondence(store, spec, between, source)
        return _claims(store, spec, between, source)


def edge_evidence(store: Store, spec: Spec, source: str, target: str, *, limit: int = 100,
                  sentences: Segmenter | None = None) -> dict | None:
    """The passages behind one edge (up to `limit`), each with its text and the printed pages of what it holds
    (`page`, where it begins, and `pages`), or None when there is no such edge."""
    wide = Spec(spec.kind, spec.window, spec.weight_by, Filters(**{**spec.filters.as_dict(), "min_weight": 0}), limit)
    g = project(store, wide, sentences=sentences, between=(source, target))
    if not g.has_edge(source, target):
        return None
    data = g.edges[source, target]
    evidence: Evidence = data["evidence"]
    texts = _texts(store, _Clock(), {p.document for p in evidence.passages})
    pages = passage_pages(store, evidence.passages)
    passages = [{"passage": p.iri, "document": p.document, "page": printed[0] if printed else None, "pages": printed,
                 "start": p.start, "end": p.end, "targets": list(p.targets), "text": texts.get(p.document, "")[p.start:p.end]}
                for p, printed in zip(evidence.passages, pages)]
    return {"source": source, "target": target, "kind": spec.kind, "window": g.graph["window"],
            "weight": data["weight"], "documents": evidence.document_count, "passages": evidence.passage_count,
            "first": evidence.first, "last": evidence.last, "note_intervals": data.get("note_intervals"),
            "claim_types": data.get("claim_types"),
            "source_label": g.nodes[source]["label"], "target_label": g.nodes[target]["label"], "evidence": passages}
