"""Claims, session 38: rules found in documents outside the gold set, each pinned on a passage built from the one it
was found in (issue 16; docs/claims.md, "Session 38")."""
from __future__ import annotations

from ingest.claims import claims_of
from ontology import iris
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
    assert _labels(r, "The Prime Minister, Nehru") == ["Pandit Jawaharlal Nehru"]     # session 54: authority_names.py
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
    statement's fourteen paragraphs had been the Department's; telegrams abbreviate "Quote" as "QTE"."""
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


def test_turned_to_someone_for_assistance_is_an_act_not_a_turn_to_a_subject():
    """frus1969-76v20 d301 (Nixon and Suharto): "For example, when the Cambodian problem began, they turned to Indonesia
    for assistance…" in the President's turn was a report of "they", read as Kissinger."""
    r = document("The President: We would like to work out an arrangement to fulfill the needs of Indonesia. For example, "
                 "when the Cambodian problem began, they turned to Indonesia for assistance but your capabilities were "
                 "limited.\n\nPresident Suharto: I am very happy with your evaluation of the role of Indonesia.",
                 heading="301. Memorandum of Conversation", date="Washington, May 26, 1970")
    named(r, "Suharto", PEOPLE + "suharto")
    assert "'turned to'" not in _claim(r, "For example").explanation


def test_a_title_opening_the_sentence_is_the_subject_of_a_second_joined_verb():
    """frus1958-60v10p2 d116: "The Ambassador seemed somewhat taken-aback by the above explanation and stated that
    Belgrade had not explained this background to him." was Yugoslavia's ("Belgrade … explained"), and "He said he
    would, of course, report this conversation…" after it had no speaker."""
    r = document("Ambassador Mates called on Mr. Dillon.\n\nThe Ambassador seemed somewhat taken-aback by the above "
                 "explanation and stated that Belgrade had not explained this background to him. He said he would, of "
                 "course, report this conversation back to Belgrade.",
                 heading="116. Memorandum of Conversation", date="Washington, January 9, 1959")
    named(r, "Mates", PEOPLE + "mates")
    named(r, "Dillon", PEOPLE + "dillon")
    assert _claim(r, "The Ambassador seemed").claimants == (PEOPLE + "mates",)
    assert _claim(r, "He said he would").claimants == (PEOPLE + "mates",)


_WARSAW = dict(heading="74. Memorandum of Conversation", date="Warsaw, August 3, 1959")


def _warsaw(body: str):
    r = document(body, **_WARSAW)
    named(r, "Gomulka", PEOPLE + "gomulka")
    for k in range(r.text.count("Mr. Gomulka") - 1):
        named(r, "Gomulka", PEOPLE + "gomulka", nth=k + 1)
    return r


def test_as_someone_has_also_noted_asserts_nothing_of_his():
    """frus1958-60v10p2 d74: "As Mr. Gomulka has also noted we do have … different political and economic systems." in the
    Vice President's answer was Gomulka's, who then went on with the Vice President's account."""
    r = _warsaw("Mr. Gomulka: Mr. Gomulka said the resolution had cast a shadow on relations between the two countries.\n\n"
                "The Vice President: He said that our population is very diverse. As Mr. Gomulka has also noted we do "
                "have in the U.S. and Poland different political and economic systems.\n\n"
                "Mr. Gomulka: He said he entirely agreed with many elements of the statement.")
    assert "'noted'" not in _claim(r, "As Mr. Gomulka has also").explanation


def test_he_in_a_turn_told_in_the_third_person_is_the_one_whose_turn_it_is():
    """frus1958-60v10p2 d74: the turns are labelled ("The Vice President:", "Mr. Gomulka:") but told in the third person
    ("Said that he had noted… He repeated that…"), so "He wanted to assure Mr. Gomulka…" is the Vice President's; it had
    been Gomulka's, the last person named, since a transcript's "he" is never one on the line."""
    r = _warsaw("Mr. Gomulka: Mr. Gomulka said the resolution had cast a shadow on relations. He said he must ask how the "
                "Vice President explained this event. He did not want to attach undue importance to it.\n\n"
                "The Vice President: Said that the Congress passes resolutions as and when it decides. He thought it "
                "would be possible to increase exchanges. He wanted to assure Mr. Gomulka that the President wanted this "
                "visit to be constructive.\n\n"
                "Mr. Gomulka: He noted with particular satisfaction the Vice President’s assurance. He did not want to "
                "pass judgment on the opinions of Americans.")
    vp = _claim(r, "He wanted to assure").claimants
    assert vp != (PEOPLE + "gomulka",) and vp == _claim(r, "He thought it").claimants
    assert _claim(r, "He noted with").claimants == (PEOPLE + "gomulka",)


def test_he_after_a_sentence_naming_a_title_and_no_one_else_is_that_titles_holder():
    """frus1955-57v15 d130: "Foregoing has been brought to attention of French Ambassador February 24. He said his
    Government wanted to clear OSP angle…" had no speaker (the writer's report); a title was looked for only in the
    sentence of the pronoun, and "Ambassador" was none of the titles looked for."""
    r = document("US Government has no basis for taking initiative in matter.\n\nForegoing has been brought to attention "
                 "of French Ambassador February 24. He said his Government wanted to clear OSP angle before asking for "
                 "meeting of Ambassadors.",
                 heading="130. Telegram From the Department of State to the Embassy in France",
                 date="Washington, February 27, 1956, 7:04 p.m.")
    assert _labels(r, "He said his Government") == ["French Ambassador"]


def test_a_relative_clause_after_the_subject_and_an_auxiliary_with_now_before_the_verb():
    """frus1964-68v14 d276: "Ambassador Thompson, who returned to Moscow June 25, has now expressed the view that…" was
    the writer's, and "He has serious doubts…" after it a bare "Ambassador"."""
    r = document("An annex on cooperation in atomic energy has been agreed.\n\nAmbassador Thompson, who returned to Moscow "
                 "June 25, has now expressed the view that we cannot expect significant improvement in the Soviet "
                 "position. He has serious doubts as to the utility of any high-level appeal.",
                 heading="276. Memorandum From the Under Secretary of State (Katzenbach) to President Johnson",
                 date="Washington, July 2, 1968")
    named(r, "Thompson", PEOPLE + "thompson")
    assert _claim(r, "Ambassador Thompson").claimants == (PEOPLE + "thompson",)
    assert _claim(r, "He has serious doubts").claimants == (PEOPLE + "thompson",)


def test_she_is_the_last_woman_printed_as_such_even_unlinked_never_a_man_named_after_her():
    """The development gold (frus1969-76ve13 d135): "I was greeted … by Mrs. Shih…. She commented that she ought to read
    the messages…" is Mrs. Shih's; once a country as the last speaker no longer stood for "she", it went to Dr.
    Kissinger, named after her."""
    r = document("The meeting took place at our initiative in order to convey two written messages, the second conveying "
                 "further details on Dr. Kissinger's forthcoming visit to Peking.\n\nI was greeted in the usual friendly "
                 "fashion by Mrs. Shih and escorted to an upstairs meeting room. After initial conversation I handed over "
                 "the two notes. She commented that she ought to read the messages.",
                 heading="135. Memorandum for the Record", date="New York, June 12, 1972")
    named(r, "Kissinger", PEOPLE + "kissinger")
    assert _labels(r, "She commented") == ["Shih"]


def test_he_is_no_country_that_spoke_last_but_the_one_whose_turn_it_is():
    """frus1958-60v10p2 d74: in Ambassador Beam's turn, "The U.S. knows that the Poles have a good reputation…. He
    recognized that the question of MFN treatment was a factor." had no speaker ("he" stood for the United States), and went
    to the turn's speaker only as a speaker not identified."""
    r = _warsaw("Mr. Gomulka: He said that Poland wanted credits on easier terms.\n\n"
                "Ambassador Beam: Said the claims negotiations are now going on. The U.S. had suggested that the Poles "
                "make an effort to diversify their exports to the U.S. The U.S. knows that the Poles have a good "
                "reputation for repayment and want to pay. "
                "Beginning in 1962, the Poles would be faced with a very heavy repayment schedule. He recognized that the "
                "question of MFN treatment was a factor.\n\nMr. Gomulka: He said he understood.")
    named(r, "Beam", PEOPLE + "beam")
    named(r, "U.S.", iris.country_iri("united-states")).kind = "country"
    c = _claim(r, "He recognized")
    assert c.claimants == (PEOPLE + "beam",) and "'He' read as Beam" in c.explanation, c.explanation


_GENEVA = dict(heading="304. Telegram From the Ambassador in Czechoslovakia (Johnson) to the Department of State",
               date="Geneva, January 12, 1956, 6 p.m.")


def test_telegraphese_verbs_of_saying_without_to_and_a_proposal_made_are_the_speakers():
    """Development gold: "Prime Minister proceeded describe Communist Chinese message as “rigamarole”…" (frus1955-57v02
    d309) and "He made proposal for agreed announcement on judicial assistance…" (frus1955-57v03 d304) went on as the
    writer's, and "He attaches urgent necessity to…" (frus1955-57v02 d84) was the writer's, not the President's."""
    r = document("Wang opened the meeting. He made proposal for agreed announcement on judicial assistance on basis "
                 "equality and reciprocity.\n\nI replied that we would study it.\n\nNehru proceeded describe Communist "
                 "Chinese message as rigamarole and quoted ChiComs on following points.\n\nI said we could not agree.\n\n"
                 "Eisenhower attaches urgent necessity to supporting a high morale on the part of the Chinese forces.",
                 **_GENEVA)
    speakers = (("wang", "He made proposal"), ("nehru", "Nehru proceeded"), ("eisenhower", "Eisenhower attaches"))
    for name, _ in speakers:
        named(r, name.title(), PEOPLE + name)
    for name, opening in speakers:
        assert _claim(r, opening).claimants == (PEOPLE + name,), opening


def test_i_and_a_parenthetical_of_course_is_the_writer_and_ends_the_others_report():
    """Development gold, frus1955-57v03 d304: "I, of course, rejected along lines para 5 Deptel 557." went on as Wang's
    report."""
    r = document("Wang said PRC wished to discuss judicial assistance. In original presentation laid heavy emphasis on "
                 "fact U.S. court had made request. I, of course, rejected along lines para 5 Deptel 557.", **_GENEVA)
    named(r, "Wang", PEOPLE + "wang")
    assert _claim(r, "I, of course").claimants != (PEOPLE + "wang",)


def test_a_creed_opening_a_sentence_is_no_person_he_stands_for():
    """frus1969-76ve09p1 d63 (the King of Morocco with Newsom): "Moslem countries of Black Africa had religious interest
    in Morocco and in him personally. He would like to expand Moroccan influence…" had "He" read as a person named
    "Moslem"."""
    r = document("King Hassan said he sought cooperation between US and Morocco.\n\nKing said he did not wish Morocco to "
                 "remain in present narrow jacket. Moslem countries of Black Africa had religious interest in Morocco and "
                 "in him personally. He would like to expand Moroccan influence in those countries.",
                 heading="63. Telegram 1665 From the Embassy in Morocco to the Department of State",
                 date="Rabat, April 7, 1972, 1200Z")
    named(r, "Hassan", PEOPLE + "hassan")
    assert "Moslem" not in _labels(r, "He would like")


def test_i_after_two_opening_phrases_is_the_writer():
    """frus1969-76ve14p1 d85, a telegram in capitals: "AFTER LUNCH, AT HOROWITZ' SUGGESTION, I PULLED BLANCHARD ASIDE AND
    PRIVATELY EXPRESSED APPRECIATION FOR HIS ACTIONS… (HE CLAIMED…)" was Blanchard's ("claimed")."""
    r = document("FOR OBVIOUS REASONS BLANCHARD EXPRESSED DISPLEASURE WITH THE LATTER SUGGESTION.\n\n8. AFTER LUNCH, AT "
                 "HOROWITZ' SUGGESTION, I PULLED BLANCHARD ASIDE AND PRIVATELY EXPRESSED APPRECIATION FOR HIS ACTIONS "
                 "DURING THE MID-EAST DEBATE (HE CLAIMED HE WAS CRITICIZED BY THE SOVIETS FOR THAT). I ALSO ACKNOWLEDGED "
                 "THAT THE POSITION OF FRANCE WOULD BE OF PARTICULAR SIGNIFICANCE.",
                 heading="85. Telegram 1584 From the Embassy in Yugoslavia to the Department of State",
                 date="Belgrade, March 11, 1976, 1430Z")
    named(r, "BLANCHARD", PEOPLE + "blanchard")
    named(r, "BLANCHARD", PEOPLE + "blanchard", nth=1)
    assert _claim(r, "AFTER LUNCH").claimants != (PEOPLE + "blanchard",)


def test_what_the_meeting_did_with_a_text_is_the_recorders_narration_not_the_last_speakers_report():
    """frus1955-57v04 d82 (the NATO Heads of Government Meeting): "Proposal adopted without debate.", "Language referring
    to October 23, 1954 declaration … was agreed upon.", "Squabble finally resolved by adoption phrase…" and "Following
    silent meditation and prayer, the meeting was officially adjourned." went on as the last speaker's reports."""
    r = document("Netherlands suggested slight addition to para 15 to meet requirements of Dutch public opinion. Proposal "
                 "adopted without debate.\n\nBrentano (Germany) proposed sharpening para 12. Language referring to October "
                 "23, 1954 declaration and Geneva Summit Conference was agreed upon.\n\nSpaak pointed out that the word "
                 "was essential. Squabble finally resolved by adoption phrase freedom in peace.\n\nPresident Eisenhower "
                 "suggested a prayer. Following silent meditation and prayer, the meeting was officially adjourned.\n\n"
                 "Gromyko said the Soviet Union wanted a conference. The proposal would be accepted by Moscow only if Bonn "
                 "agreed.",
                 heading="82. Telegram From the United States Delegation at the NATO Heads of Government Meeting to the "
                         "Department of State", date="Paris, December 19, 1957, midnight")
    for name in ("Brentano", "Spaak", "Eisenhower", "Gromyko"):
        named(r, name, PEOPLE + name.lower())
    for opening, speaker in (("Language referring", "brentano"), ("Squabble", "spaak"), ("Following silent", "eisenhower")):
        assert _claim(r, opening).claimants != (PEOPLE + speaker,), opening
    assert _claim(r, "The proposal would be accepted").claimants == (PEOPLE + "gromyko",)


def test_a_quotation_opened_straight_and_closed_curly_does_not_blank_the_sentence_to_the_next_straight_mark():
    """frus1969-76ve04 d46: in 'SPEAKING AGAIN "VERY PRIVATELY,” HOVEYDA SAID DANGEROUS SITUATION DEVELOPING IN GULF
    WHICH IS "IRAN'S JUGULAR VEIN"…' the straight mark before VERY was paired with the one before IRAN'S, so "HOVEYDA
    SAID" was read as quoted and the sentence was the writer's; also, a closing mark before the name no longer hides it."""
    r = document("I SAW HOVEYDA TODAY.\n\nSPEAKING AGAIN \"VERY PRIVATELY,” HOVEYDA SAID DANGEROUS SITUATION DEVELOPING "
                 "IN GULF WHICH IS \"IRAN'S JUGULAR VEIN\" HAS ALSO ADDED GREATLY TO SHAH'S CONCERN.",
                 heading="46. Telegram 602 From the Embassy in Iran to the Department of State",
                 date="Tehran, February 17, 1970, 1425Z")
    named(r, "HOVEYDA", PEOPLE + "hoveyda")
    assert _claim(r, "SPEAKING AGAIN").claimants == (PEOPLE + "hoveyda",)


def test_the_speaker_named_in_the_possessive_is_the_writer_judging_what_he_said():
    """frus1969-76v28 d221 (the Geneva conference on Rhodesia): "Even making allowance for rhetoric, Gaylard’s analysis
    reflects the current state of Rhodesian thinking." went on as Gaylard's report."""
    r = document("Gaylard said the other day that Rhodesian officers would simply not take orders from a British appointee. "
                 "He argued that Rhodesian Front members will continue to exercise this power. Even making allowance for "
                 "rhetoric, Gaylard’s analysis reflects the current state of Rhodesian thinking.",
                 heading="221. Telegram From the Mission in Geneva to the Department of State",
                 date="Geneva, November 19, 1976, 1700Z")
    named(r, "Gaylard", PEOPLE + "gaylard")
    named(r, "Gaylard", PEOPLE + "gaylard", nth=1)
    assert _claim(r, "He argued").claimants == (PEOPLE + "gaylard",)
    assert _claim(r, "Even making allowance").claimants != (PEOPLE + "gaylard",)


def test_a_place_after_a_noun_of_land_and_of_is_no_subject():
    """frus1969-76v28 d14 (the note to South Africa): "Certain earlier communications from the Government of the United
    States … concerning legislation made applicable to the international territory of South West Africa conveyed views…"
    was a report of South West Africa's."""
    r = document("Certain earlier communications from the Government of the United States to the Government of South "
                 "Africa concerning legislation made applicable to the international territory of South West Africa "
                 "conveyed views and put questions in the hope that they might be productive.",
                 heading="14. Telegram From the Department of State to the Embassy in South Africa",
                 date="Washington, February 3, 1969, 2150Z")
    named(r, "South West Africa", iris.country_iri("south-west-africa")).kind = "country"
    assert _claim(r, "Certain earlier").claimants != (iris.country_iri("south-west-africa"),)


def test_raised_after_points_or_issues_describes_them_and_is_no_verb_of_the_subject():
    """frus1969-76ve05p1 d23: "The Ambassador offers following comment on other points raised in Ministry's note under
    reference:" was the Ambassador's report ("raised"), and the lettered points after it his; the development gold
    (frus1955-57v24 d100) has one more of this kind."""
    r = document("E. The Ambassador offers following comment on other points raised in Ministry's note under reference:\n\n"
                 "(1) USG has supplied food for civilian victims of the civil war on both sides of the line.",
                 heading="23. Telegram 5133 From the Department of State to the Embassy in Nigeria",
                 date="Washington, January 11, 1969, 2050Z")
    assert "'raised'" not in _claim(r, "The Ambassador offers").explanation


def test_the_addressee_of_a_paper_is_not_its_voice():
    """frus1969-76ve05p1 d89 (Nixon's letter to Houphouet-Boigny): "My letter to General Gowon observed that history would
    judge harshly…" was Gowon's."""
    r = document("As a friend of Africa, I deplore this tragedy. My letter to General Gowon observed that history would judge "
                 "harshly any Government's heedless acceptance of suffering in this conflict.",
                 heading="89. Telegram 116456 From the Department of State to the Embassy in France",
                 date="Washington, July 15, 1969")
    named(r, "Gowon", PEOPLE + "gowon")
    assert _claim(r, "My letter").claimants != (PEOPLE + "gowon",)


def test_said_without_a_subject_after_a_sentence_opening_with_he_is_the_one_he_stands_for():
    """frus1955-57v15 d13 (Lawson's talk with Ben-Gurion): "He spoke with fire and emotion…. Said Egypt has presently
    tremendous air advantage…" was the writer's, there being no speaker before it; the development gold's "Told me message
    from Chinese Communists received by him…" (frus1955-57v02 d309, Nehru's) is the same case."""
    r = document("Significant elements of Ben-Gurion’s comment as follows.\n\nHe spoke with fire and emotion and with obvious "
                 "effort to impress. Said Egypt has presently tremendous air advantage with MIGs and jet bombers.",
                 heading="13. Telegram From the Embassy in Israel to the Department of State",
                 date="Tel Aviv, January 24, 1956, 4 p.m.")
    named(r, "Ben-Gurion", PEOPLE + "ben-gurion")
    assert _claim(r, "Said Egypt").claimants == (PEOPLE + "ben-gurion",)


def test_a_peoples_adjective_the_gazetteer_lists_as_a_name_is_no_person_he_stands_for():
    """frus1964-68v29p1 d132 (Humphrey with the Korean Prime Minister): "Also the Korean troops are using outmoded weapons….
    In response to the Vice President's question he stated that he was talking about M16 rifles." had "he" read as a
    person named "Korean" (the gazetteer lists "Korean" as a name of Korea, not as its people's adjective)."""
    r = document("The Prime Minister expressed appreciation for the continued presence of U.S. forces in Korea.\n\n"
                 "As of this date only 30 percent of the total commitment has been fulfilled. Also the Korean troops are "
                 "using outmoded weapons and hope to obtain modern weapons soon. In response to the Vice President's "
                 "question he stated that he was talking about M16 rifles.",
                 heading="132. Telegram From the Embassy in Vietnam to the Department of State",
                 date="Saigon, November 1, 1967, 1000Z")
    assert "Korean" not in _labels(r, "In response to the Vice President")


def test_a_lesson_learned_from_something_is_no_source_phrase():
    """frus1964-68v13 d175 (Rusk from the NATO Ministerial Meeting): "This object lesson in dealing with French diplomacy
    is similar to the lesson learned from the Common Market negotiations of last winter." was the Common Market's."""
    r = document("This object lesson in dealing with French diplomacy is similar to the lesson learned from the Common "
                 "Market negotiations of last winter.",
                 heading="175. Telegram From Secretary of State Rusk to the Department of State",
                 date="Paris, December 16, 1964, 9 p.m.")
    named(r, "Common Market", iris.organization_iri("common-market")).kind = "organization"
    assert _claim(r, "This object lesson").claimants != (iris.organization_iri("common-market"),)


def test_the_points_the_addressee_is_to_make_are_the_writers_not_the_one_he_is_to_make_them_to():
    """frus1955-57v13 d54 (Wilkins to the Assistant Secretary): "That you ask the British Ambassador to call and that you
    make the following points:" had the points after it relayed as the United Kingdom's."""
    r = document("That you ask the British Ambassador to call and that you make the following points:\n\n"
                 "(1) Egyptian, Syrian and Communist efforts to bring about a severance of Jordan’s ties with the West "
                 "continue unabated.\n\n(2) We believe these efforts should be opposed.",
                 heading="54. Memorandum From the Director of the Office of Near Eastern Affairs (Wilkins) to the Assistant "
                         "Secretary of State for Near Eastern, South Asian, and African Affairs (Rountree)",
                 date="Washington, January 9, 1957")
    named(r, "British", iris.country_iri("united-kingdom")).kind = "country"
    assert _claim(r, "Egyptian, Syrian").claimants != (iris.country_iri("united-kingdom"),)
