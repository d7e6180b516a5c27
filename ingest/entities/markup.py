"""Editors' markup that points at a list the file does not hold: a single-document TEI file in today's encoding
(as history.state.gov serves one document) has `<gloss target="#t_UN_1">UN</gloss>` but no terms list, so the
tag alone says only "a listed term". The text recogniser still knows what "UN" is: the mention keeps the tag
as evidence (fk:teiRef) and takes its entity from the recogniser's reading of the same span; the explanation
gives both.
"""
from __future__ import annotations

from ingest.records import DocumentRecord, Mention
from ontology import iris

__all__ = ["orphan_markup", "fall_back"]


def orphan_markup(record: DocumentRecord) -> list[Mention]:
    """The editors' tags whose list entry is not in this file and that no authority resolved (still volume-local)."""
    volume = record.volume
    listed = {"person": {e.xml_id for e in volume.persons}, "term": {e.xml_id for e in volume.terms}}
    local = (iris.volume_person_iri(volume.id, ""), iris.term_iri(volume.id, ""))
    out = []
    for m in record.mentions:
        if m.method != "tei-markup" or not m.tei_ref or m.kind not in listed:
            continue
        ref_volume, _, xml_id = m.tei_ref.rpartition("#")
        if ref_volume not in ("", volume.id) or xml_id in listed[m.kind]:
            continue
        if m.entity is None or m.entity.startswith(local):
            out.append(m)
    return out


def fall_back(orphans: list[Mention], found: list[Mention]) -> list[Mention]:
    """Merge each orphan tag with the recogniser's mention inside its span (removed from `found`); a tag the
    recogniser has nothing for stays as it was. Returns the mentions to add."""
    out = []
    for tag in orphans:
        inside = [m for m in found if tag.start <= m.start and m.end <= tag.end]
        if len(inside) != 1:
            out.append(tag)
            continue
        read = inside[0]
        found.remove(read)
        what = "persons" if tag.kind == "person" else "terms"
        out.append(Mention(tag.start, tag.end, read.kind, read.method, read.confidence, read.entity, read.label,
                           read.candidates, f"tagged by the FRUS editors ({tag.tei_ref}), but this file holds no {what} "
                           f"list to say what {tag.tei_ref} is; the text recogniser reads the same span: {read.explanation}",
                           office=read.office, entity_links=read.entity_links, tei_ref=tag.tei_ref))
    return out
