"""The page of everyone documents mention together with an entity: the whole list an entity page's first 20 come
from, in the same order and paged with the same cursors as its JSON at the same address
(api/resources/co_mentions.py)."""
from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from .page_lists import Asked, pager
from .pages import past_the_end, render_html
from .resources import params as p
from .resources.co_mentions import co_mention_list, co_mention_path, known_entity
from .resources.links import labels
from .resources.list_end import offset_list_end
from .resources.paging import Page, decode_cursor

__all__ = ["co_mention_page"]


def co_mention_page(request: Request, kind: str, entity_id: str) -> HTMLResponse | None:
    """A page of the list, None when there is no such entity; a cursor past its end is the 404 of every list."""
    store = request.app.state.store
    try:
        iri = known_entity(store, kind, p.identifier("id", entity_id))
    except p.BadParameter:
        iri = None
    if iri is None:
        return None
    path = co_mention_path(kind, entity_id)
    asked = Asked({}, request.query_params.get("limit") or None, request.query_params.get("cursor") or None)
    name = labels(store, [iri]).get(iri) or entity_id
    context = {"entity": {"id": iri, "name": name, "href": f"/{kind}/{entity_id}"}, "path": path, "error": None}
    try:
        page = Page(offset=decode_cursor(asked.cursor, asked.given), limit=p.page_limit(asked.limit))
    except p.BadParameter as exc:
        return render_html(request, "co_mentioned.html", {**context, "error": str(exc)}, status_code=400)
    found = co_mention_list(store, iri, path, page)
    if not found["items"] and page.offset:
        limit = page.limit if asked.limit else None
        return past_the_end(request, offset_list_end(f"the entities mentioned with {name}", path, {}, page,
                                                     found["total"], limit))
    return render_html(request, "co_mentioned.html", {**context, "total": found["total"], "rows": found["items"],
                                                      "pager": pager(path, asked, page, found)})
