"""Senders and recipients that are posts become organizations linked to their country (ingest/entities/posts.py,
ingest/heading.py posts_of), and the shapes accept an organization as author."""
from __future__ import annotations

import pytest

from ingest.entities import EntityExtractor
from ingest.entities.posts import heading_posts
from ingest.heading import parties_of, posts_of
from ingest.records import DocumentRecord, Page, VolumeRecord
from ingest.triples import document_graph
from ontology import iris
from ontology.fast_shacl import GraphIndex, validate_fast
from ontology.validation import validate

EMBASSY = iris.organization_iri("us-embassy-iran")
SCHEMA = "http://schema.org/"


@pytest.fixture(scope="module")
def extractor():
    return EntityExtractor()


def telegram(extractor, heading: str, body: str = "The Shah told me he will stay.\n\nSullivan") -> DocumentRecord:
    text = f"{heading}\n\nTehran, November 4, 1978, 1200Z.\n\n{body}"
    record = DocumentRecord(VolumeRecord("frus1977-80v10", "t"), "d12", "12", heading, text, "<test>", date="1978-11-04",
                            place="Tehran", pages=[Page("1", 0, len(text))])
    extractor.run(record)
    return record


def test_a_telegram_from_an_embassy_has_the_embassy_as_its_author(extractor):
    record = telegram(extractor, "12. Telegram From the Embassy in Iran to the Department of State")
    data = document_graph(record)
    doc = f"<{iris.document_iri('frus1977-80v10', 'd12')}>"
    authors = {o for s, p, o in data.triples if s == doc and p == f"<{SCHEMA}author>"}
    recipients = {o for s, p, o in data.triples if s == doc and p == f"<{SCHEMA}recipient>"}
    assert authors == {f"<{EMBASSY}>"}
    assert recipients == {f"<{iris.organization_iri('department-of-state')}>"}
    assert (f"<{EMBASSY}>", f"<{SCHEMA}location>", f"<{iris.country_iri('iran')}>") in data.triples


def test_an_organization_author_conforms_to_the_shapes_in_both_engines(extractor):
    data = document_graph(telegram(extractor, "12. Telegram From the Embassy in Iran to the Department of State"))
    assert validate_fast(GraphIndex(data.triples, data.nquads)).conforms
    assert validate(data.quads()).conforms


def test_a_post_is_never_a_person_mention(extractor):
    record = telegram(extractor, "12. Telegram From the Embassy in Iran to the Department of State")
    assert not [m for m in record.mentions if m.kind == "person" and "Embassy" in m.exact]
    post = [m for m in record.mentions if m.exact == "Embassy in Iran"]
    assert post and post[0].kind == "organization" and post[0].entity == EMBASSY
    assert not [p for p in record.parties if p.entity == EMBASSY]     # a claim's voice stays the person who signed


def test_a_named_ambassador_is_kept_as_the_person_beside_the_post():
    heading = "5. Telegram From the Ambassador to Iran (Sullivan) to the Department of State"
    assert [(p.role, p.name) for p in parties_of(heading)] == [("author", "Sullivan")]
    assert [(p.role, p.name) for p in posts_of(heading)] == [("recipient", "Department of State")]


@pytest.mark.parametrize("heading, posts", [
    ("3. Telegram From the Department of State to the Embassy in the Soviet Union and the Mission to the United Nations",
     [("author", "Department of State"), ("recipient", "Embassy in the Soviet Union"),
      ("recipient", "Mission to the United Nations")]),
    ("9. Paper Prepared in the Bureau of Inter-American Affairs", [("author", "Bureau of Inter-American Affairs")]),
    ("17. Telegram From the Consulate General in Hong Kong to the Department of State",
     [("author", "Consulate General in Hong Kong"), ("recipient", "Department of State")]),
    ("19. Memorandum of Conversation", []),
])
def test_posts_in_headings(heading, posts):
    assert [(p.role, p.name) for p in posts_of(heading)] == posts


def test_people_named_without_an_office_are_heading_parties():
    heading = "5. Memorandum From Zbigniew Brzezinski and Henry Owen to President-Elect Carter"
    assert [(p.role, p.name, p.office) for p in parties_of(heading)] == [
        ("author", "Zbigniew Brzezinski", None), ("author", "Henry Owen", None), ("recipient", "Carter", "President-Elect")]


def test_a_mission_to_the_united_nations_is_the_curated_institution(extractor):
    record = telegram(extractor, "12. Telegram From the Mission to the United Nations to the Department of State")
    assert [(role, m.entity) for role, m in heading_posts(record)] == [
        ("author", iris.organization_iri("us-mission-un")), ("recipient", iris.organization_iri("department-of-state"))]


@pytest.mark.parametrize("heading, parties", [
    ("86. Memorandum for the Record, by Colonel J.E. Kelly of the Embassy in Vietnam",
     [("author", "J.E. Kelly", "Colonel, Embassy in Vietnam")]),
    ("17. Telegram From the Air Attache at the Embassy in Israel to the Department of State", []),
    ("12. Memorandum of a Conversation, En Route to Los Angeles, May 17, 1957", []),
])
def test_regression_ranks_offices_and_places_were_read_as_names(heading, parties):
    assert [(p.role, p.name, p.office) for p in parties_of(heading)] == parties


def test_regression_viet_minh_is_not_minh(extractor):
    record = telegram(extractor, "12. Telegram From the Embassy in Iran to the Department of State",
                      body="The Viet-Minh are capable of it.")
    assert not [m for m in record.mentions if m.exact == "Minh"]


@pytest.mark.parametrize("heading, date, label", [
    ("12. Telegram From the Embassy in the United Kingdom to the Department of State", "1956-05-29",
     "U.S. Embassy in the United Kingdom"),
    ("12. Telegram From the Embassy in the Philippines to the Department of State", "1955-03-01",
     "U.S. Embassy in the Philippines"),
    ("12. Telegram From the Embassy in the Soviet Union to the Department of State", "1978-11-04",
     "U.S. Embassy in the Soviet Union"),
    ("12. Telegram From the Embassy in France to the Department of State", "1956-05-29", "U.S. Embassy in France"),
    ("12. Telegram From the Delegation at the Baghdad Pact Council Meeting to the Department of State", "1958-01-28",
     "U.S. Delegation to the Baghdad Pact Council Meeting"),
    ("12. Telegram From the Delegation at the United Nations General Assembly to the Department of State",
     "1958-10-02", "U.S. Delegation to the United Nations General Assembly"),
    ("12. Telegram From the Consulate at Damascus to the Department of State", "1958-10-02",
     "U.S. Consulate in Damascus"),
])
def test_regression_a_posts_name_drops_the_countrys_article(extractor, heading, date, label):
    text = f"{heading}\n\nLondon, May 29, 1956.\n\nSmith"
    record = DocumentRecord(VolumeRecord("frus1955-57v27", "t"), "d12", "12", heading, text, "<test>", date=date,
                            pages=[Page("1", 0, len(text))])
    extractor.run(record)
    author = [m for role, m in heading_posts(record) if role == "author"]
    assert [m.label for m in author] == [label]


def test_regression_a_post_minted_at_a_curated_institutions_iri_had_a_second_name(extractor):
    """'Mission at the United Nations' is minted as us-mission-un, the curated institution's IRI: one name, its own."""
    names = set()
    for heading in ("12. Telegram From the Mission at the United Nations to the Department of State",
                    "12. Telegram From the Mission to the United Nations to the Department of State"):
        text = f"{heading}\n\nNew York, May 29, 1956.\n\nLodge"
        record = DocumentRecord(VolumeRecord("frus1955-57v27", "t"), "d12", "12", heading, text, "<test>",
                                date="1956-05-29", pages=[Page("1", 0, len(text))])
        extractor.run(record)
        names |= {(m.entity, m.label) for role, m in heading_posts(record) if role == "author"}
    assert names == {(iris.organization_iri("us-mission-un"), "United States Mission to the United Nations")}


def test_regression_a_claim_by_the_writing_post_had_an_iri_of_its_own(extractor):
    """A claim the Embassy makes, and one about "Embassy" standing alone, name the post by the IRI the document's
    author has (us-embassy-iran), not by one local to the document ('…/d12/organizations/embassy-in-iran')."""
    from ingest.claims import claims_of
    record = telegram(extractor, "12. Telegram From the Embassy in Iran to the Department of State",
                      body="1. Embassy believes the Shah will not leave the country this month.\n\n"
                           "2. The Foreign Minister asked that Embassy officers avoid the bazaar.")
    claims = claims_of(record)
    claimants = {a.iri for c in claims for a in c.agents}
    about = {i for c in claims for i in c.about}
    assert EMBASSY in claimants | about
    assert not {i for i in claimants | about if "/d12/organizations/" in i}
    data = document_graph(record)
    assert validate_fast(GraphIndex(data.triples, data.nquads)).conforms
