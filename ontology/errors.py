"""The ontology package's one root error: shapes the fast engine cannot compile, or a validation request
it cannot run. Both are also ValueErrors, as they were before the root existed."""
from __future__ import annotations

__all__ = ["OntologyError", "UnknownEngine"]


class OntologyError(Exception):
    """Base class of the ontology package's errors."""


class UnknownEngine(OntologyError, ValueError):
    """A validation engine other than those of `validation.ENGINES` was asked for."""
