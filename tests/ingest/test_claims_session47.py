"""Claims, session 47: rules read on round 15 of the gold set (development documents drawn from the held-out rounds'
pool), each pinned on a passage built from the one it was found in (issue 16; docs/claims.md, "Session 47")."""
from __future__ import annotations

from tests.ingest.test_claims_speakers import PEOPLE, authors, document, named, the

SONNENFELDT = ("84. Memorandum From Helmut Sonnenfeldt of the National Security Council Staff to the President's "
               "Assistant for National Security Affairs (Kissinger)")


def test_a_speaker_inside_a_question_after_a_preposition_is_not_the_claimant():
    """frus1969-76v12 d84 (round 15): "one can speculate endlessly on why Dobrynin wants to see you" and "guesses about
    what he wants to talk about:" had given the memorandum and its list of guesses to Dobrynin."""
    r = document("As always, one can speculate endlessly on why Dobrynin wants to see you. Following are some guesses "
                 "about what he wants to talk about:\n\n1. Gromyko Coming Down to see the President. There may be "
                 "something of an Alphonse-and-Gaston game, with the Soviets waiting to be invited.\n\nHS",
                 heading=SONNENFELDT, date="Washington, September 26, 1969")
    named(r, "Dobrynin", PEOPLE + "dobrynin")
    named(r, "Gromyko", PEOPLE + "gromyko")
    for opening in ("As always", "There may be"):
        assert the(r, opening).claimants == authors(r), opening


def test_the_answer_to_a_question_about_what_he_thought_is_still_his():
    """frus1964-68v26 d285: "In response to the Secretary's opening question about what he thought…, Lee said…"."""
    r = document("In response to the Secretary's opening question about what he thought British intentions in "
                 "Singapore were, Lee said that barring catastrophe the British would stay.",
                 heading="285. Memorandum of Conversation", date="Washington, October 17, 1966")
    named(r, "Lee", PEOPLE + "lee")
    assert the(r, "In response").claimants == (PEOPLE + "lee",)


def test_what_someone_regards_as_a_danger_stays_a_view_of_his():
    """Guard: "over what he regards as…" characterises: the view is still his (frus1964-68v12 d271, "Wilson has
    shown no signs of retreat on what he regards as the basic issues")."""
    r = document("The Shah of Iran has become increasingly concerned over what he views as a mounting Arab threat to "
                 "Iran's security.", heading="119. Memorandum From Secretary of Defense McNamara to President Johnson",
                 date="Washington, January 30, 1965")
    named(r, "Shah of Iran", PEOPLE + "shah")
    assert the(r, "The Shah").claimants == (PEOPLE + "shah",)


def test_a_letter_whose_begin_text_closes_the_lead_in_paragraph_is_its_senders():
    """frus1961-63v06 d9 (round 15): "Following letter to President Kennedy from Khrushchev handed me by Acting Foreign
    Minister Semenov at 12:15 today.Begin text:" ends its paragraph; the letter's paragraphs had gone to the chargé."""
    r = document("2550. Following letter to President Kennedy from Khrushchev handed me by Acting Foreign Minister "
                 "Semenov at 12:15 today.Begin text:\n\nMr. President, I send you this message in an hour of alarm, "
                 "fraught with danger for the peace of the whole world.\n\nAll of this evokes here in the Soviet Union an "
                 "understandable feeling of indignation on the part of the Soviet Government.End text.\n\nFreers",
                 heading="9. Telegram From the Embassy in the Soviet Union to the Department of State",
                 date="Moscow, April 18, 1961, 2 p.m.")
    named(r, "Kennedy", PEOPLE + "kennedy")
    named(r, "Khrushchev", PEOPLE + "khrushchev")
    named(r, "Semenov", PEOPLE + "semenov")
    for opening in ("Mr. President", "All of this"):
        c = the(r, opening)
        assert (c.claim_type, c.claimants) == ("quotation", (PEOPLE + "khrushchev",)), opening
