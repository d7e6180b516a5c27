"""A writable store leaves no write-ahead logs behind when it is closed (they once outlived an ingest: 548 MB
of an 816 MB store after two volumes)."""
from __future__ import annotations

import os

import pyoxigraph as ox

import graph.store
from graph import open_store


def _log_bytes(path) -> int:
    return sum(e.stat().st_size for e in os.scandir(path) if e.name.endswith(".log"))


def _quads(n: int) -> bytes:
    return "".join(f"<https://example.org/s{i}> <https://example.org/p> \"{'x' * 200}\" <https://example.org/g> .\n"
                   for i in range(n)).encode()


def test_closing_a_written_store_removes_its_write_ahead_logs(tmp_path, monkeypatch):
    monkeypatch.setattr(graph.store, "LOG_CLEANUP_BYTES", 0)
    db = open_store(tmp_path / "store")
    db.load(_quads(2000), "nquads")
    assert _log_bytes(tmp_path / "store") > 0
    db.close()
    assert _log_bytes(tmp_path / "store") == 0
    assert len(ox.Store.read_only(str(tmp_path / "store"))) == 2000      # nothing lost with the logs


def test_small_logs_are_left_for_the_next_open(tmp_path):
    db = open_store(tmp_path / "store")
    db.load(_quads(10), "nquads")
    db.close()
    assert 0 < _log_bytes(tmp_path / "store") < graph.store.LOG_CLEANUP_BYTES
