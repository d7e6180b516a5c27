"""People, countries, organizations and regions: lists with document counts, and one entity in full.

Lists hold the authority entities that at least one document mentions. With the statistics layer
(graph/statistics.py, written after ingest) they come from its per-entity totals: a page without filters
is a lookup of the name ranks it shows, a filtered one sorts ranks (integers) rather than labels, and
counts, totals and co-mentions are read, not counted. Without it (a store no refresh has seen) the same
answers are counted from the documents' `schema:mentions`, entities told apart by their IRI path
(`…/people/`), which is far cheaper than joining 119,000 `schema:Person`s; docs/http.md gives both costs.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from graph import Store, sparql_terms as st
from graph.statistics import TOTALS_GRAPH
from ontology.iris import position_iri
from ontology.namespaces import BASE, FK, RDF, RDFS, SCHEMA, SKOS, sparql_prologue

from . import counts as stats
from .claims import ClaimFilter, claim_lists
from .co_mentions import co_mention_path, co_mentioned_first
from .documents import DocumentFilter, document_list
from .links import KINDS, entity_ref, href, labels, list_page, local_name
from .name_candidates import name_candidates
from .paging import Page
from .params import identifier
from .rows import QueryMemo, count, first, properties, select

__all__ = ["ENTITY_SORTS", "EntityFilter", "entity_list", "entity_detail", "authority_name"]

ENTITY_SORTS = ("name", "documents", "date", "recent", "claims-by", "claims-about")
_RANKS = {"name": "nameRank", "documents": "documentRank", "date": "dateRank", "recent": "recentRank",   # graph.statistics.RANKS
          "claims-by": "claimsByRank", "claims-about": "claimsAboutRank"}

_PROLOGUE = sparql_prologue("schema", "fk", "rdfs", "prov")
_AUTHORITIES = (("https://history.state.gov/departmenthistory/people/", "POCOM"),
                ("https://history.state.gov/", "history.state.gov"), ("http://viaf.org/", "VIAF"),
                ("https://viaf.org/", "VIAF"), ("http://www.wikidata.org/", "Wikidata"), (BASE, "frus-kg"))


def authority_name(url: str) -> str | None:
    """Which authority an exactMatch link points to (POCOM, history.state.gov, VIAF, Wikidata, frus-kg)."""
    return next((name for prefix, name in _AUTHORITIES if url.startswith(prefix)), None)


@dataclass
class EntityFilter:
    """`name`: the start of a word of the label or of a variant; `office` (people): a position id or an office's name;
    `date_from`/`date_to`: people in an office, countries existing, in that period. `sort`: `name` (people
    by family name), `documents` (most mentioned first), `date` (first mentioned earliest first), `recent` (last
    mentioned latest first), `claims-by` (most claims made first) or `claims-about` (most claims about it first)."""
    name: str | None = None
    office: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    sort: str = "name"
    params: dict = field(default_factory=dict)

    @property
    def rank(self) -> str:
        """The statistics' rank this order reads."""
        return _RANKS[self.sort]

    def filtered(self) -> bool:
        return bool(self.name or self.office or self.date_from or self.date_to)

    def patterns(self, kind: str, positions: list[str] | None = None, ranked: bool = False,
                 candidates: list[str] | None = None) -> str:
        """WHERE patterns binding ?e and ?name, or ?e and ?rank from the statistics when `ranked`.
        `positions`: the office resolved to position IRIs; `candidates`: ?e is one of them (name_candidates)."""
        if ranked:
            lines = [f"GRAPH <{TOTALS_GRAPH}> {{ ?total fk:entity ?e ; fk:entityKind {st.literal(kind)} ; "
                     f"fk:{self.rank} ?rank }}"]
            if candidates is not None:
                lines.insert(0, st.values("e", map(st.iri, candidates)))
        else:
            in_kind = f"FILTER (STRSTARTS(STR(?e), {st.literal(BASE + kind + '/')}))"
            lines = [f"{{ SELECT DISTINCT ?e WHERE {{ ?doc schema:mentions ?e {in_kind} }} }}", "?e rdfs:label ?name ."]
        if kind == "people" and (positions is not None or self.date_from or self.date_to):
            # a plain join (hence SELECT DISTINCT): inside FILTER EXISTS or a subquery, Oxigraph 0.5
            # reads every tenure instead (measured 100× slower)
            lines.append(self._tenures(positions))
        if self.name:
            lines.append("FILTER EXISTS { { ?e rdfs:label ?n } UNION { ?e schema:alternateName ?n } "
                         f"FILTER (REGEX(LCASE(STR(?n)), {st.folded_word_start_pattern(self.name)})) }}")
        if kind == "countries" and (self.date_from or self.date_to):
            lines.append("OPTIONAL { ?e fk:validSince ?since } OPTIONAL { ?e fk:validUntil ?until }")
            if self.date_to:
                lines.append(f"FILTER (!BOUND(?since) || STR(?since) < {st.literal(self.date_to)})")
            if self.date_from:
                lines.append(f"FILTER (!BOUND(?until) || STR(?until) >= {st.literal(self.date_from[:4])})")
        return "\n  ".join(lines)

    def _tenures(self, positions: list[str] | None) -> str:
        parts = ["?e schema:memberOf ?t ."]
        if positions is not None:
            parts.append("?t fk:office ?pos . " + st.values("pos", map(st.iri, positions)))
        if self.date_to:
            parts.append(f"?t schema:startDate ?start FILTER (STR(?start) < {st.literal(self.date_to)})")
        if self.date_from:
            parts.append(f"OPTIONAL {{ ?t schema:endDate ?end }} FILTER (!BOUND(?end) || STR(?end) >= {st.literal(self.date_from)})")
        return " ".join(parts)


def _positions(store: Store, office: str | None) -> list[str] | None:
    """Position IRIs for an office given by id (`deputy-secretary`) or by name, any case; None without one."""
    if office is None:
        return None
    found = []
    try:
        found.append(position_iri(identifier("office", office)))
    except ValueError:
        pass
    query = _PROLOGUE + f"""SELECT DISTINCT ?pos WHERE {{
  ?pos a fk:Position ; rdfs:label ?label FILTER (LCASE(STR(?label)) = {st.literal(office.lower())}) }}"""
    return found + [row["pos"] for row in select(store, query)]


def _document_counts(store: Store, iris: list[str]) -> dict[str, int]:
    if not iris:
        return {}
    query = _PROLOGUE + f"""SELECT ?e (COUNT(?doc) AS ?n) WHERE {{
  {st.values("e", map(st.iri, iris))} ?doc schema:mentions ?e }} GROUP BY ?e"""
    return {row["e"]: int(row["n"]) for row in select(store, query)}


def _list_figures(store: Store, iris: list[str]) -> dict[str, dict]:
    """`counts.list_figures`, counted (a store without statistics). Apart: MIN over an undated document is unbound."""
    if not iris:
        return {}
    values = st.values("e", map(st.iri, iris))
    figures: dict[str, dict] = {e: {"claimsByCount": 0, "claimsAboutCount": 0} for e in iris}
    for name, predicate in (("claimsByCount", "prov:wasAttributedTo"), ("claimsAboutCount", "schema:about")):
        for row in select(store, _PROLOGUE + f"""SELECT ?e (COUNT(DISTINCT ?c) AS ?n) WHERE {{
  {values} ?c a fk:Claim ; {predicate} ?e }} GROUP BY ?e"""):
            figures[row["e"]][name] = int(row["n"])
    for row in select(store, _PROLOGUE + f"""SELECT ?e (MIN(SUBSTR(STR(?date), 1, 10)) AS ?first)
    (MAX(SUBSTR(STR(?date), 1, 10)) AS ?last) WHERE {{
  {values} ?doc schema:mentions ?e ; schema:dateCreated ?date }} GROUP BY ?e"""):
        if row.get("first"):
            figures[row["e"]]["firstDate"] = str(row["first"])
        if row.get("last"):
            figures[row["e"]]["lastDate"] = str(row["last"])
    return figures


def _ranked_page(store: Store, kind: str, filt: EntityFilter, page: Page) -> tuple[list[dict], int, dict[str, int]]:
    """The page from the statistics: rows with ?e and ?name, the total, and the document counts."""
    if filt.filtered():
        candidates = name_candidates(store, kind, filt.name) if filt.name else None
        if candidates == []:
            return [], 0, {}
        patterns = filt.patterns(kind, _positions(store, filt.office) if kind == "people" else None, ranked=True,
                                 candidates=candidates)
        query = _PROLOGUE + f"""SELECT DISTINCT ?e ?rank WHERE {{
  {patterns}
}} ORDER BY ?rank LIMIT {page.limit} OFFSET {page.offset}"""
        iris = [row["e"] for row in select(store, query)]
        total = count(store, _PROLOGUE, patterns, "e", distinct=True)
    else:
        iris = stats.ranked_entities(store, kind, page.offset, page.limit or 0, filt.rank)
        total = stats.kind_total(store, kind) or 0
    names = labels(store, iris)
    return [{"e": e, "name": names.get(e)} for e in iris], total, stats.document_counts(store, iris)


def _counted_page(store: Store, kind: str, filt: EntityFilter, page: Page) -> tuple[list[dict], int, dict[str, int]]:
    """The page counted from the documents' mentions (a store without statistics)."""
    patterns = filt.patterns(kind, _positions(store, filt.office) if kind == "people" else None)
    joins, order = {"name": ("", ""), "documents": ("?x schema:mentions ?e .", "DESC(?n) "),
                    "date": ("OPTIONAL { ?x schema:mentions ?e ; schema:dateCreated ?date }",
                             "(!BOUND(?first)) ?first "),
                    "recent": ("OPTIONAL { ?x schema:mentions ?e ; schema:dateCreated ?date }",
                               "(!BOUND(?last)) DESC(?last) "),
                    "claims-by": ("OPTIONAL { ?x a fk:Claim ; prov:wasAttributedTo ?e }", "DESC(?n) "),
                    "claims-about": ("OPTIONAL { ?x a fk:Claim ; schema:about ?e }", "DESC(?n) ")}[filt.sort]
    query = _PROLOGUE + f"""SELECT ?e (SAMPLE(?name) AS ?label) (LCASE(STR(COALESCE(SAMPLE(?sort), SAMPLE(?name)))) AS ?key)
    (COUNT(DISTINCT ?x) AS ?n) (MIN(SUBSTR(STR(?date), 1, 10)) AS ?first) (MAX(SUBSTR(STR(?date), 1, 10)) AS ?last) WHERE {{
  {patterns} OPTIONAL {{ ?e fk:sortName ?sort }} {joins}
}} GROUP BY ?e ORDER BY {order}?key ?e LIMIT {page.limit} OFFSET {page.offset}"""
    rows = [{"e": row["e"], "name": row.get("label")} for row in select(store, query)]
    total = count(store, _PROLOGUE, patterns, "e", distinct=True)
    return rows, total, _document_counts(store, [row["e"] for row in rows])


def entity_list(store: Store, kind: str, filt: EntityFilter, page: Page) -> dict:
    """A page of entities of one kind, by name, people by family name (`fk:sortName`, as an index of persons
    lists them), most mentioned first, first mentioned earliest first, last mentioned latest first, or most claims
    made or about it first (`filt.sort`): {total, limit, items: [{id, name, sortName (people), documentCount,
    claimsByCount, claimsAboutCount, firstDate, lastDate…}], next}. A store whose totals predate the rank of the order asked is counted
    instead."""
    ranked = stats.uses_statistics(store) and stats.has_rank(store, filt.rank)
    read = _ranked_page if ranked else _counted_page
    rows, total, counts = read(store, kind, filt, page)
    iris = [row["e"] for row in rows]
    sort_names = _sort_names(store, iris) if kind == "people" else {}
    spans = _years_valid(store, iris) if kind == "countries" else {}
    figures = (stats.list_figures if ranked else _list_figures)(store, iris)
    items = [{"id": row["e"], "type": local_name(KINDS[kind]), "kind": kind, "name": row["name"],
              **({"sortName": sort_names[row["e"]]} if row["e"] in sort_names else {}),
              **spans.get(row["e"], {}),
              "href": href(row["e"]), "documentCount": counts.get(row["e"], 0),
              **figures.get(row["e"], {"claimsByCount": 0, "claimsAboutCount": 0})} for row in rows]
    return list_page(f"/{kind}", filt.params, page, total, items)


def _years_valid(store: Store, iris: list[str]) -> dict[str, dict[str, str]]:
    """validSince/validUntil of the countries on a page: two records of one name ("Qatar" until 1971 and since) are
    told apart in the list."""
    if not iris:
        return {}
    query = _PROLOGUE + f"""SELECT ?e ?since ?until WHERE {{ {st.values("e", map(st.iri, iris))}
  OPTIONAL {{ ?e fk:validSince ?since }} OPTIONAL {{ ?e fk:validUntil ?until }} }}"""
    out: dict[str, dict[str, str]] = {}
    for row in select(store, query):
        years = {k: row[v] for k, v in (("validSince", "since"), ("validUntil", "until")) if row.get(v)}
        if years:
            out[row["e"]] = years
    return out


def _sort_names(store: Store, iris: list[str]) -> dict[str, str]:
    if not iris:
        return {}
    query = _PROLOGUE + f"""SELECT ?e (SAMPLE(?sort) AS ?s) WHERE {{
  {st.values("e", map(st.iri, iris))} ?e fk:sortName ?sort }} GROUP BY ?e"""
    return {row["e"]: row["s"] for row in select(store, query) if row.get("s")}


def _offices(store: Store, term: str) -> list[dict]:
    query = _PROLOGUE + f"""SELECT ?t ?roleName ?startDate ?endDate ?office ?organization WHERE {{
  {term} schema:memberOf ?t . ?t a schema:OrganizationRole .
  OPTIONAL {{ ?t schema:roleName ?roleName }} OPTIONAL {{ ?t schema:startDate ?startDate }}
  OPTIONAL {{ ?t schema:endDate ?endDate }} OPTIONAL {{ ?t fk:office ?office }}
  OPTIONAL {{ ?t schema:memberOf ?organization }}
}} ORDER BY STR(?startDate) ?t"""
    return [{"id": row.pop("t"), "type": "OrganizationRole", **row} for row in select(store, query)]


def _folding(props: dict[str, list]) -> tuple[list[str], list[str]]:
    """(the record it is folded into, the records folded into it), from its `skos:exactMatch` to other people
    records: a folded duplicate says why (`fk:explanation`, ingest/authorities/rdf.py), its canonical record does not."""
    people = sorted(url for url in props.get(SKOS + "exactMatch", []) if url.startswith(BASE + "people/"))
    folded = any(str(why).startswith("folded into ") for why in props.get(FK + "explanation", []))
    return (people[:1], []) if folded else ([], people)


def _paged(prefix: str, listing: dict) -> dict:
    return {prefix: listing["items"], prefix + "Total": listing["total"], prefix + "Next": listing["next"]}


def entity_detail(store: Store, kind: str, entity_id: str, *, documents: int = 20, claims: int = 10,
                  co_mentioned: int = 20) -> dict | None:
    """One entity, or None if there is none of that kind with that id.

    Keys: label, name, alternateNames, description, birth/death or validity dates, `exactMatch`
    (authority links with the authority's name), `foldedInto` (a duplicate record: the canonical one, where its
    documents and claims are) and `duplicates` (the records folded into this one), `offices` (tenures, by start date), `documents`
    (the first page, with `documentsTotal` and `documentsNext`), `claimsBy` and `claimsAbout` (the same),
    and `coMentioned` ([{entity, count}], most documents first, ties by IRI) with `coMentionedTotal` (for an entity
    in `FREQUENT` documents or more, as the statistics layer counted it; None where it has not), `coMentionedSummed`
    (whether the counts are the volumes' lists summed) and `coMentionedNext`, the whole list (api/resources/co_mentions.py).
    """
    if kind not in KINDS:
        return None
    store = QueryMemo(store)        # its documents and both claim lists ask for the same month counts
    iri = f"{BASE}{kind}/{entity_id}"
    term = st.iri(iri)
    props = properties(store, term)
    if KINDS[kind] not in props.get(RDF + "type", []):
        return None

    def one(predicate):
        return first(props, predicate)

    totals = stats.entity_totals(store, iri) or {}
    docs = document_list(store, DocumentFilter(mentions=[iri], params={"mentions": [iri]}), Page(limit=documents),
                         total=totals.get("documentCount"))
    by, about = claim_lists(store, [
        (ClaimFilter(claimant=iri, params={"claimant": iri}), Page(limit=claims), totals.get("claimsByCount")),
        (ClaimFilter(about=iri, params={"about": iri}), Page(limit=claims), totals.get("claimsAboutCount"))])
    frequent_from, co_total = stats.co_mention_total(store, iri)
    frequent = totals.get("documentCount", 0) >= frequent_from
    co_first = co_mentioned_first(store, iri, co_mention_path(kind, entity_id), frequent, co_mentioned, total=co_total)
    co = co_first["pairs"]
    folded_into, duplicates = _folding(props)
    related = [*props.get("http://purl.org/dc/terms/replaces", []), *props.get("http://purl.org/dc/terms/isReplacedBy", []),
               *(other for other, _ in co), *folded_into, *duplicates]
    names = labels(store, related)
    return {
        "id": iri, "type": sorted(local_name(t) for t in props.get(RDF + "type", [])),
        "kind": kind, "href": href(iri), "label": one(RDFS + "label"), "name": one(SCHEMA + "name"),
        "alternateNames": sorted(props.get(SCHEMA + "alternateName", [])), "sortName": one(FK + "sortName"),
        "description": one(SCHEMA + "description"),
        "birthDate": one(SCHEMA + "birthDate"), "deathDate": one(SCHEMA + "deathDate"),
        "validSince": one(FK + "validSince"), "validUntil": one(FK + "validUntil"),
        "territoryType": one(FK + "territoryType"),
        "replaces": [entity_ref(i, names) for i in props.get("http://purl.org/dc/terms/replaces", [])],
        "isReplacedBy": [entity_ref(i, names) for i in props.get("http://purl.org/dc/terms/isReplacedBy", [])],
        "exactMatch": [{"id": url, "authority": authority_name(url), "href": href(url)}
                       for url in sorted(props.get(SKOS + "exactMatch", []))],
        "foldedInto": entity_ref(folded_into[0], names) if folded_into else None,
        "duplicates": [entity_ref(i, names) for i in duplicates],
        "offices": _offices(store, term),
        **_paged("documents", docs), **_paged("claimsBy", by), **_paged("claimsAbout", about),
        "coMentioned": [{"entity": entity_ref(other, names), "count": n} for other, n in co],
        "coMentionedTotal": co_first["total"], "coMentionedSummed": co_first["summed"],
        "coMentionedNext": co_first["next"],
    }
