"""Entities, session 57: a middle name and the surname after a title ("Ambassador Cabot Lodge") name the person whose
names they are, as they already did untitled; a quoted byname of the authority data ("Big Minh") is a full name; a
word FRUS never prints alone for a person ("Minh" of Ho Chi Minh) is not his surname; and a generational suffix
printed after a full name ("Benigno Aquino, Jr.") rules out a record with another (issue 16; docs/entities.md)."""
from __future__ import annotations

import pytest

from ingest.records import DocumentRecord
from ontology import iris

LODGE = iris.person_iri("108064")          # Henry Cabot Lodge II
JOHN_MOORS_CABOT = iris.person_iri("102059")
BIG_MINH = iris.person_iri("103731")       # Duong Van Minh
HO_CHI_MINH = iris.person_iri("105990")
AQUINO_JR = iris.person_iri("100517")      # "Aquino, Benigo S., Jr." (sic), the senator of 1971
AQUINO_3RD = iris.person_iri("100516")     # "Aquino, Benigno, 3rd", the President of 2010


def people(record: DocumentRecord) -> list[tuple[str, str | None]]:
    return [(m.exact, m.entity) for m in record.mentions if m.kind == "person"]


@pytest.mark.parametrize("body", [
    "In my telephone conversation with Ambassador Cabot Lodge this morning he noted the recommendation.",
    "In my telephone conversation with Cabot Lodge this morning he noted the recommendation.",
])
def test_regression_ambassador_cabot_lodge_was_two_people_cabot_and_lodge(memorandum, body):
    """frus1955-57v14 d256, frus1958-60v13 d20: "Ambassador Cabot Lodge" was "Cabot", linked to John Moors Cabot,
    and "Lodge": the titled path looked up full names only, not a middle name with the surname."""
    record = memorandum(body, "frus1955-57v14")
    assert people(record) == [("Cabot Lodge", LODGE)]


def test_a_middle_name_with_the_surname_still_needs_the_list_or_an_earlier_full_name(memorandum):
    """Where the volume does not list him and the document has not named him, "Cabot Lodge" is no full name of his."""
    record = memorandum("In my telephone conversation with Ambassador Cabot Lodge this morning he noted it.",
                  "no-such-volume")
    assert ("Cabot Lodge", LODGE) not in people(record)


def test_regression_big_minh_was_no_one(memorandum):
    """frus1961-63v04 d33 (1963): "Big Minh" was no mention at all ("Big" read as a given name he does not bear), 68
    of the editors' tags in the 99 volumes; the authority data prints the byname: 'Dương, Văn Minh (“Big Minh”)'."""
    record = memorandum("The generals, Big Minh among them, met at the Joint General Staff.", "frus1961-63v04",
                  "1963-08-20")
    assert ("Big Minh", BIG_MINH) in people(record)


def test_regression_general_minh_after_ho_chi_minh_was_ho_chi_minh(memorandum):
    """frus1961-63v04 d319 (November 1963): "President Minh", then "General Minh" were Ho Chi Minh, "Minh" being the
    surname of "Ho Chi Minh" read as a Western name; FRUS calls him "Ho"."""
    record = memorandum("Ho Chi Minh was not mentioned again. General Minh said that the Strategic Hamlet Program "
                  "had been misapplied.", "frus1961-63v04", "1963-11-18")
    found = people(record)
    assert ("Ho Chi Minh", HO_CHI_MINH) in found
    assert ("Minh", BIG_MINH) in found and ("Minh", HO_CHI_MINH) not in found


def test_regression_benigno_aquino_jr_of_1971_was_the_president_of_2010(memorandum):
    """frus1969-76v20 d238 (August 1971): "Filipino Senator Benigno Aquino, Jr." and every "Aquino" after it went to
    "Benigno Aquino 3rd", the only record printing "Benigno Aquino" whole (37 of the editors' tags)."""
    record = memorandum("Discussion with Filipino Senator Benigno Aquino, Jr., LP Secretary General. Senator Aquino "
                  "reported that he will visit the People's Republic of China.", "frus1969-76v20", "1971-08-13")
    linked = {entity for exact, entity in people(record) if "Aquino" in exact}
    assert linked == {AQUINO_JR}


def test_jr_is_the_second_of_the_name_as_frus_prints_henry_cabot_lodge_ii(memorandum):
    """"Ambassador Henry Cabot Lodge, Jr." (frus1961-63v04 d196, 1963) is the record "Henry Cabot Lodge II": a first
    version of the suffix rule read "Jr." against "II" and cut the name into "Henry" (John J. Henry) and "Cabot Lodge"."""
    record = memorandum("the assassination of key officials, including Ambassador Henry Cabot Lodge, Jr. These "
                  "reports are difficult to evaluate.", "frus1961-63v04", "1963-10-14")
    assert people(record) == [("Henry Cabot Lodge", LODGE)]
