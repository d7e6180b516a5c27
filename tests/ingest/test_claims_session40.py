"""Claims, session 40: rules found in documents outside the gold set and in development errors, each pinned on a
passage built from the one it was found in (issue 16; docs/claims.md, "Session 40")."""
from __future__ import annotations

from ingest.claims import claims_of
from tests.ingest.test_claims_speakers import PEOPLE, document, named


def _claim(r, opening: str):
    return next(c for c in claims_of(r) if r.text.startswith(opening, c.start))


def _labels(r, opening: str) -> list[str]:
    return [a.label for a in _claim(r, opening).agents]


_RABAT = "130. Telegram 4147 From the Embassy in Morocco to the Department of State, September 8, 1972, 1600Z."


def test_a_sentence_between_two_of_one_speakers_reported_sentences_is_his():
    """frus1969-76ve05p2 d130: "Osman said…. It was feared because of the excesses… Osman added…": the carry model
    gave the middle sentence back to the writer, though the account goes on after it."""
    r = document("Ahmed Osman dropped by the house afterwards to continue the discussion.\n\n"
                 "Osman said that the people favored the curbing of the military. It was feared because of the "
                 "excesses of the army against civilians. Osman added that the King would welcome a "
                 "parliament with broader powers.\n\nRockwell", heading=_RABAT, date="Rabat, September 8, 1972")
    named(r, "Osman", PEOPLE + "osman", nth=1)
    named(r, "Osman", PEOPLE + "osman", nth=2)
    assert _claim(r, "It was feared").claimants == (PEOPLE + "osman",)
    assert "between two sentences" in _claim(r, "It was feared").explanation


def test_a_sentence_between_a_speakers_account_and_another_persons_narrated_act_stays_the_writers():
    """frus1948v01p2 d236: "Mr. Morrison (S/P), in consultation with Mr. Boggs…, was instructed to draw up a draft"
    names someone else: the recorder narrates, even if the first speaker is heard again after it."""
    r = document("Osman said that the people favored the curbing of the military. It was feared because of the "
                 "excesses of the army against civilians. Mr. Boggs, in consultation with UNA, was asked to draw up a "
                 "draft of the agreement. Osman added that the King would welcome a parliament with broader powers.\n\nRockwell",
                 heading=_RABAT, date="Rabat, September 8, 1972")
    named(r, "Osman", PEOPLE + "osman")
    named(r, "Osman", PEOPLE + "osman", nth=1)
    named(r, "Boggs", PEOPLE + "boggs")
    assert _claim(r, "Mr. Boggs, in consultation").claimants != (PEOPLE + "osman",)
    assert _claim(r, "It was feared").claimants != (PEOPLE + "osman",)


def test_a_text_begun_after_a_lead_in_that_ends_on_a_colon_is_its_senders():
    """frus1958-60v08 d501: "Herewith (1) our translation of letter from Adenauer to Secretary…: / 1. Begin text /
    Dear Mr. Herter: …" was the signer's own voice, for the whole letter."""
    r = document("Cahto 204. Herewith our translation of letter from Adenauer to Secretary delivered by Von Brentano "
                 "July 31:\n\n1. Begin text\n\nDear Mr. Herter: Federal Minister Lemmer has reported to me the "
                 "conversation which you had with him during your visit to Berlin. I am forced to assume that you "
                 "are not correctly informed about my position on the question of reunification.\n\n"
                 "Such a reunification I refuse, since through it the Germans in the Soviet Zone would not be "
                 "helped. Signed Adenauer.\n\nEnd text.\n\nHerter",
                 heading="501. Telegram From Secretary of State Herter to the Department of State",
                 date="Geneva, August 4, 1959, 2 p.m.")
    named(r, "Adenauer", PEOPLE + "adenauer")
    named(r, "Herter", PEOPLE + "herter", nth=1)
    assert _claim(r, "Such a reunification").claimants == (PEOPLE + "adenauer",)
    assert _claim(r, "Such a reunification").claim_type == "quotation"


def test_a_message_translated_from_a_language_is_not_sent_by_the_people_who_speak_it():
    """frus1969-76v28 d190: "…President Neto’s message as translated from the French…:" made France the sender of
    the Angolan President's message."""
    r = document("There follows the text of President Neto’s message as translated from the French and furnished to "
                 "us in writing by the Prime Minister's staff:\n\nBegin text\n\nAngola is very interested in having "
                 "relations with the United States. Angola is no satellite to the Soviet Union.\n\nEnd text.\n\nSmith",
                 heading="190. Telegram From the Embassy in Sweden to the Department of State",
                 date="Stockholm, September 1, 1976")
    named(r, "Neto", PEOPLE + "neto")
    assert _claim(r, "Angola is very interested").claimants == (PEOPLE + "neto",)


_MOSCOW = "70. Telegram From the Embassy in the Soviet Union to the Department of State"


def test_a_source_phrase_inside_what_the_speaker_said_leaves_the_words_his():
    """frus1964-68v14 d70: "Gromyko said that in Sov view primary question is to ascertain…" was given to a local
    person named "Sov", from the source phrase inside his words."""
    r = document("I saw Gromyko this afternoon.\n\nGromyko said that in Sov view primary question is to ascertain how "
                 "administration personally plans to conduct relations. Gromyko stated that in Khrushchev's view the "
                 "talks should go on.\n\nKohler",
                 heading=_MOSCOW, date="Moscow, November 23, 1964")
    named(r, "Gromyko", PEOPLE + "gromyko", nth=1)
    named(r, "Gromyko", PEOPLE + "gromyko", nth=2)
    named(r, "Khrushchev", PEOPLE + "khrushchev")
    assert _claim(r, "Gromyko said that").claimants == (PEOPLE + "gromyko",)
    assert _claim(r, "Gromyko stated that").claimants == (PEOPLE + "gromyko",)


def test_sov_in_telegraphese_is_the_soviet_union_not_a_person():
    """frus1964-68v14 d70: "In Sov view all questions relating to peacekeeping forces are matter for decision by
    Security Council alone." made "Sov" a person the entity layer did not link; the sentence goes on with Gromyko's
    report."""
    r = document("Gromyko said Sov Govt does not regard UN Charter as scrap of paper and would do nothing to violate it. "
                 "In Sov view all questions relating to peacekeeping forces are matter for decision by Security "
                 "Council alone.\n\nKohler", heading=_MOSCOW, date="Moscow, November 23, 1964")
    named(r, "Gromyko", PEOPLE + "gromyko")
    assert "Sov" not in _labels(r, "In Sov view")


def test_a_sentence_in_the_backshifted_tense_of_reported_speech_goes_on_with_the_report_in_a_telegram():
    """frus1964-68v15 d218: "Wehner said a corner had been turned…. A majority of the leadership of the CDU/CSU
    Parliamentary group had fought to the last to prevent a reply." went back to the Ambassador, by the carry model."""
    r = document("15024. Subj: Conversation with Wehner. I had an hour with All-German Affairs Minister Wehner on June "
                 "19.\n\n1. The Stoph letter and its aftermath—I said that I was aware of the importance which Wehner "
                 "attached to the reply to the Stoph letter and congratulated him on having won his point. Wehner said a "
                 "corner had been turned; however, there would be many others. A majority of the leadership of the "
                 "CDU/CSU Parliamentary group had fought to the last to prevent a reply.\n\nMcGhee",
                 heading="218. Telegram From the Embassy in Germany to the Department of State",
                 date="Bonn, June 20, 1967")
    for nth in range(4):
        named(r, "Wehner", PEOPLE + "wehner", nth=nth)
    assert _claim(r, "A majority of the leadership").claimants == (PEOPLE + "wehner",)



def test_developing_a_thesis_is_saying_it():
    """frus1964-68v14 d224: "Gromyko then developed thesis that fighting in SVN was result national liberation struggle
    not directed from Hanoi." was read as a decision, from "directed" in the thesis itself."""
    r = document("Gromyko said only way in which to create situation where talks could mature is to stop bombing "
                 "unconditionally. Gromyko then developed thesis that fighting in SVN was result national liberation "
                 "struggle not directed from Hanoi. We were wrong to attempt shift blame for fighting to Hanoi.\n\nRusk",
                 heading="224. Telegram From Secretary of State Rusk to the Department of State",
                 date="New York, October 4, 1967")
    named(r, "Gromyko", PEOPLE + "gromyko")
    named(r, "Gromyko", PEOPLE + "gromyko", nth=1)
    assert _claim(r, "Gromyko then developed thesis").claim_type == "report"
    assert "developed thesis" in _claim(r, "Gromyko then developed thesis").explanation


def test_a_rebuttal_that_is_the_view_of_whose_rebuttal_it_is():
    """frus1964-68v30 d51: "Bob Johnson's rebuttal was that the Soviet-ChiCom analogy was weak…" stayed the writer's."""
    r = document("Rostow argued that the analogy held.\n\nJohnson's rebuttal was that the Soviet-ChiCom analogy was weak; "
                 "the ChiComs were a lot less further along today than the Soviets were 15 years ago.",
                 heading="51. Memorandum From the President's Special Assistant (Rostow) to President Johnson")
    named(r, "Rostow", PEOPLE + "rostow")
    named(r, "Johnson", PEOPLE + "johnson-robert")
    assert _claim(r, "Johnson's rebuttal").claimants == (PEOPLE + "johnson-robert",)


def test_what_the_writer_concludes_from_conversations_is_the_writers_own_view():
    """frus1969-76v20 d167: "We conclude from three separate conversations with RTA Chief of Staff… that Thanom wanted
    more helicopters…" went to Thanom, whose request the telegram had reported before."""
    r = document("During recent visit of Vice President, Thanom asked Vice President for increased military assistance. "
                 "We conclude from three separate conversations with General Surakij during past week that Thanom wanted "
                 "more helicopters.\n\nUnger", heading="167. Telegram From the Embassy in Thailand to the Department of State",
                 date="Bangkok, May 26, 1972")
    named(r, "Thanom", PEOPLE + "thanom")
    named(r, "Thanom", PEOPLE + "thanom", nth=1)
    assert _claim(r, "We conclude").claimants != (PEOPLE + "thanom",)


def test_a_letter_the_departments_telegram_relays_from_the_president_is_the_american_presidents():
    """frus1964-68v26 d326: "Deliver letter below from the President to President Marcos." made the letter Rusk's, the
    telegram's signer, and then, read by its lead-in, President Marcos's own."""
    r = document("1564. Eyes only for the Ambassador. Deliver letter below from the President to President Marcos. Please "
                 "brief Bill Bundy but handle this matter in great confidence.\n\n“Dear President Marcos: I have just had "
                 "a full report from Vice President Humphrey about his recent visit with you.”\n\nRusk",
                 heading="326. Telegram From the Department of State to the Embassy in the Philippines",
                 date="Washington, February 25, 1966, 5:47 p.m.")
    named(r, "Marcos", PEOPLE + "marcos")
    named(r, "Marcos", PEOPLE + "marcos", nth=1)
    assert _labels(r, "I have just had a full report") == ["Lyndon Baines Johnson"]


_SAIGON = "298. Telegram From the Embassy in Vietnam to the Department of State"


def test_points_made_by_a_person_are_his_and_he_after_the_writers_words_among_them_is_not_the_writer():
    """frus1961-63v03 d298: the paragraphs after "4. Other points made by Nhu:" were Lodge's, the signer's; and among
    points relayed, "He said…" after "I said…" was read as the writer himself, the last one heard."""
    r = document("3. Nhu said that the situation had improved.\n\n4. Other points made by Nhu:\n\n"
                 "5. 35 percent of the population were not in first class Strategic Hamlets. All of the people would be in "
                 "Strategic Hamlets of some kind by the end of the year.\n\n"
                 "6. I said it would be very helpful in the U.S. if there could be some dramatic gesture here.\n\n"
                 "7. He said it was now a fact that all the Buddhist prisoners were being released.\n\nLodge",
                 heading=_SAIGON, date="Saigon, August 26, 1963")
    named(r, "Nhu", PEOPLE + "nhu")
    named(r, "Nhu", PEOPLE + "nhu", nth=1)
    named(r, "Lodge", PEOPLE + "lodge")
    assert _claim(r, "35 percent of the population").claimants == (PEOPLE + "nhu",)
    assert _claim(r, "He said it was now a fact").claimants == (PEOPLE + "nhu",)


def test_the_writers_first_person_narration_among_relayed_points_is_his_own():
    """frus1964-68v14 d283: "I have passed this information on to Harriman and Vance." and "I clearly had the
    impression that…" among Dobrynin's relayed points went on as Dobrynin's; d300: "I rate his comment on London as a
    mere debating point." as the list's."""
    r = document("3. Nhu said that the situation had improved.\n\n4. Other points made by Nhu:\n\n"
                 "5. 35 percent of the population were not in first class Strategic Hamlets. I have passed this "
                 "information on to Harriman.\n\n6. I rate his figure as a mere debating point.\n\nLodge",
                 heading=_SAIGON, date="Saigon, August 26, 1963")
    named(r, "Nhu", PEOPLE + "nhu")
    named(r, "Nhu", PEOPLE + "nhu", nth=1)
    named(r, "Lodge", PEOPLE + "lodge")
    assert _claim(r, "35 percent of the population").claimants == (PEOPLE + "nhu",)
    assert _claim(r, "I have passed").claimants == (PEOPLE + "lodge",)
    assert _claim(r, "I rate his figure").claimants == (PEOPLE + "lodge",)


def test_the_backshifted_tense_goes_on_with_the_report_in_the_minutes_of_a_meeting_too():
    """frus1955-57v19 d5: "Secretary Dulles said that while indeed the thought might be implicit…, he felt that it was
    sufficiently important to be made explicit. Accordingly, he had made a redraft of paragraph 24…" went back to the
    minutes' writer."""
    r = document("He explained that the Joint Chiefs of Staff proposed to insert a phrase. The Planning Board members "
                 "other than the JCS adviser, however, felt that such destruction was included in both policy (a) and "
                 "policy (b). The idea was thought to be implicit. Secretary Dulles said that while indeed the thought "
                 "might be implicit in the paragraph as written, he felt that it was sufficiently important to be made "
                 "explicit. Accordingly, he had made a redraft of paragraph 24 which took account of the proposal by the "
                 "Joint Chiefs of Staff.\n\nThe President inquired what was meant.",
                 heading="5. Memorandum From S. Everett Gleason of the National Security Council Staff to the "
                         "President's Special Assistant (Cutler)")
    named(r, "Dulles", PEOPLE + "dulles")
    assert _claim(r, "Accordingly, he had made a redraft").claimants == (PEOPLE + "dulles",)
