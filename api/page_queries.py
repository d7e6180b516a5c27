"""What the pages show beyond the REST resources: a timeline's counts, an entity's spans in its claims' passages,
the texts around passages that hold an asterisk, a volume's persons and terms, and the SPARQL of each list (shown,
opened in the editor, downloaded).
"""
from __future__ import annotations

from typing import Iterable
from urllib.parse import quote

from graph import Store, sparql_terms as st
from graph.statistics import has_statistics
from ontology.namespaces import sparql_prologue

from .resources.counts import entity_years
from .resources.rows import select

__all__ = ["documents_per_year", "party_count", "entity_spans", "passage_documents", "volume_lists", "claims_sparql", "documents_sparql",
           "download_links"]

_PROLOGUE = sparql_prologue("schema", "fk", "oa", "prov", "rdfs")


def documents_per_year(store: Store, iri: str) -> dict[int, int]:
    """Dated documents mentioning the entity, per year: the entity summaries' years (a few dozen rows), else
    summed from the statistics layer's month counts (at most one row per volume and month), or counted from
    the documents on a store without them (no statistics, or statistics written before the month counts
    existed: `frus-kg index --rebuild` adds them)."""
    summed = entity_years(store, iri)
    found = {int(year): n["documentCount"] for year, n in summed or [] if year.isdigit() and n["documentCount"]}
    if found:
        return found
    if has_statistics(store):
        found = _years(store, _PROLOGUE + f"""SELECT ?year (SUM(?c) AS ?n) WHERE {{
  ?h fk:entity {st.iri(iri)} ; fk:month ?month ; fk:documentCount ?c . BIND (SUBSTR(STR(?month), 1, 4) AS ?year)
}} GROUP BY ?year""")
        if found:
            return found
    return _years(store, _PROLOGUE + f"""SELECT ?year (COUNT(?doc) AS ?n) WHERE {{
  ?doc schema:mentions {st.iri(iri)} ; schema:dateCreated ?date . BIND (SUBSTR(STR(?date), 1, 4) AS ?year)
}} GROUP BY ?year""")


def _years(store: Store, query: str) -> dict[int, int]:
    return {int(row["year"]): int(row["n"]) for row in select(store, query) if str(row.get("year", "")).isdigit()}


def party_count(store: Store, iri: str, role: str) -> int:
    """Documents the entity wrote (`author`) or received (`recipient`): one index scan, no sort."""
    query = _PROLOGUE + f"SELECT (COUNT(?doc) AS ?n) WHERE {{ ?doc schema:{role} {st.iri(iri)} }}"
    return next((int(row["n"]) for row in select(store, query)), 0)


def entity_spans(store: Store, iri: str, documents: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Where each document mentions the entity (offsets), read inside the documents' own graphs."""
    if not documents:
        return {}
    query = _PROLOGUE + f"""SELECT ?doc ?start ?end WHERE {{
  {st.values("doc", map(st.iri, sorted(set(documents))))}
  GRAPH ?doc {{ ?m oa:hasBody {st.iri(iri)} ; oa:hasTarget/oa:hasSelector ?s . ?s oa:start ?start ; oa:end ?end }}
}}"""
    spans: dict[str, list[tuple[int, int]]] = {}
    for row in select(store, query):
        spans.setdefault(row["doc"], []).append((int(row["start"]), int(row["end"])))
    return spans


def passage_documents(store: Store, passages: Iterable[tuple[str | None, str]]) -> dict[str, str]:
    """The texts of the documents of those passages (document IRI, passage text) that hold an asterisk, read inside
    the documents' own graphs: `passage_html` finds there the `*…*` pairs a passage's edge cuts. A passage without
    an asterisk needs no text, so a page of TEI passages reads none."""
    wanted = sorted({doc for doc, text in passages if doc and "*" in (text or "")})
    if not wanted:
        return {}
    query = _PROLOGUE + f"""SELECT ?doc ?text WHERE {{
  {st.values("doc", map(st.iri, wanted))}
  GRAPH ?doc {{ ?doc schema:text ?text }}
}}"""
    return {row["doc"]: row["text"] for row in select(store, query)}


def volume_lists(store: Store, volume: str) -> dict[str, list[dict]]:
    """The volume's persons list and terms list (from the volume graph), alphabetically; a person's `same` is the
    authority record the entry is linked to, whose page gathers the person's documents, claims and network."""
    term = st.iri(volume)
    persons = _PROLOGUE + f"""SELECT ?e ?label ?description (SAMPLE(?match) AS ?same) WHERE {{ GRAPH {term} {{
  ?e a schema:Person ; rdfs:label ?label . OPTIONAL {{ ?e schema:description ?description }}
  OPTIONAL {{ ?e <http://www.w3.org/2004/02/skos/core#exactMatch> ?match }} }} }}
GROUP BY ?e ?label ?description ORDER BY LCASE(?label)"""
    terms = _PROLOGUE + f"""SELECT ?e ?label ?description WHERE {{ GRAPH {term} {{
  ?e schema:inDefinedTermSet {term} . OPTIONAL {{ ?e schema:name ?label }} OPTIONAL {{ ?e schema:description ?description }}
}} }} ORDER BY LCASE(?label)"""
    return {"persons": list(select(store, persons)), "terms": list(select(store, terms))}


def claims_sparql(patterns: str) -> str:
    """A runnable SELECT of the claims a ClaimFilter's patterns match, with what the pages show of each, in the
    pages' order: by date, then document number, then place in the text (`?start`; the claim's IRI sorts claims/10
    before claims/2, and the document's d10 before d2)."""
    return _PROLOGUE + f"""SELECT ?claim ?type ?date ?page ?text ?doc ?start WHERE {{
  {patterns}
  ?claim fk:claimType ?type ; schema:text ?text .
  OPTIONAL {{ ?claim schema:dateCreated ?date }} OPTIONAL {{ ?claim fk:page ?page }}
  OPTIONAL {{ ?doc schema:position ?number }} OPTIONAL {{ ?claim oa:hasTarget/oa:hasSelector/oa:start ?start }}
}} ORDER BY ?date ?number ?doc ?start ?claim"""


def documents_sparql(patterns: str) -> str:
    """A runnable SELECT of the documents a DocumentFilter's patterns match, in /documents's order: by date (undated
    last), then document number (the IRI alone sorts d10 before d2)."""
    return _PROLOGUE + f"""SELECT ?doc ?date ?title WHERE {{
  {patterns}
  OPTIONAL {{ ?doc schema:dateCreated ?date }} OPTIONAL {{ ?doc schema:name ?title }}
  OPTIONAL {{ ?doc schema:position ?number }}
}} ORDER BY (!BOUND(?date)) STR(?date) ?number ?doc"""


def download_links(query: str) -> dict[str, str]:
    """The query's answers as CSV and as SPARQL JSON, from the endpoint."""
    encoded = quote(query, safe="")
    return {"csv": f"/sparql?format=csv&query={encoded}", "json": f"/sparql?format=json&query={encoded}"}
