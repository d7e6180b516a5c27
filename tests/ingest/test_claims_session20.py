"""Claims, session 20: a text passed on whole, and a view set out "as follows", are the sender's and the holder's.
Each passage is of a development document of the gold set."""
from __future__ import annotations

from tests.ingest.test_claims_round7 import claim

PEOPLE = "https://w3id.org/frus-kg/id/people/"
LODGE, SMITH, MANSFIELD, YOUNG = PEOPLE + "108064", PEOPLE + "112597", PEOPLE + "108472", PEOPLE + "114949"


def test_the_numbered_paragraphs_after_following_is_text_of_cable_from_lodge_are_lodges_1965():
    c = claim("frus1964-68v03/d221", "The Viet Cong bombing of the Metropole")
    assert c.claimants == (LODGE,), c.explanation
    assert "named after 'by'" in c.explanation or "Lodge" in c.explanation


def test_lodges_recommendation_in_the_passed_on_cable_is_his_not_the_nsc_secretarys_1965():
    c = claim("frus1964-68v03/d221", "I therefore recommend that we inflict")
    assert c.claimants == (LODGE,) and c.claim_type == "recommendation", c.explanation


def test_the_lead_in_that_passes_the_cable_on_stays_the_writers_1965():
    c = claim("frus1964-68v03/d221", "Following is text of cable from Lodge")
    assert c.claimants == (SMITH,), c.explanation


def test_the_senators_reaction_was_as_follows_gives_the_items_to_the_senator_1955():
    c = claim("frus1955-57v01/d107", "The US should stick to its guns")
    assert c.claimants == (MANSFIELD,), c.explanation


def test_the_writers_own_sentence_before_the_lead_in_stays_his_1955():
    c = claim("frus1955-57v01/d107", "I summarized orally Paris")
    assert c.claimants == (YOUNG,), c.explanation


def test_a_lead_in_relays_only_with_a_sender_or_a_view_named():
    from ingest.claims.cues import load_cues
    lead = load_cues().relay_lead
    assert lead.search("Following is text of cable from Lodge, Saigon 2034.")
    assert lead.search("The Senator’s reaction to these telegrams was as follows:")
    assert not lead.search("Following is text of message which you should deliver")
    assert not lead.search("The schedule is as follows:")
