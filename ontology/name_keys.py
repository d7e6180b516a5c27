"""The lookup key of a name: one normalisation shared by ingest (authority build, extractor) and api (reconciliation).

It lives here, not in ingest, because api may import ontology but not ingest.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["norm"]

_ASCII_PUNCT = str.maketrans({c: " " for c in "!\"#$%&()*+,./:;<=>?@[\\]^`{|}~"})


def norm(text: str) -> str:
    """Lookup key: accents and case folded, punctuation except hyphens dropped, spaces collapsed."""
    if text.isascii():
        return " ".join(text.lower().translate(_ASCII_PUNCT).split())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"[^\w\s'-]", " ", text.lower())
    return " ".join(text.split())
