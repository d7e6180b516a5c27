"""One call from a request to a defensible network: projection, metrics, coverage, rankings.

The CLI, the API and the bench all go through `build_network`, so they show the same figures. Networks
drawn from the network table are kept in a small cache (`CACHE_EDGES`), keyed by the request and the
table's state token, which every refresh that changes the table renews: a page that asks again for the
same slice (its JSON, then an export) is answered without drawing it again. Cached networks are frozen.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import asdict, dataclass
from typing import Iterable

import networkx as nx

from graph.store import Store

from .collector import collector_paused
from .coverage import YearCoverage, coverage_warning, markup_coverage, normalise
from .metrics import METRICS, add_metrics
from .projections import Spec, project
from .table import table_state
from .windows import Segmenter

__all__ = ["build_network", "ranking", "Ranking", "RANKABLE", "CACHE_EDGES", "clear_network_cache"]

RANKABLE = (*METRICS, "documents", "documents_per_marked")


def _span(nodes: Iterable[dict]) -> tuple[str | None, str | None]:
    """The years of the people among `nodes`: the editors' markup counts people, so its unevenness says nothing of
    countries, organizations or regions, which our reading finds in marked and unmarked volumes alike (98% of
    country mentions are the gazetteer's). A country network warned that "raw counts favour the better-covered
    years"."""
    people = [d for d in nodes if d.get("kind") == "person"]
    firsts = [d["first"] for d in people if d.get("first")]
    lasts = [d["last"] for d in people if d.get("last")]
    return (min(firsts) if firsts else None, max(lasts) if lasts else None)


CACHE_EDGES = 400_000       # edges the cache of drawn networks holds, over all its networks (about 1 GB at most)
_cache: "OrderedDict[tuple, nx.Graph]" = OrderedDict()
_cache_lock = threading.Lock()


def clear_network_cache() -> None:
    with _cache_lock:
        _cache.clear()


def _cache_key(store: Store, spec: Spec, metrics: bool, seed: int, source: str) -> tuple | None:
    """The request and the table's state token, or None when the table cannot answer (nothing is cached)."""
    if source == "mentions":
        return None
    state = table_state(store)
    return None if state is None or not state.token else (id(store), state.token, spec, metrics, seed, source)


def _remember(key: tuple, g: nx.Graph) -> None:
    with _cache_lock:
        _cache[key] = g
        while len(_cache) > 1 and sum(h.number_of_edges() for h in _cache.values()) > CACHE_EDGES:
            _cache.popitem(last=False)


def build_network(store: Store, spec: Spec, *, sentences: Segmenter | None = None, metrics: bool = True,
                  seed: int = 42, source: str = "auto", cache: bool = True) -> nx.Graph:
    """The projection with its metrics (optional), coverage-normalised counts and coverage warning.

    A network drawn from the network table is cached (`cache=False` draws it anyway) and returned frozen
    (`nx.freeze`): callers share it, so one that wants to add or remove nodes or edges works on `g.copy()`
    (as `ego` does). Copying it for every caller cost more than drawing some networks (0.2-1.6 s for
    30,000 edges)."""
    with collector_paused():
        key = _cache_key(store, spec, metrics, seed, source) if cache else None
        with _cache_lock:
            hit = _cache.get(key) if key else None
            if hit is not None:
                _cache.move_to_end(key)
        if hit is not None:
            return hit
        g = _build(store, spec, sentences, metrics, seed, source)
        if key and g.graph.get("source") == "table" and g.number_of_edges() <= CACHE_EDGES:
            _remember(key, nx.freeze(g))
        return g


def _build(store: Store, spec: Spec, sentences: Segmenter | None, metrics: bool, seed: int, source: str) -> nx.Graph:
    g = project(store, spec, sentences=sentences, source=source)
    if metrics:
        add_metrics(g, seed=seed)
    coverage = markup_coverage(store, spec.filters, g.graph.pop("markup", None), g.graph.pop("dated", None))
    normalise(g, coverage)
    g.graph["coverage"] = {y: asdict(c) for y, c in coverage.items()}
    g.graph["coverage_warning"] = coverage_warning(coverage, *_span(d for _, d in g.nodes(data=True)))
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
    first, last = _span(chosen)
    coverage = {y: YearCoverage(**c) for y, c in g.graph.get("coverage", {}).items()}
    warning = coverage_warning(coverage, first, last) if first else None
    return Ranking(metric, [dict(d) for d in chosen], warning)
