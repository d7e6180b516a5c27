"""Editors' markup pointing at a list the file does not hold falls back to the text recogniser for the same span
(ingest/entities/markup.py), on the committed single-document TEI file in today's encoding."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.entities import EntityExtractor
from ingest.authorities import authorities
from ingest.entities.identity import retarget_mismatched_tags, retitle_tags_by_office
from ingest.records import DocumentRecord, ListEntry, Mention, Page, VolumeRecord
from ingest.tei_reader import read_tei
from ingest.triples import document_graph
from ontology import iris
from ontology.fast_shacl import GraphIndex, validate_fast

SINGLE = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus1969-76ve09p1-d9.xml"


@pytest.fixture(scope="module")
def record():
    (rec,) = list(read_tei(SINGLE))
    assert not rec.volume.terms, "the fixture must lack the terms list"
    EntityExtractor().run(rec)
    return rec


def tagged(record, ref):
    return [m for m in record.mentions if m.tei_ref == ref]


def test_regression_a_gloss_without_its_terms_list_dropped_the_texts_reading(record):
    (us,) = tagged(record, "#t_US_1")
    assert us.kind == "country" and us.entity == iris.country_iri("united-states")
    assert "#t_US_1" in us.explanation and "no terms list" in us.explanation and "United States" in us.explanation


def test_an_institution_glossed_without_its_list_is_the_curated_institution(record):
    (nsc,) = tagged(record, "#t_NSC_1")
    assert nsc.entity == iris.organization_iri("nsc") and nsc.method == "organization-list"


def test_a_tag_the_text_cannot_read_stays_the_editors_tag(record):
    (wsag,) = tagged(record, "#t_WSAG_1")
    assert wsag.method == "tei-markup" and wsag.entity == iris.term_iri("frus1969-76ve09p1", "t_WSAG_1")


def test_one_mention_per_tagged_span_and_the_graph_validates(record):
    spans = [(m.start, m.end) for m in record.mentions if m.tei_ref]
    assert len(spans) == len(set(spans))
    data = document_graph(record)
    assert validate_fast(GraphIndex(data.triples, data.nquads)).conforms


WHOLE = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus1969-76v01-slice.xml"


@pytest.fixture(scope="module")
def whole_volume():
    records = list(read_tei(WHOLE))
    assert records[0].volume.terms, "the fixture must hold its terms list"
    extractor = EntityExtractor()
    for rec in records:
        extractor.run(rec)
    return records


def test_regression_a_gloss_of_the_volumes_own_terms_list_stayed_a_volume_term_not_the_country(whole_volume):
    """<gloss target="#t_USSR1">USSR</gloss>, listed as "Union of Soviet Socialist Republics", was the volume's
    term …/terms/t_USSR1: a country page and the networks counted only the untagged uses."""
    tags = [m for rec in whole_volume for m in rec.mentions if m.method == "tei-markup" and m.tei_ref]
    ussr = [m for m in tags if m.tei_ref.endswith("#t_USSR1")]
    nsc = [m for m in tags if m.tei_ref.endswith("#t_NSC1")]
    assert ussr and all(m.kind == "country" and m.entity == iris.country_iri("soviet-union-1991") for m in ussr)
    assert nsc and all(m.kind == "organization" and m.entity == iris.organization_iri("nsc") for m in nsc)
    assert all("t_USSR1" in m.explanation and "Union of Soviet" in m.explanation for m in ussr)


def test_a_listed_term_no_authority_knows_stays_the_volumes_term(whole_volume):
    tags = [m for rec in whole_volume for m in rec.mentions if m.method == "tei-markup" and m.tei_ref]
    local = [m for m in tags if m.kind == "term"]
    assert local and all(m.entity.startswith(iris.term_iri("frus1969-76v01", "")) for m in local)


def test_every_document_with_resolved_terms_still_validates(whole_volume):
    for rec in whole_volume:
        data = document_graph(rec)
        assert validate_fast(GraphIndex(data.triples, data.nquads)).conforms, rec.doc_id


def test_a_terms_list_entry_is_linked_to_the_one_entity_its_expansion_names_in_the_volume_graph():
    from ingest.entities.identity import link_terms_list
    from ingest.records import ListEntry, VolumeRecord
    from ingest.triples import volume_graph

    entries = [ListEntry("t_UAR1", "term", "UAR", "United Arab Republic"),
               ListEntry("t_UN1", "term", "UN", "United Nations"),
               ListEntry("t_USA1", "term", "USA", "United States Army"),       # not the country "USA" names
               ListEntry("t_Embtel1", "term", "Embtel", "Embassy telegram")]
    volume = VolumeRecord("frus1958-60v11", "t", terms=entries)
    link_terms_list(volume)
    assert [e.entity for e in entries] == [iris.country_iri("united-arab-republic-1971"), iris.organization_iri("un"),
                                           None, None]
    quads = volume_graph(volume).nquads
    quads = quads.decode() if isinstance(quads, bytes) else quads
    match = "<http://www.w3.org/2004/02/skos/core#exactMatch>"
    assert f"<{iris.term_iri('frus1958-60v11', 't_UAR1')}> {match} <{iris.country_iri('united-arab-republic-1971')}>" in quads
    assert f"<{iris.term_iri('frus1958-60v11', 't_USA1')}> {match}" not in quads


def test_an_expansion_naming_a_part_is_not_its_whole_but_a_place_after_the_name_is_still_it():
    from ingest.entities.identity import part_of

    assert part_of("United States Army", "United States")
    assert not part_of("United States Mission to the United Nations in New York",
                       "United States Mission to the United Nations")       # 1975 USUN 1815: the Mission's
    assert not part_of("United Kingdom", "United Kingdom") and not part_of("", "United States")


def test_regression_the_volumes_dept_listed_as_department_stayed_a_volume_term():
    """frus1955-57v04 (and ten more volumes) list "Dept, Department"; "Department" without its article names nothing in
    the gazetteer, so every tagged "Dept" was …/terms/t_Dept1, and "Dept desires…" in Hoover's telegram was that term's
    claim, not the signer's (the annotation guide's Department speaking of itself)."""
    from ingest.entities.identity import link_terms_list
    from ingest.records import DocumentRecord, ListEntry, Mention, Page, VolumeRecord

    volume = VolumeRecord("frus1955-57v04", "t", terms=[ListEntry("t_Dept1", "term", "Dept", "Department")])
    link_terms_list(volume)
    assert volume.terms[0].entity == iris.organization_iri("department-of-state")
    text = "95. Telegram From the Acting Secretary of State to the Embassy in Italy\n\nAt same time, Dept desires encourage it."
    s = text.index("Dept")
    rec = DocumentRecord(volume, "d95", "95", text.split("\n")[0], text, "<test>", date="1955-06-04",
                         pages=[Page("1", 0, len(text))])
    rec.mentions.append(Mention(s, s + 4, "term", "tei-markup", 1.0, iris.term_iri("frus1955-57v04", "t_Dept1"), "Dept",
                                exact="Dept", tei_ref="#t_Dept1"))
    volume.terms[0].entity = None
    EntityExtractor().run(rec)
    (dept,) = [m for m in rec.mentions if m.start == s]
    assert dept.entity == iris.organization_iri("department-of-state") and "t_Dept1" in dept.explanation


def test_regression_king_saud_tagged_as_john_eisenhower_is_the_king():
    """Session 35: frus1955-57v13 tags "Saud" 209 times as "Eisenhower, Maj. John S.D." (p_EMJSD1): a tag whose text is no
    word of the tagged entry's names but the surname of exactly one other entry points at that entry; "Foster" tagged
    as John Foster Dulles stays his, though the list has a Foster too (245 tags of the 99 volumes move)."""
    persons = [ListEntry("p_EMJSD1", "person", "Eisenhower, Maj. John S.D.", "Assistant Staff Secretary to the President"),
               ListEntry("p_SAA1", "person", "Saud, ibn Abd al–Aziz", "King of Saudi Arabia"),
               ListEntry("p_DJF1", "person", "Dulles, John Foster", "Secretary of State"),
               ListEntry("p_FWC1", "person", "Foster, William C.", "Deputy Secretary of Defense")]
    text = "188. Telegram\n\nKing Saud said in substance: Foster agreed."
    def tag(word, xml_id):
        at = text.index(word)
        return Mention(at, at + len(word), "person", "tei-markup", 1.0, iris.volume_person_iri("frus1955-57v13", xml_id),
                       word, tei_ref=f"#{xml_id}")
    record = DocumentRecord(VolumeRecord("frus1955-57v13", "t", persons=persons), "d188", "188", "188. Telegram", text,
                            "<test>", date="1955-11-06", pages=[Page("1", 0, len(text))],
                            mentions=[tag("Saud", "p_EMJSD1"), tag("Foster", "p_DJF1")])
    retarget_mismatched_tags(record)
    saud, foster = record.mentions
    assert saud.entity.endswith("/p_SAA1") and saud.tei_ref == "#p_EMJSD1" and "p_SAA1" in saud.explanation
    assert foster.entity.endswith("/p_DJF1")


@pytest.mark.parametrize("before, tagged, office", [
    ("President ", "103888", "President of the United States"),     # frus1955-57v13: John S. D. Eisenhower, his son
    ("Secretary ", "103701", "Secretary of State"),                 # frus1955-57v04: Allen W. Dulles, his brother
])
def test_regression_president_eisenhower_tagged_as_his_son_is_the_president(before, tagged, office):
    """Session 35: a tag of the surname after "President" or "Secretary" that POCOM's holder of the office on the date
    bears, pointing at a namesake, is the holder (700 tags of the 99 volumes: U. Alexis Johnson for the President,
    Allen Dulles for the Secretary, Robert for John F. Kennedy, the President's son for the President)."""
    surname = {"103888": "Eisenhower", "103701": "Dulles"}[tagged]
    text = f"41. Telegram\n\nHe will confer with {before}{surname} and other officials."
    at = text.index(surname)
    record = DocumentRecord(VolumeRecord("frus1955-57v13", "t"), "d41", "41", "41. Telegram", text, "<test>",
                            date="1956-05-01", pages=[Page("1", 0, len(text))],
                            mentions=[Mention(at, at + len(surname), "person", "tei-markup", 1.0, iris.person_iri(tagged),
                                              surname, tei_ref="#p_X1")])
    retitle_tags_by_office(record)
    holder = {authorities().canonical(p.hsg) for p in authorities().holders(office, "1956-05-01") if p.hsg}
    assert {record.mentions[0].entity} == {iris.person_iri(pid) for pid in holder} != {iris.person_iri(tagged)}
    assert record.mentions[0].tei_ref == "#p_X1" and "POCOM" in record.mentions[0].explanation
