"""The ledger file: (subject, field) -> value rows beside the store, one SQLite transaction per write,
invisible to SPARQL, and harmless to RocksDB in the same folder."""
from __future__ import annotations

import pytest

from graph import OxigraphStore, StoreError, open_store
from graph.ledger_file import LEDGER_FILE, LedgerFile

F, G = "https://example.org/f", "https://example.org/g"


def test_write_sets_replaces_and_removes_values(tmp_path):
    ledger = LedgerFile(tmp_path / "l.sqlite3")
    ledger.write(put=[("a", F, "1"), ("a", G, "x"), ("b", F, "1"), ("c", F, "2")])
    ledger.write(put=[("c", F, "1")], remove=[("a", None), ("b", G)])
    assert ledger.values(F) == {"b": "1", "c": "1"}
    assert ledger.rows() == [("b", F, "1"), ("c", F, "1")]


def test_subjects_match_every_condition(tmp_path):
    ledger = LedgerFile(tmp_path / "l.sqlite3")
    ledger.write(put=[("a", F, "1"), ("a", G, "x"), ("b", F, "1"), ("c", G, "y")])
    assert ledger.subjects({F: "1", G: None}) == {"a"}
    assert ledger.subjects({F: "1"}) == {"a", "b"}
    assert ledger.subjects({G: "z"}) == set() and ledger.subjects({}) == set()


def test_values_of_more_subjects_than_sqlite_binds_at_once(tmp_path):
    ledger = LedgerFile(tmp_path / "l.sqlite3")
    ledger.write(put=[(f"s{i}", F, str(i)) for i in range(2500)])
    assert len(ledger.values(F, [f"s{i}" for i in range(0, 3000, 2)])) == 1250


def test_a_failed_write_changes_nothing(tmp_path):
    ledger = LedgerFile(tmp_path / "l.sqlite3")
    ledger.write(put=[("a", F, "1")])
    with pytest.raises(StoreError):
        ledger.write(remove=[("a", None)], put=[("b", F, None)])        # NOT NULL fails after the delete
    assert ledger.rows() == [("a", F, "1")]


def test_read_only_reads_a_missing_file_as_empty_and_refuses_writes(tmp_path):
    ledger = LedgerFile(tmp_path / "none.sqlite3", read_only=True)
    assert ledger.rows() == [] and not (tmp_path / "none.sqlite3").exists()
    with pytest.raises(StoreError, match="read-only"):
        ledger.write(put=[("a", F, "1")])


def test_the_store_keeps_its_ledger_in_its_own_folder_through_compaction_and_reopening(tmp_path):
    db = open_store(tmp_path / "store")
    db.update("INSERT DATA { GRAPH <https://example.org/d> { <https://example.org/d> <https://example.org/p> 1 } }")
    db.ledger.write(put=[("https://example.org/d", F, "v")])
    db.checkpoint()
    db.optimize()
    db.close()
    assert (tmp_path / "store" / LEDGER_FILE).exists()
    again = open_store(tmp_path / "store", read_only=True)
    assert again.quad_count() == 1 and again.ledger.rows() == [("https://example.org/d", F, "v")]
    assert not list(again.query(f"SELECT * WHERE {{ ?s <{F}> ?o }}").rows())


def test_an_in_memory_store_has_an_in_memory_ledger():
    db = OxigraphStore()
    db.ledger.write(put=[("a", F, "1")])
    assert db.ledger.values(F) == {"a": "1"}
