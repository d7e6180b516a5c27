"""Claims, session 13: names a claim is about that no layer links (ingest/claims/unlinked_names.py).

A capitalized word is a name only where the corpus does not print it in lower case; titles, abbreviations, months
and days are not names; a name is local to its document and feeds `about` only. Session 14: documents, laws,
schemes, treaties, weapons and ships are not names either, as the annotation guide does not count them."""
from __future__ import annotations

import re

from ingest.claims.cues import load_cues
from ingest.claims.unlinked_names import common_words, unlinked_names, weapon_names
from ingest.records import DocumentRecord, Page, VolumeRecord
from ingest.triples import KIND_CLASS
from ontology import iris
from tests.ingest.test_claims_round7 import _gold, claim

D6 = "frus1955-57v01/d6"


def _record(text: str) -> DocumentRecord:
    return DocumentRecord(volume=VolumeRecord("frus1955-57v01", "t"), doc_id="d900", number="900", heading="h",
                          text=text, source="<t>", date="1955-01-01", pages=[Page("1", 0, len(text))])


def _names(text: str, taken: list[tuple[int, int]] = ()) -> list[str]:
    return [m.label for m in unlinked_names(_record(text), sorted(taken), load_cues())]


def test_the_shipped_word_list_holds_words_and_not_names():
    common = common_words()
    assert len(common) > 10_000
    assert {"moreover", "government", "appendix", "interior"} <= common
    assert not {"quemoy", "biafra", "xuyen", "kashmir", "gaza"} & common


def test_a_name_no_layer_links_is_read_and_local_to_its_document():
    found = unlinked_names(_record("He feared the Binh Xuyen would seize Quemoy."), [], load_cues())
    assert [m.label for m in found] == ["Binh Xuyen", "Quemoy"]
    assert found[0].entity == iris.document_iri("frus1955-57v01", "d900") + "/names/binh-xuyen"
    assert {m.kind for m in found} == {"name"} and KIND_CLASS["name"].endswith("UnlinkedName")
    assert "no layer links" in found[0].explanation


def test_words_titles_abbreviations_months_and_days_are_not_names():
    assert _names("Moreover, the Government said in Deptel 12 on Monday, January 5, that The Sec agreed.") == []
    assert _names("Furthermore, Appendix B and the Interior Department were read by the Ambassador.") == []
    assert _names("His Excellency said at Christmas that East-West trade and the Aide-Mémoire matter.") == []


def test_a_leading_article_and_a_possessive_are_not_part_of_the_name_and_contractions_are_no_names():
    assert _names("In Biafra’s view the war goes on.") == ["Biafra"]
    assert _names("Although Samran said so, If Castro agrees, Since Quemoy holds.") == ["Samran", "Castro", "Quemoy"]
    assert _names("He said: I'll see; We’ll see.") == []


def test_a_name_a_mention_already_covers_is_not_read_again():
    text = "He feared the Binh Xuyen would seize Quemoy."
    at = text.index("Quemoy")
    assert _names(text, [(at, at + len("Quemoy"))]) == ["Binh Xuyen"]


def test_the_binh_xuyen_are_what_collinss_telegram_reports_about():
    c = claim(D6, "We have had some reports, so far unconfirmed, that Binh Xuyen")
    assert iris.document_iri("frus1955-57v01", "d6") + "/names/binh-xuyen" in c.about


def test_claimants_never_come_from_unlinked_names():
    record, found = _gold(D6)
    assert found and not any("/names/" in who for c in found for who in c.claimants)
    assert not any(m.kind == "name" for m in record.mentions)      # the record's mentions are unchanged


def test_the_name_is_described_in_the_document_graph_with_its_class_and_label():
    from ingest.triples import document_graph
    record, found = _gold(D6)
    record.claims[:] = found
    nt = "\n".join(str(q) for q in document_graph(record).quads())
    node = re.escape(iris.document_iri("frus1955-57v01", "d6") + "/names/binh-xuyen")
    assert re.search(rf"<{node}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{re.escape(KIND_CLASS['name'])}>", nt)
    assert re.search(rf'<{node}> <http://www.w3.org/2000/01/rdf-schema#label> "Binh Xuyen"', nt)


def test_the_shipped_weapon_list_holds_weapons_and_ships_and_not_places():
    weapons = weapon_names()
    assert {"titan", "pueblo", "skybolt", "polaris", "minuteman"} <= weapons
    assert not {"quemoy", "geneva", "berlin", "biafra", "gaza", "kashmir"} & weapons


def test_a_name_ending_in_a_document_law_or_treatys_noun_is_not_a_name():
    assert _names("They invoked the Geneva Accords, the Jorden Report and the Cooley Amendment.") == []
    assert _names("The Rio Pact and the Montreux Convention bind them, he said of Quemoy.") == ["Quemoy"]


def test_a_name_before_a_schemes_noun_names_the_scheme_but_before_a_documents_noun_it_is_counted():
    assert _names("It is modeled on the Schuman plan and on Farmgate operations.") == []
    assert _names("He discussed the Biafra proposal and his Georgetown speech.") == ["Biafra", "Georgetown"]


def test_weapons_and_ships_the_corpus_names_as_such_are_not_names():
    assert _names("He described the Titan, the Skybolt, and the return of the Pueblo to Quemoy.") == ["Quemoy"]


def test_the_titan_missile_is_not_what_eisenhower_spoke_about():
    c = claim("frus1958-60v07p2/d134", "The President spoke at some length describing the Atlas, Titan")
    assert c is not None and not any(iri.endswith("/names/titan") for iri in c.about)


def test_the_uss_pueblo_is_not_what_mcnamara_told_rusk_about():
    c = claim("frus1964-68v29p1/d292", "Secretary McNamara informed Secretary Rusk")
    assert c is not None and not any(iri.endswith("/names/pueblo") for iri in c.about)


def test_a_name_the_corpus_never_prints_in_lower_case_is_the_speaker_even_alone_at_the_sentences_start():
    c = claim("frus1969-76v12/d155", "Vorontsov said the only foreign troops in Cambodia")
    assert c.claimants == (iris.person_iri("114132"),)     # Vorontsov (session 54: authority_names.py)
    assert "a name the entity layer did not link" in c.explanation
    assert not any("vorontsov" in iri for iri in c.about)


def test_a_telegrams_abbreviation_alone_at_the_sentences_start_is_no_speaker():
    c = claim("frus1969-76v12/d202", "Emboff said we would transmit context of declaration")
    assert c is not None and not any("emboff" in iri.lower() for iri in c.claimants)


def test_a_two_letter_surname_is_a_word_of_its_persons_name():
    c = claim("frus1969-76v19p1/d171", "Yu said his government wished to begin withdrawing troops")
    assert c.claimants == ("https://w3id.org/frus-kg/id/people/114975",)     # Yu Ta-wei, "Minister Yu" before
