"""Claims, session 50: titles tied to people by the convention of the participants list, by the name printed after the
title, by the narrative's last titled mention, and by the Secretary's first deputy (issue 16; docs/claims.md,
"Session 50")."""
from __future__ import annotations

import re

from ingest.records import Mention
from ingest.text_reader import parse_text_document
from ontology import iris
from tests.ingest.test_claims_speakers import PEOPLE, document, named, the

MEMCON = "244. Memorandum of Conversation"
DULLES, HERTER, CHRISTOPHER = PEOPLE + "103703", PEOPLE + "105858", PEOPLE + "102547"


def test_the_secretary_listed_as_the_secretary_of_state_is_dulles_beside_secretary_quarles():
    """frus1958-60v09 d244 (March 1958): the participants list prints "The Secretary of State"; the talk mentions
    "Secretary Quarles". 30 claims had gone to a node named "Secretary"."""
    r = document("PARTICIPANTS\n\nMr. Franz Josef Strauss, German Minister of Defense\nThe Secretary of State\nMr. Jacques "
                 "J. Reinstein, GER\n\nIn welcoming Mr. Strauss, the Secretary recalled his last visit.\n\nMr. Strauss "
                 "said he had talked with Secretary Quarles on March 7.\n\nThe Secretary expressed pleasure at the "
                 "progress of EURATOM.", heading=MEMCON, date="Washington, March 5, 1958")
    named(r, "Franz Josef Strauss", PEOPLE + "strauss")
    named(r, "Strauss", PEOPLE + "strauss", nth=1)
    named(r, "Quarles", PEOPLE + "111042")
    c = the(r, "The Secretary expressed")
    assert c.claimants == (DULLES,), c.explanation
    assert "Secretary of State on 1958-03-05 (POCOM)" in c.explanation


def test_of_two_named_with_the_title_the_secretary_of_state_is_the_secretary_where_the_list_prints_him_so():
    """The same, with the entity layer's link of the participants list's "Secretary" to Dulles."""
    r = document("PARTICIPANTS\n\nMr. Franz Josef Strauss, German Minister of Defense\nThe Secretary of State\n\nMr. "
                 "Strauss said he had talked with Secretary Quarles on March 7.\n\nThe Secretary expressed pleasure at "
                 "the progress of EURATOM.", heading=MEMCON, date="Washington, March 5, 1958")
    named(r, "Secretary", DULLES)
    named(r, "Strauss", PEOPLE + "strauss", nth=1)
    named(r, "Quarles", PEOPLE + "111042")
    c = the(r, "The Secretary expressed")
    assert c.claimants == (DULLES,), c.explanation
    assert "Secretary of State on its date" in c.explanation


def test_the_acting_secretary_listed_without_a_name_is_the_under_secretary_before_1972():
    """frus1958-60v08 d246 (March 31, 1959, Dulles ill): "The Acting Secretary" among the participants is Herter, the
    Under Secretary of State (POCOM); 25 claims had gone to a node named "Acting Secretary"."""
    r = document("PARTICIPANTS\n\nU.S. Side\nThe Acting Secretary\nMr. Murphy, G\nFrench Side\nM. Couve de Murville, "
                 "Foreign Minister\n\nThe Acting Secretary said that we were studying the Soviet replies.",
                 heading="246. Memorandum of Conversation", date="Washington, March 31, 1959, 11 a.m.")
    c = the(r, "The Acting Secretary said")
    assert c.claimants == (HERTER,), c.explanation
    assert "Under Secretary of State" in c.explanation


def test_the_acting_secretary_of_1978_is_the_deputy_secretary():
    r = document("PARTICIPANTS\n\nThe Acting Secretary\nAmbassador Dobrynin\n\nThe Acting Secretary said the United "
                 "States would reply within the week.", heading="12. Memorandum of Conversation",
                 date="Washington, May 1, 1978")
    assert the(r, "The Acting Secretary said").claimants == (CHRISTOPHER,)


def test_an_abbreviated_title_before_a_name_no_record_gives_ties_the_title_to_that_name():
    """frus1964-68v16 d221 (Embassy in Turkey, 1966): "FonMin Caglayangil summoned me…"; 23 claims had gone to a node
    named "FonMin"."""
    r = document("858. FonMin Caglayangil summoned me to his residence Jan 28 for first exploratory talk on Cyprus.\n\n"
                 "FonMin said he had wanted to see me before leaving for RCD meeting in Pakistan.",
                 heading="221. Telegram From the Embassy in Turkey to the Department of State",
                 date="Ankara, January 28, 1966, 1652Z")
    c = the(r, "FonMin said")
    assert c.claimants == (iris.person_iri("102078"),), c.explanation     # Çaglayangil (session 54: authority_names.py)


def test_a_name_printed_after_another_office_is_not_the_titles_holder():
    """Guard: "Assistant Attorney General Rankin" (frus1955-57v02 d26) is no Attorney General."""
    r = document("The Assistant Attorney General Rankin reviewed the resolution.\n\nThe Attorney General said the "
                 "resolution was constitutional.", heading="26. Memorandum of Discussion", date="Washington, January 27, 1955")
    assert not any(iri.endswith("/rankin") for iri in the(r, "The Attorney General said").claimants)


def test_the_minister_is_the_one_person_named_with_a_ministers_office():
    """frus1958-60v17 d205: "Dr. Subandrio, Indonesian Foreign Minister" is listed; "The Minister said…" had gone to a
    node named "Minister" (23 claims)."""
    r = document("PARTICIPANTS\n\nMr. Robertson, Assistant Secretary for Far Eastern Affairs\nDr. Subandrio, Indonesian "
                 "Foreign Minister\nAmbassador Mukarto of Indonesia\n\nThe Minister said he welcomed the opportunity to "
                 "see Mr. Robertson.", heading="205. Memorandum of Conversation", date="Washington, June 5, 1959")
    named(r, "Robertson", PEOPLE + "robertson")
    named(r, "Subandrio", PEOPLE + "subandrio")
    named(r, "Mukarto", PEOPLE + "mukarto")
    assert the(r, "The Minister said").claimants == (PEOPLE + "subandrio",)


def test_an_honorific_between_the_title_and_the_name_keeps_the_title():
    """frus1958-60v17 d17: "Foreign Minister Dr. Subandrio asked me to call…"."""
    r = document("2506. Foreign Minister Dr. Subandrio asked me to call at 9:30 this morning.\n\nThe Foreign Minister "
                 "said he was disturbed.", heading="17. Telegram From the Embassy in Indonesia to the Department of State",
                 date="Djakarta, February 12, 1958, noon")
    named(r, "Subandrio", PEOPLE + "subandrio")
    assert the(r, "The Foreign Minister said").claimants == (PEOPLE + "subandrio",)


def test_the_secretary_is_the_one_the_narrative_last_printed_with_the_title():
    """frus1961-63v08 d154: "Secretary McNamara briefly described…" then "The Secretary particularly noted…", in a
    record that also names Secretary Dillon; 24 claims had gone to a node named "Secretary"."""
    r = document("The President said Secretary Dillon would speak on the balance of payments.\n\nSecretary McNamara "
                 "briefly described the defense budget. The Secretary particularly noted the participation of the "
                 "Joint Chiefs.", heading="154. Memorandum of Conference Between President Johnson and Chancellor Erhard",
                 date="LBJ Ranch, Texas, December 30, 1963")
    named(r, "Dillon", PEOPLE + "dillon")
    named(r, "McNamara", PEOPLE + "mcnamara")
    c = the(r, "The Secretary particularly noted")
    assert c.claimants == (PEOPLE + "mcnamara",), c.explanation
    assert "last printed" in c.explanation


def test_the_president_is_not_read_from_the_last_president_named():
    """Guard (frus1977-80v01 d114): "President Navon" named in one paragraph does not make the next paragraph's "the
    President" Navon's."""
    r = document("President Carter arrived in Jerusalem on March 10. President Navon welcomed him at the airport.\n\n"
                 "In his opening remarks, the President affirmed the U.S. commitment to Israel.",
                 heading="114. Editorial Note", date="March 10, 1979")
    named(r, "Carter", PEOPLE + "carter")
    named(r, "Navon", PEOPLE + "navon")
    assert PEOPLE + "navon" not in the(r, "In his opening remarks").claimants


def test_a_title_and_name_inside_a_sentence_do_not_make_the_last_holder():
    """Guard (frus1961-63v05 d315): "…any lack of confidence in Ambassador Kohler" is no subject of the narrative; "The
    Ambassador said…" after it is still Dobrynin, who opened a sentence with the title."""
    r = document("Ambassador Dobrynin called on me at his request.\n\nI said this did not indicate any lack of confidence "
                 "in Ambassador Kohler.\n\nThe Ambassador said he thoroughly understood this.",
                 heading="315. Memorandum for the Record", date="Washington, April 6, 1963")
    named(r, "Dobrynin", PEOPLE + "dobrynin")
    named(r, "Kohler", PEOPLE + "kohler")
    assert the(r, "The Ambassador said").claimants == (PEOPLE + "dobrynin",)


def test_the_subject_line_names_the_ambassador_of_the_record():
    """frus1961-63v05 d388: "Lunch with Soviet Ambassador Dobrynin" on the subject line; the narrative's "his best bet
    was Ambassador Thompson" had made "The Ambassador explained…" Thompson's."""
    r = parse_text_document("FOREIGN RELATIONS OF THE UNITED STATES, 1961–1963, VOLUME V\n\n388. Memorandum for the "
                            "Record\n\nWashington, December 18, 1963.\n\nSUBJECT\n\nLunch with Soviet Ambassador Dobrynin, "
                            "December 18, 1963\n\n[Page 2]\n\nI had a very agreeable two hours today with Ambassador "
                            "Dobrynin and found him well informed about the new Administration and its staff.\n\nI told him "
                            "that his best bet was Ambassador Thompson.\n\nThe Ambassador explained how he had been "
                            "surprised by his instructions.\n", source="<test>")
    for at in (m.start() for m in re.finditer("Dobrynin", r.text)):
        r.mentions.append(Mention(start=at, end=at + 8, kind="person", method="gazetteer", confidence=0.9,
                                  entity=PEOPLE + "dobrynin", label="Dobrynin"))
    named(r, "Thompson", PEOPLE + "thompson")
    c = the(r, "The Ambassador explained")
    assert c.claimants == (PEOPLE + "dobrynin",), c.explanation


def test_a_subject_line_that_prints_the_title_twice_decides_nothing():
    """Guard (frus1969-76v28 d87): "Call by Portuguese Ambassador on Ambassador Johnson" names the caller by his title
    alone; "The Ambassador said…" stays with Garin, who opened the talk, not Johnson."""
    r = parse_text_document("FOREIGN RELATIONS OF THE UNITED STATES, 1969–1976, VOLUME XXVIII\n\n87. Memorandum of "
                            "Conversation\n\nWashington, February 28, 1969.\n\nSUBJECT\n\nCall by Portuguese Ambassador on "
                            "Ambassador Johnson\n\n[Page 2]\n\nAmbassador Garin said he wished to welcome Ambassador Johnson "
                            "back to Washington and had come to pay his respects.\n\nThe Ambassador said that fortunately "
                            "there had been no fatal injuries in Portugal.\n", source="<test>")
    for surname in ("Johnson", "Garin"):
        for at in (m.start() for m in re.finditer(surname, r.text)):
            r.mentions.append(Mention(start=at, end=at + len(surname), kind="person", method="gazetteer", confidence=0.9,
                                      entity=PEOPLE + surname.lower(), label=surname))
    assert the(r, "The Ambassador said").claimants == (PEOPLE + "garin",)


def test_the_ambassador_and_a_name_on_one_line_of_a_list_are_two_people():
    """Guard (frus1958-60v01 d71): "Present at the meeting: The Ambassador Mr. Gardiner" lists two people; the
    honorific between a title and a name had made Gardiner the Ambassador, and Durbrow's five claims his."""
    r = document("I. As you requested, here is my recollection of the Ambassador's remarks.\n\nThe Ambassador went on to "
                 "say that the President did not like him at all.\n\nPresent at the meeting:\n\nThe Ambassador Mr. "
                 "Gardiner\n\nMr. Price, USIS", heading="71. Memorandum From the Deputy Chief for Logistics (Lampert) to "
                 "the Chief of the Group (Williams)", date="Saigon, May 9, 1959")
    named(r, "Gardiner", PEOPLE + "gardiner")
    assert PEOPLE + "gardiner" not in the(r, "The Ambassador went on").claimants


def test_the_minister_of_defense_is_not_the_one_foreign_minister():
    """Guard (frus1964-68v13 d70): "The Minister of Defense was concerned…" beside Foreign Minister Luns is no claim of
    Luns's."""
    r = document("PARTICIPANTS\n\nJoseph M.A.H. Luns, Netherlands Foreign Minister\nThe Minister of Defense\n\nThe "
                 "Minister of Defense was concerned that the financing not result in a setback for the Dutch navy.",
                 heading="70. Memorandum of Conversation", date="Washington, January 18, 1965")
    named(r, "Joseph M.A.H. Luns", PEOPLE + "luns")
    assert PEOPLE + "luns" not in the(r, "The Minister of Defense was").claimants
