"""VoID's counts are materialised with the statistics, and leave out every materialised layer."""
from __future__ import annotations

import shutil

from api.resources.document_packs import PACK_PREFIX
from graph import open_store
from graph.claim_months import CLAIM_MONTHS_GRAPH, CLAIM_MONTHS_PREFIX
from graph.datasets import REGISTRY_GRAPH
from graph.layer_graphs import is_layer_graph
from graph.networks.table import TABLE_GRAPH, TABLE_PREFIX
from graph.statistics import STATS_PREFIX, SUMMARY_GRAPH, TOTALS_GRAPH, refresh_statistics
from graph.dataset_counts import dataset_counts
from graph.void_description import (DATASET_IRI, VERSION, VOID_GRAPH, description_quads, read_void, scan_counts,
                                     void_version)
from ontology.iris import authority_graph_iri
from ontology.namespaces import BASE


def test_every_materialised_layer_is_a_layer_graph_and_no_data_graph_is():
    layers = [STATS_PREFIX + "frus1961-63v03", TOTALS_GRAPH, SUMMARY_GRAPH, CLAIM_MONTHS_PREFIX + "frus1961-63v03",
              CLAIM_MONTHS_GRAPH, TABLE_PREFIX + "frus1961-63v03", TABLE_GRAPH, PACK_PREFIX + "frus1961-63v03",
              VOID_GRAPH]
    data = [authority_graph_iri("people"), f"{BASE}graph/linkset/viaf", REGISTRY_GRAPH,
            f"{BASE}historicaldocuments/frus1961-63v03", f"{BASE}historicaldocuments/frus1961-63v03/d1"]
    assert [name for name in layers if not is_layer_graph(name)] == []
    assert [name for name in data if is_layer_graph(name)] == []


def test_the_statistics_refresh_writes_the_void_counts(sample_store):
    stored = read_void(sample_store)
    assert stored is not None
    recounted = {(q.subject, q.predicate, q.object) for q in description_quads(sample_store)}
    assert {(t.subject, t.predicate, t.object) for t in stored} == recounted


def test_a_store_from_before_the_void_layer_gets_it_from_a_refresh_that_counts_nothing_else(sample_store_path, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(sample_store_path, copy)
    store = open_store(copy)
    try:
        store.drop_graphs([VOID_GRAPH])
        assert read_void(store) is None
        report = refresh_statistics(store)
        assert (report.volumes, report.void) == (0, True) and read_void(store) is not None
    finally:
        store.close()


def test_regression_void_counts_written_with_a_time_and_no_digest_are_rewritten_by_the_next_refresh(sample_store_path,
                                                                                                    tmp_path):
    import pyoxigraph as ox

    copy = tmp_path / "store"
    shutil.copytree(sample_store_path, copy)
    store = open_store(copy)
    try:
        kept = [q for q in store.quads(VOID_GRAPH) if q.predicate.value != VERSION]
        stamp = ox.Quad(ox.NamedNode(DATASET_IRI), ox.NamedNode("http://purl.org/dc/terms/modified"),
                        ox.Literal("2026-12-02T01:00:00Z"), ox.NamedNode(VOID_GRAPH))
        store.drop_graphs([VOID_GRAPH])
        store.replace_graphs({VOID_GRAPH: [*kept, stamp]})
        assert void_version(store) is None
        report = refresh_statistics(store)
        assert (report.volumes, report.void) == (0, True) and void_version(store) is not None
        assert not [t for t in read_void(store) if t.predicate.value.endswith("/modified")]
    finally:
        store.close()


def test_the_scans_for_stores_without_partitions_give_the_same_counts(sample_store):
    as_dict = lambda rows: {row[0].value: int(getattr(row[-1], "value", row[-1])) for row in rows}  # noqa: E731
    scanned, summed = scan_counts(sample_store), dataset_counts(sample_store)
    assert int(scanned["triples"][0][0]) == int(summed["triples"][0][0].value)
    assert as_dict(scanned["classes"]) == as_dict(summed["classes"])
    assert as_dict(scanned["properties"]) == as_dict(summed["properties"])
    assert not [g for g in as_dict(scanned["graphs"]) if is_layer_graph(g)]
