"""Document packs: each document's REST answer and its graph as Turtle, materialised after ingest.

Answering for a document from its graph reads every quad of it (about 40,000 for the longest, 1,154 mentions),
and each quad costs the store a dictionary lookup per term: 150 to 400 ms however the queries are written. So
after an ingest, `refresh_document_packs(store)` writes one pack per document into one graph per volume:

- `{BASE}graph/documents/<volume-id>` (`pack_graph`), replaced when the volume's fingerprint (that of
  graph/statistics.py, with `PACK_FORMAT`) changes; its `fk:DocumentPackVolume` node keeps the fingerprint;
- per document an `fk:DocumentPack` at `{graph}/<doc-id>`: `fk:packedDocument` (the document), `fk:packedJson`
  (the REST document of `api.resources.documents.document_detail` with every name left out, as zlib-compressed
  JSON in base64) and `fk:packedTurtle` (the document's named graph as Turtle, compressed the same way).

A pack is an index, not a copy that matters: the document graph stays the data, a store without packs (or a
document without one) is answered from the graph as before, and the pack is built *by* the graph path, so
both give the same answer (tests/api/test_document_packs.py). What lies outside the document's graph is read
live: the names of the entities, volume and document (authority graphs can be reloaded without re-ingest),
and the document's triples in other graphs (the statistics layer's month keys) for its RDF description.
It reads through `Store.query` and writes through `drop_graphs`/`replace_graphs` only.
"""
from __future__ import annotations

import base64
import json
import re
import time
import zlib
from dataclasses import dataclass
from typing import Callable

import orjson
import pyoxigraph as ox

from graph import OxigraphStore, Store, sparql_terms as st
from graph.formats import used_prefixes
from graph.statistics import volume_fingerprints
from graph.volume_workers import map_volumes
from ontology.iris import document_iri
from ontology.namespaces import BASE, FK, RDF, SERIALIZATION_PREFIXES, XSD, sparql_prologue

from .describe import RDF_TYPES
from .documents import document_detail
from .links import document_ids, labels

__all__ = ["PACK_PREFIX", "PACK_FORMAT", "PackReport", "pack_graph", "pack_document", "packed_detail", "packed_source",
           "unpacked_detail", "naming", "entity_order",
           "packed_description", "packed_json", "has_pack", "document_resource", "named", "refresh_document_packs"]

PACK_PREFIX = f"{BASE}graph/documents/"
PACK_FORMAT = "6"       # bump when a pack's content changes: packs of another format are rebuilt
_P = sparql_prologue("schema", "fk")
_B64 = ox.NamedNode(XSD + "base64Binary")
_BOOKKEEPING = ("sourceDigest", "ingestVolume", "ingestStatus")


@dataclass
class PackReport:
    volumes: int = 0
    documents: int = 0
    removed: int = 0
    unchanged: int = 0
    seconds: float = 0.0


def pack_graph(volume_id: str) -> str:
    """`{BASE}graph/documents/<volume-id>`: the packs of one volume's documents."""
    return PACK_PREFIX + volume_id


def _pack_node(volume_id: str, doc_id: str) -> str:
    return f"{pack_graph(volume_id)}/{doc_id}"


def _encode(data: bytes) -> str:
    return base64.b64encode(zlib.compress(data, 6)).decode("ascii")


def _decode(value: str) -> bytes:
    return zlib.decompress(base64.b64decode(value))


# -- names: what a pack leaves out and a reader fills in ------------------------------------------------
def _refs(detail: dict):
    """Every place of a REST document that holds a name: (the dict, its key for the name, the IRI named)."""
    if detail.get("volume"):
        yield detail["volume"], "title", detail["volume"]["id"]
    for role in detail["authors"] + detail["recipients"]:
        if role["person"]:
            yield role["person"], "name", role["person"]["id"]
    for entity in detail["entities"]:
        yield entity, "name", entity["id"]
    for mention in detail["mentions"]:
        if mention["entity"]:
            yield mention["entity"], "name", mention["entity"]["id"]
        for candidate in mention["candidates"]:
            yield candidate["entity"], "name", candidate["entity"]["id"]
    for claim in detail["claims"]:
        yield claim["document"], "title", claim["document"]["id"]
        for ref in claim["claimants"] + claim["about"]:
            yield ref, "name", ref["id"]


def entity_order(entity: dict) -> tuple:
    """How `document_detail` orders a document's entities: most mentioned first, then by name."""
    return -entity["count"], entity["name"] or entity["id"], entity["id"]


def naming(store: Store, detail: dict) -> tuple[list[str], dict[str, str]]:
    """Read the REST document's names now and write them in (in place), its entities ordered as `document_detail`
    orders them; the IRIs named (each once, sorted) and their names, for a caller that keeps what it made from them."""
    refs = list(_refs(detail))
    iris = sorted({iri for _, _, iri in refs})
    names = labels(store, iris)
    for holder, key, iri in refs:
        holder[key] = names.get(iri)
    detail["entities"].sort(key=entity_order)
    return iris, names


def named(store: Store, detail: dict) -> dict:
    """The REST document with its names read now (in place), its entities ordered as `document_detail` orders them."""
    naming(store, detail)
    return detail


def _dumps(value) -> str:
    """JSON as the REST answer writes it (Starlette's JSONResponse)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _packed_text(detail: dict) -> bytes:
    """PACK_FORMAT 2: the entities as a JSON array, a newline, then the document as JSON in which each name is
    the string NUL + the IRI named and the entities the string SOH + "entities", so a reader can write the
    answer by replacing those strings, without parsing and serialising the whole document again."""
    for holder, key, iri in _refs(detail):
        holder[key] = "\0" + iri
    entities, detail["entities"] = detail["entities"], "\1entities"
    return (_dumps(entities) + "\n" + _dumps(detail)).encode("utf-8")


_NAME = re.compile(r'"\\u0000([^"\\]*)"')
_ENTITIES = '"\\u0001entities"'


def _unpacked(data: bytes) -> tuple[list[dict], str]:
    entities, _, body = data.partition(b"\n")
    return orjson.loads(entities), body.decode("utf-8")


# -- reading ---------------------------------------------------------------------------------------------
def packed_source(store: Store, volume: str, doc: str, predicate: str = "packedJson") -> str | None:
    """The pack's literal as stored (compressed, base64), None without a pack: it changes whenever the pack does,
    so what is made from a pack can be kept under its digest (api/page_cache.py)."""
    try:
        node, graph = st.iri(_pack_node(volume, doc)), st.iri(pack_graph(volume))
    except ValueError:
        return None
    rows = list(store.query(f"SELECT ?v WHERE {{ GRAPH {graph} {{ {node} <{FK}{predicate}> ?v }} }}").rows())
    return rows[0][0].value if rows else None


def _packed(store: Store, volume: str, doc: str, predicate: str) -> bytes | None:
    source = packed_source(store, volume, doc, predicate)
    return None if source is None else _decode(source)


def has_pack(store: Store, volume: str, doc: str) -> bool:
    """Whether the store holds a pack of the document (so the document exists), without reading it."""
    try:
        node, graph = st.iri(_pack_node(volume, doc)), st.iri(pack_graph(volume))
    except ValueError:
        return False
    return bool(store.query(f"ASK {{ GRAPH {graph} {{ {node} <{FK}packedDocument> ?d }} }}").boolean)


def unpacked_detail(source: str) -> dict:
    """The REST document in a pack's `packedJson` literal (`packed_source`), its names not read yet.

    orjson, not the json module: the longest document's pack holds 1.7 MB of JSON (13 ms with json, 9 with orjson),
    and it reads the UTF-8 bytes without decoding them first (3 ms more)."""
    entities, _, body = _decode(source).partition(b"\n")
    detail = orjson.loads(body)
    detail["entities"] = orjson.loads(entities)
    return detail


def packed_detail(store: Store, volume: str, doc: str) -> dict | None:
    """The REST document from its pack, with names read now; None when the store holds no pack of it."""
    source = packed_source(store, volume, doc)
    return None if source is None else named(store, unpacked_detail(source))


def packed_json(store: Store, volume: str, doc: str, context: str | None = None) -> bytes | None:
    """The REST document's JSON as `json_answer` writes it (after an `@context` when given), spliced from its pack
    with the names read now; None when the store holds no pack of it."""
    data = _packed(store, volume, doc, "packedJson")
    if data is None:
        return None
    entities, body = _unpacked(data)
    iris = _NAME.findall(body)
    names = labels(store, [*iris, *(e["id"] for e in entities)])
    for entity in entities:
        entity["name"] = names.get(entity["id"])
    entities.sort(key=entity_order)
    body = _NAME.sub(lambda m: _dumps(names.get(m.group(1))), body).replace(_ENTITIES, _dumps(entities), 1)
    if context is not None:
        body = "{" + _dumps("@context") + ":" + _dumps(context) + "," + body[1:]
    return body.encode("utf-8")


def document_resource(store: Store, volume: str, doc: str) -> dict | None:
    """The REST document: from its pack when the store has one, else read from its graph (`document_detail`)."""
    found = packed_detail(store, volume, doc)
    return found if found is not None else document_detail(store, volume, doc)


def _outside_triples(store: Store, iri: str) -> list[ox.Triple]:
    """The document's own triples in other graphs (less bookkeeping), and its roles': the part of
    `resource_triples` that its graph does not hold."""
    term = st.iri(iri)
    skip = ", ".join(f"fk:{name}" for name in _BOOKKEEPING)
    query = _P + f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
  {{ GRAPH ?g {{ {term} ?p ?o }} BIND ({term} AS ?s) FILTER (?g != {term} && ?p NOT IN ({skip})) }}
  UNION {{ {term} schema:memberOf ?s . ?s a schema:OrganizationRole ; ?p ?o }} }}"""
    return [ox.Triple(s, p, o) for s, p, o in store.query(query).rows()]


def packed_description(store: Store, volume: str, doc: str, media: str) -> bytes | None:
    """The document's RDF description (`resource_triples`) in `media`, from its pack; None without a pack.

    Turtle is the packed graph followed by the few other triples (a Turtle file may declare its prefixes
    again); other formats parse the packed Turtle, which is still far cheaper than reading the graph."""
    turtle = _packed(store, volume, doc, "packedTurtle")
    if turtle is None:
        return None
    rest = _outside_triples(store, document_iri(volume, doc))
    if media == "text/turtle":
        return turtle + b"\n" + _turtle(rest) if rest else turtle
    triples = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE)) + rest
    return ox.serialize(triples, format=RDF_TYPES[media])


def _turtle(triples: list[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=used_prefixes(triples, SERIALIZATION_PREFIXES))


# -- writing ---------------------------------------------------------------------------------------------
def pack_document(store: Store, volume: str, doc: str) -> list[ox.Quad]:
    """The quads of one document's pack (empty when the store has no such document).

    The graph is read once and `document_detail` runs on a copy of it in memory: everything but the names
    (which a pack leaves out) lies in the document's graph, and the on-disk store pays a dictionary lookup
    per term of every quad each time a query reads it (3 times faster on six volumes)."""
    iri = document_iri(volume, doc)
    quads = list(store.quads(iri))
    if not quads:
        return []
    local = OxigraphStore()
    local.replace_graphs({iri: quads})
    detail = document_detail(local, volume, doc)
    if detail is None:
        return []
    turtle = _turtle([ox.Triple(q.subject, q.predicate, q.object) for q in quads])
    g, node = ox.NamedNode(pack_graph(volume)), ox.NamedNode(_pack_node(volume, doc))
    data = _packed_text(detail)
    return [ox.Quad(node, ox.NamedNode(RDF + "type"), ox.NamedNode(FK + "DocumentPack"), g),
            ox.Quad(node, ox.NamedNode(FK + "packedDocument"), ox.NamedNode(iri), g),
            ox.Quad(node, ox.NamedNode(FK + "packedJson"), ox.Literal(_encode(data), datatype=_B64), g),
            ox.Quad(node, ox.NamedNode(FK + "packedTurtle"), ox.Literal(_encode(turtle), datatype=_B64), g)]


def _volume_packs(store: Store, volume_iri: str, fingerprint: str) -> tuple[list[ox.Quad], int]:
    volume = volume_iri.rstrip("/").rsplit("/", 1)[-1]
    g = ox.NamedNode(pack_graph(volume))
    quads = [ox.Quad(g, ox.NamedNode(RDF + "type"), ox.NamedNode(FK + "DocumentPackVolume"), g),
             ox.Quad(g, ox.NamedNode(FK + "packedVolume"), ox.NamedNode(volume_iri), g),
             ox.Quad(g, ox.NamedNode(FK + "packFingerprint"), ox.Literal(fingerprint), g)]
    docs = [row[0].value for row in store.query(_P + f"""SELECT ?doc WHERE {{
      ?doc a fk:Document ; schema:isPartOf {st.iri(volume_iri)} }} ORDER BY ?doc""").rows()]
    for iri in docs:
        ids = document_ids(iri)
        if ids:
            quads += pack_document(store, *ids)
    return quads, len(docs)


def refresh_document_packs(store: Store, *, rebuild: bool = False, workers: int = 0,
                           on_progress: Callable[[int, int], None] | None = None) -> PackReport:
    """Pack the documents of volumes whose fingerprint changed (or that have no packs), drop the packs of volumes
    that are gone; `rebuild` packs every volume again. `workers` ≥ 2 packs volumes in that many processes
    (graph/volume_workers.py)."""
    started = time.perf_counter()
    report = PackReport()
    current = {v: f"{fp};format={PACK_FORMAT}" for v, fp in volume_fingerprints(store).items()}
    known = {row[0].value: row[1].value for row in store.query(_P + """SELECT ?v ?fp WHERE {
      GRAPH ?g { ?g a fk:DocumentPackVolume ; fk:packedVolume ?v ; fk:packFingerprint ?fp } }""").rows()}
    wanted = {pack_graph(v.rstrip("/").rsplit("/", 1)[-1]) for v in current}
    gone = [name for name in store.graph_names() if name.startswith(PACK_PREFIX) and name not in wanted]
    if gone:
        store.drop_graphs(gone)
    report.removed = len(gone)
    stale = sorted(v for v, fp in current.items() if rebuild or known.get(v) != fp)
    report.unchanged = len(current) - len(stale)
    packed = map_volumes(store, _volume_packs, ((v, current[v]) for v in stale), workers=workers)
    for i, ((v, _), (quads, count)) in enumerate(packed, 1):
        name = pack_graph(v.rstrip("/").rsplit("/", 1)[-1])
        store.drop_graphs([name])
        store.replace_graphs({name: quads})
        report.volumes += 1
        report.documents += count
        if on_progress:
            on_progress(i, len(stale))
    report.seconds = time.perf_counter() - started
    return report
