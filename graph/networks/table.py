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

import hashlib
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, NamedTuple

import pyoxigraph as ox

from graph.statistics import volume_fingerprints
from graph.store import Store
from graph.volume_workers import map_volumes
from ontology.namespaces import BASE, FK, OA, PROV, RDF, SCHEMA

from .filters import CLAIM_TYPES, ENTITY_KINDS, Filters, NetworkError, told_within
from .windows import Segmenter, Spans, paragraphs

__all__ = ["TABLE_PREFIX", "TABLE_GRAPH", "ROW_FORMAT", "PARTS", "TableReport", "TableRow", "MentionRow", "ClaimRow",
           "Tabled", "TableState", "TableIdentity", "SETS", "table_graph", "table_state", "volume_rows", "entity_lines",
           "identity_fingerprint", "refresh_network_table", "read_rows", "read_slice", "read_identity", "pack", "expand", "document_order"]

_NUMBERED = re.compile(r"^(?P<volume>.*/)d(?P<n>\d{1,9})(?P<rest>[^/]*)$")


def document_order(iri: str) -> tuple:
    """A sort key that puts a volume's documents in the order printed, d18 before d100 (the IRIs' string order
    puts d100 first, and an edge's evidence "in document order" was not)."""
    m = _NUMBERED.match(iri.rstrip("/"))
    return (m.group("volume"), int(m.group("n")), m.group("rest")) if m else (iri, -1, "")


TABLE_PREFIX = f"{BASE}graph/networks/"
TABLE_GRAPH = f"{BASE}graph/networks"
ROW_FORMAT = "5"        # bump when the packing changes: a table of another format is rebuilt (format 3 repacked)
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
    told: tuple[str, str] | None = None     # an undated editorial note: the days it tells of (schema:temporalCoverage)


# -- packing: a few strings per document -------------------------------------------------------------------
# the literal of each part of a row: a projection reads only the parts it draws (a person network skips the
# countries, organizations, regions and claims, four fifths of the table's text)
PARTS = {"person": "rowPersons", "country": "rowCountries", "organization": "rowOrganizations",
         "region": "rowRegions", "letters": "rowLetters", "claims": "rowClaims"}
# per kind, each document's entities in the order of their first mention (as packed, tab-separated): all a network
# of the document window reads of a document until one of its ties gives a passage (ROW_FORMAT 4)
SETS = {"person": "bundlePersonSet", "country": "bundleCountrySet", "organization": "bundleOrganizationSet",
        "region": "bundleRegionSet"}


def _short(iri: str, document: str = "") -> str:
    """`~rest` under the document's own IRI, `^rest` under frus-kg's base, else the IRI."""
    if document and iri.startswith(document + "/"):
        return "~" + iri[len(document) + 1:]
    return "^" + iri[len(BASE):] if iri.startswith(BASE) else iri


def expand(value: str, document: str = "") -> str:
    """The IRI `_short` wrote as `value` (an IRI already whole is returned as it is)."""
    if value.startswith("^"):
        return BASE + value[1:]
    return f"{document}/{value[1:]}" if value.startswith("~") else value


def _span(value: str) -> tuple[int, int] | None:
    if not value:
        return None
    s, e = value.split("-")
    return int(s), int(e)


def pack(row: Tabled) -> tuple[str, dict[str, str]]:
    """(head, part → text), ROW_FORMAT 5. The head is `DATE HEADING-LENGTH MARKED TOLD` (tab-separated; MARKED 1
    when the editors marked up a person in it; TOLD an undated editorial note's interval, `1979-02-24/1979-03-30`). Each part is lines of tab-separated fields: a mention
    `BODY MARKED START END TARGET PARAGRAPH SENTENCE` (its kind is the part's; a window as `start-end`, empty
    when the mention is in none, or not computed), a letter `AUTHOR RECIPIENT`, a claim
    `TYPE WHO ABOUT START END TARGET`. IRIs are shortened by `_short`."""
    d = row.document
    marked = any(m.marked and m.kind == "person" for m in row.mentions)
    told = "/".join(row.told) if row.told else ""
    head = f"{row.date or ''}\t{'' if row.heading is None else row.heading}\t{int(marked)}\t{told}"
    parts: dict[str, list[str]] = {part: [] for part in PARTS}
    for m in row.mentions:
        windows = ["" if w is None else f"{w[0]}-{w[1]}" for w in (m.paragraph, m.sentence)]
        parts[m.kind].append("\t".join((_short(m.body, d), "1" if m.marked else "0", str(m.start), str(m.end),
                                         _short(m.target, d), *windows)))
    parts["letters"] = [f"{_short(a)}\t{_short(r)}" for a, r in row.letters]
    parts["claims"] = ["\t".join((c.claim_type, _short(c.who), _short(c.about), str(c.start), str(c.end), _short(c.target, d)))
                       for c in row.claims]
    return head, {part: "\n".join(lines) for part, lines in parts.items()}


_WINDOW_FIELD = {"paragraph": 5, "sentence": 6}
_FIRST_FIELD = re.compile(r"^[^\t\n]+", re.M)     # each line's first field: a mention's entity
_FIELD = r"([^\t\n]*)"
_CLAIM_HEAD = re.compile(r"^([^\t\n]*)\t([^\t\n]*)\t([^\t\n]*)\t", re.M)     # a claim line's TYPE, WHO, ABOUT
# a mention line's BODY, START, END, TARGET and its PARAGRAPH or SENTENCE window (`pack`)
_WINDOWED = {"paragraph": re.compile(rf"^{_FIELD}\t[^\t\n]*\t(\d+)\t(\d+)\t{_FIELD}\t{_FIELD}\t[^\t\n]*$", re.M),
             "sentence": re.compile(rf"^{_FIELD}\t[^\t\n]*\t(\d+)\t(\d+)\t{_FIELD}\t[^\t\n]*\t{_FIELD}$", re.M)}


class TableRow:
    """One document's row as read: only the parts asked for, each parsed when asked for."""
    __slots__ = ("document", "date", "heading", "marked", "told", "parts", "sets")

    def __init__(self, document: str, head: str, parts: dict[str, str], sets: dict[str, str] | None = None):
        date, heading, marked, told = head.split("\t")
        self.told = tuple(told.split("/", 1)) if told else None
        self.document, self.date, self.parts, self.sets = document, date or None, parts, sets or {}
        self.heading = int(heading) if heading else None
        self.marked = marked == "1"         # the editors marked up a person in it (what coverage counts)

    def _lines(self, part: str) -> list[str]:
        if part not in self.parts:
            raise KeyError(f"the part {part!r} of the row was not read")
        text = self.parts[part]
        return text.split("\n") if text else []

    def mentions(self, kinds: Iterable[str] = tuple(ENTITY_KINDS), window: str = "document") -> list[tuple]:
        """(start, end, target, body, kind, span of the window or None) of its mentions of those kinds. The
        target is left as packed (`~rest`: `expand(target, document)` makes it whole): only the few that
        become passages are ever needed whole."""
        field_ = _WINDOW_FIELD.get(window)
        doc = self.document
        found = []
        for kind in kinds:
            for line in self._lines(kind):
                f = line.split("\t")
                body = f[0]
                if body[0] == "^":
                    body = BASE + body[1:]
                elif body[0] == "~":
                    body = f"{doc}/{body[1:]}"
                found.append((int(f[2]), int(f[3]), f[4], body, kind, _span(f[field_]) if field_ else None))
        return found

    def windowed(self, kinds: Iterable[str], window: str) -> list[tuple[str, str, str, str, str, str]]:
        """(body, start, end, target, kind, window) of its mentions of those kinds, in `mentions`' order, as text
        (the window `start-end`, empty when in none; the target as packed), read by one regular expression per
        part: what a paragraph or sentence network needs, several times faster than `mentions`."""
        pattern = _WINDOWED[window]
        doc = self.document
        found = []
        expanded: dict[str, str] = {}
        for kind in kinds:
            text = self.parts.get(kind)
            if text is None:
                raise KeyError(f"the part {kind!r} of the row was not read")
            for body, start, end, target, span in pattern.findall(text):
                whole = expanded.get(body)
                if whole is None:
                    whole = expanded[body] = expand(body, doc)
                found.append((whole, start, end, target, kind, span))
        return found

    def bodies(self, kinds: Iterable[str] = tuple(ENTITY_KINDS)) -> dict[str, str]:
        """body → kind of its mentions of those kinds, in `mentions`' order, without parsing offsets or windows:
        all a network of the document window needs of a document until one of its ties gives a passage."""
        doc = self.document
        found: dict[str, str] = {}
        for kind in kinds:
            listed = self.sets.get(kind)
            text = self.parts.get(kind) if listed is None else listed
            if text is None:
                raise KeyError(f"the part {kind!r} of the row was not read")
            for body in (text.split("\t") if listed is not None else dict.fromkeys(_FIRST_FIELD.findall(text))) if text else ():
                if body[0] == "^":
                    body = BASE + body[1:]
                elif body[0] == "~":
                    body = f"{doc}/{body[1:]}"
                if body not in found:
                    found[body] = kind
        return found

    @property
    def letters(self) -> list[tuple[str, str]]:
        return [(expand(a), expand(r)) for a, r in (line.split("\t") for line in self._lines("letters"))]

    def claim_heads(self) -> list[tuple[str, str, str]]:
        """(TYPE, WHO, ABOUT) of its claims, in order, IRIs as packed: what tying them needs, read by one regular
        expression (`claim_fields` gives the rest of one when its passage is asked for)."""
        text = self.parts.get("claims")
        if text is None:
            raise KeyError("the part 'claims' of the row was not read")
        return _CLAIM_HEAD.findall(text)

    def claim_fields(self) -> list[list[str]]:
        """Its claims as packed: `[TYPE, WHO, ABOUT, START, END, TARGET]` each, IRIs short (`expand` makes them
        whole), offsets as text: a corpus slice's 100,000 claims are tied without a ClaimRow each."""
        return [line.split("\t") for line in self._lines("claims")]

    @property
    def claims(self) -> list[ClaimRow]:
        """Its claims; the target is left as packed (`expand(target, document)` makes it whole)."""
        found = []
        for line in self._lines("claims"):
            kind, who, about, start, end, target = line.split("\t")
            if who[0] == "^":
                who = BASE + who[1:]
            if about[0] == "^":
                about = BASE + about[1:]
            found.append(ClaimRow(kind, who, about, int(start), int(end), target))
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
        entry = found.setdefault(doc.value, {"date": None, "genres": [], "heading": None, "text": "", "told": None})
        if date is not None:
            entry["date"] = date.value[:10]
        if genre is not None and genre not in entry["genres"]:
            entry["genres"].append(genre)
        if heading is not None:
            entry["heading"] = int(heading.value)
        if text is not None:
            entry["text"] = text.value
    for doc, told in _told(store, volume).items():
        if doc in found and found[doc]["date"] is None:
            found[doc]["told"] = told
    return found


def _told(store: Store, volume: str) -> dict[str, tuple[str, str]]:
    """Each undated editorial note of the volume: the first and last day it tells of (schema:temporalCoverage)."""
    return {doc.value: tuple(told.value.split("/", 1)) for doc, told in _query(store, f"""SELECT ?doc ?told WHERE {{
      ?doc <{SCHEMA}isPartOf> <{volume}> ; <{SCHEMA}temporalCoverage> ?told . FILTER NOT EXISTS {{ ?doc <{SCHEMA}dateCreated> [] }} }}""")
            if "/" in told.value}


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
    for doc in sorted(documents, key=document_order):
        d = documents[doc]
        row = Tabled(doc, d["date"], d["heading"], _windowed(d["text"], mentions.get(doc, ()), sentences),
                       sorted(set(letters.get(doc, ()))),
                       sorted(set(claims.get(doc, ())), key=lambda c: (c.start, c.end, c.claim_type, c.who, c.about, c.target)))
        row.told = d["told"]
        rows.append((row, d["genres"]))
    return rows


def _month(date: str | None) -> str:
    """The bundle of a document dated `date`, or of an undated editorial note whose interval begins then: a slice
    that holds its whole interval names that month."""
    return date[:7] if date and len(date) >= 7 and date[4] == "-" else "undated"


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ")


def entity_lines(store: Store, rows: Iterable[Tabled]) -> str:
    """Who every IRI of the rows is, as `entities.canonical` and `entities.describe` say now: one line
    `IRI CANONICAL KIND LABEL LINKS` each (CANONICAL empty when the IRI is its own; LINKS space-separated),
    so that drawing a network reads identity and labels with its rows instead of two more lookups."""
    from .entities import canonical, describe

    named = set()
    for row in rows:
        named.update(m.body for m in row.mentions)
        named.update(x for pair in row.letters for x in pair)
        named.update(x for c in row.claims for x in (c.who, c.about))
    identity = canonical(store, named)
    described = describe(store, set(identity.values()))
    lines = []
    for iri in sorted(named):
        c = identity[iri]
        e = described[c]
        lines.append("\t".join((_short(iri), "" if c == iri else _short(c), e.kind, _clean(e.label), " ".join(e.links))))
    return "\n".join(lines)


class Packed(NamedTuple):
    """One document's row as ROW_FORMAT 5 stores it: `pack`'s head and parts, with what the filters match."""
    document: str
    date: str | None
    genres: list
    head: str
    parts: dict[str, str]
    told: tuple[str, str] | None = None


def _packed(rows: list[tuple[Tabled, list]]) -> list[Packed]:
    return [Packed(row.document, row.date, genres, *pack(row), row.told) for row, genres in rows]


_ROWS_APART = "\n\n"       # between two documents' texts of one part in a bundle (no part holds an empty line)


def _volume_quads(volume: str, rows: list[Packed], entities: str, fingerprint: str, sentences: bool) -> list[ox.Quad]:
    """ROW_FORMAT 4: per document a row node with what the filters match (document, volume, month, date,
    genres); per month a **bundle** with the rows' heads (`fk:bundleRows`, one line `DOCUMENT HEAD` each, in
    document order) and each part's texts of those rows, in the same order, joined by a blank line. A slice
    reads a few hundred bundles instead of thousands of rows: each literal read from the corpus store costs
    about 50 µs, so the busiest two years' 3,900 rows took 0.7-1.1 s in format 3 whatever their size."""
    g = ox.NamedNode(table_graph(volume))
    v = ox.NamedNode(volume)
    quads = [ox.Quad(g, _TYPE, _fk("NetworkTableVolume"), g), ox.Quad(g, _fk("rowVolume"), v, g),
             ox.Quad(g, _fk("tableFingerprint"), ox.Literal(fingerprint), g),
             ox.Quad(g, _fk("rowFormat"), ox.Literal(ROW_FORMAT), g),
             ox.Quad(g, _fk("sentenceWindows"), ox.Literal(str(sentences).lower(), datatype=ox.NamedNode(
                 "http://www.w3.org/2001/XMLSchema#boolean")), g),
             ox.Quad(g, _fk("tableEntities"), ox.Literal(entities), g)]
    months: dict[str, list[Packed]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: document_order(r.document)):
        node = ox.NamedNode(f"{g.value}/{row.document.rstrip('/').rsplit('/', 1)[-1]}")
        month = _month(row.date or (row.told[0] if row.told else None))
        months[month].append(row)
        quads += [ox.Quad(node, _TYPE, _fk("NetworkRow"), g), ox.Quad(node, _fk("rowDocument"), ox.NamedNode(row.document), g),
                  ox.Quad(node, _fk("rowVolume"), v, g), ox.Quad(node, _fk("rowMonth"), ox.Literal(month), g)]
        if row.date:
            quads.append(ox.Quad(node, _fk("rowDate"), ox.Literal(row.date), g))
        quads += [ox.Quad(node, _fk("rowGenre"), genre, g) for genre in row.genres]
    for month, bundled in sorted(months.items()):
        node = ox.NamedNode(f"{g.value}#{month}")
        heads = "\n".join(f"{_short(r.document)}\t{r.head}" for r in bundled)
        quads += [ox.Quad(node, _TYPE, _fk("NetworkBundle"), g), ox.Quad(node, _fk("rowVolume"), v, g),
                  ox.Quad(node, _fk("bundleMonth"), ox.Literal(month), g), ox.Quad(node, _fk("bundleRows"), ox.Literal(heads), g)]
        quads += [ox.Quad(node, _fk(name), ox.Literal(_ROWS_APART.join(r.parts[part] for r in bundled)), g)
                  for part, name in PARTS.items()]
        quads += [ox.Quad(node, _fk(name), ox.Literal("\n".join(_entity_set(r.parts[kind]) for r in bundled)), g)
                  for kind, name in SETS.items()]
    return quads


def _entity_set(part: str) -> str:
    """A mention part's entities, each once, in the order of their first mention, tab-separated (SETS)."""
    return "\t".join(dict.fromkeys(_FIRST_FIELD.findall(part)))


def _format3_rows(store: Store, volume: str) -> tuple[list[Packed], str]:
    """The rows of a volume tabled in ROW_FORMAT 3 (one literal per part per document), to be packed again in
    this format without working them out again from the mentions (the corpus's 99 volumes took 41 minutes),
    and its `tableEntities`."""
    found: dict[str, dict] = {}
    entities = ""
    names = {FK + name: part for part, name in PARTS.items()}
    for q in store.quads(table_graph(volume)):
        p, s = q.predicate.value, q.subject.value
        if s == table_graph(volume):
            entities = q.object.value if p == FK + "tableEntities" else entities
            continue
        if not p.startswith(FK) or p == FK + "rowVolume":
            continue
        entry = found.setdefault(s, {"genres": [], "parts": {}, "date": None})
        if p in names:
            entry["parts"][names[p]] = q.object.value
        elif p == FK + "rowGenre":
            entry["genres"].append(q.object)
        elif p == FK + "rowDocument":
            entry["document"] = q.object.value
        elif p == FK + "rowHead":
            entry["head"] = q.object.value
        elif p == FK + "rowDate":
            entry["date"] = q.object.value
    told = _told(store, volume)
    return [Packed(e["document"], e["date"], sorted(e["genres"], key=str),
                   e["head"] + "\t" + ("/".join(told[e["document"]]) if e["document"] in told and not e["date"] else ""),
                   {part: e["parts"].get(part, "") for part in PARTS}, None if e["date"] else told.get(e["document"]))
            for e in found.values() if "document" in e], entities


@dataclass
class TableReport:
    volumes: int = 0            # volumes (re)tabled
    removed: int = 0            # volumes gone, their rows dropped
    unchanged: int = 0
    rows: int = 0               # documents tabled
    repacked: int = 0           # of the volumes tabled, those packed again from their rows of ROW_FORMAT 3 or 4
    sentences: bool = False     # every volume's rows have sentence windows
    seconds: float = 0.0


def _known(store: Store) -> dict[str, tuple[str, str, bool]]:
    """volume → (fingerprint, row format, has sentence windows) of the volumes already tabled."""
    q = f"""SELECT ?v ?fp ?format ?sentences WHERE {{ GRAPH ?g {{ ?g a <{FK}NetworkTableVolume> ; <{FK}rowVolume> ?v ;
      <{FK}tableFingerprint> ?fp ; <{FK}rowFormat> ?format ; <{FK}sentenceWindows> ?sentences }} }}"""
    return {v.value: (fp.value, f.value, s.value == "true") for v, fp, f, s in _query(store, q)}


def _marker(current: dict[str, str], sentences: bool) -> list[ox.Quad]:
    """The mark of a complete table. Its `tableState` token is a digest of what every volume was tabled from, so
    it changes whenever the table does (caches of drawn networks key on it) and two stores tabled from the same
    data hold the same quads."""
    g = ox.NamedNode(TABLE_GRAPH)
    token = hashlib.sha256("\n".join(f"{v} {current[v]}" for v in sorted(current)).encode()).hexdigest()[:32]
    boolean = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
    return [ox.Quad(g, _TYPE, _fk("NetworkTable"), g), ox.Quad(g, _fk("rowFormat"), ox.Literal(ROW_FORMAT), g),
            ox.Quad(g, _fk("sentenceWindows"), ox.Literal(str(sentences).lower(), datatype=boolean), g),
            ox.Quad(g, _fk("volumeCount"), ox.Literal(str(len(current)), datatype=ox.NamedNode(
                "http://www.w3.org/2001/XMLSchema#integer")), g),
            ox.Quad(g, _fk("tableState"), ox.Literal(f"{ROW_FORMAT}-{int(sentences)}-{token}"), g)]


_IDENTITY_GRAPHS = (f"{BASE}graph/authority/", f"{BASE}graph/linkset/")


def identity_fingerprint(store: Store, names: Iterable[str]) -> str:
    """The size of every graph identity and labels come from besides the volumes' own (the authorities, the
    linksets): when it changes, every volume is tabled again, as its `tableEntities` may be stale."""
    graphs = sorted(n for n in names if n.startswith(_IDENTITY_GRAPHS))
    if not graphs:
        return "none"
    from .entities import iri_values

    q = f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ {iri_values('g', graphs)} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
    counts = {g.value: n.value for g, n in _query(store, q)}
    return " ".join(f"{g[len(BASE):]}={counts.get(g, 0)}" for g in graphs)


_REPACKED = ("3", "4")     # the row formats whose rows are packed again in this one, not worked out again


def _format4_rows(store: Store, volume: str) -> tuple[list[Packed], str]:
    """The rows of a volume tabled in ROW_FORMAT 4 (month bundles whose heads keep no undated editorial note's
    interval), with the notes' intervals read from the store (`_told`): the corpus's volumes are packed again in this
    format without working their rows out again from the mentions, and its `tableEntities`."""
    g = table_graph(volume)
    names = {FK + name: part for part, name in PARTS.items()}
    entities, documents, genres, bundles = "", {}, defaultdict(list), defaultdict(dict)
    for q in store.quads(g):
        p, s = q.predicate.value, q.subject.value
        if p == FK + "tableEntities" and s == g:
            entities = q.object.value
        elif p == FK + "rowDocument":
            documents[s] = q.object.value
        elif p == FK + "rowGenre":
            genres[s].append(q.object)
        elif p == FK + "bundleRows" or p in names:
            bundles[s][names.get(p, "heads")] = q.object.value
    genres = {documents[node]: terms for node, terms in genres.items() if node in documents}
    told = _told(store, volume)
    rows = []
    for node, bundle in bundles.items():
        lines = bundle["heads"].split("\n")
        texts = {part: bundle.get(part, "").split(_ROWS_APART) for part in PARTS}
        if any(len(pieces) != len(lines) for pieces in texts.values()):
            raise NetworkError(f"the network table's bundle {node} is damaged: {len(lines)} rows but "
                               f"{[len(p) for p in texts.values()]} texts; rebuild it with `frus-kg index --rebuild`")
        for i, line in enumerate(lines):
            short, head = line.split("\t", 1)
            document, date = expand(short), head.split("\t", 1)[0] or None
            interval = None if date else told.get(document)
            rows.append(Packed(document, date, sorted(genres.get(document, []), key=str),
                               head + "\t" + ("/".join(interval) if interval else ""),
                               {part: pieces[i] for part, pieces in texts.items()}, interval))
    return rows, entities


def _repackable(known: tuple[str, str, bool] | None, fingerprint: str, sentences: bool) -> str | None:
    """The row format of a volume tabled in one of `_REPACKED` from the data it has now (and with sentence windows
    when asked for), whose rows are packed again as they are; None when it must be tabled from the mentions."""
    if known is not None and known[0] == fingerprint and known[1] in _REPACKED and (known[2] or not sentences):
        return known[1]
    return None


def _stale(current: dict[str, str], known: dict, rebuild: bool, sentences: bool) -> list[str]:
    return sorted(v for v in current if rebuild or v not in known or known[v][:2] != (current[v], ROW_FORMAT)
                  or (sentences and not known[v][2]))


def _tabled_volume(store: Store, volume: str, fingerprint: str, sentences: Segmenter | None, repack: str | None,
                   had_windows: bool) -> tuple[list[ox.Quad], int, bool]:
    """One volume's table graph, its number of rows, and whether they have sentence windows: packed again from
    its rows of ROW_FORMAT `repack` (3 or 4), else worked out from the mentions."""
    if repack:
        rows, entities = (_format3_rows if repack == "3" else _format4_rows)(store, volume)
        windows = had_windows
    else:
        tabled = volume_rows(store, volume, sentences)
        rows, entities = _packed(tabled), entity_lines(store, (r for r, _ in tabled))
        windows = sentences is not None
    return _volume_quads(volume, rows, entities, fingerprint, windows), len(rows), windows


def refresh_network_table(store: Store, *, sentences: Segmenter | None = None, rebuild: bool = False,
                          fingerprints: dict[str, str] | None = None, workers: int = 0,
                          on_progress: Callable[[int, int], None] | None = None) -> TableReport:
    """Table the volumes whose fingerprint changed (or that lack sentence windows when `sentences` is given,
    or whose row format is another, or all when the authorities or linksets changed), drop the rows of volumes
    that are gone, then mark the table complete. While it works the mark is absent, so the projections read
    the mentions instead of a half-written table. `rebuild` tables every volume; `workers` ≥ 2 tables volumes in
    that many processes (graph/volume_workers.py), with `sentences` a module-level function."""
    started = time.perf_counter()
    report = TableReport()
    names = store.graph_names()
    identity = identity_fingerprint(store, names)
    current = {v: f"{fp} | {identity}" for v, fp in
               (fingerprints if fingerprints is not None else volume_fingerprints(store)).items()}
    known = _known(store)
    wanted = {table_graph(v) for v in current}
    gone = [n for n in names if n.startswith(TABLE_PREFIX) and n not in wanted]
    stale = _stale(current, known, rebuild, sentences is not None)
    if gone or stale or not store.has_graph(TABLE_GRAPH):
        store.drop_graphs([TABLE_GRAPH, *gone])
    plans = [(v, current[v], sentences, not rebuild and _repackable(known.get(v), current[v], sentences is not None),
              bool(known.get(v) and known[v][2])) for v in stale]
    tabled = map_volumes(store, _tabled_volume, plans, workers=workers)
    for i, ((v, _, _, repacked, _), (quads, rows, windows)) in enumerate(tabled, 1):
        store.drop_graphs([table_graph(v)])
        store.replace_graphs({table_graph(v): quads})
        report.rows += rows
        report.repacked += bool(repacked)
        known[v] = (current[v], ROW_FORMAT, windows)
        if on_progress:
            on_progress(i, len(stale))
    report.volumes, report.removed, report.unchanged = len(stale), len(gone), len(current) - len(stale)
    report.sentences = bool(current) and all(known[v][2] for v in current)
    if not store.has_graph(TABLE_GRAPH):
        store.replace_graphs({TABLE_GRAPH: _marker(current, report.sentences)})
    report.seconds = time.perf_counter() - started
    return report


# -- reading ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TableState:
    sentences: bool       # the rows have sentence windows
    token: str = ""       # new at every refresh that changed the table: what a cache of drawn networks keys on


def table_state(store: Store) -> TableState | None:
    """The table's state when it is complete and of this format, else None (the projections read the mentions)."""
    q = f"""SELECT ?format ?sentences ?token WHERE {{ GRAPH <{TABLE_GRAPH}> {{ <{TABLE_GRAPH}> a <{FK}NetworkTable> ;
      <{FK}rowFormat> ?format ; <{FK}sentenceWindows> ?sentences . OPTIONAL {{ <{TABLE_GRAPH}> <{FK}tableState> ?token }} }} }}"""
    found = _query(store, q)
    if not found or found[0][0].value != ROW_FORMAT:
        return None
    return TableState(found[0][1].value == "true", found[0][2].value if found[0][2] is not None else "")


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last[:7]:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


_MAX_MONTHS = 240       # a wider range filters the dates instead of naming its months


def _month_values(filters: Filters) -> str:
    """`VALUES ?month` of the date range, when it names few enough months (else the dates filter the rows)."""
    from graph.sparql_terms import literal, values

    if filters.date_from and filters.date_to and len(_months(filters.date_from, filters.date_to)) <= _MAX_MONTHS:
        return values("month", (literal(m) for m in _months(filters.date_from, filters.date_to)))
    return ""


def _volume_values(filters: Filters) -> str:
    from graph.sparql_terms import iri, values
    from ontology import iris

    return values("volume", (iri(iris.volume_iri(v)) for v in filters.volumes)) if filters.volumes else ""


def read_rows(store: Store, filters: Filters, *, parts: Iterable[str] = tuple(PARTS),
              mentioning: tuple[set[str], set[str]] | None = None) -> list[TableRow]:
    """The rows of the filtered documents, in document order, with the `parts` asked for (PARTS' keys).
    `mentioning`: only documents that mention one IRI of each of the two sets (`schema:mentions`), to list
    the evidence of one edge."""
    return read_slice(store, filters, parts=parts, mentioning=mentioning)[0]


def _chosen(store: Store, filters: Filters, mentioning: tuple[set[str], set[str]] | None) -> tuple[set[str], str] | None:
    """(the documents, `VALUES ?month` of their months) when the genres or `mentioning` narrow the slice below
    whole months (read from the row nodes), else None: whole bundles are read."""
    if not filters.genres and not mentioning:
        return None
    from graph.sparql_terms import literal, values

    patterns = [f"{_month_values(filters)} ?row <{FK}rowMonth> ?month .",
                f"{_volume_values(filters)} ?row <{FK}rowVolume> ?volume ." if filters.volumes else "",
                values("genre", (literal(g) for g in filters.genres)) + f" ?row <{FK}rowGenre> ?genre ." if filters.genres else ""]
    restrict = ""
    if mentioning:
        from .entities import iri_values
        restrict = (f"{iri_values('x', sorted(mentioning[0]))} ?doc <{SCHEMA}mentions> ?x . "
                    f"{iri_values('y', sorted(mentioning[1]))} ?doc <{SCHEMA}mentions> ?y .")
    q = f"""SELECT DISTINCT ?doc ?month WHERE {{ GRAPH ?g {{ {' '.join(patterns)} ?row <{FK}rowDocument> ?doc . }} {restrict} }}"""
    found = _query(store, q)
    return {d.value for d, _ in found}, values("month", (literal(m) for m in sorted({m.value for _, m in found})))


def read_slice(store: Store, filters: Filters, *, parts: Iterable[str] = tuple(PARTS), sets: Iterable[str] = (),
               mentioning: tuple[set[str], set[str]] | None = None) -> tuple[list[TableRow], set[str]]:
    """(read_rows' rows, the table graphs they come from: the volumes whose `read_identity` they need), with the
    entity sets (SETS) of the kinds in `sets`. The month bundles of the range (and volumes) are read whole;
    genres and `mentioning` first pick the documents."""
    parts, sets = list(dict.fromkeys(parts)), list(dict.fromkeys(sets))
    chosen = _chosen(store, filters, mentioning)
    if chosen is not None and not chosen[0]:
        return [], set()
    months = chosen[1] if chosen is not None else _month_values(filters)
    names = [PARTS[part] for part in parts] + [SETS[kind] for kind in sets]
    texts = " ".join(f"?p{i}" for i in range(len(names)))
    patterns = " ".join(f"; <{FK}{name}> ?p{i}" for i, name in enumerate(names))
    q = f"""SELECT ?g ?heads {texts} WHERE {{ GRAPH ?g {{ {months} {_volume_values(filters)}
    ?bundle <{FK}bundleMonth> ?month ; <{FK}rowVolume> ?volume ; <{FK}bundleRows> ?heads {patterns} . }} }}"""
    rows, graphs = [], set()
    for g, heads, *bundled in _query(store, q):
        for row in _unbundled(g.value, heads.value, parts, sets, [t.value for t in bundled]):
            day = row.date
            if chosen is not None and row.document not in chosen[0]:
                continue
            if (filters.date_from or filters.date_to) and not (
                    told_within(row.told, filters) if day is None else
                    (not filters.date_from or day >= filters.date_from) and (not filters.date_to or day <= filters.date_to)):
                continue
            rows.append(row)
            graphs.add(g.value)
    rows.sort(key=lambda r: document_order(r.document))
    return rows, graphs


def _unbundled(graph: str, heads: str, parts: list[str], sets: list[str], texts: list[str]) -> list[TableRow]:
    """The rows of one bundle, each with its text of every part read, and its entity sets."""
    lines = heads.split("\n")
    split = [text.split(_ROWS_APART) for text in texts[:len(parts)]] + [text.split("\n") for text in texts[len(parts):]]
    if any(len(pieces) != len(lines) for pieces in split):
        raise NetworkError(f"the network table's bundle in {graph} is damaged: {len(lines)} rows but "
                           f"{[len(p) for p in split]} texts; rebuild it with `frus-kg index --rebuild`")
    rows = []
    for i, line in enumerate(lines):
        document, head = line.split("\t", 1)
        rows.append(TableRow(expand(document), head, {part: pieces[i] for part, pieces in zip(parts, split)},
                             {kind: pieces[i] for kind, pieces in zip(sets, split[len(parts):])}))
    return rows


@dataclass
class TableIdentity:
    """Who the IRIs of some volumes' rows are, as `entities.canonical` and `entities.describe` said when the
    table was built (`entity_lines`)."""
    canonical: dict[str, str] = field(default_factory=dict)       # IRI → the IRI of its real person or entity
    entities: dict = field(default_factory=dict)                  # canonical IRI → entities.Entity


def read_identity(store: Store, graphs: Iterable[str]) -> TableIdentity:
    """The `tableEntities` of those table graphs, parsed."""
    from .entities import Entity, iri_values

    found = TableIdentity()
    graphs = sorted(graphs)
    if not graphs:
        return found
    q = f"SELECT ?e WHERE {{ {iri_values('g', graphs)} GRAPH ?g {{ ?g <{FK}tableEntities> ?e }} }}"
    for (text,) in _query(store, q):
        for line in text.value.split("\n") if text.value else ():
            iri, canonical, kind, label, links = line.split("\t")
            iri = expand(iri)
            canonical = expand(canonical) if canonical else iri
            found.canonical[iri] = canonical
            if canonical not in found.entities:
                found.entities[canonical] = Entity(canonical, label, kind, tuple(links.split()))
    return found
