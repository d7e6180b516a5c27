"""REST routes: read and check the parameters, call a data function, answer JSON-LD or JSON.

Every parameter is declared as a string and checked in `params`, so a bad value is a 400 with a
message naming it (the status FastAPI's validation answers too: api/errors.py), and a path naming nothing is a 404. A browser asking for the same
paths gets the pages of api/page_routes.py, whose routes match only a client preferring HTML.
"""
from __future__ import annotations

from typing import Callable

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from ..jsonld import CONTEXT_PATH, context
from . import params as p
from .claims import CLAIM_TYPES, claim_filter, claim_list
from .co_mentions import co_mention_list, co_mention_path, known_entity
from .document_packs import packed_json
from .documents import SORTS, DocumentFilter, document_detail, document_list
from .entities import ENTITY_SORTS, EntityFilter, entity_detail, entity_list
from .known_values import require_known
from .links import KINDS, local_name
from .paging import Page, decode_cursor
from .list_end import offset_list_end
from .respond import json_answer, not_found, packed_answer, past_the_end_problem
from .volume_ingest import incomplete_ingest

__all__ = ["router"]

router = APIRouter(tags=["resources"], responses={
    400: {"description": "a parameter cannot be used (`detail` says which and why)"},
    404: {"description": "no such resource"}, 406: {"description": "neither JSON-LD nor JSON is acceptable"}})

_LIMIT = Query(None, description=f"page size, {p.DEFAULT_LIMIT} by default, at most {p.MAX_LIMIT}")
_CURSOR = Query(None, description="the `next` link's cursor (opaque)")
_FROM = Query(None, alias="from", description="from this date on: YYYY, YYYY-MM or YYYY-MM-DD")
_TO = Query(None, alias="to", description="up to and including this date: YYYY, YYYY-MM or YYYY-MM-DD")


def _checked(build: Callable[[], object]):
    try:
        return build()
    except p.BadParameter as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from None


def _given(**values) -> dict:
    """The REST parameters as given (lists kept), for cursors and next links."""
    return {k: v for k, v in values.items() if v not in (None, [], "")}


def _page(limit: str | None, cursor: str | None, given: dict) -> Page:
    return Page(offset=decode_cursor(cursor, given), limit=p.page_limit(limit))


def _collection(request: Request, listing: dict, page: Page, given: dict, what: str | None = None) -> Response:
    """The list's page, or a 404 for a cursor past its end (a list empty at its first page is a 200)."""
    if not listing["items"] and page.offset:
        what = what or f"these {request.url.path.strip('/')}"
        return past_the_end_problem(request, offset_list_end(what, request.url.path, given, page, listing["total"],
                                                             page.limit), "cursor")
    return json_answer(request, {"id": str(request.url), "type": "Collection", **listing})


@router.get(CONTEXT_PATH, summary="The JSON-LD context of the REST resources")
def jsonld_context() -> Response:
    return JSONResponse({"@context": context()}, media_type="application/ld+json")


@router.get("/documents", summary="Documents, filtered and paged")
def documents(request: Request, volume: str | None = Query(None, description="volume id, e.g. frus1981-88v41"),
              date_from: str | None = _FROM, date_to: str | None = _TO,
              genre: str | None = Query(None, description="e.g. Memorandum, Telegram (any case)"),
              author: list[str] = Query([], description="author's IRI or path (people/102617); repeatable"),
              recipient: list[str] = Query([], description="recipient's IRI or path; repeatable"),
              mentions: list[str] = Query([], description="a mentioned entity's IRI or path; repeatable (all must be mentioned)"),
              text: str | None = Query(None, description="words the text contains (a plain substring test; use /search for ranked full text)"),
              sort: str | None = Query(None, description="`date` (default; undated last) or `number` (volume, then document number)"),
              limit: str | None = _LIMIT, cursor: str | None = _CURSOR) -> Response:
    given = _given(volume=volume, **{"from": date_from, "to": date_to}, genre=genre, author=author,
                   recipient=recipient, mentions=mentions, text=text, sort=sort)

    def build():
        if sort not in (None, *SORTS):
            raise p.BadParameter(f"sort: one of {', '.join(SORTS)}")
        if len(author) + len(recipient) + len(mentions) > 10:
            raise p.BadParameter("author, recipient, mentions: at most 10 entities in all")
        lower, upper = p.date_bounds(date_from, date_to)
        filt = DocumentFilter(
            volume=p.volume_ref(volume) if volume else None, date_from=lower, date_to=upper,
            genre=p.text("genre", genre) if genre else None,
            # an empty value is no filter, as for /claims' about and claimant (it was read as the base IRI: 0 found)
            authors=[p.entity_ref("author", a) for a in author if a.strip()],
            recipients=[p.entity_ref("recipient", r) for r in recipient if r.strip()],
            mentions=[p.entity_ref("mentions", m) for m in mentions if m.strip()],
            text=p.text("text", text) if text else None, sort=sort or "date", params=given)
        require_known(request.app.state.store, filt)
        return filt, _page(limit, cursor, given)

    filt, page = _checked(build)
    store = request.app.state.store
    listing = document_list(store, filt, page)
    if filt.volume:     # the volume's documents: say when its last ingest left some out (a file cut short)
        listing["incompleteIngest"] = incomplete_ingest(store, filt.volume)
    return _collection(request, listing, page, given)


@router.get("/documents/{volume}/{doc}", summary="One document: metadata, text, notes, pages, mentions, claims")
def document(request: Request, volume: str, doc: str) -> Response:
    try:
        ids = p.identifier("volume", volume), p.identifier("doc", doc)
    except p.BadParameter:
        raise not_found("document") from None
    packed = packed_answer(request, lambda context: packed_json(request.app.state.store, *ids, context))
    if packed is not None:         # the document's pack, written as json_answer writes it
        return packed
    found = document_detail(request.app.state.store, *ids)
    if found is None:
        raise not_found("document")
    return json_answer(request, found)


@router.get("/claims", summary="Claims, filtered and paged")
def claims(request: Request,
           about: list[str] = Query([], description="IRI or path of what the claim is about (countries/el-salvador); repeatable (it is about all of them)"),
           claimant: str | None = Query(None, description="IRI or path of who made the claim"),
           type: str | None = Query(None, description=f"one of {', '.join(CLAIM_TYPES)} (any case)"),
           date_from: str | None = _FROM, date_to: str | None = _TO,
           volume: str | None = Query(None, description="volume id"),
           limit: str | None = _LIMIT, cursor: str | None = _CURSOR) -> Response:
    about = [a for a in about if a.strip()]
    given = _given(about=about[0] if len(about) == 1 else about, claimant=claimant, type=type,
                   **{"from": date_from, "to": date_to}, volume=volume)
    def build():
        filt = claim_filter(given)
        require_known(request.app.state.store, filt)
        return filt, _page(limit, cursor, given)

    filt, page = _checked(build)
    return _collection(request, claim_list(request.app.state.store, filt, page), page, given)


def _lister(kind: str):
    def entities(request: Request, name: str | None = Query(None, description="the start of any word of the name or a variant (any case): patrick finds William Patrick Clark"),
                 office: str | None = Query(None, description="people only: a position id (deputy-secretary) or an office's name"),
                 date: str | None = Query(None, description="people: in an office then; countries: existing then (YYYY, YYYY-MM or YYYY-MM-DD)"),
                 sort: str | None = Query(None, description="`name` (default; people by family name) or `documents` (most mentioned first)"),
                 limit: str | None = _LIMIT, cursor: str | None = _CURSOR) -> Response:
        given = _given(name=name, office=office, date=date, sort=sort)

        def build():
            if sort not in (None, *ENTITY_SORTS):
                raise p.BadParameter(f"sort: one of {', '.join(ENTITY_SORTS)}")
            lower, upper = p.date_bounds(date, date, ("date", "date"))
            filt = EntityFilter(name=p.text("name", name) if name else None,
                                office=p.text("office", office) if office else None,
                                date_from=lower, date_to=upper, sort=sort or "name", params=given)
            return filt, _page(limit, cursor, given)

        filt, page = _checked(build)
        return _collection(request, entity_list(request.app.state.store, kind, filt, page), page, given)
    return entities


def _detail(kind: str):
    def entity(request: Request, entity_id: str) -> Response:
        try:
            found = entity_detail(request.app.state.store, kind, p.identifier("id", entity_id))
        except p.BadParameter:
            found = None
        if found is None:
            raise not_found(local_name(KINDS[kind]).lower())
        return json_answer(request, found)
    return entity


def _co_mentioned(kind: str):
    def co_mentioned(request: Request, entity_id: str, limit: str | None = _LIMIT, cursor: str | None = _CURSOR) -> Response:
        try:
            iri = known_entity(request.app.state.store, kind, p.identifier("id", entity_id))
        except p.BadParameter:
            iri = None
        if iri is None:
            raise not_found(local_name(KINDS[kind]).lower())
        page = _checked(lambda: _page(limit, cursor, {}))
        listing = co_mention_list(request.app.state.store, iri, co_mention_path(kind, entity_id), page)
        return _collection(request, listing, page, {}, f"the entities mentioned with {kind}/{entity_id}")
    return co_mentioned


for _kind in KINDS:
    router.add_api_route(f"/{_kind}", _lister(_kind), methods=["GET"], summary=f"{_kind.title()} that documents mention, with document counts")
    router.add_api_route(f"/{_kind}/{{entity_id}}", _detail(_kind), methods=["GET"],
                         summary=f"One of the {_kind}: names, authority links, offices, documents, claims, co-mentions")
    router.add_api_route(f"/{_kind}/{{entity_id}}/co-mentioned", _co_mentioned(_kind), methods=["GET"],
                         summary=f"Who documents mention together with one of the {_kind}: all of them, most shared "
                                 "documents first (ties by IRI), paged")
