"""Queries in supervised worker processes: a deadline that really stops the work, and crash isolation.

pyoxigraph cannot cancel a query (upstream oxigraph issue #1926) and a native stack overflow kills the
process that runs it. So each query runs in a `graph.query_worker` child holding the store read-only:
at the deadline the child is killed (its CPU and memory come back at once) and replaced; if the engine
crashes, only that child dies, the caller gets `EngineCrashed`, and a new child takes its place. Other
requests keep running on the other workers meanwhile.

`IsolatedStore` offers the read half of the store protocol (`query`, `graph_names`, `has_graph`,
`quad_count`) plus `query_serialized`, a capped result already serialized for streaming.
Workers reopen the store when an ingest has changed its files (see OxigraphStore), between queries.

With `PoolSettings(local_reads=True)` (what `frus-kg serve` uses) the server's *own* queries, `query()`
without a `timeout` (the REST resources, pages, counts), run in this process on a read-only snapshot:
they are fixed shapes with escaped parameters, so they need neither the deadline nor the crash isolation,
and the round trip to a worker (a pipe each way, pickled rows, terms rebuilt) added 10-35% to a
resource's time. A client's SPARQL (`query_serialized`) and any query given a `timeout` still run in a worker.
"""
from __future__ import annotations

import asyncio
import dataclasses
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Iterator, Sequence

import pyoxigraph as ox

from .errors import EngineBusy, EngineCrashed, QueryError, QueryTimeout, StoreError
from .query_worker import Failure, Job, Rows
from .result_writer import Serialized
from .store import OxigraphStore, QueryResult

__all__ = ["PoolSettings", "IsolatedStore", "MaterializedResult"]

WAITING_REQUESTS = 40       # requests on an event loop that may wait for a busy worker at once (then they queue)


@dataclass(frozen=True)
class PoolSettings:
    """`timeout` and `queue_wait` in seconds (`timeout` None: no limit); `row_cap` bounds every result."""
    workers: int = 2
    timeout: float | None = 30.0
    row_cap: int = 100_000
    queue_wait: float = 30.0
    start_timeout: float = 60.0
    local_reads: bool = False     # query() without a timeout runs in this process (the server's own queries)


class MaterializedResult:
    """A result already read from a worker, with the interface of graph.QueryResult (rows of terms)."""

    def __init__(self, reply: Rows):
        self.kind = reply.kind
        self.variables = tuple(reply.variables)
        self.boolean = reply.boolean
        self.truncated = reply.truncated
        self._rows = reply.rows

    def rows(self) -> Iterator[tuple]:
        for row in self._rows:
            yield tuple(_decode(t) for t in row)


def _decode(term):
    if term is None:
        return None
    tag = term[0]
    if tag == "i":
        return ox.NamedNode(term[1])
    if tag == "b":
        return ox.BlankNode(term[1])
    if tag == "l":
        _, value, datatype, language = term
        return ox.Literal(value, language=language) if language else ox.Literal(value, datatype=ox.NamedNode(datatype))
    return ox.Literal(term[1])


class _Worker:
    """One child process and its two pipes."""

    def __init__(self, store_path: Path):
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "graph.worker_process", str(store_path), str(to_child_r), str(from_child_w)],
                pass_fds=(to_child_r, from_child_w), stdin=subprocess.DEVNULL, start_new_session=True)
        except OSError as exc:       # EAGAIN, ENOMEM, EFAULT: a StoreError, which the respawner retries
            for fd in (to_child_r, to_child_w, from_child_r, from_child_w):
                os.close(fd)
            raise StoreError(f"could not start a query worker process: {exc}") from None
        os.close(to_child_r)
        os.close(from_child_w)
        self.outbox = Connection(to_child_w, readable=False)
        self.inbox = Connection(from_child_r, writable=False)
        self.writes_seen = 0

    def wait_ready(self, timeout: float) -> None:
        reply = self._reply(timeout)
        if isinstance(reply, Failure):
            self.kill()
            raise StoreError(reply.message)
        if reply != "ready":
            self.kill()
            raise StoreError(f"query worker answered {reply!r} instead of starting")

    def _reply(self, timeout: float | None):
        try:
            if not self.inbox.poll(timeout):
                raise QueryTimeout("no answer in time")
            return self.inbox.recv()
        except (EOFError, OSError):
            raise EngineCrashed(self._death()) from None

    def _death(self) -> str:
        try:
            code = self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.kill()
            code = self.proc.returncode
        if code is not None and code < 0:
            import signal

            return f"the query engine died with {signal.Signals(-code).name}"
        return f"the query engine exited with status {code}"

    def send(self, job: Job) -> None:
        try:
            self.outbox.send(job)
        except (BrokenPipeError, OSError):
            raise EngineCrashed(self._death()) from None

    def run(self, job: Job, timeout: float | None):
        self.send(job)
        return self._reply(timeout)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        for conn in (self.outbox, self.inbox):
            try:
                conn.close()
            except OSError:
                pass
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


async def _readable(conn: Connection, limit: float | None) -> None:
    """Wait on the event loop until the worker has answered (or closed its pipe); QueryTimeout past `limit`."""
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    fd = conn.fileno()
    loop.add_reader(fd, lambda: ready.done() or ready.set_result(None))
    try:
        await asyncio.wait_for(ready, limit)
    except asyncio.TimeoutError:
        raise QueryTimeout("no answer in time") from None
    finally:
        loop.remove_reader(fd)


SPOOL_PREFIX = "frus-kg-results-"


def _sweep_spools_of_dead_servers() -> None:
    """Remove the result spools of servers that were killed (SIGKILL, the OOM killer) before close() ran: a spool
    is named after its server's process id, and one whose process is gone would hold its files for ever."""
    for spool in Path(tempfile.gettempdir()).glob(f"{SPOOL_PREFIX}*-*"):
        pid = spool.name[len(SPOOL_PREFIX):].split("-", 1)[0]
        try:
            ours = spool.is_dir() and spool.stat().st_uid == os.getuid()
        except OSError:
            continue
        if not ours or not pid.isdigit() or _alive(int(pid)):
            continue
        for leftover in spool.glob("*"):
            leftover.unlink(missing_ok=True)
        try:
            spool.rmdir()
        except OSError:
            pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:         # another user's process
        return True
    return True


class IsolatedStore:
    """A read-only store whose queries run in killable worker processes."""

    atomic_loads = True              # writes go through a short-lived OxigraphStore with the default options
    union_default_graph = True

    def __init__(self, path: str | os.PathLike, settings: PoolSettings = PoolSettings()):
        self.path = Path(path)
        if not (self.path / "CURRENT").exists():
            raise StoreError(f"{self.path}: no store here yet; run `frus-kg ingest` first")
        self.settings = settings
        _sweep_spools_of_dead_servers()
        self.spool = Path(tempfile.mkdtemp(prefix=f"{SPOOL_PREFIX}{os.getpid()}-"))
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._writes = 0
        self._respawn: queue.Queue[None] = queue.Queue()
        self._local = OxigraphStore(self.path, read_only=True) if settings.local_reads else None
        # requests that found no idle worker wait for one here (up to `queue_wait`), as many at once as
        # a web server's thread pool would let wait
        self._waiters = ThreadPoolExecutor(max_workers=WAITING_REQUESTS, thread_name_prefix="frus-kg-wait")
        threading.Thread(target=self._respawner, name="frus-kg-respawn", daemon=True).start()
        starting = [self._spawn() for _ in range(max(1, settings.workers))]
        for worker in starting:
            worker.wait_ready(settings.start_timeout)
            self._idle.put(worker)

    # -- workers -----------------------------------------------------------------------------------
    def _spawn(self) -> _Worker:
        """A new worker, registered before close() can look (so close() stops it); none once the pool is closed."""
        with self._lock:
            if self._closed:
                raise EngineBusy("the query service is shutting down")
            worker = _Worker(self.path)
            worker.writes_seen = self._writes
            self._all.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill `worker` now and have its successor started in the background, so the caller answers at once."""
        self._retire(worker)
        if not self._closed:
            self._respawn.put(None)

    def _respawner(self) -> None:
        """Starts the successors, in one thread that lives as long as the pool. A worker's parent-death signal
        (PR_SET_PDEATHSIG, query_worker.py) fires when the *thread* that started it ends: successors started by
        a short-lived thread each were killed (SIGKILL) as soon as it returned, so after the first time limit
        every query got 500."""
        while True:
            self._respawn.get()
            if self._closed:
                return
            try:
                fresh = self._spawn()
                fresh.wait_ready(self.settings.start_timeout)
            except StoreError as exc:
                if self._closed:        # close() stopped it while it started: nothing to report
                    return
                print(f"frus-kg: could not start a query worker: {exc}", file=sys.stderr)
                time.sleep(1.0)
                self._respawn.put(None)
                continue
            if self._closed:
                self._retire(fresh)
                return
            self._idle.put(fresh)

    def _take(self) -> _Worker:
        """An idle, live worker (waiting up to `queue_wait` for one)."""
        while True:
            if self._closed:
                raise EngineBusy("the query service is shutting down")
            try:
                worker = self._idle.get(timeout=self.settings.queue_wait)
            except queue.Empty:
                raise EngineBusy(f"every query worker stayed busy for {self.settings.queue_wait:g} s; "
                                 "try again later") from None
            if worker.alive():
                return worker
            self._replace(worker)

    def _prepared(self, worker: _Worker, job: Job) -> Job:
        if worker.writes_seen != self._writes:     # read your own writes: look at the files again now
            worker.writes_seen = self._writes
            return dataclasses.replace(job, refresh=True)
        return job

    def _limit(self, timeout: float | None) -> float | None:
        return self.settings.timeout if timeout is None else timeout

    def _failed(self, worker: _Worker, exc: Exception, limit: float | None) -> Exception:
        """The error to raise for a worker that did not answer: it is replaced, never reused."""
        self._replace(worker)
        if isinstance(exc, QueryTimeout):
            return QueryTimeout(f"the query ran longer than the {limit:g} s time limit and was stopped")
        return EngineCrashed(f"{exc} while running this query; a new engine has been started")

    def _settle(self, worker: _Worker, reply):
        """Back to the idle queue with its reply, or replaced when it could not read the store."""
        if isinstance(reply, Failure) and reply.kind == "store":
            self._replace(worker)      # its view of the files may be stale (an ingest compacted them away)
            raise StoreError(reply.message)
        self._idle.put(worker)
        if isinstance(reply, Failure):
            raise reply.error or QueryError(reply.message)
        return reply

    def _execute(self, job: Job, timeout: float | None):
        worker, limit = self._take(), self._limit(timeout)
        try:
            reply = worker.run(self._prepared(worker, job), limit)
        except (QueryTimeout, EngineCrashed) as exc:
            raise self._failed(worker, exc, limit) from None
        return self._settle(worker, reply)

    async def _execute_async(self, job: Job, timeout: float | None):
        """`_execute` awaited on the event loop: the loop watches the worker's pipe, so a request needs no
        thread of its own (the thread hop was an eighth of the server's CPU per small lookup). Falls back
        to a thread when no worker is idle."""
        try:
            worker = self._idle.get_nowait()
        except queue.Empty:
            return await asyncio.get_running_loop().run_in_executor(self._waiters, self._execute, job, timeout)
        if self._closed or not worker.alive():
            self._idle.put(worker)
            return await asyncio.get_running_loop().run_in_executor(self._waiters, self._execute, job, timeout)
        limit = self._limit(timeout)
        try:
            worker.send(self._prepared(worker, job))
            await _readable(worker.inbox, limit)
            reply = worker._reply(0)
        except (QueryTimeout, EngineCrashed) as exc:
            raise self._failed(worker, exc, limit) from None
        except BaseException:          # cancelled, or the pipe broke: its answer must never reach another query
            self._replace(worker)
            raise
        return self._settle(worker, reply)

    # -- the read protocol -------------------------------------------------------------------------
    def query(self, sparql: str, *, default_graphs: Sequence[str] = (),
              named_graphs: Sequence[str] = (), timeout: float | None = None,
              row_cap: int | None = None) -> MaterializedResult | QueryResult:
        """Rows of a query: in a worker (deadline, row cap), or here when local reads are on and no
        `timeout` is given (the server's own queries; no row cap either)."""
        if self._local is not None and timeout is None:
            if self._closed:
                raise EngineBusy("the query service is shutting down")
            return self._local.query(sparql, default_graphs=default_graphs, named_graphs=named_graphs)
        job = Job(sparql, tuple(default_graphs), tuple(named_graphs),
                  row_cap=self.settings.row_cap if row_cap is None else row_cap)
        return MaterializedResult(self._execute(job, timeout))

    def query_serialized(self, sparql: str, fmt: str, *, default_graphs: Sequence[str] = (),
                         named_graphs: Sequence[str] = (), timeout: float | None = None) -> Serialized:
        """The capped result serialized as `fmt`, inline when small, else in a spool file (see Serialized)."""
        job = Job(sparql, tuple(default_graphs), tuple(named_graphs), fmt=fmt, spool=str(self.spool),
                  row_cap=self.settings.row_cap)
        return self._execute(job, timeout)

    async def query_serialized_async(self, sparql: str, fmt: str, *, default_graphs: Sequence[str] = (),
                                     named_graphs: Sequence[str] = (), timeout: float | None = None) -> Serialized:
        """`query_serialized` for a caller on an event loop (the SPARQL endpoint), without a thread per request."""
        job = Job(sparql, tuple(default_graphs), tuple(named_graphs), fmt=fmt, spool=str(self.spool),
                  row_cap=self.settings.row_cap)
        return await self._execute_async(job, timeout)

    def graph_names(self) -> list[str]:
        if self._local is not None:
            return self._local.graph_names()
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", row_cap=10**9)
        return sorted(row[0].value for row in result.rows() if isinstance(row[0], ox.NamedNode))

    def has_graph(self, name: str) -> bool:
        if self._local is not None:
            return self._local.has_graph(name)
        from .sparql_terms import iri

        return bool(self.query(f"ASK {{ GRAPH {iri(name)} {{ ?s ?p ?o }} }}").boolean)

    def quad_count(self) -> int:
        row = next(self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows())
        return int(row[0].value)

    # -- writes: a short-lived writer, for the token holder's SPARQL Update and Graph Store requests --
    def _write(self, action):
        writer = OxigraphStore(self.path)
        try:
            return action(writer)
        finally:
            writer.close()
            self._writes += 1
            if self._local is not None:
                self._local.refresh()

    def update(self, sparql: str) -> None:
        self._write(lambda w: w.update(sparql))

    def replace_graphs(self, graphs) -> None:
        self._write(lambda w: w.replace_graphs(graphs))

    def load(self, data, fmt: str, graph: str | None = None) -> None:
        self._write(lambda w: w.load(data, fmt, graph))

    def drop_graphs(self, names) -> None:
        self._write(lambda w: w.drop_graphs(names))

    def close(self) -> None:
        """Stop every worker, busy or not: a request still waiting gets EngineCrashed at once."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
        self._respawn.put(None)
        for worker in workers:
            self._retire(worker)
        if self._local is not None:
            self._local.close()
        self._waiters.shutdown(wait=False)
        for leftover in self.spool.glob("*"):
            leftover.unlink(missing_ok=True)
        try:
            self.spool.rmdir()
        except OSError:
            pass
