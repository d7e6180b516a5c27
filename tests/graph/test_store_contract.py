"""The store contract, the same tests on every backend: the embedded store and a real Oxigraph server reached
only through SPARQL 1.1 Query, Update and the Graph Store Protocol (graph/remote_store.py)."""
from __future__ import annotations

import inspect
import io

import pyoxigraph as ox
import pytest

from graph import QueryError, RemoteStore, Store, StoreError
from ingest.ledger import CorpusSink

G1, G2 = "http://example.org/g1", "http://example.org/g2"
_SET_WHEN_OPENED = ("ledger", "path")       # instance attributes of the protocol (checked on open stores below)


def _quad(s, o, g):
    return ox.Quad(ox.NamedNode(f"http://example.org/{s}"), ox.NamedNode("http://example.org/p"), ox.Literal(o),
                   ox.NamedNode(g))


def _canonical(quads) -> ox.Dataset:
    data = ox.Dataset(quads)
    data.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return data


@pytest.mark.parametrize("protocol", [Store, CorpusSink])
def test_the_remote_store_has_every_method_of_the_protocol(protocol):
    for name in {n for n in vars(protocol) if not n.startswith("_")} | set(getattr(protocol, "__annotations__", {})):
        assert name in _SET_WHEN_OPENED or hasattr(RemoteStore, name), f"RemoteStore lacks {protocol.__name__}.{name}"
        wanted = getattr(protocol, name, None)
        if callable(wanted):
            ours = inspect.signature(getattr(RemoteStore, name)).parameters
            for param in list(inspect.signature(wanted).parameters)[1:]:
                assert param in ours or param == "kwargs", f"{name} lacks parameter {param}"


def test_every_backend_has_its_ledger_and_sidecar_folder_once_opened(any_store):
    assert set(_SET_WHEN_OPENED) == {"ledger", "path"}
    assert any_store.path.is_dir() and any_store.ledger.rows() == []


def test_replace_graphs_drops_stale_triples(any_store):
    any_store.replace_graphs({G1: [_quad("a", "1", G1), _quad("b", "2", G1)], G2: [_quad("c", "3", G2)]})
    any_store.replace_graphs({G1: [_quad("a", "9", G1)]})
    assert sorted(q.object.value for q in any_store.quads()) == ["3", "9"]


def test_replace_graphs_takes_n_quads_bytes(any_store):
    any_store.replace_graphs({G1: f'<http://example.org/s> <http://example.org/p> "old" <{G1}> .\n'.encode()})
    any_store.replace_graphs({G1: f'<http://example.org/s> <http://example.org/p> "new" <{G1}> .\n'.encode()})
    assert [q.object.value for q in any_store.quads(G1)] == ["new"]


def test_n_quads_of_another_graph_are_refused_and_change_nothing(any_store):
    any_store.replace_graphs({G1: [_quad("s", "old", G1)]})
    with pytest.raises(StoreError):
        any_store.replace_graphs({G1: b'<http://example.org/s> <http://example.org/p> "x" <http://example.org/other> .\n'})
    assert [q.object.value for q in any_store.quads(G1)] == ["old"]


def test_queries_see_the_union_of_graphs_unless_graphs_are_named(any_store):
    any_store.replace_graphs({G1: [_quad("a", "1", G1)], G2: [_quad("b", "2", G2)]})
    rows = any_store.query("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o").rows()
    assert [r[0].value for r in rows] == ["1", "2"]
    rows = any_store.query("SELECT ?o WHERE { ?s ?p ?o }", default_graphs=[G2]).rows()
    assert [r[0].value for r in rows] == ["2"]


def test_regression_from_in_the_query_was_overridden_by_the_union_default_graph(any_store):
    """SPARQL 1.1 Query §13.2: FROM makes the default graph, FROM NAMED alone leaves it empty; and so do the
    protocol's named graphs without default graphs (Protocol §2.1.4). The union applies only to a query naming none."""
    any_store.replace_graphs({G1: [_quad("a", "1", G1)], G2: [_quad("b", "2", G2)]})

    def values(q, **kw):
        return sorted(r[0].value for r in any_store.query(q, **kw).rows())
    assert values(f"SELECT ?o FROM <{G2}> WHERE {{ ?s ?p ?o }}") == ["2"]
    assert values("SELECT ?o FROM <http://example.org/none> WHERE { ?s ?p ?o }") == []
    assert values(f"SELECT ?o FROM NAMED <{G1}> WHERE {{ ?s ?p ?o }}") == []
    assert values(f"SELECT ?o FROM NAMED <{G1}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}") == ["1"]
    assert values("SELECT ?o WHERE { ?s ?p ?o }", named_graphs=[G1]) == []
    assert values("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }", named_graphs=[G1]) == ["1"]
    assert values("SELECT ?from WHERE { ?s ?p ?from }") == ["1", "2"]


def test_ask_and_construct_answer_as_on_the_embedded_store(any_store):
    any_store.replace_graphs({G1: [_quad("a", "1", G1)]})
    assert any_store.query("ASK { ?s ?p '1' }").boolean is True
    assert any_store.query("ASK { ?s ?p '2' }").boolean is False
    triples = list(any_store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").rows())
    assert [t[2].value for t in triples] == ["1"]


def test_syntax_error_is_a_query_error(any_store):
    with pytest.raises(QueryError):
        any_store.query("SELEC nothing")


def test_existing_graphs_answers_for_a_batch(any_store):
    any_store.replace_graphs({G1: [_quad("a", "1", G1)]})
    names = [f"{G2}/{i}" for i in range(450)] + [G1]
    assert any_store.existing_graphs(names) == {G1}
    assert any_store.has_graph(G1) and not any_store.has_graph(G2)


def test_load_adds_quads_and_drop_removes_graphs(any_store):
    data = ox.serialize([_quad("a", "1", G1), _quad("b", "2", G2)], format=ox.RdfFormat.N_QUADS)
    any_store.load(data, "nquads")
    assert any_store.graph_names() == [G1, G2] and any_store.quad_count() == 2
    any_store.drop_graphs([G1])
    assert any_store.graph_names() == [G2]


def test_add_graphs_if_absent_leaves_existing_graphs_alone(any_store):
    any_store.replace_graphs({G1: [_quad("a", "1", G1)]})
    added = any_store.add_graphs_if_absent({G1: [_quad("a", "x", G1)], G2: [_quad("b", "2", G2)]})
    assert added == [G2]
    assert [q.object.value for q in any_store.quads(G1)] == ["1"]


def test_query_serialized_caps_rows(any_store):
    any_store.replace_graphs({G1: [_quad(f"s{i}", str(i), G1) for i in range(5)]})
    result = any_store.query_serialized("SELECT ?o WHERE { ?s ?p ?o }", "csv", row_cap=3)
    assert result.truncated and result.rows == 3


def test_export_reimports_the_same_quads(any_store, tmp_path):
    from graph import open_store

    any_store.replace_graphs({G1: [_quad("a", "1", G1), _quad("b", "é \"quoted\"", G1)], G2: [_quad("c", "3", G2)]})
    buf = io.BytesIO()
    any_store.export(buf, "nquads")
    copy = open_store(tmp_path / "copy")
    copy.load(buf.getvalue(), "nquads")
    assert _canonical(copy.quads()) == _canonical(any_store.quads())
    one = io.BytesIO()
    any_store.export(one, "ntriples", graph=G2)
    assert one.getvalue().decode().count(" .\n") == 1
    copy.close()


def test_the_ledger_is_seen_by_another_open_of_the_same_store(any_store):
    from graph import open_store

    any_store.ledger.write(put=[(G1, "http://example.org/field", "v")])
    again = RemoteStore(any_store.settings, read_only=True) if isinstance(any_store, RemoteStore) \
        else open_store(any_store.path, read_only=True)
    assert again.ledger.values("http://example.org/field") == {G1: "v"}
    again.close()


@pytest.mark.parametrize("call", [
    lambda db, name: db.has_graph(name),
    lambda db, name: db.existing_graphs([name]),
    lambda db, name: db.drop_graphs([name]),
    lambda db, name: db.replace_graphs({name: []}),
    lambda db, name: list(db.quads(name)),
])
def test_a_graph_name_that_could_break_out_of_sparql_is_refused_everywhere(any_store, call):
    with pytest.raises(QueryError, match="bad graph name"):
        call(any_store, "https://example.org/g> } ; DROP ALL ; INSERT DATA { <x")
