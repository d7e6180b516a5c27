"""Claims, session 47: rules read on round 15 of the gold set (development documents drawn from the held-out rounds'
pool), each pinned on a passage built from the one it was found in (issue 16; docs/claims.md, "Session 47")."""
from __future__ import annotations

from pathlib import Path

from ingest.claims import claims_of
from ingest.entities import extract_entities
from ingest.tei_reader import read_tei
from tests.ingest.test_claims_speakers import PEOPLE, authors, document, named, the

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "claims_gold"

SONNENFELDT = ("84. Memorandum From Helmut Sonnenfeldt of the National Security Council Staff to the President's "
               "Assistant for National Security Affairs (Kissinger)")


def test_a_speaker_inside_a_question_after_a_preposition_is_not_the_claimant():
    """frus1969-76v12 d84 (round 15): "one can speculate endlessly on why Dobrynin wants to see you" and "guesses about
    what he wants to talk about:" had given the memorandum and its list of guesses to Dobrynin."""
    r = document("As always, one can speculate endlessly on why Dobrynin wants to see you. Following are some guesses "
                 "about what he wants to talk about:\n\n1. Gromyko Coming Down to see the President. There may be "
                 "something of an Alphonse-and-Gaston game, with the Soviets waiting to be invited.\n\nHS",
                 heading=SONNENFELDT, date="Washington, September 26, 1969")
    named(r, "Dobrynin", PEOPLE + "dobrynin")
    named(r, "Gromyko", PEOPLE + "gromyko")
    for opening in ("As always", "There may be"):
        assert the(r, opening).claimants == authors(r), opening


def test_the_answer_to_a_question_about_what_he_thought_is_still_his():
    """frus1964-68v26 d285: "In response to the Secretary's opening question about what he thought…, Lee said…"."""
    r = document("In response to the Secretary's opening question about what he thought British intentions in "
                 "Singapore were, Lee said that barring catastrophe the British would stay.",
                 heading="285. Memorandum of Conversation", date="Washington, October 17, 1966")
    named(r, "Lee", PEOPLE + "lee")
    assert the(r, "In response").claimants == (PEOPLE + "lee",)


def test_what_someone_regards_as_a_danger_stays_a_view_of_his():
    """Guard: "over what he regards as…" characterises: the view is still his (frus1964-68v12 d271, "Wilson has
    shown no signs of retreat on what he regards as the basic issues")."""
    r = document("The Shah of Iran has become increasingly concerned over what he views as a mounting Arab threat to "
                 "Iran's security.", heading="119. Memorandum From Secretary of Defense McNamara to President Johnson",
                 date="Washington, January 30, 1965")
    named(r, "Shah of Iran", PEOPLE + "shah")
    assert the(r, "The Shah").claimants == (PEOPLE + "shah",)


def test_a_letter_whose_begin_text_closes_the_lead_in_paragraph_is_its_senders():
    """frus1961-63v06 d9 (round 15): "Following letter to President Kennedy from Khrushchev handed me by Acting Foreign
    Minister Semenov at 12:15 today.Begin text:" ends its paragraph; the letter's paragraphs had gone to the chargé."""
    r = document("2550. Following letter to President Kennedy from Khrushchev handed me by Acting Foreign Minister "
                 "Semenov at 12:15 today.Begin text:\n\nMr. President, I send you this message in an hour of alarm, "
                 "fraught with danger for the peace of the whole world.\n\nAll of this evokes here in the Soviet Union an "
                 "understandable feeling of indignation on the part of the Soviet Government.End text.\n\nFreers",
                 heading="9. Telegram From the Embassy in the Soviet Union to the Department of State",
                 date="Moscow, April 18, 1961, 2 p.m.")
    named(r, "Kennedy", PEOPLE + "kennedy")
    named(r, "Khrushchev", PEOPLE + "khrushchev")
    named(r, "Semenov", PEOPLE + "semenov")
    for opening in ("Mr. President", "All of this"):
        c = the(r, opening)
        assert (c.claim_type, c.claimants) == ("quotation", (PEOPLE + "khrushchev",)), opening

COUNTRY = "https://w3id.org/frus-kg/id/countries/"


def _country(r, surface: str, slug: str, nth: int = 0):
    m = named(r, surface, COUNTRY + slug, nth=nth)
    m.kind = "country"
    return m


def test_a_position_named_at_the_opening_is_its_holders():
    """frus1958-60v07p2 d295 (round 15): "UK position appears to be that…", "Icelanders position is that…" had gone to
    the Secretary who signed the telegram; frus1964-68v26 d104: "Wilson's argument is that…" to Bundy."""
    r = document("UK position appears to be that they remain ready and willing negotiate modus vivendi. Icelanders "
                 "position is that negotiation on anything short of acceptance Icelandic position is precluded.",
                 heading="295. Telegram From the Department of State to the Mission at the North Atlantic Treaty "
                 "Organization", date="Washington, September 26, 1958")
    _country(r, "UK", "united-kingdom")
    _country(r, "Icelanders", "iceland")
    assert the(r, "UK position").claimants == (COUNTRY + "united-kingdom",)
    assert the(r, "Icelanders position").claimants == (COUNTRY + "iceland",)
    memo = document("2. Wilson's argument is that a Sukarno visit to Washington would be regarded as a triumph.",
                    heading="104. Memorandum From the President's Special Assistant for National Security Affairs "
                    "(Bundy) to President Johnson", date="Washington, June 1, 1965")
    named(memo, "Wilson", PEOPLE + "wilson")
    assert the(memo, "Wilson").claimants == (PEOPLE + "wilson",)


def test_a_countrys_position_inside_the_writers_own_account_stays_his():
    """Guard: frus1969-76v12 d154, "5. I replied that I was obviously not prepared to discuss any modification… US
    position is that we have been very forthcoming…": what the ambassador told the Soviets, his report running on; the
    guide likewise gives a government's wish inside its envoy's account to the envoy."""
    r = document("5. I replied that I was obviously not prepared to discuss any modification to our October 28 paper. "
                 "US position is that we have been very forthcoming and now it is Soviet turn to be specific on peace.\n\n"
                 "Beam", heading="154. Telegram From the Embassy in the Soviet Union to the Department of State",
                 date="Moscow, November 11, 1969")
    _country(r, "US", "united-states")
    writer = the(r, "I replied").claimants
    assert writer and the(r, "US position").claimants == writer


def test_a_persons_name_without_the_possessive_names_no_view():
    """Guard: "Lodge position…" is not printed so; a person's view needs "'s" ("Smith view" is a name in a list)."""
    r = document("Smith view is that the talks should go on.", heading=SONNENFELDT, date="Washington, May 2, 1969")
    named(r, "Smith", PEOPLE + "smith")
    assert the(r, "Smith view").claimants != (PEOPLE + "smith",)


def test_the_departments_view_in_the_secretarys_telegram_is_his():
    """Guard: frus1948v01p1 d153, "Dept view is that Part I, para 1 of Four Power statement establishes…" in a telegram
    of the Secretary of State: the Department is the writer speaking of itself, as the guide reads such telegrams."""
    r = document("Dept view is that Part I, para 1 of Four Power statement establishes as procedural all SC decisions.\n\n"
                 "Marshall", heading="153. The Secretary of State to the United States Representative at the United "
                 "Nations (Austin)", date="Washington, May 12, 1948")
    named(r, "Marshall", PEOPLE + "marshall")
    m = named(r, "Dept", "https://w3id.org/frus-kg/id/organizations/department-of-state")
    m.kind = "organization"
    assert the(r, "Dept view").claimants != ("https://w3id.org/frus-kg/id/organizations/department-of-state",)


def test_she_after_the_queen_is_the_queen():
    """frus1961-63v16 d356 (round 15): "The President welcomed the Queen…. She responded that…": the mention "Queen"
    is a woman's, so "she" is hers, not the President's."""
    r = document("The President welcomed the Queen, recalling his long and friendly association with Greece. She "
                 "responded that she remembered that well, and that American actions had saved Greece.",
                 heading="356. Memorandum of Conversation", date="Washington, August 6, 1963")
    named(r, "President", PEOPLE + "johnson")
    named(r, "Queen", PEOPLE + "frederika")
    assert the(r, "She responded").claimants == (PEOPLE + "frederika",)


def test_a_conversation_between_an_office_and_a_named_party_is_the_initialling_writers():
    """frus1955-57v26 d70 (round 15): "Memorandum of a Conversation Between the Secretary of State and the Ambassador to
    Germany (Conant)", closed by "JFD": the heading's one named party is Conant, but the "I" is the Secretary's."""
    record = next(r for r in read_tei(GOLD / "frus1955-57v26-round15.xml") if r.doc_id == "d70")
    extract_entities(record)
    found = claims_of(record)
    mine = [c for c in found if record.text[c.start:c.end].startswith(("I reported", "I said I thought"))]
    assert len(mine) == 2
    for c in mine:
        assert c.claimants == (PEOPLE + "103703",) and "closing initials 'JFD'" in c.explanation


def test_telegraphese_without_a_subject_after_also_goes_on_with_the_speaker():
    """frus1961-63v21 d345 (outside the gold set): "Banda expressed concern Bloc activity Dar. Also expressed concern that
    US and UK not making proper contact…" had gone to the Secretary who signed the telegram."""
    r = document("Banda expressed concern Bloc activity Dar. Also expressed concern that US and UK not making proper contact "
                 "with Mozambique nationalists.\n\nRusk", heading="345. Telegram From the Department of State to the "
                 "Embassy in Tanganyika", date="Washington, June 13, 1962")
    named(r, "Banda", PEOPLE + "banda")
    assert the(r, "Also expressed").claimants == (PEOPLE + "banda",)


def test_personally_i_among_the_points_another_will_make_is_the_writer():
    """frus1961-63v02 d19 (round 15): among the lettered points "Secretary McNamara will discuss…", Taylor's own
    "Personally, I do not think there are any great issues at stake…" had gone to McNamara."""
    r = document("It is my understanding that Secretary McNamara will discuss the following points with you during his "
                 "visit this morning:\n\na. Trip to Honolulu. He will discuss what he intends to do over the week end.\n\n"
                 "b. The directive. I think that Secretary McNamara will recommend to you that the agreed directive be "
                 "promulgated. Personally, I do not think there are any great issues at stake.\n\nM.D.T.",
                 heading="19. Memorandum From the President's Military Representative (Taylor) to President Kennedy",
                 date="Washington, February 15, 1962")
    named(r, "McNamara", PEOPLE + "mcnamara")
    named(r, "McNamara", PEOPLE + "mcnamara", nth=1)
    assert the(r, "Personally").claimants == authors(r) != (PEOPLE + "mcnamara",)
