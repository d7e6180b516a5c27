"""Load: a bounded mix of typical SPARQL and REST calls against `frus-kg serve` on a store of several real volumes,
then readers polling a served store while `frus-kg ingest` writes it.

Bounded both ways (a request count and a duration, whichever comes first), so it always stops by itself.
Reports throughput, p50, p99 and errors for the mix, and whether any reader saw a half-written document
(a document graph whose quad count differs from the finished run's).
"""
from __future__ import annotations

import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.api import _start

__all__ = ["TITLE", "run", "main", "report", "load_lines", "LoadResult", "IngestReadResult", "serve", "mixed_load",
           "readers_during_ingest"]

TITLE = "Reliability: load"
PER_GRAPH = """SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }
  FILTER(CONTAINS(STR(?g), "/historicaldocuments/") && REGEX(STR(?g), "/d[0-9]+[a-z]?$")) } GROUP BY ?g"""
SPARQL = {
    "sparql: count documents": "PREFIX schema: <http://schema.org/> SELECT (COUNT(?d) AS ?n) WHERE { ?d a schema:CreativeWork }",
    "sparql: ASK": "ASK { ?s ?p ?o }",
    "sparql: 10 titled documents": "PREFIX schema: <http://schema.org/> SELECT ?d ?t WHERE { ?d schema:name ?t } LIMIT 10",
    "sparql: mentions of the Soviet Union": (
        "PREFIX schema: <http://schema.org/> SELECT ?d WHERE { ?d schema:mentions "
        "<https://w3id.org/frus-kg/id/countries/soviet-union-1991> } LIMIT 50"),
    "sparql: graphs": "SELECT DISTINCT ?g WHERE { GRAPH ?g { } } LIMIT 100",
}


_DOCUMENT_GRAPH = re.compile(r"/historicaldocuments/[^/]+/d[0-9]+[a-z]?$")


def _exe() -> str:
    return str(Path(sys.executable).with_name("frus-kg"))


def serve(store: Path, *extra: str, log: Path) -> tuple[subprocess.Popen, str]:
    """`frus-kg serve` on 127.0.0.1 (niced), once it answers, on a free port (bench/ports.py: another if one is
    taken first)."""
    server = _start(["nice", "-n", "5", _exe(), "serve", "--store", str(store), "--port", "{port}", *extra], "/sparql",
                    log, wait=180, probe="/sparql?query=ASK%20%7B%7D", name="frus-kg serve", log_mode="ab")
    return server.proc, server.base


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@dataclass
class LoadResult:
    requests: int
    concurrency: int
    seconds: float
    latencies: dict[str, list[float]]
    errors: list[str] = field(default_factory=list)

    @property
    def all(self) -> list[float]:
        return sorted(x for xs in self.latencies.values() for x in xs)

    def quantile(self, q: float, xs: list[float] | None = None) -> float:
        xs = sorted(self.all if xs is None else xs)
        return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")


def _calls(base: str) -> list[tuple[str, str, dict, dict]]:
    """(kind, path, params, headers) of the mix, with ids taken from the store itself."""
    # graph names only (counting every graph's quads takes over the 30 s time limit on the 99 volumes)
    r = httpx.get(base + "/sparql", params={"query": "SELECT ?g WHERE { GRAPH ?g { } } LIMIT 20000"}, timeout=120)
    r.raise_for_status()
    graphs = sorted(g for b in r.json()["results"]["bindings"] if _DOCUMENT_GRAPH.search(g := b["g"]["value"]))
    docs = [g.split("/historicaldocuments/")[1] for g in graphs][:200]
    volumes = sorted({d.split("/")[0] for d in docs})
    json_ = {"accept": "application/json"}
    calls = [(kind, "/sparql", {"query": q}, {}) for kind, q in SPARQL.items()]
    calls += [("rest: a document", f"/documents/{d}", {}, json_) for d in docs[:40]]
    calls += [("rest: a volume's documents", "/documents", {"volume": v, "sort": "number", "limit": "20"}, json_)
              for v in volumes]
    calls += [("rest: people by name", "/people", {"name": n}, json_) for n in ("ken", "rusk", "smith", "b")]
    calls += [("rest: claims of a volume", "/claims", {"volume": v, "limit": "20"}, json_) for v in volumes]
    calls += [("search", "/search", {"q": q}, json_) for q in ("nuclear", "human rights", "embassy")]
    calls += [("rest: a country", "/countries/soviet-union-1991", {}, json_)]
    return calls


def mixed_load(base: str, *, requests: int, concurrency: int, max_seconds: float, seed: int = 17) -> LoadResult:
    """`requests` calls drawn (seeded) from the mix by `concurrency` clients; stops at `max_seconds` in any case."""
    calls = _calls(base)
    rng = random.Random(seed)
    plan = [rng.choice(calls) for _ in range(requests)]
    latencies: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + max_seconds
    cursor = iter(range(len(plan)))

    def client() -> None:
        with httpx.Client(base_url=base, timeout=max(30.0, max_seconds)) as http:
            while time.monotonic() < deadline:
                with lock:
                    i = next(cursor, None)
                if i is None:
                    return
                kind, path, params, headers = plan[i]
                started = time.perf_counter()
                try:
                    r = http.get(path, params=params, headers=headers)
                    problem = None if r.status_code < 400 else f"{kind} {path}: {r.status_code} {r.text[:120]}"
                except httpx.HTTPError as exc:
                    problem = f"{kind} {path}: {type(exc).__name__}"
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.setdefault(kind, []).append(elapsed)
                    if problem:
                        errors.append(problem)

    started = time.monotonic()
    with ThreadPoolExecutor(concurrency) as pool:
        for f in [pool.submit(client) for _ in range(concurrency)]:
            f.result()
    done = sum(len(v) for v in latencies.values())
    return LoadResult(done, concurrency, time.monotonic() - started, latencies, errors)


@dataclass
class IngestReadResult:
    snapshots: int
    graphs_whole: int
    half_written: dict[str, tuple[int, int | None]]
    reader_errors: list[str]
    ingest_seconds: float
    final_matches: bool


def _counts(base: str) -> dict[str, int]:
    r = httpx.get(base + "/sparql", params={"query": PER_GRAPH}, timeout=120)
    r.raise_for_status()
    return {b["g"]["value"]: int(b["n"]["value"]) for b in r.json()["results"]["bindings"]}


def readers_during_ingest(base_store: Path, volumes: list[Path], whole: dict[str, int], work: Path,
                          readers: int = 2) -> IngestReadResult:
    """Serve a store while `frus-kg ingest` writes `volumes` into it; readers poll every document graph's quad count.
    `whole`: the counts of a finished run of the same volumes."""
    live = work / "live"
    shutil.rmtree(live, ignore_errors=True)
    shutil.copytree(base_store, live)
    proc, base = serve(live, "--workers", "2", log=work / "load-serve.log")
    seen: list[dict[str, int]] = []
    failures: list[str] = []
    try:
        started = time.monotonic()
        writer = subprocess.Popen(["nice", "-n", "10", _exe(), "ingest", "--store", str(live), "--workers", "1",
                                   *map(str, volumes)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

        def read() -> None:
            while writer.poll() is None:
                try:
                    snapshot = _counts(base)
                except httpx.HTTPError as exc:
                    failures.append(f"{type(exc).__name__}: {exc}"[:200])
                    time.sleep(0.2)
                    continue
                seen.append(snapshot)

        threads = [threading.Thread(target=read) for _ in range(readers)]
        for t in threads:
            t.start()
        code = writer.wait(3600)
        seconds = time.monotonic() - started
        for t in threads:
            t.join()
        if code != 0:
            failures.append(f"the ingest exited {code}: {writer.stderr.read()[-300:]}")
        deadline = time.monotonic() + 15
        while (final := _counts(base)) != whole and time.monotonic() < deadline:
            time.sleep(0.5)
        seen.append(final)
    finally:
        _stop(proc)
    half = {g: (n, whole.get(g)) for snapshot in seen for g, n in snapshot.items() if n != whole.get(g)}
    return IngestReadResult(len(seen), len(whole), half, failures, seconds, final == whole)


def _ingest(store: Path, volumes: list[Path], base: Path) -> None:
    shutil.rmtree(store, ignore_errors=True)
    shutil.copytree(base, store)
    done = subprocess.run(["nice", "-n", "10", _exe(), "ingest", "--store", str(store), *map(str, volumes)],
                          capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"ingest failed ({done.returncode}): {done.stderr[-1000:]}")


def run(ctx) -> str:
    from .crash import prepare_base

    work = Path(ctx.work) / "load"
    work.mkdir(parents=True, exist_ok=True)
    found = sorted(Path(ctx.corpus).glob("*.xml.gz"), key=lambda p: p.stat().st_size)
    if len(found) < 3:
        return f"Fewer than three volumes in {ctx.corpus}: the load section did not run."
    served_volumes = found[:3] if ctx.quick else found[:6]
    ingest_volumes = found[:2]
    base = prepare_base(work)
    store = work / "store"
    say = lambda m: print(f"   load: {m}", file=sys.stderr, flush=True)        # noqa: E731
    say(f"ingesting {', '.join(v.name for v in served_volumes)}")
    _ingest(store, served_volumes, base)
    proc, url = serve(store, "--workers", "2", log=work / "load-serve.log")
    try:
        requests, concurrency, cap = (300, 4, 120.0) if ctx.quick else (2000, 8, 600.0)
        say(f"{requests} requests, {concurrency} clients, at most {cap:g} s")
        load = mixed_load(url, requests=requests, concurrency=concurrency, max_seconds=cap)
    finally:
        _stop(proc)
    say(f"{load.requests} requests in {load.seconds:.1f} s, {len(load.errors)} errors")
    whole_store = work / "whole"
    _ingest(whole_store, ingest_volumes, base)
    proc, url = serve(whole_store, "--workers", "1", log=work / "load-serve.log")
    try:
        whole = _counts(url)
    finally:
        _stop(proc)
    reading = readers_during_ingest(base, ingest_volumes, whole, work)
    say(f"readers during an ingest: {reading.snapshots} snapshots, {len(reading.half_written)} half-written")
    return report(load, reading, served_volumes, ingest_volumes)


def report(load: LoadResult, reading: IngestReadResult, served: list[Path], ingested: list[Path]) -> str:
    label = f"{len(served)} volumes ({', '.join(v.name.removesuffix('.xml.gz') for v in served)})"
    lines = [
        *load_lines(load, label),
        "",
        f"Readers during an ingest: {len(ingested)} volumes ({', '.join(v.name for v in ingested)}) ingested into a served "
        f"store in {reading.ingest_seconds:.0f} s while 2 readers polled every document graph's quad count: "
        f"**{reading.snapshots} snapshots, {len(reading.half_written)} half-written documents seen**, "
        f"{len(reading.reader_errors)} reader errors, final state {'equal to' if reading.final_matches else 'NOT equal to'} "
        f"a finished run's ({reading.graphs_whole} document graphs).",
    ]
    for e in reading.reader_errors[:5]:
        lines.append(f"- error: {e}")
    if reading.half_written:
        lines.append(f"- half-written (seen, whole): {dict(list(reading.half_written.items())[:5])}")
    return "\n".join(lines)


def load_lines(load: LoadResult, label: str, workers: int = 2) -> list[str]:
    """The mixed load's figures as markdown: the totals, then a row per kind of call, then the first errors."""
    rows = ["| calls | requests | p50 ms | p99 ms | max ms |", "|---|---|---|---|---|"]
    for kind, xs in sorted(load.latencies.items()):
        xs = sorted(xs)
        rows.append(f"| {kind} | {len(xs)} | {load.quantile(0.5, xs) * 1000:.0f} | {load.quantile(0.99, xs) * 1000:.0f} | "
                    f"{xs[-1] * 1000:.0f} |")
    mean = statistics.fmean(load.all) if load.all else float("nan")
    return [
        f"Mixed load on `frus-kg serve` ({workers} query workers) over {label}: **{load.requests} requests, "
        f"{load.concurrency} concurrent clients, {load.seconds:.1f} s, {load.requests / load.seconds:.1f} requests/s, "
        f"p50 {load.quantile(0.5) * 1000:.0f} ms, p99 {load.quantile(0.99) * 1000:.0f} ms, "
        f"{len(load.errors)} errors** (mean {mean * 1000:.0f} ms).",
        "",
        *rows,
        *(f"- error: {e}" for e in load.errors[:5]),
    ]


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.load --store DIR`: the mixed load alone against an existing store (served read-only, never
    written), such as a whole-corpus store; prints the figures as markdown."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.load")
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=600.0, help="stop after this long in any case")
    parser.add_argument("--workers", type=int, default=2, help="query worker processes of the server")
    parser.add_argument("--log", type=Path, default=Path("bench/out/load-store-serve.log"))
    args = parser.parse_args(argv)
    args.log.parent.mkdir(parents=True, exist_ok=True)
    proc, url = serve(args.store, "--workers", str(args.workers), log=args.log)
    try:
        load = mixed_load(url, requests=args.requests, concurrency=args.concurrency, max_seconds=args.seconds)
    finally:
        _stop(proc)
    print("\n".join(load_lines(load, f"the store {args.store}", args.workers)))
    return 1 if load.errors else 0


if __name__ == "__main__":
    sys.exit(main())
