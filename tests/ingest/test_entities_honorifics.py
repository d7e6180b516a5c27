""""His Majesty" spelled out is the monarch in play, settled as a monarch's title is (ingest/entities/titles.py,
session 48): the editors never tag it, and 550 of them in 28 volumes had left the King's words to the writer."""
from __future__ import annotations

import pytest

from ingest.claims import claims_of
from ingest.entities import EntityExtractor
from ingest.records import DocumentRecord, Page, VolumeRecord
from ontology import iris


@pytest.fixture(scope="module")
def extractor():
    return EntityExtractor(title_only=True)


def document(extractor, body: str, heading: str = "7. Memorandum of Conversation", date: str = "1957-01-30") -> DocumentRecord:
    text = f"{heading}\n\n{body}"
    record = DocumentRecord(VolumeRecord("frus-test", "t"), "d7", "7", heading, text, "<test>", date=date,
                            pages=[Page("1", 0, len(text))], body_start=len(heading) + 2)
    extractor.run(record)
    return record


def honorifics(record: DocumentRecord) -> list[tuple[str, str]]:
    return [(m.exact, m.entity) for m in record.mentions if m.office in ("His Majesty", "Her Majesty", "His Imperial Majesty")]


SAUD, HASSAN = iris.person_iri("111961"), iris.person_iri("105657")     # the Office of the Historian's records


def test_his_majesty_in_a_conversation_about_saudi_arabia_is_king_saud(extractor):
    record = document(extractor, "His Majesty said that Saudi Arabia wanted arms. The President thanked His Majesty.")
    assert honorifics(record) == [("His Majesty", SAUD), ("His Majesty", SAUD)]
    said, = [c for c in claims_of(record) if record.text[c.start:c.end].startswith("His Majesty said")]
    assert said.claimants == (SAUD,)


def test_where_several_kings_are_in_play_the_headings_country_decides(extractor):
    record = document(extractor, "I reviewed with His Majesty our talks with Jordan and the position of King Hussein.",
                      heading="112. Telegram From the Embassy in Morocco to the Department of State", date="1976-03-02")
    assert honorifics(record) == [("His Majesty", HASSAN)]
    assert "heading's country" in next(m for m in record.mentions if m.office == "His Majesty").explanation


def test_two_kings_and_nothing_to_choose_between_them_leave_his_majesty_unlinked(extractor):
    record = document(extractor, "Jordan and Iraq were discussed. His Majesty said he would wait.", date="1957-06-01")
    assert honorifics(record) == []


def test_his_majesty_needs_a_realm_the_document_names(extractor):
    """Unlike "the Shah", which needs no country in the 1950s: "His Majesty" alone does not make Pahlavi."""
    assert honorifics(document(extractor, "His Majesty said he would wait.")) == []


@pytest.mark.parametrize("body", [
    "His Majesty’s Government in Saudi Arabia agreed.",
    "Her Majesty's Ambassador in Riyadh called on Saudi Arabia's Foreign Minister.",
    "His Majesty King Saud of Saudi Arabia arrived.",
    "His Majesty, the King of Saudi Arabia, arrived.",
])
def test_the_crowns_institutions_and_a_name_or_title_in_apposition_are_not_the_honorific(extractor, body):
    assert honorifics(document(extractor, body)) == []
