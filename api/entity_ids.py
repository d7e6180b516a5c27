"""The entities an identifier names, for reconciliation and `/lookup`: one of ours (`people/102617`, a bare hsg-people
or gsh id), or another dataset's that the graph holds for them (`Q37`, `45737745`, `clark-william-patrick`).

OpenRefine users with a column of Wikidata QIDs, VIAF ids or history.state.gov ids reconcile by it, as a query's text
or as the values of an id property (`wikidata`, `viaf`, `pocom`, `hsg_people_id`, `gsh_id`): what the graph holds for
an entity as one of those ids (graph/identifier_lookup.py) names it whatever its name.
"""
from __future__ import annotations

from dataclasses import dataclass

from graph import Store
from graph.identifier_lookup import SCHEMES, identified
from graph.name_index import Entry, NameIndex

__all__ = ["ID_PROPERTIES", "OURS", "Holder", "holders", "by_text", "by_properties"]

ID_PROPERTIES = tuple(SCHEMES)
OURS = "frus-kg"        # the scheme of our own ids


@dataclass(frozen=True)
class Holder:
    entry: Entry
    scheme: str         # OURS, a key of SCHEMES, or "iri" (another dataset's IRI linked to ours)
    value: str          # what the graph holds: our IRI, the linked IRI, or the literal id


def holders(store: Store, index: NameIndex, text: str, schemes: tuple[str, ...] | None = None) -> list[Holder]:
    """The entities `text` is an id of: ours first (when no scheme is asked), else those holding it as another
    dataset's. Each once, a folded duplicate record as the one it is folded into; links from IRIs that are none of
    the index's people, countries or organizations are left out."""
    named = index.resolve(text) if schemes is None else None
    if named:
        return [Holder(named, OURS, named.iri)]
    out: dict[str, Holder] = {}
    for found in identified(store, text, schemes):
        if entry := index.resolve(found.entity):
            out.setdefault(entry.iri, Holder(entry, found.scheme, found.value))
    return list(out.values())


def by_text(store: Store, index: NameIndex, text: str) -> list[Entry]:
    return [h.entry for h in holders(store, index, text)]


def by_properties(store: Store, index: NameIndex, records: dict[str, list[str]]) -> set[str]:
    """IRIs of the entities holding a value of every id property asked (none asked: none)."""
    held = [{h.entry.iri for value in values for h in holders(store, index, value, (pid,))}
            for pid, values in records.items() if pid in SCHEMES]
    return set.intersection(*held) if held else set()
