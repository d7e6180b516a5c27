"""The ingest ledger and the batch writer: what is committed, written in the same transaction as the data.

The ledger lives in the store's default graph, as statements about the named graphs (the usual place
for graph metadata; the data stay in one named graph per document or volume):

    <doc>    fk:sourceDigest <ni:///sha-256;…> ; fk:ingestVolume <volume> .
    <volume> fk:sourceDigest <ni:///sha-256;…> ; fk:ingestStatus fk:IngestComplete .

`fk:sourceDigest` is the RFC 6920 digest IRI of the source file's bytes. A document's ledger entry is
written in the same transaction as its graph, so after any interruption (Ctrl-C, kill -9, a full disk)
every document with an entry is complete. A volume is marked complete, in the transaction that drops
its stale document graphs, only once all its documents are committed. A rerun therefore skips
complete volumes whose file is unchanged without parsing them, skips the committed documents of the
others, and finishes the rest.

`BatchWriter` turns validated per-document N-Quads into few, large transactions: new graphs go in
one `load` (Oxigraph's fastest transactional path), graphs that already exist are replaced by one
SPARQL update (DROP + INSERT DATA). Either way each document is all-or-nothing.
"""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable, Protocol, Sequence

from ontology.namespaces import FK, SCHEMA

__all__ = [
    "CorpusSink", "Ledger", "BatchWriter", "Commit", "file_digest", "SOURCE_DIGEST", "INGEST_VOLUME",
    "INGEST_STATUS", "INGEST_COMPLETE", "INGEST_PENDING",
]

SOURCE_DIGEST = FK + "sourceDigest"
INGEST_VOLUME = FK + "ingestVolume"
INGEST_STATUS = FK + "ingestStatus"
INGEST_COMPLETE = FK + "IngestComplete"
INGEST_PENDING = FK + "IngestPending"


class CorpusSink(Protocol):
    """What corpus ingest needs of a store (graph.OxigraphStore has it; ingest does not import graph).
    An optional `checkpoint()` is called now and then, with no other use of the store in flight."""
    def load(self, data: bytes | IO[bytes], fmt: str, graph: str | None = None, bulk: bool = False,
             trusted: bool = False) -> None: ...
    def update(self, sparql: str) -> None: ...
    def query(self, sparql: str, **kwargs): ...
    def has_graph(self, name: str) -> bool: ...


def file_digest(path: str | Path) -> str:
    """The RFC 6920 `ni:` IRI of a file's SHA-256 (of its bytes as stored, compressed or not)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return "ni:///sha-256;" + base64.urlsafe_b64encode(h.digest()).decode().rstrip("=")


def _iri(value: str) -> str:
    if any(c in value for c in '<>"{}|^`\\ \n'):
        raise ValueError(f"not an IRI that can be written safely: {value!r}")
    return f"<{value}>"


class Ledger:
    """Reads the ledger (the writes are made by BatchWriter, inside the data's transactions)."""

    def __init__(self, sink: CorpusSink):
        self.sink = sink

    def _rows(self, sparql: str) -> list[tuple]:
        return list(self.sink.query(sparql, union=False).rows())

    def unchanged_volume(self, digest: str) -> str | None:
        """The volume completely ingested from a file with this digest, if every one of its documents
        still comes from that file (an input that rewrote one of them since makes it not unchanged)."""
        rows = self._rows(f"SELECT ?v WHERE {{ ?v {_iri(SOURCE_DIGEST)} {_iri(digest)} ; "
                          f"{_iri(INGEST_STATUS)} {_iri(INGEST_COMPLETE)} }}")
        for (volume,) in rows:
            v = volume.value
            overwritten = self.sink.query(
                f"ASK {{ ?d {_iri(INGEST_VOLUME)} {_iri(v)} ; {_iri(SOURCE_DIGEST)} ?x FILTER(?x != {_iri(digest)}) }}",
                union=False).boolean
            if not overwritten:
                return v
        return None

    def committed(self, digest: str) -> set[str]:
        """Documents committed from a file with this digest."""
        rows = self._rows(f"SELECT ?d WHERE {{ ?d {_iri(SOURCE_DIGEST)} {_iri(digest)} ; {_iri(INGEST_VOLUME)} ?v }}")
        return {r[0].value for r in rows}

    def documents_of(self, volume: str) -> set[str]:
        """Documents of a volume known to the store: by the ledger, or by schema:isPartOf in their own graph."""
        v = _iri(volume)
        rows = self._rows(f"SELECT ?d WHERE {{ {{ ?d {_iri(INGEST_VOLUME)} {v} }} UNION "
                          f"{{ GRAPH ?d {{ ?d {_iri(SCHEMA + 'isPartOf')} {v} }} }} }}")
        return {r[0].value for r in rows}

    def repair(self) -> int:
        """Drop the graphs a bulk write left unfinished (marked fk:IngestPending); returns how many.

        In bulk mode a batch is marked pending, bulk-loaded (fast, but not one transaction), then its
        marks are swapped for ledger entries in one transaction. A crash in between leaves marked,
        possibly partial graphs, which the next run removes here before it starts."""
        rows = self._rows(f"SELECT ?d WHERE {{ ?d {_iri(INGEST_STATUS)} {_iri(INGEST_PENDING)} }}")
        pending = [r[0].value for r in rows]
        if pending:
            self.sink.update(" ".join(_forget(d) + f"DELETE WHERE {{ {_iri(d)} {_iri(INGEST_STATUS)} ?x }} ; "
                                      f"DROP SILENT GRAPH {_iri(d)} ;" for d in pending).rstrip(" ;"))
        return len(pending)

    def known(self, documents: Iterable[str]) -> set[str]:
        """Those of `documents` that have a ledger entry."""
        docs = list(documents)
        if not docs:
            return set()
        values = " ".join(_iri(d) for d in docs)
        rows = self._rows(f"SELECT DISTINCT ?d WHERE {{ VALUES ?d {{ {values} }} ?d {_iri(INGEST_VOLUME)} ?v }}")
        return {r[0].value for r in rows}


@dataclass
class Commit:
    """One graph to commit: its N-Quads (all in graph `graph`), and the ledger entry to write with it."""
    graph: str
    nquads: bytes
    triples: int = 0
    digest: str | None = None        # ledger entry (documents); None for volume graphs
    volume: str | None = None
    replace: bool = True             # False: add only if the graph does not exist yet (partial volumes)
    token: object = None             # the caller's bookkeeping (not written)


@dataclass
class BatchWriter:
    """Collects commits and writes them in large transactions; each graph is all-or-nothing."""
    sink: CorpusSink
    max_bytes: int = 32 << 20
    max_graphs: int = 256
    bulk: bool = False               # new graphs by Oxigraph's bulk loader (see Ledger.repair)
    pending: list[Commit] = field(default_factory=list)
    pending_bytes: int = 0
    committed_documents: int = 0
    committed_triples: int = 0
    transactions: int = 0

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
        """Write a batch: new graphs in one `load`, existing ones in one update; returns the commits written."""
        if not batch:
            return []
        fresh: list[Commit] = []
        replaced: list[Commit] = []
        documents = [c.graph for c in batch if c.digest]
        with_entries = Ledger(self.sink).known(documents)
        seen: set[str] = set()
        for c in batch:
            exists = c.graph in seen or self.sink.has_graph(c.graph) or c.graph in with_entries
            seen.add(c.graph)
            if exists and not c.replace:
                continue
            (replaced if exists or c.digest is None else fresh).append(c)
        if fresh and self.bulk:
            marks = "".join(f"{_iri(c.graph)} {_iri(INGEST_STATUS)} {_iri(INGEST_PENDING)} .\n" for c in fresh)
            self.sink.load(marks.encode(), "nquads", trusted=True)
            self.sink.load(b"".join(c.nquads for c in fresh), "nquads", bulk=True, trusted=True)
            self.sink.update(f"DELETE DATA {{ {marks} }} ; INSERT DATA {{ {''.join(_entry(c) for c in fresh)} }}")
            self.transactions += 2
        elif fresh:
            self.sink.load(b"".join(_with_entry(c) for c in fresh), "nquads", trusted=True)
            self.transactions += 1
        if replaced:
            self.sink.update(_replace_update(replaced))
            self.transactions += 1
        for c in fresh + replaced:
            if c.digest:
                self.committed_documents += 1
                self.committed_triples += c.triples
        return fresh + replaced

    def finish_volume(self, volume: str, digest: str, stale: Sequence[str], complete: bool = True) -> None:
        """In one transaction: drop the stale document graphs of a volume and (if `complete`: every
        document of the file is committed) mark it complete; otherwise a rerun retries the missing ones."""
        parts = [_forget(d) + f"DROP SILENT GRAPH {_iri(d)} ;" for d in stale]
        parts.append(f"DELETE WHERE {{ {_iri(volume)} {_iri(SOURCE_DIGEST)} ?x }} ;")
        parts.append(f"DELETE WHERE {{ {_iri(volume)} {_iri(INGEST_STATUS)} ?x }}")
        if complete:
            parts.append(f"; INSERT DATA {{ {_iri(volume)} {_iri(SOURCE_DIGEST)} {_iri(digest)} ; "
                         f"{_iri(INGEST_STATUS)} {_iri(INGEST_COMPLETE)} }}")
        self.sink.update(" ".join(parts))
        self.transactions += 1


def _entry(c: Commit) -> str:
    return (f"{_iri(c.graph)} {_iri(SOURCE_DIGEST)} {_iri(c.digest)} .\n"
            f"{_iri(c.graph)} {_iri(INGEST_VOLUME)} {_iri(c.volume)} .\n")


def _with_entry(c: Commit) -> bytes:
    return c.nquads + _entry(c).encode() if c.digest else c.nquads


def _forget(graph: str) -> str:
    g = _iri(graph)
    return (f"DELETE WHERE {{ {g} {_iri(SOURCE_DIGEST)} ?x }} ; "
            f"DELETE WHERE {{ {g} {_iri(INGEST_VOLUME)} ?x }} ; ")


def _triples_of(c: Commit) -> str:
    """The graph's N-Quads lines as N-Triples (the graph name cut off each line) for INSERT DATA."""
    suffix = f" {_iri(c.graph)} ."
    out = []
    for line in c.nquads.decode("utf-8").splitlines():
        if not line:
            continue
        if not line.endswith(suffix):
            raise ValueError(f"{c.graph}: a quad outside the graph being replaced: {line[:120]}")
        out.append(line[: -len(suffix)] + " .")
    return "\n".join(out)


def _replace_update(commits: list[Commit]) -> str:
    """DROP the old graphs (and ledger entries), INSERT the new ones: one SPARQL update, one transaction."""
    head = []
    body = []
    for c in commits:
        if c.digest:
            head.append(_forget(c.graph))
        else:                                  # a volume graph: its completion mark is void until it is finished again
            head.append(f"DELETE WHERE {{ {_iri(c.graph)} {_iri(INGEST_STATUS)} ?x }} ; ")
        head.append(f"DROP SILENT GRAPH {_iri(c.graph)} ; ")
        body.append(f"GRAPH {_iri(c.graph)} {{\n{_triples_of(c)}\n}}")
        if c.digest:
            body.append(_entry(c))
    return "".join(head) + "INSERT DATA {\n" + "\n".join(body) + "\n}"
