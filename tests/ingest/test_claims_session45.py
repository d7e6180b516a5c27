"""Claims, session 45: a post named without its place ("Our Embassy reports…") is the post speaking, read on documents
outside the gold set, each pinned on a passage built from the one it was found in (issue 16; docs/claims.md,
"Session 45")."""
from __future__ import annotations

from ingest.claims import claims_of
from ingest.heading import parties_of
from ingest.records import DocumentRecord, Mention, Page, Party, VolumeRecord
from tests.ingest.test_claims_speakers import PEOPLE, authors, document, named

MEMO_HERTER = "346. Memorandum From Secretary of State Herter to President Eisenhower"


def _claim(r, opening: str):
    return next(c for c in claims_of(r) if r.text.startswith(opening, c.start))


def _place(r, surface: str) -> None:
    at = r.text.index(surface, r.body_start)
    r.mentions.append(Mention(start=at, end=at + len(surface), kind="place", method="gazetteer", confidence=0.9,
                              entity="https://w3id.org/frus-kg/id/places/" + surface.lower(), label=surface))


def _herter_memo(body: str):
    return document(body, heading=MEMO_HERTER, date="Washington, September 16, 1959")


def test_our_embassy_without_its_place_is_the_embassy_the_text_named_last_by_its_place():
    """frus1958-60v10p2 d346: "Our Embassy also reports that the Turkish Foreign Minister … is very anxious to sign…"
    had gone to Herter, the memorandum's writer, though the sentence before named "Our Embassy in Ankara"."""
    r = _herter_memo("Our Embassy in Ankara now reports that the Turkish Government has accepted the draft. "
                     "Our Embassy also reports that the Turkish Foreign Minister is very anxious to sign the agreements "
                     "before Saturday.")
    _place(r, "Ankara")
    claim = _claim(r, "Our Embassy also")
    assert claim.claimants[0].endswith("/organizations/embassy-in-ankara") and claim.agents[0].label == "Embassy in Ankara"
    assert "the Embassy the text named last by its place" in claim.explanation


def test_the_embassy_named_nowhere_by_its_place_is_the_embassy_not_the_writer():
    """frus1969-76ve05p1 d219: "Our Embassy has advised the 125 Americans… to exercise extreme prudence" is the
    Embassy's, a post the memorandum names only so."""
    r = document("There are no reports of Americans having been harmed. Our Embassy has advised the 125 Americans "
                 "residing in Burundi to exercise extreme prudence.",
                 heading="219. Memorandum From Acting Secretary of State Irwin to President Nixon",
                 date="Washington, May 8, 1972")
    claim = _claim(r, "Our Embassy has advised")
    assert claim.claimants[0].endswith("/organizations/embassy")
    assert claim.agents[0].label == "Embassy" and claim.agents[0].kind == "organization"


def test_the_mission_is_the_foreign_mission_the_text_named_with_its_nationality():
    """frus1949v07p2 d114: "The Mission informed SCAP on June 5 … that the National Government did so desire." is the
    Chinese Mission in Tokyo's, named so in the sentence before."""
    r = document("Facilities were to be made available if the Chinese Mission in Tokyo indicated that the National "
                 "Government so desired. The Mission informed SCAP on June 5 that the National Government did so desire.",
                 heading="114. Memorandum From the Deputy Director of the Office of Far Eastern Affairs (Allison) to Mr. "
                         "Robert R. West", date="Washington, July 18, 1949")
    at = r.text.index("Chinese")
    r.mentions.append(Mention(start=at, end=at + 7, kind="country", method="gazetteer", confidence=0.9,
                              entity="https://w3id.org/frus-kg/id/countries/china", label="China"))
    claim = _claim(r, "The Mission informed")
    assert claim.claimants[0].endswith("/organizations/chinese-mission-in-tokyo")


def test_what_a_post_reports_does_not_run_on_into_the_writers_own_sentences():
    """frus1958-60v10p2 d346: after "Our Embassy also reports that…", the writer's "It may be technically possible to
    complete all arrangements…" and "In any event, we should be ready to sign…" stay Herter's."""
    r = _herter_memo("Our Embassy in Ankara now reports that the Turkish Government has accepted the draft. "
                     "Our Embassy also reports that the Foreign Minister is very anxious to sign the agreements. "
                     "It may be technically possible to complete all arrangements in time. "
                     "In any event, we should be ready to sign in the very near future.")
    _place(r, "Ankara")
    assert authors(r) and _claim(r, "It may be technically").claimants == authors(r)
    assert _claim(r, "In any event").claimants == authors(r)


def test_a_post_reporting_inside_a_persons_account_is_not_spoken_for_by_that_person():
    """frus1958-60v18 d254: "The Embassy also reported that the Democratic Party had rejected…" after the Foreign
    Minister's account had gone to the Foreign Minister, as a body whose view he gives."""
    r = document("Foreign Minister Cho said that the Government would not yield on the law. The Embassy also reported "
                 "that the Democratic Party had rejected the Liberal proposals.",
                 heading="254. Memorandum From the Assistant Secretary of State for Far Eastern Affairs (Parsons) to "
                         "Secretary of State Herter", date="Washington, January 5, 1959")
    named(r, "Cho", PEOPLE + "cho")
    claim = _claim(r, "The Embassy also reported")
    assert claim.claimants[0].endswith("/organizations/embassy")


def test_guard_the_embassy_in_the_telegram_of_its_own_charge_is_the_writer():
    """frus1952-54v12p2 d11: in "No. 11 The Chargé in Burma (Day) to the Department of State", "The Embassy believes
    that there could be little better than token resistance." is Day's, the post speaking of itself (a guard: the
    headings "No. 11 The Chargé…" of the 1950s now name the writer's post)."""
    heading = "No. 11 The Chargé in Burma (Day) to the Department of State"
    body = "The Burmese army is small. The Embassy believes that there could be little better than token resistance.\n\nDay"
    text = f"{heading}\n\nRangoon, January 3, 1952.\n\n{body}"
    r = DocumentRecord(VolumeRecord("frus1952-54v12p2", "t"), "d11", "11", heading, text, "<test>", date="1952-01-03",
                       pages=[Page("1", 0, len(text))], body_start=text.index(body))
    r.parties.extend(Party(p.role, p.name, p.office, p.start, p.end) for p in parties_of(heading))
    assert _claim(r, "The Embassy believes").claimants == authors(r)


def _mention(r, surface: str, kind: str, entity: str) -> None:
    at = r.text.index(surface, r.body_start)
    r.mentions.append(Mention(start=at, end=at + len(surface), kind=kind, method="gazetteer", confidence=0.9,
                              entity=entity, label=surface))


def test_the_latter_after_a_sentence_naming_one_person_besides_the_writer_is_that_person():
    """frus1955-57v24 d144: "Following NATO meeting October 25, Secretary met with Macmillan. Latter said he was seeing
    Greek FonMin October 26." had been the writer's: "the latter" wanted two persons named besides the writer."""
    r = document("Secto 25. Following NATO meeting October 25, Secretary met with Macmillan. Latter said he was seeing "
                 "Greek FonMin October 26.\n\nDulles",
                 heading="144. Telegram From the Embassy in France to the Department of State", date="Paris, October 25, 1956")
    named(r, "Dulles", PEOPLE + "dulles")
    named(r, "Macmillan", PEOPLE + "macmillan")
    claim = _claim(r, "Latter said")
    assert claim.claimants == (PEOPLE + "macmillan",)
    assert "the one person the sentence before names besides the writer" in claim.explanation


def test_guard_the_latter_after_a_body_named_last_is_not_the_person_named_before_it():
    """frus1969-76ve04 d239: "…talks began at the highest level — between the Shah of Iran and Exxon's chairman. The
    latter put forward the participation concept…" is not the Shah's (a guard: the last one named is no person)."""
    r = document("In the spring of 1972, talks began between the Shah and Exxon's chairman. The latter put forward the "
                 "participation concept which Iran flatly rejected.",
                 heading="239. Memorandum From Harold H. Saunders of the National Security Council Staff to the President's "
                         "Assistant for National Security Affairs (Kissinger)", date="Washington, November 20, 1972")
    named(r, "Shah", PEOPLE + "pahlavi")
    _mention(r, "Exxon", "organization", "https://w3id.org/frus-kg/id/organizations/exxon")
    assert _claim(r, "The latter put forward").claimants != (PEOPLE + "pahlavi",)


def test_guard_the_latter_after_a_person_of_a_country_is_that_person():
    """frus1958-60v19 d222 (development): "…a remark made to him last night by Prime Minister Diefenbaker of Canada. The
    latter said that he was greatly relieved…" stays Diefenbaker's though Canada is named after him."""
    r = document("The Secretary mentioned a remark made to him last night by Prime Minister Diefenbaker of Canada. The "
                 "latter said that he was greatly relieved.", heading="222. Memorandum of Conversation",
                 date="Washington, July 10, 1958")
    named(r, "Secretary", PEOPLE + "dulles")
    named(r, "Diefenbaker", PEOPLE + "diefenbaker")
    _mention(r, "Canada", "country", "https://w3id.org/frus-kg/id/countries/canada")
    assert _claim(r, "The latter said").claimants == (PEOPLE + "diefenbaker",)


def test_both_with_a_verb_of_saying_or_wanting_are_the_two_named_together_before():
    """frus1961-63v19 d53: "Daud and Naim in turn also want transit reopened…. Both say they are willing to leave aside
    political issues…" had been the writer's: "say" was not among the verbs the rule of session 41 knew."""
    r = document("Daud and Naim in turn also want transit reopened.\n\nBoth say they are willing to leave aside political "
                 "issues.\n\nRountree", heading="53. Telegram From the Embassy in Afghanistan to the Department of State",
                 date="Kabul, October 12, 1961")
    named(r, "Daud", PEOPLE + "daud")
    named(r, "Naim", PEOPLE + "naim")
    named(r, "Rountree", PEOPLE + "rountree")
    assert _claim(r, "Both say").claimants == (PEOPLE + "daud", PEOPLE + "naim")


def test_what_both_hold_does_not_hand_a_body_named_next_to_a_speaker_heard_before():
    """frus1969-76v28 d229: after "…particularly Nkomo and Muzorewa who would like to adjourn this week. Both want to
    campaign at home.", "The British understand that it will not be easy…" went to Muzorewa, whose relative clause
    had been heard last, as a body whose view he gave."""
    r = document("The nationalists are predisposed to a recess, particularly Nkomo and Muzorewa who would like to adjourn "
                 "this week. Both want to campaign at home. The British understand that it will not be easy to put Geneva "
                 "back together.\n\nSpiers", heading="229. Telegram From the Embassy in the United Kingdom to the "
                 "Department of State", date="London, December 8, 1976")
    named(r, "Nkomo", PEOPLE + "nkomo")
    named(r, "Muzorewa", PEOPLE + "muzorewa")
    named(r, "Spiers", PEOPLE + "spiers")
    _mention(r, "British", "country", "https://w3id.org/frus-kg/id/countries/united-kingdom")
    assert _claim(r, "Both want").claimants == (PEOPLE + "nkomo", PEOPLE + "muzorewa")
    assert _claim(r, "The British understand").claimants == ("https://w3id.org/frus-kg/id/countries/united-kingdom",)
