"""What a document page shows, read for the page: the REST document's keys that the page uses, in fewer and
cheaper queries than `api.resources.documents.document_detail`.

The REST document is complete (each mention's exact text, method, confidence and candidates; each claim's cue
and explanation) and orders its claims with the claim list's query. The page needs offsets, kinds, entities and
the claims' text, so everything is read inside the document's own graph (its mentions, its claims and their
claimants and subjects are there): on the longest document of six volumes (58,850 characters, 378 mentions,
350 claims) 39 ms of CPU instead of 117. tests/api/test_page_documents.py holds the two to the same answers.
"""
from __future__ import annotations

from graph import Store, sparql_terms as st
from ontology.iris import document_iri
from ontology.namespaces import FK, RDF, SCHEMA, sparql_prologue

from .resources.document_packs import entity_order, packed_detail, unpacked_detail
from .resources.heading_order import first_mentions, role_key
from .resources.links import entity_ref, href, labels, local_name
from .resources.rows import by_subject, first, properties, select

__all__ = ["document_view", "view_of", "packed_view"]

_PROLOGUE = sparql_prologue("schema", "fk", "oa", "prov", "rdfs", "skos")
_DCT = "http://purl.org/dc/terms/"
_LCSH = ("http://id.loc.gov/", "https://id.loc.gov/")


def _mentions(store: Store, graph: str) -> list[dict]:
    rows = select(store, _PROLOGUE + f"""SELECT ?m ?start ?end ?entity ?entityType WHERE {{ GRAPH {graph} {{
  ?m a fk:Mention ; oa:hasTarget ?t . ?t oa:hasSelector ?s . ?s oa:start ?start ; oa:end ?end .
  OPTIONAL {{ ?m oa:hasBody ?entity }} OPTIONAL {{ ?m fk:entityType ?entityType }} }} }}""")
    return sorted(rows, key=lambda row: (row["start"], row["m"]))


def _claims(store: Store, graph: str) -> tuple[list[dict], dict[str, list[tuple[str, str]]]]:
    """The document's claims in the order of the text, and each claim's (relation, entity) links.

    A claim's text is its passage, the document's text between its offsets, so it is not read again (a third of
    the query's time on a long document)."""
    rows = select(store, _PROLOGUE + f"""SELECT ?claim ?type ?date ?page ?start ?end WHERE {{ GRAPH {graph} {{
  ?claim a fk:Claim ; fk:claimType ?type ; oa:hasTarget ?t .
  ?t oa:hasSelector ?s . ?s oa:start ?start ; oa:end ?end .
  OPTIONAL {{ ?claim schema:dateCreated ?date }} OPTIONAL {{ ?claim fk:page ?page }} }} }}""")
    links: dict[str, list[tuple[str, str]]] = {}
    for row in select(store, _PROLOGUE + f"""SELECT ?claim ?rel ?e WHERE {{ GRAPH {graph} {{
  {{ ?claim prov:wasAttributedTo ?e BIND ("claimants" AS ?rel) }} UNION {{ ?claim schema:about ?e BIND ("about" AS ?rel) }}
}} }}"""):
        links.setdefault(row["claim"], []).append((row["rel"], row["e"]))
    return sorted(rows, key=lambda row: (row["start"], row["claim"])), links


def _subjects(store: Store, graph: str) -> list[dict]:
    rows = select(store, _PROLOGUE + f"""SELECT ?s (SAMPLE(?l) AS ?label) WHERE {{ GRAPH {graph} {{
  {graph} <{_DCT}subject> ?s . OPTIONAL {{ ?s skos:prefLabel|rdfs:label ?l }} }} }} GROUP BY ?s ORDER BY ?label ?s""")
    return [{"id": row["s"], "label": row.get("label"), "lcsh": row["s"].startswith(_LCSH), "href": href(row["s"])}
            for row in rows]


def _note(iri: str, props: dict) -> dict:
    return {"id": iri, "noteNumber": first(props, FK + "noteNumber"), "text": first(props, SCHEMA + "text"),
            "start": first(props, FK + "start"), "end": first(props, FK + "end"), "anchor": first(props, FK + "anchor")}


def _roles(props: dict, parts: dict, names: dict[str, str], mentions: list[dict]) -> list[dict]:
    """The document's roles in the order its heading names their holders."""
    at = first_mentions(mentions)
    roles = []
    for iri in props.get(FK + "hasDocumentRole", []):
        part = parts.get(iri, {})
        holder = first(part, FK + "roleHolder")
        roles.append({"id": iri, "roleKind": local_name(first(part, FK + "roleKind")),
                      "roleName": first(part, SCHEMA + "roleName"), "person": entity_ref(holder, names) if holder else None})
    return sorted(roles, key=lambda r: role_key(r["id"], (r["person"] or {}).get("id"), at))


def _claim_items(claims: list[dict], links: dict[str, list[tuple[str, str]]], names: dict[str, str],
                 text: str) -> list[dict]:
    return [{"id": c["claim"], "claimType": local_name(c["type"]), "text": text[c["start"]:c["end"]], "date": c.get("date"),
             "page": c.get("page"), "start": c["start"], "end": c["end"],
             **{rel: [entity_ref(e, names) for r, e in sorted(links.get(c["claim"], []), key=lambda link: link[1]) if r == rel]
                for rel in ("claimants", "about")}}
            for c in claims]


def _ordered(parts: dict, iris: list[str], item) -> list[dict]:
    return sorted((item(i, parts.get(i, {})) for i in iris), key=lambda n: (n["start"] is None, n["start"] or 0, n["id"]))


_ROLE_KEYS = ("id", "roleKind", "roleName", "person")
_CLAIM_KEYS = ("id", "claimType", "date", "page", "start", "end", "claimants", "about")


def view_of(detail: dict) -> dict:
    """The page's data from a complete REST document (a document pack's): the keys and order `document_view` gives."""
    text = detail["text"] or ""
    note = lambda n: {k: v for k, v in n.items() if k != "type"}    # noqa: E731
    return {**{k: v for k, v in detail.items() if k not in ("mentions", "claims")},
            **{key: [{k: r[k] for k in _ROLE_KEYS} for r in detail[key]] for key in ("authors", "recipients")},
            "sourceNote": note(detail["sourceNote"]) if detail["sourceNote"] else None,
            "footnotes": [note(n) for n in detail["footnotes"]], "pages": [note(p) for p in detail["pages"]],
            "mentions": [{k: m[k] for k in ("id", "start", "end", "entityType", "entity")} for m in detail["mentions"]],
            "claims": [{**{k: c[k] for k in _CLAIM_KEYS}, "text": text[c["start"]:c["end"]]}
                       for c in sorted(detail["claims"], key=lambda c: (c["start"], c["id"]))]}


def _page_refs(detail: dict) -> list[dict]:
    """The references whose names the page shows: its people, entities, mentions' entities, claimants and subjects
    (not the mentions' candidates nor the claims' document, which `naming` also fills for the REST answer)."""
    refs = [r["person"] for r in detail["authors"] + detail["recipients"] if r["person"]]
    refs += detail["entities"]
    refs += [m["entity"] for m in detail["mentions"] if m["entity"]]
    for claim in detail["claims"]:
        refs += claim["claimants"]
        refs += claim["about"]
    return refs


def _page_named(store: Store, detail: dict) -> tuple[list[str], dict[str, str]]:
    """`naming` for the names the page shows only: the IRIs named (each once, sorted) and their names."""
    refs, volume = _page_refs(detail), detail.get("volume")
    iris = sorted({ref["id"] for ref in refs} | ({volume["id"]} if volume else set()))
    names = labels(store, iris)
    for ref in refs:
        ref["name"] = names.get(ref["id"])
    if volume:
        volume["title"] = names.get(volume["id"])
    detail["entities"].sort(key=entity_order)
    return iris, names


def _page_view(detail: dict) -> dict:
    """`view_of` without its copies: the pack's parsed dicts themselves, the claims in the order of the text and each
    claim's text its passage. Mentions and claims keep their other keys (candidates, explanations), which the page
    does not read and whose names are not filled in."""
    text = detail["text"] or ""
    claims = sorted(detail["claims"], key=lambda c: (c["start"], c["id"]))
    for claim in claims:
        claim["text"] = text[claim["start"]:claim["end"]]
    return {**detail, "claims": claims}


def packed_view(store: Store, source: str) -> tuple[dict, list[str], dict[str, str]]:
    """The page's data from a pack's literal (`packed_source`), with the IRIs it names and the names read for them:
    what api/page_cache.py checks before it serves the page again. The page of the longest document (870 claims,
    950 mentions) spent 10 ms in naming every reference of the REST document and copying its keys for the page."""
    detail = unpacked_detail(source)
    iris, names = _page_named(store, detail)
    return _page_view(detail), iris, names


def document_view(store: Store, volume: str, doc: str) -> dict | None:
    """The document page's data (the REST document's keys it shows), or None if the store has no such document.
    From the document's pack when the store has one (api/resources/document_packs.py), else from its graph."""
    packed = packed_detail(store, volume, doc)
    if packed is not None:
        return view_of(packed)
    iri = document_iri(volume, doc)
    term = st.iri(iri)
    props = properties(store, term, graph=term)
    if not props:
        return None
    parts = by_subject(select(store, _PROLOGUE + f"""SELECT ?s ?p ?o WHERE {{ GRAPH {term} {{
  VALUES ?link {{ fk:hasDocumentRole fk:footnote fk:sourceNote fk:hasPage schema:locationCreated }} {term} ?link ?s . ?s ?p ?o }} }}"""))
    mentions = _mentions(store, term)
    claims, links = _claims(store, term)
    volume_iri = first(props, SCHEMA + "isPartOf")
    people = [first(parts.get(r, {}), FK + "roleHolder") for r in props.get(FK + "hasDocumentRole", [])]
    names = labels(store, [volume_iri, *people, *props.get(SCHEMA + "mentions", []), *(m.get("entity") for m in mentions),
                           *(e for found in links.values() for _, e in found)])
    roles = _roles(props, parts, names, mentions)
    counts: dict[str, int] = {}
    for m in mentions:
        if "entity" in m:
            counts[m["entity"]] = counts.get(m["entity"], 0) + 1
    one = lambda predicate: first(props, predicate)    # noqa: E731
    source_note, place = one(FK + "sourceNote"), one(SCHEMA + "locationCreated")
    return {
        "id": iri, "type": sorted(local_name(t) for t in props.get(RDF + "type", []) if t.startswith(FK)),
        "href": href(iri), "url": one(SCHEMA + "url"), "volumeId": volume, "documentId": doc,
        "volume": {"id": volume_iri, "volumeId": volume, "title": names.get(volume_iri), "href": href(volume_iri)}
        if volume_iri else None,
        **{key: one(ns + key) for ns, key in ((SCHEMA, "genre"), (FK, "subject"), (FK, "classification"),
                                              (FK, "archive"), (FK, "fileNumber"), (FK, "printedFrom"),
                                              (FK, "dateMax"), (FK, "dateBasis"), (SCHEMA, "pageStart"),
                                              (SCHEMA, "pageEnd"), (SCHEMA, "text"), (SCHEMA, "temporalCoverage"))},
        "number": one(SCHEMA + "position"), "title": one(SCHEMA + "name"), "date": one(SCHEMA + "dateCreated"),
        "subjects": _subjects(store, term),
        "place": {"id": place, "name": first(parts.get(place, {}), SCHEMA + "name")} if place else None,
        "authors": [r for r in roles if r["roleKind"] == "Author"],
        "recipients": [r for r in roles if r["roleKind"] == "Recipient"],
        "sourceNote": _note(source_note, parts.get(source_note, {})) if source_note else None,
        "footnotes": _ordered(parts, props.get(FK + "footnote", []), _note),
        "pages": _ordered(parts, props.get(FK + "hasPage", []), lambda p, part: {
            "id": p, "page": first(part, FK + "page"), "start": first(part, FK + "start"), "end": first(part, FK + "end")}),
        "entities": sorted((dict(entity_ref(e, names), count=counts.get(e, 0)) for e in props.get(SCHEMA + "mentions", [])),
                           key=lambda e: (-e["count"], e["name"] or e["id"], e["id"])),
        "mentions": [{"id": m["m"], "start": m["start"], "end": m["end"], "entityType": local_name(m.get("entityType")),
                      "entity": entity_ref(m["entity"], names) if "entity" in m else None} for m in mentions],
        "claims": _claim_items(claims, links, names, one(SCHEMA + "text") or ""),
    }
