"""Errors: one root per package, one table per boundary, and a bug surfaces as a bug (never as bad data)."""
from __future__ import annotations

import importlib
import inspect
import sys

import pytest

from tests.test_architecture import ROOT, module_name, modules

FIXTURE = ROOT / "tests" / "fixtures" / "tei" / "frus1969-76v01-slice.xml"
ROOTS = {"ingest": "ingest.errors.IngestError", "graph": "graph.errors.GraphError",
         "ontology": "ontology.errors.OntologyError"}


def _root(package: str) -> type:
    module, _, name = ROOTS[package].rpartition(".")
    return getattr(importlib.import_module(module), name)


@pytest.mark.parametrize("package", sorted(ROOTS))
def test_every_public_error_of_a_package_descends_from_its_root(package):
    root = _root(package)
    for path in modules(package):
        module = importlib.import_module(module_name(path))
        for name, cls in vars(module).items():
            if (inspect.isclass(cls) and issubclass(cls, Exception) and cls.__module__ == module.__name__
                    and not name.startswith("_")):
                assert issubclass(cls, root), f"{module.__name__}.{name} is not a {root.__name__}"


def test_default_extractors_does_not_hide_a_broken_entities_package(monkeypatch):
    from ingest.pipeline import default_extractors

    monkeypatch.setitem(sys.modules, "ingest.entities", None)      # what a broken install looks like
    with pytest.raises(ImportError):
        default_extractors()


def test_tei_reader_reports_a_programming_error_as_a_bug_not_as_unreadable_data(monkeypatch):
    from ingest import tei_reader

    def broken(*args, **kwargs):
        raise TypeError("a bug in the reader")

    monkeypatch.setattr(tei_reader, "_document", broken)
    reported = []
    with pytest.raises(TypeError, match="a bug in the reader"):
        list(tei_reader.read_tei(FIXTURE, on_error=reported.append))
    assert reported == []


def test_tei_reader_still_reports_bad_data_in_one_document_and_reads_the_others(monkeypatch):
    from ingest import tei_reader

    real = tei_reader._document
    every = [r.doc_id for r in tei_reader.read_tei(FIXTURE)]

    def first_is_bad(ctx, div, *args, **kwargs):
        if div.get(tei_reader._XML_ID) == every[0]:
            raise ValueError("no <head>: a FRUS document needs its heading")
        return real(ctx, div, *args, **kwargs)

    monkeypatch.setattr(tei_reader, "_document", first_is_bad)
    reported = []
    records = list(tei_reader.read_tei(FIXTURE, on_error=reported.append))
    assert len(reported) == 1 and "needs its heading" in str(reported[0]) and every[0] in str(reported[0])
    assert [r.doc_id for r in records] == every[1:] and records


def test_store_disk_fault_while_querying_is_a_store_error_not_a_query_error():
    from graph import OxigraphStore, QueryError, StoreError

    class FailingDisk:
        def query(self, *args, **kwargs):
            raise OSError(5, "Input/output error")

    db = OxigraphStore()
    db._store = FailingDisk()
    with pytest.raises(StoreError) as caught:
        db.query("SELECT * WHERE { ?s ?p ?o }")
    assert not isinstance(caught.value, QueryError)


def test_cli_exit_codes_come_from_one_table_and_unknown_errors_are_not_mapped():
    from frus_kg.exits import EXIT_QUERY, EXIT_REJECTED, EXIT_STORE, EXIT_USAGE, exit_code
    from graph import QueryRefused, StoreError, StoreLocked
    from graph.networks import NetworkError
    from ingest import RejectedDocument, SourceError

    assert exit_code(QueryRefused("SERVICE is not allowed")) == EXIT_QUERY
    assert exit_code(StoreLocked("locked")) == EXIT_STORE
    assert exit_code(StoreError("disk")) == EXIT_STORE
    assert exit_code(NetworkError("unknown kind")) == EXIT_USAGE
    assert exit_code(SourceError("x.xml", "truncated")) == EXIT_REJECTED
    assert exit_code(RejectedDocument("d1", type("R", (), {"format": lambda self, d: d})())) == EXIT_REJECTED
    assert exit_code(TypeError("a bug")) is None
