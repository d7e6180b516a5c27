"""The interactive network page: the filter form, drawn on the server, and the settings its script reads.

The page does not build the network itself: its script fetches `/network?format=cytoscape` with the same
parameters, so the page answers at once and the network is built once. Without JavaScript the form still
reloads the page with the filters and offers the exports of that selection.
"""
from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse

from graph import Store
from graph.networks import WEIGHTS, WINDOWS
from ontology.namespaces import BASE, sparql_prologue

from .page_routes import script_json
from .pages import render_html
from .resources.links import kind_of, labels
from .resources.rows import select

__all__ = ["KIND_NAMES", "TIE_MEANINGS", "CO_MENTION_MEANING", "SIZES", "COLOURS", "default_kind", "network_page"]

KIND_NAMES = {
    "person-person": "People mentioned together",
    "correspondence": "Who wrote to whom",
    "person-country": "People and countries",
    "person-organization": "People and organizations",
    "country-country": "Countries mentioned together",
    "co-mention": "Every kind mentioned together",
    "claimant-entity": "Who made claims about what",
}
# what a tie of the kind is, said above the drawing: not every network is of co-mentions
TIE_MEANINGS = {
    "correspondence": "A tie is a document whose heading names one as its author and the other as its recipient.",
    "claimant-entity": "A tie is a claim our reading attributes to one and finds about the other: read its passage "
                       "before citing it.",
}
CO_MENTION_MEANING = "A co-mention is a lead, not a relationship: read the passages before citing a tie."
SIZES = {"degree": "Degree", "weighted_degree": "Weighted degree", "pagerank": "PageRank",
         "betweenness": "Betweenness"}
COLOURS = {"community": "Community", "kind": "Kind"}
# The network an entity page's "See the network" opens: one its entity is a node of.
_ENTITY_KINDS = {"people": "person-person", "countries": "country-country",
                 "organizations": "person-organization", "regions": "co-mention"}
_VOLUMES = sparql_prologue("fk") + "SELECT ?v WHERE { ?v a fk:Volume } ORDER BY ?v"
_EXPORTS = (("GEXF (Gephi)", "gexf"), ("GraphML", "graphml"), ("Cytoscape.js JSON", "cytoscape"),
            ("node-link JSON", "node-link"), ("CSV nodes", "csv-nodes"), ("CSV edges", "csv-edges"))


def default_kind(entity: str | None) -> str:
    """person-person, or the network whose nodes are of the entity's kind."""
    return _ENTITY_KINDS.get(kind_of(entity or "") or "", "person-person")


def _volumes(store: Store) -> list[str]:
    return [row["v"].rsplit("/", 1)[-1] for row in select(store, _VOLUMES)]


def _pairs(selection: dict, min_weight: float, ego: str | None, radius: int) -> list[tuple[str, str]]:
    """The query of `/network` for this selection, empty values left out."""
    s = selection
    pairs = [("kind", s["kind"]), ("window", s["window"]), ("weight", s["weight"]),
             ("from", s["date_from"]), ("to", s["date_to"])]
    for name in ("volume", "genre", "entity_kind", "claim_type"):
        pairs += [(name, v) for v in s[name]]
    pairs += [("min_weight", f"{min_weight:g}")]
    if ego:
        pairs += [("ego", ego), ("radius", str(radius))]
    return [(k, v) for k, v in pairs if v]


def network_page(request: Request, selection: dict, min_weight: float, ego: str | None, radius: int,
                 error: str | None = None) -> HTMLResponse:
    """The page for a selection (already cleaned of empty values); `error` says why the selection was refused."""
    store = request.app.state.store
    query = _pairs(selection, min_weight, ego, radius)
    edge_query = [(k, v) for k, v in query if k not in ("min_weight", "ego", "radius")]
    size = request.query_params.get("size")
    colour = request.query_params.get("colour")
    settings = {
        "dataUrl": None if error else "/network?" + urlencode(query + [("format", "cytoscape"), ("evidence", "1"), ("pages", "false")]),
        "edgeUrl": "/network/edge?" + urlencode(edge_query + [("limit", "100")]),
        "base": BASE, "size": size if size in SIZES else "pagerank", "colour": colour if colour in COLOURS else "community",
    }
    context = {
        "form": {**selection, "min_weight": f"{min_weight:g}", "ego": ego, "radius": radius},
        "ego_label": labels(store, [ego]).get(ego, ego) if ego and not error else ego,
        "tie_meaning": TIE_MEANINGS.get(selection["kind"], CO_MENTION_MEANING),
        "kinds": KIND_NAMES, "windows": WINDOWS, "weights": WEIGHTS, "volumes": _volumes(store),
        "sizes": SIZES, "colours": COLOURS, "settings": settings, "settings_json": script_json(settings),
        "exports": [(name, "/network?" + urlencode(query + [("format", fmt)])) for name, fmt in _EXPORTS],
        "error": error,
    }
    return render_html(request, "network.html", context, status_code=400 if error else 200)
