"""The index of full names a volume prints (ingest.printed_names), and what it settles: a heading that names its
sender by family name alone, in the 1948 volumes that have no persons list, is the one person of that family name
the volume prints in full; a sender nothing settles is one node for the volume, not one per telegram (issue 16:
"one person, one node"). Real FRUS documents (frus1948v05p1)."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from ingest.entities import EntityExtractor
from ingest.printed_names import MAX_FORMS, printed_names, printed_names_in_file
from ingest.records import DocumentRecord, Page, Party, VolumeRecord
from ingest.tei_reader import read_tei
from ingest.heading import parties_of
from ingest.triples import document_graph, party_mention, party_person_iri
from ontology import iris

SLICE = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus1948v05p1-printed-names.xml"
HUDDLE = iris.person_iri("106223")        # Jerome Klahr Huddle
LEWIS = iris.person_iri("107925")         # Charles William Lewis, Jr.


@pytest.fixture(scope="module")
def documents():
    extractor = EntityExtractor(title_only=True)
    records = {r.doc_id: r for r in read_tei(SLICE)}
    for r in records.values():
        extractor.run(r)
    return records


def sender(record: DocumentRecord, name: str | None = None) -> Party:
    """The author; or the party of that name, sender or recipient."""
    return next(p for p in record.parties if (p.name == name if name else p.role == "author"))


def test_the_index_holds_the_forms_with_forenames_or_initials_by_family_name():
    found = printed_names("Ambassador Huddle met J. Klahr Huddle, McGeorge Bundy and William P. Bundy.")
    assert "J. Klahr Huddle" in found["huddle"]
    assert set(found["bundy"]) == {"McGeorge Bundy", "William P. Bundy"}


def test_a_volume_file_is_indexed_from_its_body_only(tmp_path):
    path = tmp_path / "frus1948v99.xml.gz"
    xml = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><front><div xml:id="persons"><item>Mohammed Reza '
           'Pahlavi</item></div></front><body><div type="document"><p>Sent by <hi>Raymond A.</hi> Hare to\n'
           'Gordon P.\n<persName>Merriam</persName>.</p></div></body><back><item>Jones, George Lewis, 69</item>'
           '</back></text></TEI>')
    path.write_bytes(gzip.compress(xml.encode()))
    found = printed_names_in_file(path)
    assert found["hare"] == ("Raymond A. Hare",) and found["merriam"] == ("Gordon P. Merriam",)
    assert "lewis" not in found and "pahlavi" not in found


def test_a_truncated_file_gives_what_was_read_and_leaves_the_fault_to_the_reader(tmp_path):
    whole = gzip.compress(("<TEI><text><body>" + "<p>Raymond A. Hare wrote.</p>\n" * 50_000).encode())
    path = tmp_path / "frus1948v98.xml.gz"
    path.write_bytes(whole[: len(whole) // 2])
    assert printed_names_in_file(path)["hare"] == ("Raymond A. Hare",)


def test_the_index_is_bounded_however_many_names_a_file_prints():
    text = " ".join(f"John Q{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676 % 26)} Smith{i}" for i in range(MAX_FORMS + 10))
    assert sum(len(v) for v in printed_names(text).values()) <= MAX_FORMS


def test_a_sender_named_by_family_name_alone_is_the_one_the_volume_prints_in_full(documents):
    d275 = documents["d275"]
    assert "Klahr" not in d275.text
    party = sender(d275, "Huddle")
    assert party.entity == HUDDLE
    assert "J. Klahr Huddle" in party.explanation


def test_the_same_sender_in_every_document_is_one_node(documents):
    assert {sender(documents[d], "Huddle").entity for d in ("d274", "d275")} == {HUDDLE}
    assert {sender(documents[d], "Lewis").entity for d in ("d203", "d302")} == {LEWIS}


def test_a_printed_name_the_authority_data_lacks_leaves_the_sender_unlinked(documents):
    assert "Howard Donovan" in documents["d290"].text
    assert sender(documents["d205"], "Donovan").entity is None


def _telegram(printed: dict[str, tuple[str, ...]], year: str = "1948", volume: str = "frus1948v05p1",
              sender: str = "Lewis") -> DocumentRecord:
    heading = f"The Chargé in Pakistan ({sender}) to the Secretary of State"
    text = f"{heading}\n\nKarachi, July 6, {year}.\n\nWe agree."
    record = DocumentRecord(VolumeRecord(volume, "t", printed_names=printed), "d9", "9", heading, text,
                            "<test>", date=f"{year}-07-06", pages=[Page("1", 0, len(text))])
    for p in parties_of(heading):
        record.parties.append(Party(p.role, p.name, p.office, p.start, p.end))
    EntityExtractor().run(record)
    return record


def test_two_people_of_the_family_name_printed_leave_the_sender_unlinked():
    assert sender(_telegram({"lewis": ("Charles W. Lewis",)})).entity == LEWIS
    assert sender(_telegram({"lewis": ("Charles W. Lewis", "Samuel W. Lewis")})).entity is None


def test_printed_forms_that_fit_the_same_person_do_not_compete():
    assert sender(_telegram({"lewis": ("Charles W. Lewis", "C. Lewis", "Memorandum Charles Lewis")})).entity == LEWIS


def test_a_person_not_yet_born_at_the_date_is_no_sender():
    assert sender(_telegram({"lewis": ("Charles W. Lewis",)}, year="1910")).entity is None


# One node per unlinked sender: a family name printed alone with the same office is one person across the volume.

def _described(record: DocumentRecord, iri: str) -> bool:
    return any(s == f"<{iri}>" and p.endswith("/rdf-schema#label>") for s, p, _ in document_graph(record).triples)


def test_an_unlinked_sender_is_one_node_for_the_volume_described_by_its_first_document(documents):
    d205, d290 = documents["d205"], documents["d290"]
    assert d205.volume.party_homes[sender(d205, "Donovan").home_key] == "d205"
    home = iris.document_iri("frus1948v05p1", "d205") + "/persons/donovan"
    assert {party_person_iri(r, sender(r, "Donovan")) for r in (d205, d290)} == {home}
    assert _described(d205, home) and not _described(d290, home)
    assert home in {m.entity for m in (party_mention(d290, sender(d290, "Donovan")),)}


def test_a_family_name_with_another_office_or_a_full_name_stays_local_to_its_document(documents):
    d290 = documents["d290"]
    other = Party("author", "Donovan", "Consul at Madras", 0, 7)
    assert party_person_iri(d290, other) == iris.document_iri("frus1948v05p1", "d290") + "/persons/donovan"
    full = Party("author", "Howard Donovan", "Chargé in India", 0, 14)
    assert party_person_iri(d290, full) == iris.document_iri("frus1948v05p1", "d290") + "/persons/howard-donovan"


def test_an_office_misprinted_in_a_small_word_is_the_same_office():
    """frus1949v07p1 d224 "The Consul General of Batavia ( Livengood )", d267 "…al Batavia…": the office is that of
    the 100 other telegrams "…at Batavia…"."""
    keys = {Party("author", "Livengood", f"Consul General {w} Batavia").home_key for w in ("at", "of", "al")}
    assert len(keys) == 1
    assert Party("author", "Livengood", "Consul General at Djakarta").home_key not in keys


def test_a_single_document_file_has_no_homes_elsewhere():
    single = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus1969-76ve09p1-d9.xml"
    assert all(not r.volume.party_homes for r in read_tei(single))


def test_a_plain_text_copy_of_a_volume_with_a_persons_list_is_left_to_the_list():
    """hsg-people knows frus1958-60v08's list, which names no Huddle: a name the list lacks stays unlinked there."""
    printed = {"huddle": ("J. Klahr Huddle",)}
    assert sender(_telegram(printed, sender="Huddle")).entity == HUDDLE
    assert sender(_telegram(printed, year="1958", volume="frus1958-60v08", sender="Huddle")).entity is None

