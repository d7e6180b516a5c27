"""Claims, round 8: the round-7 held-out set's errors (issue 16; docs/claims.md, "What round 8 changed"), each
pinned on the real passage it was found in, from the gold set's TEI cuts with the entity layer run on them.
Each test is named after the error."""
from __future__ import annotations

from tests.ingest.test_claims_round7 import _gold, claim

PEOPLE = "https://w3id.org/frus-kg/id/people/"
COUNTRIES = "https://w3id.org/frus-kg/id/countries/"
ORGS = "https://w3id.org/frus-kg/id/organizations/"
DOCS = "https://w3id.org/frus-kg/id/historicaldocuments/"


def text_of(key: str, c) -> str:
    return _gold(key)[0].text[c.start:c.end]


# ------------------------------------------------------------------ about: bodies, peoples

def test_the_multilateral_force_is_a_body_local_to_the_document_1964_dobrynin():
    c = claim("frus1964-68v13/d20", "The Ambassador said that the Multilateral Force")
    local = DOCS + "frus1964-68v13/d20/organizations/multilateral-force"
    assert local in c.about
    assert [(a.label, a.kind, a.local) for a in c.about_local if a.iri == local] == [("Multilateral Force", "organization", True)]
    assert COUNTRIES + "west-germany-1990" in c.about                 # "the German appetite": open demonym, below


def test_the_united_nations_command_is_one_body_not_the_united_nations_1956_hoover():
    c = claim("frus1955-57v23p2/d140", "Some of our important allies")
    assert DOCS + "frus1955-57v23p2/d140/organizations/united-nations-command" in c.about
    c = claim("frus1955-57v23p2/d140", "Soon after the Neutral Nations Inspection Teams are expelled")
    assert DOCS + "frus1955-57v23p2/d140/organizations/neutral-nations-inspection-teams" in c.about
    assert ORGS + "un" not in c.about            # "United Nations" inside "United Nations Command" is the Command's name


def test_task_force_saigon_is_a_body_not_south_vietnam_1962():
    c = claim("frus1961-63v02/d174", "Task Force Saigon should then discuss")
    assert DOCS + "frus1961-63v02/d174/organizations/task-force-saigon" in c.about
    assert not any("south-vietnam" in a for a in c.about)


def test_a_public_presidential_commission_is_a_kind_of_body_not_one_named_1979():
    assert not any("/organizations/" in a for a in claim("frus1977-80v01/d141", "I do not have in mind a public").about)


def test_the_germans_in_1957_are_west_germany_macmillan():
    assert claim("frus1955-57v04/d74", "Macmillan said that the fact was that the Germans").about == (COUNTRIES + "west-germany-1990",)
    assert COUNTRIES + "west-germany-1990" in claim("frus1964-68v15/d32", "We wouldn't want the Germans").about


# ------------------------------------------------------------------ quoted messages

def test_a_quoted_letter_in_numbered_paragraphs_after_a_following_message_lead_in_is_the_senders_1977_kaunda():
    key = "frus1969-76v28/d237"
    c = claim(key, "I have been in frequent communication with the British Government")
    assert c.claim_type == "quotation" and c.claimants == (PEOPLE + "107252",)       # Kissinger, "from the Secretary"
    assert {COUNTRIES + "united-kingdom", PEOPLE + "111349"} <= set(c.about)         # the British, Ivor Richard
    assert PEOPLE + "106937" not in c.about                                          # "Dear Mr. President:" is no claim
    assert claim(key, "The British proposals, which you are considering").claim_type == "quotation"


def test_a_telegram_relaying_one_message_from_murray_to_creel_is_murrays_quotation_1918():
    c = claim("frus1917-72PubDip/d14", "I am proceeding in accordance with instructions")
    assert c.claim_type == "quotation" and c.claimants == (PEOPLE + "109569",)       # Robert H. Murray


def test_the_greeting_of_a_quoted_letter_is_no_part_of_its_first_claim_1969_thanom():
    key = "frus1969-76v20/d7"
    assert text_of(key, claim(key, "Congratulations and sincere good wishes")).startswith("Congratulations")
    assert claim(key, "Dear Mr. Prime Minister") is None


# ------------------------------------------------------------------ writers the heading does not name

def test_a_telegram_whose_first_line_names_its_sender_is_the_senders_1965_harriman_in_warsaw():
    c = claim("frus1964-68v03/d266", "Ambassador and I have just concluded")
    assert c.claimants == (PEOPLE + "105570",)                      # Harriman, not the signer Gronouski


def test_a_surname_closing_a_telegram_in_capitals_signs_it_1973_scali():
    key = "frus1969-76ve14p1/d59"
    assert claim(key, "WE FOUND THAT OUR WILLINGNESS TO ACCEPT DRV").claimants == (PEOPLE + "112000",)
    assert len(_gold(key)[1]) >= 10                                 # was 3 of its 12 claims: the writer was unknown


def test_a_memorandum_from_an_agency_is_the_agencys_1966_cia_to_the_303_committee():
    c = claim("frus1964-68v10/d132", "Over the past twelve years TAF")
    assert c.claimants == (ORGS + "cia",) and "heading sends" in c.explanation


def test_a_memorandum_of_conversation_with_no_writer_is_the_department_of_states_1970_cienfuegos():
    c = claim("frus1969-76v12/d221", "The State Department participants initially attempted")
    assert c.claimants == (ORGS + "department-of-state",)


def test_a_conversation_between_the_president_and_the_secretary_is_not_the_departments_1956():
    # "Memorandum of a Conversation Between the President and the Secretary of State": its "I" is one of them.
    assert claim("frus1955-57v24/d58", "I said this problem") is None


# ------------------------------------------------------------------ speakers

def test_the_senators_are_the_senators_the_participants_list_names_1970():
    key = "frus1969-76v12/d221"
    c = claim(key, "The Senators then insisted that we communicate")
    assert c.claim_type == "report"
    assert {a.label for a in c.agents} == {"Charles Harting Percy", "Marlowe Cook", "Robert Mathias"}
    assert all(a.local for a in c.agents if a.iri.startswith(DOCS))  # described in the document graph
    assert claim(key, "They emphasized that they were anxious").claimants == c.claimants


def test_mr_dillon_went_on_to_review_ends_the_ambassadors_report_1957_caccia():
    key = "frus1955-57v10/d167"
    assert claim(key, "Mr. Dillon went on to review").claimants == (PEOPLE + "103488",)
    assert claim(key, "He emphasized the importance of reaching").claimants == (PEOPLE + "103488",)
