"""`/documents?text=`: the candidates of a substring filter, from the full-text index beside the store.

A case-insensitive substring of every text is a scan (170 MB of text on 99 volumes: past the 30 s limit).
The search index (graph/search_index.py) holds the same texts: it returns the documents that may
contain the substring, and the SPARQL query checks each of them exactly (`CONTAINS(LCASE(?text), …)`),
so answers stay those of the scan. The index is used only when it holds as many documents as the store
has (an ingest not yet indexed would otherwise hide its documents); without it, or for a text it cannot
narrow (not ASCII), the query scans as before.
"""
from __future__ import annotations

import threading
from dataclasses import replace

from graph import SearchIndex, SearchIndexMissing, Store, search_index_path, sparql_terms as st
from ontology.namespaces import sparql_prologue

from .rows import select

__all__ = ["text_candidates"]

_PROLOGUE = sparql_prologue("fk", "schema")
CHECK_TIMEOUT = 30.0     # seconds, as for a scan: the check reads each candidate's text
_INDEXES: dict[str, SearchIndex] = {}
_LOCK = threading.Lock()


def _index(store: Store) -> SearchIndex | None:
    folder = getattr(store, "path", None)
    if folder is None or not search_index_path(folder).exists():
        return None
    with _LOCK:
        return _INDEXES.setdefault(str(folder), SearchIndex.for_store(folder, read_only=True))


def _candidates(store: Store, text: str) -> list[str] | None:
    """The documents whose text may contain `text` (a superset), or None: the index cannot say."""
    index = _index(store)
    if index is None:
        return None
    try:
        candidates = index.documents_containing(text)
    except SearchIndexMissing:       # removed since it was opened
        return None
    if candidates is None:
        return None
    [row] = select(store, _PROLOGUE + "SELECT (COUNT(?doc) AS ?n) WHERE { ?doc a fk:Document }")
    return candidates if int(row["n"]) == index.document_count() else None


def text_candidates(store: Store, filt):
    """A document filter with its `text` turned into `only`, the documents whose text holds it (each
    candidate checked in one query, which may be stopped at `CHECK_TIMEOUT`); unchanged when the index
    cannot narrow it, so the list query scans every text as before."""
    candidates = _candidates(store, filt.text)
    if candidates is None:
        return filt
    found = [row["doc"] for row in select(store, _PROLOGUE + f"""SELECT ?doc WHERE {{
  {st.values("doc", map(st.iri, candidates))}
  ?doc schema:text ?text . FILTER (CONTAINS(LCASE(?text), {st.literal(filt.text.lower())})) }}""",
                                          CHECK_TIMEOUT)] if candidates else []
    return replace(filt, text=None, only=found)
