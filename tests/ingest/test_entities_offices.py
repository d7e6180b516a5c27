"""Offices outside POCOM are settled by the volume's persons list: its descriptions carry offices, nationality
and dates (ingest/entities/offices.py)."""
from __future__ import annotations

import pytest

from ingest.entities import EntityExtractor
from ingest.entities.offices import office_from_persons_list
from ingest.records import DocumentRecord, ListEntry, Mention, Page, Party, VolumeRecord
from ontology import iris

LORD_OWEN = ListEntry("p_OLD_1", "person", "Owen, Lord David", "British Foreign Secretary from February 21, 1977, until May 4, 1979")
HENRY_OWEN = ListEntry("p_OHD_1", "person", "Owen, Henry D.",
                       "Director, Policy Planning Staff, Department of State, from 1966 until 1969; member, National "
                       "Security Council staff, from 1977 until 1981; also Ambassador at Large and Coordinator for "
                       "International Economic Summits from October 20, 1978, until January 21, 1981")
HEADING = "54. Memorandum From the Special Representative for Economic Summits (Owen) to President Carter"


def memo(tagged_as: str | None = None) -> DocumentRecord:
    text = HEADING + "\n\nWashington, August 4, 1977\n\nOwen recommends that the summit be held in Bonn."
    start = HEADING.index("(Owen)") + 1
    volume = VolumeRecord("frus1977-80v01", "t", persons=[LORD_OWEN, HENRY_OWEN])
    record = DocumentRecord(volume=volume, doc_id="d54", number="54", heading=HEADING, text=text, source="<test>",
                            date="1977-08-04", pages=[Page("1", 0, len(text))],
                            parties=[Party("author", "Owen", "Special Representative for Economic Summits", start, start + 4,
                                           tei_ref=tagged_as)])
    if tagged_as:
        record.mentions.append(Mention(start, start + 4, "person", "tei-markup", 1.0,
                                       iris.volume_person_iri("frus1977-80v01", tagged_as[1:]), "Owen, Lord David",
                                       tei_ref=tagged_as))
    return record


@pytest.fixture(scope="module")
def extractor():
    return EntityExtractor()


def test_henry_owen_is_not_lord_david_owen(extractor):
    record = memo()
    extractor.run(record)
    author = record.authors[0]
    owens = {m.entity for m in record.mentions if m.exact == "Owen"}
    assert author.entity == iris.person_iri("110192") and owens == {author.entity}
    assert "persons list" in author.explanation and "U.S. title" in author.explanation


def test_regression_the_editors_tag_of_lord_owen_on_the_economic_summits_office_is_overruled_with_both_explained(extractor):
    record = memo(tagged_as="#p_OLD_1")
    extractor.run(record)
    tag = next(m for m in record.mentions if m.method == "tei-markup")
    assert tag.entity == iris.person_iri("110192") and tag.tei_ref == "#p_OLD_1"
    assert tag.explanation.startswith("the FRUS editors tag it #p_OLD_1")


def test_a_foreign_office_goes_to_the_foreign_official():
    volume = VolumeRecord("frus1977-80v01", "t", persons=[LORD_OWEN, HENRY_OWEN])
    choice = office_from_persons_list("British Foreign Secretary", "Owen", volume, 1978)
    assert choice is not None and choice.xml_id == "p_OLD_1"


def test_an_office_no_description_fits_is_left_to_the_name_rules():
    volume = VolumeRecord("frus1977-80v01", "t", persons=[LORD_OWEN, HENRY_OWEN])
    assert office_from_persons_list("Chairman of the Joint Chiefs of Staff", "Owen", volume, 1978) is None
