"""Claims, session 44: whose are the points a lead-in relays, read on documents outside the gold set, each pinned on a
passage built from the one it was found in (issue 16; docs/claims.md, "Session 44")."""
from __future__ import annotations

from ingest.claims import claims_of
from ingest.records import Mention
from tests.ingest.test_claims_speakers import PEOPLE, document, named

NORWAY = "https://w3id.org/frus-kg/id/countries/norway"


def _claim(r, opening: str):
    return next(c for c in claims_of(r) if r.text.startswith(opening, c.start))


def test_the_points_the_addressee_is_told_to_make_are_the_senders():
    """frus1964-68v18 d139: "Before making any explicit offer to the King, you should forcefully make the following
    points:" gave the Department's points to King Hussein, the one they were to be made to."""
    r = document("Before making any explicit offer to the King, you should forcefully make the following points:\n\n"
                 "1. The United States friendship for his regime in Jordan has been amply demonstrated over the years.\n\n"
                 "2. Our offer is necessarily contingent on Jordan not accepting Soviet military equipment.\n\nBall",
                 heading="139. Telegram From the Department of State to the Embassy in Jordan",
                 date="Washington, February 9, 1965")
    named(r, "King", PEOPLE + "hussein")
    named(r, "Ball", PEOPLE + "ball")
    assert _claim(r, "The United States friendship").claimants == (PEOPLE + "ball",)
    assert _claim(r, "Our offer").claimants == (PEOPLE + "ball",)


def test_talking_points_the_addressee_is_to_use_are_the_senders_though_the_lead_in_names_another_first():
    """frus1969-76ve09p1 d45: "You should seek to ascertain Sadat’s views, using following talking points:" gave the
    Department's talking points to Sadat, the first name of the lead-in."""
    r = document("7. Action requested: You should seek to ascertain Sadat’s views, using following talking points:\n\n"
                 "— Contract with Libya signed June 24 is worth some 200 million dollars.\n\n"
                 "— We would prefer to know Egypt’s view before deciding.\n\nIngersoll",
                 heading="45. Telegram From the Department of State to the Embassy in Egypt",
                 date="Washington, July 3, 1974")
    named(r, "Sadat", PEOPLE + "sadat")
    named(r, "Ingersoll", PEOPLE + "ingersoll")
    assert _claim(r, "Contract with Libya").claimants == (PEOPLE + "ingersoll",)


def test_a_lead_in_that_names_no_one_but_after_a_preposition_relays_the_writers_points():
    """frus1964-68v16 d360: "In friendly, frank 35-minute session with Prime Minister Papadopoulos, following are
    significant points established:" gave the Ambassador's points to Papadopoulos, named only as the one he met."""
    r = document("3425. In friendly, frank 35-minute session with Prime Minister Papadopoulos, following are "
                 "significant points established:\n\n2. Greek economy is in better shape than a year ago.\n\n"
                 "3. Early return to parliamentary rule is unlikely.\n\nTalbot",
                 heading="360. Telegram From the Embassy in Greece to the Department of State",
                 date="Athens, February 2, 1968")
    named(r, "Papadopoulos", PEOPLE + "papadopoulos")
    named(r, "Talbot", PEOPLE + "talbot")
    assert _claim(r, "Greek economy").claimants == (PEOPLE + "talbot",)


def test_guard_a_lead_in_whose_subject_makes_the_points_still_relays_that_subjects():
    """frus1955-57v04 d13 and frus1964-68v22 d267: "Lange of Norway made the following points:" and "Rostow called in
    Ansary March 7 and made following points:" are Lange's and Rostow's (a guard: the subject, not an object)."""
    for lead, who in (("Lange of Norway made the following points:", "lange"),
                      ("Rostow called in Ansary March 7 and made following points:", "rostow")):
        r = document(f"{lead}\n\n(1) Norwegian public had not understood the unity proposals.\n\n"
                     "(2) The Council should reaffirm the London statement.\n\nDulles",
                     heading="13. Telegram From the Delegation at the North Atlantic Council to the Department of State",
                     date="Paris, July 16, 1955")
        for surface in ("Lange", "Rostow", "Ansary"):
            if surface in lead:
                named(r, surface, PEOPLE + surface.lower())
        if "Norway" in lead:
            at = r.text.index("Norway")
            r.mentions.append(Mention(start=at, end=at + 6, kind="country", method="gazetteer", confidence=0.9,
                                      entity=NORWAY, label="Norway"))
        named(r, "Dulles", PEOPLE + "dulles")
        assert _claim(r, "Norwegian public").claimants == (PEOPLE + who,), lead


def test_the_one_whose_verb_governs_the_lead_in_makes_the_points_not_one_named_before_him():
    """frus1958-60v13 d78 and d215: "In handing Ambassador Eban the Department’s note…, Mr. Rountree made the following
    points orally:" were Eban's, and "Stressing that he was reflecting Arab attitudes toward the US, Ambassador Kamel made
    the following points:" the United States'."""
    for lead, maker, other in (("In handing Ambassador Eban the Department’s note, Mr. Rountree made the following "
                                "points orally:", "Rountree", "Eban"),
                               ("Stressing that he was reflecting Arab attitudes toward Dulles, Ambassador Kamel made "
                                "the following points:", "Kamel", "Dulles")):
        r = document(f"{lead}\n\n(1) The request had been studied sympathetically.\n\n(2) A reply would follow soon.",
                     heading="78. Memorandum of a Conversation, Department of State, Washington, May 7, 1959",
                     date="Washington, May 7, 1959")
        named(r, maker, PEOPLE + maker.lower())
        named(r, other, PEOPLE + other.lower())
        assert _claim(r, "The request had been studied").claimants == (PEOPLE + maker.lower(),), lead


def test_views_the_writer_calls_his_own_are_the_writers_though_they_concern_another():
    """frus1958-60v05 d37 and frus1964-68v18 d341: "My specific views regarding the JCS proposal are as follows:" went to
    the Joint Chiefs, and "…it would be appropriate… for you to see Nasser to make following points:" to Nasser."""
    for lead, other in (("My specific views regarding the Harriman proposal are as follows:", "Harriman"),
                        ("3. I believe it would be appropriate, unless you perceive serious objection, for you to see "
                         "Nasser to make following points:", "Nasser")):
        r = document(f"{lead}\n\n1. It would be unwise to write a blank check for the programs.\n\nSpencer",
                     heading="37. Telegram From the Embassy in Colombia to the Department of State",
                     date="Bogotá, March 10, 1958")
        named(r, other, PEOPLE + other.lower())
        named(r, "Spencer", PEOPLE + "spencer")
        assert _claim(r, "It would be unwise").claimants == (PEOPLE + "spencer",), lead


def test_they_is_not_two_persons_one_of_whom_acts_on_the_other():
    """frus1955-57v17 d109 (development): "Rifai told Lodge that the Arab-Asian countries are planning to introduce a
    resolution today…. They have 18 sponsors…" gave the sponsors' count to Rifai and Lodge together, named in one
    sentence but not together."""
    r = document("Ambassador Rifai of Jordan has just been to see Wadsworth. Rifai told Lodge that the Arab-Asian countries "
                 "are planning to introduce a resolution today providing for sanctions. They have 18 sponsors and they "
                 "wanted to know what our attitude would be.",
                 heading="109. Memorandum of a Telephone Conversation Between the Secretary of State and the President",
                 date="Washington, February 19, 1957")
    named(r, "Rifai", PEOPLE + "rifai")
    named(r, "Rifai", PEOPLE + "rifai", nth=1)
    named(r, "Lodge", PEOPLE + "lodge")
    named(r, "Wadsworth", PEOPLE + "wadsworth")
    assert _claim(r, "They have 18 sponsors").claimants == (PEOPLE + "rifai",)    # the one whose report it goes on with


def test_guard_they_is_the_persons_listed_together_with_a_slash_or_and():
    """frus1964-68v18 d193 and frus1964-68v28 d190: "President sent Harriman/Komer to Israel…. They explained that…" and
    "…including Air Force Chief General Ma, second military region commander General Vang Pao (the Meo leader), and
    possibly neutralist leader Kong Le. … They charge…" are the persons listed (a guard)."""
    r = document("As part of continuing US effort to reduce tensions, President sent Harriman/Komer to Israel to calm "
                 "Israelis down. They explained that US opposition to aggression applied to Israel as much as to Arabs.",
                 heading="193. Telegram From the Department of State to the Embassy in the United Arab Republic",
                 date="Washington, March 4, 1965")
    named(r, "Harriman", PEOPLE + "harriman")
    named(r, "Komer", PEOPLE + "komer")
    assert set(_claim(r, "They explained").claimants) == {PEOPLE + "harriman", PEOPLE + "komer"}


def test_questioning_interposing_and_elaborating_are_said_by_their_subject():
    """frus1969-76v19p1 d90 and frus1964-68v26 d224 (outside the gold set): "Brown questioned the provision of
    self-propelled artillery…" and "Mr. Rostow elaborated on steps which Indonesia is taking…" were the drafter's."""
    for sentence, who in (("On the Army package, Brown questioned the provision of self-propelled artillery on the "
                           "grounds that the ROKs would have difficulty maintaining it.", "brown"),
                          ("Mr. Dillon interposed that the extension of credits was to be kept particularly in mind.",
                           "dillon"),
                          ("Mr. Rostow elaborated on steps which Indonesia is taking in the field of economic recovery.",
                           "rostow")):
        r = document(f"The meeting opened at ten.\n\n{sentence}\n\nHoldridge",
                     heading="90. Memorandum of Conversation", date="Washington, March 3, 1971")
        surname = {"brown": "Brown", "dillon": "Dillon", "rostow": "Rostow"}[who]
        named(r, surname, PEOPLE + who)
        named(r, "Holdridge", PEOPLE + "holdridge")
        c = next(c for c in claims_of(r) if c.start <= r.text.index(sentence) < c.end)
        assert c.claimants == (PEOPLE + who,), sentence


def test_points_an_instruction_says_should_be_drawn_upon_are_the_senders():
    """frus1961-63v05 d49 (outside the gold set): "…should stress hope this step will be followed by removal of controls
    and should draw upon following background points in order put move in context." in the Department's telegram to
    Moscow gave the background points to the Soviet Union, named before them."""
    r = document("In commenting on lifting of censorship, should stress hope this step will be followed by removal of "
                 "controls on material available Soviet people and should draw upon following background points:\n\n"
                 "1. Censorship of correspondents' despatches was no longer effective bar to transmission of news.\n\nRusk",
                 heading="49. Telegram From the Department of State to the Embassy in the Soviet Union",
                 date="Washington, May 17, 1961")
    at = r.text.index("Soviet people")
    r.mentions.append(Mention(start=at, end=at + 6, kind="country", method="gazetteer", confidence=0.9,
                              entity="https://w3id.org/frus-kg/id/countries/soviet-union", label="Soviet Union"))
    named(r, "Rusk", PEOPLE + "rusk")
    assert _claim(r, "Censorship of correspondents").claimants == (PEOPLE + "rusk",)


def test_following_as_a_preposition_opens_no_relay_and_neither_nor_lists_a_group():
    """frus1958-60v09 d115 and frus1955-57v15 d13 (outside the gold set): "…the conclusions of the Working Group following
    upon its analysis of the advantages…" was read as a lead-in relaying the Working Group's points, and "Neither Ben
    Gurion nor Sharett would give any reply…. They made no comment…" as no two persons named together."""
    from ingest.claims.cues import load_cues
    relay = load_cues().relay_lead
    assert relay.search("together with the conclusions of the Working Group following upon its analysis of the "
                        "advantages and disadvantages of various possible approaches") is None
    assert relay.search("Accordingly FonOff has worked out following preliminary assessment:") is not None
    r = document("Neither Ben Gurion nor Sharett would give any reply, probably not wishing to be on record. They made no "
                 "comment despite fact GOI pretty well committed to start digging.",
                 heading="13. Telegram From the Embassy in Israel to the Department of State", date="Tel Aviv, January 6, 1955")
    named(r, "Ben Gurion", PEOPLE + "ben-gurion")
    named(r, "Sharett", PEOPLE + "sharett")
    assert set(_claim(r, "They made no comment").claimants) == {PEOPLE + "ben-gurion", PEOPLE + "sharett"}
