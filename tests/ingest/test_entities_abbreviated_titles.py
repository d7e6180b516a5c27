"""Titles a telegram abbreviates and prints without its article (issue 16, session 45): "Secy said…" is the
Secretary of State on the document's date, as "the Secretary" is; "Secy Gen", "Secy of Defense" and "Secy Rusk" are
not read so."""
from __future__ import annotations

import re

from ingest.claims import claims_of
from ingest.entities import EntityExtractor
from ingest.heading import parties_of
from ingest.records import DocumentRecord, Mention, Page, Party, VolumeRecord
from ontology import iris

RUSK = iris.person_iri("111738")
HEADING = "301. Telegram From the Mission to the United Nations to the Department of State"


def _telegram(body: str, glossed: str | None = None) -> DocumentRecord:
    """The telegram, with the editors' term tag (#t_Secy1, "Secy, Secretary" in the terms list) on each `glossed`."""
    text = f"{HEADING}\n\nNew York, November 3, 1968, 0130Z.\n\n{body}"
    tags = [Mention(m.start(), m.end(), "term", "tei-markup", 1.0, "https://example.org/terms/t_Secy1", "Secretary",
                    tei_ref="#t_Secy1") for m in re.finditer(re.escape(glossed), text)] if glossed else []
    record = DocumentRecord(VolumeRecord("frus1964-68v20", "t"), "d301", "301", HEADING, text, "<test>", date="1968-11-03",
                            pages=[Page("1", 0, len(text))], body_start=text.index(body), mentions=tags)
    record.parties.extend(Party(p.role, p.name, p.office, p.start, p.end) for p in parties_of(HEADING))
    EntityExtractor(title_only=True).run(record)
    return record


def _mentions_at(record: DocumentRecord, printed: str) -> list:
    at = record.text.index(printed, record.body_start)
    return [m for m in record.mentions if m.start == at and m.kind == "person"]


def test_secy_in_a_telegram_is_the_secretary_of_state_on_the_date():
    """frus1964-68v20 d301: "Secy said he speaking only for US, not anyone else." had gone to Israel, the voice of the
    numbered points, because "Secy" was no one; it is Rusk, Secretary of State on November 3, 1968 (POCOM)."""
    record = _telegram("7544. In lengthy review with Riad of settlement issues, Secy outlined US views.\n\n"
                       "Secy said he speaking only for US, not anyone else.")
    [secy] = _mentions_at(record, "Secy said")
    assert secy.entity == RUSK and "POCOM" in secy.explanation
    assert secy.explanation.startswith("'Secy' abbreviates the title; 'the Secretary': ")
    [said] = [c for c in claims_of(record) if record.text.startswith("Secy said", c.start)]
    assert said.claimants == (RUSK,)


def test_guard_secy_gen_secy_of_defense_and_secy_before_a_name_are_not_the_secretary_alone():
    record = _telegram("Secy Gen said he would see Riad. SECY GEN WILL SEE RIAD. Secy of Defense will attend. "
                       "SECY FOR HIS PART AGREED. Secy Rusk met Eban.")
    for printed in ("Secy Gen", "SECY GEN", "Secy of Defense", "SECY FOR", "Secy Rusk"):
        at = record.text.index(printed)
        assert not [m for m in record.mentions if (m.start, m.end) == (at, at + 4)], printed


def test_secy_glossed_by_the_editors_as_a_term_is_the_secretary_and_keeps_the_tag():
    """Session 46: eight volumes gloss "Secy" in their terms lists ("Secy, Secretary"; 143 of the 627 printed); the gloss
    had stayed a term, so "The Secy said there was one matter…" (frus1958-60v14 d118) went to a node named "Secy"."""
    record = _telegram("The Secy said there was one matter he would like to mention confidentially.", glossed="Secy")
    [secy] = _mentions_at(record, "Secy said")
    assert secy.entity == RUSK and secy.tei_ref == "#t_Secy1"
    [said] = [c for c in claims_of(record) if record.text.startswith("The Secy said", c.start)]
    assert said.claimants == (RUSK,)


def test_regression_secy_with_its_period_before_a_name_is_not_the_secretary():
    """Session 46: "…attended by Asst. Secy. Bundy and for a time by Secretary" (frus1964-68v26 d43): the period let
    "Secy" match without it, so it read as the Secretary of State though a name follows."""
    record = _telegram("Meetings attended by Asst. Secy. Bundy. SECY. RUSK WAS ALSO THERE.")
    for printed in ("Secy. Bundy", "SECY. RUSK"):
        assert not _mentions_at(record, printed), printed
