"""The ingest ledger and the batch writer: what is committed, and the order that keeps it true.

The ledger says which document graphs are complete and where they came from. It is not RDF: it lives
in the store's sidecar (`sink.ledger`, a SQLite file in the store's folder, graph/ledger_file.py), so
no SPARQL query and no export ever sees it. Its rows are named by the vocabulary terms:

    <doc>    fk:sourceDigest <ni:///sha-256;…> ; fk:ingestVolume <volume> ; fk:graphDigest <ni:///sha-256;…>
    <volume> fk:sourceDigest <ni:///sha-256;…> ; fk:ingestStatus fk:IngestComplete
    <doc>    fk:ingestStatus fk:IngestPending          (only while a bulk load, --bulk, writes it)

`fk:sourceDigest` is the RFC 6920 digest IRI of the source file's bytes; `fk:graphDigest` that of the
document's N-Quads as committed, so the layers materialised from the documents (statistics, packs, the
network table) see a re-ingest that changed a graph even when no count changed (graph/statistics.py).

The promise, after any interruption (Ctrl-C, kill -9, an exception): every document with an entry is
complete, and a rerun converges to exactly the quads of a clean run. The data and the ledger share no
transaction, so the promise rests on the order of the writes, each of which is atomic by itself:

1. **An entry is void before its graph changes.** The entries of the graphs a batch replaces (and the
   completion mark of a volume whose graph it replaces) are deleted first.
2. **Data, then entry.** The batch's graphs are committed (one `load` for new graphs, one
   `replace_graphs` for replaced ones), then their entries are written. An entry therefore implies its data; a crash in
   between leaves data without an entry, which the next run simply redoes (replacing is idempotent).
3. **Loads that are not atomic** (`--bulk`: the store was opened with Oxigraph's bulk loader, fast but not
   one transaction, so `sink.atomic_loads` is False): the new graphs are marked
   pending first, then bulk-loaded, then the marks are swapped for entries (one ledger transaction).
   Graphs still marked pending at the next start may be partial: `Ledger.repair` drops them, then
   their marks.
4. **A volume is complete last.** Finishing a volume deletes its stale documents' entries and its old
   mark, drops their graphs (one update), rewrites the volume's own graph where what it says of the
   ingest changes (ingest/incomplete.py), and only then marks the volume complete. A crash in between
   leaves stale graphs without entries; the rerun reads the volume again, finds them by
   `schema:isPartOf` in their own graphs, and drops them.

A rerun therefore skips complete volumes whose file is unchanged (and whose documents' graphs are all
there) without parsing them, skips the committed documents of the others, and finishes the rest.
Beyond a dying process: neither file is synced on every write (RocksDB's log is not; the ledger's is
synced at its checkpoints), so after a power cut or an OS crash either may lack its last writes. An
entry may then outlive its graph (redone: a skip checks that the graph exists) or describe a graph that
came back in its previous version. After a power cut, rerun what was being written with `--force`.

`BatchWriter` turns validated per-document N-Quads into few, large transactions: new graphs go in
one `load` (Oxigraph's fastest transactional path), graphs that already exist are replaced by one
`replace_graphs` (the store's one transaction for that). Either way each document is all-or-nothing.
"""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Callable, Iterable, Mapping, Protocol, Sequence

from ontology import iris
from ontology.namespaces import FK, SCHEMA

from .limits import open_input

__all__ = [
    "CorpusSink", "LedgerTable", "Ledger", "BatchWriter", "Commit", "file_digest", "bytes_digest", "SOURCE_DIGEST",
    "GRAPH_DIGEST", "INGEST_VOLUME",
    "INGEST_STATUS", "INGEST_COMPLETE", "INGEST_PENDING", "BATCH_BYTES", "sparql_iri",
]

SOURCE_DIGEST = FK + "sourceDigest"
INGEST_VOLUME = FK + "ingestVolume"
GRAPH_DIGEST = FK + "graphDigest"
INGEST_STATUS = FK + "ingestStatus"
INGEST_COMPLETE = FK + "IngestComplete"
INGEST_PENDING = FK + "IngestPending"
BATCH_BYTES = 16 << 20      # N-Quads per write batch: bench/REPORT.md (store writes) found larger ones no faster and 3-15x the memory


class LedgerTable(Protocol):
    """`(subject, field) -> value` rows kept outside RDF (graph.ledger_file.LedgerFile has it)."""
    def values(self, field: str, subjects: Iterable[str] | None = None) -> dict[str, str]: ...
    def subjects(self, where: Mapping[str, str | None]) -> set[str]: ...
    def write(self, put: Iterable[tuple[str, str, str]] = (), remove: Iterable[tuple[str, str | None]] = ()) -> None: ...


class CorpusSink(Protocol):
    """What a corpus run needs of a store: a subset of graph.store.Store, named here because ingest does not
    import graph (OxigraphStore satisfies it structurally; tests/graph/test_store_protocol.py checks that).
    How it loads (bulk or not, trusting our own N-Quads) is the store's configuration, chosen when it was
    opened; `atomic_loads` says whether a crash can leave part of a load. `checkpoint()` is called now and
    then, with no other use of the store in flight."""
    ledger: LedgerTable

    @property
    def atomic_loads(self) -> bool: ...
    def load(self, data: bytes | IO[bytes], fmt: str, graph: str | None = None) -> None: ...
    def replace_graphs(self, graphs: Mapping[str, bytes]) -> None: ...
    def drop_graphs(self, names: Iterable[str]) -> None: ...
    def query(self, sparql: str, **kwargs): ...
    def has_graph(self, name: str) -> bool: ...
    def existing_graphs(self, names: Iterable[str]) -> set[str]: ...
    def checkpoint(self) -> None: ...


def file_digest(path: str | Path) -> str:
    """The RFC 6920 `ni:` IRI of a file's SHA-256 (of its bytes as stored, compressed or not). Opened as the readers
    open their input, so a FIFO or a device is refused (SourceError), never waited on."""
    h = hashlib.sha256()
    with open_input(str(path)) as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return _ni(h)


def bytes_digest(data: bytes) -> str:
    """The RFC 6920 `ni:` IRI of some bytes' SHA-256."""
    return _ni(hashlib.sha256(data))


def _ni(h) -> str:
    return "ni:///sha-256;" + base64.urlsafe_b64encode(h.digest()).decode().rstrip("=")


def sparql_iri(value: str) -> str:
    """An IRI for the few queries ingest writes (graph names themselves are checked by the store)."""
    if any(c in value for c in '<>"{}|^`\\ \n'):
        raise ValueError(f"not an IRI that can be written safely: {value!r}")
    return f"<{value}>"


class Ledger:
    """Reads the ledger, and removes what an interrupted bulk write left (BatchWriter writes the entries)."""

    def __init__(self, sink: CorpusSink):
        self.sink = sink
        self.table = sink.ledger

    def unchanged_volume(self, digest: str) -> str | None:
        """The volume completely ingested from a file with this digest, if every one of its documents
        still comes from that file (an input that rewrote one of them since makes it not unchanged) and
        still has its graph."""
        for volume in sorted(self.table.subjects({SOURCE_DIGEST: digest, INGEST_STATUS: INGEST_COMPLETE})):
            documents = self.table.subjects({INGEST_VOLUME: volume})
            if (set(self.table.values(SOURCE_DIGEST, documents).values()) <= {digest}
                    and self.sink.existing_graphs(documents) == documents):
                return volume
        return None

    def committed(self, digest: str) -> set[str]:
        """Documents committed from a file with this digest."""
        return self.table.subjects({SOURCE_DIGEST: digest, INGEST_VOLUME: None})

    def documents_of(self, volume: str) -> set[str]:
        """Documents of a volume known to the store: by the ledger, or by schema:isPartOf in their own graph."""
        rows = self.sink.query(f"SELECT ?d WHERE {{ GRAPH ?d {{ ?d {sparql_iri(SCHEMA + 'isPartOf')} {sparql_iri(volume)} }} }}").rows()
        return self.table.subjects({INGEST_VOLUME: volume}) | {r[0].value for r in rows}

    def repair(self) -> int:
        """Drop the graphs a bulk write left unfinished (marked fk:IngestPending), then their marks;
        returns how many. A crash between the two leaves the marks, and the next run drops again."""
        pending = sorted(self.table.subjects({INGEST_STATUS: INGEST_PENDING}))
        if pending:
            self.sink.drop_graphs(pending)
            self.table.write(remove=[(d, None) for d in pending])
        return len(pending)

    def known(self, documents: Iterable[str]) -> set[str]:
        """Those of `documents` that have a ledger entry."""
        return set(self.table.values(INGEST_VOLUME, documents))


@dataclass
class Commit:
    """One graph to commit: its N-Quads (all in graph `graph`), and the ledger entry to write after it."""
    graph: str
    nquads: bytes
    triples: int = 0
    digest: str | None = None        # ledger entry (documents); None for volume graphs
    volume: str | None = None
    replace: bool = True             # False: add only if the graph does not exist yet (partial volumes)
    token: object = None             # the caller's bookkeeping (not written)


@dataclass
class BatchWriter:
    """Collects commits and writes them in large transactions; each graph is all-or-nothing, and its ledger
    entry is written after it (the order is the module docstring's)."""
    sink: CorpusSink
    max_bytes: int = BATCH_BYTES
    max_graphs: int = 256
    pending: list[Commit] = field(default_factory=list)
    pending_bytes: int = 0
    committed_documents: int = 0
    committed_triples: int = 0
    transactions: int = 0
    before_first_write: Callable[[], None] | None = None    # what the store needs before any graph (`first_write`)

    def add(self, commit: Commit) -> bool:
        """Queue a commit; True when the batch is full and should be flushed."""
        self.pending.append(commit)
        self.pending_bytes += len(commit.nquads)
        return self.pending_bytes >= self.max_bytes or len(self.pending) >= self.max_graphs

    def take(self) -> list[Commit]:
        """Hand over the pending commits (to be written with `write`, perhaps in another thread)."""
        batch, self.pending, self.pending_bytes = self.pending, [], 0
        return batch

    def flush(self) -> list[Commit]:
        """Write everything pending; returns the commits written."""
        return self.write(self.take())

    def write(self, batch: list[Commit]) -> list[Commit]:
        """Write a batch: void the entries of what it replaces, new graphs in one `load`, existing ones in
        one update, then the entries; returns the commits written."""
        if not batch:
            return []
        fresh: list[Commit] = []
        replaced: list[Commit] = []
        with_entries = Ledger(self.sink).known(c.graph for c in batch if c.digest)
        in_store = self.sink.existing_graphs({c.graph for c in batch})
        seen: set[str] = set()
        for c in batch:
            exists = c.graph in seen or c.graph in in_store or c.graph in with_entries
            seen.add(c.graph)
            if exists and not c.replace:
                continue
            (replaced if exists or c.digest is None else fresh).append(c)
        if fresh or replaced:
            self.first_write()
        table = self.sink.ledger
        # a replaced document loses its entry; a replaced volume graph, its volume's completion mark
        table.write(remove=[(c.graph, None if c.digest else INGEST_STATUS) for c in replaced])
        entries = [row for c in fresh + replaced if c.digest
                   for row in ((c.graph, SOURCE_DIGEST, c.digest), (c.graph, INGEST_VOLUME, c.volume),
                               (c.graph, GRAPH_DIGEST, bytes_digest(c.nquads)))]
        partial = not self.sink.atomic_loads         # a crash may leave part of the load: mark it pending first
        if fresh:
            if partial:
                table.write(put=[(c.graph, INGEST_STATUS, INGEST_PENDING) for c in fresh])
            self.sink.load(b"".join(c.nquads for c in fresh), "nquads")
            self.transactions += 1
        if replaced:
            self.sink.replace_graphs({c.graph: c.nquads for c in replaced})
            self.transactions += 1
        table.write(put=entries, remove=[(c.graph, INGEST_STATUS) for c in fresh] if partial else ())
        for c in fresh + replaced:
            if c.digest:
                self.committed_documents += 1
                self.committed_triples += c.triples
        return fresh + replaced

    def first_write(self) -> None:
        """Run `before_first_write` (`frus-kg ingest`: load the authority graphs) once, just before the first graph is
        written: a run that writes none (every input refused) leaves the store as it was, an empty one empty."""
        hook, self.before_first_write = self.before_first_write, None
        if hook is not None:
            hook()

    def finish_volume(self, volume: str, digest: str, stale: Sequence[str], complete: bool = True,
                      volume_graph: bytes | None = None) -> None:
        """Drop the stale document graphs of a volume (their entries first), write `volume_graph` (the volume's own
        graph as this ingest leaves it: ingest/incomplete.py) if given, and, if `complete` (every document of the
        file is committed), mark it complete last; otherwise a rerun retries the missing ones."""
        if stale or volume_graph is not None:
            self.first_write()
        table = self.sink.ledger
        table.write(remove=[(d, None) for d in stale] + [(volume, SOURCE_DIGEST), (volume, INGEST_STATUS)])
        if stale:
            self.sink.drop_graphs(stale)
            self.transactions += 1
        if volume_graph is not None:
            self.sink.replace_graphs({iris.graph_iri(volume): volume_graph})
            self.transactions += 1
        if complete:
            table.write(put=[(volume, SOURCE_DIGEST, digest), (volume, INGEST_STATUS, INGEST_COMPLETE)])
