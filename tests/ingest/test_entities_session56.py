"""Entities, session 56: of listed namesakes, an untitled surname is not the one the persons list describes as a wife,
and a woman's title before it is that wife; "the Chancellor" of a telegram from the Ambassador in Germany is the one
the persons list describes as Chancellor of Germany, the date read from the part of the clause that prints the title
(issue 16; docs/entities.md, "Session 56")."""
from __future__ import annotations

import re

from ingest.entities.titles import _in_office
from ontology import iris

FERDINAND_MARCOS = iris.person_iri("108496")
IMELDA_MARCOS = iris.person_iri("108497")
NGO_DINH_NHU = iris.person_iri("109769")
MADAME_NHU = iris.person_iri("113694")
ADENAUER = iris.person_iri("100118")


def _people(record, printed: str) -> list:
    """The person mentions whose text is `printed`, in order."""
    return [m for m in record.mentions if m.kind == "person" and record.text[m.start:m.end] == printed]


def _preceded_by(record, m, word: str) -> bool:
    return re.search(rf"\b{word}\.?\s+$", record.text[max(0, m.start - 12):m.start]) is not None


def test_regression_marcos_was_left_between_the_president_and_the_first_lady(slice_document):
    """frus1969-76v20 d239: "a long talk with Marcos alone today, and later on with Mrs. Marcos" left each "Marcos"
    unlinked ("may be 2 people"), and 153 of them in the volume; "Mrs. Marcos" is Imelda."""
    r = slice_document("frus1969-76v20-marcos.xml", "d239")
    plain = [m for m in _people(r, "Marcos") if not _preceded_by(r, m, "Mrs")]
    titled = [m for m in r.mentions if m.kind == "person" and _preceded_by(r, m, "Mrs")
              and r.text[m.start:m.end].endswith("Marcos")]
    assert len(plain) >= 4 and {m.entity for m in plain} == {FERDINAND_MARCOS}
    assert "described as a wife" in plain[0].explanation
    assert len(titled) == 2 and {m.entity for m in titled} == {IMELDA_MARCOS}


def test_regression_nhu_alone_and_mme_nhu_were_both_left_unlinked(slice_document):
    """frus1961-63v02 d6, "…if Nhu were not on the scene?", and d118, "prior clearance of Mme Nhu's speeches": the
    volume lists Ngo Dinh Nhu and his wife, and both were left unlinked (235 tagged "Nhu" in frus1958-60v01)."""
    (nhu,) = _people(slice_document("frus1961-63v02-nhu.xml", "d6"), "Nhu")
    assert nhu.entity == NGO_DINH_NHU
    r = slice_document("frus1961-63v02-nhu.xml", "d118")
    madame = [m for m in r.mentions if m.kind == "person" and _preceded_by(r, m, "Mme")]
    assert madame and {m.entity for m in madame} == {MADAME_NHU}


def test_regression_the_chancellor_in_conants_telegram_from_bonn_was_no_one(slice_document):
    """frus1955-57v04 d197 (October 1956): "While the Chancellor said he was ready to yield…" was a title no source
    settled: the document names Germany only as "Germany" and "German", left unlinked in 1956, and Adenauer's
    description was read as ending in May 1955."""
    r = slice_document("frus1955-57v04-chancellor.xml", "d197")
    at = r.text.index("the Chancellor said") + len("the ")
    (m,) = [m for m in r.mentions if m.start <= at < m.end]
    assert m.entity == ADENAUER


def test_a_date_after_and_belongs_to_the_office_it_brings_in():
    desc = "Chancellor of the Federal Republic of Germany and, until May 1955, Minister of Foreign Affairs"
    assert _in_office(desc, "Chancellor", 1956)
    assert not _in_office(desc, "Minister of Foreign Affairs", 1956)
    assert _in_office(desc, "Minister of Foreign Affairs", 1954)


def test_regression_the_full_name_ngo_dinh_nhu_was_him_or_his_wife(slice_document):
    """frus1961-63v01 d1: "the President's brother, Ngo Dinh Nhu, and Madame Nhu": Madame Nhu's record bears the name
    "Ngo Dinh Nhu" too, and the full name was left unlinked ("may be 2 people")."""
    r = slice_document("frus1961-63v01-ngo-family.xml", "d1")
    full = _people(r, "Ngo Dinh Nhu")
    assert len(full) >= 2 and {m.entity for m in full} == {NGO_DINH_NHU}


def test_a_post_is_named_in_the_clause_of_the_title_and_not_as_another_state_or_a_party():
    """An intermediate version gave "PriMin said…" of the Embassy in Korea's telegram of November 1970
    (frus1969-76v19p1 d75) to no one, between Chung Il-kwon and Kim Il Sung, whose description names Korea only in
    "the Workers’ Party of Korea"."""
    from types import SimpleNamespace
    from ingest.entities.titles import _names_the_post
    seoul = SimpleNamespace(heading="75. Telegram From the Embassy in Korea to the Department of State")
    bonn = SimpleNamespace(heading="197. Telegram From the Ambassador in Germany (Conant) to the Department of State")
    kim = ("Premier (Chairman of the Council of Ministers) of the DPRK until December 28, 1972; President of the DPRK "
           "from December 28, 1972; and General Secretary of the Central Committee of the Workers’ Party of Korea")
    assert not _names_the_post(kim, "Prime Minister", seoul)
    assert not _names_the_post("Premier of the Democratic People's Republic of Korea", "Prime Minister", seoul)
    assert _names_the_post("Premier of the Republic of Korea", "Prime Minister", seoul)
    assert _names_the_post("Chancellor of the Federal Republic of Germany", "Chancellor", bonn)


def test_mr_and_mrs_nhu_is_he_as_the_editors_tag_it_and_mrs_nhu_alone_is_she():
    """frus1958-60v01 d243 (1959): "…the position that Mr. and Mrs. Nhu hold…" names the couple, whom the editors tag as
    him; "Mrs. Nhu said…" is his wife."""
    from ingest.entities import EntityExtractor
    from ingest.records import DocumentRecord, ListEntry, Page, VolumeRecord
    persons = [ListEntry("p_NDN1", "person", "Ngo Dinh Nhu", "brother and political adviser of President Diem"),
               ListEntry("p_TLX1", "person", "Tran Le Xuan (Madame Ngo Dinh Nhu)",
                         "wife of Ngo Dinh Nhu, official hostess for President Diem")]
    text = ("243. Memorandum of Conversation\n\nSaigon, December 1, 1959.\n\nThe President then discussed Mr. and Mrs. "
            "Nhu. He said that Mrs. Nhu and her husband were loyal. Nhu had his confidence.")
    r = DocumentRecord(VolumeRecord("frus1958-60v01", "t", persons=persons), "d243", "243",
                       "243. Memorandum of Conversation", text, "<test>", date="1959-12-01", pages=[Page("1", 0, len(text))])
    EntityExtractor().run(r)
    nhus = _people(r, "Nhu")
    assert [m.entity for m in nhus] == [NGO_DINH_NHU, MADAME_NHU, NGO_DINH_NHU]


def test_regression_a_heading_name_the_editors_tagged_was_two_mentions(slice_document):
    """frus1969-76v01 d10: "Nixon" and "Laird" of the heading were each a mention of the editors' tag and another of the
    heading's party, two mention nodes for one name (84 of the volume's 8,048 mentions): each author and recipient
    counted twice. One mention now, the editors', with the heading's office."""
    from collections import Counter
    r = slice_document("frus1969-76v01-slice.xml", "d10")
    spans = Counter((m.start, m.end, m.entity) for m in r.mentions if m.kind == "person")
    assert spans and max(spans.values()) == 1
    head = [m for m in r.mentions if m.kind == "person" and m.end <= len(r.heading)]
    assert head and all(m.method == "tei-markup" for m in head if r.text[m.start:m.end] in ("Nixon", "Laird"))
    assert {m.office for m in head if r.text[m.start:m.end] == "Laird"} == {"Secretary of Defense"}
