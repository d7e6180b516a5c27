"""Claims, session 37: rules found in documents outside the gold set, each pinned on a passage built from the one it
was found in (issue 16; docs/claims.md, "Session 37")."""
from __future__ import annotations

from ingest.claims import claims_of
from ontology import iris
from tests.ingest.test_claims_speakers import PEOPLE, document, named


def _claim(r, opening: str):
    return next(c for c in claims_of(r) if r.text.startswith(opening, c.start))


def test_commerce_standing_alone_is_the_department_and_the_next_agencys_view_is_its_own():
    """frus1969-76ve15p1 d1 (Johnson's memorandum on COCOM): "Commerce believes…" was a person the entity layer had
    not linked, so "State considers…" and "The Atomic Energy Commission favors…" after it were read as views held in
    Commerce's account, and were Commerce's."""
    r = document("Defense believes many of our difficulties in COCOM are traceable to differences among agencies. "
                 "On the other hand, Commerce believes that the approaches to other governments are premature. "
                 "State considers that such approaches at an appropriate time might well be useful.",
                 heading="1. Memorandum From the Acting Chairman of the Under Secretaries Committee (Johnson) to "
                         "President Nixon", date="Washington, October 2, 1972")
    assert _claim(r, "On the other hand").claimants == (iris.organization_iri("department-of-commerce"),)
    assert _claim(r, "State considers").claimants == (iris.organization_iri("department-of-state"),)


def test_he_after_a_sentence_opening_with_a_persons_possessive_and_a_verdict_is_that_person():
    """frus1969-76v19p1 d67 (the Honolulu talks with the Korean Defense Minister): "Secretary Packard’s performance at
    this point was superb. Very quietly but very firmly he reminded the Minister…" was the Minister's, the last
    speaker, since a possessive opened no sentence the pronoun could look back to."""
    r = document("Jung said that the ROK Government wanted these assurances first.\n\n"
                 "Secretary Packard’s performance at this point was superb. Very quietly but very firmly he reminded the "
                 "Minister that the US had maintained substantial forces in Korea for 17 years.",
                 heading="67. Telegram From the Commander in Chief, Pacific (McCain) to the Department of State",
                 date="Honolulu, July 23, 1970")
    named(r, "Jung", PEOPLE + "jung")
    named(r, "Packard", PEOPLE + "packard")
    assert _claim(r, "Very quietly").claimants == (PEOPLE + "packard",)


_SHAH_ASKS = "The Shah said he would like to speed up the F-4E program and needed more Air Force mechanics. "


def test_a_participle_of_saying_after_the_main_clause_is_its_subjects_words():
    """frus1969-76ve04 d6 (Laird's talk with the Shah): "Secretary Laird was non-committal concerning this request,
    noting only that the United States faced serious problems…" went on with the Shah's account."""
    r = document(_SHAH_ASKS + "Secretary Laird was non-committal concerning this request, noting only that the United "
                 "States faced serious problems in retaining highly-qualified Service personnel.",
                 heading="6. Memorandum of Conversation", date="Washington, April 1, 1969")
    named(r, "Shah", PEOPLE + "shah")
    named(r, "Laird", PEOPLE + "laird")
    assert _claim(r, "Secretary Laird").claimants == (PEOPLE + "laird",)


def test_the_subject_of_a_participle_of_saying_is_never_the_name_after_it():
    """frus1958-60v11 d127: "He started with a discussion of the situation in Lebanon, stating that Cairo has been
    whipping up sentiment…": the inversion "…, said Secretary Wilson" does not hold for a participle."""
    r = document("President Chamoun received me this morning. He started with a discussion of the situation in Lebanon, "
                 "stating that Cairo has been whipping up sentiment against him.",
                 heading="127. Telegram From the Embassy in Lebanon to the Department of State", date="Beirut, May 14, 1958")
    named(r, "Chamoun", PEOPLE + "chamoun")
    named(r, "Cairo", iris.country_iri("egypt")).kind = "country"
    assert _claim(r, "He started").claimants == (PEOPLE + "chamoun",)


def test_a_participle_of_saying_after_a_noun_tells_what_a_paper_says():
    """frus1955-57v26 d91: "…he read me draft of his proposed letter to Bulganin stating that…" is no words of
    Bulganin's: after a noun, the participle is the paper's."""
    r = document("On occasion of my farewell call on Chancellor this morning, he read me draft of his proposed letter to "
                 "Bulganin stating that official relations should be resumed.",
                 heading="91. Telegram From the Embassy in Germany to the Department of State", date="Bonn, June 3, 1955")
    named(r, "Bulganin", PEOPLE + "bulganin")
    assert PEOPLE + "bulganin" not in _claim(r, "On occasion").claimants


def test_made_following_statements_in_telegraphese_gives_the_subjects_words():
    """frus1958-60v18 d258 ("Department spokesman today made following statement to press:") and the Zhukov telegram's
    "Zhukov then made following statements to me…": "made following points" was a cue, the other nouns were not."""
    r = document("Zhukov then made following statements to me in regard to situation in Hungary: Soviet forces would "
                 "be withdrawn from Budapest as soon as order was restored.",
                 heading="112. Telegram From the Embassy in the Soviet Union to the Department of State",
                 date="Moscow, October 30, 1956")
    named(r, "Zhukov", PEOPLE + "zhukov")
    assert _claim(r, "Zhukov then").claimants == (PEOPLE + "zhukov",)


def test_insofar_as_something_is_concerned_names_a_topic_not_whose_attitude_it_is():
    """frus1958-60v11 d274 (McClintock on General Chehab): "…insofar as his attitude toward our armed forces and
    CINCSPECOMME is concerned, it could not be more cooperative" was the command's, by the attitude "is concerned"."""
    r = document("Our general impression of Chehab was that of a man with much increased confidence. Certainly insofar "
                 "as his attitude toward our armed forces and CINCSPECOMME is concerned, it could not be more cooperative.",
                 heading="274. Telegram From the Embassy in Lebanon to the Department of State", date="Beirut, August 20, 1958")
    named(r, "Chehab", PEOPLE + "chehab")
    named(r, "CINCSPECOMME", iris.organization_iri("cincspecomme")).kind = "organization"
    assert iris.organization_iri("cincspecomme") not in _claim(r, "Certainly").claimants


_PUEBLO = "299. Telegram From the Embassy in Korea to the Department of State"


def test_a_country_named_after_a_verb_and_before_a_noun_is_no_inverted_speaker():
    """frus1964-68v29p1 d299 (the Panmunjom talks on the Pueblo): "Pak opened with long prepared statement which, in
    terminology typical of previous NK presentations, reiterated US position…" was the United States' words, read as
    the inversion "…, said Secretary Wilson"."""
    r = document("Meeting began as scheduled at 1100 hrs. Pak opened with long prepared statement which, in terminology "
                 "typical of previous NK presentations, reiterated US position on the intrusion of the ship.",
                 heading=_PUEBLO, date="Seoul, May 8, 1968")
    named(r, "US", iris.country_iri("united-states"), nth=0).kind = "country"     # "Pak" untagged, as in the volume
    assert iris.country_iri("united-states") not in _claim(r, "Pak opened").claimants


def test_a_verb_in_as_someone_had_asked_is_not_the_sentences_cue():
    """frus1964-68v29p1 d299: "He specifically refused to make any proposals … as Smith had asked at 11th meeting, and
    added that…" was Smith's, and so was every "He" of Pak's statement after it."""
    r = document("Pak again insisted that it falls within right of DPRK to deal with Pueblo. He specifically refused to "
                 "make any proposals as Smith had asked at 11th meeting, and added that his side was unable to accept them. "
                 "He continued that the future meetings would be meaningless.", heading=_PUEBLO, date="Seoul, May 8, 1968")
    named(r, "Pak", PEOPLE + "pak")
    named(r, "Smith", PEOPLE + "smith")
    assert {_claim(r, "He specifically").claimants, _claim(r, "He continued").claimants} == {(PEOPLE + "pak",)}


_IRAN_ARMS = "154. Telegram From the Department of State to the Embassy in Iran"


def test_a_verb_in_as_much_as_someone_wants_is_not_the_sentences_cue():
    """frus1964-68v22 d154 (Rusk and the Iranian envoy on arms from the Soviets): "We understand what we have offered
    may not be as much as Shah wants…" was the Shah's, by "wants"."""
    r = document("Secretary said we have given strong support to Iran. We understand what we have offered may not be as "
                 "much as Shah wants, but it very large in light US fighting war.", heading=_IRAN_ARMS,
                 date="Washington, July 12, 1966")
    named(r, "Shah", PEOPLE + "shah")
    assert PEOPLE + "shah" not in _claim(r, "We understand").claimants


def test_what_someone_has_said_before_told_in_a_speakers_clause_does_not_make_him_go_on():
    """frus1964-68v22 d154: "Secretary said … Soviet attitude to Iran well known, and Aram himself has in past
    commented on his concern…. It not surprising Soviets might want sell arms cheaply…": the Secretary goes on."""
    r = document("Secretary said it difficult understand what Iranian arms purchases from Soviets will mean for Iran or "
                 "for U.S.S.R. Soviet attitude well known, and Aram himself has in past commented on his concern about “friendly Soviet "
                 "subversion.” It not "
                 "surprising Soviets might want sell arms cheaply.", heading=_IRAN_ARMS, date="Washington, July 12, 1966")
    named(r, "Secretary", PEOPLE + "rusk")
    named(r, "Aram", PEOPLE + "aram")
    assert _claim(r, "It not surprising").claimants == (PEOPLE + "rusk",)


_ATHENS = "254. Telegram From the Embassy in Greece to the Department of State"


def test_an_abbreviated_title_before_a_name_ties_the_title_to_that_person():
    """frus1964-68v16 d254 (Talbot on the Crown Council): "Feb 9 I had long meeting with former PriMin Stephanopoulos….
    In any event, former PriMin continued, so far as he concerned Turks had protested…" was the writer's: "PriMin" was
    no title, nor tied to Stephanopoulos."""
    r = document("Feb 9 I had long meeting with former PriMin Stephanopoulos. I expressed strong doubt.\n\n"
                 "In any event, former PriMin continued, Turks had protested very strongly.", heading=_ATHENS,
                 date="Athens, February 10, 1967")
    named(r, "Stephanopoulos", PEOPLE + "stephanopoulos")
    assert _claim(r, "In any event").claimants == (PEOPLE + "stephanopoulos",)


def test_took_position_that_in_telegraphese_is_the_subjects_view():
    r = document("Under these circumstances Makarios took position that situation should be allowed remain as is.",
                 heading=_ATHENS, date="Athens, February 10, 1967")
    named(r, "Makarios", PEOPLE + "makarios")
    assert _claim(r, "Under these").claimants == (PEOPLE + "makarios",)


_FOREIGN_MINISTERS = "249. Memorandum of Conversation"


def test_he_understood_that_is_his_view_not_the_writers_clause():
    """frus1958-60v08 d249 (the Western Foreign Ministers, Washington, 1959): "He understood that the Germans considered
    that the latter paragraphs could be discussed." was the drafter's: a view nested in a main clause with no cue."""
    r = document("Mr. Selwyn Lloyd said he understood that Herr von Brentano had objected to paragraphs 16 through 20. "
                 "He understood that the Germans considered that the latter paragraphs could be discussed.",
                 heading=_FOREIGN_MINISTERS, date="Washington, April 1, 1959")
    named(r, "Selwyn Lloyd", PEOPLE + "lloyd")
    named(r, "von Brentano", PEOPLE + "brentano")
    assert _claim(r, "He understood").claimants == (PEOPLE + "lloyd",)


def test_supporting_anothers_remarks_is_the_supporters_position():
    r = document("Governor Herter emphasized the importance of keeping publicity to a minimum. Mr. Selwyn Lloyd warmly "
                 "supported Governor Herter’s remarks about publicity.", heading=_FOREIGN_MINISTERS,
                 date="Washington, April 1, 1959")
    named(r, "Herter", PEOPLE + "herter")
    named(r, "Selwyn Lloyd", PEOPLE + "lloyd")
    assert _claim(r, "Mr. Selwyn Lloyd").claimants == (PEOPLE + "lloyd",)


def test_the_chiefs_post_in_a_heading_of_the_1940s_speaks_for_the_writer():
    """frus1948v05p1 d331 ("The Chargé in India (Donovan) to the Secretary of State"): "Embassy sees no reason why…"
    went on with the Government of India's report: the post was known only from headings "From the Embassy in…"."""
    r = document("Nehru and other GOI leaders have publicly stated their intention allowing Kashmiris determine their "
                 "future by plebiscite. GOI, however, is still determined not to jettison Abdullah. Embassy sees no "
                 "reason why adequate safeguards could not be established.",
                 heading="331. The Chargé in India (Donovan) to the Secretary of State", date="New Delhi, October 5, 1948")
    named(r, "Nehru", PEOPLE + "nehru")
    claim = _claim(r, "Embassy sees")
    assert PEOPLE + "nehru" not in claim.claimants and "the document's authors" in claim.explanation, claim.explanation


def test_another_post_named_by_its_city_is_not_the_writing_post():
    r = document("Chou said he would consider it. Embassy Peiping was asked whether time had not now arrived for a "
                 "statement.", heading="46. Telegram From the Embassy in the United Kingdom to the Department of State",
                 date="London, January 20, 1951")
    named(r, "Chou", PEOPLE + "chou")
    assert _claim(r, "Embassy Peiping").claimants == (PEOPLE + "chou",)      # the report runs on, as the gold reads it


def test_the_federal_government_in_a_document_about_bonn_is_west_germany():
    """frus1958-60v08 d42 (Grewe on Khrushchev's Berlin speech): "The Federal Government believes, therefore, that the
    situation has to be taken seriously…" named no one, and four such sentences were the drafter's."""
    r = document("Ambassador Grewe said he had been instructed to convey the views of West Germany. The Federal "
                 "Government believes, therefore, that the situation has to be taken seriously.",
                 heading="42. Memorandum of Conversation", date="Washington, November 13, 1958")
    named(r, "Grewe", PEOPLE + "grewe")
    named(r, "West Germany", iris.country_iri("west-germany"), label="West Germany").kind = "country"
    claim = _claim(r, "The Federal")
    assert claim.claimants == (PEOPLE + "grewe",) and "West Germany holds the view" in claim.explanation


def test_the_federal_government_of_a_document_naming_no_federal_country_stays_unread():
    r = document("The Federal Government should continue to make a determined effort to reduce overhead.",
                 heading="42. Memorandum From the Director of the Budget (Dodge) to the National Security Council",
                 date="Washington, November 13, 1953")
    assert "West Germany" not in _claim(r, "The Federal").explanation


def test_a_view_nested_in_the_departments_instruction_to_its_mission_is_the_departments():
    """frus1958-60v02 d88 (Herter to the Mission at the United Nations): "Mission should inform UK Del that above is line
    US proposes take…" was the United States' by "proposes"; the instruction is the signer's own clause."""
    r = document("Mission should inform UK Del that above is line US proposes take in connection with forthcoming "
                 "meeting of Committee on Arrangements.",
                 heading="88. Telegram From the Department of State to the Mission at the United Nations",
                 date="Washington, September 2, 1958")
    named(r, "US", iris.country_iri("united-states")).kind = "country"
    assert "nested in the writer's own clause" in _claim(r, "Mission should").explanation


def test_items_ending_on_a_colon_do_not_lead_a_new_list_and_the_next_numbered_paragraph_is_the_writers():
    """frus1969-76ve04 d187 (Heck on the issues the Shah may raise with the President): each lettered item ended on a
    colon and was read as a new lead-in, so the list never ended and every paragraph after it, "8. Narcotics. We do not
    anticipate Shah will raise subject of narcotics.", was the Shah's."""
    body = "\n\n".join([
        "3. Shah hopes cooperation will continue. Specifically he will look to US to continue to:",
        "(A) Make available and sell modern military equipment and weapons Iran needs:",
        "(B) Make credit available for purchase of US equipment to maximum extent possible:",
        "(C) Continue to train Iran's pilots for next several years.",
        "4. Narcotics. We do not anticipate Shah will raise subject of narcotics.",
        "Heck"])
    r = document(body, heading="187. Telegram 2642 From the Embassy in Iran to the Department of State",
                 date="Tehran, May 6, 1972, 1415Z.")
    named(r, "Shah", PEOPLE + "shah")
    named(r, "Heck", PEOPLE + "heck")
    assert _claim(r, "Make credit").claimants == (PEOPLE + "shah",)
    assert _claim(r, "We do not anticipate").claimants == (PEOPLE + "heck",)


def test_a_post_named_by_its_city_in_the_departments_instruction_speaks_for_the_signer():
    """frus1955-57v14 d68 (Dulles to Cairo, repeated to Jerusalem and Tel Aviv): "Jerusalem should inform Burns urgently
    of foregoing and say US Government considers situation explosive." was the United States' by "considers"."""
    r = document("Eban said Israel was willing to meet secretly. Jerusalem should inform Burns urgently of foregoing and "
                 "say US Government considers situation explosive.",
                 heading="68. Telegram From the Department of State to the Embassy in Egypt", date="Washington, April 6, 1955")
    named(r, "Eban", PEOPLE + "eban")
    named(r, "Burns", PEOPLE + "burns")
    named(r, "US", iris.country_iri("united-states")).kind = "country"
    assert "nested in the writer's own clause" in _claim(r, "Jerusalem should").explanation


def test_the_president_in_an_embassys_telegram_is_the_host_president_its_persons_list_names():
    """frus1958-60v05 d267 (Briggs's farewell call in Rio): "President said he was frankly bewildered…" was Eisenhower's,
    whom the telegram names later as "President Eisenhower"; the volume's persons list makes Kubitschek President of
    Brazil."""
    from ingest.records import ListEntry
    r = document("President, Foreign Minister and members Kubitschek’s civil cabinet each brought up question of Mrs. "
                 "Luce. President said he was frankly bewildered. I said President Eisenhower would be informed.",
                 heading="267. Telegram From the Embassy in Brazil to the Department of State",
                 date="Rio de Janeiro, April 29, 1959—5 p.m.")
    r.volume.persons.append(ListEntry("p_KODJ1", "person", "Kubitschek de Oliveira, Juscelino",
                                      "President of Brazil", entity=PEOPLE + "kubitschek"))
    named(r, "Kubitschek", PEOPLE + "kubitschek")
    named(r, "Eisenhower", PEOPLE + "eisenhower")
    assert _claim(r, "President said").claimants == (PEOPLE + "kubitschek",)


def test_a_deputy_in_the_persons_list_is_not_the_host_holder_of_the_title():
    """frus1964-68v18 d37: "Eban, Abba, Deputy Prime Minister of Israel, 1964–January 1966" is not the Prime Minister
    the Embassy in Israel reports ("PriMin expressed doubt…"); "Prime Minister and Defense Minister of Israel" is."""
    from ingest.records import ListEntry
    r = document("Eban and Eshkol received me. PriMin expressed doubt that US would necessarily intervene.",
                 heading="37. Telegram From the Embassy in Israel to the Department of State", date="Tel Aviv, April 3, 1964")
    r.volume.persons += [ListEntry("p_EA3", "person", "Eban, Abba", "Deputy Prime Minister of Israel, 1964–January 1966; "
                                   "thereafter Foreign Minister", entity=PEOPLE + "eban"),
                         ListEntry("p_EL2", "person", "Eshkol, Levi", "Prime Minister and Defense Minister of Israel from "
                                   "December 1963", entity=PEOPLE + "eshkol")]
    named(r, "Eban", PEOPLE + "eban")
    named(r, "Eshkol", PEOPLE + "eshkol")
    assert _claim(r, "PriMin expressed").claimants == (PEOPLE + "eshkol",)


_VIENNA = "86. Memorandum of Conversation"


def test_resumed_gives_the_speaker_back_the_floor():
    r = document("The Secretary interjected that the troika had appeared in twelve different places now. Mr. Gromyko "
                 "resumed, saying troika was a good word and a good idea. The Soviets felt that this proposal was no more "
                 "than adequate.", heading=_VIENNA, date="Vienna, June 3, 1961")
    named(r, "Secretary", PEOPLE + "rusk")
    named(r, "Gromyko", PEOPLE + "gromyko")
    assert _claim(r, "Mr. Gromyko resumed").claimants == (PEOPLE + "gromyko",)


def test_a_participle_after_nothing_is_no_one_speaking():
    """frus1961-63v05 d86: "Nothing said about the Security Council … would convince them…" was a speaker not identified,
    so the writer's, in the middle of Gromyko's account."""
    r = document("Gromyko said they did not want arbitration. Nothing said about the Security Council would convince "
                 "them that any arrangement would produce impartial voting.", heading=_VIENNA, date="Vienna, June 3, 1961")
    named(r, "Gromyko", PEOPLE + "gromyko")
    assert _claim(r, "Nothing said").claimants == (PEOPLE + "gromyko",)


def test_a_view_in_a_that_clause_inside_anothers_running_account_is_his():
    """frus1961-63v05 d86: "In fact, he said, the Soviet Union could not maintain its policies of military secrecy and also
    achieve disarmament. These two policies—and he was willing to grant that the Soviet Union really wanted
    disarmament—were incompatible." The second was the drafter's: a view in a "that" clause was read as nested in the
    writer's own clause even while the Secretary's account ran on."""
    r = document("The Secretary said the Soviet Union could not maintain its policies of military secrecy and also achieve "
                 "disarmament. These two policies—and he was willing to grant that the Soviet Union really wanted "
                 "disarmament—were incompatible.", heading=_VIENNA, date="Vienna, June 3, 1961")
    named(r, "Secretary", PEOPLE + "rusk")
    named(r, "Soviet Union", iris.country_iri("soviet-union"), nth=1).kind = "country"
    assert _claim(r, "These two policies").claimants == (PEOPLE + "rusk",)


def test_going_on_to_characterize_is_the_speakers_view():
    r = document("The meeting lasted one hour.\n\nHaving said all this, however, the Chancellor went on to characterize De Gaulle's views and policies as "
                 "rigid.", heading="12. Memorandum of Conversation", date="Washington, June 12, 1964")
    named(r, "Chancellor", PEOPLE + "erhard")
    assert _claim(r, "Having said").claimants == (PEOPLE + "erhard",)


_BURUNDI = "228. Memorandum From Fernando E. Rondon of the National Security Council Staff to the President's Assistant for " \
           "National Security Affairs (Kissinger)"


def test_a_sentence_about_the_document_itself_is_the_writers():
    """frus1969-76ve05p1 d228: "…the President agreed that relations with Burundi should be minimal…. The purpose of
    this memorandum is to get those instructions conveyed to State…" went on with the President's decision."""
    r = document("The President agreed that relations with Burundi should be minimal. The purpose of this memorandum is to "
                 "get those instructions conveyed to State.", heading=_BURUNDI, date="Washington, July 25, 1972")
    named(r, "President", PEOPLE + "nixon")
    assert PEOPLE + "nixon" not in _claim(r, "The purpose").claimants


def test_a_verb_in_a_condition_with_a_longer_subject_is_not_the_sentences_cue():
    """frus1969-76ve05p1 d228: "If the PRC or USSR wanted to stir up trouble in Eastern Zaire, Burundi would be the ideal
    basing point…" was the Soviet Union's, by "wanted" (a condition's subject of four words)."""
    r = document("If the PRC or USSR wanted to stir up trouble in Eastern Zaire, Burundi would be the ideal basing point.",
                 heading=_BURUNDI, date="Washington, July 25, 1972")
    named(r, "USSR", iris.country_iri("soviet-union")).kind = "country"
    assert iris.country_iri("soviet-union") not in _claim(r, "If the PRC").claimants


def test_a_letter_quoted_whole_after_text_follows_is_its_senders():
    """frus1969-76v20 d327: "General Westmoreland is carrying letter from President Nixon to President Suharto. Text
    follows. / “General Westmoreland's visit with you…" — twelve paragraphs in one pair of marks after a lead-in ending on
    a full stop were no quotation, and every "I" of Nixon's letter was Rogers's, who signed the telegram."""
    letter = [f"In paragraph {n} I set forth my views on the importance of your country's security." for n in range(10)]
    body = "\n\n".join(["General Westmoreland is carrying letter from President Nixon to President Suharto. Text follows.",
                        "“" + letter[0], *letter[1:], "Sincerely,\n\n(signed) Richard Nixon.”", "Rogers"])
    r = document(body, heading="327. Telegram From the Department of State to the Embassy in Indonesia",
                 date="Washington, March 10, 1972")
    named(r, "Nixon", PEOPLE + "nixon")
    named(r, "Rogers", PEOPLE + "rogers")
    quoted = {c.claimants for c in claims_of(r) if "I set forth" in r.text[c.start:c.end]}
    assert quoted == {(PEOPLE + "nixon",)}


_AQABA = "159. Memorandum of a Conversation, Department of State, Washington, February 26, 1957, 1:42 p.m."


def test_an_inverted_aside_names_the_speaker_not_the_subject_before_it():
    """frus1955-57v17 d159: "The Secretary General, said Eban, had made clear that he could not limit Egypt's rights…"
    was Hammarskjöld's, the sentence's subject, over the aside that names who says it."""
    r = document("Ambassador Eban reported on his meeting with the Secretary General. The Secretary General, said Eban, had "
                 "made clear that he could not limit Egypt's rights.", heading=_AQABA, date="Washington, February 26, 1957")
    named(r, "Eban", PEOPLE + "eban")
    named(r, "Eban", PEOPLE + "eban", nth=1)
    named(r, "Secretary General", PEOPLE + "hammarskjold", nth=1)
    assert _claim(r, "The Secretary General,").claimants == (PEOPLE + "eban",)


def test_intervening_to_point_out_is_the_speakers_words():
    r = document("Ambassador Eban reported briefly on his meeting.\n\nThe Secretary intervened to point out that a matter that "
                 "was giving us very great concern was Israel's attitude towards the Armistice Agreement.", heading=_AQABA,
                 date="Washington, February 26, 1957")
    named(r, "Eban", PEOPLE + "eban")
    named(r, "Secretary", PEOPLE + "dulles")
    assert _claim(r, "The Secretary intervened").claimants == (PEOPLE + "dulles",)


def test_the_secretary_and_the_president_of_a_meeting_in_washington_are_the_us_holders():
    """frus1958-60v09 d97 ("[Here follows the same list of participants as Document 96.]"): "The Secretary said…" and
    "The President thought…" were people local to the document, since nothing in it tied the titles to anyone."""
    r = document("Von Brentano raised the question of an inspection zone in West Germany, France, the United Kingdom and "
                 "Canada. The Secretary said that "
                 "it was not the intention to table such a proposal. The President thought that such a proposal might be a "
                 "test of Soviet good faith.", heading="97. Memorandum of Conversation", date="Washington, March 17, 1960.")
    named(r, "Von Brentano", PEOPLE + "brentano")
    for country, key in (("West Germany", "west-germany-1990"), ("France", "france"), ("United Kingdom", "united-kingdom"),
                         ("Canada", "canada")):       # the document's other governments, with offices of those names
        named(r, country, iris.country_iri(key)).kind = "country"
    from ingest.records import ListEntry
    r.volume.persons += [ListEntry("p_DGC1", "person", "de Gaulle, Charles", "President of France from January 1959",
                                   entity=PEOPLE + "de-gaulle"),
                         ListEntry("p_LSS1", "person", "Lloyd, Selwyn", "British Foreign Secretary", entity=PEOPLE + "lloyd")]
    assert _claim(r, "The Secretary said").claimants == (iris.person_iri("105858"),)      # Christian A. Herter
    assert _claim(r, "The President thought").claimants == (iris.person_iri("103887"),)   # Dwight D. Eisenhower


def test_returning_to_his_theme_hands_the_account_to_the_speaker_of_the_last_clause():
    """frus1969-76v20 d111 (Ambassador Kennedy in Bangkok): "Ambassador Kennedy briefly commented on … diversification…,
    but Thanom, speaking through Pote, returned to his theme. Diversification required both time and markets. …" went on
    as Kennedy's; so did "DepFonMin Sanga immediately returned to the theme of rice, saying that…"."""
    r = document("Ambassador Kennedy briefly commented on the importance of agricultural diversification, but Thanom, "
                 "speaking through Pote, returned to his theme. Diversification required both time and markets.\n\n"
                 "Ambassador Kennedy said the United States was anxious to be helpful. DepFonMin Sanga immediately returned "
                 "to the theme of rice, saying that the biggest single problem was Indonesia.",
                 heading="111. Telegram From the Embassy in Thailand to the Department of State",
                 date="Bangkok, July 15, 1970")
    for name, slug in (("Kennedy", "kennedy"), ("Thanom", "thanom"), ("Kennedy", "kennedy")):
        named(r, name, PEOPLE + slug, nth=1 if name == "Kennedy" and any(
            m.start > r.body_start and r.text[m.start:m.end] == "Kennedy" for m in r.mentions) else 0)
    assert _claim(r, "Diversification required").claimants == (PEOPLE + "thanom",)
    assert PEOPLE + "kennedy" not in _claim(r, "DepFonMin Sanga").claimants
