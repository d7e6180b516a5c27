"""Claims, session 52: a foreign minister, a premier or a foreign secretary printed alone is tied to the holder the
volume's persons list describes at the document's date, read with the state of that date (issue 16; docs/claims.md,
"Session 52")."""
from __future__ import annotations

import pytest

from ingest.entities import extract_entities
from ingest.entities.offices import nationality
from ingest.records import ListEntry
from tests.ingest.test_claims_speakers import document, the

MEMCON = "358. Memorandum of Conversation"
TALK = ("The Secretary welcomed the Foreign Minister and asked about Korea and Japan, and the Republic of Korea.\n\n"
        "The Foreign Minister said that he planned to stop in Tokyo for three days on his way back to Korea.")
LEE = ListEntry("p_LTYTLD1", "person", "Lee Ton-won (Yi Tong-won, Lee Dong-won)",
                "Republic of Korea Foreign Minister until May 1964; and July 1964–December 1966")


def _talk(*persons: ListEntry, body: str = TALK, date: str = "Washington, March 15, 1965"):
    r = document(body, heading=MEMCON, date=date)
    r.volume.persons.extend(persons)
    extract_entities(r)
    return r


def _who(claim) -> list[str]:
    return [x.rsplit("/", 1)[-1] for x in claim.claimants]


def test_the_foreign_minister_is_the_one_the_persons_list_describes_in_office_at_the_date():
    """frus1964-68v29p1 d358 (March 1965): Lee Tong-won, Foreign Minister "until May 1964; and July 1964–December
    1966"; 25 claims had gone to a node named "Foreign Minister"."""
    c = the(_talk(LEE), "The Foreign Minister said")
    assert _who(c) == ["p_LTYTLD1"], c.explanation
    assert "persons list describes Lee Ton-won" in c.explanation


def test_a_clause_of_dates_alone_goes_on_with_the_office_before_it():
    """Without the second clause, Lee's office ended in May 1964 and the title stays untied in March 1965."""
    ended = ListEntry(LEE.xml_id, "person", LEE.name, "Republic of Korea Foreign Minister until May 1964")
    assert _who(the(_talk(ended), "The Foreign Minister said")) != ["p_LTYTLD1"]
    other = ListEntry(LEE.xml_id, "person", LEE.name, "Republic of Korea Foreign Minister until May 1964; Ambassador "
                                                      "to Japan, July 1964–December 1966")
    assert _who(the(_talk(other), "The Foreign Minister said")) != ["p_LTYTLD1"]


def test_korea_of_1945_1948_in_a_description_stands_for_the_korea_the_document_names():
    """"Korean Foreign Minister" reads as the Korea of 1945-1948 (hsg-gsh); in 1965, where the document names South
    Korea and not North Korea, it is South Korea's."""
    korean = ListEntry("p_LTW2", "person", "Lee Tong-won", "Korean Foreign Minister")
    assert _who(the(_talk(korean), "The Foreign Minister said")) == ["p_LTW2"]
    both = TALK.replace("the Republic of Korea.", "the Republic of Korea and North Korea.")
    assert _who(the(_talk(korean, body=both), "The Foreign Minister said")) != ["p_LTW2"]


def test_a_state_out_of_being_is_not_read_as_an_unrelated_one():
    """frus1955-57v17 d185 (1956): "Iraqi Prime Minister" (Iraq in hsg-gsh: the Republic, from 1958) had been read as
    Israel, by way of states several successions away, and left Ben-Gurion's "the Prime Minister" untied."""
    persons = (ListEntry("p_BGD1", "person", "Ben Gurion, David", "Israeli Prime Minister from November 3, 1955"),
               ListEntry("p_aSGN1", "person", "al-Said, General Nuri", "Iraqi Prime Minister"))
    r = _talk(*persons, body="The Prime Minister received me with Mr. Eban to talk of Israel and Egypt.\n\nThe Prime "
                             "Minister said that Israel would withdraw.", date="Tel Aviv, February 2, 1956")
    assert _who(the(r, "The Prime Minister said")) == ["p_BGD1"]


@pytest.mark.parametrize("description, country", [
    ("Republic of Korea Foreign Minister", "korea-south"),
    ("President of the Democratic People’s Republic of Korea", "korea-north"),
    ("South Korean Prime Minister", "korea-south"),
    ("West German Chancellor", "west-germany-1990"),
    ("Former Italian Ambassador", "italy"),
    ("Yugoslav Foreign Secretary", "socialist-federal-republic-of-yugoslavia-1992"),
    ("Minister of Foreign Affairs of Japan", "japan"),
])
def test_a_description_names_the_state_of_its_longest_name_and_its_two_word_demonyms(description, country):
    assert nationality(description) == country


def test_the_foreign_secretary_of_the_embassy_in_yugoslavias_telegram_is_yugoslavias():
    """The Embassy in Belgrade's telegrams print "the Foreign Secretary" (Secretary of State for Foreign Affairs);
    "Yugoslav" had been no demonym, so the persons list's "Yugoslav Foreign Secretary" named no country."""
    popovic = ListEntry("p_PK1", "person", "Popovic, Koca", "Yugoslav Foreign Secretary")
    r = document("I saw the Foreign Secretary this morning about Yugoslavia.\n\nThe Foreign Secretary said Tito would "
                 "go to Moscow.", heading="91. Telegram From the Embassy in Yugoslavia to the Department of State",
                 date="Belgrade, June 2, 1956")
    r.volume.persons.append(popovic)
    extract_entities(r)
    assert _who(the(r, "The Foreign Secretary said")) == ["p_PK1"]


def test_the_premier_is_the_one_the_persons_list_names_premier_in_parentheses():
    """frus1958-60v19 d142 (Taipei, September 1958): "Ch’en Ch’eng, … President of Executive Yuan (Premier) from July
    1958"; 17 claims had gone to a node named "Premier"."""
    chen = ListEntry("p_CC1", "person", "Ch’en Ch’eng", "Vice President of the Republic of China; President of "
                                                       "Executive Yuan (Premier) from July 1958")
    r = document("Substance Deptel 270 conveyed Premier and Foreign Minister at conference today about the Republic of "
                 "China.\n\nPremier accepted representations calmly. He spoke of need for full mutual understanding.",
                 heading="142. Telegram From the Embassy in the Republic of China to the Department of State",
                 date="Taipei, September 30, 1958, 4 p.m.")
    r.volume.persons.append(chen)
    extract_entities(r)
    assert _who(the(r, "He spoke of need")) == ["p_CC1"]


def test_the_attorney_general_is_the_american_the_persons_list_describes_without_a_country():
    """frus1964-68v14 d252 (October 1967): "Clark, Ramsey, Attorney General from September 1966", beside Katzenbach,
    Attorney General until September 1966; an American's description names no country, so none had been in play."""
    persons = (ListEntry("p_CR1", "person", "Clark, Ramsey", "Attorney General from September 1966"),
               ListEntry("p_KN1", "person", "Katzenbach, Nicholas deB.", "Attorney General September 4, 1964–September "
                                                                         "30, 1966; Under Secretary of State from "
                                                                         "October 3, 1966"))
    r = _talk(*persons, body="Mr. Kohler called on the Attorney General today about the United States and the Soviet "
                             "Union.\n\nThe Attorney General said that he had not examined the file.",
              date="Washington, October 25, 1967")
    assert _who(the(r, "The Attorney General said")) == ["p_CR1"]


def test_a_holder_of_another_country_than_the_demonym_printed_with_the_title_is_not_the_one_meant():
    """frus1969-76ve14p1 d74 (1975): "the South Korean Foreign Minister reacted…. He strongly urged…" had been read as
    Gromyko, the one Foreign Minister the volume lists of a country the report names."""
    gromyko = ListEntry("p_GAA1", "person", "Gromyko, Andrei A.", "Soviet Minister of Foreign Affairs")
    r = document("Soviet Charge Vorontsov informed Department officials of the Soviet position.\n\nThe South Korean "
                 "Foreign Minister reacted strongly.\n\nThe Foreign Minister urged a package deal.",
                 heading="74. Report Prepared in the Bureau of Intelligence and Research", date="Washington, July 3, 1975")
    r.volume.persons.append(gromyko)
    extract_entities(r)
    assert _who(the(r, "The Foreign Minister urged")) != ["p_GAA1"]


SALINGER = "167. Salinger Diary Entry"
KENNEDY = "https://w3id.org/frus-kg/id/people/107025"
SUKARNO = ListEntry("p_S1", "person", "Sukarno", "President of Indonesia")


def _diary(body: str, heading: str = SALINGER, date: str = "Washington, May 10, 1962"):
    r = document(body, heading=heading, date=date)
    r.volume.persons.append(SUKARNO)
    extract_entities(r)
    return r


def test_a_foreign_president_the_washington_document_never_prints_so_is_not_in_play():
    """frus1961-63v05 d167 (Salinger's diary) and session 49's and 50's samples: the volume lists a President of a
    country the document names, so "the President" of a Washington memorandum was tied to no one; FRUS's writers there
    name a foreign president with his name or country and the President of the United States "the President" (145
    claims of 23 documents)."""
    r = _diary("The President and Sorensen talked of Indonesia.\n\nThe President said he would see the Ambassador.")
    assert the(r, "The President said").claimants == (KENNEDY,)


@pytest.mark.parametrize("printed", ["President Sukarno wrote again.", "He met with Sukarno after President Sukarno "
                                                                        "wrote."])
def test_not_where_the_document_prints_the_foreign_president_by_name(printed):
    r = _diary(f"The President and Sorensen talked of Indonesia. {printed}\n\nThe President said he would see him.")
    assert the(r, "The President said").claimants != (KENNEDY,)


def test_a_foreign_president_printed_with_his_country_leaves_the_president_the_united_states():
    r = _diary("The President and Sorensen talked of Indonesian President Sukarno.\n\nThe President said he would see "
               "the Ambassador.")
    assert the(r, "The President said").claimants == (KENNEDY,)


@pytest.mark.parametrize("heading, date", [("167. Telegram From the Embassy in Indonesia to the Department of State",
                                            "Djakarta, May 10, 1962"),
                                           ("167. Memorandum of Conversation", "Djakarta, May 10, 1962")])
def test_not_in_a_posts_telegram_nor_a_document_written_abroad(heading, date):
    """frus1958-60v19 d310 (Taipei, October 1959): "The President in greeting the Under Secretary…" is Chiang
    Kai-shek; an intermediate version gave the 94 claims to Eisenhower."""
    r = _diary("The President and Sorensen talked of Indonesia.\n\nThe President said he would see the Ambassador.",
               heading=heading, date=date)
    assert the(r, "The President said").claimants != (KENNEDY,)


def test_the_office_printed_under_a_signature_is_not_the_signature():
    """frus1964-68v30 d82 (Taipei, April 1965): "Jerauld Wright / Ambassador" closing the Embassy's airgram; the office
    line had been read as the signature, and 28 claims went to a node named "Ambassador"."""
    from tests.ingest.test_claims_speakers import PEOPLE, named

    r = document("On Friday I had the Minister of Defense at the Residence for lunch.\n\nI stated that the President had "
                 "expressed very grave concern.\n\nJerauld Wright\nAmbassador",
                 heading="82. Airgram From the Embassy in the Republic of China to the Department of State",
                 date="Taipei, April 14, 1965")
    named(r, "Jerauld Wright", PEOPLE + "114817")
    assert the(r, "I stated that").claimants == (PEOPLE + "114817",)


def test_a_countrys_interest_after_secretary_is_no_secretary_of_another_department():
    """frus1964-68v22 d269 (the Department's telegram of March 1968): "Zahedi stressed seriousness to Secretary of
    Iran's interest…" had been read as a "Secretary of Iran", which left "Secretary urged…" untied (16 claims)."""
    r = document("Zahedi stressed seriousness to Secretary of Iran's interest in obtaining more oil revenues.\n\nSecretary "
                 "urged Iran consider its actions in context total dangerous world situation.",
                 heading="269. Telegram From the Department of State to the Embassy in Iran",
                 date="Washington, March 16, 1968")
    extract_entities(r)
    assert _who(the(r, "Secretary urged")) == ["111738"]      # Rusk


INDONESIA = (ListEntry("p_DDK1", "person", "Djuanda, Dr. Kartawidjaja", "Indonesian Prime Minister and Minister of "
                                                                      "Defense from April 1957"),
             ListEntry("p_HDM1", "person", "Hatta, Dr. Mohammad", "former Indonesian Prime Minister"),
             ListEntry("p_PS7", "person", "Prawiranegara, Sjafruddin", "Prime Minister of the Revolutionary Government "
                                                                     "of the Republic of Indonesia"),
             ListEntry("p_W1", "person", "Wilopo", "Indonesian Prime Minister from April 1952–June 1953; leader of the "
                                                   "Partai Nasional Indonesia"))


def test_a_former_a_rebel_and_a_past_prime_minister_are_not_the_prime_minister():
    """frus1958-60v17 d84 (Djakarta, May 1958): Djuanda stood beside Hatta ("former"), the rebels' Sjafruddin and
    Wilopo ("from April 1952–June 1953", read as "from April 1952"); 18 claims had gone to a node "Prime Minister"."""
    r = document("I sought appointment with Foreign Minister about Indonesia and he telephoned Prime Minister.\n\nPrime "
                 "Minister expressed appreciation for prompt response.",
                 heading="84. Telegram From the Embassy in Indonesia to the Department of State",
                 date="Djakarta, May 7, 1958, 11 p.m.")
    r.volume.persons.extend(INDONESIA)
    extract_entities(r)
    assert _who(the(r, "Prime Minister expressed")) == ["p_DDK1"]


def test_the_prime_minister_may_be_the_one_the_persons_list_calls_premier():
    """frus1969-76ve13 d152 (New York, August 1972, with Huang Hua): "the Prime Minister" is Chou En-lai, "Premier of
    the State Council"; and in d97 (Beijing) Chou beside Indira Gandhi leaves it open, where Gandhi alone had taken it."""
    chou = ListEntry("p_CEL1", "person", "Chou En-lai", "Premier of the State Council of the People’s Republic of China")
    gandhi = ListEntry("p_GI2", "person", "Gandhi, Indira", "Prime Minister of India")
    body = ("Ambassador Hua of China asked if all had been read.\n\nThe Prime Minister had asked him to convey his "
            "thanks.{india}")
    r = _talk(chou, body=body.format(india=""), date="New York, August 28, 1972")
    assert _who(the(r, "The Prime Minister had asked")) == ["p_CEL1"]
    r = _talk(chou, gandhi, body=body.format(india=" India was discussed."), date="New York, August 28, 1972")
    assert _who(the(r, "The Prime Minister had asked")) not in (["p_CEL1"], ["p_GI2"])
