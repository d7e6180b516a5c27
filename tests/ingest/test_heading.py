"""What a heading says of its parties (ingest/heading.py), on real FRUS headings."""
from __future__ import annotations

from ingest.heading import parties_of

NIXON_TO_KISSINGER = "57. Memorandum From President Nixon to His Assistant for National Security Affairs (Kissinger)"


def offices(heading: str) -> dict[str, str | None]:
    return {p.name: p.office for p in parties_of(heading)}


def test_regression_his_assistant_was_an_office_of_its_own():
    """frus1969-76v01 d57 gave Kissinger the office 'His Assistant for National Security Affairs' (his page, the
    reconciliation's offices), where 'His' is the author's: the President's Assistant, as other headings print it."""
    assert offices(NIXON_TO_KISSINGER) == {"Nixon": "President",
                                           "Kissinger": "President's Assistant for National Security Affairs"}
    assert offices("Memorandum From the President's Assistant for National Security Affairs (Kissinger) to President "
                   "Nixon")["Kissinger"] == "President's Assistant for National Security Affairs"


def test_his_majesty_stays_and_his_without_an_authors_office_stays():
    assert offices("Letter From Prime Minister Churchill to His Majesty's Ambassador (Halifax)")["Halifax"] \
        == "His Majesty's Ambassador"
    assert offices("Memorandum From John Doe to His Assistant (Roe)")["Roe"] == "His Assistant"
    assert offices("Letter From President Eisenhower to His Exalted Highness the Nizam of Hyderabad (Osman)")["Osman"] \
        == "His Exalted Highness the Nizam of Hyderabad"
    assert offices("Memorandum From President Johnson to His Special Assistant (Rostow)")["Rostow"] \
        == "President's Special Assistant"
