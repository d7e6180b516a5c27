""""The President" alone is the President of the United States where the editors' own convention says so (issue 16,
session 25): their headings and participants lists name a foreign president with his name or country and the
President of the United States as "the President". frus1958-60v11 names Chamoun, President of Lebanon, in most
documents, so "the President" stayed unlinked there, and 45 claims of d397 and 13 of d140 went to a node of the
document. The documents are cut unchanged from the FRUS TEI volume
(tests/fixtures/tei/frus1958-60v11-president.xml, public domain)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.claims import claims_of
from ingest.entities import EntityExtractor
from ingest.tei_reader import read_tei
from ontology import iris

SLICE = Path(__file__).resolve().parent.parent / "fixtures" / "tei" / "frus1958-60v11-president.xml"
EISENHOWER = iris.person_iri("103887")


@pytest.fixture(scope="module")
def documents():
    extractor = EntityExtractor(title_only=True)     # as ingest runs it (extract_entities)
    out = {}
    for record in read_tei(SLICE):
        extractor.run(record)
        out[record.doc_id] = record
    return out


def the_presidents(record):
    spans = {(m.start("t"), m.end("t")) for m in re.finditer(r"\b[Tt]he (?P<t>President)\b(?![’'] ?s? [A-Z]| [A-Z]| of)",
                                                             record.text[record.body_start:])}
    spans = {(s + record.body_start, e + record.body_start) for s, e in spans}
    return [m for m in record.mentions if (m.start, m.end) in spans]


def test_regression_a_conference_with_the_president_left_the_president_unlinked(documents):
    """d140, "Memorandum of a Conference With the President, White House, Washington, July 15, 1958": the heading
    names "the President" alone, so every "The President said…" is Eisenhower, though Chamoun is named too."""
    record = documents["d140"]
    found = the_presidents(record)
    assert len(found) >= 5 and {m.entity for m in found} == {EISENHOWER}
    assert "FRUS headings name the President of the United States" in found[0].explanation
    assert not any(c.endswith("/persons/president") for claim in claims_of(record) for c in claim.claimants)


def test_regression_the_president_among_the_participants_left_the_president_unlinked(documents):
    """d397, a conversation with King Hussein at the White House (March 25, 1959): the participants list prints
    "The President" under "The United States"."""
    record = documents["d397"]
    found = the_presidents(record)
    assert len(found) >= 5 and {m.entity for m in found} == {EISENHOWER}
    assert "participants" in found[0].explanation
    voices = [c for claim in claims_of(record) for c in claim.claimants]
    assert voices.count(EISENHOWER) >= 20
    assert not any(c.endswith("/persons/president") for c in voices)


def test_a_telegram_from_beirut_keeps_its_president_apart(documents):
    """d20, a telegram from the Embassy in Lebanon: its "President" is Chamoun as often as Eisenhower, and nothing in
    the heading or a participants list settles it, so it stays unlinked (not given to Eisenhower)."""
    record = documents["d20"]
    assert all(m.entity != EISENHOWER for m in the_presidents(record))
    assert "President" not in (record.heading or "").replace("Embassy", "")
