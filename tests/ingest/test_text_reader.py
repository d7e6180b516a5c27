"""The plain-text reader turns a history.state.gov copy into a record with exact values and stable offsets."""
from __future__ import annotations

import pytest

from ingest.errors import SourceError
from ingest.text_reader import parse_text_document, read_text_document, volume_id_from_title


def test_sample_memo_header_values(sample_record):
    r = sample_record
    assert r.volume.id == "frus1981-88v41"
    assert r.volume.title == "Foreign Relations of the United States, 1981–1988, Volume XLI, Global Issues II"
    assert (r.doc_id, r.number, r.genre) == ("d54", "54", "Memorandum")
    assert (r.date, r.place) == ("1981-10-26", "Washington")
    assert r.subject == "Reinvigoration of Human Rights Policy"
    assert not r.is_editorial_note


def test_sample_memo_parties_with_offices(sample_record):
    parties = [(p.role, p.name, p.office) for p in sample_record.parties]
    assert parties == [
        ("author", "Clark", "Deputy Secretary of State"),
        ("author", "Kennedy", "Under Secretary of State for Management"),
        ("recipient", "Haig", "Secretary of State"),
    ]
    for p in sample_record.parties:
        assert sample_record.text[p.start:p.end] == p.name


def test_sample_memo_source_note(sample_record):
    note = sample_record.source_note
    assert note.file_number == "P820048-0941"
    assert note.classification == "Confidential"
    assert note.archive == "Department of State, Central Foreign Policy File"
    assert note.printed_from == "an unsigned copy"


def test_sample_memo_pages_167_to_170(sample_record):
    assert [p.number for p in sample_record.pages] == ["167", "168", "169", "170"]


@pytest.mark.parametrize("passage, page", [
    ("aid to El Salvador", "167"),
    ("superpowers are morally equal", "168"),
    ("Pakistan or Argentina", "168"),
    ("as if offenses against freedom", "169"),
    ("the major threat to liberty", "169"),
    ("territory but for political liberty", "170"),
])
def test_each_passage_has_its_page(sample_record, passage, page):
    assert sample_record.page_at(sample_record.text.index(passage)) == page


def test_page_markers_leave_no_trace_in_text(sample_record):
    text = sample_record.text
    assert "[Page" not in text and "\\[" not in text and "(#)" not in text
    assert "if the two superpowers are morally equal" in text
    assert "or territory but for political liberty" in text


def test_three_footnotes_and_anchor_of_footnote_2_after_MDBs(sample_record):
    notes = sample_record.footnotes
    assert [n.number for n in notes] == ["1", "2", "3"]
    text = sample_record.text
    assert text[notes[1].start:notes[1].end] == "2. Reference is to multilateral development banks."
    assert text[: notes[1].anchor].endswith("in the MDBs,")
    assert text[: notes[2].anchor].endswith("coming to light,")
    assert notes[0].is_source and text[: notes[0].anchor].endswith("to Secretary of State Haig")
    assert not any(ch in text for ch in "¹²³")


def test_footnote_text_gets_the_page_of_its_anchor(sample_record):
    r = sample_record
    assert r.page_at(r.footnotes[0].start + 3) == "167"
    assert r.page_at(r.footnotes[1].start + 3) == "169"
    assert r.page_at(r.footnotes[2].start + 3) == "169"


def test_volume_ids_follow_history_state_gov():
    assert volume_id_from_title("FOREIGN RELATIONS OF THE UNITED STATES, 1969-1976, VOLUME E-9, PART 1, DOCUMENTS ON NORTH AFRICA")[0] == "frus1969-76ve09p1"
    assert volume_id_from_title("FOREIGN RELATIONS OF THE UNITED STATES, 1952-1954, VOLUME XII, PART 2, EAST ASIA")[0] == "frus1952-54v12p2"
    assert volume_id_from_title("FOREIGN RELATIONS OF THE UNITED STATES, 1964-1968, VOLUME 3")[0] == "frus1964-68v03"


def test_escaped_and_plain_page_markers_both_count():
    raw = ("FOREIGN RELATIONS OF THE UNITED STATES, 1981-1988, VOLUME XLI, GLOBAL ISSUES II\n\n"
           "7. Telegram From the Department of State to the Embassy in France\n\nWashington, May 2, 1982, 1200Z.\n\n"
           "One two [Page 11] three four [\\[Page 12\\]](#) five.\n")
    r = parse_text_document(raw, "t.txt")
    assert [(p.number, r.text[p.start:p.start + 5]) for p in r.pages] == [("10", "7. Te"), ("11", "three"), ("12", "five.")]
    assert r.date == "1982-05-02T12:00:00Z"


def test_document_without_dateline_is_an_editorial_note():
    raw = ("FOREIGN RELATIONS OF THE UNITED STATES, 1981-1988, VOLUME XLI, GLOBAL ISSUES II\n\n"
           "8. Editorial Note\n\nOn May 3 the President met the Pope. [Page 12] He said little.\n")
    r = parse_text_document(raw, "e.txt")
    assert r.is_editorial_note and r.date is None and r.genre == "Editorial Note"


def test_empty_file_is_a_clear_error(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(SourceError, match=r"empty\.txt: empty file"):
        read_text_document(empty)
    empty.write_text("   \n")
    with pytest.raises(SourceError, match=r"empty\.txt: file holds only whitespace"):
        read_text_document(empty)


def test_wrong_file_names_file_and_line(tmp_path):
    wrong = tmp_path / "notes.txt"
    wrong.write_text("Shopping list\n- eggs\n")
    with pytest.raises(SourceError) as info:
        read_text_document(wrong)
    assert info.value.path.endswith("notes.txt") and info.value.line == 1
    assert "FOREIGN RELATIONS" in str(info.value)


def test_non_utf8_names_line_and_column(tmp_path, sample_path):
    data = sample_path.read_bytes().replace("Washington".encode(), b"Washingt\xff\xfen", 1)
    bad = tmp_path / "latin.txt"
    bad.write_bytes(data)
    with pytest.raises(SourceError) as info:
        read_text_document(bad)
    assert info.value.line == 11 and info.value.column == 9
    assert "not UTF-8" in str(info.value)


def test_footnote_without_a_mark_is_refused_not_lost(sample_path):
    raw = sample_path.read_text().replace("MDBs,²", "MDBs,")
    with pytest.raises(SourceError, match="footnote\\(s\\) 2 have no mark"):
        parse_text_document(raw, "x.txt")


def test_genre_leaves_out_telegram_numbers():
    from ingest.heading import genre_of
    assert genre_of("4. Telegram 1410 From the Embassy in Algeria to the Department of State") == "Telegram"
    assert genre_of("2. Telegram 828/Secto 574 From Secretary of State Kissinger to the Department") == "Telegram"
    assert genre_of("9. Memorandum of Conversation") == "Memorandum of Conversation"


def test_headings_without_a_genre_word_have_no_genre():
    from ingest.heading import genre_of
    assert genre_of("12. The Consul General at Batavia (Livengood) to the Secretary of State") is None


def test_source_note_subject_file_codes_and_dates_are_not_file_numbers():
    from ingest.source_note import parse_source_note
    nara = parse_source_note("Source: National Archives, RG 59, Central Files 1970–73, POL 27 ARAB–ISR. Secret; Nodis.")
    assert (nara.file_number, nara.classification) == ("POL 27 ARAB–ISR", "Secret; Nodis")
    assert nara.archive == "National Archives, RG 59, Central Files 1970–73"
    evol = parse_source_note("Source: Department of State, Algeria, April–May 1974. Secret.")
    assert evol.file_number is None and evol.archive == "Department of State, Algeria, April–May 1974"
    decimal = parse_source_note("Source: Department of State, Central Files, 611.61/5-1453. Top Secret. Drafted by the U.S. Embassy staff.")
    assert (decimal.file_number, decimal.drafted_by) == ("611.61/5-1453", "the U.S. Embassy staff")


def test_regression_the_genre_kept_the_headings_place_and_month_so_the_genre_filter_missed_most_conversations():
    """frus1958-60v11: "Memorandum of a Conversation, Department of State, Washington, July 3, 1958" had the genre
    "Memorandum of a Conversation, Department of State, Washington, July"; a `--genre` filter found 13 of 63."""
    from ingest.heading import genre_of

    assert genre_of("12. Memorandum of a Conversation, Department of State, Washington, July 3, 1958") \
        == genre_of("Memorandum of a Conversation, New York, August 2, 1958") == "Memorandum of a Conversation"
    assert genre_of("Memorandum of Discussion at the 375th Meeting of the National Security Council, Washington, "
                    "August 7, 1958") == "Memorandum of Discussion"
    assert genre_of("Minutes of the 34th Meeting of the Washington Special Actions Group") == "Minutes"


def test_a_source_notes_drafters_end_where_its_clearances_begin():
    from ingest.source_note import parse_source_note
    """Session 33: fk:draftedBy had carried the clearances ("Rockwell and cleared by Rountree"), and "Drafted on June 17
    by Hanes" (104 times in the 99 volumes) had no drafter."""
    cases = {
        "Source: Eisenhower Library. Top Secret. Drafted on June 17 by Hanes.": "Hanes",
        "Source: Department of State, Central Files. Secret. Drafted by Rockwell and cleared by Rountree.": "Rockwell",
        "Source: Department of State, Central Files. Secret. Drafted by Garthoff, cleared by Kohler, and approved in S.":
            "Garthoff",
        "Source: Department of State. Confidential. Drafted on September 25 by Bennsky and approved as accurate on "
        "October 1 by Murphy.": "Bennsky",
        "Source: Department of State. Secret. Drafted by Dulles on June 3.": "Dulles",
    }
    for text, drafter in cases.items():
        assert parse_source_note(text).drafted_by == drafter, text
