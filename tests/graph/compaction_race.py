"""A read-only snapshot in another process, and a writer that compacts away files the snapshot had not opened.

A read-only open of the on-disk store opens only some of its files (16 here) and the rest at first read;
compaction in between deletes them, and the read fails with "No such file or directory … .sst". The packs
layer died of it on the 8-volume bench (session 15), and a query worker can meet it beside an ingest."""
from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Callable

import pyoxigraph as ox

GRAPH = "urn:x:g"
GRAPHS = 6
QUADS = GRAPHS * 5000


def fill(db) -> None:
    """QUADS quads in six graphs GRAPH0…GRAPH5, flushed after each: one file per index and graph at least."""
    p = ox.NamedNode("urn:x:p")
    for batch in range(GRAPHS):
        name = f"{GRAPH}{batch}"
        db.replace_graphs({name: [ox.Quad(ox.NamedNode(f"urn:x:s{i}"), p, ox.Literal(f"v{i}"), ox.NamedNode(name))
                                  for i in range(5000)]})
        db.flush()


def count_quads(store, prefix: str = GRAPH) -> int:
    return sum(1 for name in store.graph_names() if name.startswith(prefix) for _ in store.quads(name))


def race(path: Path, child: Callable, *args) -> object:
    """Fill a store at `path`; start `child(path, *args, ready, go, answer)` in a spawned process; once it has
    opened its snapshot, rewrite the same quads and compact; then let it read, and return what it put."""
    from graph import OxigraphStore

    db = OxigraphStore(path)
    fill(db)
    files = {f.name for f in path.glob("*.sst")}
    assert len(files) > 16, "too few files: the snapshot would open them all at once"
    ctx = multiprocessing.get_context("spawn")
    ready, go, answer = ctx.Event(), ctx.Event(), ctx.Queue()
    worker = ctx.Process(target=child, args=(str(path), *args, ready, go, answer))
    worker.start()
    try:
        assert ready.wait(60), "the child did not open its snapshot"
        db.update("DROP ALL")
        fill(db)
        db.optimize()
        assert files - {f.name for f in path.glob("*.sst")}, "the compaction deleted none of the snapshot's files"
        go.set()
        return answer.get(timeout=120)
    finally:
        worker.join(30)
        db.close()
