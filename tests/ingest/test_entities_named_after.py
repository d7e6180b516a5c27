"""Names inside other names are not people: papers, datelines, rounds, plans, islands and doctrines that carry a
surname (ingest/entities/named_after.py)."""
from __future__ import annotations

import pytest

from ingest.entities import EntityExtractor
from ingest.entities.named_after import term_phrases, thing_named_after
from ingest.records import DocumentRecord, Page, VolumeRecord
from ontology import iris

YORK = "frus1977-80v01"      # Herbert F. York is in this volume's persons list


@pytest.fixture(scope="module")
def extractor():
    return EntityExtractor()


def people(extractor, text: str, volume: VolumeRecord | None = None) -> list[str]:
    record = DocumentRecord(volume=volume or VolumeRecord(YORK, "t"), doc_id="d1", number="1", heading="1. Memorandum",
                            text=text, source="<test>", date="1978-05-01", pages=[Page("1", 0, len(text))])
    extractor.run(record)
    return [text[m.start:m.end] for m in record.mentions if m.kind == "person"]


def test_regression_new_york_times_and_a_new_york_dateline_were_herbert_york(extractor):
    assert people(extractor, "New York, April 4, 1978\n\nThe New York Times printed the story.") == []


def test_york_alone_is_still_the_person_the_volume_lists(extractor):
    text = "New York, April 4, 1978\n\nYork told the Times that the test ban was near."
    record = DocumentRecord(volume=VolumeRecord(YORK, "t"), doc_id="d1", number="1", heading="1. Memorandum", text=text,
                            source="<test>", date="1978-05-01", pages=[Page("1", 0, len(text))])
    extractor.run(record)
    york = [m for m in record.mentions if m.kind == "person"]
    assert [m.exact for m in york] == ["York"] and york[0].label == "Herbert F. York"


@pytest.mark.parametrize("text", ["The Kennedy Round ended.", "Aid under the Marshall Plan.", "Tests on Johnson Island.",
                                  "The Carter Doctrine was announced.", "He walked down Kennedy Street."])
def test_rounds_plans_islands_doctrines_and_streets_are_not_people(extractor, text):
    assert people(extractor, text) == []


def test_a_phrase_of_the_volumes_terms_list_is_a_thing_not_a_person():
    phrases = term_phrases(("Geneva Carter Talks on arms",))
    assert thing_named_after("", "Carter", "Talks", phrases) is not None
    assert thing_named_after("", "Carter", "Talks") is None


def test_a_given_name_before_a_surname_is_not_a_place():
    assert thing_named_after("Herbert", "York", "", given_names={"herbert"}) is None
    assert "place" in thing_named_after("New", "York", "")


def test_regression_island_was_iceland(extractor):
    record = DocumentRecord(volume=VolumeRecord("frus-test", "t"), doc_id="d1", number="1", heading="1. Memorandum",
                            text="Christmas Island and Iceland.", source="<test>", date="1978-05-01",
                            pages=[Page("1", 0, 29)])
    extractor.run(record)
    iceland = [m.exact for m in record.mentions if m.entity == iris.country_iri("iceland")]
    assert iceland == ["Iceland"]


@pytest.mark.parametrize("prev, name, nxt", [("State", "Suu", ""), ("Union", "Kosygin", ""), ("", "Nixon", "Presidential")])
def test_regression_chief_of_state_suu_and_the_nixon_presidential_materials_are_still_the_person(prev, name, nxt):
    assert thing_named_after(prev, name, nxt, term_phrases(("Nixon Presidential Materials",))) is None
