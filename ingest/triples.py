"""Records -> RDF: one named graph per document, one per volume.

The graph of a document holds the document, its pages, notes, roles, mentions (oa:Annotation) and
claims, plus a label and type for every entity it points to, so that it validates on its own.
No blank nodes: every node has a path IRI under the document, which makes re-ingest idempotent
and every passage dereferenceable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

import pyoxigraph as ox

from ontology import iris
from ontology.namespaces import FK, OA, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

from .entities.identity import link_persons_list, link_terms_list
from .entities.posts import heading_posts, is_minted_post, post_description
from .incomplete import IncompleteIngest, incomplete_ingest_iri
from .records import Claim, DocumentRecord, Mention, Party, VolumeRecord

__all__ = ["document_quads", "volume_quads", "document_graph", "volume_graph", "incomplete_ingest_graph", "GraphData", "Term", "party_person_iri", "party_mention", "KIND_CLASS", "CLAIM_TYPES", "term_for_page", "literal"]

KIND_CLASS = {
    "person": SCHEMA + "Person",
    "country": SCHEMA + "Country",
    "organization": SCHEMA + "Organization",
    "place": SCHEMA + "Place",
    "region": FK + "Region",
    "term": SCHEMA + "DefinedTerm",
    "name": FK + "UnlinkedName",
}
CLAIM_TYPES = {
    "assessment": FK + "Assessment",
    "recommendation": FK + "Recommendation",
    "decision": FK + "Decision",
    "report": FK + "Report",
    "quotation": FK + "Quotation",
}

_N = ox.NamedNode
_XSD_INTEGER = f"<{XSD}integer>"
_XSD_DECIMAL = f"<{XSD}decimal>"
_XSD_BOOLEAN = f"<{XSD}boolean>"
_XSD_DATE = f"<{XSD}date>"
_XSD_DATETIME = f"<{XSD}dateTime>"
# N-Triples escapes: the four the grammar requires, and every character str.splitlines() breaks lines at
# (so that line-based readers of our N-Quads never split a literal)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r",
            **{c: f"\\u{ord(c):04X}" for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}}
_NEEDS_ESCAPE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_YEAR = re.compile(r"[0-9]{4}(?:-|$)")


class Term(str):
    """An RDF term written as N-Triples ("<iri>", '"lexical"^^<datatype>'): what the graph builder stores."""


def _lit(lexical: str, datatype: str | None = None) -> Term:
    if _NEEDS_ESCAPE.search(lexical):
        lexical = _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], lexical)
    return Term(f'"{lexical}"^^{datatype}' if datatype else f'"{lexical}"')


_IRIS: dict[str, Term] = {}


def _iri(value: str) -> Term:
    """'<value>', checked once per distinct IRI (the store's own parser trusts what we write)."""
    term = _IRIS.get(value)
    if term is None:
        if _BAD_IRI.search(value) or not _SCHEME.match(value):
            raise ValueError(f"not an IRI: {value!r}")
        term = Term(f"<{value}>")
        if len(_IRIS) > 50_000:
            _IRIS.clear()                 # most IRIs are a document's own: keep the cache for the recurring ones
        _IRIS[value] = term
    return term


def literal(value: object) -> Term:
    if isinstance(value, bool):
        return _lit("true" if value else "false", _XSD_BOOLEAN)
    if isinstance(value, int):
        return _lit(str(value), _XSD_INTEGER)
    if isinstance(value, float):
        return _lit(f"{value:.3f}".rstrip("0").rstrip(".") or "0", _XSD_DECIMAL)
    return _lit(str(value))


def _offset(value: int) -> Term:
    return Term(f'"{value}"^^{_XSD_INTEGER}')


def _date(value: str) -> Term:
    return _lit(value, _XSD_DATETIME if "T" in value else _XSD_DATE)


def term_for_page(page: str) -> Term:
    return literal(int(page)) if page.isdigit() else literal(page)


_TYPE = _iri(RDF + "type")


class _Graph:
    """Collects one named graph as N-Triples term strings: cheap to build, to write as N-Quads and to
    validate (ontology.fast_shacl reads the same strings), with no per-quad Python objects from pyoxigraph."""

    def __init__(self, graph: str):
        self.graph = graph
        self.g = _iri(graph)
        self.local_prefix = graph + "/"
        self.triples: list[tuple[str, str, str]] = []

    def add(self, s: str, p: str, o: str) -> None:
        """o: an IRI (str) or a Term made by `literal` and friends."""
        self.triples.append((_iri(s), _iri(p), o if type(o) is Term else _iri(o)))

    def lit(self, s: str, p: str, value: object) -> None:
        if value is not None and value != "":
            self.add(s, p, literal(value))

    def typed(self, s: str, *classes: str) -> None:
        subject = _iri(s)
        for c in classes:
            self.triples.append((subject, _TYPE, _iri(c)))

    def unique(self) -> list[tuple[str, str, str]]:
        return list(dict.fromkeys(self.triples))


@dataclass
class GraphData:
    """A named graph ready for the store and the SHACL gate: N-Quads bytes and the same triples as term strings."""
    graph: str
    nquads: bytes
    triples: list[tuple[str, str, str]]

    def quads(self) -> list[ox.Quad]:
        return list(ox.parse(self.nquads, format=ox.RdfFormat.N_QUADS))


def _data(g: _Graph) -> GraphData:
    triples = g.unique()
    suffix = f" {g.g} .\n"
    nquads = "".join(f"{s} {p} {o}{suffix}" for s, p, o in triples).encode("utf-8")
    return GraphData(g.graph, nquads, triples)


def volume_quads(volume: VolumeRecord) -> list[ox.Quad]:
    return volume_graph(volume).quads()


def volume_graph(volume: VolumeRecord) -> GraphData:
    """The volume's graph; its persons-list entries link to the authority records that cite them, its terms-list
    entries to the one country, institution or region they name."""
    link_persons_list(volume)
    link_terms_list(volume)
    v = iris.volume_iri(volume.id)
    g = _Graph(iris.graph_iri(v))
    g.typed(v, FK + "Volume", SCHEMA + "PublicationVolume", SCHEMA + "CreativeWork")
    g.lit(v, SCHEMA + "name", volume.title)
    g.lit(v, RDFS + "label", volume.title)
    g.lit(v, FK + "volumeId", volume.id)
    g.add(v, SCHEMA + "url", f"https://history.state.gov/historicaldocuments/{volume.id}")
    g.lit(v, SCHEMA + "volumeNumber", volume.volume_number)
    g.lit(v, SCHEMA + "alternativeHeadline", volume.volume_title)
    g.lit(v, FK + "subseries", volume.subseries)
    if volume.published:
        g.add(v, SCHEMA + "datePublished", _date(volume.published) if len(volume.published) >= 10 else literal(volume.published))
    for editor in volume.editors:
        g.lit(v, SCHEMA + "editor", editor)
    for entry in volume.persons + volume.terms:
        base = iris.volume_person_iri if entry.kind == "person" else iris.term_iri
        e = base(volume.id, entry.xml_id)
        if entry.kind == "person":
            g.typed(e, SCHEMA + "Person")
        else:
            g.typed(e, SCHEMA + "DefinedTerm")
            g.add(e, SCHEMA + "inDefinedTermSet", v)
        g.lit(e, RDFS + "label", entry.name)
        g.lit(e, SCHEMA + "name", entry.name)
        g.lit(e, SCHEMA + "description", entry.description)
        g.lit(e, FK + "xmlId", entry.xml_id)
        g.add(e, SCHEMA + "url", f"https://history.state.gov/historicaldocuments/{volume.id}/{'persons' if entry.kind == 'person' else 'terms'}#{entry.xml_id}")
        if entry.entity:
            g.add(e, SKOS + "exactMatch", entry.entity)
    return _data(g)


def incomplete_ingest_graph(volume_id: str, incomplete: IncompleteIngest) -> GraphData:
    """What the volume's graph says, beside `volume_graph`, when its last ingest did not commit all of it
    (ingest/incomplete.py)."""
    volume, node = iris.volume_iri(volume_id), incomplete_ingest_iri(volume_id)
    g = _Graph(iris.graph_iri(volume))
    g.add(volume, FK + "incompleteIngest", node)
    g.typed(node, FK + "IncompleteIngest")
    g.lit(node, FK + "sourceFile", incomplete.file)
    g.lit(node, SCHEMA + "description", incomplete.reason)
    g.lit(node, FK + "documentsRead", incomplete.documents_read)
    if incomplete.documents_failed:
        g.lit(node, FK + "documentsFailed", incomplete.documents_failed)
    g.lit(node, FK + "stoppedAtLine", incomplete.line)
    g.lit(node, FK + "stoppedAtColumn", incomplete.column)
    return _data(g)


def _target(g: _Graph, node: str, doc: str, text: str, start: int, end: int, source: str) -> None:
    if not (0 <= start <= end <= len(text)):
        raise ValueError(f"{source}: offsets {start}..{end} outside the text of {doc} (length {len(text)})")
    target, quote, position = f"{node}/target", f"{node}/quote", f"{node}/position"
    g.add(node, OA + "hasTarget", target)
    g.typed(target, OA + "SpecificResource")
    g.add(target, OA + "hasSource", doc)
    g.add(target, OA + "hasSelector", quote)
    g.add(target, OA + "hasSelector", position)
    g.typed(quote, OA + "TextQuoteSelector")
    g.add(quote, OA + "exact", _lit(text[start:end]))
    g.typed(position, OA + "TextPositionSelector")
    g.add(position, OA + "start", _offset(start))
    g.add(position, OA + "end", _offset(end))


def _entity(g: _Graph, seen: set[str], iri: str, kind: str, label: str | None, links: Iterable[str] = ()) -> None:
    """Describe an entity only in its home graph: here only when it is local to this document.

    Entities from the authority data, the volume's lists or the gazetteer are described once, in their own
    graphs. Oxigraph's union default graph is a bag, so a label repeated in every document graph would
    repeat every row that joins through it.
    """
    if iri in seen or not iri.startswith(g.local_prefix):
        return
    seen.add(iri)
    g.typed(iri, KIND_CLASS[kind])
    name = label or iri.rsplit("/", 1)[-1]
    g.lit(iri, RDFS + "label", name)
    g.lit(iri, SCHEMA + "name", name)
    for link in links:
        g.add(iri, SKOS + "exactMatch", link)


def _post(g: _Graph, seen: set[str], iri: str, label: str) -> None:
    """A U.S. post or office named as sender or recipient and in no authority list: described where it is named,
    with its country and the Department of State it belongs to."""
    if iri in seen or not is_minted_post(iri):
        return
    seen.add(iri)
    g.typed(iri, SCHEMA + "Organization")
    g.lit(iri, RDFS + "label", label)
    g.lit(iri, SCHEMA + "name", label)
    country, parent = post_description(iri)
    if country:
        g.add(iri, SCHEMA + "location", country)
    if parent:
        g.add(iri, SCHEMA + "parentOrganization", parent)


def _mention(g: _Graph, record: DocumentRecord, doc: str, n: int, m: Mention, seen: set[str], page_of: Callable[[int], str]) -> None:
    node = f"{doc}/mentions/{n}"
    if m.kind not in KIND_CLASS:
        raise ValueError(f"{record.source}: mention {n} has unknown kind {m.kind!r}; expected one of {sorted(KIND_CLASS)}")
    g.typed(node, OA + "Annotation", FK + "Mention")
    g.add(node, OA + "motivatedBy", OA + "identifying")
    _target(g, node, doc, record.text, m.start, m.end, record.source)
    g.add(node, FK + "page", term_for_page(page_of(m.start)))
    g.add(node, FK + "method", FK + m.method)
    g.lit(node, FK + "confidence", float(m.confidence))
    g.add(node, FK + "entityType", KIND_CLASS[m.kind])
    g.lit(node, FK + "explanation", m.explanation)
    g.lit(node, SCHEMA + "roleName", m.office)
    g.lit(node, FK + "teiRef", m.tei_ref)
    if m.entity:
        g.add(node, OA + "hasBody", m.entity)
        _entity(g, seen, m.entity, m.kind, m.label, m.entity_links)
        if m.kind == "organization":
            _post(g, seen, m.entity, m.label or m.entity)
        g.add(doc, SCHEMA + "mentions", m.entity)
    for k, c in enumerate(m.candidates, start=1):
        cand = f"{node}/candidates/{k}"
        g.add(node, FK + "candidate", cand)
        g.typed(cand, FK + "Candidate")
        g.add(cand, FK + "candidateEntity", c.entity)
        g.lit(cand, FK + "score", float(c.score))
        g.lit(cand, RDFS + "label", c.label)


def _claim(g: _Graph, record: DocumentRecord, doc: str, n: int, c: Claim, page_of: Callable[[int], str],
           seen: set[str] | None = None) -> None:
    node = f"{doc}/claims/{n}"
    g.typed(node, FK + "Claim", PROV + "Entity")
    g.lit(node, SCHEMA + "text", record.text[c.start:c.end])
    if c.claim_type not in CLAIM_TYPES:
        raise ValueError(f"{record.source}: claim {n} has unknown type {c.claim_type!r}; expected one of {sorted(CLAIM_TYPES)}")
    g.add(node, FK + "claimType", CLAIM_TYPES[c.claim_type])
    for claimant in c.claimants:
        g.add(node, PROV + "wasAttributedTo", claimant)
    for about in c.about:
        g.add(node, SCHEMA + "about", about)
    g.add(node, PROV + "wasDerivedFrom", doc)
    _target(g, node, doc, record.text, c.start, c.end, record.source)
    g.add(node, FK + "page", term_for_page(page_of(c.start)))
    g.add(node, FK + "method", FK + c.method)
    g.lit(node, FK + "confidence", float(c.confidence))
    g.lit(node, FK + "explanation", c.explanation)
    g.lit(node, FK + "cue", c.cue)
    if record.date:
        g.add(node, SCHEMA + "dateCreated", _date(record.date))
        if _YEAR.match(record.date):
            for about in c.about:
                g.add(node, FK + "aboutInYear", iris.year_iri(about, record.date[:4]))
    for k, agent in enumerate(c.agents, start=1):
        # prov:qualifiedAttribution keeps the office printed with the claimant ("Representative").
        attribution = f"{node}/attributions/{k}"
        g.add(node, PROV + "qualifiedAttribution", attribution)
        g.typed(attribution, PROV + "Attribution")
        g.add(attribution, PROV + "agent", agent.iri)
        g.lit(attribution, SCHEMA + "roleName", agent.office)
        # whatever the claims layer calls it: an agent minted under this document is described here (a body of
        # `[bodies] local_bodies` read as the claimant was not), and _entity leaves every other alone
        _entity(g, seen if seen is not None else set(), agent.iri, agent.kind, agent.label)
    for local in c.about_local:
        _entity(g, seen if seen is not None else set(), local.iri, local.kind, local.label)


def party_person_iri(record: DocumentRecord, party: Party) -> str:
    """The person IRI of an author or recipient: the resolved one, else one local to a document: for a family name
    printed alone with its office, the volume's first document that prints both (one node for "(Livengood)" in 103
    telegrams), which alone describes it; for any other name, this document."""
    if party.entity:
        return party.entity
    home = record.volume.party_homes.get(party.home_key or "", record.doc_id)
    return f"{iris.document_iri(record.volume.id, home)}/persons/{iris.slug(party.name)}"


def party_mention(record: DocumentRecord, party: Party) -> Mention:
    """The heading's name of an author or recipient, as a mention (resolved through POCOM or not)."""
    resolved = party.entity is not None
    return Mention(
        start=party.start, end=party.end, kind="person",
        method="office-and-date" if party.office_iri else "header",
        confidence=0.95 if resolved else 0.6, entity=party_person_iri(record, party),
        label=party.label or party.name, office=party.office,
        explanation=party.explanation or f"named as {party.role} in the heading"
        + (f", as {party.office}" if party.office else "") + ("" if resolved else "; not linked to an authority record"),
        tei_ref=party.tei_ref,
    )


def document_quads(record: DocumentRecord) -> list[ox.Quad]:
    return document_graph(record).quads()


def document_graph(record: DocumentRecord) -> GraphData:
    """The document's named graph (see GraphData); raises ValueError on offsets outside the text or a bad IRI.
    The steps below write in a fixed order, so the same record always gives the same N-Quads bytes."""
    doc = iris.document_iri(record.volume.id, record.doc_id)
    g = _Graph(iris.graph_iri(doc))
    seen: set[str] = set()
    page_of = record.page_at
    _document_node(g, record, doc)
    _pages(g, record, doc)
    _source_note(g, record, doc)
    _footnotes(g, record, doc)
    _parties(g, record, doc, seen)
    _heading_posts(g, record, doc)
    for n, m in enumerate(_mentions_with_parties(record), start=1):
        _mention(g, record, doc, n, m, seen, page_of)
    for n, c in enumerate(record.claims, start=1):
        _claim(g, record, doc, n, c, page_of, seen)
    _subjects(g, doc, record.subjects)
    return _data(g)


def _document_node(g: _Graph, record: DocumentRecord, doc: str) -> None:
    """The document itself: types, names, its place in the volume, text, subject, dates and place."""
    vid = record.volume.id
    g.typed(doc, SCHEMA + "CreativeWork", FK + "Document",
            FK + ("EditorialNote" if record.is_editorial_note else "HistoricalDocument"))
    g.lit(doc, SCHEMA + "name", record.heading)
    g.lit(doc, RDFS + "label", record.heading)
    g.lit(doc, SCHEMA + "genre", record.genre)
    g.add(doc, SCHEMA + "position", literal(int(record.number)) if record.number.isdigit() else literal(record.number))
    g.add(doc, SCHEMA + "isPartOf", iris.volume_iri(vid))
    g.lit(doc, FK + "volumeId", vid)
    g.lit(doc, FK + "documentId", record.doc_id)
    g.add(doc, SCHEMA + "url", iris.document_url(vid, record.doc_id))
    g.lit(doc, SCHEMA + "text", record.text)
    g.lit(doc, FK + "subject", record.subject)
    if record.date:
        g.add(doc, SCHEMA + "dateCreated", _date(record.date))
    if record.date_max:
        g.add(doc, FK + "dateMax", _date(record.date_max))
    g.lit(doc, FK + "dateBasis", record.date_basis)
    if record.narrated:
        g.lit(doc, SCHEMA + "temporalCoverage", "/".join(record.narrated))
    if record.place:
        place = f"{doc}/place"
        g.add(doc, SCHEMA + "locationCreated", place)
        g.typed(place, SCHEMA + "Place")
        g.lit(place, RDFS + "label", record.place)
        g.lit(place, SCHEMA + "name", record.place)


def _pages(g: _Graph, record: DocumentRecord, doc: str) -> None:
    if record.pages:
        g.add(doc, SCHEMA + "pageStart", term_for_page(record.pages[0].number))
        g.add(doc, SCHEMA + "pageEnd", term_for_page(record.pages[-1].number))
    for p in record.pages:
        node = f"{doc}/pages/{iris.slug(p.number)}"
        g.add(doc, FK + "hasPage", node)
        g.typed(node, FK + "Page")
        g.add(node, FK + "page", term_for_page(p.number))
        g.add(node, FK + "start", _offset(p.start))
        g.add(node, FK + "end", _offset(p.end))


def _source_note(g: _Graph, record: DocumentRecord, doc: str) -> None:
    """What the source note says about provenance, on the document."""
    sn = record.source_note
    if sn:
        g.lit(doc, FK + "classification", sn.classification)
        g.lit(doc, FK + "archive", sn.archive)
        g.lit(doc, FK + "fileNumber", sn.file_number)
        g.lit(doc, FK + "printedFrom", sn.printed_from)
        g.lit(doc, FK + "draftedBy", sn.drafted_by)


def _footnotes(g: _Graph, record: DocumentRecord, doc: str) -> None:
    for note in record.footnotes:
        node = f"{doc}/notes/{iris.slug(note.number)}"
        g.add(doc, FK + "footnote", node)
        g.typed(node, FK + "Footnote", *((FK + "SourceNote",) if note.is_source else ()))
        if note.is_source:
            g.add(doc, FK + "sourceNote", node)
        g.lit(node, FK + "noteNumber", note.number)
        g.lit(node, SCHEMA + "text", record.text[note.start:note.end])
        g.add(node, FK + "start", _offset(note.start))
        g.add(node, FK + "end", _offset(note.end))
        if note.anchor is not None:
            g.add(node, FK + "anchor", _offset(note.anchor))


def _parties(g: _Graph, record: DocumentRecord, doc: str, seen: set[str]) -> None:
    """The heading's author and recipients (persons): a role each, numbered from 1, and a mention."""
    for k, party in enumerate(record.parties, start=1):
        person = party_person_iri(record, party)
        role = f"{doc}/roles/{party.role}-{k}"
        g.add(doc, SCHEMA + ("author" if party.role == "author" else "recipient"), person)
        g.add(doc, FK + "hasDocumentRole", role)
        g.typed(role, FK + "DocumentRole", SCHEMA + "Role")
        g.add(role, FK + "roleHolder", person)
        g.add(role, FK + "roleKind", FK + ("Author" if party.role == "author" else "Recipient"))
        g.lit(role, SCHEMA + "roleName", party.office)
        if party.office_iri:
            g.add(role, FK + "office", party.office_iri)
        g.lit(role, FK + "explanation", party.explanation)
        _entity(g, seen, person, "person", party.label or party.name)
        g.add(doc, SCHEMA + "mentions", person)


def _heading_posts(g: _Graph, record: DocumentRecord, doc: str) -> None:
    """Senders and recipients that are posts (an embassy, a department): roles numbered after the parties'."""
    for k, (kind, m) in enumerate(heading_posts(record), start=len(record.parties) + 1):
        role = f"{doc}/roles/{kind}-{k}"
        g.add(doc, SCHEMA + ("author" if kind == "author" else "recipient"), m.entity)
        g.add(doc, FK + "hasDocumentRole", role)
        g.typed(role, FK + "DocumentRole", SCHEMA + "Role")
        g.add(role, FK + "roleHolder", m.entity)
        g.add(role, FK + "roleKind", FK + ("Author" if kind == "author" else "Recipient"))
        g.lit(role, FK + "explanation", m.explanation)


def _mentions_with_parties(record: DocumentRecord) -> list[Mention]:
    """The record's mentions, plus a mention for each heading party whose span none covers, in text order."""
    mentions = list(record.mentions)
    taken = {(m.start, m.end) for m in mentions}
    for party in record.parties:
        if party.start is not None and (party.start, party.end) not in taken:
            mentions.append(party_mention(record, party))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


_DCT = "http://purl.org/dc/terms/"
_SMALL_WORDS = {"and", "of", "the", "in", "on", "for", "to", "a", "an"}


def _slug_label(slug: str) -> str:
    """'arms-control-and-disarmament' -> 'Arms Control and Disarmament' (the taxonomy's labels are title case)."""
    words = slug.split("-")
    return " ".join(w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _subjects(g: _Graph, doc: str, terms) -> None:
    """dcterms:subject to each heading of the FRUS subject taxonomy and to its LCSH IRI; the taxonomy as a SKOS
    scheme (heading -> subcategory -> category), described where a document uses it."""
    scheme = iris.subject_scheme_iri()
    for term in terms:
        key = iris.slug(term.subject or term.ref or term.label)
        heading = iris.subject_iri(key)
        label = _slug_label(term.subject) if term.subject else term.label
        g.add(doc, _DCT + "subject", heading)
        g.typed(heading, SKOS + "Concept", FK + "SubjectHeading")
        g.lit(heading, SKOS + "prefLabel", label)
        g.lit(heading, SKOS + "notation", term.ref)
        g.add(heading, SKOS + "inScheme", scheme)
        broader = None
        if term.category:
            broader = category = iris.subject_category_iri(term.category)
            g.typed(category, SKOS + "Concept", FK + "SubjectCategory")
            g.lit(category, SKOS + "prefLabel", _slug_label(term.category))
            g.add(category, SKOS + "topConceptOf", scheme)
            g.add(category, SKOS + "inScheme", scheme)
            if term.subcategory:
                broader = sub = iris.subject_category_iri(term.category, term.subcategory)
                g.typed(sub, SKOS + "Concept", FK + "SubjectCategory")
                g.lit(sub, SKOS + "prefLabel", _slug_label(term.subcategory))
                g.add(sub, SKOS + "broader", category)
                g.add(sub, SKOS + "inScheme", scheme)
        if broader:
            g.add(heading, SKOS + "broader", broader)
        if term.lcsh.startswith(("http://id.loc.gov/", "https://id.loc.gov/")):
            g.add(doc, _DCT + "subject", term.lcsh)
            g.add(heading, SKOS + ("exactMatch" if term.lcsh_match in ("", "exact") else "closeMatch"), term.lcsh)
            g.lit(heading, FK + "lcshMatch", term.lcsh_match)
            g.lit(term.lcsh, RDFS + "label", label)
    if terms:
        g.typed(scheme, SKOS + "ConceptScheme")
        g.lit(scheme, RDFS + "label", "FRUS subject taxonomy")
