"""Corpus-scale ingest: the parent reads, worker processes enrich and validate, the parent writes.

    parent:  read TEI/text lazily ─► documents ─► workers (spawned processes, N of them)
    worker:  extractors ─► triples ─► N-Quads bytes ─► fast SHACL on those bytes ─► result
    parent:  results ─► BatchWriter (few large transactions, then their ledger entries) ─► store

* Bounded memory: volumes are read lazily (the TEI reader streams), at most `prefetch` documents
  per worker are in flight, and the write batch is capped in bytes; the corpus is never held.
* The workers are started with 'spawn' (no fork of a process holding an open store), ignore
  Ctrl-C (the parent decides), and exit when the parent disappears (kill -9).
* Each worker receives a volume's metadata (persons and terms lists) once, then documents without
  it, so pickling stays small. Results travel as N-Quads bytes over a pipe; the parent loads them
  with the store's N-Quads parser and never builds Python quad objects.
* Idempotent and resumable through the ledger (ingest/ledger.py): re-ingesting a volume replaces
  its graphs and drops document graphs the volume no longer yields; a rerun after an interruption
  skips what is committed (unless `force`).
* `workers=0` runs the same pipeline in this process (the serial reference for tests).

Tests interrupt a run deterministically through `after_commit` (called by the writer thread after each
batch with the number of committed documents); `frus-kg ingest` builds it from the environment
(frus_kg/ingest_hooks.py), so no code here kills its own process.
"""
from __future__ import annotations

import gc
import gzip
import itertools
import os
import pickle
import queue
import signal
import threading
import time
import traceback
import zlib
from collections import deque
from dataclasses import dataclass, field
from multiprocessing import connection, get_context
from pathlib import Path
from typing import Callable, Iterable, Sequence

import pyoxigraph as ox

from ontology import iris
from ontology.fast_shacl import GraphIndex, validate_fast
from ontology.validation import validate
from ontology.worker_signals import DeferredCtrlC, ctrl_c_held, worker_ignores_ctrl_c

from .errors import IngestError, RejectedDocument, RunStopped, SourceError, SourceNotice, WorkerDied
from .incomplete import IncompleteIngest, not_all_ingested, read_incomplete_ingest, stopped_early
from .ledger import BATCH_BYTES, BatchWriter, Commit, CorpusSink, Ledger, file_digest
from .limits import open_input
from .pipeline import TEI_SUFFIXES, Extractor, Failure, default_extractors, find_inputs, read_inputs
from .records import DocumentRecord, VolumeRecord
from .triples import document_graph, incomplete_ingest_graph, volume_graph

AfterCommit = Callable[[int, threading.Event], None]     # (documents committed so far, set when the run is aborted)

__all__ = ["AfterCommit", "CorpusSummary", "IngestSummary", "Progress", "ingest_corpus", "ingest_paths", "process_document",
           "document_graphs", "DocumentResult", "estimate_documents", "default_workers"]


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@dataclass
class CorpusSummary:
    files: int = 0
    volumes: int = 0                  # complete volumes finished (ledger marked complete)
    documents: int = 0                # committed in this run
    triples: int = 0
    skipped_documents: int = 0        # already committed from the same source bytes
    skipped_files: int = 0            # complete volumes whose file is unchanged (not even parsed)
    dropped_graphs: int = 0           # stale document graphs removed
    repaired: int = 0                 # unfinished bulk-written graphs of an interrupted run, removed first
    transactions: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)       # documents left out that held nothing (SourceNotice)
    superseded: list[str] = field(default_factory=list)    # copies of a document that the run's whole volume gave too
    stage_seconds: dict[str, float] = field(default_factory=dict)   # worker stages: CPU s summed over workers

    @property
    def rejected(self) -> int:
        return len(self.failures)

    def failures_by_kind(self) -> str:
        """'12 rejected, 2 unreadable' (sorted by kind), or '' when nothing failed."""
        kinds: dict[str, int] = {}
        for f in self.failures:
            kinds[f.kind] = kinds.get(f.kind, 0) + 1
        return ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))


@dataclass
class Progress:
    """Handed to the progress callback after each document and each file."""
    files_done: int
    files_total: int
    documents: int                    # committed
    skipped: int
    failures: int
    documents_expected: int | None    # estimate for the ETA (None when unknown)
    elapsed: float
    current: str = ""


@dataclass
class DocumentResult:
    seq: int
    graph: str
    nquads: bytes = b""
    triples: int = 0
    error: str | None = None
    kind: str = ""                    # "" | "rejected" | "unreadable" | "crashed"
    seconds: dict[str, float] = field(default_factory=dict)


# ------------------------------------------------------------------------------------ messages
# parent -> worker (pickled through a queue)
@dataclass(frozen=True)
class _VolumeTask:
    """A file's volume metadata (persons and terms lists), sent once per worker before its documents, under a key
    of its own: two files of one volume (a single-document file and the whole volume) may list different persons.
    The parent decides what the worker forgets, so the two never disagree on what the worker holds."""
    key: int
    volume: VolumeRecord
    forget: tuple[int, ...] = ()


@dataclass(frozen=True)
class _DocumentTask:
    seq: int
    volume_key: int
    payload: bytes                    # the pickled record, without its volume


@dataclass(frozen=True)
class _StopTask:
    pass


# main thread -> writer thread, in order
@dataclass(frozen=True)
class _WriteBatch:
    commits: list


@dataclass(frozen=True)
class _FinishVolume:
    state: object                     # its _FileState: stale graphs to drop, then the completion mark


@dataclass(frozen=True)
class _Barrier:
    idle: threading.Event             # set when every earlier job is written


# writer thread -> main thread
@dataclass(frozen=True)
class _Written:
    commits: list


@dataclass(frozen=True)
class _Finished:
    state: object
    dropped: int


@dataclass(frozen=True)
class _WriterFailed:
    error: BaseException


# ------------------------------------------------------------------------------------ worker side
def _enrich_and_check(record: DocumentRecord, extractors: Sequence[Extractor], engine: str, check_shapes: bool,
                      times: dict[str, float]):
    """(graph data, SHACL report or None): what a worker does to one document, timed stage by stage.
    Raises SourceError when the record cannot be written as RDF."""
    t = time.thread_time()
    for extract in extractors:
        extract(record)
    t1 = time.thread_time()
    times["extract"] = t1 - t
    try:
        data = document_graph(record)
    except ValueError as exc:
        raise SourceError(record.source, str(exc)) from None
    t3 = time.thread_time()
    times["triples"] = t3 - t1
    if not check_shapes:
        return data, None
    if engine == "fast":
        report = validate_fast(GraphIndex(data.triples, data.nquads))
    else:
        report = validate(data.quads(), engine=engine)
    times["validate"] = time.thread_time() - t3
    return data, report


def process_document(record: DocumentRecord, extractors: Sequence[Extractor], engine: str = "fast",
                     check_shapes: bool = True, seq: int = 0) -> DocumentResult:
    """Extractors -> triples -> N-Quads -> SHACL. Never raises for a bad document: the result says why."""
    doc = iris.document_iri(record.volume.id, record.doc_id)
    graph = iris.graph_iri(doc)
    times: dict[str, float] = {}
    try:
        try:
            data, report = _enrich_and_check(record, extractors, engine, check_shapes, times)
        except SourceError as exc:
            return DocumentResult(seq, graph, error=str(exc), kind="unreadable", seconds=times)
        if report is not None and not report.conforms:
            return DocumentResult(seq, graph, error=report.format(f"{record.source} ({doc})"), kind="rejected", seconds=times)
        return DocumentResult(seq, graph, data.nquads, len(data.triples), seconds=times)
    except Exception as exc:          # an extractor bug must not stop the corpus: report it, go on
        where = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        return DocumentResult(seq, graph, error=f"{record.source} ({doc}): {where}", kind="crashed", seconds=times)


def document_graphs(record: DocumentRecord, extractors: Sequence[Extractor] = (), *, check: bool = True,
                    engine: str = "fast") -> dict[str, list[ox.Quad]]:
    """The validated named graph of one document, as a corpus worker builds it (`process_document`'s
    steps), for callers that want the quads. Raises RejectedDocument on a SHACL violation."""
    doc = iris.document_iri(record.volume.id, record.doc_id)
    data, report = _enrich_and_check(record, extractors, engine, check, {})
    if report is not None and not report.conforms:
        raise RejectedDocument(f"{record.source} ({doc})", report)
    return {iris.graph_iri(doc): data.quads()}


def _worker_main(tasks, results, parent_pid: int, extractor_spec, engine: str, check_shapes: bool) -> None:
    """A worker process: volumes and documents in, results out, until told to stop or orphaned."""
    import queue

    worker_ignores_ctrl_c()
    extractors = default_extractors() if extractor_spec is None else pickle.loads(extractor_spec)
    volumes: dict[int, VolumeRecord] = {}
    frozen = False
    while True:
        try:
            message = tasks.get(timeout=1.0)
        except queue.Empty:
            if os.getppid() != parent_pid:
                return                                  # the parent is gone (kill -9): stop quietly
            continue
        if isinstance(message, _StopTask):
            results.close()
            return
        if isinstance(message, _VolumeTask):
            for key in message.forget:
                volumes.pop(key, None)
            volumes[message.key] = message.volume
            continue
        record = pickle.loads(message.payload)
        record.volume = volumes[message.volume_key]
        result = process_document(record, extractors, engine, check_shapes, message.seq)
        if not frozen:
            gc.freeze()                                 # the extractors' indexes, built by the first document:
            frozen = True                               # out of the collector's sight (a fifth of the CPU otherwise)
        try:
            results.send_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        except (BrokenPipeError, ConnectionResetError):
            return                                      # the parent is gone


_VOLUMES_HELD = 5


class _Pool:
    """Spawned worker processes, each with a task queue and a result pipe; bounded in-flight work."""

    def __init__(self, n: int, extractors: Sequence[Extractor] | None, engine: str, check_shapes: bool, prefetch: int):
        ctx = get_context("spawn")
        spec = None if extractors is None else pickle.dumps(list(extractors))
        self.prefetch = prefetch
        self.procs, self.tasks, self.conns = [], [], []
        self.in_flight = [0] * n
        self.working_on: list[dict[int, str]] = [{} for _ in range(n)]    # per worker: seq -> the document, in order
        self.volumes_sent: list[dict[int, VolumeRecord]] = [{} for _ in range(n)]     # per worker, oldest first
        self._volume_keys = itertools.count()
        try:
            for _ in range(n):
                tasks = ctx.Queue()                     # (the first one starts multiprocessing's resource tracker,
                receive, send = ctx.Pipe(duplex=False)  # which unblocks SIGINT afterwards: block it after that)
                proc = ctx.Process(target=_worker_main, args=(tasks, send, os.getpid(), spec, engine, check_shapes),
                                   daemon=True)
                with ctrl_c_held():
                    proc.start()
                send.close()
                self.procs.append(proc)
                self.tasks.append(tasks)
                self.conns.append(receive)
        except BaseException:                           # Ctrl-C while starting: the caller never gets this pool
            self.close(graceful=False)
            raise

    @property
    def busy(self) -> int:
        return sum(self.in_flight)

    def has_room(self) -> bool:
        return min(self.in_flight) < self.prefetch

    def submit(self, seq: int, record: DocumentRecord) -> None:
        w = min(range(len(self.procs)), key=self.in_flight.__getitem__)
        volume = record.volume
        key = self._volume_key(w, volume)
        record.volume = None                            # sent once per worker, not with every document
        try:                                            # pickled now: Queue.put would pickle it later, in a thread
            payload = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            record.volume = volume
        self.tasks[w].put(_DocumentTask(seq, key, payload))
        self.in_flight[w] += 1
        self.working_on[w][seq] = f"{record.source} ({volume.id} {record.doc_id})"

    def _volume_key(self, w: int, volume: VolumeRecord) -> int:
        """The key worker `w` holds `volume` under, sending it first if the worker does not hold it; the worker
        keeps the last _VOLUMES_HELD volumes sent, and is told which ones to forget."""
        sent = self.volumes_sent[w]
        for key, held in sent.items():
            if held is volume:
                return key
        key = next(self._volume_keys)
        forget = tuple(list(sent)[:max(0, len(sent) + 1 - _VOLUMES_HELD)])
        for old in forget:
            del sent[old]
        sent[key] = volume
        self.tasks[w].put(_VolumeTask(key, volume, forget))
        return key

    def results(self, timeout: float) -> list[DocumentResult]:
        """Results ready within `timeout`; raises WorkerDied, naming its documents, if a worker died."""
        ready = connection.wait(self.conns + [p.sentinel for p in self.procs], timeout)
        out = []
        for obj in ready:
            if obj in self.conns:
                w = self.conns.index(obj)
                try:
                    result = pickle.loads(obj.recv_bytes())
                except (EOFError, OSError):     # the worker is gone, maybe halfway through a message: said below
                    self._raise_if_dead(w, wait=1.0)
                    continue
                self.in_flight[w] -= 1
                self.working_on[w].pop(result.seq, None)
                out.append(result)
        for w in range(len(self.procs)):
            self._raise_if_dead(w)
        return out

    def _raise_if_dead(self, w: int, wait: float = 0.0) -> None:
        proc = self.procs[w]
        if wait and proc.exitcode is None:
            proc.join(wait)                     # its pipe closed first: the exit code follows at once
        if proc.exitcode is None:
            return
        how = f"exit code {proc.exitcode}"
        if proc.exitcode < 0:
            try:
                how = f"killed by {signal.Signals(-proc.exitcode).name}"
            except ValueError:
                how = f"killed by signal {-proc.exitcode}"
        docs = list(self.working_on[w].values())
        what = (f" while working on {docs[0]}" + (f" ({len(docs) - 1} more queued for it)" if len(docs) > 1 else "")
                if docs else "")
        raise WorkerDied(f"an ingest worker died ({how}){what}; every committed document is intact, rerun the same "
                         f"command to finish")

    def close(self, graceful: bool = True) -> None:
        for p, q in zip(self.procs, self.tasks):
            if graceful and p.exitcode is None:
                try:
                    q.put(_StopTask())
                except (OSError, ValueError):
                    pass
        deadline = time.monotonic() + (5 if graceful else 0.5)
        for p in self.procs:
            p.join(max(0.0, deadline - time.monotonic()))
            if p.exitcode is None:
                p.terminate()
                p.join(2)
        for q in self.tasks:
            q.close()
            q.cancel_join_thread()


class _Inline:
    """workers=0: the same pipeline, in this process."""

    def __init__(self, extractors: Sequence[Extractor] | None, engine: str, check_shapes: bool):
        self.extractors = default_extractors() if extractors is None else list(extractors)
        self.engine, self.check_shapes = engine, check_shapes
        self.done: deque[DocumentResult] = deque()
        self.busy = 0

    def has_room(self) -> bool:
        return True

    def submit(self, seq: int, record: DocumentRecord) -> None:
        self.done.append(process_document(record, self.extractors, self.engine, self.check_shapes, seq))

    def results(self, timeout: float) -> list[DocumentResult]:
        out = list(self.done)
        self.done.clear()
        return out

    def close(self, graceful: bool = True) -> None:
        pass


class _Lazy:
    """Starts the workers on the first document that needs them: a rerun with nothing to do starts none."""

    def __init__(self, make: Callable[[], "_Pool | _Inline"]):
        self.make, self.pool = make, None

    def _get(self):
        if self.pool is None:
            self.pool = self.make()
        return self.pool

    @property
    def busy(self) -> int:
        return 0 if self.pool is None else self.pool.busy

    def has_room(self) -> bool:
        return self._get().has_room()

    def submit(self, seq: int, record: DocumentRecord) -> None:
        self._get().submit(seq, record)

    def results(self, timeout: float) -> list[DocumentResult]:
        return [] if self.pool is None else self.pool.results(timeout)

    def close(self, graceful: bool = True) -> None:
        if self.pool is not None:
            self.pool.close(graceful)


# ------------------------------------------------------------------------------------ parent side
@dataclass(eq=False)
class _FileState:
    path: Path
    digest: str
    committed_before: set[str]
    volume: str | None = None
    complete: bool = False          # a whole TEI volume
    read_ok: bool = False           # read to the end without a file-level error
    outstanding: int = 0            # documents dispatched, result not yet committed
    failed: int = 0                 # documents that could not be read, enriched or validated
    finishing: bool = False         # its completion is queued for the writer thread
    produced: set[str] = field(default_factory=set)
    read: int = 0                   # document divs the reader reached (given, or reported unreadable)
    stopped: IngestError | None = None    # why a whole volume's file was not read to its end
    volume_nquads: bytes = b""      # a whole volume's graph, without a word on its ingest
    carried: bool = False           # an earlier ingest of the volume was incomplete, and its graph still says so

    def incomplete(self) -> IncompleteIngest | None:
        """What the volume's graph should say of this ingest of a whole volume, read as far as it could be."""
        if self.stopped is not None:
            return stopped_early(self.path, self.stopped, self.read, self.failed)
        return not_all_ingested(self.path, self.read, self.failed) if self.failed else None


def _incomplete_nquads(state: _FileState) -> bytes:
    incomplete = state.incomplete()
    return b"" if incomplete is None else incomplete_ingest_graph(state.volume, incomplete).nquads


def _finished_volume_graph(state: _FileState) -> bytes | None:
    """The volume graph to write when a whole volume's file has been read to its end: saying which of its documents
    could not be ingested, or no longer saying that an earlier ingest was incomplete; None: leave it as written."""
    if state.failed or state.carried:
        return state.volume_nquads + _incomplete_nquads(state)
    return None


def estimate_documents(paths: Iterable[Path]) -> dict[Path, int]:
    """A quick count of `type="document"` in each file (gzip streamed, ~1 s for 99 volumes): for the ETA."""
    counts = {}
    needle = b'type="document"'
    for path in paths:
        name = path.name.lower()
        total = counts[path] = 1
        if not name.endswith(TEI_SUFFIXES):
            continue
        total = 0
        try:
            with open_input(str(path)) as raw, (gzip.open(raw, "rb") if name.endswith(".gz") else raw) as fh:
                tail = b""
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    block = tail + chunk
                    total += block.count(needle)
                    tail = block[-(len(needle) - 1):]
                    total -= tail.count(needle)     # never count a match twice
        except (OSError, EOFError, zlib.error, SourceError):
            pass
        counts[path] = max(total, 1)
    return counts


class _BackgroundWriter:
    """Writes batches in a thread, in order: pyoxigraph releases the GIL while it loads, so this
    process keeps reading and feeding the workers while Oxigraph writes (a 30 MB batch takes seconds).

    Jobs: _WriteBatch, _FinishVolume (a volume's stale graphs and completion mark, which must see every
    earlier write: the queue keeps them in order) and _Barrier. Results come back on `done`: _Written,
    _Finished, or _WriterFailed (after which the thread stops).
    """

    def __init__(self, writer: BatchWriter, ledger: Ledger, after_commit: AfterCommit | None,
                 waiting: Callable[[], None] = lambda: None):
        import queue

        self.writer, self.ledger, self.after_commit, self.waiting = writer, ledger, after_commit, waiting
        self.jobs: "queue.Queue" = queue.Queue(maxsize=2)       # backpressure: at most two batches waiting
        self.done: "queue.Queue" = queue.Queue()
        self.abort = threading.Event()
        self.failure: BaseException | None = None        # why the thread stopped, if it failed
        self.busy_seconds = 0.0                          # wall time spent writing
        self.cpu_seconds = 0.0                           # CPU time of this thread (RocksDB's own threads not counted)
        self.thread = threading.Thread(target=self._run, name="frus-kg-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None or self.abort.is_set():
                return
            t, cpu = time.perf_counter(), time.thread_time()
            try:
                if isinstance(job, _Barrier):
                    job.idle.set()
                    continue
                if isinstance(job, _WriteBatch):
                    written = self.writer.write(job.commits)
                    self.busy_seconds += time.perf_counter() - t
                    self.cpu_seconds += time.thread_time() - cpu
                    self.done.put(_Written(written))
                    if written and self.after_commit:
                        self.after_commit(self.writer.committed_documents, self.abort)
                else:
                    state = job.state
                    volume = iris.volume_iri(state.volume)
                    stale = sorted(self.ledger.documents_of(volume) - state.produced)
                    self.writer.finish_volume(volume, state.digest, stale, complete=not state.failed,
                                              volume_graph=_finished_volume_graph(state))
                    self.busy_seconds += time.perf_counter() - t
                    self.cpu_seconds += time.thread_time() - cpu
                    self.done.put(_Finished(state, len(stale)))
            except BaseException as exc:                 # reported to the main thread, which raises it
                self.failure = exc
                self.done.put(_WriterFailed(exc))
                return

    def submit(self, job: "_WriteBatch | _FinishVolume | _Barrier") -> None:
        while True:                                      # never block forever on a writer that died
            try:
                self.jobs.put(job, timeout=1.0)
                return
            except Exception:
                if not self.thread.is_alive():
                    raise self.stopped() from None
                self.waiting()

    def stopped(self) -> BaseException:
        """What to raise once the thread has stopped: its own error (a full disk: the store's error), else RunStopped."""
        return self.failure or RunStopped("the store writer stopped; every committed document is intact, rerun to finish")

    def close(self, wait: bool = True, timeout: float | None = None) -> None:
        if not wait:
            self.abort.set()
        try:
            self.jobs.put(None, timeout=1.0)
        except Exception:
            pass
        self.thread.join(timeout)


def ingest_corpus(
    paths: Iterable[str | Path],
    sink: CorpusSink,
    *,
    workers: int | None = None,
    extractors: Sequence[Extractor] | None = None,
    engine: str = "fast",
    check_shapes: bool = True,
    force: bool = False,
    prefetch: int = 4,
    batch_bytes: int = BATCH_BYTES,
    batch_seconds: float = 5.0,
    on_progress: Callable[[Progress], None] | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    estimate: bool = True,
    checkpoint_bytes: int = 2 << 30,
    after_commit: AfterCommit | None = None,
    before_first_write: Callable[[], None] | None = None,
) -> CorpusSummary:
    """Ingest files and folders with `workers` processes (default: CPUs; 0 = in this process).

    Idempotent and resumable (see the module docstring and ingest/ledger.py). Returns a summary;
    failures (unreadable files or documents, SHACL rejections, extractor crashes) are listed in it
    and passed to `on_failure` as they happen, while the rest of the corpus goes on. After every
    `checkpoint_bytes` of N-Quads written, the store is asked to release its write-ahead logs
    (`checkpoint`). How new graphs are loaded is the store's configuration: a store opened with
    Oxigraph's bulk loader (`--bulk`) says `atomic_loads` is False, so a crash can leave partial graphs
    (marked pending in the ledger) until the next run, which drops them first (Ledger.repair); committed
    documents stay intact either way.
    `after_commit(committed, abort)` is for tests: called after each batch (of one graph, so that counts are
    exact), it may pause until `abort` is set or end the process.
    `before_first_write()` runs once, in the writer, just before the run's first graph is written (`frus-kg ingest`
    loads the authority graphs there): a run that writes nothing, every input refused, leaves the store as it was.
    """
    return _CorpusRun(paths, sink, workers=workers, extractors=extractors, engine=engine, check_shapes=check_shapes,
                      force=force, prefetch=prefetch, batch_bytes=batch_bytes, batch_seconds=batch_seconds,
                      on_progress=on_progress, on_failure=on_failure, estimate=estimate,
                      checkpoint_bytes=checkpoint_bytes, after_commit=after_commit,
                      before_first_write=before_first_write).run()


class _CorpusRun:
    """One corpus run. The main thread reads files and dispatches documents (`_read_file`), collects the
    workers' results into batches (`_collect`), hands batches and volume completions to the writer thread
    in order (`_flush`, `_finish_files`) and applies what it reports back (`_drain`). What these steps
    share (files in flight, documents dispatched, the time of the last flush…) lives on the object."""

    def __init__(self, paths, sink: CorpusSink, *, workers: int | None, extractors, engine: str, check_shapes: bool,
                 force: bool, prefetch: int, batch_bytes: int, batch_seconds: float, on_progress, on_failure,
                 estimate: bool, checkpoint_bytes: int, after_commit: AfterCommit | None,
                 before_first_write: Callable[[], None] | None = None):
        self.started = time.perf_counter()
        self.sink, self.force, self.batch_seconds, self.checkpoint_bytes = sink, force, batch_seconds, checkpoint_bytes
        self.on_progress, self.on_failure = on_progress, on_failure
        self.summary = CorpusSummary()
        self.files = find_inputs(paths)
        self.summary.files = len(self.files)
        workers = default_workers() if workers is None else workers
        self.ledger = Ledger(sink)
        self.writer = BatchWriter(sink, max_bytes=batch_bytes, max_graphs=1 if after_commit else 256,
                                  before_first_write=before_first_write)
        self.summary.repaired = self.ledger.repair()
        self.stage: dict[str, float] = {}
        self.counts = estimate_documents(self.files) if (estimate and on_progress) else None
        self.expected = sum(self.counts.values()) if self.counts else None
        self.files_done = 0
        self.seq = 0
        self.open_files: list[_FileState] = []       # read (or being read), not yet finished
        self.last_flush = time.monotonic()
        self.since_checkpoint = 0
        self.pending: dict[int, _FileState] = {}     # documents dispatched, by sequence number
        self.touched: set[str] = set()               # documents read in this run: the ledger may not show their fate yet
        self.read_from: dict[str, _FileState] = {}   # document graph -> the file it was last read from in this run
        self.whole_from: dict[str, str] = {}         # volume -> the complete file of it read in this run
        self.ctrl_c = DeferredCtrlC()                # raised at the checks below, never inside a queue's lock
        self.pool = _Lazy(lambda: _Pool(workers, extractors, engine, check_shapes, prefetch) if workers > 0
                          else _Inline(extractors, engine, check_shapes))
        self.background = _BackgroundWriter(self.writer, self.ledger, after_commit, waiting=self.ctrl_c.check)

    def run(self) -> CorpusSummary:
        with self.ctrl_c:
            try:
                for path in self.files:
                    self._read_file(path)
                self._finish_all()
            except BaseException:
                self.pool.close(graceful=False)
                self.background.close(wait=False, timeout=60)   # a write in progress completes (one transaction)
                raise
            self.pool.close()
            self.background.close()
            self._drain()
            return self._summarise()

    # -- reading ---------------------------------------------------------------------------------
    def _read_file(self, path: Path) -> None:
        state = self._open_file(path)
        if state is None:
            return
        try:
            self._read_documents(path, state)
            state.read_ok = True
        except RunStopped:
            raise                                    # not this file's fault: the run stops
        except IngestError as exc:
            self._fail(Failure(str(path), str(exc), "unreadable"))
            if state.complete:
                state.stopped = exc                  # the volume's graph will say so (ingest/incomplete.py)
            state.complete = False                   # never mark a volume complete that was not read to its end
            state.read_ok = True
        self.files_done += 1
        self._finish_files()

    def _open_file(self, path: Path) -> _FileState | None:
        """The file's state, or None when it is unreadable or an unchanged complete volume (skipped unparsed)."""
        try:
            digest = file_digest(path)
        except (OSError, SourceError) as exc:
            refused = exc if isinstance(exc, SourceError) else SourceError(str(path), f"cannot read: {exc.strerror or exc}")
            self._fail(Failure(str(path), str(refused), "unreadable"))
            self.files_done += 1
            return None
        unchanged = None if self.force else self.ledger.unchanged_volume(digest)
        documents = self.ledger.documents_of(unchanged) if unchanged else set()
        if documents & self.touched:
            unchanged = None                         # an earlier input of this run rewrote some of its documents
        if unchanged:
            whole = _FileState(path, digest, set(), volume=unchanged, complete=True)
            for doc in documents:                    # its copies stand against a partial file's later in the run
                self.read_from.setdefault(doc, whole)
            self.summary.skipped_files += 1
            if self.expected is not None:
                self.expected -= self.counts[path]
            self.files_done += 1
            self._progress(path.name)
            return None
        state = _FileState(path, digest, set() if self.force else self.ledger.committed(digest))
        self.open_files.append(state)
        return state

    def _read_documents(self, path: Path, state: _FileState) -> None:
        def unreadable_document(exc: SourceError) -> None:
            if isinstance(exc, SourceNotice):
                self.summary.notices.append(str(exc))
                return
            state.failed += 1
            state.read += 1
            self._fail(Failure(f"{exc.path}:{exc.line}" if exc.line else exc.path, str(exc), "unreadable"))

        records = read_inputs(path, on_error=unreadable_document)
        while True:
            t = time.perf_counter()
            record = next(records, None)
            self._time("read", t)
            self.ctrl_c.check()
            if record is None:
                return
            state.read += 1
            if state.volume is None and not self._start_volume(state, record.volume):
                return
            doc = iris.graph_iri(iris.document_iri(record.volume.id, record.doc_id))
            first = self.read_from.setdefault(doc, state)
            if first is not state and not self._second_copy(state, first, doc, record):
                self._progress(path.name)
                continue
            if doc in state.committed_before and doc not in self.touched and self.sink.has_graph(doc):
                self.touched.add(doc)
                self.summary.skipped_documents += 1
                state.produced.add(doc)
            else:
                self._dispatch(state, doc, record)
            self._progress(path.name)

    def _second_copy(self, state: _FileState, first: _FileState, doc: str, record: DocumentRecord) -> bool:
        """A document read before in this run, from another file: True if this copy is to be ingested. The whole volume's
        copy wins over a partial file's (a single-document file, a text copy), in either order, so that the volume is
        complete; the partial copy is a notice, not a failure. Two partial copies: the first stands, the second fails."""
        which = f"{record.volume.id} {record.doc_id}"
        if state.complete:                       # the other file is finished (_start_volume waited): replace its copy
            self.read_from[doc] = state
            if not first.complete:               # (a complete one: a volume file skipped as unchanged, not read)
                self.summary.superseded.append(f"{first.path}: {which} is also in the whole volume {state.path}, read "
                                               f"in this run: the volume's copy is ingested")
            return True
        state.produced.add(doc)                  # the first copy's graph is not this file's stale one to drop
        if first.complete:
            self.summary.superseded.append(f"{state.path}: {which} was read in this run from the whole volume "
                                           f"{first.path}: this copy is left out (ingest it in a run of its own to "
                                           f"replace the volume's)")
            return False
        state.failed += 1
        self._fail(Failure(str(state.path), f"{state.path}: {which} was already read in this run from {first.path}; this "
                                            f"copy is not ingested (ingest it in a run of its own to replace that one)",
                           "duplicate"))
        return False

    def _start_volume(self, state: _FileState, volume: VolumeRecord) -> bool:
        """Write the volume's graph; False for a second complete file of a volume in one run, which is refused
        whole: finishing it would drop the documents the first file gave."""
        if volume.complete:
            first = self.whole_from.setdefault(volume.id, str(state.path))
            if first != str(state.path):
                state.failed += 1
                self._fail(Failure(str(state.path), f"{state.path}: volume {volume.id} was already read whole in this run "
                                                    f"from {first}; this file is not ingested (ingest it in a run of its "
                                                    f"own to replace that one)", "duplicate"))
                return False
        state.volume = volume.id
        state.complete = volume.complete
        # a complete volume's finish drops graphs it did not produce: no file of the same volume may write
        # while one is pending (partial files, e.g. text copies, drop nothing)
        while any(s is not state and s.volume == volume.id and (s.complete or state.complete) for s in self.open_files):
            self._collect(self._results(0.2))
            self._flush()
            self._drain(0.2)
        self._write_volume_graph(state, volume)
        return True

    def _write_volume_graph(self, state: _FileState, volume: VolumeRecord) -> None:
        """A partial file's volume graph is written only where the store has none; a whole volume's replaces it,
        and goes on saying that the volume's last ingest was incomplete, if it was, until this one completes."""
        earlier = read_incomplete_ingest(self.sink, volume.id) if volume.complete else None
        state.volume_nquads = volume_graph(volume).nquads
        state.carried = earlier is not None
        said = incomplete_ingest_graph(volume.id, earlier).nquads if earlier else b""
        self.writer.add(Commit(iris.graph_iri(iris.volume_iri(volume.id)), state.volume_nquads + said,
                               replace=volume.complete))

    def _dispatch(self, state: _FileState, doc: str, record: DocumentRecord) -> None:
        while not self.pool.has_room():
            self._collect(self._results(1.0))
        self.touched.add(doc)
        self.seq += 1
        self.pending[self.seq] = state
        state.outstanding += 1
        self.pool.submit(self.seq, record)
        self._collect(self._results(0))

    # -- results and writes ----------------------------------------------------------------------
    def _results(self, timeout: float) -> list[DocumentResult]:
        t = time.perf_counter()
        out = self.pool.results(timeout)
        self._time("wait for workers", t)
        self.ctrl_c.check()
        return out

    def _collect(self, results: list[DocumentResult]) -> None:
        for r in results:
            for k, v in r.seconds.items():
                self.stage[k] = self.stage.get(k, 0.0) + v
            state = self.pending.pop(r.seq)
            if r.error:
                state.outstanding -= 1
                state.failed += 1
                self._fail(Failure(r.graph, r.error, r.kind))
                continue
            commit = Commit(r.graph, r.nquads, r.triples, state.digest, iris.volume_iri(state.volume), token=state)
            if self.writer.add(commit) or time.monotonic() - self.last_flush > self.batch_seconds:
                self._flush()
        self._drain()
        self._finish_files()

    def _flush(self) -> None:
        """Hand the pending commits to the writer thread; now and then, let the store release its logs."""
        batch = self.writer.take()
        self.last_flush = time.monotonic()
        if not batch:
            return
        t = time.perf_counter()
        self.background.submit(_WriteBatch(batch))
        self.since_checkpoint += sum(len(c.nquads) for c in batch)
        if self.since_checkpoint >= self.checkpoint_bytes:
            idle = threading.Event()                 # wait until the writer has written everything
            self.background.submit(_Barrier(idle))
            while not idle.wait(0.2):
                self._drain()
                if not self.background.thread.is_alive():
                    raise self.background.stopped()
            self.sink.checkpoint()
            self.since_checkpoint = 0
            self.stage["checkpoints"] = self.stage.get("checkpoints", 0.0) + 1
        self._time("wait for writer", t)

    def _drain(self, timeout: float = 0.0) -> bool:
        """Apply what the writer thread has done; True if anything came back."""
        self.ctrl_c.check()
        got = False
        while True:
            try:
                done = self.background.done.get(timeout=timeout) if timeout else self.background.done.get_nowait()
            except queue.Empty:
                return got
            got, timeout = True, 0.0
            if isinstance(done, _WriterFailed):
                raise done.error
            if isinstance(done, _Written):
                for c in done.commits:
                    if isinstance(c.token, _FileState):
                        c.token.outstanding -= 1
                        c.token.produced.add(c.graph)
                self._progress()
            else:
                self.open_files.remove(done.state)
                self.summary.dropped_graphs += done.dropped
                self.summary.volumes += 0 if done.state.failed else 1

    def _finish_files(self) -> None:
        """Files read to their end whose documents are all settled: nothing more to write for them, or
        (a complete volume) its stale graphs to drop and its completion mark, queued after its writes."""
        for state in list(self.open_files):
            if not state.read_ok or state.outstanding or state.finishing:
                continue
            if state.complete and state.volume:
                self._flush()
                state.finishing = True
                self.background.submit(_FinishVolume(state))
                continue
            if state.stopped is not None and state.volume:     # after its documents, in the writer's order
                self.writer.add(Commit(iris.graph_iri(iris.volume_iri(state.volume)),
                                       state.volume_nquads + _incomplete_nquads(state), replace=True))
                self._flush()
            self.open_files.remove(state)

    def _finish_all(self) -> None:
        while self.pool.busy:
            self._collect(self._results(1.0))
        self._flush()
        while self.open_files:                       # the last writes, then the last volumes' completion
            self._finish_files()
            if self.open_files and not self._drain(1.0) and not self.background.thread.is_alive():
                raise self.background.stopped()
        self._drain()

    # -- reporting -------------------------------------------------------------------------------
    def _fail(self, failure: Failure) -> None:
        self.summary.failures.append(failure)
        if self.on_failure:
            self.on_failure(failure)

    def _progress(self, current: str = "") -> None:
        if self.on_progress:
            self.on_progress(Progress(self.files_done, len(self.files), self.writer.committed_documents,
                                      self.summary.skipped_documents, len(self.summary.failures), self.expected,
                                      time.perf_counter() - self.started, current))

    def _time(self, stage: str, since: float) -> None:
        self.stage[stage] = self.stage.get(stage, 0.0) + time.perf_counter() - since

    def _summarise(self) -> CorpusSummary:
        summary = self.summary
        self.stage["write"] = self.background.busy_seconds
        self.stage["write cpu"] = self.background.cpu_seconds
        summary.documents = self.writer.committed_documents
        summary.triples = self.writer.committed_triples
        summary.transactions = self.writer.transactions
        summary.seconds = time.perf_counter() - self.started
        summary.stage_seconds = self.stage
        self._progress()
        return summary


IngestSummary = CorpusSummary


def ingest_paths(paths: Iterable[str | Path], store: CorpusSink, *, extractors: Sequence[Extractor] | None = None,
                 check: bool = True, force: bool = True, workers: int = 0, engine: str = "fast") -> CorpusSummary:
    """`ingest_corpus` in this process (no workers), reading every file again (`force`): the same path as
    `frus-kg ingest`, for test fixtures, the bench and small inputs."""
    return ingest_corpus(paths, store, workers=workers, extractors=extractors, engine=engine, check_shapes=check,
                         force=force, estimate=False)
