"""Claims, session 27: development errors of the gold set, each pinned on the passage it was found in (issue 16;
docs/claims.md, "Session 27"). The documents are the gold set's TEI cuts, with the entity layer run on them."""
from __future__ import annotations

import pytest

from tests.ingest.test_claims_round7 import PEOPLE, claim

RUSK, ALLEN = PEOPLE + "111738", PEOPLE + "100300"


@pytest.mark.parametrize("key, prefix, writer", [
    ("frus1964-68v26/d58", "If Thanat prefers, we would undertake to tell Macapagal", RUSK),
    ("frus1955-57v24/d246", "Makarios did not add condition which Averoff had mentioned", ALLEN),
])
def test_regression_a_verb_in_a_condition_or_an_objects_relative_clause_made_its_subject_the_claimant(key, prefix, writer):
    """"If Thanat prefers…" asserts nothing of Thanat's, nor "…which Averoff had mentioned" of Averoff's: the
    sentence is the writer's."""
    c = claim(key, prefix)
    assert c.claimants == (writer,), c.explanation


def test_regression_an_initialism_without_periods_hid_the_next_sentences_speaker():
    """"…as acceptable to US. Vice Minister said he would repeat this suggestion…" was one sentence, O'Neill's."""
    c = claim("frus1955-57v02/d316", "Vice Minister said he would repeat this suggestion")
    assert c is not None and "Vice Minister" in c.explanation


@pytest.mark.parametrize("key, prefix", [
    ("frus1961-63v21/d325", "Although both Kaunda and Welensky have called the proposals unworkable"),
    ("frus1961-63v19/d349", "Talbot called in Ambassador Dec. 23"),
])
def test_regression_a_conceded_clause_or_a_summons_made_its_subject_the_claimant(key, prefix):
    """A sentence that opens with what it concedes ("Although both Kaunda and Welensky have called…, neither seems
    eager…") says the writer's view, as one that concedes after a comma did; "called in Ambassador" is a summons."""
    assert claim(key, prefix).claimants == (RUSK,)


def test_regression_he_after_a_title_in_the_same_sentence_was_nobody_and_the_writer_took_the_report():
    """"WHEN I SAW SHAH DEC 9 HE EXPRESSED PLEASURE…" (a telegram in capitals): "he" is the Shah, the title named before
    it in the sentence, and the reports after it go on with him; they had all gone to MacArthur, who signed it."""
    for prefix in ("WHEN I SAW SHAH DEC 9 HE EXPRESSED", "HE SAID HE HAD INSTRUCTED IRANIAN SECURITY"):
        c = claim("frus1969-76ve04/d104", prefix)
        # session 31: the Shah is Pahlavi by the authority records (the volume has no persons list); he had been local
        assert c.claimants == (PEOPLE + "110290",) and "Pahlavi" in c.explanation, c.explanation


DULLES, BRUCKER = PEOPLE + "103703", PEOPLE + "101845"


def test_regression_the_secretary_of_defense_was_read_as_the_secretary():
    """"The Secretary of Defense has concurred in this, recommendation." in a memorandum by the Secretary of State
    (Marshall, 1948) was Marshall's: a Secretary of another department is no "Secretary"."""
    c = claim("frus1948v05p1/d396", "The Secretary of Defense has concurred")
    assert PEOPLE + "108548" not in c.claimants and c.claimants[0].endswith("/persons/secretary-of-defense")


def test_regression_the_sec_was_the_secretary_of_the_army_of_the_heading_and_said_b_was_nobody():
    """Dulles's notes of a call with "the Secretary of the Army (Brucker)": "The Sec said…" is Dulles, and
    "Whatever, said B, the Pres does B would of course applaud." is Brucker, by his initial after the verb."""
    assert claim("frus1955-57v23p1/d144", "The Sec said B has to say").claimants == (DULLES,)
    assert claim("frus1955-57v23p1/d144", "Whatever, said B").claimants == (BRUCKER,)


def test_regression_i_said_among_the_items_thuan_reported_was_thuans():
    """"Thuan reported following items:" relays his points, but "I said we would be quite willing to discuss
    financing…" among them is Nolting's, who signed the telegram; the items themselves stay Thuan's."""
    nolting, thuan = PEOPLE + "109909", PEOPLE + "109787"
    assert claim("frus1961-63v02/d260", "I said we would be quite willing").claimants == (nolting,)
    assert claim("frus1961-63v02/d260", "Definite decision taken").claimants == (thuan,)
