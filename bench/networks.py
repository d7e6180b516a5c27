"""Networks of actors: time and peak memory of each projection and metric, the store step (the network
table's rows, or the raw mentions by SPARQL) apart from the networkx step, and the same metrics with igraph
in the same run, as a ratio.

The store is two whole volumes ingested into the work folder, with their network table; or, with
`FRUS_KG_BENCH_NETWORK_STORE=DIR`, an existing store opened read-only (the 99-volume corpus, its table
built by `frus-kg index`). Each measurement runs in a fresh interpreter so that its peak RSS is its own.
"""
from __future__ import annotations

import os
import re
import resource
import sys
import time
from pathlib import Path

from bench.fresh_process import call_in_fresh_process

TITLE = "Networks of actors: projections and metrics, networkx and igraph"

VOLUMES = ["frus1977-80v01.xml.gz", "frus1969-76v12.xml.gz"]
PROJECTIONS = [("person-person", "document"), ("person-person", "paragraph"), ("person-person", "sentence"),
               ("person-country", "document"), ("person-organization", "document"), ("country-country", "document"),
               ("correspondence", "document"), ("claimant-entity", "document")]
NX_BETWEENNESS_PIVOTS = 500      # networkx samples this many above 1,000 nodes (graph.networks.metrics)
NX_EXTRAPOLATE_ABOVE = 100_000   # edges: above, networkx betweenness is timed on 10 pivots and scaled to 500


def _rss_mb() -> float:
    """Peak RSS of this process so far, MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_mb() -> float:
    """RSS now, MB: a step's memory is its peak minus this at its start (exact when the step sets a new peak)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _sentences(text: str):
    from ingest.claims.sentences import split_sentences

    return [(s.start, s.end) for s in split_sentences(text)]


_TABLE_TERMS = re.compile(r"vocab#(row|NetworkTable|tableEntities)")


class SideTable:
    """A store opened read-only with its network table kept in a second store beside it, so that a store one
    may not write to (the lead's corpus) can be measured as it would be with its table. Queries naming the
    table's terms go to the side store, the rest to the main one; writes go to the side store. (The evidence
    of one edge, which joins both, is not measured this way.)"""

    def __init__(self, main: str, side: str, *, write: bool = False):
        from graph import open_store

        self.main = open_store(main, read_only=True)
        self.side = open_store(side, read_only=not write)

    def query(self, sparql: str, **kwargs):
        return (self.side if _TABLE_TERMS.search(sparql) else self.main).query(sparql, **kwargs)

    def __getattr__(self, name):          # writes and graph listings: the side store's
        return getattr(self.side, name)

    def quad_count(self) -> int:
        return self.main.quad_count() + self.side.quad_count()

    def close(self) -> None:
        self.main.close()
        self.side.close()


def open_measured(store_path: str):
    """The store to measure: `store_path`, or it with its side table (FRUS_KG_BENCH_NETWORK_TABLE)."""
    from graph import open_store

    side = os.environ.get("FRUS_KG_BENCH_NETWORK_TABLE")
    return SideTable(store_path, side) if side else open_store(store_path, read_only=True)


def build_side_table(main: str, side: str) -> dict:
    """Build (or refresh) the side store's network table from the main store, read-only."""
    from graph.networks.table import refresh_network_table

    db = SideTable(main, side, write=True)
    started = time.perf_counter()
    report = refresh_network_table(db, sentences=_sentences,
                                   on_progress=lambda i, n: print(f"tabled {i}/{n} volumes, {time.perf_counter() - started:.0f} s",
                                                                  file=sys.stderr, flush=True))
    db.close()
    return {"volumes": report.volumes, "rows": report.rows, "seconds": report.seconds, "unchanged": report.unchanged}


def _store(ctx) -> tuple[Path, str]:
    """(store folder, how it was made). The bench's own store gets its network table here."""
    given = os.environ.get("FRUS_KG_BENCH_NETWORK_STORE")
    side = os.environ.get("FRUS_KG_BENCH_NETWORK_TABLE")
    if given and side:
        r = call_in_fresh_process(build_side_table, given, side)
        return Path(given), (f"`{given}` (FRUS_KG_BENCH_NETWORK_STORE, opened read-only) with its network table in "
                             f"`{side}` (FRUS_KG_BENCH_NETWORK_TABLE; {r['volumes']} volume(s), {r['rows']:,} documents "
                             f"tabled in {r['seconds']:.0f} s, {r['unchanged']} unchanged)")
    if given:
        return Path(given), f"`{given}` (given by FRUS_KG_BENCH_NETWORK_STORE, opened read-only)"
    from graph import open_store
    from graph.networks.table import refresh_network_table
    from graph.statistics import refresh_statistics
    from ingest.authorities.rdf import ensure_authority_graphs
    from ingest.parallel import ingest_corpus

    volumes = [ctx.corpus / v for v in VOLUMES[: 1 if ctx.quick else 2] if (ctx.corpus / v).exists()]
    path = ctx.work / "networks-store"
    db = open_store(path)
    ensure_authority_graphs(db)
    ingest_corpus(volumes, db, workers=0)      # committed documents are skipped on a rerun
    refresh_statistics(db)                     # the co-mention lists read its mention lines
    started = time.perf_counter()
    report = refresh_network_table(db, sentences=_sentences)
    db.close()
    return path, (f"{', '.join(v.name.removesuffix('.xml.gz') for v in volumes)} ingested into `{path}`; its network "
                  f"table: {report.volumes} volume(s) tabled in {time.perf_counter() - started:.1f} s")


def describe_store(store_path: str) -> dict:
    """Documents, quads, network table rows and the busiest two consecutive years (by dated documents)."""
    from graph.networks.table import table_state
    from ontology.namespaces import FK

    db = open_measured(store_path)
    docs = int(next(db.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?d a <{FK}Document> }}").rows())[0].value)
    years: dict[str, int] = {}
    for month, n in db.query(f"""SELECT ?m (COUNT(?r) AS ?n) WHERE {{ ?r <{FK}rowMonth> ?m }} GROUP BY ?m""").rows():
        if month.value != "undated":
            years[month.value[:4]] = years.get(month.value[:4], 0) + int(n.value)
    pairs = {(y, str(int(y) + 1)): n + years.get(str(int(y) + 1), 0) for y, n in years.items()}
    busiest = max(pairs, key=pairs.get) if pairs else None
    out = {"documents": docs, "quads": db.quad_count(), "table": table_state(db) is not None,
           "busiest": busiest, "busiest_documents": pairs.get(busiest, 0), "years": years}
    db.close()
    return out


def project_once(store_path: str, kind: str, window: str, date_from, date_to, source: str) -> dict:
    """One projection with its coverage, in this fresh process: seconds per step, peak RSS growth, sizes; then
    (from the table) its metrics, its Cytoscape.js JSON, and the same request again (from the cache of drawn
    networks: what a page that asks twice waits)."""
    from graph.networks import Filters, Spec, add_metrics, build_network, export

    db = open_measured(store_path)
    base = _current_mb()
    spec = Spec(kind, window, filters=Filters(date_from, date_to))
    started = time.perf_counter()
    g = build_network(db, spec, sentences=_sentences, metrics=False, source=source)
    total = time.perf_counter() - started
    metrics_s = export_s = cached_s = None
    if source == "table":
        import igraph  # noqa: F401  (imported before the clock starts)
        metrics_s, _, _ = _timed(lambda: add_metrics(g))
        export_s, _, _ = _timed(lambda: export(g, "cytoscape"))
        cached_s, _, _ = _timed(lambda: build_network(db, spec, sentences=_sentences, metrics=False, source=source))
    db.close()
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "total_s": total, "source": g.graph["source"],
            "metrics_s": metrics_s, "export_s": export_s, "cached_s": cached_s, "engines": g.graph.get("engines"),
            **{f"{k}_s": v for k, v in g.graph["timings"].items()}, "rss_mb": max(0.0, _rss_mb() - base), "peak_mb": _rss_mb()}


def _timed(fn) -> tuple[float, float, object]:
    """(seconds, growth of the peak RSS in MB, result)."""
    rss, started = _current_mb(), time.perf_counter()
    result = fn()
    return time.perf_counter() - started, max(0.0, _rss_mb() - rss), result


def _networkx_metrics(g) -> dict[str, tuple[float, float, str]]:
    import networkx as nx

    from graph.networks import metrics as m

    k = NX_BETWEENNESS_PIVOTS if len(g) > 1000 else None
    steps = {"degree": lambda: dict(g.degree()), "weighted_degree": lambda: dict(g.degree(weight="weight"))}
    if g.number_of_edges() > NX_EXTRAPOLATE_ABOVE:
        steps["betweenness"] = lambda: nx.betweenness_centrality(g, k=10, seed=42)
    else:
        steps["betweenness"] = lambda: nx.betweenness_centrality(g, k=k, seed=42)
    steps.update(pagerank=lambda: m.pagerank(g), eigenvector=lambda: m._eigenvector(g),
                 louvain=lambda: m._communities(g, 42))
    out = {}
    for name, fn in steps.items():
        seconds, rss, _ = _timed(fn)
        note = "exact" if name == "betweenness" and k is None else ""
        if name == "betweenness" and g.number_of_edges() > NX_EXTRAPOLATE_ABOVE:
            seconds, note = seconds * NX_BETWEENNESS_PIVOTS / 10, f"{NX_BETWEENNESS_PIVOTS} pivots, extrapolated from 10"
        elif name == "betweenness" and k:
            note = f"{k} pivots"
        out[name] = (seconds, rss, note)
    return out


def _igraph_metrics(g) -> dict[str, tuple[float, float, str]]:
    import igraph  # noqa: F401  (imported before the clock starts)

    from graph.networks import metrics as m

    seconds, rss, h = _timed(lambda: m._igraph(g))
    out = {"(copy into igraph)": (seconds, rss, "")}
    exact = len(g) <= m.IGRAPH_EXACT_UP_TO
    steps = {"degree": lambda: h.degree(), "weighted_degree": lambda: h.strength(weights="weight"),
             "betweenness": lambda: m._igraph_betweenness(g, h, NX_BETWEENNESS_PIVOTS, 42),
             "pagerank": lambda: m._igraph_pagerank(g, h), "eigenvector": lambda: m._eigenvector(g, h),
             "louvain": lambda: m._communities(g, 42, h)}
    for name, fn in steps.items():
        seconds, rss, _ = _timed(fn)
        out[name] = (seconds, rss, ("exact" if exact else f"{NX_BETWEENNESS_PIVOTS} pivots") if name == "betweenness" else "")
    return out


def metrics_once(store_path: str, kind: str, date_from, date_to) -> dict:
    """Every metric by networkx, then by igraph, on the same projection (read from the table)."""
    from graph import open_store
    from graph.networks import Filters, Spec, project

    db = open_measured(store_path)
    g = project(db, Spec(kind, filters=Filters(date_from, date_to)))
    db.close()
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
            "networkx": _networkx_metrics(g), "igraph": _igraph_metrics(g)}


def goal_once(store_path: str, date_from, date_to) -> dict:
    """The person network (document window) with its Louvain communities, as `frus-kg network stats` would
    draw it with the default engine: projection, coverage and communities, wall time and peak RSS."""
    from graph import open_store
    from graph.networks import Filters, Spec, build_network
    from graph.networks.metrics import _communities, _igraph, LARGE

    db = open_measured(store_path)
    base, started = _current_mb(), time.perf_counter()
    g = build_network(db, Spec("person-person", filters=Filters(date_from, date_to)), metrics=False)
    built = time.perf_counter() - started
    h = _igraph(g) if g.number_of_edges() > LARGE else None
    found = _communities(g, 42, h)
    total = time.perf_counter() - started
    db.close()
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "project_s": built, "louvain_s": total - built,
            "total_s": total, "engine": "igraph" if h is not None else "networkx", "communities": len(found.members),
            "modularity": found.modularity, "rss_mb": max(0.0, _rss_mb() - base), "peak_mb": _rss_mb(), "source": g.graph["source"],
            **{f"{k}_s": v for k, v in g.graph["timings"].items()}}


def co_mentions_once(store_path: str, repeats: int = 7) -> dict:
    """An entity's whole co-mention list (`/people/{id}/co-mentioned`, before its page is cut) for the most mentioned
    entities, one in the middle and one of a single document: the SPARQL aggregate over the entity's documents that
    every page ran before session 56 against the statistics layer's mention lines (graph/mention_sets.py), taken in
    turn, the median of `repeats` each; both lists compared."""
    from api.resources.co_mentions import _counted_from_documents
    from graph.mention_sets import co_mentions
    from graph.statistics import TOTALS_GRAPH
    from ontology.namespaces import FK

    db = open_measured(store_path)
    ranked = [(e.value, int(n.value)) for e, n in db.query(f"""SELECT ?e ?n WHERE {{ GRAPH <{TOTALS_GRAPH}> {{
      ?t a <{FK}EntityTotal> ; <{FK}entity> ?e ; <{FK}documentCount> ?n FILTER (?n > 0) }} }}
      ORDER BY DESC(?n) ?e""").rows()]
    chosen = ranked[:3] + ranked[len(ranked) // 2:len(ranked) // 2 + 1] + ranked[-1:] if ranked else []
    rows = []
    for entity, documents in chosen:
        if co_mentions(db, entity) is None:
            db.close()
            return {"rows": [], "why": "its statistics hold no mention lines (run frus-kg index)"}
        before, after = [], []
        for _ in range(repeats):
            t0 = time.perf_counter()
            old = _counted_from_documents(db, entity)
            t1 = time.perf_counter()
            new = co_mentions(db, entity)
            after.append(time.perf_counter() - t1)
            before.append(t1 - t0)
        rows.append({"entity": entity, "documents": documents, "co_mentions": len(new), "same": old == new,
                     "before_s": sorted(before)[repeats // 2], "after_s": sorted(after)[repeats // 2]})
    db.close()
    return {"rows": rows, "why": None if rows else "no statistics (run frus-kg index)"}


def _co_mention_table(path: str) -> list[str]:
    r = call_in_fresh_process(co_mentions_once, path)
    if not r["rows"]:
        return [f"Not measured: {r['why']}."]
    lines = ["| entity | documents | co-mentions | same list | before: SPARQL aggregate | after: mention lines | before / after |",
             "|---|---|---|---|---|---|---|"]
    for row in r["rows"]:
        lines.append(_say(f"| {row['entity'].rsplit('/id/', 1)[-1]} | {row['documents']:,} | {row['co_mentions']:,} | "
                          f"{'yes' if row['same'] else 'NO'} | {row['before_s'] * 1000:.2f} ms | {row['after_s'] * 1000:.2f} ms | "
                          f"{row['before_s'] / row['after_s']:.1f}x |"))
    return lines


def _say(line: str) -> str:
    """A finished row, also on stderr as it is measured: a long corpus run that is stopped keeps what it measured."""
    print(line, file=sys.stderr, flush=True)
    return line


def _fmt(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _slices(info: dict) -> dict[str, tuple]:
    out = {"1977–1978": ("1977-01-01", "1978-12-31")}
    if info["busiest"] and info["busiest"] != ("1977", "1978"):
        a, b = info["busiest"]
        out[f"{a}–{b} (busiest)"] = (f"{a}-01-01", f"{b}-12-31")
    out["whole store"] = (None, None)
    return out


def _projection_table(path: str, slices: dict, quick: bool) -> list[str]:
    lines = ["| slice | projection | window | read from | nodes | edges | store step | networkx step | total with coverage | metrics (default engines) | projection + metrics | Cytoscape JSON | again (cached) | memory + | peak RSS |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for slice_name, (date_from, date_to) in slices.items():
        for kind, window in PROJECTIONS[:2] if quick else PROJECTIONS:
            sources = ["table", "mentions"] if (kind, window) == ("person-person", "document") and date_from else ["table"]
            for source in sources:
                r = call_in_fresh_process(project_once, path, kind, window, date_from, date_to, source)
                lines.append(_say(f"| {slice_name} | {kind} | {window} | {r['source']} | {r['nodes']:,} | {r['edges']:,} | "
                             f"{_fmt(r['sparql_s'])} | {_fmt(r['networkx_s'])} | {_fmt(r['total_s'])} | {_fmt(r['metrics_s'])} | "
                             f"{_fmt(r['total_s'] + (r['metrics_s'] or 0)) if r['metrics_s'] is not None else '–'} | "
                             f"{_fmt(r['export_s'])} | {_fmt(r['cached_s'])} | {r['rss_mb']:.0f} MB | {r['peak_mb']:.0f} MB |"))
    return lines


def _metric_table(path: str, slices: dict) -> list[str]:
    lines = ["| slice | projection | nodes | edges | metric | networkx | igraph | networkx / igraph | memory + (nx, igraph) |",
             "|---|---|---|---|---|---|---|---|---|"]
    for slice_name, (date_from, date_to) in slices.items():
        for kind in ("person-person", "claimant-entity"):
            r = call_in_fresh_process(metrics_once, path, kind, date_from, date_to)
            nxm, igm = r["networkx"], r["igraph"]
            for metric, (seconds, rss, note) in [*nxm.items(), ("(copy into igraph)", (None, 0, ""))]:
                other, other_rss, other_note = igm.get(metric, (None, 0, ""))
                ratio = f"{seconds / other:.0f}x" if seconds and other else "–"
                label = metric + (f" (nx: {note}; igraph: {other_note})" if note or other_note else "")
                lines.append(_say(f"| {slice_name} | {kind} | {r['nodes']:,} | {r['edges']:,} | {label} | {_fmt(seconds)} | "
                                  f"{_fmt(other)} | {ratio} | {rss:.0f} / {other_rss:.0f} MB |"))
            total_nx = sum(v[0] for v in nxm.values())
            total_ig = sum(v[0] for v in igm.values())
            lines.append(f"| {slice_name} | {kind} | | | all metrics | {_fmt(total_nx)} | {_fmt(total_ig)} | "
                         f"{total_nx / total_ig:.0f}x | |")
    return lines


def run(ctx) -> str:
    path, made = _store(ctx)
    info = call_in_fresh_process(describe_store, str(path))
    if not info["documents"]:
        return f"No documents in {path}: networks not measured."
    load = os.getloadavg()
    slices = _slices(info)
    lines = [f"Store: {made} ({info['documents']:,} documents, {info['quads']:,} quads; network table "
             f"{'present' if info['table'] else 'ABSENT: every row reads the mentions'}). Load average at the start "
             f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1 / 5 / 15 min) on {os.cpu_count()} cores. Each row is a "
             "fresh interpreter; memory + is the step's peak RSS minus the RSS at its start. The store step is the table's rows "
             "(or the mentions' SPARQL), identity (`skos:exactMatch`) and labels; the networkx step is everything "
             "else (pairs, evidence, the graph).", ""]
    for slice_name, (date_from, date_to) in slices.items():
        r = call_in_fresh_process(goal_once, str(path), date_from, date_to)
        lines.append(_say(f"- **{slice_name}: person network with Louvain, {_fmt(r['total_s'])}** ({r['nodes']:,} nodes, "
                     f"{r['edges']:,} edges, read from the {r['source']}: store step {_fmt(r['sparql_s'])}, networkx step "
                     f"{_fmt(r['networkx_s'])}, coverage and the rest {_fmt(r['project_s'] - r['sparql_s'] - r['networkx_s'])}; "
                     f"Louvain by {r['engine']} {_fmt(r['louvain_s'])}, {r['communities']:,} communities, modularity "
                     f"{r['modularity']:.3f}; memory + {r['rss_mb']:.0f} MB, peak RSS {r['peak_mb']:.0f} MB)"))
    lines += ["", "Co-mention lists: an entity's whole list (each page of `/people/{id}/co-mentioned`), counted by the SPARQL "
              "aggregate every page ran before session 56 and from the statistics layer's mention lines, in turn, median "
              "of 7 each:", "", *_co_mention_table(str(path))]
    lines += ["", *_projection_table(str(path), slices, ctx.quick), "",
              "Metrics, networkx (the public representation) against igraph on the same graph, in the same process:", "",
              *_metric_table(str(path), slices if not ctx.quick else {"whole store": (None, None)})]
    end = os.getloadavg()
    lines += ["", f"Load average at the end {end[0]:.1f} / {end[1]:.1f} / {end[2]:.1f}."]
    return "\n".join(lines)
