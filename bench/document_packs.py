"""Document packs: one document's REST answer, Turtle and page from its pack against from its graph, in process.

The store is opened read-only: each document's pack is made in memory from the store (`pack_document` only
reads) and handed to the readers in place of the stored one, so this runs on a store that has no packs (the
99-volume store before `frus-kg index` upgrades it). The documents: the one with the most mentions and the one
with the longest text (the API and Page render sections' choices), or `FRUS_KG_BENCH_DOCUMENTS`
("volume/doc,volume/doc"). CPU per call (median), which the machine's load inflates less than wall time; the
ratio is the graph path's over the pack's, in the same run. Both answers are checked equal first.
Store: `FRUS_KG_BENCH_DOCUMENTS_STORE`, else the Page render section's.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

TITLE = "Document packs: a document's REST answer, Turtle and page from its pack against its graph (in process)"
CONTEXT = "http://127.0.0.1/context.jsonld"


def _documents(db) -> list[tuple[str, str]]:
    chosen = os.environ.get("FRUS_KG_BENCH_DOCUMENTS")
    if chosen:
        return [tuple(d.split("/", 1)) for d in chosen.split(",")]
    from .api import _ids
    from .pages import largest_pages

    ids = _ids(db)
    longest = next(path for name, path, _ in largest_pages(db) if name == "document").split("/")[-2:]
    return list(dict.fromkeys([(ids["volume"], ids["number"]), tuple(longest)]))


def _cpu_ms(call, runs: int) -> float:
    call()
    spent = []
    for _ in range(runs):
        started = time.process_time()
        call()
        spent.append(time.process_time() - started)
    return sorted(spent)[runs // 2] * 1000


def _request(app, path: str):
    from starlette.requests import Request

    return Request({"type": "http", "method": "GET", "path": path, "headers": [], "query_string": b"", "app": app,
                    "router": app.router, "root_path": "", "server": ("127.0.0.1", 80), "scheme": "http"})


def _row(db, app, volume: str, doc: str, runs: int) -> str:
    from api import page_views
    from api.resources import document_packs as packs
    from api.resources.describe import resource_triples, serialize
    from api.resources.documents import document_detail

    started = time.process_time()
    quads = packs.pack_document(db, volume, doc)
    built = time.process_time() - started
    stored = {"packedJson": packs._decode(quads[2].object.value), "packedTurtle": packs._decode(quads[3].object.value)}
    iri, request = packs.document_iri(volume, doc), _request(app, f"/documents/{volume}/{doc}")
    graph_json = lambda: packs._dumps({"@context": CONTEXT, **document_detail(db, volume, doc)}).encode("utf-8")  # noqa: E731
    real = packs._packed
    try:
        packs._packed = lambda store, v, d, predicate: None         # a store without packs: the graph path
        graph = [_cpu_ms(graph_json, max(3, runs // 3)),
                 _cpu_ms(lambda: serialize(resource_triples(db, iri), "text/turtle"), max(3, runs // 3)),
                 _cpu_ms(lambda: page_views.document_page(request, volume, doc), max(3, runs // 3))]
        packs._packed = lambda store, v, d, predicate: stored[predicate]
        assert packs.packed_json(db, volume, doc, CONTEXT) == graph_json(), f"{volume}/{doc}: the pack's answer differs"
        packed = [_cpu_ms(lambda: packs.packed_json(db, volume, doc, CONTEXT), runs),
                  _cpu_ms(lambda: packs.packed_description(db, volume, doc, "text/turtle"), runs),
                  _cpu_ms(lambda: page_views.document_page(request, volume, doc), runs)]
    finally:
        packs._packed = real
    detail = document_detail(db, volume, doc)
    size = f"{len(detail['text'] or ''):,} characters, {len(detail['mentions']):,} mentions, {len(detail['claims']):,} claims"
    cells = " | ".join(f"{g:.0f} | {p:.1f} | {g / p:.0f}×" for g, p in zip(graph, packed))
    return f"| `{volume}/{doc}` | {size} | {built:.2f} s | {cells} |"


def run(ctx) -> str:
    from api.app import create_app
    from graph import open_store

    from .pages import _store

    chosen = os.environ.get("FRUS_KG_BENCH_DOCUMENTS_STORE")
    path, said = (Path(chosen), f"`{chosen}` (FRUS_KG_BENCH_DOCUMENTS_STORE)") if chosen else _store(ctx)
    db = open_store(path, read_only=True)
    try:
        app, runs = create_app(db), 7 if ctx.quick else 21
        load = os.getloadavg()[0]
        rows = [_row(db, app, volume, doc, runs) for volume, doc in _documents(db)]
        load_after = os.getloadavg()[0]
    finally:
        db.close()
    return "\n".join([
        f"Store: {said}, read-only; packs made in memory. Median CPU per call in ms ({runs} calls from the pack, a third "
        f"as many from the graph); load average {load:.1f} before and {load_after:.1f} after. REST is the JSON-LD "
        "answer's bytes; Turtle the `/id/` description; page the document page's HTML response.", "",
        "| document | size | pack built | REST: graph | pack | × | Turtle: graph | pack | × | page: graph | pack | × |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *rows])
