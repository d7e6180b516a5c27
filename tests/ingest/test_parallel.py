"""Corpus ingest: worker processes give the same graphs as the serial path; re-ingest is idempotent,
replaces what changed and drops what a volume no longer has; failures are reported and the rest goes on."""
from __future__ import annotations

import os
import re
import shutil
import signal
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import StoreOptions, open_store
from ingest.ledger import INGEST_COMPLETE, INGEST_STATUS, INGEST_VOLUME, SOURCE_DIGEST, file_digest
from ingest.parallel import ingest_corpus
from ontology.validation import validate

ROOT = Path(__file__).resolve().parents[2]
TEI = ROOT / "tests" / "fixtures" / "tei"
V01 = TEI / "frus1969-76v01-slice.xml"
V1948 = TEI / "frus1948v05p1-slice.xml"
SAMPLE = ROOT / "examples" / "frus1981-88v41-d54.txt"
DOC = "https://w3id.org/frus-kg/id/historicaldocuments/"


def nquads(store) -> set[str]:
    """Everything the store holds: every quad as an N-Quads line, and every ledger row as
    `ledger <subject> <field> <value>` (the ledger is outside RDF)."""
    import io
    buf = io.BytesIO()
    store.export(buf, "nquads")
    ledger = {f"ledger <{s}> <{f}> <{v}>" for s, f, v in store.ledger.rows()}
    return {line for line in buf.getvalue().decode().splitlines() if line} | ledger


def named(lines: set[str]) -> set[str]:
    """The quads of named graphs only (the data, without the ledger)."""
    import pyoxigraph as ox
    quads = ox.parse("\n".join(sorted(q for q in lines if not q.startswith("ledger "))), format=ox.RdfFormat.N_QUADS)
    return {str(q) for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}


def ingest(paths, store_dir: Path, options: StoreOptions = StoreOptions(), **kwargs):
    db = open_store(store_dir, options=options)
    try:
        summary = ingest_corpus(paths, db, **kwargs)
        return summary, nquads(db)
    finally:
        db.close()


def entry(subject: str, field: str, value: str) -> str:
    return f"ledger <{subject}> <{field}> <{value}>"


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    """The serial reference: three inputs (two TEI volume slices, one plain-text memo), no workers."""
    store = tmp_path_factory.mktemp("serial") / "store"
    summary, quads = ingest([V01, V1948, SAMPLE], store, workers=0)
    return store, summary, quads


def test_serial_ingest_commits_every_readable_document(serial):
    _, summary, quads = serial
    assert summary.documents == 8 + 4 + 1 and not summary.failures
    assert summary.volumes == 2                     # the two TEI slices are whole volumes; the memo is not
    assert summary.triples > 10_000 and len(quads) > summary.triples


def test_process_parallel_ingest_gives_the_same_quads_as_serial(serial, tmp_path):
    _, reference, quads = serial
    summary, parallel = ingest([V01, V1948, SAMPLE], tmp_path / "store", workers=2)
    assert summary.documents == reference.documents and not summary.failures
    assert parallel == quads


def test_document_graphs_are_those_of_each_record_built_alone_with_the_reference_engine(tmp_path):
    """Each committed document graph is its record's graph built on its own and passed by pySHACL."""
    from ingest import document_graphs, read_inputs
    from ingest.pipeline import default_extractors

    extractors = default_extractors()
    reference = set()
    for record in read_inputs(V1948):
        for name, quads in document_graphs(record, extractors, engine="pyshacl").items():
            reference |= {str(ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(name))) for q in quads}
    _, ours = ingest([V1948], tmp_path / "ours", workers=0)
    documents = {q for q in named(ours) if "/d" in q.rsplit(" <", 1)[-1]}
    assert documents == reference and len(reference) > 1000


def test_each_committed_document_has_its_ledger_entry_and_volumes_are_marked_complete(serial):
    store, summary, quads = serial
    digest = file_digest(V01)
    entries = {line.split(" ")[1][1:-1] for line in quads if line.endswith(f"<{SOURCE_DIGEST}> <{digest}>")}
    assert entries - {f"{DOC}frus1969-76v01"} == {f"{DOC}frus1969-76v01/{d}" for d in ("d1", "d10", "d11", "d53", "d54", "d55", "d56", "d57")}
    assert entry(f"{DOC}frus1969-76v01", SOURCE_DIGEST, digest) in quads
    assert entry(f"{DOC}frus1969-76v01", INGEST_STATUS, INGEST_COMPLETE) in quads
    assert entry(f"{DOC}frus1981-88v41/d54", INGEST_VOLUME, f"{DOC}frus1981-88v41") in quads
    assert not any(line.startswith(f"ledger <{DOC}frus1981-88v41> <{INGEST_STATUS}>") for line in quads)   # a single memo


def test_committed_graphs_conform_to_the_shapes(serial):
    store, _, _ = serial
    db = open_store(store, read_only=True)
    doc = f"{DOC}frus1969-76v01/d10"
    assert validate(list(db.quads(doc)), engine="fast").conforms
    assert validate(list(db.quads(doc))).conforms


def test_a_rerun_skips_unchanged_inputs_and_changes_nothing(serial, tmp_path):
    store, _, quads = serial
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    summary, after = ingest([V01, V1948, SAMPLE], copy, workers=0)
    assert (summary.documents, summary.skipped_files, summary.skipped_documents) == (0, 2, 1)
    assert after == quads


def test_force_reingests_everything_to_the_same_quads(serial, tmp_path):
    store, reference, quads = serial
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    summary, after = ingest([V01, V1948, SAMPLE], copy, workers=0, force=True)
    assert summary.documents == reference.documents and summary.skipped_files == 0
    assert after == quads


def _without_document(src: Path, doc_id: str, dst: Path) -> Path:
    text = src.read_text(encoding="utf-8")
    start = text.index(f'xml:id="{doc_id}"')
    start = text.rindex("<div", 0, start)
    end = text.index("</div>", start) + len("</div>")
    assert "<div" not in text[start + 4:end], "the removed document must not contain divs"
    dst.write_text(text[:start] + text[end:], encoding="utf-8")
    return dst


def test_reingesting_a_volume_that_lost_a_document_drops_its_graph(serial, tmp_path):
    store, _, quads = serial
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    smaller = _without_document(V01, "d11", tmp_path / V01.name)       # an editorial note
    summary, after = ingest([smaller], copy, workers=0)
    assert not summary.failures
    gone = f"{DOC}frus1969-76v01/d11"
    assert (summary.dropped_graphs, summary.documents, summary.volumes) == (1, 7, 1)
    assert not any(f"<{gone}>" in line for line in after)                   # graph and ledger entry
    kept = f"{DOC}frus1969-76v01/d56"
    assert {q for q in after if q.endswith(f"<{kept}> .")} == {q for q in quads if q.endswith(f"<{kept}> .")}
    assert entry(kept, SOURCE_DIGEST, file_digest(smaller)) in after


def test_a_changed_document_is_replaced_without_stale_triples(serial, tmp_path):
    store, _, quads = serial
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    changed = tmp_path / V01.name
    text = V01.read_text(encoding="utf-8")
    assert text.count("Kissinger") > 3
    changed.write_text(text.replace("Kissinger", "Kisinger"), encoding="utf-8")
    summary, after = ingest([changed], copy, workers=0)
    assert summary.documents == 8 and summary.dropped_graphs == 0
    assert any("Kisinger" in q for q in after)
    doc = f"{DOC}frus1969-76v01/d10"
    texts = [q for q in after if q.startswith(f"<{doc}> <http://schema.org/text> ")]
    assert len(texts) == 1 and "Kissinger" not in texts[0]
    digests = [q for q in after if q.startswith(f"ledger <{doc}> <{SOURCE_DIGEST}>")]
    assert digests == [entry(doc, SOURCE_DIGEST, file_digest(changed))]


def test_a_single_document_file_leaves_the_rest_of_its_volume(tmp_path):
    volume = TEI / "frus1969-76ve09p1-slice.xml"
    single = TEI / "frus1969-76ve09p1-d9.xml"
    _, before = ingest([volume], tmp_path / "store", workers=0)
    summary, after = ingest([single], tmp_path / "store", workers=0)
    assert summary.documents == 1 and summary.dropped_graphs == 0
    for d in ("d1", "d2", "d3", "d4"):
        doc = f"{DOC}frus1969-76ve09p1/{d}"
        assert {q for q in after if q.endswith(f"<{doc}> .")} == {q for q in before if q.endswith(f"<{doc}> .")}
    # the volume is no longer "complete from one file": a rerun of the whole volume re-ingests d9 from it
    summary, _ = ingest([volume], tmp_path / "store", workers=0)
    assert summary.skipped_files == 0 and summary.documents == 1 and summary.skipped_documents == 4


def test_unreadable_inputs_are_reported_and_the_rest_is_ingested(tmp_path):
    bad = tmp_path / "frus1999v01.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document"', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    seen = []
    summary, quads = ingest([bad, empty, V1948], tmp_path / "store", workers=0, on_failure=seen.append)
    assert summary.documents == 4
    assert {f.kind for f in summary.failures} == {"unreadable"} and seen == summary.failures
    messages = " | ".join(f.message for f in summary.failures)
    assert "frus1999v01.xml" in messages and "empty.txt" in messages


def boom(record):
    """An extractor with a bug that shows on one document."""
    if record.doc_id == "d2":
        raise KeyError("surname")


def test_a_crashing_extractor_loses_one_document_not_the_volume(tmp_path):
    summary, quads = ingest([V1948], tmp_path / "store", workers=0, extractors=[boom])
    assert summary.documents == 3
    [failure] = summary.failures
    assert failure.kind == "crashed" and "KeyError" in failure.message and "frus1948v05p1/d2" in failure.message
    assert not summary.volumes                     # not every document made it: the volume is not complete


def die(record):
    import os
    os._exit(3)


def test_a_dead_worker_stops_the_run_with_a_clear_error_naming_its_document(tmp_path):
    from ingest.errors import WorkerDied

    with pytest.raises(WorkerDied, match="worker died") as raised:
        ingest([V1948], tmp_path / "store", workers=1, extractors=[die])
    assert "exit code 3" in str(raised.value)
    assert re.search(rf"while working on {re.escape(str(V1948))}:\d+ \(frus1948v05p1 d\d+\)", str(raised.value))
    db = open_store(tmp_path / "store", read_only=True)     # the store still opens
    assert db.quad_count() >= 0


def die_while_sending(record):
    """In the worker: its result is cut halfway through the pipe, then the process is killed (kill -9 landing
    while a large result is being written)."""
    import os
    import signal
    import struct
    from multiprocessing.connection import Connection

    def send_half(self, buf, offset=0, size=None):
        data = bytes(buf)
        self._send(struct.pack("!i", len(data)) + data[: len(data) // 2])
        os.kill(os.getpid(), signal.SIGKILL)

    Connection.send_bytes = send_half


def test_regression_a_worker_killed_while_sending_its_result_gave_a_traceback(tmp_path):
    """The writer read the cut message, `recv_bytes` raised OSError ("got end of file during message"), and
    `frus-kg ingest` printed a Python traceback; the first file was also reported as unreadable for it."""
    from ingest.errors import WorkerDied

    failures = []
    with pytest.raises(WorkerDied, match=r"worker died \(killed by SIGKILL\) while working on .*frus1948v05p1-slice"):
        ingest([V1948, V01], tmp_path / "store", workers=1, extractors=[die_while_sending],
               on_failure=failures.append)
    assert failures == []                          # no input is blamed for it


def test_releasing_the_store_logs_during_a_run_changes_nothing(serial, tmp_path):
    """checkpoint_bytes=1: the store is flushed and reopened after every batch (what a corpus run does
    every 2 GB, so that RocksDB's write-ahead logs do not fill the disk)."""
    _, reference, quads = serial
    summary, after = ingest([V01, V1948, SAMPLE], tmp_path / "store", workers=0, checkpoint_bytes=1, batch_bytes=1)
    assert summary.stage_seconds.get("checkpoints", 0) >= 3
    assert after == quads


def test_many_small_volumes_all_finish(tmp_path):
    """Regression (seen once in a 99-volume run, not reproducible on demand): volumes waiting for
    completion were tracked by id(), which CPython reuses once an earlier volume's bookkeeping is freed;
    a later volume then never completed and the run waited forever. Now a flag on the volume's state."""
    import threading

    text = (TEI / "frus1949v07p1-slice.xml").read_text(encoding="utf-8")
    assert text.count('xml:id="frus1949v07p1"') == 1
    files = []
    for k in range(20):
        f = tmp_path / "in" / f"frus1949v07p{k + 3}.xml"
        f.parent.mkdir(exist_ok=True)
        f.write_text(text.replace('xml:id="frus1949v07p1"', f'xml:id="frus1949v07p{k + 3}"'), encoding="utf-8")
        files.append(f)
    out = {}
    runner = threading.Thread(target=lambda: out.update(result=ingest(files, tmp_path / "store", workers=0)), daemon=True)
    runner.start()
    runner.join(120)
    assert not runner.is_alive(), "the run did not finish"
    summary, _ = out["result"]
    assert summary.volumes == 20 and summary.documents == 20


def test_regression_a_volume_seen_again_after_five_others_killed_the_worker(tmp_path):
    """A worker held the last five volumes it was sent and dropped the rest, while the parent believed it still held
    every volume sent: a sixth file of an earlier volume (`frus-kg ingest round14/*.xml round13/*.xml`) died with
    KeyError in the worker. Now the parent says which volumes the worker forgets."""
    text = (TEI / "frus1949v07p1-slice.xml").read_text(encoding="utf-8")
    files = []
    for k in range(7):
        f = tmp_path / "in" / f"frus1949v07p{k + 3}.xml"
        f.parent.mkdir(exist_ok=True)
        f.write_text(text.replace('xml:id="frus1949v07p1"', f'xml:id="frus1949v07p{k + 3}"'), encoding="utf-8")
        files.append(f)
    again = tmp_path / "in" / "frus1949v07p3-again.xml"     # one more document of p3, without the front matter
    head, front = text.split("<front>", 1)              # (a second whole file of p3 in one run is refused)
    again.write_text((head + front.split("</front>", 1)[1]).replace('xml:id="frus1949v07p1"', 'xml:id="frus1949v07p3"')
                     .replace('xml:id="d227" n="227"', 'xml:id="d228" n="228"'), encoding="utf-8")
    summary, quads = ingest([*files, again], tmp_path / "store", workers=1)
    assert summary.failures == [] and summary.documents == 8
    assert any("/frus1949v07p3/d228>" in q for q in quads) and any("/frus1949v07p3/d227>" in q for q in quads)


def test_bulk_mode_gives_the_same_quads(serial, tmp_path):
    _, reference, quads = serial
    summary, after = ingest([V01, V1948, SAMPLE], tmp_path / "store", StoreOptions.for_ingest(bulk=True), workers=0)
    assert summary.documents == reference.documents
    assert after == quads


class CrashAfterBulkLoad:
    """A store that 'crashes' right after a bulk load, before the ledger entries are written."""

    def __init__(self, db):
        self.db, self.bulk_loads = db, 0

    def __getattr__(self, name):
        return getattr(self.db, name)

    def load(self, data, fmt, graph=None):
        self.db.load(data, fmt, graph)
        if not self.db.atomic_loads:
            self.bulk_loads += 1
            if self.bulk_loads == 2:
                raise KeyboardInterrupt("simulated crash")


def test_an_interrupted_bulk_write_is_removed_by_the_next_run(serial, tmp_path):
    _, reference, quads = serial
    db = open_store(tmp_path / "store", options=StoreOptions.for_ingest(bulk=True))
    with pytest.raises(KeyboardInterrupt):
        ingest_corpus([V01, V1948, SAMPLE], CrashAfterBulkLoad(db), workers=0, batch_bytes=1)
    pending = [q for q in nquads(db) if "IngestPending" in q]
    assert len(pending) == 1                       # the graph whose ledger entry never came
    db.close()
    summary, after = ingest([V01, V1948, SAMPLE], tmp_path / "store", StoreOptions.for_ingest(bulk=True), workers=0)
    assert summary.repaired == 1
    assert after == quads


def test_the_summary_counts_failures_by_kind():
    from ingest.parallel import CorpusSummary
    from ingest.pipeline import Failure

    summary = CorpusSummary(failures=[Failure("a.xml:3", "x", "unreadable"), Failure("b.xml", "y", "rejected"),
                                      Failure("c.xml", "z", "rejected")])
    assert (summary.rejected, summary.failures_by_kind()) == (3, "2 rejected, 1 unreadable")
    assert CorpusSummary().failures_by_kind() == ""


def test_bug_ctrl_c_during_a_run_was_raised_wherever_it_landed_and_could_hang_the_clean_up(serial, tmp_path):
    """The bug: raised inside the writer queue's lock, a Ctrl-C left that lock held, and the run's clean-up
    (which puts on that queue) waited for ever: `frus-kg ingest` hung, saying nothing. Now it is noted, and
    raised where the run checks for it; a rerun then finishes as an uninterrupted run would."""
    calls = []

    def press_on_the_third_report(progress) -> None:
        calls.append(progress)
        if len(calls) == 3:
            os.kill(os.getpid(), signal.SIGINT)

    db = open_store(tmp_path / "store")
    try:
        with pytest.raises(KeyboardInterrupt) as caught:
            ingest_corpus([V01, V1948, SAMPLE], db, workers=1, on_progress=press_on_the_third_report, estimate=False)
    finally:
        db.close()
    tb = caught.value.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    assert tb.tb_frame.f_code.co_name == "check"
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    _, quads = ingest([V01, V1948, SAMPLE], tmp_path / "store", workers=1)
    assert named(quads) == named(serial[2])


def test_regression_a_microfiche_placeholder_kept_its_volume_from_completing(tmp_path):
    """frus1961-63v07-09mSupp d72a (an empty <head/>, no text, the editors' note "needs heading") made every ingest of
    the volume exit 1 with "volumes completed 0". It is left out with a notice, and the volume completes."""
    text = V01.read_text(encoding="utf-8")
    at = text.index('<div type="document" xml:id="d10"')
    volume = tmp_path / V01.name
    volume.write_text(text[:at] + '<div type="document" xml:id="d9a" n="9A"><head/></div>\n' + text[at:], encoding="utf-8")
    summary, quads = ingest([volume], tmp_path / "store", workers=0)
    assert summary.failures == [] and summary.volumes == 1
    [notice] = summary.notices
    assert "d9a is left out" in notice and volume.name in notice
    assert entry(f"{DOC}frus1969-76v01", INGEST_STATUS, INGEST_COMPLETE) in quads
