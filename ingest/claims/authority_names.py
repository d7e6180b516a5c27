"""Claimants the entity layer left unlinked, linked to the one authority person of that name whom the FRUS persons
lists cite near the document's date.

The entity layer leaves out a name the volume's persons list does not hold: the editors list the people who matter to
a volume, and the markup it is measured against tags only them. A claimant is another matter: "Erhard described
interim proposal of six…" (frus1958-60v07p1 d43, 1958) is a claim of Ludwig Erhard, whom the persons lists of
other volumes describe, and a node of the document named "Erhard" hides it from every query about him. Session 54:
738 of the 2,670 claimants local to their documents in a sample of 1,500 documents had such a name.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ingest.authorities import authorities, norm, split_name
from ontology import iris

from ..entities.gazetteer import gazetteer
from ..entities.not_alone import without_words_not_alone
from ..entities.people import PersonContext
from ..records import Claim, ClaimAgent, DocumentRecord
from ..triples import party_person_iri
from .unlinked_names import common_words

__all__ = ["link_local_claimants"]

_NEAR = 3             # years either side of the document's that the persons lists must cite the person for
_TITLE_WORD = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Professor|Prof|Secretary|Minister|Ambassador|General|Admiral|"
                         r"Senator|Governor|President|Premier|Chancellor|Prime|Foreign|Defense|Deputy|Under|Assistant|"
                         r"Vice|Acting|Chargé|Charge|Colonel|Mayor|Congressman|Judge|Justice|Father|Cardinal|King|Prince|"
                         r"Sheikh|Shah|Emperor|Marshal|Field|Consul|Director|Chairman|Commissioner|High|Attorney|Postmaster|Sultan|"
                         r"Ruler|Pope|Queen|Crown|Premier)\.?$")


def link_local_claimants(record: DocumentRecord, claims: list[Claim]) -> list[Claim]:
    """The claims, with each claimant and person of `about` local to the document replaced by the authority person
    its name denotes, where one person alone fits (`_bearer`). Not a heading's author or recipient: the document's
    roles name them, and a claim must not make them two people."""
    year = PersonContext.of(record.volume.id, record.date, False).year
    if year is None:
        return claims
    found: dict[str, tuple[str, str, str] | None] = {}
    parties = {party_person_iri(record, p) for p in record.parties}

    def person_of(agent: ClaimAgent) -> tuple[str, str, str] | None:
        if not agent.local or agent.kind != "person" or not agent.label or agent.iri in parties:
            return None      # a heading's party keeps the IRI its document role has
        if agent.iri not in found:
            found[agent.iri] = _bearer(agent.label, year)
        return found[agent.iri]

    out = []
    for c in claims:
        named = {a.iri: p for a in (*c.agents, *c.about_local) if (p := person_of(a))}
        if not named:
            out.append(c)
            continue
        whys = [f"'{label}' linked to {named[i][1]}: {named[i][2]}"
                for i, label in {a.iri: a.label for a in (*c.agents, *c.about_local) if a.iri in named}.items()]
        out.append(replace(
            c, claimants=tuple(dict.fromkeys(named[i][0] if i in named else i for i in c.claimants)),
            about=tuple(dict.fromkeys(named[i][0] if i in named else i for i in c.about)),
            agents=tuple(_linked(a, named) for a in c.agents),
            about_local=tuple(a for a in c.about_local if a.iri not in named),
            explanation=f"{c.explanation}; {'; '.join(whys)}" if c.explanation else "; ".join(whys)))
    return out


def _linked(agent: ClaimAgent, named: dict[str, tuple[str, str, str]]) -> ClaimAgent:
    if agent.iri not in named:
        return agent
    iri, label, _ = named[agent.iri]
    return replace(agent, iri=iri, label=label, local=False)


@lru_cache(maxsize=4096)
def _bearer(label: str, year: int) -> tuple[str, str, str] | None:
    """(IRI, name, why) of the one authority person a printed name may be in `year`: named so in full, else by the
    surname, among those the FRUS persons lists cite within three years of it and alive then; None for none or
    several, and for a name with given names that no authority person bears in full ("Ruth S. Donahue")."""
    a = authorities()
    words = label.replace("’", "'").split()
    while len(words) > 1 and _TITLE_WORD.match(words[0]):
        words = words[1:]
    name = " ".join(words)
    ids = a.full_index.get(norm(name), frozenset()) if len(words) > 1 else frozenset()
    how = "named"
    if not ids:
        surnames = _surnames()
        if len(words) > 1 or not _may_be_a_surname(name, surnames.get(norm(name), frozenset())):
            return None
        ids, how = surnames[norm(name)], "of the surname"
    near = {pid: cited for pid in ids if (cited := _cited_near(pid, year)) and a.person(pid).alive_in(year) is not False}
    if len(near) != 1:
        return None
    (pid, (first, last)), = near.items()
    person = a.person(pid)
    why = (f"of the Office of the Historian's people, the one {how} '{name}' whom the persons list of a FRUS volume "
           f"within {_NEAR} years of {year} describes (a volume of {first}–{last}; hsg-people {pid})")
    return iris.person_iri(pid), person.name, why


@lru_cache(maxsize=1)
def _surnames() -> dict[str, frozenset[str]]:
    """The surname index the entity layer reads: without a word FRUS never prints alone for a person (not_alone.tsv:
    a claimant "Minh" of 1963 is not Ho Chi Minh)."""
    return without_words_not_alone(authorities().surname_index)


def _cited_near(pid: str, year: int) -> tuple[int, int] | None:
    """The years of the FRUS volume nearest `year`, within three years of it, whose persons list cites the person.
    Each volume on its own, not the span of all: Chaim Weizmann, cited by volumes of 1945–1954 and of 1977–1980,
    is no evidence for the "General Weizmann" of 1966 (Ezer Weizman)."""
    spans = [s for s in _volume_years().get(pid, ()) if s[0] - _NEAR <= year <= s[1] + _NEAR]
    return min(spans, key=lambda s: (abs((s[0] + s[1]) / 2 - year), s)) if spans else None


@lru_cache(maxsize=1)
def _volume_years() -> dict[str, tuple[tuple[int, int], ...]]:
    """Canonical person id -> the (first, last) years of each FRUS volume whose persons list cites the person."""
    a = authorities()
    out: dict[str, set[tuple[int, int]]] = {}
    for volume, ids in a.volumes.items():
        m = re.match(r"frus(\d{4})(?:-(\d{2,4}))?", volume)
        if m:
            y0 = int(m.group(1))
            y1 = int(m.group(1)[:4 - len(m.group(2))] + m.group(2)) if m.group(2) else y0
            for pid in ids.values():
                out.setdefault(a.canonical(pid), set()).add((y0, y1))
    return {pid: tuple(sorted(spans)) for pid, spans in out.items()}


def _may_be_a_surname(word: str, ids: frozenset[str]) -> bool:
    """A word alone names a person by its surname only where it is no title ("Chancellor"), no word the corpus prints
    in lower case ("Cross", "Page", "Service"), no place ("Aden") and no given name more often than a surname ("David",
    "Robert", "Nuri")."""
    if not ids or _TITLE_WORD.match(word) or word.lower() in common_words() or gazetteer().get(word):
        return False
    return _given_names().get(norm(word), 0) <= len(ids)


@lru_cache(maxsize=1)
def _given_names() -> dict[str, int]:
    """norm(first given name) -> how many of the authorities' people bear it."""
    counts: dict[str, int] = {}
    for p in authorities().people.values():
        given = split_name(p.sort).forenames.split()
        if given:
            key = norm(given[0].strip("."))
            counts[key] = counts.get(key, 0) + 1
    return counts
