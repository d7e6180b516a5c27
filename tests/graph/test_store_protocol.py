"""One store protocol: OxigraphStore has every method of graph.Store and of the subset a corpus run names
(ingest.ledger.CorpusSink, kept in ingest because ingest does not import graph); graph names are checked
in one place before SPARQL or the engine sees them."""
from __future__ import annotations

import inspect

import pyoxigraph as ox
import pytest

from graph import OxigraphStore, QueryError, Store
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
