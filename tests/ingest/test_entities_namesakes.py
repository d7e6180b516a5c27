"""A lone surname after a namesake was named is not given to that namesake when the President or the Secretary of
State of the day bears it too (issue 16: John Foster Dulles was 8 IRIs over the report split, most of them links of
his "Dulles" to Allen W. Dulles, named earlier in the same document)."""
from __future__ import annotations

import json
from pathlib import Path

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


# -- real passages (tests/fixtures/identity/passages.json, cut from the FRUS TEI volumes; public domain) ----------

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "identity" / "passages.json"


def passage(extractor, doc: str, with_list: bool = True) -> DocumentRecord:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    (p,) = [p for p in data["passages"] if p["doc"] == doc]
    persons = [ListEntry(x, "person", name, description) for x, name, description in data["persons"][p["volume"]]
               if with_list]
    heading = p["heading"]
    text = f"{heading}\n\n{p['text']}"
    record = DocumentRecord(VolumeRecord(p["volume"], "t", persons=persons), doc, doc[1:], heading, text, "<fixture>",
                            date=p["date"], pages=[Page("1", 0, len(text))])
    extractor.run(record)
    return record


JFK, TED = iris.person_iri("107025"), iris.person_iri("107024")


def test_regression_kennedy_in_1962_in_a_1979_memorandum_was_linked_to_the_living_senator(extractor):
    """frus1977-80v01 d127 (September 1979) compares Carter's position with "that of Kennedy in 1962"; the volume
    lists John F. and Edward M. Kennedy, and the document's date alone picked the living senator for every "Kennedy".
    The year the sentence prints was the President's (POCOM), so the first is John F. and the others follow him."""
    record = passage(extractor, "d127")
    found = [m for m in record.mentions if m.exact == "Kennedy"]
    assert len(found) >= 4 and {m.entity for m in found} == {JFK}
    assert "1962" in found[0].explanation and "principal post" in found[0].explanation


def test_kennedy_in_a_sentence_about_1979_stays_the_senator(extractor):
    """The same volume, d110's note on the Deng dinner invitation of January 1979: the printed years (1979) are no
    year of the late President's office, so the rule does not fire and the living senator keeps the name."""
    record = passage(extractor, "d110")
    found = [m for m in record.mentions if m.exact == "Kennedy"]
    assert found and {m.entity for m in found} == {TED}


def test_regression_president_eisenhower_in_1980_was_linked_to_milton(extractor):
    """frus1977-80v01 d158 (October 1980): "the policies of President Truman, President Eisenhower" went to Milton S.
    Eisenhower, alive in 1980; no namesake held the title then, and only Dwight D. had held it (POCOM). The volume's
    persons list says so too ("President of the United States from 1953 to 1961"); without it, POCOM decides."""
    for with_list, why in ((True, "persons list describes him"), (False, "had held the post")):
        record = passage(extractor, "d158", with_list)
        (ike,) = [m for m in record.mentions if m.exact == "Eisenhower"]
        assert ike.entity == iris.person_iri("103887") and why in ike.explanation


def test_regression_president_johnson_in_a_volume_listing_only_u_alexis_johnson_was_linked_to_him(extractor):
    """frus1964-68v29p1 lists U. Alexis Johnson and no Lyndon Johnson; "President Johnson" went to the one listed
    Johnson. The title fits only the President of the day (POCOM), whoever the list names."""
    record = passage(extractor, "d5")
    (lbj,) = [m for m in record.mentions if m.exact == "Johnson"]
    assert lbj.entity == iris.person_iri("106664") and "President of the United States" in lbj.explanation


def test_regression_secretary_smith_in_1953_was_linked_to_robert_smith_secretary_of_state_in_1809(extractor):
    """frus1952-54v02p1 d56 (April 1953): "Secretary Smith" is the Under Secretary, Walter Bedell Smith. The former-
    holder rule gave it to Robert Smith (Secretary of State 1809-1811), whom no FRUS persons list of the period cites;
    a former holder fits a title only if the lists cite him within 5 years of the date."""
    record = passage(extractor, "d56")
    found = [m for m in record.mentions if m.exact == "Smith"]
    assert found and iris.person_iri("112659") not in {m.entity for m in found}


IBN_SAUD, KING_SAUD = iris.person_iri("106354"), iris.person_iri("111961")


def test_regression_saud_after_ibn_saud_was_linked_to_the_father(extractor):
    """frus1955-57v13 d213 (1957): a reference to "King Ibn Saud" (Abdul Aziz, died 1953) made every later "King Saud"
    his, by "already named in this document"; a surname "Ibn Saud" is "son of Saud", so the bare "Saud" is not he.
    Over the report split this gave King Saud a second IRI among the 100 most-tagged people (evaluate, session 36)."""
    record = read(extractor, "The President recalled his predecessor's letter to King Ibn Saud of October 31, 1950. "
                  "He asked whether it might be possible for the US to encourage King Saud to get better people.",
                  "February 4, 1957", volume="frus1955-57v13", heading="213. Memorandum of a Conversation")
    assert [m.entity for m in mentions_of(record, "Ibn Saud")] == [IBN_SAUD]
    assert all(m.entity != IBN_SAUD for m in mentions_of(record, "Saud"))
