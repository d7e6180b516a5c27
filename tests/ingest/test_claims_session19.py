"""Claims, session 19: the Department that sends a telegram speaks in its signer's voice, and verbs of saying and of
belief from a general list. Each passage is of a development document of the gold set."""
from __future__ import annotations

from tests.ingest.test_claims_round7 import claim

PEOPLE = "https://w3id.org/frus-kg/id/people/"
DEPARTMENT = "https://w3id.org/frus-kg/id/organizations/department-of-state"
COUNTRIES = "https://w3id.org/frus-kg/id/countries/"
RUSK, SULLIVAN, LLOYD = PEOPLE + "111738", PEOPLE + "113182", PEOPLE + "108049"


def test_department_believes_in_the_departments_telegram_signed_rusk_is_rusks_1962():
    # the annotation guide: "a telegram of the Department signed by a person is that person's"
    c = claim("frus1961-63v21/d325", "Department believes that constitutional")
    assert c.claimants == (RUSK,), c.explanation
    assert "signer's voice" in c.explanation


def test_the_sentences_after_it_stay_the_signers_not_a_report_of_the_department_1962():
    c = claim("frus1961-63v21/d325", "Department favors orderly, peaceful political evolution")
    assert c.claimants == (RUSK,), c.explanation


def test_dept_concurs_in_a_telegram_signed_herter_is_herters_even_where_herter_is_unlinked_1958():
    c = claim("frus1958-60v02/d455", "Department concurs fully")
    # session 33: the unlinked signature is Christian A. Herter, Under Secretary of State on the date (POCOM)
    assert c.claimants == ("https://w3id.org/frus-kg/id/people/105858",), c.explanation


def test_the_state_department_feels_in_a_message_from_the_navy_stays_the_departments_1958():
    c = claim("frus1958-60v19/d230", "Although I agree with your Charlie")
    assert c.claimants == (DEPARTMENT,), c.explanation


def test_sullivan_suspects_is_sullivans_view_1964():
    c = claim("frus1964-68v28/d267", "Sullivan suspects")
    assert c.claimants == (SULLIVAN,) and c.cue == "suspects", c.explanation


def test_lloyd_retorted_is_lloyds_words_1958():
    c = claim("frus1958-60v09/d171", "Mr. Lloyd retorted")
    assert c.claimants == (LLOYD,) and c.claim_type == "report", c.explanation


def test_the_jordanians_believe_is_jordans_view_a_verb_in_the_plural_1965():
    c = claim("frus1964-68v20/d238", "The Jordanians believe that Hussein")
    assert c.claimants == (COUNTRIES + "jordan",) and c.cue == "believe", c.explanation


def test_a_verb_in_the_plural_is_a_view_only_of_a_body_opening_its_own_clause_with_no_modal():
    from ingest.claims.extract import _held_together
    from ingest.claims.voices import Agent, Subject
    from ingest.records import Mention

    def subject(at: int, kind: str = "country") -> Subject:
        m = Mention(at, at + 2, kind, "gazetteer", 0.9, "x")
        return Subject("agent", Agent(("x",), ("UK",), "", mentions=(m,), kinds=(kind,)), "")

    assert _held_together(subject(4), "The UK ", 0)
    assert not _held_together(subject(4), "The UK will ", 0), "a modal: no view held"
    assert not _held_together(subject(29), "We do not think that the UK ", 0), "nested in the writer's clause"
    assert not _held_together(subject(31), "He read a long statement the UK ", 0), "the subject does not open the sentence"
    assert not _held_together(subject(4, "person"), "The UK ", 0), "one person: 'that the Secretary consider'"


def test_the_points_a_lead_in_relays_are_its_subjects_not_of_the_man_called_on_1959_mukarto():
    # "In farewell call on Robertson June 9 Mukarto made following points:" (the first person named was taken)
    c = claim("frus1958-60v17/d119", "PNI, Masjumi, and NU must work together")
    assert c.claimants == (PEOPLE + "109249",), c.explanation


def test_the_points_emphasized_by_someone_are_his_1960_thuan():
    # "…the following were some of the points of interest emphasized by Mr. Thuan:"
    c = claim("frus1958-60v01/d134", "The situation in Southern Laos was completely rotten")
    assert c.claimants == (PEOPLE + "109787",) and "after 'by'" in c.explanation, c.explanation
