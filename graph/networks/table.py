"""The network table: what the projections need from each document, materialised after ingest.

Drawing a network from the raw graph reads every mention's annotation, target and selector, and
Oxigraph plans that join from the entity type, so even a two-year slice reads every person mention of
the store (1.2 s on two volumes, tens of seconds on the corpus). So after an ingest,
`refresh_network_table(store, sentences=…)` writes one row per document:

- `{BASE}graph/networks/<volume-id>`, one graph per volume, replaced when the volume's fingerprint
  (that of graph/statistics.py) changes; its `fk:NetworkTableVolume` node keeps the fingerprint and
  whether the rows hold sentence windows;
- per document an `fk:NetworkRow`: `fk:rowDocument`, `fk:rowVolume`, `fk:rowMonth` ("1977-03", or
  "undated"), `fk:rowDate` (the day), `fk:rowGenre`, and `fk:rowData`, one string packing the rest
  (`ROW_FORMAT`): each entity's mentions with their offsets, target and paragraph and sentence
  windows, the heading's authors and recipients, and the claims with their claimant and subject;
- `{BASE}graph/networks` (`TABLE_GRAPH`), written last: that the table is complete, and whether every
  volume's rows have sentence windows.

A slice is then one lookup of its months (`VALUES ?month`), a few thousand rows, and no document text.
The IRIs are kept as the store has them: `entities.canonical` is applied when a network is drawn, so
reloading the authorities needs no rebuild. It reads through `Store.query` and writes through
`replace_graphs`/`drop_graphs` only, so it works the same against a remote SPARQL server.
"""
from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, NamedTuple

import pyoxigraph as ox

from graph.statistics import volume_fingerprints
from graph.store import Store
from ontology.namespaces import BASE, FK, OA, PROV, RDF, SCHEMA

from .filters import CLAIM_TYPES, ENTITY_KINDS, Filters
from .windows import Segmenter, Spans, paragraphs

__all__ = ["TABLE_PREFIX", "TABLE_GRAPH", "ROW_FORMAT", "TableReport", "TableRow", "MentionRow", "ClaimRow",
           "Tabled", "table_graph", "table_state", "volume_rows", "refresh_network_table", "read_rows", "pack"]

TABLE_PREFIX = f"{BASE}graph/networks/"
TABLE_GRAPH = f"{BASE}graph/networks"
ROW_FORMAT = "2"        # bump when the packing changes: a table of another format is rebuilt
_KIND_OF_CLASS = {cls: kind for kind, cls in ENTITY_KINDS.items()}
_CLAIM_NAME = {iri: name for name, iri in CLAIM_TYPES.items()}
_MARKUP = FK + "tei-markup"
_TYPE = ox.NamedNode(RDF + "type")
_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")


def _fk(name: str) -> ox.NamedNode:
    return ox.NamedNode(FK + name)


def table_graph(volume_iri: str) -> str:
    """`{BASE}graph/networks/<volume-id>` for the volume `{BASE}historicaldocuments/<volume-id>`."""
    return TABLE_PREFIX + volume_iri.rstrip("/").rsplit("/", 1)[-1]


class MentionRow(NamedTuple):
    start: int
    end: int
    target: str
    body: str
    kind: str                      # person, country, organization, region
    marked: bool                   # from the editors' markup (fk:tei-markup)
    paragraph: tuple[int, int] | None = None
    sentence: tuple[int, int] | None = None


class ClaimRow(NamedTuple):
    claim_type: str                # assessment, … (or the class IRI when it is none of CLAIM_TYPES)
    who: str
    about: str
    start: int
    end: int
    target: str


@dataclass
class Tabled:
    """What the projections need of one document, as the refresh gathers it (`pack` writes it)."""
    document: str
    date: str | None = None
    heading: int | None = None     # length of its heading (schema:name), the passage of a correspondence edge
    mentions: list[MentionRow] = field(default_factory=list)
    letters: list[tuple[str, str]] = field(default_factory=list)      # (author, recipient)
    claims: list[ClaimRow] = field(default_factory=list)


# -- packing: one string per document --------------------------------------------------------------------
def _short(iri: str, document: str) -> str:
    return "~" + iri[len(document) + 1:] if iri.startswith(document + "/") else iri


def _long(value: str, document: str) -> str:
    return f"{document}/{value[1:]}" if value.startswith("~") else value


def _span(value: str) -> tuple[int, int] | None:
    if not value:
        return None
    s, e = value.split("-")
    return int(s), int(e)


def pack(row: Tabled) -> str:
    """ROW_FORMAT: lines of tab-separated fields. First `h HEADING-LENGTH MARKED` (MARKED 1 when the editors
    marked up a person in it); then `m KIND BODY MARKED START END TARGET PARAGRAPH SENTENCE` (a window as
    `start-end`, empty when the mention is in none, or not computed); `a AUTHOR RECIPIENT`;
    `c TYPE WHO ABOUT START END TARGET`. IRIs under the document's own are written `~rest`."""
    d = row.document
    marked = any(m.marked and m.kind == "person" for m in row.mentions)
    lines = [f"h\t{'' if row.heading is None else row.heading}\t{int(marked)}"]
    for m in row.mentions:
        windows = ["" if w is None else f"{w[0]}-{w[1]}" for w in (m.paragraph, m.sentence)]
        lines.append("\t".join(("m", m.kind, m.body, "1" if m.marked else "0", str(m.start), str(m.end),
                                _short(m.target, d), *windows)))
    lines += [f"a\t{a}\t{r}" for a, r in row.letters]
    lines += ["\t".join(("c", c.claim_type, c.who, c.about, str(c.start), str(c.end), _short(c.target, d)))
              for c in row.claims]
    return "\n".join(lines)


_WINDOW_FIELD = {"paragraph": 7, "sentence": 8}


class TableRow:
    """One document's row as read: its lines are parsed when asked for, and only those of the kinds asked for
    (a person network of the corpus skips the country and organization mentions unread)."""
    __slots__ = ("document", "date", "data")

    def __init__(self, document: str, date: str | None, data: str):
        self.document, self.date, self.data = document, date, data

    def _head(self) -> list[str]:
        return self.data.split("\n", 1)[0].split("\t")

    @property
    def heading(self) -> int | None:
        value = self._head()[1]
        return int(value) if value else None

    @property
    def marked(self) -> bool:
        """Whether the editors marked up a person in it (what coverage counts)."""
        return self._head()[2] == "1"

    def mentions(self, kinds: Iterable[str] = tuple(ENTITY_KINDS), window: str = "document") -> list[tuple]:
        """(start, end, target, body, kind, span of the window or None) of its mentions of those kinds."""
        prefixes = tuple(f"m\t{k}\t" for k in kinds)
        field_ = _WINDOW_FIELD.get(window)
        doc = self.document
        found = []
        for line in self.data.split("\n"):
            if line.startswith(prefixes):
                f = line.split("\t")
                found.append((int(f[4]), int(f[5]), _long(f[6], doc), f[2], f[1], _span(f[field_]) if field_ else None))
        return found

    @property
    def letters(self) -> list[tuple[str, str]]:
        return [tuple(line.split("\t")[1:3]) for line in self.data.split("\n") if line.startswith("a\t")]

    @property
    def claims(self) -> list[ClaimRow]:
        found = []
        for line in self.data.split("\n"):
            if line.startswith("c\t"):
                f = line.split("\t")
                found.append(ClaimRow(f[1], f[2], f[3], int(f[4]), int(f[5]), _long(f[6], self.document)))
        return found


# -- building one volume's rows ----------------------------------------------------------------------------
def _query(store: Store, sparql: str) -> list[tuple]:
    return list(store.query(sparql).rows())


def _documents(store: Store, volume: str) -> dict[str, dict]:
    """Each document of the volume: date, genres (as terms), heading length, text."""
    found: dict[str, dict] = {}
    for doc, date, genre, heading, text in _query(store, f"""SELECT ?doc ?date ?genre (STRLEN(?name) AS ?heading) ?text WHERE {{
      ?doc <{SCHEMA}isPartOf> <{volume}> ; a <{FK}Document> .
      OPTIONAL {{ ?doc <{SCHEMA}dateCreated> ?date }} OPTIONAL {{ ?doc <{SCHEMA}genre> ?genre }}
      OPTIONAL {{ ?doc <{SCHEMA}name> ?name }} OPTIONAL {{ ?doc <{SCHEMA}text> ?text }} }}"""):
        entry = found.setdefault(doc.value, {"date": None, "genres": [], "heading": None, "text": ""})
        if date is not None:
            entry["date"] = date.value[:10]
        if genre is not None and genre not in entry["genres"]:
            entry["genres"].append(genre)
        if heading is not None:
            entry["heading"] = int(heading.value)
        if text is not None:
            entry["text"] = text.value
    return found


def _mentions(store: Store, volume: str) -> dict[str, list[tuple]]:
    """doc → (start, end, target, body, kind, marked) of its mentions of persons, countries, organizations, regions.

    Read from each document's own graph, where the ingest writes them: twice as fast as the same join
    over the union graph (2.6 s against 6.2 s for frus1977-80v01's 16,489 mentions, loaded machine)."""
    found: dict[str, list[tuple]] = defaultdict(list)
    for doc, body, cls, method, start, end, target in _query(store, f"""SELECT ?doc ?body ?type ?method ?start ?end ?target WHERE {{
      ?doc <{SCHEMA}isPartOf> <{volume}> ; a <{FK}Document> .
      GRAPH ?doc {{ ?m a <{FK}Mention> ; <{OA}hasTarget> ?target ; <{OA}hasBody> ?body ; <{FK}entityType> ?type ;
        <{FK}method> ?method . ?target <{OA}hasSelector> ?sel . ?sel <{OA}start> ?start ; <{OA}end> ?end }} }}"""):
        kind = _KIND_OF_CLASS.get(cls.value)
        if kind:
            found[doc.value].append((int(start.value), int(end.value), target.value, body.value, kind,
                                     method.value == _MARKUP))
    return found


def _letters(store: Store, volume: str) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for doc, author, recipient in _query(store, f"""SELECT ?doc ?author ?recipient WHERE {{
      ?doc <{SCHEMA}isPartOf> <{volume}> ; a <{FK}Document> ; <{SCHEMA}author> ?author ; <{SCHEMA}recipient> ?recipient }}"""):
        found[doc.value].append((author.value, recipient.value))
    return found


def _claims(store: Store, volume: str) -> dict[str, list[ClaimRow]]:
    found: dict[str, list[ClaimRow]] = defaultdict(list)
    for doc, cls, who, about, start, end, target in _query(store, f"""SELECT ?doc ?type ?who ?about ?start ?end ?target WHERE {{
      ?doc <{SCHEMA}isPartOf> <{volume}> ; a <{FK}Document> .
      GRAPH ?doc {{ ?claim <{PROV}wasDerivedFrom> ?doc ; <{FK}claimType> ?type ; <{PROV}wasAttributedTo> ?who ;
        <{SCHEMA}about> ?about ; <{OA}hasTarget> ?target .
        ?target <{OA}hasSelector> ?sel . ?sel <{OA}start> ?start ; <{OA}end> ?end }} }}"""):
        found[doc.value].append(ClaimRow(_CLAIM_NAME.get(cls.value, cls.value), who.value, about.value,
                                         int(start.value), int(end.value), target.value))
    return found


def _windowed(text: str, mentions: Iterable[tuple], sentences: Segmenter | None) -> list[MentionRow]:
    """The mentions with the paragraph and sentence that hold their start (windows.Spans, as the raw path)."""
    mentions = sorted(set(mentions))
    if not mentions:
        return []
    by_paragraph = Spans(paragraphs(text))
    by_sentence = Spans(sentences(text)) if sentences else None
    return [MentionRow(s, e, target, body, kind, marked, by_paragraph.at(s), by_sentence.at(s) if by_sentence else None)
            for s, e, target, body, kind, marked in mentions]


def volume_rows(store: Store, volume: str, sentences: Segmenter | None = None) -> list[tuple[Tabled, list]]:
    """(row, genre terms) for every document of the volume, in document order."""
    documents = _documents(store, volume)
    mentions, letters, claims = _mentions(store, volume), _letters(store, volume), _claims(store, volume)
    rows = []
    for doc in sorted(documents):
        d = documents[doc]
        row = Tabled(doc, d["date"], d["heading"], _windowed(d["text"], mentions.get(doc, ()), sentences),
                       sorted(set(letters.get(doc, ()))),
                       sorted(set(claims.get(doc, ())), key=lambda c: (c.start, c.end, c.claim_type, c.who, c.about, c.target)))
        rows.append((row, d["genres"]))
    return rows


def _month(date: str | None) -> str:
    return date[:7] if date and len(date) >= 7 and date[4] == "-" else "undated"


def _volume_quads(volume: str, rows: list[tuple[Tabled, list]], fingerprint: str, sentences: bool) -> list[ox.Quad]:
    g = ox.NamedNode(table_graph(volume))
    v = ox.NamedNode(volume)
    quads = [ox.Quad(g, _TYPE, _fk("NetworkTableVolume"), g), ox.Quad(g, _fk("rowVolume"), v, g),
             ox.Quad(g, _fk("tableFingerprint"), ox.Literal(fingerprint), g),
             ox.Quad(g, _fk("rowFormat"), ox.Literal(ROW_FORMAT), g),
             ox.Quad(g, _fk("sentenceWindows"), ox.Literal(str(sentences).lower(), datatype=ox.NamedNode(
                 "http://www.w3.org/2001/XMLSchema#boolean")), g)]
    for row, genres in rows:
        node = ox.NamedNode(f"{g.value}/{row.document.rstrip('/').rsplit('/', 1)[-1]}")
        quads += [ox.Quad(node, _TYPE, _fk("NetworkRow"), g), ox.Quad(node, _fk("rowDocument"), ox.NamedNode(row.document), g),
                  ox.Quad(node, _fk("rowVolume"), v, g), ox.Quad(node, _fk("rowMonth"), ox.Literal(_month(row.date)), g),
                  ox.Quad(node, _fk("rowData"), ox.Literal(pack(row)), g)]
        if row.date:
            quads.append(ox.Quad(node, _fk("rowDate"), ox.Literal(row.date), g))
        quads += [ox.Quad(node, _fk("rowGenre"), genre, g) for genre in genres]
    return quads


@dataclass
class TableReport:
    volumes: int = 0            # volumes (re)tabled
    removed: int = 0            # volumes gone, their rows dropped
    unchanged: int = 0
    rows: int = 0               # documents tabled
    sentences: bool = False     # every volume's rows have sentence windows
    seconds: float = 0.0


def _known(store: Store) -> dict[str, tuple[str, str, bool]]:
    """volume → (fingerprint, row format, has sentence windows) of the volumes already tabled."""
    q = f"""SELECT ?v ?fp ?format ?sentences WHERE {{ GRAPH ?g {{ ?g a <{FK}NetworkTableVolume> ; <{FK}rowVolume> ?v ;
      <{FK}tableFingerprint> ?fp ; <{FK}rowFormat> ?format ; <{FK}sentenceWindows> ?sentences }} }}"""
    return {v.value: (fp.value, f.value, s.value == "true") for v, fp, f, s in _query(store, q)}


def _marker(volumes: int, sentences: bool) -> list[ox.Quad]:
    g = ox.NamedNode(TABLE_GRAPH)
    boolean = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
    return [ox.Quad(g, _TYPE, _fk("NetworkTable"), g), ox.Quad(g, _fk("rowFormat"), ox.Literal(ROW_FORMAT), g),
            ox.Quad(g, _fk("sentenceWindows"), ox.Literal(str(sentences).lower(), datatype=boolean), g),
            ox.Quad(g, _fk("volumeCount"), ox.Literal(str(volumes), datatype=ox.NamedNode(
                "http://www.w3.org/2001/XMLSchema#integer")), g)]


def refresh_network_table(store: Store, *, sentences: Segmenter | None = None, rebuild: bool = False,
                          fingerprints: dict[str, str] | None = None,
                          on_progress: Callable[[int, int], None] | None = None) -> TableReport:
    """Table the volumes whose fingerprint changed (or that lack sentence windows when `sentences` is given),
    drop the rows of volumes that are gone, then mark the table complete. While it works the mark is absent,
    so the projections read the mentions instead of a half-written table. `rebuild` tables every volume."""
    started = time.perf_counter()
    report = TableReport()
    current = fingerprints if fingerprints is not None else volume_fingerprints(store)
    known = _known(store)
    wanted = {table_graph(v) for v in current}
    gone = [n for n in store.graph_names() if n.startswith(TABLE_PREFIX) and n not in wanted]
    stale = sorted(v for v in current if rebuild or v not in known or known[v][:2] != (current[v], ROW_FORMAT)
                   or (sentences is not None and not known[v][2]))
    if gone or stale or not store.has_graph(TABLE_GRAPH):
        store.drop_graphs([TABLE_GRAPH, *gone])
    for i, v in enumerate(stale, 1):
        rows = volume_rows(store, v, sentences)
        store.drop_graphs([table_graph(v)])
        store.replace_graphs({table_graph(v): _volume_quads(v, rows, current[v], sentences is not None)})
        report.rows += len(rows)
        known[v] = (current[v], ROW_FORMAT, sentences is not None)
        if on_progress:
            on_progress(i, len(stale))
    report.volumes, report.removed, report.unchanged = len(stale), len(gone), len(current) - len(stale)
    report.sentences = bool(current) and all(known[v][2] for v in current)
    if not store.has_graph(TABLE_GRAPH):
        store.replace_graphs({TABLE_GRAPH: _marker(len(current), report.sentences)})
    report.seconds = time.perf_counter() - started
    return report


# -- reading ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TableState:
    sentences: bool       # the rows have sentence windows


def table_state(store: Store) -> TableState | None:
    """The table's state when it is complete and of this format, else None (the projections read the mentions)."""
    q = f"""SELECT ?format ?sentences WHERE {{ GRAPH <{TABLE_GRAPH}> {{ <{TABLE_GRAPH}> a <{FK}NetworkTable> ;
      <{FK}rowFormat> ?format ; <{FK}sentenceWindows> ?sentences }} }}"""
    found = _query(store, q)
    if not found or found[0][0].value != ROW_FORMAT:
        return None
    return TableState(found[0][1].value == "true")


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last[:7]:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


_MAX_MONTHS = 240       # a wider range filters the dates instead of naming its months


def _row_patterns(filters: Filters) -> str:
    from graph.sparql_terms import iri, literal, values
    from ontology import iris

    parts = []
    if filters.date_from and filters.date_to and len(_months(filters.date_from, filters.date_to)) <= _MAX_MONTHS:
        parts.append(values("month", (literal(m) for m in _months(filters.date_from, filters.date_to)))
                     + f" ?row <{FK}rowMonth> ?month .")
    if filters.volumes:
        parts.append(values("volume", (iri(iris.volume_iri(v)) for v in filters.volumes)) + f" ?row <{FK}rowVolume> ?volume .")
    if filters.genres:
        parts.append(values("genre", (literal(g) for g in filters.genres)) + f" ?row <{FK}rowGenre> ?genre .")
    return "\n  ".join(parts)


def read_rows(store: Store, filters: Filters, *, mentioning: tuple[set[str], set[str]] | None = None) -> list[TableRow]:
    """The rows of the filtered documents, in document order. `mentioning`: only documents that mention one
    IRI of each of the two sets (`schema:mentions`), to list the evidence of one edge."""
    restrict = ""
    if mentioning:
        from .entities import iri_values
        restrict = (f"{iri_values('x', sorted(mentioning[0]))} ?doc <{SCHEMA}mentions> ?x . "
                    f"{iri_values('y', sorted(mentioning[1]))} ?doc <{SCHEMA}mentions> ?y .")
    q = f"""SELECT ?doc ?date ?data WHERE {{
  {_row_patterns(filters)}
  ?row <{FK}rowDocument> ?doc ; <{FK}rowData> ?data .
  {restrict}
  OPTIONAL {{ ?row <{FK}rowDate> ?date }}
}}"""
    rows = {}
    for doc, date, data in _query(store, q):     # a document of two chosen genres comes twice
        day = date.value if date is not None else None
        if (filters.date_from or filters.date_to) and (
                day is None or (filters.date_from and day < filters.date_from) or (filters.date_to and day > filters.date_to)):
            continue
        rows[doc.value] = (day, data.value)
    return [TableRow(doc, *rows[doc]) for doc in sorted(rows)]
