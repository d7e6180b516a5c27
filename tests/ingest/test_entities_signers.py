"""Who signed a telegram from a post, and who a surname the editors mark without saying who is (issue 16, session
25). frus1964-68v29p2 gave "Johnson" as a node of each document: 52 claims of d130, 37 of d14 and 20 of d88 went to
`…/d130/persons/johnson` and its like, not to U. Alexis Johnson, the ambassador in Tokyo. The documents are cut
unchanged from the FRUS TEI volume (tests/fixtures/tei/frus1964-68v29p2-signers.xml, public domain)."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.claims import claims_of
from ingest.entities import EntityExtractor
from ingest.entities.people import chiefs_of_mission, resolve_office
from ingest.entities.signatures import post_signature
from ingest.tei_reader import read_tei
from ontology import iris

SLICE = Path(__file__).resolve().parent.parent / "fixtures" / "tei" / "frus1964-68v29p2-signers.xml"
U_ALEXIS_JOHNSON = iris.person_iri("106681")


@pytest.fixture(scope="module")
def extractor():
    return EntityExtractor()


def document(doc_id: str):
    (record,) = [r for r in read_tei(SLICE) if r.doc_id == doc_id]
    return record


def signature_mentions(record):
    last = record.text[:record.body_end].rstrip().rsplit("\n", 1)[1].strip()
    return [m for m in record.mentions if m.kind == "person" and record.text[m.start:m.end] == last
            and m.start >= record.text[:record.body_end].rstrip().rfind("\n")]


def test_regression_a_telegram_from_the_embassy_signed_by_its_ambassador_was_a_node_of_its_own(extractor):
    """d88, "Telegram From the Embassy in Japan to the Department of State", July 15, 1967, signed "Johnson"
    (the editors mark it a person without saying who): POCOM's ambassador to Japan that day."""
    record = document("d88")
    extractor.run(record)
    (m,) = signature_mentions(record)
    assert m.entity == U_ALEXIS_JOHNSON
    assert "Embassy in Japan" in m.explanation and "POCOM" in m.explanation
    voices = {c.claimants for c in claims_of(record)}
    assert (U_ALEXIS_JOHNSON,) in voices
    assert not any("/persons/johnson" in iri for v in voices for iri in v)


def test_a_charge_who_signs_is_not_the_ambassador(extractor):
    """d123 (June 1968) is signed "Osborn", the deputy chief of mission: no chief of mission of that name, so the rule
    leaves the signature alone, and Johnson is not given it."""
    record = document("d123")
    assert post_signature(record) is None
    extractor.run(record)
    assert all(m.entity != U_ALEXIS_JOHNSON for m in signature_mentions(record))


def test_regression_mr_johnson_under_a_participants_list_tagging_u_alexis_johnson_stayed_unlinked(extractor):
    """d14 (June 4, 1964): the participants list tags "U. Alexis Johnson"; the body's "Mr. Johnson said…" (37
    claims) is marked without saying who, and the volume lists four Johnsons. The one Johnson the editors tag in
    the document is the one."""
    record = document("d14")
    extractor.run(record)
    marked = [m for m in record.mentions if (m.start, m.end) in set(record.marked_persons)
              and record.text[m.start:m.end] == "Johnson"]
    assert len(marked) >= 10
    assert {m.entity for m in marked} == {U_ALEXIS_JOHNSON}
    assert all("the only person of that surname they tag" in m.explanation for m in marked)
    assert not any("/persons/johnson" in iri for c in claims_of(record) for iri in c.claimants)


def test_a_title_before_the_marked_surname_leaves_it_to_the_title_rules(extractor):
    """The same passage with "Gen" where "Mr." stands before one marked "Johnson": a rank the tagged Johnson never
    held is not his by this rule (the volume lists Gen. Harold K. Johnson too)."""
    record = document("d14")
    s, e = record.marked_persons[0]
    assert record.text[s - 4:s] == "Mr. "
    record.text = record.text[:s - 4] + "Gen " + record.text[s:]
    extractor.run(record)
    (m,) = [m for m in record.mentions if (m.start, m.end) == (s, e)]
    assert "the only person of that surname they tag" not in (m.explanation or "")


def test_the_envoys_to_the_soviet_union_are_pocoms_envoys_to_russia():
    """POCOM files the ambassadors in Moscow under Russia; the gazetteer's Soviet Union is its own state. An envoy of
    1780 with no recorded end is not in post in 1967."""
    assert resolve_office("Ambassador in the Soviet Union", "Thompson", "1967-05-01")[1] == "113537"
    assert [p.hsg for p in chiefs_of_mission("soviet-union-1991", "1967-05-01")] == ["113537"]
    assert [p.hsg for p in chiefs_of_mission("russia", "1967-05-01")] == ["113537"]
