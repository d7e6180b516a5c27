"""The FastAPI application: built from a store, so tests and the CLI choose what it serves."""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from graph import Store

from . import linksets, page_routes, reconcile, search, sparql
from .pages import STATIC
from .network import router as network_router
from .resources import iri_router, router as resources_router

__all__ = ["create_app"]


def _service_description(endpoint: str) -> str:
    formats = "".join(f"    sd:resultFormat <http://www.w3.org/ns/formats/{f}> ;\n" for f in
                      ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                       "Turtle", "N-Triples", "RDF_XML", "JSON-LD"))
    return (
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n"
        f"<{endpoint}> a sd:Service ;\n"
        f"    sd:endpoint <{endpoint}> ;\n"
        "    sd:supportedLanguage sd:SPARQL11Query ;\n"
        f"{formats}"
        "    sd:feature sd:UnionDefaultGraph ;\n"
        "    sd:defaultDataset [ a sd:Dataset ] .\n"
    )


def create_app(store: Store, *, cors: bool = True, title: str = "frus-kg") -> FastAPI:
    app = FastAPI(title=title, description="Linked-data knowledge graph of Foreign Relations of the United States.",
                  version="0.1.0")
    app.state.store = store
    app.state.service_description = _service_description
    if cors:
        app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"], allow_headers=["*"])
    app.include_router(sparql.router)
    app.include_router(page_routes.router)
    app.include_router(reconcile.router)
    app.include_router(linksets.router)
    app.include_router(resources_router)
    app.include_router(search.router)
    app.include_router(network_router)
    app.include_router(iri_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    return app
