"""Layers computed in worker processes (graph/volume_workers.py) are the layers computed in this process,
volume for volume and quad for quad; a worker's error reaches the caller as itself."""
from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest

from graph import open_store
from graph.claim_months import claim_months_graph, refresh_claim_months
from graph.networks.table import refresh_network_table, table_graph
from graph.statistics import refresh_statistics, statistics_graph, volume_fingerprints
from graph.volume_workers import map_volumes, reads_in_parallel
from ontology.namespaces import sparql_prologue
from tests.graph import compaction_race

ROOT = Path(__file__).resolve().parents[2]
INPUTS = [ROOT / "examples" / "frus1981-88v41-d54.txt", ROOT / "tests" / "fixtures" / "tei" / "frus1969-76v01-slice.xml",
          ROOT / "tests" / "fixtures" / "tei" / "frus1969-76ve09p1-slice.xml"]


def _sentences(text: str):
    """A module-level sentence splitter, as the workers need one (they import it by name)."""
    from ingest.claims.sentences import split_sentences

    return [(s.start, s.end) for s in split_sentences(text)]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Path:
    """The sample memo and two TEI slices (three volumes), ingested without any layer."""
    from ingest import ingest_paths
    from ingest.authorities.rdf import ensure_authority_graphs

    path = tmp_path_factory.mktemp("volume-workers") / "store"
    db = open_store(path)
    ensure_authority_graphs(db)
    assert ingest_paths(INPUTS, db).documents == 14
    db.close()
    return path


def _layers(source: Path, target: Path, workers: int) -> dict[str, set]:
    """Every layer built on a copy of `source` with `workers`; {graph: its quads as text} of each volume's graph."""
    shutil.copytree(source, target)
    db = open_store(target)
    try:
        assert refresh_statistics(db, workers=workers).volumes == 3
        assert refresh_claim_months(db, workers=workers).volumes == 3
        assert refresh_network_table(db, sentences=_sentences, workers=workers).volumes == 3
        names = [name(v) for v in volume_fingerprints(db) for name in (statistics_graph, claim_months_graph, table_graph)]
        return {name: {str(q) for q in db.quads(name)} for name in names}
    finally:
        db.close()


def test_each_volumes_statistics_claim_months_and_table_are_the_same_from_workers(ingested, tmp_path):
    here, there = _layers(ingested, tmp_path / "here", 0), _layers(ingested, tmp_path / "workers", 2)
    assert len(here) == 9 and all(here.values())
    assert here == there


def _count_documents(store, volume: str) -> int:
    return len(list(store.query(sparql_prologue("schema", "fk") + f"""SELECT ?d WHERE {{
      ?d a fk:Document ; schema:isPartOf <{volume}> }}""").rows()))


def _refuse(store, volume: str) -> int:
    raise ValueError(f"no counting {volume}")


def test_results_come_back_in_the_order_asked_whatever_finishes_first(ingested):
    db = open_store(ingested, read_only=True)
    try:
        volumes = sorted(volume_fingerprints(db), reverse=True)
        assert reads_in_parallel(db)
        here = list(map_volumes(db, _count_documents, [(v,) for v in volumes]))
        there = list(map_volumes(db, _count_documents, [(v,) for v in volumes], workers=2))
    finally:
        db.close()
    assert [args for args, _ in there] == [(v,) for v in volumes]
    assert here == there and sorted(n for _, n in here) == [1, 5, 8]


def test_a_workers_error_reaches_the_caller_as_itself(ingested):
    db = open_store(ingested, read_only=True)
    try:
        volumes = [(v,) for v in sorted(volume_fingerprints(db))]
        with pytest.raises(ValueError, match="no counting .*frus1969-76v01"):
            list(map_volumes(db, _refuse, volumes, workers=2))
    finally:
        db.close()


def _started_then_slow(reader, volume: str, marker: str) -> str:
    Path(marker).touch()
    time.sleep(3)
    return volume


def test_bug_ctrl_c_while_waiting_for_a_volume_was_raised_inside_the_futures_lock(ingested, tmp_path):
    """The bug: raised wherever this thread was, inside a Future's lock, Ctrl-C left the lock held; the pool's
    own thread then waited for it, and the interrupted process hung at its exit. Now it is raised at a check."""
    marker = tmp_path / "started"

    def press_once_a_worker_computes() -> None:
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(os.getpid(), signal.SIGINT)

    db = open_store(ingested, read_only=True)
    presser = threading.Thread(target=press_once_a_worker_computes)
    try:
        volumes = [(v, str(marker)) for v in sorted(volume_fingerprints(db))]
        presser.start()
        started = time.monotonic()
        with pytest.raises(KeyboardInterrupt) as caught:
            list(map_volumes(db, _started_then_slow, volumes, workers=2))
        waited = time.monotonic() - started
    finally:
        presser.join()
        db.close()
    tb = caught.value.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    assert tb.tb_frame.f_code.co_name == "check"
    assert waited < 60


def test_a_store_in_memory_computes_in_this_process():
    from graph import OxigraphStore

    memory = OxigraphStore()
    assert not reads_in_parallel(memory)
    assert list(map_volumes(memory, _count_documents, [("urn:x:v1",), ("urn:x:v2",)], workers=2)) == [
        (("urn:x:v1",), 0), (("urn:x:v2",), 0)]



def _snapshot_then_count(path: str, ready, go, answer) -> None:
    """A worker as map_volumes starts one: its snapshot opens, then it computes when told to."""
    from graph import volume_workers

    volume_workers._open_reader(path)
    ready.set()
    go.wait(60)
    try:
        answer.put(volume_workers._run(compaction_race.count_quads, ()))
    except Exception as exc:                      # the bug: FileNotFoundError … While open a file for random read
        answer.put(f"{type(exc).__name__}: {exc}")


def test_bug_a_workers_snapshot_lost_an_sst_to_the_writers_compaction(tmp_path):
    """The packs layer died on the 8-volume bench: the worker reads again on a fresh snapshot."""
    assert compaction_race.race(tmp_path / "store", _snapshot_then_count) == compaction_race.QUADS


def _slow_count(store, graph: str) -> int:
    import time

    time.sleep(0.3)
    return sum(1 for _ in store.quads(graph))


def test_workers_read_a_checkpoint_that_the_writers_rewrites_and_compactions_do_not_touch(tmp_path):
    """The workers read the store as it was when the pool started, even after this process rewrote every graph
    and compacted: they read a checkpoint whose hard links keep its files (on the live folder a lost file made
    pyoxigraph fail a read, or spin for ever in a COUNT)."""
    import pyoxigraph as ox

    from graph import OxigraphStore
    from graph.volume_workers import SNAPSHOT_PREFIX

    db = OxigraphStore(tmp_path / "store")
    compaction_race.fill(db)
    graphs = [(f"{compaction_race.GRAPH}{i}",) for i in range(compaction_race.GRAPHS)]
    answers = []
    try:
        for i, (_, n) in enumerate(map_volumes(db, _slow_count, graphs, workers=2)):
            answers.append(n)
            if i == 0:
                assert len(list(db.path.glob(SNAPSHOT_PREFIX + "*"))) == 1
                db.update("DROP ALL")
                p = ox.NamedNode("urn:x:p")
                db.replace_graphs({g: [ox.Quad(ox.NamedNode("urn:x:s"), p, ox.Literal("new"), ox.NamedNode(g))]
                                   for (g,) in graphs})
                db.flush()
                db.optimize()
        assert answers == [5000] * compaction_race.GRAPHS
        assert not list(db.path.glob(SNAPSHOT_PREFIX + "*"))
        assert sum(1 for _ in db.quads(graphs[0][0])) == 1
    finally:
        db.close()
