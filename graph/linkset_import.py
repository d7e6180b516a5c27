"""Linksets in: a CSV of links from frus-kg resources to another dataset, checked and stored in its own named graph.

Every line is read and every link checked (the SHACL linkset shape, and that the frus-kg resource exists)
before anything is written; a bad line refuses the whole file with its name and line number. The graph
`{BASE}graph/linkset/<name>` carries the links and a void:Linkset node with the provenance (source, time,
who), and importing the same name again replaces it in one transaction.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from ontology import iris
from ontology.namespaces import BASE, DEFAULT_BASE, PROV, RDF, RDFS, SKOS, WD, XSD

from .errors import GraphError
from .linksets import DATASET_IRI, DCT, VOID
from .store import Store

__all__ = ["Link", "LinksetError", "RELATIONS", "read_linkset", "linkset_graph_iri", "linkset_quads",
           "check_shape", "import_linkset", "remove_linkset", "LINKSET_SHAPES_FILE"]

LINKSET_SHAPES_FILE = Path(iris.__file__).resolve().parent / "linkset-shapes.ttl"
RELATIONS = {name: SKOS + name for name in ("exactMatch", "closeMatch", "relatedMatch")}
_SUBJECT_COLUMNS = ("subject", "frus_kg", "iri", "id", "ours")
_OBJECT_COLUMNS = ("object", "target", "other", "match", "uri", "qid", "wikidata")
_RELATION_COLUMNS = ("relation", "predicate", "relationship")
_KIND_FOLDERS = ("people", "countries", "organizations", "regions")


class LinksetError(GraphError, ValueError):
    """A linkset file that cannot be imported; the message names the file and, where it can, the line."""


@dataclass(frozen=True)
class Link:
    line: int
    subject: str
    relation: str
    object: str


def _relation(text: str, where: str) -> str:
    key = text.strip().removeprefix("skos:").removeprefix(SKOS)
    if key not in RELATIONS:
        raise LinksetError(f"{where}: relation {text!r} is not skos:exactMatch, skos:closeMatch or skos:relatedMatch")
    return RELATIONS[key]


def _object(text: str, where: str) -> str:
    text = text.strip()
    if re.fullmatch(r"Q[1-9][0-9]*", text):
        return WD + text
    try:
        ox.NamedNode(text)
    except ValueError:
        raise LinksetError(f"{where}: {text!r} is not an IRI (nor a Wikidata QID)") from None
    return text


def _subject_forms(text: str) -> list[str]:
    text = text.strip()
    if text.startswith(("http://", "https://")):
        return [text]
    if text.split("/", 1)[0] in _KIND_FOLDERS:
        return [BASE + text]
    return [f"{BASE}{folder}/{text}" for folder in _KIND_FOLDERS]


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    lowered = [h.strip().lower() for h in header]
    return next((lowered.index(n) for n in names if n in lowered), None)


def read_linkset(path: Path, relation: str | None = None) -> list[tuple[int, list[str], str, str]]:
    """(line, subject forms, relation IRI, object IRI) for each row; a row that cannot be read refuses the file."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise LinksetError(f"{path}: cannot read: {exc}") from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise LinksetError(f"{path}: empty file; expected a header with subject, object and relation columns")
    header = rows[0]
    s_col, o_col, r_col = (_column(header, names) for names in (_SUBJECT_COLUMNS, _OBJECT_COLUMNS, _RELATION_COLUMNS))
    if s_col is None or o_col is None or (r_col is None and relation is None):
        raise LinksetError(f"{path}:1: the header needs a subject column ({'/'.join(_SUBJECT_COLUMNS)}), an object "
                           f"column ({'/'.join(_OBJECT_COLUMNS)}) and a relation column ({'/'.join(_RELATION_COLUMNS)}) "
                           f"or --relation; found {header}")
    default = _relation(relation, f"{path}: --relation") if relation else None
    out = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = f"{path}:{number}"
        if len(row) < len(header):
            raise LinksetError(f"{where}: {len(row)} cells, the header has {len(header)}")
        subject, obj = row[s_col].strip(), row[o_col].strip()
        if not subject or not obj:
            raise LinksetError(f"{where}: the {'subject' if not subject else 'object'} is empty")
        rel = _relation(row[r_col], where) if r_col is not None and row[r_col].strip() else default
        if rel is None:
            raise LinksetError(f"{where}: the relation is empty")
        out.append((number, _subject_forms(subject), rel, _object(obj, where)))
    if not out:
        raise LinksetError(f"{path}: no links in the file")
    return out


def _resolve(store: Store, path: Path, rows) -> list[Link]:
    forms = sorted({f for _, fs, _, _ in rows for f in fs})
    known: set[str] = set()
    for start in range(0, len(forms), 500):
        values = " ".join(f"<{f}>" for f in forms[start:start + 500])
        q = f"SELECT DISTINCT ?e WHERE {{ VALUES ?e {{ {values} }} ?e ?p ?o }}"
        known |= {row[0].value for row in store.query(q).rows()}
    links = []
    for number, fs, rel, obj in rows:
        found = [f for f in fs if f in known]
        if not found:
            raise LinksetError(f"{path}:{number}: no frus-kg resource {fs[0] if len(fs) == 1 else fs[0].rsplit('/', 1)[1]}"
                               " (give our IRI, a path such as people/102617, or an hsg-people or gsh id)")
        links.append(Link(number, found[0], rel, obj))
    return links


def linkset_graph_iri(name: str) -> str:
    return f"{BASE}graph/linkset/{iris.slug(name)}"


def linkset_quads(links: list[Link], name: str, source: str, who: str, created: datetime | None = None) -> list[ox.Quad]:
    g = ox.NamedNode(linkset_graph_iri(name))
    n = ox.NamedNode
    created = (created or datetime.now(timezone.utc)).replace(microsecond=0)
    source_term = n(source) if re.match(r"^https?://", source) else ox.Literal(source)
    quads = [ox.Quad(n(link.subject), n(link.relation), n(link.object), g) for link in links]
    quads += [ox.Quad(g, n(RDF + "type"), n(VOID + "Linkset"), g), ox.Quad(g, n(RDF + "type"), n(PROV + "Entity"), g),
              ox.Quad(g, n(DCT + "source"), source_term, g),
              ox.Quad(g, n(DCT + "created"), ox.Literal(created.isoformat(), datatype=n(XSD + "dateTime")), g),
              ox.Quad(g, n(DCT + "creator"), n(who) if _IRI.match(who) else ox.Literal(who), g),
              *_agent(g, who),
              ox.Quad(g, n(VOID + "subjectsTarget"), n(DATASET_IRI), g),
              ox.Quad(g, n(VOID + "triples"), ox.Literal(str(len(links)), datatype=n(XSD + "integer")), g)]
    quads += [ox.Quad(g, n(VOID + "linkPredicate"), n(p), g) for p in sorted({link.relation for link in links})]
    return list(dict.fromkeys(quads))


_IRI = re.compile(r"^https?://\S+$")


def _agent(g: ox.NamedNode, who: str) -> list[ox.Quad]:
    """prov:wasAttributedTo takes an agent, not a name: the IRI given (an ORCID), else a node of the linkset's own
    named for who made it."""
    if _IRI.match(who):
        return [ox.Quad(g, ox.NamedNode(PROV + "wasAttributedTo"), ox.NamedNode(who), g)]
    agent = ox.NamedNode(g.value + "/agent")
    return [ox.Quad(g, ox.NamedNode(PROV + "wasAttributedTo"), agent, g),
            ox.Quad(agent, ox.NamedNode(RDF + "type"), ox.NamedNode(PROV + "Agent"), g),
            ox.Quad(agent, ox.NamedNode(RDFS + "label"), ox.Literal(who), g)]


@cache
def _shapes():
    import rdflib

    text = LINKSET_SHAPES_FILE.read_text(encoding="utf-8")
    if BASE != DEFAULT_BASE:
        text = text.replace(re.escape(DEFAULT_BASE).replace("\\", "\\\\"), re.escape(BASE).replace("\\", "\\\\"))
    return rdflib.Graph().parse(data=text, format="turtle")


def check_shape(quads: list[ox.Quad]) -> list[tuple[str, str, str]]:
    """(focus node, value, message) of every violation of the linkset shape."""
    import pyshacl
    import rdflib
    from rdflib.namespace import SH

    data = rdflib.Graph().parse(data=ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                                                  format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    conforms, report, _ = pyshacl.validate(data, shacl_graph=_shapes(), inference="none", allow_warnings=False)
    if conforms:
        return []
    return sorted({(str(report.value(r, SH.focusNode)), str(report.value(r, SH.value) or ""),
                    str(report.value(r, SH.resultMessage) or "violates the linkset shape"))
                   for r in report.subjects(rdflib.RDF.type, SH.ValidationResult)})


def import_linkset(store: Store, path: Path, *, name: str | None = None, source: str | None = None,
                   who: str = "unknown", relation: str | None = None) -> tuple[str, int]:
    """Check the file and store it as one named graph (replacing a previous import of the same name).
    Returns (graph IRI, number of links). Raises LinksetError, and then nothing is stored."""
    path = Path(path)
    links = _resolve(store, path, read_linkset(path, relation))
    name = name or path.stem
    quads = linkset_quads(links, name, source or path.name, who)
    violations = check_shape(quads)
    if violations:
        lines = {(link.subject, link.object): link.line for link in links}
        first = violations[0]
        line = next((n for (s, o), n in lines.items() if s == first[0] and (not first[1] or o == first[1])), None)
        where = f"{path}:{line}" if line else f"{path}"
        raise LinksetError(f"{where}: {first[2]} ({first[0]}{' -> ' + first[1] if first[1] else ''})"
                           + (f"; and {len(violations) - 1} more violation(s)" if len(violations) > 1 else ""))
    graph = linkset_graph_iri(name)
    store.replace_graphs({graph: quads})
    return graph, len(links)


def remove_linkset(store: Store, name: str) -> str:
    """Drop the linkset imported under `name` (its links and its void:Linkset node, one graph); returns its IRI.
    Raises LinksetError naming the linksets the store holds when there is none of that name."""
    graph = linkset_graph_iri(name)
    if not store.has_graph(graph):
        prefix = linkset_graph_iri("x")[:-1]
        held = sorted(g[len(prefix):] for g in store.graph_names() if g.startswith(prefix))
        raise LinksetError(f"no linkset {name!r} in the store; it holds "
                           + (", ".join(repr(h) for h in held) if held else "none"))
    store.drop_graphs([graph])
    return graph
