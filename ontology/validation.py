"""The validation gate: SHACL shapes of `shapes.ttl` applied to one graph.

pySHACL is the reference engine. Callers hand in rdflib graphs or pyoxigraph triples/quads;
the report names each violation by focus node, shape (the node shape that owns a property
shape), path and the shape's own message, so a rejected document can be fixed by reading it.
"""
from __future__ import annotations

from functools import cache
from typing import Iterable

import pyoxigraph as ox
import rdflib
from rdflib.namespace import SH

from .errors import UnknownEngine
from .files import shapes_turtle
from .namespaces import compact_iri
from .reports import ValidationReport, Violation

__all__ = ["Violation", "ValidationReport", "validate", "shapes_graph", "to_rdflib", "ENGINES"]

ENGINES = ("pyshacl", "fast")


def _compact(term: rdflib.term.Node | None) -> str:
    if term is None:
        return ""
    return compact_iri(str(term)) if isinstance(term, rdflib.URIRef) else str(term)


@cache
def shapes_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(data=shapes_turtle(), format="turtle")


@cache
def _owning_shapes() -> dict[rdflib.term.Node, str]:
    """Map each (blank) property shape to 'NodeShape' so that reports name a real shape."""
    g = shapes_graph()
    owners: dict[rdflib.term.Node, str] = {}
    for node_shape, prop in g.subject_objects(SH.property):
        owners[prop] = _compact(node_shape)
    for node_shape, _ in g.subject_objects(SH.sparql):
        owners[node_shape] = _compact(node_shape)
    return owners


def to_rdflib(data: rdflib.Graph | Iterable[ox.Triple | ox.Quad]) -> rdflib.Graph:
    """An rdflib graph of the triples (graph names dropped), for pySHACL and serialisers."""
    if isinstance(data, rdflib.Graph):
        return data
    triples = [ox.Triple(t.subject, t.predicate, t.object) if isinstance(t, ox.Quad) else t for t in data]
    graph = rdflib.Graph()
    if triples:
        graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return graph


def validate(data: rdflib.Graph | bytes | Iterable[ox.Triple | ox.Quad], *, engine: str = "pyshacl") -> ValidationReport:
    """Validate one graph (rdflib, pyoxigraph triples or quads, or N-Triples/N-Quads bytes) against the shapes.

    engine="pyshacl" (the default and the reference) or "fast" (ontology/fast_shacl.py: the same shapes
    compiled to Python checks, ~100x faster; used by corpus ingest). Both give the same verdicts.
    """
    if engine == "fast":
        from .fast_shacl import validate_fast

        if isinstance(data, rdflib.Graph):
            data = ox.parse(data.serialize(format="nt"), format=ox.RdfFormat.N_TRIPLES)
        return validate_fast(data)
    if engine != "pyshacl":
        raise UnknownEngine(f"unknown validation engine {engine!r}; choose one of {', '.join(ENGINES)}")
    import pyshacl

    graph = to_rdflib(ox.parse(data, format=ox.RdfFormat.N_QUADS) if isinstance(data, bytes) else data)
    _, results, _ = pyshacl.validate(
        graph, shacl_graph=shapes_graph(), inference="none", advanced=False, allow_warnings=True,
    )
    owners = _owning_shapes()
    violations = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        if results.value(result, SH.resultSeverity) != SH.Violation:
            continue
        source = results.value(result, SH.sourceShape)
        value = results.value(result, SH.value)
        violations.append(Violation(
            focus=_compact(results.value(result, SH.focusNode)),
            shape=owners.get(source, _compact(source) if isinstance(source, rdflib.URIRef) else "shape"),
            path=_compact(results.value(result, SH.resultPath)),
            message=str(results.value(result, SH.resultMessage) or "violates the shape"),
            value="" if value is None else str(value)[:80],
            component=_compact(results.value(result, SH.sourceConstraintComponent)),
        ))
    return ValidationReport(violations=sorted(set(violations)))
