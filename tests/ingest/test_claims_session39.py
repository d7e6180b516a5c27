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
