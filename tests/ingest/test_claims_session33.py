"""Claims, session 33: who signs a cable, found in 1970s telegrams outside the gold set, each pinned on a passage built
from the one it was found in (issue 16; docs/claims.md, "Session 33")."""
from __future__ import annotations

import pytest

from ingest.claims import claims_of
from ingest.entities import extract_entities
from tests.ingest.test_claims_speakers import PEOPLE, document, named, the

DEPARTMENT = "48. Telegram 220772 From the Department of State to All Diplomatic Posts"
ITALY = "133. Telegram 13013 From the Embassy in Italy to the Department of State"
KOREA = "150. Telegram From the Embassy in Korea to the Department of State"


def writer(record, prefix: str):
    c = the(record, prefix)
    return [a.label for a in c.agents], c.explanation


def test_an_untagged_signature_on_a_department_cable_is_the_principal_of_that_surname_on_its_date():
    """frus1969-76ve14p1 d48 (outside the gold set): "ROBINSON" under a circular of September 1976, tagged by no one,
    is Charles W. Robinson, then Deputy Secretary of State; the cable had gone to the Department of State."""
    r = document("1. WE SEEK SUPPORT OF OTHERS IN INSURING THAT MANDATE OF JIU IS RENEWED.\n\nROBINSON",
                 heading=DEPARTMENT, date="Washington, September 6, 1976")
    labels, why = writer(r, "WE SEEK SUPPORT")
    assert labels == ["Charles Wesley Robinson"], why
    assert "POCOM" in why and "Deputy Secretary of State" in why


def test_a_surname_no_principal_of_the_department_bore_on_that_date_stays_the_departments():
    """The same cable dated 1950, when no Robinson held a principal office, is not Robinson's."""
    r = document("1. WE SEEK SUPPORT OF OTHERS IN INSURING THAT MANDATE OF JIU IS RENEWED.\n\nROBINSON",
                 heading=DEPARTMENT, date="Washington, September 6, 1950")
    labels, why = writer(r, "WE SEEK SUPPORT")
    assert "Charles Wesley Robinson" not in labels and "POCOM" not in why, why


def test_a_surname_closing_a_posts_last_paragraph_is_its_chief_of_mission_on_that_date():
    """frus1969-76ve14p1 d133: "…PRC WILLINGNESS TO PARTICIPATE IN THE WFC. VOLPE" is Ambassador Volpe, not the
    Embassy in Italy."""
    r = document("SUMMARY: THE FAO CONFERENCE ADOPTED A REPORT NOVEMBER 23. PRESUMABLY THEIR LACK OF OBJECTION INDICATES "
                 "PRC WILLINGNESS TO PARTICIPATE IN THE WFC. VOLPE", heading=ITALY, date="Rome, November 24, 1973")
    extract_entities(r)      # the heading's post, us-embassy-italy, whose chief of mission signs
    labels, why = writer(r, "THE FAO CONFERENCE")
    assert labels == ["John Anthony Volpe"], why


def test_a_signature_after_a_closing_quotation_mark_closes_the_paragraph():
    """frus1969-76ve14p1 d23: "…INCOMPATIBLE WITH IT.\" KISSINGER" signs the cable."""
    r = document('WE WISH TO MAKE EVERY EFFORT TO ASSURE THAT THIS SPEECH IS GIVEN CAREFUL ATTENTION. "WE BELIEVE THAT '
                 'THE CHARTER SHOULD NOT BE USED FOR PUNITIVE PURPOSES THAT ARE INCOMPATIBLE WITH IT." KISSINGER',
                 heading=DEPARTMENT, date="Washington, July 19, 1975")
    named(r, "KISSINGER", PEOPLE + "kissinger")
    c = the(r, "WE WISH TO MAKE")
    assert c.claimants == (PEOPLE + "kissinger",), c.explanation


def test_the_communications_centers_note_and_other_trailers_after_the_signature_hide_it_no_more():
    """frus1969-76ve14p1 d10, d48; ve13 d160; ve05p1 d88: "NOTE BY OC/T: POUCHED…", "NOTE BY OCT: …" (which mixed case
    joins to the paragraph before), "GP-3", "END", "BT", "#3725" and (ve14p1 d113) "cc: Chairman, Joint Chiefs of Staff" after
    the signature."""
    for tail in ("\n\nNOTE BY OC/T: POUCHED BEIRUT AND BAGHDAD.", "\nNOTE BY OCT: POUCHED BANJUL AND TAIPEI.",
                 "\n\nGP-3\n\nEND", "\n\nBT\n\n#3725", "\n\ncc: Chairman, Joint Chiefs of Staff"):
        r = document("1. WE WOULD ALSO APPRECIATE HAVING ANY EMBASSY VIEWS ON POINTS COVERED IN THIS MESSAGE. KISSINGER"
                     + tail, heading=DEPARTMENT, date="Washington, December 26, 1973")
        named(r, "KISSINGER", PEOPLE + "kissinger")
        c = the(r, "WE WOULD ALSO")
        assert c.claimants == (PEOPLE + "kissinger",), (tail, c.explanation)


def test_points_after_a_lead_ins_colon_in_its_own_paragraph_are_the_speakers_and_no_later_paragraphs():
    """frus1969-76v19p1 d150: "Summary: Park made following major points…: South had sought contact … by Kim Il Sung.
    ROK is still suspicious…" gives Park's points in the summary's paragraph. The "by Kim Il Sung" of the first point
    had made Kim the one whose points every later numbered paragraph relayed, the writer's own among them."""
    r = document("Summary: Park made following major points in commenting on communiqué: South had sought contact at "
                 "high level to forestall reckless act by Kim Il Sung. ROK is still suspicious, but wants to make sincere "
                 "test of North's intentions. End summary.\n\nAssistant Secretary Green, accompanied by Ambassador "
                 "Habib, called on President Park for one hour discussion.\n\nHabib", heading=KOREA,
                 date="Seoul, July 7, 1972")
    named(r, "Park", PEOPLE + "park")
    named(r, "Kim Il Sung", PEOPLE + "kim")
    named(r, "Green", PEOPLE + "green")
    named(r, "Habib", PEOPLE + "habib")
    named(r, "Habib", PEOPLE + "habib", nth=1)
    assert the(r, "ROK is still suspicious").claimants == (PEOPLE + "park",)
    assert the(r, "Assistant Secretary Green").claimants == (PEOPLE + "habib",)


def test_routing_words_from_the_sender_for_the_addressee_name_the_writer():
    """frus1958-60v11 d240: "819. From Murphy for the Secretary. Yesterday we ran into…", signed McClintock, is Murphy's
    message, as "For the Secretary from Murphy." is (26 such openings in the 99 volumes)."""
    r = document("819. From Murphy for the Secretary. Yesterday we ran into a series of complicating developments which we "
                 "are trying to resolve on the spot.\n\nMcClintock",
                 heading="240. Telegram From the Embassy in Lebanon to the Department of State", date="Beirut, July 30, 1958")
    named(r, "Murphy", PEOPLE + "murphy")
    named(r, "McClintock", PEOPLE + "mcclintock")
    assert the(r, "Yesterday we ran into").claimants == (PEOPLE + "murphy",)


def test_a_record_drafted_later_by_one_who_took_no_part_is_the_participant_who_says_i():
    """frus1969-76ve15p1 d66: Ambassador Toon's "At my request I called on Mr. Petric…", whose source note says "Drafted on
    November 5 by Swihart" (an enclosure to an airgram), is Toon's: Swihart is named nowhere in the record. (The note's
    date before "by" had hidden the drafter, so the participant rule had decided.)"""
    from tests.ingest.test_claims_round11 import _said
    c = _said("frus1969-76ve15p1-d66.xml", "At my request I called on Mr. Petric")
    assert [a.label for a in c.agents] == ["Malcolm S. Toon"], c.explanation


def test_the_from_line_of_a_memorandum_names_its_writer_where_the_heading_names_none():
    """frus1969-76ve04 d189: "Memorandum From the Presidents Assistant for National Security Affairs to President Nixon"
    (the heading's typo leaves it no author), whose own heading block reads "FROM: / HENRY A. KISSINGER", had no writer,
    so its sentences in the writer's voice had no claimant."""
    r = document("MEMORANDUM FOR:\n\nTHE PRESIDENT\n\nFROM:\n\nHENRY A. KISSINGER\n\nSUBJECT:\n\nPossible Discussions with "
                 "the Shah in Tehran\n\nI believe the Shah will raise the oil negotiations with you in Tehran.",
                 heading="189. Memorandum From the Presidents Assistant for National Security Affairs to President Nixon",
                 date="Washington, May 6, 1972")
    named(r, "HENRY A. KISSINGER", PEOPLE + "kissinger")
    c = the(r, "I believe the Shah")
    assert c.claimants == (PEOPLE + "kissinger",) and "FROM line" in c.explanation, c.explanation


def test_the_from_line_of_a_covering_note_is_no_writer_of_a_record_of_conversation():
    """frus1969-76ve13 d123: a memorandum of conversation printed under Lord's covering note ("FROM: / WINSTON LORD") is
    not Lord's record."""
    r = document("MEMORANDUM FOR:\n\nHENRY A. KISSINGER\n\nFROM:\n\nWINSTON LORD\n\nThere is nothing in these materials that "
                 "is particularly sensitive or startling.\n\nThe Prime Minister then reviewed the situation in Indochina at length.",
                 heading="123. Memorandum of Conversation", date="Beijing, April 19, 1972")
    named(r, "WINSTON LORD", PEOPLE + "lord")
    assert all(PEOPLE + "lord" not in c.claimants for c in claims_of(r))


def test_a_drafter_known_only_by_a_title_leaves_the_record_to_its_drafter_not_to_a_participant():
    """frus1969-76ve09p1 d117: "Prepared by Deputy Director, Africa Region/ISA Col. A.N. Skogerboe" names no one the
    authorities hold; the record is not given to Ambassador Hedda, the participant the "I" rule would find."""
    from ingest.source_note import parse_source_note
    r = document("PARTICIPANTS\n\nAli Hedda, Ambassador to the United States\n\nAfter the amenities, Mr. Bennour told me "
                 "that Tunisia expects its defense needs to be met.\n\nThe meeting ended at noon with an exchange of views.",
                 heading="117. Memorandum of Conversation", date="Washington, May 15, 1975")
    r.source_note = parse_source_note("Source: OSD Files. Confidential. Prepared by Deputy Director, Africa Region/ISA Col. "
                                      "A.N. Skogerboe on May 16; and approved by Noyes.")
    named(r, "Ali Hedda", PEOPLE + "hedda")
    named(r, "Bennour", PEOPLE + "bennour")
    c = the(r, "The meeting ended at noon")
    assert PEOPLE + "hedda" not in c.claimants, c.explanation


def test_the_labels_of_a_memorandums_form_are_no_speakers_labels():
    """frus1969-76ve05p1 d193: a memorandum of conversation with no drafter opening "DATE: / April 14, 1970 / SUBJECT: …"
    is the Department of State's record (annotation guide, round 7); "DATE:" had been read as a speaker's label, so it
    had no writer and its narration no claimant."""
    r = document("DATE:\n\nApril 14, 1970\n\nSUBJECT:\n\nNigerian Complaints about U.S. Behavior\n\nAmbassador Iyalla "
                 "called at his request to deliver a three-prong complaint against U.S. behavior.",
                 heading="193. Memorandum of Conversation", date="Washington, April 14, 1970")
    c = the(r, "Ambassador Iyalla called")
    assert c.claimants == ("https://w3id.org/frus-kg/id/organizations/department-of-state",), c.explanation


def test_the_drafter_the_editors_presume_writes_a_record_with_no_drafting_information():
    """frus1969-76ve13 d142 and frus1958-60v07p2 d134 ("Presumably drafted by Lieutenant Colonel Walters"): about 45
    records in the 99 volumes carry no drafting information but the editors' presumption; where they name two ("either
    Lord or Howe") it settles nothing."""
    from ingest.claims.voices import _DRAFTED
    note = "Top Secret. No drafting information appears on the memorandum; presumably drafted by Richard Solomon. The meeting"
    assert _DRAFTED.search(note).group(1) == "Richard Solomon"
    assert _DRAFTED.search("No drafting information appears; presumably drafted by either Lord or Howe.") is None


def test_a_label_of_common_words_opening_paragraphs_is_no_speaker():
    """frus1969-76ve05p1 d25: Kissinger's survey for Nixon opens two paragraphs with "Current Position:"; both had gone
    to a person of the document named "Current Position" (a label opening two paragraphs reads as a speaker's name)."""
    r = document("Current Position: The Feds still insist that Biafra must renounce sovereignty before they'll talk peace "
                 "in earnest.\n\nCurrent Position: Ojukwu says in one breath his sovereignty is not negotiable.",
                 heading="25. Memorandum From the President's Assistant for National Security Affairs (Kissinger) to "
                         "President Nixon", date="Washington, January 28, 1969")
    assert not any("current-position" in x for c in claims_of(r) for x in c.claimants)
    assert not any(a.label == "Current Position" for c in claims_of(r) for a in c.agents)


def test_a_message_read_from_a_typed_note_is_not_the_notes():
    """frus1969-76ve13 d130: "Ambassador Huang read the following message from a typed note:" had made "a typed note" the
    quoted message's author, a person of the document."""
    r = document("After I had finished my presentation, Ambassador Huang read the following message from a typed note:\n\n"
                 "“We agree to Dr. Kissinger's visit from June 21 to June 25, but there is another important visit to China "
                 "beginning June 15.”\n\nHe handed over the text at Tab A.",
                 heading="130. Memorandum From Winston Lord of the National Security Council Staff to the President's "
                         "Assistant for National Security Affairs (Kissinger)", date="Washington, June 12, 1972")
    named(r, "Huang", PEOPLE + "huang")
    assert not any(a.label == "a typed note" for c in claims_of(r) for a in c.agents)


def test_he_after_two_people_spoke_together_is_not_both_of_them():
    """frus1969-76v19p1 d121 (and frus1961-63v05 d116 in the development set): after "they wished…", read as Kim and Park
    together, every later "He replied…" had gone to both of them."""
    r = document("Prime Minister Kim and President Park saw the matter alike. For this reason they wished the U.S. division "
                 "to remain in Korea for an indefinite period.\n\nI told Kim that action against the Assembly would be "
                 "detrimental. He replied that he believed the Korean people would understand such measures.",
                 heading=KOREA, date="Seoul, December 22, 1971")
    named(r, "Kim", PEOPLE + "kim")
    named(r, "Park", PEOPLE + "park")
    named(r, "Kim", PEOPLE + "kim", nth=1)
    c = the(r, "He replied that he believed")
    assert len(c.claimants) == 1, c.explanation


def test_a_parenthetical_aside_after_someones_report_is_the_writers():
    """frus1969-76v19p1 d134, ve04 d330 and ve09p1 d67 (outside the gold set): "(Note: He did not elaborate, but appeared
    to be indicating…)" and "(King had figures on his desk…)" after a speaker's words are the writer's aside; they had run
    on as the speaker's report. On the development set: +7 pairs."""
    r = document("Dr. Hahm said that under present circumstances, though, conditions were no longer the same. (Note: He did "
                 "not elaborate, but appeared to be indicating some willingness to consider a revision.)\n\nHabib",
                 heading=KOREA, date="Seoul, May 5, 1972")
    named(r, "Hahm", PEOPLE + "hahm")
    named(r, "Habib", PEOPLE + "habib")
    assert the(r, "(Note: He did not elaborate").claimants == (PEOPLE + "habib",)


@pytest.mark.parametrize("heading, body", [
    ("125. National Intelligence Estimate", "organizations/cia"),
    ("135. Intelligence Memorandum", "organizations/cia"),
    ("3. National Security Council Report", "organizations/nsc"),
])
def test_a_document_whose_kind_names_its_issuer_is_the_issuers(heading, body):
    """frus1964-68v22 d125, d135; frus1955-57v24 d3: 75 documents of twelve volumes (estimates, intelligence memoranda,
    Council reports) had no writer, so their sentences in the writer's voice were left out."""
    r = document("The Shah's regime is likely to remain stable over the next two years.", heading=heading,
                 date="Washington, March 4, 1966")
    c = the(r, "The Shah's regime")
    assert c.claimants == ("https://w3id.org/frus-kg/id/" + body,), c.explanation


def test_a_message_from_a_government_is_its_countrys():
    """frus1969-76ve13 d20, d73: "Message From the Government of the People's Republic of China to the Government of the
    United States" had no writer (no body of that name in the gazetteer)."""
    r = document("A visit to Peking by a special envoy of the President of the U.S. would be useful at this time.",
                 heading="20. Message From the Government of the People's Republic of China to the Government of the "
                         "United States", date="Beijing, April 21, 1971")
    c = the(r, "A visit to Peking")
    assert c.claimants == ("https://w3id.org/frus-kg/id/countries/china",) and "heading" in c.explanation, c.explanation
