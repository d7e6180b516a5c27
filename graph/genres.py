"""Genres as the headings print them ("Memorandum of Conversation", "Telegram"), found from what a user types: any case,
as /documents has always compared them. The network asked for the printed form exactly, so `genre=memorandum` drew
nothing there while /documents listed the memoranda; a genre no document has is a mistake to name, with the nearest
printed ones offered."""
from __future__ import annotations

import difflib

from ontology.namespaces import SCHEMA

from .sparql_terms import literal
from .store import Store

__all__ = ["printed_genres", "nearest_genres"]

_GENRE = f"<{SCHEMA}genre>"


def printed_genres(store: Store, genre: str) -> list[str]:
    """The genres of the store that read as `genre` in any case, sorted: the printed form itself at the cost of one
    lookup, else by reading the genres of every document."""
    if store.query(f"ASK {{ ?d {_GENRE} {literal(genre)} }}").boolean:
        return [genre]
    rows = store.query(f"SELECT DISTINCT ?g WHERE {{ ?d {_GENRE} ?g FILTER (LCASE(STR(?g)) = {literal(genre.lower())}) }}")
    return sorted(row[0].value for row in rows.rows())


def nearest_genres(store: Store, genre: str, n: int = 3) -> list[str]:
    """Up to `n` printed genres nearest to `genre` by spelling ("Telegarm" → "Telegram")."""
    every = sorted({row[0].value for row in store.query(f"SELECT DISTINCT ?g WHERE {{ ?d {_GENRE} ?g }}").rows()})
    by_lower: dict[str, str] = {}
    for g in every:
        by_lower.setdefault(g.lower(), g)
    return [by_lower[m] for m in difflib.get_close_matches(genre.lower(), list(by_lower), n=n, cutoff=0.6)]
