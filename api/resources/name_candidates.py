"""Candidates of a name filter (`/people?name=cl`) from the full-text index, so that not every name is tested.

The filter means: a word of a label or of a variant starts with the prefix, in any case. SPARQL has no index for that,
so the store alone tests the names of every mentioned entity of the kind (tens of thousands on the
corpus). The search index beside the store (graph/search_index.py, refreshed with the statistics) holds
every word of every name: the entities with a word starting with the prefix's first two letters are a
superset of the answer, which the SPARQL filter then narrows to exactly the same answer. Two letters and
no more because the index stems its words (porter), and a stem keeps a word's first two letters.
Without an index (a remote store, or none built yet), or for a prefix whose first word is one letter, the
caller tests every name, as before. Like the statistics, a stale index misses names added since
`frus-kg index`.
"""
from __future__ import annotations

import re
import sqlite3

from graph import Store
from graph.errors import StoreError
from graph.search_index import SearchIndex

__all__ = ["name_candidates"]

_INDEX_KINDS = {"people": "person", "countries": "country", "organizations": "organization"}
_WORD = re.compile(r"[^\W_]+")


def name_candidates(store: Store, kind: str, name: str) -> list[str] | None:
    """IRIs that may match `name` (a superset of the answer), or None when the index cannot say."""
    word = _WORD.search(name)
    folder = store.path
    if kind not in _INDEX_KINDS or word is None or len(word.group()) < 2 or folder is None:
        return None
    index = SearchIndex.for_store(folder, read_only=True)
    try:
        return index.names_with_word(word.group()[:2].lower(), _INDEX_KINDS[kind])
    except (StoreError, sqlite3.Error):          # no index file, or one being rebuilt: test every name
        return None
    finally:
        index.close()
