"""Claims, session 39: rules found in documents outside the gold set and in development errors, each pinned on a
passage built from the one it was found in (issue 16; docs/claims.md, "Session 39")."""
from __future__ import annotations

from ingest.claims import claims_of
from tests.ingest.test_claims_bodies import term
from tests.ingest.test_claims_speakers import PEOPLE, document, named


def _claim(r, opening: str):
    return next(c for c in claims_of(r) if r.text.startswith(opening, c.start))


def _labels(r, opening: str) -> list[str]:
    return [a.label for a in _claim(r, opening).agents]


_SAUNDERS = "80. Memorandum From Harold H. Saunders of the National Security Council Staff to Kissinger"


def test_an_impression_held_is_the_view_of_the_one_who_holds_it_not_of_the_report_running_on():
    """frus1969-76v12 d80: "Sisco has the impression that the question is not closed." went on with Dobrynin's
    position, stated in the sentence before."""
    r = document("On direct negotiations Dobrynin took the position that the question is difficult. "
                 "Sisco has the impression that the question is not closed.", heading=_SAUNDERS)
    named(r, "Dobrynin", PEOPLE + "dobrynin")
    named(r, "Sisco", PEOPLE + "sisco")
    assert _claim(r, "Sisco has the impression").claimants == (PEOPLE + "sisco",)


def test_a_plea_and_a_firm_stand_are_the_speakers_own():
    """frus1955-57v02 d269: "Mr. Menon pleaded for “magnanimity”." went on with the President's report; frus1958-60v08
    d375: "Couve and Lloyd were firm maintaining Western position on rights." with Gromyko's."""
    r = document("The President said that he hoped for a settlement of the question soon. "
                 "Mr. Menon pleaded for generosity toward the prisoners held there. "
                 "Gromyko said the occupation had to end. Couve and Lloyd were firm maintaining Western position on "
                 "rights.", heading="54. Memorandum of Conversation")
    named(r, "President", PEOPLE + "eisenhower")
    named(r, "Menon", PEOPLE + "menon")
    named(r, "Gromyko", PEOPLE + "gromyko")
    named(r, "Couve", PEOPLE + "couve")
    named(r, "Lloyd", PEOPLE + "lloyd")
    assert _claim(r, "Mr. Menon pleaded").claimants == (PEOPLE + "menon",)
    assert set(_claim(r, "Couve and Lloyd").claimants) == {PEOPLE + "couve", PEOPLE + "lloyd"}


def test_telegraphese_according_without_to_names_the_source():
    """frus1969-76v28 d54: "According Hynning, SAG would be willing invite SYG visit SA…" was the Department's own
    statement, and so were the two sentences of Hynning's account after it."""
    r = document("Hynning explained he had received authority from SAG to discuss subject with Department. "
                 "Newsom said he welcomed chance discuss issue.\n\n"
                 "According Hynning, SAG would be willing invite SYG visit SA for discussion of the issue. "
                 "But he did not rule out possibility Africans accompanying SYG.",
                 heading="54. Telegram From the Department of State to the Embassy in South Africa",
                 date="Washington, September 25, 1970, 2231Z")
    named(r, "Newsom", PEOPLE + "newsom")
    assert _labels(r, "According Hynning") == ["Hynning"]
    assert _labels(r, "But he did not rule out") == ["Hynning"]


def test_an_opening_participle_of_saying_is_spoken_by_the_subject_of_the_main_clause():
    """frus1961-63v17 d213: "Saying that he would welcome such a final meeting, Dr. Johnson suggested…" had been read as
    telegraphese without a subject ("Said…") and given to the one heard before; frus1961-63v19 d30: "Saying he also
    wished to talk about Afghanistan, President Ayub recalled…" to the Secretary, whom "he" in the participle's clause
    had been read as."""
    r = document("Mr. Crawford spoke of the plan for the talks. "
                 "Saying that he would welcome such a final meeting, Dr. Johnson suggested it be scheduled for Friday.\n\n"
                 "The Secretary said the United States would help. "
                 "Saying he also wished to talk about Afghanistan, President Ayub recalled that it had been a buffer.",
                 heading="213. Memorandum of Conversation")
    named(r, "Crawford", PEOPLE + "crawford")
    named(r, "Johnson", PEOPLE + "johnson")
    named(r, "Secretary", PEOPLE + "rusk")
    named(r, "Ayub", PEOPLE + "ayub")
    assert _claim(r, "Saying that he would welcome").claimants == (PEOPLE + "johnson",)
    assert _claim(r, "Saying he also wished").claimants == (PEOPLE + "ayub",)


def test_an_opening_participle_without_a_comma_gives_way_to_the_main_clause_verb():
    """frus1969-76v28 d54: "2. Stating SAG wished find way out this issue he said he sought determine…" was the South
    African Government's, from "wished" in the participle's clause."""
    r = document("Hynning, Washington attorney for South African Government, initiated meeting with Asst. Secty Newsom "
                 "September 20. Hynning explained he had received authority from SAG to discuss subject with "
                 "Department.\n\n2. Stating SAG wished find way out this issue he said he sought determine what "
                 "approach might be acceptable to USG.",
                 heading="54. Telegram From the Department of State to the Embassy in South Africa",
                 date="Washington, September 25, 1970, 2231Z")
    named(r, "Newsom", PEOPLE + "newsom")
    term(r, "SAG", "t_SAG_1", "South African Government")
    term(r, "SAG", "t_SAG_1", "South African Government", nth=1)
    assert _labels(r, "Stating SAG wished") == ["Hynning"]


def test_regression_a_verb_in_a_relative_clause_after_the_participle_does_not_take_the_main_clause():
    """frus1964-68v17 d14: "Noting that …, the Postmaster General asked whether the attitude Secretary McNamara had
    expressed also extended…" is the Postmaster General's question, not McNamara's statement."""
    r = document("Secretary McNamara stated that the Defense Department completely favored such trade. "
                 "Noting that in the past most such trade with Poland had been in farm products, the Postmaster General "
                 "asked whether the attitude Secretary McNamara had expressed also extended to industrial items.",
                 heading="14. Memorandum for the Record")
    named(r, "McNamara", PEOPLE + "mcnamara")
    named(r, "McNamara", PEOPLE + "mcnamara", nth=1)
    assert PEOPLE + "mcnamara" not in _claim(r, "Noting that in the past").claimants


def test_fm_before_a_verb_is_the_foreign_minister_not_a_speaker_no_one_names():
    """frus1969-76ve05p2 d93: "FM SAID GOL HAS SIGNED CONTRACT…" was "a speaker not identified", the Department's."""
    r = document("FM KIKHIA SAID MAJOR PROBLEM IN BILATERAL RELATIONS IS FAILURE OF US TO DELIVER AIRCRAFT. "
                 "SECRETARY INDICATED CONDITIONS HAVE CHANGED SINCE CONTRACT MADE.\n\n"
                 "FM SAID GOL HAS SIGNED CONTRACT AND ALREADY PAID $22 MILLION OF $40 MILLION STIPULATED.",
                 heading="93. Telegram 189100 From the Department of State to the Embassy in Libya",
                 date="Washington, October 17, 1972, 2114Z")
    assert "Foreign Minister" in _labels(r, "FM SAID GOL")[0]


def test_a_view_in_favor_and_a_recollection_are_the_subjects():
    """frus1969-76v12 d120 ("Specifically, he is in favor of a visit…", the President's), frus1964-68v15 d86 ("He
    recollects the extended assurance…", the President's, in Bundy's memorandum)."""
    r = document("The President said he wants more exchanges with Moscow. Specifically, he is in favor of a visit to "
                 "the United States by Soviet Minister Kirillin.\n\n"
                 "The President remembers his talks with the Chancellor. He recollects the extended assurance he gave "
                 "in his speech.", heading="120. Memorandum From Kissinger to Secretary of State Rogers")
    named(r, "President", PEOPLE + "nixon")
    named(r, "President", PEOPLE + "nixon", nth=1)
    assert _claim(r, "Specifically, he is in favor").claimants == (PEOPLE + "nixon",)
    assert _claim(r, "He recollects").claimants == (PEOPLE + "nixon",)


def test_a_person_the_speaker_talks_to_in_his_running_report_is_not_the_next_he():
    """frus1964-68v11 d157: "Mr. Gromyko could be sure that only the President…" went on with the President's words;
    "He did not see why we could not get our pencils out…" was then read as Gromyko's, who opens that sentence."""
    r = document("The President said that we had a law in this country on nuclear weapons. Mr. Gromyko could be sure "
                 "that only the President would exercise power over nuclear weapons. He presumed that the Soviet "
                 "Government could give a similar assurance. He did not see why we could not get our pencils out and "
                 "work out an agreement.", heading="157. Memorandum of Conversation")
    named(r, "President", PEOPLE + "johnson")
    named(r, "Gromyko", PEOPLE + "gromyko")
    assert _claim(r, "He did not see why").claimants == (PEOPLE + "johnson",)


def test_regression_one_who_agrees_in_a_short_sentence_is_the_next_he_after_anothers_report():
    """frus1964-68v15 d7: "The Secretary agreed." is too short for a claim, but it ends the Ambassador's account: "He
    said that the matter was now more urgent…" is the Secretary's."""
    r = document("The Ambassador inquired how we thought the German proposal should be handled. In the British view the "
                 "German draft had too much of the flavor of an internal document. The Secretary agreed. He said that the "
                 "matter was now more urgent.", heading="7. Memorandum of Conversation")
    named(r, "Ambassador", PEOPLE + "ormsby-gore")
    named(r, "Secretary", PEOPLE + "rusk")
    assert _claim(r, "He said that the matter").claimants == (PEOPLE + "rusk",)


def test_seeing_no_way_is_a_view_held():
    """frus1969-76ve04 d55 (outside the gold set): "In sum, he did not see where it was possible to materially cut back
    his forces…" was the Ambassador's own statement, in his summary of the Shah's talk."""
    r = document("The Shah said Iran needed six divisions at the very least.\n\n"
                 "In sum, he did not see where it was possible to cut back his forces after the British pull-out.",
                 heading="55. Telegram 1019 From the Embassy in Iran to the Department of State",
                 date="Tehran, March 19, 1970, 0900Z")
    named(r, "Shah", PEOPLE + "pahlavi")
    assert _claim(r, "In sum, he did not see").claimants == (PEOPLE + "pahlavi",)


def test_he_after_the_writers_question_to_a_person_is_the_one_asked_not_the_last_speaker():
    """frus1958-60v11 d61 (outside the gold set): "On political front I asked Chamoun where he thought opposition leaders
    now stood. He said…" was Colonel Stinnes's, named two paragraphs before as the source of an opinion."""
    r = document("This operation should commence this morning and is militarily feasible in opinion of Colonel Stinnes.\n\n"
                 "On political front I asked Chamoun where he thought opposition leaders now stood. He said that while "
                 "individually many of them were prepared to be reasonable, together they became bellicose.",
                 heading="61. Telegram From the Embassy in Lebanon to the Department of State",
                 date="Beirut, June 6, 1958, 2 p.m.")
    named(r, "Stinnes", PEOPLE + "stinnes")
    named(r, "Chamoun", PEOPLE + "chamoun")
    assert _claim(r, "He said that while").claimants == (PEOPLE + "chamoun",)


def test_he_after_a_when_clause_is_that_clauses_subject_unless_the_clause_puts_a_question():
    """frus1955-57v04 d37 (outside the gold set): "When Senator George saw Chancellor Adenauer in Bonn on September 28, he
    said he wished to give the Chancellor…" was the Secretary of Defense's, named in the sentence before."""
    r = document("As you requested, I informed the Secretary of Defense accordingly.\n\n"
                 "When Senator George saw Chancellor Adenauer in Bonn on September 28, he said he wished to give the "
                 "Chancellor complete assurance. When the Secretary asked Diem about the sects, he said that the crux of "
                 "the problem is the Binh Xuyen.", heading="37. Letter From Secretary of State Dulles to President Eisenhower")
    named(r, "Secretary of Defense", PEOPLE + "wilson")
    named(r, "George", PEOPLE + "george")
    named(r, "Adenauer", PEOPLE + "adenauer")
    named(r, "Diem", PEOPLE + "diem")
    assert _claim(r, "When Senator George").claimants == (PEOPLE + "george",)
    assert PEOPLE + "wilson" not in _claim(r, "When the Secretary asked").claimants


def test_an_itinerary_is_no_view_and_the_writers_sentences_after_it_stay_the_writers():
    """frus1958-60v05 d239 (outside the gold set): "Peixoto plans leave Washington April 1." was read as Peixoto's plan
    held, and the Department's "Dept will forcefully take lines set forth…" as his account running on."""
    r = document("Peixoto plans leave Washington April 1. Meeting with Rubottom scheduled afternoon March 31. Dept will "
                 "forcefully take lines set forth in paragraphs (a) and (b) above with him at that meeting.",
                 heading="239. Telegram From the Department of State to the Embassy in Brazil",
                 date="Washington, March 28, 1959, 7:12 p.m.")
    named(r, "Peixoto", PEOPLE + "peixoto")
    assert PEOPLE + "peixoto" not in _claim(r, "Dept will forcefully").claimants


def test_a_verb_of_saying_after_a_possessive_is_a_noun():
    """frus1964-68v13 d274 (outside the gold set): "There followed a discussion of the status of the Rapporteurs'
    reports." was the claim of a local speaker "Rapporteurs'"."""
    r = document("There followed a discussion of the status of the Rapporteurs' reports. Both sides agreed that they "
                 "might be attached to the report as reference documents.", heading="274. Memorandum of Conversation")
    assert all("Rapporteurs" not in a.label for a in _claim(r, "There followed").agents)


def test_a_plea_entered_and_a_discussion_begun_by_reporting_are_the_speakers():
    """frus1961-63v12 d322 and frus1964-68v13 d274 (outside the gold set) had both as the drafter's narration."""
    r = document("At this point, the President entered a strong plea for gradual action on the sanctions.\n\n"
                 "Mr. Rostow began the discussion by reporting on a talk he had just had with Ambassador Grewe.",
                 heading="322. Memorandum of Conversation")
    named(r, "President", PEOPLE + "balaguer")
    named(r, "Rostow", PEOPLE + "rostow")
    named(r, "Grewe", PEOPLE + "grewe")
    assert _claim(r, "At this point, the President").claimants == (PEOPLE + "balaguer",)
    assert _claim(r, "Mr. Rostow began").claimants == (PEOPLE + "rostow",)


def test_continued_after_a_determiner_is_an_adjective_not_a_verb_of_saying():
    """frus1969-76v19p1 d122 (outside the gold set): "…he is making continued support of ROK by U.S. administration
    difficult." was Park's, the "he" of "continued"."""
    r = document("Park feels that small powers must look after themselves.\n\nWe would let Park and key officials know that "
                 "while we will not interfere in ROK domestic affairs, he is making continued support of ROK by U.S. "
                 "administration difficult.", heading="122. Telegram From the Embassy in Korea to the Department of State",
                 date="Seoul, October 18, 1972, 0930Z")
    named(r, "Park", PEOPLE + "park")
    named(r, "Park", PEOPLE + "park", nth=1)
    assert PEOPLE + "park" not in _claim(r, "We would let Park").claimants


def test_he_after_although_is_the_subject_of_the_main_clause():
    """frus1969-76v20 d316 (outside the gold set): "Suwoto did not do so although he queried me in general terms…" was
    Air Marshal Slamat's, named in the sentence before."""
    r = document("Air Marshal Slamat had also indicated previously that Suwoto would press me on excess B-25 aircraft. "
                 "Suwoto did not do so although he queried me in general terms about availability of excess material.",
                 heading="316. Telegram From the Embassy in Indonesia to the Department of State",
                 date="Djakarta, August 1, 1970, 0800Z")
    named(r, "Slamat", PEOPLE + "slamat")
    named(r, "Suwoto", PEOPLE + "suwoto")
    named(r, "Suwoto", PEOPLE + "suwoto", nth=1)
    assert _claim(r, "Suwoto did not do so").claimants == (PEOPLE + "suwoto",)


def test_he_after_the_writer_found_a_person_is_that_person():
    """frus1961-63v03 d235 (outside the gold set): "I found Thuan in more sanguine frame of mind than heretofore. He
    confirmed that Diem…" was Diem's, whom the sentence after "He" names."""
    r = document("I found Thuan in more sanguine frame of mind than Diem had been. He confirmed that Diem, having finally "
                 "adopted conciliatory line, was now confidently pursuing that course.",
                 heading="235. Telegram From the Embassy in Vietnam to the Department of State",
                 date="Saigon, July 19, 1963, 6 p.m.")
    named(r, "Thuan", PEOPLE + "thuan")
    named(r, "Diem", PEOPLE + "diem")
    named(r, "Diem", PEOPLE + "diem", nth=1)
    assert _claim(r, "He confirmed").claimants == (PEOPLE + "thuan",)


def test_reported_before_where_it_was_reported_is_a_participle_not_a_verb_of_saying():
    """frus1964-68v18 d118 (outside the gold set): "In approach parallel to your talk with Prime Minister Eshkol reported
    reftel, Deputy Prime Minister Eban recalled to Secretary…" was Eshkol's, from "reported"."""
    r = document("In approach parallel to your talk with Prime Minister Eshkol reported reftel, Deputy Prime Minister Eban "
                 "recalled to Secretary December 5 that the understanding had covered six month periods.",
                 heading="118. Telegram From the Department of State to the Embassy in Israel",
                 date="Washington, December 8, 1965, 7:49 p.m.")
    named(r, "Eshkol", PEOPLE + "eshkol")
    named(r, "Eban", PEOPLE + "eban")
    assert _claim(r, "In approach parallel").claimants == (PEOPLE + "eban",)


def test_an_act_narrated_of_the_speaker_ends_his_report():
    """frus1955-57v02 d309 (development): "Nehru read applicable parts of Chinese message and copied for me a portion…"
    went on with Nehru's report; frus1964-68v29p1 d179: "He gasped, sputtered and immediately went out and brought Yi
    Hu-rak into the meeting." with the Prime Minister's."""
    r = document("Nehru said the Chinese had sent a message that they were ready for talks. Nehru read applicable parts of "
                 "Chinese message and copied for me a portion which is substantially same as that sent Washington.",
                 heading="309. Telegram From the Embassy in India to the Department of State",
                 date="New Delhi, July 31, 1955, 8 p.m.")
    named(r, "Nehru", PEOPLE + "nehru")
    named(r, "Nehru", PEOPLE + "nehru", nth=1)
    assert PEOPLE + "nehru" not in _claim(r, "Nehru read applicable").claimants
