"""Facts about graphs kept beside the RDF, in a SQLite file in the store's folder (the ingest ledger).

Why not in RDF: Oxigraph's union default graph (what the SPARQL endpoint, `frus-kg query` and exports
see) includes the store's real default graph, and leaving one graph out of the union means naming every
other graph as the default graph, about 150x slower per lookup at 30,000 graphs. Bookkeeping that users
must never see therefore lives here, where no SPARQL query and no export can reach it.

The table is generic, `(subject, field) -> value`, with fields named by IRIs (the ingest ledger uses the
vocabulary terms fk:sourceDigest, fk:ingestVolume and fk:ingestStatus). What an entry means, and in
which order it is written relative to the data it describes, is the writer's business (ingest/ledger.py):
this file and RocksDB share no transaction.

`--store DIR` stays one folder: RocksDB leaves files it did not write alone (checked with pyoxigraph
0.5.13 through writes, bulk loads, compaction, flushes, reopening and read-only opens), so the ledger
is `DIR/frus-kg-ledger.sqlite3`, beside RocksDB's own files. The store opens it for writing only once it
holds RocksDB's lock, so one process at a time writes both; readers may read it while that one writes.
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Iterable, Iterator, Mapping

import pyoxigraph as ox

from ontology.namespaces import FK

from .errors import StoreError

__all__ = ["LedgerFile", "LEDGER_FILE", "LEGACY_LEDGER_FIELDS", "has_legacy_ledger", "move_legacy_ledger"]

LEDGER_FILE = "frus-kg-ledger.sqlite3"
# stores written before the ledger moved out of RDF kept it in the default graph with these predicates
LEGACY_LEDGER_FIELDS = (FK + "sourceDigest", FK + "ingestVolume", FK + "ingestStatus")
_CHUNK = 500                        # SQLite's bound-parameter limit is 999 on old builds

_SCHEMA = """
CREATE TABLE IF NOT EXISTS ledger (
    subject TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (subject, field)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ledger_by_value ON ledger (field, value);
"""


class LedgerFile:
    """`(subject, field) -> value` rows; each `write` is one SQLite transaction. Safe to share between threads.

    `path=None` keeps the rows in memory (for an in-memory store). Read-only, a missing file reads as empty."""

    def __init__(self, path: str | Path | None, *, read_only: bool = False):
        self.path = None if path is None else Path(path)
        self.read_only = read_only
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        if not read_only:
            self._connect()

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None:
            if self.read_only and self.path is not None and not self.path.exists():
                return None
            try:
                self._db = self._open()
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: cannot open the ingest ledger: {exc}") from None
        return self._db

    def _open(self) -> sqlite3.Connection:
        options = {"isolation_level": None, "check_same_thread": False}
        if self.path is None:
            db = sqlite3.connect(":memory:", **options)
        elif self.read_only:
            return sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, **options)
        else:
            db = sqlite3.connect(self.path, **options)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")       # WAL + NORMAL: durable when the process dies
        db.executescript(_SCHEMA)
        return db

    def _select(self, sql: str, params: Iterable = ()) -> list[tuple]:
        with self._lock:
            db = self._connect()
            try:
                return [] if db is None else db.execute(sql, tuple(params)).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: cannot read the ingest ledger: {exc}") from None

    def values(self, field: str, subjects: Iterable[str] | None = None) -> dict[str, str]:
        """subject -> value of `field`, for every subject that has it (or those of `subjects`)."""
        if subjects is None:
            return dict(self._select("SELECT subject, value FROM ledger WHERE field = ?", (field,)))
        subjects = list(subjects)
        found: dict[str, str] = {}
        for i in range(0, len(subjects), _CHUNK):
            chunk = subjects[i:i + _CHUNK]
            found.update(self._select(f"SELECT subject, value FROM ledger WHERE field = ? AND subject IN "
                                      f"({','.join('?' * len(chunk))})", (field, *chunk)))
        return found

    def subjects(self, where: Mapping[str, str | None]) -> set[str]:
        """Subjects that have every field of `where` with that value (None: with any value)."""
        if not where:
            return set()
        first, *others = sorted(where.items(), key=lambda c: c[1] is None)     # a value first: the selective one
        sql, params = "SELECT t0.subject FROM ledger t0", []
        for i, condition in enumerate(others, 1):
            match, values = _match(f"t{i}", *condition)
            sql += f" JOIN ledger t{i} ON t{i}.subject = t0.subject AND {match}"
            params += values
        match, values = _match("t0", *first)
        return {s for (s,) in self._select(f"{sql} WHERE {match}", params + values)}

    def rows(self) -> list[tuple[str, str, str]]:
        """Every (subject, field, value), sorted."""
        return self._select("SELECT subject, field, value FROM ledger ORDER BY subject, field")

    def write(self, put: Iterable[tuple[str, str, str]] = (), remove: Iterable[tuple[str, str | None]] = ()) -> None:
        """In one transaction: delete `remove` ((subject, field), or (subject, None) for all its fields), then
        set `put` (replacing a subject's earlier value of that field)."""
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")
        put, remove = list(put), list(remove)
        if not put and not remove:
            return
        with self._lock:
            db = self._connect()
            try:
                db.execute("BEGIN IMMEDIATE")
                db.executemany("DELETE FROM ledger WHERE subject = ?", [(s,) for s, f in remove if f is None])
                db.executemany("DELETE FROM ledger WHERE subject = ? AND field = ?", [(s, f) for s, f in remove if f])
                db.executemany("INSERT OR REPLACE INTO ledger (subject, field, value) VALUES (?, ?, ?)", put)
                db.execute("COMMIT")
            except sqlite3.Error as exc:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise StoreError(f"{self.path}: writing the ingest ledger failed; it is unchanged: {exc}") from None

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


def _match(table: str, field: str, value: str | None) -> tuple[str, list[str]]:
    if value is None:
        return f"{table}.field = ?", [field]
    return f"{table}.field = ? AND {table}.value = ?", [field, value]


def _legacy(store: ox.Store) -> Iterator[ox.Quad]:
    for field in LEGACY_LEDGER_FIELDS:
        yield from store.quads_for_pattern(None, ox.NamedNode(field), None, ox.DefaultGraph())


def has_legacy_ledger(store: ox.Store) -> bool:
    """Whether the store still keeps ledger statements in its default graph (a store written before the move)."""
    return next(_legacy(store), None) is not None


def move_legacy_ledger(store: ox.Store, ledger: LedgerFile) -> int:
    """Move ledger statements from the default graph into `ledger`; returns how many moved.

    Copied first (one SQLite transaction), then deleted from RDF (one update, so one transaction). A
    crash in between leaves them in both places, and the next write open copies the same values again:
    every write open moves them before anything else writes, so the copy in RDF is never older than the
    ledger's."""
    quads = list(_legacy(store))
    if not quads:
        return 0
    ledger.write(put=[(q.subject.value, q.predicate.value, q.object.value) for q in quads])
    store.update("DELETE DATA { " + " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads) + " }")
    return len(quads)
