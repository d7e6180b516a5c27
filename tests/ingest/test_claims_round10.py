"""Claims, round 10: the round-9 held-out set's errors (issue 16; docs/claims.md, "Round 10 rules"), each pinned on
the real passage it was found in, from the gold set's TEI cuts with the entity layer run on them. Each rule is
written for the family of the error, not its one instance; each test is named after the error."""
from __future__ import annotations

from ingest.claims.sentences import split_sentences
from tests.ingest.test_claims_round7 import _gold, claim, emitted

PEOPLE = "https://w3id.org/frus-kg/id/people/"
COUNTRIES = "https://w3id.org/frus-kg/id/countries/"
ORGS = "https://w3id.org/frus-kg/id/organizations/"
DOCS = "https://w3id.org/frus-kg/id/historicaldocuments/"
SISSON, KEELEY, ROBERTSON = PEOPLE + "112545", PEOPLE + "106967", PEOPLE + "111456"


# ------------------------------------------------------------------ 1918 relays: routing words behind a quotation mark or a precedence word

def test_routing_words_inside_a_quotation_mark_name_the_writer_1918_for_creel_from_sisson():
    # "9694. “For Creel from Sisson. April 24. Trust that…" over Page's signature: Sisson's, not the signer's.
    assert claim("frus1917-72PubDip/d21", "Trust that London News distribution center").claimants == (SISSON,)
    assert claim("frus1917-72PubDip/d21", "Suydam has done this well").claimants == (SISSON,)


def test_routing_words_after_a_precedence_word_name_the_writer_1918_urgent_for_creel_and_sisson_from_keeley():
    # "937. Urgent. For Creel and Sisson Compub from Keeley. Conference Inter-Allied Board starts…"
    assert claim("frus1917-72PubDip/d32", "Conference Inter-Allied Board starts").claimants == (KEELEY,)
    assert claim("frus1917-72PubDip/d32", "Regard it imperative that I have").claimants == (KEELEY,)
    assert not emitted("frus1917-72PubDip/d32", "For Creel and Sisson Compub from Keeley.")


# ------------------------------------------------------------------ an initial with its period as a speaker

def test_an_initial_with_its_period_speaks_in_a_telephone_memorandum_1955_r_for_robertson():
    # Bernau's notes of the Secretary's call to Robertson: "R. wanted to speak re the NNSC. … R. said Gray has gone
    # to Paris." (two claims were emitted for the whole memorandum before).
    key = "frus1955-57v23p2/d90"
    assert claim(key, "R. wanted to speak re the NNSC.").claimants == (ROBERTSON,)
    assert claim(key, "R. said Gray has gone to Paris.").claimants == (ROBERTSON,)
    assert claim(key, "We have a real thing heading up here.").claimants == (ROBERTSON,)     # his report goes on


def test_a_short_title_ends_its_sentence_before_an_initial_that_speaks_1955_like_the_sec_r_said():
    record, _ = _gold("frus1955-57v23p2/d90")
    texts = [record.text[s.start:s.end] for s in split_sentences(record.text, record.body_start, record.body_end)]
    assert "R. said it is too rigid to be like the Sec." in texts
    assert any(t.startswith("R. said if we can get the Swiss and Swedes") for t in texts)


# ------------------------------------------------------------------ a speaker label on a line of its own

def test_a_bracketed_label_on_its_own_line_speaks_the_paragraph_after_it_1974_cabinet_butz():
    # "[Butz:]" alone on its line, then "On food aid and stockpiling, a debate is developing. … I disagree. …"
    key = "frus1969-76ve14p1/d141"
    butz = claim(key, "On food aid and stockpiling, a debate is developing.")
    assert butz is not None and butz.claimants == (PEOPLE + "102032",)
    assert claim(key, "We carried the world food reserve").claimants == butz.claimants
    assert claim(key, "The whole idea that if we feed the world").claimants != butz.claimants     # "President:" next


# ------------------------------------------------------------------ memoranda: third-person turns and views held

def test_went_on_to_say_is_a_turn_of_the_other_party_not_the_drafter_s_1959_spasowski_to_kohler():
    key = "frus1958-60v10p2/d61"
    spasowski = (PEOPLE + "112809",)
    assert claim(key, "Ambassador Spasowski then went on to say").claimants == spasowski
    assert claim(key, "The visit of the five-member leadership group").claimants == spasowski    # his account goes on


def test_seemed_to_favor_is_the_view_of_its_subject_not_the_last_speaker_s_1958_lloyd_after_rountree():
    key = "frus1958-60v11/d334"
    lloyd = (PEOPLE + "108049",)
    assert claim(key, "Mr. Lloyd seemed to favor such an approach.").claimants == lloyd
    assert claim(key, "It should be made clear that the withdrawal plans").claimants == lloyd


def test_an_ambassador_s_options_and_preferences_summarised_are_his_and_the_summary_is_the_writer_s_1972_habib():
    key = "frus1969-76v19p1/d164"
    habib, holdridge = (PEOPLE + "105354",), (PEOPLE + "106027",)
    assert claim(key, "Ambassador Habib has commented on President Park").claimants == holdridge    # an act, no words
    assert claim(key, "The new constitution will establish Park").claimants == holdridge
    assert claim(key, "Habib lays out three U.S. policy options:").claimants == habib               # a lead-in
    assert claim(key, "Persuade Park to abandon this course").claimants == habib                    # its dash items
    assert claim(key, "Habib is also inclined against this").claimants == habib
    assert claim(key, "Habib prefers this").claimants == habib


def test_a_perfect_participle_s_clause_is_no_main_verb_1969_having_outlined():
    c = claim("frus1969-76v01/d53", "Having outlined the importance of emerging nationalism")
    assert c.claim_type != "report"
    assert claim("frus1969-76v01/d53", "We must look, rather, toward ways").claim_type == "recommendation"


# ------------------------------------------------------------------ 'They' and the words of a group

def test_they_is_the_persons_named_together_not_the_last_one_named_1965_laos_coup_group():
    # "Several key military and civilian figures are said to be involved, including … General Ma, … General Vang Pao
    # …, and possibly neutralist leader Kong Le. The reason for their unrest is … the Sananikone-Kouprasith faction
    # in Vientiane. They charge this faction with neglecting… They also decry Souvanna's lack of energetic leadership."
    key = "frus1964-68v28/d190"
    group = {PEOPLE + "108245", PEOPLE + "113982", PEOPLE + "107352"}       # Ma, Vang Pao, Kong Le
    assert set(claim(key, "They charge this faction with neglecting").claimants) == group
    decry = claim(key, "They also decry Souvanna")
    assert decry is not None and set(decry.claimants) == group


def test_a_short_sentence_whose_verb_is_agree_is_a_claim_1955_the_swiss_and_swedes_agree():
    assert emitted("frus1955-57v23p2/d90", "The Swiss and Swedes agree.")


# ------------------------------------------------------------------ the Department's telegram speaking for the United States

US = COUNTRIES + "united-states"


def test_a_memo_spelled_out_between_quote_and_unquote_is_the_united_states_one_claim_a_paragraph_1976_smith():
    # "1. You should request an urgent appointment with Smith and hand him the following memo. / 2. Quote: There have
    # been a number of comments… / 3. Neither Annex C… / 4. This sequence of events… Unquote." (signed Kissinger)
    key = "frus1969-76v28/d216"
    first = claim(key, "There have been a number of comments from Rhodesian authorities")
    assert first.claim_type == "quotation" and first.claimants == (US,)
    record, _ = _gold(key)
    assert record.text[first.start:first.end].endswith("We provided Annex C to your representative the same night.")
    last = claim(key, "This sequence of events clearly demonstrates")
    assert last.claimants == (US,) and not record.text[last.start:last.end].endswith("Unquote.")
    assert claim(key, "You should request an urgent appointment").claimants == (PEOPLE + "107252",)       # Kissinger


def test_a_position_stated_in_the_name_of_the_united_states_is_its_own_an_instruction_the_signer_s_1976_and_1961():
    key = "frus1969-76v28/d216"
    assert claim(key, "The U.S. is appalled that he has made public reference").claimants == (US,)
    assert claim(key, "The U.S. cannot be put under pressure").claimants == (US,)
    assert claim(key, "The end result can only make it more difficult").claimants == (PEOPLE + "107252",)
    assert claim("frus1961-63v12/d305", "US cannot afford and will not permit").claimants == (US,)   # round 6's
    assert US in claim(key, "The U.S. cannot be put under pressure").about       # a position's subject stays in about


# ------------------------------------------------------------------ bodies by acronym or fixed short name

def test_an_acronym_of_the_institutions_list_is_that_body_even_where_a_glossary_term_stays_unresolved_1957_unga():
    c = claim("frus1955-57v13/d411", "View shortage of time and rapidity of developments in UNGA")
    assert ORGS + "un-general-assembly" in c.about


def test_news_agencies_broadcasters_and_the_occupation_command_are_local_bodies_1962_ap_1956_rfe_1949_scap():
    assert DOCS + "frus1961-63v03/d39/organizations/associated-press" in claim("frus1961-63v03/d39", "We note Feb 7 AP story").about
    assert DOCS + "frus1955-57v25/d32/organizations/radio-free-europe" in claim("frus1955-57v25/d32", "Those Poles who awaited").about
    scap = claim("frus1949v07p2/d170", "SCAP has long viewed the repatriation issue")      # round 6's "SCAP has long viewed…"
    assert scap.claimants == (DOCS + "frus1949v07p2/d170/organizations/supreme-commander-for-the-allied-powers",)


def test_a_body_named_by_its_head_noun_and_a_number_or_an_ordinal_is_a_local_body_1949_committee_5_eighth_army():
    base = DOCS + "frus1949v07p2/d29/organizations/"
    assert base + "committee-5" in claim("frus1949v07p2/d29", "In reply to the questions raised by the New Zealand member").about
    assert base + "eighth-army" in claim("frus1949v07p2/d29", "If a question is raised again as to the nature").about


# ------------------------------------------------------------------ types

def test_judging_an_action_imperative_or_essential_recommends_it_1918_regard_it_imperative_that_i_have():
    assert claim("frus1917-72PubDip/d32", "Regard it imperative that I have").claim_type == "recommendation"


def test_an_instruction_to_a_post_or_a_representative_after_an_opening_phrase_is_a_decision_1964_1976_1949():
    assert claim("frus1964-68v02/d91", "At the same time you should say that").claim_type == "decision"
    assert claim("frus1969-76v28/d216", "Orally you should make the following points").claim_type == "decision"
    assert claim("frus1969-76v28/d216", "You may also inform him").claim_type == "decision"       # one of those points
    # "Memorandum by the Assistant Secretary … to the United States Representative on the Far Eastern Commission"
    assert claim("frus1949v07p2/d29", "You should continue to oppose the complete withdrawal").claim_type == "decision"


def test_an_item_approved_is_a_decision_and_what_a_paper_says_the_writer_s_report_1977_foreign_aid():
    key = "frus1977-80v01/d59"
    assert claim(key, "Strategy #2 is approved.").claim_type == "decision"
    assert claim(key, "The paper also notes that Security Supporting Assistance").claim_type == "report"


def test_the_speaker_s_declared_intention_to_act_is_a_decision_and_a_turn_of_talk_no_claim_1973_dobrynin():
    assert claim("frus1969-76v12/d188", "I will send Colonel Kennedy again.").claim_type == "decision"
    assert emitted("frus1969-76v12/d188", "Let me talk to the President today.")            # missed before
    assert not emitted("frus1969-76v12/d204", "Let me tell you my reaction.")


def test_a_frame_stating_content_of_its_own_keeps_the_sentence_as_the_unit_1964_rusk_you_might_meet_with_a_response():
    c = claim("frus1964-68v17/d16", "The Secretary indicated that while it would be a great mistake")
    assert c is not None and c.claimants == claim("frus1964-68v17/d16", "The Secretary speculated").claimants


def test_the_north_and_the_south_standing_alone_are_the_halves_of_the_divided_country_named_1972_korea():
    c = claim("frus1969-76v19p1/d164", "Our inclination therefore is to focus on how he administers it")
    assert COUNTRIES + "korea-north" in c.about and COUNTRIES + "korea-south" in c.about


def test_a_policy_reaffirmed_and_not_spelled_out_is_the_writer_s_narration_1955_lister():
    key = "frus1955-57v25/d32"
    lister = claim(key, "I believe that with some minor differences").claimants
    assert claim(key, "The President and the Secretary have recently reaffirmed our policy").claimants == lister
    assert claim(key, "However, there may be a danger that these statements").claimants == lister


# ------------------------------------------------------------------ not claims

def test_formulas_about_the_correspondence_and_the_talk_are_no_claims_1955_1958_1964_1973():
    assert not emitted("frus1955-57v19/d89", "The memorandum as revised is attached.")
    assert not emitted("frus1958-60v11/d334", "Following is a summary of the portion")
    assert not emitted("frus1964-68v02/d91", "This brings my warmest good wishes")
    assert not emitted("frus1969-76v12/d188", "Two things I would like to mention to you.")
