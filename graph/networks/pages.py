"""The printed pages of an edge's passages, as the ingest recorded them.

Every mention and claim carries the page its start is printed on (`fk:page`, ingest/triples.py, where the record's
`page_at` puts a footnote on the page of its mark); the entity and document pages show a claim's page from it. A
passage's pages are those of the mentions (or the claim) it holds, read from there, not worked out again from the
document's page offsets, which would put a footnote on the document's last page. A passage that holds none (a
letter's heading, the passage of a correspondence tie) takes the pages (`fk:hasPage`) its offsets span.
"""
from __future__ import annotations

from typing import Iterable

import networkx as nx

from graph.store import Store
from ontology.namespaces import FK, OA

from .entities import chunks, iri_values
from .evidence import Passage

__all__ = ["passage_pages", "evidence_pages"]

Printed = int | str         # 320, or "xii", or a microfiche frame, as the REST resources give a page


def _printed(value: str) -> Printed:
    return int(value) if value.isdigit() else value


def _target_pages(store: Store, targets: list[str]) -> dict[str, tuple[int, Printed]]:
    """target → (its start, the page of its mention or claim)."""
    found = {}
    for batch in chunks(targets, 200):
        q = f"""SELECT ?target ?page ?start WHERE {{ {iri_values('target', batch)}
  ?annotation <{OA}hasTarget> ?target ; <{FK}page> ?page .
  OPTIONAL {{ ?target <{OA}hasSelector> ?selector . ?selector <{OA}start> ?start }} }}"""
        for target, page, start in store.query(q).rows():
            found[target.value] = (int(start.value) if start is not None else 0, _printed(page.value))
    return found


def _document_pages(store: Store, documents: list[str]) -> dict[str, list[tuple[int, int, Printed]]]:
    """document → (start, end, page) of its printed pages."""
    found: dict[str, list[tuple[int, int, Printed]]] = {}
    for batch in chunks(documents, 200):
        q = f"""SELECT ?doc ?start ?end ?page WHERE {{ {iri_values('doc', batch)}
  ?doc <{FK}hasPage> ?part . ?part <{FK}page> ?page ; <{FK}start> ?start ; <{FK}end> ?end }}"""
        for doc, start, end, page in store.query(q).rows():
            found.setdefault(doc.value, []).append((int(start.value), int(end.value), _printed(page.value)))
    return {doc: sorted(parts) for doc, parts in found.items()}


def _in_print(pages: list[Printed]) -> list[Printed]:
    """The distinct pages in the order printed: a footnote comes last in the text and is printed on the page of its
    mark, so the text's order put a document window's passage on "pages 227, 225". Pages that are not all numbers
    (front matter's "xii", a microfiche frame) keep the text's order."""
    distinct = list(dict.fromkeys(pages))
    return sorted(distinct) if all(isinstance(p, int) for p in distinct) else distinct


def passage_pages(store: Store, passages: Iterable[Passage]) -> list[list[Printed]]:
    """Per passage, its distinct pages in the order printed (empty when the store records none)."""
    passages = list(passages)
    held = _target_pages(store, sorted({t for p in passages for t in p.targets}))
    bare = _document_pages(store, sorted({p.document for p in passages if not p.targets}))
    pages = []
    for p in passages:
        if p.targets:
            printed = [page for _, page in sorted(held[t] for t in p.targets if t in held)]
        else:
            printed = [page for start, end, page in bare.get(p.document, ()) if start <= p.start < end
                       or p.start < start < p.end]
        pages.append(_in_print(printed))
    return pages


def evidence_pages(store: Store, g: nx.Graph) -> dict[Passage, list[Printed]]:
    """The pages of every evidence passage of the network's edges, in one batched lookup (an export's)."""
    passages = list(dict.fromkeys(p for _, _, e in g.edges(data="evidence") if e is not None for p in e.passages))
    return dict(zip(passages, passage_pages(store, passages)))
