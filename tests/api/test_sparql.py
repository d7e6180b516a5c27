"""The /sparql endpoint follows the SPARQL 1.1 Protocol, over a real uvicorn on 127.0.0.1."""
from __future__ import annotations

import csv
import io
import json

import httpx
import pytest
import rdflib

from ontology.namespaces import sparql_prologue
from tests.api.conftest import declared_prefixes_unused

OFFICES = sparql_prologue("schema", "fk") + """
SELECT ?name ?office WHERE {
  ?doc schema:author ?p ; fk:hasDocumentRole ?r .
  ?r fk:roleHolder ?p ; schema:roleName ?office .
  ?p schema:name ?name } ORDER BY ?office"""


def _bindings(response):
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    return [{k: v["value"] for k, v in b.items()} for b in response.json()["results"]["bindings"]]


def test_get_and_both_posts_give_the_same_answer(server):
    got = _bindings(httpx.get(server + "/sparql", params={"query": OFFICES}))
    form = _bindings(httpx.post(server + "/sparql", data={"query": OFFICES}))
    direct = _bindings(httpx.post(server + "/sparql", content=OFFICES.encode(),
                                  headers={"content-type": "application/sparql-query"}))
    assert got == form == direct
    offices = {b["office"] for b in got}
    assert offices == {"Deputy Secretary of State", "Under Secretary of State for Management"}


def test_ask_query(server):
    r = httpx.get(server + "/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert r.json() == {"head": {}, "boolean": True}


def test_construct_is_turtle_by_default(server):
    q = sparql_prologue("schema") + "CONSTRUCT { ?d schema:name ?n } WHERE { ?d a schema:CreativeWork ; schema:name ?n }"
    r = httpx.get(server + "/sparql", params={"query": q})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    assert any("Memorandum From the Deputy Secretary of State" in str(o) for o in g.objects())


@pytest.mark.parametrize("form", ["CONSTRUCT { ?d schema:name ?n } WHERE { ?d a schema:CreativeWork ; schema:name ?n }",
                                  "DESCRIBE ?d WHERE { ?d a schema:CreativeWork }"])
def test_regression_a_graph_result_asked_for_as_application_json_was_a_406(server, form):
    """`format=json` gave JSON-LD and `Accept: application/json` a 406: both are JSON-LD now, the same graph."""
    q = sparql_prologue("schema") + form
    asked = httpx.get(server + "/sparql", params={"query": q}, headers={"accept": "application/json"})
    assert asked.status_code == 200, asked.text[:200]
    assert asked.headers["content-type"].startswith("application/json")
    named = httpx.get(server + "/sparql", params={"query": q, "format": "json"})
    graph = rdflib.Graph().parse(data=asked.text, format="json-ld")
    assert len(graph) > 0 and graph.isomorphic(rdflib.Graph().parse(data=named.text, format="json-ld"))
    turtle = httpx.get(server + "/sparql", params={"query": q}, headers={"accept": "*/*"})
    assert turtle.headers["content-type"].startswith("text/turtle")


@pytest.mark.parametrize("accept, media", [
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/html;q=0.9, application/sparql-results+json", "application/sparql-results+json"),
])
def test_results_are_negotiated(server, accept, media):
    r = httpx.get(server + "/sparql", params={"query": OFFICES}, headers={"accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    if media == "text/csv":
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert {row["name"] for row in rows} == {"William Patrick Clark", "Richard Thomas Kennedy"}


def test_unacceptable_format_is_406(server):
    r = httpx.get(server + "/sparql", params={"query": OFFICES}, headers={"accept": "image/png"})
    assert r.status_code == 406 and "offered" in r.text


def test_malformed_query_is_400_with_the_parser_message(server):
    r = httpx.get(server + "/sparql", params={"query": "SELECT ?x WHERE { ?x"})
    assert r.status_code == 400 and "SPARQL syntax error" in r.text


def test_update_is_refused(server):
    r = httpx.post(server + "/sparql", content=b"DROP ALL", headers={"content-type": "application/sparql-update"})
    assert r.status_code == 403
    r = httpx.post(server + "/sparql", data={"update": "DROP ALL"})
    assert r.status_code == 403
    assert _bindings(httpx.get(server + "/sparql", params={"query": OFFICES}))


def test_wrong_content_type_is_415(server):
    r = httpx.post(server + "/sparql", content=b"{}", headers={"content-type": "application/json"})
    assert r.status_code == 415


def test_bare_endpoint_returns_a_service_description(server):
    r = httpx.get(server + "/sparql")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (None, sd.supportedLanguage, sd.SPARQL11Query) in g
    # regression: CONSTRUCT answers in N-Quads and TriG, which the description did not list
    formats = {str(o).rsplit("/", 1)[-1] for o in g.objects(None, sd.resultFormat)}
    assert {"N-Quads", "TriG", "Turtle", "SPARQL_Results_JSON"} <= formats


def test_the_service_description_declares_only_the_prefixes_it_writes(server):
    """It declared the ten prefixes it shares with VoID, six of which (fk:, oa:, schema:, dcterms:, dqv:, ldqd:) it
    never wrote."""
    turtle = httpx.get(server + "/sparql", headers={"accept": "text/turtle"}).text
    declared, unused = declared_prefixes_unused(turtle)
    assert not unused, unused
    assert set(declared) == {"sd", "void", "rdfs", "formats"}
    ntriples = httpx.get(server + "/sparql", headers={"accept": "application/n-triples"}).text
    assert rdflib.Graph().parse(data=turtle, format="turtle").isomorphic(
        rdflib.Graph().parse(data=ntriples, format="nt"))


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


def test_a_browser_opening_the_bare_endpoint_is_sent_to_the_editor(server):
    r = httpx.get(server + "/sparql", headers={"accept": BROWSER_ACCEPT})
    assert r.status_code == 303 and "Accept" in r.headers["vary"]
    assert str(r.url.join(r.headers["location"])) == server + "/query"
    editor = httpx.get(server + "/sparql", headers={"accept": BROWSER_ACCEPT}, follow_redirects=True)
    assert editor.status_code == 200 and editor.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("accept", ["*/*", "text/turtle", "application/ld+json, */*;q=0.1"])
def test_clients_that_do_not_prefer_html_still_get_the_description(server, accept):
    r = httpx.get(server + "/sparql", headers={"accept": accept})
    assert r.status_code == 200 and not r.headers["content-type"].startswith("text/html")


def test_default_graph_uri_restricts_the_dataset(server):
    vol = "https://w3id.org/frus-kg/id/historicaldocuments/frus1981-88v41"
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    only_volume = _bindings(httpx.get(server + "/sparql", params={"query": q, "default-graph-uri": vol}))
    everything = _bindings(httpx.get(server + "/sparql", params={"query": q}))
    assert 0 < int(only_volume[0]["n"]) < int(everything[0]["n"])


def test_regression_from_in_the_query_counted_the_whole_store(server):
    """The endpoint's union default graph overrode the query's own FROM: a user scoping a query by FROM got every
    graph's answer, with no error."""
    vol = "https://w3id.org/frus-kg/id/historicaldocuments/frus1981-88v41"

    def count(q, **params):
        return int(_bindings(httpx.get(server + "/sparql", params={"query": q, **params}))[0]["n"])
    by_protocol = count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", **{"default-graph-uri": vol})
    assert count(f"SELECT (COUNT(*) AS ?n) FROM <{vol}> WHERE {{ ?s ?p ?o }}") == by_protocol > 0
    assert count("SELECT (COUNT(*) AS ?n) FROM <https://example.org/no-graph> WHERE { ?s ?p ?o }") == 0
    assert count(f"SELECT (COUNT(*) AS ?n) FROM NAMED <{vol}> WHERE {{ ?s ?p ?o }}") == 0
    assert count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", **{"named-graph-uri": vol}) == 0


def test_cors_header_is_sent(server):
    r = httpx.get(server + "/sparql", params={"query": "ASK {}"}, headers={"origin": "https://example.org"})
    assert r.headers.get("access-control-allow-origin") == "*"


def test_regression_cors_hid_the_truncation_signal_from_scripts_on_other_origins(server):
    r = httpx.get(server + "/sparql", params={"query": "ASK {}"}, headers={"origin": "https://example.org"})
    exposed = {h.strip().lower() for h in r.headers.get("access-control-expose-headers", "").split(",")}
    assert {"x-result-truncated", "x-row-cap", "x-coverage-warning", "x-network-source"} <= exposed


def test_regression_a_body_that_is_not_utf_8_was_read_with_replacement_characters(server):
    r = httpx.post(server + "/sparql", content="SELECT * WHERE { ?s ?p \"caf\xe9\" }".encode("latin-1"),
                   headers={"content-type": "application/sparql-query"})
    assert r.status_code == 400 and "not UTF-8" in r.text


SELECT_STAR = "SELECT * WHERE { ?s ?p ?o } LIMIT 2"


def test_regression_select_star_listed_its_columns_alphabetically(server):
    """`SELECT * WHERE { ?s ?p ?o }` answered with columns o, p, s (Oxigraph sorts them); every format now gives them
    in the order the query names them, as other SPARQL 1.1 servers do, and an explicit projection keeps its order."""
    def answer(query: str, accept: str) -> str:
        r = httpx.get(server + "/sparql", params={"query": query}, headers={"accept": accept})
        assert r.status_code == 200, r.text
        return r.text

    assert json.loads(answer(SELECT_STAR, "application/sparql-results+json"))["head"]["vars"] == ["s", "p", "o"]
    xml = answer(SELECT_STAR, "application/sparql-results+xml")
    assert xml.index('variable name="s"') < xml.index('variable name="p"') < xml.index('variable name="o"')
    assert answer(SELECT_STAR, "text/csv").splitlines()[0] == "s,p,o"
    assert answer(SELECT_STAR, "text/tab-separated-values").splitlines()[0] == "?s\t?p\t?o"
    explicit = answer("SELECT ?o ?s WHERE { ?s ?p ?o } LIMIT 1", "application/sparql-results+json")
    assert json.loads(explicit)["head"]["vars"] == ["o", "s"]
    tricky = 'SELECT DISTINCT * WHERE { ?zeta ?p ?alpha FILTER (?alpha != "?b" && ?zeta != <http://x/?c>) } LIMIT 1'
    assert json.loads(answer(tricky, "application/json"))["head"]["vars"] == ["zeta", "p", "alpha"]


YASGUI_ACCEPT = "application/sparql-results+json,*/*;q=0.9"      # what the query editor (/query) sends
PROBLEM_ACCEPT = {"accept": "application/json"}
NO_OBJECT = sparql_prologue("schema") + "SELECT ?doc WHERE {\n  ?doc schema:name .\n}"


def _send(server: str, how: str, query: str, headers: dict[str, str] | None = None) -> httpx.Response:
    """The query by GET, by a POSTed form (as the query editor sends it) or as an application/sparql-query body."""
    if how == "get":
        return httpx.get(server + "/sparql", params={"query": query}, headers=headers)
    if how == "form":
        return httpx.post(server + "/sparql", data={"query": query}, headers=headers)
    return httpx.post(server + "/sparql", content=query.encode(),
                      headers={**(headers or {}), "content-type": "application/sparql-query"})


@pytest.mark.parametrize("how", ["get", "form", "direct"])
def test_a_syntax_error_names_line_and_column_and_shows_the_line_with_a_caret_under_the_place(server, how):
    r = _send(server, how, NO_OBJECT, {"accept": YASGUI_ACCEPT})
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/plain"), r.text
    sentence, line, caret, parser, end = r.text.split("\n")
    assert sentence == ("SPARQL syntax error at line 3, column 20 ('.'): the triple pattern '?doc schema:name' has no "
                        "object: a pattern is a subject, a predicate and an object (e.g. ?s ?p ?o)")
    assert line == "  3 |   ?doc schema:name ."
    assert caret == "    |                    ^"
    assert parser.startswith("parser: error at 3:21: expected ") and end == ""


@pytest.mark.parametrize("how", ["get", "form", "direct"])
def test_the_problem_details_of_a_syntax_error_carry_the_place_the_excerpt_the_hint_and_the_parsers_report(server, how):
    r = _send(server, how, NO_OBJECT, PROBLEM_ACCEPT)
    assert r.status_code == 400 and r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert body["detail"].startswith("SPARQL syntax error at line 3, column 20 ('.'): the triple pattern")
    assert (body["line"], body["column"]) == (3, 20)
    assert body["excerpt"] == "  3 |   ?doc schema:name .\n    |                    ^"
    assert body["hint"].startswith("the triple pattern '?doc schema:name' has no object")
    assert body["parser_message"].startswith("error at 3:21: expected ")


@pytest.mark.parametrize("how", ["get", "form", "direct"])
@pytest.mark.parametrize("query", [NO_OBJECT, "ASK { ?s ?p }", "CONSTRUCT { ?s ?p } WHERE { ?s ?p ?o }"],
                         ids=["select", "ask", "construct"])
def test_regression_a_client_asking_for_problem_details_got_a_406_before_its_syntax_error(server, how, query):
    """`Accept: application/problem+json` names no result format, and the format was refused before the query was
    read: a 406 saying which formats a SELECT answers in, for a query that is no SELECT at all. The query is read first
    (over no data), so its syntax error is the 400 problem document."""
    r = _send(server, how, query, {"accept": "application/problem+json"})
    assert r.status_code == 400 and r.headers["content-type"].startswith("application/problem+json"), r.text
    assert r.json()["detail"].startswith("SPARQL syntax error at line ") and r.json()["line"]


@pytest.mark.parametrize("query", [OFFICES, "ASK { ?s ?p ?o }", "CONSTRUCT WHERE { ?s ?p ?o }"])
def test_a_valid_query_no_format_fits_is_still_a_406(server, query):
    r = httpx.post(server + "/sparql", data={"query": query}, headers={"accept": "application/problem+json"})
    assert r.status_code == 406 and r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["detail"].startswith("no format asked for (Accept: application/problem+json) writes the ")


KINDS = {
    "undeclared prefix": ("SELECT ?doc WHERE {\n  ?doc dc:title ?t\n}", 2, 8,
                          "the prefix dc: is not declared: add a line PREFIX dc: <namespace IRI> before the query "
                          "(this service knows the prefixes fk:, fkid:, schema:, oa:, prov:, skos:, owl:, rdf:, "
                          "rdfs:, xsd:, wd:"),
    "unclosed brace": ("SELECT ?doc WHERE {\n  ?doc ?p ?o\n", 1, 19, "this '{' is never closed"),
    "unclosed string": ('SELECT ?doc WHERE {\n  ?doc ?p "Falklands\n}', 2, 11, "this string is not closed"),
    "misspelt keyword": ("SELECT ?doc WHERE {\n  ?doc ?p ?o\n} ORDR BY ?doc", 3, 3,
                         "'ORDR' is not a SPARQL keyword: did you mean ORDER?"),
    "misspelt form": ("SELEC ?doc WHERE { ?doc ?p ?o }", 1, 1, "did you mean SELECT?"),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_of_syntax_error_is_placed_and_explained(server, kind):
    query, line, column, hint = KINDS[kind]
    text = _send(server, "form", query, {"accept": YASGUI_ACCEPT}).text.split("\n")
    assert text[0].startswith(f"SPARQL syntax error at line {line}, column {column} (") and hint in text[0], text[0]
    assert text[1] == f"  {line} | " + query.split("\n")[line - 1]
    assert text[2].index("^") == len(f"  {line} | ") + column - 1
    body = _send(server, "get", query, PROBLEM_ACCEPT).json()
    assert (body["line"], body["column"]) == (line, column) and hint in body["hint"]


MALFORMED = [NO_OBJECT, "SELECT ?x WHERE { ?x", "SELECT WHERE", "SELECT * WHERE { ?s ?p ?o } }",
             "SELECT ?x WHERE { ?s ?p ?o } GROUP BY ?s", "SELECT * { <http://a b> ?p ?o }",
             *(query for query, *_ in KINDS.values())]


def test_every_syntax_message_names_the_place(server):
    for query in MALFORMED:
        body = _send(server, "direct", query, PROBLEM_ACCEPT).json()
        assert body["status"] == 400 and isinstance(body["line"], int) and isinstance(body["column"], int), body
        assert body["detail"].startswith(f"SPARQL syntax error at line {body['line']}, column {body['column']} ("), body
        assert body["excerpt"].startswith(f"  {body['line']} | ") and body["excerpt"].endswith("^"), body


def test_a_valid_query_like_the_malformed_ones_is_answered(server):
    query = sparql_prologue("schema") + """SELECT ?doc ?name WHERE {
  VALUES ?lang { "en" }
  ?doc schema:name ?name .
  FILTER(LANG(?name) = ?lang || CONTAINS(?name, "Falklands"@en) || true)
} ORDER BY ?doc LIMIT 3"""
    for how in ("get", "form", "direct"):
        r = _send(server, how, query, {"accept": YASGUI_ACCEPT})
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+json"), r.text
        assert "results" in r.json()


def test_a_syntax_error_in_an_update_is_placed_and_explained_as_a_querys_is():
    from fastapi.testclient import TestClient

    from api import create_app
    from api.settings import Settings
    from graph import OxigraphStore

    client = TestClient(create_app(OxigraphStore(), Settings(update_token="t0ken")))
    auth = {"authorization": "Bearer t0ken"}
    r = client.post("/sparql", data={"update": "INSERT DATA {\n  <http://example.org/a> <http://example.org/b>\n}"},
                    headers=auth)
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/plain"), r.text
    assert r.text.split("\n")[:3] == [
        "SPARQL syntax error at line 3, column 1 ('}'): the triple pattern '<http://example.org/a> "
        "<http://example.org/b>' has no object: a pattern is a subject, a predicate and an object (e.g. ?s ?p ?o)",
        "  3 | }", "    | ^"]
    typo = client.post("/sparql", content=b"INSRT DATA { <http://a> <http://b> <http://c> }",
                       headers={**auth, **PROBLEM_ACCEPT, "content-type": "application/sparql-update"})
    assert typo.status_code == 400 and (typo.json()["line"], typo.json()["column"]) == (1, 1)
    assert typo.json()["hint"].startswith("did you mean INSERT?")
