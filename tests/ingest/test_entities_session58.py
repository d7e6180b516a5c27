"""Entities, session 58: a given name an editor printed in brackets before a surname ("[McGeorge] Bundy") chooses
among namesakes, and a Spanish double surname's first surname after the first given name ("Rafael Trujillo") is a
full name of the person the volume lists or the document named, even where only his son, a "Jr.", printed it so
(issue 16; docs/entities.md)."""
from __future__ import annotations

import pytest

from ingest.authorities import authorities
from ingest.entities import EntityExtractor
from ingest.records import DocumentRecord
from ontology import iris

MCGEORGE_BUNDY = iris.person_iri("101930")
WILLIAM_BUNDY = iris.person_iri("101931")
TRUJILLO = iris.person_iri("113767")        # "Trujillo Molina, Rafael Leónidas", the dictator
RAMFIS = iris.person_iri("113765")          # "Trujillo, Rafael Leonidas Martinez (“Ramfis”), Jr.", his son


def people(record: DocumentRecord) -> list[tuple[str, str | None]]:
    return [(m.exact, m.entity) for m in record.mentions if m.kind == "person"]


def test_regression_bracketed_mcgeorge_bundy_of_1968_was_william_the_assistant_secretary(memorandum):
    """frus1964-68v07 d77 (October 1968): "[McGeorge] Bundy went out and made a fool speech" went to William P. Bundy,
    listed and Assistant Secretary at the date, and the "Bundy" after it followed; the editors tag that one McGeorge."""
    record = memorandum("We had a couple of unfortunate speeches. [McGeorge] Bundy went out and made a fool speech "
                  "about withdrawing troops. Now this fellow's gone back to Hanoi; after Bundy made his speech, he "
                  "just lit out for Hanoi.", "frus1964-68v07", "1968-10-16")
    assert people(record) == [("Bundy", MCGEORGE_BUNDY), ("Bundy", MCGEORGE_BUNDY)]
    assert "bracketed given name" in next(m.explanation for m in record.mentions if m.kind == "person")


def test_a_bracketed_title_is_no_given_name(memorandum):
    """"[General] MacArthur": the variant "General MacArthur" of the authority data holds the word, but a title is
    read by the titled paths, not as the editors' word on a given name."""
    record = memorandum("They would consider [General] MacArthur's suggestion that borders be respected.",
                  "frus1969-76v01", "1969-03-01")
    assert not any("bracketed given name" in (m.explanation or "") for m in record.mentions)


@pytest.mark.parametrize("volume, date", [("frus1958-60v05", "1960-06-14"), ("frus1952-54Guat", "1954-05-20")])
def test_regression_rafael_trujillo_was_his_son_ramfis(memorandum, volume, date):
    """frus1958-60v05 d102 (1960), frus1952-54Guat: "Rafael Trujillo", and every "Trujillo" after it, went to his
    son, the only record printing "Rafael Trujillo" whole (32 of the editors' tags); the dictator's record is
    "Trujillo Molina, Rafael Leónidas"."""
    record = memorandum("The problems of Rafael Trujillo have multiplied in the past six months. Nevertheless, "
                  "because Trujillo has built up his position for 30 years, he remains in power.", volume, date)
    assert people(record) == [("Rafael Trujillo", TRUJILLO), ("Trujillo", TRUJILLO)]


def test_the_first_surname_forms_are_an_index_of_their_own():
    """The full-name index is left as it was ("rafael trujillo" is Ramfis's alone); the weaker form is read only for
    people listed or named (below)."""
    a = authorities()
    assert a.full_index["rafael trujillo"] == {"113765"}
    assert a.first_surname_index["rafael trujillo"] == {"113767"}
    assert a.first_surname_index["gustavo diaz"] == {"103453"}     # "Diaz Ordaz, Gustavo"


@pytest.mark.parametrize("form", ["general nguyen", "general phoumi", "prince souvanna", "sardar mohammad",
                                  "frederick hoyer"])
def test_no_form_is_made_of_a_title_or_half_a_hyphenated_surname(form):
    """"Nguyen Khanh, General" gives no "General Nguyen" (a first run of this rule split "Major General Nguyen Van
    Thieu" in two), "Mohammad Daoud, Sardar" no "Sardar Mohammad" (it took "Sardar Mohammad Ibrahim"), and "Frederick
    Hoyer" would cut "Frederick Hoyer-Millar" in two."""
    assert form not in authorities().first_surname_index


def test_a_hyphenated_surname_keeps_the_form_where_its_whole_form_is_indexed():
    """'Figueres-Ferrer, José Pepe' indexes "jose figueres-ferrer", which a text printing it matches first."""
    assert authorities().first_surname_index["jose figueres"] == {"104255"}


@pytest.mark.parametrize("body, name", [
    ("Hector and Domingo Goicolea, Carlos Salazar, Carlos Sosa, Carlos Cifuentes and others.", "Carlos Sosa"),
    ("Spain: The Marques de Merry del Val, Ambassador of Spain; Juan Perez-Urruti, First Secretary.", "Juan Perez"),
])
def test_a_first_surname_form_of_someone_neither_listed_nor_named_is_no_one(memorandum, body, name):
    """A first run read the forms for anyone: "Carlos Sosa" (a Guatemalan of 1954) became Carlos Sosa Rodríguez,
    Venezuela's representative at the UN, and "Juan Perez" of "Juan Perez-Urruti" Juan Pablo Pérez Alfonso."""
    record = memorandum(body, "frus1952-54Guat", "1954-06-20")
    assert not any(exact.startswith(name) and entity for exact, entity in people(record))


def test_the_claims_layer_reads_the_surname_index_the_entity_layer_reads():
    """A claimant printed by surname alone is looked up in the same index as a mention: "Minh" is no surname of Ho
    Chi Minh in either (not_alone.tsv)."""
    from ingest.claims.authority_names import _surnames

    assert _surnames() == EntityExtractor().surnames
    assert "105990" not in _surnames().get("minh", frozenset())


def test_a_printed_jr_prefers_the_record_that_bears_it(memorandum):
    """frus1958-60v05 d7: "General Rafael Trujillo, Jr." is Ramfis, though "Rafael Trujillo" is now his father's too
    and the volume lists the father."""
    record = memorandum("In the Dominican Republic, following the failure of General Rafael Trujillo, Jr. to "
                  "complete successfully his course at the Command and General Staff School, relations worsened.",
                  "frus1958-60v05", "1958-07-01")
    assert [entity for exact, entity in people(record) if "Trujillo" in exact] == [RAMFIS]


@pytest.mark.parametrize("body, volume, date, expected", [
    ("Judge Barnes, Assistant Attorney General, and Mr. Herbert Hoover, Jr., Department of State, attended.",
     "frus1952-54v12p2", "1954-10-01", iris.person_iri("106100")),
    ("Cleared by Assistant Legal Adviser for SCA Frederick Smith, Jr., Jacobson, Shoesmith, and INR.",
     "frus1964-68v30", "1968-03-01", None),
])
def test_a_printed_jr_chooses_the_record_that_holds_the_name_with_it(memorandum, body, volume, date, expected):
    """"Herbert Hoover, Jr." had been left unlinked among father and son; "Frederick Smith, Jr." is no record's name
    with the suffix (General "Frederic H. Smith, Jr." holds "Frederick Smith" only through 'Smith, Gen. Frederick'), so
    it stays unlinked among his namesakes, as it was."""
    record = memorandum(body, volume, date)
    assert [entity for exact, entity in people(record) if "Jr." in exact or exact.endswith(("Hoover", "Smith"))][:1] \
        == [expected]
