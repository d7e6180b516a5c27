"""What the graph knows about a few entities, read by SPARQL: offices with their dates, documents, years, external ids.

Reconciliation scores candidates by it, the preview card shows it and data extension returns it as columns;
each function takes a list of IRIs and runs one query over the union of all graphs (so an imported
linkset's Wikidata links count too).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from ontology import iris
from ontology.namespaces import FK, SKOS, WD, sparql_prologue

from .store import Store

__all__ = ["Office", "Identifiers", "offices", "office_names", "holders", "document_counts", "identifiers", "life_years", "sample_documents",
           "remark_offices"]

_PREFIX = sparql_prologue("schema", "fk", "skos")


@dataclass(frozen=True)
class Office:
    name: str
    start: str              # ISO date or year; "" when unknown
    end: str                # "" = open or unknown
    source: str             # pocom | frus-document | persons-list
    documents: int = 0      # frus-document: the documents whose heading names the office

    def overlaps(self, start: str, end: str) -> bool:
        """Held at some time in [start, end] (ISO strings compared on the precision both have)."""
        if not self.start and not self.end:
            return False
        mine_start, mine_end = self.start or "0000", self.end or "9999"
        return mine_start[:len(end)] <= end and start[:len(mine_end)] <= mine_end

    def format(self) -> str:
        span = f"{self.start or '?'} – {self.end or ''}".strip() if self.start or self.end else ""
        return f"{self.name} ({span})" if span else self.name


@dataclass
class Identifiers:
    hsg_people_id: str = ""
    pocom: str = ""
    viaf: list[str] = field(default_factory=list)
    wikidata: list[str] = field(default_factory=list)
    gsh_id: str = ""
    valid_since: int | None = None
    valid_until: int | None = None


def _values(entities: list[str]) -> str:
    """Each IRI once: a repeated IRI in VALUES repeats every solution, so each office would be listed twice."""
    return " ".join(f"<{e}>" for e in dict.fromkeys(entities))


def offices(store: Store, entities: list[str], remarks: dict[str, str] | None = None) -> dict[str, list[Office]]:
    """Offices each person held: POCOM tenures, the office a FRUS heading gives them (with the documents' dates),
    and the posts a persons-list remark names with dates ("Deputy Secretary of State from February 25, 1981, …")."""
    out: dict[str, list[Office]] = {e: [] for e in entities}
    if not entities:
        return out
    q = _PREFIX + f"""SELECT ?e ?name ?start ?end WHERE {{ VALUES ?e {{ {_values(entities)} }}
      ?e schema:memberOf ?r . ?r a schema:OrganizationRole ; schema:roleName ?name .
      OPTIONAL {{ ?r schema:startDate ?start }} OPTIONAL {{ ?r schema:endDate ?end }} }}"""
    for e, name, start, end in store.query(q).rows():
        out[e.value].append(Office(name.value, start.value if start else "", end.value if end else "", "pocom"))
    q = _PREFIX + f"""SELECT ?e ?name (MIN(STR(?d)) AS ?first) (MAX(STR(?d)) AS ?last) (COUNT(DISTINCT ?doc) AS ?n) WHERE {{
      VALUES ?e {{ {_values(entities)} }}
      ?dr fk:roleHolder ?e ; schema:roleName ?name . ?doc fk:hasDocumentRole ?dr ; schema:dateCreated ?d .
    }} GROUP BY ?e ?name"""
    for e, name, first, last, n in store.query(q).rows():
        out[e.value].append(Office(name.value, first.value[:10], last.value[:10], "frus-document", int(n.value)))
    for e, text in (remarks or {}).items():
        if e in out:
            out[e].extend(remark_offices(text))
    return out


_DATE = r"(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|[A-Z][a-z]+ \d{4}|\d{4})"
_REMARK = re.compile(rf"(?P<name>[^;]+?),? (?:from|since) (?P<start>{_DATE})(?:,? (?:until|to) (?P<end>{_DATE}))?")
_TRAILING = re.compile(rf"(?P<name>[^;]+?), (?P<start>{_DATE})(?:\s*[–-]\s*(?P<end>{_DATE}))?\.?$")


def _iso(text: str | None) -> str:
    if not text:
        return ""
    for fmt, width in (("%B %d, %Y", 10), ("%b. %d, %Y", 10), ("%B %Y", 7), ("%Y", 4)):
        try:
            return datetime.strptime(text, fmt).date().isoformat()[:width]
        except ValueError:
            continue
    return text[-4:]


def remark_offices(text: str) -> list[Office]:
    """The dated posts a persons-list remark names; each segment between semicolons is one post: "Deputy Secretary
    of State from February 25, 1981, until February 9, 1982", or "member of Policy Planning Council, June 1966–1967"."""
    found = []
    for segment in text.split(";"):
        m = _REMARK.search(segment.strip()) or _TRAILING.fullmatch(segment.strip())
        if m:
            start = _iso(m["start"])
            end = _iso(m["end"]) if m["end"] else (start if m.re is _TRAILING else "")
            found.append(Office(m["name"].strip(" ."), start, end, "persons-list"))
    return found


def office_names(store: Store) -> list[str]:
    """Every distinct office name: POCOM posts and the offices FRUS headings print."""
    q = _PREFIX + """SELECT DISTINCT ?name WHERE {
      { ?r a schema:OrganizationRole ; schema:roleName ?name } UNION { ?r a fk:DocumentRole ; schema:roleName ?name } }"""
    return [row[0].value for row in store.query(q).rows()]


def holders(store: Store, names: list[str]) -> list[str]:
    """People who held any of these offices (by exact name), in POCOM or in a FRUS heading."""
    if not names:
        return []
    values = " ".join(_literal(n) for n in names)
    q = _PREFIX + f"""SELECT DISTINCT ?e WHERE {{ VALUES ?name {{ {values} }}
      {{ ?e schema:memberOf ?r . ?r schema:roleName ?name }} UNION {{ ?r fk:roleHolder ?e ; schema:roleName ?name }} }}"""
    return [row[0].value for row in store.query(q).rows()]


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def document_counts(store: Store, entities: list[str]) -> dict[str, int]:
    """Documents that mention each entity, or are written by or to it."""
    out = {e: 0 for e in entities}
    if entities:
        q = _PREFIX + f"""SELECT ?e (COUNT(DISTINCT ?doc) AS ?n) WHERE {{
          VALUES ?e {{ {_values(entities)} }} ?doc schema:mentions|schema:author|schema:recipient ?e }} GROUP BY ?e"""
        out.update({e.value: int(n.value) for e, n in store.query(q).rows()})
    return out


def sample_documents(store: Store, entity: str, limit: int = 5, period: tuple[str, str] | None = None
                     ) -> list[tuple[str, str, str]]:
    """(IRI, heading, date) of the first documents, by date, that mention the entity or are written by or to it;
    with a period (ISO start and end, any precision), only documents dated in it."""
    when = ""
    if period:
        start, end = (re.sub(r"[^0-9-]", "", x) for x in period)
        when = f'FILTER (SUBSTR(STR(?date), 1, {len(start)}) >= "{start}" && SUBSTR(STR(?date), 1, {len(end)}) <= "{end}")'
    q = _PREFIX + f"""SELECT DISTINCT ?doc ?name ?date WHERE {{
      ?doc schema:mentions|schema:author|schema:recipient <{entity}> .
      OPTIONAL {{ ?doc schema:name ?name }} OPTIONAL {{ ?doc schema:dateCreated ?date }} {when}
    }} ORDER BY ?date ?doc LIMIT {int(limit)}"""
    return [(d.value, n.value if n else "", (t.value[:10] if t else "")) for d, n, t in store.query(q).rows()]


def life_years(store: Store, entities: list[str]) -> dict[str, tuple[int | None, int | None]]:
    out: dict[str, tuple[int | None, int | None]] = {e: (None, None) for e in entities}
    if entities:
        q = _PREFIX + f"""SELECT ?e ?b ?d WHERE {{ VALUES ?e {{ {_values(entities)} }}
          OPTIONAL {{ ?e schema:birthDate ?b }} OPTIONAL {{ ?e schema:deathDate ?d }} }}"""
        for e, b, d in store.query(q).rows():
            out[e.value] = (int(b.value[:4]) if b else None, int(d.value[:4]) if d else None)
    return out


def identifiers(store: Store, entities: list[str]) -> dict[str, Identifiers]:
    """Authority ids and external links: hsg-people id, POCOM page, VIAF, Wikidata (any graph), gsh id and years."""
    out = {e: Identifiers() for e in entities}
    if not entities:
        return out
    q = _PREFIX + f"""SELECT ?e ?p ?o WHERE {{ VALUES ?e {{ {_values(entities)} }}
      VALUES ?p {{ fk:hsgPeopleId fk:gshId fk:validSince fk:validUntil skos:exactMatch skos:closeMatch }} ?e ?p ?o }}"""
    for e, p, o in store.query(q).rows():
        ids, pred, value = out[e.value], p.value, o.value
        if pred == FK + "hsgPeopleId":
            ids.hsg_people_id = value
        elif pred == FK + "gshId":
            ids.gsh_id = value
        elif pred == FK + "validSince":
            ids.valid_since = int(value[:4])
        elif pred == FK + "validUntil":
            ids.valid_until = int(value[:4])
        elif value.startswith(WD) and value[len(WD):] not in ids.wikidata:
            ids.wikidata.append(value[len(WD):])
        elif value.startswith("http://viaf.org/viaf/") and value.rsplit("/", 1)[1] not in ids.viaf:
            ids.viaf.append(value.rsplit("/", 1)[1])
        elif value.startswith(iris.pocom_url("")) and pred == SKOS + "exactMatch":
            ids.pocom = value
    for ids in out.values():
        ids.viaf.sort()
        ids.wikidata.sort()
    return out

