"""Compile the SHACL shapes graph (shapes.ttl) into plain Python objects the fast engine evaluates.

Only the SHACL Core subset frus-kg uses is understood: sh:targetClass; node shapes with sh:property
and node-level sh:class/sh:datatype/sh:nodeKind/sh:in/sh:or/sh:node; property shapes with an IRI
sh:path, sh:minCount, sh:maxCount, sh:datatype, sh:class, sh:nodeKind, sh:in, sh:or, sh:node,
sh:qualifiedValueShape (+ sh:qualifiedMinCount/MaxCount), sh:minInclusive/sh:maxInclusive,
sh:message; and SELECT-based sh:sparql constraints with sh:prefixes/sh:declare.

Every triple of the shapes graph whose predicate or type is in the sh: namespace must be consumed
by this compiler; anything left over (a new constraint component, a path expression, another kind
of target…) raises UnsupportedShape naming it. So a shape added to shapes.ttl can never be silently
ignored by the fast engine: it refuses until it is taught, and pySHACL stays the reference.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

import pyoxigraph as ox

from .errors import OntologyError
from .files import shapes_turtle
from .namespaces import OWL, RDF, RDFS, SH, compact_iri
from .xsd_lexical import NUMERIC_DATATYPES, is_supported, numeric_value

__all__ = [
    "UnsupportedShape", "ValueCheck", "PropertyShape", "QualifiedShape", "SparqlConstraint", "Shape",
    "ShapesProgram", "compile_shapes", "compiled_shapes",
]

_TYPE = RDF + "type"
_NODE_KINDS = {SH + k for k in ("IRI", "BlankNode", "Literal", "BlankNodeOrIRI", "BlankNodeOrLiteral", "IRIOrLiteral")}
# Annotations on shapes that do not change validation results.
_NON_VALIDATING = {SH + "name", SH + "description", SH + "order", SH + "group", SH + "defaultValue"}


class UnsupportedShape(OntologyError, ValueError):
    """shapes.ttl uses a SHACL construct the fast engine does not implement."""


@dataclass(frozen=True)
class ValueCheck:
    """One constraint on each value node: `kind` is class|datatype|nodeKind|in|or|node|minInclusive|maxInclusive."""
    kind: str
    component: str                       # sh:…ConstraintComponent IRI (as pySHACL reports it)
    term: str | None = None              # class, datatype or node-kind IRI
    terms: frozenset = frozenset()       # sh:in members in N-Triples form (str(ox term))
    shapes: tuple["Shape", ...] = ()     # sh:or members, or the sh:node shape
    bound: Decimal | float | None = None
    node: str | None = None              # `term` in N-Triples form, "<iri>" (class checks)


@dataclass(frozen=True)
class QualifiedShape:
    shape: "Shape"
    min_count: int | None
    max_count: int | None


@dataclass
class PropertyShape:
    node: ox.NamedNode | ox.BlankNode
    path: str
    predicate: str                       # the path in N-Triples form, "<iri>"
    owner: str                           # the report name: the node shape that owns this property shape
    message: str | None = None
    min_count: int | None = None
    max_count: int | None = None
    checks: list[ValueCheck] = field(default_factory=list)
    qualified: list[QualifiedShape] = field(default_factory=list)


@dataclass(frozen=True)
class SparqlConstraint:
    node: ox.NamedNode | ox.BlankNode
    owner: str
    select: str                          # the SELECT query as written
    query: str                           # with PREFIX declarations prepended
    message: str | None


@dataclass(eq=False)
class Shape:
    """A node shape (or an anonymous shape inside sh:or / sh:node / sh:qualifiedValueShape)."""
    node: ox.NamedNode | ox.BlankNode
    name: str                            # compact name used in reports
    targets: tuple[str, ...] = ()
    message: str | None = None
    checks: list[ValueCheck] = field(default_factory=list)
    properties: list[PropertyShape] = field(default_factory=list)
    sparql: list[SparqlConstraint] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"Shape({self.name})"


@dataclass
class ShapesProgram:
    """The compiled shapes: those with targets are evaluated on every graph."""
    targeted: list[Shape]
    all_shapes: list[Shape]


class _Graph:
    """The shapes graph as s -> p -> [o], recording which triples the compiler has consumed."""

    def __init__(self, triples: list[ox.Triple]):
        self.spo: dict = {}
        for t in triples:
            self.spo.setdefault(t.subject, {}).setdefault(t.predicate.value, []).append(t.object)
        self.used: set[tuple] = set()

    def objects(self, s, p: str) -> list:
        objs = self.spo.get(s, {}).get(p, [])
        for o in objs:
            self.used.add((s, p, o))
        return objs

    def one(self, s, p: str, where: str):
        objs = self.objects(s, p)
        if len(objs) > 1:
            raise UnsupportedShape(f"{where}: more than one {_short(p)}")
        return objs[0] if objs else None

    def subjects_typed(self, cls: str) -> list:
        return [s for s, po in self.spo.items() if any(o.value == cls for o in po.get(_TYPE, []) if isinstance(o, ox.NamedNode))]

    def rdf_list(self, head, where: str) -> list:
        items, node, seen = [], head, set()
        while not (isinstance(node, ox.NamedNode) and node.value == RDF + "nil"):
            if node in seen:
                raise UnsupportedShape(f"{where}: cyclic RDF list")
            seen.add(node)
            first = self.objects(node, RDF + "first")
            rest = self.objects(node, RDF + "rest")
            if len(first) != 1 or len(rest) != 1:
                raise UnsupportedShape(f"{where}: malformed RDF list")
            items.append(first[0])
            node = rest[0]
        return items


def _short(iri: str) -> str:
    return "sh:" + iri[len(SH):] if iri.startswith(SH) else iri


def _name(node) -> str:
    return compact_iri(node.value) if isinstance(node, ox.NamedNode) else "shape"


def _int(term, where: str) -> int:
    if not isinstance(term, ox.Literal) or not re.fullmatch(r"[0-9]+", term.value):
        raise UnsupportedShape(f"{where}: expected a non-negative integer, got {term}")
    return int(term.value)


def _text(term) -> str:
    return term.value


class _Compiler:
    def __init__(self, graph: _Graph):
        self.g = graph
        self.shapes: dict = {}

    # -- shapes ----------------------------------------------------------------------------------
    def shape(self, node) -> Shape:
        if node in self.shapes:
            return self.shapes[node]
        where = _name(node) if isinstance(node, ox.NamedNode) else f"shape {node}"
        shape = Shape(node=node, name=_name(node))
        self.shapes[node] = shape          # registered before its parts: recursive references resolve
        g = self.g
        for t in g.objects(node, _TYPE):
            if t.value in (RDFS + "Class", OWL + "Class"):
                raise UnsupportedShape(f"{where}: implicit class targets (a shape that is also a class) are not supported")
        if g.objects(node, SH + "path"):
            raise UnsupportedShape(f"{where}: a property shape used as a node shape or with its own target is not supported")
        shape.targets = tuple(self._iri(t, f"{where} sh:targetClass") for t in g.objects(node, SH + "targetClass"))
        message = self._message(node)
        shape.message = message
        shape.checks = self.value_checks(node, where)
        for prop in g.objects(node, SH + "property"):
            shape.properties.append(self.property(prop, shape.name))
        for sparql in g.objects(node, SH + "sparql"):
            shape.sparql.append(self.sparql(sparql, shape.name, where))
        for p in _NON_VALIDATING:
            g.objects(node, p)
        return shape

    def property(self, node, owner: str) -> PropertyShape:
        g = self.g
        where = f"{owner} property {_name(node) if isinstance(node, ox.NamedNode) else ''}".rstrip()
        paths = g.objects(node, SH + "path")
        if len(paths) != 1:
            raise UnsupportedShape(f"{where}: a property shape needs exactly one sh:path")
        if not isinstance(paths[0], ox.NamedNode):
            raise UnsupportedShape(f"{where}: only IRI paths are supported (no sequence, inverse or alternative paths)")
        path = paths[0].value
        where = f"{owner} sh:path {path}"
        for t in g.objects(node, _TYPE):
            if t.value not in (SH + "PropertyShape",):
                raise UnsupportedShape(f"{where}: unexpected type {t.value}")
        if g.objects(node, SH + "targetClass"):
            raise UnsupportedShape(f"{where}: targets on property shapes are not supported")
        prop = PropertyShape(node=node, path=path, predicate=f"<{path}>", owner=owner, message=self._message(node))
        mn, mx = g.one(node, SH + "minCount", where), g.one(node, SH + "maxCount", where)
        prop.min_count = None if mn is None else _int(mn, f"{where} sh:minCount")
        prop.max_count = None if mx is None else _int(mx, f"{where} sh:maxCount")
        prop.checks = self.value_checks(node, where)
        for q in g.objects(node, SH + "qualifiedValueShape"):
            if len(g.objects(node, SH + "qualifiedValueShape")) > 1:
                raise UnsupportedShape(f"{where}: more than one sh:qualifiedValueShape on one property shape")
            disjoint = g.one(node, SH + "qualifiedValueShapesDisjoint", where)
            if disjoint is not None and disjoint.value not in ("false", "0"):
                raise UnsupportedShape(f"{where}: sh:qualifiedValueShapesDisjoint true is not supported")
            qmin, qmax = g.one(node, SH + "qualifiedMinCount", where), g.one(node, SH + "qualifiedMaxCount", where)
            prop.qualified.append(QualifiedShape(
                self.shape(q),
                None if qmin is None else _int(qmin, f"{where} sh:qualifiedMinCount"),
                None if qmax is None else _int(qmax, f"{where} sh:qualifiedMaxCount"),
            ))
        for p in _NON_VALIDATING:
            g.objects(node, p)
        return prop

    def value_checks(self, node, where: str) -> list[ValueCheck]:
        """The constraints that apply to each value node (of a property shape, or the focus of a node shape)."""
        g, checks = self.g, []
        for c in g.objects(node, SH + "class"):
            iri = self._iri(c, f"{where} sh:class")
            checks.append(ValueCheck("class", SH + "ClassConstraintComponent", term=iri, node=f"<{iri}>"))
        dt = g.one(node, SH + "datatype", where)
        if dt is not None:
            iri = self._iri(dt, f"{where} sh:datatype")
            if not is_supported(iri):
                raise UnsupportedShape(f"{where}: sh:datatype <{iri}> has no lexical check in the fast engine (ontology/xsd_lexical.py)")
            checks.append(ValueCheck("datatype", SH + "DatatypeConstraintComponent", term=iri))
        kind = g.one(node, SH + "nodeKind", where)
        if kind is not None:
            if kind.value not in _NODE_KINDS:
                raise UnsupportedShape(f"{where}: unknown sh:nodeKind {kind}")
            checks.append(ValueCheck("nodeKind", SH + "NodeKindConstraintComponent", term=kind.value))
        members = g.one(node, SH + "in", where)
        if members is not None:
            checks.append(ValueCheck("in", SH + "InConstraintComponent", terms=frozenset(map(str, g.rdf_list(members, f"{where} sh:in")))))
        for head in g.objects(node, SH + "or"):
            shapes = tuple(self.shape(m) for m in g.rdf_list(head, f"{where} sh:or"))
            checks.append(ValueCheck("or", SH + "OrConstraintComponent", shapes=shapes))
        for target in g.objects(node, SH + "node"):
            checks.append(ValueCheck("node", SH + "NodeConstraintComponent", shapes=(self.shape(target),)))
        for key, component in (("minInclusive", "MinInclusiveConstraintComponent"), ("maxInclusive", "MaxInclusiveConstraintComponent")):
            for bound in g.objects(node, SH + key):
                value = numeric_value(bound.value, bound.datatype.value) if isinstance(bound, ox.Literal) else None
                if value is None or bound.datatype.value not in NUMERIC_DATATYPES:
                    raise UnsupportedShape(f"{where}: sh:{key} is supported for numeric bounds only, got {bound}")
                checks.append(ValueCheck(key, SH + component, bound=value))
        return checks

    def sparql(self, node, owner: str, where: str) -> SparqlConstraint:
        g = self.g
        types = {t.value for t in g.objects(node, _TYPE)}
        if types - {SH + "SPARQLConstraint"}:
            raise UnsupportedShape(f"{where}: unexpected type of a sh:sparql constraint: {types}")
        select = g.one(node, SH + "select", where)
        if select is None:
            raise UnsupportedShape(f"{where}: only SELECT-based sh:sparql constraints are supported")
        text = select.value
        code = re.sub(r'"""[\s\S]*?"""|"[^"\n]*"|<[^>\s]*>|#[^\n]*', " ", text).upper()   # strings, IRIs, comments out
        for construct in ("$PATH", "$SHAPESGRAPH", "$CURRENTSHAPE"):
            if re.search(re.escape(construct) + r"\b", code):
                raise UnsupportedShape(f"{where}: SPARQL constraint uses {construct}, which the fast engine does not bind")
        for keyword in ("SERVICE", "MINUS", "EXISTS", "OPTIONAL", "VALUES", "GRAPH", "BIND"):
            if re.search(rf"\b{keyword}\b", code):
                raise UnsupportedShape(f"{where}: SPARQL constraint uses {keyword}, for which joining on $this "
                                       f"is not the same as pre-binding it")
        if len(re.findall(r"\bSELECT\b", code)) != 1:
            raise UnsupportedShape(f"{where}: SPARQL constraints with sub-queries are not supported")
        if not re.search(r"SELECT\s+(DISTINCT\s+)?[^{]*[?$]this\b", text, re.IGNORECASE):
            raise UnsupportedShape(f"{where}: the SPARQL constraint must select $this")
        message = self._message(node)
        if message and re.search(r"\{[?$]", message):
            raise UnsupportedShape(f"{where}: message templates ({{?var}}) are not supported")
        prefixes = []
        for decl_owner in g.objects(node, SH + "prefixes"):
            for decl in g.objects(decl_owner, SH + "declare"):
                prefix, ns = g.one(decl, SH + "prefix", where), g.one(decl, SH + "namespace", where)
                if prefix is None or ns is None:
                    raise UnsupportedShape(f"{where}: sh:declare needs sh:prefix and sh:namespace")
                prefixes.append(f"PREFIX {prefix.value}: <{ns.value}>\n")
        return SparqlConstraint(node=node, owner=owner, select=text, query="".join(prefixes) + text, message=message)

    # -- helpers ---------------------------------------------------------------------------------
    def _iri(self, term, where: str) -> str:
        if not isinstance(term, ox.NamedNode):
            raise UnsupportedShape(f"{where}: expected an IRI, got {term}")
        return term.value

    def _message(self, node) -> str | None:
        messages = self.g.objects(node, SH + "message")
        if not messages:
            return None
        plain = [m for m in messages if isinstance(m, ox.Literal) and not m.language]
        return _text((plain or list(messages))[0])


def compile_shapes(turtle: str) -> ShapesProgram:
    """Compile a shapes graph, refusing (UnsupportedShape) anything the fast engine would not check."""
    triples = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
    g = _Graph(triples)
    compiler = _Compiler(g)
    roots = set(g.subjects_typed(SH + "NodeShape"))
    roots |= {s for s, po in g.spo.items() if SH + "targetClass" in po}
    for s, po in g.spo.items():
        for key in ("targetNode", "targetSubjectsOf", "targetObjectsOf", "target"):
            if SH + key in po:
                raise UnsupportedShape(f"{_name(s)}: sh:{key} is not supported (only sh:targetClass)")
    for p_shape in g.subjects_typed(SH + "PropertyShape"):
        if not any(p_shape in po.get(SH + "property", []) for po in g.spo.values()):
            raise UnsupportedShape(f"{_name(p_shape)}: a property shape that no node shape owns is not supported")
    for root in sorted(roots, key=str):
        compiler.shape(root)
    # sh:NodeShape typings and sh:declare blocks are consumed above; anything else in sh: is unknown.
    for s, po in g.spo.items():
        for p, objs in po.items():
            for o in objs:
                in_sh = p.startswith(SH) or (p == _TYPE and isinstance(o, ox.NamedNode) and o.value.startswith(SH))
                if in_sh and (s, p, o) not in g.used and not (p == _TYPE and o.value in (SH + "NodeShape", SH + "PropertyShape")):
                    raise UnsupportedShape(
                        f"shapes graph: the fast SHACL engine does not understand {_name(s) if isinstance(s, ox.NamedNode) else s} "
                        f"{_short(p)} {o}; teach ontology/shacl_compiler.py or validate with engine='pyshacl'")
    shapes = list(compiler.shapes.values())
    return ShapesProgram(targeted=[s for s in shapes if s.targets], all_shapes=shapes)


@cache
def compiled_shapes() -> ShapesProgram:
    """The compiled frus-kg shapes (ontology/shapes.ttl), once per process."""
    return compile_shapes(shapes_turtle())
