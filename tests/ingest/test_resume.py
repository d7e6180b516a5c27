"""An interrupted `frus-kg ingest` (kill -9, Ctrl-C) leaves every committed document intact, and a rerun
ends with exactly the quads of a clean run.

The interruptions are real (SIGKILL of the process or of its whole process group, SIGINT) and made
deterministic by test hooks: FRUS_KG_INGEST_KILL_AFTER=N (the writer kills itself with SIGKILL after
N committed documents) and FRUS_KG_INGEST_PAUSE_AFTER=N (it stops after N and waits to be killed).

The ingest is started with SIGINT at its default disposition, as a terminal gives it: a suite run as a
background job of a non-interactive shell (`make test &`, a CI step) inherits SIGINT *ignored*, Python
then keeps ignoring it, and a Ctrl-C test would wait forever for an exit that can never come.
"""
from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import open_store
from ingest.ledger import INGEST_VOLUME
from ontology.validation import validate

ROOT = Path(__file__).resolve().parents[2]
TEI = ROOT / "tests" / "fixtures" / "tei"
INPUTS = [TEI / "frus1969-76v01-slice.xml", TEI / "frus1948v05p1-slice.xml"]
EXE = str(Path(sys.executable).with_name("frus-kg"))


def quads_of(store_dir: Path) -> set[str]:
    """The store's quads as N-Quads lines, and its ledger rows (outside RDF) as `ledger <s> <field> <value>`."""
    db = open_store(store_dir, read_only=True)
    buf = io.BytesIO()
    db.export(buf, "nquads")
    ledger = {f"ledger <{s}> <{f}> <{v}>" for s, f, v in db.ledger.rows()}
    return {line for line in buf.getvalue().decode().splitlines() if line} | ledger


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> set[str]:
    """The quads of an uninterrupted `frus-kg ingest` (serial), with what it adds before and after the
    documents: the authority graphs first, the statistics layer at its end."""
    store = tmp_path_factory.mktemp("clean") / "store"
    proc = subprocess.run([EXE, "ingest", "--store", str(store), "--workers", "0", *map(str, INPUTS)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return quads_of(store)


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)    # in the child, before exec: whatever the runner inherited


def start(store: Path, *extra: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([EXE, "ingest", "--store", str(store), *extra, *map(str, INPUTS)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **env}, start_new_session=True, preexec_fn=_default_sigint)


def interrupt(proc: subprocess.Popen, timeout: float = 120) -> str:
    """Ctrl-C (SIGINT to the whole process group, as a terminal sends it); returns stderr once it exited.
    Never leaves the group behind (it has its own session) when it does not exit in time."""
    os.killpg(proc.pid, signal.SIGINT)
    try:
        return proc.communicate(timeout=timeout)[1]
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        stderr = proc.communicate()[1]
        raise AssertionError(f"still running {timeout} s after SIGINT; stderr: {stderr[-2000:]}") from None


def starting_worker(parent: int) -> int | None:
    """A spawned ingest worker of `parent` that is running Python (SIGINT caught: its interpreter is up)
    but has not reached its loop yet (SIGINT not ignored): importing its modules. Linux /proc."""
    sigint = 1 << (signal.SIGINT - 1)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            if ppid != parent or b"spawn_main" not in (entry / "cmdline").read_bytes():
                continue
            status = dict(line.split(":", 1) for line in (entry / "status").read_text().splitlines())
        except (OSError, IndexError, ValueError):
            continue
        if int(status["SigCgt"], 16) & sigint and not int(status["SigIgn"], 16) & sigint:
            return int(entry.name)
    return None


def wait_for_line(proc: subprocess.Popen, needle: str, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line and proc.poll() is not None:
            break
        seen.append(line)
        if needle in line:
            return line
    proc.kill()
    raise AssertionError(f"never saw {needle!r}; stderr: {''.join(seen)[-2000:]}")


def assert_committed_documents_are_intact(store: Path, clean: set[str]) -> int:
    """Every document graph in the store is there whole (as in the clean run), has its ledger entry,
    and conforms to the shapes; returns how many there are."""
    db = open_store(store, read_only=True)
    docs = [g for g in db.graph_names() if re.search(r"/d\d+[a-z]?$", g)]
    ledger = set(db.ledger.values(INGEST_VOLUME))
    assert set(docs) == ledger, "a document graph without its ledger entry, or the reverse"
    clean_by_graph: dict[str, set[str]] = {}
    for q in ox.parse("\n".join(q for q in clean if not q.startswith("ledger ")), format=ox.RdfFormat.N_QUADS):
        if not isinstance(q.graph_name, ox.DefaultGraph):
            clean_by_graph.setdefault(q.graph_name.value, set()).add(str(q))
    for doc in docs:
        quads = list(db.quads(doc))
        assert {str(q) for q in quads} == clean_by_graph[doc], f"{doc} is not complete"
        assert validate(quads, engine="fast").conforms
    return len(docs)


def rerun_matches_clean_run(store: Path, clean: set[str]) -> subprocess.CompletedProcess:
    proc = subprocess.run([EXE, "ingest", "--store", str(store), "--workers", "1", *map(str, INPUTS)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert quads_of(store) == clean
    return proc


def test_kill_9_after_three_commits_then_a_rerun_matches_a_clean_run(tmp_path, clean):
    store = tmp_path / "store"
    proc = start(store, "--workers", "2", env={"FRUS_KG_INGEST_KILL_AFTER": "3"})
    proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL
    committed = assert_committed_documents_are_intact(store, clean)
    assert 3 <= committed < 12
    done = rerun_matches_clean_run(store, clean)
    assert f"{12 - committed} committed, {committed} unchanged" in done.stderr


def test_kill_9_of_the_whole_process_group_then_a_rerun_matches_a_clean_run(tmp_path, clean):
    store = tmp_path / "store"
    proc = start(store, "--workers", "1", env={"FRUS_KG_INGEST_PAUSE_AFTER": "5"})
    wait_for_line(proc, "paused after")
    os.killpg(proc.pid, signal.SIGKILL)             # the writer and its worker, as `kill -9 -PGID` would
    proc.wait(timeout=30)
    assert 5 <= assert_committed_documents_are_intact(store, clean) < 12
    rerun_matches_clean_run(store, clean)


def test_ctrl_c_exits_130_and_a_rerun_finishes(tmp_path, clean):
    store = tmp_path / "store"
    proc = start(store, "--workers", "1", env={"FRUS_KG_INGEST_PAUSE_AFTER": "2"})
    wait_for_line(proc, "paused after")
    stderr = interrupt(proc)
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert 2 <= assert_committed_documents_are_intact(store, clean) < 12
    rerun_matches_clean_run(store, clean)


def test_ctrl_c_test_hung_when_the_suite_ran_with_sigint_ignored(tmp_path, clean):
    """The bug: run as a background job (`make test &`), the suite inherited SIGINT ignored, so did the
    ingest it started, and the paused ingest never exited. The test starts it with SIGINT at default."""
    store = tmp_path / "store"
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)     # as a non-interactive shell's `&` leaves it
    try:
        proc = start(store, "--workers", "1", env={"FRUS_KG_INGEST_PAUSE_AFTER": "1"})
    finally:
        signal.signal(signal.SIGINT, previous)
    wait_for_line(proc, "paused after")
    stderr = interrupt(proc)
    assert proc.returncode == 130, stderr
    assert 1 <= assert_committed_documents_are_intact(store, clean) < 12


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the worker through Linux /proc")
def test_ctrl_c_while_a_worker_starts_prints_no_worker_traceback(tmp_path, clean):
    """The bug: a worker ignored Ctrl-C only once it ran its loop; pressed while it was still importing
    (a second or more after spawn), Ctrl-C printed the worker's KeyboardInterrupt traceback."""
    store = tmp_path / "store"
    proc = start(store, "--workers", "1", env={})
    deadline = time.monotonic() + 120
    while not starting_worker(proc.pid):
        assert proc.poll() is None and time.monotonic() < deadline, "never saw the worker starting"
        time.sleep(0.005)
    stderr = interrupt(proc)                        # the worker is importing its modules now
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr, stderr
    assert_committed_documents_are_intact(store, clean)
