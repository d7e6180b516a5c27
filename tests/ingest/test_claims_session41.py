"""Claims, session 41: rules found in documents outside the gold set and in development errors, each pinned on a
passage built from the one it was found in (issue 16; docs/claims.md, "Session 41")."""
from __future__ import annotations

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
