"""Claims, session 42: rules found in documents outside the gold set and in development errors, each pinned on a
passage built from the one it was found in (issue 16; docs/claims.md, "Session 42")."""
from __future__ import annotations

from dataclasses import replace

from ingest.claims import claims_of
from tests.ingest.test_claims_speakers import PEOPLE, document, named

_COUNTRIES = "https://w3id.org/frus-kg/id/countries/"
_ROSTOW = "224. Memorandum From the Under Secretary of State for Political Affairs (Rostow) to President Johnson"


def _claim(r, opening: str):
    return next(c for c in claims_of(r) if r.text.startswith(opening, c.start))


def _country(r, surface: str, slug: str, nth: int = 0):
    m = named(r, surface, _COUNTRIES + slug, nth=nth)
    r.mentions[r.mentions.index(m)] = replace(m, kind="country")
    r.mentions.sort(key=lambda x: x.start)


def test_a_countrys_view_does_not_run_on_into_the_writers_own_judgement():
    """frus1964-68v20 d224: "…Israel feels easily threatened…. It is our interest to avoid another blowup." went to
    Israel: a country's report ran on whatever followed, as a body's does; now the carry model may hand it back."""
    r = document("The Phantoms should be a factor for moderation. When the arms balance is precarious, Israel feels easily "
                 "threatened, and tempted by the idea of a preemptive strike. It is our interest to avoid another blowup. "
                 "The military situation is genuinely serious.",
                 heading=_ROSTOW, date="Washington, September 23, 1968")
    _country(r, "Israel", "israel")
    assert _claim(r, "When the arms balance").claimants == (_COUNTRIES + "israel",)
    assert _claim(r, "It is our interest").claimants != (_COUNTRIES + "israel",)


def test_a_countrys_view_runs_on_where_the_sentence_opens_on_it():
    """frus1955-57v14 d378 (development): "2. US believes a rapid and large-scale increase…. US does not intend
    contribute to such a development. It has been willing provide moderate amounts arms…" is still the United States'
    (a guard)."""
    r = document("679. Missions should inform Governments:\n\n2. US believes a rapid and large-scale increase in modern "
                 "offensive weapons by either or both sides of Israel-Arab controversy holds great danger for civilian "
                 "populations of area. US does not intend contribute to such a development. It has been willing provide "
                 "moderate amounts arms to either side for internal security and legitimate defense. It will do everything "
                 "it can to prevent all-out arms race.\n\nHoover",
                 heading="378. Telegram From the Department of State to the Embassy in Lebanon",
                 date="Washington, October 20, 1955")
    named(r, "Hoover", PEOPLE + "hoover")
    for nth in (0, 1):
        _country(r, "US", "united-states", nth=nth)
    for opening in ("It has been willing", "It will do everything"):
        assert _claim(r, opening).claimants == (_COUNTRIES + "united-states",), opening


def test_a_manner_adverb_inside_a_verb_of_saying_still_makes_it_one():
    """frus1961-63v12 d221 (development): "Ambassador Campos referred favorably to the proposals of American and Foreign
    Power…" was the writer's: "referred to" is a verb of saying, "referred favorably to" was not."""
    r = document("Ambassador Campos referred favorably to the proposals of American and Foreign Power to arrange for sale "
                 "of its properties.", heading="221. Memorandum of Conversation", date="Washington, March 14, 1962")
    named(r, "Campos", PEOPLE + "campos")
    assert _claim(r, "Ambassador Campos referred").claimants == (PEOPLE + "campos",)


def test_a_hearsay_adverb_or_turned_to_a_partner_is_not_a_verb_of_saying():
    """frus1961-63v17 d89 and frus1969-76ve05p2 d74: "Secretary General Hassouna is reportedly planning to explore…" and
    "the RCC has turned primarily to Egypt for military training" are the writer's account (a guard)."""
    r = document("Secretary General Hassouna is reportedly planning to explore this matter. Thus, the search for an Arab "
                 "solution appears to be progressing satisfactorily.\n\nThe RCC has turned primarily to Egypt for military "
                 "training and technical assistance.", heading=_ROSTOW, date="Washington, September 23, 1961")
    named(r, "Hassouna", PEOPLE + "hassouna")
    rcc = named(r, "RCC", "https://w3id.org/frus-kg/id/organizations/rcc")
    r.mentions[r.mentions.index(rcc)] = replace(rcc, kind="organization")
    for opening in ("Secretary General Hassouna", "Thus, the search", "The RCC has turned"):
        assert "Rostow" in _claim(r, opening).explanation, opening


def test_a_state_of_mind_in_telegraphese_without_its_verb_is_its_holders():
    """frus1961-63v16 d171 and frus1964-68v29p2 d66 (development): "Schleinzer considering requesting credit approx $50
    million." and "Sato deeply interested in hosting Southeast Asia Ministerial Conference…" were the signer's."""
    r = document("3. Schleinzer considering requesting credit approx $50 million. Sato deeply interested in hosting "
                 "Southeast Asia Ministerial Conference about April.\n\nMatthews",
                 heading="171. Telegram From the Embassy in Austria to the Department of State",
                 date="Vienna, August 2, 1962")
    for surface in ("Schleinzer", "Sato", "Matthews"):
        named(r, surface, PEOPLE + surface.lower())
    r.mentions.sort(key=lambda m: m.start)
    assert _claim(r, "Schleinzer considering").claimants == (PEOPLE + "schleinzer",)
    assert _claim(r, "Sato deeply interested").claimants == (PEOPLE + "sato",)


def test_a_state_of_mind_without_its_verb_is_read_in_telegrams_only():
    """Outside telegraphese a name before an adjective is no sentence's subject ("Sato interested parties…"): a guard."""
    r = document("Sato interested parties in the conference but nothing came of it.",
                 heading=_ROSTOW, date="Washington, September 23, 1968")
    named(r, "Sato", PEOPLE + "sato")
    assert _claim(r, "Sato interested").claimants != (PEOPLE + "sato",)


def test_a_manner_adverb_may_stand_between_any_two_words_of_a_verb_of_saying():
    """frus1961-63v17 d127: "…have made it absolutely clear that Iran must achieve a balanced operating budget…":
    the adverb stood after "it", inside "made it clear"."""
    r = document("3. Vance made it absolutely clear to the Prime Minister that we could not wait.\n\nPorter",
                 heading="179. Telegram From the Embassy in Korea to the Department of State", date="Seoul, February 12, 1968")
    named(r, "Vance", PEOPLE + "vance")
    named(r, "Porter", PEOPLE + "porter")
    assert _claim(r, "Vance made it").claimants == (PEOPLE + "vance",)


def test_she_is_the_woman_named_before_not_the_man_last_heard():
    """frus1955-57v17 d123 (development): "D said Mrs. Meir called about 10 minutes ago…. She wanted the Sec to have the
    following information:…" went to D, the last speaker, and the account after it with him."""
    r = document("D said Mrs. Meir called about 10 minutes ago and read over the telephone the new message to BG. She wanted "
                 "the Sec to have the following information: They got the request to telephone this at 3 our time. She "
                 "said she would but made no commitment.",
                 heading="123. Memorandum of a Telephone Conversation Between the Secretary of State in Washington and "
                         "Arthur H. Dean in New Haven, Connecticut, February 20, 1957, 6:20 p.m.",
                 date="Washington, February 20, 1957")
    named(r, "Meir", PEOPLE + "meir")
    for opening in ("She wanted the Sec", "She said she would"):
        assert _claim(r, opening).claimants == (PEOPLE + "meir",), opening


def test_a_state_of_mind_or_a_stand_in_the_plural_is_the_groups():
    """frus1969-76v03 d97 and frus1964-68v20 d360 (development): "Finally, the Japanese are interested in a statement from
    the highest levels…" and "The Israelis have formally accepted…" were the writer's: only verbs of belief and wish
    were read in the plural."""
    r = document("The yen is strong. Finally, the Japanese are interested in a statement from the highest levels of the "
                 "U.S. Government. The Israelis have formally accepted, so there is really no issue.\n\nShultz",
                 heading="97. Memorandum From Secretary of the Treasury Shultz to President Nixon",
                 date="Washington, March 1, 1973")
    _country(r, "Japanese", "japan")
    _country(r, "Israelis", "israel")
    named(r, "Shultz", PEOPLE + "shultz")
    r.mentions.sort(key=lambda m: m.start)
    assert _claim(r, "Finally, the Japanese").claimants == (_COUNTRIES + "japan",)
    assert _claim(r, "The Israelis have").claimants == (_COUNTRIES + "israel",)


def test_he_before_an_aside_between_commas_is_the_subject_of_the_verb():
    """frus1949v07p2 d58 (development), frus1958-60v08 d264 and d341: "He, too, thinks it is important that…", "He,
    therefore, decided…", "He had, however, maintained…": the aside hid the pronoun, and the sentence went to the writer
    on its "it is important that"."""
    r = document("Pechkoff said the occupation had gone on too long. He, too, thinks it is important that we change it. "
                 "He had, however, maintained that the treaty was premature.")
    named(r, "Pechkoff", PEOPLE + "pechkoff")
    assert _claim(r, "He, too, thinks").claimants == (PEOPLE + "pechkoff",)
    assert "'He' read as" in _claim(r, "He had, however").explanation


def test_a_person_and_his_friends_holding_a_view_in_the_plural_is_that_persons():
    """frus1969-76ve14p1 d141 (development): "Humphrey and his friends think we should have a large Government food
    reserve." was the writer's: the plural verb wanted a body, a country or people named together."""
    r = document("Humphrey and his friends think we should have a large Government food reserve.")
    named(r, "Humphrey", PEOPLE + "humphrey")
    assert _claim(r, "Humphrey and his friends").claimants == (PEOPLE + "humphrey",)
