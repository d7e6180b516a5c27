"""Claims, round 11, `about`: readings meant to generalise, each pinned on a real passage of the gold set (issue 16;
docs/claims.md, "Round 11 about rules"). A country name the entity layer leaves unlinked (two states at the date, or
a name of another time), a glossary term naming a country, and a name the body prints after a title elsewhere."""
from __future__ import annotations

from ontology import iris
from tests.ingest.test_claims_round7 import _gold, claim

COUNTRIES = "https://w3id.org/frus-kg/id/countries/"
DOCS = "https://w3id.org/frus-kg/id/historicaldocuments/"


def _about_of(key: str, prefix: str) -> tuple[str, ...]:
    c = claim(key, prefix)
    assert c is not None, prefix
    return c.about


# ------------------------------------------------------------------ countries the entity layer leaves unlinked

def test_a_country_name_of_two_states_is_the_likelier_one_for_about_1963_germany_and_vietnam():
    # "Germany" in 1963 and "Vietnam" in 1963 name two states each: the entity layer links neither
    assert COUNTRIES + "west-germany-1990" in _about_of("frus1961-63v15/d243", "The British have been having")
    assert COUNTRIES + "south-vietnam-1975" in _about_of("frus1961-63v04/d87", "Bundy was visibly disturbed")


def test_a_country_name_the_gazetteer_holds_for_other_years_is_that_country_1948_siam_1958_palestine_1961_korea():
    assert COUNTRIES + "siam-1939" in _about_of("frus1948v05p1/d392", "This Government has now exchanged")
    assert COUNTRIES + "palestine-1948" in _about_of("frus1958-60v12/d16", "It was agreed that because")
    assert COUNTRIES + "korea-1948" in _about_of("frus1961-63v22/d281", "He said that the Korean economic")
    assert COUNTRIES + "zimbabwe" in _about_of("frus1969-76v28/d237", "I need hardly tell you")


def test_a_glossary_term_for_a_government_by_its_people_or_of_two_states_is_that_country_1970_rtg_1962_gvn():
    assert COUNTRIES + "thailand" in _about_of("frus1969-76v20/d138", "Kriangsak emphasized to Li")   # "Royal Thai Government"
    assert _about_of("frus1961-63v02/d174", "Do not desire approve") == (COUNTRIES + "south-vietnam-1975",)  # "Government of Vietnam"


# ------------------------------------------------------------------ persons the entity layer did not tag

def test_a_glossary_term_whose_description_is_a_linked_person_s_full_name_is_that_person_1957_bg_for_ben_gurion():
    # "BG" is glossed "David Ben Gurion", whom the memorandum links elsewhere; "Sec", glossed by a title, is not read
    assert _about_of("frus1955-57v17/d150", "H said that is not what he said") == ("https://w3id.org/frus-kg/id/people/101160",)


def test_a_name_printed_after_an_honorific_elsewhere_is_that_person_where_it_stands_alone_1948_houdek_papanek():
    # "Mr. Houdek" and "Mr. Papanek" earlier in Power's memorandum; here the names stand alone
    assert DOCS + "frus1948v01p1/d103/persons/houdek" in _about_of("frus1948v01p1/d103", "The official United Nations view")
    assert _about_of("frus1948v01p1/d103", "Houdek had previously agreed") == (DOCS + "frus1948v01p1/d103/persons/papanek",)


def test_a_capitalized_word_after_a_title_and_a_full_stop_is_no_name_1969_prime_minister_under_your_leadership():
    # "…as Prime Minister. Under your continued leadership…": "Under" opens a sentence, it is not Mr. Under
    about = _about_of("frus1969-76v20/d7", "Congratulations and sincere")
    assert not any(iri.endswith("/persons/under") for iri in about)


def test_the_claimant_printed_with_his_title_is_not_about_his_own_claim_1955_ghazzi_1966_toncic():
    record, found = _gold("frus1955-57v15/d125")
    opening = next(c for c in found if record.text[c.start:c.end].startswith("Prime Minister-Foreign Minister Ghazzi asked"))
    assert opening.about == ()
    record, found = _gold("frus1964-68v17/d16")
    toncic = next(c for c in found if record.text[c.start:c.end].startswith("Minister Toncic referred"))
    assert not any(iri.endswith("/persons/toncic") for iri in toncic.about)
    # "British Ambassador was to call on Ghazzi…": a person the claim is about, not its speaker
    record, found = _gold("frus1955-57v15/d125")
    call = next(c for c in found if record.text[c.start:c.end].startswith("British Ambassador was to call on Ghazzi"))
    assert iris.person_iri("100251") in call.about      # Said al-Ghazzi (session 54: authority_names.py)


# ------------------------------------------------------------------ places no gazetteer holds

def test_new_and_a_compass_word_open_a_place_s_name_after_a_locative_word_1960_new_york_1973_east_berlin():
    assert _about_of("frus1958-60v02/d255", "Our Delegation in New York") == (DOCS + "frus1958-60v02/d255/places/new-york",)
    assert DOCS + "frus1969-76ve15p1/d87/places/east-berlin" in _about_of("frus1969-76ve15p1/d87", "Assuming the negotiations")


def test_a_title_in_the_possessive_is_the_person_of_that_title_not_a_name_after_it_1956_king_s_efforts_1955_president_s():
    # "King’s mediation proposal", "President’s statement at press conference": the apostrophe closes the title; session 31:
    # the King of a telegram to Dhahran naming Saudi Arabia in 1956 is Saud by the authority records (had been a local node)
    assert _about_of("frus1955-57v13/d411", "Ambassador said, however, postponement") == ("https://w3id.org/frus-kg/id/people/111961",)
    # round 13: a title no person of the document holds is its holder where POCOM settles it (Eisenhower, 1956)
    assert "https://w3id.org/frus-kg/id/people/103887" in _about_of("frus1955-57v09/d145", "In view of President")


# ------------------------------------------------------------------ bodies named in full that no layer links

def test_a_body_named_head_first_is_a_local_body_and_its_words_after_of_name_it_where_they_recur_1976_munitions_control():
    body = DOCS + "frus1969-76v28/d80/organizations/office-of-munitions-control"
    full = claim("frus1969-76v28/d80", "The Office of Munitions Control, in coordination")
    assert body in full.about
    assert [a.label for a in full.about_local if a.iri == body] == ["Office of Munitions Control"]   # labelled in the graph
    assert body in _about_of("frus1969-76v28/d80", "When the study is completed, Munitions Control will")


def test_a_court_or_a_firm_named_in_full_is_a_local_body_1972_constitutional_court_1976_international_signal():
    assert _about_of("frus1969-76ve15p1/d87", "The Constitutional Court has committed") == (
        DOCS + "frus1969-76ve15p1/d87/organizations/constitutional-court",)
    assert DOCS + "frus1969-76v28/d80/organizations/international-signal-and-controls-corporation" in _about_of(
        "frus1969-76v28/d80", "It is our understanding that International Signal")


def test_names_after_a_title_in_the_plural_are_persons_where_they_stand_alone_even_of_two_letters_1970_generals_li_and_tuan():
    # "CIF Generals Li and Tuan" earlier; then "Kriangsak emphasized to Li and Tuan that RTG purchase…"
    about = _about_of("frus1969-76v20/d138", "Kriangsak emphasized to Li")
    assert DOCS + "frus1969-76v20/d138/persons/li" in about and DOCS + "frus1969-76v20/d138/persons/tuan" in about


def test_a_surname_of_the_authorities_people_standing_alone_mid_sentence_is_a_person_1969_hitler_and_stalin():
    # "I have as little use for Hitler as for Stalin.": neither tagged by the editors, both surnames of record
    assert _about_of("frus1969-76ve05p1/d166", "I have as little use for Hitler") == (
        DOCS + "frus1969-76ve05p1/d166/persons/hitler", iris.person_iri("112894"))   # session 54: Stalin, cited 1969–76


def test_a_surname_of_record_that_opens_a_sentence_names_a_city_or_ends_an_abbreviation_is_no_person_1949_1961_1970():
    assert not any("/persons/" in i for i in _about_of("frus1949v07p1/d3", "Minor disturbing element"))      # a sentence opens
    assert not any("/persons/" in i for i in _about_of("frus1961-63v05/d144", "While Berlin may be put"))    # a city
    # "the Conte-Long amendment": no person Long; since session 13 the amendment's name is an unlinked name
    assert _about_of("frus1969-76ve05p1/d236", "There is no problem about Presidential") == (
        DOCS + "frus1969-76ve05p1/d236/names/conte-long",)


def test_a_country_s_name_inside_the_name_of_a_sea_or_a_gulf_is_the_place_not_the_country_1980_indian_ocean_gulf_of_oman():
    about = _about_of("frus1977-80v01/d135", "We should implement rapidly")
    assert DOCS + "frus1977-80v01/d135/places/indian-ocean" in about and DOCS + "frus1977-80v01/d135/places/gulf-of-oman" in about
    assert COUNTRIES + "india" not in about and COUNTRIES + "oman" not in about


def test_a_compass_word_before_a_continent_names_the_part_of_it_1957_eastern_europe_1977_southern_africa_1980_southwest_asia():
    REGIONS = "https://w3id.org/frus-kg/id/regions/"
    assert REGIONS + "eastern-europe" in _about_of("frus1955-57v25/d78", "The revision of this paper")           # "Eastern European"
    africa = _about_of("frus1969-76v28/d237", "I have been in frequent communication")                          # "southern Africa"
    assert REGIONS + "southern-africa" in africa and REGIONS + "africa" not in africa
    assert DOCS + "frus1977-80v01/d134/places/southwest-asia" in _about_of("frus1977-80v01/d134", "As you consider options")
