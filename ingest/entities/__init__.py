"""Entity extraction: people, countries, institutions, regions and acronyms, linked to the authority data.

`extract_entities(record)` is the pipeline hook (ingest.pipeline.default_extractors imports it).
"""
from .extract import EntityExtractor, extract_entities

__all__ = ["extract_entities", "EntityExtractor"]
