"""Session 22: claimants and subjects that a user trying the product met as duplicates."""
from __future__ import annotations

import pytest

from ingest.claims.voices import agent_of_mentions
from ingest.records import DocumentRecord, Mention, Page, VolumeRecord

TEXT = "12. Memorandum\n\nThe President said that Kennedy's program and Faisal’s plan and the Jones' idea were sound."


@pytest.mark.parametrize("printed, name, local", [("Kennedy's", "Kennedy", "kennedy"), ("Faisal’s", "Faisal", "faisal"),
                                                 ("Jones'", "Jones", "jones")])
def test_regression_a_possessive_made_a_second_local_person_kennedy_s(printed, name, local):
    record = DocumentRecord(VolumeRecord("frus1964-68v22", "t"), "d85", "85", "12. Memorandum", TEXT, "<test>",
                            date="1964-05-01", pages=[Page("1", 0, len(TEXT))])
    start = TEXT.index(printed)
    m = Mention(start, start + len(printed), "person", "name-variant", 0.5, exact=printed)
    agent = agent_of_mentions(record, [m], "a person named in the claim")
    assert agent.iris[0].endswith(f"/d85/persons/{local}") and agent.names[0] == name
