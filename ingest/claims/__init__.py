"""Claim extraction: who asserted, recommended, decided, reported or was quoted saying what, about whom.

`extract_claims(record)` is the pipeline hook (ingest.pipeline.default_extractors); it runs after
entity extraction and fills record.claims. Rules and cue lists: docs/claims.md and
ingest/data/claims/cues.toml.
"""
from .extract import claims_of, extract_claims
from .sentences import split_sentences

__all__ = ["extract_claims", "claims_of", "split_sentences"]
