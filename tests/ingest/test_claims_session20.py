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


BROWNELL, DULLES, BERDING = PEOPLE + "101837", PEOPLE + "103703", PEOPLE + "101204"


def test_br_in_dulless_notes_of_a_call_with_brownell_is_brownell_a_surname_cut_short_1957():
    c = claim("frus1955-57v09/d208", "Br. said it was too bad")
    assert c.claimants == (BROWNELL,), c.explanation
    assert "shortens" in c.explanation


def test_the_ag_said_is_the_attorney_general_the_heading_names_1957():
    c = claim("frus1955-57v09/d208", "The AG said the President had authorized")
    assert c.claimants == (BROWNELL,), c.explanation


def test_an_assistant_secretary_of_state_in_a_footnote_is_no_holder_of_the_title_secretary_1957():
    # "Assistant Secretary of State Berding" in a footnote made "The Sec. said…" Berding's
    c = claim("frus1955-57v09/d208", "The Sec. said this situation was ruining")
    assert c.claimants == (DULLES,) and BERDING not in c.claimants, c.explanation


def test_a_surname_is_read_from_its_short_form_only_where_one_person_of_the_document_has_it():
    from ingest.claims.coreference import _SHORTENED
    assert _SHORTENED.fullmatch("Br.") and _SHORTENED.fullmatch("Eis.")
    assert not _SHORTENED.fullmatch("Brownell") and not _SHORTENED.fullmatch("B.") and not _SHORTENED.fullmatch("BR.")


MANNING = PEOPLE + "108466"


def test_mr_m_in_mannings_notes_of_his_calls_is_manning_the_party_of_the_heading_with_that_initial_1961():
    # the body also names Murrow, so "M" is settled by the heading, not by the document's names
    c = claim("frus1961-63v04/d55", "Mr M said he had spoken with Ed yesterday")
    assert c.claimants == (MANNING,), c.explanation


LAIRD = PEOPLE + "107574"


def test_points_the_writer_believes_are_his_though_a_country_is_named_before_them_1970():
    # "In any consideration involving the retention of significant ROK military forces in Vietnam, I believe the
    # following points to be of major importance:" — the points are Laird's, not South Korea's
    c = claim("frus1969-76v19p1/d129", "The US role should be secondary")
    assert c.claimants == (LAIRD,), c.explanation


EISENHOWER = PEOPLE + "103887"


def test_a_conversation_between_eisenhower_and_dulles_drafted_by_dulles_is_written_in_dulless_voice_1958():
    c = claim("frus1958-60v08/d145", "I said our own position was not yet clarified")
    assert c.claimants == (DULLES,), c.explanation
    assert "drafted" in c.explanation


def test_the_first_party_of_a_conversation_drafted_by_someone_else_still_speaks_for_himself_1958():
    c = claim("frus1958-60v08/d145", "The President asked whether it would be useful")
    assert c.claimants == (EISENHOWER,), c.explanation


def test_foreign_secretary_lloyd_is_not_the_secretary_of_a_conversation_with_dulles_1958():
    # "Foreign Secretary Lloyd" in the participants list made every "The Secretary said…" Lloyd's
    c = claim("frus1958-60v17/d79", "The Secretary said that the Sumatran affair")
    assert LLOYD_UK not in c.claimants, c.explanation
    # session 25: "The Secretary" among the participants is the Secretary of State of the day (it was a node of the
    # document before, as no source settled the title)
    assert c.claimants == (DULLES,), c.explanation


LLOYD_UK = PEOPLE + "108049"


GREENE = PEOPLE + "105157"


def test_a_conversation_between_dulles_and_greene_closed_by_jg_is_greenes_record_1959():
    c = claim("frus1958-60v08/d198", "Referring to the announcement that the President has invited Macmillan")
    assert c.claimants == (GREENE,), c.explanation
    assert "initials" in c.explanation


def test_dulles_still_speaks_for_himself_in_greenes_record_1959():
    c = claim("frus1958-60v08/d198", "The Secretary also noted that the ideas")
    assert c.claimants == (DULLES,), c.explanation


EBAN = PEOPLE + "103797"


def test_e_said_in_dulless_notes_of_a_call_with_eban_is_eban_not_the_bureau_of_economic_affairs_1957():
    c = claim("frus1955-57v17/d149", "E said that is not our position")
    assert c.claimants == (EBAN,), c.explanation
    assert "initial of a party" in c.explanation
