"""/network serves every export format; /network/edge lists the passages behind an edge, for the interactive page."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import httpx
import networkx as nx
import pytest
from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = "https://w3id.org/frus-kg/id/people/"
CLARK, KENNEDY, HAIG = PEOPLE + "102617", PEOPLE + "107031", PEOPLE + "105381"


@pytest.fixture(scope="module")
def client(sample_store_path):
    from api import create_app
    from graph import open_store

    return TestClient(create_app(open_store(sample_store_path, read_only=True)))


def test_every_format_is_served_with_its_media_type(client):
    expected = {"gexf": "application/gexf+xml", "graphml": "application/graphml+xml", "cytoscape": "application/json",
                "node-link": "application/json", "csv-nodes": "text/csv", "csv-edges": "text/csv"}
    for fmt, media in expected.items():
        r = client.get("/network", params={"kind": "correspondence", "format": fmt})
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith(media)
    gexf = client.get("/network", params={"kind": "correspondence", "format": "gexf"})
    assert "attachment" in gexf.headers["content-disposition"]
    assert set(nx.read_gexf(io.BytesIO(gexf.content), version="1.3").edges) == {(CLARK, HAIG), (KENNEDY, HAIG)}
    graphml = nx.read_graphml(io.BytesIO(client.get("/network", params={"kind": "correspondence", "format": "graphml"}).content))
    assert set(graphml.edges) == {(CLARK, HAIG), (KENNEDY, HAIG)}
    rows = list(csv.DictReader(io.StringIO(client.get("/network", params={"kind": "correspondence", "format": "csv-edges"}).text)))
    assert {(r["source"], r["target"]) for r in rows} == {(CLARK, HAIG), (KENNEDY, HAIG)}


def test_cytoscape_is_the_default_and_carries_labels_metrics_and_evidence(client):
    data = client.get("/network", params={"kind": "correspondence"}).json()
    nodes = {n["data"]["id"]: n["data"] for n in data["elements"]["nodes"]}
    assert nodes[HAIG]["label"].startswith("Alexander") and "pagerank" in nodes[HAIG] and nodes[HAIG]["kind"] == "person"
    edge = next(e["data"] for e in data["elements"]["edges"] if e["data"]["source"] == CLARK)
    assert edge["target"] == HAIG and edge["first"] == "1981-10-26"
    assert edge["evidence_passages"][0]["document"].endswith("/frus1981-88v41/d54")


def test_filters_reach_the_network(client):
    inside = client.get("/network", params={"kind": "correspondence", "from": "1981-10", "to": "1981-10", "format": "node-link"}).json()
    outside = client.get("/network", params={"kind": "correspondence", "from": "1982", "format": "node-link"}).json()
    assert len(inside["links"]) == 2 and outside["links"] == []
    assert inside["graph"]["filters"]["date_from"] == "1981-10-01" and inside["graph"]["filters"]["date_to"] == "1981-10-31"
    heavy = client.get("/network", params={"kind": "correspondence", "min_weight": 2, "format": "node-link"}).json()
    assert heavy["links"] == []


def test_ego_network_of_haig(client):
    data = client.get("/network", params={"kind": "correspondence", "ego": HAIG, "format": "node-link"}).json()
    assert {n["id"] for n in data["nodes"]} == {CLARK, KENNEDY, HAIG}


def test_edge_lists_its_passages_with_their_text(client):
    r = client.get("/network/edge", params={"kind": "correspondence", "source": CLARK, "target": HAIG})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["documents"] == 1 and body["source_label"].startswith("William") and body["target_label"].startswith("Alexander")
    (passage,) = body["evidence"]
    assert "(Clark)" in passage["text"] and "Haig" in passage["text"]
    assert passage["document"].endswith("/d54") and passage["passage"].startswith(passage["document"] + "#char=")


def test_co_mention_edge_passages_contain_both_mentions(client):
    data = client.get("/network", params={"kind": "person-person", "window": "paragraph", "format": "node-link"}).json()
    assert data["links"]
    link = data["links"][0]
    body = client.get("/network/edge", params={"kind": "person-person", "window": "paragraph",
                                               "source": link["source"], "target": link["target"]}).json()
    assert body["passages"] == link["passages"] and body["evidence"]
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    for passage in body["evidence"]:
        assert passage["text"] and len(passage["targets"]) == 2
    assert labels[link["source"]] and labels[link["target"]]


@pytest.mark.parametrize("params, status", [
    ({"kind": "friendship"}, 400), ({"from": "1981-13"}, 400), ({"format": "pdf"}, 400),
    ({"ego": "https://w3id.org/frus-kg/id/people/0"}, 400), ({"min_weight": -1}, 400),
])
def test_bad_requests_are_refused_with_a_reason(client, params, status):
    r = client.get("/network", params=params)
    assert r.status_code == status, r.text
    assert r.json()["detail"]


def test_edge_errors(client):
    assert client.get("/network/edge", params={"source": "not an iri", "target": HAIG}).status_code == 400
    assert client.get("/network/edge", params={"kind": "correspondence", "source": HAIG, "target": CLARK}).status_code == 404
    assert client.get("/network/edge", params={"source": CLARK}).status_code == 400


def test_the_answer_says_whether_it_was_drawn_from_the_network_table(client, sample_store_path, tmp_path):
    import shutil

    from api import create_app
    from graph import open_store
    from graph.networks.table import TABLE_GRAPH

    r = client.get("/network", params={"kind": "correspondence"})       # `frus-kg index` built the sample's table
    assert r.headers["X-Network-Source"] == "table"
    assert {(e["data"]["source"], e["data"]["target"]) for e in r.json()["elements"]["edges"]} == {(CLARK, HAIG), (KENNEDY, HAIG)}
    sentence = client.get("/network", params={"kind": "person-person", "window": "sentence"})   # no splitter in this app
    assert sentence.status_code == 200 and sentence.headers["X-Network-Source"] == "table"
    shutil.copytree(sample_store_path, tmp_path / "store")
    db = open_store(tmp_path / "store")
    db.drop_graphs([TABLE_GRAPH])                                      # an incomplete table is not read
    db.close()
    untabled = TestClient(create_app(open_store(tmp_path / "store", read_only=True)))
    r = untabled.get("/network", params={"kind": "correspondence"})
    assert r.headers["X-Network-Source"] == "mentions"
    assert {(e["data"]["source"], e["data"]["target"]) for e in r.json()["elements"]["edges"]} == {(CLARK, HAIG), (KENNEDY, HAIG)}
    refused = untabled.get("/network", params={"kind": "person-person", "window": "sentence"})
    assert refused.status_code == 400 and "sentence splitter" in refused.json()["detail"]


@pytest.mark.parametrize("params, named", [({"volume": "frus1981-88v4"}, "frus1981-88v4"),
                                           ({"genre": "Telegram"}, "Telegram")])
def test_regression_an_unknown_volume_or_genre_drew_an_empty_network_and_said_nothing(client, params, named):
    r = client.get("/network", params={"format": "node-link", **params})
    assert r.status_code == 400 and named in r.json()["detail"]
    assert client.get("/network", params={"format": "node-link", "volume": "frus1981-88v41"}).status_code == 200


@pytest.mark.parametrize("path, params, name", [
    ("/network", {"format": "node-link", "weigth": "passages"}, "weigth"),
    ("/network", {"format": "gexf", "size": "degree"}, "size"),
    ("/network/edge", {"source": CLARK, "target": HAIG, "limt": "5"}, "limt")])
def test_regression_the_network_answered_a_parameter_it_does_not_read_as_if_it_were_not_there(client, path, params, name):
    """`weigth=passages` drew the network weighted by documents; a parameter the route does not read is a 400 that
    names it (the page's own, `size` and `colour`, do not change the data)."""
    r = client.get(path, params={"kind": "correspondence", **params})
    assert r.status_code == 400 and f"{name}: unknown parameter" in r.text


def test_regression_a_ties_passages_printed_a_plain_text_copys_asterisks(client):
    """The network page lists a tie's passages from /network/edge: their `text` printed "*we must respond to serious
    abuses*" as stored. Each passage has its `html` now, as every page shows a passage (api/passages.py); `text`
    and the offsets keep the asterisks."""
    soviet, us = "https://w3id.org/frus-kg/id/countries/soviet-union-1991", "https://w3id.org/frus-kg/id/countries/united-states"
    body = client.get("/network/edge", params={"kind": "country-country", "window": "sentence", "source": soviet,
                                               "target": us}).json()
    memo = client.get("/documents/frus1981-88v41/d54", headers={"Accept": "application/json"}).json()["text"]
    starred = [p for p in body["evidence"] if "*" in p["text"]]
    assert starred
    for p in body["evidence"]:
        assert p["text"] == memo[p["start"]:p["end"]]
        assert "*" not in p["html"] and ("<em>" in p["html"]) == ("*" in p["text"])


def test_regression_ego_and_edge_took_only_full_iris_where_every_other_route_takes_the_path(server):
    """`ego=people/105381` answered '400 people/105381 is not in this network' (Haig is), and `/network/edge` with
    `source=people/102617` '400 not an absolute IRI', where the REST routes and the reconciliation ids take the path."""
    import httpx

    def get(path, **params):
        return httpx.get(server + path, params=params, timeout=30)

    by_iri = get("/network", kind="correspondence", ego=HAIG, format="node-link")
    by_path = get("/network", kind="correspondence", ego="people/105381", format="node-link")
    assert by_path.status_code == 200, by_path.text
    assert by_path.json() == by_iri.json() and {n["id"] for n in by_path.json()["nodes"]} == {CLARK, KENNEDY, HAIG}
    edge = get("/network/edge", kind="correspondence", source="people/102617", target="people/105381")
    assert edge.status_code == 200, edge.text
    assert edge.json() == get("/network/edge", kind="correspondence", source=CLARK, target=HAIG).json()
    page = httpx.get(server + "/network", params={"entity": "people/105381"}, headers={"Accept": "text/html"}, timeout=30)
    assert page.status_code == 200 and "Alexander Meigs Haig" in page.text and HAIG in page.text
    bad = get("/network", ego="people/<x>", format="node-link")
    assert bad.status_code == 400 and bad.json()["detail"].startswith("ego: ")


def test_regression_a_filter_the_networks_kind_does_not_read_was_ignored_and_written_into_the_export_as_applied(server):
    """`/network?kind=person-person&claim_type=assessment` and `kind=person-country&entity_kind=country` drew the
    whole network, and the export's metadata said it was filtered (`"claim_types": ["assessment"]`): a reader of the
    GEXF took every co-mention for a tie of assessments. Entity kinds are read by co-mention and claimant-entity
    networks only, claim types by claimant-entity only: given to another kind they are a 400 that says so. The page
    drops them instead (its form keeps them hidden when another kind is chosen) and draws the kind chosen."""
    import httpx

    def get(headers=None, **params):
        return httpx.get(server + "/network", params=params, headers=headers or {}, timeout=60)

    refused = get(kind="correspondence", claim_type="assessment", format="gexf")
    assert refused.status_code == 400
    assert "claim types filter the claimant-entity network only" in refused.json()["detail"]
    refused = get(kind="person-country", entity_kind="country", format="node-link")
    assert refused.status_code == 400 and "co-mention and claimant-entity networks only" in refused.json()["detail"]
    edge = httpx.get(server + "/network/edge", params={"kind": "correspondence", "claim_type": "report",
                                                       "source": CLARK, "target": HAIG}, timeout=60)
    assert edge.status_code == 400
    read = get(kind="claimant-entity", claim_type="assessment", entity_kind="country", format="node-link")
    assert read.status_code == 200
    assert read.json()["graph"]["filters"]["claim_types"] == ["assessment"]
    page = get(headers={"Accept": "text/html"}, kind="correspondence", claim_type="assessment", entity_kind="country")
    assert page.status_code == 200, page.text[:300]
    assert 'name="claim_type"' not in page.text and 'name="entity_kind"' not in page.text
    assert "claim_type" not in page.text.split('id="network-settings">', 1)[1].split("</script>", 1)[0]


@pytest.fixture(scope="module")
def memo_and_slice(tmp_path_factory, launch_for_module):
    """A server on the sample memo (1981, a plain-text copy: no person markup) and a slice of frus1969-76v01 (1969-1974,
    the editors' markup in every document)."""
    from graph import open_store
    from ingest import ingest_corpus
    from ingest.authorities.rdf import ensure_authority_graphs

    path = tmp_path_factory.mktemp("memo-and-slice") / "store"
    db = open_store(path)
    ensure_authority_graphs(db)
    sources = [ROOT / "examples" / "frus1981-88v41-d54.txt", ROOT / "tests" / "fixtures" / "tei" / "frus1969-76v01-slice.xml"]
    assert ingest_corpus(sources, db, workers=0).documents == 9
    db.close()
    _, base = launch_for_module(path)
    return base


def test_regression_an_ego_network_export_did_not_say_it_was_one_nor_whose_metrics_it_carries(memo_and_slice):
    """`/network?ego=people/107395` (Kosygin, in a slice of frus1969-76v01) wrote four people whose `degree` is their
    degree in the whole network (two of them have ties the file leaves out), the whole network's modularity and
    number of communities, and nothing saying the file is an ego network, of whom, or that the figures are not the
    file's: Gephi's own degree disagreed and nothing said why. Every format's metadata now names the ego, the
    radius and the network the metrics belong to."""
    import httpx

    base, kosygin = memo_and_slice, PEOPLE + "107395"

    def get(fmt: str) -> httpx.Response:
        r = httpx.get(base + "/network", params={"ego": "people/107395", "format": fmt}, timeout=60)
        assert r.status_code == 200, r.text
        return r

    about = get("node-link").json()["graph"]
    assert about["ego"] == kosygin and about["radius"] == 1
    assert about["metrics_of"].startswith("the whole network (21 nodes, 70 ties)")
    cut = nx.node_link_graph(get("node-link").json(), edges="links")
    assert [n for n in cut if cut.nodes[n]["degree"] != cut.degree(n)]          # what the note explains
    assert get("cytoscape").json()["data"]["metrics_of"] == about["metrics_of"]
    gexf = json.loads(re.search(r"<description>(.*?)</description>", get("gexf").text, re.S).group(1))
    assert (gexf["ego"], gexf["radius"]) == (kosygin, 1)
    assert nx.read_graphml(io.BytesIO(get("graphml").content)).graph["ego"] == kosygin


def test_regression_a_country_network_warned_that_person_markup_favoured_some_years(memo_and_slice):
    """Every network carried the warning about the editors' person markup ("raw counts favour the better-covered
    years"), a network of countries too, whose mentions our reading finds in marked and unmarked volumes alike (98%
    by the gazetteer). The warning speaks of the people among the nodes, and a network without people has none."""
    import httpx

    def warned(**params) -> str | None:
        r = httpx.get(memo_and_slice + "/network", params={"format": "node-link", **params}, timeout=60)
        assert r.status_code == 200, r.text
        assert (r.headers.get("x-coverage-warning") is None) == (r.json()["graph"].get("coverage_warning") is None)
        return r.headers.get("x-coverage-warning")

    assert warned(kind="person-person").startswith("person markup is uneven across 1969-1981")
    assert warned(kind="person-country")
    assert warned(kind="country-country") is None
    assert warned(kind="co-mention", entity_kind=["country", "region"]) is None


def test_regression_a_country_had_a_rate_of_documents_per_person_marked_document(memo_and_slice):
    """`documents_per_marked` divides a node's documents by the documents of its years that carry the editors' person
    markup: a measure for people. Countries got one too (Egypt 0.25 on a larger store), which says nothing, as our
    reading finds countries in marked and unmarked volumes alike. It is undefined for nodes that are no people, and
    the exports' `missing_values` says why; people keep theirs."""
    import httpx

    data = httpx.get(memo_and_slice + "/network", params={"kind": "person-country", "format": "node-link"},
                     timeout=60).json()
    rates = {n["kind"]: set() for n in data["nodes"]}
    for n in data["nodes"]:
        rates[n["kind"]].add(n["documents_per_marked"] is None)
    assert rates["country"] == {True} and False in rates["person"]
    countries = sum(1 for n in data["nodes"] if n["kind"] == "country")
    assert f"{countries} are no people, and the markup counts people" in data["graph"]["missing_values"]["documents_per_marked"]


def test_regression_the_exports_carried_no_pages_for_an_edges_evidence(memo_and_slice):
    """`/network/edge` gave each passage its printed pages, `/network`'s exports none; every export gives them
    (`evidence_pages` in GraphML, one word a passage), the same as the edge's, and `pages=false` leaves them out, as the
    interactive page asks (it reads a tie's pages from `/network/edge`)."""
    params = {"kind": "person-person", "volume": "frus1969-76v01"}
    back = nx.read_graphml(io.BytesIO(httpx.get(memo_and_slice + "/network", params={**params, "format": "graphml",
                                                                                     "evidence": 3}).content))
    assert back.number_of_edges() > 5
    for a, b, row in sorted(back.edges(data=True))[:8]:
        edge = httpx.get(memo_and_slice + "/network/edge", params={**params, "source": a, "target": b, "limit": 3}).json()
        listed = {p["passage"]: ",".join(map(str, p["pages"])) for p in edge["evidence"]}
        assert dict(zip(row["evidence_passages"].split(), row["evidence_pages"].split())) == listed
        assert all(listed.values())
    bare = httpx.get(memo_and_slice + "/network", params={**params, "format": "graphml", "pages": "false"})
    assert bare.status_code == 200 and b"evidence_pages" not in bare.content
    page = httpx.get(memo_and_slice + "/network", params={"kind": "person-person"}, headers={"Accept": "text/html"}).text
    settings = json.loads(page.split('id="network-settings">', 1)[1].split("</script>", 1)[0])
    assert "pages=false" in settings["dataUrl"]
