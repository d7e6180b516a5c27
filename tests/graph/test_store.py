"""The Oxigraph store: atomic graph replacement, union queries, export and re-import."""
from __future__ import annotations

import io

import pyoxigraph as ox
import pytest

from graph import QueryError, StoreError, StoreLocked, open_store
from ontology.namespaces import sparql_prologue

G1, G2 = "http://example.org/g1", "http://example.org/g2"


def _quad(s, o, g):
    return ox.Quad(ox.NamedNode(f"http://example.org/{s}"), ox.NamedNode("http://example.org/p"), ox.Literal(o), ox.NamedNode(g))


def test_replace_graphs_drops_stale_triples(store):
    store.replace_graphs({G1: [_quad("a", "1", G1), _quad("b", "2", G1)], G2: [_quad("c", "3", G2)]})
    store.replace_graphs({G1: [_quad("a", "9", G1)]})
    values = sorted(q.object.value for q in store.quads())
    assert values == ["3", "9"]


def test_replace_graphs_is_all_or_nothing(store):
    store.replace_graphs({G1: [_quad("a", "1", G1)]})
    bad = ox.Quad(ox.NamedNode("http://example.org/x"), ox.NamedNode("http://example.org/p"),
                  ox.Literal("x"), ox.NamedNode(G2))
    with pytest.raises((StoreError, AttributeError, TypeError)):
        store.replace_graphs({G2: [bad], G1: [_quad("a", "2", G1), "not a quad"]})
    assert [q.object.value for q in store.quads()] == ["1"]


def test_queries_see_the_union_of_graphs(store):
    store.replace_graphs({G1: [_quad("a", "1", G1)], G2: [_quad("b", "2", G2)]})
    rows = list(store.query("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o").rows())
    assert [r[0].value for r in rows] == ["1", "2"]
    rows = list(store.query("SELECT ?o WHERE { ?s ?p ?o }", default_graphs=[G2]).rows())
    assert [r[0].value for r in rows] == ["2"]


def test_syntax_error_is_a_query_error(store):
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        store.query("SELEC nothing")


def test_second_writer_gets_a_clear_lock_error(tmp_path):
    first = open_store(tmp_path / "s")
    with pytest.raises(StoreLocked, match="open in another process"):
        open_store(tmp_path / "s")
    first.close()


def test_read_only_store_sees_later_commits(tmp_path):
    writer = open_store(tmp_path / "s")
    writer.replace_graphs({G1: [_quad("a", "1", G1)]})
    writer.flush()
    reader = open_store(tmp_path / "s", read_only=True)
    assert reader.quad_count() == 1
    writer.replace_graphs({G2: [_quad("b", "2", G2)]})
    writer.flush()
    reader._checked = 0.0
    assert reader.quad_count() == 2


def test_missing_store_read_only_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store here yet"):
        open_store(tmp_path / "nothing", read_only=True)


def test_nquads_export_reimports_isomorphic(sample_store, tmp_path):
    buf = io.BytesIO()
    sample_store.export(buf, "nquads")
    copy = open_store(tmp_path / "copy")
    copy.load(buf.getvalue(), "nquads")
    original = ox.Dataset(sample_store.quads())
    again = ox.Dataset(copy.quads())
    original.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    again.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    assert len(original) > 50 and original == again
    assert sorted(copy.graph_names()) == sorted(sample_store.graph_names())


def test_every_selector_in_the_store_round_trips(sample_store):
    q = sparql_prologue("oa", "schema") + """
    SELECT ?exact ?start ?end ?text WHERE {
      ?t oa:hasSource ?doc ; oa:hasSelector ?q , ?p .
      ?q a oa:TextQuoteSelector ; oa:exact ?exact .
      ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
      ?doc schema:text ?text }"""
    rows = list(sample_store.query(q).rows())
    for exact, start, end, text in rows:
        assert text.value[int(start.value):int(end.value)] == exact.value
    assert rows or pytest.fail("no selectors in the sample store")


def _snapshot_then_list_graphs(path: str, ready, go, answer) -> None:
    """The server's own reads: a read-only store whose query comes within the second after its last look."""
    import time

    from graph.store import OxigraphStore

    store = OxigraphStore(path, read_only=True)
    ready.set()
    go.wait(60)
    store._checked = time.monotonic()
    try:
        answer.put(len(list(store.query("SELECT ?g WHERE { GRAPH ?g { } }").rows())))
    except Exception as exc:
        answer.put(f"{type(exc).__name__}: {exc}")


def test_bug_a_read_only_query_whose_snapshot_lost_a_file_to_compaction_reads_a_fresh_one(tmp_path):
    from tests.graph import compaction_race

    assert compaction_race.race(tmp_path / "store", _snapshot_then_list_graphs) == compaction_race.GRAPHS
