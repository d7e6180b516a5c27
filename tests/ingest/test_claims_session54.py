"""Claims, session 54: a paragraph's label that is a word ("Justification:", "Reason:") is no speaker; "the Vice
President" of a talk with a foreign Vice President is the U.S. one who takes part; an Arabic surname's article no
longer hides the person; a claimant the entity layer left unlinked is the one authority person of that name cited near
the date (issue 16; docs/claims.md, "Session 54")."""
from __future__ import annotations

import pytest

from ingest.claims import claims_of
from ingest.claims.authority_names import link_local_claimants
from ingest.entities import extract_entities
from ingest.records import Claim, ClaimAgent, DocumentRecord, VolumeRecord
from ontology import iris
from tests.ingest.test_claims_speakers import PEOPLE, document, named, the

NIXON = iris.person_iri("109882")
ERHARD = iris.person_iri("104015")
VP = "frus1955-57v03-vice-president.xml"
PM = "frus1958-60v11-prime-minister.xml"
REPORT_FILE = "frus1961-63v03-justification.xml"

REPORT = "239. Report From the Assistant Secretary of State for Public Affairs (Manning) to the President"


def test_regression_a_justification_label_was_the_writer_of_a_report(tmp_path):
    """frus1961-63v03 d239: "Justification:" opens two paragraphs of Manning's report, and its 39 claims went to a
    person named "Justification", local to the document, as if it were a speaker's label."""
    r = document("Recommendation: The Group should formulate new guidance at an early date.\n\n"
                 "Justification: An improvement in relations with the press corps in Saigon has become an exigent "
                 "requirement of U.S. policy.\n\n"
                 "Recommendation: The Group should meet every week.\n\n"
                 "Justification: Without such leadership, a substantial improvement is not likely.", heading=REPORT)
    extract_entities(r)
    c = the(r, "An improvement")        # the claim begins after the label, as after "Recommendation:"
    assert not any(i.endswith("/persons/justification") for i in c.claimants)
    assert "Manning" in c.explanation


def test_he_in_a_new_labelled_section_is_not_a_speaker_of_an_earlier_section(slice_document):
    """d239 again: with "Justification:" no speaker, "He can tell the correspondents…" after "Ambassador Lodge's
    reassessment" went to Minister Hieu, who had "told my Special Assistant" sections before: a labelled paragraph
    opens a new section, and the last speaker of the one before is no antecedent in it."""
    record = slice_document(REPORT_FILE, "d239")
    assert the(record, "He can tell the correspondents").claimants == (iris.person_iri("108064"),)     # Lodge


def test_a_surname_that_is_also_a_word_still_labels_its_speaker():
    """"Brown:" opening two turns is a person's label: the authorities' people hold the surname."""
    r = document("Brown: We are ready to go ahead with the talks.\n\nSmith: I doubt it.\n\n"
                 "Brown: We will see, I think the Soviets will accept the plan.",
                 heading="5. Memorandum of Conversation")
    extract_entities(r)
    c = the(r, "We are ready")
    assert c.claimants and all(i.endswith("/persons/brown") for i in c.claimants), c.explanation


def test_regression_the_vice_president_of_nixons_talk_with_chiang_was_a_node_named_vice_president(slice_document):
    """frus1955-57v03 d193 (Taipei, July 8, 1956): the participants list prints "Vice President Chen Cheng" and "Vice
    President Richard M. Nixon", and 30 claims of "The Vice President stated…" went to a node named "Vice President".
    By the editors' convention a bare "the Vice President" is the U.S. holder, here among the participants."""
    record = slice_document(VP, "d193")
    c = the(record, "The Vice President stated that in the Philippines")
    assert c.claimants == (NIXON,)
    assert "Vice President of the United States on the date" in c.explanation
    assert not any(i.endswith("/persons/vice-president") for c in claims_of(record) for i in c.claimants)


def test_a_foreign_vice_president_alone_with_the_title_keeps_it(slice_document):
    """Where the U.S. Vice President is not among those printed with the title, the rule has nothing to choose."""
    record = slice_document(VP, "d193")
    record.text = record.text.replace("Vice President Richard M. Nixon", "Mr. Richard M. Nixon    ", 1)
    c = the(record, "The Vice President stated that in the Philippines")
    assert "Vice President of the United States on the date" not in c.explanation


def test_regression_prime_minister_rifai_was_a_person_local_to_the_document(slice_document):
    """frus1958-60v11 d398: "Prime Minister Rifa’i noted…" and "The Prime Minister went on to say…" went to nodes of
    the document: the authority record "al-Rifai, Samir" had no name key (its article read as a stray word)."""
    record = slice_document(PM, "d398")
    rifai = iris.person_iri("100337")
    assert the(record, "In response to a request by Mr. Murphy").claimants == (rifai,)
    assert the(record, "The Prime Minister went on to say").claimants == (rifai,)


def _claim_by(record: DocumentRecord, label: str, about: str | None = None) -> Claim:
    local = f"{iris.document_iri(record.volume.id, record.doc_id)}/persons/{iris.slug(label)}"
    about_local = (ClaimAgent(iri=local + "-about", label=about, local=True),) if about else ()
    return Claim(0, 10, "report", (local,), tuple(a.iri for a in about_local),
                 explanation=f"report: cue 'described'; claimant {label}",
                 agents=(ClaimAgent(iri=local, label=label, local=True),), about_local=about_local)


def _record(volume: str, date: str) -> DocumentRecord:
    return DocumentRecord(VolumeRecord(volume, "t"), "d43", "43", "43. Telegram", "Erhard described it.", "<test>",
                          date=date)


def test_regression_erhard_was_a_node_of_the_document_though_the_authorities_hold_one_erhard():
    """frus1958-60v07p1 d43 (December 1958): "Erhard described interim proposal of six…" went to a person named
    "Erhard" local to the document, the volume's persons list not holding him. The Office of the Historian's people
    hold one Erhard whom FRUS persons lists cite near 1958: Ludwig Erhard; and so Pushkin in `about`."""
    record = _record("frus1958-60v07p1", "1958-12-10")
    (c,) = link_local_claimants(record, [_claim_by(record, "Erhard", about="Pushkin")])
    assert c.claimants == (ERHARD,) and c.about == (iris.person_iri("111010"),)
    assert c.agents[0].iri == ERHARD and not c.agents[0].local and c.agents[0].label == "Ludwig Erhard"
    assert not c.about_local
    assert "'Erhard' linked to Ludwig Erhard" in c.explanation and "hsg-people 104015" in c.explanation


@pytest.mark.parametrize("label", ["Chancellor", "Cross", "David", "Aden", "Ruth S. Donahue", "Smith"])
def test_a_title_a_word_a_given_name_a_place_or_a_namesake_stays_local(label):
    """A title, a word the corpus prints in lower case, a given name, a place, a full name no record bears, or a
    surname of several people cited near the date names no one person."""
    record = _record("frus1958-60v07p1", "1958-12-10")
    claim = _claim_by(record, label)
    assert link_local_claimants(record, [claim]) == [claim]


def test_a_name_the_persons_lists_cite_only_decades_away_stays_local():
    """Kotsiuba is cited by persons lists of 1958–1960: in a document of 1980 the name is no evidence of him."""
    record = _record("frus1977-80v01", "1980-01-10")
    claim = _claim_by(record, "Kotsiuba")
    assert link_local_claimants(record, [claim]) == [claim]
    assert link_local_claimants(_record("frus1958-60v07p1", "1958-12-10"), [claim])[0].claimants != claim.claimants
