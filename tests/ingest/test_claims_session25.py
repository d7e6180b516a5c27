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
