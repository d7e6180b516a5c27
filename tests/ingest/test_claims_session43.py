"""Claims, session 43: a telegram's sender named by its routing words, found in documents outside the gold set, each
pinned on a passage built from the one it was found in (issue 16; docs/claims.md, "Session 43")."""
from __future__ import annotations

from ingest.claims import claims_of
from tests.ingest.test_claims_speakers import PEOPLE, document, named


def _claim(r, opening: str):
    return next(c for c in claims_of(r) if r.text.startswith(opening, c.start))


def test_a_routing_sentence_behind_pass_lines_names_the_writer():
    """frus1958-60v08 d193: "1899. Paris pass USCINCEUR, USRO, SHAPE. From Bruce. On basis assessment…" went to the
    telegram's signer: "From Bruce." stood behind the lines that pass it on, where no routing rule looked."""
    r = document("1899. Paris pass USCINCEUR, USRO, SHAPE. From Bruce. On basis assessment contained Moscow 210 German "
                 "settlement is improbable. Soviets will continue to press on Berlin.\n\nDowling",
                 heading="193. Telegram From the Embassy in Germany to the Department of State",
                 date="Bonn, February 20, 1959")
    named(r, "Bruce", PEOPLE + "bruce")
    named(r, "Dowling", PEOPLE + "dowling")
    assert _claim(r, "Soviets will continue").claimants == (PEOPLE + "bruce",)


def test_a_cable_series_number_and_eyes_only_without_for_open_routing_words():
    """frus1958-60v02 d474 and frus1955-57v11 d147: "Delga 665. Eyes only for Secretary from Lodge. Re Outer Space."
    and "13. Eyes only Secretary from Lodge." were read as no routing words: the number of a cable in its series
    ("Delga 665.") and "Eyes only" with no "for" had not been allowed."""
    for opening in ("Delga 665. Eyes only for Secretary from Lodge. Re Outer Space.",
                    "13. Eyes only Secretary from Lodge. Re membership."):
        r = document(f"{opening} Only issue which now separates US from agreement with Russians is composition of "
                     "committee.\n\nWadsworth",
                     heading="474. Telegram From the Delegation to the General Assembly to the Department of State",
                     date="New York, December 10, 1958")
        named(r, "Lodge", PEOPLE + "lodge")
        named(r, "Wadsworth", PEOPLE + "wadsworth")
        assert _claim(r, "Only issue").claimants == (PEOPLE + "lodge",), opening


def test_a_telegram_from_two_senders_is_both_of_theirs():
    """frus1964-68v07 d24: "21178/Delto 751. From Harriman and Vance." gave the telegram to Harriman alone."""
    r = document("21178/Delto 751. From Harriman and Vance.\n\nWe met again with Tho and Thuy for three hours. Their "
                 "position is unchanged on the bombing.",
                 heading="24. Telegram From the Delegation to the Paris Peace Talks to the Department of State",
                 date="Paris, September 20, 1968")
    named(r, "Harriman", PEOPLE + "harriman")
    named(r, "Vance", PEOPLE + "vance")
    assert set(_claim(r, "Their position").claimants) == {PEOPLE + "harriman", PEOPLE + "vance"}


def test_the_addressee_after_to_or_for_and_the_author_of_a_letter_are_not_the_sender():
    """frus1955-57v24 d155, frus1952-54Guat d208 and frus1955-57v15 d246: "Personal from Secretary for Selwyn Lloyd.",
    "From JMBLUG to Ascham." and "For your information only text of letter from President to Eden follows." name the
    addressee or the letter's recipient after "from" (a guard)."""
    for opening, addressee in (("3757. Personal from Secretary for Selwyn Lloyd.", "Lloyd"),
                               ("906. From JMBLUG to Ascham.", "Ascham"),
                               ("5881. Eyes only for Ambassador. For your information only text of letter from "
                                "President to Eden follows.", "Eden")):
        r = document(f"{opening}\n\nThere is no further use talking about the question. Position is clear to all.\n\nDulles",
                     heading="155. Telegram From the Department of State to the Embassy in the United Kingdom",
                     date="Washington, March 2, 1956")
        named(r, addressee, PEOPLE + addressee.lower())
        named(r, "Dulles", PEOPLE + "dulles")
        assert _claim(r, "Position is clear").claimants == (PEOPLE + "dulles",), opening


def _unsigned_embassy_telegram(body: str):
    from ingest.entities import extract_entities
    r = document(body, heading="64. Telegram From the Embassy in Vietnam to the Department of State",
                 date="Saigon, October 13, 1968")
    extract_entities(r)
    return r


def test_an_unsigned_embassy_telegram_in_the_first_person_is_its_chief_of_missions():
    """frus1964-68v07 d64 (development): "General Abrams, Amb Berger and I had hour and a half meeting with him
    tonight." went to the Embassy in Vietnam, the telegram being unsigned: its "I" is Bunker, who headed the post."""
    r = _unsigned_embassy_telegram("40178. Subject: Meeting with Thieu.\n\nGeneral Abrams, Amb Berger and I had hour and "
                                   "a half meeting with him tonight. We went over developments of last four days.")
    claim = _claim(r, "We went over")
    assert len(claim.claimants) == 1 and "POCOM" in claim.explanation and "Bunker" in claim.explanation


def test_an_unsigned_embassy_telegram_with_no_first_person_stays_the_embassys():
    """The same telegram with no "I" is the post's, as the annotation guide says of unsigned cables (a guard)."""
    r = _unsigned_embassy_telegram("40178. Subject: Meeting with Thieu.\n\nGeneral Abrams and Amb Berger had hour and a "
                                   "half meeting with Thieu tonight. Developments of last four days were reviewed.")
    assert "Embassy" in _claim(r, "Developments of last").explanation


def test_the_points_of_a_persons_reaction_relayed_after_a_lead_in_are_theirs():
    """frus1969-76v20 d325 (development): "The principal points of President Suharto's reaction to your assurances …,
    delivered by Ambassador Galbraith January 10, were: / —Countries lying close to the PRC … should be reassured…" went
    to Kissinger, who relays them: the lead-in was not read, and the one whose reaction it is comes before "'s"."""
    r = document("The principal points of President Suharto's reaction to your assurances on your Peking and Moscow visits, "
                 "delivered by Ambassador Galbraith January 10, were:\n\n—Countries lying close to the PRC should be "
                 "reassured and kept as fully informed as possible about your trip.\n\n—Indonesia will do its best to help "
                 "strengthen the will and capability of Southeast Asian nations to resist Communism.",
                 heading="325. Memorandum From the President's Assistant for National Security Affairs (Kissinger) to "
                         "President Nixon", date="Washington, January 18, 1972")
    named(r, "Suharto", PEOPLE + "suharto")
    named(r, "Galbraith", PEOPLE + "galbraith")
    for opening in ("Countries lying close", "Indonesia will do"):
        assert _claim(r, opening).claimants == (PEOPLE + "suharto",), opening


def test_text_or_message_opening_a_sentence_is_no_speaker():
    """frus1955-57v15 d483: "Text proposed announcement re Operation Stockpile mentioned preceding telegram follows:" made
    "Text" a person the entity layer did not link, whose report ran on over the announcement."""
    r = document("34. Eyes only Ambassador from the Secretary. Text proposed announcement re Operation Stockpile mentioned "
                 "preceding telegram follows:\n\nOn April 9 a statement was issued by the White House regarding the serious "
                 "situation in the Middle East.\n\nDulles",
                 heading="483. Telegram From the Department of State to the Embassy in Egypt", date="Washington, April 10, 1956")
    named(r, "Dulles", PEOPLE + "dulles")
    for c in claims_of(r):
        assert "'Text'" not in (c.explanation or ""), r.text[c.start:c.end]


_DEPARTMENT_TO_LONDON = "150. Telegram From the Department of State to the Embassy in the United Kingdom"


def test_a_letter_run_into_its_lead_in_is_the_senders_the_lead_in_names():
    """frus1955-57v13 d150: "728. Please pass following to Prime Minister from President: “Dear Harold: / I share your
    satisfaction…” / Dulles" was Dulles's own voice: a quotation opening inside its lead-in's paragraph was read with that
    sentence, and "following … from President" named no sender."""
    r = document("728. Please pass following to Prime Minister from President: “Dear Harold:\n\nI share your satisfaction "
                 "in knowing that the Trinidad discussions have been put into channels that should bring out all the "
                 "important factors.\n\nWe are, of course, sympathetic with your efforts to bring about a better "
                 "understanding in the Mid East.\n\nAs ever, D.E.”\n\nDulles",
                 heading=_DEPARTMENT_TO_LONDON, date="Washington, September 23, 1957")
    named(r, "Dulles", PEOPLE + "dulles")
    for opening in ("I share your satisfaction", "We are, of course"):
        claim = _claim(r, opening)
        assert claim.claim_type == "quotation" and "the President" in claim.explanation, opening


def test_an_excerpt_following_from_a_record_of_talk_is_not_the_presidents():
    """frus1958-60v04 d285 (development): "Following is an excerpt from memorandum of Secretary's conversation with the
    President this morning: “I said…" is the Secretary's record, not a message from the President (a guard)."""
    r = document("Dulte 2. Re oil imports Following is an excerpt from memorandum of Secretary’s conversation with the "
                 "President this morning: “I said I thought that it would not be possible to propose a final decision on "
                 "new controls on oil imports in the next few days.\n\nI expressed my agreement as to the urgency of doing "
                 "something effective.”\n\nDulles",
                 heading="285. Telegram From Secretary of State Dulles to the Department of State",
                 date="Manila, March 11, 1958")
    named(r, "President", PEOPLE + "eisenhower", label="Dwight D. Eisenhower")
    named(r, "Dulles", PEOPLE + "dulles")
    r.mentions.sort(key=lambda m: m.start)
    for c in claims_of(r):
        assert PEOPLE + "eisenhower" not in c.claimants, r.text[c.start:c.end]


def test_regression_a_quoted_passage_whose_lead_in_names_no_one_does_not_crash():
    """A quotation running on from its lead-in's paragraph, after "from" and a thing, not a name ("…the following
    extracts from the unsigned memorandum: “…"), raised AttributeError: the lead-in's first mention had taken the name
    of its paragraph."""
    r = document("The most significant part is contained in the following extracts from the unsigned memorandum: “However, "
                 "refrain from assisting or encouraging offensive actions against the mainland.\n\nRestrain the Nationalists "
                 "from such actions as far as possible.”\n\nDulles",
                 heading=_DEPARTMENT_TO_LONDON, date="Washington, January 12, 1955")
    named(r, "Dulles", PEOPLE + "dulles")
    assert all("unsigned memorandum" not in (c.explanation or "") for c in claims_of(r))
