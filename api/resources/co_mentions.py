"""Who documents mention together with an entity: the whole list, and the first of it an entity answer shows.

The entity answer shows the first `SHOWN`; the whole list (`/people/{id}/co-mentioned`, …) is paged as every REST
list (`total`, `limit`, `items`, `next`; a cursor past its end is a 404). Both are in one order: most shared
documents first, ties in the order of the entities' IRIs (as strings), so the list goes on where the answer stops.
The whole list is counted from the documents' `schema:mentions` as the statistics layer keeps them, each volume's
documents with the entities they mention (graph/mention_sets.py): a lookup and a count in Python, where it was a
SPARQL aggregate over all the entity's documents on every page; a store whose statistics predate those lines (or
that has none) is counted from the documents. For an entity in `FREQUENT` documents or more the answer's first 20
are the statistics layer's sums instead (api/resources/counts.py), a close lower bound, so the list starts again
from its first page, and the answer's total is the one the statistics layer counted when it was written.
"""
from __future__ import annotations

from graph import Store, sparql_terms as st
from graph.mention_sets import co_mentions
from ontology.namespaces import BASE, sparql_prologue

from . import counts as stats
from .links import KINDS, entity_ref, labels, list_href, list_page
from .paging import Page, encode_cursor
from .rows import select

__all__ = ["SHOWN", "co_mention_path", "known_entity", "co_mentioned_first", "co_mention_list"]

SHOWN = 20
_PROLOGUE = sparql_prologue("schema")


def co_mention_path(kind: str, entity_id: str) -> str:
    return f"/{kind}/{entity_id}/co-mentioned"


def known_entity(store: Store, kind: str, entity_id: str) -> str | None:
    """The IRI of the entity of that kind and id (checked as an identifier by the caller), None if there is none."""
    iri = f"{BASE}{kind}/{entity_id}"
    return iri if store.query(f"ASK {{ {st.iri(iri)} a {st.iri(KINDS[kind])} }}").boolean else None


def _counted(store: Store, iri: str) -> list[tuple[str, int]]:
    """Every entity a document mentions together with `iri`, with the documents that mention both, in list order:
    from the statistics layer's mention lines, else from the documents."""
    kept = co_mentions(store, iri)
    return kept if kept is not None else _counted_from_documents(store, iri)


def _counted_from_documents(store: Store, iri: str) -> list[tuple[str, int]]:
    """`_counted` by a SPARQL aggregate over every document that mentions `iri`: a store without the mention lines."""
    term = st.iri(iri)
    query = _PROLOGUE + f"""SELECT ?other (COUNT(?doc) AS ?n) WHERE {{
  ?doc schema:mentions {term} . ?doc schema:mentions ?other . FILTER (?other != {term})
}} GROUP BY ?other"""
    return sorted(((row["other"], int(row["n"])) for row in select(store, query)), key=lambda pair: (-pair[1], pair[0]))


def co_mentioned_first(store: Store, iri: str, path: str, frequent: bool, shown: int = SHOWN,
                       total: int | None = None) -> dict:
    """What an entity answer says of its co-mentions: `pairs`, the first `shown` (IRI, documents); `total`, how many
    there are in all (for a frequent entity `total`, the statistics layer's count, None where it has none);
    `summed`, whether the pairs' counts are sums of the volumes' lists; `next`, the whole list where the first stop
    (its second page, or its first for a frequent entity, whose first are summed and may leave some out; None when all
    are shown)."""
    if frequent:
        pairs = stats.co_mentioned(store, iri, shown)
        return {"pairs": pairs, "total": total, "summed": True,
                "next": list_href(path, {}, limit=shown)}     # sums leave pairs out
    counted = _counted(store, iri)
    more = len(counted) > shown
    return {"pairs": counted[:shown], "total": len(counted), "summed": False,
            "next": list_href(path, {}, cursor=encode_cursor(shown, {}), limit=shown) if more else None}


def co_mention_list(store: Store, iri: str, path: str, page: Page) -> dict:
    """A page of the whole list: {total, limit, items: [{type, entity, count}], next}."""
    counted = _counted(store, iri)
    end = None if page.limit is None else page.offset + page.limit
    shown = counted[page.offset:end]
    names = labels(store, [other for other, _ in shown])
    items = [{"type": "CoMention", "entity": entity_ref(other, names), "count": n} for other, n in shown]
    return list_page(path, {}, page, len(counted), items)
