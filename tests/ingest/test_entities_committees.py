"""Committees, groups and panels that write a document are its author (issue 16, item 5, session 26). The heading
"Report by the Operations Coordinating Board’s Special Committee on Soviet and Related Problems" named no author, so
the report's 72 claims had no claimant; "Report by the Strategic Materials Working Group" gave its 11 sentences about
"the Working Group" to a node of the document. The documents are cut unchanged from the FRUS TEI volumes
(tests/fixtures/tei/frus1955-57v24-committee.xml, frus1948v01p2-working-group.xml, public domain)."""
from __future__ import annotations

from collections import Counter

import pytest

from ingest.claims import claims_of
from ingest.entities import EntityExtractor
from ingest.entities.posts import heading_posts
from ingest.heading import posts_of
from ingest.triples import document_graph
from ontology import iris
from ontology.fast_shacl import GraphIndex, validate_fast

SCHEMA = "http://schema.org/"
SOVIET_COMMITTEE = iris.organization_iri("us-operations-coordinating-boards-special-committee-on-soviet-and-related-problems")
WORKING_GROUP = iris.organization_iri("us-strategic-materials-working-group")


@pytest.mark.parametrize("heading, posts", [
    ("112. Report by the Operations Coordinating Board’s Special Committee on Soviet and Related Problems",
     [("author", "Operations Coordinating Board’s Special Committee on Soviet and Related Problems")]),
    ("Report by the Subcommittee on Regional Economic Integration of the Council on Foreign Economic Policy to the Council",
     [("author", "Subcommittee on Regional Economic Integration of the Council on Foreign Economic Policy")]),
    ("2. Report of the NSC 1290–d Working Group", []),          # "of": a report about its work, no sender
    ("Review of Public Law 480 Decisions Taken by the Interagency Committee on Agricultural Surplus Disposal (ICASD)",
     [("author", "Interagency Committee on Agricultural Surplus Disposal")]),
    ("202. Letter From the Consultative Group on Arms Limitation in Africa to the Assistant Secretary of State for "
     "African Affairs (Williams)", [("author", "Consultative Group on Arms Limitation in Africa")]),
    ("8. Telegram From the Task Force in Vietnam to the United States Information Agency",
     [("author", "Task Force in Vietnam"), ("recipient", "United States Information Agency")]),
    ("644. Memorandum from Hurwitch to the Special Group, April 2. Propaganda inciting Cubans within Cuba.",
     [("recipient", "Special Group")]),
    ("Minutes of the Meeting of the Combined Policy Committee, at Blair House, Washington, D.C., January 7, 1948", []),
    ("Memorandum From the Special Group and the Department of State to the President",
     [("author", "Special Group"), ("author", "Department of State"), ("recipient", "President")]),
    ("426. Memorandum from Forrestal to Bundy and Dungan, March 11. Comments on the Clay Committee Report. Secret. 3 pp. "
     "Kennedy Library, National Security Files, Subjects Series, Foreign Aid, Clay Committee, 3/11/63–9/27/63.", []),
    ("336. Joint Evaluation prepared by the Guided Missile and Astronautics Intelligence Committee, Joint Atomic Energy "
     "Intelligence Committee, and National Photographic Interpretation Center",          # no cut name as a sender
     [("author", "Joint Atomic Energy Intelligence Committee")]),
    ("184. Report Prepared by the Fourth Interdepartmental Survey Group for President Kennedy",
     [("author", "Fourth Interdepartmental Survey Group")]),           # the President reads it; he is no part of its name
    ("Report by the Chairman of the Council on Foreign Economic Policy (Randall)", []),
])
def test_a_committee_named_in_full_is_a_sender_or_recipient(heading, posts):
    assert [(p.role, p.name) for p in posts_of(heading)] == posts


def test_regression_a_committee_report_had_no_author_and_its_claims_no_claimant(slice_document):
    record = slice_document("frus1955-57v24-committee.xml", "d112")
    assert [(role, m.entity) for role, m in heading_posts(record)] == [("author", SOVIET_COMMITTEE)]
    data = document_graph(record)
    doc = f"<{iris.document_iri('frus1955-57v24', 'd112')}>"
    assert {o for s, p, o in data.triples if s == doc and p == f"<{SCHEMA}author>"} == {f"<{SOVIET_COMMITTEE}>"}
    assert (f"<{SOVIET_COMMITTEE}>", "<http://www.w3.org/2000/01/rdf-schema#label>",
            '"Operations Coordinating Board’s Special Committee on Soviet and Related Problems"') in data.triples
    assert validate_fast(GraphIndex(data.triples, data.nquads)).conforms
    voices = Counter(c.claimants for c in claims_of(record))
    assert voices[(SOVIET_COMMITTEE,)] >= 60
    assert voices[(SOVIET_COMMITTEE,)] / sum(voices.values()) > 0.9


def test_regression_the_working_group_in_its_own_report_was_a_node_of_the_document(slice_document):
    """d25, "Report by the Strategic Materials Working Group to the Executive Committee on Economic Foreign Policy":
    "The Working Group recommends…" is the group the heading names, with the IRI of the document's author."""
    record = slice_document("frus1948v01p2-working-group.xml", "d25")
    claims = claims_of(record)
    voices = {c.claimants for c in claims}
    assert voices == {(WORKING_GROUP,)}
    assert not any("working-group" in iri for c in claims for iri in c.about if "/d25/" in iri)
    opening = next(c for c in claims if record.text.startswith("Report of the Strategic", c.start))
    assert not any("/d25/" in iri for iri in opening.about)     # not "report-of-the-strategic-materials-working-group"


def test_a_conversation_prepared_in_the_department_is_not_spoken_by_the_department():
    """"Memorandum of Telephone Conversation, Prepared in the Department of State": the Department is where it was
    written (schema:author), but its sentences are the parties' (the claims gold, frus1951v07p2 d26, d40, d45)."""
    from ingest.claims.senders import heading_sender
    from ingest.records import DocumentRecord, Page, VolumeRecord

    heading = "26. Memorandum of Telephone Conversation, Prepared in the Department of State"
    text = f"{heading}\n\nWashington, February 2, 1951.\n\nFirst Party inquired whether there was anything new."
    record = DocumentRecord(VolumeRecord("frus1951v07p2", "t"), "d26", "26", heading, text, "<test>", date="1951-02-02",
                            pages=[Page("1", 0, len(text))])
    EntityExtractor().run(record)
    assert [role for role, _ in heading_posts(record)] == ["author"]
    assert heading_sender(record) is None
