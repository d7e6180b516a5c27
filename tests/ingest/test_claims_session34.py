"""Claims, session 34: telegrams outside the gold set, each rule pinned on a passage built from the one it was found in
(issue 16; docs/claims.md, "Session 34")."""
from __future__ import annotations

from ingest.claims import claims_of
from ingest.entities import extract_entities
from tests.ingest.test_claims_speakers import PEOPLE, document, named, the

DEPARTMENT = "284. Telegram From the Department of State to the Embassy in Indonesia"
ZAIRE = "158. Telegram From the Department of State to the Embassy in Zaire"


def test_routing_words_name_the_sender_after_an_abbreviated_title():
    """frus1969-76v20 d284: "For Ambassador from Asst. Secretary Green." is Green's telegram; "Asst" had been made a
    person known only in this document, and the writer of every sentence."""
    r = document("046476. For Ambassador from Asst. Secretary Green.\n\n1. Public statements by Adam Malik clearly show "
                 "his awareness of importance of Cambodia to security of Southeast Asia.\n\nRogers",
                 heading=DEPARTMENT, date="Washington, March 31, 1970")
    named(r, "Green", PEOPLE + "green")
    named(r, "Adam Malik", PEOPLE + "malik")
    c = the(r, "Public statements")
    assert c.claimants == (PEOPLE + "green",), c.explanation


def test_routing_words_after_a_request_to_pass_the_telegram_on_name_its_sender():
    """frus1969-76v12 d203: "White House please pass San Clemente for Secretary Rogers and Kissinger from Sisco." opens
    Sisco's telegram, which U. Alexis Johnson's name closes as the Department's signature."""
    r = document("White House please pass San Clemente for Secretary Rogers and Kissinger from Sisco.\n\n"
                 "1. This situation has been brought about by violations of ceasefire agreement which were brought "
                 "to attention of Soviet Government in specific detail.\n\nJohnson",
                 heading="203. Telegram From the Department of State to the Embassy in the Soviet Union",
                 date="Washington, September 5, 1970")
    named(r, "Sisco", PEOPLE + "sisco")
    named(r, "Johnson", PEOPLE + "johnson")
    c = the(r, "This situation")
    assert c.claimants == (PEOPLE + "sisco",), c.explanation
    assert not any(r.text[x.start:x.end].startswith("White House") for x in claims_of(r))


def test_talking_points_an_envoy_is_told_to_pass_on_are_the_writers_not_the_listeners():
    """frus1969-76v28 d158: "You should request immediate meeting with Mobutu to pass on to him message on Angola from
    the Secretary based on following talking points." The points are the Secretary's message; Mobutu, to whom they are
    passed, had been made their claimant."""
    r = document("You should request immediate meeting with Mobutu to pass on to him message on Angola from the "
                 "Secretary based on following talking points.\n\n1) We greatly appreciate staunch support which Zaire "
                 "continues to provide for realization of our common objectives.\n\nKissinger",
                 heading=ZAIRE, date="Washington, December 20, 1975")
    named(r, "Mobutu", PEOPLE + "mobutu")
    named(r, "Kissinger", PEOPLE + "kissinger")
    c = the(r, "We greatly appreciate")
    assert c.claimants == (PEOPLE + "kissinger",), c.explanation


def test_a_subject_line_after_the_telegrams_number_is_no_claim():
    """frus1969-76v28 d158: "299943. Subject: Angola: Holding the Line." was the writer's assessment."""
    r = document("299943. Subject: Angola: Holding the Line.\n\nThe Zairians are holding the line against the MPLA "
                 "forces in the north.\n\nKissinger", heading=ZAIRE, date="Washington, December 20, 1975")
    texts = [r.text[c.start:c.end] for c in claims_of(r)]
    assert texts and not any("Subject" in t for t in texts), texts


def test_an_anecdote_someone_recounts_is_their_report():
    """frus1961-63v05 d250: "Khrushchev then recounted anecdote about Soviet ship en route to Cuba…" in Kohler's
    telegram is Khrushchev's account, not the writer's statement."""
    r = document("I said US ships had orders not to fire at Soviet ships. Khrushchev then recounted anecdote about "
                 "Soviet ship en route to Cuba which US destroyer hailed.\n\nKohler",
                 heading="250. Telegram From the Embassy in the Soviet Union to the Department of State",
                 date="Moscow, October 5, 1963")
    named(r, "Khrushchev", PEOPLE + "khrushchev")
    named(r, "Kohler", PEOPLE + "kohler")
    c = the(r, "Khrushchev then recounted")
    assert c.claim_type == "report" and c.claimants == (PEOPLE + "khrushchev",), c.explanation


def test_an_operations_headquarters_that_sends_a_telegram_is_its_writer():
    """frus1952-54Guat: 60 telegrams "From Operation PBSUCCESS Headquarters in Florida to the Central Intelligence
    Agency" had no writer, so none of their own sentences was a claim (gold d188: 12 claims of "PBSUCCESS
    Headquarters")."""
    r = document("We believe the army will not move against Arbenz before the shipment arrives.",
                 heading="188. Telegram From Operation PBSUCCESS Headquarters in Florida to the CIA Station in Guatemala",
                 date="Florida, June 1, 1954")
    c = the(r, "We believe")
    assert [a.label for a in c.agents] == ["Operation PBSUCCESS Headquarters in Florida"], c.explanation


def test_a_united_states_delegation_that_sends_a_telegram_is_its_writer():
    """frus1955-57v04 d71–d82: "Telegram From the United States Delegation at the NATO Heads of Government Meeting to the
    Department of State" had no writer (and "the Military Liaison Mission at Berlin" none either)."""
    r = document("After defense items dealt with, meeting considered draft economic section of communiqué.",
                 heading="79. Telegram From the United States Delegation at the NATO Heads of Government Meeting to the "
                         "Department of State", date="Paris, December 18, 1957")
    c = the(r, "After defense items")
    assert [a.label for a in c.agents] == ["United States Delegation at the NATO Heads of Government Meeting"], c.explanation


def test_a_rejoinder_named_by_its_speakers_possessive_is_their_report():
    """frus1964-68v18 d7 (Komer's record): "Bundy's rejoinder was that we had no desire to look down our noses at the UAR
    missile force…" had been the writer's statement."""
    r = document("Ambassador Harman put the case of Israeli missiles on political grounds. Bundy's rejoinder was that we "
                 "had no desire to look down our noses at the UAR missile force.\n\nRWK",
                 heading="7. Memorandum for Record", date="Washington, February 21, 1964")
    named(r, "Harman", PEOPLE + "harman")
    named(r, "Bundy", PEOPLE + "bundy")
    c = the(r, "Bundy's rejoinder")
    assert c.claimants == (PEOPLE + "bundy",), c.explanation


def test_the_signature_of_the_embassy_in_germany_in_the_years_of_two_german_states_is_its_ambassador():
    """frus1955-57v26 d166: the Embassy in Germany of 1955 is a post at a place (us-embassy-at-germany), whose chief of
    mission POCOM files under Germany: "Conant" is James B. Conant, not a node known only in the document. Its bare
    reference line is no claim."""
    r = document("Refer Deptel 19 repeated Berlin 1.\n\nFrom Deptel 19 it seems evident that Dept has misunderstood FedRep "
                 "tactics in discussion of road tolls.\n\nConant",
                 heading="166. Telegram From the Embassy in Germany to the Department of State", date="Bonn, July 5, 1955")
    extract_entities(r)
    c = the(r, "From Deptel 19")
    assert [a.label for a in c.agents] == ["James Bryant Conant"], c.explanation
    assert not any(r.text[x.start:x.end].startswith("Refer") for x in claims_of(r))


def test_an_unlinked_speaker_is_read_across_a_long_aside_a_country_is_not():
    """frus1969-76ve14p1 d71: "AUSTRIAN PERMREP JANKOSTISCH, IN ONLY EXPLANATION OF VOTE AFTER THE VOTE, NOTED THAT…"
    (an aside of 43 characters; 40 had been the limit) was Scali's statement. "Austria, together with Denmark and to some
    extent Norway, was…" (frus1961-63v16 d182, development) names no speaker."""
    r = document("AUSTRIAN PERMREP JANKOSTISCH, IN ONLY EXPLANATION OF VOTE AFTER THE VOTE, NOTED THAT THE RESOLUTION "
                 "JUST PASSED BY THE GA TOUCHED ON TWO PROBLEMS.\n\nSCALI",
                 heading="71. Telegram 6021 From the Mission to the United Nations to the Department of State",
                 date="New York, December 18, 1974")
    c = the(r, "AUSTRIAN PERMREP")
    assert c.claim_type == "report" and "Jankostisch" in c.agents[0].label, c.explanation


def test_the_signature_under_a_heading_of_the_1940s_from_the_acting_secretary_is_looked_up_in_pocom():
    """frus1948v05p1 d50: "The Acting Secretary of State to the Embassy in the United Kingdom", signed "Thorp", had been
    the Department of State's (and explained as the record of a conversation without a writer)."""
    r = document("FonOff response urtel 1031 social economic affairs ME appreciated by all concerned here.\n\nThorp",
                 heading="50. The Acting Secretary of State to the Embassy in the United Kingdom", date="Washington, March 19, 1948")
    c = the(r, "FonOff response")
    assert [a.label for a in c.agents] == ["Willard Long Thorp"], c.explanation
    assert "Assistant Secretary of State" in c.explanation


def test_a_short_last_turn_of_a_transcript_is_no_signature():
    """frus1969-76ve13 d106: a record of conversation ending "Dr. Kissinger: You should." had Kissinger as its writer,
    "signed the document" (so had Nixon's "Nixon: Yeah. Yeah." and Tito's "Tito: Let's close until tomorrow.")."""
    r = document("The two sides reviewed the text of the communiqué once more before the meeting.\n\n"
                 "Dr. Kissinger: We will publish the communiqué tomorrow morning.\n\nDr. Kissinger: You should.",
                 heading="106. Memorandum of Conversation", date="Shanghai, February 27, 1972")
    named(r, "Kissinger", PEOPLE + "kissinger")
    named(r, "Kissinger", PEOPLE + "kissinger", nth=1)
    assert not any("signed the document" in (c.explanation or "") for c in claims_of(r))


def test_the_telegrams_own_signature_after_a_quoted_note_yields_to_the_lead_in():
    """frus1955-57v14 d367: "Lodge wishes following note transmitted to Secretary Dulles: “The Secretary General has
    asked me…” Hoover": the note is Lodge's; "Hoover", the line after it, signs the telegram."""
    r = document("3. With regard to letter quoted paragraph 1 above, Lodge wishes following note transmitted to Secretary "
                 "Dulles:\n\n“The Secretary General has asked me, on transmitting the text of the letter to the two "
                 "parties, to inform you that General Burns and he share the gravest concern about the situation.”\n\nHoover",
                 heading="367. Telegram From the Department of State to the Secretary of State, at Geneva",
                 date="Washington, October 29, 1955")
    named(r, "Lodge", PEOPLE + "lodge")
    named(r, "Dulles", PEOPLE + "dulles")
    named(r, "Hoover", PEOPLE + "hoover")
    c = the(r, "The Secretary General has asked me")
    assert c.claimants == (PEOPLE + "lodge",), c.explanation


def test_points_the_addressee_is_asked_to_make_to_someone_named_are_the_writers():
    """frus1958-60v13 d127: "Suggest you so inform Cordier or Bunche if SYG absent and in your discretion make following
    points as appropriate:" — the points are Dillon's (the Department's), not Cordier's."""
    r = document("Dept appreciates full and frank comments SYG on Middle East situation. Suggest you so inform Cordier or "
                 "Bunche if SYG absent and in your discretion make following points as appropriate:\n\n1. We nevertheless "
                 "believe situation requires close watching by all concerned.\n\nDillon",
                 heading="127. Telegram From the Department of State to the Mission at the United Nations",
                 date="Washington, February 27, 1960")
    named(r, "Cordier", PEOPLE + "cordier")
    named(r, "Bunche", PEOPLE + "bunche")
    named(r, "Dillon", PEOPLE + "dillon")
    c = the(r, "We nevertheless believe")
    assert c.claimants == (PEOPLE + "dillon",), c.explanation


def test_a_short_last_sentence_is_no_signature_a_signature_with_initials_in_brackets_is():
    """frus1955-57v04 d75: a delegation's telegram ending "Bech did not speak." had Bech as its writer ("signed the
    document"); "TOON [MT initialed]" still signs frus1969-76ve15p1 d62."""
    heading = "75. Telegram From the United States Delegation at the NATO Heads of Government Meeting to the Department of State"
    r = document("Meeting considered draft economic section of communiqué at length.\n\nBech did not speak.",
                 heading=heading, date="Paris, December 17, 1957")
    named(r, "Bech", PEOPLE + "bech")
    assert the(r, "Meeting considered").claimants != (PEOPLE + "bech",)
    r = document("Meeting considered draft economic section of communiqué at length.\n\nTOON [MT initialed]",
                 heading="62. Airgram A-385 From the Embassy in Yugoslavia to the Department of State", date="Belgrade, May 2, 1974")
    named(r, "TOON", PEOPLE + "toon")
    assert the(r, "Meeting considered").claimants == (PEOPLE + "toon",)


def test_a_conversation_between_a_foreign_envoy_and_a_us_official_is_the_us_officials_record():
    """frus1955-57v15 d358: "Memorandum of a Conversation Between the British Ambassador (Makins) and the Counselor of the
    Department of State (MacArthur)": the editors mark Makins "from", which had made him the writer of the U.S. record."""
    from ingest.records import Party
    heading = ("358. Memorandum of a Conversation Between the British Ambassador (Makins) and the Counselor of the Department "
               "of State (MacArthur)")
    r = document("I told the Ambassador that we were giving the matter careful thought.", heading=heading,
                 date="Washington, May 23, 1956")
    r.parties[:] = [Party("author", "Makins", "British Ambassador", None, None, PEOPLE + "makins", "Roger Makins"),
                    Party("recipient", "MacArthur", "Counselor of the Department of State", None, None, PEOPLE + "macarthur",
                          "Douglas MacArthur II")]
    c = the(r, "I told the Ambassador")
    assert c.claimants == (PEOPLE + "macarthur",), c.explanation
