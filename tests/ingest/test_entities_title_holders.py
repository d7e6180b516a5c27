"""Title-only mentions where several holders are in play (ingest/entities/titles.py, session 49): the heading or the
subject line names the country of the talk; a foreign "Secretary" is never the bare "the Secretary" of FRUS."""
from __future__ import annotations

import pytest

from ingest.entities import EntityExtractor
from ingest.records import DocumentRecord, ListEntry, Page, VolumeRecord
from ontology import iris

DULLES = iris.person_iri("103703")


@pytest.fixture(scope="module")
def extractor():
    return EntityExtractor(title_only=True)


def document(extractor, body: str, persons: list[ListEntry], heading: str, date: str, subject: str | None = None):
    text = f"{heading}\n\n{body}"
    volume = VolumeRecord("frus-test", "t", persons=persons)
    record = DocumentRecord(volume, "d7", "7", heading, text, "<test>", date=date, subject=subject,
                            pages=[Page("1", 0, len(text))], body_start=len(heading) + 2)
    extractor.run(record)
    return record


def holders(record: DocumentRecord, title: str) -> set[str | None]:
    return {m.entity for m in record.mentions if m.kind == "person" and record.text[m.start:m.end] == title}


PRIME_MINISTERS = [
    ListEntry("p_KK1", "person", "Karamanlis, Konstantine", "Prime Minister of Greece until March 1958 and from May 1958"),
    ListEntry("p_MH1", "person", "Macmillan, Harold", "Prime Minister of the United Kingdom"),
    ListEntry("p_MA1", "person", "Menderes, Adnan", "Prime Minister of Turkey until May 1960"),
]


def test_the_prime_minister_of_a_meeting_the_subject_line_places_in_greece_is_greeks():
    """frus1958-60v10p2 d255 (Athens, January 1959): the talk also names Britain and Turkey, whose Prime Ministers the
    volume lists; 50 claims had gone to a node named "Prime Minister"."""
    record = document(EntityExtractor(title_only=True),
                      "Mr. McGhee called on the Prime Minister. Greece, Turkey and the United Kingdom were discussed.",
                      PRIME_MINISTERS, "255. Memorandum of Conversation", "1959-01-29",
                      subject="McGhee Meeting with Greek Prime Minister")
    assert holders(record, "Prime Minister") == {iris.volume_person_iri("frus-test", "p_KK1")}
    assert "subject line" in next(m for m in record.mentions if m.exact == "Prime Minister").explanation


def test_a_subject_line_naming_no_holders_country_leaves_the_title_open(extractor):
    record = document(extractor, "Mr. McGhee called on the Prime Minister. Greece, Turkey and the United Kingdom were "
                      "discussed.", PRIME_MINISTERS, "255. Memorandum of Conversation", "1959-01-29",
                      subject="McGhee Meeting in Athens")
    assert holders(record, "Prime Minister") <= {None}


def test_a_british_secretary_of_state_does_not_make_the_secretary_of_a_us_telegram_ambiguous(extractor):
    """frus1958-60v08 d157, a Secto telegram from London in February 1959: Lloyd ("British Secretary of State for
    Foreign Affairs") and Dulles had both been in play, and 51 claims went to a node named "Secretary"."""
    record = document(extractor, "During meeting at FonOff the Secretary and Selwyn Lloyd discussed Berlin. The United "
                      "Kingdom and France agreed.",
                      [ListEntry("p_LS1", "person", "Lloyd, Selwyn", "British Secretary of State for Foreign Affairs")],
                      "157. Telegram From the Embassy in the United Kingdom to the Department of State", "1959-02-05")
    assert holders(record, "Secretary") == {DULLES}


def test_where_the_us_holder_is_in_play_the_headings_country_does_not_decide(extractor):
    """Guard: "the President" of the Department's telegram to the Embassy in Lebanon is as often Eisenhower as
    Chamoun; the heading's country settles only among foreign holders."""
    record = document(extractor, "The President has approved the reply. Lebanon was discussed.",
                      [ListEntry("p_CC1", "person", "Chamoun, Camille", "President of Lebanon until September 1958")],
                      "43. Telegram From the Department of State to the Embassy in Lebanon", "1958-05-14")
    assert holders(record, "President") <= {None}
