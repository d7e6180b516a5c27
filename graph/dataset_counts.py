"""VoID's counts without a full scan: each volume's document graphs are counted once, with its statistics.

Counting every class, property and graph of the 99-volume store is four scans of 63 M quads (82 s on
this machine), and `/.well-known/void` repeated them every 15 minutes. So `volume_partitions` writes,
into each volume's statistics graph, a `void:Dataset` for the volume's document graphs with its
`void:triples` and its class and property partitions (VoID's own terms). `dataset_counts` sums those
and counts only the other data graphs (volumes, authorities, linksets: about a hundred small graphs)
one by one; materialised layers (statistics, packs, …: graph/layer_graphs.py) are not counted. Subjects
minted under their document's IRI (mentions, claims, selectors) belong to one document graph, so their
per-volume counts add up; the few typed subjects shared between graphs
(posts, places) are listed per class (`fk:sharedInstances`) and counted once in their union with the
other graphs' subjects. A store whose statistics predate this gets `None`: the caller counts
directly, and `frus-kg index --rebuild` upgrades it.
"""
from __future__ import annotations

import hashlib
from collections import Counter

import pyoxigraph as ox

from ontology.namespaces import FK, XSD, sparql_prologue

from .layer_graphs import is_layer_graph
from .store import Store

__all__ = ["VOID", "volume_partitions", "dataset_counts"]

VOID = "http://rdfs.org/ns/void#"
_P = sparql_prologue("schema", "fk") + f"PREFIX void: <{VOID}>\n"
_INT = ox.NamedNode(XSD + "integer")
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _rows(store: Store, sparql: str) -> list[tuple]:
    return [tuple(None if t is None else t.value for t in row) for row in store.query(sparql).rows()]


def _term(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


def volume_partitions(store: Store, volume_iri: str, graph: ox.NamedNode) -> list[ox.Quad]:
    """The volume's document graphs as one `void:Dataset` (`<graph>/void`) with its partitions."""
    in_volume = f"?doc a fk:Document ; schema:isPartOf <{volume_iri}> ."
    properties = _rows(store, _P + f"""SELECT ?p (COUNT(*) AS ?n) WHERE {{
      {in_volume} GRAPH ?doc {{ ?s ?p ?o }} }} GROUP BY ?p""")
    classes = _rows(store, _P + f"""SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{
      {in_volume} GRAPH ?doc {{ ?s a ?c }} FILTER (STRSTARTS(STR(?s), STR(?doc))) }} GROUP BY ?c""")
    shared: dict[str, set[str]] = {}
    for c, subject in _rows(store, _P + f"""SELECT DISTINCT ?c ?s WHERE {{
      {in_volume} GRAPH ?doc {{ ?s a ?c }} FILTER (!STRSTARTS(STR(?s), STR(?doc))) }}"""):
        shared.setdefault(c, set()).add(subject)
    dataset = ox.NamedNode(f"{graph.value}/void")
    quads = [ox.Quad(dataset, _TYPE, _term(VOID + "Dataset"), graph),
             ox.Quad(dataset, _term(VOID + "triples"), ox.Literal(str(sum(int(n) for _, n in properties)), datatype=_INT),
                     graph)]
    for rows, part, link, measure in ((classes, "classPartition", "class", "entities"),
                                      (properties, "propertyPartition", "property", "triples")):
        for term, n in rows:
            node = ox.NamedNode(f"{dataset.value}/{link}/{hashlib.sha1(term.encode()).hexdigest()[:16]}")
            quads += [ox.Quad(dataset, _term(VOID + part), node, graph),
                      ox.Quad(node, _term(VOID + link), _term(term), graph),
                      ox.Quad(node, _term(VOID + measure), ox.Literal(str(n), datatype=_INT), graph)]
    for term, subjects in shared.items():
        node = ox.NamedNode(f"{dataset.value}/shared/{hashlib.sha1(term.encode()).hexdigest()[:16]}")
        quads += [ox.Quad(dataset, _term(FK + "sharedClassPartition"), node, graph),
                  ox.Quad(node, _term(VOID + "class"), _term(term), graph),
                  ox.Quad(node, _term(FK + "sharedInstances"), ox.Literal(" ".join(sorted(subjects))), graph)]
    return quads


def dataset_counts(store: Store) -> dict | None:
    """`triples`, `classes`, `properties`, `graphs` (each a list of tuples of terms, as a SELECT gives them)
    from the volumes' partitions plus the other graphs, and `volumes`: (the `void:Dataset` of a volume's
    document graphs, the volume, its triples). None when a volume's statistics lack partitions."""
    volumes = _rows(store, _P + """SELECT ?g ?v ?t WHERE { GRAPH ?g { ?g a fk:VolumeStatistics ; fk:volume ?v
      OPTIONAL { ?d a void:Dataset ; void:triples ?t } } }""")
    if any(t is None for _, _, t in volumes):
        return None
    classes, properties = Counter(), Counter()
    for counter, part, link, measure in ((classes, "classPartition", "class", "entities"),
                                         (properties, "propertyPartition", "property", "triples")):
        for term, n in _rows(store, _P + f"""SELECT ?term ?n WHERE {{ GRAPH ?g {{ ?g a fk:VolumeStatistics .
          ?d void:{part} ?part . ?part void:{link} ?term ; void:{measure} ?n }} }}"""):
            counter[term] += int(n)
    instances: dict[str, set[str]] = {}
    for term, listed in _rows(store, _P + """SELECT ?term ?listed WHERE { GRAPH ?g { ?g a fk:VolumeStatistics .
      ?d fk:sharedClassPartition ?part . ?part void:class ?term ; fk:sharedInstances ?listed } }"""):
        instances.setdefault(term, set()).update(listed.split())
    documents = {doc for doc, in _rows(store, _P + "SELECT ?doc WHERE { ?doc a fk:Document }")}
    graphs = [(_term(name), _count_graph(store, name, instances, properties))
              for name in store.graph_names() if name not in documents and not is_layer_graph(name)]
    for term, subjects in instances.items():
        classes[term] += len(subjects)
    literal = lambda n: ox.Literal(str(n), datatype=_INT)  # noqa: E731
    total = sum(n for _, n in graphs) + sum(int(t) for _, _, t in volumes)
    return {"triples": [(literal(total),)],
            "volumes": [(_term(f"{g}/void"), _term(v), literal(t)) for g, v, t in volumes],
            "classes": [(_term(c), literal(n)) for c, n in sorted(classes.items())],
            "properties": [(_term(p), literal(n)) for p, n in sorted(properties.items())],
            "graphs": [(g, literal(n)) for g, n in graphs]}


def _count_graph(store: Store, name: str, instances: dict[str, set[str]], properties: Counter) -> int:
    """Add one graph's typed subjects and property counts to the sums; its triple count."""
    for c, subject in _rows(store, f"SELECT DISTINCT ?c ?s WHERE {{ GRAPH <{name}> {{ ?s a ?c }} }}"):
        instances.setdefault(c, set()).add(subject)
    total = 0
    for p, n in _rows(store, f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }} GROUP BY ?p"):
        properties[p] += int(n)
        total += int(n)
    return total
