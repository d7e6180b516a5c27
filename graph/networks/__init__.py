"""Networks of actors: projections of the store into networkx, their metrics, coverage and exports."""
from __future__ import annotations

from .analysis import RANKABLE, Ranking, build_network, ranking
from .entities import Entity, canonical, describe
from .evidence import Evidence, Passage
from .filters import CLAIM_TYPES, ENTITY_KINDS, Filters, NetworkError
from .projections import PROJECTIONS, READERS, WEIGHTS, Spec, edge_evidence, project
from .windows import WINDOWS, Segmenter
from .exports import FORMATS, MEDIA_TYPES, export
from .metrics import METRICS, add_metrics, ego, shortest_path

__all__ = [
    "FORMATS", "MEDIA_TYPES", "METRICS", "RANKABLE", "Ranking", "add_metrics", "build_network", "ego", "export",
    "ranking", "shortest_path", "CLAIM_TYPES", "ENTITY_KINDS", "Entity", "Evidence", "Filters", "NetworkError", "PROJECTIONS", "Passage", "READERS",
    "Segmenter", "Spec", "WEIGHTS", "WINDOWS", "canonical", "describe", "edge_evidence", "project",
]
