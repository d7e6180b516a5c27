"""Search: how long the full-text index takes to build and refresh, its size, and query latency.

Runs on the TEI-corpus store when an earlier section left one in the work folder, else on three
volumes ingested here. The baseline for latency is what a store without the index can do: a SPARQL
`CONTAINS` scan over every document's text (the `/documents?text=` filter), on the same store.
"""
from __future__ import annotations

import os
import shutil
import statistics
import time
from pathlib import Path

TITLE = "Search: index build, refresh and size; query latency against a CONTAINS scan"

VOLUMES = ("frus1969-76v19p1", "frus1955-57v23p2", "frus1964-68v22")
QUERIES = [("common word", "soviet", {}), ("two words", "human rights", {}), ("phrase", '"national security"', {}),
           ("name", "Kissinger", {"kind": "person"}), ("prefix", "diplom*", {}),
           ("documents of a year", "oil", {"kind": "document", "date_from": "1968", "date_to": "1968"}),
           ("rare word", "refrigerator", {})]


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def _du(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.name.startswith("frus-kg-"))


def _store(ctx) -> tuple[Path, str]:
    corpus_store = Path(ctx.work) / "tei-corpus-store"
    if (corpus_store / "CURRENT").exists() and not ctx.quick:
        return corpus_store, "the TEI-corpus store of the section above"
    from graph import StoreOptions, open_store
    from ingest.authorities.rdf import ensure_authority_graphs
    from ingest.parallel import ingest_corpus

    names = VOLUMES[:1] if ctx.quick else VOLUMES
    files = [Path(ctx.corpus) / f"{v}.xml.gz" for v in names if (Path(ctx.corpus) / f"{v}.xml.gz").exists()]
    store_dir = Path(ctx.work) / "search-store"
    shutil.rmtree(store_dir, ignore_errors=True)
    db = open_store(store_dir, options=StoreOptions.for_ingest())
    ensure_authority_graphs(db)
    ingest_corpus(files, db, workers=1, estimate=False)
    db.checkpoint()                 # compacted as the corpus section leaves its store, so the sizes compare
    db.optimize()
    db.close()
    return store_dir, f"{len(files)} volume(s) ingested here ({', '.join(f.name for f in files)})"


def _timed(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def run(ctx) -> str:
    from api.search import search
    from graph import SearchIndex, open_store
    from ontology.namespaces import sparql_prologue

    store_dir, what = _store(ctx)
    db = open_store(store_dir, read_only=True)
    path = Path(ctx.work) / "search-bench.sqlite3"        # beside, not in, the store: a bench run leaves it alone
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    writer = SearchIndex(path)
    full = writer.refresh(db)
    noop = writer.refresh(db)
    changed = min(100, full.documents)
    writer._connect().execute(f"UPDATE graphs SET fingerprint = 'stale' WHERE name IN "
                              f"(SELECT name FROM graphs WHERE name LIKE '%/d%' LIMIT {changed})")
    incremental = writer.refresh(db)
    entries = writer.entry_count()
    writer.close()
    size, store_size = _size(path), _du(store_dir)

    index = SearchIndex(path, read_only=True)
    runs = 5 if ctx.quick else 30
    rows = ["| query | hits | p50 ms | p99 ms |", "|---|---|---|---|"]
    for name, q, filters in QUERIES:
        answer = search(index, q, **filters)
        p50, p99 = _timed(lambda: search(index, q, **filters), runs)
        rows.append(f"| {name} `{q}` {filters or ''} | {answer['total']} | {p50:.1f} | {p99:.1f} |")
    scan = sparql_prologue("schema", "fk") + """SELECT ?d WHERE { ?d a fk:Document ; schema:text ?t
        FILTER (CONTAINS(LCASE(?t), "national security")) }"""
    scan_hits = len(list(db.query(scan).rows()))
    scan_p50, _ = _timed(lambda: list(db.query(scan).rows()), 3)
    indexed = search(index, '"national security"', kind="document")["total"]
    indexed_p50, _ = _timed(lambda: search(index, '"national security"', kind="document"), runs)
    index.close()
    db.close()
    per_1000 = full.seconds / max(full.documents, 1) * 1000
    steady = max(incremental.seconds - noop.seconds, 0) / max(changed, 1) * 1000
    return "\n".join([
        f"Store: {what}; {full.documents:,} documents, {full.label_graphs} name graphs (authorities, volumes). "
        f"Machine load at the start: {os.getloadavg()[0]:.1f}.",
        "",
        "| measure | value |", "|---|---|",
        f"| full build (documents, claims, names) | {full.seconds:.1f} s, {full.entries:,} entries |",
        f"| full build per 1,000 documents (names included) | {per_1000:.1f} s |",
        f"| refresh with nothing changed (fingerprints only) | {noop.seconds:.2f} s |",
        f"| re-indexing documents, beyond the fingerprints, per 1,000 documents | {steady:.1f} s |",
        f"| refresh of {changed} changed documents | {incremental.seconds:.2f} s "
        f"({incremental.seconds / max(changed, 1) * 1000:.0f} ms per document, fingerprints included) |",
        f"| index size | {size / 1e6:.1f} MB ({size / max(store_size, 1):.1%} of the store's {store_size / 1e6:.0f} MB), "
        f"{entries:,} entries |",
        "",
        f"Latency of `api.search.search` (counts, one page of 20, snippets), {runs} runs each:",
        "", *rows, "",
        f"Baseline: a SPARQL `CONTAINS` scan of every document's text for \"national security\" found {scan_hits} "
        f"documents in {scan_p50:.0f} ms (p50 of 3); the index finds {indexed} (stemmed, ranked, a page with "
        f"snippets) in {indexed_p50:.1f} ms: **{scan_p50 / max(indexed_p50, 1e-9):.0f}x** faster.",
    ])
