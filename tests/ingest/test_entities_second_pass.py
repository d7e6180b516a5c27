"""Session 9, second pass (issue 16): what data settles among the wrong links left on the 100 most-tagged people
(bench/REPORT.md, "Session 9, second pass"): the Vice Presidents of the United States as dated posts
(ingest/data/authorities/vice_presidents.tsv). Each passage is cut unchanged from the FRUS TEI volume it names
(tests/fixtures/identity/second_pass.json, public domain)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.authorities import authorities
from ingest.entities import EntityExtractor
from ingest.heading import parties_of
from ingest.records import DocumentRecord, ListEntry, Page, Party, VolumeRecord
from ontology import iris

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "identity" / "second_pass.json"
LYNDON, U_ALEXIS = "106664", "106681"


@pytest.fixture(scope="module")
def extractor():
    return EntityExtractor()


def passage(extractor, volume: str, doc: str) -> DocumentRecord:
    """The fixture's passage as a document of its volume, with the persons-list entries the fixture keeps."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    (p,) = [p for p in data["passages"] if (p["volume"], p["doc"]) == (volume, doc)]
    persons = [ListEntry(x, "person", name, description) for x, name, description in data["persons"][volume]]
    heading = p["heading"]
    text = f"{heading}\n\n{p['text']}"
    record = DocumentRecord(VolumeRecord(volume, "t", persons=persons), doc, doc[1:], heading, text, "<fixture>",
                            date=p["date"], pages=[Page("1", 0, len(text))])
    record.parties += [Party(x.role, x.name, x.office, x.start, x.end) for x in parties_of(heading)]
    extractor.run(record)
    return record


# -- the Vice Presidents ------------------------------------------------------------------------------------------------

def test_the_vice_presidents_are_dated_posts():
    """The hand table's terms: Johnson 1961-01-20 to 1963-11-22 (then President), Humphrey from 1965-01-20; no one
    in the vacancy of 1964."""
    a = authorities()
    holders = lambda date: {p.hsg for p in a.holders("Vice President of the United States", date)}
    assert holders("1961-06-08") == {LYNDON}
    assert holders("1964-06-01") == set()
    assert holders("1965-03-01") == {"106282"}          # Hubert H. Humphrey
    assert holders("1955-01-01") == {"109882"}          # Richard M. Nixon


def test_regression_vice_president_johnson_in_1961_went_to_u_alexis(extractor):
    """frus1961-63v12 d312 (June 1961), "Present at the meeting were: The President, Secretary Rusk, Secretary
    McNamara, Vice President Johnson, …, Alexis Johnson, …": the volume lists only U. Alexis Johnson, and no data held
    the Vice Presidency, so "Vice President Johnson" went to him. Lyndon B. Johnson was Vice President that day."""
    record = passage(extractor, "frus1961-63v12", "d312")
    vice = [m for m in record.mentions if m.exact == "Johnson" and (m.office or "").lower() == "vice president"]
    assert [m.entity for m in vice] == [iris.person_iri(LYNDON)]
    alexis = [m for m in record.mentions if m.kind == "person" and "Alexis" in m.exact]
    assert alexis and {m.entity for m in alexis} == {iris.person_iri(U_ALEXIS)}


def test_a_presidents_title_is_not_the_vice_presidents():
    """"President Johnson" in 1962 names no holder of the Presidency's word in the Vice President's post: the word
    "President" in "Vice President of the United States" is not the post's head."""
    from ingest.entities.namesakes import _bearing_the_word
    assert _bearing_the_word({LYNDON, U_ALEXIS}, "President", "1962-05-01") == {}
    assert set(_bearing_the_word({LYNDON, U_ALEXIS}, "Vice President", "1962-05-01")) == {LYNDON}


# -- offices outside POCOM, from the persons lists of other volumes ---------------------------------------------------

MCGEORGE, WILLIAM = "101930", "101931"


@pytest.mark.parametrize("doc", ["d102", "d382"])
def test_regression_a_defense_bundy_in_a_volume_listing_only_mcgeorge_went_to_mcgeorge(extractor, doc):
    """frus1961-63v21 d102 (December 1962), "Memorandum From the Deputy Assistant Secretary of Defense for
    International Security Affairs (Bundy) to Secretary of Defense McNamara", and d382 (June 1961), "… From the Acting
    Assistant Secretary of Defense (Bundy) to the Deputy Secretary of Defense (Gilpatric)": the volume lists only
    McGeorge Bundy, and neither POCOM nor its list knows the Defense office, so the name went to McGeorge. The persons
    lists of the 1961-63 volumes that list William P. Bundy describe him as "Deputy Assistant Secretary of Defense for
    International Security Affairs"."""
    record = passage(extractor, "frus1961-63v21", doc)
    assert {p.entity for p in record.parties if p.name == "Bundy"} == {iris.person_iri(WILLIAM)}


def test_the_presidents_special_assistant_bundy_stays_mcgeorge(extractor):
    """frus1961-63v21 d12 (October 1963), "… to the President's Special Assistant for National Security Affairs
    (Bundy)": McGeorge, whom the same lists describe with the office's words."""
    record = passage(extractor, "frus1961-63v21", "d12")
    assert {p.entity for p in record.parties if p.name == "Bundy"} == {iris.person_iri(MCGEORGE)}


def test_the_office_must_be_described_in_a_volume_of_the_documents_years():
    """William P. Bundy's Defense office is described in the 1961-63 and 1964-68 volumes: in 1970 no namesake fits."""
    from ingest.entities.offices import office_from_remarks
    office = "Deputy Assistant Secretary of Defense for International Security Affairs"
    assert office_from_remarks(office, {MCGEORGE, WILLIAM}, 1962)[0] == WILLIAM
    assert office_from_remarks(office, {MCGEORGE, WILLIAM}, 1975) is None


def test_the_editors_tag_of_the_acting_assistant_secretary_of_defense_bundy_is_a_markup_error():
    """The editors tag d382's "(Bundy)" as McGeorge (p_BMG2), as they do d102's; the rule
    `v21-acting-assistant-secretary-of-defense-bundy-as-mcgeorge` moves d382's to William in the corrected count (d102's,
    the office printed in full, was already moved by `bundy-assistant-secretary-as-mcgeorge`), and no rule moves d12's
    tag of the President's Special Assistant."""
    from ingest.markup_errors import matching_error
    from ingest.records import Mention
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for doc, moved_by in (("d382", "v21-acting-assistant-secretary-of-defense-bundy-as-mcgeorge"),
                          ("d102", "bundy-assistant-secretary-as-mcgeorge"), ("d12", None)):
        (p,) = [p for p in data["passages"] if p["doc"] == doc]
        text = f"{p['heading']}\n\n{p['text']}"
        at = text.index("(Bundy)") + 1
        record = DocumentRecord(VolumeRecord("frus1961-63v21", "t"), doc, doc[1:], p["heading"], text, "<fixture>",
                                date=p["date"])
        tag = Mention(at, at + 5, "person", "tei-markup", 1.0, None, "Bundy", tei_ref="#p_BMG2")
        rule = matching_error(record, tag, MCGEORGE)
        assert (rule.id if rule else None) == moved_by
        assert rule is None or rule.meant == WILLIAM


def people(record: DocumentRecord) -> list[tuple[str, str | None]]:
    """(text, linked hsg id) of the person mentions of the body (past the heading)."""
    return [(m.exact, m.entity and m.entity.rsplit("/", 1)[1]) for m in record.mentions
            if m.kind == "person" and m.start >= len(record.heading)]


HAYDN, MENNEN = "114609", "114611"


def test_regression_the_defense_williams_went_to_mennen_williams(extractor):
    """frus1961-63v21 d203 (October 1961), "Letter From the Deputy Assistant Secretary of Defense for International
    Security Affairs (Williams) to the Deputy Under Secretary of State for Political Affairs (Johnson)", signed
    "Haydn": the volume lists only G. Mennen Williams (Assistant Secretary of State for African Affairs), and the
    author went to him. The 1961-63 persons lists describe F. Haydn Williams with the office; the note's "Kitchen
    responded to Williams' request" is his too. The editors' tags (p_WGM1) are moved by
    `defense-isa-haydn-williams-as-mennen-williams`."""
    from ingest.markup_errors import matching_error
    from ingest.records import Mention
    record = passage(extractor, "frus1961-63v21", "d203")
    assert {p.entity for p in record.parties if p.name == "Williams"} == {iris.person_iri(HAYDN)}
    assert [who for text, who in people(record) if text == "Williams"] == [HAYDN]
    for at in (record.text.index("(Williams)") + 1, record.text.index("Williams' request")):
        tag = Mention(at, at + 8, "person", "tei-markup", 1.0, None, "Williams", tei_ref="#p_WGM1")
        assert matching_error(record, tag, MENNEN).meant == HAYDN


def test_the_office_read_from_other_lists_is_asked_of_records_of_the_printed_surname_only():
    """"British Ambassador (Harlech)" (frus1964-68v15 d23, 1964): Lord Harlech has two records, the listed
    "William David Ormsby-Gore" and "David Ormsby Gore", whose 1964-68 remarks alone name the office; "Harlech" is
    neither's surname, and the listed record is kept."""
    from ingest.entities.offices import office_from_remarks
    assert office_from_remarks("British Ambassador", {"110122", "105050"}, 1964, "Harlech") is None
    assert office_from_remarks("Deputy Assistant Secretary of Defense", {MCGEORGE, WILLIAM}, 1962, "Bundy")[0] == WILLIAM


@pytest.mark.parametrize("volume, doc, printed, ref, tagged, rule, meant", [
    ("frus1958-60v04", "d30", "(Smith)", "#p_SJHJ1", "112632", "v04-assistant-secretary-for-policy-planning-smith-as-james-h",
     "112616"),
    ("frus1961-63v22", "d351", "General Kennedy", "#p_KJF1", "107025", "attorney-general-kennedy-1961-63-as-the-president",
     "107032"),
])
def test_editors_tags_of_a_namesake_that_the_office_read_from_other_lists_shows(volume, doc, printed, ref, tagged, rule,
                                                                                 meant):
    """"Memorandum From the Assistant Secretary of State for Policy Planning (Smith) to the Under Secretary of State
    (Dillon)" (December 1960) is Gerard C. Smith, tagged as James H. Smith, Jr.; "The article stated that Attorney
    General Kennedy had hinted while in Japan …" (February 1962) is Robert F. Kennedy, tagged as the President. Our
    links name the person meant; the rules move the tags in the corrected count."""
    from ingest.markup_errors import matching_error
    from ingest.records import Mention
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    (p,) = [p for p in data["passages"] if (p["volume"], p["doc"]) == (volume, doc)]
    text = f"{p['heading']}\n\n{p['text']}"
    name = printed.strip("()").split()[-1]
    at = text.index(printed) + printed.index(name)
    record = DocumentRecord(VolumeRecord(volume, "t"), doc, doc[1:], p["heading"], text, "<fixture>", date=p["date"])
    tag = Mention(at, at + len(name), "person", "tei-markup", 1.0, None, name, tei_ref=ref)
    found = matching_error(record, tag, tagged)
    assert (found.id, found.meant) == (rule, meant)


def test_regression_the_assistant_secretary_for_policy_planning_smith_went_to_the_ica_director(extractor):
    """frus1958-60v04 d30 (December 1960): the heading's "(Smith)" went to James H. Smith, Jr., the Smith the volume
    lists; the 1958-60 persons lists describe Gerard C. Smith as "Assistant Secretary of State for Policy Planning"."""
    record = passage(extractor, "frus1958-60v04", "d30")
    assert {p.entity for p in record.parties if p.name == "Smith"} == {iris.person_iri("112616")}


# -- headings whose office the persons lists of other volumes settle, where the editors tag a namesake ------------------

@pytest.mark.parametrize("doc, surname, tagged, meant, rule", [
    ("d222", "White", "114500", "114516", "v01-air-force-chief-of-staff-white-as-isaac"),
    ("d242", "Bell", "101120", "101122", "v01-deputy-coordinator-for-mutual-security-bell-as-james-d"),
    ("d182", "Scott", "112152", "112154", "v02-director-of-the-executive-secretariat-scott-as-robert-h"),
    ("d82", "Armstrong", "100586", "100585", "v08-special-assistant-for-intelligence-armstrong-as-willis-c"),
    ("d173", "Howe", "106177", "106178", "v09-director-of-the-executive-secretariat-howe-as-clarence-d"),
    ("d107", "Smith", "112636", "112597", "v29p1-executive-secretary-of-the-nsc-smith-as-john-v"),
    ("d309", "Oliver", "110068", "110067", "v34-assistant-secretary-for-inter-american-affairs-oliver-as-john-g"),
    ("d328", "Smith", "112616", "112597", "v02-executive-officer-of-the-ocb-smith-as-gerard"),
    ("d116", "Eisenhower", "103887", "103888", "heading-assistant-staff-secretary-eisenhower-as-the-president"),
    ("d231", "Parsons", "110400", "110401", "v18-deputy-assistant-secretary-far-eastern-parsons-as-howard-l"),
])
def test_regression_a_heading_office_outside_pocom_went_to_the_listed_namesake(extractor, doc, surname, tagged, meant,
                                                                                 rule):
    """Headings of 1955-68 ("… to the Chief of Staff, United States Air Force (White)", "Memorandum From the Deputy
    Coordinator for Mutual Security (Bell)", "… the Director of the Executive Secretariat (Scott)", "… Special Assistant
    for Intelligence (Armstrong)", "… the Director of the Executive Secretariat (Howe)", "… the Executive Secretary of
    the National Security Council (Smith)", "… the Assistant Secretary of State for Inter-American Affairs (Oliver)"):
    the party went to the namesake the volume lists (and the editors tag), whom no persons list describes with the
    office; the persons lists of other volumes of those years describe the one meant (Thomas D. White, John O. Bell,
    Walter K. Scott, W. Park Armstrong, Fisher Howe, Bromley K. Smith, Covey T. Oliver). The tag is a markup error."""
    from ingest.markup_errors import matching_error
    from ingest.records import Mention
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    (h,) = [h for h in data["headings"] if h["doc"] == doc]
    heading = h["heading"]
    record = DocumentRecord(VolumeRecord(h["volume"], "t"), doc, doc[1:], heading, heading, "<fixture>", date=h["date"],
                            pages=[Page("1", 0, len(heading))])
    record.parties += [Party(x.role, x.name, x.office, x.start, x.end) for x in parties_of(heading)]
    extractor.run(record)
    assert {p.entity for p in record.parties if p.name == surname} == {iris.person_iri(meant)}
    at = heading.index(f"({surname})") + 1
    tag = Mention(at, at + len(surname), "person", "tei-markup", 1.0, None, surname, tei_ref="#x")
    found = matching_error(record, tag, tagged)
    assert found is not None and (found.id, found.meant) == (rule, meant)


def test_regression_vice_president_johnson_in_a_heading_is_the_vice_president(extractor):
    """frus1961-63v02 d136 (March 1962), "Memorandum From the Vice President's Military Aide (Burris) to Vice President
    Johnson", tagged as Robert H. Johnson: the Vice President of the day (vice_presidents.tsv); the rule
    `vice-president-johnson-1961-63-as-a-namesake` moves the tag."""
    from ingest.markup_errors import matching_error
    from ingest.records import Mention
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    (h,) = [h for h in data["headings"] if h["doc"] == "d136"]
    heading = h["heading"]
    record = DocumentRecord(VolumeRecord(h["volume"], "t"), "d136", "136", heading, heading, "<fixture>", date=h["date"],
                            pages=[Page("1", 0, len(heading))])
    record.parties += [Party(x.role, x.name, x.office, x.start, x.end) for x in parties_of(heading)]
    extractor.run(record)
    assert {p.entity for p in record.parties if p.name == "Johnson"} == {iris.person_iri(LYNDON)}
    at = heading.rindex("Johnson")
    tag = Mention(at, at + 7, "person", "tei-markup", 1.0, None, "Johnson", tei_ref="#p_JRH1")
    assert matching_error(record, tag, "106674").id == "vice-president-johnson-1961-63-as-a-namesake"
