"""Historical documents whose heading names a sender get an author, for the heading shapes that had none (issue 16):
an office printed without a name ("From the Secretary of State"), 1950s headings numbered without "From" ("No. 304
The Secretary of State to the Embassy in Indonesia"), posts at a place that is no country ("the Mission at Berlin",
"the Delegation to the Foreign Ministers Meeting"), staffs, boards, stations and headquarters. Real FRUS headings."""
from __future__ import annotations

import pytest

from ingest.entities import EntityExtractor
from ingest.entities.posts import heading_posts
from ingest.heading import parties_of, posts_of
from ingest.records import DocumentRecord, ListEntry, Page, Party, VolumeRecord
from ingest.triples import document_graph
from ontology import iris
from ontology.fast_shacl import GraphIndex, validate_fast
from ontology.validation import validate

DULLES, EISENHOWER = iris.person_iri("103703"), iris.person_iri("103887")
STATE = iris.organization_iri("department-of-state")


@pytest.fixture(scope="module")
def extractor():
    return EntityExtractor()


def read(extractor, heading: str, date: str, volume: str = "frus1955-57v02", body: str = "We agree.") -> DocumentRecord:
    text = f"{heading}\n\nWashington, {date}.\n\n{body}"
    record = DocumentRecord(VolumeRecord(volume, "t"), "d7", "7", heading, text, "<test>", date=date,
                            pages=[Page("1", 0, len(text))])
    for p in parties_of(heading):
        record.parties.append(Party(p.role, p.name, p.office, p.start, p.end))
    extractor.run(record)
    return record


def authors(record: DocumentRecord) -> list[str]:
    return [p.entity for p in record.parties if p.role == "author"] + [m.entity for r, m in heading_posts(record)
                                                                      if r == "author"]


def test_an_office_without_a_name_is_its_holder_at_the_date(extractor):
    record = read(extractor, "307. Telegram From the Secretary of State to the Department of State", "1955-03-16")
    (party,) = [p for p in record.parties if p.role == "author"]
    assert (party.entity, party.office, party.start) == (DULLES, "Secretary of State", None)
    assert party.office_iri == iris.position_iri("secretary") and "POCOM" in party.explanation
    assert authors(record) == [DULLES]
    assert not [m for m in record.mentions if m.kind == "person" and m.start < len(record.heading)]


def test_the_president_as_sender_is_the_president_of_the_day(extractor):
    record = read(extractor, "71. Letter From the President to the Supreme Allied Commander, Europe (Gruenther)",
                  "1955-04-02")
    assert authors(record) == [EISENHOWER]


def test_an_acting_secretary_is_the_department_not_a_guessed_person(extractor):
    record = read(extractor, "84. Telegram From the Acting Secretary of State to the Embassy in the United Kingdom",
                  "1955-02-10")
    assert authors(record) == [STATE]
    (post,) = [m for r, m in heading_posts(record) if r == "author"]
    assert "without a name" in post.explanation


def test_a_numbered_heading_without_from_names_its_sender(extractor):
    heading = "No. 304 The Secretary of State to the Embassy in Indonesia"
    assert [(p.role, p.name, p.kind) for p in posts_of(heading)] == [
        ("author", "Secretary of State", "Office"), ("recipient", "Embassy in Indonesia", "Embassy")]
    record = read(extractor, heading, "1954-08-20", volume="frus1952-54v12p2")
    assert authors(record) == [DULLES]
    assert [m.entity for r, m in heading_posts(record) if r == "recipient"] == [iris.organization_iri("us-embassy-indonesia")]


def test_a_numbered_heading_with_a_named_officer_is_a_party():
    heading = "No. 5 The Ambassador in France (Caffery) to the Department of State"
    assert [(p.role, p.name, p.office) for p in parties_of(heading)] == [("author", "Caffery", "Ambassador in France")]


@pytest.mark.parametrize("heading, sender", [
    ("2. Telegram From the Mission at Berlin to the Embassy in Germany", "us-mission-at-berlin"),
    ("308. Telegram From the Delegation to the Foreign Ministers Meeting to the Department of State",
     "us-delegation-at-foreign-ministers-meeting"),
    ("173. Memorandum From the Joint Chiefs of Staff to the Secretary of Defense", "jcs"),
    ("241. Telegram From the CIA Station in Guatemala to Operation PBSUCCESS Headquarters in Florida",
     "us-cia-station-in-guatemala"),
    ("No. 174 Paper Approved by the Operations Coordinating Board", "us-operations-coordinating-board"),
    ("393. Telegram From the Office of the Permanent Representative to the North Atlantic Treaty Organization to the "
     "Department of State", "us-office-of-the-permanent-representative-to-the-north-atlantic-treaty-organization"),
])
def test_posts_staffs_and_stations_as_senders(extractor, heading, sender):
    record = read(extractor, heading, "1958-06-01", volume="frus1958-60v08")
    assert authors(record) == [iris.organization_iri(sender)]


def test_the_embassy_in_germany_of_1958_is_the_us_embassy_in_west_germany(extractor):
    """POCOM files the envoys to the Federal Republic under today's Germany (gsh: from 1990); in 1958 the state of that
    formal name was West Germany, where the Embassy's telegrams had no country (session 51)."""
    record = read(extractor, "193. Telegram From the Embassy in Germany to the Department of State", "1958-06-01",
                  volume="frus1958-60v08")
    (embassy,) = authors(record)
    assert embassy == iris.organization_iri("us-embassy-west-germany-1990")
    data = document_graph(record)
    assert (f"<{embassy}>", "<http://schema.org/location>", f"<{iris.country_iri('west-germany-1990')}>") in data.triples



def test_the_secretary_of_defense_as_recipient_is_his_department(extractor):
    record = read(extractor, "173. Memorandum From the Joint Chiefs of Staff to the Secretary of Defense", "1955-06-01")
    assert [m.entity for r, m in heading_posts(record) if r == "recipient"] == [
        iris.organization_iri("department-of-defense")]


def test_an_office_holder_without_a_span_conforms_to_the_shapes(extractor):
    record = read(extractor, "287. Memorandum From the Secretary of State to the Under Secretary of State (Hoover)",
                  "1955-06-01")
    assert [(p.role, p.entity) for p in record.parties if p.start is None] == [("author", DULLES)]
    data = document_graph(record)
    doc = f"<{iris.document_iri('frus1955-57v02', 'd7')}>"
    assert (doc, "<http://schema.org/author>", f"<{DULLES}>") in data.triples
    assert validate_fast(GraphIndex(data.triples, data.nquads)).conforms
    assert validate(data.quads()).conforms


def test_running_twice_adds_the_office_holder_once(extractor):
    record = read(extractor, "307. Telegram From the Secretary of State to the Department of State", "1955-03-16")
    extractor.run(record)
    assert len([p for p in record.parties if p.role == "author"]) == 1


def test_regression_an_office_only_sender_made_an_unlisted_surname_count_as_named(extractor):
    """frus1958-60v02 does not list Herter: 'From the Secretary of State' (Herter, 1959) makes him the author, but a
    lone 'Herter' in the text still needs the persons list, as the editors' tagging does."""
    record = read(extractor, "86. Telegram From the Secretary of State to the Department of State", "1959-06-01",
                  volume="frus1958-60v02", body="Herter told Gromyko that the West would stand firm.")
    assert authors(record) == [iris.person_iri("105858")]
    assert not [m for m in record.mentions if m.exact == "Herter"]


def test_an_unnumbered_1940s_heading_names_its_sender(extractor):
    """frus1948v05p1 prints "The Secretary of State to the Embassy in Egypt" without a number (139 such documents
    in that volume had no author)."""
    record = read(extractor, "The Secretary of State to the Embassy in Egypt", "1948-06-09", volume="frus1948v05p1")
    assert authors(record) == [iris.person_iri("108548")]          # George C. Marshall, Secretary of State (POCOM)
    assert [r for r, _ in heading_posts(record)] == ["recipient"]


def test_an_interests_section_in_another_embassy_is_a_post(extractor):
    record = read(extractor, "13. Telegram From the U.S. Interests Section of the Spanish Embassy in the United Arab "
                             "Republic to the Department of State", "1967-12-10", volume="frus1964-68v20")
    (author,) = authors(record)
    assert author.startswith(iris.organization_iri("us-interests-section-"))


def test_the_vice_president_is_the_persons_list_entry_described_as_such_at_the_date(extractor):
    persons = [ListEntry("p_JLB1", "person", "Johnson, Lyndon B.", "Vice President of the United States from January 20, 1961"),
               ListEntry("p_NNT1", "person", "Nguyen Ngoc Tho", "Vice President of the Republic of Vietnam"),
               ListEntry("p_BCHL1", "person", "Burris, Col. Howard L.", "Vice President's Military Aide")]
    heading = "60. Report by the Vice President"
    text = f"{heading}\n\nWashington, May 23, 1961.\n\nWe agree."
    record = DocumentRecord(VolumeRecord("frus1961-63v01", "t", persons=persons), "d60", "60", heading, text, "<test>",
                            date="1961-05-23", pages=[Page("1", 0, len(text))])
    extractor.run(record)
    (party,) = [p for p in record.parties if p.role == "author"]
    assert "Johnson" in party.label and "persons list" in party.explanation and party.start is None


def test_the_office_of_a_sender_after_by_is_no_recipient():
    """'Memorandum by the Special Assistant to the Secretary of State (Battle)': the 'to' belongs to the office."""
    heading = "Memorandum by the Special Assistant to the Secretary of State (Battle)"
    assert [(p.role, p.name, p.office) for p in parties_of(heading)] == [
        ("author", "Battle", "Special Assistant to the Secretary of State")]
    assert [(p.role, p.name) for p in parties_of(heading + " to the Secretary of State")] == [("author", "Battle")]


def test_a_courtesy_title_is_no_office():
    (party,) = parties_of("Memorandum of Conversation, by Mr. Richard H. Sanger of the Division of Near Eastern Affairs")
    assert (party.role, party.name, party.office) == ("author", "Richard H. Sanger", "Division of Near Eastern Affairs")


def test_regression_a_sender_the_editors_marked_to_was_read_as_a_recipient(tmp_path):
    """frus1964-68v11 d300: "Memorandum From Secretary of State <persName type="to">Rusk</persName> to President
    Johnson"; the heading prints Rusk among the senders, so he is the author."""
    path = tmp_path / "frus1964-68v11-d300.xml"
    path.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frus1964-68v11"><teiHeader><fileDesc><titleStmt>'
        '<title type="complete">Foreign Relations</title></titleStmt></fileDesc></teiHeader><text><body><pb n="1"/>'
        '<div type="document" xml:id="d300" n="300"><head>300. Memorandum From Secretary of State <persName type="to">'
        'Rusk</persName> to President <persName type="to">Johnson</persName></head>'
        '<dateline><placeName>Washington</placeName>, <date when="1968-07-01">July 1, 1968</date>.</dateline>'
        '<p>We agree.</p></div></body></text></TEI>', encoding="utf-8")
    from ingest.tei_reader import read_tei
    [record] = read_tei(path)
    assert [(p.role, p.name) for p in record.parties] == [("author", "Rusk"), ("recipient", "Johnson")]


def test_a_supplement_memorandum_names_its_sender_by_surname_a_telegram_from_a_city_does_not():
    """frus1961-63v10-12mSupp prints "Memorandum from Mann to Rusk, January 25, 1961. …" (about 40 documents had no
    author); "Telegram 746 from Santiago" names a post by its city, not a person."""
    heading = "112. Memorandum from Mann to Rusk, January 25, 1961. Overthrow of the Junta Government. Confidential."
    assert [(p.role, p.name) for p in parties_of(heading)] == [("author", "Mann"), ("recipient", "Rusk")]
    assert parties_of("29. Telegram 746 from Santiago, March 8, 1962. Text of agreement. Confidential.") == []


def test_regression_a_heading_party_the_editors_tagged_stayed_local_when_no_rule_resolved_it(extractor):
    """"126. Letter From the Shah of Iran to President Johnson": the editors tag "Shah" (persName type="from"
    corresp="#p_PMR1") and the mention is Mohammad Reza Pahlavi, but the author was '…/d126/persons/shah'."""
    from ingest.records import Mention
    heading = "126. Letter From the Shah of Iran to President Johnson"
    text = f"{heading}\n\nTehran, March 25, 1966.\n\nDear Mr. President: We agree."
    shah = iris.person_iri("110290")
    s = text.index("Shah")
    record = DocumentRecord(VolumeRecord("frus1964-68v22", "t"), "d126", "126", heading, text, "<test>",
                            date="1966-03-25", pages=[Page("1", 0, len(text))],
                            parties=[Party("author", "Shah", None, s, s + 4, tei_ref="#p_PMR1")])
    record.mentions.append(Mention(s, s + 4, "person", "tei-markup", 1.0, shah, "Mohammad Reza Pahlavi",
                                   explanation="the editors' tag", exact="Shah"))
    extractor.run(record)
    author = [p for p in record.parties if p.role == "author"]
    assert author and author[0].entity == shah and "Shah" in author[0].explanation
    authors = {o for s_, p, o in document_graph(record).triples if p == "<http://schema.org/author>"}
    assert authors == {f"<{shah}>"}


@pytest.mark.parametrize("heading", ["Memorandum for the United States Delegation to the General Assembly",
                                     "Resolution Adopted by the General Assembly"])
def test_regression_the_general_assembly_is_no_general_named_assembly(heading):
    """frus1948v01p1 d69, d266: "General" was read as a rank and "Assembly" as a person's name."""
    assert not [p for p in parties_of(heading) if p.name == "Assembly"]


@pytest.mark.parametrize("heading, date, post, country", [
    ("Telegram From the Embassy in Korea to the Department of State", "1955-05-01", "us-embassy-korea-south",
     "korea-south"),
    ("Telegram From the Embassy in Vietnam to the Department of State", "1965-05-01",
     "us-embassy-south-vietnam-1975", "south-vietnam-1975"),
    ("Telegram From the Embassy in Viet-Nam to the Department of State", "1960-03-01",
     "us-embassy-south-vietnam-1975", "south-vietnam-1975"),
])
def test_regression_an_embassy_in_a_divided_country_is_at_the_state_washington_had_an_envoy_to(extractor, heading,
                                                                                                date, post, country):
    """"Korea" after 1948 and "Vietnam" 1954–1975 name two states, so the posts were minted by place
    (`us-embassy-at-korea`, no country): every telegram from Seoul or Saigon. The United States had a chief of
    mission (POCOM) only to the Republic of Korea and the Republic of Vietnam."""
    record = read(extractor, heading, date)
    (sender,) = [m for r, m in heading_posts(record) if r == "author"]
    assert sender.entity == iris.organization_iri(post)
    assert "POCOM" in sender.explanation
    graph = document_graph(record)
    assert (f"<{iris.organization_iri(post)}>", "<http://schema.org/location>", f"<{iris.country_iri(country)}>") \
        in graph.triples


def test_regression_the_ambassador_in_korea_was_in_no_country_pocom_knew(extractor):
    """POCOM files the ambassadors to the Republic of Korea under its older country id "korea", which the
    derivative kept as is: no post of Muccio's was in a country, and "(Muccio)" stayed unlinked."""
    record = read(extractor, "Telegram From the Ambassador in Korea (Muccio) to the Secretary of State", "1950-06-25")
    (muccio,) = [p for p in record.parties if p.name == "Muccio"]
    assert muccio.entity == iris.person_iri("109494")
    assert "South Korea" in muccio.explanation


def test_the_embassy_in_germany_of_1980_is_the_federal_republics_not_the_gdrs(extractor):
    """In 1980 POCOM has envoys both under today's Germany (the Federal Republic's) and under East Germany (the GDR's,
    from 1974); "Germany" names the first only."""
    record = read(extractor, "Telegram From the Embassy in Germany to the Department of State", "1980-06-01")
    (sender,) = [m for r, m in heading_posts(record) if r == "author"]
    assert sender.entity == iris.organization_iri("us-embassy-west-germany-1990")
    assert "the state of that formal name in 1980 being West Germany" in sender.explanation


def test_regression_a_place_after_the_headings_and_was_a_person_of_the_document_1958_middle_east(extractor):
    """frus1958-60v11 d361: "… to Certain Diplomatic Missions and Consular Offices in Europe and the Middle East" gave
    the recipient …/d361/persons/middle-east, a schema:Person and a node of the correspondence network."""
    heading = ("361. Circular Telegram From the Department of State to Certain Diplomatic Missions and Consular Offices "
               "in Europe and the Middle East")
    assert parties_of(heading) == []       # session 34: the heading's grammar no longer gives it either
    record = read(extractor, heading, "1958-08-20")
    assert record.parties == []
    quads = document_graph(record).nquads
    assert "persons/middle-east" not in (quads.decode() if isinstance(quads, bytes) else quads)
    assert authors(record) == [STATE]


@pytest.mark.parametrize("heading,party,date", [
    ("112. Report by the Operations Coordinating Board’s Special Committee on Soviet and Related Problems",
     "Related Problems", "1957-10-14"),
    ("201. Memorandum From the Deputies Committee of the National Advisory Council for International Monetary and "
     "Financial Problems", "Financial Problems", "1959-03-02"),
    ("278. Telegram From the Mission to the North Atlantic Treaty Organization and European Regional Organizations to "
     "the Department of State", "European Regional Organizations", "1959-05-02"),
])
def test_regression_the_last_words_of_a_committees_name_were_a_person(extractor, heading, party, date):
    """frus1955-57v24 d112, frus1958-60v04 d201, frus1958-60v10p2 d278 (session 25): the heading's "and" left the end of
    a body's name as a party, and "Related Problems" was the author of 72 claims. Words the corpus prints in lower
    case, none a given name or surname of anyone the authority data knows, are no person."""
    # what the heading's grammar gives, except a region's word (session 34: "European Regional Organizations")
    assert party in [p.name for p in parties_of(heading)] or party.split()[0] == "European"
    record = read(extractor, heading, date)
    assert party not in [p.name for p in record.parties]


def test_a_name_of_common_words_that_people_bear_is_still_a_party(extractor):
    """"Frank Church" is two words the corpus prints in lower case, and a senator's name."""
    record = read(extractor, "7. Letter From Frank Church to Secretary of State Rusk", "1965-03-02", volume="frus1964-68v02")
    assert "Frank Church" in [p.name for p in record.parties]


def test_an_office_or_a_withheld_name_is_not_taken_for_words_that_name_no_one(extractor):
    """"Letter From the President to the Ambassador in the United Kingdom (Whitney)" (frus1955-57v20 d234) and a
    sender "[name not declassified]" are parties, though their words are ones the corpus prints in lower case."""
    record = read(extractor, "234. Letter From the President to the Ambassador in the United Kingdom (Whitney)",
                  "1957-05-01", volume="frus1955-57v20")
    assert EISENHOWER in authors(record)
    heading = ("206. Memorandum From the Central Intelligence Agency’s Member on the Inter-Agency Committee on Iraq "
               "[name not declassified] to the Assistant Secretary of State for Near Eastern and South Asian Affairs (Jones)")
    text = f"{heading}\n\nWashington, March 2, 1959.\n\nWe agree."
    at = heading.index("[name")
    record = DocumentRecord(VolumeRecord("frus1958-60v12", "t"), "d206", "206", heading, text, "<test>", date="1959-03-02",
                            pages=[Page("1", 0, len(text))],
                            parties=[Party("author", "[name not declassified]", None, at, at + 23)])   # as the TEI tags it
    extractor.run(record)
    assert [p.name for p in record.parties if p.role == "author"] == ["[name not declassified]"]


def _one_heading(tmp_path, volume: str, head: str, date: str = "1962-11-15"):
    path = tmp_path / f"{volume}.xml"
    path.write_text(
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{volume}"><teiHeader><fileDesc><titleStmt>'
        '<title type="complete">Foreign Relations</title></titleStmt></fileDesc></teiHeader><text><body><pb n="1"/>'
        f'<div type="document" xml:id="d1" n="1"><head>{head}</head>'
        f'<dateline><placeName>Washington</placeName>, <date when="{date}">{date}</date>.</dateline>'
        '<p>We agree.</p></div></body></text></TEI>', encoding="utf-8")
    from ingest.tei_reader import read_tei
    [record] = read_tei(path)
    return [(p.role, p.name) for p in record.parties]


def test_regression_a_recipient_the_editors_marked_from_was_read_as_a_second_author(tmp_path):
    """frus1961-63v02 d316, "Letter From President <persName type="from">Diem</persName> to President <persName
    type="from">Kennedy</persName>"; also Felt, Harriman and Hilsman as recipients (78 documents of the 99 volumes
    had two authors or more; about half of them wrongly). The claims of the letter had gone to both."""
    assert _one_heading(tmp_path, "frus1961-63v02", '316. Letter From President <persName type="from">Diem</persName> to '
                        'President <persName type="from">Kennedy</persName>') == [("author", "Diem"), ("recipient", "Kennedy")]


def test_regression_the_office_of_the_senders_chief_marked_to_is_no_second_author(tmp_path):
    """frus1948v01p1 d61: "Memorandum of Conversation, by <persName type="from">G. Hayden Raynor</persName>, Special
    Assistant to the Director of the Office of European Affairs (<persName type="to">Hickerson</persName>)"; a sender
    joined by "and" and marked "to" is still an author (frus1955-57v17 d53, Wilcox and Rountree)."""
    assert _one_heading(tmp_path, "frus1948v01p1", 'Memorandum of Conversation, by <persName type="from">G. Hayden Raynor'
                        '</persName>, Special Assistant to the Director of the Office of European Affairs (<persName '
                        'type="to">Hickerson</persName>)', "1948-03-02") == [("author", "G. Hayden Raynor"), ("recipient", "Hickerson")]
    assert _one_heading(tmp_path, "frus1955-57v17", '53. Memorandum From the Assistant Secretary of State for International '
                        'Organization Affairs (<persName type="from">Wilcox</persName>) and the Assistant Secretary of State '
                        'for Near Eastern, South Asian, and African Affairs (<persName type="to">Rountree</persName>) to the '
                        'Secretary of State', "1957-01-30") == [("author", "Wilcox"), ("author", "Rountree")]


def test_regression_an_office_the_heading_goes_on_naming_is_not_its_holder(extractor):
    """frus1955-57v10 d175: "Memorandum by the Under Secretary of State for Economic Affairs (Dillon)" had Herter, Under
    Secretary of State that day, as a second author; so had Ball for "…for Political Affairs' Special Assistant
    (Sullivan)"."""
    assert posts_of("175. Memorandum by the Under Secretary of State for Economic Affairs (Dillon)") == []
    assert posts_of("183. Memorandum by the Under Secretary of State for Political Affairs' Special Assistant (Sullivan)") == []
    assert [p.name for p in posts_of("12. Memorandum by the Secretary of State for the President")] == ["Secretary of State"]
    r = read(extractor, "175. Memorandum by the Under Secretary of State for Economic Affairs (Dillon)", "1957-07-10")
    assert [p.name for p in r.parties if p.role == "author"] == ["Dillon"]


def test_a_recipient_printed_without_a_space_after_the_parenthesis_is_no_author():
    """frus1955-57v23p1 d61: "…Northeast Asian Affairs (McClurkin)to the Assistant Secretary … (Robertson)"."""
    heading = ("61. Memorandum From the Director of the Office of Northeast Asian Affairs (McClurkin)to the Assistant "
               "Secretary of State for Far Eastern Affairs (Robertson)")
    assert [(p.role, p.name) for p in parties_of(heading)] == [("author", "McClurkin"), ("recipient", "Robertson")]


def test_regression_a_recipient_marked_from_after_a_sender_printed_as_an_office_is_no_author(tmp_path):
    """frus1952-54v01p1 d23: "The President to the Director of the Bureau of the Budget (<persName type="from">Hughes
    </persName>) and the Chairman … (Rockefeller)"."""
    parties = _one_heading(tmp_path, "frus1952-54v01p1", 'The President to the Director of the Bureau of the Budget (<persName '
                           'type="from">Hughes</persName>) and the Chairman of the President’s Advisory Committee on '
                           'Government Organization (<persName type="to">Rockefeller</persName>)', "1953-01-24")
    assert ("author", "Hughes") not in parties and ("recipient", "Hughes") in parties


def test_places_and_regions_in_a_heading_are_no_authors():
    """"184. Remarks by the Secretary of State, Waldorf-Astoria Hotel, New York, …" had "New York" as its author; "…for
    Regional Affairs (Far East), Office of …" had "Far East"; "…Bureau of Near Eastern, South Asian, and African Affairs"
    had "South Asian"."""
    assert [p.name for p in parties_of("184. Remarks by the Secretary of State, Waldorf-Astoria Hotel, New York, "
                                       "September 23, 1960, 3:30 p.m.")] == []
    assert [p.name for p in parties_of("35. Draft Memorandum by the Assistant to the Director for Regional Affairs (Far "
                                       "East), Office of International Security Affairs, Department of Defense (Kent)")] == ["Kent"]
    assert [p.name for p in parties_of("Memorandum of Conversation, by Francis F. Lincoln of the Bureau of Near Eastern, "
                                       "South Asian, and African Affairs")] == ["Francis F. Lincoln"]


def test_regression_a_recipient_after_a_delegation_was_read_as_part_of_its_office(tmp_path):
    """frus1964-68v07 d258: "Memorandum From <persName type="from">William J. Jorden</persName> of the Paris Delegation
    to Ambassador at Large Harriman and Ambassador <persName type="to">Vance</persName>": "Delegation to" had been read
    as an office ("the Delegation to the Conference…"), so Vance, among the senders, was an author."""
    assert _one_heading(tmp_path, "frus1964-68v07", '258. Memorandum From <persName type="from">William J. Jorden</persName>'
                        ' of the Paris Delegation to Ambassador at Large Harriman and Ambassador <persName type="to">Vance'
                        '</persName>', "1968-11-02") == [("author", "William J. Jorden"), ("recipient", "Vance")]


def test_regression_a_sender_the_editors_left_unmarked_beside_a_marked_recipient_was_lost(tmp_path):
    """Session 35: frus1961-63v17 d70, "Message From Foreign Secretary Home to Secretary of State <persName type="to">Rusk
    </persName>": only the marked recipient was read, so the message had no writer (four such messages of Home's; in
    frus1961-63v16 d242 Rusk had been its author). "Foreign Secretary" is a title before a name."""
    assert _one_heading(tmp_path, "frus1961-63v17", '70. Message From Foreign Secretary Home to Secretary of State <persName '
                        'type="to">Rusk</persName>', "1961-06-28") == [("recipient", "Rusk"), ("author", "Home")]
    assert [(p.role, p.name, p.office) for p in parties_of("70. Message From Foreign Secretary Home to Secretary of State Rusk")
            ][0] == ("author", "Home", "Foreign Secretary")
