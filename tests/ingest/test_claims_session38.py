"""Claims, session 38: rules found in documents outside the gold set, each pinned on a passage built from the one it
was found in (issue 16; docs/claims.md, "Session 38")."""
from __future__ import annotations

from ingest.claims import claims_of
from tests.ingest.test_claims_bodies import term
from tests.ingest.test_claims_speakers import PEOPLE, document, named


def _claim(r, opening: str):
    return next(c for c in claims_of(r) if r.text.startswith(opening, c.start))


def _labels(r, opening: str) -> list[str]:
    return [a.label for a in _claim(r, opening).agents]


_TUNIS = dict(heading="123. Telegram 747 From the Embassy in Tunisia to the Department of State",
              date="Tunis, February 4, 1976, 1530Z")


def test_the_name_in_apposition_after_a_title_and_its_office_speaks_not_the_title():
    """frus1969-76ve09p1 d123: "Minister of Interior, Tahar Belkhodja, told me two weeks ago that…" was the claim of
    a "Minister" the document ties to no one; the entity layer links neither name."""
    r = document("Minister of Interior, Tahar Belkhodja, told me two weeks ago that in his view the threat is "
                 "essentially political. Therefore, he continued, the Government must concentrate on internal security.",
                 **_TUNIS)
    assert _labels(r, "Minister of Interior") == ["Tahar Belkhodja"]
    assert _labels(r, "Therefore, he continued") == ["Tahar Belkhodja"]


def test_the_name_in_apposition_after_the_title_speaks_but_an_aside_in_lower_case_is_no_name():
    r = document("The Prime Minister, Nehru, said that he was worried about the threat. "
                 "The Foreign Minister, in his reply, said that this was wrong.", **_TUNIS)
    assert _labels(r, "The Prime Minister, Nehru") == ["Nehru"]
    assert _labels(r, "The Foreign Minister, in his reply") == ["Foreign Minister"]


_VP_PARTY = dict(heading="43. Telegram From the Vice President's Party to the Department of State",
                 date="Bangkok, January 5, 1970, 0930Z")
_MEETING = "Vice President Agnew met for nearly two hours with Prime Minister Thanom and other Thai officials.\n\n"


def _vp_meeting(body: str):
    r = document(_MEETING + body, **_VP_PARTY)
    named(r, "Agnew", PEOPLE + "agnew")
    named(r, "Thanom", PEOPLE + "thanom")
    return r


def test_pm_glossed_as_a_bureau_and_also_as_prime_minister_is_the_prime_minister_the_document_names():
    """frus1969-76v20 d43: the volume glosses "PM" as "Bureau of Politico-Military Affairs, Department of State; also
    prime minister", and "The PM said he would appreciate clarification…" was the Bureau's."""
    r = _vp_meeting("The PM said he would appreciate clarification on the commitment of the United States to Thailand. "
                    "The Vice President stated that his response would reflect U.S. integrity.\n\n"
                    "The PM acknowledged this and said he had asked the Cabinet to find a solution.")
    term(r, "PM", "t_PM1", "Bureau of Politico-Military Affairs, Department of State; also prime minister")
    term(r, "PM", "t_PM1", "Bureau of Politico-Military Affairs, Department of State; also prime minister", nth=1)
    assert _claim(r, "The PM said").claimants == (PEOPLE + "thanom",)
    assert _claim(r, "The PM acknowledged").claimants == (PEOPLE + "thanom",)


def test_pm_glossed_only_as_the_bureau_stays_the_bureau():
    r = _vp_meeting("PM believes the transfer of the aircraft should wait until the spring.")
    term(r, "PM", "t_PM1", "Bureau of Politico-Military Affairs, Department of State")
    assert _claim(r, "PM believes").claimants != (PEOPLE + "thanom",)


def test_a_title_in_a_possessive_source_phrase_is_its_holder():
    """frus1969-76v20 d43: "It was most important, in the Vice President's view, not to allow troublemakers…" had a
    claimant named "Vice President's", a person local to the document."""
    r = _vp_meeting("The Vice President replied that the Senators did not speak for the United States. It was most "
                    "important, in the Vice President's view, not to allow troublemakers to disturb the good relations.")
    assert _claim(r, "It was most important").claimants == (PEOPLE + "agnew",)


def test_a_comma_inside_the_reported_words_does_not_close_an_opening_phrase():
    """frus1969-76v20 d43: "After brief comments the Prime Minister said that since the US had entered into
    discussions…, he hoped the Vice President might provide…" read "After … ChiComs," as a subordinate clause, and the
    main verb as "hoped", whose "he" was the Vice President."""
    r = _vp_meeting("The Vice President asked the Prime Minister for his views on the Sino-Soviet split.\n\n"
                    "After brief comments the Prime Minister said that since the US had entered into discussions with "
                    "both the Russians and the ChiComs, he hoped the Vice President might provide some insight.")
    assert _claim(r, "After brief comments").claimants == (PEOPLE + "thanom",)


def test_offered_assurances_is_a_verb_of_saying_that_ends_the_other_sides_report():
    """frus1969-76v20 d43: "The Vice President once again offered assurances that our intentions…" went on as the Prime
    Minister's report."""
    r = _vp_meeting("The Prime Minister commented that these moves had raised some doubts in the minds of Asian friends. "
                    "The Vice President once again offered assurances that our intentions to reduce tensions should in no "
                    "way be construed as a diminution of our commitments.")
    assert _claim(r, "The Vice President once again").claimants == (PEOPLE + "agnew",)


def test_he_after_a_comma_in_a_sentence_whose_subject_is_a_person_is_that_subject():
    """frus1969-76v20 d43: "The Prime Minister expressed his appreciation for the Vice President's statement, however
    he still felt obliged to touch upon…" was the Vice President's, the last person named before "he"."""
    r = _vp_meeting("The Vice President said he regretted their manner. The Prime Minister expressed his appreciation "
                    "for the Vice President's statement, however he still felt obliged to touch upon those derogatory "
                    "statements.")
    assert _claim(r, "The Prime Minister expressed").claimants == (PEOPLE + "thanom",)


def test_he_in_a_that_clause_after_a_verb_that_reports_nothing_is_not_read_back_to_the_subject():
    """The narrower form of the rule above: in "Diem has demonstrated that he understands this problem…" the writer
    judges Diem (frus1955-57v01 d107, development: the gold gives it to the writer)."""
    r = document("Senator Mansfield said that the sects are self-interested. Diem has demonstrated that he understands "
                 "this problem and will act on it.", heading="107. Report by Senator Mansfield", date="Washington, October 1954")
    named(r, "Mansfield", PEOPLE + "mansfield")
    named(r, "Diem", PEOPLE + "diem")
    assert _claim(r, "Diem has demonstrated").claimants == (PEOPLE + "mansfield",)


def test_a_press_release_spelled_out_between_qte_and_unqte_is_its_issuers_at_any_length():
    """frus1969-76ve05p1 d81: "Secretary Rogers issued today following press release: / QTE In view of … UNQTE": the
    statement's 24 paragraphs had been the Department's; telegrams abbreviate "Quote" as "QTE"."""
    paragraphs = "\n\n".join(f"Point {i}: the United States has shared the humanitarian concerns of the world." for i in range(15))
    r = document("In addition to Q and A during scheduled news conference, Secretary Rogers issued today following press "
                 "release:\n\nQTE In view of the seriousness of the relief problem, I wish to issue the following "
                 f"statement.\n\n{paragraphs}\n\nWe should be absolutely clear that only the parties have the choice. UNQTE",
                 heading="81. Telegram 109879 From the Department of State to the Embassy in Nigeria",
                 date="Washington, July 2, 1969, 2316Z")
    named(r, "Rogers", PEOPLE + "rogers")
    for opening in ("In view of the seriousness", "Point 14", "We should be absolutely"):
        c = _claim(r, opening)
        assert c.claimants == (PEOPLE + "rogers",) and "'Unquote'" in c.explanation, (opening, c.explanation)


def test_a_verb_in_the_present_after_after_speaks_of_what_has_not_happened():
    """frus1969-76ve09p1 d91: "For Madrid: You may inform GOS … after Rabat confirms that it has been made." was
    Morocco's report ("confirms"), and the next instruction went on as Morocco's."""
    r = document("You should tell Laraki that the U.S. intends to remain neutral.\n\n"
                 "For Madrid: You may inform GOS at appropriate level of demarche in paras 2 and 3 above after Rabat "
                 "confirms that it has been made. You may also inform any GOS officials who raise matter that USG "
                 "continues to be sensitive.",
                 heading="91. Telegram 113002 From the Department of State to the Embassy in Morocco",
                 date="Washington, May 13, 1975, 0102Z")
    for opening in ("You may inform GOS", "You may also"):
        assert _claim(r, opening).claim_type == "decision", opening


def test_alleged_before_a_word_in_lower_case_is_an_adjective_not_a_verb_of_saying():
    """frus1964-68v29p1 d262: "In support of this, he may surface alleged confession of Commander Bucher…" was a
    report, cue 'alleged', of the last person named."""
    r = document("We expect Pak to take a hard line at the next meeting.\n\n"
                 "In support of this, he may surface alleged confession of Commander Bucher or other evidence.",
                 heading="262. Telegram From the Department of State to the Embassy in Korea",
                 date="Washington, January 30, 1968, 2120Z")
    named(r, "Pak", PEOPLE + "pak")
    assert "'alleged'" not in _claim(r, "In support of this").explanation
