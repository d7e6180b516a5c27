"""The frus-kg vocabulary (OWL/RDFS) and SHACL shapes, and the gate that validates graphs against them."""
from __future__ import annotations

from .namespaces import BASE, FK, PREFIXES, sparql_prologue
from .files import shapes_turtle, vocabulary_turtle
from .reports import ValidationReport, Violation
from .validation import validate

__all__ = [
    "BASE", "FK", "PREFIXES", "ValidationReport", "Violation", "shapes_turtle", "sparql_prologue",
    "validate", "vocabulary_turtle",
]
