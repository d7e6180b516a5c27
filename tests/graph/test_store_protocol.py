"""One store protocol: OxigraphStore has every method of graph.Store and of the subset a corpus run names
(ingest.ledger.CorpusSink, kept in ingest because ingest does not import graph); graph names are checked
in one place before SPARQL or the engine sees them; how a store loads (bulk, trusted) and its default graph
are options chosen when it is opened, never arguments of a call."""
from __future__ import annotations

import inspect

import pyoxigraph as ox
import pytest

from graph import OxigraphStore, QueryError, Store, StoreError, StoreOptions, open_store
from ingest.ledger import CorpusSink

G = "https://example.org/g"


def _members(protocol) -> set[str]:
    return {n for n in vars(protocol) if not n.startswith("_")} | set(getattr(protocol, "__annotations__", {}))


@pytest.mark.parametrize("protocol", [Store, CorpusSink])
def test_oxigraph_store_satisfies_the_protocol(protocol):
    db = OxigraphStore()
    for name in _members(protocol):
        assert hasattr(db, name), f"OxigraphStore lacks {protocol.__name__}.{name}"
        wanted = getattr(protocol, name, None)
        if callable(wanted):
            ours = inspect.signature(getattr(db, name)).parameters
            for param in list(inspect.signature(wanted).parameters)[1:]:
                assert param in ours or param == "kwargs", f"{name} lacks parameter {param}"


def test_corpus_sink_is_a_subset_of_the_store_protocol():
    assert _members(CorpusSink) <= _members(Store)


def test_existing_graphs_answers_for_a_batch():
    db = OxigraphStore()
    db.replace_graphs({G: [ox.Quad(ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p"),
                                   ox.Literal("o"), ox.NamedNode(G))]})
    assert db.existing_graphs([G, G + "2"]) == {G}


def test_replace_graphs_takes_n_quads_bytes_and_replaces_in_one_transaction():
    db = OxigraphStore()
    db.replace_graphs({G: f"<https://example.org/s> <https://example.org/p> \"old\" <{G}> .\n".encode()})
    db.replace_graphs({G: f"<https://example.org/s> <https://example.org/p> \"new\" <{G}> .\n".encode()})
    assert [q.object.value for q in db.quads(G)] == ["new"]


def test_n_quads_of_another_graph_are_refused_and_change_nothing():
    from graph import StoreError

    db = OxigraphStore()
    db.replace_graphs({G: f"<https://example.org/s> <https://example.org/p> \"old\" <{G}> .\n".encode()})
    with pytest.raises(StoreError):
        db.replace_graphs({G: b"<https://example.org/s> <https://example.org/p> \"x\" <https://example.org/other> .\n"})
    assert [q.object.value for q in db.quads(G)] == ["old"]


@pytest.mark.parametrize("call", [
    lambda db, name: db.has_graph(name),
    lambda db, name: db.existing_graphs([name]),
    lambda db, name: db.drop_graphs([name]),
    lambda db, name: db.replace_graphs({name: []}),
    lambda db, name: list(db.quads(name)),
])
def test_a_graph_name_that_could_break_out_of_sparql_is_refused_everywhere(call):
    with pytest.raises(QueryError, match="bad graph name"):
        call(OxigraphStore(), "https://example.org/g> } ; DROP ALL ; INSERT DATA { <x")


def _nquads(value: str, graph: str = G) -> bytes:
    return f"<https://example.org/s> <https://example.org/p> {value} <{graph}> .\n".encode()


def test_no_call_of_the_protocol_takes_a_backend_option():
    for name in ("load", "query"):
        params = set(inspect.signature(getattr(Store, name)).parameters)
        assert not params & {"bulk", "trusted", "union"}, name


def test_a_bulk_store_loads_the_same_quads_and_says_its_loads_are_not_atomic(tmp_path):
    data = _nquads('"a"') + _nquads('"b"', G + "2")
    stores = {bulk: open_store(tmp_path / str(bulk), options=StoreOptions.for_ingest(bulk=bulk)) for bulk in (False, True)}
    for store in stores.values():
        store.load(data, "nquads")
    assert stores[False].atomic_loads and not stores[True].atomic_loads
    assert set(map(str, stores[True].quads())) == set(map(str, stores[False].quads())) and stores[True].quad_count() == 2
    for store in stores.values():
        store.close()


def test_only_a_trusted_store_skips_the_iri_check_of_what_it_loads():
    with pytest.raises(StoreError, match="cannot load nquads"):
        OxigraphStore().load(_nquads("<relative>"), "nquads")       # users' data (the Graph Store endpoint)
    trusted = OxigraphStore(options=StoreOptions.for_ingest())     # this program's own validated N-Quads
    trusted.load(_nquads("<relative>"), "nquads")
    assert trusted.quad_count() == 1


def test_the_union_default_graph_is_the_stores_unless_it_is_opened_without_it():
    data = _nquads('"named"') + b'<https://example.org/s> <https://example.org/p> "default" .\n'
    seen = {}
    for union in (True, False):
        db = OxigraphStore(options=StoreOptions(union_default_graph=union))
        db.load(data, "nquads")
        assert db.union_default_graph is union
        seen[union] = sorted(r[0].value for r in db.query("SELECT ?o WHERE { ?s ?p ?o }").rows())
    assert seen == {True: ["default", "named"], False: ["default"]}


def test_a_remote_store_refuses_to_be_opened_without_the_union_default_graph(tmp_path):
    from graph.backends import open_store as open_location

    with pytest.raises(StoreError, match="union"):
        open_location(f"sparql+http://127.0.0.1:9/?state={tmp_path}", options=StoreOptions(union_default_graph=False))
