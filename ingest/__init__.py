"""Reading FRUS documents (plain-text copies and TEI volumes) into validated RDF named graphs."""
from __future__ import annotations

from .errors import IngestError, RejectedDocument, SourceError
from .parallel import IngestSummary, document_graphs, ingest_corpus, ingest_paths
from .pipeline import Failure, find_inputs, read_inputs
from .records import DocumentRecord, VolumeRecord
from .text_reader import parse_text_document, read_text_document

__all__ = [
    "DocumentRecord", "Failure", "IngestError", "IngestSummary", "RejectedDocument",
    "SourceError", "VolumeRecord", "document_graphs", "find_inputs", "ingest_corpus", "ingest_paths", "parse_text_document",
    "read_inputs", "read_text_document",
]
