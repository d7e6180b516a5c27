"""Networks of actors: time and peak memory of each projection and metric, SPARQL and networkx apart,
and the same metrics with igraph (the `[bench]` extra) in the same run, as a ratio.

The store is a few whole volumes ingested into the work folder (the corpus-scale store is not built
here); each measurement runs in a fresh interpreter so that its peak RSS is its own.
"""
from __future__ import annotations

import resource
import time
from pathlib import Path

from bench.fresh_process import call_in_fresh_process

TITLE = "Networks of actors: projections and metrics, networkx and igraph"

VOLUMES = ["frus1977-80v01.xml.gz", "frus1969-76v12.xml.gz"]
SLICES = {"1977–1978": ("1977-01-01", "1978-12-31"), "whole store": (None, None)}
PROJECTIONS = [("person-person", "document"), ("person-person", "paragraph"), ("person-country", "document"),
               ("person-organization", "document"), ("country-country", "document"), ("correspondence", "document"),
               ("claimant-entity", "document")]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _store(ctx) -> tuple[Path, list[str]]:
    from graph import open_store
    from ingest.authorities.rdf import ensure_authority_graphs
    from ingest.parallel import ingest_corpus

    volumes = [ctx.corpus / v for v in VOLUMES[: 1 if ctx.quick else 2] if (ctx.corpus / v).exists()]
    path = ctx.work / "networks-store"
    db = open_store(path)
    ensure_authority_graphs(db)
    ingest_corpus(volumes, db, workers=0)      # committed documents are skipped on a rerun
    db.close()
    return path, [v.name.removesuffix(".xml.gz") for v in volumes]


def _igraph_metrics(g) -> dict[str, float]:
    import igraph as ig

    timings = {}
    started = time.perf_counter()
    index = {n: i for i, n in enumerate(g)}
    h = ig.Graph(n=len(index), edges=[(index[u], index[v]) for u, v in g.edges], directed=g.is_directed())
    h.es["weight"] = [d["weight"] for _, _, d in g.edges(data=True)]
    timings["convert"] = time.perf_counter() - started
    undirected = h.as_undirected(combine_edges="sum") if h.is_directed() else h
    steps = {
        "degree": lambda: h.degree(),
        "weighted_degree": lambda: h.strength(weights="weight"),
        "betweenness": lambda: h.betweenness(directed=h.is_directed()),
        "pagerank": lambda: h.pagerank(weights="weight"),
        "eigenvector": lambda: undirected.eigenvector_centrality(weights="weight"),
        "louvain": lambda: undirected.community_multilevel(weights="weight").modularity,
    }
    for name, fn in steps.items():
        started = time.perf_counter()
        fn()
        timings[name] = time.perf_counter() - started
    return timings


def measure(store_path: str, kind: str, window: str, date_from, date_to, metrics: bool) -> dict:
    """One projection (and its metrics) in this fresh process: seconds per step, peak RSS growth, sizes."""
    from graph import open_store
    from graph.networks import Filters, Spec, add_metrics, project
    from graph.networks.coverage import markup_coverage

    db = open_store(store_path, read_only=True)
    base = _rss_mb()
    started = time.perf_counter()
    g = project(db, Spec(kind, window, filters=Filters(date_from, date_to)))
    total = time.perf_counter() - started
    out = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "project_s": total,
           **{f"{k}_s": v for k, v in g.graph["timings"].items()}, "project_rss_mb": _rss_mb() - base}
    started = time.perf_counter()
    markup_coverage(db, Filters(date_from, date_to), g.graph.get("markup"))
    out["coverage_s"] = time.perf_counter() - started
    if metrics and g.number_of_nodes():
        rss = _rss_mb()
        add_metrics(g, engine="networkx")      # the pure networkx figures; igraph is timed apart below
        out["metrics_nx"] = g.graph["metric_timings"]
        out["betweenness_samples"] = g.graph["betweenness_samples"]
        out["metrics_rss_mb"] = _rss_mb() - rss
        try:
            out["metrics_igraph"] = _igraph_metrics(g)
        except ImportError:
            out["metrics_igraph"] = None
    return out


def _fmt(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def run(ctx) -> str:
    path, volumes = _store(ctx)
    if not volumes:
        return f"No TEI volumes under {ctx.corpus}: networks not measured."
    from graph import open_store

    db = open_store(path, read_only=True)
    quads = db.quad_count()
    docs = int(next(db.query("SELECT (COUNT(*) AS ?n) WHERE { ?d a <https://w3id.org/frus-kg/vocab#Document> }").rows())[0].value)
    db.close()
    lines = [f"Store: {', '.join(volumes)} ({docs:,} documents, {quads:,} quads), ingested into `{path}`. "
             "Each row is a fresh interpreter; RSS is the growth of the peak during the step.", "",
             "| slice | projection | window | nodes | edges | SPARQL | networkx | coverage | peak RSS + |",
             "|---|---|---|---|---|---|---|---|---|"]
    metric_rows = []
    for slice_name, (date_from, date_to) in SLICES.items():
        for kind, window in PROJECTIONS:
            with_metrics = kind in ("person-person", "claimant-entity") and window == "document"
            r = call_in_fresh_process(measure, str(path), kind, window, date_from, date_to, with_metrics)
            lines.append(f"| {slice_name} | {kind} | {window} | {r['nodes']:,} | {r['edges']:,} | {_fmt(r['sparql_s'])} | "
                         f"{_fmt(r['networkx_s'])} | {_fmt(r['coverage_s'])} | {r['project_rss_mb']:.0f} MB |")
            if with_metrics and r.get("metrics_nx"):
                metric_rows.append((slice_name, kind, r))
    lines += ["", "Metrics, networkx (the public representation) against igraph on the same graph; igraph's "
              "betweenness is exact, networkx's is sampled (500 pivots, seed 42) above 1,000 nodes.", "",
              "| slice | projection | nodes | edges | metric | networkx | igraph | networkx / igraph |", "|---|---|---|---|---|---|---|---|"]
    for slice_name, kind, r in metric_rows:
        nxm, igm = r["metrics_nx"], r["metrics_igraph"] or {}
        for metric, seconds in nxm.items():
            other = igm.get(metric)
            ratio = f"{seconds / other:.0f}x" if other else "–"
            lines.append(f"| {slice_name} | {kind} | {r['nodes']:,} | {r['edges']:,} | {metric} | {_fmt(seconds)} | {_fmt(other)} | {ratio} |")
        if igm:
            lines.append(f"| {slice_name} | {kind} | | | (copy into igraph) | | {_fmt(igm['convert'])} | |")
        lines.append(f"| {slice_name} | {kind} | | | all metrics | {_fmt(sum(nxm.values()))} | "
                     f"{_fmt(sum(v for k, v in igm.items() if k != 'convert') if igm else None)} | peak RSS + {r['metrics_rss_mb']:.0f} MB |")
    return "\n".join(lines)
