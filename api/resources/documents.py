"""Documents: the filtered, paged list and one document with its passages, mentions, claims and notes.

Lists run in two steps: the page's document IRIs (filters, order, offset) and then their details for
those IRIs only (VALUES), so the cost of a page does not grow with the detail asked for.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from graph import Store, sparql_terms as st
from ontology.iris import document_iri
from ontology.namespaces import FK, RDF, SCHEMA, sparql_prologue

from .claims import ClaimFilter, claim_list
from .counts import (entity_month_keys, entity_month_window, entity_totals, month_window, range_months, volume_total,
                     whole_months)
from .heading_order import first_mentions, party_offsets, role_key
from .links import document_ids, entity_ref, href, labels, list_page, local_name
from .paging import Page
from .patterns import date_range
from .rows import by_subject, count, first, properties, select
from .text_filter import text_candidates

__all__ = ["DocumentFilter", "document_list", "document_detail", "document_summaries"]

_PROLOGUE = sparql_prologue("schema", "fk", "oa", "rdfs", "prov")
SORTS = ("date", "number")
SCAN_TIMEOUT = 30.0     # seconds: `text` reads every text, so it runs in a query worker that stops at this limit


@dataclass
class DocumentFilter:
    """Checked filter values (IRIs, date bounds); `params` are the REST parameters they came from."""
    volume: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    genre: str | None = None
    authors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    text: str | None = None
    only: list[str] | None = None       # these documents alone (those whose text holds `text`, checked)
    sort: str = "date"
    params: dict = field(default_factory=dict)

    def patterns(self) -> str:
        lines = [f"?doc schema:mentions {st.iri(e)} ." for e in self.mentions]
        lines += [f"?doc schema:author {st.iri(p)} ." for p in self.authors]
        lines += [f"?doc schema:recipient {st.iri(p)} ." for p in self.recipients]
        if self.volume:
            lines.append(f"?doc schema:isPartOf {st.iri(self.volume)} .")
        if self.only is None:     # `only` holds documents; joined with VALUES, Oxigraph reads every document per row
            lines.append("?doc a fk:Document .")
        if self.genre:
            lines.append(f"?doc schema:genre ?genre . FILTER (LCASE(STR(?genre)) = {st.literal(self.genre.lower())})")
        lines += date_range("doc", self.date_from, self.date_to)
        if self.only is not None:
            lines.insert(0, st.values("doc", map(st.iri, self.only)))
        if self.text:
            lines.append(f"?doc schema:text ?text . FILTER (CONTAINS(LCASE(?text), {st.literal(self.text.lower())}))")
        return "\n  ".join(lines)


def _order(filt: DocumentFilter) -> tuple[str, str]:
    """Extra patterns and ORDER BY: by date (undated last), or by volume and number; numbers before IRIs,
    which are slow to compare (see claim_list)."""
    if filt.sort == "number":
        return ("OPTIONAL { ?doc schema:isPartOf ?volume } OPTIONAL { ?doc schema:position ?n }",
                "ORDER BY ?volume ?n ?doc")
    dated = "" if filt.date_from or filt.date_to else "OPTIONAL { ?doc schema:dateCreated ?date }"
    return f"{dated} OPTIONAL {{ ?doc schema:position ?n }}", "ORDER BY (!BOUND(?date)) STR(?date) ?n ?doc"


def document_summaries(store: Store, iris: list[str]) -> list[dict]:
    """Title, date, genre, authors and recipients of the given documents, in the given order; the names of
    authors and recipients in the order the heading prints them (api/resources/heading_order.py)."""
    if not iris:
        return []
    block = st.values("doc", map(st.iri, iris))
    query = _PROLOGUE + f"""SELECT ?doc ?title ?date ?genre ?number WHERE {{
  {block}
  OPTIONAL {{ ?doc schema:name ?title }} OPTIONAL {{ ?doc schema:dateCreated ?date }}
  OPTIONAL {{ ?doc schema:genre ?genre }} OPTIONAL {{ ?doc schema:position ?number }}
}}"""
    found = {row["doc"]: row for row in select(store, query)}
    parties = list(select(store, _PROLOGUE + f"""SELECT ?doc ?rel ?who WHERE {{
  {block} {{ ?doc schema:author ?who BIND (schema:author AS ?rel) }}
  UNION {{ ?doc schema:recipient ?who BIND (schema:recipient AS ?rel) }} }}"""))
    names = labels(store, [p["who"] for p in parties])
    offsets = party_offsets(store, ((p["doc"], p["who"]) for p in parties))
    of: dict[tuple[str, str], list[str]] = {}
    for p in sorted(parties, key=lambda p: (offsets.get((p["doc"], p["who"])) is None,
                                            offsets.get((p["doc"], p["who"]), 0), p["who"])):
        of.setdefault((p["doc"], p["rel"]), []).append(p["who"])
    items = []
    for iri in iris:
        row = found.get(iri, {})
        volume, doc = document_ids(iri) or (None, None)
        items.append({
            "id": iri, "type": "Document", "href": href(iri), "volumeId": volume, "documentId": doc,
            "number": row.get("number"), "title": row.get("title"), "date": row.get("date"),
            "genre": row.get("genre"),
            "authorNames": [names.get(who) for who in of.get((iri, SCHEMA + "author"), [])],
            "recipientNames": [names.get(who) for who in of.get((iri, SCHEMA + "recipient"), [])],
        })
    return items


def _unfiltered(filt: DocumentFilter) -> bool:
    """No filter but perhaps a volume: what the statistics layer counts."""
    return not (filt.mentions or filt.authors or filt.recipients or filt.genre or filt.date_from or filt.date_to
                or filt.text or filt.only is not None)


def _known_total(store: Store, filt: DocumentFilter) -> int | None:
    if _unfiltered(filt):
        return volume_total(store, "documentCount", filt.volume)
    if len(filt.mentions) == 1 and not filt.volume and _unfiltered(replace(filt, mentions=[])):
        return (entity_totals(store, filt.mentions[0]) or {}).get("documentCount")
    if _entity_in_dates(filt) and whole_months(filt.date_from, filt.date_to):
        months = range_months(store, filt.mentions[0], "documentCount", filt.date_from, filt.date_to)
        return None if months is None else sum(n for _, n in months)
    return None


def _entity_in_dates(filt: DocumentFilter) -> bool:
    """One mentioned entity and dates, nothing else: what the entity's month counts count."""
    return (len(filt.mentions) == 1 and not filt.volume and bool(filt.date_from or filt.date_to)
            and _unfiltered(replace(filt, mentions=[], date_from=None, date_to=None)))


def _months(store: Store, filt: DocumentFilter, page: Page) -> tuple[str, int] | None:
    """By date, with no filter but a volume, or one mentioned entity alone (or with dates of whole months): the
    pattern that reads only the months the page spans (statistics layer), and how many of their documents
    come before the page."""
    if filt.sort != "date" or not page.limit:
        return None
    if _unfiltered(filt):
        window = month_window(store, "documentCount", page.offset, page.limit, filt.volume)
        return (f"{st.values('month', map(st.literal, window[0]))} ?doc fk:documentMonth ?month .", window[1]) \
            if window else None
    dated = _entity_in_dates(filt)
    if not dated and (len(filt.mentions) != 1 or filt.volume or not _unfiltered(replace(filt, mentions=[]))):
        return None
    window = entity_month_window(store, filt.mentions[0], "documentCount", page.offset, page.limit,
                                 (filt.date_from, filt.date_to) if dated else None)
    return (f"{st.values('key', map(st.iri, window[0]))} ?doc fk:mentionedInMonth ?key .", window[1]) if window else None


def document_list(store: Store, filt: DocumentFilter, page: Page, *, total: int | None = None) -> dict:
    """A page of documents: {total, limit, items: [summary…], next: relative URL or None}.

    `total`: the caller knows it (from the statistics layer), so it is not counted."""
    if filt.text:
        filt = text_candidates(store, filt)
    patterns = filt.patterns()
    extra, order = _order(filt)
    window, offset, narrow = _months(store, filt, page), page.offset, None
    if window:      # only the months the page spans (statistics layer), not every date sorted
        start, offset = window
    else:
        narrow = _in_range(store, filt)
        start = narrow or ""
    query = _PROLOGUE + f"""SELECT ?doc WHERE {{
  {start}
  {patterns}
  {extra}
}} {order} LIMIT {page.limit} OFFSET {offset}"""
    scan = SCAN_TIMEOUT if filt.text else None      # a substring of every text: a query that can be stopped
    iris = [row["doc"] for row in select(store, query, scan)]
    if total is None:
        total = _known_total(store, filt)
    if total is None:
        total = count(store, _PROLOGUE, f"{narrow}\n  {patterns}" if narrow else patterns, "doc", timeout=scan)
    return list_page("/documents", filt.params, page, total, document_summaries(store, iris))


def _in_range(store: Store, filt: DocumentFilter) -> str | None:
    """With a mentioned entity and dates (a timeline's year): the pattern keeping the documents of the entity's
    months in the range (statistics layer), so the page and its count read those, not every document
    mentioning it (on 99 volumes the United States' 25,000: 2 s for a year, 20 ms this way)."""
    if not (filt.mentions and (filt.date_from or filt.date_to)):
        return None
    keys = entity_month_keys(store, filt.mentions[0], "documentCount", filt.date_from, filt.date_to)
    return None if keys is None else f"{st.values('key', map(st.iri, keys))} ?doc fk:mentionedInMonth ?key ."


def _note(iri: str, props: dict) -> dict:
    return {"id": iri, "type": "Footnote", "noteNumber": first(props, FK + "noteNumber"),
            "text": first(props, SCHEMA + "text"), "start": first(props, FK + "start"),
            "end": first(props, FK + "end"), "anchor": first(props, FK + "anchor")}


def _mentions(store: Store, graph: str) -> list[dict]:
    """The document's mentions, read inside its graph (every mention there targets it)."""
    query = _PROLOGUE + f"""SELECT ?m ?exact ?start ?end ?page ?entityType ?entity ?method ?confidence ?explanation WHERE {{
  GRAPH {graph} {{
    ?m a fk:Mention ; oa:hasTarget ?target .
    ?target oa:hasSelector ?quote . ?quote oa:exact ?exact .
    ?target oa:hasSelector ?position . ?position oa:start ?start ; oa:end ?end .
    OPTIONAL {{ ?m fk:page ?page }} OPTIONAL {{ ?m fk:entityType ?entityType }} OPTIONAL {{ ?m oa:hasBody ?entity }}
    OPTIONAL {{ ?m fk:method ?method }} OPTIONAL {{ ?m fk:confidence ?confidence }}
    OPTIONAL {{ ?m fk:explanation ?explanation }}
  }}
}} ORDER BY ?start ?m"""
    rows = list(select(store, query))
    candidates = list(select(store, _PROLOGUE + f"""SELECT ?m ?c ?entity ?score WHERE {{
  GRAPH {graph} {{ ?m a fk:Mention ; fk:candidate ?c . ?c fk:candidateEntity ?entity . OPTIONAL {{ ?c fk:score ?score }} }}
}} ORDER BY ?m DESC(?score) ?c"""))
    of: dict[str, list[dict]] = {}
    for c in candidates:
        of.setdefault(c["m"], []).append(c)
    return [dict(row, candidates=of.get(row["m"], [])) for row in rows]


def _mention_item(row: dict, names: dict[str, str]) -> dict:
    return {
        "id": row["m"], "type": "Mention", "exact": row["exact"], "start": row["start"], "end": row["end"],
        "page": row.get("page"), "entityType": local_name(row.get("entityType")),
        "entity": entity_ref(row["entity"], names) if "entity" in row else None,
        "method": local_name(row.get("method")), "confidence": row.get("confidence"),
        "explanation": row.get("explanation"),
        "candidates": [{"id": c["c"], "type": "Candidate", "entity": entity_ref(c["entity"], names),
                        "score": c.get("score")} for c in row["candidates"]],
    }


def _role(iri: str, props: dict, names: dict[str, str]) -> dict:
    holder = first(props, FK + "roleHolder")
    return {"id": iri, "type": "DocumentRole", "roleKind": local_name(first(props, FK + "roleKind")),
            "roleName": first(props, SCHEMA + "roleName"), "office": first(props, FK + "office"),
            "person": entity_ref(holder, names) if holder else None,
            "explanation": first(props, FK + "explanation")}


def _subjects(store: Store, term: str) -> list[dict]:
    """The document's subject headings (FRUS taxonomy) and LCSH subjects, with their labels."""
    rows = select(store, sparql_prologue("skos", "rdfs") + f"""SELECT ?s (SAMPLE(?l) AS ?label) WHERE {{
  GRAPH {term} {{ {term} <http://purl.org/dc/terms/subject> ?s . OPTIONAL {{ ?s skos:prefLabel|rdfs:label ?l }} }}
}} GROUP BY ?s ORDER BY ?label ?s""")
    return [{"id": row["s"], "label": row.get("label"), "lcsh": row["s"].startswith(("http://id.loc.gov/", "https://id.loc.gov/")),
             "href": href(row["s"])} for row in rows]


def document_detail(store: Store, volume: str, doc: str) -> dict | None:
    """Everything about one document, or None if the store has no such document.

    Keys: metadata (title, date, genre, subject, classification, …), `volume`, `place`, `authors` and
    `recipients` (roles with the office held, in the heading's order), `sourceNote`, `footnotes`, `pages`, `text`,
    `entities` (each mentioned entity with its count), `mentions` (offsets, kind, entity, candidates),
    `claims` (offsets, type, claimants, about) and `subjects` (taxonomy headings and LCSH, with labels).
    """
    iri = document_iri(volume, doc)
    term = st.iri(iri)
    props = properties(store, term, graph=term)
    if not props:
        return None
    parts = by_subject(list(select(store, _PROLOGUE + f"""SELECT ?s ?p ?o WHERE {{ GRAPH {term} {{
  VALUES ?link {{ fk:hasDocumentRole fk:footnote fk:sourceNote fk:hasPage schema:locationCreated }}
  {term} ?link ?s . ?s ?p ?o }} }}""")))
    mentions = _mentions(store, term)
    volume_iri = first(props, SCHEMA + "isPartOf")
    people = [first(parts.get(r, {}), FK + "roleHolder") for r in props.get(FK + "hasDocumentRole", [])]
    referenced = [volume_iri, *people, *props.get(SCHEMA + "mentions", []),
                  *(m.get("entity") for m in mentions), *(c["entity"] for m in mentions for c in m["candidates"])]
    names = labels(store, referenced)
    heading = first_mentions(mentions)
    roles = sorted((_role(r, parts.get(r, {}), names) for r in props.get(FK + "hasDocumentRole", [])),
                   key=lambda r: role_key(r["id"], (r["person"] or {}).get("id"), heading))
    counts: dict[str, int] = {}
    for m in mentions:
        if "entity" in m:
            counts[m["entity"]] = counts.get(m["entity"], 0) + 1
    source_note = first(props, FK + "sourceNote")
    place = first(props, SCHEMA + "locationCreated")
    claims = claim_list(store, ClaimFilter(document=iri), Page(limit=None))["items"]
    subjects = _subjects(store, term)
    return {
        "id": iri, "type": sorted(local_name(t) for t in props.get(RDF + "type", []) if t.startswith(FK)),
        "href": href(iri), "url": first(props, SCHEMA + "url"), "volumeId": volume, "documentId": doc,
        "volume": {"id": volume_iri, "volumeId": volume, "title": names.get(volume_iri), "href": href(volume_iri)}
        if volume_iri else None,
        "number": first(props, SCHEMA + "position"), "title": first(props, SCHEMA + "name"),
        "date": first(props, SCHEMA + "dateCreated"), "dateMax": first(props, FK + "dateMax"),
        "dateBasis": first(props, FK + "dateBasis"), "temporalCoverage": first(props, SCHEMA + "temporalCoverage"),
        "genre": first(props, SCHEMA + "genre"),
        "subject": first(props, FK + "subject"), "subjects": subjects,
        "classification": first(props, FK + "classification"),
        "archive": first(props, FK + "archive"), "fileNumber": first(props, FK + "fileNumber"),
        "printedFrom": first(props, FK + "printedFrom"),
        "place": {"id": place, "name": first(parts.get(place, {}), SCHEMA + "name")} if place else None,
        "pageStart": first(props, SCHEMA + "pageStart"), "pageEnd": first(props, SCHEMA + "pageEnd"),
        "authors": [r for r in roles if r["roleKind"] == "Author"],
        "recipients": [r for r in roles if r["roleKind"] == "Recipient"],
        "sourceNote": _note(source_note, parts.get(source_note, {})) if source_note else None,
        "footnotes": sorted((_note(n, parts.get(n, {})) for n in props.get(FK + "footnote", [])),
                            key=lambda n: (n["start"] is None, n["start"] or 0, n["id"])),
        "pages": sorted(({"id": p, "type": "Page", "page": first(parts.get(p, {}), FK + "page"),
                          "start": first(parts.get(p, {}), FK + "start"), "end": first(parts.get(p, {}), FK + "end")}
                         for p in props.get(FK + "hasPage", [])), key=lambda p: (p["start"] is None, p["start"] or 0, p["id"])),
        "text": first(props, SCHEMA + "text"),
        "entities": sorted((dict(entity_ref(e, names), count=counts.get(e, 0))
                            for e in props.get(SCHEMA + "mentions", [])),
                           key=lambda e: (-e["count"], e["name"] or e["id"], e["id"])),
        "mentions": [_mention_item(m, names) for m in mentions],
        "claims": claims,
    }
