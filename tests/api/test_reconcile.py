"""The reconciliation service speaks W3C Reconciliation API 0.2: every message fits the spec's JSON Schemas,
and a match is declared only when the evidence (office, date, country) leaves one candidate."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from api.reconcile import EXTEND_PROPERTIES

SCHEMAS = Path(__file__).resolve().parent.parent / "fixtures" / "reconciliation-0.2"
CLARK = "people/102617"        # William Patrick Clark, Deputy Secretary of State 1981-82
DAVID_OWEN = "people/110190"   # Lord David Owen, British Foreign Secretary 1977-79
HENRY_OWEN = "people/110192"   # Henry D. Owen, Ambassador at Large 1978-81
BASE_IRI = "https://w3id.org/frus-kg/id/"
GROMYKO, LYDIA_GROMYKO = "people/105222", "people/105223"   # Soviet Foreign Minister 1957-85, and his wife
RUSK = "people/111738"
ROOT = Path(__file__).resolve().parents[2]


def _registry() -> Registry:
    schemas = [json.loads(p.read_text(encoding="utf-8")) for p in SCHEMAS.glob("*.json")]
    return Registry().with_resources((s["$id"], Resource.from_contents(s, default_specification=DRAFT7)) for s in schemas)


REGISTRY = _registry()


def valid(name: str, instance) -> None:
    schema = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    errors = sorted(Draft7Validator(schema, registry=REGISTRY).iter_errors(instance), key=str)
    assert not errors, f"{name}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


@pytest.fixture(scope="module")
def client(sample_store_path):
    from api import create_app
    from graph import open_store

    return TestClient(create_app(open_store(sample_store_path, read_only=True)))


def batch(client, queries: dict, how: str = "form") -> dict:
    valid("reconciliation-query-batch", queries)
    if how == "form":
        r = client.post("/reconcile", data={"queries": json.dumps(queries)})
    elif how == "get":
        r = client.get("/reconcile", params={"queries": json.dumps(queries)})
    else:
        r = client.post("/reconcile", json={"queries": queries})
    assert r.status_code == 200, r.text
    body = r.json()
    valid("reconciliation-result-batch", body)
    assert set(body) == set(queries)
    return body


def by_id(result: list[dict]) -> dict[str, dict]:
    return {c["id"]: c for c in result}


def test_manifest_fits_the_schema_and_announces_every_service(client):
    m = client.get("/reconcile").json()
    valid("manifest", m)
    assert "0.2" in m["versions"] and {t["id"] for t in m["defaultTypes"]} == {"person", "country", "organization"}
    assert set(m["suggest"]) == {"entity", "type", "property"}
    assert m["preview"]["url"].endswith("/reconcile/preview?id={{id}}")
    assert m["extend"]["propose_properties"]["service_path"] == "/properties"


def test_clark_deputy_secretary_in_1981_is_a_match_with_its_evidence(client):
    q = {"q0": {"query": "Clark", "type": "person", "properties": [
        {"pid": "office", "v": "Deputy Secretary of State"}, {"pid": "date", "v": "1981"}]}}
    result = batch(client, q)["q0"]["result"]
    top = result[0]
    assert top["id"] == CLARK and top["match"] is True
    assert [c["id"] for c in result if c["match"]] == [CLARK]
    features = {f["id"]: f["value"] for f in top["features"]}
    assert features["office"] == 1.0 and features["date"] is True and features["surname_only"] is True
    offices = top["evidence"]["offices_at_date"]
    assert {"name": "Deputy Secretary of State", "start": "1981-03-25", "end": "1982-02-09", "source": "pocom",
            "documents": 0, "volumes": []} in offices
    assert any(o["source"] == "frus-document" and o["documents"] == 1 for o in offices)
    assert top["evidence"]["documents"] >= 1
    assert top["evidence"]["sample_documents"][0]["id"].endswith("/frus1981-88v41/d54")


def test_owen_special_representative_in_1978_matches_nobody_least_of_all_lord_owen(client):
    q = {"q0": {"query": "Owen", "type": "person", "properties": [
        {"pid": "office", "v": "Special Representative for Economic Summits"}, {"pid": "date", "v": 1978}]}}
    result = batch(client, q)["q0"]["result"]
    assert not any(c["match"] for c in result)
    candidates = by_id(result)
    assert DAVID_OWEN in candidates and HENRY_OWEN in candidates
    lord = {f["id"]: f["value"] for f in candidates[DAVID_OWEN]["features"]}
    assert lord["office"] == 0.0
    assert [o["name"] for o in candidates[DAVID_OWEN]["evidence"]["offices_at_date"]] == ["British Foreign Secretary"]


def test_the_right_office_at_the_date_picks_henry_owen_not_lord_owen(client):
    q = {"a": {"query": "Owen", "properties": [{"pid": "office", "v": "Ambassador at Large"},
                                               {"pid": "date", "v": "1979"}]}}
    result = batch(client, q)["a"]["result"]
    assert result[0]["id"] == HENRY_OWEN and result[0]["match"] is True
    assert by_id(result)[DAVID_OWEN]["match"] is False


def test_the_same_office_out_of_its_dates_is_no_match(client):
    q = {"a": {"query": "Clark", "properties": [{"pid": "office", "v": "Deputy Secretary of State"},
                                                {"pid": "date", "v": "1975"}]}}
    assert not any(c["match"] for c in batch(client, q)["a"]["result"])


def test_a_surname_alone_is_never_a_match_and_a_unique_full_name_is(client):
    body = batch(client, {"a": {"query": "Clark"}, "b": {"query": "William P. Clark"}})
    assert not any(c["match"] for c in body["a"]["result"]) and len(body["a"]["result"]) == 5
    assert body["b"]["result"][0]["id"] == CLARK and body["b"]["result"][0]["match"] is True


def test_two_holders_of_one_office_in_one_year_leave_it_ambiguous(client):
    q = {"a": {"properties": [{"pid": "office", "v": "Deputy Secretary of State"}, {"pid": "date", "v": "1981"}]}}
    result = batch(client, q)["a"]["result"]
    assert CLARK in by_id(result) and len(result) >= 2          # Warren Christopher left in January 1981
    assert not any(c["match"] for c in result)


def test_countries_by_name_and_period_and_the_country_evidence_of_a_person(client):
    body = batch(client, {
        "ussr": {"query": "Soviet Union", "type": "country", "properties": [{"pid": "date", "v": "1981"}]},
        "owen": {"query": "Owen", "type": "person", "properties": [{"pid": "country", "v": "Sierra Leone"}]}})
    ussr = body["ussr"]["result"][0]
    assert ussr["id"] == "countries/soviet-union-1991" and ussr["match"] is True
    assert body["owen"]["result"][0]["name"] == "Michael S. Owen" and body["owen"]["result"][0]["match"] is True


@pytest.mark.parametrize("how", ["form", "get", "json"])
def test_a_batch_can_be_sent_as_form_query_string_or_json_body(client, how):
    result = batch(client, {"x": {"query": "William Patrick Clark", "limit": 1}}, how)["x"]["result"]
    assert [c["id"] for c in result] == [CLARK]


def test_an_id_or_a_variant_name_as_query_finds_the_entity(client):
    body = batch(client, {"id": {"query": HENRY_OWEN}, "hsg": {"query": "110192"},
                          "iri": {"query": "https://w3id.org/frus-kg/id/people/110192"},
                          "variant": {"query": "Henry Owen"}})
    assert {key: body[key]["result"][0]["id"] for key in body} == dict.fromkeys(body, HENRY_OWEN)
    assert body["id"]["result"][0]["match"] is True


def post_batch(server: str, queries: dict, how: str) -> dict:
    """A batch sent to the real server as OpenRefine sends it (form), as a GET, or as a JSON body; its result batch."""
    valid("reconciliation-query-batch", queries)
    if how == "json":
        r = httpx.post(server + "/reconcile", json={"queries": queries}, timeout=60)
    else:
        sent = {"queries": json.dumps(queries)}
        r = (httpx.post(server + "/reconcile", data=sent, timeout=60) if how == "form"
             else httpx.get(server + "/reconcile", params=sent, timeout=60))
    assert r.status_code == 200, r.text
    valid("reconciliation-result-batch", r.json())
    return r.json()


@pytest.mark.parametrize("how", ["form", "get", "json"])
def test_regression_one_query_of_an_unknown_type_refused_the_whole_batch(server, how):
    """A batch whose one query named a type the service has none of (`Q5`: a column typed for Wikidata) was a 400,
    and OpenRefine got no candidates for any row. The spec (0.2) lets a service restrict a query to the types it
    gives, and answers each query of a batch on its own: that query has no candidates, the others theirs."""
    queries = {"clark": {"query": "William Patrick Clark", "type": "person", "limit": 1},
               "other": {"query": "Clark", "type": "Q5"},
               "others": {"query": "Clark", "type": ["Q5", "https://example.org/Ship"]},
               "either": {"query": "William Patrick Clark", "type": ["Q5", "person"], "limit": 1}}
    found = {key: [c["id"] for c in answer["result"]] for key, answer in post_batch(server, queries, how).items()}
    assert found == {"clark": [CLARK], "other": [], "others": [], "either": [CLARK]}


@pytest.mark.parametrize("how", ["form", "get", "json"])
def test_regression_unknown_reconciliation_property_ids_refused_the_whole_batch(server, how):
    """A batch whose one query named a property the service does not know (`P569`, a column mapped for Wikidata) or a
    date it cannot read (`n.d.`) was a 400, and OpenRefine got no candidates for any row. The spec (0.2) leaves to the
    service how properties restrict and score, and answers each query on its own: that query keeps its candidates,
    scored by what the service can check, and none is a `match`, since a condition it asked for went unchecked."""
    office = [{"pid": "office", "v": "Deputy Secretary of State"}, {"pid": "date", "v": "1981"}]
    queries = {"known": {"query": "Clark", "type": "person", "properties": office},
               "unknown": {"query": "Clark", "type": "person", "properties": office + [{"pid": "P569", "v": "1931"}]},
               "undated": {"query": "Clark", "type": "person", "properties": [office[0], {"pid": "date", "v": "n.d."}]},
               "only": {"properties": [{"pid": "P569", "v": ["1931", {"id": "Q1"}]}]}}
    body = post_batch(server, queries, how)
    known, unknown, undated = (body[k]["result"][0] for k in ("known", "unknown", "undated"))
    assert known["id"] == unknown["id"] == undated["id"] == CLARK
    assert known["match"] is True and unknown["match"] is False and undated["match"] is False
    assert unknown["score"] == known["score"]
    assert features_of(unknown)["unchecked_properties"] == features_of(undated)["unchecked_properties"] == 1
    assert "unchecked_properties" not in features_of(known)
    assert body["only"] == {"result": []}


def test_a_property_whose_values_are_blank_is_no_condition(client):
    """A blank cell of a column sent as a property (`"v": ""`, `"v": [" "]`) says nothing to check: the query is
    answered as without it, where a blank date was a 400 for the batch, then an unchecked condition and no match."""
    office = [{"pid": "office", "v": "Deputy Secretary of State"}, {"pid": "date", "v": "1981"}]
    blank = [{"pid": "date", "v": ""}, {"pid": "P569", "v": [" "]}, {"pid": "country", "v": ""}]
    top = batch(client, {"c": {"query": "Clark", "type": "person", "properties": office + blank}})["c"]["result"][0]
    assert top["id"] == CLARK and top["match"] is True and "unchecked_properties" not in features_of(top)
    assert "country" not in features_of(top)


def test_regression_one_empty_query_refused_the_whole_batch(server):
    """`{"query": ""}` (an empty cell, which the spec's schema allows) made the batch a 400 ("needs 'query' or
    'properties'"), where a cell of spaces was answered with no candidates: it has none, and the rest are answered."""
    office = [{"pid": "office", "v": "Deputy Secretary of State"}, {"pid": "date", "v": "1981"}]
    body = post_batch(server, {"empty": {"query": ""}, "spaces": {"query": "   "},
                               "clark": {"query": "William Patrick Clark", "limit": 1},
                               "office": {"query": "", "properties": office}}, "form")
    assert body["empty"] == body["spaces"] == {"result": []}
    assert body["clark"]["result"][0]["id"] == CLARK and CLARK in [c["id"] for c in body["office"]["result"]]


def test_regression_the_columns_the_property_suggest_offers_were_no_evidence_in_a_query(client):
    """The property suggest offers the data extension's columns beside `office`, `date` and `country`, and OpenRefine's
    reconcile dialog lets a column be matched to them: a year of birth, an hsg-people, VIAF or Wikidata id was a 400
    for the whole batch, then unchecked. The ids and years are checked by equality, as evidence that tells namesakes
    apart; `offices` is `office`; `documents` and `description` stay unchecked."""
    office = {"pid": "offices", "v": "Deputy Secretary of State"}
    body = batch(client, {
        "born": {"query": "Clark", "type": "person", "properties": [{"pid": "birth_year", "v": "1931"}]},
        "not born": {"query": "Clark", "type": "person", "properties": [{"pid": "birth_year", "v": 1900}]},
        "hsg": {"query": "Clark", "properties": [{"pid": "hsg_people_id", "v": "102617"}]},
        "wikidata": {"query": "USSR", "properties": [{"pid": "wikidata", "v": "http://www.wikidata.org/entity/Q15180"}]},
        "offices": {"query": "Clark", "properties": [office, {"pid": "date", "v": "1981"}]},
        "documents": {"query": "Clark", "properties": [office, {"pid": "date", "v": "1981"}, {"pid": "documents", "v": "1"}]},
    })
    top = {key: answer["result"][0] for key, answer in body.items()}
    assert top["born"]["id"] == top["hsg"]["id"] == top["offices"]["id"] == top["documents"]["id"] == CLARK
    assert top["born"]["match"] and top["hsg"]["match"] and top["offices"]["match"] and top["wikidata"]["match"]
    assert features_of(top["born"])["birth_year"] is True and features_of(top["hsg"])["hsg_people_id"] is True
    assert top["wikidata"]["id"] == "countries/soviet-union-1991" and features_of(top["wikidata"])["wikidata"] is True
    clark = by_id(body["not born"]["result"])[CLARK]
    assert features_of(clark)["birth_year"] is False and not any(c["match"] for c in body["not born"]["result"])
    assert top["documents"]["match"] is False and features_of(top["documents"])["unchecked_properties"] == 1


@pytest.mark.parametrize("content_type, body", [
    ("application/x-www-form-urlencoded", b'{"q0": {"query": "Clark"}}'),       # curl -d with JSON: sent as a form
    ("text/plain", b'queries={"q0": {"query": "Clark"}}'), ("application/xml", b"<queries/>"),
])
def test_regression_a_batch_the_service_could_not_read_from_the_body_was_answered_with_the_manifest(server, content_type,
                                                                                                   body):
    """`curl -d '{"q0": …}' /reconcile` (JSON, sent as a form) and a body of another type got the manifest, a 200
    that a script took for an answer: they are a 400 saying what the body must be. An empty POST still reads the
    manifest."""
    r = httpx.post(server + "/reconcile", content=body, headers={"content-type": content_type}, timeout=60)
    assert r.status_code == 400, r.text
    assert r.json()["detail"].startswith("the request body: no field 'queries' or 'extend' in it"), r.text
    assert httpx.post(server + "/reconcile", timeout=60).json()["versions"] == ["0.2"]


def test_regression_a_batch_and_an_extension_sent_together_answered_the_batch_alone(client):
    r = client.post("/reconcile", data={"queries": json.dumps({"q0": {"query": "Clark"}}),
                                        "extend": json.dumps({"ids": [CLARK], "properties": [{"id": "documents"}]})})
    assert r.status_code == 400 and r.json()["detail"].startswith("queries: send a reconciliation batch or"), r.text


def test_malformed_batches_are_refused_with_400_and_oversized_with_413(client):
    assert client.post("/reconcile", data={"queries": "{not json"}).status_code == 400
    assert client.post("/reconcile", data={"queries": json.dumps({"a": {"limit": 3}})}).status_code == 400
    big = {str(i): {"query": "Clark"} for i in range(51)}
    assert client.post("/reconcile", data={"queries": json.dumps(big)}).status_code == 413


def test_suggest_entities_types_and_properties(client):
    entities = client.get("/reconcile/suggest/entity", params={"prefix": "kissin"}).json()
    valid("suggest-entities-response", entities)
    assert "Henry A. Kissinger" in [e["name"] for e in entities["result"]]
    by_identifier = client.get("/reconcile/suggest/entity", params={"prefix": CLARK}).json()
    assert by_identifier["result"][0]["id"] == CLARK
    types = client.get("/reconcile/suggest/type", params={"prefix": "co"}).json()
    valid("suggest-types-response", types)
    assert [t["id"] for t in types["result"]] == ["country"]
    props = client.get("/reconcile/suggest/property", params={"prefix": "off"}).json()
    valid("suggest-properties-response", props)
    assert {p["id"] for p in props["result"]} == {"office", "offices"}


def test_preview_is_a_small_card_with_offices_and_document_count(client):
    url = client.get("/reconcile").json()["preview"]["url"]
    r = client.get(url.replace("{{id}}", "people%2F102617"))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "William Patrick Clark" in r.text and "Deputy Secretary of State (1981-03-25 – 1982-02-09)" in r.text
    assert "1 FRUS document(s)" in r.text and "history.state.gov/historicaldocuments/frus1981-88v41/d54" in r.text
    assert client.get("/reconcile/preview", params={"id": "people/0"}).status_code == 404


def test_data_extension_columns_and_property_proposals(client):
    proposal = client.get("/reconcile/properties", params={"type": "person"}).json()
    valid("data-extension-property-proposal", proposal)
    assert {"offices", "hsg_people_id", "viaf", "wikidata", "documents", "birth_year"} <= {p["id"] for p in proposal["properties"]}
    query = {"ids": [CLARK, "countries/soviet-union-1991"],
             "properties": [{"id": "offices"}, {"id": "birth_year"}, {"id": "hsg_people_id"}, {"id": "pocom"},
                            {"id": "wikidata"}, {"id": "documents"}]}
    valid("data-extension-query", query)
    body = client.post("/reconcile", data={"extend": json.dumps(query)}).json()
    valid("data-extension-response", body)
    clark, ussr = body["rows"][CLARK], body["rows"]["countries/soviet-union-1991"]
    assert {"str": "Deputy Secretary of State (1981-03-25 – 1982-02-09) [POCOM]"} in clark["offices"]
    assert {"str": "Deputy Secretary of State (1981-10-26 – 1981-10-26) [heading of 1 FRUS document]"} in clark["offices"]
    assert clark["birth_year"] == [{"int": 1931}] and clark["hsg_people_id"] == [{"str": "102617"}]
    assert clark["pocom"] == [{"str": "https://history.state.gov/departmenthistory/people/clark-william-patrick"}]
    assert clark["documents"] == [{"int": 1}]
    assert ussr["wikidata"] == [{"str": "Q15180"}] and ussr["offices"] == []
    assert client.get("/reconcile", params={"extend": json.dumps({"ids": [CLARK], "properties": [{"id": "shoe"}]})}
                      ).status_code == 400


@pytest.mark.parametrize("asked", ["", "http://schema.org/", "Q5"])
def test_regression_openrefine_was_proposed_no_columns_for_a_column_reconciled_to_no_type(server, asked):
    """OpenRefine's "Add columns from reconciled values" asks `/properties?type=` with the type its column was
    reconciled against: nothing (`type=`) when none, the schema space in 3.5, another service's type when the column
    came from there. Each was a 400 and the dialog proposed nothing; a type the service has none of proposes every
    column."""
    r = httpx.get(server + "/reconcile/properties", params={"type": asked}, timeout=60)
    assert r.status_code == 200, r.text
    valid("data-extension-property-proposal", r.json())
    assert r.json()["type"] == asked
    proposed = [p["id"] for p in r.json()["properties"]]
    assert proposed == list(EXTEND_PROPERTIES) and {"offices", "gsh_id", "documents"} <= set(proposed)


@pytest.mark.parametrize("asked, kind", [("person", "person"), ("Person", "person"),
                                         ("https://w3id.org/frus-kg/id/country", "country")])
def test_property_proposals_for_a_type_the_service_has_are_its_columns(client, asked, kind):
    body = client.get("/reconcile/properties", params={"type": asked}).json()
    assert [p["id"] for p in body["properties"]] == [k for k, (_, _, kinds) in EXTEND_PROPERTIES.items() if kind in kinds]


@pytest.mark.parametrize("limit, expected", [(0, 0), (2, 2), (100, len(EXTEND_PROPERTIES))])
def test_regression_a_property_proposal_limit_of_0_proposed_everything_and_minus_1_all_but_the_last(client, limit,
                                                                                                     expected):
    """`limit=0` proposed every column and left the limit out of the answer; `limit=-1` proposed all but the last."""
    body = client.get("/reconcile/properties", params={"type": "Q5", "limit": limit}).json()
    valid("data-extension-property-proposal", body)
    assert len(body["properties"]) == expected and body["limit"] == limit
    r = client.get("/reconcile/properties", params={"type": "person", "limit": -1})
    assert r.status_code == 400 and r.json()["detail"] == "limit: a whole number of at least 0, not -1"


@pytest.mark.parametrize("asked, kinds", [("Country", set()), ("https://w3id.org/frus-kg/id/person", {"person"}),
                                          ("Q5", {"person"})])
def test_regression_entity_suggest_read_the_type_person_but_not_person_as_queries_do(client, asked, kinds):
    """`type=Country` suggested the people named Clark: only `country` restricted the suggestions, where queries read
    `Country` and `…/id/country` as it. Another service's type (`Q5`) is still ignored."""
    found = client.get("/reconcile/suggest/entity", params={"prefix": "Clark", "type": asked}).json()["result"]
    assert {n["id"] for e in found for n in e["notable"]} == kinds


@pytest.mark.parametrize("query, says", [
    ({"ids": [CLARK], "properties": ["birth_year"]}, "extend.properties: each member is an object with a string 'id', not \"birth_year\""),
    ({"ids": [CLARK], "properties": [{"name": "Year of birth"}]}, "extend.properties: each member is an object"),
    ({"ids": [102617], "properties": [{"id": "birth_year"}]}, "extend.ids: each an entity id as a string, not 102617"),
])
def test_regression_a_data_extension_query_off_the_specs_schema_was_answered_with_no_columns(client, query, says):
    """`"properties": ["birth_year"]` was a 200 with no column, `{"name": …}` "unknown ['None']", and an id 102617 a
    row keyed "102617": the spec's schema wants `ids` strings and `properties` objects with an `id`."""
    r = client.post("/reconcile", data={"extend": json.dumps(query)})
    assert r.status_code == 400 and r.json()["detail"].startswith(says), r.text


def test_regression_a_column_asked_twice_was_twice_in_the_extensions_meta(client):
    """`birth_year` asked twice (OpenRefine adds a property again with settings) was two meta entries for one value
    in each row; it is one. Ids that name no entity have a row of empty columns, as the spec wants a row per id."""
    query = {"ids": [CLARK, "people/0", "no such thing", ""],
             "properties": [{"id": "birth_year"}, {"id": "birth_year", "settings": {}}, {"id": "documents"}]}
    body = client.post("/reconcile", data={"extend": json.dumps(query)}).json()
    valid("data-extension-response", body)
    assert [m["id"] for m in body["meta"]] == ["birth_year", "documents"]
    assert body["rows"][CLARK] == {"birth_year": [{"int": 1931}], "documents": [{"int": 1}]}
    assert body["rows"]["people/0"] == body["rows"]["no such thing"] == body["rows"][""] == {"birth_year": [], "documents": []}


@pytest.mark.parametrize("dates", [[{"pid": "date", "v": ["1975", "1981"]}],
                                   [{"pid": "date", "v": "1981"}, {"pid": "date", "v": "1975"}]])
def test_regression_of_several_dates_only_the_first_value_or_the_last_property_counted(client, dates):
    """`"v": ["1975", "1981"]` was read as 1975 (the other value dropped), and two `date` properties as the last one:
    Clark, Deputy Secretary of State in 1981, was no match. Several dates are the period from the first to the last."""
    q = {"c": {"query": "Clark", "type": "person",
               "properties": [{"pid": "office", "v": "Deputy Secretary of State"}] + dates}}
    top = batch(client, q)["c"]["result"][0]
    assert top["id"] == CLARK and top["match"] is True and top["evidence"]["period"] == ["1975", "1981"]


def test_regression_the_office_property_the_suggest_lists_first_was_a_400_as_a_column(client):
    """OpenRefine's "Add columns" dialog finds properties with the property suggest, which lists `office` (query
    evidence) before `offices` (the column): picking it was a 400 "unknown ['office']" and no preview. It is the
    offices column, under the id asked."""
    query = {"ids": [CLARK], "properties": [{"id": "office"}]}
    body = client.post("/reconcile", data={"extend": json.dumps(query)}).json()
    valid("data-extension-response", body)
    assert body["meta"] == [{"id": "office", "name": "Offices"}]
    assert {"str": "Deputy Secretary of State (1981-03-25 – 1982-02-09) [POCOM]"} in body["rows"][CLARK]["office"]


def test_a_surname_and_a_year_alone_are_never_a_match(client):
    result = batch(client, {"a": {"query": "Kissinger", "properties": [{"pid": "date", "v": "1981"}]}})["a"]["result"]
    assert result[0]["name"] == "Henry A. Kissinger" and result[0]["match"] is False


def test_openrefine_round_trip_through_a_real_server(server):
    """As OpenRefine calls it: the manifest, a form-encoded batch, the preview card and an extension, over HTTP."""
    import httpx

    with httpx.Client(base_url=server, timeout=30) as http:
        manifest = http.get("/reconcile").json()
        valid("manifest", manifest)
        queries = {"q0": {"query": "Clark", "type": "person", "properties": [
            {"pid": "office", "v": "Deputy Secretary of State"}, {"pid": "date", "v": "1981"}]}}
        body = http.post("/reconcile", data={"queries": json.dumps(queries)}).json()
        valid("reconciliation-result-batch", body)
        top = body["q0"]["result"][0]
        assert top["id"] == CLARK and top["match"] is True
        card = http.get(manifest["preview"]["url"].replace("{{id}}", top["id"]))
        assert card.status_code == 200 and "William Patrick Clark" in card.text
        extend = {"ids": [top["id"]], "properties": [{"id": "documents"}]}
        rows = http.post("/reconcile", data={"extend": json.dumps(extend)}).json()
        valid("data-extension-response", rows)
        assert rows["rows"][CLARK]["documents"] == [{"int": 1}]


@pytest.mark.parametrize("query, kind, expected", [
    ("Dr. Kissinger", "person", "people/107252"), ("Secretary Vance", "person", None),
    ("USSR", "country", "countries/soviet-union-1991"), ("U.S.S.R.", "country", "countries/soviet-union-1991"),
])
def test_regression_the_name_forms_frus_prints_found_no_candidate(client, query, kind, expected):
    """A title before a surname ("Dr. Kissinger", "Secretary Vance") and the curated country names ("USSR") gave 0
    candidates: the title is tried without, and the gazetteer's names are the countries' alternate names."""
    result = batch(client, {"q": {"query": query, "type": kind}})["q"]["result"]
    assert result, query
    if expected:
        assert expected in [c["id"] for c in result]


@pytest.mark.parametrize("query", ["Kissinger (Secretary of State)", "Henry Kissinger [NSC]", "(Dr.) Henry Kissinger"])
def test_regression_a_name_with_an_aside_found_no_candidate(client, query):
    """A cell with an aside, as tables write them ("Kissinger (Secretary of State)"), gave no candidate, since a
    candidate's names must hold every word of the query: a query that names nothing is tried without its asides."""
    result = batch(client, {"k": {"query": query, "type": "person"}})["k"]["result"]
    assert result and result[0]["id"] == "people/107252"


@pytest.mark.parametrize("query, expected", [("Громыко", GROMYKO), ("Андрей Громыко", GROMYKO),
                                             ("Добрынин", "people/103539")])
def test_regression_a_name_in_cyrillic_found_nobody(client, query, expected):
    """The authorities write names in Latin letters ("Andreĭ Andreevich Gromyko"): "Громыко", typed from a Russian
    source, found no candidate and no suggestion. Cyrillic is romanized as English usage does before the lookup."""
    assert batch(client, {"q": {"query": query}})["q"]["result"][0]["id"] == expected
    suggested = client.get("/reconcile/suggest/entity", params={"prefix": query[:5]}).json()["result"]
    assert expected in [s["id"] for s in suggested]


def test_regression_an_ambassador_to_the_soviet_union_was_not_found_by_the_soviet_union(client):
    """POCOM names the post by today's country ("Ambassador … to Russia"); the Soviet Union's curated names include
    "Russia" for 1922-1991, so the country evidence holds for Toon in 1978."""
    q = {"t": {"query": "Toon", "type": "person", "properties": [{"pid": "country", "v": "Soviet Union"},
                                                               {"pid": "date", "v": "1978"}]}}
    top = batch(client, q)["t"]["result"][0]
    features = {f["id"]: f["value"] for f in top["features"]}
    assert top["name"].startswith("Malcolm") and features["country"] is True and top["match"] is True


@pytest.mark.parametrize("country", [{"id": "countries/soviet-union-1991"}, "countries/soviet-union-1991",
                                     {"id": "https://w3id.org/frus-kg/id/countries/soviet-union-1991", "name": "USSR"},
                                     {"id": "soviet-union-1991", "name": "Soviet Union (1922-1991)"}])
def test_regression_a_country_given_by_its_id_was_no_evidence(client, country):
    """A country column reconciled against this service is sent as its id (`{"id": "countries/soviet-union-1991"}`,
    the spec's reconciled value, whose `name` is optional): Toon had `country` false and no match, where the name
    "Soviet Union" gave him both. The docs said a country by name or id."""
    q = {"t": {"query": "Toon", "type": "person", "properties": [{"pid": "country", "v": country},
                                                               {"pid": "date", "v": "1978"}]}}
    top = batch(client, q)["t"]["result"][0]
    assert top["name"].startswith("Malcolm") and features_of(top)["country"] is True and top["match"] is True


@pytest.mark.parametrize("limit", [-1, 0, "2", 1.5, True])
def test_regression_a_limit_that_is_not_a_whole_number_of_at_least_one_was_accepted(client, limit):
    r = client.post("/reconcile", json={"queries": {"a": {"query": "Clark", "limit": limit}}})
    assert r.status_code == 400 and "limit" in r.json()["detail"]


DEEP = "[" * 50_000 + "]" * 50_000


@pytest.mark.parametrize("how,field", [("body", "request body"), ("queries", "queries"), ("extend", "extend"),
                                       ("get", "queries")])
def test_regression_deeply_nested_json_was_a_500_with_a_traceback(client, how, field):
    """json.loads overflowed Python's recursion limit; a batch nests a few levels, so deep JSON is a 400 naming the field."""
    if how == "body":
        r = client.post("/reconcile", content=DEEP.encode(), headers={"content-type": "application/json"})
    elif how == "get":
        r = client.get("/reconcile", params={"queries": "[" * 3000 + "]" * 3000})
    else:
        r = client.post("/reconcile", data={how: DEEP})
    assert r.status_code == 400, r.text
    assert field in r.json()["detail"] and "nests deeper" in r.json()["detail"]
    shallow_but_deep = {"q": {"query": "Clark", "properties": [{"pid": "office", "v": [[[[[[[[[["x"]]]]]]]]]] * 10}]}}
    nested = json.dumps(shallow_but_deep).replace('"x"', "[" * 40 + '"x"' + "]" * 40)
    assert client.post("/reconcile", data={"queries": nested}).status_code == 400


def test_regression_reconcile_ignored_the_body_limit(client):
    """The server's body limit (1 MiB by default, docs/http.md) holds here as on /sparql: 413 before anything parses
    the body, where a 5 MB JSON body was read and answered and an oversized form field was a 400."""
    huge = json.dumps({"q": {"query": "x" * 5_000_000}})
    as_json = client.post("/reconcile", content=huge.encode(), headers={"content-type": "application/json"})
    assert as_json.status_code == 413 and "larger than 1,048,576 bytes" in as_json.json()["detail"]
    assert client.post("/reconcile", data={"queries": huge}).status_code == 413
    assert client.post("/reconcile", data={"extend": "x" * 1_100_000}).status_code == 413
    assert client.post("/reconcile", files={"queries": (None, huge)}).status_code == 413
    under = json.dumps({"q": {"query": "Clark", "type": "person"}}) + " " * 900_000
    assert client.post("/reconcile", data={"queries": under}).status_code == 200
    multipart = client.post("/reconcile", files={"queries": (None, json.dumps({"q": {"query": "Clark"}}))})
    assert multipart.status_code == 200 and multipart.json()["q"]["result"]


def test_regression_one_entity_under_two_ids_listed_each_office_twice(client):
    """`people/102617` and `102617` name one person; both rows list each of his offices once."""
    one = client.post("/reconcile", data={"extend": json.dumps({"ids": [CLARK], "properties": [{"id": "offices"}]})})
    alone = one.json()["rows"][CLARK]["offices"]
    assert alone and len({o["str"] for o in alone}) == len(alone)
    both = client.post("/reconcile", data={"extend": json.dumps({"ids": [CLARK, "102617", BASE_IRI + CLARK],
                                                                 "properties": [{"id": "offices"}, {"id": "documents"}]})})
    rows = both.json()["rows"]
    assert [row["offices"] for row in rows.values()] == [alone] * 3
    assert len({json.dumps(row["documents"]) for row in rows.values()}) == 1


@pytest.mark.parametrize("folded", ["115318", "people/115318", BASE_IRI + "people/115318"])
def test_regression_a_folded_hsg_people_id_resolved_nowhere_in_reconciliation(client, folded):
    """115318 is a duplicate record folded into 102617 (docs/entities.md); /people/115318 resolves, and so does
    reconciliation now: the answers name the canonical record, people/102617."""
    top = batch(client, {"q": {"query": folded}})["q"]["result"][0]
    assert top["id"] == CLARK and top["match"] is True
    extended = client.post("/reconcile", data={"extend": json.dumps({"ids": [folded], "properties": [
        {"id": "hsg_people_id"}, {"id": "offices"}]})}).json()["rows"][folded]
    assert extended["hsg_people_id"] == [{"str": "102617"}] and extended["offices"]
    card = client.get("/reconcile/preview", params={"id": folded})
    assert card.status_code == 200 and f"<code>{CLARK}</code>" in card.text
    suggested = client.get("/reconcile/suggest/entity", params={"prefix": folded}).json()["result"]
    assert suggested[0]["id"] == CLARK


@pytest.mark.parametrize("kind", ["entity", "type", "property"])
def test_regression_a_negative_suggest_cursor_gave_results_from_the_end_of_the_list(client, kind):
    r = client.get(f"/reconcile/suggest/{kind}", params={"prefix": "a", "cursor": -5})
    assert r.status_code == 400 and "cursor" in r.json()["detail"]
    assert client.get(f"/reconcile/suggest/{kind}", params={"prefix": "a", "cursor": 0}).status_code == 200


@pytest.mark.parametrize("query", [5, 0, None, ["Clark"], {"name": "Clark"}, True])
def test_regression_a_query_that_is_not_a_string_gave_an_empty_result(client, query):
    """The spec's schema makes `query` a string; `"query": 5` was looked up as the name "5" and answered []."""
    r = client.post("/reconcile", json={"queries": {"a": {"query": query, "properties": [{"pid": "date", "v": "1981"}]}}})
    assert r.status_code == 400 and ": a string, not" in r.json()["detail"]


KISSINGER = "people/107252"


@pytest.mark.parametrize("typed", ["Henry Kissinger", "henry kiss", "h kissinger", "Kissinger, H", "kissinger henry a"])
def test_regression_suggest_found_kissinger_only_by_the_start_of_one_of_his_names(client, typed):
    """"Henry A. Kiss" found him and "Henry Kissinger" did not: a name had to start with what was typed. Now each
    typed word may begin any word of one name, in any order."""
    found = client.get("/reconcile/suggest/entity", params={"prefix": typed}).json()
    valid("suggest-entities-response", found)
    assert KISSINGER in [e["id"] for e in found["result"]]


def test_suggest_lists_names_that_start_with_the_text_before_names_whose_words_it_begins(client):
    def ids(prefix, cursor=0):
        return [e["id"] for e in client.get("/reconcile/suggest/entity", params={"prefix": prefix, "cursor": cursor}).json()["result"]]

    assert ids("Henry Kissinger")[0] == KISSINGER
    assert ids("patrick clark") == [CLARK]            # no name starts so: found by its words alone
    mixed = ids("clark w")          # four people have a name starting "clark w" ("Clark, William Patrick"), as before
    names = {e: client.get("/reconcile/suggest/entity", params={"prefix": e}).json()["result"][0]["name"] for e in mixed}
    # the sample's memo mentions William Patrick Clark: first of the four; the others by the volumes whose persons
    # lists describe them (2, 2, 0), then label; then the names whose words the text begins (33, 8 volumes)
    assert [names[e] for e in mixed[:6]] == ["William Patrick Clark", "Warren Clark, Jr.", "William L. Clark",
                                             "William Clark, Jr.", "Samuel Clark Waugh", "Mark Wayne Clark"]
    assert mixed[5:] == ids("clark w", 5)[:5]         # the cursor pages through both parts as one list


def test_regression_suggest_on_the_sample_store_gave_kissner_before_kissinger(client):
    """The sample's memo mentions none of them, so the documents left the label to decide: August W. Kissner first.
    The persons lists of 80 FRUS volumes describe Kissinger, 3 Kissner (fk:personsListVolumes)."""
    found = client.get("/reconcile/suggest/entity", params={"prefix": "kiss"}).json()["result"]
    assert [e["name"] for e in found][:2] == ["Henry A. Kissinger", "Yevgeniy Dmitrievich Kiselev"]


@pytest.mark.parametrize("encode", [lambda i: quote(i, safe=""), lambda i: i], ids=["as a URI component", "as it is"])
def test_regression_the_manifests_view_opened_the_preview_card_not_the_entitys_page(server, encode):
    """`view.url` was the 400×240 preview card; it is the entity's page, `preview` keeps the card."""
    import httpx

    manifest = httpx.get(server + "/reconcile").json()
    valid("manifest", manifest)
    assert manifest["view"]["url"] == server + "/{{id}}"
    assert manifest["preview"]["url"] == server + "/reconcile/preview?id={{id}}"
    page = httpx.get(manifest["view"]["url"].replace("{{id}}", encode(CLARK)), timeout=30,
                     headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<h1>William Patrick Clark</h1>" in page.text and 'href="/network?entity=' in page.text


def features_of(candidate: dict) -> dict:
    return {f["id"]: f["value"] for f in candidate["features"]}


@pytest.mark.parametrize("surname, principal, namesakes", [
    ("Gromyko", GROMYKO, [LYDIA_GROMYKO]), ("Nixon", "people/109882", ["people/109881", "people/109883"])])
def test_regression_a_surname_scored_the_principal_figure_and_his_family_equally(client, surname, principal, namesakes):
    """"Gromyko" scored Andrei and his wife Lydia 30 each, and "Nixon" put Patricia before Richard M. Nixon (by name):
    nothing in the sample store tells them apart but how many FRUS volumes' persons lists describe each (121 and 1;
    133, 1 and 2). The principal figure comes first with the higher score, and a surname alone is still no match."""
    result = batch(client, {"q": {"query": surname, "type": "person"}})["q"]["result"]
    found = by_id(result)
    assert result[0]["id"] == principal and not any(c["match"] for c in result)
    assert all(found[principal]["score"] > found[n]["score"] for n in namesakes)
    assert all(features_of(found[principal])["persons_lists"] > features_of(found[n])["persons_lists"] >= 1
               for n in namesakes)
    assert features_of(found[principal])["surname_only"] is True and features_of(found[principal])["documents"] == 0
    assert "in the persons lists of 121 FRUS volumes" in by_id(batch(client, {"q": {"query": "Gromyko"}})["q"]["result"])[
        GROMYKO]["description"]


@pytest.fixture(scope="module")
def listed(tmp_path_factory):
    """The sample and a slice of frus1964-68v12, whose persons list describes Gromyko, Rusk and Clark Clifford."""
    from api import create_app
    from graph import open_store
    from ingest import ingest_corpus
    from ingest.authorities.rdf import ensure_authority_graphs

    path = tmp_path_factory.mktemp("listed") / "store"
    db = open_store(path)
    ensure_authority_graphs(db)
    ingest_corpus([ROOT / "examples" / "frus1981-88v41-d54.txt",
                   ROOT / "tests" / "fixtures" / "tei" / "frus1964-68v12-foreign-minister.xml"], db, workers=0)
    db.close()
    return TestClient(create_app(open_store(path, read_only=True)))


def test_the_offices_column_holds_every_office_the_store_knows_labelled_by_where_it_is_recorded(listed):
    """The offices column listed POCOM posts and FRUS headings only: a Soviet Foreign Minister had none. It now
    holds the posts the hsg-people remark dates and what the persons lists of the volumes in the store say, dated
    by the volume where the list gives no date."""
    query = {"ids": [GROMYKO, RUSK, "people/102663"], "properties": [{"id": "offices"}]}
    body = listed.post("/reconcile", data={"extend": json.dumps(query)}).json()
    valid("data-extension-response", body)
    offices = {key: [o["str"] for o in row["offices"]] for key, row in body["rows"].items()}
    assert offices[GROMYKO] == ["Soviet Ambassador in the United States (1943 – 1946) [hsg-people]",
                                "Soviet Foreign Minister (1964 – 1968) [persons list of frus1964-68v12]"]
    assert {"Secretary of State (1961-01-21 – 1969-01-20) [POCOM]",
            "Secretary of State (1964 – 1968) [persons list of frus1964-68v12]"} <= set(offices[RUSK])
    assert offices["people/102663"] == ["Secretary of Defense (1968-03-01 –) [persons list of frus1964-68v12]"]
    card = listed.get("/reconcile/preview", params={"id": GROMYKO}).text
    assert "Soviet Foreign Minister (1964 – 1968) [persons list of frus1964-68v12]" in card


def test_a_persons_lists_office_at_the_date_is_evidence_that_tells_namesakes_apart(listed):
    q = {"q": {"query": "Gromyko", "properties": [{"pid": "office", "v": "Soviet Foreign Minister"},
                                                   {"pid": "date", "v": "1966"}]}}
    result = batch(listed, q)["q"]["result"]
    assert result[0]["id"] == GROMYKO and [c["id"] for c in result if c["match"]] == [GROMYKO]
    (office,) = result[0]["evidence"]["offices_at_date"]
    assert office == {"name": "Soviet Foreign Minister", "start": "1964", "end": "1968", "source": "persons-list",
                      "documents": 0, "volumes": ["frus1964-68v12"]}


def test_regression_the_preview_card_could_not_be_framed_by_openrefine(server):
    """OpenRefine shows the preview card in an iframe from its own origin; the card carried the pages'
    `frame-ancestors 'none'`, so browsers showed an error in its place. It lets any page frame it, and runs nothing."""
    import httpx

    for ident, status in ((CLARK, 200), ("people/0", 404)):
        r = httpx.get(server + "/reconcile/preview", params={"id": ident}, timeout=30)
        assert r.status_code == status
        policy = dict(d.strip().split(" ", 1) for d in r.headers["content-security-policy"].split(";"))
        assert policy["frame-ancestors"] == "*", policy
        assert policy["default-src"] == "'none'" and "script-src" not in policy
    page = httpx.get(server + "/people/102617", headers={"Accept": "text/html"}, timeout=30)
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]      # the pages stay unframeable


@pytest.fixture(scope="module")
def mentioned(tmp_path_factory):
    """The sample and a slice of frus1969-76v01 (Nixon, Kissinger, the NSC), with the statistics `frus-kg index`
    writes: how many documents mention each entity."""
    from api import create_app
    from graph import open_store
    from graph.statistics import refresh_statistics
    from ingest import ingest_corpus
    from ingest.authorities.rdf import ensure_authority_graphs

    path = tmp_path_factory.mktemp("mentioned") / "store"
    db = open_store(path)
    ensure_authority_graphs(db)
    ingest_corpus([ROOT / "examples" / "frus1981-88v41-d54.txt",
                   ROOT / "tests" / "fixtures" / "tei" / "frus1969-76v01-slice.xml"], db, workers=0)
    refresh_statistics(db)
    db.close()
    return TestClient(create_app(open_store(path, read_only=True)))


def suggested(client, prefix: str, cursor: int = 0) -> list[dict]:
    r = client.get("/reconcile/suggest/entity", params={"prefix": prefix, "cursor": cursor})
    valid("suggest-entities-response", r.json())
    return r.json()["result"]


def test_regression_suggest_gave_kissick_and_kiselev_before_kissinger(mentioned):
    """"kiss" listed Kissick, Kiselev, Kissinger, Kissner: by name. The most mentioned come first (Kissinger is in
    5 of the store's 9 documents), then those most volumes' persons lists describe (Kiselev 5, Kissner 3, Kissick 1),
    then by label; a name that is the text itself still comes first ("nix" is Robert N.C. Nix's family name, Nixon is
    in 8 documents)."""
    assert [e["name"] for e in suggested(mentioned, "kiss")] == [
        "Henry A. Kissinger", "Yevgeniy Dmitrievich Kiselev", "August W. Kissner", "Harold G. Kissick"]
    assert [e["name"] for e in suggested(mentioned, "nix")][:3] == ["Robert N.C. Nix, Sr.", "Richard M. Nixon",
                                                                    "Robert Nixon"]          # 2 volumes; Nix-Hines 0
    assert suggested(mentioned, "nixon")[0]["name"] == "Richard M. Nixon"     # by IRI, Patricia was first of three
    assert [e["name"] for e in suggested(mentioned, "united")][:4] == [          # 8, 3 and 3 documents, 2
        "United States", "United Kingdom", "United States Congress", "United Nations"]


@pytest.mark.parametrize("prefix", ["un", "clark", "sov"])
def test_regression_suggest_pages_repeated_the_entity_whose_id_was_typed_and_lost_a_match(mentioned, prefix):
    """"un" is the United Nations' id as well as its name: every page began with it again, and the match it pushed
    off page 1 was on no page. The pages are one list: the id's entity, then the matches as one long page has them."""
    from api.reconcile import entity_id, entity_iri
    from graph.name_index import name_index

    pages = []
    for cursor in range(0, 1000, 10):           # a page that is never empty (the id's entity on each) ends here
        if not (page := [e["id"] for e in suggested(mentioned, prefix, cursor)]):
            break
        pages += page
    index = name_index(mentioned.app.state.store)
    typed = [entity_id(entity_iri(index, prefix))] if entity_iri(index, prefix) else []
    listing = typed + [i for i in (entity_id(e.iri) for e in index.prefix(prefix, limit=10_000)) if i not in typed]
    assert len(pages) == len(set(pages)) and pages == listing and len(pages) > 10


def test_the_previews_404_names_the_id_or_says_it_is_empty(server):
    import httpx

    for ident, said in (("people/0", "No entity people/0 in this store."), (" ", "No entity: the id is empty.")):
        r = httpx.get(server + "/reconcile/preview", params={"id": ident}, timeout=30)
        assert r.status_code == 404 and said in r.text and "<title>Not found · frus-kg</title>" in r.text


def test_regression_three_countries_named_egypt_were_told_apart_by_nothing(server):
    """Suggest, candidates and the preview card gave the three Egypt records (1882–1922, 1922–1958, since 1971) the
    same name and an empty description, so an OpenRefine user picked one blind, and "Germany" had four. A country's
    years as named (its `fk:validSince`, `fk:validUntil`) are now its description's first words."""
    import httpx

    with httpx.Client(base_url=server, timeout=30) as http:
        found = http.get("/reconcile/suggest/entity", params={"prefix": "egypt", "type": "country"}).json()
        valid("suggest-entities-response", found)
        years = {s["id"]: s["description"] for s in found["result"] if s["name"] == "Egypt"}
        assert years == {"countries/egypt": "since 1971", "countries/egypt-1922": "1882\u20131922",
                         "countries/egypt-1958": "1922\u20131958"}
        answer = http.post("/reconcile", data={"queries": json.dumps({"q": {"query": "Egypt", "type": "country"}})}).json()
        valid("reconciliation-result-batch", answer)
        described = {c["id"]: c["description"] for c in answer["q"]["result"]}
        assert described["countries/egypt-1958"].startswith("1922\u20131958 · ")
        assert len(set(described.values())) == len(described)
        card = http.get("/reconcile/preview", params={"id": "countries/egypt-1958"}).text
        assert "<p>1922\u20131958</p>" in card


def test_regression_henry_kissinger_was_never_a_match_where_hsg_people_lists_kissinger_henry(server):
    """hsg-people lists Kissinger as "Henry A. Kissinger" and, in index form, "Kissinger, Henry": a spreadsheet's
    "Henry Kissinger" had the best name score (1.0) and no rival, but was not the name exactly, so no `match`, and
    OpenRefine matched none of "Henry Kissinger", "Richard Nixon", "Alexander Haig" while "Dean Rusk", which
    hsg-people happens to list in reading order, matched. An index form is a name in reading order too; namesakes
    that share it ("William Clark") still match nobody."""
    import httpx

    names = {"Henry Kissinger": "people/107252", "Richard Nixon": "people/109882", "Alexander Haig": "people/105381",
             "Dean Rusk": RUSK, "William Clark": None}
    queries = {f"q{i}": {"query": name, "type": "person"} for i, name in enumerate(names)}
    answer = httpx.post(server + "/reconcile", data={"queries": json.dumps(queries)}, timeout=60).json()
    valid("reconciliation-result-batch", answer)
    matched = {name: next((c["id"] for c in answer[f"q{i}"]["result"] if c["match"]), None)
               for i, name in enumerate(names)}
    assert matched == names


def test_regression_a_column_of_surnames_gave_clark_m_clifford_for_clark(server):
    """"Clark" scored Clark M. Clifford as a namesake (his "Clark Clifford" shares half its words, as "William Clark"
    does with the family name), and the persons lists that describe the Secretary of Defense put him above every
    Clark. A one-word query is a family name, as FRUS prints people: a person whose given name it is ranks below
    them all, still listed."""
    import httpx

    queries = {"q": {"query": "Clark", "type": "person", "limit": 100}}
    answer = httpx.post(server + "/reconcile", data={"queries": json.dumps(queries)}, timeout=60).json()
    valid("reconciliation-result-batch", answer)
    names = [c["name"] for c in answer["q"]["result"]]
    clifford = names.index("Clark M. Clifford")
    assert clifford > 0 and all(n.split()[-1].rstrip(",") == "Clark" or "Clark," in n for n in names[:clifford]), names
    assert all(c["score"] < 30 for c in answer["q"]["result"][clifford:])
