"""A layer's work, volume by volume, in worker processes that hold the store read-only.

The layers materialised after an ingest (statistics, claim months, network table, document packs) each read
one volume's documents and write one graph for it. On the 99-volume store each took 10 to 35 minutes, on one
core, nearly all of it reading: the on-disk store pays a dictionary lookup per term of every quad it reads.
Volumes are independent, so `map_volumes` computes them in N spawned processes, each with its own read-only
open of the store (which sees every write committed before it opened, flushed or not: this process flushes
first, or each open would replay its log), while this process writes the results in order. Writes stay in this process: one writer, as the store protocol wants.

A store that is not an embedded one on disk (a remote server, an in-memory store), or fewer than two
workers, or a single volume, computes in this process. The results are the same either way
(tests/graph/test_volume_workers.py); only the time differs.
"""
from __future__ import annotations

import os
import shutil
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path
from multiprocessing import get_context
from typing import Any, Callable, Iterable, Iterator, TypeVar

from ontology.worker_signals import DeferredCtrlC, ctrl_c_held, worker_ignores_ctrl_c

from .errors import StoreError
from .store import OxigraphStore, Store, lost_a_file

__all__ = ["map_volumes", "reads_in_parallel"]

T = TypeVar("T")

_reader: OxigraphStore | None = None


def _open_reader(path: str) -> None:
    """A worker's start: Ctrl-C is the parent's to handle (it stops the pool), and the store is opened once.

    The snapshot does not follow the writer: a layer reads the documents and the layers written before its
    pool started, never its own graphs, and each reopening would replay the writer's log since its last flush."""
    global _reader
    worker_ignores_ctrl_c()
    if not (Path(path) / "CURRENT").exists():
        return              # the pool was stopped (Ctrl-C) and its checkpoint removed before this worker started
    _reader = OxigraphStore(path, read_only=True, follow=False)


def _run(compute: Callable[..., T], args: tuple) -> T:
    """compute(reader, *args), again on a fresh snapshot if the writer's compaction took a file from this one."""
    if _reader is None:
        raise StoreError("this worker's pool was stopped before it opened the store")
    for _ in range(_REOPENS):
        try:
            return compute(_reader, *args)
        except (OSError, RuntimeError, StoreError) as exc:
            if _reader is None or not lost_a_file(exc):
                raise
            _reader.reopen()
    return compute(_reader, *args)


_REOPENS = 3


def reads_in_parallel(store: Store) -> bool:
    """Whether other processes can open this store read-only: an embedded Oxigraph store in a folder."""
    return isinstance(store, OxigraphStore) and store.path is not None


def map_volumes(store: Store, compute: Callable[..., T], items: Iterable[tuple], *,
                workers: int = 0) -> Iterator[tuple[tuple, T]]:
    """(args, compute(store, *args)) for each args of `items`, in their order.

    `compute` must be a module-level function (workers import it by name) that only reads the store. With
    `workers` ≥ 2 and a store on disk it runs in that many processes, at most two volumes ahead of the
    caller per worker, so the results of a whole corpus never wait in memory at once."""
    items = list(items)
    n = min(workers, len(items))
    if n < 2 or not reads_in_parallel(store):
        for args in items:
            yield args, compute(store, *args)
        return
    store.flush()       # a read-only open replays the writer's log: 10 s for 200 MB of unflushed writes, 0.01 s after
    snapshot = _snapshot(store)
    pool = ProcessPoolExecutor(max_workers=n, mp_context=get_context("spawn"), initializer=_open_reader,
                               initargs=(str(snapshot or store.path),))
    finished = False
    try:
        queue = iter(items)

        def submit(args: tuple) -> tuple[tuple, Any]:
            with ctrl_c_held():                     # a worker may be spawned here
                return args, pool.submit(_run, compute, args)

        pending: deque[tuple[tuple, Any]] = deque(submit(args) for args in islice(queue, 2 * n))
        while pending:
            args, future = pending.popleft()
            try:
                result = _result_of(future)
            except BrokenProcessPool:
                raise StoreError(f"a worker reading the store at {store.path} died while computing {args[0]} "
                                 f"(out of memory?); rerun with fewer workers") from None
            for more in islice(queue, 1):
                pending.append(submit(more))
            yield args, result
        finished = True
    finally:
        pool.shutdown(wait=finished, cancel_futures=not finished)
        if snapshot is not None:
            shutil.rmtree(snapshot, ignore_errors=True)


def _result_of(future: Any) -> Any:
    """The future's result; a Ctrl-C while waiting is raised here, not inside the future's lock (which the
    pool's own thread then waits for, and the process hangs at its exit)."""
    with DeferredCtrlC() as ctrl_c:
        while True:
            try:
                return future.result(timeout=0.25)
            except TimeoutError:
                ctrl_c.check()


SNAPSHOT_PREFIX = "frus-kg-volumes-"


def _snapshot(store: OxigraphStore) -> Path | None:
    """A checkpoint inside the store's folder for the workers to read, when this process may write the store.

    A read-only open of the live folder opens some of its files at once and the rest at first read; the
    writer's compaction in between deletes them. pyoxigraph 0.5 then fails the read, or spins for ever in an
    aggregate (COUNT over the quads): a layer would hang the ingest. The checkpoint's hard links keep every
    file it names. A read-only store has no writer here: the workers open its folder."""
    if store.read_only:
        return None
    for stale in store.path.glob(SNAPSHOT_PREFIX + "*"):
        shutil.rmtree(stale, ignore_errors=True)         # left by a process that was killed
    target = store.path / f"{SNAPSHOT_PREFIX}{os.getpid()}"
    store.snapshot_to(target)
    return target
