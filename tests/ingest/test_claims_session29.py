"""Claims, session 29: development errors of the gold set, each pinned on the passage it was found in (issue 16;
docs/claims.md, "Session 29"). The documents are the gold set's TEI cuts, with the entity layer run on them."""
from __future__ import annotations

import pytest

from ontology import iris
from tests.ingest.test_claims_round7 import PEOPLE, claim

DOBRYNIN, KOMER, ALLISON = PEOPLE + "103539", PEOPLE + "107345", PEOPLE + "100316"
CIA, DEFENSE = iris.organization_iri("cia"), iris.organization_iri("department-of-defense")


@pytest.mark.parametrize("key, prefix, speaker", [
    ("frus1958-60v13/d125", "Mrs. Meir sarcastically scoffed", PEOPLE + "108996"),
    ("frus1958-60v07p2/d149", "M. Guillamat, in conversation with me", PEOPLE + "105287"),
    ("frus1969-76v12/d185", "In the Map Room, Dobrynin was extremely cordial and asked", DOBRYNIN),
])
def test_regression_an_honorific_or_an_opening_adverbial_hid_the_sentences_subject(key, prefix, speaker):
    """"Mrs. Meir … scoffed … and said…", "M. Guillamat, …, requested…", "In the Map Room, Dobrynin … asked…": the
    person who opens the sentence after a title with a period, or after a short adverbial, is its subject."""
    assert claim(key, prefix).claimants == (speaker,)


def test_regression_it_closing_a_clause_was_read_as_the_subject():
    """"After I had read it, Dobrynin asked me…": "it" ends the clause before the comma; Dobrynin asks."""
    assert claim("frus1969-76v12/d185", "After I had read it, Dobrynin").claimants == (DOBRYNIN,)


def test_a_subject_before_a_subordinate_clause_does_not_take_a_verb_joined_far_after_it():
    """"Mr. Eden is sending a telegram … that if Prime Minister Yoshida should ask, … and would prefer…": the verb
    joined after clauses of others is no second verb of Eden's (Sebald's record of a call with Allison)."""
    assert claim("frus1952-54v14p2/d470", "Mr. Eden is sending").claimants != (PEOPLE + "103830",)


def test_what_the_writer_infers_someone_has_concluded_is_the_writers():
    """"At the moment, Nasser seems to have concluded from the Syrian affair…" is Komer's inference."""
    assert claim("frus1961-63v17/d173", "At the moment, Nasser").claimants == (KOMER,)


@pytest.mark.parametrize("key, prefix, speaker", [
    ("frus1955-57v04/d155", "There was a little desultory conversation", PEOPLE + "108705"),
    ("frus1964-68v30/d274", "There then ensued", DOBRYNIN),
])
def test_a_verb_after_during_which_is_asserted(key, prefix, speaker):
    """"…in the course of which Mayer said that…", "…during which Dobrynin said that…": a clause of time, not an
    object's relative clause ("the points which he raised")."""
    assert claim(key, prefix).claimants == (speaker,)


@pytest.mark.parametrize("key, prefix, speaker", [
    ("frus1958-60v07p2/d223", "Under Secretary Dillon [", PEOPLE + "103488"),
    ("frus1964-68v11/d156", "The Ambassador [Dobrynin] made the following statement", DOBRYNIN),
])
def test_a_bracket_between_the_name_and_its_verb_is_passed_over(key, prefix, speaker):
    """"Under Secretary Dillon [1–1/2 lines of source text not declassified] said…", "The Ambassador [Dobrynin] made…"."""
    assert claim(key, prefix).claimants == (speaker,)


@pytest.mark.parametrize("key, prefix, speaker", [
    ("frus1955-57v03/d304", "Wang closely questioned me", PEOPLE + "114253"),
    ("frus1955-57v20/d168", "Mr. Pineau paid tribute", PEOPLE + "110760"),
    ("frus1955-57v02/d269", "The President interrupted at this point to emphasize", PEOPLE + "103887"),
    ("frus1958-60v11/d148", "M kept saying fine", PEOPLE + "108779"),
    ("frus1955-57v17/d131", "Humphrey agreed they would", PEOPLE + "106281"),
])
def test_more_verbs_of_saying(key, prefix, speaker):
    assert claim(key, prefix).claimants == (speaker,)


def test_bodies_named_together_say():
    """"—CIA and Defense say it is not strategic…": "say" in the plural, after bodies named together."""
    assert claim("frus1964-68v14/d269", "CIA and Defense say").claimants == (CIA, DEFENSE)


def test_two_named_who_agreed_that_they_could_not_both_hold_it():
    assert claim("frus1964-68v26/d144", "Ball and Fulbright agreed").claimants == (PEOPLE + "100810", PEOPLE + "104622")


def test_they_agreed_they_is_still_the_two_on_the_line():
    """"They agreed they can ruin it." in Dulles's call with Lodge: both, by round 7's rule, not a subject "They"."""
    assert claim("frus1955-57v17/d175", "They agreed they can ruin it").claimants == (PEOPLE + "103703", PEOPLE + "108064")


def test_a_denial_is_its_bodys_and_does_not_run_on():
    """"The Agency denies they have anything to do with Alpha–66." is the CIA's; Vaky's next sentences are his."""
    assert claim("frus1969-76v12/d223", "The Agency denies").claimants == (CIA,)
    assert claim("frus1969-76v12/d223", "DOD also has the capacity").claimants != (CIA,)


def test_a_view_in_a_that_clause_of_the_writers_sentence_is_the_writers():
    """"The impression that President Nasser felt that the Secretary disliked him…": what the writer's main clause says
    of Nasser's feeling (Bergus drafted the memorandum), which does not run on."""
    assert claim("frus1958-60v13/d217", "The impression that President Nasser").claimants == (PEOPLE + "101223",)


def test_a_report_recalled_to_the_reader_is_the_subjects():
    """"You may recall that Macmillan urged that we should take action…": the verb of hearing passes the report on."""
    assert claim("frus1955-57v26/d101", "You may recall that Macmillan").claimants == (PEOPLE + "108305",)


def test_what_an_envoy_told_the_writers_side_is_his_countrys():
    """"Late this afternoon, Ambassador Sherer learned from the French Charge in New York of the following
    developments:": a source phrase naming France by its envoy; the items after it are France's too."""
    france = iris.country_iri("france")
    assert claim("frus1969-76ve14p1/d95", "LATE THIS AFTERNOON, AMBASSADOR SHERER LEARNED").claimants == (france,)
    assert claim("frus1969-76ve14p1/d95", "SUBSEQUENTLY, THE FRENCH CHARGE TOLD SHERER").claimants == (france,)


def test_according_to_an_envoy_inside_an_instruction_stays_the_writers():
    """"…you might also suggest to Belgian Foreign Ministry … Dutch, whose Ambassador in Baghdad, according to Belgian
    Ambassador there, has…": the Secretary's instruction, with its source in passing."""
    assert claim("frus1969-76ve04/d282", "In this regard, you might").claimants == (PEOPLE + "111530",)


def test_a_verb_in_an_aside_opened_by_as_is_not_the_sentences():
    """"…and also force us to eat crow later if, as Secretary Rusk has twice indicated, we…": Komer's sentence."""
    assert claim("frus1964-68v30/d134", "To withdraw from").claimants == (KOMER,)


@pytest.mark.parametrize("key, prefix, holder", [
    ("frus1955-57v20/d274", "He showed his preoccupation", PEOPLE + "110760"),
    ("frus1961-63v03/d236", "He is most cognizant", PEOPLE + "107657"),
    ("frus1964-68v29p2/d66", "Sato plans Japanese effort", PEOPLE + "111954"),
])
def test_more_states_of_mind_and_intentions(key, prefix, holder):
    assert claim(key, prefix).claimants == (holder,)


@pytest.mark.parametrize("key, prefix, writer", [
    ("frus1955-57v24/d191", "Department would also appreciate", PEOPLE + "106100"),
    ("frus1958-60v08/d469", "These proposals were not incorporated", PEOPLE + "107327"),
])
def test_plans_as_a_noun_is_no_verb(key, prefix, writer):
    """"…from HMG as complete information as possible UK plans and intentions…", "…in the Western plans because…"."""
    assert claim(key, prefix).claimants == (writer,)


def test_his_reply_was_that_is_his():
    """"His reply was that Americans and other nationalities … were involved." is Qassim's, as "He replied that…"."""
    assert claim("frus1958-60v12/d147", "His reply was that").claimants == (PEOPLE + "111030",)


@pytest.mark.parametrize("key, prefix, speaker", [
    ("frus1955-57v09/d88", "Then A said", PEOPLE + "100105"),
    ("frus1958-60v09/d171", "The Secretary rather demurred", PEOPLE + "105858"),
    ("frus1964-68v17/d203", "As GOA tentatively sees it", iris.country_iri("austria")),
])
def test_an_initial_after_then_a_demurral_and_as_x_sees_it(key, prefix, speaker):
    """"Then A said that is strong." (Adams, a party of Dulles's call), "The Secretary rather demurred at…", "As GOA
    tentatively sees it, …": Austria's view."""
    assert claim(key, prefix).claimants == (speaker,)


def test_in_a_countrys_judgment_within_a_speakers_account_stays_the_speakers():
    """"In Soviet judgment, most Americans understood…" in Vorontsov's account is his, not the Soviet Union's."""
    assert claim("frus1969-76v12/d160", "In Soviet judgment").claimants == (PEOPLE + "114132",)


def test_a_lead_in_naming_two_relays_both():
    """"Secretaries Rogers and Laird have cleared a note … incorporating the following points:" — and then "They decided
    that they did not need to clear this position with the President." is both's."""
    both = (PEOPLE + "111530", PEOPLE + "107574")
    assert claim("frus1969-76ve05p2/d43", "They decided that they did not need").claimants == both


@pytest.mark.parametrize("prefix", ["Ask the Secretary what he thinks", "You might elicit the Secretary"])
def test_talking_points_are_the_writers(prefix):
    """Saunders's talking points for Kissinger: "Ask the Secretary what he thinks…", "…the role he thinks we should be
    playing…" are the writer's, not the Shah's (the last person heard)."""
    from tests.ingest.test_claims_round7 import _gold
    record, found = _gold("frus1969-76ve04/d211")
    hits = [c for c in found if record.text[c.start:c.end].startswith(prefix)]
    assert hits and all(c.claimants == (PEOPLE + "111969",) for c in hits)


@pytest.mark.parametrize("key, prefix, speaker", [
    ("frus1964-68v17/d14", "Noting that in the past", PEOPLE + "105225"),
    ("frus1969-76v28/d16", "The UK had withdrawn", PEOPLE + "113019"),
])
def test_more_titles_name_the_person_the_document_gives_them_to(key, prefix, speaker):
    """"…, the Postmaster General asked whether…" is Gronouski, "the Foreign Secretary … hoped" Michael Stewart."""
    assert claim(key, prefix).claimants == (speaker,)


def test_when_asked_has_no_subject_of_its_own():
    """"When asked how FedRep would counter…, he indicated such clearly out of question…" is von Brentano's."""
    assert claim("frus1958-60v08/d463", "When asked how FedRep").claimants == (PEOPLE + "101714",)


@pytest.mark.parametrize("prefix", ["Sato clearly intends to proceed", "Sato clearly wishes to be of assistance"])
def test_a_wish_the_writer_reads_in_someone_is_the_writers(prefix):
    """Humphrey's report of his talk with Sato: "Sato clearly wishes to be of assistance." is Humphrey's judgment."""
    assert claim("frus1964-68v29p2/d66", prefix).claimants != (PEOPLE + "111954",)


@pytest.mark.parametrize("key, prefix, together", [
    ("frus1958-60v08/d134", "The Joint Chiefs of Staff and I", (PEOPLE + "108840", iris.organization_iri("jcs"))),
    ("frus1961-63v21/d140", "Mr. McNamara and I have concluded", (PEOPLE + "104896", PEOPLE + "108939")),
    ("frus1955-57v02/d196", "Amb Rankin and I recommend a blockade", (PEOPLE + "102428", PEOPLE + "111154")),
])
def test_a_view_the_writer_holds_with_others_named_before_and_i(key, prefix, together):
    """"The Joint Chiefs of Staff and I recognize that…", "Mr. McNamara and I have concluded that…", "Amb Rankin and I
    recommend a blockade…": the writer's and theirs (round 11's rule with more verbs, and a body)."""
    assert claim(key, prefix).claimants == together


@pytest.mark.parametrize("key, prefix, holder", [
    ("frus1948v01p2/d5", "It is the informal opinion of members", "/frus1948v01p2/d5/organizations/national-security-council-staff"),
    ("frus1949v07p2/d384", "In summary, it appears to NEA", "/frus1949v07p2/terms/t_NEA1"),
])
def test_more_source_phrases(key, prefix, holder):
    """"It is the informal opinion of members of the National Security Council Staff that…", "In summary, it appears to
    NEA that…"."""
    c = claim(key, prefix)
    assert len(c.claimants) == 1 and c.claimants[0].endswith(holder), c.explanation


@pytest.mark.parametrize("key, prefix, writer", [
    ("frus1969-76ve14p1/d59", "WE MUST PLAN ON THE POSSIBILITY", PEOPLE + "112000"),
    ("frus1969-76ve14p1/d101", "WE HAVE NOTHING TO CONTRADICT", PEOPLE + "112160"),
])
def test_we_opening_a_telegrams_sentence_ends_a_governments_report(key, prefix, writer):
    """"WE MUST PLAN ON THE POSSIBILITY OF THEIR DOING SO…" after Algeria's and Yugoslavia's positions: USUN's, signed
    by Scali (a body's report runs on otherwise, as the annotation guide reads "the considered view of … the CPC")."""
    assert claim(key, prefix).claimants == (writer,)


@pytest.mark.parametrize("key, prefix, speaker", [
    ("frus1955-57v24/d246", "He agreed, but said", PEOPLE + "108382"),
    ("frus1964-68v13/d100", "The President underlined", PEOPLE + "106664"),
    ("frus1969-76v19p1/d120", "Kim Dong Jo was curious", PEOPLE + "107171"),
])
def test_but_said_underlined_and_curious(key, prefix, speaker):
    assert claim(key, prefix).claimants == (speaker,)


def test_a_reply_named_by_its_givers_possessive_runs_on_as_his_account():
    """"Flemming’s reply was that they could get along…" and "We are now supplying 80-90% of requirements." after it are
    Flemming's, in the President's call with Dulles."""
    flemming = claim("frus1955-57v17/d131", "Flemming’s reply was that").claimants
    assert len(flemming) == 1 and flemming != (PEOPLE + "103703",)
    assert claim("frus1955-57v17/d131", "We are now supplying").claimants == flemming


def test_sir_and_a_given_name_is_the_knight_the_entity_layer_links():
    """"Sir Harold said…" in Dulles's talk with the British Ambassador (Caccia): Sir Harold Caccia, whom the document
    names in full and the entity layer links, not Harold Macmillan, whom it also names (it had been a local "Harold")."""
    assert claim("frus1955-57v20/d246", "Sir Harold said").claimants == (PEOPLE + "102065",)


@pytest.mark.parametrize("key, prefix, writer", [
    ("frus1958-60v14/d142", "Mr. Merchant telephoned with regard", PEOPLE + "105858"),
    ("frus1961-63v15/d225", "At this time, General Clay telephoned me", PEOPLE + "113537"),
])
def test_a_call_placed_is_the_writers_narration(key, prefix, writer):
    """"Mr. Merchant telephoned with regard to a conversation…", "General Clay telephoned me and gave me a list…": the
    writer narrates the call; what the caller said comes after."""
    assert claim(key, prefix).claimants == (writer,)


def test_a_call_with_what_the_caller_said_is_still_the_callers():
    """"The President called me at my home at 9:30 p.m., saying that…" (the "p.m." does not hide the "saying")."""
    assert claim("frus1955-57v03/d235", "The President called me at my home").claimants == (PEOPLE + "103887",)


@pytest.mark.parametrize("key, prefix, writer", [
    ("frus1969-76v28/d184", "You should inform SAG that UK", PEOPLE + "107252"),
    ("frus1969-76v20/d212", "This action fits into that category", PEOPLE + "105381"),
])
def test_a_that_clause_with_an_auxiliary_before_its_verb_is_still_the_writers(key, prefix, writer):
    """"You should inform SAG that UK has informed us of Soviet démarche.", "…despite the fact that the President has
    reiterated his intention…"."""
    assert claim(key, prefix).claimants == (writer,)


def test_it_appeared_that_is_the_writers_inference():
    """"It appeared that the British still believed that additional measures might provoke…": Popper's reading."""
    assert claim("frus1951v07p2/d279", "It appeared that the British").claimants != (iris.country_iri("united-kingdom"),)


def test_the_host_ministry_in_capitals_speaks_for_the_host():
    """"4. FOREIGN MINISTRY TELLS ME THAT FOLLOWING IS UPDATED LIST…" in the Embassy in Mexico's telegram, read in mixed
    case as "Foreign ministry tells me…": Mexico's, whether or not a subject was read before the verb."""
    c = claim("frus1969-76ve14p1/d180", "FOREIGN MINISTRY TELLS ME")
    assert c.claimants == (iris.country_iri("mexico"),), c.explanation


def test_points_made_by_a_title_are_that_persons():
    """"The following are some of the main points made by the Shah in this connection:" (Kissinger relaying Wheeler's
    audience): the items after it are the Shah's, not General Wheeler's, whose report the lead-in continues."""
    c = claim("frus1969-76ve04/d67", "The Persian Gulf is Iran")
    assert c.claimants == (PEOPLE + "110290",), c.explanation     # session 31: Pahlavi (had been a local "shah")


@pytest.mark.parametrize("key, prefix, writer", [
    ("frus1961-63v12/d42", "It was generally agreed", "/people/102452"),     # Chenery (session 54: authority_names.py)
    ("frus1964-68v12/d335", "It was noted, in closing", PEOPLE + "112665"),
    ("frus1961-63v04/d261", "Afterwards I spoke alone", PEOPLE + "108064"),
])
def test_the_meetings_conclusions_and_the_writers_afterwards_end_a_report(key, prefix, writer):
    """"It was generally agreed that the main problem…", "It was noted, in closing, that…": the recorder narrates the
    meeting; "Afterwards I spoke alone with Diem…" is Lodge's own, not the last speaker's report running on."""
    assert claim(key, prefix).claimants[0].endswith(writer)


@pytest.mark.parametrize("key, prefix, claimant", [
    ("frus1969-76v19p1/d161", "Ambassador Kim was clearly unaware of proposed", PEOPLE + "111530"),   # Rogers, the writer
    ("frus1969-76v20/d180", "Chou sent best regards", PEOPLE + "110890"),                          # Pote, whose account it is
    ("frus1969-76ve05p1/d118", "Cousins has a shrewd and well-informed", PEOPLE + "107252"),        # Kissinger, the writer
])
def test_a_cue_word_as_a_noun_or_adjective_names_no_speaker(key, prefix, claimant):
    """"…unaware of proposed actions", "…sent best regards to His Majesty…", "…a shrewd and well-informed appreciation…":
    no verb of saying, so the sentence is not its subject's report."""
    assert claim(key, prefix).claimants == (claimant,)
