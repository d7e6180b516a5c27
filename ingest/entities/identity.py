"""One IRI per real person: the editors' persons-list entries resolve to the authority record that cites them.

A persons-list entry (`…/frus1977-80v01/persons/p_KHA_1`) is a volume-local name for someone; when an
hsg-people record cites the entry (its source URLs), the authority IRI is the person and the entry is
kept as a variant, linked with skos:exactMatch in the volume graph. Entries no record cites, and records
that mix two people, stay apart: the entry's own IRI is then the only honest one.
"""
from __future__ import annotations

import re

from ingest.authorities import authorities, norm
from ingest.entities.gazetteer import gazetteer
from ingest.records import DocumentRecord, VolumeRecord
from ontology import iris

__all__ = ["link_persons_list", "link_terms_list", "canonical_markup", "entity_label", "expansion_of", "part_of",
           "retarget_mismatched_tags", "retitle_tags_by_office"]

_KIND_IRI = {"country": iris.country_iri, "organization": iris.organization_iri, "region": iris.region_iri}


def link_persons_list(volume: VolumeRecord) -> VolumeRecord:
    """Fill each persons-list entry's `entity` with the canonical hsg-people IRI that cites it (in place).

    Called before the volume graph is written, in whichever process writes it: the links must not
    depend on an extractor having run on the same record object first.
    """
    if not volume.persons:
        return volume
    people = authorities().volume_people(volume.id)
    for entry in volume.persons:
        if entry.entity is None and entry.xml_id in people:
            entry.entity = iris.person_iri(people[entry.xml_id])
    return volume


def expansion_of(description: str) -> str:
    """A terms list's expansion as the gazetteer names it: "Dept, Department" (eleven volumes' lists) is the Department
    of State, as "the Department" is in FRUS, though "Department" without its article names nothing."""
    return "Department of State" if description.strip() == "Department" else description


def link_terms_list(volume: VolumeRecord) -> VolumeRecord:
    """Fill each terms-list entry's `entity` with the one country, institution or region its expansion (or the
    abbreviation itself) names in the gazetteer ("UAR, United Arab Republic"), in place. A form that names several
    ("Germany": which one depends on the year) is left unlinked here; each tagged use is resolved at its date."""
    gaz = gazetteer()
    for entry in volume.terms:
        if entry.entity is not None:
            continue
        expansion = expansion_of(entry.description)
        for probe in (expansion, entry.name):
            found = {(e.kind, e.key) for e in gaz.get(probe, ()) if e.key != "-" and not e.needs_the}
            if found:
                if len(found) == 1:
                    kind, key = found.pop()
                    if probe == expansion or not part_of(entry.description, entity_label(kind, key)):
                        entry.entity = _KIND_IRI[kind](key)
                break
    return volume


def entity_label(kind: str, key: str) -> str:
    a = authorities()
    if kind == "country":
        return a.territories[key].name
    return (a.institutions[key] if kind == "organization" else a.regions[key]).label


def part_of(expansion: str, label: str) -> bool:
    """An expansion that names a part of the entity the abbreviation alone would name: "USA, United States Army"
    is the Army, not the United States, though "USA" alone is the country. A place or an aside after the name
    ("United States Mission to the United Nations in New York") is the entity itself."""
    if not expansion or not expansion.lower().startswith(label.lower() + " "):
        return False
    return expansion[len(label):].lstrip()[:1].isupper()


def _name_words(text: str) -> set[str]:
    return {norm(w) for w in re.findall(r"[^\W\d_][\w’'-]*", text) if len(w) > 1}


def retarget_mismatched_tags(record: DocumentRecord) -> None:
    """Session 35: a person tag whose text is no word of the tagged entry's names but the surname of exactly one other
    entry of the volume's persons list points at that entry: frus1955-57v13 tags "Saud" 209 times as "Eisenhower, Maj.
    John S.D." (p_EMJSD1), where its list has "Saud, ibn Abd al–Aziz, King of Saudi Arabia" (p_SAA1). The tag stays as
    fk:teiRef, and the explanation says both."""
    persons = {e.xml_id: e for e in record.volume.persons if e.kind == "person"}
    if not persons:
        return
    prefix = iris.volume_person_iri(record.volume.id, "")
    a = authorities()
    people = a.volume_people(record.volume.id)
    surnames: dict[str, list[str]] = {}
    for e in persons.values():
        surnames.setdefault(norm(e.name.split(",")[0].strip()), []).append(e.xml_id)
    for m in record.mentions:
        if m.kind != "person" or m.method != "tei-markup" or not m.entity or not m.entity.startswith(prefix):
            continue
        tagged = persons.get(m.entity[len(prefix):])
        surface = re.sub(r"[’']s$", "", record.text[m.start:m.end]).strip()
        if tagged is None or " " in surface or not surface[:1].isupper():
            continue
        own = _name_words(tagged.name) | {w for v in (a.person(people[tagged.xml_id]).variants if tagged.xml_id in people else ())
                                          for w in _name_words(v)}
        others = [x for x in surnames.get(norm(surface), []) if x != tagged.xml_id]
        if norm(surface) in own or len(others) != 1:
            continue
        meant = persons[others[0]]
        m.explanation = (f"tagged by the FRUS editors {m.tei_ref} ({tagged.name}), whose names do not include "
                         f"'{surface}'; the persons list's one entry of that surname is {meant.name} ({meant.xml_id})")
        m.entity, m.label = iris.volume_person_iri(record.volume.id, meant.xml_id), meant.name


_TITLE_BEFORE_TAG = re.compile(r"(?:(?<!Vice )\b(?P<president>President)|\b(?P<secretary>Secretary(?:\s+of\s+State)?))\s+$")
_POCOM_OF_TAG = {"president": "President of the United States", "secretary": "Secretary of State"}


def retitle_tags_by_office(record: DocumentRecord) -> None:
    """Session 35: a tag of a surname after "President" or "Secretary" that POCOM's holder of that office on the
    document's date bears, pointing at someone else, is the holder: frus1955-57v13 tags "President Eisenhower" 62 times
    as his son, Major John S. D. Eisenhower (p_EMJSD1); four volumes tag "Secretary Dulles" as Allen W. Dulles. Run
    after `canonical_markup`; the tag stays as fk:teiRef."""
    date = (record.date or "")[:10]
    if not date:
        return
    a = authorities()
    for m in record.mentions:
        if m.kind != "person" or m.method != "tei-markup" or " " in record.text[m.start:m.end].strip():
            continue
        t = _TITLE_BEFORE_TAG.search(record.text, max(0, m.start - 20), m.start)
        if t is None:
            continue
        office = _POCOM_OF_TAG[t.lastgroup]
        held = {a.canonical(p.hsg) for p in a.holders(office, date) if p.hsg}
        if len(held) != 1:
            continue
        pid = held.pop()
        holder = a.person(pid)
        if iris.person_iri(pid) == m.entity or norm(holder.surname) != norm(re.sub(r"[’']s$", "", record.text[m.start:m.end])):
            continue
        m.explanation = (f"tagged by the FRUS editors {m.tei_ref} ({m.label}); '{t.group(0).strip()} "
                         f"{record.text[m.start:m.end]}' on {date}: {holder.name} held the post '{office}' (POCOM)")
        m.entity, m.label = iris.person_iri(pid), holder.name


def canonical_markup(record: DocumentRecord) -> None:
    """Point the editors' person tags and heading parties at the authority IRI their entry is linked to.

    The tag (fk:teiRef) stays as the evidence and the explanation says which entry led where, so a
    count of mentions per person no longer splits one person into a node per volume.
    """
    a = authorities()
    people = a.volume_people(record.volume.id)
    if not people:
        return
    prefix = iris.volume_person_iri(record.volume.id, "")

    def canonical(entity: str | None) -> tuple[str, str] | None:
        if not entity or not entity.startswith(prefix):
            return None
        pid = people.get(entity[len(prefix):])
        return (pid, entity) if pid else None

    for m in record.mentions:
        hit = canonical(m.entity) if m.kind == "person" else None
        if hit:
            pid, local = hit
            p = a.person(pid)
            m.entity, m.label = iris.person_iri(pid), p.name
            m.explanation = f"{m.explanation or 'tagged by the FRUS editors'}; the persons-list entry {local} is " \
                            f"hsg-people {pid} ({p.name}), which cites it"
    for party in record.parties:
        hit = canonical(party.entity)
        if hit:
            pid, local = hit
            party.entity, party.label = iris.person_iri(pid), a.person(pid).name
            party.explanation = f"{party.explanation or 'tagged by the FRUS editors'}; the persons-list entry " \
                                f"{local} is hsg-people {pid}, which cites it"
