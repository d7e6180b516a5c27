"""Queries in killable worker processes: deadlines, crashes and row caps cost a worker, never the caller."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time

import pytest

from graph import EngineCrashed, IsolatedStore, PoolSettings, QueryError, QueryTimeout, StoreError

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CRASH = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") } LIMIT 1"


@pytest.fixture(scope="module")
def pool(sample_store_path):
    store = IsolatedStore(sample_store_path, PoolSettings(workers=2, timeout=2.0, row_cap=7))
    yield store
    store.close()


def test_rows_come_back_as_terms(pool):
    result = pool.query("SELECT ?name WHERE { <https://w3id.org/frus-kg/id/people/102617> "
                        "<http://schema.org/name> ?name }")
    assert result.variables == ("name",)
    [(name,)] = list(result.rows())
    assert name.value.startswith("William P") and name.value.endswith("Clark")


def test_a_query_past_its_deadline_is_stopped_and_the_pool_keeps_working(pool):
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="2 s time limit"):
        pool.query(RUNAWAY)
    assert time.monotonic() - started < 4
    assert pool.query("ASK { ?s ?p ?o }").boolean is True


def test_an_engine_crash_is_reported_and_a_new_worker_answers_next(pool):
    with pytest.raises(EngineCrashed, match="SIGSEGV"):
        pool.query(CRASH)
    for _ in range(4):
        assert pool.query("ASK { ?s ?p ?o }").boolean is True


def test_a_malformed_query_is_the_clients_error(pool):
    with pytest.raises(QueryError, match="syntax"):
        pool.query("SELEKT * WHERE {}")


def test_row_cap_cuts_and_flags_rows_and_files(pool):
    result = pool.query("SELECT * WHERE { ?s ?p ?o } LIMIT 20")
    assert result.truncated and len(list(result.rows())) == 7
    written = pool.query_serialized("SELECT * WHERE { ?s ?p ?o } LIMIT 20", "json")
    assert written.truncated and written.rows == 7
    assert len(json.loads(b"".join(written.chunks()))["results"]["bindings"]) == 7


def test_a_large_result_waits_in_a_spool_file_that_is_deleted_once_sent(sample_store_path):
    store = IsolatedStore(sample_store_path, PoolSettings(workers=1, row_cap=50_000))
    try:
        result = store.query_serialized("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 40000", "json")
        assert result.data is None and result.path.exists() and result.size > 1 << 20
        assert len(json.loads(b"".join(result.chunks()))["results"]["bindings"]) == 40000
        assert not result.path.exists()
    finally:
        store.close()


def test_regression_a_killed_servers_result_spool_was_left_in_the_temporary_folder_for_ever(
        sample_store_path, tmp_path, monkeypatch):
    """A server killed with SIGKILL never runs close(): five empty spools were left in /tmp by every test run.
    The next store opened removes the spools of processes that are gone, and leaves a live server's alone."""
    opener = ("import sys, time; from graph import IsolatedStore, PoolSettings; "
              "IsolatedStore(sys.argv[1], PoolSettings(workers=1)); print('open', flush=True); time.sleep(600)")
    killed, alive = (subprocess.Popen([sys.executable, "-c", opener, str(sample_store_path)], stdout=subprocess.PIPE,
                                      env={**os.environ, "TMPDIR": str(tmp_path)}) for _ in range(2))
    try:
        for proc in (killed, alive):
            assert proc.stdout.readline() == b"open\n"
        (spool_of_killed,) = tmp_path.glob(f"frus-kg-results-{killed.pid}-*")
        (spool_of_alive,) = tmp_path.glob(f"frus-kg-results-{alive.pid}-*")
        (spool_of_killed / "result.json").write_bytes(b"{}")
        killed.send_signal(signal.SIGKILL)
        killed.wait(10)
        monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
        store = IsolatedStore(sample_store_path, PoolSettings(workers=1))
        try:
            assert not spool_of_killed.exists() and spool_of_alive.is_dir()
        finally:
            store.close()
        assert not store.spool.exists()
    finally:
        for proc in (killed, alive):
            proc.kill()
            proc.wait(10)


def test_a_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        IsolatedStore(tmp_path / "nothing")


def test_local_reads_run_the_servers_own_queries_here_and_client_queries_in_workers(sample_store_path):
    """`frus-kg serve` answers its own REST queries in process; a query with a deadline, and every client
    query (`query_serialized`), still runs in a worker that is killed at the limit or when it crashes."""
    store = IsolatedStore(sample_store_path, PoolSettings(workers=1, timeout=2.0, local_reads=True))
    try:
        worker = next(iter(store._all)).proc.pid
        [(name,)] = list(store.query("SELECT ?name WHERE { <https://w3id.org/frus-kg/id/people/102617> "
                                     "<http://schema.org/name> ?name }").rows())
        assert name.value.endswith("Clark")
        assert store.has_graph("https://w3id.org/frus-kg/id/graph/stats") == (
            "https://w3id.org/frus-kg/id/graph/stats" in store.graph_names())
        with pytest.raises(QueryTimeout):
            store.query(RUNAWAY, timeout=1.0)
        with pytest.raises(EngineCrashed, match="SIGSEGV"):
            store.query_serialized(CRASH, "json")
        assert worker not in {w.proc.pid for w in store._all}
        assert store.query("ASK { ?s ?p ?o }").boolean is True
    finally:
        store.close()


def _worker_then_query(path: str, ready, go, answer) -> None:
    """A query worker's store, opened as serve_jobs opens it; its query comes within the second after its
    last look at the files (a long query that began then is the same case), so only the retry saves it."""
    from graph.query_worker import Job, _run
    from graph.store import OxigraphStore

    names = "SELECT ?g WHERE { GRAPH ?g { } }"      # reads the index of graph names
    store = OxigraphStore(path, read_only=True)
    ready.set()
    go.wait(60)
    store._checked = time.monotonic()
    reply = _run(store, Job(names))
    answer.put(getattr(reply, "message", None) or len(reply.rows))


def test_bug_a_query_worker_whose_snapshot_lost_a_file_to_an_ingests_compaction_answers(tmp_path):
    from tests.graph import compaction_race

    assert compaction_race.race(tmp_path / "store", _worker_then_query) == compaction_race.GRAPHS


def test_regression_a_worker_whose_parent_had_gone_printed_a_brokenpipeerror_traceback(sample_store_path):
    """`frus-kg query --timeout` exits at the limit while the killed worker's replacement is still starting; the
    replacement then wrote "ready" into a pipe nobody read, and its BrokenPipeError traceback reached the user's
    terminal (4 runs of 6). A worker whose parent is gone now ends in silence."""
    import os
    import subprocess
    import sys

    to_child_r, to_child_w = os.pipe()
    from_child_r, from_child_w = os.pipe()
    os.close(from_child_r)                   # the parent has gone: nobody will read "ready"
    worker = subprocess.Popen([sys.executable, "-m", "graph.worker_process", str(sample_store_path),
                               str(to_child_r), str(from_child_w)], pass_fds=(to_child_r, from_child_w),
                              stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    os.close(to_child_r)
    os.close(from_child_w)
    try:
        _, stderr = worker.communicate(timeout=60)
    finally:
        os.close(to_child_w)
    assert worker.returncode == 0 and stderr == "", stderr


def test_regression_frus_kg_query_at_its_time_limit_printed_a_workers_traceback(sample_store_path):
    """The whole path: the query is stopped (exit 3, one line), and nothing else reaches stderr, including what a
    replacement worker started meanwhile could write after the command returned (stderr is read to its end)."""
    import subprocess
    import sys
    from pathlib import Path

    exe = str(Path(sys.executable).with_name("frus-kg"))
    for _ in range(3):
        proc = subprocess.run([exe, "query", "--store", str(sample_store_path), "--timeout", "1", RUNAWAY],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 3, proc.stderr
        assert proc.stderr.strip() == "error: the query ran longer than the 1 s time limit and was stopped", proc.stderr


def test_regression_a_worker_that_could_not_be_started_ended_the_respawner_for_good(sample_store_path, monkeypatch):
    """CI, session 51: starting a successor raised OSError ("[Errno 14] Bad address") in the respawner's thread, which
    caught only StoreError and died: no worker would ever be replaced again, and once all were gone every query waited
    out `queue_wait`. Now the failure is a StoreError, reported, and the start is tried again a second later."""
    import subprocess
    import threading

    from graph import query_pool

    store = IsolatedStore(sample_store_path, PoolSettings(workers=1, timeout=1.0, queue_wait=20.0))
    real, failures = subprocess.Popen, []

    def failing_once(*args, **kwargs):
        if not failures:
            failures.append(1)
            raise OSError(14, "Bad address")
        return real(*args, **kwargs)

    try:
        monkeypatch.setattr(query_pool.subprocess, "Popen", failing_once)
        with pytest.raises(QueryTimeout):
            store.query(RUNAWAY)                 # its worker is killed; the respawner starts its successor
        assert store.query("ASK { ?s ?p ?o }").boolean is True
        assert failures and any(t.name == "frus-kg-respawn" for t in threading.enumerate())
    finally:
        store.close()
