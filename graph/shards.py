"""Validated document graphs as gzip N-Quads shards, one per volume, for any engine's own bulk loader.

`frus-kg ingest --to-shards DIR` runs the one ingest path with a `ShardWriter` as its store: the same readers,
extractors and SHACL gate, the same ledger (a SQLite file in DIR), but the graphs go to `DIR/<volume>.nq.gz`
(authority graphs and anything else that belongs to no volume to `DIR/common.nq.gz`) instead of a database.
`DIR/manifest.json` lists each finished shard with its SHA-256, size, quad count and graphs; a loader is given
the `.nq.gz` files (Oxigraph: `oxigraph load --location STORE --file DIR/*.nq.gz`; Virtuoso: `ld_dir`;
QLever: its index builder), and `frus-kg adopt DIR --store STORE` then copies the ledger into the loaded store,
so a later `frus-kg ingest` of the same files skips them.

The ledger's promise holds here too. A shard is written as `<volume>.nq.gz.part` and becomes `<volume>.nq.gz`
(renamed, then listed in the manifest, then marked complete in the ledger) when its volume is finished, or when
the run closes. After a crash, a `.part` file is deleted and the ledger entries of graphs no finished shard
holds are removed, so a rerun writes them again. Shards are written once: a graph already in a finished shard
is not replaced (ingest changed files into a new folder).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import IO, Iterable, Mapping, Sequence

from ontology.iris import volume_iri

from .errors import StoreError
from .ledger_file import LEDGER_FILE, LedgerFile
from .store import graph_name

__all__ = ["ShardWriter", "MANIFEST", "read_manifest", "shard_files", "adopt_shards"]

MANIFEST = "manifest.json"
COMMON = "common"
_COMPLETE = "https://w3id.org/frus-kg/vocab#IngestComplete"
_VOLUMES = volume_iri("")


class _NoRows:
    """The answer to any query: a shard folder holds no queryable graphs (ingest asks only for stale documents)."""
    kind, variables, boolean = "solutions", (), None

    def rows(self):
        return iter(())


class _ShardLedger:
    """The ledger file, finishing a volume's shard before the ledger marks the volume complete."""

    def __init__(self, table: LedgerFile, shards: "ShardWriter"):
        self._table = table
        self._shards = shards

    def __getattr__(self, name):
        return getattr(self._table, name)

    def write(self, put: Iterable[tuple[str, str, str]] = (), remove: Iterable[tuple[str, str | None]] = ()) -> None:
        put = list(put)
        for subject, _field, value in put:
            if value == _COMPLETE and subject.startswith(_VOLUMES):
                self._shards.finish(_shard_of(subject))
        self._table.write(put=put, remove=remove)


def _shard_of(graph: str) -> str:
    """The volume id a graph belongs to (`…/historicaldocuments/<volume>[/<doc>]`), else `common`."""
    if graph.startswith(_VOLUMES):
        return graph[len(_VOLUMES):].split("/", 1)[0] or COMMON
    return COMMON


def read_manifest(folder: str | os.PathLike) -> dict:
    path = Path(folder) / MANIFEST
    if not path.exists():
        return {"format": "application/n-quads+gzip", "shards": {}}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: cannot read the shard manifest: {exc}") from None


def shard_files(folder: str | os.PathLike) -> list[Path]:
    """The finished shards, as the manifest lists them."""
    return [Path(folder) / name for name in sorted(read_manifest(folder)["shards"])]


class ShardWriter:
    """A write-once store made of shard files (the subset of the store protocol an ingest run uses)."""

    read_only = False
    write_once = True                # a graph written is never replaced (authority graphs are loaded once)
    migrated = 0
    atomic_loads = True              # an unfinished shard is deleted after a crash, its ledger entries with it
    union_default_graph = True       # nothing is queried here (see _NoRows)

    def __init__(self, folder: str | os.PathLike):
        self.path = Path(folder)
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create the shard folder: {exc}") from None
        self.manifest = read_manifest(self.path)
        self._open: dict[str, tuple[_Member, set[str], int]] = {}
        self._finished = {g for entry in self.manifest["shards"].values() for g in entry["graphs"]}
        self.ledger = _ShardLedger(LedgerFile(self.path / LEDGER_FILE), self)
        self._recover()

    def _recover(self) -> None:
        """Forget what an interrupted run left unfinished: `.part` files, and ledger entries without a shard."""
        for part in self.path.glob("*.nq.gz.part"):
            part.unlink()
        orphans = {s for s, _f, _v in self.ledger.rows()} - self._finished
        if orphans:
            self.ledger.write(remove=[(s, None) for s in orphans])

    # -- writes ------------------------------------------------------------------------------------
    def _append(self, graphs: Mapping[str, bytes]) -> None:
        for name, nquads in graphs.items():
            graph_name(name)
            if name in self._finished:
                raise StoreError(f"{self.path}: {name} is already in a finished shard; shards are written once "
                                 "(write changed sources into a new folder)")
            shard = _shard_of(name)
            fh, names, quads = self._open.get(shard) or self._start(shard)
            fh.write(nquads)
            names.add(name)
            self._open[shard] = (fh, names, quads + nquads.count(b"\n"))

    def _start(self, shard: str) -> tuple["_Member", set[str], int]:
        final = self.path / f"{shard}.nq.gz"
        part = final.with_name(final.name + ".part")
        entry = self.manifest["shards"].get(final.name)
        if entry:                                   # a partial volume continued: a new gzip member after the old
            shutil.copyfile(final, part)
        return _Member(part), set(entry["graphs"]) if entry else set(), entry["quads"] if entry else 0

    def finish(self, shard: str) -> None:
        """Close a shard, rename it into place and list it in the manifest (written atomically)."""
        if shard not in self._open:
            return
        fh, names, quads = self._open.pop(shard)
        final = self.path / f"{shard}.nq.gz"
        fh.close()
        part = final.with_name(final.name + ".part")
        with open(part, "rb") as raw:
            os.fsync(raw.fileno())
        os.replace(part, final)
        self.manifest["shards"][final.name] = {"volume": None if shard == COMMON else shard, "sha256": _sha256(final),
                                               "bytes": final.stat().st_size, "quads": quads, "graphs": sorted(names)}
        tmp = self.path / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(self.manifest, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path / MANIFEST)
        self._finished |= names

    def load(self, data: bytes | IO[bytes], fmt: str, graph: str | None = None) -> None:
        if fmt != "nquads" or graph is not None:
            raise StoreError(f"{self.path}: shards take N-Quads only")
        raw = data if isinstance(data, (bytes, bytearray)) else data.read()
        by_graph: dict[str, list[bytes]] = {}
        for line in bytes(raw).splitlines(keepends=True):
            if line.strip():
                by_graph.setdefault(_graph_of(line), []).append(line)
        self._append({g: b"".join(lines) for g, lines in by_graph.items()})

    def replace_graphs(self, graphs: Mapping[str, Sequence | bytes]) -> None:
        import pyoxigraph as ox

        self._append({name: q if isinstance(q, (bytes, bytearray)) else ox.serialize(q, format=ox.RdfFormat.N_QUADS)
                      for name, q in graphs.items()})

    def drop_graphs(self, names: Iterable[str]) -> None:
        written = [n for n in names if n in self._finished or any(n in v[1] for v in self._open.values())]
        if written:
            raise StoreError(f"{self.path}: cannot drop {written[0]} from a shard; shards are written once")

    # -- the few reads a run makes -----------------------------------------------------------------
    def existing_graphs(self, names: Iterable[str]) -> set[str]:
        current = self._finished.union(*(v[1] for v in self._open.values()))
        return {n for n in names if n in current}

    @property
    def written(self) -> bool:
        """Whether this folder holds a graph: a finished shard, or one this run has open."""
        return bool(self._finished or self._open)

    def has_graph(self, name: str) -> bool:
        return bool(self.existing_graphs([name]))

    def query(self, sparql: str, **kwargs) -> _NoRows:
        return _NoRows()

    def checkpoint(self) -> None:
        """Nothing to release."""

    def close(self) -> None:
        """Finish every open shard (partial volumes, common graphs), then close the ledger."""
        for shard in list(self._open):
            self.finish(shard)
        self.ledger.close()


class _Member:
    """A gzip member appended to a file, with no name or time in its header: the same graphs give the same bytes."""

    def __init__(self, path: Path):
        self._raw = open(path, "ab")
        self._gz = gzip.GzipFile(filename="", mode="ab", fileobj=self._raw, compresslevel=3, mtime=0)

    def write(self, data: bytes) -> None:
        self._gz.write(data)

    def close(self) -> None:
        self._gz.close()
        self._raw.close()


def _graph_of(line: bytes) -> str:
    """The graph IRI ending an N-Quads line this program wrote (`… <graph> .`)."""
    end = line.rstrip()
    start = end.rfind(b" <", 0, len(end) - 2)
    if not end.endswith(b"> .") or start < 0:
        raise StoreError(f"not a quad in a named graph: {line[:120]!r}")
    return end[start + 2:-3].decode("utf-8")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def adopt_shards(folder: str | os.PathLike, store) -> tuple[int, int]:
    """Take over a store that an engine's loader filled from these shards: check the shard files against the
    manifest and the store for every graph they hold, then copy their ledger into the store's (one
    transaction). Returns (graphs, ledger rows). Nothing is written unless every check passes."""
    folder = Path(folder)
    shards = read_manifest(folder)["shards"]
    if not shards:
        raise StoreError(f"{folder}: no finished shards here (no {MANIFEST})")
    for name, entry in sorted(shards.items()):
        if not (folder / name).exists() or _sha256(folder / name) != entry["sha256"]:
            raise StoreError(f"{folder / name}: missing, or not the file the manifest lists (SHA-256 differs)")
    graphs = sorted({g for entry in shards.values() for g in entry["graphs"]})
    missing = sorted(set(graphs) - store.existing_graphs(graphs))
    if missing:
        raise StoreError(f"{_label(store)}: {len(missing)} of the shards' {len(graphs)} graphs are not in the "
                         f"store (first: {missing[0]}); load every shard before adopting")
    rows = LedgerFile(folder / LEDGER_FILE, read_only=True).rows()
    store.ledger.write(put=rows)
    return len(graphs), len(rows)


def _label(store) -> str:
    return str(getattr(store, "url", None) or getattr(store, "path", None) or store)
