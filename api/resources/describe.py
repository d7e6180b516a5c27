"""The triples that describe one IRI we mint, and how to write them as Turtle, N-Triples, JSON-LD, RDF/XML or HTML.

A resource's description is: its own triples wherever they are (less ingest bookkeeping); for a
document or volume, its whole named graph; for a node inside one (a claim, a mention), the nodes
minted under its path that it links to, two hops deep (target, selectors, attributions, candidates);
the tenures of a person's offices; for a key of the claims and statistics indexes (`…/years/1981`, a month
or a type-month key), the nodes that point to it (up to 1,000); and for an authority graph's name, its size as a `void:Dataset`.
"""
from __future__ import annotations

import html
from urllib.parse import quote

import pyoxigraph as ox
from markupsafe import Markup

from graph import Store, sparql_terms as st
from graph.formats import used_prefixes
from ontology.namespaces import BASE, FK, PREFIXES, RDF, RDFS, SCHEMA, SERIALIZATION_PREFIXES, sparql_prologue

from .links import href

__all__ = ["RDF_TYPES", "FORMAT_NAMES", "resource_triples", "serialize", "page_context", "home_graph"]

RDF_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
FORMAT_NAMES = {"ttl": "text/turtle", "turtle": "text/turtle", "n3": "text/n3", "jsonld": "application/ld+json",
                "nt": "application/n-triples", "ntriples": "application/n-triples",
                "rdfxml": "application/rdf+xml", "html": "text/html"}
MAX_INDEX_CLAIMS = 1000
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = RDF + "type"
_EXACT_MATCH = "http://www.w3.org/2004/02/skos/core#exactMatch"
_ENTITY_CLASSES = frozenset({SCHEMA + "Person", SCHEMA + "Country", SCHEMA + "Organization", SCHEMA + "Place",
                             SCHEMA + "DefinedTerm", FK + "Region", FK + "UnlinkedName"})
_BOOKKEEPING = ("sourceDigest", "ingestVolume", "ingestStatus")


def home_graph(iri: str) -> str | None:
    """The document or volume graph whose nodes sit under this IRI's path, if any."""
    if not iri.startswith(BASE):
        return None
    parts = iri[len(BASE):].split("/")
    if parts[0] != "historicaldocuments" or len(parts) < 2:
        return None
    if len(parts) >= 3 and parts[2] not in ("persons", "terms"):
        return BASE + "/".join(parts[:3])
    return BASE + "/".join(parts[:2])


_INDEX_KEYS = (BASE + "graph/stats/keys/", BASE + "graph/claim-months/")


def is_index_key(iri: str) -> bool:
    """A key of the claims and statistics indexes (`…/years/1981`, `…/graph/stats/keys/by/people/100330/1958-04`,
    `…/graph/claim-months/<volume>/types/Report/1973-11`): nothing is said of it, claims and counts point to it."""
    return "/years/" in iri or iri.startswith(_INDEX_KEYS)


def resource_triples(store: Store, iri: str) -> list[ox.Triple]:
    """The description of `iri` (empty when the store says nothing about it). ValueError for a bad IRI."""
    term = st.iri(iri)
    skip = ", ".join(f"fk:{name}" for name in _BOOKKEEPING)
    branches = [f"{{ {term} ?p ?o . BIND ({term} AS ?s) FILTER (?p NOT IN ({skip})) }}",
                f"{{ {term} schema:memberOf ?s . ?s a schema:OrganizationRole ; ?p ?o }}"]
    graph = home_graph(iri)
    if graph == iri:
        branches.append(f"{{ GRAPH {term} {{ ?s ?p ?o }} }}")
    elif graph:     # the nodes minted under its path, followed from it (two hops: claim → target → selector)
        under = f"FILTER (STRSTARTS(STR(?s), {st.literal(iri + '/')}))"
        branches.append(f"{{ GRAPH {st.iri(graph)} {{ {term} ?link ?s . {under} ?s ?p ?o }} }}")
        branches.append(f"{{ GRAPH {st.iri(graph)} {{ {term} ?link ?x . ?x ?link2 ?s . {under} ?s ?p ?o }} }}")
    if is_index_key(iri):
        branches.append(f"{{ SELECT ?s ?p ?o WHERE {{ ?s ?p {term} . BIND ({term} AS ?o) }} LIMIT {MAX_INDEX_CLAIMS} }}")
    if iri.startswith(BASE + "graph/"):     # an authority graph's name: what it is and how large
        branches.append(f"{{ {{ SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {term} {{ ?a ?b ?c }} }} }} "
                        f"FILTER (?n > 0) BIND ({term} AS ?g) }}")
    query = sparql_prologue("fk", "schema") + f"""PREFIX void: <{VOID}>
CONSTRUCT {{ ?s ?p ?o . ?g a void:Dataset ; void:triples ?n }} WHERE {{ {' UNION '.join(branches)} }}"""
    return [ox.Triple(s, p, o) for s, p, o in store.query(query).rows()]


def serialize(triples: list[ox.Triple], media: str) -> bytes:
    prefixes = used_prefixes(triples, SERIALIZATION_PREFIXES) if media == "text/turtle" else None
    return ox.serialize(triples, format=RDF_TYPES[media], prefixes=prefixes)


def _compact(iri: str) -> str:
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(namespace) and prefix != "fkid":
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _cell(term) -> Markup:
    if isinstance(term, ox.NamedNode):
        local = href(term.value)
        target = local if local else term.value
        return Markup(f'<a href="{html.escape(target)}">{html.escape(_compact(term.value))}</a>')
    return Markup(html.escape(term.value))


def _part_name(subject, iri: str) -> Markup:
    """A node minted under the resource by its own path (`position` for …/claims/9/position), else compacted."""
    if isinstance(subject, ox.NamedNode) and subject.value.startswith(iri + "/"):
        return Markup(f'<a href="{html.escape(href(subject.value) or subject.value)}">'
                      f'{html.escape(subject.value[len(iri) + 1:])}</a>')
    return _cell(subject)


def _within(iri: str) -> tuple[str, str] | None:
    """(words, page) of the document or volume whose path a node is minted under (a mention, a page, a person of
    one document, a persons-list entry): the way back to the passage, where the page was a dead end."""
    parts = iri[len(BASE):].split("/") if iri.startswith(BASE) else []
    if len(parts) < 4 or parts[0] != "historicaldocuments":
        return None
    if parts[2] in ("persons", "terms"):
        return f"the volume {parts[1]}", f"/volumes/{parts[1]}"
    return f"document {parts[2].removeprefix('d')} of {parts[1]}", f"/documents/{parts[1]}/{parts[2]}"


def page_context(iri: str, triples: list[ox.Triple]) -> dict:
    """What templates/resource.html shows of an IRI with no page of its own: its statements (predicate, object),
    then each node it links to (target, selectors, the vocabulary's terms) under its own heading, so no column
    is left empty for the resource's own rows."""
    title = next((t.object.value for t in triples if t.subject.value == iri
                  and t.predicate.value in (RDFS + "label", SCHEMA + "name")), iri)
    groups: dict[str, tuple] = {}
    for t in sorted(triples, key=lambda t: (t.subject.value != iri, t.subject.value, t.predicate.value)):
        groups.setdefault(t.subject.value, (t.subject, []))[1].append((_cell(t.predicate), _cell(t.object)))
    own = groups.pop(iri, (None, []))[1]
    rest = href(iri)
    kinds = {t.object.value for t in triples if t.subject.value == iri and t.predicate.value == RDF_TYPE}
    same = [(t.object.value, href(t.object.value)) for t in triples if t.subject.value == iri
            and t.predicate.value == _EXACT_MATCH and isinstance(t.object, ox.NamedNode)]
    same = [(other, page) for other, page in same if page and not page.startswith("/id/")]
    claims = None
    if kinds & _ENTITY_CLASSES:     # a document-local person, place, body or unlinked name: its claims, as for entities
        claims = {"ref": quote(same[0][0] if same else iri, safe=""), "by": FK + "UnlinkedName" not in kinds}
    return {"title": title, "iri": iri, "own": own, "within": _within(iri),
            "parts": [(_part_name(subject, iri), rows) for subject, rows in groups.values()],
            "api": rest if rest and not rest.startswith("/id/") else None,
            "same": [page for _, page in same],       # a persons-list entry linked to its record: the record's page
            "claims": claims}
