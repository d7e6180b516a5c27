"""REST resources (JSON-LD) and dereferenceable IRIs, all of them SPARQL over `Store.query` only.

The data functions return plain dicts so that HTML pages can use them as the JSON routes do:
`document_list`, `document_detail`, `entity_list`, `entity_detail`, `claim_list`, `resource_triples`.
"""
from __future__ import annotations

from .claims import ClaimFilter, claim_list
from .describe import resource_triples
from .documents import DocumentFilter, document_detail, document_list
from .entities import EntityFilter, entity_detail, entity_list
from .iris import router as iri_router
from .paging import Page
from .routes import router

__all__ = [
    "ClaimFilter", "DocumentFilter", "EntityFilter", "Page", "claim_list", "document_detail", "document_list",
    "entity_detail", "entity_list", "iri_router", "resource_triples", "router",
]
