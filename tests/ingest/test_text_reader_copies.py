"""Plain-text copies of documents from every period of FRUS, laid out as history.state.gov shows them (session 23's
trial: only 12 of 32 real copies could be read). Each fixture is a real document, rendered from its TEI as the
website prints it; each test pins a defect the trial found and fails on the reader before the fix."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import SourceError
from ingest.text_reader import UNKNOWN_PAGE, read_text_document, volume_id_from_title

COPIES = Path(__file__).resolve().parents[1] / "fixtures" / "text"


def read(name: str):
    return read_text_document(COPIES / name)


@pytest.mark.parametrize("line, volume, title", [
    ("FOREIGN RELATIONS OF THE UNITED STATES, 1949, THE FAR EAST AND AUSTRALASIA, VOLUME VII, PART 1", "frus1949v07p1",
     "Foreign Relations of the United States, 1949, The Far East and Australasia, Volume VII, Part 1"),
    ("FOREIGN RELATIONS OF THE UNITED STATES, 1952–1954. CHINA AND JAPAN (IN TWO PARTS): VOLUME XIV, PART 2",
     "frus1952-54v14p2", "Foreign Relations of the United States, 1952–1954, China and Japan (In Two Parts), Volume XIV, Part 2"),
    ("FOREIGN RELATIONS OF THE UNITED STATES, 1969–1976, VOLUME I, FOUNDATIONS OF FOREIGN POLICY, 1969–1972",
     "frus1969-76v01", "Foreign Relations of the United States, 1969–1976, Volume I, Foundations of Foreign Policy, 1969–1972"),
])
def test_regression_volumes_before_1961_print_their_subject_before_the_volume_number(line, volume, title):
    assert volume_id_from_title(line) == (volume, title)


def test_regression_a_file_number_printed_above_the_heading_is_the_source_note_not_a_refusal():
    record = read("frus1948v05p1-d42.txt")
    assert (record.volume.id, record.doc_id) == ("frus1948v05p1", "d42")
    assert record.source_note.file_number == "890.0145/11–2248"
    assert [f.number for f in record.footnotes if f.is_source] == ["source"]
    assert record.footnotes[1].number == "1" and not record.footnotes[1].is_source   # "1. On November 24; see …"


def test_regression_a_document_on_one_page_is_read_with_its_page_unknown():
    record = read("frus1949v07p1-d100.txt")
    assert [p.number for p in record.pages] == [UNKNOWN_PAGE]
    assert record.page_at(len(record.text) - 1) == UNKNOWN_PAGE


def test_regression_the_local_time_of_a_1940s_dateline_is_kept():
    assert read("frus1948v05p1-d42.txt").date == "1948-11-29T13:00:00"      # "November 29, 1948—1 p. m."


def test_regression_a_source_note_numbered_0_and_its_notes_stay_footnotes():
    record = read("frus1958-60v08-d42.txt")
    assert [f.number for f in record.footnotes] == ["0", "1", "2", "3", "4", "5", "6"]
    assert record.footnotes[0].is_source and record.source_note.text.startswith("0. Source: Department of State")
    assert "Source:" not in record.text[record.body_start:record.body_end]


def test_regression_a_page_marker_between_heading_and_dateline_starts_the_first_page():
    record = read("frus1969-76ve05p1-d79.txt")
    assert record.pages[0].number == "1" and record.pages[0].start == 0
    assert not record.heading.endswith(" ")                        # "…, 2131Z¹ ²": the marks leave no space
    assert [(f.number, f.is_source) for f in record.footnotes] == [("1", True), ("2", False)]
    assert not record.is_editorial_note and record.date == "1969-06-18T21:31:00Z"


def test_regression_a_dateline_that_prints_the_month_only_is_a_range():
    record = read("frus1977-80v01-d42.txt")
    assert (record.place, record.date, record.date_max) == ("Washington", "1977-06-01", "1977-06-30")
    assert not record.is_editorial_note and "month only" in record.date_basis


def test_regression_an_undated_dateline_keeps_its_place_and_is_no_editorial_note():
    record = read("frus1961-63v22-d190.txt")
    assert (record.place, record.date, record.is_editorial_note) == ("Washington", None, False)


def test_regression_a_note_of_two_paragraphs_stays_one_footnote():
    record = read("frus1969-76ve09p1-d5.txt")
    (note,) = record.footnotes
    text = record.text[note.start:note.end]
    assert text.startswith("1. Summary:") and "\nSource: Library of Congress" in text and note.is_source


def test_regression_two_documents_in_one_file_are_refused_where_the_second_starts():
    with pytest.raises(SourceError) as err:
        read("two-documents.txt")
    assert err.value.line == 44 and "second document" in str(err.value)


def test_regression_a_place_the_editors_bracketed_is_named_without_the_brackets(tmp_path):
    copy = (COPIES / "frus1948v05p1-d42.txt").read_text(encoding="utf-8").replace(
        "Washington, November 29, 1948—1 p. m.", "[Washington,] November 29, 1948—1 p. m.")
    path = tmp_path / "d42.txt"
    path.write_text(copy, encoding="utf-8")
    record = read_text_document(path)
    assert record.place == "Washington" and record.text[record.place_span.start:record.place_span.end] == "Washington"


def test_regression_a_copy_whose_footnotes_were_cut_off_is_refused_not_read_without_its_source(tmp_path):
    copy = (COPIES / "frus1977-80v01-d42.txt").read_text(encoding="utf-8")
    path = tmp_path / "cut.txt"
    path.write_text(copy[:copy.index("\n1. Source:")], encoding="utf-8")
    with pytest.raises(SourceError) as err:
        read_text_document(path)
    assert "no numbered footnotes" in str(err.value) and err.value.line is not None

