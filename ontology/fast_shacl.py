"""The fast SHACL engine: the compiled shapes of shapes.ttl evaluated over an in-memory index of one graph.

pySHACL needs ~100+ ms for one document graph (rdflib parsing, then generic evaluation); at
corpus scale (31,000 documents here, 300,000 in all of FRUS) that dominates ingest. This engine
applies the same shapes (compiled by shacl_compiler from shapes.ttl, which stays the one source of
rules) to a subject -> predicate -> objects index of the pyoxigraph triples, in a millisecond or two.
It reports violations in pySHACL's form (focus, shape, path, message, value, component);
tests/ontology/test_fast_shacl_parity.py proves both engines agree on good and broken graphs.
"""
from __future__ import annotations

from typing import Iterable

import pyoxigraph as ox

from .namespaces import RDF, RDFS, SH, XSD
from .shacl_compiler import PropertyShape, Shape, ShapesProgram, ValueCheck, compiled_shapes
from .shacl_sparql import Undecided, native_for, run_generic
from .xsd_lexical import numeric_value, well_formed

__all__ = ["GraphIndex", "validate_fast", "check"]

_TYPE = ox.NamedNode(RDF + "type")
_SUBCLASS = ox.NamedNode(RDFS + "subClassOf")
_STRING = XSD + "string"
_LANG_STRING = RDF + "langString"
_MIN_COUNT = SH + "MinCountConstraintComponent"
_MAX_COUNT = SH + "MaxCountConstraintComponent"
_QMIN = SH + "QualifiedMinCountConstraintComponent"
_QMAX = SH + "QualifiedMaxCountConstraintComponent"
_SPARQL = SH + "SPARQLConstraintComponent"
_IRI_KINDS = {SH + "IRI", SH + "BlankNodeOrIRI", SH + "IRIOrLiteral"}
_BNODE_KINDS = {SH + "BlankNode", SH + "BlankNodeOrIRI", SH + "BlankNodeOrLiteral"}
_LITERAL_KINDS = {SH + "Literal", SH + "BlankNodeOrLiteral", SH + "IRIOrLiteral"}
_EMPTY: tuple = ()


class GraphIndex:
    """One graph's triples as subject -> predicate -> objects (graph names are ignored, duplicates merged)."""

    __slots__ = ("spo", "by_type", "quads", "_inverse", "_supers", "_conforms")

    def __init__(self, triples: Iterable[ox.Triple | ox.Quad]):
        spo: dict = {}
        by_type: dict = {}
        quads = triples if isinstance(triples, list) else list(triples)
        for q in quads:
            s, p, o = q.subject, q.predicate, q.object
            po = spo.get(s)
            if po is None:
                po = spo[s] = {}
            objs = po.get(p)
            if objs is None:
                po[p] = {o: None}
            else:
                objs[o] = None
            if p == _TYPE:
                by_type.setdefault(o, {})[s] = None
        self.spo, self.by_type, self.quads = spo, by_type, quads
        self._inverse: dict | None = None
        self._supers: dict | None = None if _SUBCLASS in {p for po in spo.values() for p in po} else {}
        self._conforms: dict = {}

    def objects(self, s, p) -> tuple | dict:
        po = self.spo.get(s)
        if po is None:
            return _EMPTY
        return po.get(p, _EMPTY)

    def subjects(self, p, o) -> list:
        if self._inverse is None:
            inverse: dict = {}
            for s, po in self.spo.items():
                for pred, objs in po.items():
                    for obj in objs:
                        inverse.setdefault((pred, obj), []).append(s)
            self._inverse = inverse
        return self._inverse.get((p, o), [])

    def _superclasses(self, cls) -> set:
        """cls and everything it is rdfs:subClassOf* in this graph (SHACL instance semantics)."""
        if self._supers is None:
            self._supers = {}
        found = self._supers.get(cls)
        if found is None:
            found, todo = {cls}, [cls]
            while todo:
                for sup in self.objects(todo.pop(), _SUBCLASS):
                    if sup not in found:
                        found.add(sup)
                        todo.append(sup)
            self._supers[cls] = found
        return found

    def is_instance(self, node, cls) -> bool:
        types = self.objects(node, _TYPE)
        if cls in types:
            return True
        if not self._supers and self._supers is not None:
            return False                 # no rdfs:subClassOf in this graph
        return any(cls in self._superclasses(t) for t in types)

    def instances(self, cls) -> list:
        direct = self.by_type.get(cls, {})
        if self._supers is not None and not self._supers:
            return list(direct)
        found = dict(direct)
        for t, members in self.by_type.items():
            if t != cls and cls in self._superclasses(t):
                found.update(members)
        return list(found)


# -- value checks ----------------------------------------------------------------------------------
def _datatype_ok(v, datatype: str) -> bool:
    if not isinstance(v, ox.Literal):
        return False
    dt = v.datatype.value
    if dt != datatype:
        return False
    if dt == _STRING or dt == _LANG_STRING:
        return True
    return well_formed(v.value, dt)


def _node_kind_ok(v, kind: str) -> bool:
    if isinstance(v, ox.NamedNode):
        return kind in _IRI_KINDS
    if isinstance(v, ox.BlankNode):
        return kind in _BNODE_KINDS
    return kind in _LITERAL_KINDS


def _range_ok(v, check: ValueCheck) -> bool:
    if not isinstance(v, ox.Literal):
        return False
    value = numeric_value(v.value, v.datatype.value)
    if value is None:
        return False
    try:
        return value >= check.bound if check.kind == "minInclusive" else value <= check.bound
    except TypeError:  # pragma: no cover - Decimal vs float compare fine in Python
        return False


def _value_ok(index: GraphIndex, check: ValueCheck, v) -> bool:
    kind = check.kind
    if kind == "class":
        return not isinstance(v, ox.Literal) and index.is_instance(v, check.node)
    if kind == "datatype":
        return _datatype_ok(v, check.term)
    if kind == "nodeKind":
        return _node_kind_ok(v, check.term)
    if kind == "in":
        return v in check.terms
    if kind == "or":
        return any(_conforms(index, s, v) for s in check.shapes)
    if kind == "node":
        return _conforms(index, check.shapes[0], v)
    return _range_ok(v, check)


# -- evaluation ------------------------------------------------------------------------------------
def _conforms(index: GraphIndex, shape: Shape, node) -> bool:
    key = (id(shape), node)
    cached = index._conforms.get(key)
    if cached is None:
        index._conforms[key] = True          # recursion guard: a shape that reaches itself conforms
        cached = _evaluate(index, shape, node, None)
        index._conforms[key] = cached
    return cached


def _evaluate(index: GraphIndex, shape: Shape, focus, out: list | None) -> bool:
    """Check one focus node; with `out`, append every result, else stop at the first failure."""
    ok = True
    for check in shape.checks:
        if not _value_ok(index, check, focus):
            if out is None:
                return False
            ok = False
            out.append((focus, shape, None, shape.message, focus, check.component))
            if check.kind == "node":
                _evaluate(index, check.shapes[0], focus, out)      # pySHACL's sh:detail results
    for prop in shape.properties:
        if not _evaluate_property(index, prop, focus, out):
            if out is None:
                return False
            ok = False
    for constraint in shape.sparql:
        for value in _sparql_values(index, constraint, focus):
            if out is None:
                return False
            ok = False
            out.append((focus, shape, None, constraint.message, value, _SPARQL))
    return ok


def _evaluate_property(index: GraphIndex, prop: PropertyShape, focus, out: list | None) -> bool:
    values = index.objects(focus, prop.predicate)
    ok = True
    n = len(values)
    if prop.min_count is not None and n < prop.min_count:
        if out is None:
            return False
        ok = False
        out.append((focus, prop, prop.path, prop.message, None, _MIN_COUNT))
    if prop.max_count is not None and n > prop.max_count:
        if out is None:
            return False
        ok = False
        out.append((focus, prop, prop.path, prop.message, None, _MAX_COUNT))
    for check in prop.checks:
        for v in values:
            if not _value_ok(index, check, v):
                if out is None:
                    return False
                ok = False
                out.append((focus, prop, prop.path, prop.message, v, check.component))
                if check.kind == "node":
                    _evaluate(index, check.shapes[0], v, out)      # pySHACL's sh:detail results
    for q in prop.qualified:
        count = sum(1 for v in values if _conforms(index, q.shape, v))
        for failed, component in ((q.min_count is not None and count < q.min_count, _QMIN),
                                  (q.max_count is not None and count > q.max_count, _QMAX)):
            if failed:
                if out is None:
                    return False
                ok = False
                out.append((focus, prop, prop.path, prop.message, None, component))
    return ok


def _sparql_values(index: GraphIndex, constraint, focus) -> list:
    native = native_for(constraint)
    if native is not None:
        try:
            return native(index, focus)
        except Undecided:
            pass
    return [value for this, value in run_generic(constraint, index.quads, [focus]) if this == focus]


def check(data: Iterable[ox.Triple | ox.Quad] | GraphIndex, program: ShapesProgram | None = None) -> list[tuple]:
    """Raw results: (focus, shape or property shape, path IRI|None, message|None, value|None, component IRI)."""
    index = data if isinstance(data, GraphIndex) else GraphIndex(data)
    program = program or compiled_shapes()
    results: list[tuple] = []
    for shape in program.targeted:
        focus_nodes: dict = {}
        for cls in shape.targets:
            for node in index.instances(ox.NamedNode(cls)):
                focus_nodes[node] = None
        for focus in focus_nodes:
            _evaluate(index, shape, focus, results)
    return results


def validate_fast(data: Iterable[ox.Triple | ox.Quad], program: ShapesProgram | None = None):
    """Validate one graph against the frus-kg shapes with the fast engine; a ValidationReport like pySHACL's."""
    from .validation import ValidationReport, Violation, compact_iri

    violations = set()
    for focus, shape, path, message, value, component in check(data, program):
        owner = shape.owner if isinstance(shape, PropertyShape) else shape.name
        violations.add(Violation(
            focus=_compact_term(focus, compact_iri),
            shape=owner,
            path=compact_iri(path) if path else "",
            message=message or _default_message(shape, path, component, focus, value),
            value="" if value is None else value.value[:80],
            component=component,
        ))
    return ValidationReport(violations=sorted(violations), engine="fast")


def _compact_term(term, compact_iri) -> str:
    return compact_iri(term.value) if isinstance(term, ox.NamedNode) else term.value


def _default_message(shape, path, component: str, focus, value) -> str:
    """Messages for shapes without sh:message, worded like pySHACL's."""
    from .validation import compact_iri

    name = component[len(SH):].replace("ConstraintComponent", "")
    where = f"{compact_iri(focus.value) if isinstance(focus, ox.NamedNode) else focus}" + (f"->{compact_iri(path)}" if path else "")
    if isinstance(shape, PropertyShape):
        if name == "MinCount":
            return f"Less than {shape.min_count} values on {where}"
        if name == "MaxCount":
            return f"More than {shape.max_count} values on {where}"
        if name in ("QualifiedMinCount", "QualifiedMaxCount"):
            return f"Focus node does not conform to the qualified value shape ({name}) on {where}"
    shown = value.value if value is not None else ""
    return {
        "Class": f"Value {shown} does not have the required class",
        "Datatype": f"Value {shown} is not a literal with the required datatype",
        "NodeKind": f"Value {shown} is not of the required node kind",
        "In": f"Value {shown} is not in the list of allowed values",
        "Or": f"Node {shown} must conform to one or more shapes of sh:or",
        "Node": f"Value {shown} does not conform to the required shape",
        "MinInclusive": f"Value {shown} is below sh:minInclusive",
        "MaxInclusive": f"Value {shown} is above sh:maxInclusive",
    }.get(name, f"{where} violates {name}")
