"""Claims, session 49: bare titles the document ties to one person by its participants list, and offices that are
another's ("Deputy Secretary of Defense") kept apart from the title they contain (issue 16; docs/claims.md, "Session 49")."""
from __future__ import annotations

from tests.ingest.test_claims_speakers import PEOPLE, document, named, the

MEMCON = "185. Memorandum of Conversation"


def test_the_foreign_minister_is_the_one_the_participants_list_prints_with_the_title():
    """frus1961-63v16 d185: Kreisky is listed "Foreign Minister Bruno Kreisky"; the talk mentions the German Foreign
    Minister Schröder. 58 claims had gone to a node named "Swiss Foreign Minister"."""
    r = document("PARTICIPANTS\n\nUnited States\nThe President\nWilliam R. Tyler, EUR\nAustria\nForeign Minister Bruno "
                 "Kreisky\nAmbassador Wilfried Platzer, Austrian Embassy\n\nThe President greeted the Foreign Minister. "
                 "Foreign Minister Kreisky said he had talked with German Foreign Minister Schroeder about the autobahn.\n\n"
                 "The Foreign Minister said he thought the next election in Germany might see an increase in Socialist "
                 "strength.", heading=MEMCON, date="Washington, October 11, 1963, 11 a.m.")
    named(r, "Bruno Kreisky", PEOPLE + "kreisky")
    named(r, "Kreisky", PEOPLE + "kreisky", nth=1)
    named(r, "Schroeder", PEOPLE + "schroeder")
    c = the(r, "The Foreign Minister said")
    assert c.claimants == (PEOPLE + "kreisky",)
    assert "participants list" in c.explanation


def test_two_participants_listed_with_the_title_leave_it_open():
    """Guard (frus1969-76v28 d87): "Dr. Vasco Vieira Garin, Ambassador of Portugal" and "Ambassador U. Alexis Johnson,
    Under Secretary" are both listed with the title: "The Ambassador said…" is not read as the one whose title comes
    first on his line."""
    r = document("PARTICIPANTS\n\nDr. Vasco Vieira Garin, Ambassador of Portugal\nAmbassador U. Alexis Johnson, Under "
                 "Secretary\nMr. Stephen G. Gebelt, Country Officer for Portugal\n\nAmbassador Garin said he wished to "
                 "welcome Ambassador Johnson back to Washington.\n\nThe Ambassador said that fortunately there did not "
                 "appear to have been any fatal injuries in Portugal.", heading=MEMCON, date="Washington, February 28, 1969")
    named(r, "Vasco Vieira Garin", PEOPLE + "garin")
    named(r, "U. Alexis Johnson", PEOPLE + "johnson")
    named(r, "Garin", PEOPLE + "garin", nth=1)
    named(r, "Johnson", PEOPLE + "johnson", nth=1)
    assert PEOPLE + "johnson" not in the(r, "The Ambassador said").claimants


def test_a_deputy_secretary_of_defense_is_not_the_secretary():
    """frus1955-57v04 d58: "Donald A. Quarles, Deputy Secretary of Defense" beside "John Foster Dulles, Secretary of
    State" had made the Secretary two people, and 56 claims went to a node named "Secretary"."""
    r = document("PARTICIPANTS\n\nJohn Foster Dulles, Secretary of State\nDonald A. Quarles, Deputy Secretary of Defense\n"
                 "M. Paul-Henri Spaak, Secretary General of NATO\n\nThe Secretary stated that the United States would "
                 "keep its forces in Europe.", heading=MEMCON, date="Washington, October 24, 1957")
    named(r, "John Foster Dulles", PEOPLE + "dulles")
    named(r, "Donald A. Quarles", PEOPLE + "quarles")
    assert the(r, "The Secretary stated").claimants == (PEOPLE + "dulles",)


def test_a_former_president_is_not_the_president_of_the_talk():
    """Guard on the same reading of titles before a name: "former President Truman" does not make Truman a President
    of the document, so "The President said…" stays with the one who is."""
    r = document("The President said that former President Truman had admired the speech.\n\nThe President said we were "
                 "having difficulties with the Soviets.", heading="186. Memorandum of Conversation With President Kennedy",
                 date="Washington, October 11, 1963")
    named(r, "Truman", PEOPLE + "truman")
    assert PEOPLE + "truman" not in the(r, "The President said we").claimants
