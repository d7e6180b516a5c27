"""Real clients work unchanged: SPARQLWrapper (every query form, every result format, GET and POST) and rdflib's SPARQLStore."""
from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, GET, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

OFFICES = """PREFIX schema: <http://schema.org/>
PREFIX fk: <https://w3id.org/frus-kg/vocab#>
SELECT ?name ?office WHERE { ?doc schema:author ?p ; fk:hasDocumentRole ?r .
  ?r fk:roleHolder ?p ; schema:roleName ?office . ?p schema:name ?name } ORDER BY ?office"""
AUTHORS_GRAPH = """PREFIX schema: <http://schema.org/>
CONSTRUCT { ?doc schema:author ?p } WHERE { ?doc schema:author ?p }"""
DESCRIBE = "DESCRIBE <https://w3id.org/frus-kg/id/historicaldocuments/frus1981-88v41/d54/claims/1>"
ASK = "ASK { ?s ?p ?o }"


def _client(server, method):
    client = SPARQLWrapper(server + "/sparql")
    client.setMethod(method)
    return client


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_select_in_every_results_format(server, method, fmt):
    client = _client(server, method)
    client.setQuery(OFFICES)
    client.setReturnFormat(fmt)
    result = client.query()
    body = result.response.read()
    media = result.response.headers["content-type"]
    if fmt == JSON:
        offices = {b["office"]["value"] for b in json.loads(body)["results"]["bindings"]}
    elif fmt == XML:
        ns = "{http://www.w3.org/2005/sparql-results#}"
        offices = {b.find(ns + "literal").text for b in ElementTree.fromstring(body).iter(ns + "binding")
                   if b.get("name") == "office"}
    elif fmt == CSV:
        offices = {row["office"] for row in csv.DictReader(io.StringIO(body.decode()))}
    else:
        lines = body.decode().splitlines()
        column = lines[0].split("\t").index("?office")
        offices = {line.split("\t")[column].strip('"') for line in lines[1:]}
    assert {"Deputy Secretary of State", "Under Secretary of State for Management"} <= offices, media


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt,parser", [(TURTLE, "turtle"), (N3, "turtle"), (RDFXML, "xml"), (JSONLD, "json-ld"),
                                        (XML, "xml"), (JSON, "json-ld")])
def test_sparqlwrapper_construct_and_describe_in_every_rdf_format(server, method, fmt, parser):
    for query in (AUTHORS_GRAPH, DESCRIBE):
        client = _client(server, method)
        client.setQuery(query)
        client.setReturnFormat(fmt)
        response = client.query().response
        assert response.status == 200
        graph = rdflib.Graph().parse(data=response.read(), format=parser)
        assert len(graph) >= 2, (query, fmt)


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", [JSON, XML])
def test_sparqlwrapper_ask(server, method, fmt):
    client = _client(server, method)
    client.setQuery(ASK)
    client.setReturnFormat(fmt)
    response = client.query().response
    assert response.status == 200 and "true" in response.read().decode()


def test_sparqlwrapper_convert_gives_python_objects(server):
    client = _client(server, GET)
    client.setQuery(OFFICES)
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]
    names = sorted(b["name"]["value"] for b in bindings)
    assert len(names) == 2 and names[0].endswith("Kennedy") and names[1].endswith("Clark")
    client.setQuery(AUTHORS_GRAPH)
    client.setReturnFormat(TURTLE)
    graph = client.queryAndConvert()
    assert len(rdflib.Graph().parse(data=graph, format="turtle")) == 2


def test_rdflib_sparqlstore_reads_the_endpoint(server):
    store = SPARQLStore(server + "/sparql")
    graph = rdflib.Graph(store)
    rows = list(graph.query(OFFICES))
    assert {str(r.office) for r in rows} == {"Deputy Secretary of State", "Under Secretary of State for Management"}
    assert graph.query(ASK).askAnswer is True
    constructed = graph.query(AUTHORS_GRAPH).graph
    assert len(constructed) == 2


def test_regression_an_ask_sent_for_csv_was_refused_without_saying_why(server):
    """SPARQLWrapper sends `Accept: text/csv` for an ASK with `setReturnFormat(CSV)`, and the 406 said only "no
    acceptable format for this result": CSV and TSV write SELECT results only (SPARQL 1.1 defines no CSV for a
    boolean). The refusal now names what was asked and what the query answers."""
    from urllib.error import HTTPError

    client = _client(server, GET)
    client.setQuery("ASK { ?s a <http://schema.org/Person> }")
    client.setReturnFormat(CSV)
    with pytest.raises(HTTPError) as refused:          # SPARQLWrapper passes a 406 on as urllib raised it
        client.query()
    said = refused.value.read().decode()
    assert refused.value.code == 406 and "Accept: text/csv" in said and "CSV and TSV are for SELECT results only" in said
