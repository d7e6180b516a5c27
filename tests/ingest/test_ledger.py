"""The ingest ledger is outside RDF: queries and exports never see it, resume still works, the order of the
writes keeps every ledger entry true across a crash at any step, and stores that kept it in the default
graph are migrated when opened."""
from __future__ import annotations

import gc
import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from frus_kg.cli import app
from graph import StoreOptions, open_store
from ingest.ledger import GRAPH_DIGEST, INGEST_COMPLETE, INGEST_STATUS, INGEST_VOLUME, SOURCE_DIGEST
from ingest.parallel import ingest_corpus

ROOT = Path(__file__).resolve().parents[2]
V1948 = ROOT / "tests" / "fixtures" / "tei" / "frus1948v05p1-slice.xml"
SAMPLE = ROOT / "examples" / "frus1981-88v41-d54.txt"
VOLUME = "https://w3id.org/frus-kg/id/historicaldocuments/frus1948v05p1"
INPUTS = [V1948, SAMPLE]
LEDGER_TERMS = (SOURCE_DIGEST, INGEST_VOLUME, INGEST_STATUS)


def contents(db) -> tuple[set[str], list[tuple[str, str, str]]]:
    """What a store holds: its quads (N-Quads lines) and its ledger rows."""
    buf = io.BytesIO()
    db.export(buf, "nquads")
    return {line for line in buf.getvalue().decode().splitlines() if line}, db.ledger.rows()


def contents_of(store_dir: Path):
    db = open_store(store_dir, read_only=True)
    try:
        return contents(db)
    finally:
        db.close()


def ingest(store_dir: Path, paths=INPUTS, **kwargs):
    db = open_store(store_dir)
    try:
        return ingest_corpus(paths, db, workers=0, **kwargs)
    finally:
        db.close()


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    """A store after one uninterrupted ingest of a TEI volume slice (4 documents) and the sample memo."""
    store = tmp_path_factory.mktemp("clean") / "store"
    summary = ingest(store)
    assert summary.documents == 5 and not summary.failures
    return store


def test_ledger_is_not_in_the_union_default_graph(clean):
    db = open_store(clean, read_only=True)
    for term in LEDGER_TERMS:
        assert not list(db.query(f"SELECT * WHERE {{ ?s <{term}> ?o }}").rows()), term
    real_default = open_store(clean, read_only=True, options=StoreOptions(union_default_graph=False))
    assert not list(real_default.query("SELECT * WHERE { ?s ?p ?o }").rows()), "the real default graph is empty"
    real_default.close()
    assert db.ledger.values(INGEST_VOLUME)                  # the ledger is there, beside the RDF


@pytest.mark.parametrize("fmt", ["nquads", "turtle"])
def test_export_has_no_ingest_bookkeeping(clean, fmt, tmp_path):
    out = tmp_path / f"export.{fmt}"
    result = CliRunner().invoke(app, ["export", "--store", str(clean), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "frus1948v05p1/d1" in text
    assert not any(word in text for word in ("sourceDigest", "ingestVolume", "ingestStatus", "IngestComplete"))


def test_a_rerun_still_skips_what_the_ledger_has(clean, tmp_path):
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(clean, copy)
    summary = ingest(copy)
    assert (summary.documents, summary.skipped_files, summary.skipped_documents) == (0, 1, 1)
    assert contents_of(copy) == contents_of(clean)


# ---------------------------------------------------------------------------- crashes between the writes
class Crash(Exception):
    """A simulated crash (the process dies here: nothing after it is written)."""


class CrashingSink:
    """The store, but the first write that `when(kind, payload)` picks raises Crash instead of being made.
    `kind` is 'load', 'update' or 'ledger' (payload: the SPARQL, the bytes, or (put, remove))."""

    def __init__(self, db, when):
        self.db, self.when, self.crashed = db, when, False
        self.ledger = _CrashingTable(self)

    def __getattr__(self, name):
        return getattr(self.db, name)

    def _write(self, kind: str, payload) -> None:
        if not self.crashed and self.when(kind, payload):
            self.crashed = True
            raise Crash(kind)

    def load(self, data, fmt, graph=None):
        self._write("load", data)
        self.db.load(data, fmt, graph)

    def update(self, sparql):
        self._write("update", sparql)
        self.db.update(sparql)

    def replace_graphs(self, graphs):
        self._write("replace", graphs)
        self.db.replace_graphs(graphs)

    def drop_graphs(self, names):
        names = list(names)
        self._write("drop", names)
        self.db.drop_graphs(names)


class _CrashingTable:
    def __init__(self, sink: CrashingSink):
        self.sink = sink

    def __getattr__(self, name):
        return getattr(self.sink.db.ledger, name)

    def write(self, put=(), remove=()):
        put, remove = list(put), list(remove)
        self.sink._write("ledger", (put, remove))
        self.sink.db.ledger.write(put, remove)


def crash_run(store_dir: Path, when, paths=INPUTS, **kwargs):
    """Ingest until the simulated crash; returns the store's contents as the crash left them."""
    db = open_store(store_dir)
    sink = CrashingSink(db, when)
    try:
        with pytest.raises(Crash):
            ingest_corpus(paths, sink, workers=0, batch_bytes=1, **kwargs)
        return contents(db)
    finally:
        db.close()


def puts(field: str, value: str | None = None):
    return lambda kind, payload: kind == "ledger" and any(f == field and value in (None, v) for _, f, v in payload[0])


def entries_are_true(store_dir: Path, clean_dir: Path) -> set[str]:
    """Every document with a ledger entry has its whole graph, as in the clean run; returns those documents."""
    db, reference = open_store(store_dir, read_only=True), open_store(clean_dir, read_only=True)
    documents = set(db.ledger.values(INGEST_VOLUME))
    for doc in documents:
        assert {str(q) for q in db.quads(doc)} == {str(q) for q in reference.quads(doc)}, doc
    return documents


def test_a_crash_between_a_graph_and_its_entry_leaves_data_that_the_rerun_redoes(clean, tmp_path):
    store = tmp_path / "store"
    calls = []
    second_entry = puts(SOURCE_DIGEST)
    quads, ledger = crash_run(store, lambda kind, p: second_entry(kind, p) and len(calls.append(1) or calls) == 2)
    d2 = f"{VOLUME}/d2"
    assert any(q.endswith(f"<{d2}> .") for q in quads)               # its graph is committed,
    assert d2 not in {s for s, _, _ in ledger}                        # its entry is not
    assert entries_are_true(store, clean) == {f"{VOLUME}/d1"}
    summary = ingest(store)
    assert (summary.documents, summary.skipped_documents) == (4, 1)
    assert contents_of(store) == contents_of(clean)


def test_a_replaced_document_loses_its_entry_before_its_graph_changes(clean, tmp_path):
    import shutil

    store = tmp_path / "store"
    shutil.copytree(clean, store)
    d1 = f"{VOLUME}/d1"
    _, ledger = crash_run(store, lambda kind, p: kind == "replace" and d1 in p,
                          force=True)
    assert d1 not in {s for s, _, _ in ledger}
    assert (VOLUME, INGEST_STATUS, INGEST_COMPLETE) not in ledger     # its volume's graph was replaced first
    entries_are_true(store, clean)
    summary = ingest(store)
    assert summary.skipped_files == 0 and summary.documents >= 1
    assert contents_of(store) == contents_of(clean)


def test_a_crash_before_a_volume_is_marked_complete_is_finished_by_the_rerun(clean, tmp_path):
    store = tmp_path / "store"
    _, ledger = crash_run(store, puts(INGEST_STATUS, INGEST_COMPLETE), paths=[V1948])
    assert (VOLUME, INGEST_STATUS, INGEST_COMPLETE) not in ledger
    assert len(entries_are_true(store, clean)) == 4
    summary = ingest(store)
    assert (summary.skipped_files, summary.skipped_documents, summary.documents, summary.volumes) == (0, 4, 1, 1)
    assert contents_of(store) == contents_of(clean)


def test_a_crash_between_forgetting_stale_documents_and_dropping_them_is_finished_by_the_rerun(clean, tmp_path):
    """A document the volume no longer yields (here: planted in the store) is stale: the finish of the
    volume removes its entry, then its graph, then marks the volume complete."""
    import shutil

    store = tmp_path / "store"
    shutil.copytree(clean, store)
    stale = f"{VOLUME}/d99"
    db = open_store(store)
    db.update(f"INSERT DATA {{ GRAPH <{stale}> {{ <{stale}> <http://schema.org/isPartOf> <{VOLUME}> }} }}")
    db.ledger.write(put=[(stale, SOURCE_DIGEST, "ni:///sha-256;old"), (stale, INGEST_VOLUME, VOLUME)])
    db.close()
    quads, ledger = crash_run(store, lambda kind, p: kind == "drop" and p[0] == stale,
                              paths=[V1948], force=True)
    assert any(q.endswith(f"<{stale}> .") for q in quads)             # the graph is still there,
    assert stale not in {s for s, _, _ in ledger}                     # its entry is gone,
    assert (VOLUME, INGEST_STATUS, INGEST_COMPLETE) not in ledger     # and the volume is not complete
    summary = ingest(store)
    assert summary.dropped_graphs == 1 and summary.volumes == 1
    assert contents_of(store) == contents_of(clean)


# ---------------------------------------------------------------------------- stores written the old way
def legacy_copy(src: Path, dst: Path, ledger_too: bool = False) -> Path:
    """The store as frus-kg wrote it before the ledger left RDF: the same quads, and the ledger as
    statements in the default graph (`ledger_too`: also already copied into the sidecar, as a crash
    in the middle of the migration leaves it). Such stores predate `fk:graphDigest`."""
    quads, rows = before_graph_digests(contents_of(src))
    raw = ox.Store(str(dst))
    raw.load("\n".join(sorted(quads)).encode(), format=ox.RdfFormat.N_QUADS)
    raw.extend([ox.Quad(ox.NamedNode(s), ox.NamedNode(f), ox.NamedNode(v)) for s, f, v in rows])
    raw.flush()
    del raw
    gc.collect()
    if ledger_too:
        from graph.ledger_file import LEDGER_FILE, LedgerFile
        sidecar = LedgerFile(dst / LEDGER_FILE)
        sidecar.write(put=rows)
        sidecar.close()
    return dst


def before_graph_digests(held):
    """What a store written before the ledger kept `fk:graphDigest` holds: the same, without those rows."""
    quads, rows = held
    return quads, [row for row in rows if row[1] != GRAPH_DIGEST]


def legacy_statements(store_dir: Path) -> int:
    raw = ox.Store.read_only(str(store_dir))
    return sum(1 for term in LEDGER_TERMS for _ in raw.quads_for_pattern(None, ox.NamedNode(term), None, None))


def test_a_store_with_its_ledger_in_the_default_graph_is_migrated_when_opened_for_ingest(clean, tmp_path):
    store = legacy_copy(clean, tmp_path / "store")
    assert legacy_statements(store) == len(before_graph_digests(contents_of(clean))[1]) > 10
    summary = ingest(store)
    assert legacy_statements(store) == 0
    assert (summary.documents, summary.skipped_files, summary.skipped_documents) == (0, 1, 1)   # resumes from it
    assert contents_of(store) == before_graph_digests(contents_of(clean))


def test_a_migration_interrupted_after_its_copy_is_finished_by_the_next_open(clean, tmp_path):
    store = legacy_copy(clean, tmp_path / "store", ledger_too=True)
    open_store(store).close()
    assert legacy_statements(store) == 0
    assert contents_of(store) == before_graph_digests(contents_of(clean))


def test_a_read_only_open_migrates_a_legacy_store_first(clean, tmp_path):
    store = legacy_copy(clean, tmp_path / "store")
    db = open_store(store, read_only=True)
    assert not list(db.query(f"SELECT * WHERE {{ ?s <{SOURCE_DIGEST}> ?o }}").rows())
    assert contents(db) == before_graph_digests(contents_of(clean))


def test_a_legacy_store_held_by_a_writer_still_opens_read_only(clean, tmp_path):
    store = legacy_copy(clean, tmp_path / "store")
    writer = ox.Store(str(store))                   # another process's ingest holds the lock
    db = open_store(store, read_only=True)
    assert db.has_legacy_ledger() and db.quad_count() > 0
    del writer
