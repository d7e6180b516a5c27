"""Taking a volume, or some of its documents, out of the store: the way back from an ingest of the wrong file.

The order is the ledger's (ingest/ledger.py, rule 1): the entries go first, then the graphs, so a crash in
between leaves graphs without entries, which a rerun of the removal finds by `schema:isPartOf` and drops.
The volume's completion mark goes too, so ingesting its file again restores what was removed instead of
skipping the file as unchanged. The layers built from the documents (search index, statistics, network
table, packs) notice what is gone at their next refresh, which `frus-kg remove` runs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ontology import iris

from .errors import IngestError
from .ledger import INGEST_STATUS, SOURCE_DIGEST, CorpusSink, Ledger

__all__ = ["NotInStore", "Removal", "remove_documents"]

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


class NotInStore(IngestError):
    """The volume, or a document asked for, is not in the store: nothing was removed."""


@dataclass
class Removal:
    volume: str                  # the volume's IRI
    documents: list[str]         # the document graphs dropped
    volume_graph: bool           # the volume's own graph (front matter, persons and terms lists) dropped too


def remove_documents(sink: CorpusSink, volume_id: str, doc_ids: Iterable[str] = ()) -> Removal:
    """Remove the documents `doc_ids` of a volume, or, without any, the whole volume with its own graph."""
    for given in (volume_id, *doc_ids):
        if not _ID.fullmatch(given):
            raise NotInStore(f"{given!r} is not a volume or document id (letters, digits, '.', '_', '-'), as in "
                             f"…/historicaldocuments/frus1981-88v41/d54")
    volume = iris.volume_iri(volume_id)
    known = Ledger(sink).documents_of(volume)
    asked = [iris.graph_iri(iris.document_iri(volume_id, d)) for d in doc_ids]
    whole = not asked
    if whole:
        if not known and not sink.has_graph(iris.graph_iri(volume)):
            raise NotInStore(f"no volume {volume_id!r} in the store (`frus-kg stats` lists what it holds)")
        targets = sorted(known)
    else:
        missing = [d.rsplit("/", 1)[-1] for d in asked if d not in known]
        if missing:
            raise NotInStore(f"volume {volume_id!r} has no document {', '.join(missing)} in the store; nothing was removed")
        targets = sorted(set(asked))
    marks = [(volume, None)] if whole else [(volume, SOURCE_DIGEST), (volume, INGEST_STATUS)]
    sink.ledger.write(remove=[(d, None) for d in targets] + marks)
    graphs = sorted(sink.existing_graphs(targets + ([iris.graph_iri(volume)] if whole else [])))
    if graphs:
        sink.drop_graphs(graphs)
    return Removal(volume, targets, whole)
