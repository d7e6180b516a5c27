"""Title-only mentions where several holders are in play (ingest/entities/titles.py, session 49): the heading or the
subject line names the country of the talk; a foreign "Secretary" is never the bare "the Secretary" of FRUS."""
from __future__ import annotations

import pytest

from ingest.entities import EntityExtractor
from ingest.records import DocumentRecord, ListEntry, Mention, Page, VolumeRecord
from ontology import iris

DULLES = iris.person_iri("103703")


@pytest.fixture(scope="module")
def extractor():
    return EntityExtractor(title_only=True)


def document(extractor, body: str, persons: list[ListEntry], heading: str, date: str, subject: str | None = None):
    text = f"{heading}\n\n{body}"
    volume = VolumeRecord("frus-test", "t", persons=persons)
    record = DocumentRecord(volume, "d7", "7", heading, text, "<test>", date=date, subject=subject,
                            pages=[Page("1", 0, len(text))], body_start=len(heading) + 2)
    extractor.run(record)
    return record


def holders(record: DocumentRecord, title: str) -> set[str | None]:
    return {m.entity for m in record.mentions if m.kind == "person" and record.text[m.start:m.end] == title}


PRIME_MINISTERS = [
    ListEntry("p_KK1", "person", "Karamanlis, Konstantine", "Prime Minister of Greece until March 1958 and from May 1958"),
    ListEntry("p_MH1", "person", "Macmillan, Harold", "Prime Minister of the United Kingdom"),
    ListEntry("p_MA1", "person", "Menderes, Adnan", "Prime Minister of Turkey until May 1960"),
]


def test_the_prime_minister_of_a_meeting_the_subject_line_places_in_greece_is_greeks():
    """frus1958-60v10p2 d255 (Athens, January 1959): the talk also names Britain and Turkey, whose Prime Ministers the
    volume lists; 50 claims had gone to a node named "Prime Minister"."""
    record = document(EntityExtractor(title_only=True),
                      "Mr. McGhee called on the Prime Minister. Greece, Turkey and the United Kingdom were discussed.",
                      PRIME_MINISTERS, "255. Memorandum of Conversation", "1959-01-29",
                      subject="McGhee Meeting with Greek Prime Minister")
    assert holders(record, "Prime Minister") == {iris.volume_person_iri("frus-test", "p_KK1")}
    assert "subject line" in next(m for m in record.mentions if m.exact == "Prime Minister").explanation


def test_a_subject_line_naming_no_holders_country_leaves_the_title_open(extractor):
    record = document(extractor, "Mr. McGhee called on the Prime Minister. Greece, Turkey and the United Kingdom were "
                      "discussed.", PRIME_MINISTERS, "255. Memorandum of Conversation", "1959-01-29",
                      subject="McGhee Meeting in Athens")
    assert holders(record, "Prime Minister") <= {None}


def test_a_british_secretary_of_state_does_not_make_the_secretary_of_a_us_telegram_ambiguous(extractor):
    """frus1958-60v08 d157, a Secto telegram from London in February 1959: Lloyd ("British Secretary of State for
    Foreign Affairs") and Dulles had both been in play, and 51 claims went to a node named "Secretary"."""
    record = document(extractor, "During meeting at FonOff the Secretary and Selwyn Lloyd discussed Berlin. The United "
                      "Kingdom and France agreed.",
                      [ListEntry("p_LS1", "person", "Lloyd, Selwyn", "British Secretary of State for Foreign Affairs")],
                      "157. Telegram From the Embassy in the United Kingdom to the Department of State", "1959-02-05")
    assert holders(record, "Secretary") == {DULLES}


def test_where_the_us_holder_is_in_play_the_headings_country_does_not_decide(extractor):
    """Guard: "the President" of the Department's telegram to the Embassy in Lebanon is as often Eisenhower as
    Chamoun; the heading's country settles only among foreign holders."""
    record = document(extractor, "The President has approved the reply. Lebanon was discussed.",
                      [ListEntry("p_CC1", "person", "Chamoun, Camille", "President of Lebanon until September 1958")],
                      "43. Telegram From the Department of State to the Embassy in Lebanon", "1958-05-14")
    assert holders(record, "President") <= {None}


FRANCE_AND_ITALY = [
    ListEntry("p_DEGC1", "person", "de Gaulle, Charles", "French Prime Minister, June 1958–January 1959; thereafter "
                                                         "President of France"),
    ListEntry("p_DM1", "person", "Debré, Michel", "French Prime Minister from January 1959"),
    ListEntry("p_SA1", "person", "Segni, Antonio", "Deputy Italian Prime Minister and Defense Minister, July 1958–January "
                                                   "1959; Prime Minister, February 1959–February 1960; thereafter Foreign "
                                                   "Minister"),
]
TALK = ("The Secretary said that he would like to discuss with the Prime Minister the question of communism in Italy "
        "and in France.")


def test_every_clause_of_a_description_that_prints_the_title_counts_and_the_head_names_the_holder_of_the_talk(extractor):
    """frus1958-60v07p2 d256 (October 2, 1959), "SEGNI VISIT" above the subject line: Segni's Prime Ministership is his
    description's second clause, after a deputy's; with Debré also in play, 33 claims had gone to a node named "Prime
    Minister"."""
    record = document(extractor, f"PSV/MC/18\n\nSEGNI VISIT\n\nSUBJECT\n\nInternational Communist Expansion\n\n{TALK}",
                      FRANCE_AND_ITALY, "256. Memorandum of Conversation", "1959-10-02")
    assert holders(record, "Prime Minister") == {iris.volume_person_iri("frus-test", "p_SA1")}
    assert "head" in next(m for m in record.mentions if m.exact == "Prime Minister").explanation


def test_a_head_that_names_no_holder_leaves_two_prime_ministers_open(extractor):
    record = document(extractor, f"SUBJECT\n\nInternational Communist Expansion\n\n{TALK}", FRANCE_AND_ITALY,
                      "256. Memorandum of Conversation", "1959-10-02")
    assert holders(record, "Prime Minister") <= {None}


def test_an_office_the_description_adds_with_also_is_held(extractor):
    """frus1955-57v17 d185 (March 1957): "Israeli Minister of Defense from February 17, 1955; also Prime Minister from
    November 3, 1955" (Ben Gurion); 10 claims had gone to a node named "Prime Minister". Kollek, of "the Israeli Prime
    Minister’s Office", is no Prime Minister."""
    record = document(extractor, "Ambassador Eban said the Prime Minister would like to complete the withdrawal. Israel "
                      "and Egypt were discussed.",
                      [ListEntry("p_BGD1", "person", "Ben Gurion, David", "Israeli Minister of Defense from February 17, "
                                                                         "1955; also Prime Minister from November 3, 1955"),
                       ListEntry("p_KT1", "person", "Kollek, Theodore (Teddy)", "Director General of the Israeli Prime "
                                                                                "Minister’s Office")],
                      "185. Memorandum of a Conversation", "1957-03-03")
    assert holders(record, "Prime Minister") == {iris.volume_person_iri("frus-test", "p_BGD1")}


@pytest.mark.parametrize("date", ["1960-03-15", "1960-09-20"])
def test_chancellor_of_the_exchequer_is_not_the_chancellor(extractor, date):
    """frus1958-60v09 d251 (March 1960): Selwyn Lloyd, "…until June 1960; thereafter Chancellor of the Exchequer", had
    become "the Chancellor" beside Adenauer once every clause counted: not in March, which the "thereafter" clause has
    not reached by its month, nor in September, the Exchequer being no country."""
    record = document(extractor, "The Chancellor indicated he would like some advice concerning his visit to Japan. "
                      "West Germany and the United Kingdom were discussed.",
                      [ListEntry("p_LS1", "person", "Lloyd, Selwyn", "British Secretary of State for Foreign Affairs "
                                 "until June 1960; thereafter Chancellor of the Exchequer"),
                       ListEntry("p_AK1", "person", "Adenauer, Konrad", "Chancellor of the Federal Republic of Germany")],
                      "251. Memorandum of Conversation", date)
    assert holders(record, "Chancellor") == {iris.volume_person_iri("frus-test", "p_AK1")}


def test_a_heading_that_names_president_eisenhower_makes_him_the_president(extractor):
    """frus1958-60v09 d136 (April 1960), "Memorandum of Conference With President Eisenhower", with de Gaulle, by then
    President of France: 36 of Eisenhower's claims had gone to a node named "President"."""
    record = document(extractor, "The President opened the conversation by asking General De Gaulle about the papers. "
                      "France was discussed.", FRANCE_AND_ITALY, "136. Memorandum of Conference With President Eisenhower",
                      "1960-04-24")
    assert holders(record, "President") == {iris.person_iri("103887")}


def test_the_departments_president_to_a_post_in_a_kingdom_is_the_us_president(extractor):
    """frus1961-63v21 d154 (August 1963), to the Embassy in Morocco, which names President Ben Bella of Algeria: 17
    claims had gone to a node named "President"."""
    record = document(extractor, "Charge requested seek audience with King. The President pleased continue exchange "
                      "begun during Washington talks. Algeria and Morocco were discussed.",
                      [ListEntry("p_BBA1", "person", "Ben Bella, Ahmed", "President of Algeria")],
                      "154. Telegram From the Department of State to the Embassy in Morocco", "1963-08-07")
    assert holders(record, "President") == {iris.person_iri("107025")}


def test_an_office_taken_thereafter_begins_in_the_month_the_clause_before_ends(extractor):
    """Tambroni, "Italian Minister of the Interior until March 1960; thereafter Prime Minister", was not February 1960's
    Prime Minister; Segni was."""
    record = document(extractor, "Mr. Murphy called on the Prime Minister. Italy was discussed.",
                      [ListEntry("p_TF1", "person", "Tambroni, Fernando", "Italian Minister of the Interior until March "
                                                                          "1960; thereafter Prime Minister"),
                       ListEntry("p_SA1", "person", "Segni, Antonio", "Italian Prime Minister, February 1959–February 1960")],
                      "90. Memorandum of Conversation", "1960-02-10")
    assert holders(record, "Prime Minister") == {iris.volume_person_iri("frus-test", "p_SA1")}


def test_the_president_of_a_society_is_no_president(extractor):
    """frus1955-57v10 d179 (1957): Gruenther, "…; President of the American Red Cross", had stood beside Eisenhower as a
    President of the United States once every clause counted."""
    record = document(extractor, "Yesterday, in his press conference, the President took publicly the viewpoint. The "
                      "United States and China were discussed.",
                      [ListEntry("p_GGAM1", "person", "Gruenther, General Alfred M.", "Supreme Allied Commander, Europe, "
                                 "until November 20, 1956; President of the American Red Cross from January 1, 1957")],
                      "179. Letter From the Chairman of the Council on Foreign Economic Policy (Randall) to the "
                      "Secretary of State", "1957-03-28")
    assert holders(record, "President") == {iris.person_iri("103887")}


def test_the_presidents_luncheon_meeting_on_the_subject_line_makes_him_the_us_president(extractor):
    """frus1964-68v29p1 d225 (January 1968), "Notes of the President's Luncheon Meeting", which names President Park of
    Korea: 21 of Johnson's claims had gone to Park."""
    record = document(extractor, "The President discussed the draft letter to President Park of Korea. South Korea "
                      "was discussed.",
                      [ListEntry("p_PCH1", "person", "Park Chung Hee", "President of the Republic of Korea")],
                      "225. Notes of Meeting", "1968-01-25", subject="Notes of the President's Luncheon Meeting")
    assert holders(record, "President") == {iris.person_iri("106664")}


def test_the_presidents_special_assistant_on_the_subject_line_is_an_office():
    from ingest.entities.titles import _BARE_PRESIDENT
    assert _BARE_PRESIDENT.search("Memorandum From the President's Special Assistant (Rostow)") is None
    assert _BARE_PRESIDENT.search("Notes of the President's Luncheon Meeting") is not None


def test_the_president_in_a_telegram_from_a_post_in_a_kingdom_is_the_us_president(extractor):
    """frus1969-76v20 d153 (Embassy in Thailand, March 1972), which names President Chiang Kai-shek of the Republic of
    China, now that "President of the Republic of China" has a country."""
    record = document(extractor, "The President knows that close ties with our allies are a prerequisite. Taiwan and "
                      "Thailand were discussed.",
                      [ListEntry("p_JJ3", "person", "Chiang Kai-shek", "President of the Republic of China")],
                      "153. Telegram From the Embassy in Thailand to the Department of State", "1972-03-10")
    assert holders(record, "President") == {iris.person_iri("109882")}


GERMANS = [
    ListEntry("p_AK1", "person", "Adenauer, Konrad", "Chancellor of the Federal Republic of Germany until October 1963"),
    ListEntry("p_HT1", "person", "Heuss, Theodor", "President of the Federal Republic of Germany until September 1959"),
]
EISENHOWER = iris.person_iri("103887")


def test_the_president_of_a_telegram_from_the_embassy_in_germany_stays_the_us_president(extractor):
    """Session 51: the Embassy in Germany of 1955-1990 has a country, West Germany, whose President the persons list
    describes; the telegram names neither him nor Germany in its text, so "the President" is the U.S. holder, as before
    the post had a country (frus1958-60v08 d128: "it would not be right for the President to see Mikoyan"), while "the
    Chancellor" is West Germany's."""
    r = document(extractor, "4443. Adenauer wrote that it would not be right for the President to see Mikoyan. The "
                 "Chancellor would welcome an early answer.", GERMANS,
                 "128. Telegram From the Embassy in Germany to the Department of State", "1959-01-13")
    assert holders(r, "President") == {EISENHOWER}
    assert holders(r, "Chancellor") == {iris.volume_person_iri("frus-test", "p_AK1")}


def test_the_president_of_a_telegram_from_the_embassy_in_germany_that_names_president_heuss_is_open(extractor):
    r = document(extractor, "4443. President Heuss received me. The President said nothing of Berlin.", GERMANS,
                 "128. Telegram From the Embassy in Germany to the Department of State", "1959-01-13")
    assert EISENHOWER not in holders(r, "President")


def test_a_heading_naming_the_president_in_the_possessive_makes_him_the_president(extractor):
    """frus1964-68v20 d248, "Notes on President Johnson's Meeting With Congressional Leaders": the name had been read as
    "Johnson's Meeting With", so with Nasser in play "The President asked Walt Rostow to comment." had no holder."""
    nasser = ListEntry("p_NGA1", "person", "Nasser, Gamal Abdel", "President of Egypt")
    r = document(extractor, "Secretary Rusk said the President might want to comment on Egypt. The President asked Walt "
                 "Rostow to comment.", [nasser], "248. Notes on President Johnson's Meeting With Congressional Leaders",
                 "1968-09-09")
    assert holders(r, "President") == {iris.person_iri("106664")}


def test_a_participant_printed_the_president_with_a_note_in_parentheses_is_the_us_president(extractor):
    """frus1964-68v20 d40 (LBJ Ranch, January 1968): "The President (Present as noted in text)" among the participants;
    the line had to end after the title, so with Nasser in play the President's 22 claims went to a node."""
    nasser = ListEntry("p_NGA1", "person", "Nasser, Gamal Abdel", "President of Egypt")
    r = document(extractor, "PARTICIPANTS\n\nU.S. Side\nThe President (Present as noted in text)\nSecretary of State Rusk\n\n"
                 "The President said that Egypt had rearmed.", [nasser], "40. Memorandum of Conversation", "1968-01-08")
    assert holders(r, "President") == {iris.person_iri("106664")}


CIRCULAR = "161. Circular Telegram From the Department of State to Certain Posts in the American Republics"


def test_the_president_of_the_departments_circular_telegram_is_the_us_president(extractor):
    """frus1961-63v12 d161 (March 1963): a circular to the posts of many republics; 13 claims had gone to a node."""
    nasser = ListEntry("p_NGA1", "person", "Nasser, Gamal Abdel", "President of Egypt")
    r = document(extractor, "1572. President plans make following points re Cuban problem. Egypt is not concerned. "
                 "The President will speak on March 19.", [nasser], CIRCULAR, "1963-03-14")
    assert holders(r, "President") == {iris.person_iri("107025")}


@pytest.mark.parametrize("text", ["The President of Egypt arrived. The President will speak on March 19.",
                                  "President Nasser agreed. The President will speak on March 19."])
def test_not_where_the_circular_prints_a_foreign_president(extractor, text):
    nasser = ListEntry("p_NGA1", "person", "Nasser, Gamal Abdel", "President of Egypt")
    r = document(extractor, f"1572. Egypt is not concerned. {text}", [nasser], CIRCULAR, "1963-03-14")
    assert iris.person_iri("107025") not in holders(r, "President")


def test_a_president_the_editors_tag_by_name_stays_in_play_beside_the_posts_country(extractor):
    """frus1961-63v03 d273 (Embassy in Vietnam, August 1963): "loyalty to Diem" is the editors' tag, in the record before
    the titles are read; "The President also instructed General Oai…" is Diem's, not Kennedy's (a first version of
    session 51's post rule read only the names it found itself)."""
    diem = ListEntry("p_DIEM1", "person", "Ngo Dinh Diem", "President of the Republic of Vietnam")
    body = "2. Thuan spoke of his loyalty to Diem. The President also instructed General Oai not to print anything."
    heading = "273. Telegram From the Embassy in Vietnam to the Department of State"
    text = f"{heading}\n\n{body}"
    record = DocumentRecord(VolumeRecord("frus-test", "t", persons=[diem]), "d7", "7", heading, text, "<test>",
                            date="1963-08-24", pages=[Page("1", 0, len(text))], body_start=len(heading) + 2)
    at = text.index("Diem")
    record.mentions.append(Mention(at, at + 4, "person", "tei-markup", 1.0, entity=iris.person_iri("109767"),
                                   label="Ngo Dinh Diem"))
    extractor.run(record)
    assert iris.person_iri("107025") not in holders(record, "President")
