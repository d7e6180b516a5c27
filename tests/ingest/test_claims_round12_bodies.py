"""Claims, round 12, person against body (issue 16): who signs a post's telegram, who sent it when the routing words
stand in a sentence of their own, who wrote a letter a telegram hands over, and a pronoun the entity layer took for a
word of a name. Each test pins the rule on the real passage of a readable gold document it failed on (rounds 1-10 and
round 11's write half)."""
from __future__ import annotations

from ingest.claims import claims_of
from ingest.claims.bodies import with_bodies
from ingest.claims.cues import load_cues
from ingest.entities import extract_entities
from ingest.text_reader import parse_text_document
from tests.ingest.test_claims_round7 import claim

PEOPLE = "https://w3id.org/frus-kg/id/people/"
ORGS = "https://w3id.org/frus-kg/id/organizations/"
US = "https://w3id.org/frus-kg/id/countries/united-states"
HOOVER = PEOPLE + "106100"         # Herbert Charles Hoover, Jr.
BOWLES = PEOPLE + "101633"         # Chester Bliss Bowles
NIXON = PEOPLE + "109882"        # Richard M. Nixon


def _labels(c) -> list[str]:
    return [a.label for a in c.agents] if c.agents else list(c.claimants)


def test_a_surname_signing_a_post_s_telegram_is_the_ambassador_not_the_post_1956_emmerson_in_beirut():
    # "Telegram From the Embassy in Lebanon to the Department of State", closed by the line "Emmerson", a name no
    # mention covers and no source note prints: the signer's own "I replied…" went to "Embassy in Lebanon".
    key = "frus1955-57v15/d134"
    for text in ("I replied it impossible state in advance", "Spoke to my British and French colleagues",
                 "Conveyed substance Department telegram 1392"):
        c = claim(key, text)
        assert _labels(c) == ["John K. Emmerson"], text      # session 54: the authority person (authority_names.py)
        assert not any(i.startswith(ORGS) or "/organizations/" in i for i in c.claimants)


def test_routing_words_in_sentences_of_their_own_name_the_sender_1955_from_conant_in_berlin():
    # "31. For Secretary Dulles. From Conant in Berlin. Yesterday in Bonn I discussed with Brentano…", from the Mission
    # in Berlin, signed Gufler: the "I" is Conant's (was the Mission's).
    key = "frus1955-57v26/d221"
    for text in ("Yesterday in Bonn I discussed with Brentano", "I venture to recommend that in this answer"):
        assert _labels(claim(key, text)) == ["James Bryant Conant"], text      # session 54: authority_names.py


def test_a_letter_a_telegram_hands_over_is_its_signer_s_not_the_united_states_1971_richard_nixon_unquote():
    # "1. Please pass the following message from the President to President Kaunda. / 2. Quote: Dear Mr. President:
    # Thank you for your letter of November 16. … Sincerely, / Richard Nixon Unquote / Rogers"
    key = "frus1969-76v28/d43"
    for text in ("Thank you for your letter of November 16.", "I look forward to a continuing close and friendly"):
        c = claim(key, text)
        assert c.claim_type == "quotation"
        assert c.claimants == (NIXON,), text
    assert _labels(claim(key, "Please pass the following message from the President")) == ["William Pierce Rogers"]


def test_you_is_the_addressee_not_a_person_whose_name_has_the_word_1956_yang_you_chan():
    # The entity layer tags "You" of "You authorized see Rhee…" as the Korean Ambassador Yang You Chan: the instruction
    # is the signer's (Dulles), and "You" is no one the claim is about.
    key = "frus1955-57v23p2/d121"
    yang = PEOPLE + "114872"
    c = claim(key, "You authorized see Rhee")
    assert yang not in c.claimants and "Dulles" in " ".join(_labels(c))
    assert yang not in c.about
    assert yang not in claim(key, "In view firm position Swiss and Swedes").claimants


# ------------------------------------------------------------------ the government's position and the signer's "we"

def test_we_after_a_position_held_in_the_name_of_the_united_states_is_the_signer_s_1955_hoover():
    # "1. US believes recent developments give evidence…. US does not question right of Soviet bloc to sell…. We do
    # point out arms sales are never purely commercial transactions…" (Department to Beirut, signed Hoover): the
    # position is the United States', the Department's own "we" the signer's (was the United States', run on).
    key = "frus1955-57v14/d378"
    assert claim(key, "US does not question right of Soviet bloc").claimants == (US,)
    assert claim(key, "We do point out arms sales").claimants == (HOOVER,)
    assert claim(key, "We also point out communism").claimants == (HOOVER,)


def test_a_position_stated_in_telegraphese_without_a_copula_is_the_united_states_1971_usg_encouraged_1968_concerned():
    assert claim("frus1969-76ve05p1/d245", "USG encouraged by evidence").claimants == (US,)
    assert claim("frus1969-76ve05p1/d245", "USG therefore particularly desires").claimants == (US,)
    assert claim("frus1969-76ve05p1/d245", "We continue believe moderate African states").claimants != (US,)
    assert claim("frus1964-68v20/d56", "USG deeply concerned").claimants == (US,)


# ------------------------------------------------------------------ "This Department", "the Bureau"

MEMO_1953 = ("190. The Acting Special Assistant to the Secretary of State for Mutual Security Affairs (Nolting) to the "
             "Director of the Bureau of the Budget (Dodge)")


def _document(body: str, heading: str, date: str):
    raw = (f"FOREIGN RELATIONS OF THE UNITED STATES, 1952–1954, VOLUME I, PART 1\n\n{heading}\n\n{date}\n\n[Page 2]\n\n"
           f"{body}\n")
    record = parse_text_document(raw, source="<test>")
    extract_entities(record)
    return record, claims_of(record)


def _starting(found, record, prefix: str):
    return next(c for c in found if record.text[c.start:c.end].startswith(prefix))


def test_this_department_is_the_department_like_the_department_1953_nolting():
    # frus1952-54v01p1/d190: "The Department concurs in the revised FOA planning…" was the Department's, "This
    # Department recommends $40 million…" the writer's.
    record, found = _document(
        "Near East and Africa\n\nTechnical Assistance\n\nThis Department recommends $40 million for technical assistance "
        "for the Arab States, Iran, and Israel, and the independent states and D.O.T.’s in Africa. This amount would provide "
        "for continuation of going programs at present levels in most of the States.", MEMO_1953, "Washington, December 6, 1953.")
    assert _starting(found, record, "This Department recommends").claimants == (ORGS + "department-of-state",)


def test_the_bureau_is_the_one_bureau_the_document_names_in_full_not_another_s_1958_and_1975():
    # frus1958-60v10p2: "…this would inevitably involve the Bureau of the Budget. In their view this would mean that the
    # Bureau would press for this action…"
    record, _ = _document(
        "However, both felt it better from their point of view not to raise the question of declaring IRBM’s surplus with "
        "the President at this time as this would inevitably involve the Bureau of the Budget. In their view this would "
        "mean that the Bureau would press for this action irrespective of what appropriations might be available.",
        "118. Memorandum for the Record", "Washington, May 5, 1959.")
    at = record.text.index("Bureau would press")
    read = [m for m in with_bodies(record, list(record.mentions), load_cues()) if m.start == at]
    assert [m.entity for m in read] == [ORGS + "omb"]
    # frus1969-76ve14p1/d73, an INR note: "…the Coordinating Bureau supported in principle the ideas expressed… The
    # Bureau believes the time is ripe…": the non-aligned countries' bureau, not INR.
    record, found = _document(
        "Instead, it was decided to forward the resolution informally and to note in the Declaration that the Coordinating "
        "Bureau supported in principle the ideas expressed in the draft.\n\nThe Bureau further recommended that the agenda "
        "for the Lima meeting include an item on the Palestine question.",
        "73. Bureau of Intelligence and Research Intelligence Note IN–111", "Washington, June 3, 1975.")
    assert ORGS + "inr" not in _starting(found, record, "The Bureau further recommended").claimants


# ------------------------------------------------------------------ a body's telegram or views named, not speaking

def test_a_telegram_cited_by_its_number_as_subject_is_its_post_s_1975_usun_1815():
    # "3. USUN 1815 SUPPORTED OUR RECOMMENDATION THAT OUR DELEGATION BE HEADED BY A WOMAN." (Jova's telegram from
    # Mexico, in capitals): the Mission to the UN's; the next sentence is the signer's again.
    key = "frus1969-76ve14p1/d180"
    assert claim(key, "USUN 1815 SUPPORTED OUR RECOMMENDATION").claimants == (ORGS + "us-mission-un",)
    assert claim(key, "WHILE THE FOREIGN MINISTRY STILL DOES NOT HAVE").claimants == (PEOPLE + "106766",)   # Jova


def test_views_asked_for_or_summarised_are_a_noun_not_the_body_speaking_1961_fonoff_views_re_1971_us_views_on():
    # "You are requested ascertain FonOff views re desirability such approaches which could take following form:"
    # (Department to London, signed Bowles): the instruction and the numbered approaches are Bowles's, not the FonOff's.
    key = "frus1961-63v21/d192"
    assert claim(key, "You are requested ascertain FonOff views").claimants == (BOWLES,)
    assert claim(key, "We do not wish our interest in this subject").claimants == (BOWLES,)
    # "1. There follows, FYI only, a brief summary of U.S. views on limited exchange rate flexibility…" then
    # "Addressee posts should not take initiative…": the signer's instruction (was the United States', run on).
    assert claim("frus1969-76v03/d163", "Addressee posts should not take initiative").claimants == (PEOPLE + "111530",)   # Rogers


def test_a_text_the_host_government_hands_the_embassy_is_that_government_s_1955_japan_begin_verbatim_text():
    # "Foreign Minister yesterday afternoon gave me following which is text of statement made to Government of China:
    # / Begin verbatim text: / You are well aware that the admission of Japan… / End verbatim text." (Embassy in Japan,
    # signed Allison): a quotation by Japan, the opener on a line of its own (was Allison's assessments).
    key = "frus1955-57v11/d193"
    japan = "https://w3id.org/frus-kg/id/countries/japan"
    for text in ("You are well aware that the admission of Japan", "The Government of Japan earnestly desires"):
        c = claim(key, text)
        assert (c.claim_type, c.claimants) == ("quotation", (japan,)), text
    assert claim(key, "Foreign Minister yesterday afternoon gave me following").claimants != (japan,)


# ------------------------------------------------------------------ transcript initials

def test_a_before_a_verb_of_saying_in_a_call_record_is_an_initial_not_the_article_1956_adams():
    # Dulles's telephone notes with Dillon Anderson: "A. said there is a paper that goes into various contingencies…",
    # "A. mentioned two Middle Eastern problems." ("A" was read as the article: no subject, and the sentences were lost).
    key = "frus1955-57v10/d222"
    for text in ("A. said there is a paper that goes into various contingencies", "A. mentioned two Middle Eastern problems."):
        c = claim(key, text)
        assert c is not None and c.claimants == (PEOPLE + "100420",), text      # Dillon Anderson


def test_an_initial_after_and_right_before_the_verb_is_the_speaker_not_the_sentence_s_first_subject_1958_caccia():
    # "The Sec returned the call and C said he got a message saying the Sec thought it unwise…" (Bernau's notes of a
    # Dulles–Caccia call): C's words (the annotation's round-4 decision), not the Secretary's.
    c = claim("frus1958-60v11/d34", "The Sec returned the call and C said")
    assert c.claimants == (PEOPLE + "102065",)          # Harold Anthony Caccia
