"""The name index of reconciliation and suggest is rebuilt when the authority graphs change, whatever changed."""
from __future__ import annotations

import shutil
from pathlib import Path

from graph import open_store
from graph.name_index import name_index
from ontology.namespaces import FK, RDFS

PEOPLE = "https://w3id.org/frus-kg/id/graph/authority/people"
CLARK = "https://w3id.org/frus-kg/id/people/102617"
KISSINGER = "https://w3id.org/frus-kg/id/people/107252"
ROOT = Path(__file__).resolve().parents[2]


def test_regression_a_reload_that_kept_the_number_of_names_left_the_index_stale_until_a_restart(sample_store_path, tmp_path):
    """The index was kept while the count of the authority graphs' labels stayed the same: a reload that renamed
    someone (corrected names keep their number) was never seen by a running server. A reload writes each graph's
    new digest (fk:graphDigest), which the index now compares on every call."""
    shutil.copytree(sample_store_path, tmp_path / "store")
    db = open_store(tmp_path / "store")
    try:
        before = name_index(db)
        label, digest = (t.value for t in next(db.query(
            f"SELECT ?l ?d WHERE {{ GRAPH <{PEOPLE}> {{ <{CLARK}> <{RDFS}label> ?l . <{PEOPLE}> <{FK}graphDigest> ?d }} }}").rows()))
        assert before.get(CLARK).label == label and not before.lookup("Zzyzx")
        db.update(f"""DELETE DATA {{ GRAPH <{PEOPLE}> {{ <{CLARK}> <{RDFS}label> "{label}" . <{PEOPLE}> <{FK}graphDigest> <{digest}> }} }} ;
INSERT DATA {{ GRAPH <{PEOPLE}> {{ <{CLARK}> <{RDFS}label> "Zzyzx Clark" . <{PEOPLE}> <{FK}graphDigest> <ni:///sha-256;reloaded> }} }}""")
        after = name_index(db, recheck=0)
        assert after is not before and after.get(CLARK).label == "Zzyzx Clark"
        assert [hit.entry.iri for hit in after.lookup("Zzyzx Clark")] == [CLARK]
        assert name_index(db, recheck=0) is after           # unchanged graphs: the same index, not rebuilt
    finally:
        db.close()


def test_the_suggest_order_follows_refreshed_statistics_without_reading_the_names_again(sample_store_path, tmp_path):
    """Suggest lists the most mentioned first, by the documents the statistics' totals count. An ingest and its
    refresh of the statistics rewrite those totals, and with them VoID's counts, whose digest the index compares on
    every call: the counts are read again (one query), the names are kept."""
    from graph.statistics import refresh_statistics
    from ingest import ingest_corpus

    shutil.copytree(sample_store_path, tmp_path / "store")
    db = open_store(tmp_path / "store")
    try:
        before = name_index(db)
        # the sample's memo names no Malik: the persons lists of more volumes describe the Soviet Malik
        assert before.prefix("mal")[0].label == "Yakov Aleksandrovich Malik"
        ingest_corpus([ROOT / "tests" / "fixtures" / "tei" / "frus1969-76v01-slice.xml"], db, workers=0)
        refresh_statistics(db)
        after = name_index(db)
        assert after is not before and after.entries is before.entries
        assert after.prefix("mal")[0].label == "Charles H. Malik"          # in a document of the slice
        assert after.documents[KISSINGER] == 5 and name_index(db) is after
    finally:
        db.close()
