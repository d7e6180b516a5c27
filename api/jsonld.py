"""The JSON-LD context of the REST resources, served at /context.jsonld.

The resources are plain JSON whose keys this context maps to IRIs, so the JSON-LD and plain JSON answers
differ only by the `@context` line, and the RDF read from an answer drops none of its keys (tests/api/
test_jsonld_keys.py walks every kind of answer). Most keys name the data's own terms; what one answer says beyond
the data (`href`, `kind`, paging, the counts of a document's entities, a search's scores) maps to the vocabulary's
REST-answer terms (ontology/frus-kg.ttl). Offsets of mentions and claims sit on their selectors in the graph, so
type-scoped contexts map them to `fk:passageStart`/`fk:passageEnd`, not to the footnotes' and pages' `fk:start`.
Class and concept names (`Quotation`, `office-and-date`, `Author`) are generated from the vocabulary file, so a
term added there is a term here.
"""
from __future__ import annotations

from functools import cache

import pyoxigraph as ox

from ontology.files import vocabulary_turtle
from ontology.namespaces import BASE, FK, OA, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

__all__ = ["CONTEXT_PATH", "HYDRA", "context", "vocabulary_names"]

CONTEXT_PATH = "/context.jsonld"
HYDRA = "http://www.w3.org/ns/hydra/core#"
_PROPERTY_TYPES = {OWL + "ObjectProperty", OWL + "DatatypeProperty", OWL + "AnnotationProperty", RDF + "Property"}


@cache
def vocabulary_names() -> tuple[str, ...]:
    """Local names of the vocabulary's classes and individuals (not its properties)."""
    names = set()
    for triple in ox.parse(vocabulary_turtle(), format=ox.RdfFormat.TURTLE):
        s, p, o = triple.subject, triple.predicate, triple.object
        if p.value == RDF + "type" and isinstance(s, ox.NamedNode) and s.value.startswith(FK) \
                and o.value not in _PROPERTY_TYPES:
            names.add(s.value[len(FK):])
    return tuple(sorted(names))


def _ref(iri: str) -> dict:
    return {"@id": iri, "@type": "@id"}


def _json(iri: str) -> dict:
    return {"@id": iri, "@type": "@json"}


def _concept(iri: str) -> dict:
    return {"@id": iri, "@type": "@vocab"}


@cache
def context() -> dict:
    """The @context object (wrapped as `{"@context": …}` when served)."""
    terms: dict = {
        "@version": 1.1,
        "schema": SCHEMA, "fk": FK, "fkid": BASE, "oa": OA, "prov": PROV, "skos": SKOS, "rdfs": RDFS, "rdf": RDF,
        "xsd": XSD, "hydra": HYDRA, "dcterms": "http://purl.org/dc/terms/",
        "id": "@id", "type": "@type",
    }
    terms.update({name: f"fk:{name}" for name in vocabulary_names()})
    terms.update({name: f"schema:{name}" for name in ("Person", "Country", "Organization", "Place",
                                                     "OrganizationRole", "CreativeWork", "DefinedTerm")})
    terms.update({
        "Collection": "hydra:Collection",
        "Mention": {"@id": "fk:Mention", "@context": {"start": "fk:passageStart", "end": "fk:passageEnd",
                                                      "exact": "fk:passageText"}},
        "Claim": {"@id": "fk:Claim", "@context": {"start": "fk:passageStart", "end": "fk:passageEnd"}},
        "Candidate": {"@id": "fk:Candidate", "@context": {"entity": "fk:candidateEntity"}},
        # collections
        "items": {"@id": "hydra:member", "@container": "@set"},
        "total": {"@id": "hydra:totalItems", "@type": "xsd:integer"},
        "next": _ref("hydra:next"), "limit": "hydra:limit", "totalIsLowerBound": "fk:totalIsLowerBound",
        # what an answer says beyond the data: its pages here, kinds, paging of an entity's lists
        "href": "fk:href", "kind": "fk:kind",
        "documentsTotal": "fk:documentCount", "claimsByTotal": "fk:claimsByCount",
        "claimsAboutTotal": "fk:claimsAboutCount", "documentsNext": _ref("fk:documentsNext"),
        "claimsByNext": _ref("fk:claimsByNext"), "claimsAboutNext": _ref("fk:claimsAboutNext"),
        "documentCount": "fk:documentCount", "claimsByCount": "fk:claimsByCount",
        "claimsAboutCount": "fk:claimsAboutCount", "firstDate": "fk:firstDate", "lastDate": "fk:lastDate",
        "incompleteIngest": _json("fk:volumeIncompleteIngest"),
        "authorNames": {"@id": "fk:authorName", "@container": "@list"},
        "recipientNames": {"@id": "fk:recipientName", "@container": "@list"},
        # labels and authority data
        "name": "schema:name", "title": "schema:name", "label": "rdfs:label",
        "alternateNames": {"@id": "schema:alternateName", "@container": "@set"},
        "description": "schema:description", "birthDate": "schema:birthDate", "deathDate": "schema:deathDate",
        "sortName": "fk:sortName",
        "validSince": "fk:validSince", "validUntil": "fk:validUntil", "territoryType": "fk:territoryType",
        "replaces": _ref("dcterms:replaces"), "isReplacedBy": _ref("dcterms:isReplacedBy"),
        "exactMatch": {"@id": "skos:exactMatch", "@container": "@set"}, "authority": "fk:authority",
        "foldedInto": _ref("skos:exactMatch"), "duplicates": {"@id": "skos:exactMatch", "@container": "@set"},
        "coMentioned": {"@id": "fk:coMention", "@container": "@set", "@context": {
            "entity": _ref("fk:coMentioned"), "count": "fk:coMentionCount"}},
        "coMentionedTotal": "fk:coMentionTotal", "coMentionedSummed": "fk:coMentionsSummed", "coMentionedNext": _ref("fk:coMentionsNext"),
        "CoMention": {"@id": "fk:CoMention", "@context": {"entity": _ref("fk:coMentioned"), "count": "fk:coMentionCount"}},
        "offices": {"@id": "schema:memberOf", "@container": "@set"},
        "organization": _ref("schema:memberOf"),
        "roleName": "schema:roleName", "startDate": "schema:startDate", "endDate": "schema:endDate",
        "office": _ref("fk:office"),
        # documents
        "volume": "schema:isPartOf", "volumeId": "fk:volumeId", "documentId": "fk:documentId",
        "number": "schema:position", "date": "schema:dateCreated", "dateMax": "fk:dateMax",
        "dateBasis": "fk:dateBasis", "temporalCoverage": "schema:temporalCoverage", "genre": "schema:genre", "subject": "fk:subject",
        "subjects": {"@id": "dcterms:subject", "@container": "@set"}, "lcsh": "fk:lcsh",
        "classification": "fk:classification", "archive": "fk:archive", "fileNumber": "fk:fileNumber",
        "printedFrom": "fk:printedFrom", "pageStart": "schema:pageStart", "pageEnd": "schema:pageEnd",
        "url": _ref("schema:url"), "place": "schema:locationCreated", "text": "schema:text",
        "authors": {"@id": "fk:hasDocumentRole", "@container": "@set"},
        "recipients": {"@id": "fk:hasDocumentRole", "@container": "@set"},
        "roleKind": _concept("fk:roleKind"), "person": "fk:roleHolder",
        "sourceNote": "fk:sourceNote", "footnotes": {"@id": "fk:footnote", "@container": "@set"},
        "noteNumber": "fk:noteNumber", "start": "fk:start", "end": "fk:end", "anchor": "fk:anchor",
        "pages": {"@id": "fk:hasPage", "@container": "@set"}, "page": "fk:page",
        "entities": {"@id": "schema:mentions", "@container": "@set", "@context": {"count": "fk:mentionsInDocument"}},
        "mentions": "@included",
        "documents": {"@reverse": "schema:mentions", "@container": "@set"},
        # mentions and claims
        "entity": "oa:hasBody", "entityType": _concept("fk:entityType"),
        "candidates": {"@id": "fk:candidate", "@container": "@set"}, "score": "fk:score",
        "method": _concept("fk:method"), "confidence": "fk:confidence", "explanation": "fk:explanation",
        "claims": {"@reverse": "prov:wasDerivedFrom", "@container": "@set"},
        "claimsBy": {"@reverse": "prov:wasAttributedTo", "@container": "@set"},
        "claimsAbout": {"@reverse": "schema:about", "@container": "@set"},
        "claimType": _concept("fk:claimType"), "cue": "fk:cue",
        "claimants": {"@id": "prov:wasAttributedTo", "@container": "@set"},
        "about": {"@id": "schema:about", "@container": "@set"},
        "document": _ref("prov:wasDerivedFrom"),
        # search
        "query": "fk:query", "totals": _json("fk:totals"), "relevance": "fk:relevance", "snippet": "fk:snippet",
        "snippetHtml": {"@id": "fk:snippetHtml", "@type": "rdf:HTML"}, "highlights": _json("fk:highlights"),
        "matches": _json("fk:matches"), "passage": _json("fk:passage"),
    })
    return terms
