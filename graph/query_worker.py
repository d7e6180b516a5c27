"""A query worker: a child process that holds the store read-only and answers one query at a time.

The parent (graph.query_pool) can kill it at a deadline, and loses nothing but this process when the
engine crashes on a query, because pyoxigraph can neither cancel a query nor survive a native stack
overflow. Started as `python -m graph.worker_process STORE READ_FD WRITE_FD`; messages are the dataclasses
below, pickled over the two pipes.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

__all__ = ["Job", "Rows", "Failure", "serve_jobs", "main"]


@dataclass(frozen=True)
class Job:
    """Run `sparql`; `fmt` None returns the rows, else the result serialized in that format (a large one
    as a file in `spool`)."""
    sparql: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    fmt: str | None = None
    spool: str | None = None
    row_cap: int = 100_000
    refresh: bool = False         # this server wrote to the store since the worker's last query


@dataclass(frozen=True)
class Rows:
    kind: str
    variables: tuple[str, ...] = ()
    rows: list = field(default_factory=list)
    boolean: bool | None = None
    truncated: bool = False


@dataclass(frozen=True)
class Failure:
    """`kind` is 'query' (the client's query is wrong) or 'store' (the store could not be read); `error` is a syntax
    error whole, whose place and excerpt the server answers with."""
    kind: str
    message: str
    error: Exception | None = None


def _encode(term):
    """A pyoxigraph term as a small picklable tuple (pyoxigraph terms do not pickle)."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("i", term.value)
    if isinstance(term, ox.BlankNode):
        return ("b", term.value)
    if isinstance(term, ox.Literal):
        return ("l", term.value, term.datatype.value, term.language)
    return ("s", str(term))


def _run(store, job: Job):
    """The job's answer; once more on a fresh snapshot when an ingest's compaction took a file from this one."""
    from .store import lost_a_file

    reply = _answer(store, job)
    if isinstance(reply, Failure) and reply.kind == "store" and lost_a_file(reply.message):
        try:
            store.reopen()
        except (OSError, RuntimeError):
            return reply
        reply = _answer(store, job)
    return reply


def _answer(store, job: Job):
    from itertools import islice

    from .errors import QueryError, SparqlSyntaxError, StoreError
    from .result_writer import serialize_result

    if job.refresh:
        store.refresh()
    try:
        result = store.query(job.sparql, default_graphs=job.default_graphs, named_graphs=job.named_graphs)
        if job.fmt is not None:
            return serialize_result(result, job.fmt, job.row_cap, job.spool)
        if result.kind == "boolean":
            return Rows("boolean", boolean=result.boolean)
        rows = [tuple(_encode(t) for t in row) for row in islice(result.rows(), job.row_cap + 1)]
        truncated = len(rows) > job.row_cap
        return Rows(result.kind, result.variables, rows[:job.row_cap], truncated=truncated)
    except QueryError as exc:
        return Failure("query", str(exc), exc if isinstance(exc, SparqlSyntaxError) else None)
    except (StoreError, OSError) as exc:
        return Failure("store", str(exc))


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker if the server dies, even by SIGKILL, so no query outlives it. A parent
    that died before this call sends no signal: this worker then has another parent, and ends here."""
    parent = os.getppid()
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))   # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(0)


def serve_jobs(store_path: str, inbox: Connection, outbox: Connection) -> None:
    """Answer jobs until the parent closes the pipe. A parent gone (it exits while this worker starts, e.g. a
    `frus-kg query` that ended at its time limit while the replacement started) ends the worker in silence."""
    _die_with_parent()
    from .errors import StoreError
    from .store import OxigraphStore

    try:
        try:
            store = OxigraphStore(store_path, read_only=True)
        except StoreError as exc:
            outbox.send(Failure("store", str(exc)))
            return
        outbox.send("ready")
        while True:
            try:
                job = inbox.recv()
            except (EOFError, OSError):
                return
            outbox.send(_run(store, job))
    except OSError:          # BrokenPipeError above all: nobody is listening any more
        return


def main(argv: list[str]) -> None:
    """Entry point of the child process (`python -m graph.worker_process STORE READ_FD WRITE_FD`)."""
    path, read_fd, write_fd = argv[0], int(argv[1]), int(argv[2])
    try:
        serve_jobs(path, Connection(read_fd, writable=False), Connection(write_fd, readable=False))
    except KeyboardInterrupt:
        pass
    os._exit(0)
