"""The sample memo (frus1981-88v41 d54): its full entity set, with links, offices and explanations."""
from __future__ import annotations

import copy

import pytest

from ingest.entities import extract_entities
from ingest import document_graphs
from ontology import iris

WD = "http://www.wikidata.org/entity/"


@pytest.fixture(scope="module")
def record(sample_record):
    r = copy.deepcopy(sample_record)
    extract_entities(r)
    return r


def linked(record, kind):
    return {m.entity for m in record.mentions if m.kind == kind and m.entity}


def test_the_four_people_with_full_names_and_offices(record):
    by_entity = {m.entity: m for m in record.mentions if m.kind == "person" and m.entity}
    expected = {
        "102617": ("William Patrick Clark", "Deputy Secretary of State"),
        "107031": ("Richard Thomas Kennedy", "Under Secretary of State for Management"),
        "105381": ("Alexander Meigs Haig, Jr.", "Secretary of State"),
        "104215": ("Millicent H. Fenwick", "Representative"),
    }
    assert set(by_entity) == {iris.person_iri(k) for k in expected}
    for pid, (label, office) in expected.items():
        m = by_entity[iris.person_iri(pid)]
        assert m.label == label and m.office == office and m.explanation


def test_heading_parties_resolved_by_office_and_date(record):
    clark = record.parties[0]
    assert clark.name == "Clark" and clark.entity == iris.person_iri("102617")
    assert clark.label == "William Patrick Clark"
    assert clark.office_iri == iris.position_iri("deputy-secretary")
    assert "1981-03-25" in clark.explanation and "1982-02-09" in clark.explanation
    assert [p.entity for p in record.parties] == [iris.person_iri(x) for x in ("102617", "107031", "105381")]
    m = [m for m in record.mentions if m.entity == iris.person_iri("102617")][0]
    assert m.method == "office-and-date" and iris.pocom_url("clark-william-patrick") in m.entity_links


def test_every_named_country(record):
    assert linked(record, "country") == {iris.country_iri(c) for c in (
        "united-states", "soviet-union-1991", "el-salvador", "japan", "pakistan", "argentina", "afghanistan",
        "cambodia", "poland")}
    qids = {l for m in record.mentions if m.kind == "country" for l in m.entity_links}
    assert {WD + q for q in ("Q30", "Q15180", "Q792", "Q17", "Q843", "Q414", "Q889", "Q424", "Q36")} == qids
    poles = [m for m in record.mentions if m.exact == "Poles"][0]
    assert poles.entity == iris.country_iri("poland")


def test_institutions_and_the_mdbs_expanded_by_footnote_2(record):
    assert {iris.organization_iri(k) for k in ("un", "csce", "mdbs", "department-of-state")} <= linked(record, "organization")
    mdbs = [m for m in record.mentions if m.exact == "MDBs"][0]
    assert mdbs.method == "acronym" and mdbs.label == "Multilateral Development Banks"
    assert "footnote 2" in mdbs.explanation


def test_regions_are_regions(record):
    regions = linked(record, "region")
    assert {iris.region_iri("western-europe"), iris.region_iri("the-west"), iris.region_iri("soviet-bloc")} <= regions
    assert not {m.exact for m in record.mentions if m.kind == "country"} & {"Western Europe", "West", "Soviet bloc"}


def test_no_false_entities_from_headings_or_the_hippocratic_oath(record):
    text = record.text
    for line in ("PART I: HUMAN RIGHTS POLICY", "Overall Political Goals", "Two-track Policy", "Dealing With The Soviets",
                 "East-West Relations and the Battle for Western Opinion", "the Hippocratic oath addresses"):
        start = text.index(line)
        found = [m for m in record.mentions if start <= m.start < start + len(line)]
        assert all(m.exact in ("Soviets",) for m in found), (line, [(m.exact, m.kind) for m in found])
    assert not [m for m in record.mentions if m.kind == "person" and not m.entity]


def test_every_mention_is_explained_and_points_to_its_passage(record):
    for m in record.mentions:
        assert m.explanation and record.text[m.start:m.end] == m.exact
        assert (m.entity is None) == (m.confidence == 0.0)


def test_the_sample_graph_validates_with_entities(sample_record):
    r = copy.deepcopy(sample_record)
    graphs = document_graphs(r, [extract_entities], check=True)
    quads = next(iter(graphs.values()))
    bodies = {q.object.value for q in quads if q.predicate.value == "http://www.w3.org/ns/oa#hasBody"}
    assert iris.person_iri("104215") in bodies and iris.country_iri("soviet-union-1991") in bodies


def test_persons_list_entries_are_tied_to_hsg_people():
    from ingest.entities import EntityExtractor
    from ingest.records import DocumentRecord, ListEntry, Page, VolumeRecord

    volume = VolumeRecord("frus1981-88v13", "t", persons=[ListEntry("p_CWP_1", "person", "Clark, William P., Jr."),
                                                         ListEntry("p_ZZZ_9", "person", "Nobody, Known")])
    rec = DocumentRecord(volume=volume, doc_id="d1", number="1", heading="h", text="Clark spoke.", source="<t>",
                         date="1981-06-01", pages=[Page("1", 0, 12)])
    EntityExtractor().run(rec)
    assert volume.persons[0].entity == iris.person_iri("102617")      # the folded duplicate's canonical record
    assert volume.persons[1].entity is None
    clark = [m for m in rec.mentions if m.exact == "Clark"][0]
    assert clark.entity == iris.person_iri("102617") and "persons list" in clark.explanation
