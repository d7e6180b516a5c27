"""Page render: p50 and p99 of the largest person, country and document pages, and the home page, as a browser
asks for them (Accept: text/html) from a real `frus-kg serve` (uvicorn on 127.0.0.1, query worker processes).

The pages are chosen by their size in the store: the person and the country that most documents mention
(from the statistics layer's totals, else counted), and the document with the longest text. Beside each page,
in the same run: the JSON-LD of the same URL (the data the page is made from, so the ratio is what the page
adds) and a static file (`/static/site.css`, the floor of one HTTP request). A few list pages are timed too.

The store is, in order: `$FRUS_KG_PAGES_STORE`, the 99-volume store of the TEI-corpus section
(`tei-corpus-store`), the API section's store (`api-store`, or `api-store-quick` for --quick); without any,
two volumes picked from the corpus are ingested into `pages-store`. It is opened read-only.
"""
from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.api import Server, _exe, _start, percentile, pick_volumes

__all__ = ["TITLE", "run", "largest_pages"]

TITLE = "Page render: the largest person, country and document pages over HTTP"

HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
JSON_LD = {"Accept": "application/ld+json"}


def _store(ctx) -> tuple[Path, str]:
    chosen = os.environ.get("FRUS_KG_PAGES_STORE")
    candidates = [(Path(chosen), "$FRUS_KG_PAGES_STORE")] if chosen else []
    candidates += [(Path(ctx.work) / "tei-corpus-store", "the 99-volume store of the TEI-corpus section"),
                   (Path(ctx.work) / ("api-store-quick" if ctx.quick else "api-store"), "the API section's store")]
    for path, said in candidates:
        if (path / "CURRENT").exists():
            return path, f"{said} (`{path}`)"
    path = Path(ctx.work) / "pages-store"
    files = pick_volumes(Path(ctx.corpus), 2)
    with open(Path(ctx.work) / "pages-ingest.log", "wb") as out:
        subprocess.run([_exe("frus-kg"), "ingest", "--store", str(path), "-w", "2", *map(str, files)],
                       stdout=out, stderr=subprocess.STDOUT, check=True)
    return path, f"{len(files)} volumes ingested here"


def _serve(store: Path, log: Path, wait: float = 120.0, options: tuple[str, ...] = ()) -> Server:
    """`frus-kg serve` on a free port, probed on a static file so that no page (and no cache) is warmed before timing."""
    return _start([_exe("frus-kg"), "serve", "--store", str(store), "--port", "{port}", *options], "/sparql", log,
                  wait, probe="/static/site.css")


def _first(db, query: str) -> list:
    from ontology.namespaces import sparql_prologue

    for row in db.query(sparql_prologue("schema", "fk", "rdfs") + query).rows():
        return [None if t is None else t.value for t in row]
    return []


def _largest(db, kind: str, kind_iri: str) -> tuple[str, int]:
    found = _first(db, f"""SELECT ?e ?n WHERE {{ ?t fk:entity ?e ; fk:entityKind "{kind}" ; fk:documentCount ?n }}
                           ORDER BY DESC(?n) LIMIT 1""")
    if not found:
        found = _first(db, f"""SELECT ?e (COUNT(?d) AS ?n) WHERE {{ ?d schema:mentions ?e . ?e a <{kind_iri}> }}
                               GROUP BY ?e ORDER BY DESC(?n) LIMIT 1""")
    return found[0], int(found[1])


def largest_pages(db) -> list[tuple[str, str, str]]:
    """(row name, path, how large) of the largest person, country and document pages, and the home page."""
    from ontology.namespaces import BASE, SCHEMA

    person, people = _largest(db, "people", SCHEMA + "Person")
    country, countries = _largest(db, "countries", SCHEMA + "Country")
    doc, length = _first(db, """SELECT ?doc (STRLEN(?t) AS ?n) WHERE { ?doc a fk:Document ; schema:text ?t }
                                ORDER BY DESC(?n) LIMIT 1""")
    mentions = _first(db, f"""SELECT (COUNT(?m) AS ?n) WHERE {{ GRAPH <{doc}> {{ ?m a fk:Mention }} }}""")[0]
    claims = _first(db, f"""SELECT (COUNT(?c) AS ?n) WHERE {{ GRAPH <{doc}> {{ ?c a fk:Claim }} }}""")[0]
    path = doc[len(BASE):].replace("historicaldocuments/", "documents/", 1)
    return [("person", "/" + person[len(BASE):], f"mentioned in {people:,} documents"),
            ("country", "/" + country[len(BASE):], f"mentioned in {countries:,} documents"),
            ("document", "/" + path, f"{int(length):,} characters, {int(mentions):,} mentions, {int(claims):,} claims"),
            ("home", "/", "figures cached for a minute")]


def _cpu(pid: int) -> float:
    """CPU seconds the server process has used (all its threads: uvicorn and the store's reads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class _Sample:
    seconds: list[float]      # each timed request
    status: int
    size: int                 # bytes of the last answer
    first: float              # the first request (the server's caches cold for this page)
    cpu: float                # server CPU seconds per timed request: what the load of the machine does not inflate


def _times(client: httpx.Client, server: Server, url: str, headers: dict, runs: int) -> _Sample:
    """`runs` requests after two warm-up ones."""
    started = time.perf_counter()
    answer = client.get(url, headers=headers)
    first = time.perf_counter() - started
    answer = client.get(url, headers=headers)
    seconds, cpu = [], _cpu(server.proc.pid)
    for _ in range(runs):
        started = time.perf_counter()
        answer = client.get(url, headers=headers)
        seconds.append(time.perf_counter() - started)
    return _Sample(seconds, answer.status_code, len(answer.content), first, (_cpu(server.proc.pid) - cpu) / runs)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.0095 else f"{seconds * 1000:.1f} ms"


def _ratio(value: float) -> str:
    return f"{value:.1f}×" if value < 10 else f"{value:,.0f}×"


def _row(name: str, path: str, size: str, page: _Sample, data: _Sample | None, floor: _Sample) -> str:
    p50 = percentile(page.seconds, 50)
    return (f"| {name} | `{path}` | {size} | {page.status}, {page.size / 1024:,.0f} KiB | {_ms(page.first)} | "
            f"{_ms(p50)} | {_ms(percentile(page.seconds, 99))} | {_ms(page.cpu)} | "
            f"{_ms(percentile(data.seconds, 50)) if data else '–'} | {_ratio(p50 / percentile(floor.seconds, 50))} |")


def _rows(server: Server, pages: list[tuple[str, str, str]], runs: int) -> tuple[list[str], _Sample]:
    rows = []
    with httpx.Client(base_url=server.base, timeout=120) as client:
        floor = _times(client, server, "/static/site.css", {}, runs)
        for name, path, size in pages:
            page = _times(client, server, path, HTML, runs)
            data = _times(client, server, path, JSON_LD, runs) if name != "home" and "?" not in path else None
            rows.append(_row(name, path, size, page, data, floor))
        rows.append(f"| static file | `/static/site.css` | floor of one request | 200 | – | {_ms(percentile(floor.seconds, 50))} | "
                    f"{_ms(percentile(floor.seconds, 99))} | {_ms(floor.cpu)} | – | 1× |")
    return rows, floor


def _unkept_row(path: Path, page: tuple[str, str, str], floor: _Sample, runs: int, log: Path) -> str:
    """The document page from a server that keeps no rendered page (`--page-cache-bytes 0`): every request renders
    it, as the first request of a document in each server process does; the other rows' server keeps its pages."""
    server = _serve(path, log, options=("--page-cache-bytes", "0"))
    try:
        with httpx.Client(base_url=server.base, timeout=120) as client:
            sample = _times(client, server, page[1], HTML, runs)
    finally:
        server.stop()
    return _row("document, not kept", *page[1:], sample, None, floor)


def _lists(pages: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    country = pages[1][1].lstrip("/")
    return [("list", "/documents", "first page"), ("list", "/claims", "first page"),
            ("list", f"/claims?about={country}", "claims about the country"), ("list", "/people", "first page")]


def run(ctx) -> str:
    from graph import open_store

    path, said = _store(ctx)
    db = open_store(path, read_only=True)
    try:
        pages = largest_pages(db)
    finally:
        db.close()
    runs = 10 if ctx.quick else 30
    server = _serve(path, Path(ctx.work) / "pages-serve.log")
    try:
        load_before = os.getloadavg()[0]
        rows, floor = _rows(server, pages + _lists(pages), runs)
    finally:
        server.stop()
    rows.insert(3, _unkept_row(path, pages[2], floor, runs, Path(ctx.work) / "pages-serve-unkept.log"))
    load_after = os.getloadavg()[0]
    return "\n".join([
        f"Store: {said}. {runs} requests per row after two warm-up ones, one keep-alive client, one at a time; "
        f"load average {load_before:.1f} before and {load_after:.1f} after (2 cores shared). "
        "`first` is the first request of the page (cold caches: the home page then reads its figures); `CPU` is the "
        "server process's CPU time per timed request (read from /proc), which the machine's load does not inflate; "
        "`×` is the page's p50 over the static file's, measured in the same run. A server process keeps the document "
        "pages it rendered (api/page_cache.py), so the document row times a kept page; the `document, not kept` row "
        "times the same page from a server started with `--page-cache-bytes 0`, which renders it on every request "
        "(what the first request of a document costs in each server process).", "",
        "| page | path | size | answer | first | p50 | p99 | CPU | JSON-LD p50 | × floor |",
        "|---|---|---|---|---|---|---|---|---|---|",
        *rows])
