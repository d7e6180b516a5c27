"""Remote stores: ingest through a SPARQL 1.1 server, query and API latency on it, and shards + a bulk loader.

On a stated subset of volumes (a whole-corpus run through two servers does not fit beside the other work on
this machine), in one run: `frus-kg ingest` into the embedded store, into the Oxigraph server and into
Virtuoso (each the whole command: authority graphs, documents, search index, statistics, network table);
`ingest --to-shards` then `oxigraph load` of the shards; the bulk-load floor (the same quads, exported as one
N-Quads file, loaded by `oxigraph load` into a fresh store). Then the same SPARQL queries and API routes on
each backend, p50 of repeated runs, as ratios to the embedded store.
"""
from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

TITLE = "Remote stores: ingest, SPARQL and API through the Oxigraph server and Virtuoso; shards + bulk loader"

VOLUMES = ["frus1969-76v01.xml.gz", "frus1948v05p1.xml.gz", "frus1961-63v07-09mSupp.xml.gz"]
QUERIES = {
    "count documents": "SELECT (COUNT(?d) AS ?n) WHERE { ?d a <https://w3id.org/frus-kg/vocab#Document> }",
    "one document's title": "SELECT ?t WHERE { <https://w3id.org/frus-kg/id/historicaldocuments/frus1969-76v01/d1> "
                            "<http://schema.org/name> ?t }",
    "mentions per person (top 10)": "SELECT ?p (COUNT(?m) AS ?n) WHERE { ?m <http://www.w3.org/ns/oa#hasBody> ?p } "
                                    "GROUP BY ?p ORDER BY DESC(?n) LIMIT 10",
}
ROUTES = ["/documents?limit=20", "/documents/frus1969-76v01/d1", "/claims?limit=20", "/countries/united-states"]
FRUS_KG = str(Path(sys.executable).with_name("frus-kg"))


def _timed(args: list[str]) -> float:
    t = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args[:3])}… failed: {proc.stderr[-1500:]}")
    return time.perf_counter() - t


def _p50(fn, runs: int) -> float:
    fn()                                          # warm: the first run pays for caches
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _ingests(files: list[Path], work: Path, servers: dict) -> dict[str, float]:
    out = {"embedded": _timed([FRUS_KG, "ingest", "--store", str(work / "embedded"), "--workers", "2", *map(str, files)])}
    for name, url in servers.items():
        out[name] = _timed([FRUS_KG, "ingest", "--store", url, "--workers", "2", *map(str, files)])
    return out


def _shards_and_floor(files: list[Path], work: Path) -> dict[str, float]:
    from tests.sparql_servers import oxigraph_binary

    loader = oxigraph_binary()
    out = {"to-shards": _timed([FRUS_KG, "ingest", "--to-shards", str(work / "shards"), "--workers", "2", *map(str, files)])}
    shards = sorted((work / "shards").glob("*.nq.gz"))
    out["oxigraph load (shards)"] = _timed([loader, "load", "--location", str(work / "loaded"), "--file", *map(str, shards)])
    out["adopt + index"] = _timed([FRUS_KG, "adopt", str(work / "shards"), "--store", str(work / "loaded")]) + \
        _timed([FRUS_KG, "index", "--store", str(work / "loaded")])
    dump = work / "documents.nq"                   # the floor: the same quads as one plain N-Quads file
    with open(dump, "wb") as fh:
        for shard in shards:
            fh.write(subprocess.run(["gzip", "-dc", str(shard)], capture_output=True, check=True).stdout)
    out["floor: oxigraph load (one .nq)"] = _timed([loader, "load", "--location", str(work / "floor"), "--file", str(dump)])
    out["quads"] = sum(1 for _ in open(dump, "rb"))
    return out


def _latencies(stores: dict, runs: int) -> dict[str, dict[str, float]]:
    from fastapi.testclient import TestClient

    from api import create_app

    table: dict[str, dict[str, float]] = {}
    for name, db in stores.items():
        client = TestClient(create_app(db))
        for label, q in QUERIES.items():
            table.setdefault(f"SPARQL: {label}", {})[name] = _p50(lambda: list(db.query(q).rows()), runs)
        for route in ROUTES:
            def get(route=route):
                client.get(route, headers={"accept": "application/json"})
            table.setdefault(f"API: `{route}`", {})[name] = _p50(get, runs)
    return table


def _servers(work: Path) -> tuple[dict, list]:
    from tests.sparql_servers import OxigraphServer, VirtuosoServer

    ox_server = OxigraphServer(work / "oxigraph-server").start()
    started = [ox_server]
    urls = {"Oxigraph server": ox_server.store_url(work / "oxigraph-state")}
    if shutil.which("virtuoso-t"):
        v = VirtuosoServer(work / "virtuoso").start()
        started.append(v)
        urls["Virtuoso"] = v.store_url(work / "virtuoso-state")
    return urls, started


def run(ctx) -> str:
    from graph import open_store

    names = VOLUMES[:2] if ctx.quick else VOLUMES
    files = [Path(ctx.corpus) / n for n in names if (Path(ctx.corpus) / n).exists()]
    work = Path(ctx.work) / "remote"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    urls, started = _servers(work)
    try:
        ingest = _ingests(files, work, urls)
        shards = _shards_and_floor(files, work)
        stores = {"embedded": open_store(work / "embedded", read_only=True),
                  **{name: open_store(url, read_only=True) for name, url in urls.items()}}
        latency = _latencies(stores, 5 if ctx.quick else 20)
        for db in stores.values():
            db.close()
    finally:
        for server in started:
            server.stop()
    return _report(files, ingest, shards, latency, list(urls))


def _report(files, ingest, shards, latency, remotes) -> str:
    import os

    load = os.getloadavg()[0]
    floor = shards["floor: oxigraph load (one .nq)"]
    lines = [f"{len(files)} volumes ({', '.join(f.name for f in files)}; {shards['quads']:,} document, volume and "
             f"authority quads in the shards); load average {load:.1f} at the end. Remote writes: batched "
             "`INSERT DATA` of up to 8 MB a request (Oxigraph server), one Graph Store `PUT` per graph (Virtuoso).", "",
             "| ingest (whole `frus-kg` command) | seconds | × embedded |", "|---|---|---|"]
    for name, seconds in ingest.items():
        lines.append(f"| {name} | {seconds:.1f} | {seconds / ingest['embedded']:.2f}× |")
    lines += ["", "| shards and the bulk-load floor | seconds | × floor |", "|---|---|---|"]
    for key in ("to-shards", "oxigraph load (shards)", "adopt + index", "floor: oxigraph load (one .nq)"):
        lines.append(f"| {key} | {shards[key]:.1f} | {shards[key] / floor:.2f}× |")
    lines.append(f"| embedded ingest (for comparison) | {ingest['embedded']:.1f} | {ingest['embedded'] / floor:.2f}× |")
    lines += ["", "| p50 latency | embedded | " + " | ".join(remotes) + " |", "|---|---|" + "---|" * len(remotes)]
    for label, by in latency.items():
        base = by["embedded"]
        lines.append(f"| {label} | {base * 1000:.1f} ms | " +
                     " | ".join(f"{by[r] * 1000:.1f} ms ({by[r] / base:.1f}×)" for r in remotes) + " |")
    return "\n".join(lines)
