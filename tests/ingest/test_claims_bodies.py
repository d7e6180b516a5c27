"""Bodies that speak and are spoken about though the entity layer leaves them as glossary terms or
untagged: "FonOff", "HMG", "GOG", capitals standing for their country, "Department" in telegraphese
(issue 16, claims round 3; ingest/claims/bodies.py).

The rules were written on the development documents of the gold set (tests/fixtures/claims_gold);
these documents are small, and the term mentions are placed as the editors' markup places them.
"""
from __future__ import annotations

from ingest.claims import claims_of
from ingest.claims.bodies import with_bodies
from ingest.claims.cues import load_cues
from ingest.records import ListEntry, Mention
from ingest.text_reader import parse_text_document
from ontology import iris

TELEGRAM = "144. Telegram From the Embassy in the United Kingdom to the Department of State"


def document(body: str, heading: str = TELEGRAM, date: str = "London, January 20, 1960"):
    raw = (f"FOREIGN RELATIONS OF THE UNITED STATES, 1958–1960, VOLUME X, PART 2\n\n{heading}\n\n"
           f"{date}\n\n[Page 2]\n\n{body}\n")
    return parse_text_document(raw, source="<test>")


def term(record, surface: str, xml_id: str, description: str, nth: int = 0) -> Mention:
    if not any(t.xml_id == xml_id for t in record.volume.terms):
        record.volume.terms.append(ListEntry(xml_id, "term", surface, description))
    at = record.body_start - 1
    for _ in range(nth + 1):
        at = record.text.index(surface, at + 1)
    m = Mention(at, at + len(surface), "term", "tei-markup", 0.95, iris.term_iri(record.volume.id, xml_id),
                f"{surface}: {description}", tei_ref="#" + xml_id)
    record.mentions.append(m)
    return m


def bodies(record):
    return {record.text[m.start:m.end]: m for m in with_bodies(record, list(record.mentions), load_cues())}


def the(record, prefix: str):
    found = [c for c in claims_of(record) if record.text[c.start:c.end].startswith(prefix)]
    assert len(found) == 1, [record.text[c.start:c.end] for c in claims_of(record)]
    return found[0]


def test_a_glossary_term_naming_a_government_is_that_country():
    r = document("You should seek answer from HMG on this point before Thursday.")
    term(r, "HMG", "t_HMG1", "Her Majesty’s Government")
    m = bodies(r)["HMG"]
    assert (m.kind, m.entity) == ("country", iris.country_iri("united-kingdom"))
    assert "Her Majesty’s Government" in m.explanation


def test_a_glossary_term_naming_an_office_the_gazetteer_lacks_is_an_organization_that_speaks():
    r = document("In FonOff view, it is difficult to see what easy solutions the Soviets can find on Berlin.")
    fonoff = term(r, "FonOff", "t_FONOFF1", "Foreign Office")
    m = bodies(r)["FonOff"]
    assert (m.kind, m.entity, m.label) == ("organization", fonoff.entity, "Foreign Office")
    c = the(r, "In FonOff view")
    assert c.claimants == (fonoff.entity,) and c.claim_type == "report"


def test_a_term_with_two_readings_is_the_one_the_document_names_elsewhere():
    r = document("Appears GOG also does not expect this. Department actively studying Greek situation with Greece.")
    term(r, "GOG", "t_GOG1", "Government of Greece; Government of Germany")
    at = r.text.index("Greece.")
    r.mentions.append(Mention(at, at + 6, "country", "gazetteer", 0.9, iris.country_iri("greece"), "Greece"))
    assert bodies(r)["GOG"].entity == iris.country_iri("greece")


def test_a_term_that_names_no_body_stays_a_term():
    r = document("The FYI portion of this telegram is not for the Greeks.")
    term(r, "FYI", "t_FYI1", "for your information")
    assert bodies(r)["FYI"].kind == "term"


def test_a_division_term_with_a_region_as_second_reading_is_the_division_and_speaks_for_its_representatives():
    r = document("The SEA representatives noted that the agreement of March 8 left France in control of Vietnam.",
                 heading="26. Memorandum of Conversation, by Mr. Charlton Ogburn, Jr.", date="Washington, March 10, 1949")
    sea = term(r, "SEA", "t_SEA1", "Division of Southeast Asian Affairs, Department of State; or Southeast Asia")
    assert bodies(r)["SEA"].kind == "organization"
    assert the(r, "The SEA representatives").claimants == (sea.entity,)


def test_a_capital_stands_for_its_country_at_the_date_but_not_inside_a_newspaper_name():
    r = document("Foreign observers in Moscow have been struck by the reports of the Washington Post.",
                 date="London, January 20, 1960")
    found = bodies(r)
    assert found["Moscow"].entity == iris.country_iri("soviet-union-1991")
    assert "Washington" not in found
    saigon = document("Ely told me in Saigon that the French would stay.", date="Saigon, May 3, 1955")
    assert bodies(saigon)["Saigon"].entity == iris.country_iri("south-vietnam-1975")


def test_a_capital_is_about_its_country_in_the_claim():
    r = document("Foreign observers in Moscow have been struck by rather peculiar atmosphere of uncertainty there.",
                 heading="1. Memorandum From the Director of the Office of European Affairs (Hickerson) to Secretary of State Acheson")
    c = the(r, "Foreign observers")
    assert c.about == (iris.country_iri("soviet-union-1991"),)


def test_department_and_defense_standing_alone_are_the_institutions_but_not_inside_longer_names():
    r = document("He proposed that Dept consult with Defense again. The Department of Agriculture and "
                 "the Secretary of State agreed, and the State Council did not.")
    found = bodies(r)
    assert found["Dept"].entity == iris.organization_iri("department-of-state")
    assert found["Defense"].entity == iris.organization_iri("department-of-defense")
    assert "Department" not in found and "State" not in found
