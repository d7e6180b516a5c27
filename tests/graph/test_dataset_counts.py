"""VoID's counts from the statistics layer equal the four full scans they replace."""
from __future__ import annotations

import shutil

from graph import open_store
from graph.dataset_counts import VOID, dataset_counts
from graph.layer_graphs import layer_filter


def _live(store, sparql: str) -> dict:
    return {row[0].value if len(row) > 1 else "total": int(row[-1].value) for row in store.query(sparql).rows()}


def test_the_materialised_counts_equal_the_full_scans(sample_store):
    counts = dataset_counts(sample_store)
    assert counts is not None
    as_dict = lambda rows: {row[0].value: int(row[-1].value) for row in rows}  # noqa: E731
    data = f"GRAPH ?g {{ ?s ?p ?o }} {layer_filter()}"      # the materialised layers are not counted
    assert as_dict(counts["classes"]) == _live(
        sample_store, f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?c }} {layer_filter()} }} GROUP BY ?c")
    assert as_dict(counts["properties"]) == _live(
        sample_store, f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ {data} }} GROUP BY ?p")
    [(total,)] = counts["triples"]
    assert int(total.value) == _live(sample_store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {data} }}")["total"]
    per_graph = _live(sample_store, f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ {data} }} GROUP BY ?g")
    documents = {g: n for g, n in per_graph.items() if "/frus1981-88v41/d" in g}
    assert documents and not documents.keys() & as_dict(counts["graphs"]).keys()
    assert as_dict(counts["graphs"]) == {g: n for g, n in per_graph.items() if g not in documents}
    [(_, volume, n)] = counts["volumes"]
    assert volume.value.endswith("frus1981-88v41") and int(n.value) == sum(documents.values())


def test_a_store_whose_statistics_predate_the_partitions_is_counted_directly(sample_store_path, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(sample_store_path, copy)
    store = open_store(copy)
    try:
        store.update(f"DELETE WHERE {{ GRAPH ?g {{ ?d a <{VOID}Dataset> ; <{VOID}triples> ?t }} }}")
        assert dataset_counts(store) is None
    finally:
        store.close()
