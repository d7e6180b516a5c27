"""The HTTP API under load: latency of every REST route and of typical SPARQL, throughput of simple
lookups against rdflib-endpoint and the raw Oxigraph server, and what a runaway query costs the others.

Everything goes through a real `frus-kg serve` (uvicorn on 127.0.0.1, query worker processes), started
as a subprocess the way tests/api/conftest.py does, and one httpx client, so the numbers include HTTP,
JSON and the worker pool: what a user of the service sees, not what the engine alone can do.

- Latency: p50 and p99 (nearest rank) of each route of docs/http.md's table and of three typical SPARQL
  queries (a document's mentions, claims about a country in a year through `fk:aboutInYear`, an entity
  page's data), with ids found by SPARQL on the store (the document with most mentions, the most
  mentioned person, organization and region, the Soviet Union and its busiest claim year).
- Throughput: a fixed number of simple lookups (a document's metadata, a person's name by IRI) from N
  client threads, each with its own keep-alive connection, against the raw Oxigraph server
  (`oxigraph serve-read-only`) on the same store. The comparison with rdflib-endpoint, which holds its
  data in memory and so gets the largest subset it can hold, is its own section (bench/rdflib_endpoint.py).
- The timeout case: a runaway query against a server started with `--timeout 5`: the time until the
  CPU of the server's process tree (uvicorn and its workers, read from /proc) is idle again, and the
  latency of small queries sent while it runs, against the same queries before it.

The store is the one named by `FRUS_KG_BENCH_API_STORE` (an existing store, say the 99-volume one, only
ever opened read-only), else the 99-volume store of the TEI-corpus section when it is in the work folder;
otherwise a few volumes, picked from the sorted corpus with a stride, are ingested into `api-store`
(`api-store-quick` for --quick; kept between runs: committed documents are skipped).
"""
from __future__ import annotations

import math
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import httpx

from bench.ports import start_listening

__all__ = ["TITLE", "run", "pick_volumes", "percentile"]

TITLE = "API: REST and SPARQL latency over HTTP, throughput against rdflib-endpoint and raw Oxigraph, the timeout case"

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
TIMEOUT = 5.0
THREADS = 4
JSON = {"Accept": "application/json"}
SPARQL_JSON = {"Accept": "application/sparql-results+json"}
LOOKUP_IDS = 20          # distinct documents and people the throughput lookups cycle through
TYPICAL = "a document's mentions with their entities' labels (a typical query, not a simple lookup)"
BATCH_DEADLINE = 90.0    # a throughput batch stops here even if its requests are not all sent (slow references)
ROUTE_BUDGET = 30.0      # seconds of latency samples per route before a slow route stops early (5 calls at least)


@dataclass
class Plan:
    """What this run measures with; `quick` makes every count smaller."""
    runs: int                 # latency samples per route
    per_thread: int           # throughput requests per client thread
    volumes: int              # volumes to ingest when there is no corpus store


def _plan(quick: bool) -> Plan:
    return Plan(runs=12, per_thread=50, volumes=2) if quick else Plan(runs=40, per_thread=200, volumes=6)


# -- statistics ----------------------------------------------------------------------------------

def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); with few samples p99 is the maximum."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1))]


# -- the store -----------------------------------------------------------------------------------

def pick_volumes(corpus: Path, count: int) -> list[Path]:
    """`count` volumes spread over the sorted corpus; the quick run's 2 are among the default run's 6."""
    files = sorted(corpus.glob("*.xml.gz"))
    return [files[i * len(files) // count] for i in range(count)] if files else []


def _volume_graphs(db) -> set[str]:
    from ontology.namespaces import BASE

    prefix = BASE + "historicaldocuments/"
    return {n[len(prefix):] for n in db.graph_names() if n.startswith(prefix) and "/" not in n[len(prefix):]}


STORE_ENV = "FRUS_KG_BENCH_API_STORE"


def _store(ctx, plan: Plan) -> tuple[Path, str]:
    from graph import open_store

    given = os.environ.get(STORE_ENV)
    if given:               # an existing store, opened read-only by everything here (servers included)
        if not (Path(given) / "CURRENT").exists():
            raise SystemExit(f"{STORE_ENV}={given}: no store there")
        return Path(given), f"the store at `{given}` ({STORE_ENV}, read-only)"
    corpus_store = Path(ctx.work) / "tei-corpus-store"
    if (corpus_store / "CURRENT").exists():
        return corpus_store, "the 99-volume store of the TEI-corpus section"
    files = pick_volumes(Path(ctx.corpus), plan.volumes)
    wanted = {f.name.removesuffix(".xml.gz") for f in files}
    path = Path(ctx.work) / ("api-store-quick" if ctx.quick else "api-store")    # both kept: no re-ingest
    if (path / "CURRENT").exists():
        db = open_store(path, read_only=True)
        extra = _volume_graphs(db) - wanted
        db.close()
        if extra:                                  # a store of another selection: start again
            shutil.rmtree(path)
    log = Path(ctx.work) / "api-ingest.log"
    with open(log, "wb") as out:
        subprocess.run([_exe("frus-kg"), "ingest", "--store", str(path), "-w", "2", *map(str, files)],
                       stdout=out, stderr=subprocess.STDOUT, check=True)
    return path, f"{len(files)} volumes ingested here ({', '.join(sorted(wanted))})"


# -- ids found by SPARQL -------------------------------------------------------------------------

def _one(db, query: str) -> dict:
    from ontology.namespaces import sparql_prologue

    result = db.query(sparql_prologue("schema", "fk", "rdfs", "oa", "prov") + query)
    for row in result.rows():
        return {v: (None if t is None else t.value) for v, t in zip(result.variables, row)}
    return {}


def _all(db, query: str) -> list[dict]:
    from ontology.namespaces import sparql_prologue

    result = db.query(sparql_prologue("schema", "fk", "rdfs", "oa", "prov") + query)
    return [{v: (None if t is None else t.value) for v, t in zip(result.variables, row)} for row in result.rows()]


def _top(db, kind: str, kind_iri: str, count: str = "documentCount") -> str | None:
    """The entity of a kind with most documents (or claims by it), from the statistics layer when the store
    has it (a grouped count over every mention takes minutes at corpus scale)."""
    from graph.statistics import TOTALS_GRAPH, has_statistics

    if has_statistics(db):
        return _one(db, f"""SELECT ?e WHERE {{ GRAPH <{TOTALS_GRAPH}> {{ ?t fk:entityKind "{kind}" ; fk:entity ?e ;
                            fk:{count} ?n }} }} ORDER BY DESC(?n) LIMIT 1""").get("e")
    if count != "documentCount":
        return _one(db, """SELECT ?who (COUNT(?c) AS ?n) WHERE { ?c a fk:Claim ; prov:wasAttributedTo ?who .
            ?who a schema:Person } GROUP BY ?who ORDER BY DESC(?n) LIMIT 1""").get("who")
    return _one(db, f"""SELECT ?e (COUNT(?d) AS ?n) WHERE {{ ?d schema:mentions ?e . ?e a <{kind_iri}> }}
                        GROUP BY ?e ORDER BY DESC(?n) LIMIT 1""").get("e")


def _ids(db) -> dict:
    """The real ids the routes are asked about, found on the store."""
    from api.resources.links import KINDS

    # a document's mentions sit in its graph: one scan of the mention types, no join per mention (minutes
    # on the corpus otherwise)
    ids = _one(db, """SELECT ?doc ?volume ?number ?date ?mentions WHERE {
        { SELECT ?doc (COUNT(?m) AS ?mentions) WHERE { GRAPH ?doc { ?m a fk:Mention } }
          GROUP BY ?doc ORDER BY DESC(?mentions) LIMIT 1 }
        ?doc fk:volumeId ?volume ; fk:documentId ?number . OPTIONAL { ?doc schema:dateCreated ?date } }""")
    for kind, iri in KINDS.items():
        ids[kind] = _top(db, kind, iri)
    ids["soviet"] = _one(db, """SELECT ?c (COUNT(?d) AS ?n) WHERE { ?c a schema:Country ; rdfs:label "Soviet Union" .
        ?d schema:mentions ?c } GROUP BY ?c ORDER BY DESC(?n) LIMIT 1""").get("c") or ids["countries"]
    ids["year"] = (_one(db, f"""SELECT ?y (COUNT(?claim) AS ?n) WHERE {{ ?claim fk:aboutInYear ?y
        FILTER (STRSTARTS(STR(?y), "{ids['soviet']}/years/")) }} GROUP BY ?y ORDER BY DESC(?n) LIMIT 1""").get("y")
                   or "/years/" + (ids.get("date") or "1960")[:4]).rsplit("/", 1)[-1]
    ids["claimant"] = _top(db, "people", KINDS["people"], "claimsByCount")
    return ids


def _lookup_ids(db, volume: str) -> tuple[list[str], list[str]]:
    """Documents of one volume and people its documents mention: the throughput lookups' subjects."""
    docs = [r["doc"] for r in _all(db, f"""SELECT ?doc WHERE {{ ?doc fk:volumeId "{volume}" ; a fk:Document }}
                                           ORDER BY ?doc""")]
    people = [r["p"] for r in _all(db, f"""SELECT ?p (COUNT(?doc) AS ?n) WHERE {{ ?doc fk:volumeId "{volume}" ;
        schema:mentions ?p . ?p a schema:Person ; schema:name ?name }} GROUP BY ?p ORDER BY DESC(?n) ?p
        LIMIT {LOOKUP_IDS}""")]
    stride = max(1, len(docs) // LOOKUP_IDS)
    return docs[::stride][:LOOKUP_IDS], people


def _path(iri: str) -> str:
    from ontology.namespaces import BASE

    return iri[len(BASE):] if iri and iri.startswith(BASE) else iri


# -- servers -------------------------------------------------------------------------------------

def _exe(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


@dataclass
class Server:
    """A server subprocess on 127.0.0.1: `base` is its URL, `sparql` its query endpoint."""
    proc: subprocess.Popen
    base: str
    sparql: str
    log: Path

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


def _start(cmd: list[str], path: str, log: Path, wait: float = 60.0, env: dict | None = None,
           probe: str = "/", name: str | None = None, log_mode: str = "wb",
           on_start: Callable[[subprocess.Popen], None] | None = None) -> Server:
    """Start `cmd` (`{port}` in it) on a free port, once it answers `probe`: bench/ports.py, as the tests start their
    servers, so a port another process takes before the server binds it means another port, not a bench timing
    someone else's server. `log_mode` "ab" keeps what earlier servers wrote to the same log; `on_start` is told of
    each process started (to watch its memory)."""
    def launch(ports: tuple[int, ...]) -> subprocess.Popen:
        with open(log, log_mode) as out:
            proc = subprocess.Popen([c.replace("{port}", str(ports[0])) for c in cmd], stdout=out,
                                    stderr=subprocess.STDOUT, env={**os.environ, "FRUS_KG_LOG": "warning", **(env or {})})
        if on_start is not None:
            on_start(proc)
        return proc

    def ready(ports: tuple[int, ...]) -> bool:
        httpx.get(f"http://127.0.0.1:{ports[0]}{probe}", timeout=10)
        return True

    proc, (port,) = start_listening(launch, ready, lambda _: log.read_text(errors="replace"), name=name or Path(cmd[0]).name,
                                    timeout=wait)
    base = f"http://127.0.0.1:{port}"
    return Server(proc, base, base + path, log)


def _ours(store: Path, work: Path, *extra: str) -> Server:
    return _start([_exe("frus-kg"), "serve", "--store", str(store), "--port", "{port}", *extra], "/sparql",
                  work / "api-serve.log")


def _oxigraph(store: Path, work: Path) -> Server:
    return _start([_exe("oxigraph"), "serve-read-only", "--location", str(store), "--bind", "127.0.0.1:{port}",
                   "--union-default-graph"], "/query", work / "api-oxigraph.log")


# -- latency -------------------------------------------------------------------------------------

@dataclass
class Timing:
    name: str
    p50: float
    p99: float
    status: int
    size: int
    first: float = 0.0
    runs: int = 0


def _time(client: httpx.Client, name: str, url: str, runs: int, params=None, headers=None) -> Timing:
    """One warm-up call (its time kept as `first`), then `runs` timed calls, fewer (at least 5) when they
    take more than ROUTE_BUDGET seconds in all; ms."""
    started = time.perf_counter()
    r = client.get(url, params=params, headers=headers)
    first = (time.perf_counter() - started) * 1000
    times: list[float] = []
    budget = time.monotonic() + ROUTE_BUDGET
    while len(times) < runs and (len(times) < 5 or time.monotonic() < budget):
        started = time.perf_counter()
        r = client.get(url, params=params, headers=headers)
        times.append((time.perf_counter() - started) * 1000)
    return Timing(name, percentile(times, 50), percentile(times, 99), r.status_code, len(r.content), first,
                  len(times))


def _routes(ids: dict) -> list[tuple[str, str, dict, dict]]:
    """(label, path, params, headers) of every REST route measured, with the ids found on the store."""
    from ontology.namespaces import BASE

    soviet, year = _path(ids["soviet"]), ids["year"]
    doc_year = (ids.get("date") or year)[:4]
    entity = {kind: _path(ids[kind]) for kind in ("people", "organizations", "regions") if ids.get(kind)}
    routes = [
        ("`/documents`", "/documents", {}, JSON),
        (f"`/documents?volume={ids['volume']}&from={doc_year}&to={doc_year}`", "/documents",
         {"volume": ids["volume"], "from": doc_year, "to": doc_year}, JSON),
        (f"`/documents?mentions={soviet}`", "/documents", {"mentions": soviet}, JSON),
        (f"`/documents/{ids['volume']}/{ids['number']}` ({ids['mentions']} mentions, the most)",
         f"/documents/{ids['volume']}/{ids['number']}", {}, JSON),
        ("`/people`", "/people", {}, JSON),
        ("`/people?name=cl`", "/people", {"name": "cl"}, JSON),
        ("`/people?name=b`", "/people", {"name": "b"}, JSON),
        ("`/people?sort=documents`", "/people", {"sort": "documents"}, JSON),
        ("`/people?sort=date`", "/people", {"sort": "date"}, JSON),
        ("`/people?sort=recent`", "/people", {"sort": "recent"}, JSON),
        ("`/people?sort=claims-by`", "/people", {"sort": "claims-by"}, JSON),
        ("`/countries`", "/countries", {}, JSON),
        (f"`/{soviet}`", f"/{soviet}", {}, JSON),
        ("`/organizations`", "/organizations", {}, JSON),
        ("`/regions`", "/regions", {}, JSON),
    ]
    routes += [(f"`/{path}` (most mentioned)", f"/{path}", {}, JSON) for path in entity.values()]
    routes += [
        ("`/claims`", "/claims", {}, JSON),
        (f"`/claims?about={soviet}&from={year}&to={year}`", "/claims", {"about": soviet, "from": year, "to": year},
         JSON),
    ]
    if ids.get("claimant"):
        routes.append((f"`/claims?claimant={_path(ids['claimant'])}&type=assessment`", "/claims",
                       {"claimant": _path(ids["claimant"]), "type": "assessment"}, JSON))
    routes += [
        ("`/search?q=soviet`", "/search", {"q": "soviet"}, JSON),
        ("`/search?q=\"national security\"&kind=document`", "/search",
         {"q": '"national security"', "kind": "document"}, JSON),
        (f"`/id/…/{ids['volume']}/{ids['number']}` (Turtle)", "/id/" + _path(ids["doc"]), {},
         {"Accept": "text/turtle"}),
        (f"`/id/{entity['people']}` (Turtle)", "/id/" + entity["people"], {}, {"Accept": "text/turtle"}),
        ("`/.well-known/void` (read from the VoID layer when the store has it)", "/.well-known/void", {}, {"Accept": "text/turtle"}),
    ]
    assert all(BASE not in path for _, path, _, _ in routes)
    return routes


def _sparql_queries(ids: dict) -> list[tuple[str, str]]:
    from ontology.namespaces import sparql_prologue

    pre = sparql_prologue("schema", "fk", "rdfs", "oa", "prov")
    doc, person, soviet, year = ids["doc"], ids["people"], ids["soviet"], ids["year"]
    nxt = str(int(year) + 1)
    return [
        (f"a document's mentions (`{ids['number']}`: passage, page, entity and its label)", pre + f"""
SELECT ?exact ?page ?entity ?label WHERE {{
  ?m a fk:Mention ; fk:page ?page ; oa:hasTarget ?t . ?t oa:hasSource <{doc}> ; oa:hasSelector ?sel .
  ?sel oa:exact ?exact . ?m oa:hasBody ?entity . ?entity rdfs:label ?label
}} ORDER BY ?page"""),
        (f"claims about the Soviet Union in {year} (`fk:aboutInYear`, docs/claims.md)", pre + f"""
SELECT ?date ?page ?type ?text (GROUP_CONCAT(DISTINCT ?name; separator="; ") AS ?claimants) ?doc WHERE {{
  VALUES ?year {{ <{soviet}/years/{year}> }}
  ?claim fk:aboutInYear ?year ; schema:text ?text ; fk:claimType ?type ;
         prov:wasAttributedTo ?who ; fk:page ?page ; schema:dateCreated ?date ; prov:wasDerivedFrom ?doc ;
         oa:hasTarget/oa:hasSelector/oa:start ?start .
  ?who rdfs:label ?name .
  FILTER (STR(?date) >= "{year}-01-01" && STR(?date) < "{nxt}-01-01")
}} GROUP BY ?date ?page ?type ?text ?doc ?start ORDER BY ?date ?doc ?start"""),
        ("an entity page: the person's own triples", f"SELECT ?p ?o WHERE {{ <{person}> ?p ?o }}"),
        ("an entity page: the person's 20 latest documents", pre + f"""
SELECT ?doc ?title ?date WHERE {{ ?doc schema:mentions <{person}> ; schema:name ?title ; schema:dateCreated ?date }}
ORDER BY DESC(?date) LIMIT 20"""),
        ("an entity page: how many documents mention the person", pre + f"""
SELECT (COUNT(?doc) AS ?n) WHERE {{ ?doc schema:mentions <{person}> }}"""),
    ]


# -- throughput ----------------------------------------------------------------------------------

def _lookups(docs: list[str], people: list[str]) -> dict[str, list[str]]:
    from ontology.namespaces import sparql_prologue

    pre = sparql_prologue("schema", "oa", "rdfs")
    return {
        "a document's metadata": [pre + f"""SELECT ?title ?date ?genre WHERE {{ <{d}> schema:name ?title .
            OPTIONAL {{ <{d}> schema:dateCreated ?date }} OPTIONAL {{ <{d}> schema:genre ?genre }} }}""" for d in docs],
        "a person's name by IRI": [pre + f"SELECT ?name WHERE {{ <{p}> schema:name ?name }}" for p in people],
        TYPICAL: [pre + f"""SELECT DISTINCT ?m ?exact ?entity ?label WHERE {{ ?m oa:hasTarget ?t . ?t oa:hasSource <{d}> ;
            oa:hasSelector ?sel . ?sel oa:exact ?exact . ?m oa:hasBody ?entity . ?entity rdfs:label ?label }}"""
                  for d in docs],
    }


@dataclass
class Rate:
    per_s: float
    done: int
    errors: int
    p50: float
    p99: float
    seconds: float
    cpu_ms: float = 0.0       # CPU of the server's process tree per request (scheduling-independent)


def _throughput(url: str, queries: list[str], per_thread: int, threads: int = THREADS,
                deadline_s: float = BATCH_DEADLINE, timeout: float = 60) -> Rate:
    """`threads` clients each send `per_thread` queries (cycling through `queries`) as fast as answered, until
    `deadline_s` has passed."""
    start = threading.Barrier(threads + 1)
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = [0.0]

    def client(offset: int) -> None:
        mine, bad = [], 0
        with httpx.Client(timeout=timeout, headers=SPARQL_JSON) as http:
            http.get(url, params={"query": queries[offset % len(queries)]})       # connect and warm up
            start.wait()
            for i in range(per_thread):
                if time.monotonic() > deadline[0]:
                    break
                t = time.perf_counter()
                try:
                    ok = http.get(url, params={"query": queries[(offset + i) % len(queries)]}).status_code == 200
                except httpx.HTTPError:
                    ok = False
                mine.append((time.perf_counter() - t) * 1000)
                bad += not ok
        with lock:
            times.extend(mine)
            errors[0] += bad

    workers = [threading.Thread(target=client, args=(n * 7,)) for n in range(threads)]
    for w in workers:
        w.start()
    deadline[0] = time.monotonic() + deadline_s + timeout      # warm-up of slow servers is not counted
    start.wait()
    deadline[0] = time.monotonic() + deadline_s
    began = time.perf_counter()
    for w in workers:
        w.join()
    seconds = time.perf_counter() - began
    return Rate(len(times) / seconds, len(times), errors[0], percentile(times, 50), percentile(times, 99), seconds)


def _rates(server: Server, lookups: dict[str, list[str]], per_thread: int, deadline_s: float = BATCH_DEADLINE,
           timeout: float = 60) -> dict[str, Rate]:
    """Each lookup's rate, with the CPU the server's process tree spent per request meanwhile (from /proc: on a
    shared machine the rate depends on how much of the CPU the server gets, the CPU per request does not)."""
    rates, hz = {}, os.sysconf("SC_CLK_TCK")
    for name, queries in lookups.items():
        before = _ticks(_tree(server.proc.pid))[0]
        rate = _throughput(server.sparql, queries, per_thread, deadline_s=deadline_s, timeout=timeout)
        rate.cpu_ms = (_ticks(_tree(server.proc.pid))[0] - before) / hz * 1000 / max(1, rate.done)
        rates[name] = rate
    return rates


def _answers(server: Server, lookups: dict[str, list[str]]) -> list[int]:
    """Rows of every lookup: the servers compared must give the same answers, or the rates mean nothing."""
    with httpx.Client(timeout=60, headers=SPARQL_JSON) as http:
        return [len(http.get(server.sparql, params={"query": q}).json()["results"]["bindings"])
                for queries in lookups.values() for q in queries]


def _engine(db, lookups: dict[str, list[str]], rounds: int = 5) -> float:
    """p50 ms of the lookups run by pyoxigraph in this process: the engine without HTTP or workers."""
    times = []
    for _ in range(rounds):
        for queries in lookups.values():
            for q in queries:
                started = time.perf_counter()
                list(db.query(q).rows())
                times.append((time.perf_counter() - started) * 1000)
    return percentile(times, 50)


# -- the timeout case ----------------------------------------------------------------------------

def _tree(pid: int) -> list[int]:
    """The process and all its descendants, from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(parents.get(p, []))
    return found


def _ticks(pids: list[int]) -> tuple[int, int]:
    """CPU ticks (user + system) of the processes, and how many of them are runnable (state R).

    On a shared machine a CPU-bound process may get only a few percent of a core, so a low tick rate
    alone does not prove it has stopped: a runnable process still wants the CPU."""
    total, running = 0, 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
            running += fields[0] == "R"
        except (OSError, IndexError, ValueError):
            continue
    return total, running


@dataclass
class Runaway:
    status: int
    answered: float                      # s from the runaway's start to its answer
    idle: float | None                   # s from its start until the tree's CPU is idle again
    cpu: float                           # CPU seconds the tree used from the start until idle
    small: list[float] = field(default_factory=list)
    small_errors: int = 0
    before: list[float] = field(default_factory=list)


def _small_loop(url: str, queries: list[str], stop: threading.Event, out: list[float], errors: list[int],
                limit: int = 2000) -> None:
    with httpx.Client(timeout=60, headers=SPARQL_JSON) as http:
        for i in range(limit):
            if stop.is_set():
                return
            t = time.perf_counter()
            try:
                ok = http.get(url, params={"query": queries[i % len(queries)]}).status_code == 200
            except httpx.HTTPError:
                ok = False
            out.append((time.perf_counter() - t) * 1000)
            errors[0] += not ok
            time.sleep(0.02)


def _runaway(store: Path, work: Path, small_queries: list[str]) -> Runaway:
    """Runaway query on a `--timeout 5` server; two clients send small queries meanwhile."""
    server = _ours(store, work, "--timeout", str(TIMEOUT))
    try:
        before, stop = [], threading.Event()
        _small_loop(server.sparql, small_queries, stop, before, [0], limit=40)
        answer: dict = {}

        def runaway() -> None:
            r = httpx.get(server.sparql, params={"query": RUNAWAY}, headers=SPARQL_JSON, timeout=TIMEOUT + 60)
            answer.update(status=r.status_code, at=time.monotonic())

        small, small_errors = [], [0]
        clients = [threading.Thread(target=_small_loop, args=(server.sparql, small_queries, stop, small, small_errors))
                   for _ in range(2)]
        started = time.monotonic()
        first = _ticks(_tree(server.proc.pid))
        heavy = threading.Thread(target=runaway)
        heavy.start()
        time.sleep(0.3)                              # the runaway reaches its worker first
        for c in clients:
            c.start()
        samples = _sample(server.proc.pid, started, first, answer, stop)
        for thread in (heavy, *clients):
            thread.join()
        idle, cpu = _idle_and_cpu(samples)
        return Runaway(answer.get("status", 0), answer.get("at", time.monotonic()) - started, idle, cpu, small,
                       small_errors[0], before)
    finally:
        server.stop()


def _sample(pid: int, started: float, first: tuple[int, int], answer: dict,
            stop: threading.Event) -> list[tuple[float, int, int]]:
    """(seconds since `started`, CPU ticks, runnable processes) of the tree every 0.1 s, until the tree has
    been idle for 3 s after the runaway's answer (which also stops the small clients), or 30 s past the limit."""
    samples = [(0.0, *first)]
    hz = os.sysconf("SC_CLK_TCK")
    while time.monotonic() - started < TIMEOUT + 30:
        time.sleep(0.1)
        samples.append((time.monotonic() - started, *_ticks(_tree(pid))))
        if "at" in answer:
            stop.set()
            if samples[-1][0] > answer["at"] - started + 3 and _idle_since(samples, hz) is not None:
                break
    stop.set()
    return samples


def _idle_and_cpu(samples: list[tuple[float, int, int]]) -> tuple[float | None, float]:
    """When the tree became idle for good, and the CPU seconds it used until then (or in all)."""
    hz = os.sysconf("SC_CLK_TCK")
    idle = _idle_since(samples, hz)
    until = next(t for s, t, _ in samples if s >= idle) if idle is not None else samples[-1][1]
    return idle, (until - samples[0][1]) / hz


def _idle_since(samples: list[tuple[float, int, int]], hz: int, window: float = 1.0,
                share: float = 0.05) -> float | None:
    """The earliest sample time from which, in every later `window`, the tree uses under `share` of one
    core and none of its processes is runnable (at least one such window must follow)."""
    candidate = None
    for i, (t, ticks, _) in enumerate(samples):
        j = next((k for k in range(i, len(samples)) if samples[k][0] >= t + window), None)
        if j is None:
            break
        busy = ((samples[j][1] - ticks) / hz / (samples[j][0] - t) >= share
                or any(running for _, _, running in samples[i:j + 1]))
        if busy:
            candidate = None
        elif candidate is None:
            candidate = t
    return candidate


def _cpu_share(seconds: float = 0.5) -> float:
    """The share of one core a busy loop in this process gets: how contended the machine is right now."""
    wall, cpu = time.monotonic(), time.thread_time()
    while time.monotonic() - wall < seconds:
        pass
    return (time.thread_time() - cpu) / (time.monotonic() - wall)


# -- the report ----------------------------------------------------------------------------------

def _fmt(ms: float) -> str:
    return f"{ms:.0f}" if ms >= 10 else f"{ms:.1f}" if ms >= 1 else f"{ms:.2f}"


def _latency_rows(timings: list[Timing]) -> list[str]:
    rows = ["| request | p50 ms | p99 ms | calls | first call ms | status | bytes | p50 < 50 ms |",
            "|---|---|---|---|---|---|---|---|"]
    for t in timings:
        rows.append(f"| {t.name} | {_fmt(t.p50)} | {_fmt(t.p99)} | {t.runs} | {_fmt(t.first)} | {t.status} | "
                    f"{t.size:,} | {'yes' if t.p50 < 50 and t.status == 200 else '**no**'} |")
    return rows


def _rate_rows(label: str, ours: dict[str, Rate], ref: dict[str, Rate] | None, ref_name: str,
               goal: float) -> list[str]:
    if ref is None:
        return [f"| {label} | (all) | | | {ref_name} | not measured: `pip install -e '.[bench]'` | | |"]
    rows = []
    for name in ours:
        a, b = ours[name], ref[name]
        ratio = a.per_s / b.per_s if b.per_s else float("inf")
        verdict = ("(the goal is for simple lookups)" if name == TYPICAL and goal < 1 else
                   f"{'met' if ratio >= goal else 'not met'} (≥ {goal:g}x)")
        rows.append(f"| {label} | {name} | {a.per_s:.0f} ({_fmt(a.p50)} / {_fmt(a.p99)} ms; {_fmt(a.cpu_ms)}) | "
                    f"{b.per_s:.1f} ({_fmt(b.p50)} / {_fmt(b.p99)} ms; {_fmt(b.cpu_ms)}) | {ref_name} | "
                    f"**{ratio:.2f}x** | {verdict} | {a.errors + b.errors} |")
    return rows


def _machine() -> str:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"{platform.machine()}, {cpus} CPU(s), Python {platform.python_version()}, nice {os.nice(0)}, "
            f"load average {os.getloadavg()[0]:.1f}, a busy loop here got {_cpu_share():.0%} of a core")


def run(ctx) -> str:
    from graph import OxigraphStore

    plan = _plan(ctx.quick)
    work = Path(ctx.work)
    machine_at_start = _machine()
    store, what = _store(ctx, plan)
    db = OxigraphStore(store, read_only=True)
    quads = db.quad_count()
    documents = int(_one(db, "SELECT (COUNT(?d) AS ?n) WHERE { ?d a fk:Document }")["n"])
    ids = _ids(db)
    volumes = sorted(_volume_graphs(db))
    subset_volume = volumes[0]
    docs, people = _lookup_ids(db, subset_volume)
    lookups = _lookups(docs, people)
    engine = _engine(db, lookups)
    db.close()
    print(f"api: store {store} ({quads:,} quads)", file=sys.stderr)

    rates, answers = {}, {}
    server = _ours(store, work)
    try:
        with httpx.Client(timeout=120) as client:
            timings = [_time(client, label, server.base + path, plan.runs, params, headers)
                       for label, path, params, headers in _routes(ids)]
            timings += [_time(client, f"SPARQL: {label}", server.sparql, plan.runs, {"query": q}, SPARQL_JSON)
                        for label, q in _sparql_queries(ids)]
        answers["ours"], rates["ours"] = _answers(server, lookups), _rates(server, lookups, plan.per_thread)
    finally:
        server.stop()
    server = _oxigraph(store, work)
    try:
        answers["Oxigraph"], rates["Oxigraph"] = _answers(server, lookups), _rates(server, lookups, plan.per_thread)
    finally:
        server.stop()
    print("api: the timeout case", file=sys.stderr)
    small = [q for qs in lookups.values() for q in qs[:5]] + ["ASK { ?s ?p ?o }"]
    runaway = _runaway(store, work, small)
    facts = dict(what=what, volumes=len(volumes), quads=quads, documents=documents, subset_volume=subset_volume,
                 counts=(len(docs), len(people)), engine=engine, machine_at_start=machine_at_start)
    return _report(ctx, plan, facts, ids, timings, rates, answers, runaway)


def _report(ctx, plan: Plan, facts: dict, ids: dict, timings: list[Timing], rates: dict, answers: dict,
            runaway: Runaway) -> str:
    what, subset_volume = facts["what"], facts["subset_volume"]
    ours_full, raw = rates["ours"], rates["Oxigraph"]
    resources = [t for t in timings if not t.name.startswith("SPARQL")]
    slow = [t for t in resources if t.p50 >= 50 or t.status != 200]
    full_scale = facts["volumes"] >= 90
    total = THREADS * plan.per_thread
    small, before = runaway.small, runaway.before
    idle = f"{runaway.idle:.1f} s" if runaway.idle is not None else "not within the sampling window"
    cells = [(who, r) for who, per in rates.items() if isinstance(per, dict) for r in per.values()]
    done = ("every cell completed its requests" if all(r.done == total for _, r in cells) else
            "requests done per cell: " + ", ".join(f"{who} {r.done}" for who, r in cells))
    reference = answers["ours"]
    agree = [who for who, rows in answers.items() if rows != reference]
    agreement = (f"All {len(answers)} servers gave the same number of rows to each of the {len(reference)} lookups "
                 f"({sum(reference)} rows in all)" if not agree else
                 f"**The answers differ** from our server's on the full store for: {', '.join(agree)} "
                 f"(rows per lookup: {answers})")
    lines = [
        f"Mode: {'quick' if ctx.quick else 'default'}. Store: {what}; {facts['documents']:,} documents, "
        f"{facts['quads']:,} quads (with the authority graphs). Machine: {facts['machine_at_start']} at the start; "
        f"load average {os.getloadavg()[0]:.1f} and a busy loop got {_cpu_share():.0%} of a core at the end. "
        "The servers run as children of this process, at its nice level, on "
        "2 cores shared with several engineers' tests and ingests, so every figure here is noisy and the "
        "absolute times are inflated (a request waits behind other processes); ratios are taken in the same run, "
        "minutes apart, under the same conditions.",
        "",
        f"Server: `frus-kg serve` (uvicorn, default 2 query workers, default settings), one httpx client with "
        f"keep-alive on 127.0.0.1. Latency: one warm-up call (its time is the \"first call\" column), then "
        f"{plan.runs} sequential calls (fewer, at least 5, for a route whose calls pass {ROUTE_BUDGET:.0f} s in "
        f"all); p99 is nearest-rank, so with {plan.runs} calls or fewer it is the slowest one. "
        "REST answers are asked as `application/json`, `/id/` and VoID "
        "as Turtle, SPARQL as SPARQL JSON. Ids found by SPARQL on the store: the document with the most "
        f"mentions (`{ids['volume']}/{ids['number']}`), the most mentioned person (`{_path(ids['people'])}`), "
        f"organization and region, `{_path(ids['soviet'])}` and its busiest claim year ({ids['year']}).",
        "",
        *_latency_rows(timings),
        "",
        f"**p50 < 50 ms for every resource: {'met' if not slow else 'not met'}** at this scale "
        f"({len(resources) - len(slow)} of {len(resources)} routes under 50 ms"
        + ("" if not slow else f"; over: {', '.join(t.name for t in slow)}" if len(slow) <= len(resources) / 2
           else f": {', '.join(t.name for t in resources if t not in slow) or 'none'}") + ")"
        + ("." if full_scale else "; this is not corpus scale (the issue's goal is for the 99-volume store, "
           f"which this run did not have: {STORE_ENV} names an existing one)."),
        "",
        f"Throughput: {THREADS} client threads × {plan.per_thread} requests = {total} per cell (a cell stops "
        f"after {BATCH_DEADLINE:.0f} s; the note below the table says whether every cell finished), each thread "
        f"with its own keep-alive connection, GET with the query in the URL, SPARQL JSON; requests/s, then the "
        f"per-request p50 / p99, and the CPU time the server's process tree (uvicorn and its query workers; "
        f"Oxigraph's one process) used per request, from /proc: the rate depends on the share of the 2 shared "
        f"cores a server gets, the CPU per request much less. The third lookup is a typical query (a join over "
        f"a document's mentions and their entities' labels), not a simple lookup. "
        f"The lookups cycle through {facts['counts'][0]} documents of `{subset_volume}` and the {facts['counts'][1]} "
        f"people its "
        "documents mention most, which every store here holds.",
        "",
        "| data | lookup | ours: req/s (p50 / p99; server CPU ms per request) | reference: req/s (p50 / p99; "
        "server CPU ms per request) | reference | ours / reference | goal | errors |",
        "|---|---|---|---|---|---|---|---|",
        *_rate_rows("same store", ours_full, raw, "raw Oxigraph server (`oxigraph serve-read-only "
                    "--union-default-graph`)", 0.5),
        "",
        f"{agreement}; {done}. "
        "rdflib-endpoint, on the largest subset it holds, has its own section (bench/rdflib_endpoint.py). "
        f"The same lookups run by pyoxigraph inside the bench process (the engine alone, no HTTP, no worker "
        f"process) take {_fmt(facts['engine'])} ms at p50 on the full store.",
        "",
        f"Timeout case: `{RUNAWAY}` against `frus-kg serve --timeout {TIMEOUT:g}` on the same store, while two "
        f"clients send small queries (the lookups above and `ASK {{ ?s ?p ?o }}`, 20 ms apart). The server's "
        "process tree (uvicorn and its query workers) was sampled from /proc every 0.1 s; idle means under 5% "
        "of one core and no runnable process (state R) in every 1 s window from then on (a starved process "
        "uses little CPU but is still runnable).",
        "",
        "| measure | value |", "|---|---|",
        f"| runaway answered | {runaway.status} after {runaway.answered:.1f} s |",
        f"| CPU of the server's tree idle again | {idle} after the runaway started (goal in the tests: "
        f"timeout + 2 s = {TIMEOUT + 2:g} s) |",
        f"| CPU seconds the tree used until then | {runaway.cpu:.1f} (small queries included: on an idle machine "
        f"the runaway alone would use one core for the {TIMEOUT:g} s) |",
        f"| small queries while it ran: p50 / p99 | {_fmt(percentile(small, 50)) if small else '-'} / "
        f"{_fmt(percentile(small, 99)) if small else '-'} ms ({len(small)} queries, {runaway.small_errors} errors) |",
        f"| the same small queries before it: p50 / p99 | {_fmt(percentile(before, 50))} / "
        f"{_fmt(percentile(before, 99))} ms ({len(before)} queries) |",
    ]
    return "\n".join(lines)
