"""Networks written for other tools: GEXF 1.3 (Gephi, dynamic), GraphML, Cytoscape.js JSON, node-link
JSON and CSV node and edge tables (Palladio, R).

Every format carries the same columns: labels, kinds, authority links, weights, first and last
dates, the intervals undated editorial notes tell of (`note_intervals`), evidence (passage addresses
`…/d54#char=120,340`, and their printed pages when the store is given) and whatever metrics were computed.
networkx writes GEXF 1.2draft only, so GEXF 1.3 is written here with lxml. In GEXF a node or edge lives over its
first to last date and the intervals its undated editorial notes tell of (spells, merged where they meet: Gephi refuses
overlapping ones), so Gephi's timeline no longer shows a tie seen only in such notes at all times.

`documents_per_marked` is undefined for a node none of whose years has the editors' person markup (a plain-text
store), or whose documents are all undated. Such nodes used to get no attribute at all, so Gephi showed the column
missing with no word why. The column is now declared with `NaN` as its default (GEXF, GraphML), is `null` in JSON
and empty in CSV, and the graph's metadata (`missing_values`) says how many nodes lack it and why.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Iterable

import networkx as nx
import orjson
from lxml import etree

from graph.store import Store

from .collector import collector_paused
from .evidence import Passage
from .pages import evidence_pages

__all__ = ["FORMATS", "MEDIA_TYPES", "node_rows", "edge_rows", "export", "spells", "to_gexf", "to_graphml", "to_cytoscape",
           "to_node_link", "to_csv", "GEXF_NS"]

GEXF_NS = "http://gexf.net/1.3"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
FORMATS = ("gexf", "graphml", "cytoscape", "node-link", "csv-nodes", "csv-edges")
MEDIA_TYPES = {
    "gexf": "application/gexf+xml", "graphml": "application/graphml+xml", "cytoscape": "application/json",
    "node-link": "application/json", "csv-nodes": "text/csv", "csv-edges": "text/csv",
}
# column → GEXF/GraphML type; metrics appear only when computed
NODE_COLUMNS = {
    "label": "string", "kind": "string", "iri": "string", "authority": "string", "linked": "boolean",
    "documents": "integer", "first": "string", "last": "string", "marked_documents": "integer",
    "documents_per_marked": "double", "degree": "integer", "weighted_degree": "double", "betweenness": "double",
    "pagerank": "double", "eigenvector": "double", "community": "integer",
}
MISSING = "NaN"            # GEXF's and GraphML's value of an undefined double: what a node without a rate is given
# a column a node may lack for a reason -> the column that says the node was measured (coverage.normalise)
UNDEFINED = {"documents_per_marked": "marked_documents"}
EDGE_COLUMNS = {
    "weight": "double", "documents": "integer", "passages": "integer", "first": "string", "last": "string",
    "note_intervals": "string", "claim_types": "string", "evidence_documents": "string", "evidence_passages": "string", "evidence_pages": "string",
}
NO_PAGE = "-"              # a passage whose pages the store does not record, in the flat `evidence_pages`
TIMELINE = ("nodes and edges live from their first to their last date and over the intervals their undated editorial "
            "notes tell of (note_intervals), as spells; Gephi's timeline shows one wherever its window overlaps one of "
            "them, whereas a time slice (--from, --to) and the network page's slider count a note only when its whole "
            "interval lies in the window")


def _flat(value):
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    if isinstance(value, dict):
        return " ".join(f"{k}:{v}" for k, v in value.items())
    return value


def node_rows(g: nx.Graph, *, flat: bool = True) -> list[dict]:
    """One dict per node: `id` and the columns it has (lists joined by spaces when `flat`)."""
    rows = []
    for n, data in g.nodes(data=True):
        row = {"id": n}
        for col in NODE_COLUMNS:
            if data.get(col) is not None:
                row[col] = _flat(data[col]) if flat else data[col]
            elif UNDEFINED.get(col) in data:
                row[col] = None             # measured, and undefined: said, not left out (`missing_values`)
        rows.append(row)
    return rows


def edge_rows(g: nx.Graph, *, flat: bool = True, pages: dict[Passage, list] | None = None) -> list[dict]:
    """One dict per edge: `source`, `target` and its columns; evidence as passage addresses (or dicts). With the
    printed `pages` of the passages (`evidence_pages`), each passage's pages: joined by commas, one word a passage
    in the order of `evidence_passages` when `flat`, else `page` and `pages` on each passage's dict."""
    rows = []
    for u, v, data in g.edges(data=True):
        row = {"source": u, "target": v}
        for col in EDGE_COLUMNS:
            if data.get(col) is not None:
                row[col] = _flat(data[col]) if flat else data[col]
        evidence = data.get("evidence")
        if evidence is not None:
            row["evidence_documents"] = _flat(evidence.documents) if flat else list(evidence.documents)
            row["evidence_passages"] = (" ".join(p.iri for p in evidence.passages) if flat else
                                        [{"passage": p.iri, "document": p.document, "start": p.start, "end": p.end,
                                          "targets": list(p.targets), **_printed(pages, p)} for p in evidence.passages])
            if pages is not None and flat:
                row["evidence_pages"] = " ".join(",".join(map(str, pages[p])) or NO_PAGE for p in evidence.passages)
        rows.append(row)
    return rows


def _printed(pages: dict[Passage, list] | None, passage: Passage) -> dict:
    if pages is None:
        return {}
    found = pages[passage]
    return {"page": found[0] if found else None, "pages": found}


def _about(g: nx.Graph) -> dict:
    keys = ("kind", "window", "weight_by", "filters", "ego", "radius", "metrics_of", "evidence_cap", "modularity",
            "communities", "betweenness_samples", "seed", "coverage_warning", "date_rule")
    about = {k: g.graph[k] for k in keys if g.graph.get(k) is not None}
    missing = _missing_values(g)
    if missing:
        about["missing_values"] = missing
    return about


def _missing_values(g: nx.Graph) -> dict[str, str]:
    """Why some nodes have no value in a column, for the graph's metadata: the one place a reader of the file is told."""
    undated = unmarked = others = 0
    for _, data in g.nodes(data=True):
        if "marked_documents" in data and data.get("documents_per_marked") is None:
            if data.get("kind") != "person":
                others += 1
            elif data.get("first"):
                unmarked += 1
            else:
                undated += 1
    if not undated + unmarked + others:
        return {}
    reasons = [f"{unmarked} have no document of their years with the editors' person markup (plain-text copies, "
               "volumes without a persons list), so there is nothing to divide by"] if unmarked else []
    reasons += [f"{undated} have only undated documents, so no years to measure by"] if undated else []
    reasons += [f"{others} are no people, and the markup counts people (our reading finds countries, organizations "
                "and regions in marked and unmarked volumes alike)"] if others else []
    return {"documents_per_marked": (
        f"undefined for {undated + unmarked + others} of {g.number_of_nodes()} nodes: {'; '.join(reasons)}. It is written "
        f"{MISSING} in GEXF and GraphML (the attribute's default), null in JSON and an empty cell in CSV; compare "
        "those nodes by documents")}


def _present(rows: list[dict], columns: dict[str, str]) -> dict[str, str]:
    seen = {k for row in rows for k in row}
    return {c: t for c, t in columns.items() if c in seen}


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def spells(first: str | None, last: str | None, told: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The days a node or edge was seen over: its first to last date and each interval its undated editorial notes
    tell of ("1979-02-24/1979-03-30"), sorted and merged where they overlap or meet, since Gephi refuses overlapping
    intervals on one element ("Overlapping intervals aren't allowed")."""
    spans = [(first, last or first)] if first else []
    for interval in told:
        start, _, end = interval.partition("/")
        spans.append((start, end or start))
    merged: list[tuple[str, str]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _node_told(g: nx.Graph) -> dict[str, set[str]]:
    """Each node's intervals of the undated editorial notes its ties were seen in: it lives then too, or Gephi's
    timeline would hide those ties with it."""
    told: dict[str, set[str]] = {}
    for u, v, data in g.edges(data=True):
        for interval in data.get("note_intervals") or ():
            told.setdefault(u, set()).add(interval)
            told.setdefault(v, set()).add(interval)
    return told


def _timed(el, when: list[tuple[str, str]]) -> None:
    """One interval as `start` and `end`, several as `<spells>` (Gephi reads the attributes only where there are none)."""
    if len(when) == 1:
        el.set("start", when[0][0])
        el.set("end", when[0][1])
    elif when:
        listed = etree.SubElement(el, "spells")
        for start, end in when:
            etree.SubElement(listed, "spell", start=start, end=end)


def to_gexf(g: nx.Graph, pages: dict[Passage, list] | None = None) -> bytes:
    """GEXF 1.3, dynamic: nodes and edges live from their first to their last date (inclusive) and over the intervals
    their undated editorial notes tell of (`spells`)."""
    nodes, edges = node_rows(g), edge_rows(g, pages=pages)
    about, node_told = _about(g), _node_told(g)
    if node_told:
        about["timeline"] = TIMELINE
    root = etree.Element(f"{{{GEXF_NS}}}gexf", nsmap={None: GEXF_NS, "xsi": _XSI}, version="1.3")
    root.set(f"{{{_XSI}}}schemaLocation", f"{GEXF_NS} {GEXF_NS}/gexf.xsd")
    meta = etree.SubElement(root, "meta", lastmodifieddate=dt.date.today().isoformat())
    etree.SubElement(meta, "creator").text = "frus-kg"
    etree.SubElement(meta, "description").text = json.dumps(about, sort_keys=True)
    graph = etree.SubElement(root, "graph", mode="dynamic", timeformat="date", timerepresentation="interval",
                             defaultedgetype="directed" if g.is_directed() else "undirected")
    node_cols = {c: t for c, t in _present(nodes, NODE_COLUMNS).items() if c != "label"}
    edge_cols = {c: t for c, t in _present(edges, EDGE_COLUMNS).items() if c != "weight"}
    for cls, cols in (("node", node_cols), ("edge", edge_cols)):
        attributes = etree.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
        for col, kind in cols.items():
            attribute = etree.SubElement(attributes, "attribute", id=col, title=col, type=kind)
            if cls == "node" and col in UNDEFINED:
                etree.SubElement(attribute, "default").text = MISSING

    def element(parent, tag, attrs, row, cols, told):
        el = etree.SubElement(parent, tag, attrs)
        _timed(el, spells(row.get("first"), row.get("last"), told))
        values = etree.SubElement(el, "attvalues")
        for col in cols:
            if row.get(col) is not None:
                etree.SubElement(values, "attvalue", {"for": col, "value": _text(row[col])})

    xml_nodes = etree.SubElement(graph, "nodes")
    for row in nodes:
        element(xml_nodes, "node", {"id": row["id"], "label": str(row.get("label", row["id"]))}, row, node_cols,
                node_told.get(row["id"], ()))
    xml_edges = etree.SubElement(graph, "edges")
    for i, (row, (*_, data)) in enumerate(zip(edges, g.edges(data=True))):
        element(xml_edges, "edge", {"id": str(i), "source": row["source"], "target": row["target"],
                                    "weight": _text(float(row.get("weight", 1)))}, row, edge_cols,
                data.get("note_intervals") or ())
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def to_graphml(g: nx.Graph, pages: dict[Passage, list] | None = None) -> bytes:
    """GraphML by networkx's writer; a column a node may lack for a reason is declared first, with its default."""
    flat = nx.DiGraph() if g.is_directed() else nx.Graph()
    flat.graph.update({k: json.dumps(v) if isinstance(v, (dict, list)) else v for k, v in _about(g).items()})
    nodes = node_rows(g)
    for row in nodes:
        flat.add_node(row.pop("id"), **{k: v for k, v in row.items() if v is not None})
    for row in edge_rows(g, pages=pages):
        flat.add_edge(row.pop("source"), row.pop("target"), **row)
    buffer = io.BytesIO()
    writer = nx.readwrite.graphml.GraphMLWriterLxml(buffer, encoding="utf-8")
    for col in _present(nodes, UNDEFINED):
        writer.get_key(col, NODE_COLUMNS[col], "node", MISSING)
    writer.add_graph_element(flat)
    writer.dump()
    return buffer.getvalue()


def to_cytoscape(g: nx.Graph, pages: dict[Passage, list] | None = None) -> dict:
    """Cytoscape.js elements JSON (`cy.add(json.elements)`); lists stay lists. Each node's data also has `value`
    (its id) and `name` (its label), the keys `networkx.cytoscape_graph` reads, so Python users read it back too."""
    nodes = [{"data": {**row, "value": row["id"], "name": row["label"]}} for row in node_rows(g, flat=False)]
    edges = [{"data": {"id": f"e{i}", **row}} for i, row in enumerate(edge_rows(g, flat=False, pages=pages))]
    return {"data": _about(g), "directed": g.is_directed(), "multigraph": False,
            "elements": {"nodes": nodes, "edges": edges}}


def to_node_link(g: nx.Graph, pages: dict[Passage, list] | None = None) -> dict:
    """networkx's node-link layout (`nx.node_link_graph(data, edges="links")` reads it back)."""
    return {"directed": g.is_directed(), "multigraph": False, "graph": _about(g),
            "nodes": node_rows(g, flat=False), "links": edge_rows(g, flat=False, pages=pages)}


def to_csv(rows: list[dict], first: tuple[str, ...], columns: dict[str, str]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*first, *columns], extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def export(g: nx.Graph, fmt: str, store: Store | None = None) -> bytes:
    """The network in one of FORMATS, as bytes (the collector paused: see collector.py). Given the store it was drawn
    from, each evidence passage carries its printed pages (`evidence_pages`), looked up once for the whole network."""
    with collector_paused():
        pages = evidence_pages(store, g) if store is not None else None
        return _export(g, fmt, pages)


def _json(data: dict) -> bytes:
    """UTF-8 JSON by orjson: 0.09 s against the standard library's 0.6 s for the 45 MB Cytoscape.js answer of the
    busiest two years' person network (99 volumes)."""
    return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)


def _export(g: nx.Graph, fmt: str, pages: dict[Passage, list] | None) -> bytes:
    if fmt == "gexf":
        return to_gexf(g, pages)
    if fmt == "graphml":
        return to_graphml(g, pages)
    if fmt == "cytoscape":
        return _json(to_cytoscape(g, pages))
    if fmt == "node-link":
        return _json(to_node_link(g, pages))
    if fmt == "csv-nodes":
        return to_csv(node_rows(g), ("id",), NODE_COLUMNS)
    if fmt == "csv-edges":
        return to_csv(edge_rows(g, pages=pages), ("source", "target"), EDGE_COLUMNS)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
