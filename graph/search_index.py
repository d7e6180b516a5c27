"""The full-text search index: SQLite FTS5 beside the store, filled from the store through SPARQL.

The store cannot rank words, so `/search` reads this index instead of scanning literals with
`CONTAINS`. It holds one entry per document (heading and `schema:text`), per claim (`schema:text`)
and per labelled person, country, organization and volume (`rdfs:label`, `schema:name`,
`schema:alternateName`, `skos:altLabel`). `refresh(store)` is incremental: it compares a fingerprint of
every graph with the one it indexed and re-reads only the graphs that changed, through `Store.query`
alone, so it works the same against a remote SPARQL server. The file is in WAL mode: a server reads it
while an ingest refreshes it. User words never reach FTS5 as syntax: `parse_query` quotes every term.
"""
from __future__ import annotations

import math
import os
import re
import sqlite3
import threading
import time
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from ontology.namespaces import BASE, FK, RDFS, SCHEMA, SKOS, sparql_prologue

from .errors import QueryError, StoreError
from .store import Store

__all__ = [
    "INDEX_FILE", "KINDS", "LABEL_KINDS", "Hit", "ParsedQuery", "RefreshReport", "SearchIndex",
    "SearchIndexMissing", "SearchQueryError", "parse_query", "search_index_path",
]

INDEX_FILE = "frus-kg-search.sqlite3"
LABEL_KINDS = ("person", "country", "organization", "volume")
KINDS = ("document", "claim", *LABEL_KINDS)
MAX_QUERY_CHARS = 500
MAX_TERMS = 24
MIN_PREFIX = 3                 # "a*" would expand to half the vocabulary
TITLE_WEIGHT = 10.0            # bm25 weight of a heading or a name against the body
LABEL_BOOST = 2.0              # names rank above passages that merely use the same words
MENTION_BOOST = 0.25           # and among names, those of entities many documents mention: × 1 + 0.25 ln(1 + n)
PHRASE_BOOST = 2.0             # "human rights" as written ranks above "rights … human"
SNIPPET_TOKENS = 32
SCHEMA_VERSION = 2          # 2: a volume's list entries linked to our entities are left out (found as those)

_TYPES = {SCHEMA + "Person": "person", SCHEMA + "Country": "country", SCHEMA + "Organization": "organization",
          FK + "Volume": "volume"}
_LABELS = (RDFS + "label", SCHEMA + "name", SCHEMA + "alternateName", SKOS + "altLabel")
_PRIMARY = (RDFS + "label", SCHEMA + "name")
_OPEN, _CLOSE, _CUT = "\ue000", "\ue001", "\ue002"      # private-use marks: never in FRUS text
_SEP = "\u001f"                                           # the unit separator: never in a name
_PREFIXES = sparql_prologue("schema", "fk", "prov", "oa", "rdfs", "skos")

# one FTS table per family: bm25 normalises by the mean length of its table's rows, and a document is
# a hundred times longer than a claim or a name, so mixed in one table documents could never rank
_TABLE = {"document": "fts_documents", "claim": "fts_claims", **{k: "fts_labels" for k in LABEL_KINDS}}

_SCHEMA = f"""
PRAGMA user_version = {SCHEMA_VERSION};
CREATE TABLE IF NOT EXISTS graphs (name TEXT PRIMARY KEY, fingerprint TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entries (
    id INTEGER PRIMARY KEY, graph TEXT NOT NULL, kind TEXT NOT NULL, iri TEXT NOT NULL,
    document TEXT, volume TEXT, date TEXT, start INTEGER);
CREATE INDEX IF NOT EXISTS entries_graph ON entries (graph);
CREATE TABLE IF NOT EXISTS mentioned (iri TEXT PRIMARY KEY, boost REAL NOT NULL) WITHOUT ROWID;
""" + "".join(f"""
CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5 (title, body, tokenize = 'porter unicode61 remove_diacritics 2');"""
                     for table in sorted(set(_TABLE.values())))


class SearchQueryError(QueryError):
    """The user's search words or filters cannot be searched (empty, too long, bad cursor)."""


class SearchIndexMissing(StoreError):
    """No index file yet: `frus-kg ingest` or `frus-kg index` makes it."""


def search_index_path(store_dir: str | os.PathLike) -> Path:
    """The index lives inside the store folder under a name RocksDB ignores."""
    return Path(store_dir) / INDEX_FILE


# -- the user's words ------------------------------------------------------------------------------

@dataclass(frozen=True)
class ParsedQuery:
    """A safe FTS5 expression for the user's words; `phrase` is the whole query as one phrase (ranking)."""
    match: str
    phrase: str | None
    words: tuple[str, ...]


_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})


def _fts_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _searchable(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _term(minus: str, quoted: str | None, word: str) -> tuple[str, str, bool, bool]:
    """(the FTS5 string, its text, whether it is excluded, whether it is a bare word) of one token."""
    if quoted is not None:
        return _fts_string(quoted.strip()), quoted.strip(), minus == "-", False
    negate = word.startswith("-") and len(word) > 1
    text = word.lstrip("-") if negate else word
    prefix = text.endswith("*") and sum(ch.isalnum() for ch in text) >= MIN_PREFIX
    text = text.rstrip("*")
    return _fts_string(text) + ("*" if prefix else ""), text, negate, not prefix


def parse_query(q: str) -> ParsedQuery:
    """Words are ANDed, "quoted words" are phrases, -word excludes, word* matches a prefix (3+ letters), and
    `OR` (capitals) between two terms matches either: `soviet OR russian treaty` is (soviet OR russian) AND
    treaty, OR binding closer than the spaces, as web searches read it.

    Everything else (AND, NEAR(, column:, parentheses, ^, +, an OR with no term on one side) is an ordinary word:
    each term reaches FTS5 inside a string, so no input can form an operator but the OR placed here.
    """
    if len(q) > MAX_QUERY_CHARS:
        raise SearchQueryError(f"the query is {len(q)} characters long; a search takes at most {MAX_QUERY_CHARS}: shorten it")
    q = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in q.translate(_QUOTES))
    groups: list[list[str]] = []        # terms ANDed, each a list of terms ORed
    exclude, words = [], []
    bare, either = True, False          # `either`: an OR follows the last included term
    for m in _TOKEN.finditer(q):
        if m.group(3) == "OR" and groups and not either:
            either = True
            continue
        term, text, negate, plain = _term(m.group(1), m.group(2), m.group(3) or "")
        if not _searchable(text):
            continue
        if negate:
            exclude.append(term)
        if either and negate:           # "a OR -b": the OR was a word
            groups.append([_fts_string("OR")])
            words.append("OR")
            either = False
        if negate:
            continue
        if either:
            groups[-1].append(term)
        else:
            groups.append([term])
        bare, either = bare and plain, False
        words.append(text)
    if either:                          # "a OR": the OR was a word
        groups.append([_fts_string("OR")])
        words.append("OR")
    terms = sum(map(len, groups)) + len(exclude)
    if terms > MAX_TERMS:
        raise SearchQueryError(f"the query has {terms} terms; a search takes at most {MAX_TERMS}: leave some out")
    if not groups:
        raise SearchQueryError("the query has no words to look for")
    match = " AND ".join(g[0] if len(g) == 1 else f"({' OR '.join(g)})" for g in groups)
    if exclude:
        match = f"({match}) NOT ({' OR '.join(exclude)})"
    phrase = _fts_string(" ".join(words)) if bare and len(words) > 1 and len(groups) == len(words) else None
    return ParsedQuery(match, phrase, tuple(words))


# -- hits ------------------------------------------------------------------------------------------

@dataclass
class Hit:
    """One ranked entry. `snippet` is plain text; `highlights` are (start, end) into it. For documents and
    claims, `passage` and `matches` are the same spans as code-point offsets into the document's schema:text."""
    id: int
    kind: str
    iri: str
    score: float
    title: str
    snippet: str
    highlights: list[tuple[int, int]]
    document: str | None = None
    volume: str | None = None
    date: str | None = None
    passage: tuple[int, int] | None = None
    matches: list[tuple[int, int]] = field(default_factory=list)


def _unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Snippet text without its marks, and where the marked words are in it."""
    pieces = marked.strip(_CUT).split(_OPEN)
    plain, spans, at = [pieces[0]], [], len(pieces[0])
    for piece in pieces[1:]:
        word, _, rest = piece.partition(_CLOSE)
        spans.append((at, at + len(word)))
        plain += [word, rest]
        at += len(word) + len(rest)
    return "".join(plain), spans


# -- refresh ---------------------------------------------------------------------------------------

@dataclass
class RefreshReport:
    documents: int = 0          # document graphs (re)indexed
    label_graphs: int = 0       # authority and volume graphs (re)indexed
    removed: int = 0            # graphs gone from the store, their entries dropped
    unchanged: int = 0
    entries: int = 0            # entries written
    seconds: float = 0.0


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _value(term) -> str | None:
    return None if term is None else term.value


def _values(graphs: Iterable[str]) -> str:
    return "VALUES ?g { " + " ".join(f"<{g}>" for g in graphs) + " }"


class SearchIndex:
    """The FTS5 file. Writers (`refresh`) and read-only readers (`search`) may use it at the same time."""

    def __init__(self, path: str | os.PathLike, *, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._local = threading.local()
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._create()

    @classmethod
    def for_store(cls, store_dir: str | os.PathLike, *, read_only: bool = False) -> "SearchIndex":
        return cls(search_index_path(store_dir), read_only=read_only)

    # -- connections -------------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if self.read_only:
                if not self.path.exists():
                    raise SearchIndexMissing(f"{self.path}: no search index yet; run `frus-kg index`")
                conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                       isolation_level=None, check_same_thread=False)
            else:
                conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA busy_timeout = 10000")
            self._local.conn = conn
        return conn

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def _create(self) -> None:
        conn = self._connect()
        if conn.execute("PRAGMA user_version").fetchone()[0] not in (0, SCHEMA_VERSION):
            conn.executescript("".join(f"DROP TABLE IF EXISTS {t};" for t in ("graphs", "entries", *set(_TABLE.values()))))
        conn.executescript(_SCHEMA)

    def entry_count(self) -> int:
        return self._connect().execute("SELECT COUNT(*) FROM entries").fetchone()[0]

    # -- writing -----------------------------------------------------------------------------------
    def refresh(self, store: Store, *, rebuild: bool = False, batch: int = 200,
                on_progress: Callable[[int, int], None] | None = None) -> RefreshReport:
        """Re-index the graphs whose fingerprint changed and drop the entries of graphs that are gone.

        `rebuild` forgets every fingerprint first, so every graph is read again; entries are replaced
        graph by graph, so readers never see an empty index. Each batch is one transaction.
        """
        started = time.perf_counter()
        conn = self._connect()
        known = dict(conn.execute("SELECT name, fingerprint FROM graphs"))
        if rebuild:     # every graph is stale, and any graph with entries is known, so gone ones are dropped
            known = dict.fromkeys(g for (g,) in conn.execute("SELECT name FROM graphs UNION SELECT graph FROM entries"))
        documents = self._document_fingerprints(store)
        labelled = self._label_graph_fingerprints(store, documents)
        report = RefreshReport()
        gone = [g for g in known if g not in documents and g not in labelled]
        with _transaction(conn):
            for g in gone:
                self._drop(conn, g)
                conn.execute("DELETE FROM graphs WHERE name = ?", (g,))
        report.removed = len(gone)
        stale_docs = [g for g, fp in documents.items() if known.get(g) != fp]
        stale_labels = [g for g, fp in labelled.items() if known.get(g) != fp]
        report.unchanged = len(documents) + len(labelled) - len(stale_docs) - len(stale_labels)
        for i in range(0, len(stale_docs), batch):
            chunk = stale_docs[i:i + batch]
            rows = list(self._document_entries(store, chunk))
            with _transaction(conn):
                self._replace(conn, chunk, rows, documents)
            report.documents += len(chunk)
            report.entries += len(rows)
            if on_progress:
                on_progress(report.documents, len(stale_docs))
        if gone or stale_docs or not conn.execute("SELECT 1 FROM mentioned LIMIT 1").fetchone():
            boosts = self._mention_boosts(store)
            with _transaction(conn):
                conn.execute("DELETE FROM mentioned")
                conn.executemany("INSERT INTO mentioned (iri, boost) VALUES (?, ?)", boosts)
        for g in stale_labels:
            rows = list(self._label_entries(store, g))
            with _transaction(conn):
                self._replace(conn, [g], rows, labelled)
            report.label_graphs += 1
            report.entries += len(rows)
        if rebuild:
            for table in set(_TABLE.values()):
                conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        report.seconds = time.perf_counter() - started
        return report

    @staticmethod
    def _drop(conn: sqlite3.Connection, graph: str) -> None:
        for table in set(_TABLE.values()):
            conn.execute(f"DELETE FROM {table} WHERE rowid IN (SELECT id FROM entries WHERE graph = ?)", (graph,))
        conn.execute("DELETE FROM entries WHERE graph = ?", (graph,))

    def _replace(self, conn, graphs: Sequence[str], rows: list[tuple], fingerprints: dict[str, str]) -> None:
        for g in graphs:
            self._drop(conn, g)
        for graph, kind, iri, document, volume, date, start, title, body in rows:
            cur = conn.execute("INSERT INTO entries (graph, kind, iri, document, volume, date, start) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?)", (graph, kind, iri, document, volume, date, start))
            conn.execute(f"INSERT INTO {_TABLE[kind]} (rowid, title, body) VALUES (?, ?, ?)", (cur.lastrowid, title, body))
        conn.executemany("INSERT OR REPLACE INTO graphs (name, fingerprint) VALUES (?, ?)",
                         [(g, fingerprints[g]) for g in graphs])

    # -- reading the store -------------------------------------------------------------------------
    @staticmethod
    def _document_fingerprints(store: Store) -> dict[str, str]:
        """Per document graph: the MD5 of its text, and the count and total length of all the texts in it
        (claims, footnotes). A re-ingest that changes the text or the claims changes it; reading it
        costs two index scans and no join (a join with the claims took three times as long)."""
        q = _PREFIXES + "SELECT ?g (MD5(?t) AS ?h) WHERE { GRAPH ?g { ?g a fk:Document ; schema:text ?t } }"
        texts = {g.value: h.value for g, h in store.query(q).rows()}
        q = _PREFIXES + """SELECT ?g (COUNT(?t) AS ?n) (SUM(STRLEN(?t)) AS ?chars)
                           WHERE { GRAPH ?g { ?x schema:text ?t } } GROUP BY ?g"""
        sizes = {g.value: f"{n.value}/{c.value}" for g, n, c in store.query(q).rows()}
        return {g: f"{h};{sizes.get(g)}" for g, h in texts.items()}

    @staticmethod
    def _label_graph_fingerprints(store: Store, documents: dict[str, str]) -> dict[str, str]:
        """Per other graph holding labelled persons, countries, organizations or volumes: its quad count."""
        types = " ".join(f"<{t}>" for t in _TYPES)
        q = f"SELECT DISTINCT ?g WHERE {{ VALUES ?type {{ {types} }} GRAPH ?g {{ ?e a ?type }} }}"
        graphs = [g for (g,) in store.query(q).rows() if g.value not in documents]
        if not graphs:
            return {}
        q = f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ {_values(g.value for g in graphs)} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
        return {g.value: f"quads={n.value}" for g, n in store.query(q).rows()}

    @staticmethod
    def _mention_boosts(store: Store) -> list[tuple[str, float]]:
        q = _PREFIXES + "SELECT ?e (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d schema:mentions ?e } GROUP BY ?e"
        return [(e.value, 1.0 + MENTION_BOOST * math.log1p(int(n.value))) for e, n in store.query(q).rows()]

    def _document_entries(self, store: Store, graphs: Sequence[str]) -> Iterator[tuple]:
        """(graph, kind, iri, document, volume, date, start, title, body) rows of some document graphs."""
        values = _values(graphs)
        docs = {}
        q = _PREFIXES + f"""
        SELECT ?g ?text ?name ?date ?volume WHERE {{ {values}
          GRAPH ?g {{ ?g schema:text ?text .
            OPTIONAL {{ ?g schema:name ?name }} OPTIONAL {{ ?g schema:dateCreated ?date }}
            OPTIONAL {{ ?g fk:volumeId ?volume }} }} }}"""
        for g, text, name, date, volume in store.query(q).rows():
            if g.value not in docs:
                docs[g.value] = (_value(volume), _value(date))
                yield (g.value, "document", g.value, g.value, _value(volume), _value(date), 0,
                       _value(name) or "", text.value)
        q = _PREFIXES + f"""
        SELECT ?g ?c ?text ?start WHERE {{ {values}
          GRAPH ?g {{ ?c a fk:Claim ; schema:text ?text ; oa:hasTarget ?target .
                      ?target oa:hasSelector ?selector . ?selector oa:start ?start }} }}"""
        seen = set()
        for g, c, text, start in store.query(q).rows():
            if c.value in seen:
                continue
            seen.add(c.value)
            volume, date = docs.get(g.value, (None, None))
            yield (g.value, "claim", c.value, g.value, volume, date, int(start.value), "", text.value)
        for (g, iri), kind, title, body in self._labels(store, values):
            yield (g, kind, iri, g, docs.get(g, (None,))[0], None, None, title, body)

    def _label_entries(self, store: Store, graph: str) -> Iterator[tuple]:
        q = _PREFIXES + f"SELECT ?volume WHERE {{ GRAPH <{graph}> {{ ?v a fk:Volume ; fk:volumeId ?volume }} }} LIMIT 1"
        volume = next((v.value for (v,) in store.query(q).rows()), None)
        for (g, iri), kind, title, body in self._labels(store, _values([graph])):
            yield (g, kind, iri, None, volume, None, None, title, body)

    @staticmethod
    def _labels(store: Store, values: str) -> Iterator[tuple[tuple[str, str], str, str, str]]:
        """((graph, entity), kind, main name, variants) of the typed, labelled entities of some graphs; not a
        volume's list entry linked to an entity of ours (its authority record), which a search finds as that entity:
        "Hammarskjöld" was listed twice."""
        # a UNION of constant types, not VALUES ?type: Oxigraph 0.5 joins VALUES by scanning (100x slower here);
        # grouped in the query, as 16,000 people come back as 16,000 rows rather than 60,000 (twice as fast)
        typed = " UNION ".join(f"{{ ?e a <{t}> BIND (<{t}> AS ?type) }}" for t in _TYPES)
        main, variant = ("|".join(f"<{p}>" for p in props) for props in (_PRIMARY, _LABELS[len(_PRIMARY):]))
        q = f"""SELECT ?g ?e ?type (GROUP_CONCAT(DISTINCT COALESCE(?main, ""); separator="{_SEP}") AS ?mains)
                       (GROUP_CONCAT(DISTINCT COALESCE(?variant, ""); separator="{_SEP}") AS ?variants) WHERE {{ {values}
                GRAPH ?g {{ {typed} {{ ?e {main} ?main }} UNION {{ ?e {variant} ?variant }}
                  FILTER (!STRSTARTS(STR(?e), "{BASE}historicaldocuments/") ||
                          NOT EXISTS {{ ?e <{SKOS}exactMatch> ?same FILTER (STRSTARTS(STR(?same), "{BASE}")) }}) }}
                }} GROUP BY ?g ?e ?type"""
        for g, e, t, mains, variants in store.query(q).rows():
            names = sorted(filter(None, mains.value.split(_SEP)))     # COALESCE: an unbound value would void it
            names += sorted(n for n in set(variants.value.split(_SEP)) if n and n not in names)
            if names:
                yield (g.value, e.value), _TYPES[t.value], names[0], " · ".join(names[1:])

    # -- searching ---------------------------------------------------------------------------------
    def names_with_word(self, start: str, kind: str) -> list[str]:
        """IRIs of the entities of `kind` (person, country, organization) with a word of a name or variant
        that starts with `start` (letters or digits): the candidates of a name-prefix filter, a superset that
        the caller narrows down (FTS5 has no "the name starts with")."""
        if kind not in LABEL_KINDS or not start.isalnum():
            raise SearchQueryError(f"names_with_word: {start!r} of kind {kind!r}")
        rows = self._connect().execute(
            "SELECT DISTINCT e.iri FROM fts_labels JOIN entries e ON e.id = fts_labels.rowid "
            "WHERE fts_labels MATCH :word AND e.kind = :kind", {"word": f'"{start}"*', "kind": kind})
        return [iri for (iri,) in rows]

    def documents_containing(self, text: str) -> list[str] | None:
        """The IRIs of the documents whose text may contain `text`, case-insensitively: a superset of those
        whose `LCASE(schema:text)` contains it, for a caller to check exactly; None when the index cannot
        narrow it (the text is not ASCII: SQLite's lower() folds ASCII letters only).

        FTS5 finds the words of `text` with a separator on both sides in it, as whole words (stems match
        stems; a first or last word may be part of a longer word, and a stemmed prefix is not the prefix of
        the stem, so those are not looked up); then the stored texts are tested with `instr(lower(...))`,
        and texts with İ (U+0130) or the Kelvin sign (U+212A), whose lower case holds an ASCII letter, are
        kept for the exact check. Without a whole word, every stored text is tested (0.5 s on the corpus)."""
        if not text.isascii() or not text.strip():
            return None
        words = [m.group(0) for m in re.finditer(r"[A-Za-z0-9]+", text)
                 if m.start() > 0 and m.end() < len(text)]
        match = " AND ".join(dict.fromkeys(_fts_string(w.lower()) for w in words))
        body = "fts_documents.body"
        test = f"(instr(lower({body}), :text) > 0 OR instr({body}, :dotted) > 0 OR instr({body}, :kelvin) > 0)"
        sql = (f"SELECT e.iri FROM fts_documents JOIN entries e ON e.id = fts_documents.rowid WHERE e.kind = 'document' AND "
               f"{'fts_documents MATCH :match AND ' if match else ''}{test}")
        rows = self._connect().execute(sql, {"match": match, "text": text.lower(), "dotted": "\u0130",
                                             "kelvin": "\u212a"})
        return [iri for (iri,) in rows]

    def document_count(self) -> int:
        """Documents indexed (those with a text)."""
        return self._connect().execute("SELECT COUNT(*) FROM fts_documents_docsize").fetchone()[0]

    def search(self, query: ParsedQuery, *, kinds: Sequence[str] = (), volume: str | None = None,
               date_from: str | None = None, date_before: str | None = None,
               after: tuple[float, int] | None = None, limit: int = 20) -> tuple[list[Hit], dict[str, int]]:
        """The best `limit` hits after the (score, id) key `after`, and how many match per kind (all kinds).

        Scores are bm25 (lower is better) times the label and phrase boosts. Dates compare as strings:
        `date_from` is an inclusive lower bound ("1981-01-01"), `date_before` an exclusive upper one ("1982"),
        so a date with a time ("1981-10-26T10:00:00Z") falls in its day. Names have no date.
        """
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise SearchQueryError(f"unknown kind {unknown[0]!r}; one of {', '.join(KINDS)}")
        where, params = [], {"match": query.match, "phrase": query.phrase, "limit": limit}
        for name, value, test in (("volume", volume, "e.volume = :volume"),
                                  ("date_from", date_from, "e.date >= :date_from"),
                                  ("date_before", date_before, "e.date < :date_before")):
            if value is not None:
                where.append(test)
                params[name] = value
        conn = self._connect()
        conn.execute("BEGIN")           # one snapshot for the counts, the page and the snippets
        try:
            totals = self._totals(conn, where, params)
            rows = self._page(conn, query, where, params, kinds or KINDS, after)
            hits = self._snippets(conn, query, rows)
        except sqlite3.OperationalError as exc:      # parse_query makes FTS5 syntax errors unreachable; if not, a 400
            if "fts5" in str(exc) or "syntax" in str(exc):
                raise SearchQueryError(f"the index cannot search this: {exc}") from None
            raise StoreError(f"{self.path}: {exc}") from None
        finally:
            conn.execute("COMMIT")
        return hits, totals

    @staticmethod
    def _totals(conn, where: list[str], params: dict) -> dict[str, int]:
        """Matches per kind. A table of one kind, with no filter on the entries, counts its own matches:
        joining each match to its entry cost 110 ms for the 42,000 claims that say "soviet" (99 volumes)."""
        totals: dict[str, int] = {}
        for table in sorted(set(_TABLE.values())):
            kinds = [k for k, t in _TABLE.items() if t == table]
            if len(kinds) == 1 and not where:
                (n,) = conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {table} MATCH :match", params).fetchone()
                totals.update({kinds[0]: n} if n else {})
                continue
            totals.update(conn.execute(
                f"SELECT e.kind, COUNT(*) FROM {table} JOIN entries e ON e.id = {table}.rowid "
                f"WHERE {' AND '.join([f'{table} MATCH :match', *where])} GROUP BY e.kind", params).fetchall())
        return totals

    @staticmethod
    def _page(conn, query: ParsedQuery, where: list[str], params: dict, kinds: Sequence[str],
              after: tuple[float, int] | None) -> list[tuple]:
        """The page's entries by (score, id), after the keyset `after`. Each table's best `limit` first, then
        their entries: a table of one kind with no filter ranks its matches without reading their entries."""
        if after is not None:
            params = dict(params, after_score=after[0], after_id=after[1])
        keyset = "WHERE score > :after_score OR (score = :after_score AND id > :after_id)" if after is not None else ""
        best: list[tuple[float, int]] = []
        for table in sorted({_TABLE[k] for k in kinds}):
            wanted = [k for k in kinds if _TABLE[k] == table]
            own = len([k for k, t in _TABLE.items() if t == table]) == 1 and not where
            ranked = SearchIndex._ranked(table, query, wanted, where, own)
            best += [(score, id_) for id_, score in conn.execute(
                f"SELECT id, score FROM ({ranked}) {keyset} ORDER BY score, id LIMIT :limit", params)]
        ids = [id_ for _, id_ in sorted(best)[:params["limit"]]]
        found = {row[0]: row for row in conn.execute(
            f"SELECT id, kind, iri, document, volume, date, start FROM entries WHERE id IN ({', '.join('?' * len(ids))})",
            ids)}
        return [(*found[id_], score) for score, id_ in sorted(best)[:params["limit"]] if id_ in found]

    @staticmethod
    def _ranked(table: str, query: ParsedQuery, kinds: Sequence[str], where: list[str], own: bool) -> str:
        """SELECT id, score of a table's matches: bm25 times the name boosts and the phrase boost."""
        labels = table == _TABLE[LABEL_KINDS[0]]
        boost = f"{LABEL_BOOST} * COALESCE(m.boost, 1.0)" if labels else "1.0"
        phrase = "1.0"
        if query.phrase:
            phrase = (f"CASE WHEN {table}.rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH :phrase) "
                      f"THEN {PHRASE_BOOST} ELSE 1.0 END")
        score = f"bm25({table}, {TITLE_WEIGHT}, 1.0) * {boost} * ({phrase})"
        if own:
            return f"SELECT {table}.rowid AS id, {score} AS score FROM {table} WHERE {table} MATCH :match"
        wanted = ", ".join(f"'{k}'" for k in kinds)
        return f"""SELECT e.id AS id, {score} AS score FROM {table} JOIN entries e ON e.id = {table}.rowid
              {"LEFT JOIN mentioned m ON m.iri = e.iri" if labels else ""}
              WHERE {' AND '.join([f'{table} MATCH :match', f'e.kind IN ({wanted})', *where])}"""

    @staticmethod
    def _snippets(conn, query: ParsedQuery, rows: list[tuple]) -> list[Hit]:
        marks = f"'{_OPEN}', '{_CLOSE}', '{_CUT}', {SNIPPET_TOKENS}"
        found = {}
        for table in {_TABLE[r[1]] for r in rows}:
            ids = [r[0] for r in rows if _TABLE[r[1]] == table]
            column = -1 if table == _TABLE[LABEL_KINDS[0]] else 1     # names: the name or a variant
            found.update((rowid, rest) for rowid, *rest in conn.execute(
                f"SELECT rowid, title, body, snippet({table}, {column}, {marks}) FROM {table} "
                f"WHERE {table} MATCH ? AND rowid IN ({', '.join('?' * len(ids))})", (query.match, *ids)))
        hits = []
        for id_, kind, iri, document, volume, date, start, score in rows:
            title, body, marked = found.get(id_, ("", "", ""))
            located = kind in ("document", "claim")
            snippet, spans = _unmark(marked)
            hit = Hit(id_, kind, iri, score, title, snippet, spans, document, volume, date)
            at = body.find(snippet) if located and snippet and start is not None else -1
            if at >= 0:
                base = at + start
                hit.passage = (base, base + len(snippet))
                hit.matches = [(base + a, base + b) for a, b in spans]
            hits.append(hit)
        return hits
