"""Other datasets in our store: an RDF file loaded into a named graph of its own, queryable beside ours, and removable.

A graph IRI under our base (documents, volumes, authorities, linksets) is refused, so a loaded dataset can
never overwrite or be mistaken for ours. Each load is described (source, time, triples) in the registry
graph `{BASE}graph/datasets`; unloading removes the graph and its description together.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox

from ontology.namespaces import BASE, RDF, XSD

from .errors import GraphError
from .linksets import DCT, VOID
from .store import RDF_FORMATS, Store

__all__ = ["DatasetError", "Dataset", "REGISTRY_GRAPH", "FORMAT_BY_SUFFIX", "read_dataset", "store_dataset", "load_dataset", "unload_dataset", "loaded_datasets"]

REGISTRY_GRAPH = f"{BASE}graph/datasets"
FORMAT_BY_SUFFIX = {".ttl": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig", ".rdf": "rdfxml",
                    ".owl": "rdfxml", ".xml": "rdfxml", ".jsonld": "jsonld"}


class DatasetError(GraphError, ValueError):
    """A dataset that cannot be loaded or unloaded; nothing was changed."""


@dataclass(frozen=True)
class Dataset:
    """A file read for loading: its path, the graph it goes to, and its triples."""
    path: Path
    graph: ox.NamedNode
    triples: set


def _check_graph(graph: str) -> ox.NamedNode:
    try:
        node = ox.NamedNode(graph)
    except ValueError:
        raise DatasetError(f"{graph!r} is not an IRI") from None
    if graph.startswith(BASE):
        raise DatasetError(f"{graph} is under frus-kg's own base {BASE} (document, volume, authority and linkset "
                           "graphs live there): choose a graph IRI of the other dataset's own")
    return node


def read_dataset(path: Path, graph: str, fmt: str | None = None) -> Dataset:
    """Check the graph IRI and parse the file (every triple, whatever graph a quad format put it in, goes to `graph`),
    touching no store: `frus-kg load` reads before it opens one, so a refused file makes none."""
    node = _check_graph(graph)
    path = Path(path)
    fmt = fmt or FORMAT_BY_SUFFIX.get(path.suffix.lower())
    if fmt not in RDF_FORMATS or RDF_FORMATS[fmt] is None:
        raise DatasetError(f"{path}: cannot tell the RDF format from {path.suffix!r}; give one of {sorted(RDF_FORMATS)}")
    try:
        with open(path, "rb") as fh:
            triples = {(q.subject, q.predicate, q.object) for q in ox.parse(fh, format=RDF_FORMATS[fmt])}
    except OSError as exc:
        raise DatasetError(f"{path}: cannot read: {exc}") from None
    except SyntaxError as exc:
        raise DatasetError(f"{path}: not valid {fmt}: {exc}") from None
    if not triples:
        raise DatasetError(f"{path}: no triples")
    return Dataset(path, node, triples)


def store_dataset(store: Store, dataset: Dataset) -> int:
    """Replace the dataset's graph with it and describe it, in one transaction. Returns the number of triples."""
    node, triples = dataset.graph, dataset.triples
    registry = ox.NamedNode(REGISTRY_GRAPH)
    described = [q for q in _registry_quads(store) if q.subject != node]
    n = ox.NamedNode
    described += [ox.Quad(node, n(RDF + "type"), n(VOID + "Dataset"), registry),
                  ox.Quad(node, n(DCT + "source"), ox.Literal(dataset.path.name), registry),
                  ox.Quad(node, n(DCT + "created"), ox.Literal(datetime.now(timezone.utc).replace(microsecond=0)
                                                               .isoformat(), datatype=n(XSD + "dateTime")), registry),
                  ox.Quad(node, n(VOID + "triples"), ox.Literal(str(len(triples)), datatype=n(XSD + "integer")), registry)]
    store.replace_graphs({node.value: [ox.Quad(s, p, o, node) for s, p, o in triples], REGISTRY_GRAPH: described})
    return len(triples)


def load_dataset(store: Store, path: Path, graph: str, fmt: str | None = None) -> int:
    """Read the file into `graph`, replacing it; nothing is changed when it is refused."""
    return store_dataset(store, read_dataset(path, graph, fmt))


def _registry_quads(store: Store) -> list[ox.Quad]:
    q = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{REGISTRY_GRAPH}> {{ ?s ?p ?o }} }}"
    g = ox.NamedNode(REGISTRY_GRAPH)
    return [ox.Quad(s, p, o, g) for s, p, o in store.query(q).rows()]


def loaded_datasets(store: Store) -> dict[str, str]:
    """Graph IRI -> source file name of every loaded dataset."""
    q = f"SELECT ?g ?src WHERE {{ GRAPH <{REGISTRY_GRAPH}> {{ ?g <{DCT}source> ?src }} }}"
    return {g.value: src.value for g, src in store.query(q).rows()}


def unload_dataset(store: Store, graph: str) -> None:
    node = _check_graph(graph)
    if not store.has_graph(graph):
        raise DatasetError(f"no graph {graph} in the store")
    remaining = [q for q in _registry_quads(store) if q.subject != node]
    store.replace_graphs({graph: [], REGISTRY_GRAPH: remaining})
