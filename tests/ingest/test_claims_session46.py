"""Claims, session 46: names joined by commas and "and" that open a sentence speak together, also where the entity layer
tagged only some of them; read on documents outside the gold set, each pinned on a passage built from the one it was
found in (issue 16; docs/claims.md, "Session 46")."""
from __future__ import annotations

from ontology import iris
from tests.ingest.test_claims_speakers import PEOPLE, document, named, the

TELEGRAM_COPENHAGEN = "15. Telegram From the Embassy in Denmark to the Department of State"


def _local(r, slug: str) -> str:
    return f"https://w3id.org/frus-kg/id/historicaldocuments/{r.volume.id}/{r.doc_id}/persons/{slug}"


def test_both_a_tagged_and_an_untagged_name_before_the_verb_speak_together():
    """frus1964-68v12 d15: "Both Ronne and Fergo felt that the Foreign Office would object…" had gone to Ronne alone,
    the one name the editors tagged; "They suggested…" after it is both's too."""
    r = document("Both Ronne and Fergo felt that the Foreign Office would object to the language of the second "
                 "paragraph. They suggested omitting the second paragraph.", heading=TELEGRAM_COPENHAGEN,
                 date="Copenhagen, March 3, 1964")
    named(r, "Ronne", PEOPLE + "ronne")
    c = the(r, "Both Ronne")
    assert c.claimants == (PEOPLE + "ronne", _local(r, "fergo"))
    assert "names joined as the subject of the reporting verb" in c.explanation
    assert the(r, "They suggested").claimants == c.claimants


def test_messrs_and_a_list_of_three_names_with_one_untagged_are_all_three():
    """frus1964-68v26 d249: "In the attached, Messrs. Gaud, Schnittker, and Schultze recommend that you approve…" had
    gone to Schultze, the last name: Schnittker, untagged, broke the list."""
    r = document("In the attached, Messrs. Gaud, Schnittker, and Schultze recommend that you approve a U.S. pledge of "
                 "one-third of the aid.", heading="249. Memorandum From the President's Special Assistant (Rostow) to "
                 "President Johnson", date="Washington, May 4, 1968")
    named(r, "Gaud", PEOPLE + "gaud")
    named(r, "Schultze", PEOPLE + "schultze")
    c = the(r, "In the attached")
    assert c.claim_type == "recommendation"
    assert c.claimants == (PEOPLE + "gaud", iris.person_iri("112084"), PEOPLE + "schultze")     # Schnittker (session 54)


def test_two_titles_with_their_nationality_are_two_speakers():
    """frus1958-60v14 d158: "Moroccan Ambassador and Tunisian Minister underlined importance of…" had gone to the
    Tunisian Minister alone, and so had the "They agreed…" and "they felt…" after it."""
    r = document("Moroccan Ambassador and Tunisian Minister underlined importance of creating less emotional climate. "
                 "They agreed Congo should not use subject cold war competition.",
                 heading="158. Telegram From the Department of State to the Embassy in Belgium",
                 date="Washington, July 21, 1960")
    c = the(r, "Moroccan Ambassador")
    assert c.claimants == (_local(r, "moroccan-ambassador"), _local(r, "tunisian-minister"))
    assert the(r, "They agreed").claimants == c.claimants


def test_a_title_in_the_plural_before_the_names_is_no_part_of_the_first_name():
    """frus1958-60v04 d219: "Senators Wiley and Smith reported…" is Wiley and Smith, not a person "Senators Wiley"."""
    r = document("Senators Wiley and Smith reported at the May 19 legislative leadership meeting that the Committee "
                 "was inclined to reduce the program.", heading="219. Memorandum From the Director of the Bureau of "
                 "the Budget (Stans) to President Eisenhower", date="Washington, May 22, 1958")
    named(r, "Smith", PEOPLE + "smith")
    assert the(r, "Senators Wiley").claimants == (iris.person_iri("114576"), PEOPLE + "smith")     # Wiley (session 54)


def test_guard_a_word_the_corpus_prints_in_lower_case_is_no_name_joined_to_a_person():
    """A department or a common noun joined to a person ("Defense and Mr. Rusk agreed…") is left to the other rules:
    it is not made a person local to the document."""
    r = document("Defense and Mr. Rusk agreed that the bases should stay for the present.")
    named(r, "Rusk", PEOPLE + "rusk")
    c = the(r, "Defense and")
    assert _local(r, "defense") not in c.claimants
    assert "names joined as the subject" not in c.explanation


def test_an_aside_before_the_verb_may_be_followed_by_twice_or_never():
    """frus1964-68v29p2 d56: "Prime Minister Sato, through Yasukawa, has twice made it clear to us that he does not
    question…" had gone to the Ambassador who signed the telegram: "twice" after the aside hid the subject."""
    r = document("Prime Minister Sato, through Yasukawa, has twice made it clear to us that he does not question the "
                 "right of the U.S. to use Okinawa.", heading="56. Telegram From the Embassy in Japan to the Department "
                 "of State", date="Tokyo, July 30, 1965, 1001Z.")
    named(r, "Sato", PEOPLE + "sato")
    named(r, "Yasukawa", PEOPLE + "yasukawa")
    c = the(r, "Prime Minister Sato")
    assert c.claimants == (PEOPLE + "sato",) and "before an aside" in c.explanation


def _moynihan_telegram(body: str):
    return document(body, heading="79. Telegram From the Department of State to the Secretary of State Kissinger",
                    date="Washington, August 5, 1975, 2151Z.")


def test_a_given_name_printed_before_the_tagged_surname_is_that_person():
    """frus1969-76ve14p1 d79: "1. A VERY AGITATED PAT MOYNIHAN TELEPHONED ME THIS MORNING…. PAT FEELS VERY STRONGLY…"
    had gone to Ingersoll, who signed the telegram: the editors tag the surname only, so "Pat" was no one."""
    r = _moynihan_telegram("A very agitated Pat Moynihan telephoned me this morning from New York. Pat feels very "
                           "strongly that perhaps he should not have taken the UN job.")
    named(r, "Moynihan", PEOPLE + "moynihan", label="Daniel Patrick Moynihan")
    c = the(r, "Pat feels")
    assert c.claimants == (PEOPLE + "moynihan",) and "the given name the document prints before" in c.explanation


def test_guard_a_word_before_a_name_that_begins_none_of_its_given_names_is_not_one():
    """A surname or a word printed before another person's name ("…talked with Nick Bundy…" where the record says
    William Putnam Bundy) is not read as that person's given name."""
    r = _moynihan_telegram("I talked with Nick Bundy this morning. Nick thinks we should do something before Christmas.")
    named(r, "Bundy", PEOPLE + "bundy", label="William Putnam Bundy")
    assert PEOPLE + "bundy" not in the(r, "Nick thinks").claimants
