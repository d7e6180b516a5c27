"""Claims, session 36: rules found in documents outside the gold set, each pinned on a passage built from the one it
was found in (issue 16; docs/claims.md, "Session 36")."""
from __future__ import annotations

import dataclasses

import pytest

from ingest.claims import claims_of
from ontology import iris
from tests.ingest.test_claims_speakers import PEOPLE, document, named, the

_LETTER = [
    "Thank you for so quickly following up on my discussions with Mr. Reinhardt in your letter of 7th December.",
    "Until early in September I was urging the British Government to do nothing until there had been time.",
    "I persistently argued that Smith cannot be converted, he can only be forced to accept majority rule.",
    "On 29th August I argued the same case to the British emissaries.",
    "There was no misunderstanding between us on the conditions of a settlement in Rhodesia.",
    "That then was my position until the British brought me the Callaghan proposals in September.",
    "For let me repeat: I said then, “nothing must be done to help Smith,” and I say it again now.",
    "When we met on 15th September, we were talking in terms of a solution in Rhodesia without Smith.",
    "The nationalists and the front-line states do accept the principle of an interim government.",
    "The first of our two reasons for insisting upon active British involvement is a legal one.",
    "I cannot consider whether there is anything more we can do to help until I understand the problem.",
]


def _nyerere_letter(opening: str = "Following is letter from President Nyerere received 10:00 p.m. local Dec 9:",
                    greeting: str = "“Dear Dr. Kissinger,"):
    body = "\n\n".join([opening, greeting, *_LETTER, "Yours sincerely,\n\nJulius Nyerere”", "Levin"])
    r = document(body, heading="230. Telegram From the Embassy in Tanzania to the Department of State",
                 date="Dar es Salaam, December 9, 1976, 2000Z.")
    named(r, "Nyerere", PEOPLE + "nyerere")
    named(r, "Levin", PEOPLE + "levin", nth=0 if "Levin" not in opening else 1)
    return r


def _claimants_of_the_letter(r) -> set[tuple[str, ...]]:
    return {c.claimants for c in claims_of(r) for s in _LETTER if r.text.find(s[:40], c.start, c.end) >= 0}


def test_a_letter_of_many_paragraphs_quoted_after_a_lead_in_naming_its_sender_is_the_senders():
    """frus1969-76v28 d230: the embassy passes on Nyerere's letter to Kissinger, eleven paragraphs and more between
    one pair of marks, with a quotation inside one of them. A quotation that had not closed within eight paragraphs
    was not trusted, so each of Nyerere's "I argued…" was the telegram's signer's."""
    assert _claimants_of_the_letter(_nyerere_letter()) == {(PEOPLE + "nyerere",)}


def test_a_long_quotation_without_a_lead_in_is_not_trusted_as_one():
    """Session 41: one that opens on a letter's greeting is a letter, trusted; this one opens on no greeting."""
    r = _nyerere_letter(opening="The President's letter was received 10:00 p.m. local Dec 9 and reads much as expected.",
                        greeting="“In sum, Dr. Kissinger, this is how matters stand.")
    assert (PEOPLE + "nyerere",) not in _claimants_of_the_letter(r)


def test_a_quoted_message_the_lead_in_calls_msg_fr_someone_is_theirs():
    """frus1955-57v02 d196 (Chase to Stump): "Subj is msg fr Min Yu Ta Wei:". The quoted message runs to twelve
    paragraphs; once trusted as one quotation, its sender had to be read from the abbreviated lead-in."""
    points = ["1. The vital necessity of control of strait has made it impossible for ChiComs to attack.",
              "2. Significance of ChiCom air bldup. A ChiCom air bldup across strait would challenge this control.",
              *[f"{chr(97 + i)}. About {40 + i} MIGs were seen on the airfield near Swatow this month."
                for i in range(9)],
              "3. Our control of Formosan Strait will soon be challenged and localization of war no longer possible.”"]
    body = "\n\n".join(["Cite 6901. Subj is msg fr Min Yu Ta Wei:", "“" + points[0], *points[1:],
                        "MAAG comment: The bldup across the straits is genuine and becoming more threatening."])
    r = document(body, heading="196. Telegram From the Chief of the Military Assistance Advisory Group, Formosa "
                               "(Chase) to the Commander in Chief, Pacific (Stump)", date="Taipei, April 8, 1955")
    named(r, "Yu Ta Wei", PEOPLE + "yu-ta-wei")
    quoted = [c for c in claims_of(r) if "MIGs" in r.text[c.start:c.end] or "Formosan" in r.text[c.start:c.end]]
    assert len(quoted) == 10 and {c.claimants for c in quoted} == {(PEOPLE + "yu-ta-wei",)}, \
        [(r.text[c.start:c.end][:30], c.explanation) for c in quoted]


@pytest.mark.parametrize("sentence, cue", [
    ("Shah opened by saying he increasingly concerned by Iraq situation and Soviet efforts to gain position.",
     "opened by saying"),
    ("Shah is quoted as saying he wanted also to expose role of Western countries in fomenting trouble.",
     "is quoted as saying"),
])
def test_opening_by_saying_and_being_quoted_as_saying_are_the_subjects_words(sentence, cue):
    """frus1969-76ve04 d23 ("SHAH OPENED BY SAYING…", the Shah's opening and the paragraph after it had been
    MacArthur's) and d130 ("DARYANI IS QUOTED AS SAYING…"): about 130 such sentences in the 99 volumes."""
    r = document(f"1. I saw the Shah this morning at his request.\n\n2. {sentence} Whereas at present Soviets are "
                 "supplying defensive equipment to UAR, they are equipping Iraq with offensive arms.\n\nMacArthur",
                 heading="23. Telegram From the Embassy in Iran to the Department of State",
                 date="Tehran, October 13, 1969, 1300Z.")
    named(r, "Shah", PEOPLE + "shah", nth=1)
    named(r, "MacArthur", PEOPLE + "macarthur")
    c = the(r, "Shah ")
    assert c.claimants == (PEOPLE + "shah",) and f"'{cue}'" in c.explanation, c.explanation
    assert the(r, "Whereas").claimants == (PEOPLE + "shah",)


def test_an_exhibition_opened_by_the_president_is_no_report():
    r = document("1. The exhibition was opened by the President, who spoke of Iranian art.\n\nMacArthur",
                 heading="23. Telegram From the Embassy in Iran to the Department of State", date="Tehran, October 13, 1969")
    named(r, "MacArthur", PEOPLE + "macarthur")
    assert the(r, "The exhibition").claimants == (PEOPLE + "macarthur",)


@pytest.mark.parametrize("sentence", [
    "President Rhee accused the U.S. of infringing on ROK sovereignty and of trying to bring about his removal.",
    "President Rhee criticized the U.S. Embassy in Seoul, which he thought favored the opposition Democratic Party.",
    "President Rhee likened the situation to that in Pusan in 1952.",
])
def test_accusing_criticizing_and_likening_are_words_of_their_subject(sentence):
    """frus1958-60v18 d254 (Parsons to Robertson): Rhee's accusations had been the writer's statements."""
    r = document(f"We have received a report on President Rhee's reaction to Ambassador Yang's report.\n\n{sentence}",
                 heading="254. Memorandum From the Director of the Office of Northeast Asian Affairs (Parsons) to the "
                         "Assistant Secretary of State for Far Eastern Affairs (Robertson)", date="Washington, December 15, 1958")
    named(r, "Rhee", PEOPLE + "rhee", nth=1)
    assert the(r, "President Rhee").claimants == (PEOPLE + "rhee",)


def test_a_man_accused_of_a_crime_says_nothing():
    r = document("The editor was accused of sedition and sentenced to two years.",
                 heading="254. Memorandum From the Director of the Office of Northeast Asian Affairs (Parsons) to the "
                         "Assistant Secretary of State for Far Eastern Affairs (Robertson)", date="Washington, December 15, 1958")
    c = the(r, "The editor")
    assert c.claim_type == "assessment" and "the writer's own voice" in c.explanation, c.explanation


def test_went_on_closing_a_sentence_is_its_subjects_words_going_on_leave_is_not():
    """frus1969-76v12 d180 (Beam): "Why then are hints being made regarding possible developments…, Gromyko went on."
    had been Beam's, and the report of Gromyko's that followed with it."""
    r = document("1. I met Gromyko today.\n\n2. Why then are hints being made regarding possible developments of "
                 "events, Gromyko went on.\n\n3. Gromyko went on leave last week.\n\nBeam",
                 heading="180. Telegram From the Embassy in the Soviet Union to the Department of State",
                 date="Moscow, July 11, 1970, 1400Z.")
    named(r, "Gromyko", PEOPLE + "gromyko", nth=1)
    named(r, "Gromyko", PEOPLE + "gromyko", nth=2)
    named(r, "Beam", PEOPLE + "beam")
    assert the(r, "Why then").claimants == (PEOPLE + "gromyko",)
    assert the(r, "Gromyko went on leave").claimants == (PEOPLE + "beam",)


def test_he_after_a_bodys_official_is_that_official_for_the_body():
    """frus1955-57v15 d367 (Aldrich): "Foreign Office official replied HMG has given practically no thought to Nile
    Valley authority…. He expressed belief it would take long time…. He stated HMG would oppose…": "he" could be no
    body, so the official's words had been the Ambassador's."""
    r = document("Embassy officer in conversation at Foreign Office raised the question of a Nile Valley authority.\n\n"
                 "Foreign Office official replied HMG has given practically no thought to Nile Valley authority. He "
                 "expressed belief it would take long time for riparian states to agree. He stated HMG would oppose "
                 "international Nile Valley authority at present time.\n\nAldrich",
                 heading="367. Telegram From the Embassy in the United Kingdom to the Department of State",
                 date="London, May 30, 1956—6 p.m.")
    named(r, "Aldrich", PEOPLE + "aldrich")
    official = the(r, "Foreign Office official").claimants
    assert [a.label for a in the(r, "Foreign Office official").agents] == ["Foreign Office"]
    assert the(r, "He expressed").claimants == official and the(r, "He stated").claimants == official


def test_he_after_a_body_named_alone_is_still_no_one():
    r = document("The Foreign Office replied HMG has given practically no thought to it. He stated HMG would oppose "
                 "such an authority.\n\nAldrich",
                 heading="367. Telegram From the Embassy in the United Kingdom to the Department of State",
                 date="London, May 30, 1956—6 p.m.")
    named(r, "Aldrich", PEOPLE + "aldrich")
    assert the(r, "He stated").claimants != the(r, "The Foreign Office").claimants


@pytest.mark.parametrize("when", ["today", "yesterday", "this morning", "last night"])
def test_a_time_between_a_speaker_and_the_verb_keeps_the_speaker(when):
    """frus1964-68v18 d168 (Komer): "General Weizmann today said B–66 marginal; he much preferred French Vautour…" had
    been the writer's, the name before "today" being read as no subject."""
    r = document(f"1. I saw Eshkol about the aircraft.\n\n2. General Weizmann {when} said B-66 marginal.\n\n"
                 f"3. Eshkol {when} told me the plan is bad.\n\nKomer",
                 heading="168. Telegram From the Embassy in Israel to the Department of State", date="Tel Aviv, May 1, 1966")
    named(r, "Eshkol", PEOPLE + "eshkol", nth=1)
    named(r, "Komer", PEOPLE + "komer")
    assert [a.label for a in the(r, "General Weizmann").agents] == ["Weizmann"]
    assert the(r, "Eshkol").claimants == (PEOPLE + "eshkol",)


def test_said_without_a_subject_after_a_sentence_about_a_paper_is_the_one_who_handed_it_over():
    """frus1964-68v16 d103 (Acheson from Geneva): "Nikolareisis handed me memorandum…. It largely rejected proposals set
    forth my memorandum July 24th. Said GOG could accept Lausanne-type guarantees…": the memorandum opens the sentence
    before "Said", so the Greek envoy's words had been Acheson's."""
    r = document("1. Had long talk yesterday evening with Nikolareisis.\n\n2. Nikolareisis handed me memorandum prepared "
                 "in Athens on protection to Turkish minority. It largely rejected proposals set forth my memorandum July "
                 "24th. Said GOG could accept Lausanne-type guarantees and U.N. commissioner.\n\nAcheson",
                 heading="103. Telegram From the Mission in Geneva to the Department of State",
                 date="Geneva, August 5, 1964, 3 p.m.")
    named(r, "Nikolareisis", PEOPLE + "nikolareisis", nth=1)
    named(r, "Acheson", PEOPLE + "acheson")
    assert the(r, "Said GOG").claimants == (PEOPLE + "nikolareisis",)


def test_said_without_a_subject_after_the_writers_own_sentence_stays_the_writers():
    r = document("1. Had long talk yesterday evening with Nikolareisis.\n\n2. I handed Nikolareisis memorandum prepared "
                 "in Washington. It is a fair statement of our views. Said USG could accept Lausanne-type guarantees.\n\nAcheson",
                 heading="103. Telegram From the Mission in Geneva to the Department of State",
                 date="Geneva, August 5, 1964, 3 p.m.")
    named(r, "Nikolareisis", PEOPLE + "nikolareisis", nth=1)
    named(r, "Acheson", PEOPLE + "acheson")
    assert the(r, "Said USG").claimants == (PEOPLE + "acheson",)


_JOVA = "308. Memorandum of Conversation"


def _don_juan(body: str):
    r = document(body, heading=_JOVA, date="Washington, October 13, 1959")
    named(r, "Don Juan", PEOPLE + "don-juan")
    return r


def test_a_newspaper_named_as_a_subject_is_a_body_no_he_stands_for():
    """frus1958-60v07p2 d308 (Jova's record of his talk with Don Juan): "The New York Times had indicated an interest
    in doing something in his honor. He would also see Mr. and Mrs. Luce…": the newspaper was read as a person, so it
    held Don Juan's next five sentences."""
    r = _don_juan("Don Juan said that he would spend several more days in New York. The New York Times had indicated "
                  "an interest in doing something in his honor. He knew Mrs. Luce from Rome and considered her to be a "
                  "good friend.")
    times = the(r, "The New York Times")
    assert all(a.kind == "organization" for a in times.agents if a.label == "New York Times")
    assert the(r, "He knew").claimants == (PEOPLE + "don-juan",)


def test_as_regards_names_a_topic_not_a_speaker():
    """Same record: "As regards General Franco he said that he sometimes believed…" ("regards" had been read as a verb
    of belief whose subject was not identified, and Franco, after it, as the one "he" stands for)."""
    r = _don_juan("Don Juan said that he would spend several more days in New York.\n\nAs regards General Franco he "
                  "said that he sometimes believed that he meant to stay in power for life.")
    named(r, "Franco", PEOPLE + "franco")
    c = the(r, "As regards")
    assert c.claimants == (PEOPLE + "don-juan",) and "'said'" in c.explanation, c.explanation


def test_regards_as_a_verb_is_still_a_view():
    r = _don_juan("Don Juan regards the plan as a dangerous one.")
    assert the(r, "Don Juan regards").claimants == (PEOPLE + "don-juan",)


def test_a_paragraph_after_a_lead_in_giving_anothers_words_begins_their_account():
    """Found in frus1958-60v08 d264 and the development set's frus1969-76ve05p2 d43: after "The Minister made the
    following remarks:" a paragraph that is not numbered had gone back to the writer, the lead-in's speaker being kept
    for numbered points only."""
    r = document("The Minister made the following remarks:\n\nNewspaper speculation that the Chancellor was ill is "
                 "wholly wrong. The Chancellor's health remains unbroken.\n\nThe Acting Secretary thanked him.",
                 heading="264. Memorandum of Conversation", date="Washington, April 16, 1959")
    named(r, "Minister", PEOPLE + "strauss")
    assert the(r, "Newspaper speculation").claimants == (PEOPLE + "strauss",)


def test_a_paragraph_after_the_writers_own_lead_in_stays_the_writers():
    r = document("I made the following remarks:\n\nNewspaper speculation that the Chancellor was ill is wholly wrong.",
                 heading="264. Memorandum From the Director of the Office of German Affairs (Hillenbrand) to the "
                         "Acting Secretary of State", date="Washington, April 16, 1959")
    assert the(r, "Newspaper speculation").claimants == the(r, "I made").claimants


def test_a_telegrams_routing_repeated_to_a_post_is_no_report_of_the_post():
    """The development set's frus1964-68v13 d82: "Reftel Polto 1570, repeated Brussels 83; Deptel 2173 to Brussels
    April 26." had made Belgium the speaker of the Secretary's next three sentences."""
    r = document("2200. Reftel Polto 1570, repeated Brussels 83; Deptel 2173 to Brussels April 26. Spaak will of course "
                 "wish to determine himself how best to handle the state of the Alliance.\n\nRusk",
                 heading="82. Telegram From the Department of State to the Embassy in Belgium", date="Washington, May 1, 1964")
    named(r, "Rusk", PEOPLE + "rusk")
    assert the(r, "Reftel").claimants == (PEOPLE + "rusk",) and the(r, "Spaak will").claimants == (PEOPLE + "rusk",)


def test_a_formula_lead_in_reading_as_follows_still_hands_on_its_speakers_words():
    """frus1958-60v08 d264: "After a preliminary exchange of amenities, at the Acting Secretary's invitation, the Defense
    Minister commented on the decision of Chancellor Adenauer … as follows:" is a formula, no claim, and so had named no
    one whose words follow."""
    r = document("After a preliminary exchange of amenities, at the Acting Secretary's invitation, Strauss commented on "
                 "the decision of Chancellor Adenauer to offer himself as a candidate for the Presidency as follows:\n\n"
                 "Newspaper speculation that the Chancellor was ill is wholly wrong. The Chancellor's health remains "
                 "unbroken.", heading="264. Memorandum of Conversation", date="Washington, April 16, 1959")
    named(r, "Strauss", PEOPLE + "strauss")
    named(r, "Adenauer", PEOPLE + "adenauer")
    assert the(r, "Newspaper speculation").claimants == (PEOPLE + "strauss",)
    assert not [c for c in claims_of(r) if r.text[c.start:c.end].startswith("After a preliminary")]


def test_in_view_of_is_because_of_and_names_no_one_whose_view_it_is():
    """frus1964-68v14 d160 (Thompson's lunch with Dobrynin): "He said that Fedorenko had attended as a guest…, but in this
    case, it had been done in view of the importance of the United Nations." had made the United Nations the speaker,
    and so the "He replied…" after it nobody's."""
    r = document("At lunch today, I asked Dobrynin of news of Mikoyan. He said that Fedorenko had attended as a guest, "
                 "but in this case it had been done in view of the importance of the United Nations. I inquired whether "
                 "his being a candidate member meant more pay. He replied that unfortunately it did not.",
                 heading="160. Memorandum of Conversation", date="Washington, April 22, 1966")
    named(r, "Dobrynin", PEOPLE + "dobrynin")
    named(r, "United Nations", "https://w3id.org/frus-kg/id/organizations/united-nations")
    assert the(r, "He said that Fedorenko").claimants == (PEOPLE + "dobrynin",)
    assert the(r, "He replied").claimants == (PEOPLE + "dobrynin",)


def test_in_the_view_of_still_names_whose_view_it_is():
    r = document("In the view of Dobrynin, the talks will fail.", heading="160. Memorandum of Conversation",
                 date="Washington, April 22, 1966")
    named(r, "Dobrynin", PEOPLE + "dobrynin")
    assert the(r, "In the view").claimants == (PEOPLE + "dobrynin",)


def _lunch_with_dobrynin(extra: str = "", heading: str = "160. Memorandum of Conversation"):
    from ingest.records import ListEntry
    r = document(f"At lunch today, I asked Dobrynin of news of Mikoyan.{extra}\n\nThe Ambassador said he had had long "
                 "talks with Brezhnev, Kosygin, and other leaders.", heading=heading, date="Washington, April 22, 1966")
    named(r, "Dobrynin", PEOPLE + "dobrynin", label="Anatoly F. Dobrynin")
    r.volume.persons.append(ListEntry("p_DAF1", "person", "Dobrynin, Anatoli F.", "Soviet Ambassador to the United States",
                                      PEOPLE + "dobrynin"))
    r.volume.persons.append(ListEntry("p_TLE1", "person", "Thompson, Llewellyn E.", "Ambassador at Large until December "
                                      "26, 1966; Ambassador to the Soviet Union from January 23, 1967", PEOPLE + "thompson"))
    return r


def test_the_ambassador_is_the_one_person_named_whose_persons_list_entry_gives_that_title():
    """frus1964-68v14 d160: Thompson's record prints Dobrynin only by name, so "The Ambassador said…" had been a person
    local to the document; the volume's persons list describes Dobrynin as "Soviet Ambassador to the United States"."""
    c = the(_lunch_with_dobrynin(), "The Ambassador")
    assert c.claimants == (PEOPLE + "dobrynin",) and "persons list" in c.explanation, c.explanation


@pytest.mark.parametrize("extra, heading", [
    (" Ambassador Abdullah Al-Khayyal of Saudi Arabia joined us.", "160. Memorandum of Conversation"),
    ("", "185. Telegram From the Embassy in the Soviet Union to the Department of State"),
])
def test_the_ambassador_is_not_read_from_the_persons_list_where_another_may_be_meant(extra, heading):
    """frus1955-57v13 d180 prints "Ambassador Abdullah Al-Khayyal", untagged (Wadsworth, named too, had been read);
    a telegram's "Ambassador" is mostly its post's own chief, printed nowhere (frus1964-68v14 d185)."""
    r = _lunch_with_dobrynin(extra, heading)
    assert the(r, "The Ambassador").claimants != (PEOPLE + "dobrynin",)


def test_an_entry_giving_the_title_only_with_dates_is_not_read():
    """Thompson's entry, "Ambassador at Large until December 26, 1966; Ambassador to the Soviet Union from January 23,
    1967": the dates are not read, so he is not one more ambassador of the document."""
    r = _lunch_with_dobrynin(" Thompson joined us.")
    named(r, "Thompson", PEOPLE + "thompson")
    assert the(r, "The Ambassador").claimants == (PEOPLE + "dobrynin",)


def test_in_his_view_opening_a_paragraph_is_the_view_of_the_one_he_stands_for():
    """frus1969-76ve05p1 d235 (a record of a talk with Mobutu): "In his view both should be taken care of." had been
    the writer's, as "His view was that…" was not."""
    r = document("1. I saw Mobutu today.\n\n2. Mobutu said the Congo needed help.\n\n3. In his opinion, the Chicoms are "
                 "dangerous.\n\n4. In my view this is wise.\n\nGodley",
                 heading="235. Telegram From the Embassy in the Congo to the Department of State", date="Kinshasa, August 4, 1970")
    named(r, "Mobutu", PEOPLE + "mobutu")
    named(r, "Godley", PEOPLE + "godley")
    assert the(r, "In his opinion").claimants == (PEOPLE + "mobutu",)
    assert the(r, "In my view").claimants == (PEOPLE + "godley",)


def test_we_should_opening_a_sentence_keeps_anothers_verb_nested_in_the_writers_counsel():
    """frus1969-76ve04 d22 (Thacher): "WE SHOULD NOT LET SHAH OFF HOOK OF ACTING LIKE ME STATESMAN HE CLAIMS TO BE." had
    been the Shah's, by the "claims" of its relative clause."""
    r = document("1. I saw the Shah today.\n\n2. We should not let Shah off hook of acting like ME statesman he claims to be."
                 "\n\nThacher", heading="22. Telegram From the Embassy in Iran to the Department of State",
                 date="Tehran, October 6, 1969, 1230Z.")
    named(r, "Shah", PEOPLE + "shah", nth=1)
    named(r, "Thacher", PEOPLE + "thacher")
    assert the(r, "We should").claimants == (PEOPLE + "thacher",)


@pytest.mark.parametrize("sentence", ["At same time he is troubled over trend of events in Middle East.",
                                      "At same time he is deeply concerned about Soviet advances in area."])
def test_being_troubled_or_deeply_concerned_is_a_state_of_mind_of_the_subject(sentence):
    """frus1969-76ve04 d184 (Heck, on the Shah's views before the President's visit): "HE IS TROUBLED OVER TREND OF
    EVENTS…" had been the writer's statement."""
    r = document(f"1. I saw the Shah today.\n\n2. {sentence}\n\nHeck",
                 heading="184. Telegram From the Embassy in Iran to the Department of State", date="Tehran, May 4, 1972, 1302Z.")
    named(r, "Shah", PEOPLE + "shah")
    named(r, "Heck", PEOPLE + "heck")
    assert the(r, "At same time").claimants == (PEOPLE + "shah",)


def test_a_title_right_before_its_verb_after_an_opening_phrase_is_the_subject():
    """frus1948v01p2 d79 (Key, Rio de Janeiro): "In connection with expression above views Foreign Minister stated he would
    consult with Security Council…" had been the writer's statement; a title is read as the subject only where it
    opens the sentence."""
    r = document("1. I saw the Foreign Minister today.\n\n2. In connection with expression above views Foreign Minister "
                 "stated he would consult with Security Council. I then talked with Foreign Minister about it.\n\nKey",
                 heading="79. Telegram From the Embassy in Brazil to the Department of State", date="Rio de Janeiro, April 9, 1948")
    named(r, "Key", PEOPLE + "key")
    assert [a.label for a in the(r, "In connection").agents] == ["Foreign Minister"]
    assert the(r, "I then talked").claimants == (PEOPLE + "key",)


@pytest.mark.parametrize("sentence", ["We will know better then how he plans to proceed.", "I do not know what he intends to do."])
def test_a_verb_in_a_question_the_writer_cannot_yet_answer_asserts_nothing_of_its_subject(sentence):
    """frus1964-68v34 d152 (Rostow to the President): "We will know better then how he plans to proceed…" had been
    Bunker's plan."""
    r = document(f"1. I talked with Ambassador Bunker today.\n\n2. {sentence}\n\nRostow",
                 heading="152. Telegram From the Embassy in India to the Department of State", date="New Delhi, May 1, 1968")
    named(r, "Bunker", PEOPLE + "bunker")
    named(r, "Rostow", PEOPLE + "rostow")
    assert the(r, sentence[:10]).claimants == (PEOPLE + "rostow",)


@pytest.mark.parametrize("sentence", [
    "In summary, Klein reminds that if the East Germans stop Allied military access, our plans call for stopping theirs.",
    "Klein ends by noting that a State-Defense-JCS working group worked last night on courses of action.",
])
def test_a_papers_summary_in_the_present_reports_its_author(sentence):
    """frus1961-63v15 d101 (Legere to Taylor, covering a memorandum of Klein's)."""
    r = document(f"Attached is a memo to Bundy on the latest Berlin development.\n\n{sentence}",
                 heading="101. Memorandum From the Assistant to the President's Military Representative (Legere) to the "
                         "President's Military Representative (Taylor)", date="Washington, August 24, 1962")
    named(r, "Klein", PEOPLE + "klein")
    c = the(r, sentence[:10])
    assert c.claimants == (PEOPLE + "klein",), c.explanation


def test_views_passed_on_to_washington_are_a_noun_not_the_bodys_words():
    """frus1958-60v10p2 d136 (O'Shaughnessy, Belgrade): "…we agreed, however, refer Yugoslav views Washington for
    consideration." had been Yugoslavia's, by "views" read as a verb of "Yugoslav"."""
    r = document("1. Bruner and I met the Yugoslav officials.\n\n2. After further discussion this point we agreed, however, "
                 "refer Yugoslav views Washington for consideration.\n\nO'Shaughnessy",
                 heading="136. Telegram From the Embassy in Yugoslavia to the Department of State", date="Belgrade, May 2, 1958")
    named(r, "O'Shaughnessy", PEOPLE + "oshaughnessy")
    yugoslav = named(r, "Yugoslav", iris.country_iri("yugoslavia"), nth=1)
    r.mentions[r.mentions.index(yugoslav)] = dataclasses.replace(yugoslav, kind="country")
    assert the(r, "After further").claimants == (PEOPLE + "oshaughnessy",)


def test_professing_is_words_of_the_subject():
    """frus1958-60v10p2 d136: "Re 2 (E) Bruner professed inability understand necessity spell this requirement out in
    such detail." had been the writer's."""
    r = document("1. Bruner and I met at the Foreign Office.\n\n2. Re 2 (E) Bruner professed inability understand necessity "
                 "spell this requirement out in such detail.\n\nO'Shaughnessy",
                 heading="136. Telegram From the Embassy in Yugoslavia to the Department of State", date="Belgrade, May 2, 1958")
    named(r, "Bruner", PEOPLE + "bruner", nth=1)
    assert the(r, "Re 2 (E)").claimants == (PEOPLE + "bruner",)


def test_a_name_joined_to_he_in_a_nested_clause_is_not_the_next_speaker():
    """frus1958-60v18 d44 (MacArthur, Tokyo): "He wished to assure me that he and Kishi both realized that we had our
    problems…. He also wished to emphasize…": "and Kishi" was read as a later clause's speaker, so the second "He" was
    Kishi."""
    r = document("1. I saw Fujiyama today.\n\n2. He wished to assure me that he and Kishi both realized that we had our "
                 "problems. He also wished to emphasize that changes would be kept to a minimum.\n\nMacArthur",
                 heading="44. Telegram From the Embassy in Japan to the Department of State", date="Tokyo, August 1, 1958")
    named(r, "Fujiyama", PEOPLE + "fujiyama")
    named(r, "Kishi", PEOPLE + "kishi")
    named(r, "MacArthur", PEOPLE + "macarthur")
    assert the(r, "He also wished").claimants == (PEOPLE + "fujiyama",)


def _department(body: str):
    r = document(f"1. I saw Schroeder and Kuznetsov.\n\n2. {body}\n\nRusk",
                 heading="12. Telegram From the Department of State to the Mission in Geneva", date="Washington, May 3, 1964")
    for name in ("Schroeder", "Kuznetsov"):
        for nth in range(r.text.count(name)):
            named(r, name, PEOPLE + name.lower(), nth=nth)
    named(r, "Rusk", PEOPLE + "rusk")
    return r


@pytest.mark.parametrize("sentence", [
    "Schroeder discloses appalling lack of understanding of problems raised by proposed British action.",
    "If Kuznetsov does not accept our proposal of yesterday, you authorized to table it at next meeting.",
])
def test_a_participle_before_by_or_a_subject_inside_a_condition_is_no_speaker(sentence):
    """Found in the samples of "the subject of the verb" in telegrams: "…problems raised by proposed British action"
    (frus1964-68v13 d203) had made Schroeder say what the British raised; "If Kuznetsov does not accept…, you authorized…" (the Department's
    instruction) had made the authorization Kuznetsov's, read as the sentence's subject."""
    r = _department(sentence)
    assert the(r, sentence[:10]).claimants == (PEOPLE + "rusk",)


def test_replying_by_saying_is_still_words():
    r = _department("Schroeder replied by saying the plan was bad.")
    assert the(r, "Schroeder replied").claimants == (PEOPLE + "schroeder",)


def test_a_verb_in_a_question_after_knowing_asserts_nothing():
    """frus1964-68v02 d298 (Kohler's talk with Firyubin in Moscow): "…he would be interested in knowing just how the DRV
    Emb had responded to our approach." had been the DRV Embassy's response."""
    r = _department("Meanwhile Kuznetsov would be interested in knowing just how the DRV Emb had responded to our approach.")
    emb = named(r, "DRV Emb", "https://w3id.org/frus-kg/id/organizations/drv-embassy")
    r.mentions[r.mentions.index(emb)] = dataclasses.replace(emb, kind="organization")
    assert the(r, "Meanwhile").claimants != ("https://w3id.org/frus-kg/id/organizations/drv-embassy",)



def test_a_sentence_opening_with_i_is_never_the_account_of_the_one_heard_last():
    """frus1969-76ve13 d41 (Kissinger and Zhou, Beijing): in Kissinger's turn, "This morning the Prime Minister said
    certain words are “empty guns”…. But I thought it might interest the Prime Minister if I showed him a report…" had
    gone on as Zhou's account by the learned carry, though "I" is the one speaking. Pinned with a carry model that hands
    every such sentence to the one heard last: the guard stands before the model is asked."""
    from ingest.claims.carry import Carrier
    from ingest.claims.extract import _Extractor, in_mixed_case, load_cues
    r = document("1. I saw the Prime Minister this morning.\n\n2. Zhou said certain words are empty guns and we should not "
                 "take them so seriously. But I thought it might interest the Prime Minister if I showed him a report. "
                 "The report is long.\n\nLord",
                 heading="41. Telegram From the Embassy in China to the Department of State", date="Beijing, October 21, 1971")
    named(r, "Zhou", PEOPLE + "zhou")
    named(r, "Lord", PEOPLE + "lord")
    cues = load_cues()
    claims = _Extractor(in_mixed_case(r, cues), cues, Carrier({"A|bias": -30.0, "B|bias": 30.0})).run()
    by_text = {r.text[c.start:c.end][:13]: c.claimants for c in claims}
    assert by_text["But I thought"] == (PEOPLE + "lord",)
    assert by_text["The report is"] == (PEOPLE + "zhou",)      # the model's choice, where no guard stands


def test_what_someone_had_said_told_in_anothers_account_is_theirs_and_the_account_goes_on():
    """frus1961-63v15 d59 (the Secretary's long statement): "…Chairman Khrushchev had said to Mr. Salinger that the
    Soviets would not recognize any right of the West to maintain troops in West Berlin. In our modus vivendi paper we did
    not ask that this be recognized…": the Secretary's account had gone on as Khrushchev's for eleven sentences."""
    r = document("The Secretary said that we have tried to leave out of our paper points which would require either side to "
                 "change its basic position. Khrushchev had said to Salinger that the Soviets would not recognize any right "
                 "of the West to maintain troops in West Berlin. In our modus vivendi paper we did not ask that this be "
                 "recognized. Our paper was silent on this point.",
                 heading="59. Memorandum of Conversation", date="New York, September 21, 1961")
    named(r, "Khrushchev", PEOPLE + "khrushchev")
    named(r, "Secretary", PEOPLE + "rusk")
    assert the(r, "Khrushchev had said").claimants == (PEOPLE + "khrushchev",)
    assert the(r, "In our modus").claimants == (PEOPLE + "rusk",)


def test_an_instruction_to_the_addressee_ends_the_report_before_it():
    """frus1969-76ve14p1 d17 (the Department's circular of August 1974): "POSTS SHOULD REVIEW GUIDANCE IN STATE 62535…"
    had gone on as the Khmer Republic's report begun in the sentence before."""
    r = document("1. Cambodian representative said GKR credentials will be challenged again at the General Assembly. "
                 "Posts should review guidance in State 62535 and assess their efforts to date with host governments.\n\n"
                 "Kissinger", heading="17. Circular Telegram From the Department of State to All Diplomatic Posts",
                 date="Washington, August 22, 1974")
    named(r, "Cambodian", PEOPLE + "khmer")
    named(r, "Kissinger", PEOPLE + "kissinger")
    assert the(r, "Posts should").claimants == (PEOPLE + "kissinger",)
