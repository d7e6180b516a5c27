"""Browsable lists for readers: `/documents`, `/claims`, `/people`, `/countries`, `/organizations`, `/regions`.

The same URL answers JSON-LD to scripts (api/resources/routes.py); a browser gets this page, with the same
parameters, the same data functions and the same cursors, so a page's `next` link is the JSON list's
`next` link. The filters are a plain GET form (volume, country, years, claim type, …), which works without
JavaScript; values the form does not show (an author, a person the claims are about) ride along hidden.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request
from fastapi.responses import HTMLResponse

from ontology.namespaces import BASE

from .page_queries import claims_sparql, documents_sparql, download_links, passage_documents
from .pages import past_the_end, render_html
from .passages import claim_anchor, passage_html
from .resources import params as p
from .resources.claims import CLAIM_TYPES, claim_filter, claim_list
from .resources.known_values import require_known
from .resources.documents import SORTS, DocumentFilter, document_list
from .resources.entities import ENTITY_SORTS, EntityFilter, entity_list
from .resources.links import KINDS, labels, list_href
from .resources.list_end import offset_list_end
from .resources.paging import Page, decode_cursor, encode_cursor
from .stats import dataset_stats

__all__ = ["LIST_TITLES", "Asked", "list_page", "pager"]

LIST_TITLES = {"documents": "Documents", "claims": "Claims", "people": "People", "countries": "Countries",
               "organizations": "Organizations", "regions": "Regions"}
_FORM_FIELDS = {"documents": ("volume", "mentions", "from", "to", "genre", "text", "sort"),
                "claims": ("volume", "about", "from", "to", "type"),
                "people": ("name", "office", "date", "sort"), "countries": ("name", "date", "sort"),
                "organizations": ("name", "date", "sort"), "regions": ("name", "date", "sort")}
_LISTS = ("author", "recipient", "mentions")     # repeatable parameters of /documents
_REPEATED = (*_LISTS, "about")                   # and of /claims


@dataclass
class Asked:
    """What the request asks: its non-blank parameters (lists for the repeatable ones) and its paging."""
    given: dict = field(default_factory=dict)
    limit: str | None = None
    cursor: str | None = None


def _asked(request: Request, names: tuple[str, ...]) -> Asked:
    params = request.query_params
    given: dict = {}
    for name in names:
        values = [v.strip() for v in params.getlist(name) if v.strip()]
        if name == "about" and len(values) == 1:
            given[name] = values[0]         # one `about` is a string, as the JSON route's, so the cursors agree
        elif values:
            given[name] = values if name in _REPEATED else values[-1]
    return Asked(given, params.get("limit") or None, params.get("cursor") or None)


def _document_filter(given: dict) -> DocumentFilter:
    """As the JSON route checks them (api/resources/routes.py), so the cursors are the same."""
    if given.get("sort") not in (None, *SORTS):
        raise p.BadParameter(f"sort: one of {', '.join(SORTS)}")
    if sum(len(given.get(k, [])) for k in _LISTS) > 10:
        raise p.BadParameter("author, recipient, mentions: at most 10 entities in all")
    lower, upper = p.date_bounds(given.get("from"), given.get("to"))
    return DocumentFilter(
        volume=p.volume_ref(given["volume"]) if "volume" in given else None, date_from=lower, date_to=upper,
        genre=p.text("genre", given["genre"]) if "genre" in given else None,
        authors=[p.entity_ref("author", a) for a in given.get("author", [])],
        recipients=[p.entity_ref("recipient", r) for r in given.get("recipient", [])],
        mentions=[p.entity_ref("mentions", m) for m in given.get("mentions", [])],
        text=p.text("text", given["text"]) if "text" in given else None, sort=given.get("sort", "date"), params=given)


def _entity_filter(given: dict) -> EntityFilter:
    if given.get("sort") not in (None, *ENTITY_SORTS):
        raise p.BadParameter(f"sort: one of {', '.join(ENTITY_SORTS)}")
    lower, upper = p.date_bounds(given.get("date"), given.get("date"), ("date", "date"))
    return EntityFilter(name=p.text("name", given["name"]) if "name" in given else None,
                        office=p.text("office", given["office"]) if "office" in given else None,
                        date_from=lower, date_to=upper, sort=given.get("sort", "name"), params=given)


_NAMES = {"documents": ("volume", "from", "to", "genre", *_LISTS, "text", "sort"),
          "claims": ("about", "claimant", "type", "from", "to", "volume")}


def _fetch(store, kind: str, asked: Asked) -> tuple[object, Page, dict]:
    """The filter, the page and the data function's answer (BadParameter for a value the API refuses)."""
    page = Page(offset=decode_cursor(asked.cursor, asked.given), limit=p.page_limit(asked.limit))
    if kind == "documents":
        filt = _document_filter(asked.given)
        require_known(store, filt)
        return filt, page, document_list(store, filt, page)
    if kind == "claims":
        filt = claim_filter(asked.given)
        require_known(store, filt)
        return filt, page, claim_list(store, filt, page)
    filt = _entity_filter(asked.given)
    return filt, page, entity_list(store, kind, filt, page)


def pager(path: str, asked: Asked, page: Page, found: dict) -> dict:
    """First, previous and next pages: the next is the data function's own link (same URL, same cursor)."""
    limit = page.limit if asked.limit else None
    previous = None
    if page.offset > 0:
        back = max(0, page.offset - (page.limit or 0))
        previous = list_href(path, asked.given, cursor=encode_cursor(back, asked.given) if back else None, limit=limit)
    size = page.limit or max(1, found["total"])
    return {"first": list_href(path, asked.given, limit=limit) if page.offset else None, "previous": previous,
            "next": found["next"], "number": page.offset // size + 1, "pages": max(1, -(-found["total"] // size)),
            "start": page.offset + 1}


def _past_the_end(request: Request, kind: str, asked: Asked, page: Page, total: int) -> HTMLResponse:
    """A cursor past the list's end: a 404 naming how far the list goes, with links to its last and first pages."""
    limit = page.limit if asked.limit else None
    return past_the_end(request, offset_list_end(f"these {LIST_TITLES[kind].lower()}", request.url.path, asked.given,
                                                 page, total, limit))


def _facets(store, kind: str) -> dict:
    """The choices of the filter form: volumes, the most mentioned countries, the years, the claim types
    (documents and claims; the entity lists filter by typed values only)."""
    if kind not in ("documents", "claims"):
        return {"volumes": [], "years": [], "claim_types": CLAIM_TYPES, "countries": [], "sorts": ENTITY_SORTS}
    stats = dataset_stats(store)
    first, last = stats.figures.get("first"), stats.figures.get("last")
    years = list(range(int(first[:4]), int(last[:4]) + 1)) if first and last else []
    return {"volumes": stats.browse.get("volumes", []), "years": years, "claim_types": CLAIM_TYPES,
            "countries": [{**c, "value": c["iri"][len(BASE):]} for c in stats.browse.get("countries", [])],
            "sorts": SORTS}


def _form_values(kind: str, asked: Asked, countries: list[dict]) -> tuple[list[tuple[str, str]], str | None]:
    """(hidden fields, the country the select shows): the select holds one country, the first given; every
    other value the form does not show (a person the claims are about, a second country, an author, `limit`)
    rides along hidden, so that choosing a filter adds it to the others rather than replacing one of them."""
    shown = set(_FORM_FIELDS[kind])
    select = "mentions" if kind == "documents" else "about"
    by_value = {c["value"]: c["value"] for c in countries} | {c["iri"]: c["value"] for c in countries}
    pairs, country = [], None
    for name, value in asked.given.items():
        for v in value if isinstance(value, list) else [value]:
            if name == select and country is None and v in by_value:
                country = by_value[v]
            elif name not in shown or name == select:
                pairs.append((name, v))
    if asked.limit:
        pairs.append(("limit", asked.limit))
    return pairs, country


def _described(store, given: dict) -> list[str]:
    """The entity filters in words ("mentioning Henry A. Kissinger"), for the heading."""
    words = {"author": "written by", "recipient": "sent to", "mentions": "mentioning", "about": "about",
             "claimant": "made by"}
    wanted = [(words[k], p.entity_ref(k, v)) for k, vs in given.items() if k in words
              for v in (vs if isinstance(vs, list) else [vs])]
    names = labels(store, [iri for _, iri in wanted])
    out: list[str] = []
    for i, (word, iri) in enumerate(wanted):
        again = i and wanted[i - 1][0] == word        # "about United Nations and Soviet Union", not "…, about Soviet Union"
        name = names.get(iri) or iri.rsplit('/', 1)[-1]
        out[-1:] = [f"{out[-1]} and {name}"] if again else [*out[-1:], f"{word} {name}"]
    return out


def _rows(store, kind: str, items: list[dict]) -> list[dict]:
    """Claims with their link into the document and their passage as the document page shows it (api/passages.py)."""
    if kind != "claims":
        return items
    texts = passage_documents(store, [(c["document"]["id"], c["text"]) for c in items])
    return [{**c, "link": f"{c['document']['href']}#{claim_anchor(c['id'])}" if c["document"]["href"] else None,
             "passage": passage_html(c["text"], c["start"] or 0, [],
                                     texts.get(c["document"]["id"]) if c["start"] is not None else None)}
            for c in items]


def list_page(request: Request, kind: str) -> HTMLResponse:
    """The page of one list: its filter form, its items, its pager, and (documents, claims) its SPARQL."""
    store = request.app.state.store
    asked = _asked(request, _NAMES.get(kind, ("name", "office", "date", "sort")))
    facets = _facets(store, kind)
    hidden, country = _form_values(kind, asked, facets["countries"])
    context = {"kind": kind, "title": LIST_TITLES[kind], "given": asked.given, "facets": facets, "error": None,
               "hidden": hidden, "country": country, "path": request.url.path}
    try:
        filt, page, found = _fetch(store, kind, asked)
        context["described"] = _described(store, asked.given)
    except p.BadParameter as exc:
        return render_html(request, "list.html", {**context, "error": str(exc)}, status_code=400)
    if not found["items"] and page.offset:
        return _past_the_end(request, kind, asked, page, found["total"])
    sparql = None
    if kind == "documents":
        sparql = documents_sparql(filt.patterns())
    elif kind == "claims":
        sparql = claims_sparql(filt.patterns())
    return render_html(request, "list.html", {
        **context, "total": found["total"], "total_is_lower_bound": found.get("totalIsLowerBound", False),
        "rows": _rows(store, kind, found["items"]),
        "pager": pager(request.url.path, asked, page, found), "sparql": sparql,
        "downloads": download_links(sparql) if sparql else None, "entity_kind": kind in KINDS})
