"""Writes a query result in a standard format, stopping at a row cap and saying whether it stopped.

pyoxigraph serializes a whole result or nothing. To cap one, the rows are written as SPARQL TSV
(N-Triples terms, the cheapest form to produce from Python), and pyoxigraph's own parser and
serializer turn that into JSON, XML or CSV, so every format stays the library's.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from itertools import islice
from typing import IO

import pyoxigraph as ox

from .formats import RDF_FORMATS, RESULT_FORMATS

__all__ = ["Written", "write_result"]


@dataclass(frozen=True)
class Written:
    """What was written: the result kind, how many rows (solutions or triples), and whether the cap cut it."""
    kind: str
    rows: int
    truncated: bool


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
