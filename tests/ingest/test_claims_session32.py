"""Claims, session 32: errors found in 1970s telegrams in capitals outside the gold set, each pinned on a passage built
from the one it was found in (issue 16; docs/claims.md, "Session 32")."""
from __future__ import annotations

from tests.ingest.test_claims_speakers import PEOPLE, named, signed, the


def palmer_telegram():
    r = signed("AMBASSADOR PALMER MET WITH LARG FORNMIN BUWAYSIIR IN BENGHAZI OCTOBER 30. MINISTER ADDED THAT HE HAD "
               "PRESENTED SIMILAR NOTE TO BRITISH AMBASSADOR YESTERDAY. AMBASSADOR RESERVED POSITION RE SUBSTANCE OF NOTE, "
               "BUT AGREED TRANSMIT IT PROMPTLY TO WASHINGTON FOR STUDY. HE ADDED THAT WE WOULD CERTAINLY GIVE NOTE OUR "
               "EARLIEST ATTENTION.", signer="PALMER")
    named(r, "PALMER", PEOPLE + "palmer")
    return r


def test_the_writer_named_by_his_title_opens_the_sentence_and_ends_the_report_before_it():
    """frus1969-76ve05p2 d42 (outside the gold set): in Palmer's telegram, "AMBASSADOR RESERVED POSITION…" after the
    Minister's words is Palmer's, and so is the "HE ADDED…" after it; both had run on as the Minister's report."""
    r = palmer_telegram()
    assert the(r, "MINISTER ADDED").claimants != (PEOPLE + "palmer",)
    assert the(r, "AMBASSADOR RESERVED POSITION").claimants == (PEOPLE + "palmer",)
    assert the(r, "HE ADDED THAT WE WOULD").claimants == (PEOPLE + "palmer",)


def test_fornmin_is_the_foreign_minister():
    """"FORNMIN SAID…" (14 times in the 99 volumes beside FONMIN's 1,233) is the Foreign Minister, a title, not a
    person named Fornmin."""
    r = signed("FORNMIN SAID HE HOPED THEY WOULD ALWAYS WORK TOGETHER SUCCESSFULLY.", signer="PALMER")
    c = the(r, "FORNMIN SAID")
    assert [a.label for a in c.agents] == ["Foreign Minister"], c.explanation


def test_what_someone_said_before_is_the_writers_inference_where_he_believes():
    """frus1969-76ve05p2 d32: "HAMDANI DID NOT GIVE DIRECT REPLY, BUT I BELIEVE FROM WHAT HE SAID PREVIOUSLY THAT HE WOULD
    NOT WANT TO RISK…" is Eagleton's belief; it had gone to Newsom, the last man named, as the "he" who "said"."""
    r = signed("I MENTIONED TO HAMDANI THAT ASSTSEC NEWSOM WAS PREPARED TO COME TO ALGERIA. HAMDANI REPLIED THAT THIS WAS "
               "IMPORTANT. HAMDANI DID NOT GIVE DIRECT REPLY, BUT I BELIEVE FROM WHAT HE SAID PREVIOUSLY THAT HE WOULD NOT "
               "WANT TO RISK FAILURE OF SUCH A MISSION.", signer="EAGLETON")
    named(r, "HAMDANI", PEOPLE + "hamdani")
    named(r, "HAMDANI", PEOPLE + "hamdani", nth=1)
    named(r, "HAMDANI", PEOPLE + "hamdani", nth=2)
    named(r, "NEWSOM", PEOPLE + "newsom")
    assert the(r, "HAMDANI REPLIED").claimants == (PEOPLE + "hamdani",)
    assert the(r, "HAMDANI DID NOT GIVE DIRECT REPLY").claimants == (PEOPLE + "eagleton",)


def test_advocated_is_a_verb_of_saying():
    """frus1969-76ve15p1 d29 (outside the gold set): "CEAUSESCU ADVOCATED PALESTINIAN PARTICIPATION…" had run on as
    Nixon's report, the sentence before being his."""
    r = signed("PRESIDENT NIXON ASSURED HIM THAT US WOULD CONSULT CLOSELY WITH ROMANIA AT CSCE. CEAUSESCU ADVOCATED "
               "PALESTINIAN PARTICIPATION IN THE MIDDLE EAST CONFERENCE.", signer="KISSINGER")
    named(r, "NIXON", PEOPLE + "nixon")
    named(r, "CEAUSESCU", PEOPLE + "ceausescu")
    assert the(r, "CEAUSESCU ADVOCATED").claimants == (PEOPLE + "ceausescu",)


def test_the_period_of_an_initialism_in_capitals_ends_no_sentence():
    """frus1969-76ve14p1 d28 (outside the gold set): "…THE U.S. LAST NOVEMBER PROPOSED A TRUST FUND IN THE IMF…" read in
    mixed case as "U.S. Last November proposed", whose "speaker" was a node named "U.S. Last November". Of 40 "U.S."
    drawn from telegrams in capitals, one ended a sentence."""
    r = signed("TO PROVIDE BALANCE OF PAYMENTS SUPPORT FOR THE POOREST COUNTRIES, THE U.S. LAST NOVEMBER PROPOSED A TRUST "
               "FUND IN THE IMF.", signer="INGERSOLL")
    c = the(r, "TO PROVIDE BALANCE")
    assert r.text[c.start:c.end].endswith("IN THE IMF.") and "Last November" not in c.explanation, c.explanation


def test_a_short_name_as_printed_and_the_vice_minister_are_the_vice_foreign_minister_named_in_full():
    """frus1969-76ve13 d160 (outside the gold set): "VICE FOREIGN MINISTER CH'IAO KUAN-HUA" is linked, under the label
    "Qiao Guanhua"; "CH'IAO SAID…" and "THE VICE MINISTER SAID…" had each been a node of the document, the one because
    only the label's words were looked up, the other because "Vice Minister" was no prefix of "Vice Foreign Minister"."""
    r = signed("THE SECRETARY GAVE SMALL INFORMAL DINNER FOR VICE FOREIGN MINISTER CH'IAO KUAN-HUA AT HIS APARTMENT. "
               "CH'IAO SAID HE LOOKED FORWARD TO DOING THIS. THE VICE MINISTER SAID THAT CHINA AND JAPAN HAD A LONG "
               "HISTORY OF ASSOCIATION.", signer="BUSH")
    named(r, "CH'IAO KUAN-HUA", PEOPLE + "qiao", label="Qiao Guanhua")
    assert the(r, "CH'IAO SAID").claimants == (PEOPLE + "qiao",)
    assert the(r, "THE VICE MINISTER SAID").claimants == (PEOPLE + "qiao",)


def test_a_state_of_mind_shown_perplexed_is_the_one_who_showed_it():
    """frus1969-76v20 d15 (outside the gold set): "Thanat seemed perplexed concerning the charge that there is a top secret
    agreement…" had run on as the writer's."""
    r = signed("I reviewed the subject with Thanat on the basis of paras 1 and 2 reftel. Thanat seemed perplexed concerning "
               "the charge that there is a top secret agreement which commits the U.S. beyond the SEATO Treaty.",
               signer="Hannah")
    named(r, "Thanat", PEOPLE + "thanat")
    named(r, "Thanat", PEOPLE + "thanat", nth=1)
    assert the(r, "Thanat seemed perplexed").claimants == (PEOPLE + "thanat",)


def test_an_unlinked_name_after_a_demonym_and_a_title_is_one_node_with_the_bare_name():
    """frus1969-76v12 d203 (outside the gold set): "Soviet Chargé Vorontsov called urgently…" had made a node labelled
    "Soviet Chargé Vorontsov", and "Vorontsov said…" another; a title alone ("French Ambassador") keeps its words."""
    r = signed("Soviet Chargé Vorontsov called urgently afternoon September 5 on Assistant Secretary Sisco to present "
               "démarche. Vorontsov said the Soviet Government was gravely concerned. The French Ambassador said he "
               "agreed.", signer="Johnson")
    first, second = the(r, "Soviet Chargé Vorontsov"), the(r, "Vorontsov said")
    assert first.claimants == second.claimants and [a.label for a in first.agents] == ["Vorontsov"]
    assert [a.label for a in the(r, "The French Ambassador").agents] == ["French Ambassador"]


def test_a_message_the_routing_words_say_is_from_the_president_is_the_presidents():
    """"434. Eyes only for the Ambassador from the President. I have read with great interest your cables…" (frus1961-63v16
    d101, signed Ball) is Kennedy's: the routing words' "from the President" had been no sender, a title."""
    from tests.ingest.test_claims_round7 import claim
    assert claim("frus1961-63v16/d101", "I have read with great interest").claimants == (PEOPLE + "107025",)


def test_routing_words_opening_with_to_name_the_sender():
    """"1980. To Ambassador McGhee from McGeorge Bundy." (frus1964-68v15 d86, signed Rusk): Bundy writes the message."""
    from tests.ingest.test_claims_round7 import claim
    c = claim("frus1964-68v15/d86", "I have discussed with the President")
    assert [a.label for a in c.agents] == ["McGeorge Bundy"], c.explanation


def test_a_classification_line_and_an_end_marker_after_the_signature_leave_the_signature_the_writers():
    """frus1969-76ve15p1 d91: "…BONN MAY ALSO DISCUSS IN BONN GROUP. KISSINGER", then "SECRET" and "<< END OF DOCUMENT >>"
    on lines of their own: the closing signature had been missed and the Department made the writer."""
    from tests.ingest.test_claims_round7 import claim
    assert claim("frus1969-76ve15p1/d91", "YOU ARE AUTHORIZED INFORM").claimants == (PEOPLE + "107252",)


def test_a_signature_made_for_the_body_the_heading_sends_from_is_the_bodys():
    """"Memorandum From the Joint Chiefs of Staff to Secretary of Defense McNamara", closing "For the Joint Chiefs of
    Staff: / Chairman / Joint Chiefs of Staff / L. L. Lemnitzer" (frus1961-63v22 d36): the Chiefs' conclusions, not their
    Chairman's own (the signature had made Lemnitzer the writer; with the name above the title it had not)."""
    from tests.ingest.test_claims_round7 import claim
    jcs = "https://w3id.org/frus-kg/id/organizations/jcs"
    assert claim("frus1961-63v22/d36", "The attainment of a nuclear capability").claimants == (jcs,)
    assert claim("frus1961-63v17/d49", "With regard to other recommendations").claimants == (jcs,)


def test_he_after_a_sentence_opened_by_a_name_no_layer_tagged_is_that_name():
    """"Herz has just returned from a 30-day survey in Viet-Nam. He reports that the Vietnamese Government recognizes…"
    (frus1961-63v03 d48): "Herz" is a word the corpus never prints in lower case, so the subject of the sentence before;
    "He" had been unresolved and the report given to the memorandum's writer."""
    from tests.ingest.test_claims_round7 import claim
    c = claim("frus1961-63v03/d48", "He reports that the Vietnamese Government")
    assert [a.label for a in c.agents] == ["Martin Florian Herz"], c.explanation     # session 54: authority_names.py


def test_an_enclosure_the_covering_note_says_a_bureau_prepared_is_the_bureaus():
    """frus1969-76ve05p2 d145: Eliot's cover ("Enclosed for your information is a memorandum prepared for the Acting
    Secretary by the Bureau of African Affairs.", signed, "Enclosure: / As Stated") and then the Bureau's memorandum, all
    of whose sentences had been Eliot's."""
    from tests.ingest.test_claims_round7 import claim
    assert [a.label for a in claim("frus1969-76ve05p2/d145", "We need not regard the change").agents] \
        == ["Bureau of African Affairs"]
    assert claim("frus1969-76ve05p2/d145", "Enclosed for your information").claimants == (PEOPLE + "103925",)


def test_an_attachment_whose_from_line_names_another_author_is_his():
    """From frus1969-76ve05p1 d107 (outside the gold set): Roger Morris's memorandum, then "Attachment / Tab A - State/AF's
    recommendation… / TO: / The Secretary / THROUGH: / S/S / FROM: / AF - David D. Newsom": the attached memorandum is
    Newsom's."""
    r = signed("Attached is the recommendation for the meeting.\n\nMorris\n\nAttachment\n\nTab A - State/AF's recommendation "
               "to the Secretary\n\nTO:\n\nThe Secretary\n\nTHROUGH:\n\nS/S\n\nFROM:\n\nAF - David D. Newsom\n\nThe following "
               "is by way of further briefing for your meeting.", signer="Morris", heading="1. Memorandum From Roger Morris "
               "of the National Security Council Staff to the President's Assistant (Kissinger)")
    named(r, "David D. Newsom", PEOPLE + "newsom")
    assert the(r, "The following is by way of further briefing").claimants == (PEOPLE + "newsom",)


def test_a_country_before_a_which_clause_and_the_items_going_on_its_lead_in_are_its_demands():
    """frus1969-76ve05p2 d73: "Libya, which represents the Mediterranean countries, has demanded:" then the paragraphs
    "a substantial increase in the posted price of oil…;", "that the companies reinvest…;", "and a bonus payment…": the
    "which" clause hid the subject, and items opening in lower case after a colon go on the lead-in's report."""
    from tests.ingest.test_claims_round7 import claim
    libya = "https://w3id.org/frus-kg/id/countries/libya"
    assert claim("frus1969-76ve05p2/d73", "Libya, which represents").claimants == (libya,)
    assert claim("frus1969-76ve05p2/d73", "that the companies reinvest").claimants == (libya,)
