"""The W3C Reconciliation Service API 0.2 (what OpenRefine speaks) over people, countries and organizations.

GET /reconcile is the manifest; `queries` (a JSON batch, as a GET or form parameter, or a JSON body)
reconciles, `extend` fetches columns. Suggest, preview and property proposals sit under /reconcile/.
Entity ids are IRIs relative to the identifier space (`people/102617`); full IRIs and hsg-people ids are
accepted wherever an id is. Spec: https://www.w3.org/community/reports/reconciliation/CG-FINAL-specs-0.2-20230410/
"""
from __future__ import annotations

import html
import json
import threading
from dataclasses import asdict

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response

from graph import QueryError, Store, evidence
from graph.name_index import KINDS, Entry, NameIndex, name_index
from ontology.namespaces import BASE, HSG, SCHEMA

from . import json_input
from .errors import problem
from .pages import render_html
from .protocol_docs import RECONCILE_GET, RECONCILE_POST
from .reconcile_match import PROPERTIES, TYPES, Query, QueryFieldError, reconcile, type_key
from .sparql import BodyTooLarge, read_body

__all__ = ["router", "BATCH_SIZE", "EXTEND_PROPERTIES", "PREVIEW_POLICY", "manifest", "entity_id", "entity_iri"]

BATCH_SIZE = 50
# The preview card is made to be framed by the client (OpenRefine shows it in an iframe, from its own origin), so it
# does not take the pages' `frame-ancestors 'none'`; it has no script, form or image, and runs none.
PREVIEW_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *; base-uri 'none'; "
                  "form-action 'none'")
# Its 404 is the site's not-found page, framed as the card is: the site's stylesheet and its search form.
PREVIEW_NOT_FOUND_POLICY = ("default-src 'none'; style-src 'self' 'unsafe-inline'; img-src data:; frame-ancestors *; "
                            "base-uri 'none'; form-action 'self'")
EXTEND_PROPERTIES = {
    "offices": ("Offices", "every office held, with dates and where it is recorded: POCOM, FRUS document headings, "
                "the hsg-people remark, the persons lists of the volumes in the store", {"person"}),
    "birth_year": ("Year of birth", "from the Office of the Historian's people data", {"person"}),
    "death_year": ("Year of death", "from the Office of the Historian's people data", {"person"}),
    "hsg_people_id": ("history.state.gov people id", "the Office of the Historian's person id", {"person"}),
    "pocom": ("POCOM page", "Principal Officers and Chiefs of Mission page on history.state.gov", {"person"}),
    "viaf": ("VIAF id", "Virtual International Authority File", {"person"}),
    "wikidata": ("Wikidata QID", "Wikidata item (countries; people once a linkset is imported)", {"person", "country"}),
    "gsh_id": ("gsh territory id", "the Office of the Historian's territory id", {"country"}),
    "valid_since": ("Valid since", "first year of the territory as named", {"country"}),
    "valid_until": ("Valid until", "last year of the territory as named", {"country"}),
    "documents": ("FRUS documents", "documents that mention the entity or are written by or to it", set(KINDS)),
    "description": ("Description", "the authority's description", set(KINDS)),
}

router = APIRouter()


def entity_id(iri: str) -> str:
    return iri[len(BASE):] if iri.startswith(BASE) else iri


def entity_iri(index: NameIndex, ident: str) -> str | None:
    entry = index.resolve(ident)
    return entry.iri if entry else None


def _root(request: Request) -> str:
    return str(request.base_url).rstrip("/") + "/reconcile"


def manifest(root: str) -> dict:
    """`view` opens an entity's page (`/people/102617`: ids are paths under the identifier space, and the server reads
    the `%2F` a client's URI-component encoding makes of the slash); `preview` is the small card for an iframe."""
    types = [{"id": k, "name": v} for k, v in TYPES.items()]
    return {
        "versions": ["0.2"],
        "name": "frus-kg: Foreign Relations of the United States",
        "identifierSpace": BASE,
        "schemaSpace": SCHEMA,
        "serviceVersion": "0.1.0",
        "defaultTypes": types,
        "batchSize": BATCH_SIZE,
        "view": {"url": root.removesuffix("/reconcile") + "/{{id}}"},
        "preview": {"url": root + "/preview?id={{id}}", "width": 400, "height": 240},
        "suggest": {k: {"service_url": root, "service_path": f"/suggest/{k}"} for k in ("entity", "type", "property")},
        "extend": {"propose_properties": {"service_url": root, "service_path": "/properties"}},
    }


def _error(status: int, message: str) -> JSONResponse:
    """The spec leaves error bodies open (0.2 §"Error Handling and Rate-limiting"): the API's problem details."""
    return problem(status, message)


async def _params(request: Request) -> dict:
    """`queries` and `extend` as sent: JSON text from a parameter or form field, or already read from a JSON body.

    The body is read within the server's body limit (BodyTooLarge past it) before anything parses it. A body that
    yields neither (JSON sent as a form, `curl -d '{"q0": …}'`) is a ValueError: it was answered with the manifest."""
    params: dict = dict(request.query_params)
    if request.method != "POST":
        return params
    limit = request.app.state.settings.max_body_bytes
    raw = await read_body(request, limit)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        body = json_input.loads(raw or b"{}", "the request body")
        if isinstance(body, dict) and ("queries" in body or "extend" in body):
            params.update({k: v for k, v in body.items() if k in ("queries", "extend")})
        else:
            params["queries"] = body
    else:
        async def replay() -> dict:
            return {"type": "http.request", "body": raw, "more_body": False}
        form = await Request(request.scope, replay).form(max_part_size=limit)
        params.update({k: v for k, v in form.items() if isinstance(v, str)})
        if raw.strip() and not {"queries", "extend"} & params.keys():
            raise ValueError(f"the request body: no field 'queries' or 'extend' in it, read as {ctype or 'a form'}; "
                             "send them as form fields (application/x-www-form-urlencoded) or JSON (application/json)")
    if {"queries", "extend"} <= params.keys():
        raise ValueError("queries: send a reconciliation batch or a data extension ('extend'), not both at once")
    return params


def _json(params: dict, field: str):
    value = params[field]
    return json_input.loads(value, field) if isinstance(value, str) else value


def _type_list(kind: str) -> list[dict]:
    return [{"id": kind, "name": TYPES[kind]}]


def _candidate_json(c, period, sample: list[tuple[str, str, str]]) -> dict:
    e = c.hit.entry
    at_date = [o.format() for o in c.offices_at_date]
    known = f"at the date: {'; '.join(at_date)}" if at_date else e.description[:160]
    parts = [x for x in (e.years, known) if x] + [f"{c.documents} FRUS document(s)"]
    if e.persons_lists:
        parts.append(f"in the persons lists of {e.persons_lists} FRUS volume{'s' if e.persons_lists != 1 else ''}")
    return {
        "id": entity_id(e.iri), "name": e.label, "description": " · ".join(parts),
        "score": c.score, "match": c.match, "type": _type_list(e.kind),
        "features": [{"id": k, "value": v} for k, v in c.features.items()],
        "evidence": {"offices_at_date": [asdict(o) for o in c.offices_at_date],
                     "documents": c.documents, "period": list(period) if period else None,
                     "sample_documents": [{"id": d, "name": n, "date": t} for d, n, t in sample]},
    }


def _query(key: str, q) -> Query:
    """One query of the batch; what is wrong with it is named by its path in the batch (`queries.q0.limit: …`)."""
    try:
        return Query.from_json(q)
    except QueryFieldError as exc:
        raise ValueError(f"queries.{key}{'.' + exc.field if exc.field else ''}: {exc}") from None


def _reconcile_batch(store: Store, batch) -> dict:
    if not isinstance(batch, dict):
        raise ValueError("queries: a JSON object of queries keyed by id")
    if len(batch) > BATCH_SIZE:
        raise OverflowError(f"{len(batch)} queries in one batch; at most {BATCH_SIZE}")
    index = name_index(store)
    queries = {key: _query(key, q) for key, q in batch.items()}
    out = {}
    for key, q in queries.items():
        candidates = reconcile(store, index, q)
        samples = [evidence.sample_documents(store, c.hit.entry.iri, 3, q.period) if rank < 3 else []
                   for rank, c in enumerate(candidates)]
        out[key] = {"result": [_candidate_json(c, q.period, s) for c, s in zip(candidates, samples)]}
    return out


def _extend_columns(query) -> list[str]:
    """The property ids a data extension query asks for, each once, read by the spec's schema: `ids` strings and
    `properties` objects with a string `id`. `["birth_year"]` was read as no column at all, and a 200 with none."""
    if not isinstance(query, dict) or not isinstance(query.get("ids"), list) or not isinstance(query.get("properties"), list):
        raise ValueError("extend: a data extension query is {\"ids\": [...], \"properties\": [{\"id\": ...}]}")
    if odd := [i for i in query["ids"] if not isinstance(i, str)]:
        raise ValueError(f"extend.ids: each an entity id as a string, not {json.dumps(odd[0])[:60]}")
    if odd := [p for p in query["properties"] if not isinstance(p, dict) or not isinstance(p.get("id"), str)]:
        raise ValueError(f"extend.properties: each member is an object with a string 'id', not {json.dumps(odd[0])[:60]}")
    pids = list(dict.fromkeys(p["id"] for p in query["properties"]))
    if unknown := [p for p in pids if _column(p) not in EXTEND_PROPERTIES]:
        raise ValueError(f"extend.properties: unknown {unknown}; use {sorted(EXTEND_PROPERTIES)}")
    return pids


def _column(pid: str) -> str:
    """`office`, the query property the suggest lists first, asked as a column: the `offices` column."""
    return "offices" if pid == "office" else pid


def _extend(store: Store, query) -> dict:
    pids = _extend_columns(query)
    columns = {_column(p) for p in pids}
    index = name_index(store)
    iris = {str(i): entity_iri(index, str(i)) for i in query["ids"]}
    known = [i for i in iris.values() if i]
    entries = {i: index.get(i) for i in known}
    remarks = {i: e.description for i, e in entries.items() if e.kind == "person" and e.description}
    held = evidence.offices(store, known, remarks) if "offices" in columns else {}
    years = evidence.life_years(store, known) if {"birth_year", "death_year"} & columns else {}
    ids = evidence.identifiers(store, known)
    counts = evidence.document_counts(store, known) if "documents" in columns else {}
    rows = {}
    for asked, iri in iris.items():
        row = {p: [] for p in pids}
        if iri:
            i, e = ids[iri], entries[iri]
            values = {
                "offices": [{"str": o.labelled()} for o in held.get(iri, [])],
                "birth_year": [{"int": y} for y in years.get(iri, (None, None))[:1] if y],
                "death_year": [{"int": y} for y in years.get(iri, (None, None))[1:] if y],
                "hsg_people_id": [{"str": i.hsg_people_id}] if i.hsg_people_id else [],
                "pocom": [{"str": i.pocom}] if i.pocom else [],
                "viaf": [{"str": v} for v in i.viaf],
                "wikidata": [{"str": q} for q in i.wikidata],
                "gsh_id": [{"str": i.gsh_id}] if i.gsh_id else [],
                "valid_since": [{"int": i.valid_since}] if i.valid_since else [],
                "valid_until": [{"int": i.valid_until}] if i.valid_until else [],
                "documents": [{"int": counts.get(iri, 0)}],
                "description": [{"str": e.description}] if e.description else [],
            }
            row = {p: values[_column(p)] for p in pids}
        rows[asked] = row
    return {"meta": [{"id": p, "name": EXTEND_PROPERTIES[_column(p)][0]} for p in pids], "rows": rows}


_RECONCILE_DOC = {"summary": "W3C Reconciliation Service API 0.2",
                  "description": "Without parameters: the service manifest. `queries`: a reconciliation batch. "
                                 "`extend`: a data extension query."}


@router.get("/reconcile", **_RECONCILE_DOC, openapi_extra=RECONCILE_GET)     # a route per method: each its inputs
@router.post("/reconcile", **_RECONCILE_DOC, openapi_extra=RECONCILE_POST)
async def reconcile_endpoint(request: Request) -> Response:
    store: Store = request.app.state.store
    try:
        params = await _params(request)
    except BodyTooLarge:
        return _error(413, f"the request body is larger than {request.app.state.settings.max_body_bytes:,} bytes")
    except UnicodeDecodeError as exc:
        return _error(400, f"cannot read the request body: {exc}")
    except ValueError as exc:
        return _error(400, str(exc))
    if "queries" not in params and "extend" not in params:
        # clients read the manifest first: build the name index meanwhile, so the first batch does not wait for it
        threading.Thread(target=name_index, args=(store,), daemon=True, name="name-index").start()
        return JSONResponse(manifest(_root(request)))
    try:
        if "queries" in params:
            batch = _json(params, "queries")
            return JSONResponse(await run_in_threadpool(_reconcile_batch, store, batch))
        return JSONResponse(await run_in_threadpool(_extend, store, _json(params, "extend")))
    except OverflowError as exc:
        return _error(413, str(exc))
    except (ValueError, TypeError, AttributeError) as exc:
        return _error(400, str(exc))
    except QueryError as exc:
        return _error(500, str(exc))


def _caption(e: Entry) -> str:
    """What a suggestion or a preview shows under the name: a country's years as named, then the description."""
    return " · ".join(x for x in (e.years, e.description) if x)


def _bad_cursor(cursor: int) -> JSONResponse | None:
    """A cursor counts results to skip: a negative one would slice from the end of the list."""
    return _error(400, f"cursor: a whole number of at least 0, not {cursor}") if cursor < 0 else None


@router.get("/reconcile/suggest/entity", summary="Reconciliation suggest: entities by name prefix")
async def suggest_entity(request: Request, prefix: str = "", cursor: int = 0, type: str | None = None) -> Response:
    if bad := _bad_cursor(cursor):
        return bad
    index = await run_in_threadpool(name_index, request.app.state.store)
    kind = type_key(type or "")
    found = _suggested(index, prefix, {kind} if kind in TYPES else None, cursor)
    return JSONResponse({"result": [{"id": entity_id(e.iri), "name": e.label, "description": _caption(e)[:200],
                                     "notable": _type_list(e.kind)} for e in found]})


def _suggested(index: NameIndex, prefix: str, kinds: set[str] | None, cursor: int, page: int = 10) -> list[Entry]:
    """A page of one list: the entity whose id was typed, then the name index's prefix matches (most mentioned
    first). The id's entity once, on the first page: each page had it again and lost the last match of the one
    before."""
    exact = entity_iri(index, prefix) if prefix else None
    found = [index.get(exact)] if exact else []
    found += [e for e in index.prefix(prefix, kinds, limit=cursor + page) if e.iri != exact]
    return found[cursor:cursor + page]


@router.get("/reconcile/suggest/type", summary="Reconciliation suggest: types")
def suggest_type(prefix: str = "", cursor: int = 0) -> Response:
    if bad := _bad_cursor(cursor):
        return bad
    p = prefix.lower()
    return JSONResponse({"result": [{"id": k, "name": v} for k, v in TYPES.items()
                                    if k.startswith(p) or v.lower().startswith(p)][cursor:]})


@router.get("/reconcile/suggest/property", summary="Reconciliation suggest: properties (query evidence and columns)")
def suggest_property(prefix: str = "", cursor: int = 0) -> Response:
    if bad := _bad_cursor(cursor):
        return bad
    p = prefix.lower()
    found = [{"id": k, "name": k.replace("_", " "), "description": d} for k, d in PROPERTIES.items()]
    found += [{"id": k, "name": n, "description": d} for k, (n, d, _) in EXTEND_PROPERTIES.items()]
    return JSONResponse({"result": [f for f in found if f["id"].startswith(p) or f["name"].lower().startswith(p)][cursor:]})


@router.get("/reconcile/properties", summary="Reconciliation data extension: properties proposed for a type")
def propose_properties(type: str, limit: int | None = None) -> Response:
    """The columns for entities of `type`; for a type the service has none of, every column: OpenRefine asks with
    `type=` for a column reconciled against no particular type, and 3.5 with the schema space."""
    if limit is not None and limit < 0:
        return _error(400, f"limit: a whole number of at least 0, not {limit}")
    kind = type_key(type)
    props = [{"id": k, "name": n, "description": d} for k, (n, d, kinds) in EXTEND_PROPERTIES.items()
             if kind in kinds or kind not in TYPES]
    body: dict = {"type": type, "properties": props if limit is None else props[:limit]}
    if limit is not None:
        body["limit"] = limit
    return JSONResponse(body)


def _preview(store: Store, ident: str) -> str | None:
    index = name_index(store)
    iri = entity_iri(index, ident)
    if iri is None:
        return None
    e = index.get(iri)
    remarks = {iri: e.description} if e.kind == "person" and e.description else {}
    held = evidence.offices(store, [iri], remarks)[iri]
    count = evidence.document_counts(store, [iri])[iri]
    docs = evidence.sample_documents(store, iri, 3)
    esc = html.escape
    offices = "".join(f"<li>{esc(o.labelled())}</li>" for o in held[:8])
    more = f"<li>… {len(held) - 8} more</li>" if len(held) > 8 else ""
    links = "".join(f'<li><a href="{esc(_hsg_url(d))}" target="_blank">{esc(n or d)}</a> {esc(t)}</li>'
                    for d, n, t in docs)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{esc(e.label)}</title>
<style>body{{font:13px/1.4 system-ui,sans-serif;margin:.5rem}}h1{{font-size:15px;margin:0}}ul{{margin:.2rem 0;padding-left:1.1rem}}
p{{margin:.2rem 0}}.k{{color:#666}}</style></head><body>
<h1>{esc(e.label)}</h1><p class="k">{esc(TYPES[e.kind])} · <code>{esc(entity_id(iri))}</code></p>
<p>{esc(_caption(e)[:240])}</p>
{f'<p>Offices:</p><ul>{offices}{more}</ul>' if offices else ''}
<p>{count} FRUS document(s){':' if links else ''}</p>{f'<ul>{links}</ul>' if links else ''}
</body></html>"""


def _hsg_url(document_iri: str) -> str:
    return HSG + document_iri[len(BASE):] if document_iri.startswith(BASE) else document_iri


@router.get("/reconcile/preview", response_class=HTMLResponse, summary="Reconciliation preview: a small HTML card")
async def preview(request: Request, id: str) -> Response:
    page = await run_in_threadpool(_preview, request.app.state.store, id)
    if page is None:
        message = f"No entity {id} in this store." if id.strip() else "No entity: the id is empty."
        missing = render_html(request, "not_found.html", {"message": message}, status_code=404)
        missing.headers["Content-Security-Policy"] = PREVIEW_NOT_FOUND_POLICY
        return missing
    return HTMLResponse(page, headers={"Content-Security-Policy": PREVIEW_POLICY})

