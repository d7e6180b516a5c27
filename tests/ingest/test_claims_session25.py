"""Claimants of session 25 (issue 16): titles the participants list ties to one person. The document is cut unchanged
from the FRUS TEI volume (tests/fixtures/tei/frus1977-80v01-general-secretary.xml, public domain)."""
from __future__ import annotations

from pathlib import Path

from ingest.claims import claims_of
from ingest.entities import extract_entities
from ingest.tei_reader import read_tei
from ontology import iris

SLICE = Path(__file__).resolve().parent.parent / "fixtures" / "tei" / "frus1977-80v01-general-secretary.xml"
VANCE = iris.person_iri("113958")


def test_regression_general_secretary_brezhnev_made_the_secretary_two_people():
    """frus1977-80v01 d31 (Vance in the Kremlin, March 28, 1977): the participants list prints "Secretary Cyrus R.
    Vance" and "General Secretary L.I. Brezhnev"; "The Secretary said…" was tied to both, so to neither, and became
    a node of the document (50 claims). A General Secretary is no Secretary."""
    (record,) = read_tei(SLICE)
    extract_entities(record)
    voices = [c for claim in claims_of(record) for c in claim.claimants]
    assert voices.count(VANCE) >= 40
    assert not any(c.endswith("/persons/secretary") for c in voices)


FOREIGN_MINISTERS = Path(__file__).resolve().parent.parent / "fixtures" / "tei" / "frus1964-68v12-foreign-minister.xml"
COUVE, CASTIELLA, RUSK = iris.person_iri("102925"), iris.person_iri("102298"), iris.person_iri("111738")


def voices_of(doc_id: str) -> list[str]:
    (record,) = [r for r in read_tei(FOREIGN_MINISTERS) if r.doc_id == doc_id]
    extract_entities(record)
    return [c for claim in claims_of(record) for c in claim.claimants]


def test_regression_couve_de_murville_foreign_minister_was_only_a_minister():
    """frus1964-68v12 d43 (February 1965): "Couve de Murville, Foreign Minister" in the participants list was read as a
    "Minister", so "the Foreign Minister said…" was tied to no one (35 claims to a node of the document)."""
    voices = voices_of("d43")
    assert voices.count(COUVE) >= 30 and not any(c.endswith("/persons/foreign-minister") for c in voices)


def test_regression_minister_of_foreign_affairs_and_the_secretary_among_the_participants():
    """d218 (September 1968): "Fernando Castiella, Minister of Foreign Affairs of Spain" is "the Foreign Minister";
    "The Secretary" among the participants is Rusk, though another participant is the Deputy Secretary of Defense
    (only the heading and the source note place a document in Defense)."""
    voices = voices_of("d218")
    assert voices.count(CASTIELLA) >= 40 and voices.count(RUSK) >= 20
    assert not any(c.endswith(("/persons/foreign-minister", "/persons/secretary")) for c in voices)


def test_regression_the_british_ambassador_of_the_heading_was_no_ambassador():
    """frus1955-57v24 d250, "Memorandum of a Conversation Between the British Ambassador (Caccia) and Secretary of State
    Dulles" (July 1957): the party's office "British Ambassador" did not tie "the Ambassador" to Caccia, whose words
    went to a node of the document (11 claims). A demonym before a title is the holder's country, not his title."""
    (record,) = read_tei(SLICE.parent / "frus1955-57v24-ambassador.xml")
    extract_entities(record)
    voices = [c for claim in claims_of(record) for c in claim.claimants]
    assert voices.count(iris.person_iri("102065")) >= 5
    assert not any(c.endswith("ambassador") for c in voices)
