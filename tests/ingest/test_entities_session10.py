"""Session 10 (issue 16): the last wrong links of ours on the 100 most-tagged people (bench/REPORT.md, "Session 10"):
a title printed in capitals, a misprint that swaps a surname and a middle name, a namesake named just before, a former
President where Administrations are compared, a deputy or assistant secretary's title no listed namesake bore, and a
persons-list description that names another person's office. Each passage is cut unchanged from the FRUS TEI volume
it names (tests/fixtures/identity/session10.json, public domain)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.entities import EntityExtractor
from ingest.heading import parties_of
from ingest.records import DocumentRecord, ListEntry, Mention, Page, Party, VolumeRecord
from ontology import iris

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "identity" / "session10.json"
LYNDON, U_ALEXIS = "106664", "106681"
MCGEORGE, WILLIAM = "101930", "101931"
LODGE, LOUIS_CABOT = "108064", "102060"


@pytest.fixture(scope="module")
def extractor():
    return EntityExtractor()


def _record(volume: str, doc: str) -> DocumentRecord:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    (p,) = [p for p in data["passages"] if (p["volume"], p["doc"]) == (volume, doc)]
    persons = [ListEntry(x, "person", name, description) for x, name, description in data["persons"][volume]]
    heading = p["heading"]
    text = f"{heading}\n\n{p['text']}"
    record = DocumentRecord(VolumeRecord(volume, "t", persons=persons), doc, doc[1:], heading, text, "<fixture>",
                            date=p["date"], pages=[Page("1", 0, len(text))])
    record.parties += [Party(x.role, x.name, x.office, x.start, x.end) for x in parties_of(heading)]
    return record


def passage(extractor, volume: str, doc: str) -> DocumentRecord:
    """The fixture's passage as a document of its volume, with the persons-list entries the fixture keeps."""
    record = _record(volume, doc)
    extractor.run(record)
    return record


def linked(record: DocumentRecord, surface: str, after: str = "") -> list[str | None]:
    """The hsg ids our person mentions printing `surface` in the body link, in order (from the first `after` on)."""
    start = record.text.index(after, len(record.heading)) if after else len(record.heading)
    return [m.entity and m.entity.rsplit("/", 1)[1] for m in record.mentions
            if m.kind == "person" and m.start >= start and surface in record.text[m.start:m.end]]


def test_regression_president_johnson_in_capitals_went_to_u_alexis(extractor):
    """frus1969-76ve04 d3 (telegram from Tehran, February 3, 1969, in capitals): "HOVEYDA RECALLED WARM WORDS WHICH
    PRESIDENT JOHNSON AND OTHER LEADERS HAD VOICED": the title in capitals was not read, and the lone "JOHNSON" went to
    the one Johnson the volume lists, U. Alexis (Under Secretary from February 1969). "President Johnson" in title case
    is Lyndon B. Johnson, the former President; so is the title in capitals."""
    record = passage(extractor, "frus1969-76ve04", "d3")
    assert linked(record, "JOHNSON") == [LYNDON]


def test_regression_a_surname_and_middle_name_swapped_went_to_louis_cabot(extractor):
    """frus1958-60v12 d228 (an editorial note on Lodge's visit to Iran, 1958): "(Eisenhower Library, Whitman File,
    Administrative Series, Henry L. Cabot, Jr., 1957–1958 (1))", a misprint of the folder "Lodge, Henry Cabot, Jr.":
    read from the initial, "L. Cabot" was Louis Cabot. No one is named "Henry L. Cabot"; Henry Cabot Lodge, named in
    the note and listed, bears the forename, "Cabot" as his middle name and a surname starting with L."""
    record = passage(extractor, "frus1958-60v12", "d228")
    (m,) = [m for m in record.mentions if m.kind == "person" and "Cabot, Jr." in record.text[m.start:m.end]]
    assert record.text[m.start:m.end] == "Henry L. Cabot, Jr."
    assert m.entity == iris.person_iri(LODGE)


def test_regression_johnson_wrote_after_codel_johnson_went_to_u_alexis(extractor):
    """frus1961-63v16 d335 (Athens, September 1962; the volume lists both Johnsons): the telegram opens "322. CODEL
    Johnson. Following is summary record conversation between Vice President Johnson and Prime Minister Caramanlis",
    and its note reads "reporting on his tour, Johnson wrote: 'In Greece, …'". "CODEL Johnson" went to U. Alexis
    Johnson (the holder of a principal post), and with both named the note's lone "Johnson" went to him too. A
    congressional delegation is named after its leader, a member of Congress or the Vice President: Lyndon B. Johnson."""
    record = passage(extractor, "frus1961-63v16", "d335")
    assert linked(record, "Johnson")[0] == LYNDON                        # "CODEL Johnson"
    assert linked(record, "Johnson", after="reporting on his tour") == [LYNDON]
    assert U_ALEXIS not in linked(record, "Johnson")


ALLEN, FOSTER = "103701", "103703"


def test_regression_the_secretarys_lone_surname_went_to_the_listed_director_of_central_intelligence(extractor):
    """frus1955-57v23p2 d81 (August 1955; the volume lists only Allen W. Dulles, "Director of Central Intelligence"),
    the notes of a memorandum to the Secretary of State: "2. Dulles crossed out the phrase … 3. Dulles initialed his
    approval of the recommendations … McClurkin briefed representatives of the Sixteen concerning Dulles' decision": all
    went to the listed Allen. John Foster Dulles was Secretary of State that day, the document names the Department
    of State, and it never names Allen Dulles or his office."""
    record = passage(extractor, "frus1955-57v23p2", "d81")
    assert linked(record, "Dulles") and set(linked(record, "Dulles")) == {FOSTER}


def test_regression_an_undated_department_telegram_signed_dulles_went_to_allen(extractor):
    """frus1955-57v23p2 d62, "Telegram From the Department of State to the Embassy in Korea", undated in the volume
    (the reader takes it for an editorial note), signed "Dulles" (the fixture holds the body only, as the reader bounds
    it): the Department's signature rule asked for a date. John Foster Dulles was Secretary of State through all the
    volume's years (1955-1957)."""
    record = _record("frus1955-57v23p2", "d62")
    record.body_start = len(record.heading) + 2
    extractor.run(record)
    assert linked(record, "Dulles") == [FOSTER]


@pytest.mark.parametrize("doc", ["d150", "d168"])
def test_regression_a_former_presidents_administration_went_to_u_alexis(extractor, doc):
    """frus1969-76v12 (Dobrynin to Kissinger, 1970; the volume lists only U. Alexis Johnson): d150 "For example,
    Johnson tried to have a summit in the last six months of his Administration", d168 "When they had proposed to
    Johnson to have a European Security Conference, they had been accused of wanting to settle too much. In this
    Administration, they were accused of trying to settle too little": the former President, set beside the present
    Administration, not the listed Under Secretary."""
    record = passage(extractor, "frus1969-76v12", doc)
    assert linked(record, "Johnson") == [LYNDON]


@pytest.mark.parametrize("doc", ["d100", "d205", "d220"])
def test_regression_a_deputy_assistant_secretary_bundy_went_to_mcgeorge(extractor, doc):
    """frus1961-63v21 (1962-63; the volume lists only McGeorge Bundy): "On November 7, Deputy Assistant Secretary
    Bundy sent a memorandum to the Joint Chiefs of Staff" (d100), "On March 9, Deputy Assistant Secretary of Defense
    Bundy transmitted the memorandum … Bundy stated …" (d205), "a letter from Deputy Assistant Secretary of Defense
    Bundy … Bundy noted …" (d220): McGeorge, the President's Special Assistant, never bore the title; the persons lists
    of the 1961-63 volumes describe William P. Bundy as Deputy Assistant Secretary of Defense for ISA."""
    record = passage(extractor, "frus1961-63v21", doc)
    assert linked(record, "Bundy") and set(linked(record, "Bundy")) == {WILLIAM}


def test_a_title_the_listed_namesake_bore_stays_his(extractor):
    """frus1961-63v04 lists both Bundys; "Deputy Assistant Secretary of Defense for International Security Affairs
    (Bundy)" in d133's heading is William, whom the list describes so: the rule asks nothing of him."""
    record = passage(extractor, "frus1961-63v04", "d133")
    assert {p.entity for p in record.parties if p.name == "Bundy"} == {iris.person_iri(WILLIAM)}


def _bernau_memorandum() -> DocumentRecord:
    """frus1955-57v17 d168 as the TEI reader gives it, from the claims gold set's cut of the volume (its persons list
    whole; tests/fixtures/claims_gold/frus1955-57v17-round8.xml)."""
    from ingest.tei_reader import read_tei
    cut = Path(__file__).resolve().parent.parent / "fixtures" / "claims_gold" / "frus1955-57v17-round8.xml"
    (record,) = [r for r in read_tei(cut) if r.doc_id == "d168"]
    EntityExtractor(title_only=True).run(record)
    return record


def test_regression_the_secretary_went_to_his_personal_assistant():
    """frus1955-57v17 d168 (Bernau's memorandum of the Secretary's telephone call to Lodge, February 1957), read with
    the title-only mentions: "the Secretary" went to Phyllis D. Bernau, whom the persons list describes as "Secretary
    of State Dulles’ Personal Assistant". A title followed by another person's name in the possessive, or by "to", is
    that person's office, not hers."""
    record = _bernau_memorandum()
    bernau = iris.person_iri("101238")
    assert not [m for m in record.mentions if m.entity == bernau and "Bernau" not in record.text[m.start:m.end]]


def test_the_secretary_of_state_is_no_canadian_secretary_of_state_for_external_affairs():
    """The same heading, "Between the Secretary of State in Washington and the Representative at the United Nations
    (Lodge)": with Bernau's description no longer read as a Secretary's, the list's one "Secretary of State" left was
    Lester Pearson, "Canadian Secretary of State for External Affairs" — a longer title, not the one printed (found
    by the claims tests while this session's change was made, never committed)."""
    record = _bernau_memorandum()
    assert not [m for m in record.mentions if m.entity == iris.person_iri("110486")]


@pytest.mark.parametrize("volume, doc, printed, tagged, rule_id, meant", [
    ("frus1961-63v04", "d150", "Bundy thinks", MCGEORGE, "v04-d150-bundy-thinks-as-mcgeorge", WILLIAM),
    ("frus1961-63v04", "d133", "the Bundy draft", MCGEORGE, "v04-d133-the-bundy-draft-as-mcgeorge", WILLIAM),
    ("frus1961-63v04", "d6", "Harriman, Bundy,", WILLIAM, "v04-d6-cable-drafted-by-bundy-as-william", MCGEORGE),
    ("frus1961-63v21", "d205", "Defense Bundy", MCGEORGE,
     "v21-deputy-assistant-secretary-of-defense-bundy-in-notes-as-mcgeorge", WILLIAM),
    ("frus1961-63v21", "d220", "Bundy noted", MCGEORGE,
     "v21-deputy-assistant-secretary-of-defense-bundy-in-notes-as-mcgeorge", WILLIAM),
])
def test_the_editors_tags_of_the_other_bundy_are_markup_errors(volume, doc, printed, tagged, rule_id, meant):
    """Read in the TEI text with their documents: d150's "Bundy thinks" is William's 1984 interview; d133's "the Bundy
    draft" is William's own draft ("my draft"); d6's cable "drafted by McNamara, Harriman, Bundy, Forrestal and Hilsman
    following this morning's meeting" names the Bundy of that meeting, listed among the White House staff (McGeorge);
    frus1961-63v21's notes of 1962-63 name the Defense Bundy (William). Each rule moves the tag in the corrected count."""
    from ingest.markup_errors import matching_error
    record = _record(volume, doc)
    at = record.text.index(printed) + printed.index("Bundy")
    tag = Mention(at, at + 5, "person", "tei-markup", 1.0, None, "Bundy")
    rule = matching_error(record, tag, tagged)
    assert rule is not None and (rule.id, rule.meant) == (rule_id, meant)
