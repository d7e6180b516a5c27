"""`/.well-known/void` serves the store's real counts, read from the VoID layer, fresh after a re-ingest."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
import pyoxigraph as ox

from graph.dataset_licences import MIT, PUBLIC_DOMAIN
from graph.layer_graphs import is_layer_graph
from graph.linksets import DATASET_IRI
from ontology.namespaces import BASE, FK, SCHEMA
from tests.api.conftest import declared_prefixes_unused

ROOT = Path(__file__).resolve().parents[2]
SLICE = ROOT / "tests/fixtures/tei/frus1948v05p1-slice.xml"
VOID = "http://rdfs.org/ns/void#"
SD = "http://www.w3.org/ns/sparql-service-description#"
SOURCE = "http://purl.org/dc/terms/source"


def served(base: str) -> dict:
    """The served VoID as plain counts: total, per class, per property, per named graph, per volume."""
    r = httpx.get(base + "/.well-known/void", headers={"accept": "text/turtle"}, timeout=60)
    assert r.status_code == 200, r.text
    triples = list(ox.parse(r.content, format=ox.RdfFormat.TURTLE))
    about: dict[str, dict[str, str]] = {}
    for t in triples:
        about.setdefault(str(t.subject), {})[t.predicate.value] = t.object.value
    links = lambda p: [t.object for t in triples if t.subject.value == DATASET_IRI and t.predicate.value == VOID + p]  # noqa: E731
    facts = lambda node, key, measure: {about[str(n)][key]: int(about[str(n)][measure])  # noqa: E731
                                        for n in node if key in about[str(n)]}
    return {"total": int(about[f"<{DATASET_IRI}>"][VOID + "triples"]),
            "classes": facts(links("classPartition"), VOID + "class", VOID + "entities"),
            "properties": facts(links("propertyPartition"), VOID + "property", VOID + "triples"),
            "graphs": facts(links("subset"), SD + "name", VOID + "triples"),
            "volumes": facts(links("subset"), SOURCE, VOID + "triples")}


def _select(base: str, query: str) -> list[list[str]]:
    r = httpx.get(base + "/sparql", params={"query": query}, headers={"accept": "application/sparql-results+json"},
                  timeout=120)
    r.raise_for_status()
    body = r.json()
    return [[b[v]["value"] for v in body["head"]["vars"]] for b in body["results"]["bindings"]]


def real(base: str) -> dict:
    """The same counts by scans of the store, keeping only the graphs that are not materialised layers."""
    per_graph: Counter = Counter()
    properties: Counter = Counter()
    for g, p, n in _select(base, "SELECT ?g ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ?p"):
        if not is_layer_graph(g):
            per_graph[g] += int(n)
            properties[p] += int(n)
    typed = {(c, s) for g, c, s in _select(base, "SELECT DISTINCT ?g ?c ?s WHERE { GRAPH ?g { ?s a ?c } }")
             if not is_layer_graph(g)}
    volume_of = dict(_select(base, f"SELECT ?d ?v WHERE {{ ?d a <{FK}Document> ; <{SCHEMA}isPartOf> ?v }}"))
    volumes: Counter = Counter()
    for g, n in per_graph.items():
        if g in volume_of:
            volumes[volume_of[g]] += n
    return {"total": sum(per_graph.values()), "classes": dict(Counter(c for c, _ in typed)),
            "properties": dict(properties), "graphs": {g: n for g, n in per_graph.items() if g not in volume_of},
            "volumes": dict(volumes)}


def test_the_served_void_equals_the_stores_real_counts_and_leaves_out_the_layers(server):
    counts = served(server)
    assert counts == real(server)
    assert counts["volumes"] and any("/graph/authority/" in g for g in counts["graphs"])
    assert not [g for g in counts["graphs"] if "/graph/stats" in g or g.endswith("/graph/void")]


def test_the_served_void_is_fresh_after_a_reingest_without_restarting_the_server(tmp_path, sample_store_path, launch):
    store = tmp_path / "store"
    shutil.copytree(sample_store_path, store)
    _, base = launch(store)
    before = served(base)
    ingest = subprocess.run([str(Path(sys.executable).with_name("frus-kg")), "ingest", "--store", str(store),
                             "--workers", "0", str(SLICE)], capture_output=True, text=True, timeout=600)
    assert ingest.returncode == 0, ingest.stderr
    deadline = time.monotonic() + 15          # the server reopens its snapshot within about a second of the writes
    while (after := served(base)) == before and time.monotonic() < deadline:
        time.sleep(0.5)
    assert after["total"] > before["total"] and len(after["volumes"]) == len(before["volumes"]) + 1
    assert after == real(base)


def test_regression_void_answered_a_parameter_it_does_not_read_as_if_it_were_not_there(server):
    """VoID is negotiated by Accept and takes no parameter: `?format=nt` got Turtle, and is a 400 that says so."""
    r = httpx.get(server + "/.well-known/void", params={"format": "nt"})
    assert r.status_code == 400 and "format: unknown parameter" in r.text and "takes no query parameters" in r.text


def test_void_declares_only_the_prefixes_it_writes(server):
    """It declared the service description's formats: too, and dqv: and ldqd: with no incomplete volume to
    describe."""
    turtle = httpx.get(server + "/.well-known/void", headers={"accept": "text/turtle"}, timeout=60).text
    declared, unused = declared_prefixes_unused(turtle)
    assert not unused, unused
    assert {"void", "dcterms", "schema"} <= set(declared)
    written = ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE)
    assert set(written) == set(ox.parse(httpx.get(server + "/.well-known/void", headers={
        "accept": "application/n-triples"}, timeout=60).content, format=ox.RdfFormat.N_TRIPLES))


def test_regression_void_said_nothing_of_the_terms_of_reuse(server):
    """VoID had no `dcterms:license`: the dataset and every subset of our own data now state theirs: the FRUS
    documents and the Office of the Historian's people public domain, the countries (rigour's Wikidata
    identifiers) and positions (curated terms) public domain and MIT, the curated organizations and regions MIT."""
    r = httpx.get(server + "/.well-known/void", headers={"accept": "application/n-triples"}, timeout=60)
    triples = list(ox.parse(r.content, format=ox.RdfFormat.N_TRIPLES))
    licences: dict[str, set[str]] = {}
    for t in triples:
        if t.predicate.value == "http://purl.org/dc/terms/license":
            licences.setdefault(t.subject.value, set()).add(t.object.value)
    subsets = {t.object.value for t in triples if t.subject.value == DATASET_IRI and t.predicate.value == VOID + "subset"}
    named = {t.object.value: t.subject.value for t in triples if t.predicate.value in (SD + "name", SOURCE)}
    of = lambda data: licences.get(named[data])    # noqa: E731
    assert licences[DATASET_IRI] == {PUBLIC_DOMAIN, MIT}
    assert subsets <= set(licences), subsets - set(licences)     # the sample store holds none of anyone else's data
    assert of(BASE + "historicaldocuments/frus1981-88v41") == {PUBLIC_DOMAIN}
    assert of(BASE + "graph/authority/people") == {PUBLIC_DOMAIN}
    assert of(BASE + "graph/authority/countries") == of(BASE + "graph/authority/positions") == {PUBLIC_DOMAIN, MIT}
    assert of(BASE + "graph/authority/organizations") == of(BASE + "graph/authority/regions") == {MIT}
    rights = {t.subject.value: t.object.value for t in triples if t.predicate.value == "http://purl.org/dc/terms/rights"}
    assert "OpenSanctions" in rights[named[BASE + "graph/authority/countries"]] and "public domain" in rights[DATASET_IRI]
