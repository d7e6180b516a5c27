"""Claims, session 41: rules found in documents outside the gold set and in development errors, each pinned on a
passage built from the one it was found in (issue 16; docs/claims.md, "Session 41")."""
from __future__ import annotations

from dataclasses import replace

from ingest.claims import claims_of
from tests.ingest.test_claims_speakers import PEOPLE, document, named


def _claim(r, opening: str):
    return next(c for c in claims_of(r) if r.text.startswith(opening, c.start))


def _labels(r, opening: str) -> list[str]:
    return [a.label for a in _claim(r, opening).agents]


_KARACHI = "6. Telegram From the Embassy in Pakistan to the Department of State"


def test_a_letter_given_the_writer_by_a_person_and_begun_with_capital_text_is_that_persons():
    """frus1961-63v19 d6: "…following is text of copy of letter given me by President Ayub: / Begin Text. / Dear Mr.
    President, …" was Rountree's own voice: "Begin Text" in capitals was not read as opening a text, and "given me by"
    did not name its sender."""
    r = document("1375. Verbatim Text. Re immediately preceding telegram following is text of copy of letter given me by "
                 "President Ayub:\n\nBegin Text.\n\nDear Mr. President,\n\nWe in Pakistan are very happy on your election "
                 "and on the excellent choice of your advisers.\n\nWith best wishes and very kind regards.\n\nEnd Text."
                 "\n\nRountree", heading=_KARACHI, date="Karachi, January 21, 1961")
    named(r, "Ayub", PEOPLE + "ayub")
    claim = _claim(r, "We in Pakistan are very happy")
    assert claim.claimants == (PEOPLE + "ayub",)
    assert claim.claim_type == "quotation"


def test_a_letter_after_a_dateline_below_its_lead_in_is_its_senders_though_its_closing_mark_is_misprinted():
    """frus1961-63v19 d264: "Deliver following message from President to Prime Minister Nehru…: / March 9, 1963 /
    “Dear Mr. Prime Minister: … John F. Kennedy“": the dateline stood between the lead-in and the letter, and the
    letter closed on an opening mark, so no quotation was found and the letter was Rusk's, the signer's."""
    r = document("3366. Verbatim Text. Deliver following message from President to Prime Minister Nehru at earliest "
                 "appropriate opportunity:\n\nMarch 9, 1963\n\n“Dear Mr. Prime Minister:\n\nI appreciate your replying to "
                 "my letter in the same frank manner in which I had written to you.\n\nSincerely,\n\nJohn F. Kennedy“"
                 "\n\nRusk", heading="264. Telegram From the Department of State to the Embassy in India",
                 date="Washington, March 9, 1963, 3:15 p.m.")
    named(r, "Nehru", PEOPLE + "nehru")
    assert _labels(r, "I appreciate your replying") == ["John F. Kennedy"]


def test_a_message_from_the_president_that_the_department_spells_out_between_begin_and_end_text_is_the_presidents():
    """frus1955-57v15 d263: "Please convey soonest following personal and private message from President to Nasser: /
    Begin Text. Dear Mr. Prime Minister: …": the letter was Dulles's, the signer's, and then the United States'."""
    r = document("2454. Please convey soonest following personal and private message from President to Nasser:\n\n"
                 "Begin Text. Dear Mr. Prime Minister: I am just issuing a public statement in connection with Secretary "
                 "General Hammarskjold’s mission to the Near East.\n\nBy it I commit the United States to the support of that "
                 "mission in fullest measure. End Text.\n\nDulles",
                 heading="263. Telegram From the Department of State to the Embassy in Egypt",
                 date="Washington, April 9, 1956, 7:14 p.m.")
    named(r, "Nasser", PEOPLE + "nasser")
    assert _labels(r, "By it I commit the United States") == ["Dwight D. Eisenhower"]


def test_the_letter_whose_text_follows_is_the_first_one_its_lead_in_names_not_the_covering_letter():
    """frus1961-63v06 d65: "…translation follows of letter from Khrushchev to President delivered … under cover of
    letter from Gromyko to me." made Gromyko, named last, the author of Khrushchev's letter."""
    r = document("1101. Policy. Embassy translation follows of letter from Khrushchev to President delivered to Embassy by "
                 "messenger 4:43 p.m. Moscow time October 26, under cover of letter from Gromyko to me.\n\nBegin Text.\n\n"
                 "Dear Mr. President:\n\nI have received your letter of October 25. From your letter, I got the feeling "
                 "that you have some understanding of the situation.\n\nEnd Text.\n\nKohler",
                 heading="65. Telegram From the Embassy in the Soviet Union to the Department of State",
                 date="Moscow, October 26, 1962, 7 p.m.")
    named(r, "Khrushchev", PEOPLE + "khrushchev")
    named(r, "Gromyko", PEOPLE + "gromyko")
    assert _claim(r, "I have received your letter").claimants == (PEOPLE + "khrushchev",)


def test_a_name_on_the_line_above_end_text_signs_the_text():
    """frus1961-63v06 d36: "Sincerely, / John F. Kennedy. / End text." in the Department's telegram was the United
    States', on whose behalf the post hands a text over: the signature stood on its own line above the close."""
    r = document("1940. Please deliver following message immediately to Foreign Office for Khrushchev.\n\nBegin Text.\n\n"
                 "Dear Mr. Chairman:\n\nI thank you warmly for your message of congratulations on Colonel Glenn’s "
                 "successful space flight.\n\nSincerely,\n\nJohn F. Kennedy.\nEnd text.\nRusk",
                 heading="36. Telegram From the Department of State to the Embassy in the Soviet Union",
                 date="Washington, February 21, 1962, 7:46 p.m.")
    named(r, "Khrushchev", PEOPLE + "khrushchev")
    named(r, "John F. Kennedy", PEOPLE + "kennedy")
    assert _claim(r, "I thank you warmly").claimants == (PEOPLE + "kennedy",)


_LONDON = "111. Telegram From the Department of State to the Embassy in the United Kingdom"


def _paragraphs(n: int) -> str:
    return "".join(f"The point numbered {i} in this letter is one we hold to be of great importance for peace.\n\n"
                   for i in range(n))


def test_a_quoted_letter_opened_on_its_greeting_runs_past_eight_paragraphs_and_is_its_signers():
    """frus1961-63v06 d111: "Presidential letter to Khrushchev follows…. Message open for amendment…. / “Dear Mr.
    Chairman: … / Sincerely, John F. Kennedy”": a lead-in ending on a full stop did not let the quotation run past eight
    paragraphs, and then the telegram's signature on the line after it made the letter Ball's."""
    r = document("306. For Harriman from Bundy.\n\n3. Presidential letter to Khrushchev follows and is for your delivery "
                 "in any way you see fit. Message open for amendment if you wish to recommend any.\n\n“Dear Mr. Chairman:"
                 "\n\nI am sending this message by the hand of Averell Harriman.\n\n" + _paragraphs(9) +
                 "My wife joins me in sending our good wishes to you and to all your family.\n\n"
                 "Sincerely, John F. Kennedy”\n\nBall", heading=_LONDON, date="Washington, July 12, 1963, 8:21 p.m.")
    named(r, "Khrushchev", PEOPLE + "khrushchev")
    named(r, "John F. Kennedy", PEOPLE + "kennedy")
    named(r, "Ball", PEOPLE + "ball")
    assert _claim(r, "My wife joins me").claimants == (PEOPLE + "kennedy",)
    assert "signed the quoted letter" in _claim(r, "My wife joins me").explanation


def test_a_quoted_letter_dated_above_its_greeting_is_the_sender_its_lead_in_names():
    """frus1958-60v07p2 d136: "Following for immediate delivery is text of letter from President to Prime Minister
    Macmillan. Advise date and time delivery. / “September 11, 1959. / Dear Harold: … As ever, Ike.”" was Herter's, the
    telegram's signer, named on the line after the quotation."""
    r = document("2107. Following for immediate delivery is text of letter from President to Prime Minister Macmillan. "
                 "Advise date and time delivery.\n\n“September 11, 1959.\n\nDear Harold: My talks with General de Gaulle "
                 "went very well, I believe.\n\n" + _paragraphs(8) + "With warm regards,\n\nAs ever, Ike.”\n\nHerter",
                 heading="136. Telegram From the Department of State to the Embassy in the United Kingdom",
                 date="Washington, September 11, 1959, 7:39 p.m.")
    named(r, "Macmillan", PEOPLE + "macmillan")
    named(r, "Herter", PEOPLE + "herter")
    assert _labels(r, "The point numbered 3") == ["Dwight D. Eisenhower"]


def test_a_letter_relayed_without_quotation_marks_is_the_sender_its_lead_in_names():
    """frus1955-57v02 d119: "Please deliver following message from President to Prime Minister: / Dear Winston: … /
    With warm regard, As Ever, Ike." was Dulles's own voice, the telegram's signer, to the end."""
    r = document("4266. Eyes only for the Ambassador. Please deliver following message from President to Prime Minister:"
                 "\n\nDear Winston: I greatly appreciate the message from you and Anthony. I have studied it long and "
                 "carefully.\n\nThe first is that this country does not have decisive power in respect of the offshore "
                 "islands.\n\nWith warm regard, As Ever, Ike.\n\nDulles",
                 heading="119. Telegram From the Secretary of State to the Embassy in the United Kingdom",
                 date="Washington, February 18, 1955, 7:44 p.m.")
    named(r, "Dulles", PEOPLE + "dulles")
    assert _labels(r, "The first is that this country") == ["Dwight D. Eisenhower"]
    assert "letter the telegram relays" in _claim(r, "The first is that this country").explanation


def test_a_letter_relayed_without_quotation_marks_is_the_one_it_is_signed_for():
    """frus1955-57v10 d80: "…letter to Merchant from Kirkpatrick…. Text is as follows: / Dear Livie: … / Yours
    sincerely, Geoffrey Harrison (for Sir Ivone Kirkpatrick)" was Aldrich's, the Embassy's signer."""
    r = document("2281. For Merchant. Received this a.m. from Wright (Foreign Office) letter to Merchant from Kirkpatrick "
                 "re China trade controls. Text is as follows:\n\nDear Livie:\n\nI am sorry not to have been able to reply "
                 "sooner to your letter of November 16.\n\nIt is naturally our hope that the United States government may "
                 "yet be able to agree.\n\nYours sincerely, Geoffrey Harrison (for Sir Ivone Kirkpatrick)\n\nAldrich",
                 heading="80. Telegram From the Embassy in the United Kingdom to the Department of State",
                 date="London, November 30, 1955, 7 p.m.")
    named(r, "Kirkpatrick", PEOPLE + "kirkpatrick")
    named(r, "Geoffrey Harrison", PEOPLE + "harrison")
    named(r, "Ivone Kirkpatrick", PEOPLE + "kirkpatrick")
    named(r, "Aldrich", PEOPLE + "aldrich")
    assert _claim(r, "It is naturally our hope").claimants == (PEOPLE + "kirkpatrick",)


def test_a_greeting_that_opens_no_announced_text_is_no_relayed_letter():
    """The guard of the letters rule: a greeting after a paragraph that announces nothing (a telegram's own "Dear Foster:"
    opening) stays the writer's."""
    r = document("575. Eyes only Secretary.\n\nDear Foster: Thank you for your 509. I entirely agree with your concept.\n\n"
                 "Sincerely, Allison\n\nAllison",
                 heading="100. Telegram From the Embassy in Japan to the Department of State", date="Tokyo, August 9, 1956")
    named(r, "Allison", PEOPLE + "allison")
    named(r, "Allison", PEOPLE + "allison", nth=1)
    assert "letter the telegram relays" not in _claim(r, "I entirely agree").explanation


def test_a_lead_in_naming_a_country_and_its_leader_makes_the_leader_the_author():
    """frus1964-68v20 d157: "…the following communication from His Excellency the Prime Minister of Israel Levi Eshkol to
    His Excellency the President…:—" made Israel, named first, the letter's author."""
    r = document("The Ambassador of Israel has the honor to transmit the following communication from His Excellency the "
                 "Prime Minister of Israel Levi Eshkol to His Excellency the President of the United States:\n\n"
                 "“On receiving your letter of April 6, I gave Ambassador Barbour a full explanation of my views.”\n\nY.R.",
                 heading="157. Letter From the Israeli Ambassador (Rabin) to Secretary of State Rusk",
                 date="Washington, May 2, 1968")
    israel = named(r, "Israel", "https://w3id.org/frus-kg/id/countries/israel", nth=1)
    r.mentions[-1] = replace(israel, kind="country")
    named(r, "Levi Eshkol", PEOPLE + "eshkol")
    r.mentions.sort(key=lambda m: m.start)
    assert _claim(r, "On receiving your letter").claimants == (PEOPLE + "eshkol",)


def test_a_numbered_quoted_letter_addressed_to_someone_by_its_author_is_the_authors():
    """frus1964-68v20 d99: "1. Following is text of letter dated March 2, 1968, addressed to President Johnson by King
    Hussein: / 2. “Dear Mr. President: …”" was Symmes's, the signer's: the paragraph number stood before the opening mark,
    and "addressed … by" named no sender."""
    r = document("1. Following is text of letter dated March 2, 1968, addressed to President Johnson by King Hussein:\n\n"
                 "2. “Dear Mr. President: I am grateful for your personal message which preceded the return of General "
                 "Khammash.\n\nOur two countries have indeed enjoyed a warm, close and mutually beneficial relationship.”"
                 "\n\nSymmes", heading="99. Telegram From the Embassy in Jordan to the Department of State",
                 date="Amman, March 3, 1968, 1005Z.")
    named(r, "President Johnson", PEOPLE + "johnson")
    named(r, "Hussein", PEOPLE + "hussein")
    named(r, "Symmes", PEOPLE + "symmes")
    assert _claim(r, "Our two countries have indeed").claimants == (PEOPLE + "hussein",)


def test_a_sender_named_after_a_term_in_the_lead_in_is_read_by_name_and_not_past_also_given():
    """frus1964-68v16 d328: "6. Following accompanying letter dated Nov 28 from FonMin Caglayangil also given Vance:" —
    "FonMin" is a term, "Caglayangil" no linked mention, and the sender read on to "…also given Vance", Vance."""
    r = document("5. Vance met Caglayangil this morning.\n\n6. Following accompanying letter dated Nov 28 from FonMin "
                 "Caglayangil also given Vance:\n\n“Dear Mr. Vance:\n\nRecognizing the great importance of reducing "
                 "tensions between Greece and Turkey, it is suggested that the proposed timetable be revised.”\n\nTalbot",
                 heading="328. Telegram From the Embassy in Greece to the Department of State",
                 date="Athens, November 28, 1967, 1100Z.")
    named(r, "Vance", PEOPLE + "vance")
    named(r, "Caglayangil", PEOPLE + "caglayangil")
    named(r, "Vance", PEOPLE + "vance", nth=1)
    named(r, "Talbot", PEOPLE + "talbot")
    assert _claim(r, "Recognizing the great importance").claimants == (PEOPLE + "caglayangil",)


_ROSTOW = "251. Memorandum From the President's Special Assistant (Rostow) to President Johnson"


def test_one_who_agrees_that_in_the_present_holds_the_view():
    """frus1964-68v30 d305: "Jenkins agrees that it is not in our interest to have Peking … in the UN…" was the writer's
    own voice: "agreed that" was a verb of saying, "agrees that" not."""
    r = document("Jenkins agrees that it is not in our interest to have Peking under its present auspices in the UN.\n\nWWR",
                 heading=_ROSTOW, date="Washington, October 3, 1968")
    named(r, "Jenkins", PEOPLE + "jenkins")
    assert _claim(r, "Jenkins agrees that").claimants == (PEOPLE + "jenkins",)



def test_one_who_requests_the_presidents_approval_says_so():
    """"Secretary Freeman requests your authorization to negotiate a two-year, local currency agreement…" (after
    frus1964-68v30 d251) was Rostow's own voice: "requests" is not a verb of saying ("Department requests you submit
    note…" is an instruction), "requests your" is."""
    r = document("Secretary Freeman requests your authorization to negotiate a two-year, local currency agreement with "
                 "the Republic of China.\n\nWWR", heading=_ROSTOW, date="Washington, July 9, 1968")
    named(r, "Secretary Freeman", PEOPLE + "freeman")
    assert _claim(r, "Secretary Freeman requests").claimants == (PEOPLE + "freeman",)


def test_both_after_a_sentence_naming_two_persons_is_those_two():
    """frus1961-63v17 d230: "Ambassador Bowles and Dr. Mason … have now prepared reports and recommendations. Both agree
    that an effort to establish a more affirmative relationship is desirable…" was Rusk's, the writer's: "Both" was read
    only after two had spoken."""
    r = document("Ambassador Bowles and Dr. Mason, whose visits formed part of our proposed action program, have now prepared "
                 "reports and recommendations. Both agree that an effort to establish a more affirmative relationship is "
                 "desirable.\n\nDean Rusk",
                 heading="230. Memorandum From Secretary of State Rusk to President Kennedy", date="Washington, March 22, 1962")
    named(r, "Bowles", PEOPLE + "bowles")
    named(r, "Mason", PEOPLE + "mason")
    named(r, "Dean Rusk", PEOPLE + "rusk")
    assert set(_claim(r, "Both agree that").claimants) == {PEOPLE + "bowles", PEOPLE + "mason"}


def test_both_is_not_two_persons_the_sentence_before_names_apart():
    """The guard of the rule before: "Ambassador Dobrynin showed the Secretary a copy of Pravda containing new verses by
    Robert Frost. Both expressed the opinion…" (frus1961-63v05 d237) is not Dobrynin and Frost."""
    r = document("Ambassador Dobrynin showed the Secretary a copy of Pravda containing new verses by Robert Frost. Both "
                 "expressed the opinion that the Frost visit had been an outstanding success.\n\nCurtis Kamman",
                 heading="237. Memorandum of Conversation", date="Washington, September 24, 1962")
    named(r, "Dobrynin", PEOPLE + "dobrynin")
    named(r, "Robert Frost", PEOPLE + "frost")
    named(r, "Curtis Kamman", PEOPLE + "kamman")
    assert PEOPLE + "frost" not in _claim(r, "Both expressed").claimants


def test_one_who_explores_a_question_in_his_account_says_it():
    """frus1969-76v20 d153: "He explored the reason why the Chinese wanted to hold these talks…" in Green's account went
    to China, the subject of "wanted", and then "He noted…" to President Nixon."""
    r = document("Green said the PRC was interested in a better relationship with us.\n\nHe explored the reason why the "
                 "Chinese wanted to hold these talks, which they strongly desired.\n\nUnger",
                 heading="153. Telegram From the Embassy in Thailand to the Department of State",
                 date="Bangkok, March 6, 1972, 1130Z.")
    named(r, "Green", PEOPLE + "green")
    chinese = named(r, "Chinese", "https://w3id.org/frus-kg/id/countries/china")
    r.mentions[-1] = replace(chinese, kind="country")
    named(r, "Unger", PEOPLE + "unger")
    r.mentions.sort(key=lambda m: m.start)
    assert _claim(r, "He explored the reason").claimants == (PEOPLE + "green",)
