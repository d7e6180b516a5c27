""""The President" alone is the President of the United States where the editors' own convention says so (issue 16,
session 25): their headings and participants lists name a foreign president with his name or country and the
President of the United States as "the President". frus1958-60v11 names Chamoun, President of Lebanon, in most
documents, so "the President" stayed unlinked there, and 45 claims of d397 and 13 of d140 went to a node of the
document. The documents are cut unchanged from the FRUS TEI volume
(tests/fixtures/tei/frus1958-60v11-president.xml, public domain)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.claims import claims_of
from ingest.entities import EntityExtractor
from ingest.tei_reader import read_tei
from ontology import iris

SLICE = Path(__file__).resolve().parent.parent / "fixtures" / "tei" / "frus1958-60v11-president.xml"
EISENHOWER = iris.person_iri("103887")


@pytest.fixture(scope="module")
def documents():
    extractor = EntityExtractor(title_only=True)     # as ingest runs it (extract_entities)
    out = {}
    for record in read_tei(SLICE):
        extractor.run(record)
        out[record.doc_id] = record
    return out


def the_presidents(record):
    spans = {(m.start("t"), m.end("t")) for m in re.finditer(r"\b[Tt]he (?P<t>President)\b(?![’'] ?s? [A-Z]| [A-Z]| of)",
                                                             record.text[record.body_start:])}
    spans = {(s + record.body_start, e + record.body_start) for s, e in spans}
    return [m for m in record.mentions if (m.start, m.end) in spans]


def test_regression_a_conference_with_the_president_left_the_president_unlinked(documents):
    """d140, "Memorandum of a Conference With the President, White House, Washington, July 15, 1958": the heading
    names "the President" alone, so every "The President said…" is Eisenhower, though Chamoun is named too."""
    record = documents["d140"]
    found = the_presidents(record)
    assert len(found) >= 5 and {m.entity for m in found} == {EISENHOWER}
    assert "FRUS headings name the President of the United States" in found[0].explanation
    assert not any(c.endswith("/persons/president") for claim in claims_of(record) for c in claim.claimants)


def test_regression_the_president_among_the_participants_left_the_president_unlinked(documents):
    """d397, a conversation with King Hussein at the White House (March 25, 1959): the participants list prints
    "The President" under "The United States"."""
    record = documents["d397"]
    found = the_presidents(record)
    assert len(found) >= 5 and {m.entity for m in found} == {EISENHOWER}
    assert "participants" in found[0].explanation
    voices = [c for claim in claims_of(record) for c in claim.claimants]
    assert voices.count(EISENHOWER) >= 20
    assert not any(c.endswith("/persons/president") for c in voices)


def test_a_telegram_from_beirut_keeps_its_president_apart(documents):
    """d20, a telegram from the Embassy in Lebanon: its "President" is Chamoun as often as Eisenhower, and nothing in
    the heading or a participants list settles it, so it stays unlinked (not given to Eisenhower)."""
    record = documents["d20"]
    assert all(m.entity != EISENHOWER for m in the_presidents(record))
    assert "President" not in (record.heading or "").replace("Embassy", "")


SECRETARY_SLICE = SLICE.parent / "frus1969-76v38p1-secretary.xml"
KISSINGER, DONOVAN = iris.person_iri("107252"), iris.person_iri("103587")


@pytest.fixture(scope="module")
def secretary_documents():
    extractor = EntityExtractor(title_only=True)
    out = {}
    for record in read_tei(SECRETARY_SLICE):
        extractor.run(record)
        out[record.doc_id] = record
    return out


def test_regression_the_secretary_among_the_participants_was_a_node_of_the_document(secretary_documents):
    """frus1969-76v38p1 d23 (November 28, 1973, in the Secretary's office): the participants list prints "The
    Secretary" among Rusk, Dillon and McCloy; "The Secretary said…" is Kissinger, Secretary of State that day (127
    claims went to `…/d23/persons/secretary`)."""
    record = secretary_documents["d23"]
    found = [m for m in record.mentions if record.text[m.start:m.end] == "Secretary" and m.kind == "person"
             and record.text[m.start - 4:m.start] == "The "]
    assert len(found) >= 5 and {m.entity for m in found} == {KISSINGER}
    assert "participant is printed 'The Secretary'" in found[0].explanation
    voices = [c for claim in claims_of(record) for c in claim.claimants]
    assert voices.count(KISSINGER) >= 100 and not any(c.endswith("/persons/secretary") for c in voices)


def test_regression_a_title_ending_one_line_was_the_next_lines_persons(secretary_documents):
    """d42 (August 1974): "Henry A. Kissinger, Secretary of State" then "Hedley Donovan, Editor-in-Chief" on the next
    line. The title was read before Donovan's name, so "SECRETARY:" had two holders and became a node of the
    document (65 claims); a title does not reach across a line."""
    record = secretary_documents["d42"]
    (donovan,) = [m for m in record.mentions if m.entity == DONOVAN and record.text[m.start:m.end] == "Hedley Donovan"]
    assert donovan.office is None
    voices = [c for claim in claims_of(record) for c in claim.claimants]
    assert voices.count(KISSINGER) >= 50 and not any(c.endswith("/persons/secretary") for c in voices)


def test_the_secretary_of_a_defense_document_is_not_taken_for_the_secretary_of_state():
    """The Department of Defense's own participants lists print its Secretary as "The Secretary" too: a heading or
    source note that places the document there leaves the title to the other rules."""
    from ingest.records import DocumentRecord, Page, VolumeRecord
    heading = "12. Memorandum of Conversation, Department of Defense, Washington"
    text = (f"{heading}\n\nPARTICIPANTS\n\nThe Secretary\nGeneral Wheeler\n\n"
            "The Secretary said the budget would not allow it.\n")
    record = DocumentRecord(VolumeRecord("frus1964-68v02", "t"), "d12", "12", heading, text, "<test>",
                            date="1965-03-01", pages=[Page("1", 0, len(text))], body_start=len(heading) + 2)
    EntityExtractor(title_only=True).run(record)
    assert not [m for m in record.mentions if record.text[m.start:m.end] == "Secretary" and m.entity]


KENNEDY = iris.person_iri("107025")


def test_the_subject_line_and_the_president_of_the_united_states_among_the_participants():
    """frus1961-63v05 d88: "SUBJECT: Vienna Meeting Between The President and Chairman Khrushchev" (its participants
    are "Listed on Page 5"); d69: a participant printed "The President of the United States". Both are Kennedy's
    (tests/fixtures/tei/frus1961-63v05-president.xml)."""
    extractor = EntityExtractor(title_only=True)
    records = {r.doc_id: r for r in read_tei(SLICE.parent / "frus1961-63v05-president.xml")}
    for doc_id, where in (("d88", "subject line"), ("d69", "participant")):
        record = records[doc_id]
        extractor.run(record)
        found = the_presidents(record)
        assert found and {m.entity for m in found} == {KENNEDY}, doc_id
        assert where in found[0].explanation
        assert not any(c.endswith("/persons/president") for claim in claims_of(record) for c in claim.claimants)


def test_the_president_of_a_national_security_council_meeting_is_its_chairman():
    """"Memorandum of Discussion at the 238th Meeting of the National Security Council" (frus1955-57v24 d319, February
    1955): the President chairs it, though the list describes presidents of countries the discussion names."""
    from ingest.records import DocumentRecord, ListEntry, Page, VolumeRecord
    heading = "319. Memorandum of Discussion at the 238th Meeting of the National Security Council, Washington, February 24, 1955"
    text = (f"{heading}\n\nThe President said that the Republic of China would not like it, and that the Philippines "
            "had been told.\n")
    persons = [ListEntry("p_CKS1", "person", "Chiang Kai-shek", "President of the Republic of China"),
               ListEntry("p_MR1", "person", "Magsaysay, Ramon", "President of the Philippines")]
    record = DocumentRecord(VolumeRecord("frus1955-57v24", "t", persons=persons), "d319", "319", heading, text, "<test>",
                            date="1955-02-24", pages=[Page("1", 0, len(text))], body_start=len(heading) + 2)
    EntityExtractor(title_only=True).run(record)
    (m,) = the_presidents(record)
    assert m.entity == EISENHOWER and "National Security Council" in m.explanation


@pytest.mark.parametrize("doc_id, president, label", [("d34", "109882", "President"), ("d48", "104416", "President")])
def test_regression_the_one_president_among_the_participants_was_a_node_of_the_document(slice_document, doc_id,
                                                                                      president, label):
    """Session 26: frus1969-76v38p1 d34 (May 1974, participants "President Nixon", "Cabinet Meeting") and d48
    (November 1974, "President Ford") print the speaker as "President:"; the text names other presidents, so the 38 and
    12 turns went to `…/d34/persons/president`. The one participant printed with the title is the President of the
    United States on the date."""
    record = slice_document("frus1969-76v38p1-president.xml", doc_id)
    turns = [c for c in claims_of(record) if record.text.startswith(f"{label}:", c.start)
             or record.text[:c.start].rstrip().endswith(f"{label}:")]
    assert turns and all(c.claimants == (iris.person_iri(president),) for c in turns)
    assert not any(i.endswith("/persons/president") for c in claims_of(record) for i in c.claimants)


def test_regression_the_vice_president_of_a_national_security_council_meeting_was_a_node_of_the_document(slice_document):
    """Session 26: frus1977-80v01 d94, "Minutes of a National Security Council Meeting" (1977), prints the speaker "The
    Vice President:"; the volume lists Egypt's Vice President too, so his 28 turns went to `…/d94/persons/vice-president`.
    The Vice President of the United States is a member of the Council: Mondale."""
    record = slice_document("frus1977-80v01-vice-president.xml", "d94")
    turns = [c for c in claims_of(record) if record.text[:c.start].rstrip().endswith("The Vice President:")]
    assert turns and all(c.claimants == (iris.person_iri("109291"),) for c in turns)
    assert "member" in turns[0].explanation
    claims = claims_of(record)
    assert sum(c.claimants == (iris.person_iri("109291"),) for c in claims) >= 20
    assert not any(i.endswith("/persons/vice-president") for c in claims for i in c.claimants)


def test_vp_in_a_telegram_is_the_vice_president_of_the_united_states_on_the_date(slice_document):
    """frus1964-68v12 d128, Rome, April 1, 1967, during Humphrey's visit: "VP said Italians suggest treaty…"."""
    record = slice_document("frus1964-68v12-vice-president.xml", "d128")
    said = [c for c in claims_of(record) if record.text.startswith("VP said", c.start)]
    assert said and all(c.claimants == (iris.person_iri("106282"),) for c in said)
