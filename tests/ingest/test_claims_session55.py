"""Claims, session 55: a transcript's "President:" is the sitting President where every other president the document
names had held the office before; the Warsaw talks' "Wang replied:" and "Gimo said…" follow the entity layer's new
links (issue 16; docs/claims.md, "Session 55")."""
from __future__ import annotations

from ingest.claims import claims_of
from ontology import iris
from tests.ingest.test_claims_speakers import the

JOHNSON = iris.person_iri("106664")
CABINET_ROOM = "frus1964-68v14-cabinet-room.xml"


def test_regression_the_presidents_turns_in_a_cabinet_room_transcript_went_to_a_node_named_president(slice_document):
    """frus1964-68v14 d282 (July 29, 1968): "President: …Yes, I think there is something to that." went, with 86 more
    claims, to a node named "President": the transcript also names "President Kennedy", so two people bore the title."""
    record = slice_document(CABINET_ROOM, "d282")
    c = the(record, "Yes, I think there is something to that")
    assert c.claimants == (JOHNSON,)
    assert "had held it before" in c.explanation
    assert not any(i.endswith("/persons/president") for c in claims_of(record) for i in c.claimants)


def test_a_president_who_never_held_the_us_office_leaves_the_label_untied(slice_document):
    """Where another president named is not a former President of the United States, the rule has nothing to choose."""
    record = slice_document(CABINET_ROOM, "d282")
    kennedy = [m for m in record.mentions if m.entity == iris.person_iri("107025")]
    assert kennedy                                         # "…in President Kennedy's lap when they met in Vienna"
    for m in kennedy:
        m.entity, m.label = iris.person_iri("109824"), "Nguyen Van Thieu"
    c = the(record, "Yes, I think there is something to that")
    assert "had held it before" not in c.explanation


def test_wang_replied_in_the_warsaw_talks_is_wang_bingnan(slice_document):
    record = slice_document("frus1958-60v19-warsaw-talks.xml", "d102")
    c = the(record, "Your opening statement this morning entirely repetition")
    assert c.claimants == (iris.person_iri("114253"),)


def test_gimo_said_is_chiang_kai_shek(slice_document):
    record = slice_document("frus1964-68v30-gimo.xml", "d218")
    c = the(record, "Gimo said he always took pleasure in seeing me")
    assert c.claimants == (iris.person_iri("102483"),)


def test_regression_the_british_ambassador_of_a_washington_talk_was_a_node_named_british_ambassador(slice_document):
    """frus1955-57v02 d96 (1955): "The British Ambassador continued that Sir Anthony's principal concern now was…"
    went, with 20 more claims, to a node "British Ambassador", though the participants list prints Sir Roger Makins,
    whom FRUS persons lists of 1952–1957 describe as "British Ambassador to the United States"."""
    record = slice_document("frus1955-57v02-british-ambassador.xml", "d96")
    c = the(record, "The British Ambassador continued that")
    assert c.claimants == (iris.person_iri("108389"),)
    assert "British Ambassador to the United States" in c.explanation


def test_another_countrys_ambassador_is_not_the_one_person_named(slice_document):
    record = slice_document("frus1955-57v02-british-ambassador.xml", "d96")
    record.text = record.text.replace("The British Ambassador continued", "The Italian Ambassador continued", 1)
    c = the(record, "The Italian Ambassador continued that")
    assert c.claimants != (iris.person_iri("108389"),)
