"""The signature of a telegram the Department of State sent is the Secretary of State or the Acting Secretary of the
day (POCOM), whatever namesake the volume's persons list names (issue 16, session 8: frus1955-57v23p2 lists only Allen
W. Dulles, and its telegrams signed "Dulles" went to him). The passage is cut unchanged from the FRUS TEI volume
(tests/fixtures/identity/last_fixes.json, public domain)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.entities import EntityExtractor
from ingest.entities.signatures import department_signature
from ingest.records import DocumentRecord, ListEntry, Page, VolumeRecord
from ontology import iris

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "identity" / "last_fixes.json"
ALLEN, FOSTER, HOOVER_JR = iris.person_iri("103701"), iris.person_iri("103703"), iris.person_iri("106100")


@pytest.fixture(scope="module")
def extractor():
    return EntityExtractor()


def telegram(volume: str, doc: str, *, heading: str | None = None, date: str | None = None,
             signature: str | None = None) -> DocumentRecord:
    """The fixture's telegram as a document of its volume; heading, date or signature replaced where given."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    (p,) = [p for p in data["passages"] if (p["volume"], p["doc"]) == (volume, doc)]
    persons = [ListEntry(x, "person", name, description) for x, name, description in data["persons"][volume]]
    heading = heading or p["heading"]
    body = p["text"] if signature is None else p["text"].rsplit("\n", 1)[0] + "\n" + signature
    text = f"{heading}\n\n{body}"
    return DocumentRecord(VolumeRecord(volume, "t", persons=persons), doc, doc[1:], heading, text, "<fixture>",
                          date=date or p["date"], pages=[Page("1", 0, len(text))], body_start=len(heading) + 2)


def signed(extractor, record: DocumentRecord) -> list[str | None]:
    extractor.run(record)
    last = record.text.rstrip().rsplit("\n", 1)[1]
    return [m.entity for m in record.mentions if m.kind == "person" and m.exact == last and m.end == len(record.text.rstrip())]


def test_regression_the_departments_telegram_signed_dulles_was_given_to_allen_dulles(extractor):
    """frus1955-57v23p2 d7 (January 27, 1955), "Telegram From the Department of State to the Embassy in Korea", signed
    "Dulles": the volume lists only Allen W. Dulles, who took the signature; John Foster Dulles was Secretary of State."""
    record = telegram("frus1955-57v23p2", "d7")
    assert signed(extractor, record) == [FOSTER]
    (m,) = [m for m in record.mentions if m.entity == FOSTER]
    assert "Secretary of State" in m.explanation and "POCOM" in m.explanation


def test_the_acting_secretary_signs_under_his_own_name(extractor):
    """The same telegram signed "Hoover" (as d23 of the volume is): the Under Secretary, Herbert Hoover, Jr., signing as
    Acting Secretary; no Hoover held the Secretary's post."""
    record = telegram("frus1955-57v23p2", "d7", signature="Hoover")
    assert signed(extractor, record) == [HOOVER_JR]


def test_a_signature_no_secretary_bears_is_left_to_the_other_rules():
    """A surname no Secretary or Acting Secretary of the day bears is not the rule's ("Robertson", the Assistant
    Secretary); nor is a telegram the Department received."""
    assert department_signature(telegram("frus1955-57v23p2", "d7", signature="Robertson")) is None
    assert department_signature(telegram("frus1955-57v23p2", "d7", heading="7. Telegram From the Embassy in Korea to "
                                         "the Department of State")) is None


def test_the_secretary_travelling_signs_his_telegrams_to_the_department(extractor):
    """"Telegram From the Secretary of State to the Department of State" (frus1955-57v23p2 d46, Paris, May 1955), signed
    "Dulles": the Secretary himself."""
    record = telegram("frus1955-57v23p2", "d7", heading="46. Telegram From the Secretary of State to the Department of "
                      "State", date="1955-05-12")
    assert signed(extractor, record) == [FOSTER]


def test_a_signature_whose_surname_the_volume_does_not_list_stays_out(extractor):
    """frus1958-60v02 lists no Herter and its editors tag none of his signatures: "Herter" signing in June 1959 (then
    Secretary of State) is left out there as any unlisted surname is, not made a prediction the markup never has."""
    record = telegram("frus1955-57v23p2", "d7", date="1959-06-01", signature="Herter")
    record.volume.id = "frus1958-60v02"
    assert signed(extractor, record) == []
    assert department_signature(record)[2] == "105858"
