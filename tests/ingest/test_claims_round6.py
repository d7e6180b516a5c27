"""Claimants, round 6: the round-5 held-out set's errors, each pinned on a passage like the one it was
found in (issue 16; docs/claims.md, "What round 6 changed"). Mentions are placed by hand, as the
entity layer would place them."""
from __future__ import annotations

from pathlib import Path

from ingest.entities import extract_entities
from ingest.tei_reader import read_tei
from tests.ingest.test_claims_speakers import PEOPLE, authors, document, named, the

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "claims_gold"


def gold_document(volume: str, doc_id: str):
    """A real document of the gold set (its TEI cut), with the entity layer run on it."""
    record = next(r for r in read_tei(GOLD / f"{volume}.xml") if r.doc_id == doc_id)
    extract_entities(record)
    return record


def test_l_said_in_a_telephone_memorandum_is_the_heading_party_whose_initial_it_is():
    r = gold_document("frus1958-60v02", "d51")      # Dulles–Lodge: "The Sec said…", "L said…"
    lodge = tuple(p.entity for p in r.parties if p.name == "Lodge")
    c = the(r, "L said his recommendation")
    assert c.claimants == lodge and "initial of a party in the heading" in c.explanation
    assert the(r, "It is very far-reaching").claimants == lodge          # his report goes on
    sec = the(r, "The Sec said he is in a quandary").claimants
    assert sec != lodge and the(r, "The Sec will give it more thought").claimants == sec   # the Sec takes it back


def test_a_possessive_opening_the_sentence_is_not_the_speaker_truman_s_message_responded():
    r = document("Truman’s message responded to what he perceived to be a clear and present danger. "
                 "Communist governments had been established throughout the Balkans.")
    named(r, "Truman", PEOPLE + "truman")
    assert the(r, "Truman’s message").claimants == authors(r)
    assert the(r, "Communist governments").claimants == authors(r)


def test_items_after_specifically_he_are_what_the_person_last_named_did_or_said():
    r = document("Truman’s message was a turning point in U.S. foreign policy. Specifically he:\n\n"
                 "—announced that it was the policy of the United States to support free peoples;\n\n"
                 "—requested Congress to provide authority for assistance to Greece and Turkey;\n\n"
                 "This speech marked the beginning of a creative period.")
    named(r, "Truman", PEOPLE + "truman")
    for prefix in ("announced that", "requested Congress"):
        c = the(r, prefix)
        assert c.claimants == (PEOPLE + "truman",) and c.claim_type == "report"
    assert the(r, "This speech marked").claimants == authors(r)


def test_the_numbered_points_after_he_called_me_making_the_following_points_are_his():
    r = document("At Adams’ suggestion I forwarded my telegram to President Eisenhower in Gettysburg. He called me by "
                 "phone a few minutes ago, making the following points.\n\n"
                 "1. We cannot violate our basic procedures of handling Government funds.\n\n"
                 "2. He proposed that we draft a firm note from himself to Eden.\n\n"
                 "I outlined to the President the normal procedures.")
    named(r, "Adams", PEOPLE + "adams")
    named(r, "Eisenhower", PEOPLE + "eisenhower")
    named(r, "Eden", PEOPLE + "eden")
    assert the(r, "We cannot violate").claimants == (PEOPLE + "eisenhower",)
    assert the(r, "He proposed").claimants == (PEOPLE + "eisenhower",)
    assert the(r, "I outlined").claimants == authors(r)


def test_a_summary_of_us_views_relays_the_united_states_views_in_the_numbered_paragraphs_after_it():
    r = gold_document("frus1969-76v03", "d163")     # "1. There follows, FYI only, a brief summary of U.S. views…"
    us = the(r, "Margins should remain").claimants
    assert [c.rsplit("/", 2)[-2] for c in us] == ["countries"] and "united-states" in us[0]
    assert the(r, "Members of the Fund should").claimants == us
    assert "summary of U.S. views" in the(r, "Margins should remain").explanation


def test_a_report_ends_when_another_named_person_opens_the_sentence_george_shultz_will_head():
    r = document("Arthur Burns is concerned that speculation against the lira could come shortly. George Shultz will "
                 "head a small group considering what actions are appropriate.")
    named(r, "Arthur Burns", PEOPLE + "burns")
    named(r, "George Shultz", PEOPLE + "shultz")
    assert the(r, "Arthur Burns").claimants == (PEOPLE + "burns",)
    assert the(r, "George Shultz").claimants == authors(r)


def test_an_office_in_favor_of_a_course_holds_that_position_our_european_bureau():
    r = document("Our European Bureau is in favor of abstention and the British will abstain. "
                 "It is my own personal belief that we should vote for the resolution.")
    c = the(r, "Our European Bureau")
    assert c.claim_type == "report" and c.claimants[0].endswith("/organizations/european-bureau")
    assert [a.kind for a in c.agents] == ["organization"] and c.agents[0].local
    assert the(r, "It is my own").claimants == authors(r)


def test_an_initialism_before_an_ly_adverb_or_ing_participle_ends_the_sentence_personally_i_think():
    r = document("He said he would appreciate your advice before opposition by the UK. Personally I think this action "
                 "is desirable. Chow also asked about grant funds for GRC. Referring again to the difficulty, Bundy "
                 "stated that cuts were certain.")
    named(r, "Chow", PEOPLE + "chow")
    named(r, "Bundy", PEOPLE + "bundy")
    assert the(r, "Personally I think").claimants == authors(r)
    assert the(r, "Referring again").claimants == (PEOPLE + "bundy",)


def test_continued_to_is_not_a_reporting_verb_the_soviet_union_would_have_continued():
    r = document("Without this rapid and resolute action on our part, the Soviet Union would have continued to "
                 "increase its pressure on Turkey.")
    assert the(r, "Without this").claimants == authors(r)
