""""SYG" is the Secretary-General of the United Nations on the document's date (issue 16, item 4, session 26). The
editors gloss it as a term, so "SYG also said…" was a claimant node of each document (`…/d49/persons/syg`). The
documents are cut unchanged from the FRUS TEI volumes (tests/fixtures/tei/frus1964-68v16-syg.xml,
frus1964-68v13-nato-syg.xml, frus1955-57v17-secretary-general.xml, frus1964-68v13-nato-secretary-general.xml, public
domain)."""
from __future__ import annotations

import pytest

from ingest.authorities import authorities
from ingest.claims import claims_of
from ingest.entities.un_secretary_general import UN_SECRETARY_GENERAL, spelled_out_holder, un_secretary_general
from ontology import iris

U_THANT = iris.person_iri("113472")
HAMMARSKJOLD = iris.person_iri(authorities().holders(UN_SECRETARY_GENERAL, "1957-03-01")[0].hsg)


@pytest.mark.parametrize("date, name", [("1950-06-25", "Trygve Halvdan Lie"), ("1956-11-01", "Dag Hammarskjöld"),
                                        ("1962-10-24", "U Thant"), ("1973-10-20", "Kurt J. Waldheim"),
                                        ("1982-04-30", "Javier Pérez de Cuéllar")])
def test_the_hand_table_gives_one_secretary_general_a_day(date, name):
    (post,) = authorities().holders(UN_SECRETARY_GENERAL, date)
    assert authorities().person(post.hsg).name == name


def test_no_one_holds_the_office_between_hammarskjolds_death_and_u_thant():
    assert authorities().holders(UN_SECRETARY_GENERAL, "1961-10-15") == []


def test_regression_syg_said_was_a_claimant_node_of_its_own(slice_document):
    """d49, a telegram of June 1, 1964: "SYG also said he felt an early report might prejudice prospects…"."""
    record = slice_document("frus1964-68v16-syg.xml", "d49")
    syg = [m for m in record.mentions if record.text[m.start:m.end] == "SYG"]
    assert syg and all(m.kind == "person" and m.entity == U_THANT for m in syg)
    assert all("t_SYG1" in m.explanation and "un_secretaries_general.tsv" in m.explanation for m in syg)
    said = next(c for c in claims_of(record) if record.text.startswith("SYG also said", c.start))
    assert said.claimants == (U_THANT,)
    assert not any(i.endswith("/persons/syg") for c in claims_of(record) for i in (*c.claimants, *c.about))


def test_syg_in_a_nato_telegram_is_not_the_un_secretary_general(slice_document):
    """frus1964-68v13 lists "SYG, Secretary General" only; d97, from the Mission to NATO, speaks of Brosio."""
    record = slice_document("frus1964-68v13-nato-syg.xml", "d97")
    assert [m for m in record.mentions if record.text[m.start:m.end] == "SYG"]
    assert not [m for m in record.mentions if record.text[m.start:m.end] == "SYG" and m.kind == "person"]


@pytest.mark.parametrize("text, expansion", [
    ("Acting SYG summed up the views of the UN members.", "United Nations Secretary-General"),   # not the holder
    ("SYG Luns said the UN was slow.", "United Nations Secretary-General"),      # a title before a name
    ("NATO SYG said the UN was slow.", "United Nations Secretary-General"),
    ("SYG said the Council would meet.", "Secretary General"),                   # the document never speaks of the UN
])
def test_syg_names_no_un_secretary_general_here(text, expansion):
    at = text.index("SYG")
    assert un_secretary_general(text, at, at + 3, "SYG", expansion, "1965-03-01") is None


def test_an_undated_document_has_no_holder():
    assert un_secretary_general("SYG said.", 0, 3, "SYG", "United Nations Secretary-General", None) is None


@pytest.mark.parametrize("doc_id, printed", [
    ("d155", "unless the Secretary General is able to report in 72 hours"),      # a call whose source note cites USUN
    ("d174", "beyond what the Secretary General had in his report"),            # a staff meeting on UNEF in Gaza
])
def test_the_secretary_general_spelled_out_is_the_un_holder_of_the_day(slice_document, doc_id, printed):
    """Session 27: frus1955-57v17 prints "the Secretary General" 331 times, each a node of nobody before."""
    record = slice_document("frus1955-57v17-secretary-general.xml", doc_id)
    at = record.text.index(printed) + printed.index("Secretary")
    (m,) = [m for m in record.mentions if m.start == at]
    assert (m.kind, m.entity, record.text[m.start:m.end]) == ("person", HAMMARSKJOLD, "Secretary General")
    assert "un_secretaries_general.tsv" in m.explanation and "1957-0" in m.explanation


def test_the_secretary_general_of_a_nato_record_is_not_the_un_holder(slice_document):
    """d151 of frus1964-68v13: "civilian control (via NAC and the Secretary General)" is NATO's Brosio."""
    record = slice_document("frus1964-68v13-nato-secretary-general.xml", "d151")
    at = record.text.index("the Secretary General") + 4
    assert not [m for m in record.mentions if m.start == at and m.kind == "person"]


@pytest.mark.parametrize("text", [
    "The Secretary General of the Quai d’Orsay told the Council the UN was slow.",       # another body's
    "The Secretary-General said NATO would not press the matter in the UN.",            # NATO in play
    "The Secretary-General said the Council would meet.",                               # no word of the UN
])
def test_the_spelled_out_title_is_left_alone_where_another_body_may_hold_it(text):
    assert spelled_out_holder(text, "1957-03-01") is None
