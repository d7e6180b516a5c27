"""The store behind a small interface: load, replace graphs atomically, query, update, export.

`OxigraphStore` is the default (embedded pyoxigraph on disk); graph/remote_store.py implements the same
`Store` on a SPARQL 1.1 server. How a store loads (Oxigraph's bulk loader, lenient parsing of trusted
data) and what its default graph is are `StoreOptions`, chosen when it is opened: the calls are the same
on every backend. Nothing above this module touches pyoxigraph's storage API directly.
"""
from __future__ import annotations

import os
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, Mapping, Protocol, Sequence

import pyoxigraph as ox

from . import sparql_terms
from .errors import QueryError, StoreError, StoreLocked
from .formats import RDF_FORMATS, RESULT_FORMATS
from .result_writer import Serialized, serialize_result
from .query_variables import in_query_order
from .sparql_guard import has_dataset_clause
from .sparql_syntax import UPDATE_OPERATIONS, syntax_error
from .ledger_file import LEDGER_FILE, LedgerFile, has_legacy_ledger, move_legacy_ledger

__all__ = [
    "Store", "StoreOptions", "OxigraphStore", "QueryResult", "DEFAULT_STORE", "store_path", "open_store", "graph_name",
    "RDF_FORMATS", "RESULT_FORMATS", "lost_a_file",
]

DEFAULT_STORE = "data/store"

_QUAD_FORMATS = {"nquads", "trig", "jsonld"}
LOG_CLEANUP_BYTES = 16 << 20       # a writable store whose write-ahead logs are larger drops them when closed


def store_path(explicit: str | os.PathLike | None = None) -> Path:
    """--store, else $FRUS_KG_STORE, else ./data/store."""
    return Path(explicit or os.environ.get("FRUS_KG_STORE") or DEFAULT_STORE)


@dataclass
class QueryResult:
    """A SPARQL result: `kind` is 'solutions', 'boolean' or 'graph'. Iterate `rows()` or `serialize()` once.

    `rerun`, given by a read-only store, evaluates the query again on a fresh snapshot: `rows()` calls it
    when the first row meets a file that a writer's compaction deleted (see `lost_a_file`)."""
    kind: str
    raw: object
    variables: tuple[str, ...] = ()
    boolean: bool | None = None
    rerun: Callable[[], object] | None = field(default=None, repr=False, compare=False)
    server_cut: str | None = None     # a remote server cut the answer short: what it said (graph.remote_store)
    partial_ok: bool = False          # the caller shows a cut answer as cut (frus-kg query's table warns)

    def rows(self) -> Iterator[tuple]:
        """The rows; a remote server's cut answer is an error here unless the caller took it as partial: the
        networks, pages and counts that read rows would otherwise be short without a word."""
        if self.server_cut and not self.partial_ok:
            raise StoreError(f"the SPARQL server cut the answer short ({self.server_cut}); a partial answer would be "
                             "silently wrong here: raise the server's row limit (Virtuoso: ResultSetMaxRows)")
        started = False
        try:
            for row in self._rows_of(self.raw):
                started = True
                yield row
        except OSError as exc:
            if started or self.rerun is None or not lost_a_file(exc):
                raise StoreError(f"reading the store failed: {exc}") from None
            self.raw, self.rerun = self.rerun(), None
            yield from self.rows()

    def _rows_of(self, raw) -> Iterator[tuple]:
        if self.kind == "solutions":
            for solution in raw:
                yield tuple(solution[v] for v in self.variables)
        elif self.kind == "graph":
            for t in raw:
                yield (t.subject, t.predicate, t.object)

    def serialize(self, fmt: str) -> bytes:
        if self.kind == "graph":
            return ox.serialize(self.raw, format=RDF_FORMATS[fmt])
        if self.kind == "boolean":
            return self.raw.serialize(format=RESULT_FORMATS[fmt])
        return serialize_result(self, fmt, sys.maxsize, None).data      # in `variables`' order, not the engine's


@dataclass(frozen=True)
class StoreOptions:
    """How an opened store loads and what its default graph is: configuration of the backend, given to
    `open_store`, never an argument of a call, so every caller uses the same protocol on every backend.

    - `bulk`: `load` uses Oxigraph's bulk loader, several times faster alone but not one transaction: a
      crash can leave part of a load, so the store says `atomic_loads = False` and the ingest ledger marks
      the graphs pending first (ingest/ledger.py). A remote store ignores it (each graph is one request).
    - `trusted`: what `load` gets is this program's own validated N-Quads, so the parser skips re-checking
      IRIs (a third faster). `frus-kg ingest` opens its store so; never a store that loads users' data.
    - `union_default_graph`: queries without FROM see the union of every graph, as frus-kg's queries need.
      False only to look at an embedded store's real default graph; a server's is its own (checked when
      opened)."""
    bulk: bool = False
    trusted: bool = False
    union_default_graph: bool = True

    @classmethod
    def for_ingest(cls, bulk: bool = False) -> "StoreOptions":
        """What `frus-kg ingest` opens its store with (the bench too, to measure the same path)."""
        return cls(bulk=bulk, trusted=True)


class Store(Protocol):
    """Every method callers use; ingest.ledger.CorpusSink names the subset a corpus run needs (ingest does
    not import graph), and OxigraphStore satisfies both (tests/graph/test_store_protocol.py).

    Graph names are checked once, by `graph_name`, before they reach SPARQL or the engine. The data and
    the ledger share no transaction: a writer orders its calls (ingest/ledger.py says how). How the store
    loads is its `StoreOptions`; callers read only what follows from them (`atomic_loads`,
    `union_default_graph`)."""
    @property
    def atomic_loads(self) -> bool:
        """Each graph a `load` writes is all-or-nothing (False for Oxigraph's bulk loader)."""
    @property
    def union_default_graph(self) -> bool:
        """Queries without FROM see the union of every graph."""
    def replace_graphs(self, graphs: Mapping[str, Sequence[ox.Quad] | bytes]) -> None: ...
    def add_graphs_if_absent(self, graphs: Mapping[str, Sequence[ox.Quad]]) -> list[str]: ...
    def drop_graphs(self, names: Iterable[str]) -> None: ...
    def has_graph(self, name: str) -> bool: ...
    def existing_graphs(self, names: Iterable[str]) -> set[str]: ...
    def graph_names(self) -> list[str]: ...
    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]: ...
    def checkpoint(self) -> None: ...
    def load(self, data: bytes | IO[bytes], fmt: str, graph: str | None = None) -> None: ...
    def query(self, sparql: str, *, default_graphs: Sequence[str] = (),
              named_graphs: Sequence[str] = (), timeout: float | None = None,
              row_cap: int | None = None) -> QueryResult: ...
    def query_serialized(self, sparql: str, fmt: str, *, default_graphs: Sequence[str] = (),
                         named_graphs: Sequence[str] = (), timeout: float | None = None) -> Serialized: ...
    def update(self, sparql: str) -> None: ...
    def export(self, out: IO[bytes], fmt: str = "nquads", graph: str | None = None) -> None: ...
    def quad_count(self) -> int: ...
    def close(self) -> None: ...
    # the ingest ledger, outside RDF (graph/ledger_file.py): `values`, `subjects`, `write`
    ledger: LedgerFile
    # the folder of the store's sidecars (ledger, search index): the store itself, or a remote store's
    # state folder; None for an in-memory store
    path: Path | None


def graph_name(name: str) -> str:
    """`<name>`, once checked: the one place a graph name is validated before SPARQL or the engine sees it."""
    try:
        return sparql_terms.iri(name)
    except ValueError as exc:
        raise QueryError(f"bad graph name: {exc}") from None


def _node(name: str) -> ox.NamedNode:
    return ox.NamedNode(graph_name(name)[1:-1])


def _ntriples(name: str, quads: Sequence[ox.Quad] | bytes) -> str:
    """The graph's triples as N-Triples, for INSERT DATA; N-Quads bytes must all be in that graph."""
    if not isinstance(quads, (bytes, bytearray)):
        return ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                            format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    suffix = f" {graph_name(name)} ."
    out = []
    for line in quads.decode("utf-8").splitlines():
        if not line:
            continue
        if not line.endswith(suffix):
            raise StoreError(f"{name}: a quad outside the graph being replaced: {line[:120]}")
        out.append(line[: -len(suffix)] + " .")
    return "\n".join(out)


def _whole_graphs_update(graphs: Mapping[str, Sequence[ox.Quad] | bytes], existing: set[str]) -> str:
    drops = " ".join(f"DROP SILENT GRAPH {graph_name(name)} ;" for name in sorted(existing))
    inserts = " ".join(f"GRAPH {graph_name(name)} {{ {_ntriples(name, quads)} }}"
                       for name, quads in graphs.items() if quads)
    return f"{drops} INSERT DATA {{ {inserts} }}" if inserts else drops.rstrip(" ;")


def _has_blank_node(triples: Iterable[ox.Triple]) -> bool:
    """DELETE DATA cannot name a blank node, nor be trusted with a quoted triple: such graphs go whole."""
    plain = (ox.NamedNode, ox.Literal)
    return any(not isinstance(t.subject, ox.NamedNode) or not isinstance(t.object, plain) for t in triples)


def _mostly_new(store: ox.Store, name: str, quads: Sequence[ox.Quad], sample: int = 200) -> bool:
    """Whether most of an evenly spread sample of the new triples is not in the held graph: then it is dropped and
    written whole, without reading it (reading 200,000 triples to find them all changed cost more than it saved)."""
    picked = list(quads[::max(1, len(quads) // sample)])
    node = _node(name)
    held = sum(ox.Quad(q.subject, q.predicate, q.object, node) in store for q in picked)
    return held * 2 < len(picked)


def _difference_update(store: ox.Store, graphs: Mapping[str, Sequence[ox.Quad] | bytes],
                       existing: set[str]) -> str | None:
    """DELETE DATA and INSERT DATA of what differs between the held graphs and the given ones; None where a
    graph comes as bytes or a side has a blank node. Triples go in the order given: Oxigraph writes a graph's
    triples in subject order much faster than in a set's."""
    if any(isinstance(q, (bytes, bytearray)) for q in graphs.values()):
        return None
    drops, deletes, inserts = [], [], []
    for name, quads in graphs.items():
        new = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        if name in existing and (not new or _mostly_new(store, name, quads)):
            drops.append(f"DROP SILENT GRAPH {graph_name(name)}")
            gone, added = [], new
        else:
            gone, added = _changes(store, name, new) if name in existing else ([], new)
            if gone is None:
                return None
            if gone and len(gone) * 2 > len(new) + len(gone) - len(added):   # mostly rewritten: drop it whole
                drops.append(f"DROP SILENT GRAPH {graph_name(name)}")
                gone, added = [], new
        if _has_blank_node(added):
            return None
        for triples, out in ((gone, deletes), (added, inserts)):
            if triples:
                out.append(f"GRAPH {graph_name(name)} {{ {_ntriples(name, triples)} }}")
    parts = drops + [f"DELETE DATA {{ {' '.join(deletes)} }}"] * bool(deletes) \
        + [f"INSERT DATA {{ {' '.join(inserts)} }}"] * bool(inserts)
    return " ; ".join(parts)


def _changes(store: ox.Store, name: str, new: list[ox.Triple]) -> tuple[list | None, list]:
    """(the held triples not in `new`, the triples of `new` not held), in order; (None, []) where the held graph has a
    blank node, which DELETE DATA cannot name."""
    old = [q.triple for q in store.quads_for_pattern(None, None, None, _node(name))]
    if _has_blank_node(old):
        return None, []
    held, wanted = set(old), set(new)
    return [t for t in old if t not in wanted], [t for t in new if t not in held]


def lost_a_file(error: BaseException | str) -> bool:
    """Whether a read failed because a read-only snapshot's file is gone. A snapshot opens some of its
    files at once and the rest at first read; a writer compacting in between deletes them. Reading again
    on a fresh snapshot answers (tests/graph/test_volume_workers.py reproduces it)."""
    return isinstance(error, FileNotFoundError) or "no such file or directory" in str(error).lower()


class OxigraphStore:
    """Embedded Oxigraph. `read_only=True` opens a snapshot that is refreshed when the files change (at most
    once a second), or kept as it is with `follow=False`; `options` say how it loads and what its default
    graph is (StoreOptions).

    `ledger` is the ingest ledger, a SQLite file in the same folder (graph/ledger_file.py). A write open
    first moves ledger statements that an older frus-kg left in the default graph into it."""

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False,
                 options: StoreOptions = StoreOptions(), follow: bool = True):
        self.path = None if path is None else Path(path)
        self.read_only = read_only
        self.follow = follow
        self.options = options
        self._lock = threading.Lock()
        self._write_lock = threading.RLock()      # a graph's differences are read and written as one step
        self._stamp = 0.0
        self._checked = 0.0
        self._store = self._open()
        self.ledger = LedgerFile(None if self.path is None else self.path / LEDGER_FILE, read_only=read_only)
        self.migrated = 0 if read_only else move_legacy_ledger(self._store, self.ledger)

    @property
    def atomic_loads(self) -> bool:
        return not self.options.bulk

    @property
    def union_default_graph(self) -> bool:
        return self.options.union_default_graph

    def has_legacy_ledger(self) -> bool:
        """Ledger statements still in the default graph: the next write open moves them out."""
        return has_legacy_ledger(self._current())

    def _open(self) -> ox.Store:
        if self.path is None:
            return ox.Store()
        try:
            if self.read_only:
                if not (self.path / "CURRENT").exists():
                    raise StoreError(f"{self.path}: no store here yet; run `frus-kg ingest` first")
                self._stamp = self._files_stamp()
                return self._open_read_only()
            self.path.mkdir(parents=True, exist_ok=True)
            return ox.Store(str(self.path))
        except (OSError, RuntimeError) as exc:
            if "lock" in str(exc).lower():
                raise StoreLocked(f"{self.path}: the store is open in another process that writes to it (another "
                                  f"`frus-kg ingest`, `index`, `remove` or `load`, or an update `frus-kg serve` is "
                                  f"applying; a server alone never holds it): wait for it to end, or point --store "
                                  f"elsewhere") from None
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from None

    def _files_stamp(self) -> float:
        """Newest RocksDB file; our SQLite sidecars (frus-kg-*) are left out: a WAL reader touches its -shm."""
        try:
            return max((e.stat().st_mtime for e in os.scandir(self.path) if not e.name.startswith("frus-kg-")),
                       default=0.0)
        except OSError:
            return 0.0

    def refresh(self) -> None:
        """Look at the files again at the next read, even if the last look was less than a second ago."""
        self._checked = 0.0

    def _current(self) -> ox.Store:
        """Read-only snapshots reopen (at most once a second) when a writer has changed the files."""
        if self.read_only and self.follow and self.path is not None:
            now = time.monotonic()
            if now - self._checked > 1.0:
                self._checked = now
                stamp = self._files_stamp()
                if stamp != self._stamp:
                    with self._lock:
                        try:
                            self._store = self._open_read_only()
                            self._stamp = stamp
                        except (OSError, RuntimeError):
                            pass                   # the last snapshot serves; the next look tries again
        return self._store

    def _open_read_only(self) -> ox.Store:
        """A snapshot of the files as they are; a writer compacting may delete a file the snapshot names while
        it opens, so a few more tries follow, and the last error is raised."""
        for attempt in range(5):
            try:
                return ox.Store.read_only(str(self.path))
            except (OSError, RuntimeError):
                time.sleep(0.05 * (attempt + 1))
        return ox.Store.read_only(str(self.path))

    def reopen(self) -> None:
        """A read-only store takes a fresh snapshot now: the one it held named a file that the writer's
        compaction deleted before the snapshot opened it (see `lost_a_file`)."""
        if self.read_only and self.path is not None:
            with self._lock:
                self._stamp = self._files_stamp()
                self._store = self._open_read_only()

    def snapshot_to(self, target: Path) -> None:
        """A RocksDB checkpoint of the store at `target` (hard links on the same disk: cheap). Readers of it
        never lose a file to this store's compactions, which a read-only open of the live folder can."""
        try:
            self._writable().backup(str(target))
        except OSError as exc:
            raise StoreError(f"{target}: cannot take a snapshot of the store: {exc}") from None

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")
        return self._store

    # -- writes ------------------------------------------------------------------------------------
    def replace_graphs(self, graphs: Mapping[str, Sequence[ox.Quad] | bytes]) -> None:
        """Replace each named graph by the given quads (or its N-Quads bytes), all in one transaction.

        A graph the store holds is rewritten by its differences when neither side has a blank node: the
        update carries only what changed, where a DROP and INSERT DATA of the whole graph made Oxigraph parse
        every triple again (the authority graphs, 200,000 triples, mostly unchanged: 15 s)."""
        store = self._writable()
        if not graphs:
            return
        with self._write_lock:
            existing = self.existing_graphs(graphs)
            if not existing and not any(isinstance(q, (bytes, bytearray)) for q in graphs.values()):
                store.extend([q for quads in graphs.values() for q in quads])
                return
            update = _difference_update(store, graphs, existing)
            if update is None:
                update = _whole_graphs_update(graphs, existing)
            if not update:
                return
            try:
                store.update(update)
            except (SyntaxError, OSError) as exc:
                raise StoreError(f"replacing {len(graphs)} graph(s) failed; the store is unchanged: {exc}") from None

    def bulk_add_new_graphs(self, graphs: Mapping[str, Sequence[ox.Quad]], seal: Sequence[ox.Quad]) -> None:
        """Graphs the store lacks, through Oxigraph's bulk loader, then `seal` in one transaction.

        Twice as fast as a transaction on the authority graphs of a new store (190k quads: 1.7 s against 3.9 s),
        but not atomic: a run killed midway leaves part of a graph without its seal, which the caller must take as
        a graph to write again (ingest.authorities.rdf does, by its digest)."""
        store = self._writable()
        if self.existing_graphs(graphs):
            raise StoreError("bulk_add_new_graphs: a graph to add is already in the store")
        store.bulk_extend([q for quads in graphs.values() for q in quads])
        store.extend(list(seal))

    def add_graphs_if_absent(self, graphs: Mapping[str, Sequence[ox.Quad]]) -> list[str]:
        store = self._writable()
        existing = self.existing_graphs(graphs)
        new = {n: q for n, q in graphs.items() if n not in existing}
        if new:
            store.extend([q for quads in new.values() for q in quads])
        return list(new)

    def drop_graphs(self, names: Iterable[str]) -> None:
        names = list(names)
        if names:
            with self._write_lock:
                self._writable().update(" ; ".join(f"DROP SILENT GRAPH {graph_name(n)}" for n in names))

    def load(self, data: bytes | IO[bytes], fmt: str, graph: str | None = None) -> None:
        """Load RDF, as the options say: one transaction, or Oxigraph's bulk loader (`bulk`); IRIs checked,
        or not for this program's own validated output (`trusted`)."""
        store = self._writable()
        kwargs = {"format": RDF_FORMATS[fmt], "lenient": self.options.trusted}
        if graph is not None and fmt not in _QUAD_FORMATS:
            kwargs["to_graph"] = _node(graph)
        try:
            (store.bulk_load if self.options.bulk else store.load)(data, **kwargs)
        except SyntaxError as exc:
            raise StoreError(f"cannot load {fmt} data: {exc}") from None
        except OSError as exc:          # a full disk, an unwritable folder: a clear error, not a traceback
            raise StoreError(_write_failed(self.path, exc)) from None

    def update(self, sparql: str) -> None:
        try:
            with self._write_lock:
                self._writable().update(sparql)
        except SyntaxError as exc:
            raise syntax_error(sparql, str(exc), UPDATE_OPERATIONS) from None
        except OSError as exc:
            raise StoreError(_write_failed(self.path, exc)) from None

    def flush(self) -> None:
        if not self.read_only:
            self._store.flush()

    def optimize(self) -> None:
        if not self.read_only:
            self._store.optimize()

    def checkpoint(self) -> None:
        """Flush and reopen: the only way found to let RocksDB delete its write-ahead logs while writing.

        pyoxigraph 0.5 keeps every WAL file of an open store (flush() and optimize() do not release
        them); a corpus ingest would otherwise hold tens of GB of logs until it exits. Call it only when
        no other thread uses this store.
        """
        if self.read_only or self.path is None:
            return
        import gc

        with self._lock:
            try:
                self._store.flush()
            except OSError as exc:
                raise StoreError(_write_failed(self.path, exc)) from None
            self._store = None  # type: ignore[assignment]
            gc.collect()            # no query result may keep the database open
            self._store = self._open()

    # -- reads -------------------------------------------------------------------------------------
    def has_graph(self, name: str) -> bool:
        return self._current().contains_named_graph(_node(name))

    def existing_graphs(self, names: Iterable[str]) -> set[str]:
        """Those of `names` the store has (one call for a batch; each is an index lookup)."""
        store = self._current()
        return {n for n in names if store.contains_named_graph(_node(n))}

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self._current().named_graphs() if isinstance(g, ox.NamedNode))

    def query(self, sparql: str, *, default_graphs: Sequence[str] = (),
              named_graphs: Sequence[str] = (), timeout: float | None = None,
              row_cap: int | None = None) -> QueryResult:
        """Run a SPARQL query. The default graph is the union of all graphs (`union_default_graph`) unless
        graphs are named, by the protocol's arguments or the query's FROM and FROM NAMED.

        `timeout` and `row_cap` are accepted for the protocol's sake and not enforced: an in-process query
        cannot be stopped (graph.IsolatedStore enforces both)."""
        kwargs: dict = {}
        try:
            if default_graphs:
                kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
            elif named_graphs:
                kwargs["default_graph"] = []        # SPARQL 1.1 Protocol §2.1.4: the merge of no default-graph-uri
            elif not has_dataset_clause(sparql):    # FROM / FROM NAMED: the query's own dataset (Query §13.2)
                kwargs["use_default_graph_as_union"] = self.options.union_default_graph
            if named_graphs:
                kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        except ValueError as exc:
            raise QueryError(f"bad graph IRI: {exc}") from None
        rerun = self._fresh_query(sparql, kwargs) if self.read_only and self.path is not None else None
        try:
            try:
                raw = self._current().query(sparql, **kwargs)
            except OSError as exc:
                if rerun is None or not lost_a_file(exc):
                    raise
                raw, rerun = rerun(), None
        except SyntaxError as exc:
            raise syntax_error(sparql, str(exc)) from None
        except OSError as exc:
            raise StoreError(f"reading the store failed: {exc}") from None
        if isinstance(raw, ox.QueryBoolean):
            return QueryResult("boolean", raw, boolean=bool(raw))
        if isinstance(raw, ox.QuerySolutions):
            variables = in_query_order(sparql, tuple(v.value for v in raw.variables))
            return QueryResult("solutions", raw, variables=variables, rerun=rerun)
        return QueryResult("graph", raw, rerun=rerun)

    def _fresh_query(self, sparql: str, kwargs: dict) -> Callable[[], object]:
        def rerun():
            self.reopen()
            return self._current().query(sparql, **kwargs)
        return rerun

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        g = None if graph is None else _node(graph)
        return self._current().quads_for_pattern(None, None, None, g)

    def export(self, out: IO[bytes], fmt: str = "nquads", graph: str | None = None) -> None:
        store = self._current()
        if fmt in _QUAD_FORMATS and graph is None:
            store.dump(out, format=RDF_FORMATS[fmt])
        elif graph is not None:
            store.dump(out, format=RDF_FORMATS[fmt], from_graph=_node(graph))
        else:
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None))
            ox.serialize(list(dict.fromkeys(triples)), out, format=RDF_FORMATS[fmt])

    def quad_count(self) -> int:
        return len(self._current())

    def query_serialized(self, sparql: str, fmt: str, *, default_graphs: Sequence[str] = (),
                         named_graphs: Sequence[str] = (), timeout: float | None = None,
                         row_cap: int = 100_000) -> Serialized:
        """In-process twin of IsolatedStore.query_serialized (no deadline: for in-memory and test stores)."""
        result = self.query(sparql, default_graphs=default_graphs, named_graphs=named_graphs)
        return serialize_result(result, fmt, row_cap, spool=None)

    def close(self) -> None:
        try:
            self.flush()
        except OSError:             # the writes are in RocksDB's log already (replayed at the next open): a flush
            pass                    # that fails (full disk) loses nothing, and must not hide the error that matters
        self.ledger.close()
        self._store = None  # type: ignore[assignment]
        if not self.read_only and self.path is not None and _log_bytes(self.path) > LOG_CLEANUP_BYTES:
            _release_logs(self.path)


def _log_bytes(path: Path) -> int:
    try:
        return sum(e.stat().st_size for e in os.scandir(path) if e.name.endswith(".log"))
    except OSError:
        return 0


def _release_logs(path: Path) -> None:
    """Open the closed store once more and close it: RocksDB deletes on open the write-ahead logs whose writes
    are in its tables, which pyoxigraph 0.5 keeps while a store is open (a two-volume ingest left 548 MB of
    logs in an 816 MB folder; after this, none, for 0.06-0.17 s). Skipped if anything still holds the store."""
    import gc

    gc.collect()                    # a query result still alive would keep the old database open
    try:
        ox.Store(str(path))
    except OSError:
        pass


def _write_failed(path: Path | None, exc: OSError) -> str:
    return (f"{path}: writing the store failed ({exc}); what was committed before is intact: free space or fix "
            f"the folder's permissions, then rerun the same command")


def open_store(path: str | os.PathLike | None = None, *, read_only: bool = False,
               options: StoreOptions = StoreOptions()) -> OxigraphStore:
    """Open the store. Read-only, a store that still has its ledger in the default graph is first opened
    for writing once, which moves it out (skipped when another process holds the store: the next write
    open moves it)."""
    store = OxigraphStore(store_path(path), read_only=read_only, options=options)
    if read_only and store.has_legacy_ledger():
        try:
            OxigraphStore(store.path).close()
        except StoreError:
            return store
        store.close()
        store = OxigraphStore(store.path, read_only=True, options=options)
    return store
