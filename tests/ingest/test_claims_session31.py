"""Claims, session 31: development errors of the gold set, each pinned on the passage it was found in (issue 16;
docs/claims.md, "Session 31"). The documents are the gold set's TEI cuts, with the entity layer run on them."""
from __future__ import annotations

import pytest

from ontology import iris

from tests.ingest.test_claims_round7 import PEOPLE, claim

DOCS = "https://w3id.org/frus-kg/id/historicaldocuments/"

YU_TA_WEI, CHASE = PEOPLE + "114975", PEOPLE + "102428"


@pytest.mark.parametrize("prefix", ["Our hitherto air and naval control", "About 60 MIGs in Siang Tan",
                                    "The fatal mistake of acquiescing"])
def test_a_message_relayed_from_its_sender_in_quoted_numbered_paragraphs(prefix):
    """"Subj is msg fr Min Yu Ta Wei:" then "“1. The vital necessity…", "2. …", "a. …": the numbered paragraphs of the
    quoted message are Yu Ta-wei's, not the relaying telegram's signer's; a paragraph opening on a quotation mark
    is still numbered."""
    assert claim("frus1955-57v02/d196", prefix).claimants == (YU_TA_WEI,)


def test_the_relaying_lead_in_stays_the_signers():
    assert claim("frus1955-57v02/d196", "Subj is msg fr").claimants == (CHASE,)


@pytest.mark.parametrize("prefix", ["3. US WILL SUPPLEMENT", "US WILL BE PREPARED TO DISCUSS"])
def test_us_opening_a_sentence_of_a_telegram_in_capitals_is_the_united_states(prefix):
    """"3. US WILL SUPPLEMENT TO EXTENT NECESSARY PERSONNEL…": the United States' undertaking, which went to the
    Department (the mixed-case copy had read "Us will…", the entity layer having left every "US" in capitals)."""
    assert claim("frus1969-76ve04/d224", prefix.removeprefix("3. ")).claimants == (iris.country_iri("united-states"),)


def test_a_record_no_one_signs_is_written_by_the_one_the_editors_summary_says_reported_it():
    """"Memorandum for the Record, Paris, January 30, 1972", with no author in the heading, no signature and no
    "Drafted by": the editors' summary note, "Military Attaché Walters reported an “uncomfortable” meeting…", names the
    writer, so his "I read the communication which Tsao handed me…" ends the Ambassador's report."""
    c = claim("frus1969-76ve13/d83", "I read the communication which Tsao handed me")
    assert c.claimants == (PEOPLE + "114246",) and "editors' summary" in c.explanation


@pytest.mark.parametrize("prefix", ["The strong opposition of five out of seven", "That relations between the US and the USSR"])
def test_the_reasons_for_a_persons_recommendation_are_his_when_each_number_stands_on_its_own_line(prefix):
    """"Considerations which motivated Mr. Clayton’s recommendation were largely:" then "1." on a line of its own and the
    item under it: the reasons are Clayton's (a lead-in of reasons relays its holder's points, and a number alone on its
    line numbers the item below it)."""
    assert claim("frus1948v01p2/d194", prefix).claimants == (DOCS + "frus1948v01p2/d194/persons/clayton",)


def test_points_the_addressee_may_wish_to_keep_in_mind_are_the_writers():
    """"The Secretary may wish to keep the following points in mind in discussing the matter with Mr. Dulles:" then
    "1. The problem which Mr. Dulles wishes to discuss…": Rusk's points for the Secretary, not the Secretary's."""
    assert claim("frus1948v01p2/d9", "We recognize that war may not be").claimants == (PEOPLE + "111738",)


def test_the_remarks_of_the_one_who_made_them_after_who_are_his():
    """"Ambassador Byroade reported a rambling conversation with … President Marcos, who made the following remarks:" then
    "—He wanted Byroade's “active help”…": Marcos's, not Byroade's (the person right before "who" made them)."""
    assert claim("frus1969-76v20/d207", "He complained about the hostility").claimants == (PEOPLE + "108496",)


def test_the_main_points_of_an_envoys_message_are_his():
    """"The main points of Ambassador Unger's message follow:" then "—The Thai questioning centered on…": Unger's."""
    assert claim("frus1969-76v20/d116", "The Thai questioning centered").claimants == (PEOPLE + "113879",)


def test_the_councils_record_of_actions_under_its_name_is_the_councils():
    """"The National Security Council:" on a line of its own, then "Noted the President’s approval of the
    recommendation…": the Council's action, not the note-taker's (Gleason)."""
    c = claim("frus1955-57v19/d24", "Noted the President’s approval")
    assert c.claimants == ("https://w3id.org/frus-kg/id/organizations/nsc",)


@pytest.mark.parametrize("key, prefix, speaker", [
    ("frus1969-76v19p1/d78", "His opponent in next May’s presidential election", "107170"),
    ("frus1961-63v03/d21", "The USIA chief in SVN, John Mecklin", None),
])
def test_a_name_in_apposition_before_the_verb_is_its_subject(key, prefix, speaker):
    """"His opponent in next May’s presidential election, Kim Tae-chung, has charged that…", "The USIA chief in SVN, John
    Mecklin, has recommended that…": the comma closing the name does not part it from its verb."""
    c = claim(key, prefix)
    assert c.claimants == (PEOPLE + speaker,) if speaker else "Mecklin" in c.explanation, c.explanation


@pytest.mark.parametrize("prefix", ["Mr. Gazis called on January 16 and told me", "Mr. Gazis very adroitly implied"])
def test_a_name_no_layer_tags_after_an_honorific_speaks_through_joined_verbs_and_adverbs(prefix):
    """"Mr. Gazis called on January 16 and told me of the failure…" (the subject of the first of two joined verbs) and
    "Mr. Gazis very adroitly implied that…" ("implied that" is a verb of saying; "very" may stand before an adverb)."""
    c = claim("frus1958-60v10p2/d231", prefix)
    assert c.claimants == (DOCS + "frus1958-60v10p2/d231/persons/gazis",), c.explanation


@pytest.mark.parametrize("prefix", ["Following my memorandum, he directed", "He was appalled at the small budget"])
def test_he_in_a_record_of_a_conversation_with_the_president_is_the_president(prefix):
    """"Memorandum for the Record" over "Conversation with the President, July 9": "he" with no one named before it, or
    only someone named after a preposition ("…get together with Kermit Gordon…. He was appalled…"), is the President
    (Johnson, 1964), not the writer (Hornig) and not Gordon."""
    assert claim("frus1964-68v34/d133", prefix).claimants == (PEOPLE + "106664",)


def test_he_after_a_quoted_statement_is_the_one_it_was_made_to_not_one_it_names():
    """"I made the following oral statement to Dobrynin:" then the statement in quotation marks (naming "the President"),
    then "He said he would, of course, inform his Government…": Dobrynin, not the President named inside the quotation."""
    assert claim("frus1964-68v14/d138", "He said he would, of course, inform").claimants == (PEOPLE + "103539",)


def test_he_after_the_remarks_of_a_title_is_the_one_who_made_them():
    """"…here is my recollection of the Ambassador’s remarks about the President at the Country Team Meeting…" then "He
    referred to his annoyance with the President’s continued insistence…": the Ambassador's, not the President's."""
    c = claim("frus1958-60v01/d71", "He referred to his annoyance")
    assert c.claimants != (PEOPLE + "103887",) and "Ambassador" in c.explanation, c.explanation


@pytest.mark.parametrize("key, prefix, who", [
    ("frus1958-60v19/d222", "The latter said that he was greatly relieved", "Diefenbaker"),
    ("frus1955-57v11/d325", "The latter said that he had been impressed", "Bowie"),
])
def test_the_latter_is_the_last_person_the_sentence_before_names(key, prefix, who):
    c = claim(key, prefix)
    assert "'the latter'" in c.explanation and who in c.explanation, c.explanation


def test_the_general_is_the_one_person_named_whose_record_prints_that_rank():
    """"The General" in Burgess's telegram on De Gaulle, where the text never prints "General de Gaulle": De Gaulle, whose
    authority record reads "de Gaulle, General Charles" (it had been a person "General" local to the document)."""
    c = claim("frus1958-60v07p1/d216", "He laid special emphasis")
    assert c.claimants == (PEOPLE + "103284",), c.explanation


def test_two_unlinked_names_after_a_plural_title_speak_together():
    """"Generals Li and Tuan said they would accept RTG offer…": both, not Tuan alone."""
    c = claim("frus1969-76v20/d138", "Generals Li and Tuan said")
    assert {a.label for a in c.agents} == {"Li", "Tuan"}, c.explanation


@pytest.mark.parametrize("prefix", ["Require ASAP specific Country Team", "If State/DOD/AID decide accept CPSVN"])
def test_a_telegrams_require_without_its_subject_is_the_writers_and_ends_the_report_before_it(prefix):
    """"The Joint Chiefs of Staff have recommended that the Comprehensive Plan… be approved…" then "Require ASAP specific
    Country Team recommendations concerning the CPSVN in view of following factors:": the Department's (Rusk's), and
    so are the factors listed after it; the Chiefs' report had run on over them."""
    assert claim("frus1961-63v03/d57", prefix).claimants == (PEOPLE + "111738",)


def test_a_permrep_named_after_his_country_and_title_speaks_past_an_aside_and_opens_the_sentence_he_stands_for():
    """From a USUN telegram in capitals outside the gold set (frus1969-76ve14p1 d71, read for this session): "PRC PERMREP
    HUANG HUA, IN A SHORT SPEECH DELIVERED IN A LOW VOICE…, STATED THAT…" is Huang Hua's (it went to Scali, who signed);
    "USSR PERMREP MALIK GAVE SHORT SHRIFT TO THE KOREA ISSUE…. HE NOTED THAT…" is Malik's (it went to Huang Hua)."""
    from tests.ingest.test_claims_speakers import named, signed, the
    r = signed("PRC PERMREP HUANG HUA, IN A SHORT SPEECH DELIVERED IN A LOW VOICE WITHOUT APPARENT EMOTION, STATED THAT THE "
               "PROLONGED STATIONING OF US TROOPS IN SOUTH KOREA IS THE KEY OBSTACLE TO PEACE. USSR PERMREP MALIK GAVE SHORT "
               "SHRIFT TO THE KOREA ISSUE, DEVOTING MOST OF HIS SPEECH TO AN ATTACK ON CHARTER REVIEW. HE NOTED THAT MANY THIRD "
               "WORLD COUNTRIES VOTED FOR THE FRIENDLY RESOLUTION.", signer="SCALI")
    named(r, "HUANG HUA", PEOPLE + "huang-hua")
    named(r, "MALIK", PEOPLE + "malik")
    assert the(r, "PRC PERMREP HUANG HUA").claimants == (PEOPLE + "huang-hua",)
    assert the(r, "HE NOTED THAT MANY").claimants == (PEOPLE + "malik",)


def test_a_comment_is_the_writers_and_ends_the_report_before_it():
    """"…he reports the following: 1. The Soviets are now largely ready…" then "Comment: The Soviets could, of course, be
    hoping to postpone the question indefinitely.": Saunders's comment, not the report he relays (it had gone on to
    Dobrynin); a comment's "it" or "he" is no speaker either ("COMMENT: … IMPORTANT FACT IS THAT IT CONFIRMS RELEASE OF
    SHIPS.", frus1969-76ve05p1 d321, outside the gold set)."""
    c = claim("frus1969-76v12/d80", "(Comment: The Soviets could, of course")
    assert c.claimants == (PEOPLE + "111969",), c.explanation


def test_a_glossary_term_that_is_a_function_word_is_no_speaker_in_a_telegram_in_capitals():
    """From frus1969-76ve05p1 d98: "COMMENT: DEPARTURE OF FREY FROM STAFF, WHO BELIEVES ICRC SHOULD PULL OUT…" had "WHO"
    (the volume lists the World Health Organization) read as a speaker."""
    from ingest.records import ListEntry
    from tests.ingest.test_claims_speakers import signed, the
    r = signed("COMMENT: DEPARTURE OF FREY FROM STAFF, WHO BELIEVES ICRC SHOULD PULL OUT IF IT CANNOT GET AGREEMENT, MAY BE "
               "FIRST INDICATION OF SHIFT IN BALANCE.", signer="TUBBY")
    r.volume.terms.append(ListEntry("t_WHO_1", "term", "WHO", "World Health Organization"))
    c = the(r, "DEPARTURE OF FREY")
    assert c.claimants == (PEOPLE + "tubby",) and "WHO" not in c.explanation, c.explanation


def test_a_telegram_in_capitals_broken_at_each_printed_line_is_read_in_whole_sentences():
    """frus1969-76ve15p1 d45 (outside the gold set) prints each line of the telegram ("…THEY WERE AWARE THEY WERE<lb/>ENTERING
    INTO A COMPLICATED SITUATION."): read in mixed case, a line break after a long line that stops on a word no longer
    opens a sentence, so the sentence is one claim (it had been two: "THEY WERE AWARE THEY WERE" and "ENTERING INTO…")."""
    from tests.ingest.test_claims_speakers import named, signed, the
    r = signed("2. RESPONDING, TREPCZYNSKI SAID THAT POLISH GOVERNMENT\nWAS INTERESTED IN FULL RESPECT FOR THE PARIS AGREEMENT.\n"
               "THEY HAD ENTERED INTO ICCS ROLE AT THE INVITATION OF THE\nINTERESTED PARTIES. THEY WERE AWARE THEY WERE\n"
               "ENTERING INTO A COMPLICATED SITUATION.", signer="DAVIES")
    named(r, "TREPCZYNSKI", PEOPLE + "trepczynski")
    c = the(r, "THEY WERE AWARE THEY WERE")
    assert r.text[c.start:c.end].endswith("COMPLICATED SITUATION.")


@pytest.mark.parametrize("sentence", ["FRANCE HAS CONTINUED, FOR POLITICAL REASONS TO OCCUPY FIRST PLACE IN POLISH EYES.",
                                      "THE REGIME HAS CONTINUED ITS CAUTIOUS APPROACH TO REFORM IN THE PAST YEAR."])
def test_continued_in_the_perfect_or_before_an_aside_and_to_is_no_verb_of_saying(sentence):
    """frus1969-76ve15p1 d44 (outside the gold set): "FRANCE HAS CONTINUED, FOR POLITICAL REASONS TO OCCUPY FIRST PLACE…"
    was France's report, and the Embassy's next six sentences ran on with it."""
    from tests.ingest.test_claims_speakers import signed, the
    r = signed(sentence + " POLISH TRADE WITH THE WEST HAS INCREASED IN ABSOLUTE TERMS.", signer="DAVIES")
    assert the(r, "POLISH TRADE WITH THE WEST").claimants == (PEOPLE + "davies",)


def test_a_vice_minister_is_a_title_that_speaks():
    """"Vice Minister was obdurate and repeated it was absurd…" (frus1955-57v02 d316) and "THE VICE MINISTER SAID THAT CHINA
    AND JAPAN…" (frus1969-76ve13 d160, outside the gold set) had gone to the writer: "Vice Minister" was no title."""
    c = claim("frus1955-57v02/d316", "Vice Minister was obdurate")
    assert c.claimants == (DOCS + "frus1955-57v02/d316/persons/vice-minister",), c.explanation


def test_an_agreement_concluded_is_an_act_not_a_conclusion_drawn():
    """"At the time of signature, it would be normal practice to issue a brief press statement… announcing that the U.S. and
    Turkey had concluded an agreement…" is Herter's, not the two countries' report; so too "IN NOVEMBER 1972 FRG AND GDR
    CONCLUDED INNER- GERMAN AGREEMENT…" (frus1969-76ve14p1 d54, outside the gold set), which had run on."""
    assert claim("frus1958-60v10p2/d346", "At the time of signature").claimants == (PEOPLE + "105858",)


def test_points_made_clear_to_an_envoy_called_in_are_the_speakers_not_the_envoys():
    """frus1958-60v11 d263 (outside the gold set): in Rifai's account, "As result called in British Ambassador Johnston,
    made following points clear to him:" then "(1) HKJ had no confidence UN ability…": Rifai's points, not the United
    Kingdom's (the one named after "called in" is the object of the telegraphese verb)."""
    from ingest.records import Mention
    from tests.ingest.test_claims_speakers import named, signed, the
    r = signed("Rifai said although he had not heard broadcast had been informed about it. As result called in British "
               "Ambassador Johnston, made following points clear to him:\n\n(1) HKJ had no confidence UN ability provide "
               "adequate physical protection Jordan.\n\n(2) King Hussein would not tolerate UNEF type force.", signer="Wright")
    named(r, "Rifai", PEOPLE + "rifai")
    at = r.text.index("British")
    r.mentions.append(Mention(at, at + 7, "country", "gazetteer", 0.9, iris.country_iri("united-kingdom"), "United Kingdom"))
    assert the(r, "HKJ had no confidence").claimants == (PEOPLE + "rifai",)
