"""A lone surname after a namesake was named is not given to that namesake when the President or the Secretary of
State of the day bears it too (issue 16: John Foster Dulles was 8 IRIs over the report split, most of them links of
his "Dulles" to Allen W. Dulles, named earlier in the same document)."""
from __future__ import annotations

import pytest

from ingest.entities import EntityExtractor
from ingest.heading import parties_of
from ingest.records import DocumentRecord, ListEntry, Page, Party, VolumeRecord
from ontology import iris

ALLEN, FOSTER = iris.person_iri("103701"), iris.person_iri("103703")


@pytest.fixture(scope="module")
def extractor():
    return EntityExtractor()


def read(extractor, body: str, date: str, volume: str = "frus1955-57v02",
         heading: str = "12. Memorandum of Discussion at the 250th Meeting of the National Security Council",
         persons=()) -> DocumentRecord:
    text = f"{heading}\n\nWashington, {date}.\n\n{body}"
    record = DocumentRecord(VolumeRecord(volume, "t", persons=list(persons)), "d12", "12", heading, text, "<test>", date=date,
                            pages=[Page("1", 0, len(text))])
    record.parties += [Party(p.role, p.name, p.office, p.start, p.end) for p in parties_of(heading)]
    extractor.run(record)
    return record


def mentions_of(record: DocumentRecord, exact: str):
    return [m for m in record.mentions if m.exact == exact]


def test_regression_dulles_after_allen_dulles_was_linked_to_allen(extractor):
    record = read(extractor, "Mr. Allen Dulles briefed the Council on the situation. Dulles said that the Chinese "
                             "would not attack.", "1955-06-01")
    assert [m.entity for m in mentions_of(record, "Allen Dulles")] == [ALLEN]
    (lone,) = mentions_of(record, "Dulles")
    assert lone.kind == "person" and lone.entity is None
    assert {c.entity for c in lone.candidates} == {ALLEN, FOSTER}
    assert "Secretary of State" in lone.explanation


def test_regression_eisenhower_after_milton_eisenhower_was_linked_to_milton(extractor):
    record = read(extractor, "Milton Eisenhower returned from Latin America. Eisenhower said that he agreed.",
                  "1958-07-01", volume="frus1958-60v05")
    (lone,) = mentions_of(record, "Eisenhower")
    assert lone.entity is None and iris.person_iri("103887") in {c.entity for c in lone.candidates}


def test_a_top_office_holder_named_earlier_keeps_his_surname(extractor):
    """Jimmy Carter named, then "Carter": Hodding Carter (an Assistant Secretary then) is no rival."""
    record = read(extractor, "President Jimmy Carter met the Prime Minister. Carter said that he agreed.", "1978-05-01",
                  volume="frus1977-80v01", heading="12. Memorandum of Conversation")
    assert [m.entity for m in mentions_of(record, "Carter")] == [iris.person_iri("102251")]


def test_dulles_is_one_iri_across_two_volumes_when_his_office_sends(extractor):
    """The Secretary as sender ('From the Secretary of State') is POCOM's holder, and the text's 'Dulles' the listed
    one: the same IRI in either volume."""
    found = set()
    for volume, date in (("frus1955-57v02", "1955-06-01"), ("frus1958-60v08", "1958-11-20")):
        record = read(extractor, "Dulles said that the Chinese would not attack.", date, volume=volume,
                      heading="7. Telegram From the Secretary of State to the Embassy in the Republic of China")
        found |= {m.entity for m in mentions_of(record, "Dulles")} | {p.entity for p in record.parties}
    assert found == {FOSTER}


def test_regression_secretary_dulles_after_allen_dulles_was_linked_to_allen(extractor):
    """frus1955-57v02 d280 (an undated editorial note): after "Director of Central Intelligence Allen Dulles", every
    "Secretary Dulles" went to Allen as "named earlier". The title fits the Secretary of State of the year (POCOM),
    not the Director, so the Secretary is the person; "Director Dulles" keeps Allen."""
    persons = [ListEntry("p_DAW1", "person", "Dulles, Allen W.", "Director of Central Intelligence"),
               ListEntry("p_DJF1", "person", "Dulles, John Foster", "Secretary of State")]
    record = read(extractor, "Director of Central Intelligence Allen Dulles briefed the Council. Secretary Dulles "
                             "called attention to the treaty. Director Dulles agreed.", "1955-06-01", persons=persons)
    assert [m.entity for m in mentions_of(record, "Dulles")] == [FOSTER, ALLEN]
    first = mentions_of(record, "Dulles")[0]
    assert "Secretary of State" in first.explanation and "does not bear that title" in first.explanation


def test_foster_dulles_is_a_full_name_of_john_foster_dulles_where_the_volume_lists_him(extractor):
    """'Foster Dulles' (the editors tag the two words as one span) was cut to "Foster", linked to a Foster."""
    record = read(extractor, "Foster Dulles said the treaty would hold.", "1958-06-01", volume="frus1958-60v08")
    assert [m.entity for m in mentions_of(record, "Foster Dulles")] == [FOSTER]
    lone = read(extractor, "Foster Dulles said the treaty would hold.", "1958-06-01", volume="no-such-volume")
    assert not mentions_of(lone, "Foster Dulles")           # a middle name alone never names a person


def test_president_kennedy_in_1977_is_the_late_president_not_the_senator(extractor):
    """frus1977-80v01 lists both Kennedys; "President Kennedy" went to Edward M. Kennedy (alive, in the list), the
    title fitting only John F. Kennedy ("President of the United States from 1961 until 1963")."""
    persons = [ListEntry("p_KEM_1", "person", "Kennedy, Edward M. “Ted”", "Senator (D-Massachusetts)"),
               ListEntry("p_KJF_1", "person", "Kennedy, John F.", "President of the United States from 1961 until 1963")]
    record = read(extractor, "the Peace Corps of President Kennedy was successful.", "1976-03-15",
                  volume="frus1977-80v01", heading="4. Remarks by Jimmy Carter", persons=persons)
    assert [m.entity for m in mentions_of(record, "Kennedy")] == [iris.person_iri("107025")]
