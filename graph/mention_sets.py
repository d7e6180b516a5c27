"""Each volume's documents with the entities they mention, kept in its statistics graph, and the co-mentions of one
entity counted from them.

An entity's whole co-mention list (every entity a document mentions beside it, with the documents that mention both)
was a SPARQL aggregate over all its documents' `schema:mentions`, run again for every page of the list: for the
United States, which 161 of frus1977-80v01's 163 documents mention, 10 ms a page on one volume, and it grows with
its documents (20,000 in the 99 volumes). So the statistics layer keeps on each volume's `fk:VolumeStatistics` node
one string, `fk:documentMentions`: a line per document, `DOCUMENT ENTITY ENTITY …` (tab-separated; IRIs under
frus-kg's base written `^rest`), the same `schema:mentions` the aggregate read. The list is then one lookup of the
volumes the entity is counted in (its `fk:EntityVolumeCount` nodes) and a count in Python of the lines naming it.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Mapping

from ontology.namespaces import BASE, FK

from .store import Store

__all__ = ["DOCUMENT_MENTIONS", "mention_lines", "co_mentions"]

DOCUMENT_MENTIONS = FK + "documentMentions"


def _short(iri: str) -> str:
    return "^" + iri[len(BASE):] if iri.startswith(BASE) else iri


def _whole(value: str) -> str:
    return BASE + value[1:] if value.startswith("^") else value


def mention_lines(entities_of: Mapping[str, Iterable[str]]) -> str:
    """The `fk:documentMentions` of a volume: each document's line, its entities sorted, documents in IRI order."""
    return "\n".join("\t".join((_short(doc), *sorted(map(_short, entities_of[doc])))) for doc in sorted(entities_of))


def co_mentions(store: Store, iri: str) -> list[tuple[str, int]] | None:
    """Every entity a document mentions together with `iri`, with the documents that mention both, most first, ties
    in the order of the IRIs; counted from the `fk:documentMentions` of the volumes whose statistics count documents
    mentioning it. None when one of those volumes' statistics were written before they held the lines: the caller
    counts from the documents."""
    rows = store.query(f"""SELECT ?sets WHERE {{ GRAPH ?g {{ ?g a <{FK}VolumeStatistics> .
      ?s a <{FK}EntityVolumeCount> ; <{FK}entity> <{iri}> ; <{FK}documentCount> ?n .
      OPTIONAL {{ ?g <{DOCUMENT_MENTIONS}> ?sets }} }} }}""").rows()
    me = _short(iri)
    counted: Counter[str] = Counter()
    for (sets,) in rows:
        if sets is None:
            return None
        for line in sets.value.split("\n"):
            if me in line:
                together = line.split("\t")
                if me in together[1:]:
                    counted.update(together[1:])
    del counted[me]
    return sorted(((_whole(e), n) for e, n in counted.items()), key=lambda pair: (-pair[1], pair[0]))
