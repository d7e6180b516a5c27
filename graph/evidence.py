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
           "remark_offices", "list_offices", "volume_years"]

_PREFIX = sparql_prologue("schema", "fk", "skos")


@dataclass(frozen=True)
class Office:
    name: str
    start: str              # ISO date or year; "" when unknown
    end: str                # "" = open or unknown
    source: str             # pocom | frus-document | hsg-people | persons-list
    documents: int = 0      # frus-document: the documents whose heading names the office
    volumes: tuple[str, ...] = ()   # persons-list: the volumes whose persons lists print it

    def overlaps(self, start: str, end: str) -> bool:
        """Held at some time in [start, end] (ISO strings compared on the precision both have)."""
        if not self.start and not self.end:
            return False
        mine_start, mine_end = self.start or "0000", self.end or "9999"
        return mine_start[:len(end)] <= end and start[:len(mine_end)] <= mine_end

    def format(self) -> str:
        span = f"{self.start or '?'} – {self.end or ''}".strip() if self.start or self.end else ""
        return f"{self.name} ({span})" if span else self.name

    def labelled(self) -> str:
        """The office with where it is recorded: a POCOM tenure's dates are the Department's, a persons list's
        those of the volume that prints it."""
        return f"{self.format()} [{_source_label(self)}]"


def _source_label(o: Office) -> str:
    if o.source == "pocom":
        return "POCOM"
    if o.source == "frus-document":
        return f"heading{'s' if o.documents != 1 else ''} of {o.documents} FRUS document{'s' if o.documents != 1 else ''}"
    if o.source == "persons-list":
        more = f" and {len(o.volumes) - 3} more" if len(o.volumes) > 3 else ""
        return f"persons list{'s' if len(o.volumes) > 1 else ''} of {', '.join(o.volumes[:3])}{more}"
    return o.source


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
    the posts the hsg-people remark (`remarks`: its schema:description) names with dates ("Deputy Secretary of State
    from February 25, 1981, …"), and what the persons lists of the volumes in the store say of them."""
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
            out[e].extend(remark_offices(text, "hsg-people"))
    for e, found in _persons_list_offices(store, entities).items():
        out[e].extend(found)
    return out


def _persons_list_offices(store: Store, entities: list[str]) -> dict[str, list[Office]]:
    """What each volume's persons list says of the person (its entries linked to them), each post dated as the
    description dates it, else by the volume's years ("Soviet Foreign Minister" in frus1964-68v12: 1964 – 1968);
    one office for the same words and dates in several volumes."""
    q = _PREFIX + f"""SELECT ?e ?entry ?text WHERE {{ VALUES ?e {{ {_values(entities)} }}
      ?entry skos:exactMatch ?e ; a schema:Person ; fk:xmlId ?id ; schema:description ?text }}"""
    merged: dict[str, dict[tuple[str, str, str], list[str]]] = {}
    for e, entry, text in store.query(q).rows():
        volume = entry.value.rsplit("/persons/", 1)[0].rsplit("/", 1)[-1]
        for o in list_offices(text.value, volume):
            merged.setdefault(e.value, {}).setdefault((o.name, o.start, o.end), []).append(volume)
    return {e: [Office(name, start, end, "persons-list", volumes=tuple(sorted(set(volumes))))
                for (name, start, end), volumes in sorted(posts.items(), key=lambda kv: (kv[0][1], kv[0][0]))]
            for e, posts in merged.items()}


_VOLUME_YEARS = re.compile(r"frus(?P<y0>\d{4})(?:-(?P<y1>\d{2,4}))?")


def volume_years(volume: str) -> tuple[str, str]:
    """'frus1964-68v12' -> ('1964', '1968'); 'frus1948v01p1' -> ('1948', '1948'); ('', '') for another id."""
    m = _VOLUME_YEARS.match(volume)
    if not m:
        return "", ""
    return m["y0"], _end_year(m["y0"], m["y1"] or m["y0"])


def _end_year(start: str, end: str) -> str:
    """The last year as printed, in the start's century when short: 1943–46, 1999–01."""
    if len(end) >= 4:
        return end
    year = start[:4 - len(end)] + end
    return year if year >= start[:4] else str(int(year) + 10 ** len(end))


def list_offices(text: str, volume: str) -> list[Office]:
    """A persons-list description as posts: each segment between semicolons, dated as it says, else by the
    volume's years."""
    start, end = volume_years(volume)
    found = []
    for segment in (s.strip(" .") for s in text.split(";")):
        until = _UNTIL.fullmatch(segment)
        dated = remark_offices(segment, "persons-list") or \
            ([Office(until["name"], start, _iso(until["end"]), "persons-list")] if until else [])
        found += dated or ([Office(segment, start, end, "persons-list")] if segment else [])
    return found


_DATE = r"(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|[A-Z][a-z]+ \d{4}|\d{4})"
_REMARK = re.compile(rf"(?P<name>[^;]+?),? (?:from|since) (?P<start>{_DATE})(?:,? (?:until|to) (?P<end>{_DATE}))?")
_UNTIL = re.compile(rf"(?P<name>[^;]+?),? until (?P<end>{_DATE})")
_TRAILING = re.compile(rf"(?P<name>[^;]+?), (?P<start>{_DATE})(?:\s*[–-]\s*(?P<end>{_DATE}|\d{{2}}))?\.?$")


def _iso(text: str | None) -> str:
    if not text:
        return ""
    for fmt, width in (("%B %d, %Y", 10), ("%b. %d, %Y", 10), ("%B %Y", 7), ("%Y", 4)):
        try:
            return datetime.strptime(text, fmt).date().isoformat()[:width]
        except ValueError:
            continue
    return text[-4:]


def remark_offices(text: str, source: str = "hsg-people") -> list[Office]:
    """The dated posts a remark names; each segment between semicolons is one post: "Deputy Secretary of State from
    February 25, 1981, until February 9, 1982", "member of Policy Planning Council, June 1966–1967", or "Soviet
    Ambassador in the United States, 1943–46" (the end in the start's century)."""
    found = []
    for segment in text.split(";"):
        m = _REMARK.search(segment.strip()) or _TRAILING.fullmatch(segment.strip())
        if m:
            start = _iso(m["start"])
            end = _iso(m["end"]) if m["end"] else (start if m.re is _TRAILING else "")
            if m["end"] and len(m["end"]) == 2:
                end = _end_year(start, m["end"])
            found.append(Office(m["name"].strip(" ."), start, end, source))
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

