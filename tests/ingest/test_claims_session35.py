"""Claims, session 35: documents outside the gold set whose heading names a government, its leaders or an embassy as
sender, each rule pinned on a passage built from the one it was found in (issue 16; docs/claims.md, "Session 35")."""
from __future__ import annotations

import pytest

from ingest.claims import claims_of
from ontology import iris
from tests.ingest.test_claims_speakers import PEOPLE, document, named, the


@pytest.mark.parametrize("heading, writer", [
    ("67. Message From the Soviet Government to President Johnson", iris.country_iri("soviet-union-1991")),
    ("15. Note From Soviet Leaders to President Nixon", iris.country_iri("soviet-union-1991")),
    ("154. Message From the Soviet Leadership to President Ford", iris.country_iri("soviet-union-1991")),
    ("140. Message From the United States Government to the Soviet Government", iris.country_iri("united-states")),
    ("142. aide-memoire From the French Government to the U.S. Government", iris.country_iri("france")),
])
def test_a_message_from_a_government_or_its_leaders_is_that_countrys(heading, writer):
    """frus1964-68v14 d67, frus1969-76v12 d15, frus1969-76v28 d140: the heading names the government by its nation's
    adjective, not "the Government of…"; such documents had no writer, so none of their sentences was a claim."""
    r = document("The attention has been paid to the statements in which the President set forth his views.",
                 heading=heading, date="Moscow, November 3, 1964")
    c = the(r, "The attention")
    assert c.claimants == (writer,), c.explanation


@pytest.mark.parametrize("heading, label", [
    ("65. Aide-Mémoire From the Soviet Embassy to the Department of State", "Soviet Embassy"),
    ("94. The British Embassy to the Department of State", "British Embassy"),
    ("41. Note From the Soviet Mission at the United Nations to the United States Mission at the United Nations",
     "Soviet Mission at the United Nations"),
])
def test_a_note_from_a_foreign_embassy_is_the_embassys_an_organization_of_the_document(heading, label):
    """frus1964-68v11 d65; frus1948v01p2 d94 (the 1940s form, without "From"); frus1955-57v11 d41."""
    r = document("The Embassy has the honor to refer to the conversation of May 28 and wishes to draw attention to "
                 "the following.", heading=heading, date="Washington, May 30, 1962")
    c = the(r, "The Embassy has")
    assert [a.label for a in c.agents] == [label] and c.agents[0].local, c.explanation


def test_a_us_embassy_named_so_is_left_to_the_posts():
    r = document("The Embassy has the honor to refer to the conversation of May 28.",
                 heading="12. Note From the United States Embassy to the Foreign Ministry", date="Paris, May 30, 1962")
    assert all(a.label != "United States Embassy" for c in claims_of(r) for a in c.agents)


@pytest.mark.parametrize("envoy", ["Vietnamese Ambassador", "Korean Ambassador", "German Ambassador"])
def test_a_conversation_between_an_envoy_whose_nation_the_gazetteer_names_and_a_us_official_is_the_officials_record(envoy):
    """frus1964-68v07 d89, "Memorandum of Conversation Between the Vietnamese Ambassador (Bui Diem) and the President's
    Special Assistant (Rostow)": the gazetteer gives "Vietnamese", "Korean" and "German" as names of the country, not
    as demonyms, so session 34's rule missed them and Bui Diem wrote Rostow's "I said…" (six such records)."""
    from ingest.records import Party
    heading = f"89. Memorandum of Conversation Between the {envoy} (Bui Diem) and the President's Special Assistant (Rostow)"
    r = document("I said that, of course, the other side would try to blow up the NLF.", heading=heading,
                 date="Washington, October 18, 1968")
    r.parties[:] = [Party("author", "Bui Diem", envoy, None, None, PEOPLE + "bui-diem", "Bui Diem"),
                    Party("recipient", "Rostow", "President's Special Assistant", None, None, PEOPLE + "rostow", "Walt W. Rostow")]
    c = the(r, "I said")
    assert c.claimants == (PEOPLE + "rostow",), c.explanation


def test_he_after_the_writers_own_sentence_is_the_name_after_a_title_it_left_untagged():
    """frus1969-76ve04 d266 (MacArthur's telegram): "I QUERIED DEPUTY FONMIN KHALATBARI THIS MORNING…. HE REPLIED SITUATION
    "CONFUSED"…": no linked mention precedes "HE", so his replies had gone to the writer. A name printed after an
    abbreviated title ("Fonmin") is a name, and the last one before the pronoun is its antecedent."""
    r = document("1. I QUERIED DEPUTY FONMIN KHALATBARI THIS MORNING ABOUT IRAQ SITUATION AND IRAQ-IRAN RELATIONS. HE "
                 "REPLIED SITUATION CONFUSED AND IT NOT CLEAR WHETHER THERE IS ONE OR MORE GROUPS INVOLVED IN REPORTED "
                 "COUP.\n\nMACARTHUR", heading="266. Telegram From the Embassy in Iran to the Department of State",
                 date="Tehran, January 24, 1970, 1100Z.")
    named(r, "MACARTHUR", PEOPLE + "macarthur")
    c = the(r, "HE REPLIED")
    assert [a.label for a in c.agents] == ["Abbas Khalatbari"], c.explanation     # session 54: authority_names.py
    assert the(r, "I QUERIED").claimants == (PEOPLE + "macarthur",)


def test_the_sec_of_a_telephone_memorandum_with_the_secretary_of_state_is_he_not_another_secretary_it_names():
    """frus1955-57v23p1 d144, "…Telephone Conversation Between the Secretary of State and the Secretary of the Army
    (Brucker)": "TELEPHONE CALL TO SEC BRUCKER" had made Brucker the one "Secretary" the document names, so each "The Sec
    said…" was his; in d172 the same had happened with Wilson, the Secretary of Defense."""
    heading = ("144. Memorandum of a Telephone Conversation Between the Secretary of State and the Secretary of the Army "
               "(Brucker), Washington, May 21, 1957, 12:26 p.m.")
    r = document("TELEPHONE CALL TO SEC BRUCKER\n\nThe Sec said he was talking with the Pres and he wonders whether we "
                 "should not hold up.", heading=heading, date="Washington, May 21, 1957, 12:26 p.m.")
    named(r, "BRUCKER", PEOPLE + "brucker", label="Wilber M. Brucker")
    c = the(r, "The Sec said")
    assert [a.label for a in c.agents] == ["John Foster Dulles"], c.explanation


@pytest.mark.parametrize("between", ["Build-up of myth of imminent aggression was convenient way to justify race for position.",
                                     "Arab states bordering Jordan are getting into position to move swiftly."])
def test_she_with_no_one_named_before_is_the_one_the_telegrams_first_paragraph_says_the_writer_talked_with(between):
    """frus1955-57v15 d430 (Lawson's telegram): "17. Following is substance my discussion with Foreign Minister Myerson re
    matters raised Deptel 7." opens it; paragraphs later, "With unexpected candor she said she assumed I meant new
    kibbutzim…" had no one named before it in its paragraph, so it went to the writer. "Arab" opening a sentence is a
    people, not the name of the one "she" stands for."""
    r = document("17. Following is substance my discussion with Foreign Minister Myerson re matters raised Deptel 7.\n\n"
                 "War scare was inexplicable except in terms of screen for internal machinations in Arab world.\n\n"
                 f"{between}\n\n"
                 "Construction activities in El Auja demilitarized zone: I did not mention reported establishment of "
                 "kibbutzim in area. With unexpected candor she said she assumed I meant new kibbutzim.\n\nLawson",
                 heading="430. Telegram From the Embassy in Israel to the Department of State",
                 date="Tel Aviv, July 7, 1956—5 p.m.")
    named(r, "Myerson", PEOPLE + "meir", label="Golda Meir")
    named(r, "Lawson", PEOPLE + "lawson")
    c = the(r, "With unexpected candor")
    assert c.claimants == (PEOPLE + "meir",), c.explanation


def test_said_without_a_subject_after_he_went_on_talking_is_his_not_the_writers():
    """frus1958-60v17 d27 (Cottrell's telegram): "I made no reply so he continued talking. Said he had heard report which he
    did not believe but would like my reaction." had gone to the writer, the speaker of the sentence before."""
    r = document("Concerning United States Subandrio said we should not aid Sumatrans. I made no reply so he continued "
                 "talking. Said he had heard report which he did not believe but would like my reaction.\n\nCottrell",
                 heading="27. Telegram From the Embassy in Indonesia to the Department of State",
                 date="Djakarta, March 5, 1958")
    named(r, "Subandrio", PEOPLE + "subandrio")
    named(r, "Cottrell", PEOPLE + "cottrell")
    c = the(r, "Said he had heard")
    assert c.claimants == (PEOPLE + "subandrio",), c.explanation
