"""Dataset statistics for the home page and the lists' filters: figures and the most mentioned entities, cached briefly.

With the statistics layer (graph/statistics.py) every figure is read, not counted: documents and claims are sums
over one node per volume, people and countries the kinds' totals (as the /people and /countries lists count
them: mentioned entities with a name), the dates the first and last months counted,
and the most mentioned entities the corpus totals' document counts. Without it (a store no refresh has seen)
they are counted from the documents, which on the 99 volumes takes tens of seconds, once a minute.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from graph import Store
from graph.statistics import STATS_PREFIX, TOTALS_GRAPH, has_statistics
from ontology.namespaces import sparql_prologue

from .resources.links import href

__all__ = ["STAT_QUERIES", "BROWSE_QUERIES", "LAYER_QUERIES", "LAYER_BROWSE_QUERIES", "Stats", "dataset_stats",
           "browse_lists"]

_P = sparql_prologue("schema", "fk", "oa", "rdfs")
STAT_QUERIES = {
    "volumes": _P + "SELECT (COUNT(?v) AS ?n) WHERE { ?v a fk:Volume }",
    "documents": _P + "SELECT (COUNT(?d) AS ?n) WHERE { ?d a fk:Document }",
    "people": _P + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?d a fk:Document ; schema:mentions ?p . ?p a schema:Person }",
    "countries": _P + "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?d a fk:Document ; schema:mentions ?c . ?c a schema:Country }",
    "claims": _P + "SELECT (COUNT(?c) AS ?n) WHERE { ?c a fk:Claim }",
    "first": _P + "SELECT (MIN(?d) AS ?n) WHERE { ?doc a fk:Document ; schema:dateCreated ?d }",
    "last": _P + "SELECT (MAX(?d) AS ?n) WHERE { ?doc a fk:Document ; schema:dateCreated ?d }",
}
# Grouping first and joining labels after keeps the planner on the documents' schema:mentions index.
_MOST_MENTIONED = """SELECT ?iri ?label ?n WHERE {{
  {{ SELECT ?iri (COUNT(?d) AS ?n) WHERE {{ ?d a fk:Document ; schema:mentions ?iri . ?iri a {kind} }}
     GROUP BY ?iri ORDER BY DESC(?n) LIMIT 40 }}
  OPTIONAL {{ ?iri rdfs:label ?label }}
}} ORDER BY DESC(?n) ?label"""
BROWSE_QUERIES = {
    "volumes": _P + """SELECT ?iri ?label (COUNT(?d) AS ?n) WHERE {
  ?iri a fk:Volume . OPTIONAL { ?iri schema:name ?label } ?d schema:isPartOf ?iri ; a fk:Document .
} GROUP BY ?iri ?label ORDER BY ?iri""",
    "countries": _P + _MOST_MENTIONED.format(kind="schema:Country"),
    "people": _P + _MOST_MENTIONED.format(kind="schema:Person"),
}
_VOLUME_TOTAL = f"""SELECT (SUM(?n) AS ?total) WHERE {{
  GRAPH ?g {{ ?g a fk:VolumeStatistics ; fk:{{what}} ?n }} FILTER (STRSTARTS(STR(?g), "{STATS_PREFIX}")) }}"""
_KIND_TOTAL = f"""SELECT ?n WHERE {{ GRAPH <{TOTALS_GRAPH}> {{ ?k a fk:KindTotal ; fk:entityKind "{{kind}}" ; fk:entityCount ?n }} }}"""
_MONTH = f"""SELECT ({{end}}(?month) AS ?n) WHERE {{ GRAPH <{TOTALS_GRAPH}> {{ ?h a fk:MonthCount ; fk:month ?month }} }}"""
LAYER_QUERIES = {
    "volumes": STAT_QUERIES["volumes"],
    "documents": _P + _VOLUME_TOTAL.replace("{what}", "documentCount"),
    "people": _P + _KIND_TOTAL.replace("{kind}", "people"),
    "countries": _P + _KIND_TOTAL.replace("{kind}", "countries"),
    "claims": _P + _VOLUME_TOTAL.replace("{what}", "claimCount"),
    "first": _P + _MONTH.replace("{end}", "MIN"),
    "last": _P + _MONTH.replace("{end}", "MAX"),
}
_LAYER_MOST_MENTIONED = f"""SELECT ?iri ?label ?n WHERE {{
  {{ SELECT ?iri ?n WHERE {{ GRAPH <{TOTALS_GRAPH}> {{ ?t fk:entityKind "{{kind}}" ; fk:entity ?iri ; fk:documentCount ?n }} }}
     ORDER BY DESC(?n) LIMIT 40 }}
  OPTIONAL {{ ?iri rdfs:label ?label }}
}} ORDER BY DESC(?n) ?label"""
LAYER_BROWSE_QUERIES = {
    "volumes": _P + f"""SELECT ?iri ?label ?n WHERE {{
  ?iri a fk:Volume . OPTIONAL {{ ?iri schema:name ?label }}
  BIND (IRI(CONCAT("{STATS_PREFIX}", STRAFTER(STR(?iri), "/historicaldocuments/"))) AS ?g)
  GRAPH ?g {{ ?g a fk:VolumeStatistics ; fk:documentCount ?n }}
}} ORDER BY ?iri""",
    "countries": _P + _LAYER_MOST_MENTIONED.replace("{kind}", "countries"),
    "people": _P + _LAYER_MOST_MENTIONED.replace("{kind}", "people"),
}
_TTL = 60.0


@dataclass
class Stats:
    figures: dict[str, object]
    browse: dict[str, list[dict]]
    seconds: float


_cache: dict[int, tuple[float, Stats]] = {}


def _value(term) -> object:
    if term is None:
        return None
    text = term.value
    return int(text) if text.isdigit() else text


def browse_lists(store: Store, queries: dict[str, str] = BROWSE_QUERIES) -> dict[str, list[dict]]:
    lists = {}
    for name, query in queries.items():
        rows = store.query(query).rows()
        lists[name] = [{"iri": iri.value, "label": label.value if label else iri.value.rsplit("/", 1)[-1],
                        "href": "/volumes/" + iri.value.rsplit("/", 1)[-1] if name == "volumes" else href(iri.value),
                        "count": int(n.value)} for iri, label, n in rows]
    return lists


def dataset_stats(store: Store) -> Stats:
    """Figures and browse lists, recomputed at most once a minute per store."""
    now = time.monotonic()
    cached = _cache.get(id(store))
    if cached and now - cached[0] < _TTL:
        return cached[1]
    started = time.perf_counter()
    layer = has_statistics(store)
    figures = {name: _value(next(store.query(q).rows(), [None])[0])
               for name, q in (LAYER_QUERIES if layer else STAT_QUERIES).items()}
    for end in ("first", "last"):
        figures[end] = str(figures[end])[:10] if figures[end] else None
    stats = Stats(figures, browse_lists(store, LAYER_BROWSE_QUERIES if layer else BROWSE_QUERIES),
                  time.perf_counter() - started)
    _cache[id(store)] = (now, stats)
    return stats
