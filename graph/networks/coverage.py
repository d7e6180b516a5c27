"""Coverage: how many documents of each year carry the editors' person markup, and what that does to counts.

The FRUS editors tagged persons (`fk:method fk:tei-markup`) in some volumes and not in others, so a
person of a well-tagged year looks more connected than one of a year we read from plain text.
Each node's document count is therefore also given per marked-up document of its own years, and a
ranking that spans years of very different coverage says so.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from graph.store import Store
from ontology.namespaces import FK, OA, SCHEMA

from .filters import Filters, document_patterns

__all__ = ["YearCoverage", "markup_coverage", "normalise", "coverage_warning", "UNEVEN"]

UNEVEN = 2.0      # a ranking warns when the best-covered year's share is this many times the worst one's


@dataclass(frozen=True)
class YearCoverage:
    year: str
    documents: int
    marked: int         # documents with at least one person mention from the editors' markup

    @property
    def share(self) -> float:
        return self.marked / self.documents if self.documents else 0.0


def _marked(store: Store, filters: Filters) -> set[str]:
    head, tail = document_patterns(filters)
    q = f"""SELECT DISTINCT ?doc WHERE {{
  ?m <{FK}method> <{FK}tei-markup> ; <{FK}entityType> <{SCHEMA}Person> ; <{OA}hasTarget> ?target .
  ?target <{OA}hasSource> ?doc .
  {head} {tail} }}"""
    return {row[0].value for row in store.query(q).rows()}


def markup_coverage(store: Store, filters: Filters, marked: set[str] | None = None,
                    dated: dict[str, str] | None = None) -> dict[str, YearCoverage]:
    """Per year of the filtered, dated documents: how many, and how many carry person markup.

    `marked`: the marked-up documents when a projection already knows them (a person co-mention
    network reads every person mention with its method); otherwise they are queried here.
    `dated`: document → year of the filtered documents, when the projection read them from the network table.
    """
    if dated is None:
        head, _ = document_patterns(Filters(filters.date_from or "0001", filters.date_to, filters.volumes, filters.genres),
                                    told=False)
        q = f"SELECT ?doc ?date WHERE {{ {head} ?doc a <{FK}Document> }}"
        dated = {d.value: date.value[:4] for d, date in store.query(q).rows()}
    if marked is None:
        marked = _marked(store, filters)
    documents: Counter = Counter(dated.values())
    tagged: Counter = Counter(year for doc, year in dated.items() if doc in marked)
    return {y: YearCoverage(y, documents[y], tagged[y]) for y in sorted(documents)}


def _years(first: str | None, last: str | None) -> list[str]:
    if not first or not last:
        return []
    return [str(y) for y in range(int(first[:4]), int(last[:4]) + 1)]


def normalise(g: nx.Graph, coverage: dict[str, YearCoverage]) -> None:
    """Write `marked_documents` (marked-up documents in the node's years, first to last) and
    `documents_per_marked` (its documents / those) onto every node; None where its years have no markup, and on a
    node that is no person: the markup counts people, and our reading finds countries, organizations and regions in
    marked and unmarked volumes alike (Egypt's 0.25 was its documents over the people-marked ones, a rate of nothing)."""
    for _, data in g.nodes(data=True):
        marked = sum(coverage[y].marked for y in _years(data.get("first"), data.get("last")) if y in coverage)
        data["marked_documents"] = marked
        person = data.get("kind") == "person"
        data["documents_per_marked"] = data.get("documents", 0) / marked if marked and person else None


def coverage_warning(coverage: dict[str, YearCoverage], first: str | None, last: str | None) -> str | None:
    """A sentence when the years from first to last differ widely in markup coverage, else None."""
    years = [coverage[y] for y in _years(first, last) if y in coverage and coverage[y].documents]
    if len(years) < 2:
        return None
    best = max(years, key=lambda c: c.share)
    worst = min(years, key=lambda c: c.share)
    if best.share == 0 or (worst.share and best.share / worst.share < UNEVEN):
        return None
    carry = "1 document carries it" if best.documents == 1 else f"{best.documents} documents carry it"
    return (f"person markup is uneven across {years[0].year}–{years[-1].year}: {best.share:.0%} of {best.year}'s "
            f"{carry}, {worst.share:.0%} of {worst.year}'s {worst.documents}; "
            "raw counts favour the better-covered years, compare documents_per_marked instead")
