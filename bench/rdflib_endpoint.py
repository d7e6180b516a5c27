"""Throughput against rdflib-endpoint (issue 10) on the largest subset of the corpus it holds in memory.

rdflib keeps a dataset in Python objects (about 1.8 KB per quad measured here, against some 200 bytes as
N-Quads), so it cannot hold the 63 M-quad corpus on this 24 GB machine. The issue says: then use a subset
it can hold, stated, for both sides. So whole volumes are picked (spread over the corpus by a fixed
hash of their names) until a quad budget is reached, and exported with the authority graphs to N-Quads;
rdflib-endpoint (its default in-memory store, `Dataset(default_union=True)`) serves that file, and our
`frus-kg serve` (default settings) serves a store bulk-loaded from the very same file, so both sides hold
the same quads and nothing else (no materialised layers: the queries read only the data).

Both get the same query text and the same clients: `api.THREADS` client threads, each with its own
keep-alive connection, GET with the query in the URL, SPARQL JSON. Per query kind, the threads cycle
through up to 20 subjects found on the subset; the mix cycles through all kinds. The kinds are the
issue's typical SPARQL (a document's mentions, claims about a country in a year, an entity page's data:
its own triples, its latest documents, its document count) and the two simple lookups of the API section.
Before timing, both servers must give the same number of rows to the first queries of each kind.

rdflib's resident memory is watched while it loads: past `RSS_CAP_GB` (9.5 GB, for a machine without swap
that others share) it is stopped and the run reports that the subset did not fit. The most it held here is
4.5 M quads (10 volumes and the authorities: 8.5 GB resident, about 35 minutes to load and start at a load of
13), but there a document's mentions took rdflib over 10 minutes, so the throughput cells could not run. Full
mode therefore has a budget of `FRUS_KG_BENCH_RDFLIB_QUADS` quads, 1 M by default (set 4500000 for the
largest); --quick: 300,000 (the authorities and small volumes). A request that gets no answer in
`TIMEOUT` seconds counts as an error. The N-Quads and our store are cached in the work folder, named by the
volumes they hold.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import sys
import threading
import time
from pathlib import Path

import httpx

from . import api

__all__ = ["TITLE", "run", "pick_subset"]

TITLE = "API throughput against rdflib-endpoint on the largest subset it holds in memory"

QUADS_ENV = "FRUS_KG_BENCH_RDFLIB_QUADS"
FULL_QUADS = 1_000_000
QUICK_QUADS = 300_000
RSS_CAP_GB = 9.5
_READY_WAIT = 6 * 3600.0       # seconds a server may take to load before it answers
TIMEOUT = 300.0          # seconds a client waits for one answer; a request past it counts as an error
SUBJECTS = 20
CHECKED = 3              # queries of each kind whose row counts both servers must agree on
MIX = "the mix: every kind above in turn"
CLAIMS = "claims about a country in a year (`fk:aboutInYear`)"
KINDS = (CLAIMS,)         # kinds that a subset may lack (a volume without claims about a country)


# -- the subset ----------------------------------------------------------------------------------

def _volume_sizes(db) -> dict[str, int]:
    """Quads of each volume's document graphs: from the statistics layer's VoID partitions when present."""
    from ontology.namespaces import BASE

    rows = api._all(db, """SELECT ?v ?t WHERE { GRAPH ?g { ?g a fk:VolumeStatistics ; fk:volume ?v .
        ?d a <http://rdfs.org/ns/void#Dataset> ; <http://rdfs.org/ns/void#triples> ?t } }""")
    if rows:
        return {r["v"][len(BASE + "historicaldocuments/"):]: int(r["t"]) for r in rows}
    return {v: _count(db, _graphs_of(db, [v])) for v in api._volume_graphs(db)}


def _graphs_of(db, volumes: list[str]) -> list[str]:
    from ontology.namespaces import BASE

    keep = [BASE + "historicaldocuments/" + v for v in volumes]
    return [n for n in db.graph_names() if n.startswith(BASE + "graph/authority/")
            or any(n == k or n.startswith(k + "/") for k in keep)]


def _count(db, graphs: list[str]) -> int:
    return sum(sum(1 for _ in db.quads(n)) for n in graphs)


def pick_subset(sizes: dict[str, int], budget: int) -> list[str]:
    """Whole volumes, in a fixed pseudo-random order of their names (spread over the years), each taken if it
    still fits in `budget` quads."""
    chosen, total = [], 0
    for volume in sorted(sizes, key=lambda v: hashlib.sha1(v.encode()).hexdigest()):
        if total + sizes[volume] <= budget:
            chosen.append(volume)
            total += sizes[volume]
    return sorted(chosen)


def _subset(db, volumes: list[str], work: Path) -> tuple[Path, Path, int, float]:
    """The volumes' and the authorities' graphs as N-Quads and as a store of their own (cached by name)."""
    import pyoxigraph as ox

    from graph import StoreOptions, open_store

    key = hashlib.sha1(" ".join(volumes).encode()).hexdigest()[:10]
    nq, path, done = work / f"rdflib-subset-{key}.nq", work / f"rdflib-subset-{key}-store", work / f"rdflib-subset-{key}.quads"
    if done.exists() and nq.exists() and (path / "CURRENT").exists():
        count, seconds = done.read_text().split()
        return nq, path, int(count), float(seconds)
    started = time.perf_counter()
    with open(nq.with_suffix(".part"), "wb") as out:
        for name in _graphs_of(db, volumes):
            ox.serialize(db.quads(name), out, format=ox.RdfFormat.N_QUADS)
    nq.with_suffix(".part").rename(nq)
    shutil.rmtree(path, ignore_errors=True)
    loading = time.perf_counter()
    sub = open_store(path, options=StoreOptions(bulk=True, trusted=True))
    with open(nq, "rb") as data:
        sub.load(data, "nquads")
    count = sub.quad_count()
    sub.close()
    seconds = time.perf_counter() - loading
    print(f"rdflib-endpoint: subset exported and loaded in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    done.write_text(f"{count} {seconds:.1f}")
    return nq, path, count, seconds


# -- the queries ---------------------------------------------------------------------------------

def _subjects(db) -> dict[str, list]:
    """Documents (spread), the most mentioned people, and the (country, year) keys with most claims."""
    docs = [r["doc"] for r in api._all(db, "SELECT ?doc WHERE { ?doc a fk:Document } ORDER BY ?doc")]
    people = [r["p"] for r in api._all(db, f"""SELECT ?p (COUNT(?doc) AS ?n) WHERE {{ ?doc a fk:Document ;
        schema:mentions ?p . ?p a schema:Person ; schema:name ?name }} GROUP BY ?p ORDER BY DESC(?n) ?p
        LIMIT {SUBJECTS}""")]
    years = [r["y"] for r in api._all(db, f"""SELECT ?y (COUNT(?c) AS ?n) WHERE {{ ?c fk:aboutInYear ?y
        FILTER (CONTAINS(STR(?y), "/countries/")) }} GROUP BY ?y ORDER BY DESC(?n) ?y LIMIT {SUBJECTS // 2}""")]
    return {"docs": docs[::max(1, len(docs) // SUBJECTS)][:SUBJECTS], "people": people, "years": years}


def _claims_in_year(pre: str, year_iri: str) -> str:
    """docs/claims.md's query of claims about an entity in a year, with the key written in the pattern."""
    year = year_iri.rsplit("/", 1)[-1]
    return pre + f"""
SELECT ?date ?page ?type ?text (GROUP_CONCAT(DISTINCT ?name; separator="; ") AS ?claimants) ?doc WHERE {{
  ?claim fk:aboutInYear <{year_iri}> ; schema:text ?text ; fk:claimType ?type ;
         prov:wasAttributedTo ?who ; fk:page ?page ; schema:dateCreated ?date ; prov:wasDerivedFrom ?doc ;
         oa:hasTarget/oa:hasSelector/oa:start ?start .
  ?who rdfs:label ?name .
  FILTER (STR(?date) >= "{year}-01-01" && STR(?date) < "{int(year) + 1}-01-01")
}} GROUP BY ?date ?page ?type ?text ?doc ?start ORDER BY ?date ?doc ?start"""


def _queries(subjects: dict[str, list]) -> dict[str, list[str]]:
    """Each kind's queries, one per subject; the API section's lookups and typical queries, same text."""
    from ontology.namespaces import sparql_prologue

    pre = sparql_prologue("schema", "fk", "rdfs", "oa", "prov")
    docs, people = subjects["docs"], subjects["people"]
    simple = api._lookups(docs, people)
    kinds = {"simple lookup: a document's metadata": simple["a document's metadata"],
             "simple lookup: a person's name by IRI": simple["a person's name by IRI"]}
    for label, key, make in (
            ("a document's mentions (passage, page, entity and its label)", "docs", lambda d: pre + f"""
SELECT ?exact ?page ?entity ?label WHERE {{
  ?m a fk:Mention ; fk:page ?page ; oa:hasTarget ?t . ?t oa:hasSource <{d}> ; oa:hasSelector ?sel .
  ?sel oa:exact ?exact . ?m oa:hasBody ?entity . ?entity rdfs:label ?label
}} ORDER BY ?page"""),
            (CLAIMS, "years", lambda y: _claims_in_year(pre, y)),
            ("an entity page: the person's own triples", "people", lambda p: f"SELECT ?p ?o WHERE {{ <{p}> ?p ?o }}"),
            ("an entity page: the person's 20 latest documents", "people", lambda p: pre + f"""
SELECT ?doc ?title ?date WHERE {{ ?doc schema:mentions <{p}> ; schema:name ?title ; schema:dateCreated ?date }}
ORDER BY DESC(?date) LIMIT 20"""),
            ("an entity page: how many documents mention the person", "people", lambda p: pre + f"""
SELECT (COUNT(?doc) AS ?n) WHERE {{ ?doc schema:mentions <{p}> }}""")):
        if subjects[key]:
            kinds[label] = [make(s) for s in subjects[key]]
    lists = list(kinds.values())
    kinds[MIX] = [q for i in range(SUBJECTS) for qs in lists for q in qs[i % len(qs):][:1]]
    return kinds


# -- the servers ---------------------------------------------------------------------------------

def _rss(pids: list[int]) -> tuple[int, int]:
    """Resident and peak resident memory (VmRSS, VmHWM) of the processes, bytes."""
    rss = peak = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        rss += int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
        peak += int(fields.get("VmHWM", "0 kB").split()[0]) * 1024
    return rss, peak


class _MemoryCap:
    """Watches a starting server's process tree in a thread, keeping its peak resident memory, and kills it once the
    tree passes `cap` bytes (a loading rdflib-endpoint can outgrow the machine)."""

    def __init__(self, cap: float):
        self.cap, self.peak, self.exceeded, self._ready = cap, 0, False, threading.Event()

    def watch(self, proc) -> None:
        threading.Thread(target=self._sample, args=(proc,), daemon=True).start()

    def _sample(self, proc) -> None:
        while not self._ready.is_set() and proc.poll() is None:
            self.peak = max(self.peak, _rss(api._tree(proc.pid))[1])
            if self.peak > self.cap:
                self.exceeded = True
                proc.kill()
                return
            time.sleep(0.5)

    def stop(self) -> int:
        self._ready.set()
        return self.peak


def _launch(cmd: list[str], endpoint: str, log: Path, cap: float) -> tuple[api.Server | None, float, int]:
    """Start a server (`{port}` in `cmd`, a free one: bench/ports.py), ready once `ASK {}` at `endpoint` answers (our
    home page counts documents, slow on a store without the statistics layer); stopped if its process tree's memory
    passes `cap` bytes first: (server or None, seconds until ready, peak resident bytes)."""
    memory, started = _MemoryCap(cap), time.perf_counter()
    try:
        server = api._start(cmd, endpoint, log, wait=_READY_WAIT, probe=endpoint + "?query=ASK%20%7B%7D",
                            on_start=memory.watch)
    except RuntimeError:
        if not memory.exceeded:
            raise
        return None, time.perf_counter() - started, memory.stop()
    return server, time.perf_counter() - started, memory.stop()


def _rows_of(http: httpx.Client, url: str, query: str) -> int | None:
    """Rows of one answer; None when it did not come within the client's timeout."""
    try:
        return len(http.get(url, params={"query": query}).json()["results"]["bindings"])
    except httpx.TimeoutException:
        return None


def _measure(server: api.Server, kinds: dict[str, list[str]], per_thread: int, deadline: float, who: str) -> dict:
    with httpx.Client(timeout=TIMEOUT, headers=api.SPARQL_JSON) as http:
        rows = [_rows_of(http, server.sparql, q) for name, qs in kinds.items() if name != MIX for q in qs[:CHECKED]]
    rates = api._rates(server, kinds, per_thread, deadline_s=deadline, timeout=TIMEOUT)
    for name, r in rates.items():        # on stderr at once: a long run that dies later keeps these
        print(f"rdflib-endpoint section, {who}: {name}: {r.per_s:.2f} req/s, {r.done} done, {r.errors} errors, "
              f"p50 {r.p50:.0f} ms, CPU {r.cpu_ms:.1f} ms/request, load {os.getloadavg()[0]:.1f}", file=sys.stderr)
    return {"rows": rows, "rates": rates, "rss": _rss(api._tree(server.proc.pid)),
            "load": os.getloadavg()[0]}


# -- the run -------------------------------------------------------------------------------------

def run(ctx) -> str:
    from graph import OxigraphStore

    work = Path(ctx.work)
    budget = QUICK_QUADS if ctx.quick else int(os.environ.get(QUADS_ENV, FULL_QUADS))
    per_thread, deadline = (25, 30.0) if ctx.quick else (100, 60.0)
    store, what = api._store(ctx, api._plan(ctx.quick))
    db = OxigraphStore(store, read_only=True)
    authorities = _count(db, [n for n in _graphs_of(db, [])])
    volumes = pick_subset(_volume_sizes(db), budget - authorities)
    nq, subset_store, quads, load_ours = _subset(db, volumes, work)
    db.close()
    sub = OxigraphStore(subset_store, read_only=True)
    documents = int(api._one(sub, "SELECT (COUNT(?d) AS ?n) WHERE { ?d a fk:Document }")["n"])
    kinds = _queries(_subjects(sub))
    sub.close()
    print(f"rdflib-endpoint: {len(volumes)} volumes, {quads:,} quads", file=sys.stderr)
    machine = api._machine()
    server, _, _ = _launch([api._exe("frus-kg"), "serve", "--store", str(subset_store), "--port", "{port}"],
                           "/sparql", work / "rdflib-ours.log", RSS_CAP_GB * 2**30)
    try:
        ours = _measure(server, kinds, per_thread, deadline, "ours")
    finally:
        server.stop()
    print("rdflib-endpoint: loading", file=sys.stderr)
    ref, load_s, peak = _launch([api._exe("rdflib-endpoint"), "serve", str(nq), "--host", "127.0.0.1", "--port",
                                 "{port}"], "/", work / "rdflib-endpoint.log", RSS_CAP_GB * 2**30)
    theirs = None
    if ref is not None:
        try:
            theirs = _measure(ref, kinds, per_thread, deadline, "rdflib-endpoint")
        finally:
            ref.stop()
    facts = dict(what=what, volumes=volumes, quads=quads, documents=documents, nq=nq.stat().st_size,
                 load_ours=load_ours, load_s=load_s, peak=peak, machine=machine, per_thread=per_thread,
                 deadline=deadline, subjects={k: len(v) for k, v in kinds.items()})
    return _report(ctx, facts, ours, theirs)


def _gb(n: int) -> str:
    return f"{n / 2**30:.2f} GB"


def _rows(ours: dict, theirs: dict, subjects: dict[str, int]) -> list[str]:
    rows = ["| query | subjects | ours: req/s (p50 / p99 ms; server CPU ms per request) | rdflib-endpoint: req/s "
            "(p50 / p99 ms; server CPU ms per request) | ours / rdflib-endpoint | goal ≥ 20x | requests done "
            "(ours, rdflib) | errors |", "|---|---|---|---|---|---|---|---|"]
    for name, a in ours["rates"].items():
        b = theirs["rates"][name]
        ratio = a.per_s / b.per_s if b.per_s else float("inf")
        rows.append(f"| {name} | {subjects[name]} | {a.per_s:.1f} ({api._fmt(a.p50)} / {api._fmt(a.p99)}; {api._fmt(a.cpu_ms)}) | "
                    f"{b.per_s:.2f} ({api._fmt(b.p50)} / {api._fmt(b.p99)}; {api._fmt(b.cpu_ms)}) | **{ratio:.1f}x** | "
                    f"{'met' if ratio >= 20 else '**not met**'} | {a.done}, {b.done} | {a.errors + b.errors} |")
    return rows


def _report(ctx, facts: dict, ours: dict, theirs: dict | None) -> str:
    names = ", ".join(f"`{v}`" for v in facts["volumes"])
    head = [
        f"Mode: {'quick' if ctx.quick else 'full'}. Source: {facts['what']}. Subset: the authority graphs and "
        f"{len(facts['volumes'])} whole volumes ({names}): **{facts['quads']:,} quads**, {facts['documents']:,} "
        f"documents, {facts['nq'] / 2**20:,.0f} MB of N-Quads; our store bulk-loaded from the same file in "
        f"{facts['load_ours']:.0f} s. Machine: {facts['machine']} at the start.",
        "",
        f"Clients: {api.THREADS} threads × {facts['per_thread']} requests per cell (a cell stops after "
        f"{facts['deadline']:.0f} s; the requests done are in the table), each thread with its own keep-alive "
        "connection, GET, SPARQL JSON, the same query text on both sides; the server's CPU per request is "
        "that of its whole process tree (uvicorn and the 2 query workers for ours), from /proc.",
        "",
    ]
    if theirs is None:
        return "\n".join(head + [f"**rdflib-endpoint did not hold the subset**: its memory passed {RSS_CAP_GB} GB "
                                 f"after {facts['load_s']:.0f} s of loading, and it was stopped. Set {QUADS_ENV} "
                                 "lower."])
    answered = [(a, b) for a, b in zip(ours["rows"], theirs["rows"]) if a is not None and b is not None]
    agree = (f"Both servers gave the same number of rows to {len(answered)} of the first {CHECKED} queries of each "
             f"kind ({sum(a for a, _ in answered):,} rows in all)" if all(a == b for a, b in answered)
             else f"**The answers differ**: rows per query, ours {ours['rows']}, rdflib-endpoint {theirs['rows']}")
    agree += ("." if len(answered) == len(ours["rows"]) else
              f"; {len(ours['rows']) - len(answered)} did not answer within {TIMEOUT:.0f} s (None): ours "
              f"{ours['rows']}, rdflib-endpoint {theirs['rows']}.")
    memory = (f"rdflib-endpoint loaded the N-Quads in **{facts['load_s']:.0f} s** (until it answered); its resident "
              f"memory after the queries: **{_gb(theirs['rss'][0])}** (peak {_gb(max(facts['peak'], theirs['rss'][1]))}, "
              f"cap {RSS_CAP_GB} GB). Ours: {_gb(ours['rss'][0])} resident for its process tree (uvicorn and "
              "2 query workers; RocksDB reads the store from disk and the page cache, which is not counted).")
    missing = [k for k in KINDS if k not in ours["rates"]]
    return "\n".join(head + _rows(ours, theirs, facts["subjects"]) + [
        "", agree + " " + memory
        + ("".join(f" Not measured, the subset has none: {k}." for k in missing)), "",
        f"Load average while ours ran: {ours['load']:.1f}; while rdflib-endpoint ran: {theirs['load']:.1f}; "
        f"at the end {os.getloadavg()[0]:.1f}."])
