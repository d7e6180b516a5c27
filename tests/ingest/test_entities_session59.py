"""Entities, session 59: a bare monarch's title is the monarch, not a namesake whose surname it is (issue 16;
docs/entities.md, item 6, "Session 59")."""
from __future__ import annotations

from ingest.entities import EntityExtractor
from ingest.entities.titles import holder_of_title
from ingest.records import DocumentRecord, Page
from ingest.tei_reader import read_tei
from ontology import iris
from tests.ingest.conftest import TEI_SLICES

CONSTANTINE = iris.person_iri("107356")        # Constantine II, King of Greece from March 1964
GORDON_KING = iris.person_iri("107196")        # Gordon D. King, Officer in Charge of Cypriot Affairs
SLICE = "frus1964-68v16-the-king.xml"


def _at(record, printed: str, nth: int = 0):
    at = -1
    for _ in range(nth + 1):
        at = record.text.index(printed, at + 1)
    word = at + printed.index("King")
    (mention,) = [m for m in record.mentions if m.kind == "person" and m.start == word and m.end == word + 4]
    return mention


def test_regression_the_king_of_greece_was_the_listed_gordon_d_king_in_the_untagged_mentions(slice_document):
    """frus1964-68v16 lists "King, Gordon D.", who drafted some of its telegrams; about 400 untagged mentions of
    Constantine II in the volume ("The King responded with thanks") had gone to him, the volume's only "King"."""
    record = slice_document(SLICE, "d269")
    king = _at(record, "The King responded")
    assert king.entity == CONSTANTINE and king.tei_ref is None
    assert "read as the title, not as the surname of Gordon D. King (after 'the')" in king.explanation


def test_a_bare_king_in_a_telegram_whose_body_never_names_the_namesake_is_the_monarch(slice_document):
    """Telegraphese drops the article ("Kanellopoulos have argued that King had no alternative", Athens, April 1967)."""
    record = slice_document(SLICE, "d268")
    king = _at(record, "argued that King had")
    assert king.entity == CONSTANTINE
    assert "whom the body does not name in full" in king.explanation


def test_the_drafter_in_the_source_note_stays_the_namesake(slice_document):
    """"Drafted by King and approved in S" (d164): no article, and in the editors' notes only "the King" is read."""
    record = slice_document(SLICE, "d164")
    assert _at(record, "Drafted by King").entity == GORDON_KING


def test_a_bare_king_stays_the_namesake_the_body_prints_in_full():
    """A participant printed "Gordon D. King" makes a bare "King" of the same body his, though the volume's persons list
    settles Greece's King at the date (a memorandum written here into the slice's volume, with its lists)."""
    (base,) = [r for r in read_tei(TEI_SLICES / SLICE) if r.doc_id == "d268"]
    heading = "900. Memorandum of Conversation"
    text = (f"{heading}\n\nWashington, April 10, 1967.\n\nParticipants: Gordon D. King, Department of State; Phillips "
            "Talbot.\n\nKing said that the situation in Greece called for patience. Talbot agreed.")
    record = DocumentRecord(base.volume, "d900", "900", heading, text, "<test>", date="1967-04-10",
                            pages=[Page("1", 0, len(text))])
    EntityExtractor(title_only=True).run(record)
    assert holder_of_title(record, "King", 1967).entity == CONSTANTINE
    assert _at(record, "King said").entity == GORDON_KING


def test_regression_trinh_minh_the_was_cut_to_trinh_for_the_last_word_reads_as_the_article(memorandum):
    """frus1955-57v01 (1955): the Cao Dai general "Trinh Minh The" was read as "Trinh" and an unlinked "Minh": a span
    ending in a connector ("… of", "… the") was never tried, though the authority data holds the name whole."""
    record = memorandum("Hoa Hao reaction to reports Trinh Minh The has rallied to the Government.", "frus1955-57v01",
                        "1955-02-15")
    at = record.text.index("Trinh Minh The")
    (general,) = [m for m in record.mentions if m.kind == "person" and m.start <= at < m.end]
    assert (general.start, general.end) == (at, at + len("Trinh Minh The"))
    assert general.entity == iris.person_iri("113737")
    assert not [m for m in record.mentions if m.kind == "person" and at < m.start < at + len("Trinh Minh The")]


def test_regression_a_name_printed_without_its_hyphen_was_cut_to_its_first_word(memorandum):
    """frus1958-60v19 (1958) prints "Mao Tsetung", frus1955-57v03 "Chiang Chingkuo": no record prints them so, and the
    son's "Chiang" went to his father (frus1955-57v03 d213). The full-name index holds each hyphenated form also
    without its hyphens."""
    record = memorandum("Chairman Mao Tsetung met Chiang Kaishek. Chiang Chingkuo, the elder son, was there.",
                        "frus1958-60v19", "1958-09-01")
    found = {record.text[m.start:m.end]: m.entity for m in record.mentions if m.kind == "person"}
    assert found == {"Mao Tsetung": iris.person_iri("108483"), "Chiang Kaishek": iris.person_iri("102483"),
                     "Chiang Chingkuo": iris.person_iri("102482")}

