"""Linksets out: our links to each external dataset described in VoID (counted by SPARQL), and CSV crosswalks.

A linkset is the set of links from frus-kg to one other dataset by one predicate (void:Linkset with
void:linkPredicate and void:triples). Counting reads whatever graphs hold the links, so a linkset
imported with `frus-kg link import` is counted with ours.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import pyoxigraph as ox

from ontology import iris
from ontology.namespaces import BASE, FK, HSG, RDF, SCHEMA, SKOS, WD, XSD, sparql_prologue

from .store import Store

__all__ = ["Target", "TARGETS", "VOID", "DCT", "void_quads", "linkset_counts", "crosswalk_rows", "crosswalk_csv",
           "CROSSWALK_KINDS", "DATASET_IRI"]

VOID = "http://rdfs.org/ns/void#"
DCT = "http://purl.org/dc/terms/"
DATASET_IRI = BASE + "void"
_LINK_PREDICATES = (SKOS + "exactMatch", SKOS + "closeMatch", SKOS + "relatedMatch", SCHEMA + "url", DCT + "subject")


@dataclass(frozen=True)
class Target:
    key: str
    title: str
    dataset: str            # the other dataset's IRI (its home page when it has no better one)
    uri_space: str          # links are the objects in this namespace

    @property
    def linkset_iri(self) -> str:
        return f"{BASE}linksets/{self.key}"


TARGETS = {t.key: t for t in (
    Target("history-state-gov", "Office of the Historian: FRUS documents on history.state.gov", HSG,
           HSG + "historicaldocuments/"),
    Target("pocom", "Principal Officers and Chiefs of Mission (Office of the Historian)",
           HSG + "departmenthistory/people/", HSG + "departmenthistory/people/"),
    Target("viaf", "VIAF: Virtual International Authority File", "http://viaf.org/", "http://viaf.org/viaf/"),
    Target("wikidata", "Wikidata", "http://www.wikidata.org/", WD),
    Target("lcsh", "Library of Congress Subject Headings", "http://id.loc.gov/authorities/subjects",
           "http://id.loc.gov/authorities/subjects/"),
)}


def linkset_counts(store: Store, target: Target) -> dict[str, int]:
    """Distinct links from our resources into the target's namespace, by predicate."""
    preds = " ".join(f"<{p}>" for p in _LINK_PREDICATES)
    q = f"""SELECT ?p (COUNT(*) AS ?n) WHERE {{
      {{ SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {preds} }} ?s ?p ?o .
         FILTER (isIRI(?o) && STRSTARTS(STR(?o), "{target.uri_space}") && STRSTARTS(STR(?s), "{BASE}")) }} }}
    }} GROUP BY ?p"""
    return {p.value: int(n.value) for p, n in store.query(q).rows()}


def void_quads(store: Store, targets: list[Target]) -> list[ox.Triple]:
    """The VoID description of our dataset and one void:Linkset per target and predicate."""
    n = ox.NamedNode
    out = [ox.Triple(n(DATASET_IRI), n(RDF + "type"), n(VOID + "Dataset")),
           ox.Triple(n(DATASET_IRI), n(DCT + "title"), ox.Literal("frus-kg: Foreign Relations of the United States")),
           ox.Triple(n(DATASET_IRI), n(VOID + "uriSpace"), ox.Literal(BASE))]
    for t in targets:
        out += [ox.Triple(n(t.dataset), n(RDF + "type"), n(VOID + "Dataset")),
                ox.Triple(n(t.dataset), n(DCT + "title"), ox.Literal(t.title)),
                ox.Triple(n(t.dataset), n(VOID + "uriSpace"), ox.Literal(t.uri_space))]
        for pred, count in sorted(linkset_counts(store, t).items()):
            ls = n(f"{t.linkset_iri}/{pred.rsplit('/', 1)[-1].rsplit('#', 1)[-1]}")
            out += [ox.Triple(ls, n(RDF + "type"), n(VOID + "Linkset")),
                    ox.Triple(n(DATASET_IRI), n(VOID + "subset"), ls),
                    ox.Triple(ls, n(VOID + "subjectsTarget"), n(DATASET_IRI)),
                    ox.Triple(ls, n(VOID + "objectsTarget"), n(t.dataset)),
                    ox.Triple(ls, n(VOID + "linkPredicate"), n(pred)),
                    ox.Triple(ls, n(VOID + "triples"), ox.Literal(str(count), datatype=n(XSD + "integer")))]
    return out


CROSSWALK_KINDS = {
    "person": (SCHEMA + "Person", iris.authority_graph_iri("people"), FK + "hsgPeopleId"),
    "country": (SCHEMA + "Country", iris.authority_graph_iri("countries"), FK + "gshId"),
    "organization": (SCHEMA + "Organization", iris.authority_graph_iri("organizations"), FK + "organizationKey"),
}
CROSSWALK_COLUMNS = ("iri", "label", "hsg_id", "pocom_id", "viaf", "wikidata", "birth", "death", "valid_since",
                     "valid_until")


def crosswalk_rows(store: Store, kind: str) -> list[dict[str, str]]:
    """One row per authority record of a kind (folded duplicates left out): our IRI, label and external ids, and a
    person's years of life or a country's years as named (what tells the three records named "Egypt" apart)."""
    cls, graph, id_pred = CROSSWALK_KINDS[kind]
    q = sparql_prologue("schema", "skos", "fk", "rdfs") + f"""
    SELECT ?e ?label ?id ?b ?d ?since ?until (GROUP_CONCAT(DISTINCT STR(?m); separator=" ") AS ?links) WHERE {{
      GRAPH <{graph}> {{ ?e a <{cls}> ; rdfs:label ?label .
        OPTIONAL {{ ?e <{id_pred}> ?id }} OPTIONAL {{ ?e schema:birthDate ?b }} OPTIONAL {{ ?e schema:deathDate ?d }}
        OPTIONAL {{ ?e fk:validSince ?since }} OPTIONAL {{ ?e fk:validUntil ?until }}
        FILTER NOT EXISTS {{ ?e fk:explanation ?folded }} }}
      OPTIONAL {{ ?e skos:exactMatch ?m }}
    }} GROUP BY ?e ?label ?id ?b ?d ?since ?until ORDER BY ?e"""
    rows = []
    pocom = iris.pocom_url("")
    for e, label, ident, born, died, since, until, links in store.query(q).rows():
        found = (links.value if links else "").split()
        rows.append({
            "iri": e.value, "label": label.value, "hsg_id": ident.value if ident else "",
            "pocom_id": " ".join(sorted(m[len(pocom):] for m in found if m.startswith(pocom))),
            "viaf": " ".join(sorted(m.rsplit("/", 1)[1] for m in found if m.startswith("http://viaf.org/viaf/"))),
            "wikidata": " ".join(sorted(m[len(WD):] for m in found if m.startswith(WD))),
            "birth": born.value[:4] if born else "", "death": died.value[:4] if died else "",
            "valid_since": since.value if since else "", "valid_until": until.value if until else "",
        })
    return rows


def crosswalk_csv(store: Store, kind: str) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CROSSWALK_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(crosswalk_rows(store, kind))
    return out.getvalue()

