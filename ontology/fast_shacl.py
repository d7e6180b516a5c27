"""The fast SHACL engine: the compiled shapes of shapes.ttl evaluated over an in-memory index of one graph.

pySHACL needs 0.3-1 s for one FRUS document graph (rdflib parsing, then generic evaluation); at
corpus scale (31,000 documents here, 300,000 in all of FRUS) that would dominate ingest. This engine
applies the same shapes (compiled by shacl_compiler from shapes.ttl, which stays the one source of
rules) to a subject -> predicate -> objects index of the graph's N-Triples term strings (see
nt_terms: the N-Quads bytes a worker ships are the bytes it validates), in a few milliseconds.
It reports violations in pySHACL's form (focus, shape, path, message, value, component), including
the nested results pySHACL attaches to sh:node failures (sh:detail);
tests/ontology/test_fast_shacl_parity.py proves both engines agree on good and broken graphs.
"""
from __future__ import annotations

from typing import Iterable

import pyoxigraph as ox

from .namespaces import RDF, RDFS, SH, XSD, compact_iri
from .nt_terms import literal_parts, nquads_of, term_value, to_ox
from .reports import ValidationReport, Violation
from .shacl_compiler import PropertyShape, Shape, ShapesProgram, ValueCheck, compiled_shapes
from .shacl_sparql import NATIVE_PREDICATES, Undecided, native_for, run_generic
from .xsd_lexical import numeric_value, well_formed

__all__ = ["GraphIndex", "validate_fast", "check", "relevant_predicates"]

_TYPE = f"<{RDF}type>"
_SUBCLASS = f"<{RDFS}subClassOf>"
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
_EMPTY: dict = {}


class GraphIndex:
    """One graph as subject -> predicate -> {object: None}, terms as N-Triples strings.

    Build it from N-Quads/N-Triples bytes (`from_nquads`, the fast way) or from pyoxigraph
    triples/quads (serialised first: cheaper than reading their attributes). Graph names are
    ignored and duplicate triples merged, as in pySHACL's view of one graph.
    """

    __slots__ = ("spo", "by_type", "_nquads", "_inverse", "_has_subclass", "_supers", "_conforms")

    def __init__(self, triples: Iterable[tuple[str, str, str]], nquads: bytes | str | None = None):
        spo: dict = {}
        by_type: dict = {}
        for s, p, o in triples:
            po = spo.get(s)
            if po is None:
                spo[s] = {p: {o: None}}
            else:
                objs = po.get(p)
                if objs is None:
                    po[p] = {o: None}
                else:
                    objs[o] = None
            if p == _TYPE:
                members = by_type.get(o)
                if members is None:
                    by_type[o] = {s: None}
                else:
                    members[s] = None
        self._setup(spo, by_type, nquads)

    def _setup(self, spo: dict, by_type: dict, nquads) -> None:
        self.spo, self.by_type, self._nquads = spo, by_type, nquads
        self._inverse: dict = {}
        self._has_subclass = any(_SUBCLASS in po for po in spo.values())
        self._supers: dict = {}
        self._conforms: dict = {}

    @classmethod
    def from_nquads(cls, data: bytes | str, predicates: frozenset | set | None = None) -> "GraphIndex":
        """Index N-Quads/N-Triples; with `predicates` ("<iri>" strings), only the triples that use one of them.

        The same line splitting as nt_terms.triples_from_nquads, inlined: this loop is most of the
        engine's time on a 2,000-quad document graph.
        """
        text = data.decode("utf-8") if isinstance(data, (bytes, bytearray, memoryview)) else data
        spo: dict = {}
        by_type: dict = {}
        for line in text.splitlines():
            if not line or line[0] == "#":
                continue
            s_end = line.find(" ")
            p_end = line.find(" ", s_end + 1)
            if s_end < 1 or p_end < 0 or line[-1] != ".":
                raise ValueError(f"not an N-Quads line: {line[:80]!r}")
            p = line[s_end + 1:p_end]
            if predicates is not None and p not in predicates:
                continue
            if line[p_end + 1] == '"':
                o_end = line.index(" ", line.rindex('"'))
            else:
                o_end = line.index(" ", p_end + 1)
            s = line[:s_end]
            o = line[p_end + 1:o_end]
            po = spo.get(s)
            if po is None:
                spo[s] = {p: {o: None}}
            else:
                objs = po.get(p)
                if objs is None:
                    po[p] = {o: None}
                else:
                    objs[o] = None
            if p == _TYPE:
                members = by_type.get(o)
                if members is None:
                    by_type[o] = {s: None}
                else:
                    members[s] = None
        index = cls.__new__(cls)
        index._setup(spo, by_type, data)
        return index

    @classmethod
    def from_quads(cls, quads: Iterable[ox.Quad | ox.Triple], predicates: frozenset | None = None) -> "GraphIndex":
        return cls.from_nquads(nquads_of(quads), predicates)

    def ox_quads(self) -> list[ox.Quad]:
        """The data as pyoxigraph quads (for the generic SPARQL path only)."""
        if self._nquads is not None:
            return list(ox.parse(self._nquads, format=ox.RdfFormat.N_QUADS))
        return [ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, po in self.spo.items() for p, objs in po.items() for o in objs]

    def objects(self, s: str, p: str) -> dict:
        po = self.spo.get(s)
        if po is None:
            return _EMPTY
        return po.get(p, _EMPTY)

    def subjects(self, p: str, o: str) -> list:
        """Subjects of (?, p, o); the inverse index is built per predicate on first use."""
        inverse = self._inverse.get(p)
        if inverse is None:
            inverse = {}
            for s, po in self.spo.items():
                objs = po.get(p)
                if objs:
                    for obj in objs:
                        inverse.setdefault(obj, []).append(s)
            self._inverse[p] = inverse
        return inverse.get(o, [])

    def _superclasses(self, cls: str) -> set:
        """cls and everything it is rdfs:subClassOf* in this graph (SHACL instance semantics)."""
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

    def is_instance(self, node: str, cls: str) -> bool:
        types = self.objects(node, _TYPE)
        if cls in types:
            return True
        return self._has_subclass and any(cls in self._superclasses(t) for t in types)

    def instances(self, cls: str) -> list:
        direct = self.by_type.get(cls, _EMPTY)
        if not self._has_subclass:
            return list(direct)
        found = dict(direct)
        for t, members in self.by_type.items():
            if t != cls and cls in self._superclasses(t):
                found.update(members)
        return list(found)


# -- value checks ----------------------------------------------------------------------------------
def _datatype_ok(v: str, datatype: str) -> bool:
    if v[0] != '"':
        return False
    if v[-1] == '"':                         # a simple literal is an xsd:string
        return datatype == _STRING
    lexical, dt, _ = literal_parts(v)
    if dt != datatype:
        return False
    return dt == _LANG_STRING or well_formed(lexical, dt)


def _node_kind_ok(v: str, kind: str) -> bool:
    first = v[0]
    if first == "<":
        return kind in _IRI_KINDS
    if first == "_":
        return kind in _BNODE_KINDS
    return kind in _LITERAL_KINDS


def _range_ok(v: str, check: ValueCheck) -> bool:
    if v[0] != '"':
        return False
    lexical, dt, _ = literal_parts(v)
    value = numeric_value(lexical, dt)
    if value is None:
        return False
    return value >= check.bound if check.kind == "minInclusive" else value <= check.bound


def _value_ok(index: GraphIndex, check: ValueCheck, v: str) -> bool:
    kind = check.kind
    if kind == "class":
        return v[0] != '"' and index.is_instance(v, check.node)
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
def _conforms(index: GraphIndex, shape: Shape, node: str) -> bool:
    key = (id(shape), node)
    cached = index._conforms.get(key)
    if cached is None:
        index._conforms[key] = True          # recursion guard: a shape that reaches itself conforms
        cached = _evaluate(index, shape, node, None)
        index._conforms[key] = cached
    return cached


def _evaluate(index: GraphIndex, shape: Shape, focus: str, out: list | None) -> bool:
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


def _evaluate_property(index: GraphIndex, prop: PropertyShape, focus: str, out: list | None) -> bool:
    po = index.spo.get(focus)
    values = po.get(prop.predicate, _EMPTY) if po is not None else _EMPTY
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
    for check in prop.checks if n else ():
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


def _sparql_values(index: GraphIndex, constraint, focus: str) -> list:
    native = native_for(constraint)
    if native is not None:
        try:
            return native(index, focus)
        except Undecided:
            pass
    rows = run_generic(constraint, index.ox_quads(), [ox.NamedNode(focus[1:-1])] if focus[0] == "<" else [])
    return [str(value) for _, value in rows if value is not None]


_RELEVANT: dict[int, frozenset | None] = {}


def relevant_predicates(program: ShapesProgram) -> frozenset | None:
    """The predicates any constraint can look at ("<iri>"): every sh:path, rdf:type, rdfs:subClassOf and
    those of the native SPARQL checks. Triples with other predicates cannot change a verdict, so the
    index leaves them out. None (index everything) when a SPARQL constraint runs on the generic path."""
    key = id(program)
    if key not in _RELEVANT:
        found = {_TYPE, _SUBCLASS}
        generic = False
        for shape in program.all_shapes:
            found.update(prop.predicate for prop in shape.properties)
            for constraint in shape.sparql:
                native = native_for(constraint)
                if native is None:
                    generic = True
                else:
                    found.update(NATIVE_PREDICATES[native])
        _RELEVANT[key] = None if generic else frozenset(found)
    return _RELEVANT[key]


def check(data: GraphIndex | bytes | str | Iterable[ox.Triple | ox.Quad], program: ShapesProgram | None = None) -> list[tuple]:
    """Raw results: (focus, shape or property shape, path IRI|None, message|None, value term|None, component IRI)."""
    program = program or compiled_shapes()
    if isinstance(data, GraphIndex):
        index = data
    elif isinstance(data, (bytes, str)):
        index = GraphIndex.from_nquads(data, relevant_predicates(program))
    else:
        index = GraphIndex.from_nquads(nquads_of(data), relevant_predicates(program))
    results: list[tuple] = []
    for shape in program.targeted:
        if len(shape.targets) == 1:
            focus_nodes = index.instances(f"<{shape.targets[0]}>")
        else:
            focus_nodes = list(dict.fromkeys(n for cls in shape.targets for n in index.instances(f"<{cls}>")))
        for focus in focus_nodes:
            _evaluate(index, shape, focus, results)
    return results


def validate_fast(data: GraphIndex | bytes | str | Iterable[ox.Triple | ox.Quad], program: ShapesProgram | None = None):
    """Validate one graph (pyoxigraph quads, or N-Quads bytes) with the fast engine; a ValidationReport like pySHACL's."""
    violations = set()
    for focus, shape, path, message, value, component in check(data, program):
        owner = shape.owner if isinstance(shape, PropertyShape) else shape.name
        violations.add(Violation(
            focus=compact_iri(focus[1:-1]) if focus[0] == "<" else term_value(focus),
            shape=owner,
            path=compact_iri(path) if path else "",
            message=message or _default_message(shape, path, component, focus, value),
            value="" if value is None else term_value(value)[:80],
            component=component,
        ))
    return ValidationReport(violations=sorted(violations), engine="fast")


def _default_message(shape, path, component: str, focus: str, value) -> str:
    """Messages for shapes without sh:message, worded like pySHACL's."""
    name = component[len(SH):].replace("ConstraintComponent", "")
    where = (compact_iri(focus[1:-1]) if focus[0] == "<" else focus) + (f"->{compact_iri(path)}" if path else "")
    if isinstance(shape, PropertyShape):
        if name == "MinCount":
            return f"Less than {shape.min_count} values on {where}"
        if name == "MaxCount":
            return f"More than {shape.max_count} values on {where}"
        if name in ("QualifiedMinCount", "QualifiedMaxCount"):
            return f"Focus node does not conform to the qualified value shape ({name}) on {where}"
    shown = term_value(value) if value is not None else ""
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
