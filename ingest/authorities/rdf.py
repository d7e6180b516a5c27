"""The authority data as RDF: one named graph per authority, with the vocabulary the documents use.

    {BASE}graph/authority/people         schema:Person (+ schema:alternateName, birth/death years, VIAF,
                                         POCOM page as skos:exactMatch; folded duplicates; how many FRUS
                                         volumes' persons lists cite the person)
    {BASE}graph/authority/positions      fk:Position (a POCOM office) and one schema:OrganizationRole per
                                         tenure: person schema:memberOf role; role schema:roleName,
                                         schema:startDate, schema:endDate, fk:office position
    {BASE}graph/authority/countries      schema:Country per hsg-gsh territory, years of validity,
                                         dcterms:replaces / dcterms:isReplacedBy, Wikidata skos:exactMatch
    {BASE}graph/authority/organizations  schema:Organization (curated institutions)
    {BASE}graph/authority/regions        fk:Region (curated regions and blocs)

Identity: skos:exactMatch to external authorities (Wikidata, VIAF, history.state.gov pages);
owl:sameAs is never used for IRIs we do not mint. A folded hsg-people duplicate keeps its IRI, is
skos:exactMatch to the canonical record and says why (fk:explanation).
"""
from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox

from ontology import iris
from ontology.namespaces import FK, RDF, RDFS, SCHEMA, SKOS, WD, XSD

from ..ledger import bytes_digest
from .derived_cache import cached_json
from .load import Authorities, authorities

__all__ = ["authority_graphs", "ensure_authority_graphs", "GRAPHS"]

GRAPHS = ("people", "positions", "countries", "organizations", "regions")
DCT = "http://purl.org/dc/terms/"
_N = ox.NamedNode
# the body a post's tenure belongs to, where it is not the Department of State (POCOM's posts: principal officers,
# chiefs of mission, missions); the hand tables' offices had been made State's too (U Thant, Vice President Agnew)
_BODY_OF_POST = {"president": "white-house", "vice-president": "white-house", "un-secretary-general": "un-secretariat"}


class _G:
    def __init__(self, name: str):
        self.g = _N(iris.authority_graph_iri(name))
        self.quads: list[ox.Quad] = []

    def add(self, s: str, p: str, o) -> None:
        self.quads.append(ox.Quad(_N(s), _N(p), _N(o) if isinstance(o, str) else o, self.g))

    def lit(self, s: str, p: str, value, datatype: str | None = None) -> None:
        if value is None or value == "":
            return
        self.add(s, p, ox.Literal(str(value), datatype=_N(datatype)) if datatype else ox.Literal(str(value)))

    def named(self, s: str, cls: str, label: str) -> None:
        self.add(s, RDF + "type", cls)
        self.lit(s, RDFS + "label", label)
        self.lit(s, SCHEMA + "name", label)


def _year(g: _G, s: str, p: str, y: int | None) -> None:
    if y:
        g.lit(s, p, f"{y:04d}", XSD + "gYear")


def _people(a: Authorities) -> _G:
    g = _G("people")
    for pid, p in a.people.items():
        node = iris.person_iri(pid)
        g.named(node, SCHEMA + "Person", p.name)
        g.lit(node, FK + "hsgPeopleId", pid)
        g.lit(node, FK + "sortName", p.sort)
        for v in sorted({p.sort, *p.variants} - {p.name}):
            g.lit(node, SCHEMA + "alternateName", v)
        _year(g, node, SCHEMA + "birthDate", p.birth)
        _year(g, node, SCHEMA + "deathDate", p.death)
        g.lit(node, SCHEMA + "description", _whole_words(p.note))
        if not p.same_as:
            g.lit(node, FK + "personsListVolumes", a.persons_list_volumes.get(pid), XSD + "integer")
        if p.viaf:
            g.add(node, SKOS + "exactMatch", f"http://viaf.org/viaf/{p.viaf}")
        if p.pocom:
            g.add(node, SKOS + "exactMatch", iris.pocom_url(p.pocom))
        if p.same_as:
            g.add(node, SKOS + "exactMatch", iris.person_iri(p.same_as))
            g.lit(node, FK + "explanation", f"folded into hsg-people {p.same_as}: {p.same_as_reason}")
        for dup in p.duplicates:
            g.add(node, SKOS + "exactMatch", iris.person_iri(dup))
            if a.people[dup].viaf and a.people[dup].viaf != p.viaf:
                # a folded record's VIAF id is the person's too: the leaders' visits' records carry most of them
                g.add(node, SKOS + "exactMatch", f"http://viaf.org/viaf/{a.people[dup].viaf}")
    return g


def _positions(a: Authorities) -> _G:
    g = _G("positions")
    titles = dict(a.positions)
    for post in a.posts:                 # the hand tables' offices (President, Vice President, UN Secretary-General)
        titles.setdefault(post.position, post.title)
    for pos, title in titles.items():
        g.named(iris.position_iri(pos), FK + "Position", title)
    counters: dict[str, int] = {}
    for post in a.posts:
        if not post.hsg or not (post.start or post.end):
            continue
        k = counters[post.position] = counters.get(post.position, 0) + 1
        role = f"{iris.position_iri(post.position)}/tenures/{k}"
        g.add(role, RDF + "type", SCHEMA + "OrganizationRole")
        g.lit(role, SCHEMA + "roleName", post.title)
        g.add(role, FK + "office", iris.position_iri(post.position))
        for p, d in ((SCHEMA + "startDate", post.start), (SCHEMA + "endDate", post.end)):
            if d and len(d) == 10:
                g.lit(role, p, d, XSD + "date")
            elif d and len(d) == 4:
                g.lit(role, p, d, XSD + "gYear")
        g.add(iris.person_iri(post.hsg), SCHEMA + "memberOf", role)
        g.add(role, SCHEMA + "memberOf", iris.organization_iri(_BODY_OF_POST.get(post.kind, "department-of-state")))
    return g


NOTE_CHARS = 200        # the derivative keeps the first 200 characters of a person's first remark (build.py)


def _whole_words(note: str | None) -> str | None:
    """A remark the derivative cut at NOTE_CHARS ends mid-word ("…Secretary of the Interi"): shown to its last
    whole word, with an ellipsis."""
    if not note or len(note) < NOTE_CHARS:
        return note
    return note[:note.rfind(" ")].rstrip(" ,;:") + "…" if " " in note else note


def _countries(a: Authorities) -> _G:
    g = _G("countries")
    names: dict[str, set[str]] = {}
    for surface, tid, _since, _until, kind, _note in a.country_forms:
        if kind == "name" and tid in a.territories:
            names.setdefault(tid, set()).add(surface)
    for tid, t in a.territories.items():
        node = iris.country_iri(tid)
        g.named(node, SCHEMA + "Country", t.name)
        if t.long and t.long != "-":
            g.lit(node, SCHEMA + "alternateName", t.long)
        for surface in sorted(names.get(tid, ())):    # the curated names documents use ("USSR"), not demonyms
            if surface not in (t.name, t.long):
                g.lit(node, SCHEMA + "alternateName", surface)
        g.lit(node, FK + "gshId", tid)
        if t.since:
            _year(g, node, FK + "validSince", t.since)
        if t.until and t.until < 9999:
            _year(g, node, FK + "validUntil", t.until)
        g.lit(node, FK + "territoryType", t.type)
        for pred in t.predecessors:
            if pred in a.territories:
                g.add(node, DCT + "replaces", iris.country_iri(pred))
        for succ in t.successors:
            if succ in a.territories:
                g.add(node, DCT + "isReplacedBy", iris.country_iri(succ))
        if t.qid:
            g.add(node, SKOS + "exactMatch", WD + t.qid)
    return g


def _organizations(a: Authorities) -> _G:
    g = _G("organizations")
    for inst in a.institutions.values():
        node = iris.organization_iri(inst.key)
        g.named(node, SCHEMA + "Organization", inst.label)
        for alias in inst.aliases:
            if alias != inst.label:
                g.lit(node, SCHEMA + "alternateName", alias)
        g.lit(node, SCHEMA + "description", inst.note)
    return g


def _regions(a: Authorities) -> _G:
    g = _G("regions")
    for reg in a.regions.values():
        node = iris.region_iri(reg.key)
        g.named(node, FK + "Region", reg.label)
        g.add(node, RDF + "type", SCHEMA + "Place")
        for alias in reg.aliases:
            if alias != reg.label:
                g.lit(node, SCHEMA + "alternateName", alias)
        g.lit(node, SCHEMA + "description", reg.note)
    return g


def authority_graphs(a: Authorities | None = None) -> dict[str, list[ox.Quad]]:
    """Graph IRI -> quads, for Store.replace_graphs."""
    a = a or authorities()
    out = {}
    for build in (_people, _positions, _countries, _organizations, _regions):
        g = build(a)
        out[g.g.value] = g.quads
    return out


def _with_digest(graph: str, quads: list[ox.Quad]) -> tuple[str, list[ox.Quad]]:
    """The graph's quads with its own digest on the graph IRI (fk:graphDigest, an RFC 6920 IRI of its sorted
    N-Quads), by which a store sees that the bundled authority data changed."""
    lines = sorted(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    digest = bytes_digest("\n".join(lines).encode("utf-8"))
    node = _N(graph)
    return digest, [*quads, ox.Quad(node, _N(FK + "graphDigest"), _N(digest), node)]


@lru_cache(maxsize=1)
def _bundled() -> dict[str, tuple[str, list[ox.Quad]]]:
    return {name: _with_digest(name, quads) for name, quads in authority_graphs().items()}


def ensure_authority_graphs(sink, force: bool = False) -> list[str]:
    """Load the authority graphs a store lacks, or holds from other authority data (an older frus-kg), or all of
    them (`force`); return their names. A sink has has_graph, query and replace_graphs.

    Document graphs point to authority entities without repeating their labels, so a store must hold them.
    """
    if getattr(sink, "write_once", False):            # shards: a graph written is never replaced
        missing = [iris.authority_graph_iri(n) for n in GRAPHS if not sink.has_graph(iris.authority_graph_iri(n))]
        if missing:
            graphs = authority_graphs()
            sink.replace_graphs({name: _with_digest(name, graphs[name])[1] for name in missing})
        return missing
    digests = cached_json("authority-digests", lambda: {name: digest for name, (digest, _) in _bundled().items()})
    held = _held_digests(sink, list(digests))
    stale = [name for name, digest in digests.items() if force or held.get(name) != digest]
    wanted = _bundled() if stale else {}
    bulk = hasattr(sink, "bulk_add_new_graphs")
    present = sink.existing_graphs(stale) if stale and bulk else set(stale)
    if present:
        sink.replace_graphs({name: wanted[name][1] for name in stale if name in present})
    new = [name for name in stale if name not in present]
    if new:
        # the digest is each graph's last quad, written last: a graph a killed run cut short has none, so is stale
        sink.bulk_add_new_graphs({name: wanted[name][1][:-1] for name in new}, [wanted[name][1][-1] for name in new])
    return stale


def _held_digests(sink, names: list[str]) -> dict[str, str]:
    values = " ".join(f"<{n}>" for n in names)
    result = sink.query(f"SELECT ?g ?d WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?g <{FK}graphDigest> ?d }} }}")
    return {g.value: d.value for g, d in result.rows()}
