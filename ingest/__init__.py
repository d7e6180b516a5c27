"""Reading FRUS documents (plain-text copies and TEI volumes) into validated RDF named graphs."""
from __future__ import annotations

from .errors import IngestError, RejectedDocument, SourceError
from .pipeline import Failure, GraphSink, IngestSummary, document_graphs, find_inputs, ingest_paths, read_inputs
from .records import DocumentRecord, VolumeRecord
from .text_reader import parse_text_document, read_text_document

__all__ = [
    "DocumentRecord", "Failure", "GraphSink", "IngestError", "IngestSummary", "RejectedDocument",
    "SourceError", "VolumeRecord", "document_graphs", "find_inputs", "ingest_paths", "parse_text_document",
    "read_inputs", "read_text_document",
]
