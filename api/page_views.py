"""Pages of the REST resources: the data functions' dicts plus what a reader needs (marked-up text, timeline,
passages with the entity highlighted, paging, the SPARQL of each list), rendered with the templates.

The page routes (api/page_routes.py) call `document_page`, `entity_page` and `volume_page`, which read
their data through the REST data functions (a document through its page's own reads, api/page_documents.py)
and return None when the store has no such thing.
"""
from __future__ import annotations

from dataclasses import replace
from html import escape

from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.routing import NoMatchFound

from ontology.iris import document_url, volume_iri

from .document_sidebar import claims_html, entities_html
from .page_cache import BUDGET, PageCache
from .page_documents import document_view, packed_view
from .page_queries import (claims_sparql, documents_per_year, documents_sparql, download_links, entity_spans, party_count,
                           passage_documents, volume_lists)
from .pages import past_the_end, render_html
from .passages import Point, claim_anchor, claim_span, emphasis, mark_up, mention_spans, passage_html, without
from .resources.claims import ClaimFilter
from .resources.co_mentions import co_mention_path
from .resources.document_packs import packed_source
from .resources.documents import DocumentFilter, document_list
from .resources.entities import entity_detail
from .resources.list_end import ListEnd
from .resources.links import document_ids, href, labels
from .resources.paging import Page
from .resources.params import BadParameter, identifier
from .resources.volume_ingest import incomplete_ingest
from .timeline import timeline_svg

__all__ = ["document_page", "entity_page", "volume_page", "search_page", "PAGE_SIZE", "SHOWN", "SORTED"]

PAGE_SIZE = 20      # a volume's documents per page
SHOWN = 20          # items of each list of an entity page; the rest are a link away
SORTED = 200        # documents written or received that an entity page sorts by date itself
KIND_NAMES = {"people": "Person", "countries": "Country", "organizations": "Organization", "regions": "Region"}


def _notes_and_breaks(detail: dict, text: str) -> list[Point]:
    """Page breaks and note marks at their offsets. A page that starts a word after a space ("act [Page 169] as")
    gets a space after its marker too, where "[Page 169]as" ran into the word (the text's own space is before it;
    a break inside a word, "documents—unless", stays inside it)."""
    points = [Point(p["start"], f'<span class="pagebreak" id="page-{p["page"]}">[Page {p["page"]}]</span>'
                                + (" " if text[p["start"] - 1:p["start"]] == " " else ""))
              for p in detail["pages"] if p["start"]]
    points += [Point(n["anchor"], f'<sup class="fn" id="fnref-{n["noteNumber"]}"><a href="#fn-{n["noteNumber"]}" '
                                  f'aria-label="note {n["noteNumber"]}">{n["noteNumber"]}</a></sup>')
               for n in detail["footnotes"] if n["anchor"] is not None]
    return points


_CLOSING = "”’\"')»"


def _after_closing_marks(text: str, end: int) -> int:
    """Past the quotation marks that close a quotation (a claim's span ends inside them)."""
    while end < len(text) and text[end] in _CLOSING:
        end += 1
    return end


def _speakers(claims: list[dict], text: str) -> list[Point]:
    """After each quotation and its closing marks, who is quoted, linked to their page."""
    points = []
    for claim in claims:
        speakers = [p for p in claim["claimants"] if p.get("href")]
        if claim["claimType"] == "Quotation" and claim["end"] is not None and speakers:
            links = ", ".join(f'<a href="{escape(p["href"])}">{escape(p["name"] or p["id"])}</a>' for p in speakers)
            points.append(Point(_after_closing_marks(text, claim["end"]), f'<span class="quoted-by">(quoted: {links})</span>'))
    return points


def _hsg_page(url: str | None, page) -> str | None:
    return f"{url}#pg_{page}" if url and page is not None else None


def _page_cache(request: Request) -> PageCache:
    state = request.app.state
    if getattr(state, "document_pages", None) is None:
        settings = getattr(state, "settings", None)
        state.document_pages = PageCache(settings.page_cache_bytes if settings else BUDGET)
    return state.document_pages


def document_page(request: Request, volume: str, doc: str) -> HTMLResponse | None:
    """The page of a document; a packed document's page is kept and served again while its pack and names stay the
    same (api/page_cache.py). None: the store has no such document."""
    try:
        volume, doc = identifier("volume", volume), identifier("doc", doc)
    except BadParameter:
        return None
    store = request.app.state.store
    source = packed_source(store, volume, doc)
    if source is None:
        detail = document_view(store, volume, doc)
        return _document_html(request, detail) if detail is not None else None
    cache = _page_cache(request)
    html = cache.fresh(store, (volume, doc), source)
    if html is not None:
        return HTMLResponse(html, headers={"Vary": "Accept"})
    detail, iris, names = packed_view(store, source)
    response = _document_html(request, detail)
    cache.keep((volume, doc), source, iris, names, response.body)
    return response


def _document_html(request: Request, detail: dict) -> HTMLResponse:
    """The text with every mention and claim marked, footnotes at their anchors, page breaks, and the claims beside it;
    a plain-text copy's `*…*` in italics, its asterisks left out (api/passages.py)."""
    text = detail["text"] or ""
    notes = [n for n in detail["footnotes"] if n["start"] is not None]
    body_end = min((n["start"] for n in notes), default=len(text))
    marks, hidden = emphasis(text)
    spans = mention_spans(detail["mentions"]) + marks
    spans += [claim_span(c) for c in detail["claims"] if c["start"] is not None]
    body = mark_up(text[:body_end], [s for s in spans if s.end <= body_end],
                   _notes_and_breaks(detail, text) + _speakers(detail["claims"], text[:body_end]),
                   frozenset(h for h in hidden if h < body_end))
    footnotes = []
    after = [s for s in spans if s.start >= body_end]       # the notes follow the body
    for note in notes:
        start, end = note["start"], note["end"]
        shifted = [replace(s, start=s.start - start, end=s.end - start) for s in after if start <= s.start and s.end <= end]
        footnotes.append({**note, "html": mark_up(text[start:end], shifted,
                                                  hidden=frozenset(h - start for h in hidden if start <= h < end))})
    claims = [{**c, "text": without(c["text"], c["start"], hidden) if c["start"] is not None else c["text"],
               "anchor": claim_anchor(c["id"]), "hsg": _hsg_page(detail["url"], c["page"])} for c in detail["claims"]]
    return render_html(request, "document.html", {"doc": detail, "body": body, "footnotes": footnotes, "claims": claims,
                                                  "claim_items": claims_html(claims),
                                                  "entity_items": entities_html(detail["entities"])})


def _page_number(request: Request, name: str) -> int:
    value = request.query_params.get(name, "1")
    return max(1, int(value)) if value.isdigit() else 1


def _listing(request: Request, name: str, title: str, fetch, sparql: str) -> dict:
    """One paged list of a page: its items for ?<name>=N, links to the neighbouring pages, its SPARQL."""
    number = _page_number(request, name)
    found = fetch(Page(offset=(number - 1) * PAGE_SIZE, limit=PAGE_SIZE))
    last = max(1, -(-found["total"] // PAGE_SIZE))

    def link(n: int) -> str:
        params = dict(request.query_params)
        params[name] = str(n)
        return request.url.path + "?" + "&".join(f"{k}={v}" for k, v in params.items()) + f"#{name}"

    return {"name": name, "title": title, "rows": found["items"], "total": found["total"], "page": number,
            "pages": last, "previous": link(number - 1) if number > 1 else None,
            "next": link(number + 1) if number < last else None, "sparql": sparql,
            "downloads": download_links(sparql),
            "end": ListEnd(f"this volume's {title.lower()}", found["total"], last, number, link(1), link(last) if last > 1 else None)}


def _claim_views(spans: dict[str, list[tuple[int, int]]], claims: list[dict], texts: dict[str, str]) -> list[dict]:
    """Each claim with its passage (the entity marked at `spans`, its offsets per document; its italics as the
    document page shows them, from `texts`: `passage_documents`) and its links."""
    views = []
    for claim in claims:
        start, end = claim["start"], claim["end"]
        inside = [(s, e) for s, e in spans.get(claim["document"]["id"], [])
                  if start is not None and start <= s and e <= end]
        doc_href = claim["document"]["href"]
        ids = document_ids(claim["document"]["id"])
        url = document_url(*ids) if ids else None
        views.append({**claim, "passage": passage_html(claim["text"], start or 0, inside,
                                                       texts.get(claim["document"]["id"]) if start is not None else None),
                      "link": f"{doc_href}#{claim_anchor(claim['id'])}" if doc_href else None,
                      "hsg": _hsg_page(url, claim["page"])})
    return views


def _serves(request: Request, route_name: str) -> bool:
    """Whether the app has the named route (FastAPI nests included routers, so `app.routes` does not list their paths)."""
    try:
        request.app.url_path_for(route_name)
        return True
    except NoMatchFound:
        return False


def _bounded(name: str, title: str, rows: list[dict], total: int, more: str, sparql: str) -> dict:
    """One list of an entity page: its first SHOWN items by date and a link to all of them, paged, as a list page."""
    return {"name": name, "title": title, "rows": rows, "total": total, "more": more if total > len(rows) else None,
            "sparql": sparql, "downloads": download_links(sparql)}


def _document_lists(store, detail: dict, path: str) -> list[dict]:
    """Written, received (when there are any) and mentioning: the first SHOWN of each, with a link to the rest.

    Written and received have no month index: above SORTED documents they are counted, not sorted, and the
    section links to their list page (an archive's or a secretary's thousands would be sorted for 20 rows)."""
    iri = detail["id"]
    lists = []
    for name, role, title, filt in (("written", "author", "Documents written", DocumentFilter(authors=[iri])),
                                    ("received", "recipient", "Documents received", DocumentFilter(recipients=[iri]))):
        total = party_count(store, iri, role)
        if total:
            rows = document_list(store, filt, Page(limit=SHOWN), total=total)["items"] if total <= SORTED else []
            lists.append(_bounded(name, title, rows, total, f"/documents?{role}={path}", documents_sparql(filt.patterns())))
    mentioning = DocumentFilter(mentions=[iri])
    lists.append(_bounded("mentioning", "Documents mentioning", detail["documents"], detail["documentsTotal"],
                          f"/documents?mentions={path}", documents_sparql(mentioning.patterns())))
    return lists


def _claim_lists(store, detail: dict, path: str) -> list[dict]:
    iri = detail["id"]
    lists = []
    for name, key, param, title in (("by", "claimsBy", "claimant", "Claims made"), ("about", "claimsAbout", "about", "Claims about")):
        rows, total = detail[key], detail[key + "Total"]
        if total or name == "about":
            filt = ClaimFilter(claimant=iri) if name == "by" else ClaimFilter(about=iri)
            lists.append(_bounded(name, title, rows, total, f"/claims?{param}={path}", claims_sparql(filt.patterns())))
    rows = [c for listing in lists for c in listing["rows"]]
    spans = entity_spans(store, iri, [c["document"]["id"] for c in rows])
    texts = passage_documents(store, [(c["document"]["id"], c["text"]) for c in rows])
    for listing in lists:
        listing["rows"] = _claim_views(spans, listing["rows"], texts)
    return lists


def _elsewhere(detail: dict) -> list[dict]:
    """The entity's authority links, labelled; a link to another frus-kg record says which it is (a bare "frus-kg"
    left a reader to guess)."""
    duplicates = {d["id"] for d in detail["duplicates"]}
    canonical = (detail["foldedInto"] or {}).get("id")
    links = []
    for m in detail["exactMatch"]:
        tail = m["id"].rsplit("/", 1)[-1]
        label = (f"duplicate record {tail}" if m["id"] in duplicates else
                 f"canonical record {tail}" if m["id"] == canonical else m["authority"] or m["id"])
        links.append({"href": m["href"] or m["id"], "label": label})
    return links


def entity_page(request: Request, kind: str, entity_id: str) -> HTMLResponse | None:
    """A person, country, organization or region: who or what it is, when, where, and its claims in their passages.

    Every list shows its first SHOWN items and links to the list page of all of them (`/documents?mentions=…`,
    `/claims?about=…`), which is paged and filtered by year, volume and type; the timeline's bars open a
    year of it. So the page reads the same few rows for the Soviet Union as for Fenwick. None: no such entity.
    """
    store = request.app.state.store
    try:
        detail = entity_detail(store, kind, identifier("id", entity_id), documents=SHOWN, claims=SHOWN)
    except BadParameter:
        detail = None
    if detail is None:
        return None
    iri, path = detail["id"], f"{kind}/{entity_id}"
    years = documents_per_year(store, iri)
    label = f"Documents mentioning {detail['label'] or detail['name'] or entity_id} per year"
    link = f"/documents?mentions={path}&from={{year}}&to={{year}}"
    return render_html(request, "entity.html", {
        "entity": detail, "kind_name": KIND_NAMES.get(kind, "Entity"), "path": path, "elsewhere": _elsewhere(detail),
        "timeline": timeline_svg(years, label, link=link),
        "document_lists": _document_lists(store, detail, path), "claim_lists": _claim_lists(store, detail, path),
        "network": _serves(request, "network"), "co_mentioned_path": co_mention_path(kind, entity_id)})


def volume_page(request: Request, volume_id: str) -> HTMLResponse | None:
    """A volume's documents by date, with its persons and terms lists; None if the store has no such volume (an id
    that is no identifier, which no IRI could hold, names none)."""
    store = request.app.state.store
    try:
        iri = volume_iri(identifier("volume", volume_id))
    except BadParameter:
        return None
    filt = DocumentFilter(volume=iri)
    documents = _listing(request, "documents", "Documents", lambda page: document_list(store, filt, page),
                         documents_sparql(filt.patterns()))
    if not documents["total"]:
        return None
    if documents["page"] > documents["pages"]:
        return past_the_end(request, documents["end"])
    return render_html(request, "volume.html", {
        "volume_id": volume_id, "iri": iri, "title": labels(store, [iri]).get(iri, volume_id),
        "documents": documents, "incomplete": incomplete_ingest(store, iri), **volume_lists(store, iri)})


def _hit_view(item: dict) -> dict:
    """Claims open at their passage in the document page, named by their document; other hits at their own page."""
    if item["kind"] == "claim" and item.get("document"):
        ids = document_ids(item["document"])
        return {**item, "link": f"{href(item['document'])}#{claim_anchor(item['id'])}",
                "label": item.get("name") or (f"In {ids[0]}, document {ids[1].lstrip('d')}" if ids else item["id"])}
    return {**item, "link": item.get("href"), "label": item.get("name") or item["id"]}


def search_page(request: Request, found: dict | None, error: str | None = None, status_code: int = 200) -> HTMLResponse:
    """Ranked hits with their marked snippets, the filters (kind, volume, dates) as a form, and the next page.

    `found` is `api.search.search()`'s answer; `error` (with `found` None) says why there are no hits. A cursor past
    the last hit is the route's to answer (api/search.py), for the page and the JSON alike.
    """
    params = request.query_params
    hits = [_hit_view(item) for item in (found or {}).get("items", [])]
    return render_html(request, "search.html", {
        "q": params.get("q", ""), "found": found, "hits": hits, "error": error,
        "kinds": params.getlist("kind"), "volume": params.get("volume", ""),
        "date_from": params.get("from", ""), "date_to": params.get("to", ""), "limit": params.get("limit", "")},
        status_code=status_code)
