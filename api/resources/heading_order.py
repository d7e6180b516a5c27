"""Authors and recipients in the order the document's heading prints them.

The store keeps no order among a document's `schema:author` (or `schema:recipient`) values, so a list read from
them came in whatever order the engine found ("Kennedy; Clark" for a heading naming Clark first). Each party's name
in the heading is a mention with its offsets (ingest/triples.py: `_parties`, `party_mention`, and the heading's
posts), and the heading opens the text, so a party's first mention is where the heading names it. Its role's
number (`…/roles/author-2`, numbered in the order ingest found the parties) breaks ties and places a party no
mention names.
"""
from __future__ import annotations

import re
from typing import Iterable

from graph import Store, sparql_terms as st
from ontology.namespaces import sparql_prologue

from .rows import select

__all__ = ["first_mentions", "role_key", "party_offsets"]

_PROLOGUE = sparql_prologue("oa")
_NUMBER = re.compile(r"-(\d+)$")


def first_mentions(mentions: Iterable[dict]) -> dict[str, int]:
    """entity IRI → the offset of its first mention, from a document's mentions (`entity`, `start`)."""
    first: dict[str, int] = {}
    for m in mentions:
        entity, start = m.get("entity"), m.get("start")
        if isinstance(entity, dict):
            entity = entity.get("id")
        if entity and start is not None and start < first.get(entity, start + 1):
            first[entity] = start
    return first


def role_key(role: str, holder: str | None, first: dict[str, int]) -> tuple:
    """Sort key of a role: where the heading names its holder, then its number, then its IRI."""
    at = first.get(holder) if holder else None
    number = _NUMBER.search(role)
    return at is None, at or 0, int(number.group(1)) if number else 0, role


def party_offsets(store: Store, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """(document, party) → the offset of the party's first mention in the document, read inside its graph."""
    rows = " ".join(f"({st.iri(doc)} {st.iri(who)})" for doc, who in sorted(set(pairs)))
    if not rows:
        return {}
    query = _PROLOGUE + f"""SELECT ?doc ?who (MIN(?start) AS ?at) WHERE {{ VALUES (?doc ?who) {{ {rows} }}
  GRAPH ?doc {{ ?m oa:hasBody ?who ; oa:hasTarget/oa:hasSelector ?s . ?s oa:start ?start }} }} GROUP BY ?doc ?who"""
    return {(row["doc"], row["who"]): int(row["at"]) for row in select(store, query) if row.get("at") is not None}
