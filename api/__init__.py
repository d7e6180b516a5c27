"""The HTTP service: SPARQL 1.1 endpoint and (later) REST resources and browser pages."""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
