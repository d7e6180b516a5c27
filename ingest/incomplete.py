"""What the store says of a volume whose last ingest did not commit all of it.

A TEI volume cut short (a truncated download, a corrupt .gz) keeps the documents read before the break, by design,
and the ledger leaves the volume unmarked; but the ledger is no RDF, so the volume's graph, its page and its
description looked whole. The volume's own graph therefore says it: `<volume> fk:incompleteIngest <volume>#ingest`,
an `fk:IncompleteIngest` with the file's name, why and where reading stopped, how many documents were read and how
many of them could not be ingested. A later ingest of the volume's whole file carries it over until it commits every
document, and only then writes the volume's graph without it (ingest/parallel.py, `BatchWriter.finish_volume`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ontology import iris
from ontology.namespaces import FK, SCHEMA

from .ledger import CorpusSink, sparql_iri

__all__ = ["IncompleteIngest", "stopped_early", "not_all_ingested", "incomplete_ingest_iri", "read_incomplete_ingest"]


@dataclass(frozen=True)
class IncompleteIngest:
    file: str                       # the file's name, without its folder: the store is published, the machine is not
    reason: str
    documents_read: int             # document divs reached, whether they could be ingested or not
    documents_failed: int = 0       # of those, unreadable or rejected
    line: int | None = None         # where reading stopped, when it stopped early
    column: int | None = None


def stopped_early(path: Path, error: Exception, read: int, failed: int) -> IncompleteIngest:
    """The file broke off (or could not be read on) at the error's line: what came after it was never read."""
    return IncompleteIngest(Path(path).name, getattr(error, "message", None) or str(error), read, failed,
                            getattr(error, "line", None), getattr(error, "column", None))


def not_all_ingested(path: Path, read: int, failed: int) -> IncompleteIngest:
    """The file was read to its end, but some of its documents could not be ingested."""
    return IncompleteIngest(Path(path).name, f"{failed} of the {read} documents read could not be ingested from this "
                                             "file (the ingest's report names them and says why)", read, failed)


def incomplete_ingest_iri(volume_id: str) -> str:
    return iris.volume_iri(volume_id) + "#ingest"


_FIELDS = {"file": FK + "sourceFile", "reason": SCHEMA + "description", "documents_read": FK + "documentsRead",
           "documents_failed": FK + "documentsFailed", "line": FK + "stoppedAtLine", "column": FK + "stoppedAtColumn"}
_NUMBERS = ("documents_read", "documents_failed", "line", "column")


def read_incomplete_ingest(sink: CorpusSink, volume_id: str) -> IncompleteIngest | None:
    """What the volume's graph says of its last ingest, if it says it was incomplete."""
    volume = iris.volume_iri(volume_id)
    node = incomplete_ingest_iri(volume_id)
    query = (f"SELECT ?p ?o WHERE {{ GRAPH {sparql_iri(volume)} {{ {sparql_iri(volume)} "
             f"{sparql_iri(FK + 'incompleteIngest')} {sparql_iri(node)} . {sparql_iri(node)} ?p ?o }} }}")
    found = {p.value: o.value for p, o in sink.query(query).rows()}
    if FK + "sourceFile" not in found:
        return None
    values = {name: found.get(predicate) for name, predicate in _FIELDS.items()}
    for name in _NUMBERS:
        values[name] = int(values[name]) if values[name] is not None else None
    return IncompleteIngest(**{**values, "reason": values["reason"] or "", "documents_failed": values["documents_failed"] or 0})
