"""Networks of actors: projections of the store into networkx, their metrics, coverage and exports."""
from __future__ import annotations

from .entities import Entity, canonical, describe
from .evidence import Evidence, Passage
from .filters import CLAIM_TYPES, ENTITY_KINDS, Filters, NetworkError
from .projections import PROJECTIONS, WEIGHTS, Spec, edge_evidence, project
from .windows import WINDOWS, Segmenter

__all__ = [
    "CLAIM_TYPES", "ENTITY_KINDS", "Entity", "Evidence", "Filters", "NetworkError", "PROJECTIONS", "Passage",
    "Segmenter", "Spec", "WEIGHTS", "WINDOWS", "canonical", "describe", "edge_evidence", "project",
]
