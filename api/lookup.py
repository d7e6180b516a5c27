"""`/lookup`: the entities an identifier names, outside OpenRefine: a Wikidata QID, a VIAF id, a history.state.gov id,
another dataset's IRI, or one of ours, answered with our IRIs and the resources that describe them."""
from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from graph import Store
from graph.name_index import name_index
from ontology.namespaces import BASE

from . import entity_ids
from .errors import error_answer

__all__ = ["router"]

router = APIRouter()


def _found(store: Store, ident: str, scheme: str | None) -> list[dict]:
    index = name_index(store)
    return [{"@id": h.entry.iri, "id": h.entry.iri.removeprefix(BASE), "type": h.entry.kind, "name": h.entry.label,
             "scheme": h.scheme, "value": h.value, "href": "/" + h.entry.iri.removeprefix(BASE)}
            for h in entity_ids.holders(store, index, ident, (scheme,) if scheme else None)]


@router.get("/lookup", summary="Entities by identifier: a Wikidata QID, VIAF id, history.state.gov id or IRI")
async def lookup(request: Request,
                 id: str = Query(..., description="Q37, 45737745, clark-william-patrick, 102617, people/102617, or a "
                                                  "URL of one of them (https://viaf.org/viaf/45737745/)"),
                 scheme: str | None = Query(None, description="read `id` as this scheme's only: "
                                                              + ", ".join(entity_ids.ID_PROPERTIES))) -> Response:
    if scheme is not None and scheme not in entity_ids.ID_PROPERTIES:
        return error_answer(request, 400, f"scheme: one of {', '.join(entity_ids.ID_PROPERTIES)}, not {scheme[:60]!r}")
    if not id.strip():
        return error_answer(request, 400, "id: an identifier, not an empty text")
    found = await run_in_threadpool(_found, request.app.state.store, id.strip(), scheme)
    if not found:
        return error_answer(request, 404, f"id: no person, country or organization in this store has the identifier "
                                          f"{id.strip()[:200]!r}" + (f" as a {scheme} id" if scheme else ""))
    return JSONResponse({"id": id.strip(), "found": found})
