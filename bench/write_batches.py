"""How the size of a bulk-load batch changes what Oxigraph's writes cost.

The writer hands Oxigraph one batch of N-Quads at a time. Would bigger batches (fewer, larger sorted
runs for RocksDB to merge) make the store writes, the largest cost of a corpus ingest, cheaper? This
section loads the same documents (the first graphs of the store the TEI-corpus section built) into
fresh stores with the bulk loader, in batches of several sizes, each in a fresh interpreter, and
reports wall time, CPU time (all threads), bytes written to disk and peak RSS.
"""
from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

from bench.fresh_process import call_in_fresh_process

TITLE = "Store writes: bulk-load batch size against time, CPU, disk writes and memory"

SIZES_MB = [16, 128, 1024]


def _load_in_batches(dump: Path, index: Path, target: Path, mb: int) -> dict:
    """Bulk-load the dumped graphs into a fresh store, `mb` MB at a time (run in a fresh interpreter)."""
    import resource

    import pyoxigraph as ox

    def written() -> int:
        for line in open("/proc/self/io"):
            if line.startswith("write_bytes:"):
                return int(line.split()[1])
        return 0

    cap = mb << 20
    sizes = [int(line) for line in open(index)]
    shutil.rmtree(target, ignore_errors=True)
    store = ox.Store(str(target))
    w0, c0, t0 = written(), time.process_time(), time.perf_counter()
    batch: list[bytes] = []
    size = 0
    with open(dump, "rb") as fh:
        for n in sizes:
            batch.append(fh.read(n))
            size += n
            if size >= cap:
                store.bulk_load(b"".join(batch), format=ox.RdfFormat.N_QUADS, lenient=True)
                batch, size = [], 0
    if batch:
        store.bulk_load(b"".join(batch), format=ox.RdfFormat.N_QUADS, lenient=True)
    store.flush()
    out = {"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0, "written": written() - w0,
           "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, "quads": len(store)}
    del store
    shutil.rmtree(target, ignore_errors=True)
    return out


def _dump(store_dir: Path, dump: Path, index: Path, documents: int) -> tuple[int, int]:
    """The first `documents` document graphs (in IRI order), as N-Quads, with each graph's byte size."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(store_dir))
    graphs = sorted((g for g in store.named_graphs() if re.search(r"/d\d+[a-z]?$", g.value)), key=lambda g: g.value)
    total = 0
    with open(dump, "wb") as out, open(index, "w") as idx:
        for g in graphs[:documents]:
            data = ox.serialize(store.quads_for_pattern(None, None, None, g), format=ox.RdfFormat.N_QUADS)
            out.write(data)
            idx.write(f"{len(data)}\n")
            total += len(data)
    del store
    return min(documents, len(graphs)), total


def run(ctx) -> str:
    store_dir = Path(ctx.work) / "tei-corpus-store"
    if not store_dir.exists():
        return "Not measured: needs the store that the TEI-corpus section builds (run it first, same --work)."
    work = Path(ctx.work)
    dump, index = work / "batches.nq", work / "batches.idx"
    documents, size = _dump(store_dir, dump, index, 1000 if ctx.quick else 8000)
    rows = []
    try:
        for mb in SIZES_MB:
            rows.append((mb, call_in_fresh_process(_load_in_batches, dump, index, work / "batches-store", mb)))
    finally:
        dump.unlink(missing_ok=True)
        index.unlink(missing_ok=True)
        shutil.rmtree(work / "batches-store", ignore_errors=True)
    base = rows[0][1]
    table = "\n".join(
        f"| {mb:,} MB | {r['seconds']:.0f} s ({r['seconds'] / base['seconds']:.2f}x) | {r['cpu']:.0f} s "
        f"({1000 * r['cpu'] / documents:.1f} ms/doc) | {r['written'] / 2**30:.1f} GB | {r['rss'] / 2**30:.2f} GB |"
        for mb, r in rows)
    return f"""
The first {documents:,} document graphs of the corpus store ({size / 2**30:.2f} GiB of N-Quads, {rows[0][1]['quads']:,}
quads), bulk-loaded into a fresh store in batches of each size, nothing else running. The ingest writer
uses 16 MB batches (`ingest_corpus(batch_bytes=…)`).

| batch | wall (vs 16 MB) | CPU, all threads | written to disk | peak RSS |
|---|---|---|---|---|
{table}
"""
