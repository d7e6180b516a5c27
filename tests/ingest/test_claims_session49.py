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


def test_a_foreign_president_listed_by_name_is_the_president_where_no_convention_makes_him_the_us_one():
    """frus1964-68v30 d27 (Taipei, the Secretary's dinner): "President Chiang Kai-shek" is listed, "President Johnson"
    only mentioned; 44 claims had gone to a node named "President"."""
    r = document("PARTICIPANTS\n\nPresident Chiang Kai-shek\nJames Shen, Interpreter\nThe Secretary\nAmbassador Jerauld "
                 "Wright\n\nAfter dinner the President opened the conversation by stating that President Johnson in his "
                 "letter had raised the proposals.\n\nThe President said the mainland was restless.",
                 heading="27. Memorandum of Conversation", date="Taipei, April 16, 1964, 9:30 p.m.")
    named(r, "Chiang Kai-shek", PEOPLE + "chiang")
    named(r, "Johnson", PEOPLE + "johnson")
    assert the(r, "The President said the mainland").claimants == (PEOPLE + "chiang",)


def test_the_british_prime_minister_listed_without_a_name_is_the_holder_on_the_documents_date():
    """frus1964-68v13 d61 (Washington, December 8, 1964): "The British Prime Minister" among the participants; the
    volume's persons list gives Douglas-Home "until October 1964" and Wilson "from October 1964"."""
    from ingest.records import ListEntry
    r = document("PARTICIPANTS\n\nThe President\nThe Secretary of State\nThe British Prime Minister\nThe Foreign "
                 "Secretary\n\nThe Prime Minister opened the conversation by saying he had 19 points to raise.",
                 heading="61. Memorandum of Conversation", date="Washington, December 8, 1964, 4 p.m.")
    r.volume.persons.extend([
        ListEntry("p_DHSAF1", "person", "Home, Sir Alexander Frederick Douglas", "British Prime Minister until October 1964"),
        ListEntry("p_WJH2", "person", "Wilson, James Harold", "British Prime Minister from October 1964")])
    c = the(r, "The Prime Minister opened")
    assert c.claimants == ("https://w3id.org/frus-kg/id/historicaldocuments/frus1949v07p1/persons/p_WJH2",), c.explanation


def test_a_participants_line_that_ends_with_the_title_of_a_country_gives_the_title():
    """frus1955-57v13 d419: "Salah El-Bitar, Foreign Minister of Syria" (and frus1961-63v19 d155, "His Excellency Aziz
    Ahmed, Ambassador of Pakistan"): the title had been read only at the end of the line, and 33 claims each went to a
    node named "Syrian Foreign Minister" or "American Ambassador"."""
    r = document("PARTICIPANTS\n\nSalah El-Bitar, Foreign Minister of Syria\nDr. George Tomeh, Syrian Consul-General in "
                 "New York\nMr. William M. Rountree, Assistant Secretary of State\n\nMr. Rountree called on the Syrian "
                 "Foreign Minister in his suite.\n\nThe Foreign Minister said Syria wanted good relations.",
                 heading="419. Memorandum of a Conversation, New York, November 7, 1957", date="New York, November 7, 1957")
    named(r, "Salah El-Bitar", PEOPLE + "bitar")
    named(r, "William M. Rountree", PEOPLE + "rountree")
    named(r, "Rountree", PEOPLE + "rountree", nth=1)
    assert the(r, "The Foreign Minister said").claimants == (PEOPLE + "bitar",)


def test_the_under_secretary_listed_without_a_name_is_the_under_secretary_of_state_on_the_date():
    """frus1958-60v14 d327 (June 1959): "The Under Secretary" among the participants, as the Department prints the Under
    Secretary of State; his turns had gone to a node named "Under Secretary"."""
    r = document("PARTICIPANTS\n\nThe Under Secretary\nMr. Telli Diallo, Ambassador of Guinea\nAF—Mr. Penfield\n\nThe "
                 "Under Secretary outlined the contents of an Aide-Mémoire proposing U.S. assistance.",
                 heading="327. Memorandum of Conversation", date="Washington, June 17, 1959")
    c = the(r, "The Under Secretary outlined")
    assert c.claimants == ("https://w3id.org/frus-kg/id/people/103488",), c.explanation      # Dillon (POCOM)
