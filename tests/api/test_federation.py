"""Federated queries: FRUS joined with another archive's SPARQL endpoint, a second local Oxigraph server.

The other archive says which of its people are ours (skos:exactMatch to frus-kg IRIs); a query on our
/sparql endpoint reaches it with SERVICE when the endpoint is allow-listed (`frus-kg serve --service-allow`),
and an endpoint that is not allow-listed is refused.
"""
from __future__ import annotations

import csv
import importlib.util
import io
import re
import subprocess
from pathlib import Path

import httpx
import pytest

from tests.sparql_servers import OxigraphServer, oxigraph_binary


def _api_conftest():
    """tests/api/conftest.py by path: the folder is not a package, and `conftest` names the top-level one too."""
    spec = importlib.util.spec_from_file_location("frus_kg_api_conftest", Path(__file__).with_name("conftest.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


start_server = _api_conftest().start_server
LINKING = Path(__file__).resolve().parents[2] / "docs" / "linking.md"
DOCUMENTED_ENDPOINT = "<http://127.0.0.1:7878/query>"
OTHER_ARCHIVE = """@prefix ex: <https://archive.example.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
ex:wpc a ex:Person ; ex:name "Clark, William P." ;
    skos:exactMatch <https://w3id.org/frus-kg/id/people/102617> .
ex:mfe a ex:Person ; ex:name "Fenwick, Millicent" .
ex:nobody a ex:Person ; ex:name "Nobody, A." .
ex:clark-papers dcterms:title "William P. Clark Papers" ; dcterms:creator ex:wpc .
"""
PREFIX = """PREFIX ex: <https://archive.example.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <http://schema.org/>
"""


@pytest.fixture(scope="module")
def other_archive(tmp_path_factory):
    """An Oxigraph SPARQL server on 127.0.0.1 holding the other archive; its query endpoint URL."""
    folder = tmp_path_factory.mktemp("other-archive")
    data = folder / "archive.ttl"
    data.write_text(OTHER_ARCHIVE, encoding="utf-8")
    subprocess.run([oxigraph_binary(), "load", "--location", str(folder / "db"), "--file", str(data)],
                   check=True, capture_output=True, timeout=120)
    server = OxigraphServer(folder / "db").start()
    yield f"{server.base}/query"
    server.stop()


def bindings(response: httpx.Response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    return [{k: v["value"] for k, v in b.items()} for b in response.json()["results"]["bindings"]]


def test_the_other_archive_answers_on_its_own(other_archive):
    rows = bindings(httpx.get(other_archive, params={"query": PREFIX + "SELECT ?name WHERE { ?p ex:name ?name }"},
                              headers={"Accept": "application/sparql-results+json"}))
    assert sorted(r["name"] for r in rows) == ["Clark, William P.", "Fenwick, Millicent", "Nobody, A."]


@pytest.fixture(scope="module")
def federating_server(other_archive, sample_store_path):
    """`frus-kg serve` of the sample store with the other archive's endpoint on its SERVICE allow-list."""
    proc, base = start_server(sample_store_path, "--service-allow", other_archive)
    yield base
    proc.terminate()
    proc.wait(10)


def test_people_of_the_other_archive_who_appear_in_frus_with_their_documents(other_archive, federating_server):
    query = PREFIX + f"""SELECT ?name ?collection ?doc WHERE {{
      SERVICE <{other_archive}> {{ ?x ex:name ?name ; skos:exactMatch ?person .
                                   OPTIONAL {{ ?c dcterms:creator ?x ; dcterms:title ?collection }} }}
      ?doc schema:author|schema:mentions ?person .
    }}"""
    rows = bindings(httpx.post(federating_server + "/sparql", data={"query": query},
                               headers={"Accept": "application/sparql-results+json"}, timeout=30))
    assert {(r["name"], r["collection"], r["doc"].rsplit("/", 2)[-2] + "/" + r["doc"].rsplit("/", 1)[-1])
            for r in rows} == {("Clark, William P.", "William P. Clark Papers", "frus1981-88v41/d54")}
    refused = httpx.post(federating_server + "/sparql", timeout=30, data={
        "query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"})
    assert refused.status_code in (400, 403)


def test_regression_the_federated_query_of_docs_linking_was_run_by_no_test(other_archive, federating_server):
    """docs/linking.md said this file ran its query; it ran one of its own, so the printed one could break unseen.
    The printed query, with the other archive's endpoint where it names 127.0.0.1:7878, answers as it says."""
    (query,) = [q for q in re.findall(r"```sparql\n(.*?)```", LINKING.read_text(encoding="utf-8"), re.S)
                if "tests/api/test_federation.py" in q]
    assert DOCUMENTED_ENDPOINT in query
    answer = httpx.post(federating_server + "/sparql", timeout=30, headers={"Accept": "text/csv"},
                        data={"query": query.replace(DOCUMENTED_ENDPOINT, f"<{other_archive}>")})
    assert answer.status_code == 200, answer.text
    expected = re.findall(r"^# expect: (.+)$", query, flags=re.M)
    assert expected and all(value in answer.text for value in expected), answer.text
    assert list(csv.reader(io.StringIO(answer.text)))[1:] == [
        ["Clark, William P.", "https://w3id.org/frus-kg/id/historicaldocuments/frus1981-88v41/d54"]]
