"""Claims, session 53: an undated editorial note tells of the time between the dated documents around it, and its
"the President" is the President of the United States of that time (issue 16; docs/claims.md, "Session 53")."""
from __future__ import annotations

from dataclasses import replace

from ingest.claims import claims_of
from ingest.date_order import DateOrder
from ingest.entities import extract_entities
from ingest.entities.titles import holder_of_title
from ingest.records import DocumentRecord, ListEntry, VolumeRecord
from ingest.text_reader import parse_text_document
from ontology import iris
from tests.ingest.test_claims_speakers import document, the

CARTER = iris.person_iri("102251")
NOTE = "frus1977-80v01-editorial-note.xml"


def test_an_undated_editorial_note_is_placed_between_its_dated_neighbours_but_stays_undated(slice_document):
    """The editors wrote the note decades later: the range is the time it tells of, not a date of the document."""
    record = slice_document(NOTE, "d114")
    assert record.date is None and record.is_editorial_note
    assert record.narrated == ("1979-02-24", "1979-03-30")


def test_regression_the_president_of_an_undated_editorial_note_was_a_node_named_president(slice_document):
    """frus1977-80v01 d114 (Carter's journey to Cairo and Jerusalem, March 1979): 41 claims, most of them his speeches,
    had gone to a node named "President": an undated note had no date to find the holder by."""
    record = slice_document(NOTE, "d114")
    claims = claims_of(record)
    carters = [c for c in claims if c.claimants == (CARTER,)]
    assert len(carters) >= 30
    assert not any(i.endswith("/persons/president") for c in claims for i in c.claimants)
    at = record.text.index("the President turned to") + 4
    (title,) = [m for m in record.mentions if m.start == at and m.entity == CARTER]
    assert "placed it between documents of 1979-02-24 and 1979-03-30" in title.explanation


def test_a_title_that_changed_hands_within_the_notes_span_stays_untied(slice_document):
    """A note between documents of January 10 and February 1, 1977 may tell of Ford or of Carter."""
    record = slice_document(NOTE, "d114")
    assert holder_of_title(replace(record, narrated=("1977-01-10", "1977-02-01")), "President", None) is None
    assert holder_of_title(replace(record, narrated=("1977-01-25", "1977-02-01")), "President", None).entity == CARTER


def _doc(doc_id: str, date: str | None, editorial: bool = False) -> DocumentRecord:
    return DocumentRecord(VolumeRecord("frus-test", "Test"), doc_id, doc_id[1:], f"{doc_id[1:]}. Heading", "Text.",
                          "<test>", date=date, is_editorial_note=editorial)


def _ordered(*records: DocumentRecord) -> list[DocumentRecord]:
    order = DateOrder()
    out = [r for record in records for r in order.add(record, ("chapter",))]
    return out + order.release()


def test_the_notes_in_date_order_keep_their_places_and_a_dated_note_is_not_placed():
    records = [_doc("d1", "1965-12-01"), _doc("d2", None, True), _doc("d3", "1965-12-03", True), _doc("d4", "1965-12-09")]
    assert [r.doc_id for r in _ordered(*records)] == ["d1", "d2", "d3", "d4"]
    assert records[1].narrated == ("1965-12-01", "1965-12-09") and records[1].date is None
    assert records[2].narrated is None


def test_a_date_that_may_be_misprinted_places_no_note_and_is_still_read_as_a_misprint():
    """frus1964-68v03 d266 is printed "December 29, 1925" between two documents of December 1965: with an editorial
    note before it, the note is not placed by it, and it is still read as 1965."""
    records = [_doc("d1", "1965-12-28"), _doc("d2", None, True), _doc("d3", "1925-12-29"), _doc("d4", "1965-12-30")]
    assert [r.doc_id for r in _ordered(*records)] == ["d1", "d2", "d3", "d4"]
    assert records[1].narrated is None
    assert records[2].date == "1965-12-29"


KOREA = ("FOREIGN RELATIONS OF THE UNITED STATES, 1964–1968, VOLUME XXIX, PART 1, KOREA\n\n143. Editorial Note\n\n"
         "[Page 2]\n\n{body}\n")
PAK = ListEntry("p_PC1", "person", "Pak Chong-hui (Pak Chung-hui, Park Chung Hee)", "President of the Republic of Korea")


def _note(body: str) -> DocumentRecord:
    record = replace(parse_text_document(KOREA.format(body=body), source="<test>"), narrated=("1968-01-05", "1968-01-24"))
    record.volume.persons.append(PAK)
    extract_entities(record)
    return record


def test_an_editorial_note_that_tells_of_a_foreign_president_leaves_the_president_untied():
    """frus1964-68v29p1 d143: "President Pak announced… The President reportedly called the meeting" is Pak's, not
    Johnson's, whom the note never names."""
    record = _note("In public statements President Pak announced that the conference would focus on infiltration. "
                   "The President reportedly called the meeting to discuss counterinfiltration measures.")
    assert holder_of_title(record, "President", None) is None


def test_an_editorial_note_that_names_the_president_of_the_united_states_keeps_the_editors_convention():
    record = _note("President Johnson met the press. He was asked about the visit of President Pak. "
                   "The President said that the talks would go on.")
    assert holder_of_title(record, "President", None).entity == iris.person_iri("106664")


def test_a_president_named_only_in_a_speech_the_note_quotes_does_not_count():
    record = _note("The President said on arrival:\n\n“I know how deeply President Pak is committed to that quest.\n\n"
                   "“We will work with him.”\n\nThe President then left for the Blue House.")
    assert holder_of_title(record, "President", None).entity == iris.person_iri("106664")


ANKARA = "224. Telegram From the Embassy in Turkey to the Department of State"
TURKEY = ("FonMin Caglayangil told Ambassador US and Turkey should work on one or several alternatives.\n\n"
          "Ambassador replied we could begin exchange of views anytime.{more}")


def _replied(heading: str = ANKARA, more: str = "") -> tuple[str, ...]:
    record = document(TURKEY.format(more=more), heading=heading, date="Ankara, February 21, 1966, 1513Z.")
    extract_entities(record)
    return the(record, "Ambassador replied").claimants


def test_an_embassys_ambassador_printed_alone_is_the_chief_of_mission_heading_it_on_the_date():
    """frus1964-68v16 d224: 7 claims of the Embassy in Turkey's telegram had gone to a node named "Ambassador"; Parker
    T. Hart was Ambassador to Turkey in February 1966 (POCOM)."""
    assert _replied() == (iris.person_iri("105610"),)
    assert _replied(more=" Ambassador July 1 reviewed relations with FonMin.") == (iris.person_iri("105610"),)


def test_an_embassys_bare_ambassador_stays_untied_where_the_telegram_names_another_ambassador():
    assert _replied(more=" Soviet Ambassador called on FonMin the same day.") != (iris.person_iri("105610"),)
    assert _replied(more=" Greek Amb called on FonMin the same day.") != (iris.person_iri("105610"),)


def test_the_departments_ambassador_printed_alone_is_not_read_as_a_posts_chief():
    heading = "224. Telegram From the Department of State to the Embassy in Turkey"
    assert _replied(heading=heading) != (iris.person_iri("105610"),)


def test_he_after_the_embassys_ambassador_is_the_ambassador_though_he_writes_the_telegram():
    """d224: "Ambassador replied…. He noted big difference in Greek and Turkish positions…" had gone to the Foreign
    Minister: the writer's sentences are passed over when looking for whom "he" stands for, and the telegram's writer
    is its chief, here printed in the third person."""
    body = TURKEY.format(more=" He noted big difference in Greek and Turkish positions.") + "\n\nHart"
    record = document(body, heading=ANKARA, date="Ankara, February 21, 1966, 1513Z.")
    extract_entities(record)
    assert the(record, "He noted").claimants == (iris.person_iri("105610"),)


def _according(opening: str) -> tuple[str, ...]:
    record = document(f"{opening}, the British Government would accept the proposal.", date="Washington, May 10, 1961")
    extract_entities(record)
    (claim,) = [c for c in claims_of(record) if "would accept" in record.text[c.start:c.end]]
    return claim.claimants


def test_regression_the_record_of_the_secretarys_staff_meeting_was_read_as_the_secretary_speaking():
    """frus1961-63v17 d41: "According to the record of the Secretary's staff meeting for May 8, Talbot reported that…"
    went to Rusk once the note's "the Secretary" had a holder: what a record is of does not speak; who wrote it does.
    Such a sentence is the writer's, as one without the phrase is."""
    writer = _according("In sum")
    assert _according("According to the record of the Secretary's staff meeting for May 8") == writer
    assert _according("According to the minutes of the meeting with President Kennedy") == writer
    assert _according("According to the President's Daily Diary") == writer
    rusk = iris.person_iri("111738")
    assert _according("According to a memorandum of the conversation by Secretary Rusk") == (rusk,)
    assert _according("According to Secretary Rusk") == (rusk,)
