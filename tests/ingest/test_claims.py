"""Claim extraction rules, on small documents in the history.state.gov text format.

The mentions in these documents are placed by hand (`named`), standing in for the entity layer so
that each rule is tested on its own; tests/ingest/test_claims_sample.py runs the real entity layer.
"""
from __future__ import annotations

import pytest

from ingest.claims import claims_of
from ingest.claims.cues import CUES_PATH, load_cues
from ingest.errors import SourceError
from ingest.records import Mention, Party
from ingest.text_reader import parse_text_document
from ingest.triples import document_quads, party_person_iri
from ontology.validation import validate

PEOPLE = "https://w3id.org/frus-kg/id/people/"
COUNTRY = "https://w3id.org/frus-kg/id/countries/"
MEMO = "1. Memorandum From the Secretary of State (Rusk) and the Under Secretary of State (Ball) to President Johnson"
TELEGRAM = "2. Telegram From the Department of State to the Embassy in Greece"


def document(body: str, heading: str = MEMO, date: str = "Washington, May 2, 1965") -> object:
    raw = (f"FOREIGN RELATIONS OF THE UNITED STATES, 1964-1968, VOLUME XIV, SOVIET UNION\n\n{heading}\n\n"
           f"{date}\n\nSUBJECT\n\nTest\n\n[Page 2]\n\n{body}\n")
    return parse_text_document(raw, source="<test>")


def named(record, surface: str, kind: str, entity: str | None, nth: int = 0, office: str | None = None) -> Mention:
    """Place a mention of `surface` (its nth occurrence in the body), as the entity layer would."""
    at = record.body_start - 1
    for _ in range(nth + 1):
        at = record.text.index(surface, at + 1)
    m = Mention(start=at, end=at + len(surface), kind=kind, method="gazetteer", confidence=0.9, entity=entity,
                label=surface, office=office)
    record.mentions.append(m)
    return m


def claims(record):
    return [(record.text[c.start:c.end], c) for c in claims_of(record)]


def the(record, prefix: str):
    found = [c for text, c in claims(record) if text.startswith(prefix)]
    assert len(found) == 1, [t for t, _ in claims(record)]
    return found[0]


def authors(record):
    return tuple(party_person_iri(record, p) for p in record.authors)


# ------------------------------------------------------------------ types and the writer's voice

def test_the_writers_sentences_belong_to_both_authors_and_are_typed_by_their_cues():
    r = document("We recommend a two-track policy toward the Soviet Union. We must be honest about this. "
                 "The Soviets are a special case. You are instructed to inform Gromyko at once.")
    assert [c.claim_type for _, c in claims(r)] == ["recommendation", "recommendation", "assessment", "decision"]
    assert all(c.claimants == authors(r) and len(c.claimants) == 2 for _, c in claims(r))
    assert the(r, "We recommend").cue == "We recommend"


def test_the_president_decided_is_a_decision_by_the_president():
    r = document("After the meeting the President decided that the talks should continue in Geneva.")
    named(r, "President", "person", PEOPLE + "lbj")
    c = the(r, "After the meeting")
    assert c.claim_type == "decision" and c.claimants == (PEOPLE + "lbj",)


def test_second_person_imperatives_are_instructions_only_in_a_telegram_to_a_post():
    body = "You should seek an answer from the British before Friday.\n\nDulles"
    telegram = document(body, TELEGRAM)
    named(telegram, "Dulles", "person", PEOPLE + "dulles")       # the signature gives the telegram its voice
    c = the(telegram, "You should")
    assert c.claim_type == "decision" and c.claimants == (PEOPLE + "dulles",)
    assert the(document(body), "You should").claim_type == "recommendation"


def test_questions_headings_fragments_formulas_and_editorial_insertions_are_not_claims():
    r = document("Dealing With The Soviets\n\nWhy arm, and why fight, if the two superpowers are morally equal? "
                 "End FYI.\n\n[Here follows discussion of the President's trip to Panama.]\n\n"
                 "About the middle of August.\n\nPlease convey my respects to Prime Minister Karamanlis. Sincerely.\n\n"
                 "The Soviets are a special case.")
    assert [t for t, _ in claims(r)] == ["The Soviets are a special case."]


def test_list_items_take_the_type_of_their_lead_in():
    r = document("On the positive track we should take the offensive:\n\n"
                 "- Expounding our beliefs and opposing the USSR in the UN;\n"
                 "- Hitting hard at abuses of freedom and decency by communist nations;\n\n"
                 "Recommendations:\n\n1. That you send the attached memo to the President.\n\nDean Rusk")
    got = {t: c.claim_type for t, c in claims(r)}
    assert got == {"On the positive track we should take the offensive:": "recommendation",
                   "Expounding our beliefs and opposing the USSR in the UN;": "recommendation",
                   "Hitting hard at abuses of freedom and decency by communist nations;": "recommendation",
                   "That you send the attached memo to the President.": "recommendation"}


# ------------------------------------------------------------------ reports

def test_a_reported_speaker_is_the_claimant_and_not_what_the_claim_is_about():
    r = document("Gromyko said that the Soviet Union would not agree to inspection. He added that Moscow "
                 "wanted a summit. Khrushchev was in a difficult position.\n\nThe talks are likely to fail.")
    named(r, "Gromyko", "person", PEOPLE + "gromyko")
    named(r, "Soviet Union", "country", COUNTRY + "soviet-union")
    named(r, "Khrushchev", "person", PEOPLE + "khrushchev")
    said, added, cont, own = [c for _, c in claims(r)]
    assert (said.claim_type, said.claimants, said.about) == ("report", (PEOPLE + "gromyko",), (COUNTRY + "soviet-union",))
    assert (added.claim_type, added.claimants) == ("report", (PEOPLE + "gromyko",))       # "He" is Gromyko
    assert (cont.claim_type, cont.claimants) == ("report", (PEOPLE + "gromyko",))          # continues his report
    assert cont.about == (PEOPLE + "khrushchev",)
    assert (own.claim_type, own.claimants) == ("assessment", authors(r))                   # a new paragraph


def test_the_writer_reporting_their_own_words_is_a_report_by_the_writer():
    r = document("I told Dobrynin that we considered his reply. He said he hoped we would not surprise him.")
    named(r, "Dobrynin", "person", PEOPLE + "dobrynin")
    told, said = [c for _, c in claims(r)]
    assert (told.claim_type, told.claimants, told.about) == ("report", authors(r), (PEOPLE + "dobrynin",))
    assert said.claimants == (PEOPLE + "dobrynin",)


def test_relative_clauses_inversions_and_source_phrases_name_the_speaker():
    r = document("Rusk met with President De Gaulle, who stated that France would join later. "
                 "There was another aspect of the situation, said Secretary Wilson, that bothered him. "
                 "In Zorin's view there was more justification for protest.")
    named(r, "De Gaulle", "person", PEOPLE + "de-gaulle")
    named(r, "Rusk", "person", PEOPLE + "rusk")
    named(r, "Wilson", "person", PEOPLE + "wilson")
    named(r, "Zorin", "person", PEOPLE + "zorin")
    who = [c.claimants for _, c in claims(r)]
    assert who == [(PEOPLE + "de-gaulle",), (PEOPLE + "wilson",), (PEOPLE + "zorin",)]


def test_participles_passives_and_names_are_not_reporting_verbs():
    r = document("The Soviet draft of the proposed agreement would reduce some types of exchanges. "
                 "He was told that the United States would not object.")
    named(r, "Soviet", "country", COUNTRY + "soviet-union")
    named(r, "United States", "country", COUNTRY + "united-states")
    assert [c.claimants for _, c in claims(r)] == [authors(r), authors(r)]


def test_a_speaker_the_entity_layer_could_not_link_gets_a_document_local_iri_with_a_label():
    r = document("Varontsyn said the Israelis were trying to get the US and the Soviets embroiled.")
    named(r, "Varontsyn", "person", None)      # a name no authority record bears (session 54: authority_names.py)
    c = the(r, "Varontsyn said")
    local = f"https://w3id.org/frus-kg/id/historicaldocuments/{r.volume.id}/{r.doc_id}/persons/varontsyn"
    assert c.claimants == (local,) and c.agents[0].local and c.agents[0].label == "Varontsyn"
    r.claims[:] = [c]
    quads = document_quads(r)
    assert any(str(q.subject.value) == local and q.predicate.value.endswith("label") for q in quads)
    assert validate(quads).conforms


# ------------------------------------------------------------------ quotations

def test_a_quotation_followed_by_its_attribution_line_belongs_to_the_person_named_there():
    r = document("East-West Relations\n\n\u201cAmericans don't fight and die for a second car. They will fight for "
                 "ideas.\u201d\n\nRepresentative Millicent Fenwick\n\n\u201cHuman Rights\u201d gives us the best "
                 "opportunity to convey what is at issue.")
    named(r, "Millicent Fenwick", "person", PEOPLE + "fenwick", office="Representative")
    got = claims(r)
    assert [t for t, _ in got] == ["Americans don't fight and die for a second car. They will fight for ideas.",
                                   "\u201cHuman Rights\u201d gives us the best opportunity to convey what is at issue."]
    quote = got[0][1]
    assert quote.claim_type == "quotation" and quote.claimants == (PEOPLE + "fenwick",)
    assert quote.agents[0].office == "Representative"
    assert got[1][1].claimants == authors(r)                 # scare quotes are not a quotation


def test_a_quoted_passage_after_its_frame_is_one_claim_and_a_quoted_question_none():
    r = document("The following day Rusk met with President De Gaulle, who stated, according to a memorandum, "
                 "\u201cIf you see something worthwhile, we will join you. But you really are doing it on your own "
                 "account.\u201d De Gaulle continued, \u201cHow can we negotiate when Khrushchev insists on the results?\u201d")
    named(r, "Rusk", "person", PEOPLE + "rusk")
    named(r, "De Gaulle", "person", PEOPLE + "de-gaulle")
    named(r, "De Gaulle", "person", PEOPLE + "de-gaulle", nth=1)
    named(r, "Khrushchev", "person", PEOPLE + "khrushchev")
    got = claims(r)
    assert [t for t, _ in got] == ["If you see something worthwhile, we will join you. But you really are doing it "
                                   "on your own account."]
    assert got[0][1].claim_type == "quotation" and got[0][1].claimants == (PEOPLE + "de-gaulle",)


def test_a_quoted_message_of_several_paragraphs_is_attributed_by_its_lead_in():
    r = document("Deliver following personal message to Averoff from the Acting Secretary:\n\n"
                 "\u201cI would like to assure you that we are considering the Cyprus question urgently.\n\n"
                 "We will be in touch with you again soon to convey our further thoughts.\n\n"
                 "Please convey my respects to Prime Minister Karamanlis. Sincerely.\u201d", TELEGRAM)
    named(r, "Averoff", "person", PEOPLE + "averoff")
    named(r, "Acting Secretary", "person", PEOPLE + "hoover")
    named(r, "Cyprus", "country", COUNTRY + "cyprus")
    got = claims(r)
    quotes = [(t, c) for t, c in got if c.claim_type == "quotation"]
    assert [t for t, _ in quotes] == ["I would like to assure you that we are considering the Cyprus question urgently.",
                                      "We will be in touch with you again soon to convey our further thoughts."]
    assert all(c.claimants == (PEOPLE + "hoover",) for _, c in quotes)
    assert quotes[0][1].about == (COUNTRY + "cyprus",)


# ------------------------------------------------------------------ transcripts and editorial notes

def test_transcript_labels_name_the_speaker_also_by_the_initial_of_a_heading_title():
    r = document("K: I think they want a meeting as much as we do.\n\nP: We must be quite firm with them.",
                 "3. Transcript of Telephone Conversation Between President Nixon and his Assistant (Kissinger)",
                 "Washington, July 28, 1970, 4 p.m.")
    for role, name in (("author", "Nixon"), ("recipient", "Kissinger")):   # the reader reads "Between" as parties
        (party,) = [p for p in r.parties if p.name == name]
        assert party.role == role
        party.entity = PEOPLE + name.lower()                                # as the entity layer resolves them
    named(r, "K", "person", PEOPLE + "kissinger")
    k, p = [c for _, c in claims(r)]
    assert r.text[k.start:k.end].startswith("I think") and k.claimants == (PEOPLE + "kissinger",)
    assert p.claim_type == "recommendation" and p.claimants == (PEOPLE + "nixon",)


def test_an_address_label_or_salutation_is_not_a_speaker():
    r = document("London: You may inform the British that we have no plans to accede.\n\n"
                 "DEAR MR. HOOVER: I continue to be apprehensive about Cyprus.", TELEGRAM)
    named(r, "London", "place", "https://w3id.org/frus-kg/id/places/london")
    named(r, "HOOVER", "person", PEOPLE + "hoover")
    r.parties.append(Party(role="author", name="Dulles", entity=PEOPLE + "dulles"))
    got = claims(r)
    assert [t for t, _ in got] == ["You may inform the British that we have no plans to accede.",
                                   "I continue to be apprehensive about Cyprus."]     # salutation left out
    assert all(c.claimants == (PEOPLE + "dulles",) for _, c in got)


def test_editorial_notes_yield_only_what_the_people_they_report_said():
    r = document("In telegram Secto 22 from Paris, Secretary of State Rusk reported to the President on a meeting. "
                 "The following day the meeting ended early.", "111. Editorial Note", date="")
    assert r.is_editorial_note
    named(r, "Rusk", "person", PEOPLE + "rusk")
    got = claims(r)
    assert [(c.claim_type, c.claimants) for _, c in got] == [("report", (PEOPLE + "rusk",))]


# ------------------------------------------------------------------ the text itself

def test_claims_are_verbatim_substrings_of_the_body_only(sample_record):
    r = sample_record
    found = claims_of(r)
    assert len(found) > 40
    for c in found:
        text = r.text[c.start:c.end]
        assert text == text.strip() and r.body_start <= c.start < c.end <= r.body_end
    assert not any("Source: Department of State" in r.text[c.start:c.end] for c in found)


def test_cue_lists_are_data_and_a_broken_file_is_named(tmp_path):
    assert CUES_PATH.name == "cues.toml" and CUES_PATH.parent.name == "claims"
    assert load_cues().recommendation.search("We recommend a two-track policy")
    bad = tmp_path / "cues.toml"
    bad.write_text("[segmentation]\ntitles = [\n", encoding="utf-8")
    with pytest.raises(SourceError, match="cues.toml: malformed claim cues"):
        load_cues(bad)
    bad.write_text(CUES_PATH.read_text(encoding="utf-8").replace("[quotation]", "[quotes]"), encoding="utf-8")
    with pytest.raises(SourceError, match="lack the entry 'quotation'"):
        load_cues(bad)


def test_regression_states_in_the_two_german_states_is_not_a_reporting_verb():
    # Found on frus1964-68v14 d36: "…between the two German states, the situation…" was read as
    # "German states (that) …", a report by an unnamed speaker.
    r = document("As long as soldiers are eyeing one another across the boundary between the two German states, "
                 "the situation will remain tense. The United States remains silent.")
    named(r, "United States", "country", COUNTRY + "united-states")
    first, second = [c for _, c in claims(r)]
    assert first.claim_type == "assessment" and first.claimants == authors(r)
    assert (second.claim_type, second.claimants) == ("assessment", authors(r))   # "States" in the name is no verb


def test_regression_a_possessive_before_a_reporting_noun_is_not_a_speaker():
    # Found on frus1964-68v14 d247: "Putting Gromyko's remarks alongside…" made Gromyko the claimant.
    r = document("Putting Gromyko's remarks alongside of Dobrynin's remark, I would gather that the Russians are "
                 "formulating a position.")
    named(r, "Gromyko", "person", PEOPLE + "gromyko")
    named(r, "Dobrynin", "person", PEOPLE + "dobrynin")
    (c,) = [c for _, c in claims(r)]
    assert c.claimants == authors(r)
    assert {i for i in c.about if "/names/" not in i} == {PEOPLE + "gromyko", PEOPLE + "dobrynin"}
    assert [i.rsplit("/", 1)[-1] for i in c.about if "/names/" in i] == ["russians"]     # no layer links them here
