"""One call from a request to a defensible network: projection, metrics, coverage, rankings.

The CLI, the API and the bench all go through `build_network`, so they show the same figures.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import networkx as nx

from graph.store import Store

from .collector import collector_paused
from .coverage import YearCoverage, coverage_warning, markup_coverage, normalise
from .metrics import METRICS, add_metrics
from .projections import Spec, project
from .windows import Segmenter

__all__ = ["build_network", "ranking", "Ranking", "RANKABLE"]

RANKABLE = (*METRICS, "documents", "documents_per_marked")


def _span(g: nx.Graph) -> tuple[str | None, str | None]:
    firsts = [d["first"] for _, d in g.nodes(data=True) if d.get("first")]
    lasts = [d["last"] for _, d in g.nodes(data=True) if d.get("last")]
    return (min(firsts) if firsts else None, max(lasts) if lasts else None)


def build_network(store: Store, spec: Spec, *, sentences: Segmenter | None = None, metrics: bool = True,
                  seed: int = 42, source: str = "auto") -> nx.Graph:
    """The projection with its metrics (optional), coverage-normalised counts and coverage warning."""
    with collector_paused():
        return _build(store, spec, sentences, metrics, seed, source)


def _build(store: Store, spec: Spec, sentences: Segmenter | None, metrics: bool, seed: int, source: str) -> nx.Graph:
    g = project(store, spec, sentences=sentences, source=source)
    if metrics:
        add_metrics(g, seed=seed)
    coverage = markup_coverage(store, spec.filters, g.graph.pop("markup", None), g.graph.pop("dated", None))
    normalise(g, coverage)
    g.graph["coverage"] = {y: asdict(c) for y, c in coverage.items()}
    g.graph["coverage_warning"] = coverage_warning(coverage, *_span(g))
    return g


@dataclass
class Ranking:
    metric: str
    rows: list[dict]
    warning: str | None


def ranking(g: nx.Graph, metric: str = "pagerank", top: int = 20) -> Ranking:
    """The top nodes by a metric, with the coverage warning for the years those nodes span."""
    if metric not in RANKABLE:
        raise ValueError(f"rank by one of {', '.join(RANKABLE)}, not {metric!r}")
    chosen = sorted((d for _, d in g.nodes(data=True) if d.get(metric) is not None),
                    key=lambda d: (-d[metric], d["label"]))[:top]
    firsts = [d["first"] for d in chosen if d.get("first")]
    lasts = [d["last"] for d in chosen if d.get("last")]
    coverage = {y: YearCoverage(**c) for y, c in g.graph.get("coverage", {}).items()}
    warning = coverage_warning(coverage, min(firsts), max(lasts)) if firsts else None
    return Ranking(metric, [dict(d) for d in chosen], warning)
