"""Reconciling by identifier, through a real `frus-kg serve`: a query whose text, or whose id property, is a Wikidata
QID, a VIAF id, a history.state.gov id or another dataset's IRI that the graph holds for an entity names it (score
100, match). The store is the sample with a Wikidata linkset imported and another archive's dataset loaded, both by
the real CLI; every message is checked against the spec's JSON Schemas (post_batch)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.api.conftest import start_server
from tests.api.test_reconcile import CLARK, GROMYKO, post_batch

EXE = str(Path(sys.executable).with_name("frus-kg"))
SANDBOX, SANDBOX_2 = "Q4115189", "Q13406268"     # Wikidata's sandbox items: links that assert nothing
AL_THANI, VIAF = "people/100359", "45737745"       # Hamad bin Khalifa al-Thani, and his VIAF id in hsg-people
LITHUANIA = "countries/lithuania"                  # skos:exactMatch wd:Q37 in the authority data
ARCHIVE = "https://archive.example.org/people/7"   # another archive's record, owl:sameAs Gromyko in its dataset


@pytest.fixture(scope="module")
def linked_server(sample_store_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("identifiers")
    store = folder / "store"
    shutil.copytree(sample_store_path, store)
    (folder / "people.csv").write_text(f"iri,relation,object\n{CLARK},skos:exactMatch,{SANDBOX}\n"
                                       f"{GROMYKO},skos:closeMatch,{SANDBOX_2}\n", encoding="utf-8")
    (folder / "archive.ttl").write_text(f"<{ARCHIVE}> <http://www.w3.org/2002/07/owl#sameAs> "
                                        f"<https://w3id.org/frus-kg/id/{GROMYKO}> .\n", encoding="utf-8")
    for command in (["link", "import", str(folder / "people.csv"), "--name", "wikidata-people", "--who", "A. Tester"],
                    ["load", str(folder / "archive.ttl"), "--graph", "https://archive.example.org/graph"]):
        run = subprocess.run([EXE, *command, "--store", str(store)], capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
    proc, base = start_server(store)
    yield base
    proc.terminate()
    proc.wait(10)


def _top(answer: dict) -> tuple[str, float, bool]:
    first = answer["result"][0]
    return first["id"], first["score"], first["match"]


@pytest.mark.parametrize("how", ["form", "json"])
def test_regression_a_column_of_wikidata_viaf_or_history_state_gov_ids_reconciled_to_nothing(linked_server, how):
    """A column of QIDs, VIAF ids or history.state.gov ids found no candidate, by text or as an id property alone
    (with no name and no office, a query had none); each names the entity holding it, score 100 and a match."""
    queries = {"qid": {"query": SANDBOX}, "qid_url": {"query": f"http://www.wikidata.org/entity/{SANDBOX}"},
               "qid_page": {"query": f"https://www.wikidata.org/wiki/{SANDBOX}", "type": "person"},
               "country_qid": {"query": "Q37", "type": "country", "type_strict": "all"},
               "viaf": {"query": VIAF}, "viaf_url": {"query": f"https://viaf.org/viaf/{VIAF}/"},
               "pocom": {"query": "clark-william-patrick"},
               "pocom_url": {"query": "https://history.state.gov/departmenthistory/people/clark-william-patrick"},
               "hsg": {"query": "102617"}, "same_as": {"query": ARCHIVE},
               "qid_property": {"properties": [{"pid": "wikidata", "v": SANDBOX}]},
               "viaf_property": {"properties": [{"pid": "viaf", "v": [f"http://viaf.org/viaf/{VIAF}"]}]},
               "hsg_property": {"properties": [{"pid": "hsg_people_id", "v": 102617}], "type": "person"}}
    body = post_batch(linked_server, queries, how)
    expected = {"qid": CLARK, "qid_url": CLARK, "qid_page": CLARK, "country_qid": LITHUANIA, "viaf": AL_THANI,
                "viaf_url": AL_THANI, "pocom": CLARK, "pocom_url": CLARK, "hsg": CLARK, "same_as": GROMYKO,
                "qid_property": CLARK, "viaf_property": AL_THANI, "hsg_property": CLARK}
    assert {key: _top(body[key]) for key in queries} == {key: (ident, 100.0, True) for key, ident in expected.items()}
    assert {"id": "identifier", "value": True} in body["qid"]["result"][0]["features"]


def test_an_id_names_only_what_holds_it_as_identity_and_of_the_type_asked(linked_server):
    """skos:closeMatch ("very probably the same") is no identity; an id of an entity of another type than the one
    asked, under 'any', is no candidate; an id no entity holds finds nothing; beside them, the batch's id is found."""
    body = post_batch(linked_server, {"close": {"query": SANDBOX_2}, "typed": {"query": "Q37", "type": "person"},
                                      "unknown": {"query": "Q999999999"},
                                      "unknown_property": {"properties": [{"pid": "viaf", "v": "1"}]},
                                      "found": {"query": "Q37"}}, "form")
    assert _top(body.pop("found")) == (LITHUANIA, 100.0, True)
    assert {key: answer["result"] for key, answer in body.items()} == dict.fromkeys(body, [])


def test_an_id_property_picks_its_holder_among_namesakes_whatever_the_name_says(linked_server):
    body = post_batch(linked_server, {
        "clark": {"query": "Clark", "properties": [{"pid": "pocom", "v": "clark-william-patrick"}]},
        "other_name": {"query": "Gromyko", "properties": [{"pid": "viaf", "v": VIAF}]},
        "unchecked": {"query": VIAF, "properties": [{"pid": "P569", "v": "1950"}]}}, "form")
    clark = body["clark"]["result"]
    assert _top(body["clark"]) == (CLARK, 100.0, True) and [c["match"] for c in clark[1:]] == [False] * (len(clark) - 1)
    assert _top(body["other_name"]) == (AL_THANI, 100.0, True)
    assert _top(body["unchecked"]) == (AL_THANI, 100.0, False)       # a condition it cannot check: no match


def test_lookup_answers_which_entity_an_identifier_names_outside_openrefine(linked_server):
    """There was no REST lookup by identifier: /lookup was a 404 for every id. Now it names the entities holding it,
    with the scheme it was read as and what the graph holds; an id nobody holds is a 404 naming it."""
    import httpx

    def found(**params) -> list[tuple[str, str, str]]:
        r = httpx.get(linked_server + "/lookup", params=params, timeout=60)
        assert r.status_code == 200, r.text
        return [(f["id"], f["scheme"], f["value"]) for f in r.json()["found"]]

    assert found(id=SANDBOX) == [(CLARK, "wikidata", f"http://www.wikidata.org/entity/{SANDBOX}")]
    assert found(id=f"https://viaf.org/viaf/{VIAF}/") == [(AL_THANI, "viaf", f"http://viaf.org/viaf/{VIAF}")]
    assert found(id="102617") == [(CLARK, "frus-kg", "https://w3id.org/frus-kg/id/people/102617")]
    assert found(id="102617", scheme="hsg_people_id") == [(CLARK, "hsg_people_id", "102617")]
    assert found(id=ARCHIVE) == [(GROMYKO, "iri", ARCHIVE)]
    person = httpx.get(linked_server + "/lookup", params={"id": "Q37"}, timeout=60).json()["found"][0]
    assert person["href"] == "/" + LITHUANIA and httpx.get(linked_server + person["href"], timeout=60).status_code == 200
    for params, status, detail in [({"id": SANDBOX_2}, 404, f"id: no person, country or organization in this store "
                                                            f"has the identifier '{SANDBOX_2}'"),
                                   ({"id": "102617", "scheme": "viaf"}, 404, "id: no person"),
                                   ({"id": " "}, 400, "id: an identifier"), ({"id": "Q37", "scheme": "isbn"}, 400,
                                                                             "scheme: one of wikidata, viaf")]:
        r = httpx.get(linked_server + "/lookup", params=params, timeout=60)
        assert r.status_code == status and r.json()["detail"].startswith(detail), r.text
