"""reader -> records -> enrichment -> triples -> SHACL gate -> named graphs handed to a sink (the store).

`ingest` does not import `graph`: the caller passes any object with `replace_graphs` and
`add_graphs_if_absent` (the store interface), which keeps the one-way imports.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Protocol, Sequence

import pyoxigraph as ox

from ontology import iris
from ontology.validation import validate

from .errors import IngestError, RejectedDocument, SourceError
from .records import DocumentRecord
from .triples import document_quads, volume_quads

__all__ = [
    "GraphSink", "IngestSummary", "Failure", "Extractor", "default_extractors", "document_graphs",
    "find_inputs", "read_inputs", "ingest_paths", "TEXT_SUFFIXES", "TEI_SUFFIXES",
]

TEXT_SUFFIXES = (".txt", ".md")
TEI_SUFFIXES = (".xml", ".xml.gz", ".tei", ".tei.gz")

Extractor = Callable[[DocumentRecord], None]


class GraphSink(Protocol):
    def replace_graphs(self, graphs: Mapping[str, Sequence[ox.Quad]]) -> None: ...
    def add_graphs_if_absent(self, graphs: Mapping[str, Sequence[ox.Quad]]) -> list[str]: ...


@dataclass
class Failure:
    source: str
    message: str
    kind: str            # "unreadable" | "rejected"


@dataclass
class IngestSummary:
    documents: int = 0
    triples: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.failures)


def default_extractors() -> list[Extractor]:
    """Extractors run on every record, in order: entities first, claims after (they use entities).

    Imported here, not at the top, so that a reader-only caller does not load their indexes; an
    ImportError is a broken build and is raised (it once yielded graphs without mentions, silently)."""
    from .claims import extract_claims
    from .entities import extract_entities

    return [extract_entities, extract_claims]


def find_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the readable files inside folders named, in a stable order."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(f for f in p.rglob("*") if f.is_file() and f.name.endswith(TEXT_SUFFIXES + TEI_SUFFIXES))
        else:
            found.append(p)
    return found


def read_inputs(path: Path, on_error: Callable[[SourceError], None] | None = None) -> Iterator[DocumentRecord]:
    """The documents in one input file; raises SourceError if it is not a FRUS document or volume.

    `on_error` receives each document of a volume that cannot be read (the others are still read);
    without it such errors are raised after the volume's last good document.
    """
    if not path.exists():
        raise SourceError(str(path), "no such file or folder")
    name = path.name.lower()
    if name.endswith(TEI_SUFFIXES):
        from .tei_reader import read_tei

        yield from (read_tei(path, on_error=on_error) if on_error else read_tei(path))
        return
    from .text_reader import read_text_document
    yield read_text_document(path)


def document_graphs(record: DocumentRecord, extractors: Sequence[Extractor] = (), *, check: bool = True) -> dict[str, list[ox.Quad]]:
    """The validated named graph(s) of one document. Raises RejectedDocument on a SHACL violation."""
    for extract in extractors:
        extract(record)
    doc = iris.document_iri(record.volume.id, record.doc_id)
    try:
        quads = document_quads(record)
    except ValueError as exc:
        raise SourceError(record.source, str(exc)) from None
    if check:
        report = validate(quads)
        if not report.conforms:
            raise RejectedDocument(f"{record.source} ({doc})", report)
    return {iris.graph_iri(doc): quads}


def ingest_paths(
    paths: Iterable[str | Path],
    sink: GraphSink,
    *,
    extractors: Sequence[Extractor] | None = None,
    check: bool = True,
    on_document: Callable[[DocumentRecord | None, Failure | None], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders; each document is committed atomically or not at all."""
    summary = IngestSummary()
    extractors = default_extractors() if extractors is None else extractors
    volumes_seen: set[str] = set()

    def unreadable_document(exc: SourceError) -> None:
        """One document of a volume could not be read; the rest of the volume still is."""
        failure = Failure(f"{exc.path}:{exc.line}" if exc.line else exc.path, str(exc), "unreadable")
        summary.failures.append(failure)
        if on_document:
            on_document(None, failure)

    for path in find_inputs(paths):
        try:
            for record in read_inputs(path, on_error=unreadable_document):
                try:
                    graphs = document_graphs(record, extractors, check=check)
                except IngestError as exc:
                    failure = Failure(record.source, str(exc), "rejected")
                    summary.failures.append(failure)
                    if on_document:
                        on_document(record, failure)
                    continue
                if record.volume.id not in volumes_seen:
                    volumes_seen.add(record.volume.id)
                    vgraph = {iris.graph_iri(iris.volume_iri(record.volume.id)): volume_quads(record.volume)}
                    if record.volume.complete:
                        sink.replace_graphs(vgraph)
                    else:
                        sink.add_graphs_if_absent(vgraph)
                sink.replace_graphs(graphs)
                summary.documents += 1
                summary.triples += sum(len(q) for q in graphs.values())
                if on_document:
                    on_document(record, None)
        except IngestError as exc:
            failure = Failure(str(path), str(exc), "unreadable")
            summary.failures.append(failure)
            if on_document:
                on_document(None, failure)
    return summary
