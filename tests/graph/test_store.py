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



class _SentUpdates:
    """The embedded store with every SPARQL update it is sent written down."""

    def __init__(self, inner):
        self.inner, self.sent = inner, []

    def update(self, sparql):
        self.sent.append(sparql)
        return self.inner.update(sparql)

    def __contains__(self, quad):
        return quad in self.inner

    def __getattr__(self, name):
        return getattr(self.inner, name)


def _values(store, graph):
    return sorted(q.object.value for q in store.quads(graph))


def test_replacing_a_held_graph_sends_only_its_differences(store):
    store.replace_graphs({G1: [_quad(f"s{i}", f"v{i}", G1) for i in range(500)], G2: [_quad("c", "3", G2)]})
    store._store = sent = _SentUpdates(store._store)
    store.replace_graphs({G1: [_quad(f"s{i}", f"v{i}", G1) for i in range(1, 500)] + [_quad("s500", "new", G1)]})
    assert len(sent.sent) == 1 and '"v0"' in sent.sent[0] and '"new"' in sent.sent[0]
    assert '"v7"' not in sent.sent[0]
    assert _values(store, G1) == sorted([f"v{i}" for i in range(1, 500)] + ["new"]) and _values(store, G2) == ["3"]


def test_replacing_a_graph_by_the_same_triples_writes_nothing(store):
    store.replace_graphs({G1: [_quad("a", "1", G1), _quad("b", "2", G1)]})
    store._store = sent = _SentUpdates(store._store)
    store.replace_graphs({G1: [_quad("b", "2", G1), _quad("a", "1", G1)]})
    assert sent.sent == [] and _values(store, G1) == ["1", "2"]


def test_a_graph_with_blank_nodes_is_replaced_whole(store):
    def quad(label, g=G1):
        return ox.Quad(ox.BlankNode(), ox.NamedNode("http://example.org/p"), ox.Literal(label), ox.NamedNode(g))
    store.replace_graphs({G1: [quad("old"), quad("kept")]})
    store.replace_graphs({G1: [quad("kept"), quad("added")]})
    assert _values(store, G1) == ["added", "kept"]


def test_a_graph_mostly_rewritten_is_dropped_and_written_whole_without_naming_what_goes(store):
    store.replace_graphs({G1: [_quad(f"s{i}", f"v{i}", G1) for i in range(300)]})
    store._store = sent = _SentUpdates(store._store)
    store.replace_graphs({G1: [_quad(f"s{i}", f"w{i}", G1) for i in range(300)]})
    assert len(sent.sent) == 1 and "DROP SILENT GRAPH" in sent.sent[0] and "DELETE DATA" not in sent.sent[0]
    assert _values(store, G1) == sorted(f"w{i}" for i in range(300))


def test_replacing_a_graph_by_nothing_drops_it(store):
    store.replace_graphs({G1: [_quad("a", "1", G1)], G2: [_quad("b", "2", G2)]})
    store.replace_graphs({G1: [], G2: [_quad("b", "3", G2)]})
    assert not store.has_graph(G1) and _values(store, G2) == ["3"]

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
