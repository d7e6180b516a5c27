"""Capped results in every format stay valid documents of that format."""
from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from graph import OxigraphStore, write_result


@pytest.fixture
def store():
    db = OxigraphStore()
    g = ox.NamedNode("http://example.org/g")
    quads = [ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                     ox.Literal(f'tab\there "quoted" line\n{i}', language="en"), g) for i in range(10)]
    db.load(ox.serialize(quads, format=ox.RdfFormat.N_QUADS), "nquads")
    return db


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_solutions_are_cut_at_the_cap_in_a_valid_document(store, fmt):
    out = io.BytesIO()
    written = write_result(store.query("SELECT ?s ?o WHERE { ?s ?p ?o }"), fmt, out, row_cap=4)
    assert written.truncated and written.rows == 4
    back = ox.parse_query_results(out.getvalue(), ox.QueryResultsFormat.JSON) if fmt == "json" else None
    if fmt == "json":
        assert len(list(back)) == 4
        assert json.loads(out.getvalue())["results"]["bindings"][0]["o"]["xml:lang"] == "en"
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.getvalue().decode())))
        assert len(rows) == 4 and rows[0]["o"].startswith("tab\there")
    else:
        parsed = ox.parse_query_results(out.getvalue(), ox.QueryResultsFormat.XML if fmt == "xml"
                                        else ox.QueryResultsFormat.TSV)
        values = [s["o"].value for s in parsed]
        assert len(values) == 4 and all(v.startswith('tab\there "quoted" line\n') for v in values)


def test_a_result_under_the_cap_is_whole_and_not_flagged(store):
    out = io.BytesIO()
    written = write_result(store.query("SELECT ?s WHERE { ?s ?p ?o }"), "json", out, row_cap=100)
    assert not written.truncated and written.rows == 10


def test_graph_results_are_capped_in_triples(store):
    out = io.BytesIO()
    written = write_result(store.query("CONSTRUCT WHERE { ?s ?p ?o }"), "turtle", out, row_cap=3)
    assert written.truncated and written.rows == 3
    assert len(list(ox.parse(out.getvalue(), format=ox.RdfFormat.TURTLE))) == 3
