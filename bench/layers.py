"""The layers after the ingest: computed in this process against computed in worker processes (graph/volume_workers.py).

Each layer (statistics, claim months, network table, document packs) is rebuilt on the same store, in
alternated runs: in this process, then with one worker per CPU, then again. Wall time per layer, best of the
runs of each kind; the ratio is this process's over the workers'. Each run's volume graphs are checked equal
to the first run's, so the speed is not bought with a different answer. The search index is left out: it is
one SQLite file beside the store, written as it reads.

Store: `FRUS_KG_BENCH_LAYERS_STORE` (its layers are rewritten in place, to the same quads), else volumes
spread over the corpus ingested here without layers (3 in the quick run, 8 otherwise).
"""
from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

TITLE = "Layers after the ingest: in this process against worker processes, on the same store"
STORE_ENV = "FRUS_KG_BENCH_LAYERS_STORE"


def _sentence_spans(text: str):
    from ingest.claims.sentences import split_sentences

    return [(s.start, s.end) for s in split_sentences(text)]


def _layers():
    from api.resources.document_packs import PACK_PREFIX, refresh_document_packs
    from graph.claim_months import CLAIM_MONTHS_PREFIX, refresh_claim_months
    from graph.networks.table import TABLE_PREFIX, refresh_network_table
    from graph.statistics import STATS_PREFIX, refresh_statistics

    return [("statistics", refresh_statistics, {}, STATS_PREFIX),
            ("claim months", refresh_claim_months, {}, CLAIM_MONTHS_PREFIX),
            ("network table", refresh_network_table, {"sentences": _sentence_spans}, TABLE_PREFIX),
            ("document packs", refresh_document_packs, {}, PACK_PREFIX)]


def _digest(db, prefix: str) -> str:
    """A digest of every quad of the layer's volume graphs (the graph named by the prefix alone is a marker)."""
    lines = sorted(str(q) for name in db.graph_names() if name.startswith(prefix) and name != prefix.rstrip("/")
                   for q in db.quads(name))
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _store(ctx) -> tuple[Path, str]:
    from graph import open_store
    from ingest.authorities.rdf import ensure_authority_graphs
    from ingest.parallel import ingest_corpus

    from .api import pick_volumes

    given = os.environ.get(STORE_ENV)
    if given:
        return Path(given), f"`{given}` ({STORE_ENV})"
    path = Path(ctx.work) / ("layers-store-quick" if ctx.quick else "layers-store")
    files = pick_volumes(Path(ctx.corpus), 3 if ctx.quick else 8)
    if not (path / "CURRENT").exists():
        db = open_store(path)
        try:
            ensure_authority_graphs(db)
            ingest_corpus(files, db, workers=2, estimate=False)
        finally:
            db.close()
    return path, f"{len(files)} volumes ingested here ({', '.join(f.name.split('.')[0] for f in files)})"


def run(ctx) -> str:
    from graph import open_store
    from ontology.namespaces import sparql_prologue

    from .__main__ import _cpus

    path, said = _store(ctx)
    workers = max(2, _cpus())
    kinds = [0, workers] * (1 if ctx.quick else 2)
    seconds: dict[tuple[str, int], list[float]] = {}
    first: dict[str, str] = {}
    db = open_store(path)
    try:
        documents = len(list(db.query(sparql_prologue("fk") + "SELECT ?d WHERE { GRAPH ?d { ?d a fk:Document } }").rows()))
        load = os.getloadavg()[0]
        for w in kinds:
            for name, refresh, options, prefix in _layers():
                started = time.perf_counter()
                refresh(db, rebuild=True, workers=w, **options)
                seconds.setdefault((name, w), []).append(time.perf_counter() - started)
                digest = _digest(db, prefix)
                assert first.setdefault(name, digest) == digest, f"{name}: the graphs differ with {w} workers"
        load_after = os.getloadavg()[0]
    finally:
        db.close()
    rows, here_total, there_total = [], 0.0, 0.0
    for name, *_ in _layers():
        here, there = min(seconds[(name, 0)]), min(seconds[(name, workers)])
        here_total, there_total = here_total + here, there_total + there
        rows.append(f"| {name} | {here:.1f} | {there:.1f} | {here / there:.2f}× |")
    rows.append(f"| **all four** | **{here_total:.1f}** | **{there_total:.1f}** | **{here_total / there_total:.2f}×** |")
    return "\n".join([
        f"Store: {said}, {documents:,} documents. Each layer rebuilt {len(kinds) // 2} time(s) each way, alternated; "
        f"wall seconds, best of each kind; the volume graphs were equal in every run. Load average {load:.1f} "
        f"before and {load_after:.1f} after.", "",
        f"| layer | in this process (s) | {workers} workers (s) | ratio |", "|---|---|---|---|", *rows])
