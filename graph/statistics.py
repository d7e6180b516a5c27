"""The statistics layer: counts that lists and entity pages need, materialised after ingest.

Counting the documents that mention each entity, or the entities mentioned beside the United States
(in some 20,000 documents), reads about a million `schema:mentions` triples on the full corpus: seconds
per request. So after an ingest, `refresh_statistics(store)` writes the counts into named graphs:

- `{BASE}graph/stats/<volume-id>`, one per volume, so a re-ingested volume replaces only its own:
  a `fk:VolumeStatistics` node (documents, claims, dates, the fingerprint it was computed from, and each document's
  mentioned entities, `fk:documentMentions`, from which an entity's whole co-mention list is counted:
  graph/mention_sets.py), an
  `fk:EntityVolumeCount` per entity (documents, mentions, first and last date, claims about it and by
  it) and its co-mentions (the `CO_MENTION_LIMIT` entities sharing most documents with it there, if
  they share at least `CO_MENTION_MIN`: pairs met once are most pairs, and only frequent entities,
  whose pages cannot count directly, read these lists);
- `{BASE}graph/stats` (`TOTALS_GRAPH`), the sums over volumes: an `fk:EntityTotal` per entity with its
  kind and rank by name (so a list page is a lookup of 20 ranks instead of a sort of every label), and an
  `fk:KindTotal` per kind with the number of mentioned entities (a list's `total`); for an entity in
  `FREQUENT` documents or more (`fk:frequentFrom` says from how many), how many entities its documents
  mention beside it (`fk:coMentionTotal`), counted exactly when the totals are written;
- in both, an `fk:MonthCount` per month (documents and claims dated in it), and in the volume's graph
  each dated document's `fk:documentMonth`: a page of documents or claims by date reads only the months
  it spans, instead of sorting every date (Oxigraph has no ordered index); likewise, per entity and
  month, the documents mentioning it and the claims about it and by it, with each dated document's and
  claim's keys (`fk:mentionedInMonth`, `fk:aboutInMonth`, `fk:byInMonth`), for an entity's pages.
- in each volume's graph, a `void:Dataset` of its document graphs with VoID's class and property
  partitions (graph/dataset_counts.py), which `/.well-known/void` sums instead of scanning the store;
- `{BASE}graph/void` (graph/void_description.py), VoID's counts of the whole dataset (the volumes' partitions
  summed, the other data graphs counted), rewritten with the totals and written when missing, so that
  `/.well-known/void` reads one small graph;
- `{BASE}graph/stats-entities` (`SUMMARY_GRAPH`), the per-volume month and co-mention nodes of entities
  counted in `SUMMARY_MIN_VOLUMES` volumes or more, summed across volumes (`entity_summary`): per entity
  and year (`fk:yearOf`), per entity and month (`fk:monthOf`, at IRIs a reader can name), and for entities
  in `FREQUENT` documents or more the `CO_MENTION_LIMIT` largest co-mention sums (`fk:coMentionOf`). An
  entity page then reads a few dozen rows instead of one node per volume and month (on 99 volumes the
  Soviet Union has some 3,000: 200 ms). Rewritten with the totals, and written when missing.

It reads through `Store.query` and writes through `replace_graphs`/`drop_graphs` only, so it works the
same against a remote SPARQL server. Refresh is incremental: a volume is recomputed when its fingerprint
(documents, text length, mentions, claims) changed, and its graph dropped when the volume is gone.
"""
from __future__ import annotations

import hashlib
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Callable, NamedTuple

import pyoxigraph as ox

from ontology.namespaces import BASE, FK, RDF, XSD, sparql_prologue

from .dataset_counts import volume_partitions
from .mention_sets import mention_lines
from .store import Store
from .volume_workers import map_volumes
from .void_description import VERSION, content_digest, refresh_void, void_version

__all__ = ["STATS_PREFIX", "TOTALS_GRAPH", "SUMMARY_GRAPH", "CO_MENTION_LIMIT", "CO_MENTION_MIN", "FREQUENT",
           "SUMMARY_MIN_VOLUMES", "RANKS", "StatisticsReport", "statistics_graph", "has_statistics", "month_key",
           "summary_node", "entity_summary", "refresh_statistics", "volume_fingerprints", "volume_statistics",
           "entity_kind", "co_mention_totals", "total_node"]

STATS_PREFIX = f"{BASE}graph/stats/"
TOTALS_GRAPH = f"{BASE}graph/stats"
CO_MENTION_LIMIT = 20          # per entity per volume, as many as an entity page shows
CO_MENTION_MIN = 2             # documents a pair shares in a volume to be listed: most pairs share one
SUMMARY_GRAPH = f"{BASE}graph/stats-entities"
SUMMARY_MIN_VOLUMES = 2        # an entity of one volume reads that volume's few nodes as cheaply as a summary
FREQUENT = 100                 # documents: from here on an entity page sums co-mention lists instead of counting

_P = sparql_prologue("schema", "fk", "oa", "prov", "rdfs")
_INT, _DATE, _STRING = (ox.NamedNode(XSD + t) for t in ("integer", "date", "string"))
_TYPE = ox.NamedNode(RDF + "type")
_ROLES = {"claimsAboutCount": "schema:about", "claimsByCount": "prov:wasAttributedTo"}


def _fk(name: str) -> ox.NamedNode:
    return ox.NamedNode(FK + name)


@dataclass
class StatisticsReport:
    volumes: int = 0            # volumes (re)computed
    removed: int = 0            # volumes gone, their statistics dropped
    unchanged: int = 0
    totals: bool = False        # the corpus totals were rewritten
    summary: bool = False       # the entity summaries were rewritten
    void: bool = False          # the VoID counts were rewritten
    lined: int = 0              # volumes counted before their documents' mention lines were kept, given them
    seconds: float = 0.0


def statistics_graph(volume_iri: str) -> str:
    """`{BASE}graph/stats/<volume-id>` for the volume `{BASE}historicaldocuments/<volume-id>`."""
    return STATS_PREFIX + volume_iri.rstrip("/").rsplit("/", 1)[-1]


def entity_kind(iri: str) -> str | None:
    """The first path segment of an entity we mint (`people`, `countries`, …); None for other IRIs."""
    parts = iri[len(BASE):].split("/") if iri.startswith(BASE) else []
    return parts[0] if len(parts) == 2 else None


def has_statistics(store: Store) -> bool:
    """Whether the corpus totals exist: readers use the statistics only then, else count directly."""
    return store.has_graph(TOTALS_GRAPH)


def _rows(store: Store, sparql: str) -> list[tuple]:
    return [tuple(None if t is None else t.value for t in row) for row in store.query(sparql).rows()]


def volume_fingerprints(store: Store) -> dict[str, str]:
    """Per volume: documents, their text length, mentions (and the length of the mentioned IRIs) and claims.

    A re-ingest that changes a volume's documents, links or claims changes it. Counted volume by volume:
    with the volume named, the joins start from its few documents (a grouped query over all volumes
    started from every mention and took three times as long)."""
    docs = _rows(store, _P + """SELECT ?v (COUNT(?doc) AS ?n) (SUM(COALESCE(STRLEN(?t), 0)) AS ?chars) WHERE {
      ?doc a fk:Document ; schema:isPartOf ?v . OPTIONAL { ?doc schema:text ?t } } GROUP BY ?v""")
    found = {}
    graphs = _graph_digests(store)
    for v, n, chars in docs:
        [(mentions, iris)] = _rows(store, _P + f"""SELECT (COUNT(?e) AS ?n) (SUM(STRLEN(STR(?e))) AS ?chars) WHERE {{
          ?doc schema:isPartOf <{v}> ; schema:mentions ?e }}""")
        [(claims,)] = _rows(store, _P + f"""SELECT (COUNT(?c) AS ?n) WHERE {{
          ?doc schema:isPartOf <{v}> . ?c prov:wasDerivedFrom ?doc }}""")
        found[v] = f"documents={n};text={chars};mentions={mentions}/{iris or 0};claims={claims}"
        if v in graphs:
            found[v] += f";graphs={graphs[v]}"
    return found


def _graph_digests(store: Store) -> dict[str, str]:
    """Per volume, one digest of its documents' `fk:graphDigest` ledger entries (ingest/ledger.py): a re-ingest
    that changes a document's graph but no count (an author, a date, a claim's type) changes it. Stores written
    before the entries existed have none, and keep the counts alone."""
    volume_of = store.ledger.values(FK + "ingestVolume")
    lines: dict[str, list[str]] = defaultdict(list)
    for doc, digest in store.ledger.values(FK + "graphDigest").items():
        if doc in volume_of:
            lines[volume_of[doc]].append(f"{doc} {digest}")
    return {v: hashlib.sha256("\n".join(sorted(found)).encode()).hexdigest()[:24] for v, found in lines.items()}


def _lit(value, datatype: ox.NamedNode = _INT) -> ox.Literal:
    return ox.Literal(str(value), datatype=datatype)


def _entities_of(store: Store, volume_iri: str) -> dict[str, set[str]]:
    """Each document of the volume with the entities it mentions (`schema:mentions`)."""
    found: dict[str, set[str]] = defaultdict(set)
    for doc, e in _rows(store, _P + f"""SELECT ?doc ?e WHERE {{
      ?doc schema:isPartOf <{volume_iri}> ; a fk:Document ; schema:mentions ?e }}"""):
        found[doc].add(e)
    return found


def _with_mention_lines(store: Store, volume_iri: str) -> list[ox.Quad]:
    """A volume's statistics as they are, with its documents' mention lines (`fk:documentMentions`) added: statistics
    counted before session 56 get them without counting the volume again."""
    g = statistics_graph(volume_iri)
    return list(store.quads(g)) + [ox.Quad(ox.NamedNode(g), _fk("documentMentions"),
                           _lit(mention_lines(_entities_of(store, volume_iri)), _STRING), ox.NamedNode(g))]


def volume_statistics(store: Store, volume_iri: str, fingerprint: str = "") -> list[ox.Quad]:
    """The quads of one volume's statistics graph, computed from its documents."""
    v = f"<{volume_iri}>"
    in_volume = f"?doc schema:isPartOf {v} ; a fk:Document ."
    dates = {doc: (date or "")[:10] or None for doc, date in _rows(store, _P + f"""SELECT ?doc ?date WHERE {{
      {in_volume} OPTIONAL {{ ?doc schema:dateCreated ?date }} }}""")}
    entities_of = _entities_of(store, volume_iri)
    mentions = {e: int(n) for e, n in _rows(store, _P + f"""SELECT ?e (COUNT(?m) AS ?n) WHERE {{
      {in_volume} GRAPH ?doc {{ ?m a fk:Mention ; oa:hasBody ?e }} }} GROUP BY ?e""")}
    links = {role: _rows(store, _P + f"""SELECT ?c ?doc ?e WHERE {{
      {in_volume} ?c prov:wasDerivedFrom ?doc ; a fk:Claim ; {predicate} ?e }}""") for role, predicate in _ROLES.items()}
    claims = {role: Counter(e for _, _, e in found) for role, found in links.items()}
    claims_of = {doc: int(n) for doc, n in _rows(store, _P + f"""SELECT ?doc (COUNT(?c) AS ?n) WHERE {{
      {in_volume} ?c prov:wasDerivedFrom ?doc ; a fk:Claim }} GROUP BY ?doc""")}
    claim_total = sum(claims_of.values())

    documents: Counter[str] = Counter()
    first: dict[str, str] = {}
    last: dict[str, str] = {}
    for doc, found in entities_of.items():
        date = dates.get(doc)
        for e in found:
            documents[e] += 1
            if date:
                first[e] = min(first.get(e, date), date)
                last[e] = max(last.get(e, date), date)

    g = ox.NamedNode(statistics_graph(volume_iri))
    volume = ox.NamedNode(volume_iri)
    quads: list[ox.Quad] = []

    def add(s, p: str, o) -> None:
        quads.append(ox.Quad(s, _fk(p), o, g))

    known = [d for d in dates.values() if d]
    quads.append(ox.Quad(g, _TYPE, _fk("VolumeStatistics"), g))
    add(g, "volume", volume)
    add(g, "documentCount", _lit(len(dates)))
    add(g, "claimCount", _lit(claim_total))
    add(g, "statisticsFingerprint", _lit(fingerprint, _STRING))
    add(g, "documentMentions", _lit(mention_lines(entities_of), _STRING))
    if known:
        add(g, "firstDate", _lit(min(known), _DATE))
        add(g, "lastDate", _lit(max(known), _DATE))
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for doc, date in sorted(dates.items()):
        if date:
            quads.append(ox.Quad(ox.NamedNode(doc), _fk("documentMonth"), _lit(date[:7], _STRING), g))
            months[date[:7]][0] += 1
            months[date[:7]][1] += claims_of.get(doc, 0)
    quads += _month_counts(g, f"{g.value}/months/", months)
    counted = set(documents) | set(mentions) | set(claims["claimsAboutCount"]) | set(claims["claimsByCount"])
    for e in sorted(counted):
        node = ox.NamedNode(f"{g.value}/{_path(e)}")
        quads.append(ox.Quad(node, _TYPE, _fk("EntityVolumeCount"), g))
        add(node, "entity", ox.NamedNode(e))
        add(node, "volume", volume)
        for name, value in (("documentCount", documents.get(e)), ("mentionCount", mentions.get(e)),
                            *((role, counts.get(e)) for role, counts in claims.items())):
            if value:
                add(node, name, _lit(value))
        if e in first:
            add(node, "firstDate", _lit(first[e], _DATE))
            add(node, "lastDate", _lit(last[e], _DATE))
    return (quads + _entity_months(g, links, entities_of, dates) + _co_mentions(g, entities_of)
            + volume_partitions(store, volume_iri, g))


def _co_mentions(g: ox.NamedNode, entities_of: dict[str, set[str]]) -> list[ox.Quad]:
    """Each entity's `CO_MENTION_LIMIT` most frequent partners sharing at least `CO_MENTION_MIN` documents."""
    pairs: Counter[tuple[str, str]] = Counter()
    for found in entities_of.values():
        pairs.update(combinations(sorted(found), 2))
    with_others: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for (a, b), n in pairs.items():
        if n >= CO_MENTION_MIN:
            with_others[a].append((-n, b))
            with_others[b].append((-n, a))
    quads = []
    for e, others in sorted(with_others.items()):
        for minus_n, other in sorted(others)[:CO_MENTION_LIMIT]:
            node = ox.NamedNode(f"{g.value}/{_path(e)}/with/{_path(other)}")
            quads += [ox.Quad(node, _fk("entity"), ox.NamedNode(e), g),
                      ox.Quad(node, _fk("coMentioned"), ox.NamedNode(other), g),
                      ox.Quad(node, _fk("coMentionCount"), _lit(-minus_n), g)]
    return quads


_KEYS = {"claimsAboutCount": ("about", "aboutInMonth"), "claimsByCount": ("by", "byInMonth"),
         "documentCount": ("mentioned", "mentionedInMonth")}


def month_key(entity: str, role: str, month: str) -> str:
    """The join key of the documents mentioning an entity (`documentCount`), or of the claims about it
    (`claimsAboutCount`) or by it (`claimsByCount`), in a month: a page of them by date names the keys of
    the months it spans."""
    return f"{STATS_PREFIX}keys/{_KEYS[role][0]}/{_path(entity)}/{month}"


def _entity_months(g: ox.NamedNode, links: dict[str, list[tuple]], entities_of: dict[str, set[str]],
                   dates: dict[str, str | None]) -> list[ox.Quad]:
    """Each dated document's and claim's month keys (fk:mentionedInMonth, fk:aboutInMonth, fk:byInMonth)
    and, per entity and month, how many."""
    quads, counts = [], defaultdict(Counter)
    mentions = {"documentCount": [(doc, doc, e) for doc, found in sorted(entities_of.items()) for e in sorted(found)]}
    for role, found in {**links, **mentions}.items():
        predicate = _fk(_KEYS[role][1])
        for item, doc, e in found:
            if dates.get(doc):
                month = dates[doc][:7]
                quads.append(ox.Quad(ox.NamedNode(item), predicate, ox.NamedNode(month_key(e, role, month)), g))
                counts[e, month][role] += 1
    for (e, month), by_role in sorted(counts.items()):
        node = ox.NamedNode(f"{g.value}/{_path(e)}/months/{month}")
        quads += [ox.Quad(node, _fk("entity"), ox.NamedNode(e), g), ox.Quad(node, _fk("month"), _lit(month, _STRING), g)]
        quads += [ox.Quad(node, _fk(role), _lit(n), g) for role, n in sorted(by_role.items())]
    return quads


def _month_counts(g: ox.NamedNode, prefix: str, months: dict[str, list[int]]) -> list[ox.Quad]:
    """fk:MonthCount nodes: documents and claims dated in each month (the paging of lists by date)."""
    quads = []
    for month, (docs, claims) in sorted(months.items()):
        node = ox.NamedNode(prefix + month)
        quads += [ox.Quad(node, _TYPE, _fk("MonthCount"), g), ox.Quad(node, _fk("month"), _lit(month, _STRING), g),
                  ox.Quad(node, _fk("documentCount"), _lit(docs), g), ox.Quad(node, _fk("claimCount"), _lit(claims), g)]
    return quads


def _path(iri: str) -> str:
    """A node's path from its entity: `people/107127` under our base, else a digest of the IRI."""
    return iri[len(BASE):] if iri.startswith(BASE) else "x/" + hashlib.sha256(iri.encode()).hexdigest()[:16]


def total_node(entity: str) -> str:
    """The IRI of an entity's `fk:EntityTotal` in `TOTALS_GRAPH`."""
    return f"{TOTALS_GRAPH}/{_path(entity)}"


def _totals(store: Store) -> list[ox.Quad]:
    """The corpus totals graph, summed from the volumes' statistics graphs, with each kind's name ranks."""
    rows = _rows(store, _P + f"""SELECT ?e (SUM(COALESCE(?d, 0)) AS ?docs) (SUM(COALESCE(?m, 0)) AS ?mentions)
      (SUM(COALESCE(?a, 0)) AS ?about) (SUM(COALESCE(?b, 0)) AS ?by) (COUNT(?s) AS ?volumes) WHERE {{
      GRAPH ?g {{ ?s a fk:EntityVolumeCount ; fk:entity ?e .
        OPTIONAL {{ ?s fk:documentCount ?d }} OPTIONAL {{ ?s fk:mentionCount ?m }}
        OPTIONAL {{ ?s fk:claimsAboutCount ?a }} OPTIONAL {{ ?s fk:claimsByCount ?b }} }}
      FILTER (STRSTARTS(STR(?g), "{STATS_PREFIX}")) }} GROUP BY ?e""")
    # apart: MIN and MAX are unbound over a group with one unbound value (an entity in an undated volume)
    spans = {e: (first, last) for e, first, last in _rows(store, _P + f"""SELECT ?e (MIN(?f) AS ?first) (MAX(?l) AS ?last)
      WHERE {{ GRAPH ?g {{ ?s a fk:EntityVolumeCount ; fk:entity ?e ; fk:firstDate ?f ; fk:lastDate ?l }}
      FILTER (STRSTARTS(STR(?g), "{STATS_PREFIX}")) }} GROUP BY ?e""")}
    names: dict[str, str] = {}
    for e, label in _rows(store, _P + f"""SELECT DISTINCT ?e ?label WHERE {{
      GRAPH ?g {{ ?s a fk:EntityVolumeCount ; fk:entity ?e ; fk:documentCount ?d }}
      FILTER (STRSTARTS(STR(?g), "{STATS_PREFIX}")) ?e rdfs:label ?name OPTIONAL {{ ?e fk:sortName ?sort }}
      BIND (COALESCE(?sort, ?name) AS ?label) }}"""):
        names[e] = min(names.get(e, label), label, key=lambda n: (n.lower(), n))
    g = ox.NamedNode(TOTALS_GRAPH)
    quads = [ox.Quad(g, _TYPE, _fk("CorpusStatistics"), g)]
    ranked: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for e, docs, mentions, about, by, volumes in rows:
        first, last = spans.get(e, (None, None))
        node = ox.NamedNode(total_node(e))
        quads.append(ox.Quad(node, _TYPE, _fk("EntityTotal"), g))
        quads.append(ox.Quad(node, _fk("entity"), ox.NamedNode(e), g))
        for name, value in (("documentCount", docs), ("mentionCount", mentions), ("claimsAboutCount", about),
                            ("claimsByCount", by), ("volumeCount", volumes)):
            quads.append(ox.Quad(node, _fk(name), _lit(int(value)), g))
        for name, value in (("firstDate", first), ("lastDate", last)):
            if value:
                quads.append(ox.Quad(node, _fk(name), _lit(value, _DATE), g))
        kind = entity_kind(e)
        if kind:
            quads.append(ox.Quad(node, _fk("entityKind"), _lit(kind, _STRING), g))
            if int(docs) > 0 and e in names:
                ranked[kind].append(_Ranked(names[e].lower(), e, int(docs), str(first or ""), int(by), int(about),
                                             str(last or "")))
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for month, docs, claims in _rows(store, _P + f"""SELECT ?month (SUM(?d) AS ?docs) (SUM(?c) AS ?claims) WHERE {{
      GRAPH ?g {{ ?h a fk:MonthCount ; fk:month ?month ; fk:documentCount ?d ; fk:claimCount ?c }}
      FILTER (STRSTARTS(STR(?g), "{STATS_PREFIX}")) }} GROUP BY ?month"""):
        months[month] = [int(docs), int(claims)]
    quads += _month_counts(g, f"{TOTALS_GRAPH}/months/", months)
    quads.append(ox.Quad(g, _fk("frequentFrom"), _lit(FREQUENT), g))
    frequent = sorted(e for e, docs, *_ in rows if int(docs) >= FREQUENT)
    for e, n in co_mention_totals(store, frequent).items():
        quads.append(ox.Quad(ox.NamedNode(total_node(e)), _fk("coMentionTotal"), _lit(n), g))
    for kind, entries in ranked.items():
        for predicate, order in RANKS.items():
            for rank, entry in enumerate(sorted(entries, key=order)):
                quads.append(ox.Quad(ox.NamedNode(f"{TOTALS_GRAPH}/{_path(entry.entity)}"), _fk(predicate), _lit(rank), g))
        node = ox.NamedNode(f"{TOTALS_GRAPH}/kinds/{kind}")
        quads += [ox.Quad(node, _TYPE, _fk("KindTotal"), g), ox.Quad(node, _fk("entityKind"), _lit(kind, _STRING), g),
                  ox.Quad(node, _fk("entityCount"), _lit(len(entries)), g)]
    return quads + [ox.Quad(g, ox.NamedNode(VERSION), content_digest([q.triple for q in quads]), g)]


def co_mention_totals(store: Store, entities: list[str]) -> dict[str, int]:
    """How many distinct entities documents mention together with each of `entities`, over every volume: exact,
    which the volumes' capped co-mention lists cannot sum to. Read volume by volume from the documents'
    `schema:mentions` (what the whole list on the entity's page counts) when the totals are written, so that the
    entity answer of a frequent entity reads one number instead of every entity of its thousands of documents."""
    if not entities:
        return {}
    index: dict[str, int] = {}
    wanted = {index.setdefault(e, len(index)) for e in entities}
    partners: dict[int, set[int]] = defaultdict(set)
    volumes = [v for v, in _rows(store, _P + """SELECT DISTINCT ?v WHERE {
      GRAPH ?g { ?g a fk:VolumeStatistics ; fk:volume ?v } }""")]
    for v in sorted(volumes):
        found: dict[str, set[int]] = defaultdict(set)
        for doc, e in _rows(store, _P + f"""SELECT ?doc ?e WHERE {{
          ?doc schema:isPartOf <{v}> ; a fk:Document ; schema:mentions ?e }}"""):
            found[doc].add(index.setdefault(e, len(index)))
        for together in found.values():
            for e in together & wanted:
                partners[e] |= together
    return {e: len(partners[index[e]] - {index[e]}) for e in entities}


_COUNTS = ("documentCount", "claimsAboutCount", "claimsByCount")

class _Ranked(NamedTuple):
    key: str                  # the lower-cased name (a person's sort name)
    entity: str
    documents: int
    first: str                # the first dated document's date, "" if none
    claims_by: int
    claims_about: int
    last: str = ""            # the last dated document's date, "" if none


# Each order of the entity lists, as a rank the totals hold; ties are broken as by name.
RANKS: dict[str, Callable[[_Ranked], tuple]] = {
    "nameRank": lambda r: (r.key, r.entity),
    "documentRank": lambda r: (-r.documents, r.key, r.entity),                 # most mentioned first
    "dateRank": lambda r: (r.first == "", r.first, r.key, r.entity),          # earliest first mention, undated last
    "claimsByRank": lambda r: (-r.claims_by, r.key, r.entity),                 # most claims made first
    "claimsAboutRank": lambda r: (-r.claims_about, r.key, r.entity),           # most claims about it first
    "recentRank": lambda r: (r.last == "", -int(r.last.replace("-", "") or 0), r.key, r.entity),   # latest mention first
}


def summary_node(entity: str, what: str, key: str) -> str:
    """The IRI of an entity's summary node in `SUMMARY_GRAPH`: `what` is `years` (key "1962"), `months`
    (key "1962-01") or `with` (key: the co-mentioned entity's IRI). A reader names the months it wants."""
    return f"{SUMMARY_GRAPH}/{_path(entity)}/{what}/{_path(key) if what == 'with' else key}"


def entity_summary(store: Store) -> list[ox.Quad]:
    """The quads of `SUMMARY_GRAPH`, summed from the volumes' statistics graphs and read with the totals
    (which must be current): for each entity counted in `SUMMARY_MIN_VOLUMES` volumes or more, its counts
    per year and per month (documents mentioning it, claims about it and by it), and for those in
    `FREQUENT` documents or more, the `CO_MENTION_LIMIT` largest sums of its co-mention lists, as an entity
    page reads them (most documents first, then by IRI)."""
    entities = {e: int(docs) for e, docs in _rows(store, _P + f"""SELECT ?e ?docs WHERE {{ GRAPH <{TOTALS_GRAPH}> {{
      ?t fk:entity ?e ; fk:volumeCount ?v ; fk:documentCount ?docs FILTER (?v >= {SUMMARY_MIN_VOLUMES}) }} }}""")}
    g = ox.NamedNode(SUMMARY_GRAPH)
    quads = [ox.Quad(g, _TYPE, _fk("EntitySummaries"), g)]
    months: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for name in sorted(n for n in store.graph_names() if n.startswith(STATS_PREFIX)):
        for e, month, *counts in _rows(store, _P + f"""SELECT ?e ?month ?d ?a ?b WHERE {{ GRAPH <{name}> {{
          ?h fk:entity ?e ; fk:month ?month . OPTIONAL {{ ?h fk:documentCount ?d }}
          OPTIONAL {{ ?h fk:claimsAboutCount ?a }} OPTIONAL {{ ?h fk:claimsByCount ?b }} }} }}"""):
            if e in entities:
                months[e, month].update({role: int(n) for role, n in zip(_COUNTS, counts) if n})
    years: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for (e, month), counts in sorted(months.items()):
        years[e, month[:4]].update(counts)
        quads += _summary_counts(g, summary_node(e, "months", month), ("monthOf", e), ("month", month), counts)
    for (e, year), counts in sorted(years.items()):
        quads += _summary_counts(g, summary_node(e, "years", year), ("yearOf", e), ("year", year), counts)
    return quads + _summary_co_mentions(store, g, sorted(e for e, docs in entities.items() if docs >= FREQUENT))


def _summary_counts(g: ox.NamedNode, iri: str, of: tuple[str, str], key: tuple[str, str], counts: Counter) -> list[ox.Quad]:
    node = ox.NamedNode(iri)
    quads = [ox.Quad(node, _fk(of[0]), ox.NamedNode(of[1]), g), ox.Quad(node, _fk(key[0]), _lit(key[1], _STRING), g)]
    return quads + [ox.Quad(node, _fk(role), _lit(counts[role]), g) for role in _COUNTS if counts[role]]


def _summary_co_mentions(store: Store, g: ox.NamedNode, entities: list[str]) -> list[ox.Quad]:
    """Each entity's `CO_MENTION_LIMIT` largest sums of its volumes' co-mention lists (`fk:coMentionOf`)."""
    if not entities:
        return []
    sums: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for e, other, n in _rows(store, _P + f"""SELECT ?e ?other (SUM(?n) AS ?count) WHERE {{
      VALUES ?e {{ {" ".join(f"<{e}>" for e in entities)} }}
      GRAPH ?g {{ ?pair fk:entity ?e ; fk:coMentioned ?other ; fk:coMentionCount ?n }}
      FILTER (STRSTARTS(STR(?g), "{STATS_PREFIX}")) }} GROUP BY ?e ?other"""):
        sums[e].append((-int(n), other))
    quads = []
    for e, found in sorted(sums.items()):
        for minus_n, other in sorted(found)[:CO_MENTION_LIMIT]:
            node = ox.NamedNode(summary_node(e, "with", other))
            quads += [ox.Quad(node, _fk("coMentionOf"), ox.NamedNode(e), g),
                      ox.Quad(node, _fk("coMentioned"), ox.NamedNode(other), g),
                      ox.Quad(node, _fk("coMentionCount"), _lit(-minus_n), g)]
    return quads


def _write(store: Store, name: str, quads: list[ox.Quad]) -> None:
    """Drop, then add: replacing a graph in one SPARQL update parses every quad as text (4 s for 20,000),
    adding a new graph is one `extend`. In between (about a second) readers count directly where the
    totals are missing, and miss the volume being rewritten in co-mentions and in the pages of an
    entity's claims or documents."""
    store.drop_graphs([name])
    store.replace_graphs({name: quads})


def _totals_outdated(store: Store) -> bool:
    """Totals written before one of the ranks existed, or before they carried their digest (which the suggest order
    of reconciliation follows, graph/name_index.py): `frus-kg index` upgrades them without counting a volume."""
    present = {t for t, in _rows(store, _P + f"""SELECT ?rank WHERE {{ GRAPH <{TOTALS_GRAPH}> {{
      {" UNION ".join(f'{{ ?t fk:{rank} 0 BIND ("{rank}" AS ?rank) }}' for rank in RANKS)} }} }}""")}
    sealed = store.query(f"ASK {{ GRAPH <{TOTALS_GRAPH}> {{ <{TOTALS_GRAPH}> <{VERSION}> ?digest }} }}").boolean
    counted = store.query(_P + f"ASK {{ GRAPH <{TOTALS_GRAPH}> {{ <{TOTALS_GRAPH}> fk:frequentFrom ?n }} }}").boolean
    return bool(present) and (present != set(RANKS) or not sealed or not counted)


def refresh_statistics(store: Store, *, rebuild: bool = False, totals: bool = False, workers: int = 0,
                       on_progress: Callable[[int, int], None] | None = None) -> StatisticsReport:
    """Recompute the statistics of volumes whose fingerprint changed, drop those of volumes that are gone,
    and rewrite the corpus totals if anything changed, if they are missing or lack the documents' ranks, or if
    `totals` (names changed: the authority graphs were reloaded), and the entity summaries with them or when
    they are missing.
    `rebuild` recomputes every volume; `workers` ≥ 2 counts volumes in that many processes
    (graph/volume_workers.py)."""
    started = time.perf_counter()
    report = StatisticsReport()
    current = volume_fingerprints(store)
    known = {v: fp for v, fp in _rows(store, _P + """SELECT ?v ?fp WHERE {
      GRAPH ?g { ?g a fk:VolumeStatistics ; fk:volume ?v ; fk:statisticsFingerprint ?fp } }""")}
    lined = {g for g, in _rows(store, _P + "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g fk:documentMentions ?lines } }")}
    wanted = {statistics_graph(v) for v in current}
    gone = [name for name in store.graph_names() if name.startswith(STATS_PREFIX) and name not in wanted]
    if gone:
        store.drop_graphs(gone)
    report.removed = len(gone)
    stale = sorted(v for v, fp in current.items() if rebuild or known.get(v) != fp)
    report.unchanged = len(current) - len(stale)
    counted = map_volumes(store, volume_statistics, ((v, current[v]) for v in stale), workers=workers)
    for i, ((v, _), quads) in enumerate(counted, 1):
        _write(store, statistics_graph(v), quads)
        report.volumes += 1
        if on_progress:
            on_progress(i, len(stale))
    for v in sorted(v for v in set(known) & set(current) - set(stale) if statistics_graph(v) not in lined):
        _write(store, statistics_graph(v), _with_mention_lines(store, v))
        report.lined += 1
    if stale or gone or rebuild or totals or not has_statistics(store) or _totals_outdated(store):
        _write(store, TOTALS_GRAPH, _totals(store))
        report.totals = True
    if report.totals or not store.has_graph(SUMMARY_GRAPH):      # a store from before the summaries gets them
        _write(store, SUMMARY_GRAPH, entity_summary(store))
        report.summary = True
    if report.totals or void_version(store) is None:       # likewise VoID's counts, absent or without their digest
        refresh_void(store)
        report.void = True
    report.seconds = time.perf_counter() - started
    return report
