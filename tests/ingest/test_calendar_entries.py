"""Calendar entries (the microfiche supplements): a heading that describes a document the volume does not print,
dated by its day and its section's month and year, its parties read from its title (ingest/calendar_entries.py)."""
from __future__ import annotations

import pytest

from ingest.calendar_entries import entry_parties, entry_title, section_date
from ingest.tei_reader import read_tei

MCNAMARA = ("276. Memorandum from McNamara to President Kennedy, August 11. Provides information on the status of the "
            "“Strategic Army Force in the United States” and a summary table of “Army Strength Planned as of June 30, "
            "1963.” Secret. 3 pp. Kennedy Library, National Security Files, Departments and Agencies Series, DOD, 7/62–8/62.")


def test_the_day_printed_without_a_year_takes_the_year_of_its_section():
    assert section_date(MCNAMARA, "August 1962") == "1962-08-11"
    assert section_date("2. Memorandum of Conversation, February 21, among Wohlstetter and Stern.", "February 1961") \
        == "1961-02-21"
    assert section_date("374. “Current Economic Developments,” May 9. Expansion of Food for Peace.", "May 1962") \
        == "1962-05-09"


def test_a_full_date_before_the_entrys_own_day_is_another_papers():
    heading = "219. Addendum to December 20, 1962 Report of the NSAM 205 Committee, August 15. Implications."
    assert section_date(heading, "August 1963") == "1963-08-15"


def test_an_entry_filed_under_the_next_months_section_is_of_the_year_before():
    assert section_date("9. Letter from Fisk to McCloy, December 30. Transmits.", "January 1962") == "1961-12-30"


@pytest.mark.parametrize("heading, section", [
    (MCNAMARA, None),                                                       # no section heading
    (MCNAMARA, "Arms Control and Disarmament"),                             # a section that is no month
    ("4. Memorandum from Hilsman to Woodward, July 18, 1961. Latin America.", "July 1961"),   # the year is printed
    ("5. Memorandum from Fisk to McCloy, February 30. Transmits.", "February 1962"),         # no such day
])
def test_no_date_where_the_section_or_the_day_does_not_give_one(heading, section):
    assert section_date(heading, section) is None


def test_the_title_ends_at_the_entrys_date():
    assert entry_title(MCNAMARA) == "276. Memorandum from McNamara to President Kennedy, August 11"
    assert entry_title("86. Memorandum of conversation among Kennedy and Orlich. Requests.") \
        == "86. Memorandum of conversation among Kennedy and Orlich. Requests."


@pytest.mark.parametrize("heading, parties", [
    (MCNAMARA, [("author", "McNamara", None), ("recipient", "Kennedy", "President")]),
    ("232. Memorandum from Gen. Lemnitzer to Clifton, March 3. Transmits copy of JCS memorandum to Secretary McNamara.",
     [("author", "Lemnitzer", "Gen."), ("recipient", "Clifton", None)]),
    ("133. Letter from Rep. Holifield and Sen. Jackson to President Kennedy, July 25. Concern.",
     [("author", "Holifield", "Rep."), ("author", "Jackson", "Sen."), ("recipient", "Kennedy", "President")]),
    ("4. Memorandum from Hilsman (INR) to Woodward (ARA), July 18, 1961. Latin America.",
     [("author", "Hilsman", "INR"), ("recipient", "Woodward", "ARA")]),
    ("137. Memorandum for the Record prepared by McCone, July 27. Meeting with Dr. Northrup.", [("author", "McCone", None)]),
    ("630. Telegram 2241 from Moscow, March 11. Report on conversation between Trevelyan and Khrushchev.", []),
    ("265. Memorandum from the Secretaries to the Joint Chiefs of Staff, April 24. Circulates.", []),
])
def test_parties_are_read_from_the_title_and_posts_are_not_people(heading, parties):
    found = entry_parties(heading)
    assert [(p.role, p.name, p.office) for p in found] == parties
    assert all(heading[p.start:p.end] == p.name for p in found)


def test_regression_a_calendar_entry_took_a_date_from_its_description_and_a_recipient_from_its_citation(tmp_path):
    """frus1961-63v07-09mSupp d276 was dated 1963-06-30 ("Army Strength Planned as of June 30, 1963") and had the
    recipients "Departments" and "Agencies Series" from its archive citation; the entries after a section's first had
    no date at all, since the reader freed the section's heading with the first entry."""
    path = tmp_path / "frus1961-63v07-09mSupp.xml"
    path.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0" '
        'xml:id="frus1961-63v07-09mSupp"><teiHeader><fileDesc><titleStmt><title>Supplement</title></titleStmt>'
        '</fileDesc></teiHeader><text><body><div type="chapter" xml:id="ch1"><head>National Security Policy</head>'
        '<div type="subchapter" xml:id="ch1s8"><head>August 1962</head>\n'
        '<div type="document" n="275" xml:id="d275"><head>275. Memorandum from Gen. Taylor to President Kennedy, '
        'July 12. Comments.</head><frus:file id="1" path="0021/0000.TIF"/></div>\n'
        f'<div type="document" n="276" xml:id="d276"><head>{MCNAMARA}</head><frus:file id="2" path="0021/0001.TIF"/></div>\n'
        '</div></div></body></text></TEI>', encoding="utf-8")
    d275, d276 = read_tei(path)
    assert (d275.date, d276.date) == ("1962-07-12", "1962-08-11")
    assert "section it is filed in" in d276.date_basis
    assert not d276.is_editorial_note
    assert [(p.role, p.name) for p in d276.parties] == [("author", "McNamara"), ("recipient", "Kennedy")]
