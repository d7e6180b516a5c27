"""Claims, round 11: a structural reader of who speaks (issue 16; docs/claims.md, "Round 11 rules"). Each rule reads a
convention of the record (initials of the speakers, the closing initials, the telegram's sending body, the drafter the
source note names first), not one document's words; each test pins it on the real passage it failed on (rounds 1-10)."""
from __future__ import annotations

from ingest.claims.turns import initials_of
from tests.ingest.test_claims_round7 import claim

PEOPLE = "https://w3id.org/frus-kg/id/people/"
ORGS = "https://w3id.org/frus-kg/id/organizations/"
BALL, JOHNSON = PEOPLE + "100810", PEOPLE + "106664"
KISSINGER, COUSINS = PEOPLE + "107252", PEOPLE + "102923"
DULLES, GREENE = PEOPLE + "103703", PEOPLE + "105157"


def test_a_person_goes_by_the_initials_of_the_surname_the_full_name_and_first_and_last_names():
    assert initials_of("George Wildman Ball") == {"B", "GWB", "GB"}
    assert initials_of("Henry A. Kissinger") == {"K", "HAK", "HK"}
    assert initials_of("Joseph Nathaniel Greene, Jr.") == {"G", "JNG", "JG"}


# ------------------------------------------------------------------ transcript labels: initials of the participants

def test_transcript_labels_of_full_name_initials_speak_their_turns_1964_gwb_and_lbj():
    # "GWB: any bad news from any other part of the world, but the situation in Cyprus…" / "LBJ: Yeah, I'm reading it."
    # (every turn went to the heading's first party, the President)
    key = "frus1964-68v16/d2"
    assert claim(key, "any bad news from any other part of the world").claimants == (BALL,)
    assert claim(key, "Now, I'm meeting with Bob McNamara at five o'clock.").claimants == (BALL,)   # his turn goes on
    assert claim(key, "I think that the British are getting to where").claimants == (JOHNSON,)


def test_an_initial_two_persons_share_is_the_participant_named_before_the_first_turn_1970_k_in_cousins_kissinger():
    # "TELCON / Cousins/Kissinger" then "K: … C: …"; a President Kennedy named in a turn shares the K (K's turns went
    # to Cousins, the speaker before them).
    key = "frus1969-76ve05p1/d165"
    assert claim(key, "I am convinced that we must make strong evaluation of moral concern").claimants == (KISSINGER,)
    assert claim(key, "This is very much on our minds.").claimants == (KISSINGER,)
    assert claim(key, "This is a real opportunity for the President").claimants == (COUSINS,)


# ------------------------------------------------------------------ the writer: closing initials, telegrams, drafters

def test_closing_initials_name_the_writer_of_a_first_person_memorandum_not_its_drafter_1958_jfd_drafted_by_greene():
    # "I said that as recently as last Saturday…" closed by "JFD"; the source note: "Drafted by Greene."
    key = "frus1958-60v19/d122"
    assert claim(key, "I said that as recently as last Saturday").claimants == (DULLES,)
    assert claim(key, "I felt that if we stand firm against the Communists").claimants == (DULLES,)


def test_an_unsigned_telegram_from_the_department_is_the_department_s_not_its_drafter_s_1972_miklos():
    # Telegram 64317 From the Department of State to the Embassy in Iran, in capitals, no signature; "Drafted by Miklos".
    key = "frus1969-76ve04/d178"
    assert claim(key, "WE BELIEVE RECORD OF HER VISITS").claimants == (ORGS + "department-of-state",)
    assert claim(key, "YOU MAY OF COURSE ASSURE AMBASSADOR RADJI").claimants == (ORGS + "department-of-state",)


def test_the_drafter_is_the_person_the_source_note_names_first_not_one_named_after_him_1963_william_y_smith():
    # "Drafted by Major William Y Smith, Taylor's aide." (and "Taylor Papers" earlier in the note): the record of the
    # staff meeting is Smith's, not Taylor's.
    key = "frus1961-63v04/d87"
    assert claim(key, "Mr. Bundy presided throughout the meeting.").claimants == (PEOPLE + "112676",)
    assert claim(key, "The purpose of his visit will be to make arrangements").claimants == (PEOPLE + "112676",)


# ------------------------------------------------------------------ a person of an office; the writer addressing the reader

def test_a_person_named_before_of_and_an_office_acronym_speaks_not_the_office_1957_captain_robbins_of_isa():
    # "Captain Robbins of ISA, Office of the Secretary of Defense, has informed me that Defense very strongly desires…"
    key = "frus1955-57v23p1/d128"
    robbins = claim(key, "Captain Robbins of ISA, Office of the Secretary of Defense")
    assert robbins.claim_type == "report"
    assert len(robbins.claimants) == 1 and robbins.claimants[0].endswith("/d128/persons/robbins")   # not the ISA term


def test_as_you_will_recall_is_the_writer_addressing_the_reader_and_ends_the_report_running_on_1957_parsons():
    # Parsons to Robertson, after Robbins's report: "As you will recall the Executive Order is to take the place of…",
    # "The present draft … was cleared by the Department of State over a year ago…" are Parsons's (an act he narrates).
    key = "frus1955-57v23p1/d128"
    recall = claim(key, "As you will recall the Executive Order")
    assert recall.claimants == (PEOPLE + "110400",) and recall.claim_type == "report"
    cleared = claim(key, "The present draft of the Executive Order was cleared")
    assert cleared.claimants == (PEOPLE + "110400",) and cleared.claim_type == "report"


def test_a_report_sent_by_wire_is_its_sender_s_1957_ambassador_macarthur_has_wired_from_tokyo():
    wired = claim("frus1955-57v23p1/d128", "Ambassador MacArthur has wired from Tokyo his urgent advice")
    assert wired.claim_type == "report" and wired.claimants == (PEOPLE + "108251",)


# ------------------------------------------------------------------ a paragraph cut by a page break

def test_a_line_of_prose_cut_by_a_page_break_in_mid_sentence_goes_on_and_so_does_the_report_1958_middleton():
    # "Middleton informs me Chehab was deeply enraged by attempt to offer Prime" [page 72] "Ministership to Qawugji
    # (Embtel 4097) and disgusted by…. Chehab also portrayed as irked at Chamoun's press statement yesterday."
    key = "frus1958-60v11/d47"
    informs = claim(key, "Middleton informs me Chehab was deeply enraged")
    assert claim(key, "Ministership to Qawugji") is None
    assert claim(key, "Chehab also portrayed as irked").claimants == informs.claimants == (PEOPLE + "109121",)


# ------------------------------------------------------------------ the addressee and the signer by their titles

def test_you_before_a_reporting_verb_is_the_addressee_of_a_memorandum_1956_you_asked_to_the_president():
    # Memorandum From the Acting Secretary of State to the President: "You asked whether the time has not come…"
    # ("You" was read as a person the entity layer tagged on the word, Yang You Chan)
    asked = claim("frus1955-57v23p2/d140", "You asked whether the time has not come")
    assert asked.claimants == (PEOPLE + "103887",)
    assert PEOPLE + "114872" not in asked.about


def test_the_acting_secretary_a_department_telegram_ties_to_no_name_is_its_signer_1956_hoover_to_averoff():
    # "Athens: Deliver following personal message to Averoff from the Acting Secretary…: “In the absence of the
    # Secretary I should like to acknowledge…”" over the signature "Hoover"
    key = "frus1955-57v24/d191"
    assert claim(key, "I would like to assure you that we are at this moment").claimants == (PEOPLE + "106100",)
    assert claim(key, "We will be in touch with you again soon").claimants == (PEOPLE + "106100",)


# ------------------------------------------------------------------ labels: persons before office acronyms, names no layer links

def _fixture_claims(name: str):
    from pathlib import Path

    from ingest.claims import claims_of
    from ingest.entities import extract_entities
    from ingest.tei_reader import read_tei
    for record in read_tei(Path(__file__).resolve().parents[1] / "fixtures" / "claims_round11" / name):
        extract_entities(record)
        yield record, claims_of(record)


def _said(name: str, prefix: str):
    """The one claim of the fixture's documents whose text starts with `prefix`."""
    hits = [c for record, found in _fixture_claims(name) for c in found if record.text[c.start:c.end].startswith(prefix)]
    assert len(hits) == 1, hits
    return hits[0]


def test_a_label_naming_a_person_speaks_for_him_not_for_an_office_acronym_in_it_1972_pm_chou():
    # "PM Chou: I will be reading it." (Kissinger–Zhou, Beijing; PM is also the Bureau of Politico-Military Affairs):
    # the turn was Zhou's and the Bureau's together
    assert _said("frus1969-76ve13-d88.xml", "I will be reading it.").claimants == (PEOPLE + "115035",)
    assert _said("frus1969-76ve13-d88.xml", "We will give you a copy of our text.").claimants == (PEOPLE + "115035",)


def test_a_name_no_layer_links_that_labels_two_or_more_turns_is_their_speaker_1976_kikhia():
    # "Kikhia: No, we can do it in English. …" in a Kissinger–Kikhia memorandum of conversation: Kikhia's turns went to
    # Kissinger, the last speaker a label was read for
    turn = _said("frus1969-76ve09p1-d57.xml", "We were colonized by the Italians.")
    assert len(turn.claimants) == 1 and turn.claimants[0].endswith("/d57/persons/kikhia")
    assert _said("frus1969-76ve09p1-d57.xml", "And the indigenous were the Arabs.").claimants == (PEOPLE + "107252",)


def test_initials_tagged_as_a_glossary_term_still_name_the_speaker_1964_lbj_dr_rsm_in_notes_of_a_meeting():
    # McCone's notes of a meeting with President Johnson: "LBJ: Skeptical of view that escalation can help us in morale.",
    # "DR: Gulf—reprisal specifics are one thing…", "RSM: Definite policy of using leak." (all went to Ball, the last
    # speaker a label was read for; LBJ is a term of the volume's glossary)
    name = "frus1964-68v02-d17.xml"
    assert _said(name, "Skeptical of view that escalation can help us").claimants == (PEOPLE + "106664",)
    assert _said(name, "Gulf—reprisal specifics are one thing").claimants == (PEOPLE + "111738",)
    assert _said(name, "Definite policy of using leak.").claimants == (PEOPLE + "108939",)


def test_p_labels_the_president_the_document_names_1970_nixon_to_kissinger():
    # TELCON "The President": "P: I don't object except for one thing. …" (went to Kissinger, the K before it)
    name = "frus1969-76ve05p1-d159.xml"
    assert _said(name, "I don't object except for one thing.").claimants == (PEOPLE + "109882",)
    assert _said(name, "This is a Catholic thing.").claimants == (PEOPLE + "109882",)


# ------------------------------------------------------------------ the writer: untagged signers, sending posts, the "I" of a memcon

def test_a_surname_no_mention_covers_under_a_department_telegram_signs_it_1958_herter():
    # "…Embassy should approach French with … / Herter" (source note: "approved by Murphy who signed for Herter")
    turn = _said("frus1958-60v02-d43-d337.xml", "Unless it perceives over-riding objections, Embassy should approach French")
    # session 33: Christian A. Herter, Under Secretary of State on the cable's date (POCOM), no more a node of d43
    assert turn.claimants == ("https://w3id.org/frus-kg/id/people/105858",), turn.explanation
    assert "Under Secretary of State" in turn.explanation and "POCOM" in turn.explanation


def test_a_heading_with_to_twice_sends_from_the_longer_post_1958_delegation_to_the_conference_on_the_law_of_the_sea():
    turn = _said("frus1958-60v02-d43-d337.xml", "Drew just back from London seeing Rab Butler and Lord Home.")
    # session 22: the post's IRI is the one the document's author has, not one local to the document
    assert turn.claimants[0].endswith("/organizations/us-delegation-at-conference-on-the-law-of-the-sea")


def test_a_telegram_from_a_cia_station_is_the_station_s_1963_saigon():
    # "Telegram From the Central Intelligence Agency Station in Saigon to the Agency": its writer's sentences were dropped
    turn = _said("frus1961-63v04-d49.xml", "So far we would call contest draw.")
    assert turn.claimants[0].endswith("/organizations/us-central-intelligence-agency-station-in-saigon")   # the author's IRI


def test_the_i_of_a_memorandum_of_conversation_naming_no_writer_is_the_participant_never_named_after_1970_kissinger():
    # "PARTICIPANTS / Ambassador Anatoliy Dobrynin / Dr. Henry A. Kissinger / Dobrynin opened the conversation by
    # asking… I said, “Yes, …”": the writer's sentences were dropped
    assert _said("frus1969-76v12-d145.xml", "I said we had taken the communication from the Soviet Government").claimants \
        == (KISSINGER,)


def test_a_person_named_after_from_in_the_heading_writes_the_memorandum_1918_j_f_abbott():
    # "Memorandum From J.F. Abbott of the Military Intelligence Division, Department of War General Staff to Francis
    # Churchill Williams…": no author party was read, and the memorandum's own sentences were dropped
    turn = claim("frus1917-72PubDip/d33", "During the past winter there was shown throughout Japan the film")
    assert turn is not None and turn.claimants[0].endswith("/d33/persons/j-f-abbott")


def test_prepared_by_in_the_source_note_names_the_writer_of_a_first_person_memorandum_1962_thompson():
    # "Memorandum for the Files … By direction of the President, I made the following statement to Ambassador Dobrynin
    # today:" (source note: "Prepared by Thompson."): the memorandum's sentences were dropped
    turn = claim("frus1961-63v06/d86", "By direction of the President, I made the following statement")
    assert turn is not None and turn.claimants == (PEOPLE + "113537",)      # Llewellyn E. Thompson


def test_a_heading_naming_its_sender_and_no_recipient_sends_from_that_post_and_its_we_is_the_post_1971_bangkok():
    # "Telegram From the Embassy in Thailand [text not declassified]": "…Kriangsak asked that we consult with appropriate
    # USG authorities…. We reminded Kriangsak that per previous statements…" (the post's sentences were dropped, and its
    # "We reminded" ran on as Kriangsak's)
    key = "frus1969-76v20/d138"
    reminded = claim(key, "We reminded Kriangsak that per previous statements")
    assert reminded.claimants[0].endswith("/d138/organizations/embassy-in-thailand")
    assert claim(key, "We added that as of now, however, policy decision").claimants == reminded.claimants


def test_more_verbs_of_saying_of_memoranda_of_conversation_1957_1961_1964_made_it_clear_pointed_to_apologized():
    # the drafter's narration before: Whitehouse's, Katz's, Bracken's
    assert claim("frus1955-57v10/d167", "He made it clear that we felt it most important").claimants == (PEOPLE + "103488",)      # Dillon
    assert claim("frus1961-63v16/d31", "Mr. Kohler pointed to the requirement of the law").claimants == (PEOPLE + "107327",)      # Kohler
    assert claim("frus1964-68v16/d51", "The Secretary apologized for taking up a matter").claimants == (PEOPLE + "111738",)


def test_the_meeting_itself_narrated_is_the_recorder_s_not_the_last_speaker_s_1963_staff_meeting():
    # William Y. Smith's record of the White House staff meeting: "Carl Kaysen … said he believed it was preferable to give
    # them a line…. The matter was left up in the air there." (went on as Kaysen's report)
    key = "frus1961-63v04/d87"
    left = claim(key, "The matter was left up in the air there.")
    assert left.claimants == (PEOPLE + "112676",) and left.claim_type == "report"
    assert claim(key, "After laughter died down, this led to a discussion").claimants == (PEOPLE + "112676",)


def test_a_view_the_writer_holds_with_another_person_is_both_s_and_goes_on_1958_middleton_and_i_concur():
    key = "frus1958-60v11/d47"
    both = (PEOPLE + "108779", PEOPLE + "109121")      # McClintock (the signer), Middleton
    assert claim(key, "Middleton and I concur conditions for introduction").claimants == both
    assert claim(key, "There are no foreign forces engaged which can be easily").claimants == both


def test_he_in_a_transcript_turn_is_no_one_on_the_line_1970_kissinger_to_dobrynin():
    # "K: If it requires a significant reaction he will react, but first he wants to see what it is." ("he" is the
    # President; it was read as Dobrynin, the other party of the call)
    key = "frus1969-76v12/d217"
    assert claim(key, "If it requires a significant reaction he will react").claimants == (KISSINGER,)


def test_a_subject_opening_a_clause_of_place_after_the_writer_s_main_clause_leaves_the_sentence_the_writer_s_1956_eur():
    # Elbrick to Dulles: "The only bracketed language occurs in paragraph 25, on page 11, where the Treasury Department
    # proposes restrictions…. EUR would prefer to have the bracketed section dropped…" (both went to the Treasury)
    key = "frus1955-57v25/d78"
    assert claim(key, "The only bracketed language occurs in paragraph 25").claimants == (PEOPLE + "103907",)
    assert "treasury" not in claim(key, "EUR would prefer to have the bracketed section dropped").claimants[0]


def test_a_drafter_s_middle_initial_does_not_end_the_name_1955_prepared_by_phyllis_d_bernau():
    from ingest.claims.voices import _DRAFTED
    note = "Source: Eisenhower Library, Dulles Papers, General Telephone Conversations. Prepared by Phyllis D. Bernau."
    assert _DRAFTED.search(note).group(1) == "Phyllis D. Bernau"
    assert _DRAFTED.search("Secret. Drafted by Major William Y Smith, Taylor's aide.").group(1).startswith("Major William Y Smith")
