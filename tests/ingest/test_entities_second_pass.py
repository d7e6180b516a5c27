"""Session 9, second pass (issue 16): what data settles among the wrong links left on the 100 most-tagged people
(bench/REPORT.md, "Session 9, second pass"): the Vice Presidents of the United States as dated posts
(ingest/data/authorities/vice_presidents.tsv). Each passage is cut unchanged from the FRUS TEI volume it names
(tests/fixtures/identity/second_pass.json, public domain)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.authorities import authorities
from ingest.entities import EntityExtractor
from ingest.heading import parties_of
from ingest.records import DocumentRecord, ListEntry, Page, Party, VolumeRecord
from ontology import iris

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "identity" / "second_pass.json"
LYNDON, U_ALEXIS = "106664", "106681"


@pytest.fixture(scope="module")
def extractor():
    return EntityExtractor()


def passage(extractor, volume: str, doc: str) -> DocumentRecord:
    """The fixture's passage as a document of its volume, with the persons-list entries the fixture keeps."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    (p,) = [p for p in data["passages"] if (p["volume"], p["doc"]) == (volume, doc)]
    persons = [ListEntry(x, "person", name, description) for x, name, description in data["persons"][volume]]
    heading = p["heading"]
    text = f"{heading}\n\n{p['text']}"
    record = DocumentRecord(VolumeRecord(volume, "t", persons=persons), doc, doc[1:], heading, text, "<fixture>",
                            date=p["date"], pages=[Page("1", 0, len(text))])
    record.parties += [Party(x.role, x.name, x.office, x.start, x.end) for x in parties_of(heading)]
    extractor.run(record)
    return record


# -- the Vice Presidents ------------------------------------------------------------------------------------------------

def test_the_vice_presidents_are_dated_posts():
    """The hand table's terms: Johnson 1961-01-20 to 1963-11-22 (then President), Humphrey from 1965-01-20; no one
    in the vacancy of 1964."""
    a = authorities()
    holders = lambda date: {p.hsg for p in a.holders("Vice President of the United States", date)}
    assert holders("1961-06-08") == {LYNDON}
    assert holders("1964-06-01") == set()
    assert holders("1965-03-01") == {"106282"}          # Hubert H. Humphrey
    assert holders("1955-01-01") == {"109882"}          # Richard M. Nixon


def test_regression_vice_president_johnson_in_1961_went_to_u_alexis(extractor):
    """frus1961-63v12 d312 (June 1961), "Present at the meeting were: The President, Secretary Rusk, Secretary
    McNamara, Vice President Johnson, …, Alexis Johnson, …": the volume lists only U. Alexis Johnson, and no data held
    the Vice Presidency, so "Vice President Johnson" went to him. Lyndon B. Johnson was Vice President that day."""
    record = passage(extractor, "frus1961-63v12", "d312")
    vice = [m for m in record.mentions if m.exact == "Johnson" and (m.office or "").lower() == "vice president"]
    assert [m.entity for m in vice] == [iris.person_iri(LYNDON)]
    alexis = [m for m in record.mentions if m.kind == "person" and "Alexis" in m.exact]
    assert alexis and {m.entity for m in alexis} == {iris.person_iri(U_ALEXIS)}


def test_a_presidents_title_is_not_the_vice_presidents():
    """"President Johnson" in 1962 names no holder of the Presidency's word in the Vice President's post: the word
    "President" in "Vice President of the United States" is not the post's head."""
    from ingest.entities.namesakes import _bearing_the_word
    assert _bearing_the_word({LYNDON, U_ALEXIS}, "President", "1962-05-01") == {}
    assert set(_bearing_the_word({LYNDON, U_ALEXIS}, "Vice President", "1962-05-01")) == {LYNDON}
