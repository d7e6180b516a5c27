"""The fast SHACL engine reads its rules from shapes.ttl, refuses what it does not understand, and is fast."""
from __future__ import annotations

import time

import pyoxigraph as ox
import pytest
import rdflib

from ingest.triples import document_quads
from ontology.files import shapes_turtle
from ontology.namespaces import OA, SH, XSD
from ontology.shacl_compiler import UnsupportedShape, compile_shapes, compiled_shapes
from ontology.shacl_sparql import native_for
from ontology.fast_shacl import validate_fast
from ontology.validation import validate
from ontology.xsd_lexical import well_formed

from enriched import enrich

PREFIXES = shapes_turtle().split("\n\n")[0] + "\n"


@pytest.fixture(scope="module")
def quads(sample_record):
    return document_quads(enrich(sample_record))


def _shapes(body: str) -> str:
    return PREFIXES + body


# -- the rules come from shapes.ttl -----------------------------------------------------------------
def test_every_shape_and_property_shape_of_shapes_ttl_is_compiled():
    g = rdflib.Graph().parse(data=shapes_turtle(), format="turtle")
    program = compiled_shapes()
    node_shapes = {str(s) for s in g.subjects(rdflib.RDF.type, rdflib.URIRef(SH + "NodeShape"))}
    compiled = {s.node.value for s in program.all_shapes if isinstance(s.node, ox.NamedNode)}
    assert node_shapes <= compiled
    n_props = len(list(g.subject_objects(rdflib.URIRef(SH + "property"))))
    assert sum(len(s.properties) for s in program.all_shapes) == n_props
    assert sum(len(s.sparql) for s in program.all_shapes) == len(list(g.subject_objects(rdflib.URIRef(SH + "sparql"))))


def test_a_new_rule_in_the_shapes_graph_is_applied_without_code_changes(quads):
    stricter = shapes_turtle().replace(
        "fksh:PageShape a sh:NodeShape ;",
        "fksh:PageShape a sh:NodeShape ;\n    sh:property [ sh:path fk:page ; sh:datatype xsd:string ] ;")
    program = compile_shapes(stricter)
    report = validate_fast(quads, program)
    assert not report.conforms
    assert {(v.shape, v.path) for v in report.violations} == {("fksh:PageShape", "fk:page")}


@pytest.mark.parametrize("snippet, complaint", [
    ("fksh:S a sh:NodeShape ; sh:targetClass fk:Document ; sh:property [ sh:path schema:name ; sh:pattern \"^[0-9]\" ] .", "sh:pattern"),
    ("fksh:S a sh:NodeShape ; sh:targetNode fk:x ; sh:property [ sh:path schema:name ; sh:minCount 1 ] .", "sh:targetNode"),
    ("fksh:S a sh:NodeShape ; sh:targetClass fk:Document ; sh:property [ sh:path ( schema:a schema:b ) ; sh:minCount 1 ] .", "IRI paths"),
    ("fksh:S a sh:NodeShape ; sh:targetClass fk:Document ; sh:property [ sh:path [ sh:inversePath schema:a ] ; sh:minCount 1 ] .", "IRI paths"),
    ("fksh:S a sh:NodeShape ; sh:targetClass fk:Document ; sh:severity sh:Warning .", "sh:severity"),
    ("fksh:S a sh:NodeShape ; sh:targetClass fk:Document ; sh:closed true .", "sh:closed"),
    ("fksh:S a sh:NodeShape ; sh:targetClass fk:Document ; sh:and ( [ sh:class fk:A ] ) .", "sh:and"),
    ("fksh:S a sh:NodeShape ; sh:targetClass fk:Document ; sh:property [ sh:path schema:x ; sh:datatype xsd:gYear ] .", "XMLSchema#gYear"),
    ("fksh:S a sh:NodeShape ; sh:targetClass fk:Document ; sh:property [ sh:path schema:x ; sh:minInclusive \"a\" ] .", "numeric bounds"),
    ("fksh:S a sh:NodeShape ; sh:targetClass fk:Document ; sh:property [ sh:path schema:x ; sh:qualifiedValueShape [ sh:class fk:A ] ; "
     "sh:qualifiedMinCount 1 ; sh:qualifiedValueShapesDisjoint true ] .", "Disjoint"),
    ("fksh:P a sh:PropertyShape ; sh:path schema:x ; sh:minCount 1 .", "no node shape owns"),
    ("fksh:S a sh:NodeShape, rdfs:Class ; sh:property [ sh:path schema:x ; sh:minCount 1 ] .", "implicit class targets"),
    ("fksh:S a sh:NodeShape ; sh:targetClass fk:Document ; sh:sparql [ a sh:SPARQLConstraint ; sh:select "
     "\"SELECT $this WHERE { OPTIONAL { $this schema:x ?y } FILTER(!BOUND(?y)) }\" ] .", "OPTIONAL"),
    ("fksh:S a sh:NodeShape ; sh:targetClass fk:Document ; sh:sparql [ a sh:SPARQLConstraint ; sh:ask \"ASK {}\" ] .", "SELECT-based"),
])
def test_unsupported_constructs_are_refused_loudly(snippet, complaint):
    with pytest.raises(UnsupportedShape, match=complaint.replace("(", r"\(")):
        compile_shapes(_shapes(snippet))


def test_a_supported_construct_compiles():
    program = compile_shapes(_shapes(
        "fksh:S a sh:NodeShape ; sh:targetClass fk:Document ; sh:name \"S\" ; "
        "sh:property [ sh:path schema:x ; sh:minCount 1 ; sh:maxCount 2 ; sh:nodeKind sh:IRI ; sh:description \"d\" ] ."))
    [shape] = program.targeted
    assert shape.properties[0].min_count == 1 and shape.properties[0].max_count == 2


# -- the SPARQL constraint: native for the known query, Oxigraph for any other --------------------
def _edited_query_program():
    """shapes.ttl with the round-trip query reworded (same meaning): the native implementation must not apply."""
    text = shapes_turtle()
    edited = text.replace("?quote oa:exact ?exact .", "?quote oa:exact ?exact . # reworded")
    assert edited != text
    return compile_shapes(edited)


def test_the_sparql_constraints_of_shapes_ttl_run_natively():
    constraints = [c for s in compiled_shapes().all_shapes for c in s.sparql]
    assert len(constraints) == 3 and all(native_for(c) is not None for c in constraints)


@pytest.mark.parametrize("start, end", [("3", None), (None, "0"), (None, "999999")])
def test_an_edited_query_runs_on_oxigraph_with_the_same_results(quads, start, end):
    program = _edited_query_program()
    [constraint] = [c for s in program.all_shapes for c in s.sparql if "oa:exact" in c.select]
    assert native_for(constraint) is None
    broken = []
    for q in quads:
        if q.subject.value.endswith("/mentions/2/position") and q.predicate.value in (OA + "start", OA + "end"):
            new = start if q.predicate.value == OA + "start" else end
            if new is not None:
                q = ox.Quad(q.subject, q.predicate, ox.Literal(new, datatype=ox.NamedNode(XSD + "integer")), q.graph_name)
        broken.append(q)
    generic = validate_fast(broken, program)
    native = validate_fast(broken)
    assert not generic.conforms
    assert generic.violations == native.violations


# -- engine switch ----------------------------------------------------------------------------------
def test_validate_takes_an_engine_and_rdflib_graphs(quads):
    g = rdflib.Graph()
    g.parse(data=ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=ox.RdfFormat.N_TRIPLES), format="nt")
    assert validate(g, engine="fast").conforms
    assert validate(quads, engine="fast").engine == "fast"
    with pytest.raises(ValueError, match="unknown validation engine"):
        validate(quads, engine="guess")


def test_the_fast_engine_is_at_least_10_times_faster_than_pyshacl(quads):
    """Typically 50-100x; best of three runs each, so a busy machine does not decide."""
    def best(engine: str, runs: int) -> float:
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            validate(quads, engine=engine)
            times.append(time.perf_counter() - t)
        return min(times)

    validate(quads)
    reference, fast = best("pyshacl", 3), best("fast", 3)
    assert fast * 10 < reference, (fast, reference)


# -- XSD lexical forms ------------------------------------------------------------------------------
@pytest.mark.parametrize("datatype, good, bad", [
    ("integer", ["0", "-5", "+7", "0012"], ["", "1.0", " 1", "1e3", "x", "१"]),
    ("nonNegativeInteger", ["0", "-0", "42"], ["-1", "+-1"]),
    ("decimal", ["1", "1.5", "-.5", "5."], ["1e3", "NaN", ".", ""]),
    ("date", ["1981-10-26", "1981-10-26Z", "1981-10-26-05:00", "2000-02-29"], ["1981-1-1", "1981-02-29", "1900-02-29", "19811026", "1981-10-26T00:00:00"]),
    ("dateTime", ["1974-05-21T14:48:00", "1974-05-21T14:48:00Z", "1981-10-26T00:00:00-05:00", "1981-10-26T10:00:00.25Z", "1981-10-26T24:00:00"],
     ["1981-10-26", "1981-10-26T10:00", "1981-10-26T25:00:00", "1981-10-26T10:00:00+15:00"]),
    ("boolean", ["true", "false", "1", "0"], ["yes", "True"]),
])
def test_xsd_lexical_forms(datatype, good, bad):
    for lexical in good:
        assert well_formed(lexical, XSD + datatype), lexical
    for lexical in bad:
        assert not well_formed(lexical, XSD + datatype), lexical


# -- N-Triples term strings -------------------------------------------------------------------------
def test_nquads_lines_split_into_the_terms_pyoxigraph_writes():
    from ontology.nt_terms import literal_parts, term_value, to_ox, triples_from_nquads

    s, p, g = ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p"), ox.NamedNode("https://example.org/g")
    objects = [
        ox.Literal('a "quoted" back\\slash\nnew line\ttab é \u0001 " <not an iri> .'),
        ox.Literal("Kissinger", language="en-US"),
        ox.Literal("54", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal(""),
        ox.NamedNode("https://example.org/o"),
        ox.BlankNode("b1"),
    ]
    for graph in (g, ox.DefaultGraph()):
        data = ox.serialize([ox.Quad(s, p, o, graph) for o in objects], format=ox.RdfFormat.N_QUADS)
        triples = list(triples_from_nquads(data))
        assert [t[2] for t in triples] == [str(o) for o in objects]
        assert all(t[0] == str(s) and t[1] == str(p) for t in triples)
    assert literal_parts(str(objects[0])) == (objects[0].value, XSD + "string", None)
    assert literal_parts(str(objects[1]))[2] == "en-us" or literal_parts(str(objects[1]))[2].lower() == "en-us"
    assert term_value(str(objects[2])) == "54" and to_ox(str(objects[2])) == objects[2]
    assert to_ox(str(objects[0])) == objects[0]
