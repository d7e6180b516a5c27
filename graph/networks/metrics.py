"""Centralities, communities, ego networks and paths, written onto the graph's nodes.

PageRank is computed here in pure Python (networkx's own needs numpy and scipy, which frus-kg does
not depend on); it follows networkx's definition: weighted, dangling mass spread uniformly.
Betweenness, the slowest of them in networkx (about 35x igraph on a 2-volume person network, see
docs/networks.md), is computed exactly by igraph when it is installed (the `[bench]` extra), with
networkx's normalisation; without it, networkx is exact up to `exact_up_to` nodes and samples with a
fixed seed above, so a figure never changes between two runs on the same data.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import networkx as nx
from networkx.algorithms import community as nx_community

from .filters import NetworkError

__all__ = ["METRICS", "add_metrics", "pagerank", "ego", "shortest_path", "PathStep", "Communities"]

METRICS = ("degree", "weighted_degree", "betweenness", "pagerank", "eigenvector")


@dataclass
class Communities:
    members: list[list[str]] = field(default_factory=list)    # largest first
    modularity: float = 0.0


def pagerank(g: nx.Graph, alpha: float = 0.85, weight: str = "weight", tol: float = 1e-6,
             max_iter: int = 200) -> dict[str, float]:
    n = len(g)
    if n == 0:
        return {}
    out = {u: {v: d.get(weight, 1) for v, d in g[u].items() if v != u} for u in g}
    total = {u: sum(nbrs.values()) for u, nbrs in out.items()}
    dangling = [u for u in g if not total[u]]
    x = dict.fromkeys(g, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = dict.fromkeys(g, 0.0)
        for u, nbrs in out.items():
            if total[u]:
                share = alpha * last[u] / total[u]
                for v, w in nbrs.items():
                    x[v] += share * w
        base = (1.0 - alpha) / n + alpha * sum(last[u] for u in dangling) / n
        for v in x:
            x[v] += base
        if sum(abs(x[v] - last[v]) for v in x) < n * tol:
            return x
    raise NetworkError(f"PageRank did not converge in {max_iter} iterations")


def _igraph_betweenness(g: nx.Graph) -> dict[str, float] | None:
    """Exact betweenness by igraph, scaled as networkx's normalised figure; None when igraph is absent."""
    try:
        import igraph
    except ImportError:
        return None
    nodes = list(g)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    h = igraph.Graph(n=n, edges=[(index[u], index[v]) for u, v in g.edges if u != v], directed=g.is_directed())
    scale = (1.0 if g.is_directed() else 2.0) / ((n - 1) * (n - 2))
    return {v: b * scale for v, b in zip(nodes, h.betweenness(directed=g.is_directed()))}


def _betweenness(g: nx.Graph, engine: str, exact_up_to: int, samples: int, seed: int) -> tuple[dict, int | None, str]:
    """(figures, pivots sampled or None when exact, engine used)."""
    if len(g) <= 2:
        return dict.fromkeys(g, 0.0), None, "networkx"
    if engine != "networkx":
        fast = _igraph_betweenness(g)
        if fast is not None:
            return fast, None, "igraph"
        if engine == "igraph":
            raise NetworkError("igraph is not installed (pip install 'frus-kg[bench]')")
    k = samples if len(g) > exact_up_to else None
    return nx.betweenness_centrality(g, k=k, seed=seed), k, "networkx"


def _eigenvector(g: nx.Graph) -> dict[str, float]:
    undirected = g.to_undirected(as_view=True) if g.is_directed() else g
    try:
        return nx.eigenvector_centrality(undirected, weight="weight", max_iter=500, tol=1e-6)
    except (nx.PowerIterationFailedConvergence, nx.NetworkXException):
        return dict.fromkeys(g, 0.0)


def _communities(g: nx.Graph, seed: int) -> Communities:
    undirected = g.to_undirected(as_view=True) if g.is_directed() else g
    if undirected.number_of_edges() == 0:
        return Communities([[n] for n in sorted(g)], 0.0)
    found = nx_community.louvain_communities(undirected, weight="weight", seed=seed)
    members = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    return Communities(members, nx_community.modularity(undirected, found, weight="weight"))


def add_metrics(g: nx.Graph, *, seed: int = 42, exact_up_to: int = 1000, samples: int = 500,
                engine: str = "auto") -> Communities:
    """Write degree, weighted degree, betweenness, PageRank, eigenvector and community onto every node.

    `engine` for betweenness: "auto" (igraph when installed), "networkx" or "igraph".
    `g.graph["metric_timings"]` keeps the seconds each took; `g.graph["betweenness_samples"]` is None
    when betweenness is exact, and `g.graph["betweenness_engine"]` says which library computed it.
    """
    timings: dict[str, float] = {}

    def timed(name, fn):
        started = time.perf_counter()
        result = fn()
        timings[name] = time.perf_counter() - started
        return result

    degree = timed("degree", lambda: dict(g.degree()))
    weighted = timed("weighted_degree", lambda: dict(g.degree(weight="weight")))
    between, k, used = timed("betweenness", lambda: _betweenness(g, engine, exact_up_to, samples, seed))
    rank = timed("pagerank", lambda: pagerank(g))
    eigen = timed("eigenvector", lambda: _eigenvector(g))
    found = timed("louvain", lambda: _communities(g, seed))
    community = {n: i for i, members in enumerate(found.members) for n in members}
    for n, data in g.nodes(data=True):
        data.update(degree=degree[n], weighted_degree=weighted[n], betweenness=between[n], pagerank=rank[n],
                    eigenvector=eigen[n], community=community[n])
    g.graph.update(metric_timings=timings, betweenness_samples=k, betweenness_engine=used, modularity=found.modularity,
                   communities=len(found.members), seed=seed)
    return found


def ego(g: nx.Graph, node: str, radius: int = 1) -> nx.Graph:
    """The node, its neighbours up to `radius` steps (either direction) and the edges among them."""
    if node not in g:
        raise NetworkError(f"{node} is not in this network")
    return nx.ego_graph(g, node, radius=radius, undirected=True).copy()


@dataclass
class PathStep:
    source: str
    target: str
    documents: list[str]          # the evidence documents of this edge (capped)
    document_count: int


def shortest_path(g: nx.Graph, source: str, target: str, *, strongest: bool = False) -> list[PathStep]:
    """The fewest steps from source to target (either direction), each with the documents that make it.

    `strongest` takes 1/weight as the length of an edge, so a path through heavy ties wins.
    """
    undirected = g.to_undirected(as_view=True) if g.is_directed() else g
    for n in (source, target):
        if n not in g:
            raise NetworkError(f"{n} is not in this network")
    length = (lambda u, v, d: 1.0 / max(d.get("weight", 1), 1e-9)) if strongest else None
    try:
        nodes = nx.shortest_path(undirected, source, target, weight=length)
    except nx.NetworkXNoPath:
        return []
    steps = []
    for u, v in zip(nodes, nodes[1:]):
        evidence = undirected.edges[u, v]["evidence"]
        steps.append(PathStep(u, v, list(evidence.documents), evidence.document_count))
    return steps
