"""Entities found by an identifier another dataset gives them: a Wikidata QID, a VIAF id, a history.state.gov page.

The graph holds those ids as links between our IRIs and theirs (`skos:exactMatch`, which the authority data and
imported linksets write; `owl:sameAs` and `schema:sameAs`, which a dataset loaded beside ours may use; each symmetric,
so read either way) and as literals (`fk:hsgPeopleId`, `fk:gshId`). A spreadsheet's column of ids reaches them here, in any of the forms people copy: `Q37` or its entity or
wiki URL, `45737745` or `https://viaf.org/viaf/45737745/`, `clark-william-patrick` or its history.state.gov URL.
`skos:closeMatch` ("very probably the same") is not identity, and finds nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ontology import iris
from ontology.namespaces import BASE, FK, OWL, SCHEMA, SKOS, WD

from . import sparql_terms
from .store import Store

__all__ = ["SCHEMES", "Identified", "identified", "scheme_forms"]

_LINKS = (SKOS + "exactMatch", OWL + "sameAs", SCHEMA + "sameAs")
_VIAF = ("http://viaf.org/viaf/", "https://viaf.org/viaf/")


@dataclass(frozen=True)
class _Scheme:
    pattern: re.Pattern
    forms: Callable[[str], list[str]]      # the id as the graph may hold it: IRIs, or (literal schemes) the text
    literal: str | None = None             # the predicate of a literal id (fk:hsgPeopleId); None: a linked IRI


def _wikidata(qid: str) -> list[str]:
    qid = qid.upper()
    return [WD + qid, WD.replace("http:", "https:") + qid]


def _viaf(number: str) -> list[str]:
    return [prefix + number + slash for prefix in _VIAF for slash in ("", "/")]


def _pocom(slug: str) -> list[str]:
    url = iris.pocom_url(slug)
    return [url, url.replace("https:", "http:", 1)]


SCHEMES: dict[str, _Scheme] = {
    "wikidata": _Scheme(re.compile(r"(?:https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/)?([Qq][1-9]\d*)/?"),
                        _wikidata),
    "viaf": _Scheme(re.compile(r"(?:https?://(?:www\.)?viaf\.org/viaf/)?(\d{1,22})/?"), _viaf),
    "pocom": _Scheme(re.compile(r"(?:https?://history\.state\.gov/departmenthistory/people/)?([a-z0-9]+(?:-[a-z0-9]+)+)/?"),
                     _pocom),
    "hsg_people_id": _Scheme(re.compile(r"(\d{1,12})"), lambda n: [n], FK + "hsgPeopleId"),
    "gsh_id": _Scheme(re.compile(r"((?=[a-z0-9-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)*)"), lambda t: [t], FK + "gshId"),
}


@dataclass(frozen=True)
class Identified:
    entity: str             # our IRI
    scheme: str             # a key of SCHEMES, or "iri" for any other IRI linked to it
    value: str              # what the graph holds: the linked IRI, or the literal id


def scheme_forms(text: str, schemes: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """(scheme, id as the graph may hold it) for each scheme whose form `text` has; an absolute IRI of no scheme is
    looked up as it is (another dataset's link)."""
    text = text.strip()
    out = [(name, form) for name, s in SCHEMES.items() if schemes is None or name in schemes
           if (m := s.pattern.fullmatch(text)) for form in s.forms(m.group(1))]
    if schemes is None and not out and re.match(r"https?://", text):
        out.append(("iri", text))
    return out


def identified(store: Store, text: str, schemes: tuple[str, ...] | None = None) -> list[Identified]:
    """Our entities holding `text` as an identifier (of `schemes`, else of any scheme whose form it has), each once,
    sorted by IRI. Text of no identifier's form, or one no IRI can hold, finds nothing, and asks the store nothing."""
    forms = scheme_forms(text, schemes)
    try:
        parts = [_pattern(name, form) for name, form in forms]
    except ValueError:
        return []
    if not parts:
        return []
    query = (f"SELECT DISTINCT ?e ?scheme ?o WHERE {{ {' UNION '.join(parts)} "
             f"FILTER(STRSTARTS(STR(?e), {sparql_terms.literal(BASE)})) }}")
    found: dict[str, Identified] = {}
    for e, scheme, o in store.query(query).rows():
        found.setdefault(e.value, Identified(e.value, scheme.value, o.value))
    return [found[e] for e in sorted(found)]


def _pattern(name: str, form: str) -> str:
    """The graph pattern of one form: a link to the IRI, or the literal id (an xsd:string, as the authority data writes it)."""
    predicate = SCHEMES[name].literal if name in SCHEMES else None
    scheme = f"BIND({sparql_terms.literal(name)} AS ?scheme)"
    if predicate:
        value = sparql_terms.literal(form)
        return f"{{ ?e {sparql_terms.iri(predicate)} {value} BIND({value} AS ?o) {scheme} }}"
    links, other = sparql_terms.values("p", map(sparql_terms.iri, _LINKS)), sparql_terms.iri(form)
    return f"{{ {links} {{ ?e ?p {other} }} UNION {{ {other} ?p ?e }} BIND({other} AS ?o) {scheme} }}"
