"""The counts of the VoID description, materialised in `{BASE}graph/void` when the statistics are refreshed.

Summing the volumes' partitions and counting the other graphs (graph/dataset_counts.py) took 10.7 s on the
99-volume store, on the first call to `/.well-known/void` of every server process. So `refresh_void`
writes the result (the dataset's `void:triples`, its class and property partitions, one `void:subset` per
named graph and per volume's document graphs) into one small graph at the end of `refresh_statistics`
(ingest, `frus-kg index`, `frus-kg authorities load`) and of `frus-kg link import`, and the route reads it
with one query. Partition nodes are IRIs under the dataset's (`…/id/void/class/<sha1>`), so the graph
is the same for the same counts. Materialised layers (graph/layer_graphs.py) are not counted.

Which volumes are incomplete (`incomplete_volumes`) is not materialised: the route reads it from the volumes' own
graphs on every call (one lookup of `fk:incompleteIngest`), so it changes as soon as an ingest writes a volume's
graph, whether or not the counts were refreshed.
"""
from __future__ import annotations

import base64
import hashlib
from collections import Counter

import pyoxigraph as ox

from ontology.namespaces import BASE, FK, OA, SCHEMA, XSD

from .dataset_counts import VOID, dataset_counts
from .layer_graphs import is_layer_graph, layer_filter
from .linksets import DATASET_IRI
from .store import Store

__all__ = ["VOID_GRAPH", "DATASET_IRI", "SD", "DQV", "LDQD", "VERSION", "scan_counts", "description_quads", "content_digest",
           "refresh_void", "read_void", "void_version", "volume_subset", "incomplete_volumes"]

VOID_GRAPH = f"{BASE}graph/void"
SD = "http://www.w3.org/ns/sparql-service-description#"
DQV = "http://www.w3.org/ns/dqv#"                   # W3C Data Quality Vocabulary, DCAT's extension for quality
LDQD = "http://www.w3.org/2016/05/ldqd#"            # the dimensions of linked-data quality DQV names (completeness)
SCAN_TIMEOUT = 600.0
VERSION = FK + "graphDigest"      # of the counts: equal counts, equal graph (a rerun equals a clean run)
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_INT = ox.NamedNode(XSD + "integer")
_DCT = "http://purl.org/dc/terms/"


def _n(ns: str, local: str) -> ox.NamedNode:
    return ox.NamedNode(ns + local)


def _rows(store: Store, sparql: str) -> list[tuple]:
    return list(store.query(sparql, timeout=SCAN_TIMEOUT, row_cap=10**9).rows())


def scan_counts(store: Store) -> dict:
    """The counts by two scans of the store, for stores whose statistics have no VoID partitions: triples per
    graph and property (the layers left out here, not by a FILTER on every quad), and typed subjects."""
    graphs: Counter = Counter()
    properties: Counter = Counter()
    for g, p, n in _rows(store, "SELECT ?g ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ?p"):
        if not is_layer_graph(g.value):
            graphs[g] += int(n.value)
            properties[p] += int(n.value)
    classes = _rows(store, f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?c }} {layer_filter()} }} "
                           "GROUP BY ?c")
    return {"triples": [(sum(graphs.values()),)], "classes": classes,
            "properties": sorted(properties.items(), key=_by_name), "graphs": sorted(graphs.items(), key=_by_name)}


def _by_name(item: tuple) -> str:
    return item[0].value


def _int(n) -> ox.Literal:
    return ox.Literal(str(int(n.value if hasattr(n, "value") else n)), datatype=_INT)


def _node(kind: str, term: ox.NamedNode) -> ox.NamedNode:
    return ox.NamedNode(f"{DATASET_IRI}/{kind}/{hashlib.sha1(term.value.encode()).hexdigest()[:16]}")


def volume_subset(volume: ox.NamedNode) -> ox.NamedNode:
    """The `void:subset` of a volume's document graphs."""
    return _node("volume", volume)


def description_quads(store: Store, stats: dict | None = None) -> list[ox.Quad]:
    """The VoID counts as quads of `VOID_GRAPH`: from the statistics layer's partitions, else by scans."""
    if stats is None:
        stats = dataset_counts(store) or scan_counts(store)
    dataset, g = ox.NamedNode(DATASET_IRI), ox.NamedNode(VOID_GRAPH)
    t = [(dataset, _TYPE, _n(VOID, "Dataset")), (dataset, _n(VOID, "triples"), _int(stats["triples"][0][0]))]
    for key, part, link, measure in (("classes", "classPartition", "class", "entities"),
                                     ("properties", "propertyPartition", "property", "triples")):
        for term, n in stats[key]:
            node = _node(link, term)
            t += [(dataset, _n(VOID, part), node), (node, _n(VOID, link), term), (node, _n(VOID, measure), _int(n))]
    for graph, n in stats["graphs"]:
        node = _node("graph", graph)
        t += [(dataset, _n(VOID, "subset"), node), (node, _TYPE, _n(VOID, "Dataset")),
              (node, _n(SD, "name"), graph), (node, _n(VOID, "triples"), _int(n))]
    for _, volume, n in stats.get("volumes", ()):
        node = volume_subset(volume)       # not the statistics' own node: no triple is stored in two graphs
        t += [(dataset, _n(VOID, "subset"), node), (node, _TYPE, _n(VOID, "Dataset")),
              (node, ox.NamedNode(_DCT + "source"), volume), (node, _n(VOID, "triples"), _int(n))]
    t.append((dataset, ox.NamedNode(VERSION), content_digest(t)))
    return [ox.Quad(s, p, o, g) for s, p, o in t]


def content_digest(triples: list[tuple]) -> ox.NamedNode:
    """The RFC 6920 ni: IRI of the counts' sorted N-Triples: a reader sees new counts by it, and the same counts
    always give the same graph (a time stamp here made a rerun differ from a clean run). The statistics' totals
    carry one too (their own counts, which VoID's may not show changed)."""
    lines = sorted(str(ox.Triple(*t)) for t in triples)
    raw = hashlib.sha256("\n".join(lines).encode()).digest()
    return ox.NamedNode("ni:///sha-256;" + base64.urlsafe_b64encode(raw).rstrip(b"=").decode())


def refresh_void(store: Store) -> int:
    """Recount and rewrite `VOID_GRAPH` (drop, then add: see statistics._write); the quads written."""
    quads = description_quads(store)
    store.drop_graphs([VOID_GRAPH])
    store.replace_graphs({VOID_GRAPH: quads})
    return len(quads)


def void_version(store: Store) -> str | None:
    """The digest of the counts written, or None when there are none: a reader keeps what it read until this
    changes (0.4 ms, against 30-70 ms to read the 1,157 quads of the 99-volume store)."""
    for (digest,) in store.query(f"SELECT ?m WHERE {{ GRAPH <{VOID_GRAPH}> {{ <{DATASET_IRI}> <{VERSION}> ?m }} }}").rows():
        return digest.value
    return None


def read_void(store: Store) -> list[ox.Triple] | None:
    """The materialised counts as triples, or None when the store has none (built before this layer)."""
    rows = list(store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{VOID_GRAPH}> {{ ?s ?p ?o }} }}").rows())
    return [ox.Triple(s, p, o) for s, p, o in rows] or None


def _in_words(facts: dict[str, str]) -> str:
    """What the volume page's notice says (api/templates/volume.html), as one sentence."""
    read, failed = int(facts[FK + "documentsRead"]), int(facts.get(FK + "documentsFailed", 0))
    line, column = facts.get(FK + "stoppedAtLine"), facts.get(FK + "stoppedAtColumn")
    documents = f"{read} document{'' if read == 1 else 's'}"
    if line:
        where = f"stopped at line {line}{f', column {column}' if column else ''}, after reading {documents}"
        how = where + (f" ({failed} of them could not be ingested)" if failed else "")
    else:
        how = f"read {documents}"
    return (f"Incomplete in this store: its last ingest, of {facts[FK + 'sourceFile']}, {how}: "
            f"{facts.get(SCHEMA + 'description', '').rstrip('.')}. Its documents counted here are those that ingest "
            "committed.")


def incomplete_volumes(store: Store) -> list[ox.Triple]:
    """What VoID says of each volume whose graph records an incomplete ingest (ingest/incomplete.py): the volume's
    `void:subset` bears a DQV quality annotation in the completeness dimension, whose body is the volume's
    `fk:IncompleteIngest` node (its facts given too, as the volume's graph holds them), and the same in words
    (`dcterms:description`). Nothing for a store whose volumes are whole."""
    query = (f"SELECT ?v ?i ?p ?o WHERE {{ GRAPH ?v {{ ?v <{FK}incompleteIngest> ?i . ?i ?p ?o }} }}")
    found: dict[tuple, list[tuple]] = {}
    for v, i, p, o in store.query(query).rows():
        found.setdefault((v, i), []).append((p, o))
    dataset, t = ox.NamedNode(DATASET_IRI), []
    for (volume, ingest), facts in sorted(found.items(), key=lambda item: item[0][0].value):
        subset = volume_subset(volume)
        note = ox.NamedNode(subset.value + "#incomplete")      # resolves with the subset's own IRI
        described = {p.value: o.value for p, o in facts}
        if FK + "sourceFile" not in described or FK + "documentsRead" not in described:
            continue
        t += [(dataset, _n(VOID, "subset"), subset), (subset, _TYPE, _n(VOID, "Dataset")),
              (subset, ox.NamedNode(_DCT + "source"), volume),
              (subset, ox.NamedNode(_DCT + "description"), ox.Literal(_in_words(described))),
              (subset, _n(DQV, "hasQualityAnnotation"), note),
              (note, _TYPE, _n(DQV, "QualityAnnotation")), (note, _n(OA, "motivatedBy"), _n(DQV, "qualityAssessment")),
              (note, _n(OA, "hasTarget"), subset), (note, _n(DQV, "inDimension"), _n(LDQD, "completeness")),
              (note, _n(OA, "hasBody"), ingest)]
        t += [(ingest, p, o) for p, o in facts]
    return [ox.Triple(*triple) for triple in t]
