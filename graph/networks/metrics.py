"""Centralities, communities, ego networks and paths, written onto the graph's nodes.

PageRank is computed here in pure Python (networkx's own needs numpy and scipy, which frus-kg does
not depend on); it follows networkx's definition: weighted, dangling mass spread uniformly.
Betweenness, the slowest of them in networkx (about 35x igraph on a 2-volume person network, see
docs/networks.md), is computed by igraph when it is installed, with networkx's normalisation: exactly
up to IGRAPH_EXACT_UP_TO nodes, from seeded pivots above; without it, networkx is exact up to
`exact_up_to` nodes and samples with a fixed seed above, so a figure never changes between two runs on
the same data. Eigenvector centrality is igraph's too when it is installed; above LARGE edges (a two-year
slice of the corpus), Louvain and PageRank are igraph's as well.
"""
from __future__ import annotations

import time
import warnings
from dataclasses import dataclass, field

import networkx as nx
from networkx.algorithms import community as nx_community

from .collector import collector_paused
from .filters import NetworkError

__all__ = ["METRICS", "add_metrics", "pagerank", "ego", "shortest_path", "PathStep", "PathTie", "Communities"]

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


LARGE = 5_000               # edges above which "auto" computes Louvain and PageRank with igraph
IGRAPH_EXACT_UP_TO = 1_000   # nodes up to which igraph's betweenness is exact; above, sampled from pivots
PIVOTS = 200                # pivots of a sampled betweenness: on the busiest two years' person network (1,586 nodes)
                            # 0.2 s against 0.5 s for 500, within 0.012 of the exact figures (top 0.204), 19 of
                            # its top 20 (500: 0.004, 20 of 20)


def _igraph(g: nx.Graph):
    """g as an igraph graph (same node order, weights), or None when igraph is not installed."""
    try:
        import igraph
    except ImportError:
        return None
    index = {v: i for i, v in enumerate(g)}
    pairs, weights = [], []
    directed = g.is_directed()
    for u, nbrs in g._adj.items():          # g.edges' order (each undirected edge from its earlier node); the plain
                                            # dicts, not the views: 64,000 Mapping calls fewer on 30,000 edges
        i = index[u]
        for v, d in nbrs.items():
            j = index[v]
            if j > i or (directed and j != i):
                pairs.append((i, j))
                weights.append(d.get("weight", 1))
    h = igraph.Graph(n=len(index), edges=pairs, directed=directed)
    h.es["weight"] = weights
    return h


def _igraph_betweenness(g: nx.Graph, h, samples: int, seed: int) -> tuple[dict[str, float], int | None]:
    """Betweenness by igraph, normalised as networkx's: exact up to IGRAPH_EXACT_UP_TO nodes, else from
    `samples` pivot sources drawn with `seed` (Brandes and Pich: each pivot's dependencies, times n/k)."""
    nodes = list(g)
    n = len(nodes)
    scale = (1.0 if g.is_directed() else 2.0) / ((n - 1) * (n - 2))
    if n <= IGRAPH_EXACT_UP_TO or samples >= n:
        return {v: b * scale for v, b in zip(nodes, h.betweenness(directed=g.is_directed()))}, None
    import random

    pivots = random.Random(seed).sample(range(n), samples)
    partial = h.betweenness(directed=g.is_directed(), sources=pivots, targets=None)
    factor = (1.0 if g.is_directed() else 2.0) * n / samples / ((n - 1) * (n - 2))
    return {v: b * factor for v, b in zip(nodes, partial)}, samples


def _betweenness(g: nx.Graph, engine: str, h, exact_up_to: int, samples: int, seed: int) -> tuple[dict, int | None, str]:
    """(figures, pivots sampled or None when exact, engine used)."""
    if len(g) <= 2:
        return dict.fromkeys(g, 0.0), None, "networkx"
    if engine != "networkx" and h is not None:
        return (*_igraph_betweenness(g, h, samples, seed), "igraph")
    k = samples if len(g) > exact_up_to else None
    return nx.betweenness_centrality(g, k=k, seed=seed), k, "networkx"


def _eigenvector(g: nx.Graph, h=None) -> dict[str, float]:
    """Weighted, on the undirected graph, unit Euclidean norm (networkx's scaling); 0 where it does not converge."""
    if h is not None:
        u = h.as_undirected(combine_edges="max") if h.is_directed() else h
        with warnings.catch_warnings():      # "nearly zero" on a disconnected graph: networkx's figures are too
            warnings.simplefilter("ignore", RuntimeWarning)
            values = u.eigenvector_centrality(weights="weight", scale=False)
        norm = sum(x * x for x in values) ** 0.5 or 1.0
        return {v: x / norm for v, x in zip(g, values)}
    undirected = g.to_undirected(as_view=True) if g.is_directed() else g
    try:
        return nx.eigenvector_centrality(undirected, weight="weight", max_iter=500, tol=1e-6)
    except (nx.PowerIterationFailedConvergence, nx.NetworkXException):
        return dict.fromkeys(g, 0.0)


def _undirected_in_order(g: nx.Graph) -> nx.Graph:
    """The undirected graph of `g` with its nodes and edges in `g`'s order, each tie weighing the heavier of its two
    directions (as igraph's combine_edges="max"). networkx's undirected view of a digraph walks each node's
    neighbours as a set union, in an order that changes with the interpreter's string hash seed, and Louvain's
    communities changed with it from one run to the next."""
    if not g.is_directed():
        return g
    u = nx.Graph()
    u.add_nodes_from(g.nodes(data=True))
    for a, b, d in g.edges(data=True):
        if u.has_edge(a, b) and u[a][b].get("weight", 1) >= d.get("weight", 1):
            continue
        u.add_edge(a, b, **d)
    return u


def _communities(g: nx.Graph, seed: int, h=None) -> Communities:
    """Louvain (weighted, seed fixed) on the undirected graph: networkx's, or igraph's multilevel when `h` is given."""
    undirected = _undirected_in_order(g)
    if undirected.number_of_edges() == 0:
        return Communities([[n] for n in sorted(g)], 0.0)
    if h is not None:
        import random

        u = h.as_undirected(combine_edges="max") if h.is_directed() else h
        state = random.getstate()           # python-igraph draws from Python's random module
        random.seed(seed)
        try:
            clustering = u.community_multilevel(weights="weight")
        finally:
            random.setstate(state)
        nodes = list(g)
        found = [{nodes[i] for i in members} for members in clustering]
        modularity = clustering.modularity
    else:
        found = nx_community.louvain_communities(undirected, weight="weight", seed=seed)
        modularity = nx_community.modularity(undirected, found, weight="weight")
    members = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    return Communities(members, modularity)


def _igraph_pagerank(g: nx.Graph, h) -> dict[str, float]:
    """igraph's PageRank by ARPACK: 15x faster than its default PRPACK on a 30,000-edge graph (14 ms against 215 ms)."""
    return dict(zip(g, h.pagerank(weights="weight", damping=0.85, directed=g.is_directed(), implementation="arpack")))


def add_metrics(g: nx.Graph, *, seed: int = 42, exact_up_to: int = 1000, samples: int = PIVOTS,
                engine: str = "auto") -> Communities:
    """Write degree, weighted degree, betweenness, PageRank, eigenvector and community onto every node.

    `engine`: "networkx", "igraph", or "auto": betweenness and eigenvector by igraph whenever it is installed
    (networkx's took 14 s and 0.4-3.8 s on a 2-volume network, igraph's 0.2 s and 1-130 ms), Louvain and
    PageRank by igraph above `LARGE` edges (on the busiest two years' person network, 30,553 edges:
    Louvain 0.63 s against 0.06 s, PageRank 0.12-0.26 s against 0.01 s); below, ours and networkx's, as fast
    there. `g.graph["metric_timings"]` keeps the seconds each took, `g.graph["engines"]` which library
    computed each, `g.graph["betweenness_samples"]` the pivots (None when exact).
    """
    if engine not in ("auto", "networkx", "igraph"):
        raise NetworkError(f"compute the metrics with auto, networkx or igraph, not {engine!r}")
    with collector_paused():
        return _add_metrics(g, seed, exact_up_to, samples, engine)


def _add_metrics(g: nx.Graph, seed: int, exact_up_to: int, samples: int, engine: str) -> Communities:
    timings: dict[str, float] = {}

    def timed(name, fn):
        started = time.perf_counter()
        result = fn()
        timings[name] = time.perf_counter() - started
        return result

    h = timed("igraph_copy", lambda: _igraph(g)) if engine != "networkx" else None
    if engine == "igraph" and h is None:
        raise NetworkError("igraph is not installed (pip install 'frus-kg[bench]')")
    big = h if engine == "igraph" or g.number_of_edges() > LARGE else None
    degree = timed("degree", lambda: dict(g.degree()))
    weighted = timed("weighted_degree", lambda: dict(g.degree(weight="weight")))
    between, k, used = timed("betweenness", lambda: _betweenness(g, engine, h, exact_up_to, samples, seed))
    rank = timed("pagerank", lambda: _igraph_pagerank(g, big) if big is not None else pagerank(g))
    eigen = timed("eigenvector", lambda: _eigenvector(g, h if engine != "networkx" else None))
    found = timed("louvain", lambda: _communities(g, seed, big))
    community = {n: i for i, members in enumerate(found.members) for n in members}
    for n, data in g.nodes(data=True):
        data.update(degree=degree[n], weighted_degree=weighted[n], betweenness=between[n], pagerank=rank[n],
                    eigenvector=eigen[n], community=community[n])
    other = "igraph" if big is not None else "networkx"
    g.graph.update(metric_timings=timings, betweenness_samples=k, betweenness_engine=used, modularity=found.modularity,
                   communities=len(found.members), seed=seed,
                   engines={"betweenness": used, "pagerank": other,
                            "eigenvector": "igraph" if h is not None else "networkx", "louvain": other})
    return found


def ego(g: nx.Graph, node: str, radius: int = 1) -> nx.Graph:
    """The node, its neighbours up to `radius` steps (either direction) and the edges among them, saying so in the
    graph's metadata (`ego`, `radius`, `metrics_of`: the metrics stay the whole network's; an export said nothing
    of the cut, and Sadat's degree of 55 in a file holding 36 of his ties read as an error).

    Not `nx.ego_graph(…, undirected=True)`: it makes the whole network undirected first, deep-copying every
    edge's evidence (3.8 M copies for 3,300 ties), so an entity page's network never came back."""
    if node not in g:
        raise NetworkError(f"{node} is not in this network", "ego")
    view = g.to_undirected(as_view=True) if g.is_directed() else g
    near = nx.single_source_shortest_path_length(view, node, cutoff=radius)
    cut = g.subgraph(near).copy()
    cut.graph.update(ego=node, radius=radius, metrics_of=(
        f"the whole network ({g.number_of_nodes():,} nodes, {g.number_of_edges():,} ties) this ego network was cut "
        "from: a node's degree, centralities and community, and the modularity and number of communities, are its "
        "there, not in this file"))
    return cut


@dataclass
class PathTie:
    source: str                   # as the network draws the tie: in a directed one, the author or claimant
    target: str
    documents: list[str]          # its evidence documents (capped)
    document_count: int


@dataclass
class PathStep:
    source: str                   # in the path's order, whichever way its ties run
    target: str
    ties: list[PathTie]           # one, or in a directed network the tie each way when both exist

    @property
    def documents(self) -> list[str]:
        return [d for tie in self.ties for d in tie.documents]

    @property
    def document_count(self) -> int:
        return sum(tie.document_count for tie in self.ties)


def shortest_path(g: nx.Graph, source: str, target: str, *, strongest: bool = False) -> list[PathStep]:
    """The fewest steps from source to target (either direction), each with the ties that make it.

    A step of a directed network keeps its ties as drawn (Clark -> Haig for the memo Clark wrote to Haig, on a path
    from Haig to Clark), and both when the two wrote to each other: the undirected view holds one of them only.
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
    return [PathStep(u, v, [_path_tie(g, a, b) for a, b in _ways(g, u, v)]) for u, v in zip(nodes, nodes[1:])]


def _ways(g: nx.Graph, u: str, v: str) -> list[tuple[str, str]]:
    if not g.is_directed():
        return [(u, v)]
    return [(a, b) for a, b in ((u, v), (v, u)) if g.has_edge(a, b)]


def _path_tie(g: nx.Graph, source: str, target: str) -> PathTie:
    evidence = g.edges[source, target]["evidence"]
    return PathTie(source, target, list(evidence.documents), evidence.document_count)
