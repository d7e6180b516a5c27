"""Linksets out: VoID per target with counts from the store, and the CSV crosswalks."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

VOID = "http://rdfs.org/ns/void#"
DCT = "http://purl.org/dc/terms/"
BASE = "https://w3id.org/frus-kg/id/"


@pytest.fixture(scope="module")
def client(sample_store_path):
    from api import create_app
    from graph import open_store

    return TestClient(create_app(open_store(sample_store_path, read_only=True)))


def triples_count(turtle: bytes, linkset: str) -> int:
    g = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
    return next(int(t.object.value) for t in g if t.subject.value == linkset and t.predicate.value == VOID + "triples")


def viaf_links() -> int:
    """The VIAF links the people graph holds, counted from the bundled authority data: each record's own id, and a
    folded record's id again on the record it is folded into, where that record has another or none (session 57)."""
    from ingest.authorities import authorities
    people = authorities().people
    own = sum(1 for p in people.values() if p.viaf)
    carried = sum(1 for p in people.values() for dup in p.duplicates if people[dup].viaf and people[dup].viaf != p.viaf)
    assert (own, carried) == (725, 35)          # 35 of them from the leaders' visits' records folded in session 57
    return own + carried


def test_every_linkset_is_described_in_void_with_its_count(client):
    r = client.get("/linksets")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert triples_count(r.content, BASE + "linksets/viaf/exactMatch") == viaf_links()
    assert triples_count(r.content, BASE + "linksets/wikidata/exactMatch") == 212
    assert triples_count(r.content, BASE + "linksets/pocom/exactMatch") > 3000
    assert triples_count(r.content, BASE + "linksets/history-state-gov/url") >= 1
    assert f"<{BASE}void> <{VOID}subset>" in client.get("/linksets?format=nt").text


def test_one_target_and_an_unknown_one(client):
    r = client.get("/linksets/wikidata", headers={"Accept": "application/n-triples"})
    assert r.headers["content-type"].startswith("application/n-triples")
    assert "linksets/wikidata/exactMatch" in r.text and "linksets/viaf" not in r.text
    assert client.get("/linksets/imdb").status_code == 404


def test_crosswalk_csv_for_people_and_countries(client):
    people = list(csv.DictReader(io.StringIO(client.get("/crosswalk.csv", params={"kind": "person"}).text)))
    clark = next(r for r in people if r["iri"] == BASE + "people/102617")
    assert (clark["label"], clark["hsg_id"], clark["pocom_id"]) == ("William Patrick Clark", "102617", "clark-william-patrick")
    countries = list(csv.DictReader(io.StringIO(client.get("/crosswalk.csv?kind=country").text)))
    assert next(r for r in countries if r["hsg_id"] == "soviet-union-1991")["wikidata"] == "Q15180"
    assert client.get("/crosswalk.csv?kind=ship").status_code == 400


def test_the_lcsh_linkset_counts_the_subjects_of_todays_encoding(store):
    from graph import linksets
    from ingest.tei_reader import read_tei
    from ingest.triples import document_graph

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "subjects" / "frus1981-88v41-d54-today.xml"
    data = document_graph(next(iter(read_tei(fixture))))
    store.replace_graphs({data.graph: data.quads()})
    assert linksets.linkset_counts(store, linksets.TARGETS["lcsh"]) == {
        "http://purl.org/dc/terms/subject": 1,                       # the document
        "http://www.w3.org/2004/02/skos/core#exactMatch": 1}         # its taxonomy heading


def _licences(server: str, path: str) -> tuple[dict[str, set[str]], dict[str, str], set[str]]:
    """(licences by subject, rights sentences by subject, the dataset's subsets) of a VoID description."""
    r = httpx.get(server + path, headers={"accept": "application/n-triples"}, timeout=60)
    triples = list(ox.parse(r.content, format=ox.RdfFormat.N_TRIPLES))
    licences: dict[str, set[str]] = {}
    for t in triples:
        if t.predicate.value == DCT + "license":
            licences.setdefault(t.subject.value, set()).add(t.object.value)
    rights = {t.subject.value: t.object.value for t in triples if t.predicate.value == DCT + "rights"}
    return licences, rights, {t.object.value for t in triples if t.predicate.value == VOID + "subset"}


def test_regression_the_linksets_void_said_nothing_of_the_terms_of_reuse(server):
    """/.well-known/void stated the licences of the dataset and its parts; /linksets, the VoID of the same dataset's
    links, stated none. The dataset states the same there, and each linkset the terms of where its links come from:
    the Office of the Historian's (public domain), or rigour's Wikidata identifiers of the countries (MIT)."""
    from graph.dataset_licences import MIT, PUBLIC_DOMAIN

    licences, rights, linksets = _licences(server, "/linksets")
    void_licences, void_rights, _ = _licences(server, "/.well-known/void")
    dataset = BASE + "void"
    assert licences[dataset] == void_licences[dataset] == {PUBLIC_DOMAIN, MIT} and rights[dataset] == void_rights[dataset]
    assert linksets and linksets <= set(licences), linksets - set(licences)
    for linkset in linksets:
        mit = "/linksets/wikidata/" in linkset
        assert licences[linkset] == ({MIT} if mit else {PUBLIC_DOMAIN}), linkset
        assert ("OpenSanctions" if mit else "Office of the Historian") in rights[linkset], linkset
    assert _licences(server, "/linksets/viaf")[0][BASE + "linksets/viaf/exactMatch"] == {PUBLIC_DOMAIN}


def test_every_target_has_its_terms():
    """A target added to graph/linksets.py without its terms would be described with none."""
    from graph import linksets
    from graph.dataset_licences import linkset_licence_triples

    subsets = [ox.Triple(ox.NamedNode(BASE + "void"), ox.NamedNode(VOID + "subset"),
                         ox.NamedNode(f"{t.linkset_iri}/exactMatch")) for t in linksets.TARGETS.values()]
    stated = {t.subject.value for t in linkset_licence_triples(subsets) if t.predicate.value == DCT + "license"}
    assert stated == {BASE + "void", *(s.object.value for s in subsets)}


@pytest.mark.parametrize("path", ["/linksets", "/linksets/viaf"])
def test_regression_an_unknown_format_got_turtle_instead_of_400(client, path):
    """`/id/…?format=bogus` is a 400; the linksets answered 200 Turtle. Known names and media types still choose."""
    for bogus in ("bogus", "nquads", "csv"):
        r = client.get(path, params={"format": bogus})
        assert r.status_code == 400 and r.text.startswith("format: one of ttl"), (bogus, r.status_code)
        assert r.headers["content-type"].startswith("text/plain")
    assert client.get(path, params={"format": "jsonld"}).headers["content-type"].startswith("application/ld+json")
    assert client.get(path, params={"format": "application/rdf+xml"}).headers["content-type"].startswith(
        "application/rdf+xml")


@pytest.mark.parametrize("path, name", [("/linksets?fromat=nt", "fromat"), ("/linksets/viaf?target=wikidata", "target"),
                                        ("/crosswalk.csv?knd=country", "knd")])
def test_regression_links_out_answered_a_parameter_they_do_not_read_as_if_it_were_not_there(client, path, name):
    """`/crosswalk.csv?knd=country` gave the people's crosswalk; a parameter these routes do not read is a 400."""
    r = client.get(path)
    assert r.status_code == 400 and f"{name}: unknown parameter" in r.text


@pytest.mark.parametrize("path, plural, singular", [
    ("/crosswalk.csv", {"kind": "countries"}, {"kind": "country"}),
    ("/crosswalk.csv", {"kind": "people"}, {"kind": "person"}),
    ("/crosswalk.csv", {"kind": "organizations"}, {"kind": "organization"}),
    ("/search", {"q": "clark", "kind": "people"}, {"q": "clark", "kind": "person"}),
    ("/search", {"q": "salvador", "kind": ["countries", "documents"]}, {"q": "salvador", "kind": ["country", "document"]}),
    ("/network", {"kind": "co-mention", "entity_kind": "countries"}, {"kind": "co-mention", "entity_kind": "country"}),
])
def test_regression_a_kind_given_in_the_plural_of_its_route_was_a_400(server, path, plural, singular):
    """`/crosswalk.csv?kind=countries` (the plural of /countries and of the answers' `"kind": "countries"`) was a 400
    asking for `country`; /search's `kind` and /network's `entity_kind` too. The plural reads as the singular."""
    def answer(params: dict) -> httpx.Response:
        return httpx.get(server + path, params=params, headers={"accept": "application/json"}, timeout=60)

    given, documented = answer(plural), answer(singular)
    assert given.status_code == 200, given.text
    if path == "/crosswalk.csv":
        assert given.text == documented.text and given.headers["content-disposition"] == documented.headers[
            "content-disposition"]
    else:
        assert {k: v for k, v in given.json().items() if k not in ("id", "next")} == {
            k: v for k, v in documented.json().items() if k not in ("id", "next")}


@pytest.mark.parametrize("path, params, accepted", [
    ("/crosswalk.csv", {"kind": "ships"}, "person, country, organization (or people, countries, organizations)"),
    ("/search", {"q": "clark", "kind": "ships"}, "document, claim, person, country, organization, volume (or people, "),
])
def test_an_unknown_kind_is_a_400_naming_the_singulars_and_plurals_accepted(server, path, params, accepted):
    r = httpx.get(server + path, params=params, headers={"accept": "application/problem+json"})
    assert r.status_code == 400 and accepted in r.json()["detail"]


def test_regression_the_country_crosswalk_listed_three_egypts_with_nothing_to_tell_them_apart(server):
    """`/crosswalk.csv?kind=country`, the file linking.md sends through OpenRefine to Wikidata, gave "Egypt" three
    times (and "Abyssinia" twice) with empty `birth` and `death` and no other dates: nothing for a reconciliation
    against Wikidata to go on. Two more columns give a country's years as named; a person's stay empty."""
    import httpx

    text = httpx.get(server + "/crosswalk.csv", params={"kind": "country"}, timeout=60).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert text.splitlines()[0].endswith(",birth,death,valid_since,valid_until")
    egypts = {r["hsg_id"]: (r["valid_since"], r["valid_until"]) for r in rows if r["label"] == "Egypt"}
    assert egypts == {"egypt": ("1971", ""), "egypt-1922": ("1882", "1922"), "egypt-1958": ("1922", "1958")}
    people = list(csv.DictReader(io.StringIO(httpx.get(server + "/crosswalk.csv", timeout=60).text)))
    clark = next(r for r in people if r["hsg_id"] == "102617")
    assert (clark["birth"], clark["valid_since"], clark["valid_until"]) == ("1931", "", "")
