"""Writes a query result in a standard format, stopping at a row cap and saying whether it stopped.

pyoxigraph serializes a whole result or nothing. To cap one, the rows are written as SPARQL TSV
(N-Triples terms, the cheapest form to produce from Python), and pyoxigraph's own parser and
serializer turn that into JSON, XML or CSV, so every format stays the library's.
"""
from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, Iterator

import pyoxigraph as ox

from .formats import RDF_FORMATS, RESULT_FORMATS

__all__ = ["Written", "Serialized", "INLINE_LIMIT", "write_result", "serialize_result"]

INLINE_LIMIT = 1 << 20


@dataclass(frozen=True)
class Written:
    """What was written: the result kind, how many rows (solutions or triples), and whether the cap cut it."""
    kind: str
    rows: int
    truncated: bool


@dataclass(frozen=True)
class Serialized:
    """A finished, serialized result: small ones travel as bytes, large ones wait in a spool file.

    Iterate `chunks()` once to send it; the spool file is deleted when the iteration ends (or by
    `discard()`, when it is not sent at all)."""
    kind: str
    rows: int
    truncated: bool
    data: bytes | None = None
    path: Path | None = None

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else self.path.stat().st_size

    def chunks(self, block: int = 1 << 16) -> Iterator[bytes]:
        if self.data is not None:
            yield self.data
            return
        try:
            with open(self.path, "rb") as fh:
                while chunk := fh.read(block):
                    yield chunk
        finally:
            self.discard()

    def discard(self) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)


def serialize_result(result, fmt: str, row_cap: int, spool: str | os.PathLike | None,
                     inline_limit: int = INLINE_LIMIT) -> Serialized:
    """`write_result` into memory; a result larger than `inline_limit` is moved to a file in `spool`."""
    buffer = io.BytesIO()
    written = write_result(result, fmt, buffer, row_cap)
    if buffer.tell() <= inline_limit or spool is None:
        return Serialized(written.kind, written.rows, written.truncated, data=buffer.getvalue())
    fd, name = tempfile.mkstemp(dir=spool, suffix=".result")
    with os.fdopen(fd, "wb") as out:
        out.write(buffer.getbuffer())
    return Serialized(written.kind, written.rows, written.truncated, path=Path(name))


def _tsv_term(term) -> str:
    return "" if term is None else str(term)


def write_result(result, fmt: str, out: IO[bytes], row_cap: int) -> Written:
    """Serialize `result` (a graph.QueryResult) as `fmt` into `out`, at most `row_cap` rows."""
    if result.kind == "boolean":
        result.raw.serialize(out, RESULT_FORMATS[fmt])
        return Written("boolean", 1, False)
    if result.kind == "graph":
        triples = list(islice(result.raw, row_cap + 1))
        truncated = len(triples) > row_cap
        ox.serialize(triples[:row_cap], out, format=RDF_FORMATS[fmt])
        return Written("graph", min(len(triples), row_cap), truncated)
    tsv = io.StringIO()
    tsv.write("\t".join("?" + v for v in result.variables) + "\n")
    count = 0
    truncated = False
    for solution in result.raw:
        if count == row_cap:
            truncated = True
            break
        tsv.write("\t".join(_tsv_term(solution[v]) for v in result.variables) + "\n")
        count += 1
    data = tsv.getvalue().encode("utf-8")
    if fmt == "tsv":
        out.write(data)
    else:
        ox.parse_query_results(data, ox.QueryResultsFormat.TSV).serialize(out, RESULT_FORMATS[fmt])
    return Written("solutions", count, truncated)
