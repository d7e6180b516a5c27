"""Claims, session 30: development errors of the gold set, each pinned on the passage it was found in (issue 16;
docs/claims.md, "Session 30"). The documents are the gold set's TEI cuts, with the entity layer run on them."""
from __future__ import annotations

import dataclasses

import pytest

from ontology import iris
from tests.ingest.test_claims_round7 import PEOPLE, claim

JOHNSON, BRZEZINSKI, KENNEDY = PEOPLE + "106664", PEOPLE + "101878", PEOPLE + "107025"


def test_regression_a_title_after_and_split_two_joined_subjects():
    """"Sec. McNamara and Chairman Seaborg concur in this proposal…": both hold the view; the title before the second
    name does not part them."""
    assert claim("frus1964-68v11/d194", "Sec. McNamara and Chairman Seaborg").claimants == (PEOPLE + "108939", PEOPLE + "112164")


def test_a_title_after_a_bare_comma_is_no_second_subject():
    """"In discussing the problem of relations with Egypt, Mr. Macmillan…": a comma before a title is no list."""
    assert claim("frus1955-57v17/d239", "In discussing the problem of relations with Egypt").claimants == (PEOPLE + "108305",)


@pytest.mark.parametrize("key, prefix, speaker", [
    ("frus1964-68v13/d100", "The President made a general observation", JOHNSON),
    ("frus1964-68v18/d358", "Evron in somewhat defensive response ended up saying", PEOPLE + "104090"),
    ("frus1969-76ve13/d161", "The Chinese side agrees in principle", iris.country_iri("china")),
    ("frus1969-76ve14p1/d7", "SCALI AND WALDHEIM AGREED ON NECESSITY", None),
])
def test_more_verbs_of_saying(key, prefix, speaker):
    """"made a general observation", "ended up saying", "agrees in principle", "agreed on (the) necessity"."""
    found = claim(key, prefix).claimants
    assert found == (speaker,) if speaker else len(found) == 2 and PEOPLE + "112000" in found


def test_a_statement_made_without_that_is_narrated():
    """"The Lebanese made a statement today but it did not upset the…" is Lodge's account on the telephone; only
    "made a statement that…" gives the words."""
    c = claim("frus1958-60v11/d215", "The Lebanese made a statement")
    assert c is None or iris.country_iri("lebanon") not in c.claimants


def test_demands_as_a_noun_is_no_verb():
    """"…balancing Somali and Ethiopian demands…" is Hilsman's own analysis."""
    assert claim("frus1961-63v21/d274", "Any introduction of Bloc").claimants == (PEOPLE + "105939",)


@pytest.mark.parametrize("key, prefix, speaker", [
    ("frus1969-76v20/d325", "This threat underscores", PEOPLE + "112709"),
    ("frus1969-76v28/d184", "British realize", iris.country_iri("united-kingdom")),
])
def test_gratitude_and_a_view_in_the_plural_are_the_subjects(key, prefix, speaker):
    """"…and Suharto is deeply grateful for your support…", "British realize that this will not hold up long."."""
    assert claim(key, prefix).claimants == (speaker,)


def test_not_prepared_is_a_view_that_does_not_run_on():
    """"Kennedy was not prepared to knock it down. Neither are we prepared…": Kennedy's view, then Brzezinski's."""
    assert claim("frus1977-80v01/d127", "Kennedy was not prepared").claimants == (KENNEDY,)
    assert claim("frus1977-80v01/d127", "Neither are we prepared").claimants == (BRZEZINSKI,)


@pytest.mark.parametrize("key, prefix, speaker", [
    ("frus1961-63v04/d52", "After a cable was developed and approved by the Secretary, the President decided", KENNEDY),
    ("frus1969-76v19p1/d120", "Referring also to Kim Yong Sik", PEOPLE + "106681"),
    ("frus1969-76ve14p1/d95", "AFTER CHECKING WITH SCOWCROFT, HABIB", PEOPLE + "105354"),
    ("frus1969-76v20/d180", "The Chinese, Pote said", PEOPLE + "110890"),
])
def test_regression_a_name_before_a_comma_was_joined_to_the_subject(key, prefix, speaker):
    """"…approved by the Secretary, the President decided…", "…discussion with Habib, Johnson regretted…": a comma
    alone joins names only in a list that "and" closes ("A, B and C said…")."""
    assert claim(key, prefix).claimants == (speaker,)


@pytest.mark.parametrize("key, prefix, speaker", [
    ("frus1969-76v19p1/d87", "Green made clear", PEOPLE + "105149"),
    ("frus1955-57v17/d239", "Mr. Macmillan said that the aspect", PEOPLE + "108305"),
])
def test_a_name_and_a_verb_after_etc_open_a_sentence(key, prefix, speaker):
    """"…impact on Taiwan, etc. Green made clear we support GRC…", "…technical assistance, etc. Mr. Macmillan said…":
    the named speaker's own sentence, not the run of the one before."""
    assert claim(key, prefix).claimants == (speaker,)


def test_a_title_joined_to_a_name_speaks_with_it():
    """"BOTH THE SECRETARY AND MINIC EMPHASIZED THAT…": the Secretary the document names (Kissinger) and Minic."""
    assert claim("frus1969-76ve15p1/d68", "WHILE RECOGNIZING DIFFERENCES").claimants == (PEOPLE + "107252", PEOPLE + "109193")


def test_agreeing_to_something_is_the_subjects_and_does_not_run_on():
    """"President Park has agreed to a suggestion from Ambassador Porter…" is Park's; the next sentence ("The ROK had
    earlier submitted…") is Rogers' account again."""
    assert claim("frus1969-76v19p1/d78", "President Park has agreed to a suggestion").claimants == (PEOPLE + "110369",)
    assert claim("frus1969-76v19p1/d78", "The ROK had earlier submitted").claimants == (PEOPLE + "111530",)
    assert claim("frus1969-76ve04/d151", "The USG has agreed").claimants == (iris.country_iri("united-states"),)


def test_now_agreed_stays_the_writers_narration():
    """"The Soviets have now agreed to open negotiations in Moscow…" is Katzenbach's news, as the gold reads it."""
    assert claim("frus1964-68v14/d272", "The Soviets have now agreed").claimants == (PEOPLE + "106929",)


def test_informed_by_a_people_names_its_country():
    """"We have been informed by the Canadians that they have authority…": Canada's word."""
    assert claim("frus1949v07p1/d232", "We have been informed by the Canadians").claimants == (iris.country_iri("canada"),)


def test_gone_on_record_is_a_verb_of_saying():
    """"…the Joint Chiefs of Staff, for military reasons, have gone on record recommending…"."""
    assert claim("frus1961-63v17/d49", "However, it should be noted that the Joint").claimants == (iris.organization_iri("jcs"),)


@pytest.mark.parametrize("key, prefix, speaker", [
    ("frus1958-60v17/d22", "The Sec is in favor", PEOPLE + "103703"),
    ("frus1964-68v02/d162", "Y will do that", PEOPLE + "114933"),
    ("frus1961-63v08/d37", "Rowen himself", PEOPLE + "111683"),
])
def test_a_party_of_the_heading_opening_a_sentence_takes_the_report_over(key, prefix, speaker):
    """"AWD thinks…. The Sec is in favor of doing something…": a party the heading names speaks in a call or a
    conversation before the text first says he did."""
    assert claim(key, prefix).claimants == (speaker,)


def test_a_party_with_the_writer_in_the_sentence_does_not():
    """"The President went over with me the draft of my 'thinking-out-loud' paper": Dulles narrates."""
    assert claim("frus1958-60v08/d145", "The President went over with me").claimants == (PEOPLE + "103703",)


def test_he_with_no_one_named_before_is_the_other_party_of_a_conversation():
    """"I mentioned support costs. He asked what our program was.": Macmillan, the heading's other party."""
    assert claim("frus1955-57v04/d74", "He asked what our program was").claimants == (PEOPLE + "108305",)


def test_he_on_the_telephone_is_not_taken_for_the_other_party():
    """"If it requires a significant reaction he will react…" (Kissinger to Dobrynin): someone neither of them."""
    assert claim("frus1969-76v12/d217", "If it requires a significant").claimants == (PEOPLE + "107252",)


@pytest.mark.parametrize("key, prefix, speakers", [
    ("frus1958-60v11/d182", "They mentioned seeing Lloyd", {PEOPLE + "108305", PEOPLE + "103703"}),
    ("frus1969-76v12/d95", "They decided that they", {PEOPLE + "107252", PEOPLE + "103539"}),
])
def test_they_opening_a_sentence_of_a_call_is_both_on_the_line(key, prefix, speakers):
    """"They mentioned seeing Lloyd here tomorrow." in Bernau's record of a Dulles–Macmillan call."""
    assert set(claim(key, prefix).claimants) == speakers


def test_they_inside_a_sentence_of_a_call_is_not():
    """"That's why they asked me to come earlier back to Washington.": Dobrynin's Moscow, not the two on the line."""
    assert claim("frus1969-76v12/d217", "That's why they asked").claimants == (PEOPLE + "103539",)


def test_they_after_a_people_opening_the_sentence_before_is_that_people():
    """"More importantly, the British were concerned…. They wondered if we had thought through…": the British."""
    assert claim("frus1955-57v04/d131", "They wondered if we").claimants == (iris.country_iri("united-kingdom"),)


def test_regression_kept_informed_read_its_subject_as_a_speaker():
    """"President Park would be kept informed on the course of negotiations.": Park is told, he says nothing; Habib's
    account to Yu runs on."""
    assert claim("frus1969-76v19p1/d171", "President Park would be kept").claimants == (PEOPLE + "105354",)
    assert claim("frus1969-76v19p1/d171", "As he knew").claimants == (PEOPLE + "105354",)


@pytest.mark.parametrize("key, prefix, speaker", [
    ("frus1958-60v10p2/d55", "The Ambassador was assured", PEOPLE + "107327"),
    ("frus1961-63v09/d211", "He was assured by", PEOPLE + "100620"),
])
def test_a_passive_names_who_spoke_after_by(key, prefix, speaker):
    """"The Ambassador was assured by Mr. Kohler that…", "He was assured by Ambassador Asakai that…"."""
    assert claim(key, prefix).claimants == (speaker,)


def test_a_name_no_layer_links_after_informed_by_is_a_person_of_the_document():
    """"We have just been informed by Mr. Ross (USUN) that seven members…": Ross, a person local to the document."""
    assert claim("frus1949v07p1/d233", "We have just been informed").claimants[0].endswith("/persons/ross")


@pytest.mark.parametrize("key, prefix, speaker", [
    ("frus1958-60v10p2/d55", "Mr. Colbert informally", PEOPLE + "102712"),
    ("frus1958-60v12/d16", "Mr. Dillon undertook", PEOPLE + "103488"),
    ("frus1964-68v15/d32", "The Secretary then gave him", PEOPLE + "111738"),
])
def test_giving_an_understanding_points_or_an_undertaking(key, prefix, speaker):
    """"gave his understanding of the situation", "undertook to expedite…", "gave him the following five points:"."""
    assert claim(key, prefix).claimants == (speaker,)


def test_an_untied_title_takes_the_one_country_the_document_gives_it():
    """"PARTICIPANTS: … The French Ambassador …. The Ambassador readily acknowledged…": a person local to the document
    labelled "French Ambassador", not a bare "Ambassador"."""
    assert claim("frus1955-57v01/d114", "The Ambassador readily").claimants[0].endswith("/persons/french-ambassador")


def test_a_telegrams_charge_keeps_the_bare_title():
    """"Chargé asked if…" in Stein's telegram is the U.S. Chargé, though the telegram names the "Libyan Chargé"."""
    assert claim("frus1969-76ve09p1/d31", "Chargé asked if").claimants[0].endswith("/persons/charge")


@pytest.mark.parametrize("key, prefix, writer", [
    ("frus1955-57v14/d209", "It is our feeling that", PEOPLE + "103703"),
    ("frus1958-60v08/d469", "In our opinion", PEOPLE + "107327"),
    ("frus1952-54v01p1/d152", "Perhaps Mr. Perkins", PEOPLE + "101003"),
])
def test_the_writers_own_view_or_surmise_ends_a_report(key, prefix, writer):
    """"It is our feeling that…", "In our opinion, it would be…", "Perhaps Mr. Perkins can provide…": the writer's, not
    the US's position or the JCS's proposal before them."""
    assert claim(key, prefix).claimants == (writer,)


def test_presumably_opens_the_writers_surmise():
    """"SCAP states it would cost…. Presumably the remaining 56 per cent would be idle.": Bishop's own reckoning."""
    assert claim("frus1949v07p2/d13", "Presumably the remaining").claimants[0].endswith("/persons/bishop")


@pytest.mark.parametrize("key, prefix, writer", [
    ("frus1958-60v08/d375", "Ensuing discussion revolved", PEOPLE + "105858"),
    ("frus1964-68v14/d191", "There was also some inconclusive discussion", PEOPLE + "107327"),
])
def test_the_talk_itself_is_the_recorders_narration(key, prefix, writer):
    """"Ensuing discussion revolved about status of our rights…", "There was also some inconclusive discussion on…":
    the recorder narrates the meeting; Gromyko's or Dobrynin's report before it does not run on."""
    assert claim(key, prefix).claimants == (writer,)


@pytest.mark.parametrize("key, prefix, writer", [
    ("frus1961-63v04/d87", "Already wobbly", PEOPLE + "112676"),
    ("frus1977-80v01/d134", "Truman was also under", BRZEZINSKI),
])
def test_a_relative_clause_on_the_object_of_a_preposition_is_the_writers_aside(key, prefix, writer):
    """"…the last blow for Bundy, who said that…", "…pressure from …, especially Henry Wallace, who argued…"."""
    assert claim(key, prefix).claimants == (writer,)


def test_a_relative_clause_on_the_agent_of_a_passive_is_still_his():
    """"Another phase of this matter was raised by Mr. Allen, who suggested…": Allen's suggestion."""
    assert claim("frus1955-57v14/d449", "Another phase of this matter").claimants == (PEOPLE + "100300",)


def test_we_agreed_in_a_record_of_a_talk_is_the_writer_and_the_one_who_spoke_last():
    """"We agreed that a major problem was to find someone who had Chiang's confidence…": Dulles and the President."""
    assert claim("frus1955-57v02/d188", "We agreed that a major").claimants == (PEOPLE + "103703", PEOPLE + "103887")


def test_we_agreed_in_a_telegram_stays_the_writers():
    """"WE AGREED THAT RATHER THAN SCHEDULE REGULAR MEETINGS…" is Watson's report of his post's own words."""
    assert claim("frus1969-76ve13/d115", "WE AGREED THAT RATHER").claimants == (PEOPLE + "114327",)


@pytest.mark.parametrize("key, prefix, speaker", [
    ("frus1961-63v02/d180", "In the strategic hamlet concept", PEOPLE + "102905"),
    ("frus1969-76ve09p1/d31", "These planes have remained", iris.country_iri("libya")),
])
def test_items_lettered_in_capitals_are_items_of_the_list(key, prefix, speaker):
    """"A. In the strategic hamlet concept…" after Cottrell's lead-in, "A) These planes have remained impounded…" in
    the Libyan note: items of a list the lead-in gives to its speaker, like "(a)" and "1."."""
    assert claim(key, prefix).claimants == (speaker,)


def test_a_paragraph_numbered_as_the_lead_in_ends_the_lettered_list():
    """"2. Quote. Ministry wishes to bring … following points…: A) … B) …" then "4. Presumably démarche was made on
    instructions of RCC…": Stein's own surmise again."""
    assert claim("frus1969-76ve09p1/d31", "Presumably démarche").claimants == (PEOPLE + "112954",)


def test_an_initial_that_speaks_is_no_enumerator():
    """"R. said…" opens Bernau's note of a call with Robertson: the capital letter is the speaker, not an item."""
    from ingest.claims.cues import load_cues
    enumerator = load_cues().enumerator
    assert enumerator.match("A. Direct contacts between Angola and SAG") and enumerator.match("(A) 9-1/2 RIAL PER TON")
    assert not enumerator.match("R. said he would call back") and not enumerator.match("B. Smith said that")


def test_a_body_requests_in_the_plural():
    """"4. Additionally, the Joint Chiefs of Staff request that in the future provisions be made…": the JCS's request."""
    assert claim("frus1961-63v17/d49", "Additionally, the Joint Chiefs").claimants == (iris.organization_iri("jcs"),)


def test_we_in_a_turn_of_a_telephone_transcript_is_the_one_speaking():
    """"H: … If this comes up, it must be knocked out. … We can't go to the Russians and ask them to accept in
    advance.": Harriman's own "we", not the report of Rusk he was giving."""
    assert claim("frus1964-68v28/d32", "We can't go to the Russians").claimants == (PEOPLE + "105570",)


def test_we_in_the_minutes_of_a_meeting_keeps_the_report():
    """"We look toward a possible summit presentation…" in Merchant's part of the minutes stays Merchant's report."""
    assert claim("frus1958-60v09/d118", "We look toward a possible").claimants == (PEOPLE + "109045",)


def test_a_source_phrase_names_a_title_with_of():
    """"According to the Minister of National Defense, President Rhee insisted on this statement.": the Minister's word
    (a person local to the document under that title), not Rhee's."""
    assert claim("frus1958-60v18/d241", "According to the Minister").claimants[0].endswith("/persons/minister-of-national-defense")


@pytest.mark.parametrize("key, prefix, tail, kind", [
    ("frus1964-68v28/d129", "The US Ambassador to Laos", "/persons/us-ambassador-to-laos", "person"),
    ("frus1958-60v10p2/d346", "Our Embassy in Ankara now", "/organizations/embassy-in-ankara", "organization"),
])
def test_an_envoy_or_a_post_named_by_the_place_it_serves_speaks_not_the_country(key, prefix, tail, kind):
    """"The US Ambassador to Laos has requested that…" (Unger), "Our Embassy in Ankara now reports that…": a person or a
    post local to the document, typed and labelled in the document's graph, which conforms to the shapes."""
    from ingest.triples import document_quads
    from ontology.validation import validate
    from tests.ingest.test_claims_round7 import _gold
    c = claim(key, prefix)
    assert c.claimants[0].endswith(tail) and c.agents[0].kind == kind and c.agents[0].local
    record, found = _gold(key)
    quads = document_quads(dataclasses.replace(record, claims=[c]))
    assert any(str(q.subject.value) == c.claimants[0] and q.predicate.value.endswith("label") for q in quads)
    assert validate(quads).conforms


def test_both_agreed_after_two_who_spoke_together_is_theirs():
    """"BOTH THE SECRETARY AND MINIC EMPHASIZED THAT…. BOTH AGREED THAT CONVERSATION … HAD BEEN USEFUL…"."""
    assert claim("frus1969-76ve15p1/d68", "BOTH AGREED THAT").claimants == (PEOPLE + "107252", PEOPLE + "109193")


def test_a_peoples_view_inside_a_speakers_account_stays_the_speakers():
    """"Most US people wanted the US to keep its hands off in the Middle East…" in Vorontsov's account (Sonnenfeldt's
    memorandum): the people of a country, like its officials, hold the view, and Vorontsov gives it."""
    assert claim("frus1969-76v12/d160", "Most US people wanted").claimants == (PEOPLE + "114132",)
    assert claim("frus1969-76v12/d160", "Only the Israelis and a few").claimants == (PEOPLE + "114132",)


@pytest.mark.parametrize("key, prefix, speaker", [
    ("frus1958-60v13/d217", "As President Eisenhower had said", PEOPLE + "103703"),
    ("frus1955-57v15/d70", "As the President has requested", PEOPLE + "105754"),
])
def test_an_opening_as_clause_cites_another_and_asserts_nothing(key, prefix, speaker):
    """"As President Eisenhower had said yesterday, unification … could a…" is the Secretary's point in the talk; "As the
    President has requested that he be kept informed…, it is desired that…" is Hedding's instruction."""
    assert claim(key, prefix).claimants == (speaker,)


def test_a_message_named_by_a_possessive_in_s_apostrophe_is_its_senders():
    """"Cousins' message Wednesday, however, was that his usefulness as a prober was probably exhausted.": Cousins'
    word (a possessive after a final s, and words between the noun and "was that"), and the sentence after it runs on."""
    assert claim("frus1969-76ve05p1/d118", "Cousins' message Wednesday").claimants == (PEOPLE + "102923",)
    assert claim("frus1969-76ve05p1/d118", "Foreign Minister Onegbula").claimants == (PEOPLE + "102923",)
