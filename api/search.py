"""`/search?q=`: ranked full text over documents, claims and names, from the index beside the store.

`search()` is the whole answer as a dict, for the JSON route here and for the HTML results page.
Hits carry a plain-text snippet with the offsets of the matched words in it (and the same as HTML
with `<mark>`), and for documents and claims the offsets into the document's `schema:text`, so a
page can link to the passage. Pages follow a keyset cursor (score, entry) tied to the query, which
stays right while an ingest adds entries behind the page being read.
"""
from __future__ import annotations

import base64
import binascii
import json
from typing import Sequence

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from graph import SearchIndex, SearchIndexMissing, SearchQueryError, parse_query, search_index_path
from graph.search_index import KINDS, Hit

from . import json_input
from .kind_names import kinds_named, singular
from .page_queries import passage_documents
from .pages import past_the_end, wants_html
from .passages import passage_html
from .resources import params as p
from .resources.known_values import require_known_iris
from .resources.links import href, list_href
from .resources.paging import fingerprint
from .resources.list_end import keyset_list_end
from .resources.respond import json_answer, past_the_end_problem

__all__ = ["router", "search", "index_for"]

router = APIRouter(tags=["search"])

_TYPES = {"document": "Document", "claim": "Claim", "person": "Person", "country": "Country",
          "organization": "Organization", "volume": "Volume"}


def _encode_cursor(hit: Hit, given: dict) -> str:
    raw = json.dumps({"s": hit.score, "i": hit.id, "f": fingerprint(given)}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str, given: dict) -> tuple[float, int]:
    try:
        data = json_input.loads(base64.urlsafe_b64decode(cursor.encode("ascii") + b"=" * (-len(cursor) % 4)), "cursor")
        score, entry, mark = data["s"], data["i"], data["f"]
    except (ValueError, UnicodeError, binascii.Error, KeyError, TypeError):
        raise p.BadParameter("cursor: not a cursor this API made") from None
    if not isinstance(score, (int, float)) or isinstance(score, bool) or not isinstance(entry, int) \
            or isinstance(entry, bool) or abs(score) > 1e12 or not 0 <= entry < 2**63:
        raise p.BadParameter("cursor: not a cursor this API made")
    if mark != fingerprint(given):
        raise p.BadParameter("cursor: it belongs to another search")
    return float(score), entry


def _snippet_html(hit: Hit, texts: dict[str, str]) -> str:
    """The snippet as the document page shows its words: `<mark>`s, and `*…*` pairs in italics, those its cut edges
    leave open too when the document's text is at hand (`texts`: `passage_documents`)."""
    if hit.passage and hit.document in texts:
        return passage_html(hit.snippet, hit.passage[0], hit.matches, texts[hit.document])
    return passage_html(hit.snippet, 0, hit.highlights)


def _item(hit: Hit, texts: dict[str, str]) -> dict:
    item = {"id": hit.iri, "type": _TYPES[hit.kind], "kind": hit.kind, "name": hit.title or None,
            "href": href(hit.iri), "relevance": round(-hit.score, 6), "snippet": hit.snippet,
            "highlights": [list(s) for s in hit.highlights], "snippetHtml": _snippet_html(hit, texts)}
    if hit.document and hit.document != hit.iri:
        item["document"] = hit.document
    if hit.volume:
        item["volumeId"] = hit.volume
    if hit.date:
        item["date"] = hit.date
    if hit.passage:
        item["passage"] = {"start": hit.passage[0], "end": hit.passage[1]}
        item["matches"] = [list(m) for m in hit.matches]
    return item


def _kinds(kind: str | Sequence[str] | None) -> list[str]:
    wanted = [singular(k) for k in ([kind] if isinstance(kind, str) else list(kind or []))]
    for k in wanted:
        if k not in KINDS:
            raise p.BadParameter(f"kind: one of {kinds_named(KINDS)}")
    return list(dict.fromkeys(wanted))


def search(index: SearchIndex, q: str | None, kind: str | Sequence[str] | None = None, volume: str | None = None,
           date_from: str | None = None, date_to: str | None = None, cursor: str | None = None,
           limit: int | str | None = 20, store=None) -> dict:
    """One page of hits: {query, total, totals (per kind, before the kind filter), limit, items, next}.

    With the `store`, a snippet holding an asterisk reads its document's text, to show the `*…*` pairs its cut
    edges leave open as the document page does (api/passages.py).

    Raises `BadParameter` (a 400) for words or filters that cannot be searched, `SearchIndexMissing`
    when the store has no index yet. `date_from`/`date_to` are inclusive YYYY, YYYY-MM or YYYY-MM-DD.
    """
    kinds = _kinds(kind)
    given = {k: v for k, v in {"q": q, "kind": kinds, "volume": volume, "from": date_from, "to": date_to}.items()
             if v not in (None, [], "")}
    size = p.page_limit(None if limit is None else str(limit))
    lower, upper = p.date_bounds(date_from, date_to)
    try:
        parsed = parse_query(q or "")
    except SearchQueryError as exc:
        raise p.BadParameter(f"q: {exc}") from None
    after = _decode_cursor(cursor, given) if cursor else None
    if volume and store is not None:
        require_known_iris(store, [("volume", p.volume_ref(volume))])
    try:
        hits, totals = index.search(parsed, kinds=kinds, volume=p.identifier("volume", volume) if volume else None,
                                    date_from=lower, date_before=upper, after=after, limit=size + 1)
    except SearchQueryError as exc:
        raise p.BadParameter(f"q: {exc}") from None
    more = len(hits) > size
    hits = hits[:size]
    texts = passage_documents(store, [(h.document, h.snippet) for h in hits if h.passage]) if store is not None else {}
    return {
        "query": q, "total": sum(n for k, n in totals.items() if not kinds or k in kinds),
        "totals": {k: totals.get(k, 0) for k in KINDS}, "limit": size, "items": [_item(h, texts) for h in hits],
        "next": list_href("/search", given, cursor=_encode_cursor(hits[-1], given), limit=size) if more else None,
    }


def index_for(request: Request) -> SearchIndex:
    """The read-only index beside the served store, opened on first use (an ingest may create it later)."""
    index = getattr(request.app.state, "search_index", None)
    if index is None:
        folder = request.app.state.store.path
        if folder is None or not search_index_path(folder).exists():
            raise SearchIndexMissing("this store has no search index yet; run `frus-kg index`")
        index = request.app.state.search_index = SearchIndex.for_store(folder, read_only=True)
    return index


@router.get("/search", summary="Ranked full-text search over documents, claims and names (HTML for browsers)")
def search_route(
        request: Request,
        q: str | None = Query(None, description='words (all must match), "a phrase", this OR that, -excluded, prefix*'),
        kind: list[str] = Query([], description=f"only these kinds (repeatable): {kinds_named(KINDS)}"),
        volume: str | None = Query(None, description="volume id, e.g. frus1981-88v41"),
        date_from: str | None = Query(None, alias="from", description="documents and claims from this date: YYYY, YYYY-MM or YYYY-MM-DD"),
        date_to: str | None = Query(None, alias="to", description="up to and including this date"),
        cursor: str | None = Query(None, description="the `next` link's cursor (opaque)"),
        limit: str | None = Query(None, description=f"page size, {p.DEFAULT_LIMIT} by default, at most {p.MAX_LIMIT}"),
) -> Response:
    page = wants_html(request)
    if page and not (q or "").strip():
        from .page_views import search_page        # the pages build on this route's answer
        return search_page(request, None)
    try:
        found = search(index_for(request), q, kind, volume, date_from, date_to, cursor, limit, request.app.state.store)
    except (p.BadParameter, SearchIndexMissing) as exc:
        status = 400 if isinstance(exc, p.BadParameter) else 503
        if page:
            from .page_views import search_page
            return search_page(request, None, str(exc), status)
        raise HTTPException(status_code=status, detail=str(exc)) from None
    if not found["items"] and cursor:       # a cursor past the last hit
        end = keyset_list_end("results for this search", "/search", request.query_params.multi_items(),
                              found["total"], found["limit"])
        return past_the_end(request, end) if page else past_the_end_problem(request, end, "cursor")
    if page:
        from .page_views import search_page
        return search_page(request, found)
    return json_answer(request, {"id": str(request.url), "type": "Collection", **found})
