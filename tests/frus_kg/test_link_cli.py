"""`frus-kg link export/import`, `load` and `unload`: crosswalks out, linksets and other datasets in, nothing half-stored."""
from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from typer.testing import CliRunner

from frus_kg.cli import app
from graph.linkset_import import linkset_graph_iri

CLARK = "https://w3id.org/frus-kg/id/people/102617"
SANDBOX = "http://www.wikidata.org/entity/Q4115189"      # the Wikidata sandbox item: a link that asserts nothing
LINKSET_GRAPH = "https://w3id.org/frus-kg/id/graph/linkset/wikidata-people"
runner = CliRunner()


def cli(*args: str, code: int = 0):
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result


@pytest.fixture
def store(tmp_path, sample_store_path):
    path = tmp_path / "store"
    shutil.copytree(sample_store_path, path)
    return str(path)


def rows(store: str, sparql: str) -> list[dict]:
    out = cli("query", "--store", store, "-f", "json", sparql).stdout
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(out)["results"]["bindings"]]


def graph_triples(store: str, graph: str) -> int:
    return int(rows(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")[0]["n"])


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_export_writes_the_people_crosswalk(store, tmp_path):
    out = tmp_path / "people.csv"
    cli("link", "export", "--kind", "person", "-o", str(out), "--store", store)
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(table[0]) == ["iri", "label", "hsg_id", "pocom_id", "viaf", "wikidata", "birth", "death", "valid_since",
                              "valid_until"]
    clark = next(r for r in table if r["iri"] == CLARK)
    assert clark["label"] == "William Patrick Clark" and clark["hsg_id"] == "102617"
    assert clark["pocom_id"] == "clark-william-patrick" and clark["birth"] == "1931"
    assert not any(r["iri"].endswith("/115318") for r in table)      # the folded duplicate of Clark
    assert sum(1 for r in table if r["viaf"]) == 725


def test_a_valid_linkset_is_stored_with_provenance_and_is_queryable(store, tmp_path):
    f = write(tmp_path, "wikidata-people.csv",
              f"iri,label,relation,object\n{CLARK},William Patrick Clark,skos:exactMatch,Q4115189\n"
              "110192,Henry David Owen,closeMatch,http://www.wikidata.org/entity/Q4115189\n")
    result = cli("link", "import", f, "--who", "A. Historian", "--source", "https://example.org/openrefine-project",
                 "--store", store)
    assert "stored 2 link(s)" in result.output
    found = rows(store, f"SELECT ?p WHERE {{ <{CLARK}> ?p <{SANDBOX}> }}")
    assert found == [{"p": "http://www.w3.org/2004/02/skos/core#exactMatch"}]
    prov = rows(store, f"""SELECT ?who ?src ?when ?n WHERE {{ GRAPH <{LINKSET_GRAPH}> {{
        <{LINKSET_GRAPH}> a <http://rdfs.org/ns/void#Linkset> ; <http://purl.org/dc/terms/creator> ?who ;
        <http://purl.org/dc/terms/source> ?src ; <http://purl.org/dc/terms/created> ?when ;
        <http://rdfs.org/ns/void#triples> ?n }} }}""")
    assert prov[0]["who"] == "A. Historian" and prov[0]["src"] == "https://example.org/openrefine-project"
    assert prov[0]["n"] == "2" and prov[0]["when"][:2] == "20"


def test_regression_who_made_a_linkset_was_a_literal_where_prov_wants_an_agent(store, tmp_path):
    """prov:wasAttributedTo ranges over prov:Agent: a name becomes a labelled agent node, an IRI (an ORCID) is
    the agent itself."""
    f = write(tmp_path, "wikidata-people.csv", f"subject,relation,object\n{CLARK},exactMatch,Q4115189\n")
    cli("link", "import", f, "--who", "A. Historian", "--name", "by-name", "--store", store)
    cli("link", "import", f, "--who", "https://orcid.org/0000-0002-1825-0097", "--name", "by-orcid", "--store", store)
    for name, agent, label in (("by-name", None, "A. Historian"), ("by-orcid", "https://orcid.org/0000-0002-1825-0097", None)):
        graph = linkset_graph_iri(name)
        found = rows(store, f"""SELECT ?agent ?label WHERE {{ GRAPH <{graph}> {{
            <{graph}> <http://www.w3.org/ns/prov#wasAttributedTo> ?agent . FILTER(isIRI(?agent))
            OPTIONAL {{ ?agent a <http://www.w3.org/ns/prov#Agent> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }} }} }}""")
        assert len(found) == 1
        assert found[0]["agent"] == (agent or graph + "/agent") and found[0].get("label") == label


def test_reimport_replaces_the_graph(store, tmp_path):
    first = write(tmp_path, "wikidata-people.csv", f"subject,relation,object\n{CLARK},exactMatch,Q4115189\n"
                  "people/110192,exactMatch,Q4115189\n")
    cli("link", "import", first, "--store", store)
    before = graph_triples(store, LINKSET_GRAPH)
    second = write(tmp_path, "wikidata-people.csv", f"subject,relation,object\n{CLARK},relatedMatch,Q4115189\n")
    cli("link", "import", second, "--store", store)
    assert graph_triples(store, LINKSET_GRAPH) == before - 1
    assert rows(store, f"SELECT ?p WHERE {{ ?s ?p <{SANDBOX}> }}") == [
        {"p": "http://www.w3.org/2004/02/skos/core#relatedMatch"}]


def test_a_linkset_is_removed_by_name_with_its_provenance_and_its_place_in_void(store, tmp_path):
    void = "https://w3id.org/frus-kg/id/graph/void"
    cli("link", "import", write(tmp_path, "wikidata-people.csv", f"subject,relation,object\n{CLARK},exactMatch,Q4115189\n"),
        "--store", store)
    cli("link", "import", write(tmp_path, "viaf-extra.csv", f"subject,relation,object\n{CLARK},closeMatch,Q4115189\n"),
        "--store", store)
    in_void = f"ASK {{ GRAPH <{void}> {{ ?s ?p <{LINKSET_GRAPH}> }} }}"
    assert json.loads(cli("query", "--store", store, "-f", "json", in_void).stdout)["boolean"]
    result = cli("link", "remove", "wikidata-people", "--store", store)
    assert f"removed {LINKSET_GRAPH}" in result.output
    assert graph_triples(store, LINKSET_GRAPH) == 0
    assert rows(store, f"SELECT ?p WHERE {{ <{CLARK}> ?p <{SANDBOX}> }}") == [
        {"p": "http://www.w3.org/2004/02/skos/core#closeMatch"}]
    assert not json.loads(cli("query", "--store", store, "-f", "json", in_void).stdout)["boolean"]
    again = cli("link", "remove", "wikidata-people", "--store", store, code=2)
    assert "no linkset 'wikidata-people' in the store; it holds 'viaf-extra'" in again.output


@pytest.mark.parametrize("body, message", [
    (f"subject,relation,object\n{CLARK},exactMatch,Q4115189\n{CLARK},sameAs,Q4115189\n",
     ":3: relation 'sameAs' is not skos:exactMatch"),
    (f"subject,relation,object\n{CLARK},exactMatch,Q4115189\n{CLARK},exactMatch,https://w3id.org/frus-kg/id/people/110192\n",
     ":3: a link points to another dataset's http(s) IRI"),
    (f"subject,relation,object\n{CLARK},exactMatch,Q4115189\npeople/999999999,exactMatch,Q4115189\n",
     ":3: no frus-kg resource"),
    (f"subject,relation,object\n{CLARK},exactMatch,not an iri\n", ":2: 'not an iri' is not an IRI"),
    ("name,wikidata\nClark,Q4115189\n", ":1: the header needs a subject column"),
])
def test_a_malformed_linkset_is_refused_naming_file_and_line_and_nothing_is_stored(store, tmp_path, body, message):
    f = write(tmp_path, "bad-links.csv", body)
    result = cli("link", "import", f, "--store", store, code=4)
    assert f"bad-links.csv{message}" in result.output and "nothing was stored" in result.output
    assert "Traceback" not in result.output
    assert graph_triples(store, "https://w3id.org/frus-kg/id/graph/linkset/bad-links") == 0


def test_load_and_unload_another_dataset(store, tmp_path):
    other = "https://archive.example.org/graph"
    f = write(tmp_path, "other.ttl", '@prefix ex: <https://archive.example.org/> .\n'
              f'ex:p1 ex:name "William P. Clark" ; ex:sameAs <{CLARK}> .\n')
    cli("load", f, "--graph", other, "--store", store)
    joined = rows(store, f"""SELECT ?label WHERE {{ GRAPH <{other}> {{ ?x <https://archive.example.org/sameAs> ?p }}
        ?p <http://www.w3.org/2000/01/rdf-schema#label> ?label }}""")
    assert joined == [{"label": "William Patrick Clark"}]
    cli("load", f, "--graph", other, "--store", store)
    assert graph_triples(store, other) == 2
    cli("unload", "--graph", other, "--store", store)
    assert graph_triples(store, other) == 0
    assert graph_triples(store, "https://w3id.org/frus-kg/id/graph/datasets") == 0


@pytest.mark.parametrize("graph", ["https://w3id.org/frus-kg/id/graph/authority/people",
                                   "https://w3id.org/frus-kg/id/historicaldocuments/frus1981-88v41/d54"])
def test_our_own_graphs_can_be_neither_overwritten_nor_unloaded(store, tmp_path, graph):
    f = write(tmp_path, "x.nt", "<https://a.example/s> <https://a.example/p> <https://a.example/o> .\n")
    before = graph_triples(store, graph)
    assert "frus-kg's own base" in cli("load", f, "--graph", graph, "--store", store, code=4).output
    assert "frus-kg's own base" in cli("unload", "--graph", graph, "--store", store, code=2).output
    assert graph_triples(store, graph) == before > 0


def test_a_malformed_dataset_is_refused(store, tmp_path):
    f = write(tmp_path, "broken.ttl", "<https://a.example/s> <https://a.example/p> .\n")
    assert "broken.ttl: not valid turtle" in cli("load", f, "--graph", "https://a.example/g", "--store", store,
                                                 code=4).output


def test_regression_link_export_o_dash_wrote_a_file_named_dash(store, tmp_path, monkeypatch):
    """`-o -` is standard output, as for most tools; `frus-kg link export -o -` wrote a file named "-" (and so did
    `export` and `network`, which share the option's callback, frus_kg/output_option.py)."""
    monkeypatch.chdir(tmp_path)
    crosswalk = cli("link", "export", "--kind", "person", "-o", "-", "--store", store).stdout
    assert crosswalk.startswith("iri,label,hsg_id") and CLARK in crosswalk
    quads = cli("export", "-o", "-", "--store", store).stdout
    assert CLARK in quads and quads.rstrip().endswith(".")
    assert not (tmp_path / "-").exists()
