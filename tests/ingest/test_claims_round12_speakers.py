"""Claims, round 12 (speakers): whom a sentence-opening "he" stands for, read from the structure of the narration
rather than from the last name printed (issue 16; /work/helpers/rules12-speakers.md). Each test pins a rule on the
real passage of a readable gold document (rounds 1-10 and round 11's odd draw positions) it failed on."""
from __future__ import annotations

from tests.ingest.test_claims_round7 import claim

PEOPLE = "https://w3id.org/frus-kg/id/people/"
CLAY, HERTER = PEOPLE + "102641", PEOPLE + "105858"


def _local(c) -> str:
    return c.claimants[0].rsplit("/", 1)[-1]


# ------------------------------------------------------------------ "he": the subject opening the sentences before

def test_he_after_the_writers_own_lines_is_the_titled_subject_before_them_not_the_last_speaker_1962_dobrynin():
    # "The Ambassador seemed impressed by this list…" / "I also pointed out…" / "He said of course that…"
    # (each its own paragraph; "He" went to General Clay, who had "telephoned" two paragraphs earlier)
    key = "frus1961-63v15/d225"
    for opening in ("He said of course that the question of principle", "He indicated that he and Gromyko",
                    "As he was leaving, he said it was incomprehensible"):
        c = claim(key, opening)
        # session 30: the country printed ("soviet-ambassador"); session 49: Dobrynin, the participants list's Ambassador
        assert CLAY not in c.claimants and c.claimants == (PEOPLE + "103539",), c.explanation


def test_he_after_the_cardinal_opens_the_sentence_is_the_cardinal_not_the_secretary_named_last_1960():
    # "The Cardinal expressed his appreciation for being received by the Secretary, …. He wanted the Secretary to
    # know that the prayers…" (went to Herter, the last person named before the pronoun)
    c = claim("frus1958-60v07p2/d391", "He wanted the Secretary to know")
    # session 50: the Cardinal is Agagianian, the one name the document prints after the title (a node of his own)
    assert HERTER not in c.claimants and _local(c) == "agagianian"


def test_he_after_an_unlinked_doctor_who_detailed_the_hardships_is_that_doctor_not_the_writer_1961_iwaszkiewicz():
    # "Dr. Iwaszkiewicz, who is the Commercial Counselor, detailed at some length the hardships…. He indicated that
    # they had with difficulty persuaded Warsaw…" (went to the writer, Kaysen, as a speaker not identified)
    c = claim("frus1961-63v16/d52", "He indicated that they had with difficulty persuaded Warsaw")
    assert _local(c) == "iwaszkiewicz", c.explanation


def test_regression_a_subordinate_clause_opening_the_sentence_does_not_give_he_its_subject_1958_de_gaulle():
    # "After Spaak had indicated his desire to explore…, De Gaulle …. He felt it had a useful function…": De Gaulle,
    # the main clause's subject, not Spaak
    c = claim("frus1958-60v07p1/d216", "He felt it had a useful function")
    assert c.claimants == (PEOPLE + "103284",), c.explanation


# ------------------------------------------------------------------ a title after "the" anywhere before the verb

def test_a_title_after_the_inside_the_sentence_is_the_subject_of_its_reporting_verb_1960_finally_the_cardinal_said():
    # "Finally the Cardinal said that when he talked with the Pope…", "Turning to the Near East the Cardinal said that…"
    # (both went to the drafter, Stabler, as his own statements)
    for opening in ("Finally the Cardinal said that when he talked", "Turning to the Near East the Cardinal said"):
        c = claim("frus1958-60v07p2/d391", opening)
        assert c.claim_type == "report" and _local(c) == "agagianian", c.explanation



# ------------------------------------------------------------------ labels joined to the turn by a dash

def test_a_speaker_label_joined_by_a_dash_speaks_its_turn_1959_general_williams_and_president_diem():
    # "General Williams—I also have another piece of news. As you know, up to now we have not been sending U.S.
    # Advisors…" / "President—That is very good. However, I should be consulted…" (all went to Diem, the heading's
    # first party)
    key = "frus1958-60v01/d77"
    williams, diem = PEOPLE + "114629", PEOPLE + "109767"
    assert claim(key, "As you know, up to now we have not been sending").claimants == (williams,)
    assert claim(key, "I will tell him about my conversation with you").claimants == (williams,)
    assert claim(key, "However, I should be consulted in each individual case").claimants == (diem,)
    assert claim(key, "General Williams—") is None and claim(key, "I also have another piece of news.") is not None


# ------------------------------------------------------------------ a lead-in relaying a report

def test_the_numbered_paragraphs_after_a_caller_with_the_following_report_are_the_callers_1968_mccloy():
    # "John McCloy called at 8:30 a.m. today with the following report." / "1. The British reversed their previous
    # position…" / "2. They did not accept F–111 acceleration." (went to Rostow, who wrote the memorandum)
    key, mccloy = "frus1964-68v13/d242", PEOPLE + "108784"
    assert claim(key, "The British reversed their previous position").claimants == (mccloy,)
    assert claim(key, "They did not accept F–111 acceleration.").claimants == (mccloy,)
    assert claim(key, "John McCloy called at 8:30 a.m.").claimants != (mccloy,)     # the lead-in stays the writer's


# ------------------------------------------------------------------ a title inside the mention's own text

def test_a_bare_title_is_the_person_whose_tagged_name_begins_with_it_1957_the_admiral_is_radford():
    # "Admiral Radford said that the United States does possess land records…" (tagged whole) / "The Admiral then
    # stated that the Chiefs feel strongly…" / "He commented that…" (went to a person local to the document, "Admiral")
    key, radford = "frus1955-57v23p1/d204", PEOPLE + "111079"
    assert claim(key, "The Admiral then stated that the Chiefs feel strongly").claimants == (radford,)
    assert claim(key, "He commented that the United States will need facilities").claimants == (radford,)


# ------------------------------------------------------------------ verbs of saying

def test_detailed_lamented_and_cited_are_verbs_of_saying_1961_iwaszkiewicz_and_1968_rodger_davies():
    # "Dr. Iwaszkiewicz, who is the Commercial Counselor, detailed at some length the hardships…", "By contrast, Dr.
    # Iwaszkiewicz lamented the lack of credit…" (went to Kaysen, the writer); "Rodger cited primarily a conversation
    # earlier today with the…" (went to Saunders)
    for opening in ("Dr. Iwaszkiewicz, who is the Commercial Counselor, detailed", "By contrast, Dr. Iwaszkiewicz lamented"):
        c = claim("frus1961-63v16/d52", opening)
        assert c.claim_type == "report" and _local(c) == "iwaszkiewicz", c.explanation
    c = claim("frus1964-68v20/d78", "Rodger cited primarily a conversation")
    assert c.claim_type == "report" and "Saunders" not in c.explanation.split("claimant")[-1], c.explanation


# ------------------------------------------------------------------ a state of mind shown

def test_a_state_of_mind_the_other_party_showed_is_his_1962_the_ambassador_seemed_impressed():
    # "At first the Ambassador was very reluctant, and did not seem convinced by my arguments.", "The Ambassador seemed
    # impressed by this list…" (went to Thompson, the drafter); the writer's own "I …" lines stay his
    key = "frus1961-63v15/d225"
    for opening in ("At first the Ambassador was very reluctant", "The Ambassador seemed impressed by this list"):
        c = claim(key, opening)
        # session 30: the country printed ("soviet-ambassador"); session 49: Dobrynin, the participants list's Ambassador
        assert c.claim_type == "report" and c.claimants == (PEOPLE + "103539",), c.explanation
    assert claim(key, "I pointed out that only two had been held up").claimants != (PEOPLE + "103539",)
